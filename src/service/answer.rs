//! Responses: a report or a target exactly as `perftarget check --json` /
//! `normalise --json` print them (one JSON line), or an RFC 9457 problem for
//! HTTP misuse that says nothing about a form (404, 405, 408, 415).

use crate::Report;
use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use serde::Serialize;

pub const JSON: &str = "application/json";
pub const NDJSON: &str = "application/x-ndjson";
const PROBLEM: &str = "application/problem+json";

/// A body with its status and media type.
pub fn body(status: StatusCode, media_type: &'static str, text: String) -> Response {
    let mut response = Response::new(Body::from(text));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
    response
}

/// One JSON line, as the CLI prints it: `serde_json` text and a newline.
pub fn line<T: Serialize>(value: &T) -> String {
    // Serialising the library's types cannot fail (string keys, no maps with
    // other keys); the fallback keeps the answer well-formed all the same.
    let mut text = serde_json::to_string(value).unwrap_or_else(|_| String::from("null"));
    text.push('\n');
    text
}

/// A report: 200 when the input was checked as a form (valid or not), 400
/// when it could not be read as one (the CLI's exit status 2).
pub fn report(r: &Report) -> Response {
    report_with(
        if r.unusable_input() {
            StatusCode::BAD_REQUEST
        } else {
            StatusCode::OK
        },
        r,
    )
}

pub fn report_with(status: StatusCode, r: &Report) -> Response {
    body(status, JSON, line(r))
}

#[derive(Serialize)]
struct Problem<'a> {
    r#type: &'static str,
    title: &'static str,
    status: u16,
    detail: &'a str,
}

/// An RFC 9457 problem document.
pub fn problem(status: StatusCode, detail: &str) -> Response {
    let doc = Problem {
        r#type: "about:blank",
        title: status.canonical_reason().unwrap_or(""),
        status: status.as_u16(),
        detail,
    };
    body(status, PROBLEM, line(&doc))
}
