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
