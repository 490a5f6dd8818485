//! Single-choice fields: T2019 项目类型 and 资金用途, T2021 项目性质 and 项目类别.
//! Matching ignores spaces and a trailing 项目 on categories (特定目标类项目).

use super::{review, Facts, Findings, Rule, Scope};
use crate::form::Template;
use crate::report::Severity;

pub const CHOICE_INVALID: Rule = Rule {
    code: "CHOICE_INVALID",
    severity: Severity::Error,
    scope: Scope::Form,
    review_category: review::OTHER,
    description: "选项不在模板允许的范围内（T2019 项目类型、资金用途；T2021 项目性质、项目类别）",
    description_en: "a single-choice field holds a value the template does not offer",
};

pub const RULES: &[Rule] = &[CHOICE_INVALID];

const PROJECT_TYPES: &[&str] = &[
    "市委市政府已确定的新增项目",
    "结转项目",
    "其他一次性项目",
    "经常性专项业务费",
    "其他经常性项目",
];
const FUND_USES: &[&str] = &[
    "基本建设工程类",
    "信息化建设类",
    "政策补贴类",
    "政府购买服务",
    "资产购置类",
    "其他事业专业类",
];
const NATURES: &[&str] = &[
    "经常性项目",
    "阶段性项目",
    "一次性项目",
    "其他经常性项目",
    "其他一次性项目",
];
const CATEGORIES: &[&str] = &["特定目标类", "其他运转类", "运转类", "公用经费类", "人员类"];

pub fn check(c: &Facts, f: &mut Findings) {
    let form = c.form;
    let fields: [(&str, &str, &Option<String>, &[&str]); 2] = match c.template {
        Template::T2019 => [
            (
                "/projectType",
                "项目类型",
                &form.project_type,
                PROJECT_TYPES,
            ),
            ("/fundUse", "资金用途", &form.fund_use, FUND_USES),
        ],
        Template::T2021 => [
            ("/projectNature", "项目性质", &form.project_nature, NATURES),
            (
                "/projectCategory",
                "项目类别",
                &form.project_category,
                CATEGORIES,
            ),
        ],
        Template::T2020 => return,
    };
    for (path, label, value, allowed) in fields {
        let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) else {
            continue;
        };
        let s = crate::target::fold::squash(v);
        let s = s
            .strip_suffix("项目")
            .filter(|_| path == "/projectCategory")
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
