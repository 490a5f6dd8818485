//! `perftarget` — the rules for back ends in any language.
//!
//! ```text
//! perftarget check [--format text|json|ndjson|csv|html] [--json] [--en] FILE…|DIR…|-
//! perftarget convert [--cells] FILE.xlsx
//! perftarget normalise [--json] [--year N] TEXT…
//! perftarget rules [--json]
//! perftarget serve [--host H] [--port P] [--timeout S]   (cargo feature `serve`)
//! ```
//! `check` exits 0 when no form has errors, 1 when one has, 2 when an input
//! is unusable (unreadable file, not JSON, not a form object, an Excel file
//! that is not a form). An unusable input among many is reported as its own
//! line and the others are still checked. The work is done by the library's
//! `batch` and `xlsx` modules.

use perftarget::batch::{self, Format};
use perftarget::Context;
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage:
  perftarget check [--format F] [--en] FILE…|DIR…|-   validate forms (JSON or .xlsx); directories are
                                    searched for *.json and *.xlsx; - reads standard input
      --format text (default) | json | ndjson | csv | html (a self-contained review report)
      --json                        the library's report, one JSON line per form
  perftarget convert [--cells] FILE.xlsx   print the form an Excel file holds as JSON
                                    (--cells: with the cell of each field)
  perftarget normalise [--json] [--year N] TEXT…  normalise target values
  perftarget rules [--json]                    list the rule catalogue
  perftarget serve [--host H] [--port P] [--timeout S]  HTTP/JSON service (feature serve)
exit status: 0 no errors, 1 errors found, 2 unusable input";

struct Opts {
    json: bool,
    en: bool,
    cells: bool,
    format: Format,
    year: Option<i32>,
    args: Vec<String>,
}

fn parse_opts(raw: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        json: false,
        en: false,
        cells: false,
        format: Format::Text,
        year: None,
        args: Vec::new(),
    };
    let mut it = raw.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => o.json = true,
            "--en" => o.en = true,
            "--cells" => o.cells = true,
            "--format" => {
                let v = it.next().ok_or("--format needs a value")?;
                o.format =
                    Format::parse(v).ok_or_else(|| format!("--format: unknown format {v}"))?;
            }
            "--year" => {
                let v = it.next().ok_or("--year needs a value")?;
                o.year = Some(v.parse().map_err(|_| format!("--year: not a year: {v}"))?);
            }
            "--" => o.args.extend(it.by_ref().cloned()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => o.args.push(a.clone()),
        }
    }
    Ok(o)
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = raw.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if cmd == "serve" {
        return serve(rest);
    }
    let opts = match parse_opts(rest) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match cmd.as_str() {
        "check" if !opts.args.is_empty() => check(&opts),
        "convert" if opts.args.len() == 1 => convert(&opts),
        "normalise" | "normalize" if !opts.args.is_empty() => normalise(&opts),
        "rules" => rules(&opts),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

#[cfg(feature = "serve")]
fn serve(args: &[String]) -> ExitCode {
    let options = match perftarget::service::Options::from_args(args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match perftarget::service::run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("perftarget serve: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(feature = "serve"))]
fn serve(_: &[String]) -> ExitCode {
    eprintln!("perftarget serve: built without the serve feature; cargo run --release --features serve -- serve");
    ExitCode::from(2)
}

fn check(o: &Opts) -> ExitCode {
    let inputs = batch::expand(&o.args);
    if inputs.is_empty() {
        eprintln!("no forms (*.json, *.xlsx) in {}", o.args.join(" "));
        return ExitCode::from(2);
    }
    let checked: Vec<batch::Checked> = inputs.iter().map(|p| batch::check(p)).collect();
    let mut out = std::io::stdout().lock();
    let written = if o.json {
        // The library's reports as they are; an input that cannot be read
        // at all is told on standard error, as it always was.
        checked.iter().try_for_each(|c| {
            if c.report
                .errors
                .first()
                .is_some_and(|e| e.code == batch::FILE_UNREADABLE.code)
            {
                eprintln!(
                    "{}",
                    c.report
                        .errors
                        .first()
                        .map_or("", |e| e.message_en.as_str())
                );
                return Ok(());
            }
            serde_json::to_writer(&mut out, &c.report)?;
            writeln!(out)
        })
    } else {
        batch::write(&mut out, &checked, o.format, o.en)
    };
    if let Err(e) = written.and_then(|()| out.flush()) {
        eprintln!("{e}");
        return ExitCode::from(2);
    }
    ExitCode::from(batch::status(&checked))
}

fn convert(o: &Opts) -> ExitCode {
    let Some(path) = o.args.first() else {
        return ExitCode::from(2);
    };
    let converted = std::fs::read(path)
        .map_err(|e| format!("{path}: {e}"))
        .and_then(|bytes| {
            perftarget::xlsx::convert(&bytes).map_err(|e| {
                let msg = if o.en { e.message_en } else { e.message };
                format!("{path}: {msg}")
            })
        });
    let c = match converted {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let json = if o.cells {
        serde_json::to_string_pretty(&serde_json::json!({
            "sheet": c.sheet,
            "layout": c.layout,
            "form": c.form,
            "cells": c.cells,
        }))
    } else {
        serde_json::to_string_pretty(&c.form)
    };
    match json {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

fn normalise(o: &Opts) -> ExitCode {
    let ctx = Context {
        year: o.year,
        ..Context::default()
    };
    let mut any_invalid = false;
    for text in &o.args {
        let t = perftarget::normalise(text, &ctx);
        any_invalid |= t.status == perftarget::target_value::Status::Invalid;
        if o.json {
            match serde_json::to_string(&t) {
                Ok(line) => println!("{line}"),
                Err(e) => eprintln!("{e}"),
            }
        } else {
            let kind = t
                .kind
                .map_or_else(|| "-".to_string(), |k| format!("{k:?}").to_lowercase());
            let status = format!("{:?}", t.status).to_lowercase();
            println!(
                "{text}\t→ {}\t[{kind}, {status}] {}",
                t.canonical.as_deref().unwrap_or("-"),
                t.hint
            );
        }
    }
    ExitCode::from(u8::from(any_invalid))
}

fn rules(o: &Opts) -> ExitCode {
    let all = perftarget::rules();
    if o.json {
        match serde_json::to_string(&all) {
            Ok(line) => println!("{line}"),
            Err(e) => eprintln!("{e}"),
        }
    } else {
        for r in all {
            println!(
                "{}\t{:?}\t{}\t{}",
                r.code, r.severity, r.review_category, r.description
            );
        }
    }
    ExitCode::SUCCESS
}
