//! The object path: arbitrary JSON values shaped like forms (the structure a
//! portal hands `validateForm`), so the fuzzer spends its time past the parser.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use perftarget::form::json::Json;
use std::borrow::Cow;

#[derive(Arbitrary, Debug)]
enum Leaf {
    Null,
    Bool(bool),
    Int(i64),
    Num(String),
    Text(String),
    Key(u8),
}

const KEYS: &[&str] = &[
    "template", "year", "projectName", "department", "implementingUnit", "projectNature",
    "projectCategory", "projectType", "fundUse", "startDate", "endDate", "funds", "budget",
    "overallGoal", "annualGoal", "indicators", "total", "totalFiscal", "annual", "annualFiscal",
    "carryOver", "current", "composition", "name", "amount", "level1", "level2", "target",
];
const WORDS: &[&str] = &["T2019", "T2020", "T2021", "产出指标", "数量指标", "时效指标", "满意度", "及时率", "≥90%", "2024/1/1", "2023-12-31", "1,000.00", "-", "经常性项目"];

#[derive(Arbitrary, Debug)]
enum Node {
    Leaf(Leaf),
    Array(Vec<Node>),
    Object(Vec<(u8, Node)>),
}

fn build(n: &Node, depth: u32) -> Json<'static> {
    match n {
        Node::Leaf(Leaf::Null) => Json::Null,
        Node::Leaf(Leaf::Bool(b)) => Json::Bool(*b),
        Node::Leaf(Leaf::Int(i)) => Json::Number(Cow::Owned(i.to_string())),
        // Any text as a number: the reader must cope with what a parser would never produce.
        Node::Leaf(Leaf::Num(s)) => Json::Number(Cow::Owned(s.clone())),
        Node::Leaf(Leaf::Text(s)) => Json::String(Cow::Owned(s.clone())),
        Node::Leaf(Leaf::Key(k)) => Json::String(Cow::Borrowed(WORDS[*k as usize % WORDS.len()])),
        Node::Array(items) if depth < 8 => Json::Array(items.iter().map(|i| build(i, depth + 1)).collect()),
        Node::Object(fields) if depth < 8 => Json::Object(
            fields.iter().map(|(k, v)| (Cow::Borrowed(KEYS[*k as usize % KEYS.len()]), build(v, depth + 1))).collect(),
        ),
        _ => Json::Null,
    }
}

fuzz_target!(|root: Vec<(u8, Node)>| {
    let value = build(&Node::Object(root), 0);
    let report = perftarget::validate_value(&value);
    assert!(serde_json::to_string(&report).is_ok());
});
