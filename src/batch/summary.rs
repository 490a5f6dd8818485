//! What a batch found, per rule: how many findings and in how many forms,
//! most frequent first.

use super::{Checked, FILE_UNREADABLE};
use crate::xlsx::XLSX_UNREADABLE;
use crate::Severity;
use serde::Serialize;

/// One rule's findings across the batch (a code raised at two severities,
/// such as `COVERAGE_MISSING`, counts once per severity).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleCount {
    pub code: &'static str,
    pub severity: Severity,
    pub findings: usize,
    pub forms: usize,
    pub description: String,
    pub description_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub forms: usize,
    /// Forms without errors.
    pub valid: usize,
    /// Forms read, with errors.
    pub invalid: usize,
    /// Inputs that could not be read as a form.
    pub unusable: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Most findings first; then errors before warnings, then by code.
    pub rules: Vec<RuleCount>,
}

/// The catalogue's descriptions, and those of the two input rules of the
/// native front end that are not in it.
fn describe(code: &str) -> (String, String) {
    crate::rules()
        .into_iter()
        .chain([FILE_UNREADABLE, XLSX_UNREADABLE])
        .find(|r| r.code == code)
        .map(|r| (r.description.to_string(), r.description_en.to_string()))
        .unwrap_or_default()
}

impl Summary {
    pub fn of(checked: &[Checked]) -> Summary {
        let mut s = Summary {
            forms: checked.len(),
            valid: 0,
            invalid: 0,
            unusable: 0,
            errors: 0,
            warnings: 0,
            infos: 0,
            rules: Vec::new(),
        };
        for c in checked {
            let r = &c.report;
            if r.unusable_input() {
                s.unusable = s.unusable.saturating_add(1);
            } else if r.valid {
                s.valid = s.valid.saturating_add(1);
            } else {
                s.invalid = s.invalid.saturating_add(1);
            }
            s.errors = s.errors.saturating_add(r.errors.len());
            s.warnings = s.warnings.saturating_add(r.warnings.len());
            s.infos = s.infos.saturating_add(r.infos.len());
            let mut seen: Vec<(&str, Severity)> = Vec::new();
            for i in r.errors.iter().chain(&r.warnings).chain(&r.infos) {
                let at = match s
                    .rules
                    .iter()
                    .position(|k| k.code == i.code && k.severity == i.severity)
                {
                    Some(at) => at,
                    None => {
                        let (description, description_en) = describe(i.code);
                        s.rules.push(RuleCount {
                            code: i.code,
                            severity: i.severity,
                            findings: 0,
                            forms: 0,
                            description,
                            description_en,
                        });
                        s.rules.len().saturating_sub(1)
                    }
                };
                if let Some(k) = s.rules.get_mut(at) {
                    k.findings = k.findings.saturating_add(1);
                    if !seen.contains(&(i.code, i.severity)) {
                        seen.push((i.code, i.severity));
                        k.forms = k.forms.saturating_add(1);
                    }
                }
            }
        }
        s.rules.sort_by(|a, b| {
            b.findings
                .cmp(&a.findings)
                .then(a.severity.cmp(&b.severity))
                .then(a.code.cmp(b.code))
        });
        s
    }
}
