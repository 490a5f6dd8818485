//! The templates a form can follow, as data: one file per template and one
//! registry. Detection, the rules, the catalogue, the schema's `template`
//! enum, the TypeScript types and the demo's menus read them from here;
//! nothing else names a template. Adding a region's template is one file
//! here and one line in [`ALL`].

mod ah2025;
mod hnfp2018;
mod mof2021;
mod ndrc2023;
mod sc2021;
mod sh2019;
mod sh2020;
mod sh2021;
pub mod taxonomy;

use crate::form::amount::Unit;
use crate::form::model::Form;
use crate::rule::Severity;
use serde::Serialize;

/// Every template, in the order detection prefers them on a tie.
pub const ALL: &[&Template] = &[
    &sh2021::TEMPLATE,
    &sh2020::TEMPLATE,
    &sh2019::TEMPLATE,
    &mof2021::TEMPLATE,
    &ah2025::TEMPLATE,
    &hnfp2018::TEMPLATE,
    &sc2021::TEMPLATE,
    &ndrc2023::TEMPLATE,
];

/// The template a form is checked against when nothing tells which it is.
pub const DEFAULT: &Template = &sh2021::TEMPLATE;

/// The template ids as a TypeScript type (a test keeps it in step with [`ALL`]).
pub const TEMPLATE_ID_TS: &str = r#"export type TemplateId = "T2021" | "T2020" | "T2019" | "MOF2021" | "AH2025" | "HNFP2018" | "SC2021" | "NDRC2023";"#;
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const TEMPLATE_ID: &str = TEMPLATE_ID_TS;

/// One declaration form template.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Template {
    /// The id forms carry in `template` (`T2021`).
    pub id: &'static str,
    pub title: &'static str,
    pub title_en: &'static str,
    /// The fields a form must fill, in the order findings list them.
    pub required: &'static [Required],
    /// Single-choice fields and their options.
    pub choices: &'static [Choice],
    /// Level-1 groups and the level-2 names under each.
    pub levels: &'static [Level1],
    /// How level-2 names are spelled: `数量指标` (suffix `指标`) or `数量`.
    pub level2_suffix: &'static str,
    /// An unknown level-2 name is an error, or a warning where projects may
    /// add their own goals.
    pub unknown_level2: Severity,
    /// Kinds of indicator every form must have (none: no coverage rule).
    pub coverage: &'static [Coverage],
    /// Where the money is: `funds` (项目资金) or `budget` (项目预算).
    pub money: Money,
    /// The unit amounts are written in when the form does not say.
    pub amount_unit: &'static str,
    /// Rules that only some templates apply.
    pub optional: &'static [Optional],
    /// Named indicator rows a form needs at least: one per required kind.
    pub min_indicators: usize,
    /// What the weights (权重) add up to, where a form gives them.
    pub weight_total: u32,
    /// What a form without `template` shows of this one: each group of
    /// pointers counts once when any of them is filled.
    #[serde(skip)]
    pub signals: &'static [&'static [&'static str]],
    /// Groups of pointers a form must each fill (any pointer of a group)
    /// before it is taken for this template: fields of its own, which no
    /// other layout has (Shanghai's 项目性质 or dates, Anhui's 项目来源 and
    /// 项目期). None for the national one: any form may be checked as it.
    #[serde(skip)]
    pub needs: &'static [&'static [&'static str]],
    /// The budget years this template was used for, to break a tie.
    #[serde(skip)]
    pub years: (i64, i64),
}

/// A field the form must fill.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Required {
    /// JSON Pointer of the field a finding names.
    pub path: &'static str,
    pub label: &'static str,
    pub label_en: &'static str,
    /// Other fields that fill the same need (T2020's one goal cell).
    #[serde(skip)]
    pub or: &'static [&'static str],
}

/// A single-choice field.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Choice {
    pub path: &'static str,
    pub label: &'static str,
    pub options: &'static [&'static str],
    /// A suffix clerks add that changes nothing (特定目标类项目).
    #[serde(skip)]
    pub ignored_suffix: &'static str,
}

/// A level-1 group and the level-2 names it admits (base names, no suffix).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Level1 {
    pub canonical: &'static str,
    #[serde(skip)]
    pub base: &'static str,
    /// Other regions' names for the same group.
    pub aliases: &'static [&'static str],
    pub children: &'static [&'static str],
    /// Another group's level-2 names this one also admits: the 2015
    /// central form put 社会公众或服务对象满意度指标 under 效益指标, and
    /// regions print it there still.
    #[serde(skip)]
    pub also: &'static [&'static str],
    /// Projects may add their own level-2 goals here (信息化目标).
    pub open: bool,
}

/// One kind of indicator a form must have: met by a row under any of the
/// listed (level-1, level-2) base names (`None`: any level-2).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Coverage {
    pub label: &'static str,
    pub severity: Severity,
    pub review_category: &'static str,
    #[serde(skip)]
    pub key: &'static str,
    #[serde(skip)]
    pub any_of: &'static [(&'static str, Option<&'static str>)],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Money {
    /// 项目资金: totals and annual amounts that add up (T2021).
    Funds,
    /// 项目预算: total, current year, last year, and a composition.
    Budget,
}

/// Rules a template may or may not apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Optional {
    /// A multi-year project needs 项目总目标.
    MultiYearGoal,
    /// A recurring (经常性) project should not span several years.
    RecurringOneYear,
    /// An indicator's name must fit its level-2 (生态效益, 经济效益, 满意度).
    Level2Topics,
    /// A multi-year project states 实施期 (overall) indicators beside the
    /// annual ones (the 一体化 system's 总体/年度 pair).
    ImplementationIndicators,
    /// Targets have the canonical spelling Shanghai's system prints
    /// (`≥90.00(%)`), suggested as `TARGET_NOT_CANONICAL`.
    CanonicalTargets,
}

