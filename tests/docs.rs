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
         diagnostic reaches them as `TARGET_INVALID` with `params.detail`).\n\n",
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
