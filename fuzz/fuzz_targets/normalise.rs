//! The target engine on arbitrary text: never panics, and every result is
//! internally consistent (spans inside the input, canonical re-normalises to itself).
#![no_main]
use libfuzzer_sys::fuzz_target;
use perftarget::target_value::{normalise, Context, Status};

fuzz_target!(|data: (&str, Option<i16>)| {
    let (text, year) = data;
    let ctx = Context { year: year.map(i32::from), ..Context::default() };
    let t = normalise(text, &ctx);
    let len = text.encode_utf16().count() as u32;
    for d in &t.diagnostics {
        assert!(d.start <= d.end && d.end <= len, "span outside input: {d:?} for {text:?}");
    }
    if t.status == Status::Valid {
        if let Some(c) = &t.canonical {
            let again = normalise(c, &ctx);
            assert_eq!(again.canonical.as_deref(), Some(c.as_str()), "canonical not stable for {text:?}");
        }
    }
});
