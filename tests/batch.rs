//! `perftarget check` over directories and in every output format, and
//! `perftarget convert`, as a reviewer's script runs them.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_perftarget"))
}

fn run(args: &[&str], dir: &Path) -> Output {
    bin().args(args).arg(dir).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// A scratch directory for one test, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("perftarget-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        Scratch(dir)
    }

    fn put(&self, name: &str, bytes: &[u8]) {
        std::fs::write(self.0.join(name), bytes).unwrap();
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(common::root().join("tests/fixtures").join(name)).unwrap()
}

const CLEAN: &str = "001-04-打造全国性检验行业科普品牌，建立新型检验行业科普体系.json";
const BROKEN: &str = "003-08-2023年住院医师规范化培训(工作经费).json";

/// A directory of a clean form, a form with errors, the hand-made
/// workbook in a subdirectory, a file that is not JSON, and a file that is
/// not a form at all (ignored: not *.json or *.xlsx).
fn review_dir(name: &str) -> Scratch {
    let s = Scratch::new(name);
    s.put("b-clean.json", &fixture(CLEAN));
    s.put("a-broken.json", &fixture(BROKEN));
    s.put("c-not-json.json", b"{ not json");
    s.put("notes.txt", b"not a form");
    s.put(
        "sub/handmade.xlsx",
        &std::fs::read(common::root().join("tests/xlsx/handmade.xlsx")).unwrap(),
    );
    s
}

#[test]
fn directories_are_checked_in_sorted_order_and_an_unusable_file_is_its_own_line() {
    let s = review_dir("text");
    let out = run(&["check"], &s.0);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unusable input makes the status 2"
    );
    let text = stdout(&out);
    let heads: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.starts_with("=="))
        .collect();
    let names: Vec<String> = heads
        .iter()
        .map(|l| {
            Path::new(l.split(": ").next().unwrap())
                .strip_prefix(&s.0)
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(
        names,
        [
            "a-broken.json",
            "b-clean.json",
            "c-not-json.json",
            "sub/handmade.xlsx"
        ]
    );
    assert!(heads[2].contains("未通过 [-]"), "{}", heads[2]);
    assert!(
        text.contains("RATE_OVER_100 /indicators/6/target 绩效目标表!E24"),
        "{text}"
    );
    assert!(
        text.contains("== 共 4 份：通过 1 份，未通过 2 份，无法读取 1 份"),
        "{text}"
    );

    // Without the unusable file the status is that of the forms.
    std::fs::remove_file(s.0.join("c-not-json.json")).unwrap();
    assert_eq!(run(&["check"], &s.0).status.code(), Some(1));
    std::fs::remove_file(s.0.join("a-broken.json")).unwrap();
    std::fs::remove_file(s.0.join("sub/handmade.xlsx")).unwrap();
    assert_eq!(run(&["check"], &s.0).status.code(), Some(0));
}

#[test]
fn one_file_prints_no_summary() {
    let f = common::root().join("tests/fixtures").join(CLEAN);
    let text = stdout(&bin().arg("check").arg(&f).output().unwrap());
    assert!(!text.contains("=="), "{text}");
    assert_eq!(
        text.lines().count(),
        1 + 2 * text.matches("\n      ").count()
    );
}

#[test]
fn summary_counts_rules_most_frequent_first() {
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(common::root().join("tests/fixtures"))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let s = &v["summary"];
    assert_eq!(s["forms"], 34);
    assert_eq!(v["forms"].as_array().unwrap().len(), 34);
    let counts: Vec<u64> = s["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["findings"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let total: u64 = counts.iter().sum();
    assert_eq!(
        total,
        s["errors"].as_u64().unwrap()
            + s["warnings"].as_u64().unwrap()
            + s["infos"].as_u64().unwrap()
    );
    assert_eq!(
        s["valid"].as_u64().unwrap() + s["invalid"].as_u64().unwrap(),
        34,
        "{s}"
    );
}

#[test]
fn ndjson_is_one_report_per_line_with_its_file_and_cells() {
    let s = review_dir("ndjson");
    let out = run(&["check", "--format", "ndjson"], &s.0);
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    let clean = &lines[1];
    assert!(clean["file"].as_str().unwrap().ends_with("b-clean.json"));
    let want = serde_json::to_value(perftarget::validate_json(
        std::str::from_utf8(&fixture(CLEAN)).unwrap(),
    ))
    .unwrap();
    for key in [
        "valid",
        "template",
        "errors",
        "warnings",
        "infos",
        "normalised",
    ] {
        assert_eq!(clean[key], want[key], "{key}");
    }
    assert!(clean.get("cells").is_none(), "JSON inputs have no cells");
    assert_eq!(lines[2]["errors"][0]["code"], "JSON_SYNTAX");
    assert_eq!(lines[3]["cells"]["/indicators/6/target"], "绩效目标表!E24");
}

#[test]
fn csv_has_a_row_per_finding_and_no_formulas() {
    let s = review_dir("csv");
    let out = run(&["check", "--format", "csv"], &s.0);
    let text = stdout(&out);
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for Excel");
    let mut lines = text.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("file,valid,template,severity,code,path,cell,message,messageEn,reviewCategory")
    );
    let rows: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    assert!(rows
        .iter()
        .any(|r| r.contains("RATE_OVER_100,/indicators/6/target,绩效目标表!E24,")));
    assert!(
        rows.iter().all(|r| !r.contains(",=")),
        "no field starts a formula"
    );
    let findings: usize = serde_json::from_slice::<serde_json::Value>(
        &run(&["check", "--format", "json"], &s.0).stdout,
    )
    .unwrap()["forms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            ["errors", "warnings", "infos"]
                .iter()
                .map(|k| f[k].as_array().unwrap().len())
                .sum::<usize>()
                .max(1)
        })
        .sum();
    assert_eq!(
        rows.len(),
        findings,
        "one row per finding, one per clean form"
    );
}

