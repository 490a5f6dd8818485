//! Reading a request body: the media type checked first (415), the size
//! bounded while it arrives (413 with an `INPUT_TOO_LARGE` report, the
//! rest never read), the text required to be UTF-8 like any JSON.

use super::answer;
use crate::form::input::JSON_SYNTAX;
use crate::limits::INPUT_TOO_LARGE;
use crate::Report;
use axum::body::Body;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use http_body_util::BodyExt;

/// What a body is and how large it may be.
pub struct Expect {
    /// The media type required (parameters such as `charset` are allowed).
    pub media_type: &'static str,
    pub max_bytes: usize,
    /// Names the body in the 413 report: "申报表" / "the form".
    pub zh: &'static str,
    pub en: &'static str,
}

/// The body as text, or the answer to send instead.
pub async fn read(headers: &HeaderMap, body: Body, expect: &Expect) -> Result<String, Response> {
    if !has_media_type(headers, expect.media_type) {
        return Err(answer::problem(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &format!("send the body as {}", expect.media_type),
        ));
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > expect.max_bytes as u64) {
        return Err(too_large(expect));
    }
    let mut body = body;
    let mut bytes = Vec::new();
    while let Some(frame) = body.frame().await {
        // A client that goes away mid-body gets no answer worth sending.
        let Ok(frame) = frame else {
            return Err(answer::problem(
                StatusCode::BAD_REQUEST,
                "the body could not be read",
            ));
        };
        if let Ok(data) = frame.into_data() {
            if bytes.len().saturating_add(data.len()) > expect.max_bytes {
                return Err(too_large(expect));
            }
            bytes.extend_from_slice(&data);
        }
    }
    String::from_utf8(bytes).map_err(|_| {
        answer::report(&Report::unusable(
            &JSON_SYNTAX,
            &format!("{}不是 UTF-8 编码的 JSON 文本", expect.zh),
            &format!("{} is not JSON text in UTF-8", expect.en),
        ))
    })
}

fn too_large(expect: &Expect) -> Response {
    answer::report_with(
        StatusCode::PAYLOAD_TOO_LARGE,
        &Report::unusable(
            &INPUT_TOO_LARGE,
            &format!("{}超过上限 {} 字节", expect.zh, expect.max_bytes),
            &format!("{} is larger than {} bytes", expect.en, expect.max_bytes),
        ),
    )
}

/// Whether `Content-Type` names `media_type`, ignoring case and parameters.
fn has_media_type(headers: &HeaderMap, media_type: &str) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(media_type))
}
