//! The template registry's guard: every registered template has a clean form
//! in tests/templates/<id>.json that checks without any finding and is
//! recognised without its `template`; blanking each required field, choosing
//! outside each choice list and removing each required kind of indicator
//! fires the rule the template declares, at the field it names.

use perftarget::templates::taxonomy;
use perftarget::templates::Template;
use perftarget::{templates, validate_json, Issue, Report};
use serde_json::{json, Value};

fn clean(t: &Template) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/templates")
        .join(format!("{}.json", t.id));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("template {} has no clean form {}", t.id, path.display()));
    serde_json::from_str(&text).unwrap()
}

fn all(r: &Report) -> Vec<&Issue> {
    r.errors.iter().chain(&r.warnings).chain(&r.infos).collect()
}

fn check(form: &Value) -> Report {
    validate_json(&form.to_string())
}

/// Sets the field at a JSON Pointer (creating objects on the way).
fn set(form: &mut Value, pointer: &str, v: Value) {
    let mut at = form;
    let keys: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    for k in &keys[..keys.len() - 1] {
        at = at.as_object_mut().unwrap().entry(*k).or_insert(json!({}));
    }
    at[keys[keys.len() - 1]] = v;
}

#[test]
fn every_template_has_a_clean_form_that_is_recognised() {
    assert!(templates().len() >= 3);
    for t in templates() {
        let mut form = clean(t);
        assert_eq!(form["template"], t.id);
        let r = check(&form);
        assert!(all(&r).is_empty(), "{}: {:#?}", t.id, all(&r));
        assert_eq!(r.template, Some(t.id));
        // A template without signals is one whose fields another template
        // also has (HNFP2018): a form names it.
        if t.signals.is_empty() {
            continue;
        }
        form.as_object_mut().unwrap().remove("template");
        let r = check(&form);
        assert_eq!(r.template, Some(t.id), "detected without its template");
        assert!(all(&r).is_empty(), "{}: {:#?}", t.id, all(&r));
    }
}

#[test]
fn every_required_field_and_choice_is_checked() {
    for t in templates() {
        for need in t.required {
            let mut form = clean(t);
            for p in std::iter::once(&need.path).chain(need.or) {
                set(&mut form, p, Value::Null);
            }
            let r = check(&form);
            assert!(
                r.errors
                    .iter()
                    .any(|i| i.code == "REQUIRED" && i.path == need.path),
                "{} {}: {:#?}",
                t.id,
                need.path,
                r.errors
            );
        }
        for choice in t.choices {
            let mut form = clean(t);
            set(&mut form, choice.path, json!("无此选项"));
            let r = check(&form);
            assert!(
                r.errors
                    .iter()
                    .any(|i| i.code == "CHOICE_INVALID" && i.path == choice.path),
                "{} {}",
                t.id,
                choice.path
            );
        }
    }
}

#[test]
fn every_required_kind_of_indicator_is_checked() {
    for t in templates() {
        for need in t.coverage {
            let mut form = clean(t);
            let rows = form["indicators"].as_array_mut().unwrap();
            rows.retain(|row| {
                let lv = taxonomy::resolve(
                    t,
                    row["level1"].as_str().unwrap_or(""),
                    row["level2"].as_str().unwrap_or(""),
                );
                let (l1, l2) = (
                    lv.level1.map_or("", |l| l.base),
                    lv.level2.unwrap_or_default(),
                );
                !need
                    .any_of
                    .iter()
                    .any(|(a, b)| *a == l1 && b.is_none_or(|b| b == l2))
            });
            let r = check(&form);
            let found: Vec<_> = all(&r)
                .into_iter()
                .filter(|i| i.code == "COVERAGE_MISSING")
                .map(|i| (i.severity, i.params.get("missing").cloned()))
                .collect();
            assert_eq!(
                found,
                [(need.severity, Some(need.label.to_string()))],
                "{} without {}",
                t.id,
                need.label
            );
        }
    }
}
