//! Target values in context: readable, canonical, with the unit, bound and
//! direction the indicator's name calls for, and within the project period.
//! The diagnostics `normaliseTarget` itself reports are in target::diagnostics.

use super::facts::{Row, RowLabel, RowPointer};
use super::{Facts, Findings, Rule};
use crate::form::amount;
use crate::form::model::Indicator;
use crate::rule::rule;
use crate::target_value::diagnostics::{
    TARGET_EXCEL_DATE, TARGET_RANGE, TARGET_SYSTEM_CHARS, TARGET_TOO_LONG, TARGET_UNIT_MISSING,
};
use crate::target_value::lexicon::Words;
use crate::target_value::{Diagnostic, Kind, Op, Status, Target, UnitClass};
use crate::templates::Optional;
use crate::text::charset::CharSet;
use rust_decimal::Decimal;

rule!(
    TARGET_INVALID,
    Row,
    Error,
    VALUE_MISMATCH,
    "指标值无法识别或不完整（详见 params.detail 对应的指标值诊断）",
    "the target cannot be read or is unfinished (params.detail names the target diagnostic)"
);
rule!(
    TARGET_NOT_CANONICAL,
    Row,
    Info,
    OTHER,
    "指标值可写成一体化系统的规范形式（如 ≥90.00(%)）",
    "the target has a canonical spelling (e.g. ≥90.00(%))"
);
rule!(
    TARGET_UNIT_MISMATCH,
    Row,
    Warning,
    VALUE_MISMATCH,
    "计量单位与指标名称不符（如“率”“满意度”不用 %，“人数”不用“人”）",
    "the unit does not fit the indicator (a rate not in %, a head count not in 人 …)"
);
rule!(
    RATE_OVER_100,
    Row,
    Error,
    VALUE_MISMATCH,
    "比率类指标的目标值要求超过 100%",
    "a rate is required to exceed 100%"
);
rule!(
    RATE_AT_LEAST_100,
    Row,
    Info,
    VALUE_MISMATCH,
    "比率类指标写成 ≥100%，实际只能等于 100%，应写 =100%",
    "≥100% on a rate can only mean exactly 100%"
);
rule!(DIRECTION_SUSPECT, Row, Warning, VALUE_MISMATCH, "比较方向可疑：越低越好的指标（故障率、事故、差错、投诉、发生率）用了 ≥ 或过松的上限，越高越好的指标（满意度、合格率、完成率、覆盖率、及时率）用了 < 或 ≤", "the comparison points the wrong way for the indicator, or the bound is too loose");
rule!(
    SATISFACTION_LOW,
    Row,
    Warning,
    VALUE_MISMATCH,
    "满意度目标低于 80%",
    "a satisfaction target below 80%"
);
rule!(
    QUANTITY_NOT_QUANTITATIVE,
    Row,
    Warning,
    NOT_QUANTIFIED,
    "数量指标的指标值不是数值",
    "a 数量 indicator has a qualitative target"
);
rule!(
    TIMELINESS_NOT_TIME,
    Row,
    Warning,
    VALUE_MISMATCH,
    "时效指标的指标值既不是完成时限、时长，也不是百分比",
    "a 时效 indicator's target is neither a deadline, a duration nor a percentage"
);
rule!(
    DEADLINE_OUTSIDE_PERIOD,
    Row,
    Error,
    VALUE_MISMATCH,
    "完成时限不在项目实施期内",
    "the deadline lies outside the project period"
);

rule!(
    TARGET_NEGATIVE,
    Row,
    Warning,
    VALUE_MISMATCH,
    "指标值是负数",
    "a negative target"
);
rule!(
    TARGET_PERCENTAGE_POINT,
    Row,
    Warning,
    VALUE_MISMATCH,
    "比率用 %，比率的变化才用百分点",
    "a rate is in %, its change in percentage points"
);
rule!(
    DEADLINE_AFTER_YEAR,
    Row,
    Warning,
    VALUE_MISMATCH,
    "年度指标的完成时限晚于申报年度",
    "an annual deadline after the budget year"
);

