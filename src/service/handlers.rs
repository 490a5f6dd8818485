//! The endpoints. Each answers with what the CLI prints (or the wasm module
//! returns) for the same input, built by the same library calls
//! (`validate_json`, `normalise`, `check_indicator`, `rules`, `templates`)
//! and serialised the same way ([`answer::line`]).

use super::answer::{self, JSON, NDJSON};
use super::body::{self, Expect};
use super::limits;
use crate::form::input::SCHEMA_TYPE;
use crate::form::json::{self, Json};
use crate::{Context, Report};
use axum::body::Body;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

const FORM: Expect = Expect {
    media_type: JSON,
    max_bytes: limits::MAX_BODY_BYTES,
    zh: "申报表",
    en: "the form",
};

/// A request carrying one target or row (not a form).
const REQUEST: Expect = Expect {
    media_type: JSON,
    max_bytes: limits::MAX_BODY_BYTES,
    zh: "请求",
    en: "the request",
};

const BATCH: Expect = Expect {
    media_type: NDJSON,
    max_bytes: limits::MAX_BATCH_BYTES,
    zh: "批量请求",
    en: "the batch",
};

/// POST /v1/validate: one form, its report (`perftarget check --json`).
pub async fn validate(headers: HeaderMap, body: Body) -> Response {
    match body::read(&headers, body, &FORM).await {
        Ok(text) => answer::report(&crate::validate_json(&text)),
        Err(response) => response,
    }
}

/// Process-wide: see [`limits::BATCHES_AT_ONCE`].
static BATCHES: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(limits::BATCHES_AT_ONCE);

/// POST /v1/validate-batch: NDJSON in, one report line per form line out, in
/// order — what `perftarget check --json` prints for the same forms as files.
/// A blank line is answered like any other (`JSON_SYNTAX`), so line n of the
/// answer is always about line n of the request; a final newline ends the
/// last line rather than starting an empty one.
pub async fn validate_batch(headers: HeaderMap, body: Body) -> Response {
    // Taken before the body is read: waiting batches hold no memory. (The
    // semaphore is never closed, so a permit always comes.)
    let _permit = BATCHES.acquire().await.ok();
    let mut text = match body::read(&headers, body, &BATCH).await {
        Ok(text) => text,
        Err(response) => return response,
    };
    if text.ends_with('\n') {
        text.pop();
    }
    let forms = if text.is_empty() {
        0
    } else {
        text.split('\n').count()
    };
    if forms > limits::MAX_BATCH_FORMS {
        return answer::report_with(
            StatusCode::PAYLOAD_TOO_LARGE,
            &Report::unusable(
                &crate::limits::INPUT_TOO_LARGE,
                &format!(
                    "批量请求有 {forms} 份申报表，超过上限 {} 份",
                    limits::MAX_BATCH_FORMS
                ),
                &format!(
                    "the batch has {forms} forms, more than {}",
                    limits::MAX_BATCH_FORMS
                ),
            ),
        );
    }
    // Up to a thousand forms of CPU work: off the threads that serve I/O.
    let lines = tokio::task::spawn_blocking(move || {
        let mut out = String::new();
        for form in text.split('\n').take(forms) {
            out.push_str(&answer::line(&crate::validate_json(
                form.strip_suffix('\r').unwrap_or(form),
            )));
        }
        out
    })
    .await;
    match lines {
        Ok(lines) => answer::body(StatusCode::OK, NDJSON, lines),
        Err(_) => answer::problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the batch was not checked",
        ),
    }
}

/// Reads a request carrying one target or row and answers it with `reply`;
/// text that is not JSON (or nests too deep) gets the library's own report.
async fn json_request(
    headers: HeaderMap,
    body: Body,
    reply: impl FnOnce(&Json) -> Response,
) -> Response {
    let text = match body::read(&headers, body, &REQUEST).await {
        Ok(text) => text,
        Err(response) => return response,
    };
    match json::parse(&text, crate::limits::MAX_DEPTH) {
        Ok(request) => reply(&request),
        Err(_) => answer::report(&crate::validate_json(&text)),
    }
}

