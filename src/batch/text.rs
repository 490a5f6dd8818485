//! The readable report: per form a line with its verdict and one entry per
//! finding (with its cell for Excel inputs), then, for more than one form,
//! the summary per rule.

use super::summary::Summary;
use super::Checked;
use crate::{Issue, Report, Severity};
use std::io::{self, Write};

fn severity(s: Severity, en: bool) -> &'static str {
    match (s, en) {
        (Severity::Error, false) => "错误",
        (Severity::Warning, false) => "警告",
        (Severity::Info, false) => "提示",
        (Severity::Error, true) => "error",
        (Severity::Warning, true) => "warning",
        (Severity::Info, true) => "info",
    }
}

fn issue(out: &mut impl Write, i: &Issue, cell: Option<&str>, en: bool) -> io::Result<()> {
    // The severity words stay Chinese with --en: only the messages switch,
    // as they always have.
    let sev = severity(i.severity, false);
    let msg = if en { &i.message_en } else { &i.message };
    let path = if i.path.is_empty() { "/" } else { &i.path };
    match cell {
        Some(cell) => writeln!(out, "  {sev} {} {path} {cell}\n      {msg}", i.code),
        None => writeln!(out, "  {sev} {} {path}\n      {msg}", i.code),
    }
}

fn form(out: &mut impl Write, c: &Checked, en: bool) -> io::Result<()> {
    let r: &Report = &c.report;
    let template = r
        .template
        .map_or_else(|| "-".to_string(), |t| format!("{t:?}"));
    let verdict = if r.valid { "通过" } else { "未通过" };
    writeln!(
        out,
        "{}: {verdict} [{template}] {} 个错误, {} 个警告, {} 个提示",
        c.name,
        r.errors.len(),
        r.warnings.len(),
        r.infos.len()
    )?;
    for i in r.errors.iter().chain(&r.warnings).chain(&r.infos) {
        issue(out, i, c.cells.find(&i.path), en)?;
    }
    Ok(())
}

fn summary(out: &mut impl Write, s: &Summary, en: bool) -> io::Result<()> {
    if en {
        writeln!(
            out,
            "== {} forms: {} valid, {} with errors, {} unusable; {} errors, {} warnings, {} infos",
            s.forms, s.valid, s.invalid, s.unusable, s.errors, s.warnings, s.infos
        )?;
    } else {
        writeln!(
            out,
            "== 共 {} 份：通过 {} 份，未通过 {} 份，无法读取 {} 份；错误 {} 个，警告 {} 个，提示 {} 个",
            s.forms, s.valid, s.invalid, s.unusable, s.errors, s.warnings, s.infos
        )?;
    }
    let width = s.rules.iter().map(|k| k.code.len()).max().unwrap_or(0);
    for k in &s.rules {
        let sev = severity(k.severity, en);
        let (code, n, forms) = (k.code, k.findings, k.forms);
        if en {
            writeln!(
                out,
                "  {sev:<7} {code:<width$} {n:>5} in {forms:>4} forms  {}",
                k.description_en
            )?;
        } else {
            writeln!(
                out,
                "  {sev} {code:<width$} {n:>5} 个 {forms:>4} 份  {}",
                k.description
            )?;
        }
    }
    Ok(())
}

/// Every form, then the summary when there is more than one.
pub fn write(out: &mut impl Write, checked: &[Checked], en: bool) -> io::Result<()> {
    for c in checked {
        form(out, c, en)?;
    }
    if checked.len() > 1 {
        summary(out, &Summary::of(checked), en)?;
    }
    Ok(())
}