pub const RULES: &[Rule] = &[
    TARGET_INVALID,
    TARGET_NOT_CANONICAL,
    TARGET_UNIT_MISSING,
    TARGET_UNIT_MISMATCH,
    RATE_OVER_100,
    RATE_AT_LEAST_100,
    DIRECTION_SUSPECT,
    SATISFACTION_LOW,
    QUANTITY_NOT_QUANTITATIVE,
    TARGET_VAGUE,
    TIMELINESS_NOT_TIME,
    DEADLINE_OUTSIDE_PERIOD,
    DEADLINE_AFTER_YEAR,
    TARGET_NEGATIVE,
    TARGET_PERCENTAGE_POINT,
    TARGET_RANGE,
    TARGET_TOO_LONG,
    TARGET_SYSTEM_CHARS,
];

rule!(
    TARGET_VAGUE,
    Row,
    Warning,
    NOT_QUANTIFIED,
    "产出或效益指标的指标值只有方向、没有可衡量的水平（如“进一步提高”“明显改善”），应量化或分级分档表述",
    "an output or effect target states a direction without a measurable level (进一步提高, 明显改善)"
);

/// Which word lists a name hits, found in one pass over its characters;
/// the lists are spelled out only where one of their words may begin.
fn word_hits(name: &str) -> u8 {
    const LISTS: [(&Words, u8); 6] = [
        (&RATE_WORDS, RATE),
        (&GROWTH_WORDS, GROWTH),
        (&BAD_WORDS, BAD),
        (&BAD_EXCEPT, EXCEPT),
        (&GOOD_WORDS, GOOD),
        (&SATISFACTION_WORDS, SATISFACTION),
    ];
    const ANY: CharSet = {
        let mut set = CharSet::EMPTY;
        let mut rest: &[(&Words, u8)] = &LISTS;
        while let [(words, _), tail @ ..] = rest {
            set = set.with_first_of_each(words.list);
            rest = tail;
        }
        set
    };
    let mut hits = 0u8;
    for (i, c) in name.char_indices() {
        if !ANY.may_contain(c) {
            continue;
        }
        let rest = name.get(i..).unwrap_or_default();
        for (words, bit) in LISTS {
            if words.may_begin(c) && words.list.iter().any(|w| rest.starts_with(w)) {
                hits |= bit;
            }
        }
    }
    hits
}

const RATE: u8 = 1;
const GROWTH: u8 = 2;
const BAD: u8 = 4;
const EXCEPT: u8 = 8;
const GOOD: u8 = 16;
const SATISFACTION: u8 = 32;

/// A time said in prose (12月底前100%到位, 全天候可用, 按月安排) answers a 时效
/// row; 及时, 按时 or 在规定的时间内完成 name no time and do not.
const TIME_WORDS: Words = Words::new(&[
    "前", "底", "全年", "全天", "按月", "按季", "每月", "每季", "每年", "每日", "每天", "每周",
    "小时", "天", "日", "月", "年", "周", "季度",
]);
const SATISFACTION_WORDS: Words = Words::new(&["满意"]);
const RATE_WORDS: Words = Words::new(&["率", "满意度", "比例", "占比"]);
const GROWTH_WORDS: Words = Words::new(&["增长", "增幅", "提升", "提高", "上升", "增加"]);
const BAD_WORDS: Words = Words::new(&[
    "故障",
    "事故",
    "差错",
    "投诉",
    "发生率",
    "失误",
    "不良",
    "错误",
    "退回率",
    "重复率",
    "违规",
    "缺陷",
    "逾期",
]);
const BAD_EXCEPT: Words = Words::new(&[
    "下降",
    "降低",
    "减少",
    "处理率",
    "处置率",
    "整改",
    "办结",
    "查处",
    "解决",
]);
const GOOD_WORDS: Words = Words::new(&[
    "满意度",
    "满意率",
    "合格率",
    "完成率",
    "覆盖率",
    "及时率",
    "准确率",
    "达标率",
    "通过率",
    "知晓率",
    "执行率",
    "到位率",
    "正确率",
    "达成率",
    "开机率",
    "上报率",
    "建档率",
    "签约率",
    "落实率",
]);
/// Notes a deadline's canonical form may drop: they only say "done by".
const DEADLINE_NOTES: &[&str] = &["完成", "全部完成", "完工", "办结", "前完成"];
/// Words that count people as well as 人 does (`42名`, `42个`).
const PEOPLE_CLASSIFIERS: &[&str] = &["名", "位", "个"];
/// Name endings that call for one unit.
const COUNT_UNITS: &[(&str, &str)] = &[
    ("人数", "人"),
    ("人次", "人次"),
    ("次数", "次"),
    ("篇数", "篇"),
    ("台次", "台次"),
];

