//! The national 一体化 system's split columns (运算符, 指标值, 计量单位,
//! 指标性质): what that system itself refuses, and agreement with `target`
//! when a row has both. The checks and their sources are in
//! docs/regions/mof2021.md §3 (`PmkpiBO.checkIndexFrame`,
//! `perfutil.js checkReferencepole`, `prjtreeindex.js checkAll`).

use super::facts::{blank, Row, RowLabel, RowPointer};
use super::Findings;
use crate::form::model::Indicator;
use crate::rule::rule;
use crate::target_value::Status;

rule!(
    SPLIT_OPERATOR_UNKNOWN,
    Row,
    Error,
    VALUE_MISMATCH,
    "运算符不是一体化系统的选项（≥ ＞ ＝ ＜ ≤ 定性）",
    "the operator is not one of the integrated system's (≥ ＞ ＝ ＜ ≤ 定性)"
);
rule!(
    SPLIT_UNIT_MISSING,
    Row,
    Error,
    NOT_QUANTIFIED,
    "定量指标（运算符 ≥ ＞ ＝ ＜ ≤）未填写计量单位",
    "a quantitative row (≥ ＞ ＝ ＜ ≤) has no unit"
);
rule!(
    SPLIT_VALUE_NOT_NUMBER,
    Row,
    Error,
    VALUE_MISMATCH,
    "定量指标的指标值应为不带单位和符号的非负数（如 95 或 1.5）",
    "a quantitative row's value must be a plain non-negative number (95, 1.5)"
);
rule!(
    SPLIT_VALUE_CHARS,
    Row,
    Error,
    VALUE_MISMATCH,
    "指标值含一体化系统不接受的字符 *、_ 或 -",
    "the value holds a character the integrated system refuses: * _ -"
);
rule!(
    SPLIT_QUALITATIVE_UNIT,
    Row,
    Warning,
    VALUE_MISMATCH,
    "定性指标填写了计量单位（一体化系统选择定性时清空计量单位）",
    "a qualitative row has a unit (the integrated system clears it)"
);
rule!(
    SPLIT_TARGET_MISMATCH,
    Row,
    Error,
    VALUE_MISMATCH,
    "指标值（target）与运算符、指标值、计量单位三栏说的不一致",
    "target and the operator, value and unit columns disagree"
);
rule!(
    SPLIT_DIRECTION_MISMATCH,
    Row,
    Warning,
    VALUE_MISMATCH,
    "指标性质与运算符方向相反（正向指标用 ≥ ＞ ＝，反向指标用 ≤ ＜）",
    "the indicator's direction contradicts its operator (正向: ≥ ＞ ＝; 反向: ≤ ＜)"
);

pub const RULES: &[crate::rule::Rule] = &[
    SPLIT_OPERATOR_UNKNOWN,
    SPLIT_UNIT_MISSING,
    SPLIT_VALUE_NOT_NUMBER,
    SPLIT_VALUE_CHARS,
    SPLIT_QUALITATIVE_UNIT,
    SPLIT_TARGET_MISMATCH,
    SPLIT_DIRECTION_MISMATCH,
];

/// An operator of the 一体化 system, either width.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Operator {
    Compare(&'static str),
    Qualitative,
}

fn operator(text: &str) -> Option<Operator> {
    Some(match text.trim() {
        "≥" | ">=" | "＞＝" => Operator::Compare("≥"),
        "＞" | ">" => Operator::Compare("＞"),
        "＝" | "=" => Operator::Compare("＝"),
        "＜" | "<" => Operator::Compare("＜"),
        "≤" | "<=" | "＜＝" => Operator::Compare("≤"),
        "定性" => Operator::Qualitative,
        _ => return None,
    })
}

/// The target the split columns say, as one text the grammar reads
/// (`≥` `95` `%` → `≥95%`; 定性 → its value). `None` without a value.
pub fn compose(ind: &Indicator) -> Option<String> {
    let value = ind
        .value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())?;
    match ind.operator.as_deref().and_then(operator) {
        Some(Operator::Compare(op)) => {
            let unit = ind.unit.as_deref().map_or("", str::trim);
            Some(format!("{op}{value}{unit}"))
        }
        _ => Some(value.to_string()),
    }
}

