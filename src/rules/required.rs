//! Required fields per template, and the goals a multi-year project needs.

use super::facts::blank;
use super::{review, Facts, Findings, Rule, Scope};
use crate::form::Template;
use crate::report::Severity;

pub const REQUIRED: Rule = Rule {
    code: "REQUIRED",
    severity: Severity::Error,
    scope: Scope::Form,
    review_category: review::INCOMPLETE,
    description: "必填项未填写（项目名称、年度、起止日期、资金、年度目标、至少一条指标；T2021 另需主管部门、实施单位、项目性质、项目类别）",
    description_en: "a required field is empty",
};

pub const OVERALL_GOAL_MISSING: Rule = Rule {
    code: "OVERALL_GOAL_MISSING",
    severity: Severity::Error,
    scope: Scope::Form,
    review_category: review::INCOMPLETE,
    description: "跨年度项目未填写项目总目标",
    description_en: "a multi-year project has no overall goal (项目总目标)",
};

pub const RULES: &[Rule] = &[REQUIRED, OVERALL_GOAL_MISSING];

pub fn check(c: &Facts, f: &mut Findings) {
    let form = c.form;
    let mut missing: Vec<(&str, &str, &str)> = Vec::new();
    let mut need = |empty: bool, path: &'static str, zh: &'static str, en: &'static str| {
        if empty {
            missing.push((path, zh, en));
        }
    };
    need(
        blank(&form.project_name),
        "/projectName",
        "项目名称",
        "project name",
    );
    need(form.year.is_none(), "/year", "年度", "year");
    need(
        blank(&form.start_date),
        "/startDate",
        "计划开始日期",
        "start date",
    );
    need(
        blank(&form.end_date),
        "/endDate",
        "计划完成日期",
        "end date",
    );
    match c.template {
        Template::T2021 => {
            need(
                blank(&form.department),
                "/department",
                "主管部门",
                "department",
            );
            need(
                blank(&form.implementing_unit),
                "/implementingUnit",
                "实施单位",
                "implementing unit",
            );
            need(
                blank(&form.project_nature),
                "/projectNature",
                "项目性质",
                "project nature",
            );
            need(
                blank(&form.project_category),
                "/projectCategory",
                "项目类别",
                "project category",
            );
            let annual = form.funds.as_ref().and_then(|x| x.annual.clone());
            need(
                blank(&annual),
                "/funds/annual",
                "年度资金申请总额",
                "annual funds requested",
            );
            need(
                blank(&form.annual_goal),
                "/annualGoal",
                "年度总体目标",
                "annual goal",
            );
        }
        Template::T2019 | Template::T2020 => {
            let b = form.budget.as_ref();
            need(
                blank(&b.and_then(|x| x.total.clone())),
                "/budget/total",
                "项目总预算",
                "total budget",
            );
            need(
                blank(&b.and_then(|x| x.current.clone())),
                "/budget/current",
                "项目当年预算",
                "current-year budget",
            );
            if c.template == Template::T2019 {
                need(
                    blank(&form.annual_goal),
                    "/annualGoal",
                    "年度绩效目标",
                    "annual goal",
                );
            } else {
                // T2020 has one goal cell, 总目标及阶段性目标.
                need(
                    blank(&form.overall_goal) && blank(&form.annual_goal),
                    "/overallGoal",
                    "总目标及阶段性目标",
                    "overall goal",
                );
            }
        }
    }
    let rows = form.indicators.as_ref().map_or(0, Vec::len);
    need(
        rows == 0,
        "/indicators",
        "绩效指标（至少一条）",
        "at least one indicator",
    );
    for (path, zh, en) in missing {
        f.add(
            &REQUIRED,
            path,
            format!("请填写{zh}"),
            format!("{en} is required"),
            vec![("field", zh.to_string())],
        );
    }
    if c.template == Template::T2021 && c.multi_year() && blank(&form.overall_goal) {
        let (s, e) = (c.start.map_or(0, |d| d.year), c.end.map_or(0, |d| d.year));
        f.add(
            &OVERALL_GOAL_MISSING,
            "/overallGoal",
            format!("项目实施期为 {s}–{e} 年，跨年度项目须填写项目总目标"),
            format!("the project runs {s}–{e}; a multi-year project needs an overall goal"),
            vec![("startYear", s.to_string()), ("endYear", e.to_string())],
        );
    }
}
