//! Hostile input: every case is answered by a clear diagnostic, never a panic,
//! and in bounded time (the bounds are in `perftarget::limits`).

use perftarget::{normalise, validate_json, Context, Report};
use serde_json::json;

fn codes(r: &Report) -> Vec<&'static str> {
    r.errors.iter().chain(&r.warnings).map(|i| i.code).collect()
}

fn small_form() -> serde_json::Value {
    json!({
        "template": "T2021", "year": 2024, "projectName": "测试项目", "department": "部门", "implementingUnit": "单位",
        "projectNature": "经常性项目", "projectCategory": "特定目标类", "startDate": "2024-01-01", "endDate": "2024-12-31",
        "funds": { "annual": "100.00", "annualFiscal": "100.00" }, "annualGoal": "目标",
        "indicators": [ { "level1": "产出指标", "level2": "数量指标", "name": "次数", "target": "≥1次" } ]
    })
}

fn with_annual(raw: &str) -> String {
    let text = small_form().to_string();
    assert!(text.contains("\"annual\":\"100.00\""));
    text.replace("\"annual\":\"100.00\"", &format!("\"annual\":{raw}"))
}

#[test]
fn a_megabyte_is_refused_whole() {
    let mut form = small_form();
    form["overview"] = json!("长".repeat(400_000)); // 1.2 MB of UTF-8
    let r = validate_json(&form.to_string());
    assert_eq!(codes(&r), ["INPUT_TOO_LARGE"]);
    assert!(r.unusable_input());
}

#[test]
fn ten_thousand_indicators() {
    let mut form = small_form();
    let row = form["indicators"][0].clone();
    form["indicators"] = serde_json::Value::Array(vec![row; 10_000]);
    let r = validate_json(&form.to_string());
    assert!(codes(&r).contains(&"INPUT_TOO_LARGE"), "{:?}", codes(&r));
    // Over the byte bound already; the row bound answers smaller tables (tests/rules.rs).
    assert!(["", "/indicators"].contains(&r.errors[0].path.as_str()));
}

#[test]
fn hundred_thousand_character_target() {
    let mut form = small_form();
    form["indicators"][0]["target"] = json!("≥".repeat(100_000));
    let r = validate_json(&form.to_string());
    assert!(codes(&r).contains(&"INPUT_TOO_LARGE"), "{:?}", codes(&r));
    let t = normalise(&"9".repeat(100_000), &Context::default());
    assert_eq!(t.diagnostics[0].code, "INPUT_TOO_LARGE");
}

#[test]
fn nesting_ten_thousand_deep() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let r = validate_json(&format!("{{\"projectName\": {deep}}}"));
    assert_eq!(codes(&r), ["INPUT_TOO_LARGE"]);
    let r = validate_json(&"{\"a\":".repeat(10_000));
    assert_eq!(codes(&r), ["INPUT_TOO_LARGE"]);
}

#[test]
fn absurd_amounts_as_numbers_and_strings() {
    for raw in [
        "1e400",
        "123456789012345678901234567890",
        "-1",
        "0.001",
        "\"1e400\"",
        "\"NaN\"",
        "\"Infinity\"",
        "\"123456789012345678901234567890\"",
        "\"-1\"",
        "\"0.001\"",
    ] {
        let r = validate_json(&with_annual(raw));
        let hit = r.errors.iter().find(|e| e.code == "AMOUNT_FORMAT");
        assert_eq!(
            hit.map(|e| e.path.as_str()),
            Some("/funds/annual"),
            "{raw}: {:?}",
            codes(&r)
        );
    }
    // NaN is not JSON at all; the wasm object path turns it into the string "NaN".
    assert_eq!(codes(&validate_json(&with_annual("NaN"))), ["JSON_SYNTAX"]);
}

#[test]
fn replacement_characters_and_odd_unicode() {
    // Lone surrogates from JavaScript arrive as U+FFFD.
    for t in [
        "\u{FFFD}≥90%",
        "≥9\u{FFFD}0%",
        "\u{200B}≥90%",
        "𠀀𠀀𠀀",
        "≥90%\u{202E}",
    ] {
        let r = normalise(t, &Context::default());
        for d in &r.diagnostics {
            assert!(d.end as usize <= t.encode_utf16().count());
        }
    }
    let mut form = small_form();
    form["projectName"] = json!("\u{FFFD}<img src=x onerror=alert(1)>");
    let r = validate_json(&form.to_string());
    assert_eq!(
        r.normalised.unwrap().project_name.unwrap(),
        "\u{FFFD}<img src=x onerror=alert(1)>"
    );
}

#[test]
fn wrong_types_everywhere_are_reported_with_paths() {
    let text = r#"{"template":1,"year":"二〇二四","projectName":{},"funds":[],"budget":{"composition":{}},
                  "indicators":[1,{"level1":[],"target":true}],"startDate":20240101}"#;
    let r = validate_json(text);
    let paths: Vec<_> = r
        .errors
        .iter()
        .filter(|e| e.code == "SCHEMA_TYPE")
        .map(|e| e.path.as_str())
        .collect();
    for p in [
        "/template",
        "/year",
        "/projectName",
        "/funds",
        "/budget/composition",
        "/indicators/0",
        "/indicators/1/level1",
        "/indicators/1/target",
        "/startDate",
    ] {
        assert!(paths.contains(&p), "{p} not in {paths:?}");
    }
}
