//! 上海市财政支出项目绩效目标申报表 (2019): 投入和管理/产出/效果/影响力
//! goals, money as 项目预算 with its composition, two single choices.

use super::{Choice, Level1, Money, Optional, Required, Template};
use crate::rule::Severity::Warning;

pub const TEMPLATE: Template = Template {
    id: "T2019",
    title: "上海市财政支出项目绩效目标申报表",
    title_en: "Shanghai project performance target form, 2019",
    required: &[
        super::PROJECT_NAME,
        super::YEAR,
        super::START_DATE,
        super::END_DATE,
        super::BUDGET_TOTAL,
        super::BUDGET_CURRENT,
        Required {
            path: "/annualGoal",
            label: "年度绩效目标",
            label_en: "annual goal",
            or: &[],
        },
        super::INDICATORS,
    ],
    choices: &[
        Choice {
            path: "/projectType",
            label: "项目类型",
            options: &[
                "市委市政府已确定的新增项目",
                "结转项目",
                "其他一次性项目",
                "经常性专项业务费",
                "其他经常性项目",
            ],
            ignored_suffix: "",
        },
        Choice {
            path: "/fundUse",
            label: "资金用途",
            options: &[
                "基本建设工程类",
                "信息化建设类",
                "政策补贴类",
                "政府购买服务",
                "资产购置类",
                "其他事业专业类",
            ],
            ignored_suffix: "",
        },
    ],
    levels: LEVELS,
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
        &["/projectType", "/fundUse"],
        &["/budget/composition"],
    ],
    needs: &[&[
        "/budget",
        "/declaringUnit",
        "/projectType",
        "/fundUse",
        "/startDate",
        "/endDate",
    ]],
    years: (0, 2019),
};

/// The goal groups of the 2019 and 2020 forms.
pub const LEVELS: &[Level1] = &[
    Level1 {
        canonical: "投入和管理目标",
        base: "投入和管理",
        aliases: &["投入与管理", "投入及管理", "投入管理"],
        children: &[
            "投入管理",
            "财务管理",
            "项目管理",
            "业务制度管理",
            "项目实施管理",
            "实施管理",
            "资产管理",
        ],
        also: &[],
        open: false,
    },
    Level1 {
        canonical: "产出目标",
        base: "产出",
        aliases: &[],
        children: &["数量", "质量", "时效", "成本"],
        also: &[],
        open: false,
    },
    Level1 {
        canonical: "效果目标",
        base: "效果",
        aliases: &[],
        children: &["经济效益", "社会效益", "环境效益", "生态效益", "满意度"],
        also: &[],
        open: true,
    },
    Level1 {
        canonical: "影响力目标",
        base: "影响力",
        aliases: &[],
        children: &["长效管理", "人力资源", "配套设施", "信息共享", "满意度"],
        also: &[],
        open: false,
    },
];
