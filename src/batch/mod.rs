//! Batch review (native builds only): forms from files and directories —
//! JSON or Excel — checked one by one, then written as readable text, JSON,
//! NDJSON, CSV or a self-contained HTML report, with a summary per rule.
//!
//! An input that cannot be used (unreadable file, not JSON, an Excel file
//! that is not a form) is reported as that input's own line, with a report
//! whose template is `null`, and the batch goes on; the exit status is then
//! 2 (see [`status`]).

pub mod csv;
pub mod html;
pub mod summary;
pub mod text;

use crate::xlsx::{self, Cells};
use crate::Report;
use serde::Serialize;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

// The report of an input that cannot be read at all. Like XLSX_UNREADABLE
// it belongs to the native front end, not to the catalogue the wasm module
// shares.
crate::rule::rule!(
    FILE_UNREADABLE,
    Form,
    Error,
    OTHER,
    "文件无法读取（不存在、目录无法列出或不是 UTF-8 文本）",
    "the file cannot be read (missing, an unlistable directory, not UTF-8 text)"
);

/// Directories are searched this deep for forms, without following links.
pub const MAX_DEPTH: usize = 32;

/// One indicator row as the person wrote it, for the HTML report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub level1: String,
    pub level2: String,
    pub name: String,
    pub target: String,
}

/// One checked input: its name, report, the cells of its fields (Excel
/// inputs) and its indicator rows as written.
#[derive(Debug, Clone)]
pub struct Checked {
    pub name: String,
    pub report: Report,
    pub cells: Cells,
    pub rows: Vec<Row>,
}

/// One line of the JSON and NDJSON outputs: the library's report with the
/// input's name first and, for Excel inputs, the cell of each field.
#[derive(Serialize)]
pub struct Line<'a> {
    pub file: &'a str,
    #[serde(flatten)]
    pub report: &'a Report,
    #[serde(skip_serializing_if = "Cells::is_empty")]
    pub cells: &'a Cells,
}

impl Checked {
    pub fn line(&self) -> Line<'_> {
        Line {
            file: &self.name,
            report: &self.report,
            cells: &self.cells,
        }
    }
}

/// The exit status of a batch: 0 when no form has errors, 1 when one has,
/// 2 when an input was unusable.
pub fn status(checked: &[Checked]) -> u8 {
    checked
        .iter()
        .map(|c| match &c.report {
            r if r.unusable_input() => 2,
            r => u8::from(!r.valid),
        })
        .max()
        .unwrap_or(0)
}

/// Whether a name asks for the Excel reader.
fn excel_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "xlsx" | "xlsm" | "xls"))
}

fn form_file(path: &Path) -> bool {
    excel_name(path)
        || path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// What an argument names: standard input (`-`), a file, or every `*.json`
/// and `*.xlsx` below a directory, in sorted order. A directory that cannot
/// be listed is named itself, so that it is reported.
pub fn expand(args: &[String]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for a in args {
        let p = PathBuf::from(a);
        if p.is_dir() {
            walk(&p, 0, &mut out);
        } else {
            out.push(p);
        }
    }
    out
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        out.push(dir.to_path_buf());
        return;
    };
    let mut found: Vec<(PathBuf, bool)> = entries
        .flatten()
        .filter_map(|e| {
            let kind = e.file_type().ok()?;
            Some((e.path(), kind.is_dir()))
        })
        .collect();
    found.sort();
    for (path, is_dir) in found {
        if is_dir {
            if depth < MAX_DEPTH {
                walk(&path, depth.saturating_add(1), out);
            }
        } else if form_file(&path) {
            out.push(path);
        }
    }
}

fn unreadable(name: &str, e: &dyn std::fmt::Display) -> Report {
    Report::unusable(
        &FILE_UNREADABLE,
        &format!("无法读取 {name}：{e}"),
        &format!("cannot read {name}: {e}"),
    )
}

