//! Input rules: what cannot be read as a form.

use super::{review, Rule, Scope};
use crate::report::Severity;

pub const JSON_SYNTAX: Rule = Rule {
    code: "JSON_SYNTAX",
    severity: Severity::Error,
    scope: Scope::Form,
    review_category: review::OTHER,
    description: "申报表不是有效的 JSON 文本",
    description_en: "the form is not valid JSON text",
};

pub const SCHEMA_TYPE: Rule = Rule {
    code: "SCHEMA_TYPE",
    severity: Severity::Error,
    scope: Scope::Form,
    review_category: review::OTHER,
    description: "字段的数据类型不对（如金额写成了对象，指标列表不是数组）",
    description_en: "a field has the wrong JSON type",
};

pub const UNKNOWN_FIELD: Rule = Rule {
    code: "UNKNOWN_FIELD",
    severity: Severity::Warning,
    scope: Scope::Form,
    review_category: review::OTHER,
    description: "申报表中有本模板没有的字段，已忽略",
    description_en: "the form has a field the model does not know; it was ignored",
};

pub const INPUT_TOO_LARGE: Rule = Rule {
    code: "INPUT_TOO_LARGE",
    severity: Severity::Error,
    scope: Scope::Form,
    review_category: review::OTHER,
    description: "申报表或其中某项超过了允许的大小（总大小、行数、文字长度或嵌套层数）",
    description_en: "the form or one of its parts exceeds a documented size limit",
};

pub const RULES: &[Rule] = &[JSON_SYNTAX, SCHEMA_TYPE, UNKNOWN_FIELD, INPUT_TOO_LARGE];
