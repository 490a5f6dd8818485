//! Which template the form follows: given, or detected.

use super::{Findings, Rule};
use crate::form::model::Form;
use crate::rule::rule;
use crate::templates::{self, Template};

rule!(
    TEMPLATE_UNKNOWN,
    Form,
    Warning,
    OTHER,
    "template 不是已登记的模板或未填写且无法判断：已按内容最接近的模板检查（无法判断时按 T2021）",
    "the template is not a registered id, or is absent and not recognisable; checked as the template the form most resembles (T2021 when none)"
);

pub const RULES: &[Rule] = &[TEMPLATE_UNKNOWN];

/// The template to check against, and whether it was known.
pub fn resolve(form: &Form, f: &mut Findings) -> (&'static Template, bool) {
    let first = templates::DEFAULT;
    if let Some(given) = form.template.as_deref() {
        if let Some(t) = templates::find(given) {
            return (t, true);
        }
        let detected = templates::detect(form);
        let used = detected.unwrap_or(first).id;
        let ids = Template::ids();
        f.add(
            &TEMPLATE_UNKNOWN,
            "/template",
            format!("模板“{given}”不存在，应为 {ids}；已按 {used} 检查"),
            format!("template \"{given}\" is not one of {ids}; checked as {used}"),
            vec![("given", given.to_string()), ("used", used.to_string())],
        );
        return (detected.unwrap_or(first), detected.is_some());
    }
    match templates::detect(form) {
        Some(t) => (t, true),
        None => {
            let used = first.id;
            f.add(
                &TEMPLATE_UNKNOWN,
                "/template",
                format!(
                    "无法从内容判断申报表模板，请填写 template（{}）；已按 {used} 检查",
                    Template::ids()
                ),
                format!(
                    "cannot tell the template from the contents; set template; checked as {used}"
                ),
                vec![("used", used.to_string())],
            );
            (first, false)
        }
    }
}
