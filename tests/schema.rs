//! schema/form.schema.json describes exactly the keys the reader knows.

mod common;

use perftarget::form::read::{
    BUDGET_KEYS, COMPOSITION_KEYS, FORM_KEYS, FUNDS_KEYS, INDICATOR_KEYS,
};
use serde_json::Value;

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    k.sort();
    k
}

fn sorted(k: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = k.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

#[test]
fn schema_lists_the_model_keys() {
    let s: Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("schema/form.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(keys(&s), sorted(FORM_KEYS));
    assert_eq!(keys(&s["properties"]["funds"]), sorted(FUNDS_KEYS));
    assert_eq!(keys(&s["properties"]["budget"]), sorted(BUDGET_KEYS));
    assert_eq!(
        keys(&s["properties"]["budget"]["properties"]["composition"]["items"]),
        sorted(COMPOSITION_KEYS)
    );
    assert_eq!(keys(&s["definitions"]["indicator"]), sorted(INDICATOR_KEYS));
    assert_eq!(
        s["properties"]["indicators"]["maxItems"],
        perftarget::limits::MAX_ROWS
    );
}

/// The schema's `template` enum and the TypeScript `TemplateId` type list
/// exactly the registered templates, in registry order.
#[test]
fn template_ids_follow_the_registry() {
    let s: Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("schema/form.schema.json")).unwrap(),
    )
    .unwrap();
    let ids: Vec<&str> = perftarget::templates().iter().map(|t| t.id).collect();
    let mut listed: Vec<Value> = ids.iter().map(|id| Value::from(*id)).collect();
    listed.push(Value::Null);
    assert_eq!(s["properties"]["template"]["enum"], Value::Array(listed));
    let union: Vec<String> = ids.iter().map(|id| format!("\"{id}\"")).collect();
    assert_eq!(
        perftarget::templates::TEMPLATE_ID_TS,
        format!("export type TemplateId = {};", union.join(" | "))
    );
}
