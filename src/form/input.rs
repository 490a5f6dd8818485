//! Input rules: what cannot be read as a form.

pub use crate::limits::INPUT_TOO_LARGE;
use crate::rule::rule;
use crate::rule::Rule;

rule!(
    JSON_SYNTAX,
    Form,
    Error,
    OTHER,
    "申报表不是有效的 JSON 文本",
    "the form is not valid JSON text"
);

rule!(
    SCHEMA_TYPE,
    Form,
    Error,
    OTHER,
    "字段的数据类型不对（如金额写成了对象，指标列表不是数组）",
    "a field has the wrong JSON type"
);

rule!(
    UNKNOWN_FIELD,
    Form,
    Warning,
    OTHER,
    "申报表中有本模板没有的字段，已忽略",
    "the form has a field the model does not know; it was ignored"
);

pub const RULES: &[Rule] = &[JSON_SYNTAX, SCHEMA_TYPE, UNKNOWN_FIELD, INPUT_TOO_LARGE];
