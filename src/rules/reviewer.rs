//! What a reviewer (审核) rejects that the syntax cannot show: names that are
//! a value or a level name, money posed as an output, a cost above the
//! project's money, weights that do not add up, too few indicators. Sources
//! are named per rule in docs/reviewer-rules.md.

use super::facts::{blank, Row, RowLabel, RowPointer};
use super::{Facts, Findings, Rule};
use crate::form::amount::{self, display, Unit};
use crate::form::model::Indicator;
use crate::rule::rule;
use crate::target_value::lexicon::Words;
use crate::target_value::{Kind, Op, UnitClass};
use crate::templates::{taxonomy, Money, Template};
use crate::text::fold::fold_char;
use rust_decimal::Decimal;

rule!(
    INDICATOR_NAME_HAS_TARGET,
    Row,
    Warning,
    VALUE_MISMATCH,
    "指标名称里写了指标值（如“覆盖率≥90%”）",
    "the name carries its own target"
);
rule!(
    INDICATOR_NAME_IS_CATEGORY,
    Row,
    Warning,
    NOT_QUANTIFIED,
    "指标名称只是指标类别（如“社会效益”）",
    "the name is only a level name"
);
rule!(
    INPUT_AS_OUTPUT,
    Row,
    Warning,
    NOT_RELEVANT,
    "把资金投入或管理要求当作产出或效益",
    "money or a management duty posed as an output or effect"
);
rule!(
    COST_EXCEEDS_FUNDS,
    Form,
    Warning,
    VALUE_MISMATCH,
    "成本指标的金额超过项目资金",
    "a cost bound exceeds the project's funds"
);
rule!(
    WEIGHT_SUM,
    Form,
    Error,
    OTHER,
    "权重合计不等于模板规定的总分",
    "the weights do not add up to the template's total"
);
rule!(
    INDICATOR_COUNT_LOW,
    Form,
    Warning,
    INCOMPLETE,
    "三级指标少于模板要求的条数",
    "fewer indicators than the template requires"
);

pub const RULES: &[Rule] = &[
    INDICATOR_NAME_HAS_TARGET,
    INDICATOR_NAME_IS_CATEGORY,
    INPUT_AS_OUTPUT,
    COST_EXCEEDS_FUNDS,
    WEIGHT_SUM,
    INDICATOR_COUNT_LOW,
];

/// Money and management duties: inputs to a project, not what it delivers.
const INPUT_WORDS: Words = Words::new(&[
    "资金到位",
    "资金拨付",
    "资金支付",
    "资金支出",
    "资金使用",
    "经费使用",
    "经费支出",
    "支出到位",
    "支出安排",
    "支出率",
    "预算执行",
    "专款专用",
    "结余率",
]);

/// Bounds a name may not state in any form (`采购价格不高于市场价`), and a
/// name that is its own requirement (`控制在预算成本内`; not a bare `预算内`:
/// 中央预算内投资 is the name of a fund).
const STATED_BOUNDS: Words = Words::new(&[
    "不低于",
    "不高于",
    "不少于",
    "不超过",
    "不大于",
    "不小于",
    "控制在",
    "预算成本内",
    "预算范围内",
]);
/// Words that bound a number after them (`收入达到5亿元`).
const BOUND_WORDS: Words = Words::new(&["达到", "最高", "最低"]);

/// What a name that is only a value may hold besides digits (`2020年`, `100万`, `2020年12月完成`).
const VALUE_ONLY: &str = "年月日天万亿千百元个人次项件全完成底前内%.";

/// Whether the name states its own target. `name` is as written, numbering
/// and all (a name that is only `2020年` has no numbering to remove), and is
/// read in one pass without folding it again; `core` is folded and without
/// the numbering.
fn names_target(name: &str, core: &str) -> bool {
    let worded = STATED_BOUNDS.find_in(core).next().is_some() || core.ends_with("全覆盖");
    worded || names_number(name) && (numbered_bound(core) || name_is_value(name))
}

/// `…达到5亿元`, `…100%`, `…1000万元`: a bound word before a number, or the
/// name ending in a number and its unit.
fn numbered_bound(core: &str) -> bool {
    let digit_at = |i: usize| {
        core.get(i..)
            .is_some_and(|rest| rest.starts_with(|d: char| d.is_ascii_digit()))
    };
    let body = core.trim_end_matches(['%', '元', '万', '亿']);
    BOUND_WORDS
        .find_in(core)
        .any(|(i, w)| digit_at(i.saturating_add(w.len())))
        || (body.len() < core.len() && body.ends_with(|c: char| c.is_ascii_digit()))
}

