//! 财政项目支出绩效目标表 (2020): the 2019 goal groups, one goal cell
//! (总目标及阶段性目标), 绩效类型 and 政府购买服务 instead of the choices.

use super::{Money, Optional, Required, Template};
use crate::rule::Severity::Warning;

pub const TEMPLATE: Template = Template {
    id: "T2020",
    title: "财政项目支出绩效目标表",
    title_en: "project performance target table, 2020",
    required: &[
        super::PROJECT_NAME,
        super::YEAR,
        super::START_DATE,
        super::END_DATE,
        super::BUDGET_TOTAL,
        super::BUDGET_CURRENT,
        Required {
            path: "/overallGoal",
            label: "总目标及阶段性目标",
            label_en: "overall goal",
            or: &["/annualGoal"],
        },
        super::INDICATORS,
    ],
    choices: &[],
    levels: super::sh2019::LEVELS,
    level2_suffix: "",
    unknown_level2: Warning,
    coverage: &[],
    money: Money::Budget,
    amount_unit: "元",
    optional: &[Optional::CanonicalTargets],
    min_indicators: 0,
    weight_total: 100,
    signals: &[
        &["/budget", "/declaringUnit"],
        &["/performanceType", "/includesGovernmentPurchase"],
    ],
    needs: &[&[
        "/budget",
        "/declaringUnit",
        "/performanceType",
        "/includesGovernmentPurchase",
        "/projectCategory",
        "/startDate",
        "/endDate",
    ]],
    years: (2020, 9999),
};
