//! The report (SPEC §5): findings with code, severity, JSON Pointer, messages
//! in Chinese and English, parameters and the reviewer's opinion category.

use serde::Serialize;

pub use crate::finding::{Issue, Params};
pub use crate::rule::Severity;

/// The outcome of checking one indicator row while it is typed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null, hashmap_as_object))]
pub struct RowReport {
    /// The row's target as `normaliseTarget` reads it in the row's context;
    /// null when the row has no target.
    pub target: Option<crate::target_value::Target>,
    /// The findings of the row's own rules (scope `row` and `target`),
    /// worst first: exactly what `validateForm` reports for this row.
    pub issues: Vec<Issue>,
}

/// The outcome of validating one form.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null, hashmap_as_object))]
pub struct Report {
    /// No errors (warnings and infos allowed).
    pub valid: bool,
    /// The template checked against (given or detected); null when the input was unusable.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "TemplateId | null"))]
    pub template: Option<&'static str>,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    pub infos: Vec<Issue>,
    /// The form with canonical names, targets, amounts and dates; null when unusable.
    pub normalised: Option<crate::form::model::Form>,
}

impl Report {
    /// Sorts findings by severity, keeping each list in rule order.
    pub fn new(
        template: Option<&'static crate::templates::Template>,
        issues: Vec<Issue>,
        normalised: Option<crate::form::model::Form>,
    ) -> Report {
        let (mut errors, mut warnings, mut infos) = (Vec::new(), Vec::new(), Vec::new());
        for issue in issues {
            match issue.severity {
                Severity::Error => errors.push(issue),
                Severity::Warning => warnings.push(issue),
                Severity::Info => infos.push(issue),
            }
        }
        Report {
            valid: errors.is_empty(),
            template: template.map(|t| t.id),
            errors,
            warnings,
            infos,
            normalised,
        }
    }

    /// A report for input that is not a form at all.
    pub fn unusable(rule: &crate::rule::Rule, zh: &str, en: &str) -> Report {
        let issue = Issue {
            code: rule.code,
            severity: rule.severity,
            path: String::new(),
            message: zh.to_string(),
            message_en: en.to_string(),
            params: Params::default(),
            review_category: rule.review_category,
        };
        Report::new(None, vec![issue], None)
    }

    /// Whether the input could not be read as a form (exit status 2 in the
    /// CLI): only then is there no template to check against.
    pub fn unusable_input(&self) -> bool {
        self.template.is_none()
    }
}