/// Whether the name holds a number at all: most do not, and then no rule
/// about numbers needs to look further.
fn names_number(name: &str) -> bool {
    name.chars().any(|c| fold_char(c).is_ascii_digit())
}

/// One pass over the name: a bound symbol before a number (`覆盖率≥90%`; the
/// template's hint `≥**人` is not one), a dated deadline (`2021年11月30日前`:
/// four digits, 年, digits, 月), or nothing but a value (`2020年`, `100万`).
fn name_is_value(name: &str) -> bool {
    let mut after_symbol = false;
    let mut run = 0usize; // digits just before this character
    let mut year_then = 0u8; // 1: after `NNNN年`, 2: and digits after it
    let mut only_value = true;
    let mut first = true;
    for c in name.trim().chars().map(fold_char) {
        let digit = c.is_ascii_digit();
        if digit && after_symbol {
            return true;
        }
        if c == '月' && year_then == 2 {
            return true;
        }
        only_value = only_value && (digit || !first && VALUE_ONLY.contains(c));
        first = false;
        year_then = match (year_then, digit) {
            (1 | 2, true) => 2,
            _ if c == '年' && run >= 4 => 1,
            _ => 0,
        };
        run = if digit { run.saturating_add(1) } else { 0 };
        after_symbol = matches!(c, '≥' | '≤' | '>' | '<' | '=');
    }
    only_value && !first
}

/// Whether a name is one of the template's level names (`社会效益`, `社会成本指标`).
/// Satisfaction names are left alone: `满意度` alone is how many forms
/// name their survey row, and reviewers accept it.
fn names_level(template: &Template, core: &str) -> bool {
    // The longest level name (社会公众或服务对象满意度指标) has 14 characters.
    if core.len() > 16 * 3 {
        return false;
    }
    let b = taxonomy::base(core);
    let b = b.as_str();
    !b.is_empty()
        && !b.ends_with("满意度")
        && template
            .levels
            .iter()
            .any(|l| l.base == b || l.aliases.contains(&b) || l.children.contains(&b))
}

/// One row's own reviewer rules.
pub fn row(c: &Facts, ind: &Indicator, info: &Row, f: &mut Findings) {
    if info.placeholder_name || blank(&ind.name) {
        return;
    }
    let p = RowPointer::row(info.index).at("name");
    let label = RowLabel::new(info.index, &ind.name);
    let name = ind.name.as_deref().unwrap_or_default().trim();
    let core = info.core.as_str();
    if names_target(name, core) {
        f.add(
            &INDICATOR_NAME_HAS_TARGET,
            p,
            format!("{label}的名称里写了指标值，请移到指标值栏"),
            "move the target out of the name".into(),
            vec![("name", name.to_string())],
        );
    } else if names_level(c.template, core) {
        f.add(
            &INDICATOR_NAME_IS_CATEGORY,
            p,
            format!("{label}只是指标类别，请写明衡量什么"),
            "say what is measured".into(),
            vec![("name", name.to_string())],
        );
    }
    let level1 = info.levels.level1.map_or("", |l| l.base);
    // Cost rows are money by nature; 产出 and 效益 rows are not.
    if matches!(level1, "产出" | "效益") && !info.cost() {
        if let Some((_, w)) = INPUT_WORDS.find_in(core).next() {
            f.add(
                &INPUT_AS_OUTPUT,
                p,
                format!("{label}（{w}）是投入或管理要求，不是产出或效益"),
                "an input, not an output or effect".into(),
                vec![("word", w.to_string())],
            );
        }
    }
}

/// The table as a whole: weights, how many rows, cost bounds against the money.
pub fn check(c: &Facts, f: &mut Findings) {
    let named: Vec<(&Indicator, &Row)> = c
        .rows()
        .filter(|(ind, r)| super::facts::counts(ind, r))
        .collect();
    weights(c, &named, f);
    let min = c.template.min_indicators;
    if !named.is_empty() && named.len() < min {
        let n = named.len();
        f.add(
            &INDICATOR_COUNT_LOW,
            "/indicators",
            format!("只有 {n} 条指标，本模板至少需要 {min} 条"),
            format!("{n} indicators; the template requires at least {min}"),
            vec![("count", n.to_string()), ("min", min.to_string())],
        );
    }
    if let Some((funds, what)) = project_money(c) {
        for (ind, r) in &named {
            cost_bound(c, ind, r, funds, what, f);
        }
    }
}

