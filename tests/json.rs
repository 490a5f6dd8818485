//! The form JSON reader: standard JSON, numbers kept as text, positions in errors.

use perftarget::form::json::{parse, ErrorKind, Json};

#[test]
fn reads_standard_json_keeping_number_text() {
    let v = parse(r#" { "a": [1, -0.50, 1e400, 12345678901234567890.125], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "c": true, "d": null, "e": {} } "#, 8).unwrap();
    let Json::Array(nums) = v.get("a").unwrap() else {
        panic!()
    };
    let texts: Vec<_> = nums
        .iter()
        .map(|n| match n {
            Json::Number(t) => t.as_ref(),
            _ => "",
        })
        .collect();
    assert_eq!(texts, ["1", "-0.50", "1e400", "12345678901234567890.125"]);
    assert_eq!(
        v.get("b"),
        Some(&Json::String("x\"\\/\u{8}\u{c}\n\r\té😀".into()))
    );
    assert_eq!(v.get("c"), Some(&Json::Bool(true)));
    assert_eq!(v.get("d"), Some(&Json::Null));
    assert_eq!(v.get("e"), Some(&Json::Object(vec![])));
}

#[test]
fn repeated_keys_answer_with_the_last_and_lone_surrogates_are_replaced() {
    let v = parse(r#"{"k":1,"k":2,"s":"\ud800x"}"#, 8).unwrap();
    assert_eq!(v.get("k"), Some(&Json::Number("2".into())));
    assert_eq!(v.get("s"), Some(&Json::String("\u{FFFD}x".into())));
}

#[test]
fn errors_say_where() {
    for (text, line, column) in [
        ("{", 1, 2),
        ("{\n  \"a\": tru }", 2, 8),
        ("[1,]", 1, 4),
        ("01", 1, 2),
        ("\"a\u{1}\"", 1, 3),
        ("{\"a\" 1}", 1, 6),
        ("1 2", 1, 3),
        ("-", 1, 2),
        ("1.", 1, 3),
        ("\"\\x\"", 1, 3),
        ("\"\\u12\"", 1, 4),
        ("", 1, 1),
        ("NaN", 1, 1),
    ] {
        let e = parse(text, 8).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::Syntax(_)), "{text:?}");
        assert_eq!((e.line, e.column), (line, column), "{text:?}");
    }
}

#[test]
fn depth_is_bounded() {
    assert!(parse(&("[".repeat(8) + &"]".repeat(8)), 8).is_ok());
    assert_eq!(
        parse(&("[".repeat(9) + &"]".repeat(9)), 8)
            .unwrap_err()
            .kind,
        ErrorKind::TooDeep
    );
    assert_eq!(
        parse(&"[".repeat(100_000), 128).unwrap_err().kind,
        ErrorKind::TooDeep
    );
}

/// The string scanner skips eight bytes at a time: quotes, escapes and control
/// characters must still be found at every offset inside long Chinese runs.
#[test]
fn escapes_and_control_characters_are_found_at_every_offset() {
    for n in 0..12 {
        let head = "绩效".repeat(n) + &"a".repeat(n % 3);
        let text = format!(r#"{{"s":"{head}\"{head}\n{head}"}}"#);
        let v = parse(&text, 4).unwrap();
        let expected = format!("{head}\"{head}\n{head}");
        assert_eq!(v.get("s"), Some(&Json::String(expected.into())), "{text}");
        let raw = format!("{{\"s\":\"{head}\u{1}{head}\"}}");
        let e = parse(&raw, 4).unwrap_err();
        assert_eq!(e.column, 7 + head.chars().count(), "{raw}");
        assert!(parse(&format!("{{\"s\":\"{head}"), 4).is_err());
    }
}
