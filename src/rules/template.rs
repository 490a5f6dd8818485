//! Which template the form follows: given, or detected.

use super::{review, Findings, Rule, Scope};
use crate::form::model::Form;
use crate::form::{detect, Template};
use crate::report::Severity;

pub const TEMPLATE_UNKNOWN: Rule = Rule {
    code: "TEMPLATE_UNKNOWN",
    severity: Severity::Error,
    scope: Scope::Form,
    review_category: review::OTHER,
    description: "无法确定申报表模板（T2019、T2020 或 T2021），按 T2021 检查",
    description_en:
        "the template is neither given as T2019/T2020/T2021 nor recognisable; checked as T2021",
};

pub const RULES: &[Rule] = &[TEMPLATE_UNKNOWN];

/// The template to check against, and whether it was known.
pub fn resolve(form: &Form, f: &mut Findings) -> (Template, bool) {
    if let Some(given) = form.template.as_deref() {
        if let Some(t) = Template::from_id(given) {
            return (t, true);
        }
        let detected = detect::detect(form);
        let fallback = detected.unwrap_or(Template::T2021);
        f.add(
            &TEMPLATE_UNKNOWN,
            "/template",
            format!("模板“{given}”不存在，应为 T2019、T2020 或 T2021；已按 {fallback:?} 检查"),
            format!("template \"{given}\" is not T2019, T2020 or T2021; checked as {fallback:?}"),
            vec![
                ("given", given.to_string()),
                ("used", format!("{fallback:?}")),
            ],
        );
        return (fallback, detected.is_some());
    }
    match detect::detect(form) {
        Some(t) => (t, true),
        None => {
            f.add(
                &TEMPLATE_UNKNOWN,
                "/template",
                "无法从内容判断申报表模板，请填写 template（T2019、T2020 或 T2021）；已按 T2021 检查".into(),
                "cannot tell the template from the contents; set template; checked as T2021".into(),
                vec![("used", "T2021".into())],
            );
            (Template::T2021, false)
        }
    }
}