fn weights(c: &Facts, named: &[(&Indicator, &Row)], f: &mut Findings) {
    let mut given = named
        .iter()
        .filter_map(|(ind, _)| ind.weight.as_deref())
        .filter(|w| !w.trim().is_empty())
        .peekable();
    if given.peek().is_none() {
        return;
    }
    // An unreadable weight is not summed: the sum would say nothing.
    let Some(sum) = given.try_fold(Decimal::ZERO, |acc, w| {
        amount::parse(w.trim_end_matches('分'), Unit::Yuan)
            .ok()
            .and_then(|v| amount::add(acc, v))
    }) else {
        return;
    };
    let total = Decimal::from(c.template.weight_total);
    if sum != total {
        let s = sum.normalize();
        f.add(
            &WEIGHT_SUM,
            "/indicators",
            format!("指标权重合计为 {s}，应为 {total}"),
            format!("the weights add up to {s}, not {total}"),
            vec![("sum", s.to_string()), ("expected", total.to_string())],
        );
    }
}

/// The project's money and what it is called: the larger of the annual
/// and the total amounts (in the form's unit), as a cost bound may be either.
fn project_money(c: &Facts) -> Option<(Decimal, &'static str)> {
    let read = |t: &Option<String>| t.as_deref().and_then(|t| amount::parse(t, c.unit).ok());
    let (annual, total) = match c.template.money {
        Money::Funds => c
            .form
            .funds
            .as_ref()
            .map(|m| (read(&m.annual), read(&m.total)))?,
        Money::Budget => c
            .form
            .budget
            .as_ref()
            .map(|m| (read(&m.current), read(&m.total)))?,
    };
    match (annual, total) {
        (Some(a), Some(t)) if t > a => Some((t, "项目资金总额")),
        (Some(a), _) => Some((a, "年度资金")),
        (None, Some(t)) => Some((t, "项目资金总额")),
        (None, None) => None,
    }
}

/// The power of ten that turns one of a money unit into 元 (`万元` → 4).
fn yuan_exponent(unit: &str) -> Option<u32> {
    match unit.trim() {
        "元" => Some(0),
        "千元" => Some(3),
        "万元" | "万" => Some(4),
        "百万元" => Some(6),
        "亿元" => Some(8),
        _ => None,
    }
}

/// Whether `a` (in `a_unit`) is more money than `b` (in `b_unit`), exactly:
/// both mantissas brought to one power of ten by multiplying only, so
/// neither Decimal's nor i128's division is linked into the wasm module.
fn more_money(a: Decimal, a_unit: &str, b: Decimal, b_unit: &str) -> Option<bool> {
    // a = ma·10^ea, b = mb·10^eb in 元.
    let ea = i64::from(yuan_exponent(a_unit)?).checked_sub(i64::from(a.scale()))?;
    let eb = i64::from(yuan_exponent(b_unit)?).checked_sub(i64::from(b.scale()))?;
    let up = |m: i128, by: i64| m.checked_mul(10i128.checked_pow(u32::try_from(by).ok()?)?);
    let (ma, mb) = if ea >= eb {
        (up(a.mantissa(), ea.checked_sub(eb)?)?, b.mantissa())
    } else {
        (a.mantissa(), up(b.mantissa(), eb.checked_sub(ea)?)?)
    };
    Some(ma > mb)
}

fn cost_bound(c: &Facts, ind: &Indicator, r: &Row, funds: Decimal, what: &str, f: &mut Findings) {
    let Some(t) = r.target.as_ref().filter(|_| r.cost()) else {
        return;
    };
    let bound = matches!(t.op, Some(Op::Le | Op::Lt | Op::Eq) | None);
    if t.kind != Some(Kind::Quantitative) || t.unit_class != Some(UnitClass::Money) || !bound {
        return;
    }
    let u = c.unit.label();
    let unit = t.unit.as_deref().unwrap_or_default();
    if t.value.and_then(|v| more_money(v, unit, funds, u)) == Some(true) {
        let label = RowLabel::new(r.index, &ind.name);
        f.add(
            &COST_EXCEEDS_FUNDS,
            RowPointer::row(r.index).at(r.target_field),
            format!("{label}的成本超过{what} {} {u}", display(funds)),
            format!("the cost exceeds the funds ({} {u})", display(funds)),
            vec![
                ("input", t.input.clone()),
                ("funds", amount::canonical(funds)),
            ],
        );
    }
}
