//! perftarget — validates 财政项目支出绩效目标申报表 (performance-target
//! declaration forms): the same rules natively, in the CLI and in WebAssembly.
//!
//! * [`normalise`] — one target value (指标值) as typed, SPEC §4
//! * [`validate_json`] / [`validate_value`] — a whole form, SPEC §5
//! * [`rules`] — the rule catalogue
//! * `service` — the HTTP/JSON service (cargo feature `serve`)

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::todo,
    clippy::unimplemented,
    clippy::unreachable
)]

pub mod form;
pub mod limits;
pub mod report;
pub mod rules;
#[cfg(all(feature = "serve", not(target_arch = "wasm32")))]
pub mod service;
pub mod target;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use report::{Issue, Report, Severity};
pub use rules::Rule;
pub use target::{normalise, Context, Target};

use form::json::ErrorKind;
use rules::input::{INPUT_TOO_LARGE, JSON_SYNTAX};
use rules::{Check, Findings};

/// The rule catalogue: every code with severity, review category and descriptions.
pub fn rules() -> Vec<Rule> {
    rules::catalogue()
}

/// Validates a form given as JSON text.
pub fn validate_json(text: &str) -> Report {
    check_json(text, true)
}

/// Validates a form already parsed as JSON (numbers kept as their text).
pub fn validate_value(value: &form::json::Json) -> Report {
    check_value(value, true)
}

/// Validates JSON text; the report's `normalised` form is built only when
/// asked for (the wasm boundary builds it when a report's reader wants it).
pub(crate) fn check_json(text: &str, normalised: bool) -> Report {
    if text.len() > limits::MAX_FORM_BYTES {
        let zh = format!(
            "申报表有 {} 字节，超过上限 {} 字节",
            text.len(),
            limits::MAX_FORM_BYTES
        );
        let en = format!(
            "the form has {} bytes, more than {}",
            text.len(),
            limits::MAX_FORM_BYTES
        );
        return Report::unusable(INPUT_TOO_LARGE.code, &zh, &en);
    }
    match form::json::parse(text, limits::MAX_DEPTH) {
        Ok(value) => check_value(&value, normalised),
        Err(e) if e.kind == ErrorKind::TooDeep => Report::unusable(
            INPUT_TOO_LARGE.code,
            &format!("申报表嵌套超过 {} 层", limits::MAX_DEPTH),
            &format!("the form nests deeper than {} levels", limits::MAX_DEPTH),
        ),
        Err(e) => {
            let expected = match e.kind {
                ErrorKind::Syntax(what) => what,
                ErrorKind::TooDeep => "",
            };
            Report::unusable(
                JSON_SYNTAX.code,
                &format!(
                    "申报表不是有效的 JSON：第 {} 行第 {} 列附近有误",
                    e.line, e.column
                ),
                &format!(
                    "invalid JSON at line {}, column {}: expected {expected}",
                    e.line, e.column
                ),
            )
        }
    }
}

fn check_value(value: &form::json::Json, normalised: bool) -> Report {
    let mut findings = Findings::default();
    let Some(form) = form::read::read(value, &mut findings) else {
        return Report::new(None, findings.issues, None);
    };
    let (template, _) = rules::template_resolve(&form, &mut findings);
    let mut check = Check::new(&form, template, findings);
    rules::run(&mut check);
    let Check { findings, rows, .. } = check;
    let normalised = normalised.then(|| form::canonical::normalised(form, template, &rows));
    Report::new(Some(template), findings.issues, normalised)
}

/// The README's Rust snippet runs as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
