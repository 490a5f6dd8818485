//! CSV for spreadsheets (RFC 4180, UTF-8 with a byte-order mark so Excel
//! reads the Chinese): one row per finding, and one row for a form without
//! findings so that every form appears.

use super::Checked;
use crate::Severity;
use std::io::{self, Write};

const HEADER: [&str; 10] = [
    "file",
    "valid",
    "template",
    "severity",
    "code",
    "path",
    "cell",
    "message",
    "messageEn",
    "reviewCategory",
];

/// One field, quoted when it must be. A field a spreadsheet would run as a
/// formula (`=100.00(%)` is a canonical target) gets a leading apostrophe.
fn field(out: &mut impl Write, s: &str) -> io::Result<()> {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        write!(out, "\"{}\"", s.replace('"', "\"\""))
    } else {
        out.write_all(s.as_bytes())
    }
}

fn row(out: &mut impl Write, fields: &[&str]) -> io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        field(out, f)?;
    }
    out.write_all(b"\r\n")
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

pub fn write(out: &mut impl Write, checked: &[Checked]) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    row(out, &HEADER)?;
    for c in checked {
        let r = &c.report;
        let valid = if r.valid { "true" } else { "false" };
        let template = r.template.map(|t| format!("{t:?}")).unwrap_or_default();
        let mut any = false;
        for i in r.errors.iter().chain(&r.warnings).chain(&r.infos) {
            any = true;
            let cell = c.cells.find(&i.path).unwrap_or("");
            row(
                out,
                &[
                    &c.name,
                    valid,
                    &template,
                    severity(i.severity),
                    i.code,
                    &i.path,
                    cell,
                    &i.message,
                    &i.message_en,
                    i.review_category,
                ],
            )?;
        }
        if !any {
            row(
                out,
                &[&c.name, valid, &template, "", "", "", "", "", "", ""],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(s: &str) -> String {
        let mut out = Vec::new();
        field(&mut out, s).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fields_are_quoted_and_never_formulas() {
        assert_eq!(csv("plain"), "plain");
        assert_eq!(csv("a,b"), "\"a,b\"");
        assert_eq!(csv("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv("=100.00(%)"), "'=100.00(%)");
        assert_eq!(
            csv("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(csv("line\nbreak"), "\"line\nbreak\"");
    }
}
