//! The report (SPEC §5): findings with code, severity, JSON Pointer, messages
//! in Chinese and English, parameters and the reviewer's opinion category.

/// The reviewer's standard opinion categories (SPEC §6).
pub mod review {
    pub const INCOMPLETE: &str = "指标不够完整";
    pub const NOT_QUANTIFIED: &str = "指标不够细化、量化";
    pub const NOT_RELEVANT: &str = "指标与项目的相关性不够";
    pub const VALUE_MISMATCH: &str = "指标与指标值不匹配";
    pub const SPLIT: &str = "建议拆分指标";
    pub const LEVEL1_WRONG: &str = "一级指标类型错误";
    pub const LEVEL2_WRONG: &str = "二级指标类型错误";
    pub const ADD_BENEFIT: &str = "建议增加明确效益指标";
    pub const ADD_OUTPUT: &str = "建议增加明确产出指标";
    pub const ADD_SATISFACTION: &str = "建议增加满意度指标";
    pub const OTHER: &str = "其他";
}

use serde::ser::SerializeMap;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// One finding about a form.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null, hashmap_as_object))]
pub struct Issue {
    pub code: &'static str,
    pub severity: Severity,
    /// RFC 6901 JSON Pointer into the submitted form.
    pub path: String,
    pub message: String,
    pub message_en: String,
    /// Named values the message quotes (`expected`, `actual` …), for portals
    /// that build their own wording.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, string>"))]
    pub params: Params,
    pub review_category: &'static str,
}

/// An issue's parameters: few, with fixed names, serialised as a JSON object
/// with keys in alphabetical order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<(&'static str, String)>);

impl Params {
    pub fn new(mut pairs: Vec<(&'static str, String)>) -> Params {
        // At most a handful of pairs: an insertion sort keeps the wasm module
        // free of the general sort's code.
        for i in 1..pairs.len() {
            let mut j = i;
            while let Some(w) = j.checked_sub(1).and_then(|p| pairs.get_mut(p..=j)) {
                match w {
                    [a, b] if a.0 > b.0 => {
                        std::mem::swap(a, b);
                        j = j.saturating_sub(1);
                    }
                    _ => break,
                }
            }
        }
        Params(pairs)
    }

    /// The value named `key`.
    pub fn get(&self, key: &str) -> Option<&String> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

impl Serialize for Params {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// Appends one RFC 6901 reference token to a pointer.
pub fn pointer(base: &str, token: &str) -> String {
    let mut out = String::with_capacity(base.len().saturating_add(token.len()).saturating_add(1));
    out.push_str(base);
    out.push('/');
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            _ => out.push(c),
        }
    }
    out
}

/// The outcome of checking one indicator row while it is typed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null, hashmap_as_object))]
pub struct RowReport {
    /// The row's target as `normaliseTarget` reads it in the row's context;
    /// null when the row has no target.
    pub target: Option<crate::target::Target>,
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
    pub fn unusable(code: &'static str, zh: &str, en: &str) -> Report {
        let rule = crate::rules::catalogue()
            .into_iter()
            .find(|r| r.code == code);
        let issue = Issue {
            code,
            severity: Severity::Error,
            path: String::new(),
            message: zh.to_string(),
            message_en: en.to_string(),
            params: Params::default(),
            review_category: rule.map_or(crate::rules::review::OTHER, |r| r.review_category),
        };
        Report::new(None, vec![issue], None)
    }

    /// Whether the input could not be read as a form (exit status 2 in the
    /// CLI): only then is there no template to check against.
    pub fn unusable_input(&self) -> bool {
        self.template.is_none()
    }
}
