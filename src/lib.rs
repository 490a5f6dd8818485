//! perftarget — validates 财政项目支出绩效目标申报表 (performance-target
//! declaration forms): the same rules natively, in the CLI and in WebAssembly.
//!
//! * [`normalise`] — one target value (指标值) as typed, SPEC §4
//! * [`validate_json`] / [`validate_value`] — a whole form, SPEC §5
//! * [`check_indicator_json`] — one indicator row while it is typed
//! * [`rules`] — the rule catalogue; [`templates()`] — the templates
//! * `service` — the HTTP/JSON service (cargo feature `serve`)
//!
//! The layers depend downward only: `text` (folding, numbers, dates) and
//! `rule`/`finding` (what a rule and a finding are) → `target_value` (the
//! target grammar) → `form` (model, JSON reader) → `templates` (the
//! templates as data, level names) → `rules` (the families) → the report.

#![forbid(unsafe_code)]
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

#[cfg(not(target_arch = "wasm32"))]
pub mod batch;
pub mod finding;
pub mod form;
pub mod limits;
mod normalised;
pub mod report;
pub mod rule;
pub mod rules;
#[cfg(all(feature = "serve", not(target_arch = "wasm32")))]
pub mod service;
pub mod target_value;
pub mod templates;
#[doc(hidden)] // folding and numerals: reached through the API, open to the crate's tests
pub mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;
#[cfg(not(target_arch = "wasm32"))]
pub mod xlsx;

pub use finding::{Issue, Params};
pub use form::model::{Budget, CompositionRow, Form, Funds, Indicator};
pub use report::{Report, RowReport};
pub use rule::{Rule, Scope, Severity};
pub use target_value::{normalise, Context, Target};
pub use templates::Template;

use form::input::JSON_SYNTAX;
use form::json::ErrorKind;
use limits::INPUT_TOO_LARGE;
use rules::{Facts, Findings};

/// The rule catalogue: every code with severity, review category and descriptions.
pub fn rules() -> Vec<Rule> {
    rules::catalogue()
}

/// The templates a form may follow (SPEC §2, §10): fields, choices, level
/// names, coverage and money structure, as the rules read them.
pub fn templates() -> &'static [&'static templates::Template] {
    templates::ALL
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
        return Report::unusable(&INPUT_TOO_LARGE, &zh, &en);
    }
    match form::json::parse(text, limits::MAX_DEPTH) {
        Ok(value) => check_value(&value, normalised),
        Err(e) if e.kind == ErrorKind::TooDeep => Report::unusable(
            &INPUT_TOO_LARGE,
            &format!("申报表嵌套超过 {} 层", limits::MAX_DEPTH),
            &format!("the form nests deeper than {} levels", limits::MAX_DEPTH),
        ),
        Err(e) => {
            let expected = match e.kind {
                ErrorKind::Syntax(what) => what,
                ErrorKind::TooDeep => "",
            };
            Report::unusable(
                &JSON_SYNTAX,
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
    let facts = Facts::new(&form, template);
    rules::run(&facts, &mut findings);
    let Facts { rows, .. } = facts;
    let normalised = normalised.then(|| normalised::normalised(form, template, &rows));
    Report::new(Some(template), findings.issues, normalised)
}

/// Checks one indicator row as it is typed: `row` is an indicator object,
/// `context` the form's other fields (the form itself will do; its
/// `indicators` only help to detect the template) plus `index`, the row's
/// place in the table. Both are JSON text.
pub fn check_indicator_json(row: &str, context: &str) -> RowReport {
    check_indicator(&object_or_null(row), &object_or_null(context))
}

fn object_or_null(text: &str) -> form::json::Json<'_> {
    (text.len() <= limits::MAX_FORM_BYTES)
        .then(|| form::json::parse(text, limits::MAX_DEPTH).ok())
        .flatten()
        .unwrap_or(form::json::Json::Null)
}

/// [`check_indicator_json`] on parsed JSON. Input that is not an object
/// reads as empty: while typing, a half-built row is no reason to fail.
pub fn check_indicator(row: &form::json::Json, context: &form::json::Json) -> RowReport {
    // Type and unknown-key findings belong to the whole form's report.
    let mut ignored = Findings::default();
    let index = match context.get("index") {
        Some(form::json::Json::Number(n)) => n.parse().ok().filter(|&i| i < limits::MAX_ROWS),
        _ => None,
    }
    .unwrap_or(0);
    let mut form = match context {
        form::json::Json::Object(_) => form::read::read(context, &mut ignored).unwrap_or_default(),
        _ => form::model::Form::default(),
    };
    let (template, _) = rules::template_resolve(&form, &mut ignored);
    let ind = form::read::indicator(row, index, &mut ignored);
    let target = ind.target.as_deref().map(|text| {
        let context = Context {
            year: form.year.and_then(|y| i32::try_from(y).ok()),
            level1: ind.level1.clone(),
            level2: ind.level2.clone(),
            name: ind.name.clone(),
        };
        normalise(text, &context)
    });
    form.indicators = Some(vec![ind]);
    let facts = Facts::numbered_from(&form, template, index);
    let mut findings = Findings::default();
    for (ind, row) in facts.rows() {
        rules::row(&facts, ind, row, &mut findings);
    }
    // Worst first, each severity in rule order, as the form's report lists them.
    let Report {
        errors,
        warnings,
        infos,
        ..
    } = Report::new(None, findings.issues, None);
    RowReport {
        target,
        issues: [errors, warnings, infos].concat(),
    }
}

/// The README's Rust snippet runs as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