/// The bytes of an input, at most one more than the Excel bound (a JSON
/// form's own bound is far lower and reported by the library).
fn read(path: &Path) -> io::Result<Vec<u8>> {
    let limit = u64::try_from(xlsx::MAX_FILE_BYTES)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin().take(limit).read_to_end(&mut bytes)?;
    } else {
        std::fs::File::open(path)?
            .take(limit)
            .read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// A zip (`.xlsx`) or compound (`.xls`) file, by its first bytes.
fn excel_bytes(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

fn json_rows(text: &str) -> Vec<Row> {
    let Ok(serde_json::Value::Object(form)) = serde_json::from_str::<serde_json::Value>(text)
    else {
        return Vec::new();
    };
    let Some(serde_json::Value::Array(rows)) = form.get("indicators") else {
        return Vec::new();
    };
    let cell = |row: &serde_json::Value, key: &str| match row.get(key) {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    rows.iter()
        .map(|r| Row {
            level1: cell(r, "level1"),
            level2: cell(r, "level2"),
            name: cell(r, "name"),
            target: cell(r, "target"),
        })
        .collect()
}

/// Checks one input: JSON text, or an Excel workbook (by name or content).
pub fn check(path: &Path) -> Checked {
    let name = path.display().to_string();
    let done = |report, cells, rows| Checked {
        name: name.clone(),
        report,
        cells,
        rows,
    };
    let bytes = match read(path) {
        Ok(b) => b,
        Err(e) => return done(unreadable(&name, &e), Cells::default(), Vec::new()),
    };
    if excel_name(path) || excel_bytes(&bytes) {
        return match xlsx::convert(&bytes) {
            Ok(c) => {
                let rows = c
                    .form
                    .indicators
                    .iter()
                    .flatten()
                    .map(|i| Row {
                        level1: i.level1.clone().unwrap_or_default(),
                        level2: i.level2.clone().unwrap_or_default(),
                        name: i.name.clone().unwrap_or_default(),
                        target: i.target.clone().unwrap_or_default(),
                    })
                    .collect();
                let (report, cells) = c.validate();
                done(report, cells, rows)
            }
            Err(e) => done(e.report(), e.cells(), Vec::new()),
        };
    }
    if bytes.len() > xlsx::MAX_FILE_BYTES {
        // Far larger than any form: not read to the end, nor decoded.
        let report = Report::unusable(
            &crate::limits::INPUT_TOO_LARGE,
            &format!("{name} 超过 {} 字节，未读取", xlsx::MAX_FILE_BYTES),
            &format!(
                "{name} has more than {} bytes; not read",
                xlsx::MAX_FILE_BYTES
            ),
        );
        return done(report, Cells::default(), Vec::new());
    }
    match String::from_utf8(bytes) {
        Ok(text) => done(
            crate::validate_json(&text),
            Cells::default(),
            json_rows(&text),
        ),
        Err(e) => done(unreadable(&name, &e), Cells::default(), Vec::new()),
    }
}

/// The output formats of `perftarget check --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Ndjson,
    Csv,
    Html,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "text" => Format::Text,
            "json" => Format::Json,
            "ndjson" => Format::Ndjson,
            "csv" => Format::Csv,
            "html" => Format::Html,
            _ => return None,
        })
    }
}

/// Writes a checked batch in a format; `en` puts English first where the
/// format has one language (text).
pub fn write(
    out: &mut impl Write,
    checked: &[Checked],
    format: Format,
    en: bool,
) -> io::Result<()> {
    match format {
        Format::Text => text::write(out, checked, en),
        Format::Json => {
            #[derive(Serialize)]
            struct Batch<'a> {
                forms: Vec<Line<'a>>,
                summary: summary::Summary,
            }
            let batch = Batch {
                forms: checked.iter().map(Checked::line).collect(),
                summary: summary::Summary::of(checked),
            };
            serde_json::to_writer(&mut *out, &batch)?;
            writeln!(out)
        }
        Format::Ndjson => {
            for c in checked {
                serde_json::to_writer(&mut *out, &c.line())?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Csv => csv::write(out, checked),
        Format::Html => html::write(out, checked),
    }
}
