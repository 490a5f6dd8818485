//! Single-choice fields, as each template lists them (项目类型, 项目性质 …).
//! Matching ignores spaces and a suffix the template says changes nothing.

use super::{Facts, Findings, Rule};
use crate::form::model::Field;
use crate::rule::rule;

rule!(
    CHOICE_INVALID,
    Form,
    Error,
    OTHER,
    "选项不在模板允许的范围内（T2019 项目类型、资金用途；T2021 项目性质、项目类别）",
    "a single-choice field holds a value the template does not offer"
);

pub const RULES: &[Rule] = &[CHOICE_INVALID];

pub fn check(c: &Facts, f: &mut Findings) {
    for choice in c.template.choices {
        let (path, label, allowed) = (choice.path, choice.label, choice.options);
        let Some(Field::Text(v)) = c.form.field(path).filter(|_| c.form.filled(path)) else {
            continue;
        };
        let s = crate::text::fold::squash(v);
        let s = s
            .strip_suffix(choice.ignored_suffix)
            .filter(|_| !choice.ignored_suffix.is_empty())
            .unwrap_or(&s);
        if !allowed.contains(&s) {
            let list = allowed.join("、");
            f.add(
                &CHOICE_INVALID,
                path,
                format!("{label}“{v}”不是可选项，应为：{list}"),
                format!("{label} \"{v}\" is not one of: {list}"),
                vec![("value", v.to_string()), ("allowed", list.clone())],
            );
        }
    }
}
