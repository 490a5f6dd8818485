//! `perftarget` — the rules for back ends in any language.
//!
//! ```text
//! perftarget check [--json] [--en] FILE…|-
//! perftarget normalise [--json] [--year N] TEXT…
//! perftarget rules [--json]
//! perftarget serve [--host H] [--port P] [--timeout S]   (cargo feature `serve`)
//! ```
//! `check` exits 0 when no form has errors, 1 when one has, 2 when an input
//! is unusable (unreadable file, not JSON, not a form object).

use perftarget::{Context, Issue, Report};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage:
  perftarget check [--json] [--en] FILE…|-    validate forms (JSON); - reads standard input
  perftarget normalise [--json] [--year N] TEXT…  normalise target values
  perftarget rules [--json]                    list the rule catalogue
  perftarget serve [--host H] [--port P] [--timeout S]  HTTP/JSON service (feature serve)
exit status: 0 no errors, 1 errors found, 2 unusable input";

struct Opts {
    json: bool,
    en: bool,
    year: Option<i32>,
    args: Vec<String>,
}

fn parse_opts(raw: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        json: false,
        en: false,
        year: None,
        args: Vec::new(),
    };
    let mut it = raw.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => o.json = true,
            "--en" => o.en = true,
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

fn read_input(arg: &str) -> Result<String, String> {
    let mut text = String::new();
    let res = if arg == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(arg)
    };
    res.map_err(|e| format!("{arg}: {e}"))
}

fn print_issue(i: &Issue, en: bool) {
    let sev = match i.severity {
        perftarget::Severity::Error => "错误",
        perftarget::Severity::Warning => "警告",
        perftarget::Severity::Info => "提示",
    };
    let msg = if en { &i.message_en } else { &i.message };
    let path = if i.path.is_empty() { "/" } else { &i.path };
    println!("  {sev} {} {path}\n      {msg}", i.code);
}

fn check(o: &Opts) -> ExitCode {
    let mut status = 0u8;
    for arg in &o.args {
        let report = match read_input(arg) {
            Ok(text) => perftarget::validate_json(&text),
            Err(e) => {
                eprintln!("{e}");
                status = 2;
                continue;
            }
        };
        let this = if report.unusable_input() {
            2
        } else {
            u8::from(!report.valid)
        };
        status = status.max(this);
        if o.json {
            match serde_json::to_string(&report) {
                Ok(line) => println!("{line}"),
                Err(e) => eprintln!("{arg}: {e}"),
            }
        } else {
            print_report(arg, &report, o.en);
        }
    }
    ExitCode::from(status)
}

fn print_report(name: &str, r: &Report, en: bool) {
    let template = r
        .template
        .map_or_else(|| "-".to_string(), |t| format!("{t:?}"));
    let verdict = if r.valid { "通过" } else { "未通过" };
    println!(
        "{name}: {verdict} [{template}] {} 个错误, {} 个警告, {} 个提示",
        r.errors.len(),
        r.warnings.len(),
        r.infos.len()
    );
    for i in r.errors.iter().chain(&r.warnings).chain(&r.infos) {
        print_issue(i, en);
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
        any_invalid |= t.status == perftarget::target::Status::Invalid;
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
