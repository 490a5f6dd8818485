//! The diagnostics `normaliseTarget` reports, declared once: the engine
//! builds each from its rule, and the form rules wrap them under the same
//! code or as `TARGET_INVALID` with `params.detail`.

use crate::rule::{rule, Rule};

rule!(
    TARGET_UNIT_MISSING,
    Target,
    Warning,
    NOT_QUANTIFIED,
    "数值缺少计量单位",
    "the value has no unit"
);
rule!(
    TARGET_RANGE,
    Target,
    Warning,
    NOT_QUANTIFIED,
    "区间值无法录入一体化系统，应改写为单一值或拆分指标",
    "ranges cannot be entered in the integrated budget system"
);
rule!(
    TARGET_TOO_LONG,
    Target,
    Warning,
    NOT_QUANTIFIED,
    "指标值超过一体化系统允许的 60 个字",
    "the target is longer than the integrated system's 60 characters"
);
rule!(
    TARGET_SYSTEM_CHARS,
    Target,
    Warning,
    OTHER,
    "指标值含一体化系统不接受的字符（* _ -）",
    "the target contains characters the integrated system refuses (* _ -)"
);
rule!(
    TARGET_CONTROL_CHAR,
    Target,
    Error,
    OTHER,
    "指标值含不可见的控制字符",
    "the target contains a control character"
);
rule!(
    TARGET_VALUE_MISSING,
    Target,
    Error,
    VALUE_MISMATCH,
    "运算符后没有数值（输入中为“未完成”）",
    "an operator is not followed by a number (incomplete while typing)"
);
rule!(
    TARGET_VALUE_PLACEHOLDER,
    Target,
    Info,
    VALUE_MISMATCH,
    "模板留下的数值位置（**、XX 或只写单位）还没填上数字",
    "the template's place for the number (**, XX, a bare unit) is not filled in yet"
);
rule!(
    TARGET_NUMBER_INCOMPLETE,
    Target,
    Info,
    OTHER,
    "数字尚未写完（如 9. 或 1,2）",
    "the number is unfinished (9., 1,2)"
);
rule!(
    TARGET_NUMBER_MALFORMED,
    Target,
    Error,
    OTHER,
    "数字写法有误（千分位、多个小数点或位数过多）",
    "malformed number"
);
rule!(
    TARGET_OPERATOR_REPEATED,
    Target,
    Error,
    OTHER,
    "运算符重复（如 ≥≥）",
    "operator written twice"
);
rule!(
    TARGET_OPERATOR_CONFLICT,
    Target,
    Error,
    VALUE_MISMATCH,
    "文字与符号表示的比较方向相反",
    "worded and symbol operators disagree"
);
rule!(
    TARGET_OPERATOR_WITH_RANGE,
    Target,
    Error,
    OTHER,
    "区间值前写了运算符",
    "a range carries an operator"
);
rule!(
    TARGET_UNIT_UNCLOSED,
    Target,
    Error,
    OTHER,
    "计量单位的括号未闭合",
    "unit parenthesis not closed"
);
rule!(
    TARGET_UNIT_CONFLICT,
    Target,
    Error,
    OTHER,
    "区间两端单位不一致",
    "range ends have different units"
);
rule!(
    TARGET_RANGE_REVERSED,
    Target,
    Error,
    OTHER,
    "区间下限大于上限",
    "range low is above high"
);
rule!(
    TARGET_DATE_INCOMPLETE,
    Target,
    Info,
    OTHER,
    "日期尚未写完",
    "the date is unfinished"
);
rule!(
    TARGET_DATE_INVALID,
    Target,
    Error,
    OTHER,
    "日期不存在（如 13 月、2 月 30 日）",
    "the date does not exist"
);
rule!(
    TARGET_YEAR_MISSING,
    Target,
    Info,
    OTHER,
    "完成时限没有年份，且未提供年度",
    "the deadline has no year and no context year was given"
);
rule!(
    TARGET_EXCEL_DATE,
    Target,
    Warning,
    VALUE_MISMATCH,
    "时间类指标的指标值是一个 Excel 日期序号（如 44561，即 2021-12-31），导出时丢了日期格式",
    "a time indicator's target is an Excel serial date (44561 is 2021-12-31): the date format was lost on export"
);

/// Codes `normaliseTarget` reports (INPUT_TOO_LARGE is shared with forms).
pub const RULES: &[Rule] = &[
    TARGET_CONTROL_CHAR,
    TARGET_VALUE_MISSING,
    TARGET_VALUE_PLACEHOLDER,
    TARGET_NUMBER_INCOMPLETE,
    TARGET_NUMBER_MALFORMED,
    TARGET_OPERATOR_REPEATED,
    TARGET_OPERATOR_CONFLICT,
    TARGET_OPERATOR_WITH_RANGE,
    TARGET_UNIT_UNCLOSED,
    TARGET_UNIT_CONFLICT,
    TARGET_RANGE_REVERSED,
    TARGET_DATE_INCOMPLETE,
    TARGET_DATE_INVALID,
    TARGET_YEAR_MISSING,
    TARGET_EXCEL_DATE,
];
