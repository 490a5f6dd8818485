//! Required fields per template, and the goals a multi-year project needs.

use super::facts::blank;
use super::{Facts, Findings, Rule};
use crate::rule::rule;
use crate::templates::Optional;

rule!(
    REQUIRED,
    Form,
    Error,
    INCOMPLETE,
    "必填项未填写（项目名称、年度、起止日期、资金、年度目标、至少一条指标；T2021 另需主管部门、实施单位、项目性质、项目类别）",
    "a required field is empty"
);

rule!(
    OVERALL_GOAL_MISSING,
    Form,
    Error,
    INCOMPLETE,
    "跨年度项目未填写项目总目标",
    "a multi-year project has no overall goal (项目总目标)"
);

rule!(
    IMPLEMENTATION_INDICATORS_MISSING,
    Form,
    Warning,
    INCOMPLETE,
    "跨年度项目没有实施期指标",
    "a multi-year project has no implementation-period indicators"
);

pub const RULES: &[Rule] = &[
    REQUIRED,
    OVERALL_GOAL_MISSING,
    IMPLEMENTATION_INDICATORS_MISSING,
];

pub fn check(c: &Facts, f: &mut Findings) {
    let form = c.form;
    for need in c.template.required {
        if form.filled(need.path) || need.or.iter().any(|p| form.filled(p)) {
            continue;
        }
        f.add(
            &REQUIRED,
            need.path,
            format!("请填写{}", need.label),
            format!("{} is required", need.label_en),
            vec![("field", need.label.to_string())],
        );
    }
    if c.template.applies(Optional::MultiYearGoal) && c.multi_year() && blank(&form.overall_goal) {
        let (s, e) = (c.start.map_or(0, |d| d.year), c.end.map_or(0, |d| d.year));
        f.add(
            &OVERALL_GOAL_MISSING,
            "/overallGoal",
            format!("项目实施期为 {s}–{e} 年，跨年度项目须填写项目总目标"),
            format!("the project runs {s}–{e}; a multi-year project needs an overall goal"),
            vec![("startYear", s.to_string()), ("endYear", e.to_string())],
        );
    }
    // The 一体化 system keeps 实施期 (总体) indicators beside the 年度 ones.
    let overall_rows = || {
        form.indicators.iter().flatten().any(|i| {
            i.period
                .as_deref()
                .is_some_and(|p| p.trim() == "implementation")
        })
    };
    if c.template.applies(Optional::ImplementationIndicators)
        && c.multi_year()
        && !c.rows.is_empty()
        && !overall_rows()
    {
        let (s, e) = (c.start.map_or(0, |d| d.year), c.end.map_or(0, |d| d.year));
        f.add(
            &IMPLEMENTATION_INDICATORS_MISSING,
            "/indicators",
            format!("项目实施期为 {s}–{e} 年，请填写实施期指标"),
            format!("the project runs {s}–{e}; add implementation-period indicators"),
            vec![("startYear", s.to_string()), ("endYear", e.to_string())],
        );
    }
}
