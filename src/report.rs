//! The report (SPEC §5): findings with code, severity, JSON Pointer, messages
//! in Chinese and English, parameters and the reviewer's opinion category.

use serde::Serialize;
use std::collections::BTreeMap;

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
pub struct Issue {
    pub code: &'static str,
    pub severity: Severity,
    /// RFC 6901 JSON Pointer into the submitted form.
    pub path: String,
    pub message: String,
    pub message_en: String,
    pub params: BTreeMap<String, String>,
    pub review_category: &'static str,
}

/// Appends one RFC 6901 reference token to a pointer.
pub fn pointer(base: &str, token: &str) -> String {
    let mut out = String::with_capacity(base.len() + token.len() + 1);
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