/// A plain non-negative decimal, as the system's editor accepts.
fn plain_number(v: &str) -> bool {
    let (int, frac) = v.split_once('.').unwrap_or((v, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(int) && digits(frac)
}

pub fn row(ind: &Indicator, info: &Row, f: &mut Findings) {
    let has_split = !(blank(&ind.operator) && blank(&ind.value) && blank(&ind.unit));
    if !has_split {
        return;
    }
    let p = RowPointer::row(info.index);
    let label = RowLabel::new(info.index, &ind.name);
    let op_text = ind.operator.as_deref().map_or("", str::trim);
    let op = operator(op_text);
    if op.is_none() && !op_text.is_empty() {
        f.add(
            &SPLIT_OPERATOR_UNKNOWN,
            p.at("operator"),
            format!("{label}的运算符“{op_text}”不是可选项，应为 ≥ ＞ ＝ ＜ ≤ 或 定性"),
            format!("operator \"{op_text}\" is not one of ≥ ＞ ＝ ＜ ≤ 定性"),
            vec![("value", op_text.to_string())],
        );
    }
    let value = ind.value.as_deref().map_or("", str::trim);
    let unit = ind.unit.as_deref().map_or("", str::trim);
    match op {
        Some(Operator::Compare(_)) => {
            if unit.is_empty() {
                f.add(
                    &SPLIT_UNIT_MISSING,
                    p.at("unit"),
                    format!("{label}是定量指标，请填写计量单位"),
                    "a quantitative row needs a unit".into(),
                    Vec::new(),
                );
            }
            if !value.is_empty() && !plain_number(value) {
                f.add(
                    &SPLIT_VALUE_NOT_NUMBER,
                    p.at("value"),
                    format!("{label}是定量指标，指标值“{value}”应只写数字（单位写在计量单位栏）"),
                    format!("value \"{value}\" must be a plain number"),
                    vec![("value", value.to_string())],
                );
            }
        }
        Some(Operator::Qualitative) if !unit.is_empty() => f.add(
            &SPLIT_QUALITATIVE_UNIT,
            p.at("unit"),
            format!("{label}是定性指标，不应填写计量单位“{unit}”"),
            format!("a qualitative row has the unit \"{unit}\""),
            vec![("unit", unit.to_string())],
        ),
        _ => {}
    }
    if let Some(c) = value.chars().find(|c| matches!(c, '*' | '_' | '-')) {
        f.add(
            &SPLIT_VALUE_CHARS,
            p.at("value"),
            format!("{label}的指标值含“{c}”，一体化系统不接受，请改写"),
            format!("the value holds '{c}'"),
            vec![("char", c.to_string())],
        );
    }
    direction(ind, op, p, label, f);
    agreement(ind, info, p, label, f);
}

/// 正向 rows want more (≥ ＞ ＝), 反向 rows less (≤ ＜).
fn direction(
    ind: &Indicator,
    op: Option<Operator>,
    p: RowPointer,
    label: RowLabel,
    f: &mut Findings,
) {
    let dir = ind.direction.as_deref().map_or("", str::trim);
    let wrong = match (dir, op) {
        ("正向", Some(Operator::Compare(o))) => matches!(o, "≤" | "＜"),
        ("反向", Some(Operator::Compare(o))) => matches!(o, "≥" | "＞"),
        _ => false,
    };
    if wrong {
        f.add(
            &SPLIT_DIRECTION_MISMATCH,
            p.at("direction"),
            format!("{label}是{dir}指标，运算符方向相反，请核对"),
            format!("a {dir} row with the opposite operator"),
            vec![("direction", dir.to_string())],
        );
    }
}

/// Where a row has both `target` and the split columns, they say the same.
fn agreement(ind: &Indicator, info: &Row, p: RowPointer, label: RowLabel, f: &mut Findings) {
    if blank(&ind.target) {
        return;
    }
    let (Some(t), Some(split)) = (info.target.as_ref(), info.split.as_ref()) else {
        return;
    };
    let composed = split.input.clone();
    let same = match (t.status, split.status) {
        (Status::Valid, Status::Valid) => {
            t.kind == split.kind
                && t.op == split.op
                && t.value == split.value
                && t.unit == split.unit
                && t.low == split.low
                && t.high == split.high
        }
        _ => t.input.trim() == composed,
    };
    if !same {
        let written = t.input.trim();
        f.add(
            &SPLIT_TARGET_MISMATCH,
            p.at("target"),
            format!("{label}的指标值“{written}”与运算符、指标值、计量单位三栏“{composed}”不一致"),
            format!("target \"{written}\" and the columns \"{composed}\" disagree"),
            vec![("target", written.to_string()), ("columns", composed)],
        );
    }
}
