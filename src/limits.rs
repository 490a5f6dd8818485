//! Documented input bounds. Anything larger is answered with `INPUT_TOO_LARGE`
//! instead of being processed, so a pasted megabyte costs microseconds.

/// Largest form accepted, in bytes of JSON text.
pub const MAX_FORM_BYTES: usize = 512 * 1024;
/// Most indicator rows, and most budget composition rows.
pub const MAX_ROWS: usize = 500;
/// Longest text field, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Amount texts are cut here before parsing (a valid amount is far shorter).
pub const MAX_AMOUNT_CHARS: usize = 64;
/// Deepest JSON nesting accepted.
pub const MAX_DEPTH: usize = 128;

use crate::rule::rule;

// Shared by forms and targets: the one rule every limit reports.
rule!(
    INPUT_TOO_LARGE,
    Form,
    Error,
    OTHER,
    "申报表或其中某项超过了允许的大小（总大小、行数、文字长度或嵌套层数）",
    "the form or one of its parts exceeds a documented size limit"
);
