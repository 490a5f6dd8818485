//! docs/rules.md is generated from the catalogue: this test rewrites it under
//! UPDATE_SNAPSHOTS=1 and otherwise fails when the two disagree.

mod common;

use perftarget::rules::Scope;

#[test]
fn rules_doc_matches_catalogue() {
    let rules = perftarget::rules();
    let mut codes: Vec<_> = rules.iter().map(|r| r.code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), rules.len(), "codes are unique");
    let mut out = String::from(
        "# Rule catalogue\n\n\
         Generated from `perftarget::rules()` by `tests/docs.rs`; do not edit by hand.\n\
         Codes are stable API: new codes may be added, none is renamed.\n\n\
         *Scope* `form`: reported by `validateForm` / `perftarget check`; the rule reads the whole\n\
         form (several fields or rows). *Scope* `row`: one indicator row's own rule, reported by\n\
         `validateForm` and, for that row alone, by `checkIndicator` while the row is typed.\n\
         *Scope* `target`: reported in\n\
         `normaliseTarget` diagnostics (`TARGET_RANGE`, `TARGET_TOO_LONG`, `TARGET_SYSTEM_CHARS` and\n\
         `TARGET_UNIT_MISSING` also reach form reports under the same code; every other target\n\
         diagnostic reaches them as `TARGET_INVALID` with `params.detail`).\n\n\
         Where the reviewer rules come from and what they leave alone: [reviewer-rules.md](reviewer-rules.md).\n\n",
    );
    for (title, scope) in [
        ("Form rules", Scope::Form),
        ("Row rules", Scope::Row),
        ("Target diagnostics", Scope::Target),
    ] {
        out.push_str(&format!("## {title}\n\n| code | severity | review category | 说明 | description |\n|---|---|---|---|---|\n"));
        for r in rules.iter().filter(|r| r.scope == scope) {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | {} |\n",
                r.code,
                format!("{:?}", r.severity).to_lowercase(),
                r.review_category,
                r.description,
                r.description_en
            ));
        }
        out.push('\n');
    }
    common::snapshot(&common::root().join("docs/rules.md"), &out);
}

/// schema/rules.json: the catalogue with its descriptions, as the CLI and
/// the service print it; the wasm package ships it as `rules.json` (the
/// module's own `rules()` leaves the descriptions out).
#[test]
fn rules_json_matches_catalogue() {
    let text = serde_json::to_string_pretty(&perftarget::rules()).unwrap() + "\n";
    common::snapshot(&common::root().join("schema/rules.json"), &text);
}

/// docs/templates.md: what each registered template asks of a form.
#[test]
fn templates_doc_matches_registry() {
    let mut out = String::from(
        "# Templates\n\n\
         Generated from `perftarget::templates()` by `tests/docs.rs`; do not edit by hand.\n\
         A template is one file in `src/templates/` and one line in its registry.\n\n",
    );
    for t in perftarget::templates() {
        let list = |v: Vec<String>| {
            if v.is_empty() {
                "—".to_string()
            } else {
                v.join("; ")
            }
        };
        out.push_str(&format!("## `{}` {}\n\n{}\n\n", t.id, t.title, t.title_en));
        let required: Vec<String> = t
            .required
            .iter()
            .map(|r| format!("{} `{}`", r.label, r.path))
            .collect();
        out.push_str(&format!("* Required: {}\n", list(required)));
        let choices: Vec<String> = t
            .choices
            .iter()
            .map(|c| format!("{} `{}`: {}", c.label, c.path, c.options.join("、")))
            .collect();
        out.push_str(&format!("* Choices: {}\n", list(choices)));
        out.push_str(&format!(
            "* Money: {:?}, amounts in {}; level-2 names end in “{}”; an unknown level-2 is {:?}\n",
            t.money, t.amount_unit, t.level2_suffix, t.unknown_level2
        ));
        let coverage: Vec<String> = t
            .coverage
            .iter()
            .map(|c| format!("{} ({:?})", c.label, c.severity))
            .collect();
        out.push_str(&format!("* Every form has: {}\n", list(coverage)));
        let optional: Vec<String> = t.optional.iter().map(|o| format!("{o:?}")).collect();
        out.push_str(&format!("* Optional rules: {}\n\n", list(optional)));
        out.push_str("| level 1 | also read | level 2 |\n|---|---|---|\n");
        for l in t.levels {
            out.push_str(&format!(
                "| {} | {} | {}{}{} |\n",
                l.canonical,
                l.aliases.join("、"),
                l.children.join("、"),
                if l.also.is_empty() {
                    String::new()
                } else {
                    format!("；也接受 {}", l.also.join("、"))
                },
                if l.open { "（可自设）" } else { "" }
            ));
        }
        out.push('\n');
    }
    common::snapshot(&common::root().join("docs/templates.md"), &out);
}

/// Every reviewer rule names its source in docs/reviewer-rules.md, and the
/// page names no code the catalogue lacks.
#[test]
fn reviewer_rules_name_their_source() {
    const REVIEWER: &[&str] = &[
        "TARGET_VAGUE",
        "INDICATOR_NAME_HAS_TARGET",
        "INDICATOR_NAME_IS_CATEGORY",
        "INPUT_AS_OUTPUT",
        "COST_EXCEEDS_FUNDS",
        "WEIGHT_SUM",
        "INDICATOR_COUNT_LOW",
        "TARGET_NEGATIVE",
        "TARGET_PERCENTAGE_POINT",
        "DEADLINE_AFTER_YEAR",
    ];
    let page = std::fs::read_to_string(common::root().join("docs/reviewer-rules.md")).unwrap();
    let rows: Vec<&str> = page.lines().filter(|l| l.starts_with("| `")).collect();
    let catalogue = perftarget::rules();
    for code in REVIEWER {
        let row = rows
            .iter()
            .find(|r| r.starts_with(&format!("| `{code}` |")));
        let source = row.and_then(|r| r.split(" | ").nth(1)).unwrap_or_default();
        assert!(
            !source.trim().is_empty(),
            "{code}: no source in docs/reviewer-rules.md"
        );
        assert!(
            catalogue.iter().any(|r| r.code == *code),
            "{code} is not in the catalogue"
        );
    }
    for row in rows {
        let code = row
            .trim_start_matches("| `")
            .split('`')
            .next()
            .unwrap_or_default();
        assert!(
            catalogue.iter().any(|r| r.code == code),
            "docs/reviewer-rules.md names {code}"
        );
    }
}
