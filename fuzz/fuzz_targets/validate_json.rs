//! Whole forms as arbitrary bytes: never panics, and the report always serialises.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = perftarget::validate_json(&text);
    assert!(serde_json::to_string(&report).is_ok());
});
