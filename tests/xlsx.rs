//! Excel import: seed forms written as workbooks in both layouts read back
//! to the same report, cell references for findings, the hand-made workbook
//! (merged cells, blank rows, numbers as text), and bad files.

mod common;

use perftarget::xlsx::{self, Layout};
use serde_json::Value;

/// The seed form as JSON, with empty strings as absent fields: an empty
/// cell cannot say "empty string", and three seed rows write one.
fn seed(path: &std::path::Path) -> Value {
    fn blank_to_null(v: &mut Value) {
        match v {
            Value::String(s) if s.is_empty() => *v = Value::Null,
            Value::Array(a) => a.iter_mut().for_each(blank_to_null),
            Value::Object(o) => o.values_mut().for_each(blank_to_null),
            _ => {}
        }
    }
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    blank_to_null(&mut v);
    v
}

fn t2021_seeds() -> Vec<(String, Value)> {
    common::fixtures()
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                seed(p),
            )
        })
        .filter(|(_, v)| v["template"] == "T2021")
        .collect()
}

fn report_value(r: &perftarget::Report) -> Value {
    serde_json::to_value(r).unwrap()
}

/// Seed JSON → workbook → convert → validate is the seed's own report, and
/// each finding on a row's target points at that target's cell.
fn round_trip(make: impl Fn(&Value) -> Vec<u8>, layout: Layout) {
    let seeds = t2021_seeds();
    assert_eq!(seeds.len(), 27);
    for (name, form) in seeds {
        let bytes = make(&form);
        let converted = xlsx::convert(&bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(converted.layout, layout, "{name}");
        let want = perftarget::validate_json(&form.to_string());
        let (got, cells) = xlsx::validate(&bytes);
        assert_eq!(report_value(&got), report_value(&want), "{name}");
        for issue in got.errors.iter().chain(&got.warnings) {
            if let Some(row) = issue
                .path
                .strip_prefix("/indicators/")
                .and_then(|p| p.strip_suffix("/target"))
            {
                let cell = cells.find(&issue.path).unwrap();
                let n: u32 = row.parse().unwrap();
                // The table's first data row is the 13th.
                assert!(
                    cell.ends_with(&format!("{}", 13 + n)),
                    "{name}: {} at {cell}",
                    issue.path
                );
            }
        }
    }
}

#[test]
fn declaration_round_trip() {
    round_trip(common::xlsx::declaration, Layout::Declaration);
}

#[test]
fn integrated_round_trip_with_whole_targets() {
    round_trip(|f| common::xlsx::integrated(f, false), Layout::Integrated);
}

/// Targets written as the system stores them (计算符号, 指标值, 计量单位)
/// read back to the same three columns.
#[test]
fn integrated_split_columns_read_as_the_same_targets() {
    for (name, form) in t2021_seeds() {
        let c = xlsx::convert(&common::xlsx::integrated(&form, true)).unwrap();
        let year = form["year"].as_i64().map(|y| y as i32);
        for (i, ind) in c.form.indicators.unwrap().iter().enumerate() {
            let row = &form["indicators"][i];
            let ctx = perftarget::Context {
                year,
                name: row["name"].as_str().map(String::from),
                ..Default::default()
            };
            let want = perftarget::normalise(row["target"].as_str().unwrap_or(""), &ctx).system;
            let got = perftarget::normalise(ind.target.as_deref().unwrap_or(""), &ctx).system;
            if want.is_some() {
                assert_eq!(got, want, "{name} row {i}: {:?}", ind.target);
            }
        }
    }
}

#[test]
fn convert_keeps_what_each_cell_says() {
    let form =
        seed(&common::root().join("tests/fixtures/002-03-全科医生服务技术能力提升专项.json"));
    let c = xlsx::convert(&common::xlsx::declaration(&form)).unwrap();
    assert_eq!(c.sheet, "申报表");
    assert_eq!(c.form.year, Some(2024));
    assert_eq!(c.form.template.as_deref(), Some("T2021"));
    assert_eq!(c.form.project_name.as_deref(), form["projectName"].as_str());
    assert_eq!(c.cells.find("/projectName"), Some("申报表!B3"));
    assert_eq!(c.cells.find("/funds/total"), Some("申报表!C6"));
    assert_eq!(c.cells.find("/funds/annualFiscal"), Some("申报表!E7"));
    assert_eq!(c.cells.find("/annualGoal"), Some("申报表!D11"));
    assert_eq!(c.cells.find("/indicators/0"), Some("申报表!B13:E13"));
}
