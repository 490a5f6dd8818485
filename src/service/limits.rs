//! The service's documented bounds (also in schema/openapi.json): what one
//! request may send, how long it may take, and how much runs at once. A form
//! is bounded as in the library ([`crate::limits`]); the rest bounds the
//! memory and the time a client can hold.

use std::time::Duration;

/// Largest body of a single-form request (`/v1/validate`, `/v1/normalise`):
/// the library's bound on a form.
pub const MAX_BODY_BYTES: usize = crate::limits::MAX_FORM_BYTES;
/// Largest NDJSON body of `/v1/validate-batch`.
pub const MAX_BATCH_BYTES: usize = 16 * 1024 * 1024;
/// Most forms (lines) in one batch.
pub const MAX_BATCH_FORMS: usize = 1000;
/// Batches checked at once in the whole process; more wait their turn. A
/// batch is CPU-bound, so more than the cores gains nothing but memory.
pub const BATCHES_AT_ONCE: usize = 2;
/// Requests handled at once; more wait (within their timeout).
pub const MAX_IN_FLIGHT: usize = 64;
/// Open connections; the listener stops accepting while this many are open.
pub const MAX_CONNECTIONS: usize = 1024;
/// Default time for a whole request, body included, and for its headers to
/// arrive: a client slower than this is answered 408 or disconnected.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