/// What the indicator's name and level say about its target.
struct Meaning<'a> {
    name: &'a str,
    rate: bool,
    /// Written as a quotient (`参加培训人次/技术人员总人数`): a percentage, but
    /// one that may exceed 100%.
    ratio: bool,
    growth: bool,
    bad: bool,
    good: bool,
    satisfaction: bool,
    count: bool,
    /// A cost row (经济成本, 成本指标 …): its money has an upper bound.
    cost: bool,
    level2: &'a str,
    /// Base name of the row's level 1 (产出, 效益 …), empty when unknown.
    level1: &'a str,
}

fn meaning<'a>(n: &'a str, level1: &'a str, level2: Option<&'a str>, cost: bool) -> Meaning<'a> {
    let l2 = level2.unwrap_or("");
    let hits = word_hits(n);
    let bad = hits & BAD != 0 && hits & EXCEPT == 0;
    let satisfaction = hits & SATISFACTION != 0 || l2.contains("满意度");
    let ratio = n.contains('/');
    let rate = hits & RATE != 0 || satisfaction || ratio;
    Meaning {
        rate,
        ratio,
        growth: hits & GROWTH != 0,
        bad,
        good: hits & GOOD != 0 && !bad,
        satisfaction,
        count: !rate
            && (n.ends_with('数')
                || n.ends_with("数量")
                || n.ends_with("人次")
                || n.ends_with("台次")),
        cost,
        name: n,
        level2: l2,
        level1,
    }
}

fn fmt(v: Decimal) -> String {
    v.normalize().to_string()
}

/// One row's target: readable, canonical, fitting its indicator.
pub fn row(c: &Facts, ind: &Indicator, info: &Row, f: &mut Findings) {
    if info.placeholder_name || info.placeholder_target {
        return;
    }
    let Some(t) = info.target.as_ref() else {
        return;
    };
    let p = RowPointer::row(info.index).at(info.target_field);
    let row = RowLabel::new(info.index, &ind.name);
    let level1 = info.levels.level1.map_or("", |l| l.base);
    let m = meaning(
        &info.core,
        level1,
        info.levels.level2.as_deref(),
        info.cost(),
    );
    match t.status {
        Status::Empty => return,
        // A bare 0 (超概算项目比例 0) is none of anything: no unit to ask for.
        Status::Incomplete if unit_only(t) && t.value.is_some_and(|v| v.is_zero()) => return,
        Status::Invalid | Status::Incomplete => {
            invalid(p, row, t, f);
            return;
        }
        Status::Valid => {}
    }
    for d in &t.diagnostics {
        if let Some(rule) = [TARGET_RANGE, TARGET_TOO_LONG, TARGET_SYSTEM_CHARS]
            .iter()
            .find(|r| r.code == d.code)
        {
            f.add(
                rule,
                p,
                format!("{row}：{}", d.message),
                d.message_en.clone(),
                vec![("input", t.input.clone())],
            );
        }
    }
    let canonical = t.canonical.as_deref().unwrap_or_default();
    let numeric = matches!(
        t.kind,
        Some(Kind::Quantitative | Kind::Duration | Kind::Range | Kind::Rank | Kind::Deadline)
    );
    // Suggested only when it says all the input says: words kept as a
    // note (`≤2小时到场`) would be lost by the rewrite.
    let whole = t
        .note
        .as_deref()
        .is_none_or(|n| t.kind == Some(Kind::Deadline) && DEADLINE_NOTES.contains(&n));
    // Split columns are stored split: there is no one-string spelling to suggest.
    let one_string =
        info.target_field == "target" && c.template.applies(Optional::CanonicalTargets);
    if numeric && whole && one_string && t.input.trim() != canonical {
        f.add(
            &TARGET_NOT_CANONICAL,
            p,
            format!("{row}的指标值“{}”规范写法为“{canonical}”", t.input.trim()),
            format!(
                "\"{}\" is written canonically as \"{canonical}\"",
                t.input.trim()
            ),
            vec![
                ("input", t.input.clone()),
                ("canonical", canonical.to_string()),
            ],
        );
    }
    semantics(p, row, t, &m, f);
    if t.kind == Some(Kind::Deadline) {
        deadline(c, ind, p, row, t, f);
    }
}

