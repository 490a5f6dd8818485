//! 中央预算内投资计划绩效目标表: the form development-reform commissions
//! attach when they pass central budget investment down (以工代赈, 农业绿色
//! 发展 …), in every province alike. Its own frame: 实施效果指标 (产出, 效益,
//! 满意度 as level-2) and 过程管理指标 (计划, 资金, 项目管理, 监督检查); one
//! overall goal; the sum passed down in 万元. Sources: docs/regions/ndrc.md
//! (a whole form from 舒城县 2023, tests/regional/anhui/03, and the head of
//! one from 天津市宝坻区 2022).

use super::{Coverage, Level1, Money, Required, Template};
use crate::rule::review;
use crate::rule::Severity::{Error, Warning};

pub const TEMPLATE: Template = Template {
    id: "NDRC2023",
    title: "中央预算内投资计划绩效目标表",
    title_en: "performance targets of a central budget investment plan",
    required: &[
        Required {
            label: "专项名称",
            label_en: "programme name",
            ..super::PROJECT_NAME
        },
        super::YEAR,
        Required {
            path: "/allocatedTo",
            label: "下达地方或单位",
            label_en: "recipient",
            or: &[],
        },
        Required {
            label: "下达中央预算内投资",
            label_en: "central investment passed down",
            ..super::ANNUAL_FUNDS
        },
        Required {
            path: "/overallGoal",
            label: "总体目标",
            label_en: "overall goal",
            or: &["/annualGoal"],
        },
        super::INDICATORS,
    ],
    choices: &[],
    levels: &[
        Level1 {
            canonical: "实施效果指标",
            base: "实施效果",
            aliases: &[],
            children: &["产出", "效益", "满意度"],
            also: &[],
            open: false,
        },
        Level1 {
            canonical: "过程管理指标",
            base: "过程管理",
            aliases: &[],
            children: &["计划管理", "资金管理", "项目管理", "监督检查"],
            also: &[],
            open: false,
        },
    ],
    level2_suffix: "指标",
    unknown_level2: Warning,
    coverage: &[
        Coverage {
            label: "产出指标",
            severity: Error,
            review_category: review::ADD_OUTPUT,
            key: "产出",
            any_of: &[("实施效果", Some("产出"))],
        },
        Coverage {
            label: "效益指标",
            severity: Error,
            review_category: review::ADD_BENEFIT,
            key: "效益",
            any_of: &[("实施效果", Some("效益"))],
        },
        Coverage {
            label: "过程管理指标",
            severity: Warning,
            review_category: review::INCOMPLETE,
            key: "过程管理",
            any_of: &[("过程管理", None)],
        },
    ],
    money: Money::Funds,
    amount_unit: "万元",
    optional: &[],
    min_indicators: 3,
    weight_total: 100,
    signals: &[&["/allocatedTo"]],
    needs: &[&["/allocatedTo"]],
    years: (2019, 9999),
};
