//! What a finding is (code, severity, JSON Pointer, messages, parameters,
//! the reviewer's category) and where rules put them. Below everything that
//! reports: the form reader, the rule families and the report share it.

use crate::rule::{Rule, Severity};
use serde::ser::SerializeMap;
use serde::Serialize;

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
            params: Params::new(params),
            review_category: rule.review_category,
        });
    }
}