/// The target is a finished number that only lacks its unit.
fn unit_only(t: &Target) -> bool {
    t.status == Status::Incomplete
        && t.diagnostics
            .first()
            .is_some_and(|d| d.code == TARGET_UNIT_MISSING.code)
}

fn invalid(p: RowPointer, row: RowLabel, t: &Target, f: &mut Findings) {
    let first: Option<&Diagnostic> = t.diagnostics.first();
    if let Some(d) = first.filter(|d| d.code == TARGET_EXCEL_DATE.code) {
        f.add(
            &TARGET_EXCEL_DATE,
            p,
            format!("{row}：{}", d.message),
            d.message_en.clone(),
            vec![("input", t.input.clone())],
        );
        return;
    }
    let unit_only = unit_only(t);
    let detail = first.map_or("", |d| d.code).to_string();
    let why = first.map_or_else(|| "请补全".to_string(), |d| d.message.clone());
    let why_en = first.map_or_else(|| "unfinished".to_string(), |d| d.message_en.clone());
    let mut params = vec![("input", t.input.clone()), ("detail", detail)];
    if let Some(d) = first {
        params.push(("start", d.start.to_string()));
        params.push(("end", d.end.to_string()));
    }
    if unit_only {
        f.add(
            &TARGET_UNIT_MISSING,
            p,
            format!(
                "{row}的指标值“{}”缺少计量单位，请写成 ≥90%、=2次 这样",
                t.input.trim()
            ),
            format!("\"{}\" has no unit", t.input.trim()),
            params,
        );
    } else {
        let state = if t.status == Status::Incomplete {
            "不完整"
        } else {
            "无法识别"
        };
        f.add(
            &TARGET_INVALID,
            p,
            format!("{row}的指标值“{}”{state}：{why}", t.input.trim()),
            format!("target \"{}\": {why_en}", t.input.trim()),
            params,
        );
    }
}