#[test]
fn html_is_one_self_contained_escaped_page() {
    let s = review_dir("html");
    let mut hostile: serde_json::Value = serde_json::from_slice(&fixture(BROKEN)).unwrap();
    hostile["projectName"] = "<script>alert('项目')</script>".into();
    hostile["indicators"][0]["name"] = "<img src=x onerror=alert(1)>完成率".into();
    hostile["indicators"][0]["target"] = "\"><svg onload=alert(2)>".into();
    s.put("d-hostile.json", hostile.to_string().as_bytes());
    let out = run(&["check", "--format", "html"], &s.0);
    assert_eq!(out.status.code(), Some(2));
    let html = stdout(&out);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for forbidden in [
        "<script",
        "<img",
        "<svg onload",
        "src=\"http",
        "href=\"http",
        "@import",
        "url(",
    ] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;完成率"));
    assert!(html.contains("&quot;&gt;&lt;svg onload=alert(2)&gt;"));
    assert!(
        html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "the chart is inline SVG"
    );
    assert_eq!(html.matches("<article id=\"f").count(), 5);
    // A finding on a row links to the row, and the row back to the finding.
    assert!(html.contains("<a href=\"#f4-r6\"><code>/indicators/6/target</code></a>"));
    assert!(html.contains("<tr id=\"f4-r6\" class=\"row-error\">"));
    assert!(html.contains("绩效目标表!E24"));
    assert!(
        html.contains("lang=\"en\""),
        "English is beside the Chinese"
    );
}

#[test]
fn json_flag_keeps_printing_the_library_reports() {
    let s = review_dir("json-flag");
    let out = run(&["check", "--json"], &s.0);
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 4);
    let want = serde_json::to_string(&perftarget::validate_json(
        std::str::from_utf8(&fixture(CLEAN)).unwrap(),
    ))
    .unwrap();
    assert_eq!(lines[1], want);
}

#[test]
fn convert_prints_the_form_and_on_request_its_cells() {
    let book = common::root().join("tests/xlsx/handmade.xlsx");
    let out = bin().arg("convert").arg(&book).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let form: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(form["projectName"], "社区卫生服务能力提升");
    assert_eq!(form["template"], "T2021");
    // The printed form is what check validates.
    let report = perftarget::validate_json(&form.to_string());
    assert_eq!(report.errors[0].code, "RATE_OVER_100");

    let out = bin()
        .args(["convert", "--cells"])
        .arg(&book)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sheet"], "绩效目标表");
    assert_eq!(v["layout"], "declaration");
    assert_eq!(v["cells"]["/funds/annual"], "绩效目标表!E9");
    assert_eq!(v["form"], form);

    let not_xlsx = common::root().join("tests/fixtures").join(CLEAN);
    let out = bin().arg("convert").arg(&not_xlsx).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("不是 .xlsx"));
}

#[test]
fn an_unreadable_excel_file_or_an_empty_directory_is_status_2() {
    let s = Scratch::new("bad-xlsx");
    let out = run(&["check"], &s.0.join("sub"));
    assert_eq!(out.status.code(), Some(2), "no forms to check");
    assert!(String::from_utf8(out.stderr).unwrap().contains("no forms"));
    s.put("sub/bad.xlsx", b"name,target\n");
    let out = run(&["check"], &s.0);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(
        text.contains("XLSX_UNREADABLE /") && text.contains("不是 .xlsx"),
        "{text}"
    );
}

#[test]
fn unknown_formats_are_refused() {
    let out = bin()
        .args(["check", "--format", "pdf", "x.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn oversized_and_unreadable_inputs_are_their_own_lines() {
    let s = Scratch::new("sizes");
    s.put(
        "a-big.json",
        &vec![b' '; perftarget::limits::MAX_FORM_BYTES + 1],
    );
    s.put(
        "b-huge.json",
        &vec![b' '; perftarget::xlsx::MAX_FILE_BYTES + 1],
    );
    s.put("c-latin1.json", b"{\"projectName\": \"\xe9\"}");
    s.put("d-clean.json", &fixture(CLEAN));
    let out = run(&["check", "--format", "ndjson"], &s.0);
    assert_eq!(out.status.code(), Some(2));
    let codes: Vec<Option<String>> = stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["errors"][0]["code"]
                .as_str()
                .map(String::from)
        })
        .collect();
    let want = [
        Some("INPUT_TOO_LARGE"),
        Some("INPUT_TOO_LARGE"),
        Some("FILE_UNREADABLE"),
        None,
    ];
    assert_eq!(codes, want.map(|c| c.map(String::from)));
}
