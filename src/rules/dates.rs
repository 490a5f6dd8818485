//! Project period: readable dates, in order, covering the budget year, and a
//! period that fits the project's nature.

use super::{Facts, Findings, Rule};
use crate::rule::rule;
use crate::templates::Optional;
use crate::text::date::{self, YEARS};

rule!(
    DATE_FORMAT,
    Form,
    Error,
    OTHER,
    "日期写法无法识别（可写 2024-01-01、2024/1/1、2019年1月、2019.1）",
    "a date cannot be read (2024-01-01, 2024/1/1, 2019年1月 and 2019.1 are accepted)"
);

rule!(
    DATE_ORDER,
    Form,
    Error,
    OTHER,
    "计划开始日期晚于计划完成日期",
    "the start date is after the end date"
);

rule!(
    YEAR_OUTSIDE_PERIOD,
    Form,
    Error,
    OTHER,
    "申报年度不在项目实施期内",
    "the budget year lies outside the project period"
);

rule!(
    NATURE_PERIOD_MISMATCH,
    Form,
    Warning,
    OTHER,
    "经常性项目的实施期跨越多个年度，请核对项目性质或起止日期",
    "a recurring (经常性) project spans several years"
);

pub const RULES: &[Rule] = &[
    DATE_FORMAT,
    DATE_ORDER,
    YEAR_OUTSIDE_PERIOD,
    NATURE_PERIOD_MISMATCH,
];

pub fn check(c: &Facts, f: &mut Findings) {
    let form = c.form;
    for (path, label, en, value) in [
        ("/startDate", "计划开始日期", "start date", &form.start_date),
        ("/endDate", "计划完成日期", "end date", &form.end_date),
    ] {
        if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
            if date::parse(v).is_none() {
                f.add(
                    &DATE_FORMAT,
                    path,
                    format!("{label}“{v}”无法识别，请写成 2024-01-01 这样的日期"),
                    format!("{en} \"{v}\" is not a date; write it like 2024-01-01"),
                    vec![("value", v.to_string())],
                );
            }
        }
    }
    if let Some(y) = form
        .year
        .filter(|y| !(i64::from(*YEARS.start())..=i64::from(*YEARS.end())).contains(y))
    {
        f.add(
            &DATE_FORMAT,
            "/year",
            format!("年度 {y} 不是有效年份"),
            format!("year {y} is not a plausible year"),
            vec![("value", y.to_string())],
        );
    }
    let (Some(start), Some(end)) = (c.start, c.end) else {
        return;
    };
    if start > end {
        f.add(
            &DATE_ORDER,
            "/endDate",
            format!("计划完成日期 {end} 早于计划开始日期 {start}"),
            format!("end date {end} is before start date {start}"),
            vec![("start", start.to_string()), ("end", end.to_string())],
        );
        return;
    }
    if let Some(y) = form.year {
        if y < i64::from(start.year) || y > i64::from(end.year) {
            f.add(
                &YEAR_OUTSIDE_PERIOD,
                "/year",
                format!("申报年度 {y} 不在项目实施期 {start} 至 {end} 内"),
                format!("budget year {y} is outside the project period {start} to {end}"),
                vec![
                    ("year", y.to_string()),
                    ("start", start.to_string()),
                    ("end", end.to_string()),
                ],
            );
        }
    }
    let recurring = form
        .project_nature
        .as_deref()
        .is_some_and(|n| n.contains("经常性"));
    if c.template.applies(Optional::RecurringOneYear) && recurring && c.multi_year() {
        let nature = form.project_nature.clone().unwrap_or_default();
        f.add(
            &NATURE_PERIOD_MISMATCH,
            "/projectNature",
            format!("项目性质为“{nature}”，但实施期 {start} 至 {end} 跨越多个年度；跨年度项目通常为阶段性项目"),
            format!("a recurring project (\"{nature}\") spans {start} to {end}"),
            vec![("nature", nature.clone()), ("start", start.to_string()), ("end", end.to_string())],
        );
    }
}
