//! 项目支出绩效目标表 as the national 预算管理一体化 system records it: the
//! shipped frame PM001 (产出/效益/满意度, 成本 under 产出; the 2021 central
//! framework's 成本指标 level-1 also read), targets in split columns,
//! amounts in 万元, and the coverage its audit packages block on. Sources:
//! docs/regions/mof2021.md §3.4 (coverage) and §4 (level names).

use super::{Coverage, Level1, Money, Optional, Template};
use crate::rule::review;
use crate::rule::Severity::Error;

pub const TEMPLATE: Template = Template {
    id: "MOF2021",
    title: "项目支出绩效目标表（预算管理一体化）",
    title_en: "project performance targets, national integrated budget system",
    required: &[
        super::PROJECT_NAME,
        super::YEAR,
        // A form of another layout with one goal cell (总体目标) states the
        // year's goal there: it meets the need (the multi-year rule still
        // asks a multi-year project for both).
        super::Required {
            path: "/annualGoal",
            label: "年度绩效目标",
            label_en: "annual goal",
            or: &["/overallGoal"],
        },
        super::INDICATORS,
    ],
    choices: &[],
    levels: &[
        Level1 {
            canonical: "产出指标",
            base: "产出",
            // Anhui's and Hubei's forms (项目完成指标), older frames.
            aliases: &["预期产出", "项目产出", "项目完成"],
            children: &["数量", "质量", "时效", "成本"],
            also: &[],
            open: false,
        },
        Level1 {
            canonical: "效益指标",
            base: "效益",
            aliases: &["预期效益", "项目效益", "效果"],
            children: &["经济效益", "社会效益", "生态效益", "可持续影响"],
            also: &["服务对象满意度"],
            open: false,
        },
        Level1 {
            canonical: "满意度指标",
            base: "满意度",
            aliases: &[],
            children: &["满意度", "服务对象满意度"],
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
    ],
    level2_suffix: "指标",
    unknown_level2: Error,
    // pkg_perf_checkperfindex.checkBdmYearAdjperf: every 产出 level-2, and
    // 效益 and 满意度, have a row; all blocking (alarmlevels 0).
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
        Coverage {
            label: "成本指标",
            severity: Error,
            review_category: review::ADD_OUTPUT,
            key: "成本",
            any_of: &[("产出", Some("成本")), ("成本", None)],
        },
        super::BENEFIT_COVERED,
        Coverage {
            severity: Error,
            ..super::SATISFACTION_COVERED
        },
    ],
    money: Money::Funds,
    amount_unit: "万元",
    // goalandindex.js cmp.nullcheck: no 年度 goal without the 长期 one.
    optional: &[Optional::MultiYearGoal, Optional::ImplementationIndicators],
    min_indicators: 6,
    weight_total: 100,
    signals: &[
        &[
            "/indicators/*/operator",
            "/indicators/*/value",
            "/indicators/*/unit",
        ],
        &["/amountUnit"],
    ],
    needs: &[],
    years: (0, 9999),
};
