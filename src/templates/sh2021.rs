//! 财政项目支出绩效目标申报表 (2021): Shanghai's form of the national 2021
//! indicator framework — 产出/成本/效益/满意度, money as 项目资金.

use super::{Choice, Coverage, Level1, Money, Optional, Required, Template};
use crate::rule::review;
use crate::rule::Severity::{Error, Warning};

pub const TEMPLATE: Template = Template {
    id: "T2021",
    title: "财政项目支出绩效目标申报表",
    title_en: "project performance target form, national 2021 framework",
    required: &[
        super::PROJECT_NAME,
        super::YEAR,
        super::START_DATE,
        super::END_DATE,
        super::DEPARTMENT,
        super::IMPLEMENTING_UNIT,
        Required {
            path: "/projectNature",
            label: "项目性质",
            label_en: "project nature",
            or: &[],
        },
        Required {
            path: "/projectCategory",
            label: "项目类别",
            label_en: "project category",
            or: &[],
        },
        Required {
            path: "/funds/annual",
            label: "年度资金申请总额",
            label_en: "annual funds requested",
            or: &[],
        },
        Required {
            path: "/annualGoal",
            label: "年度总体目标",
            label_en: "annual goal",
            or: &[],
        },
        super::INDICATORS,
    ],
    choices: &[
        Choice {
            path: "/projectNature",
            label: "项目性质",
            options: &[
                "经常性项目",
                "阶段性项目",
                "一次性项目",
                "其他经常性项目",
                "其他一次性项目",
            ],
            ignored_suffix: "",
        },
        Choice {
            path: "/projectCategory",
            label: "项目类别",
            options: &["特定目标类", "其他运转类", "运转类", "公用经费类", "人员类"],
            ignored_suffix: "项目",
        },
    ],
    levels: &[
        Level1 {
            canonical: "产出指标",
            base: "产出",
            aliases: &["预期产出", "项目产出", "项目完成"],
            children: &["数量", "质量", "时效", "成本"],
            also: &[],
            open: false,
        },
        Level1 {
            canonical: "成本指标",
            base: "成本",
            aliases: &[],
            children: &["经济成本", "社会成本", "生态环境成本"],
            also: &[],
            open: false,
        },
        Level1 {
            canonical: "效益指标",
            base: "效益",
            aliases: &["预期效益", "项目效益", "效果"],
            children: &["经济效益", "社会效益", "生态效益", "可持续影响"],
            also: &[],
            open: false,
        },
        Level1 {
            canonical: "满意度指标",
            base: "满意度",
            aliases: &[],
            children: &["服务对象满意度"],
            also: &[],
            open: false,
        },
    ],
    level2_suffix: "指标",
    unknown_level2: Error,
    coverage: &[
        Coverage {
            label: "数量指标",
            severity: Error,
            review_category: review::ADD_OUTPUT,
            key: "数量",
            any_of: &[("产出", Some("数量"))],
        },
        Coverage {
            label: "质量指标",
            severity: Error,
            review_category: review::ADD_OUTPUT,
            key: "质量",
            any_of: &[("产出", Some("质量"))],
        },
        Coverage {
            label: "时效指标",
            severity: Error,
            review_category: review::ADD_OUTPUT,
            key: "时效",
            any_of: &[("产出", Some("时效"))],
        },
        super::BENEFIT_COVERED,
        super::SATISFACTION_COVERED,
        Coverage {
            label: "成本指标",
            severity: Warning,
            review_category: review::INCOMPLETE,
            key: "成本",
            any_of: &[("成本", None), ("产出", Some("成本"))],
        },
    ],
    money: Money::Funds,
    amount_unit: "元",
    optional: &[
        Optional::MultiYearGoal,
        Optional::RecurringOneYear,
        Optional::Level2Topics,
        Optional::CanonicalTargets,
    ],
    min_indicators: 6,
    weight_total: 100,
    signals: &[
        &["/funds"],
        &["/projectNature", "/department", "/implementingUnit"],
    ],
    needs: &[&[
        "/projectNature",
        "/projectCategory",
        "/startDate",
        "/endDate",
    ]],
    years: (0, 9999),
};
