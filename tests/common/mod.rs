//! Shared by the integration tests: the fixture set and snapshot handling.
#![allow(dead_code)]

pub mod xlsx;

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every seed fixture, sorted by file name.
pub fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// `UPDATE_SNAPSHOTS=1 cargo test` rewrites snapshots instead of comparing.
pub fn updating() -> bool {
    std::env::var_os("UPDATE_SNAPSHOTS").is_some()
}

/// Compares `actual` with the committed file, or rewrites it when updating.
pub fn snapshot(path: &Path, actual: &str) {
    if updating() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!(
            "missing snapshot {}; run UPDATE_SNAPSHOTS=1 cargo test",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "snapshot {} differs; review with UPDATE_SNAPSHOTS=1 cargo test && git diff",
        path.display()
    );
}

/// (target text, budget year) of every indicator row of every fixture, deduplicated, in order.
pub fn seed_targets() -> Vec<(String, i32)> {
    let mut out: Vec<(String, i32)> = Vec::new();
    for f in fixtures() {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let year = v["year"].as_i64().unwrap() as i32;
        for row in v["indicators"].as_array().unwrap() {
            let t = row["target"].as_str().unwrap_or("").to_string();
            if !out.iter().any(|(x, y)| *x == t && *y == year) {
                out.push((t, year));
            }
        }
    }
    out
}
