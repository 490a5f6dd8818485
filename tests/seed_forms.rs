//! The real seed forms: each fixture's report is a reviewed snapshot in
//! tests/expected/ (pretty JSON, the bytes the wasm parity test compares
//! against), and the findings that matter are asserted by name here so a
//! snapshot refresh cannot silently drop them.

mod common;

use perftarget::{validate_json, Report};
use std::collections::BTreeMap;

fn report_of(name: &str) -> Report {
    let path = common::fixtures()
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))
        .unwrap();
    validate_json(&std::fs::read_to_string(path).unwrap())
}

fn codes(r: &Report) -> Vec<(&'static str, String)> {
    r.errors
        .iter()
        .chain(&r.warnings)
        .chain(&r.infos)
        .map(|i| (i.code, i.path.clone()))
        .collect()
}

#[test]
fn snapshots_match() {
    assert_eq!(common::fixtures().len(), 34, "every form of the five seeds");
    for f in common::fixtures() {
        let r = validate_json(&std::fs::read_to_string(&f).unwrap());
        assert!(!r.unusable_input(), "{}", f.display());
        let text = serde_json::to_string_pretty(&r).unwrap() + "\n";
        let out = common::root()
            .join("tests/expected")
            .join(f.file_name().unwrap());
        common::snapshot(&out, &text);
    }
}

#[test]
fn the_real_mistakes_are_found() {
    let has = |form: &str, code: &str, path: &str| {
        let r = report_of(form);
        assert!(
            codes(&r).iter().any(|(c, p)| *c == code && p == path),
            "{form}: {code} at {path} not in {:#?}",
            codes(&r)
        );
    };
    has("002-10", "DIRECTION_SUSPECT", "/indicators/4/target"); // 设备故障率 <97%
    has("001-02", "RATE_AT_LEAST_100", "/indicators/4/target"); // 及时率 ≥100.00(%)
    has("001-05", "RATE_AT_LEAST_100", "/indicators/7/target"); // 服务及时率 ≥100.00(%)
    has("001-01", "INDICATOR_NAME_HAS_TARGET", "/indicators/6/name"); // 视频点击率不少于 200 万
    has("003-03", "INDICATOR_NAME_IS_CATEGORY", "/indicators/4/name"); // 经济效益 90%
    has("003-08", "INDICATOR_LEVEL1_UNKNOWN", "/indicators/6/level1"); // 时效指标 as a level-1
    has("003-08", "INDICATOR_LEVEL2_SUSPECT", "/indicators/9/level2"); // 信息共享 under 生态效益指标
    has("003-08", "INDICATOR_DUPLICATE", "/indicators/14/name");
    has("001-02", "TARGET_UNIT_MISMATCH", "/indicators/1/target"); // 运维次数 ≥95.00(%)
    has("002-08", "TARGET_UNIT_MISMATCH", "/indicators/10/target"); // 覆盖数 ≥15万 as 满意度
    has(
        "002-04",
        "INDICATOR_LEVEL2_SUSPECT",
        "/indicators/10/level2",
    ); // 健康指导率 as 满意度
    has("002-06", "COVERAGE_MISSING", "/indicators"); // 时效 only a placeholder
    has(
        "003-09",
        "QUANTITY_NOT_QUANTITATIVE",
        "/indicators/0/target",
    ); // 学时数 完成
    has("002-02", "TIMELINESS_NOT_TIME", "/indicators/5/target");
}

#[test]
fn the_sound_parts_raise_no_alarm() {
    for f in common::fixtures() {
        let r = validate_json(&std::fs::read_to_string(&f).unwrap());
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        for i in r.errors.iter().chain(&r.warnings) {
            // The seed amounts and dates all add up; no money or date finding is a true one.
            assert!(
                !matches!(
                    i.code,
                    "FUNDS_ANNUAL_SUM"
                        | "FUNDS_TOTAL_SUM"
                        | "BUDGET_COMPOSITION_SUM"
                        | "AMOUNT_FORMAT"
                        | "DATE_FORMAT"
                        | "DATE_ORDER"
                        | "REQUIRED"
                        | "UNKNOWN_FIELD"
                        | "TARGET_INVALID"
                        | "SCHEMA_TYPE"
                ),
                "{name}: false alarm {} at {}: {}",
                i.code,
                i.path,
                i.message
            );
        }
    }
}

/// Findings per rule over the whole fixture set (printed with --nocapture).
#[test]
fn findings_per_rule() {
    let mut counts: BTreeMap<(String, &'static str), usize> = BTreeMap::new();
    for f in common::fixtures() {
        let r = validate_json(&std::fs::read_to_string(&f).unwrap());
        for i in r.errors.iter().chain(&r.warnings).chain(&r.infos) {
            *counts
                .entry((format!("{:?}", i.severity), i.code))
                .or_default() += 1;
        }
    }
    for ((sev, code), n) in &counts {
        println!("{sev:8} {code:28} {n}");
    }
    assert!(counts.values().sum::<usize>() > 0);
}
