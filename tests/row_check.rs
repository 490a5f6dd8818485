//! The row check (`check_indicator`) answers for a row exactly what the
//! form's report says of it: on every row of every seed fixture and of the
//! wild table of real rows.

mod common;

use perftarget::rules::Scope;
use perftarget::{check_indicator_json, rules, validate_json, Issue};
use serde_json::{json, Value};

/// The report's findings about row `i` from rules of one row.
fn row_findings(report: &perftarget::Report, i: usize) -> Vec<Issue> {
    let row = format!("/indicators/{i}");
    let form_scope: Vec<&str> = rules()
        .into_iter()
        .filter(|r| r.scope == Scope::Form)
        .map(|r| r.code)
        .collect();
    report
        .errors
        .iter()
        .chain(&report.warnings)
        .chain(&report.infos)
        .filter(|x| x.path == row || x.path.starts_with(&format!("{row}/")))
        .filter(|x| !form_scope.contains(&x.code))
        .cloned()
        .collect()
}

/// Checks every row of `form` both ways; returns how many findings agreed.
fn agree(form: &Value, what: &str) -> usize {
    let report = validate_json(&form.to_string());
    let rows = form["indicators"].as_array().cloned().unwrap_or_default();
    let mut n = 0;
    for (i, row) in rows.iter().enumerate() {
        let mut context = form.clone();
        context["index"] = json!(i);
        let checked = check_indicator_json(&row.to_string(), &context.to_string());
        let expected = row_findings(&report, i);
        assert_eq!(checked.issues, expected, "{what}, row {i}");
        let target = row["target"].as_str();
        assert_eq!(
            checked.target.as_ref().map(|t| t.input.as_str()),
            target,
            "{what}, row {i}"
        );
        n += expected.len();
    }
    n
}

#[test]
fn every_fixture_row_agrees_with_the_form_report() {
    let mut findings = 0;
    for path in common::fixtures() {
        let form: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        findings += agree(&form, &path.display().to_string());
    }
    // The seeds carry row findings; agreement on none would prove nothing.
    assert!(findings > 100, "{findings}");
}

#[test]
fn every_wild_row_agrees_with_the_form_report() {
    let table = std::fs::read_to_string(common::root().join("tests/wild/indicators.tsv")).unwrap();
    let mut findings = 0;
    for line in table.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        let form = json!({
            "template": "T2021",
            "year": c[4].parse::<i64>().ok(),
            "indicators": [
                { "level1": c[0], "level2": c[1], "name": "前一行", "target": "≥1个" },
                { "level1": c[0], "level2": c[1], "name": c[2], "target": c[3] }
            ]
        });
        findings += agree(&form, line);
    }
    assert!(findings > 50, "{findings}");
}

#[test]
fn the_row_number_and_context_come_from_the_caller() {
    let row =
        json!({ "level1": "产出指标", "level2": "质量指标", "name": "合格率", "target": "≥120%" });
    let context = json!({ "template": "T2021", "year": 2025, "index": 6 });
    let r = check_indicator_json(&row.to_string(), &context.to_string());
    let codes: Vec<_> = r.issues.iter().map(|i| (i.code, i.path.as_str())).collect();
    assert_eq!(
        codes,
        [
            ("RATE_OVER_100", "/indicators/6/target"),
            ("TARGET_NOT_CANONICAL", "/indicators/6/target")
        ],
        "{r:#?}"
    );
    assert!(
        r.issues[0].message.starts_with("第7行"),
        "{}",
        r.issues[0].message
    );
    assert_eq!(r.target.unwrap().canonical.as_deref(), Some("≥120.00(%)"));
    // A half-built row or context is answered, not refused.
    for (row, context) in [
        ("", ""),
        ("[", "null"),
        ("{}", "{\"index\": -1}"),
        ("1", "{}"),
    ] {
        let r = check_indicator_json(row, context);
        assert!(r.target.is_none());
    }
}
