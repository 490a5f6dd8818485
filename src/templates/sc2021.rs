//! 项目支出绩效目标申报表 as Sichuan's districts publish it (2021): the
//! year's money itemised by source (财政拨款 with 一般公共预算, 政府性基金 and
//! 国有资本经营预算; 自有资金 with 事业收入 and 经营性收入; 其他收入) in 万元,
//! one budget unit (预算单位), one annual goal, and the national levels under
//! the names 项目完成指标 and 项目效益指标. Sources: docs/regions/sichuan.md
//! and two published forms, tests/regional/sichuan/.

use super::{mof2021, Money, Required, Template};
use crate::rule::Severity::Error;

/// Its itemised money, both groups: what tells its forms apart.
const ITEMISED: &[&[&str]] = &[
    &[
        "/funds/generalBudget",
        "/funds/governmentFund",
        "/funds/stateCapitalBudget",
    ],
    &[
        "/funds/selfRaised",
        "/funds/businessIncome",
        "/funds/operatingIncome",
    ],
];

pub const TEMPLATE: Template = Template {
    id: "SC2021",
    title: "项目支出绩效目标申报表（四川）",
    title_en: "project performance target form, Sichuan",
    required: &[
        super::PROJECT_NAME,
        super::YEAR,
        Required {
            label: "预算单位",
            label_en: "budget unit",
            ..super::DEPARTMENT
        },
        // The form prints no cell for the total: the year's money is its
        // three sources, any one of which is enough.
        Required {
            or: &[
                "/funds/annualFiscal",
                "/funds/selfRaised",
                "/funds/annualOther",
            ],
            ..super::ANNUAL_FUNDS
        },
        super::ANNUAL_GOAL,
        super::INDICATORS,
    ],
    choices: &[],
    levels: mof2021::TEMPLATE.levels,
    level2_suffix: "指标",
    unknown_level2: Error,
    coverage: mof2021::TEMPLATE.coverage,
    money: Money::Funds,
    amount_unit: "万元",
    optional: &[],
    min_indicators: 6,
    weight_total: 100,
    signals: ITEMISED,
    needs: ITEMISED,
    years: (2019, 9999),
};
