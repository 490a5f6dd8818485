//! 绩效目标申报表 of the 扶贫 (later 乡村振兴衔接) fund allocations, as Hunan's
//! counties publish it (2018–2022; the same layout is used in other
//! provinces): the national levels, money in 万元, no dates and no year line.
//! Its footnote lets counties keep the rows that fit, the starred core rows
//! being required, so coverage asks only for 产出 and 效益 rows, and a
//! satisfaction row as a warning. Sources: docs/regions/hunan.md and two
//! published forms, tests/regional/hunan/01 and 02.

use super::{mof2021, Coverage, Money, Template};
use crate::rule::review;
use crate::rule::Severity::Error;

pub const TEMPLATE: Template = Template {
    id: "HNFP2018",
    title: "绩效目标申报表（扶贫、衔接资金）",
    title_en: "performance target form of poverty-alleviation funds (Hunan)",
    required: &[
        super::PROJECT_NAME,
        super::DEPARTMENT,
        super::IMPLEMENTING_UNIT,
        super::ANNUAL_FUNDS,
        super::ANNUAL_GOAL,
        super::INDICATORS,
    ],
    choices: &[],
    levels: mof2021::TEMPLATE.levels,
    level2_suffix: "指标",
    unknown_level2: Error,
    coverage: &[
        Coverage {
            label: "产出指标",
            severity: Error,
            review_category: review::ADD_OUTPUT,
            key: "产出",
            any_of: &[("产出", None), ("成本", None)],
        },
        super::BENEFIT_COVERED,
        super::SATISFACTION_COVERED,
    ],
    money: Money::Funds,
    amount_unit: "万元",
    optional: &[],
    min_indicators: 3,
    weight_total: 100,
    // Its fields are a subset of T2021's and the national form's: nothing
    // tells it apart, so a form says `"template": "HNFP2018"`.
    signals: &[],
    needs: &[],
    years: (2018, 2022),
};