fn semantics(p: RowPointer, row: RowLabel, t: &Target, m: &Meaning, f: &mut Findings) {
    let percent = t.is_percent();
    let quantity = matches!(t.kind, Some(Kind::Quantitative | Kind::Range));
    let unit = t.unit.as_deref().unwrap_or_default();
    let v = t.value.or(t.high).unwrap_or_default();
    let hundred = Decimal::ONE_HUNDRED;
    let op = t.op;
    // Unit fits the name (by dimension: 万人 is a head count, ‰ a rate).
    if quantity && !unit.is_empty() {
        let base = crate::target_value::unit::base(unit);
        // `0.97比例` states a rate as a fraction: a rate all the same.
        let rate_like = matches!(
            t.unit_class,
            Some(UnitClass::Percent | UnitClass::PercentagePoint | UnitClass::PerMille)
        ) || matches!(base, "比例" | "比率");
        let expected = if m.rate && !rate_like {
            Some("%")
        } else if m.count && percent {
            Some(
                COUNT_UNITS
                    .iter()
                    .find(|(end, _)| m.name.ends_with(end))
                    .map_or("个数（次、人、项…）", |(_, u)| u),
            )
        } else {
            COUNT_UNITS
                .iter()
                .find(|(end, u)| {
                    // 人次 counts people and times too: a unit that contains
                    // the expected one is the same count.
                    m.name.ends_with(end)
                        && !base.contains(u)
                        && !base.is_empty()
                        && !percent
                        && (*u != "人" || !PEOPLE_CLASSIFIERS.contains(&base))
                })
                .map(|(_, u)| *u)
        };
        if let Some(e) = expected {
            f.add(
                &TARGET_UNIT_MISMATCH,
                p,
                format!("{row}的计量单位是“{unit}”，按指标名称应为“{e}”"),
                format!("unit \"{unit}\" does not fit the indicator; expected {e}"),
                vec![("unit", unit.to_string()), ("expected", e.to_string())],
            );
        }
    }
    if percent && m.rate && !m.growth && !m.ratio {
        let over = match op {
            Some(Op::Gt) => v >= hundred,
            Some(Op::Ge | Op::Eq) | None => v > hundred,
            _ => false,
        };
        if over {
            f.add(
                &RATE_OVER_100,
                p,
                format!(
                    "{row}是比率，不可能超过 100%，目标值“{}”无法达到",
                    t.input.trim()
                ),
                format!(
                    "a rate cannot exceed 100%; \"{}\" cannot be met",
                    t.input.trim()
                ),
                vec![("value", fmt(v))],
            );
        } else if op == Some(Op::Ge) && v == hundred {
            f.add(
                &RATE_AT_LEAST_100,
                p,
                format!("{row}是比率，“≥100%”实际只能等于 100%，请写成“=100%”"),
                "≥100% on a rate means exactly 100%; write =100%".into(),
                vec![("value", fmt(v))],
            );
        }
    }
    if quantity {
        let money = matches!(t.unit_class, Some(UnitClass::Money | UnitClass::PerUnit));
        let wrong_way = (m.bad || (m.cost && money))
            && matches!(op, Some(Op::Ge | Op::Gt))
            && v > Decimal::ZERO;
        let loose =
            m.bad && percent && matches!(op, Some(Op::Lt | Op::Le)) && v >= Decimal::from(50);
        let good_low = m.good && matches!(op, Some(Op::Lt | Op::Le));
        if wrong_way || loose || good_low {
            let (zh, en) = if good_low {
                (
                    format!(
                        "{row}越高越好，却写了“{}”（上限），应为 ≥ 或 =",
                        t.input.trim()
                    ),
                    "a higher-is-better indicator has an upper bound",
                )
            } else if loose {
                (
                    format!(
                        "{row}越低越好，上限“{}”过于宽松，请核对（是否应为 <{}%）",
                        t.input.trim(),
                        fmt(amount::sub(hundred, v.min(hundred)).unwrap_or_default())
                    ),
                    "the upper bound of a lower-is-better indicator is too loose",
                )
            } else {
                (
                    format!(
                        "{row}越低越好，却写了“{}”（下限），应为 ≤ 或 <",
                        t.input.trim()
                    ),
                    "a lower-is-better indicator has a lower bound",
                )
            };
            f.add(
                &DIRECTION_SUSPECT,
                p,
                zh,
                en.into(),
                vec![("input", t.input.clone())],
            );
        }
    }
    if quantity
        && [t.value, t.low, t.high]
            .iter()
            .flatten()
            .any(|v| v.is_sign_negative() && !v.is_zero())
    {
        f.add(
            &TARGET_NEGATIVE,
            p,
            format!(
                "{row}的指标值“{}”是负数，请写“下降”“减少”加正数",
                t.input.trim()
            ),
            format!(
                "\"{}\" is negative; say 下降 or 减少 with a positive number",
                t.input.trim()
            ),
            vec![("input", t.input.clone())],
        );
    }
    let points = t.unit_class == Some(UnitClass::PercentagePoint);
    let level_in_points = points && m.rate && !m.growth && !m.name.contains("百分点");
    let change_in_percent = percent && m.name.contains('点') && m.name.contains("百分点");
    if quantity && (level_in_points || change_in_percent) {
        f.add(
            &TARGET_PERCENTAGE_POINT,
            p,
            format!("{row}：比率用 %，比率的变化才用“个百分点”"),
            "a rate is in %, its change in percentage points".into(),
            vec![("input", t.input.clone())],
        );
    }
    if m.satisfaction
        && percent
        && matches!(op, Some(Op::Ge | Op::Gt | Op::Eq))
        && v < Decimal::from(80)
    {
        f.add(
            &SATISFACTION_LOW,
            p,
            format!("{row}的满意度目标 {}% 低于 80%，请核对", fmt(v)),
            format!("satisfaction target {}% is below 80%", fmt(v)),
            vec![("value", fmt(v))],
        );
    }
    let l2 = m.level2;
    // Prose with numbers in it (`建筑面积2.6万平方米,展示面积1万平方米`)
    // states quantities, only not in one cell's grammar.
    let prose_numbers = t.input.contains(|c: char| c.is_ascii_digit());
    if l2 == "数量" && matches!(t.kind, Some(Kind::Qualitative)) && !prose_numbers {
        f.add(
            &QUANTITY_NOT_QUANTITATIVE,
            p,
            format!(
                "{row}是数量指标，指标值“{}”应为具体数量（如 ≥5次）",
                t.input.trim()
            ),
            "a 数量 indicator needs a number".into(),
            vec![("input", t.input.clone())],
        );
    }
    // The guidance: 尽量进行定量表述，不能以量化形式表述的，可以采用定性的分级分档形式表述.
    // NDRC2023 puts 产出 and 效益 one level down, under 实施效果.
    let output_or_effect =
        matches!(m.level1, "产出" | "效益" | "效果") || matches!(l2, "产出" | "效益");
    if t.vague && output_or_effect && l2 != "数量" {
        f.add(
            &TARGET_VAGUE,
            p,
            format!(
                "{row}的指标值“{}”只有方向，没有可衡量的水平，请量化（如 ≥95%）或分级分档表述",
                t.input.trim()
            ),
            "the target has no measurable level; quantify it or use graded levels".into(),
            vec![("input", t.input.clone())],
        );
    }
    let timely = matches!(t.kind, Some(Kind::Deadline | Kind::Duration))
        || (quantity && percent)
        || (matches!(t.kind, Some(Kind::Qualitative))
            && TIME_WORDS.find_in(&t.input).next().is_some());
    if l2 == "时效" && !timely {
        f.add(
            &TIMELINESS_NOT_TIME,
            p,
            format!("{row}是时效指标，指标值“{}”应为完成时限（如 2024年11月底前完成）、时长（如 ≤2小时）或百分比", t.input.trim()),
            "a 时效 indicator needs a deadline, a duration or a percentage".into(),
            vec![("input", t.input.clone())],
        );
    }
}