/// POST /v1/normalise: `{"text": "…", "context": {…}}`, the target
/// (`perftarget normalise --json`, `normaliseTarget(text, context)`).
pub async fn normalise(headers: HeaderMap, body: Body) -> Response {
    json_request(headers, body, |request| {
        let Some(Json::String(target)) = request.get("text") else {
            return answer::report(&Report::unusable(
                &SCHEMA_TYPE,
                "请求应为对象，text 为指标值文本",
                "the request must be an object whose text is the target as a string",
            ));
        };
        let context = request.get("context").map(context).unwrap_or_default();
        let target = crate::normalise(target, &context);
        answer::body(StatusCode::OK, JSON, answer::line(&target))
    })
    .await
}

/// POST /v1/check-indicator: `{"row": {…}, "context": {…}}`, the row's
/// report (`checkIndicator(row, context)`): its target and exactly the
/// findings the whole form's report has for it. As in the browser, a row or
/// context that is absent or not an object reads as empty.
pub async fn check_indicator(headers: HeaderMap, body: Body) -> Response {
    json_request(headers, body, |request| {
        let field = |key| request.get(key).unwrap_or(&Json::Null);
        let report = crate::check_indicator(field("row"), field("context"));
        answer::body(StatusCode::OK, JSON, answer::line(&report))
    })
    .await
}

/// Reads a context as `normaliseTarget` does in the browser: a year that is
/// an integral number from 1900 to 2100, and the texts that are strings
/// (read only when the context nests at most 4 deep); anything else is
/// absent, since a hint is no reason to reject a request. Mirrors
/// `context_from` in src/wasm/mod.rs, which reads a JS object; sharing the
/// code would change the wasm module's bytes.
fn context(value: &Json) -> Context {
    let year = match value.get("year") {
        // JS reads the number as a double and asks Number.isInteger.
        Some(Json::Number(n)) => n
            .parse::<f64>()
            .ok()
            .filter(|y| y.fract() == 0.0 && (1900.0..=2100.0).contains(y))
            .map(|y| y as i32),
        _ => None,
    };
    let text = |key: &str| match value.get(key) {
        Some(Json::String(s)) if depth(value) <= 4 => Some(s.to_string()),
        _ => None,
    };
    Context {
        year,
        level1: text("level1"),
        level2: text("level2"),
        name: text("name"),
    }
}

/// How many containers deep a value nests (a scalar: 0).
fn depth(value: &Json) -> usize {
    let inner = match value {
        Json::Array(items) => items.iter().map(depth).max().unwrap_or(0),
        Json::Object(members) => members.iter().map(|(_, v)| depth(v)).max().unwrap_or(0),
        _ => return 0,
    };
    inner.saturating_add(1)
}

/// GET /v1/rules: the catalogue (`perftarget rules --json`).
pub async fn rules() -> Response {
    answer::body(StatusCode::OK, JSON, answer::line(&crate::rules()))
}

/// GET /v1/templates: the registered templates (`templates()` in wasm).
pub async fn templates() -> Response {
    answer::body(StatusCode::OK, JSON, answer::line(&crate::templates()))
}

/// GET /v1/health.
pub async fn health() -> Response {
    let status = serde_json::json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") });
    answer::body(StatusCode::OK, JSON, answer::line(&status))
}

/// GET /v1/openapi.json: the committed document, as committed.
pub async fn openapi() -> Response {
    answer::body(
        StatusCode::OK,
        JSON,
        include_str!("../../schema/openapi.json").to_owned(),
    )
}

/// GET /v1/form.schema.json: the form model the OpenAPI document refers to.
pub async fn form_schema() -> Response {
    answer::body(
        StatusCode::OK,
        JSON,
        include_str!("../../schema/form.schema.json").to_owned(),
    )
}

/// Any other path.
pub async fn not_found() -> Response {
    answer::problem(
        StatusCode::NOT_FOUND,
        "no such endpoint; see /v1/openapi.json",
    )
}

/// A known path with a method it does not take.
pub async fn method_not_allowed() -> Response {
    answer::problem(
        StatusCode::METHOD_NOT_ALLOWED,
        "this endpoint does not take that method; see /v1/openapi.json",
    )
}
