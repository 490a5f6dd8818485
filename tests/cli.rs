//! The command-line program: exit statuses, JSON lines identical to the
//! library's reports, readable output.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_perftarget"))
}

#[test]
fn check_json_is_the_library_report() {
    for f in common::fixtures().into_iter().take(5) {
        let out = bin().args(["check", "--json"]).arg(&f).output().unwrap();
        let want = serde_json::to_string(&perftarget::validate_json(
            &std::fs::read_to_string(&f).unwrap(),
        ))
        .unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), want + "\n");
    }
}

/// The exit status of `perftarget ARGS…`.
fn status(args: &[&std::ffi::OsStr]) -> Option<i32> {
    bin().args(args).output().unwrap().status.code()
}

#[test]
fn exit_statuses() {
    let clean = common::root()
        .join("tests/fixtures/001-04-打造全国性检验行业科普品牌，建立新型检验行业科普体系.json");
    let broken =
        common::root().join("tests/fixtures/003-08-2023年住院医师规范化培训(工作经费).json");
    let check = std::ffi::OsStr::new("check");
    assert_eq!(status(&[check, clean.as_os_str()]), Some(0));
    assert_eq!(status(&[check, broken.as_os_str()]), Some(1));
    assert_eq!(
        status(&[check, clean.as_os_str(), broken.as_os_str()]),
        Some(1)
    );
    assert_eq!(status(&[check, "no-such-file.json".as_ref()]), Some(2));
    assert_eq!(status(&["frobnicate".as_ref()]), Some(2));
    let mut child = bin()
        .args(["check", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{ not json")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("JSON_SYNTAX"));
}

#[test]
fn readable_report_names_codes_and_paths() {
    let broken =
        common::root().join("tests/fixtures/002-10-普陀区公共卫生应急指挥平台建设项目.json");
    let out = String::from_utf8(bin().arg("check").arg(&broken).output().unwrap().stdout).unwrap();
    assert!(
        out.contains("DIRECTION_SUSPECT /indicators/4/target") && out.contains("设备故障率"),
        "{out}"
    );
    let en = String::from_utf8(
        bin()
            .args(["check", "--en"])
            .arg(&broken)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(en.contains("lower-is-better"), "{en}");
}

#[test]
fn normalise_prints_one_result_per_argument() {
    let out = bin()
        .args([
            "normalise",
            "--json",
            "--year",
            "2024",
            "≥90%",
            "11月底之前完成",
            "≥≥",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "an invalid target makes the status 1"
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["canonical"], "≥90.00(%)");
    assert_eq!(lines[1]["date"], "2024-11-30");
    assert_eq!(lines[2]["status"], "invalid");
    let plain = String::from_utf8(
        bin()
            .args(["normalise", "大于 80%"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(plain.contains(">80.00(%)"), "{plain}");
}
