//! Every code emitted is in the catalogue at the catalogue's severity: run
//! over every seed fixture, every rule case form (tests/templates/ with the
//! rule cases' edits are in tests/rules.rs, which checks the same), the seed
//! target table and the wild tables. A rule whose severity the template sets
//! is checked against the template.

mod common;

use perftarget::{normalise, rules, templates, Context, Rule, Severity};
use std::collections::BTreeSet;

fn rule(code: &str) -> Rule {
    rules()
        .into_iter()
        .find(|r| r.code == code)
        .unwrap_or_else(|| panic!("{code} is emitted but not in the catalogue"))
}

/// The severities a template may give a per-template rule.
fn template_severities(code: &str) -> BTreeSet<Severity> {
    let mut s = BTreeSet::new();
    for t in templates() {
        match code {
            "COVERAGE_MISSING" => s.extend(t.coverage.iter().map(|c| c.severity)),
            "INDICATOR_LEVEL2_UNKNOWN" => {
                s.insert(t.unknown_level2);
            }
            other => panic!("{other} is per template, but no template says how"),
        }
    }
    s
}

fn agrees(code: &str, severity: Severity, what: &str) {
    let r = rule(code);
    if r.per_template {
        assert!(
            template_severities(code).contains(&severity),
            "{code} {severity:?} in {what}"
        );
    } else {
        assert_eq!(severity, r.severity, "{code} in {what}");
    }
}

#[test]
fn emitted_codes_and_severities_match_the_catalogue() {
    let mut seen = BTreeSet::new();
    let mut forms: Vec<(String, String)> = common::fixtures()
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap()))
        .collect();
    for t in templates() {
        let p = common::root().join(format!("tests/templates/{}.json", t.id));
        forms.push((t.id.to_string(), std::fs::read_to_string(p).unwrap()));
    }
    for (what, text) in &forms {
        let r = perftarget::validate_json(text);
        for i in r.errors.iter().chain(&r.warnings).chain(&r.infos) {
            agrees(i.code, i.severity, what);
            seen.insert(i.code);
        }
    }
    for table in ["tests/targets.tsv", "tests/wild/targets.tsv"] {
        let text = std::fs::read_to_string(common::root().join(table)).unwrap();
        for line in text.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            let context = Context {
                year: cols.get(1).and_then(|y| y.parse().ok()),
                ..Context::default()
            };
            for d in normalise(cols[0], &context).diagnostics {
                agrees(d.code, d.severity, line);
                seen.insert(d.code);
            }
        }
    }
    // The tables reach most of the catalogue; the rest is checked by the
    // rule cases (tests/rules.rs) and the grammar cases (tests/grammar.rs).
    assert!(seen.len() >= 12, "{seen:?}");
}