fn deadline(
    c: &Facts,
    ind: &Indicator,
    p: RowPointer,
    row: RowLabel,
    t: &Target,
    f: &mut Findings,
) {
    let Some(date) = t.date.as_deref() else {
        return;
    };
    // An annual row (any row not marked 实施期) is met within its year.
    let annual = ind
        .period
        .as_deref()
        .is_none_or(|p| p.trim() != "implementation");
    let year = c.form.year.and_then(|y| i32::try_from(y).ok());
    if let Some(year) = year.filter(|_| annual && c.multi_year()) {
        let year_end = format!("{year}-12-31");
        if date > year_end.as_str() && c.end.is_none_or(|e| date <= e.to_string().as_str()) {
            f.add(
                &DEADLINE_AFTER_YEAR,
                p,
                format!("{row}的完成时限 {date} 晚于{year}年底"),
                format!("{date} is after {year}"),
                vec![("date", date.to_string()), ("year", year.to_string())],
            );
        }
    }
    let (Some(s), Some(e)) = (c.start, c.end) else {
        return;
    };
    let (s, e) = (s.to_string(), e.to_string());
    if date < s.as_str() || date > e.as_str() {
        f.add(
            &DEADLINE_OUTSIDE_PERIOD,
            p,
            format!("{row}的完成时限 {date} 不在项目实施期 {s} 至 {e} 内"),
            format!("deadline {date} is outside the project period {s} to {e}"),
            vec![
                ("date", date.to_string()),
                ("start", s.clone()),
                ("end", e.clone()),
            ],
        );
    }
}