impl Template {
    pub fn applies(&self, rule: Optional) -> bool {
        self.optional.contains(&rule)
    }

    /// The ids of every template, for messages.
    pub fn ids() -> String {
        ALL.iter().map(|t| t.id).collect::<Vec<_>>().join("、")
    }
}

/// The template with this id.
pub fn find(id: &str) -> Option<&'static Template> {
    let id = id.trim();
    ALL.iter().copied().find(|t| t.id == id)
}

/// The template a form without `template` most looks like. A template is
/// a candidate when the form's amount unit, if it says one, is the
/// template's (a form in 万元 is no Shanghai form) and the form fills the
/// fields the template needs (its own); a template without signals is only
/// ever named. Each signal group filled and each row under one of the
/// template's level-1 names counts one. A tie goes to the template of the
/// form's year, else to the first listed.
pub fn detect(form: &Form) -> Option<&'static Template> {
    // Read as the rules read it: a unit they do not know excludes nothing.
    let unit = form
        .amount_unit
        .as_deref()
        .and_then(Unit::from_label)
        .or_else(|| written_in_wan(form).then_some(Unit::TenThousandYuan));
    let score = |t: &Template| -> u32 {
        if t.signals.is_empty() || unit.is_some_and(|u| Unit::from_label(t.amount_unit) != Some(u))
        {
            return 0;
        }
        let fields = t
            .signals
            .iter()
            .filter(|group| group.iter().any(|p| form.has(p)))
            .count();
        if !t
            .needs
            .iter()
            .all(|group| group.iter().any(|p| form.has(p)))
        {
            return 0;
        }
        let rows = form
            .indicators
            .iter()
            .flatten()
            .filter(|ind| {
                crate::templates::taxonomy::find_level1(t, ind.level1.as_deref().unwrap_or(""))
                    .is_some()
            })
            .count();
        u32::try_from(fields.saturating_add(rows)).unwrap_or(u32::MAX)
    };
    let scores: Vec<(u32, &'static Template)> = ALL.iter().map(|t| (score(t), *t)).collect();
    let best = scores.iter().map(|(s, _)| *s).max().filter(|&s| s > 0)?;
    let tied = || {
        scores
            .iter()
            .filter(move |(s, _)| *s == best)
            .map(|(_, t)| *t)
    };
    let of_year = form
        .year
        .and_then(|y| tied().find(|t| (t.years.0..=t.years.1).contains(&y)));
    of_year.or_else(|| tied().next())
}

/// Whether a form that does not say its unit writes every amount but 0 in
/// 万 (`10000万元`, `250万`): it is in 万元.
fn written_in_wan(form: &Form) -> bool {
    let Some(funds) = form.funds.as_ref() else {
        return false;
    };
    let mut amounts = crate::form::read::FUNDS_KEYS
        .iter()
        .filter_map(|k| funds.get(k)?.as_deref())
        .map(|a| a.trim().trim_end_matches('元'))
        .filter(|a| !a.chars().all(|c| matches!(c, '0' | '.' | ',')))
        .peekable();
    amounts.peek().is_some() && amounts.all(|a| a.ends_with('万'))
}

// Fields every template asks for.
const PROJECT_NAME: Required = Required {
    path: "/projectName",
    label: "项目名称",
    label_en: "project name",
    or: &[],
};
const YEAR: Required = Required {
    path: "/year",
    label: "年度",
    label_en: "year",
    or: &[],
};
const START_DATE: Required = Required {
    path: "/startDate",
    label: "计划开始日期",
    label_en: "start date",
    or: &[],
};
const END_DATE: Required = Required {
    path: "/endDate",
    label: "计划完成日期",
    label_en: "end date",
    or: &[],
};
const DEPARTMENT: Required = Required {
    path: "/department",
    label: "主管部门",
    label_en: "department",
    or: &[],
};
const IMPLEMENTING_UNIT: Required = Required {
    path: "/implementingUnit",
    label: "实施单位",
    label_en: "implementing unit",
    or: &[],
};
// As the regional forms print them (T2021 says 年度资金申请总额, 年度总体目标).
const ANNUAL_FUNDS: Required = Required {
    path: "/funds/annual",
    label: "年度资金总额",
    label_en: "annual funds",
    or: &[],
};
const ANNUAL_GOAL: Required = Required {
    path: "/annualGoal",
    label: "年度目标",
    label_en: "annual goal",
    or: &[],
};
// Coverage most templates share: an 效益 row (an error), a 满意度 row (a
// warning; MOF2021 makes it an error).
const BENEFIT_COVERED: Coverage = Coverage {
    label: "效益指标",
    severity: Severity::Error,
    review_category: crate::rule::review::ADD_BENEFIT,
    key: "效益",
    any_of: &[("效益", None)],
};
const SATISFACTION_COVERED: Coverage = Coverage {
    label: "满意度指标",
    severity: Severity::Warning,
    review_category: crate::rule::review::ADD_SATISFACTION,
    key: "满意度",
    // Also where the older frame puts it, under 效益 (Level1::also).
    any_of: &[("满意度", None), ("效益", Some("服务对象满意度"))],
};
const INDICATORS: Required = Required {
    path: "/indicators",
    label: "绩效指标（至少一条）",
    label_en: "at least one indicator",
    or: &[],
};
const BUDGET_TOTAL: Required = Required {
    path: "/budget/total",
    label: "项目总预算",
    label_en: "total budget",
    or: &[],
};
const BUDGET_CURRENT: Required = Required {
    path: "/budget/current",
    label: "项目当年预算",
    label_en: "current-year budget",
    or: &[],
};
