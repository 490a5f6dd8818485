//! The rule catalogue and the runner. Each family lives in its own file and
//! declares its rules as constants; `catalogue()` lists them all, so codes,
//! severities, review categories and descriptions exist in one place.

mod budget;
mod choices;
mod dates;
pub mod facts;
mod funds;
pub mod indicators;
pub mod input;
mod required;
pub mod targets;
mod template;

pub use template::resolve as template_resolve;

use crate::form::model::Indicator;
pub use facts::Facts;
use facts::Row;

use crate::report::{Issue, Severity};
use serde::Serialize;

pub use crate::report::review;

/// Where a rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Scope {
    /// Reported in `validateForm` reports; depends on more than one row.
    Form,
    /// One indicator row's own rule: reported in `validateForm` reports and,
    /// for that row alone, by `checkIndicator`.
    Row,
    /// Reported in `normaliseTarget` diagnostics (and, wrapped, in forms).
    Target,
}

/// One rule of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null, hashmap_as_object))]
pub struct Rule {
    pub code: &'static str,
    /// The severity the rule reports at (COVERAGE_MISSING reports missing
    /// 满意度/成本 one step lower, as its description says).
    pub severity: Severity,
    pub scope: Scope,
    pub review_category: &'static str,
    pub description: &'static str,
    pub description_en: &'static str,
}

/// Every rule, grouped by family.
pub fn catalogue() -> Vec<Rule> {
    [
        input::RULES,
        template::RULES,
        required::RULES,
        dates::RULES,
        funds::RULES,
        budget::RULES,
        choices::RULES,
        indicators::RULES,
        targets::RULES,
        targets::ENGINE_RULES,
    ]
    .concat()
}

/// Runs every family over a read form.
pub fn run(c: &Facts, f: &mut Findings) {
    required::check(c, f);
    dates::check(c, f);
    funds::check(c, f);
    budget::check(c, f);
    choices::check(c, f);
    indicators::check(c, f);
    for (ind, row) in c.rows() {
        targets::row(c, ind, row, f);
    }
}

/// The rules of one indicator row (scope `Row`), as `run` applies them.
pub fn row(c: &Facts, ind: &Indicator, row: &Row, f: &mut Findings) {
    indicators::row(c, ind, row, f);
    targets::row(c, ind, row, f);
}

/// Collected findings.
#[derive(Debug, Default)]
pub struct Findings {
    pub issues: Vec<Issue>,
}

impl Findings {
    /// Records a finding of `rule` at its own severity.
    pub fn add(
        &mut self,
        rule: &Rule,
        path: impl Into<String>,
        zh: String,
        en: String,
        params: Vec<(&'static str, String)>,
    ) {
        self.add_at(rule, rule.severity, path, zh, en, params);
    }

    /// Records a finding at an explicit severity.
    pub fn add_at(
        &mut self,
        rule: &Rule,
        severity: Severity,
        path: impl Into<String>,
        zh: String,
        en: String,
        params: Vec<(&'static str, String)>,
    ) {
        self.issues.push(Issue {
            code: rule.code,
            severity,
            path: path.into(),
            message: zh,
            message_en: en,
            params: crate::report::Params::new(params),
            review_category: rule.review_category,
        });
    }
}
