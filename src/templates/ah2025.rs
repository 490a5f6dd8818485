//! 项目支出绩效目标表 as Anhui's 一体化 system prints it and its counties
//! publish it (2025): the national frame's levels and coverage, 项目来源 and
//! 项目期 in the header, money in 万元, no dates, nature or category.
//! Sources: docs/regions/anhui.md (the system's `ahxmmbtzb.ftl` export and
//! two published forms, tests/regional/anhui/).

use super::{mof2021, Money, Required, Template};
use crate::rule::Severity::Error;

pub const TEMPLATE: Template = Template {
    id: "AH2025",
    title: "项目支出绩效目标表（安徽）",
    title_en: "project performance targets, Anhui",
    required: &[
        super::PROJECT_NAME,
        super::YEAR,
        super::DEPARTMENT,
        super::IMPLEMENTING_UNIT,
        Required {
            path: "/projectSource",
            label: "项目来源",
            label_en: "project source",
            or: &[],
        },
        Required {
            path: "/projectTerm",
            label: "项目期",
            label_en: "project term",
            or: &[],
        },
        super::ANNUAL_FUNDS,
        super::ANNUAL_GOAL,
        super::INDICATORS,
    ],
    choices: &[],
    // The national PM001 frame (成本 under 产出; 满意度指标 as the level-2).
    levels: mof2021::TEMPLATE.levels,
    level2_suffix: "指标",
    unknown_level2: Error,
    coverage: mof2021::TEMPLATE.coverage,
    money: Money::Funds,
    amount_unit: "万元",
    optional: &[],
    min_indicators: 6,
    weight_total: 100,
    signals: &[&["/projectSource"], &["/projectTerm"]],
    needs: &[&["/projectSource"], &["/projectTerm"]],
    years: (2023, 9999),
};
