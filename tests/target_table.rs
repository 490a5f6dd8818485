//! The seed target table: every target string of every seed form, with the
//! kind and canonical form reviewed by eye (tests/targets.tsv), plus the
//! properties that make the engine usable while typing.

mod common;

use perftarget::target_value::{normalise, Context, Status};
use proptest::prelude::*;

struct Row {
    input: String,
    year: i32,
    status: String,
    kind: String,
    canonical: String,
    note: String,
}

fn lower<T: std::fmt::Debug>(v: T) -> String {
    format!("{v:?}").to_lowercase()
}

fn actual(input: &str, year: i32) -> Row {
    let t = normalise(
        input,
        &Context {
            year: Some(year),
            ..Context::default()
        },
    );
    Row {
        input: input.to_string(),
        year,
        status: lower(t.status),
        kind: t.kind.map(lower).unwrap_or_default(),
        canonical: t.canonical.unwrap_or_default(),
        note: t.note.unwrap_or_default(),
    }
}

fn table_path() -> std::path::PathBuf {
    common::root().join("tests/targets.tsv")
}

fn read_table() -> Vec<Row> {
    let text = std::fs::read_to_string(table_path()).unwrap();
    text.lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 6, "bad table line {l:?}");
            Row {
                input: c[0].to_string(),
                year: c[1].parse().unwrap(),
                status: c[2].to_string(),
                kind: c[3].to_string(),
                canonical: c[4].to_string(),
                note: c[5].to_string(),
            }
        })
        .collect()
}

#[test]
fn seed_table_matches_engine() {
    let seeds = common::seed_targets();
    let rendered: String =
        std::iter::once("input\tyear\tstatus\tkind\tcanonical\tnote".to_string())
            .chain(seeds.iter().map(|(t, y)| {
                let r = actual(t, *y);
                format!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    r.input, r.year, r.status, r.kind, r.canonical, r.note
                )
            }))
            .map(|l| l + "\n")
            .collect();
    common::snapshot(&table_path(), &rendered);
    // Compare row by row too, so a failure names the target.
    for row in read_table() {
        let a = actual(&row.input, row.year);
        assert_eq!(
            (
                a.status.as_str(),
                a.kind.as_str(),
                a.canonical.as_str(),
                a.note.as_str()
            ),
            (
                row.status.as_str(),
                row.kind.as_str(),
                row.canonical.as_str(),
                row.note.as_str()
            ),
            "target {:?}",
            row.input
        );
    }
}

#[test]
fn table_holds_every_seed_target() {
    let table = read_table();
    let seeds = common::seed_targets();
    assert!(
        seeds.len() > 100,
        "the fixtures should hold the seed forms' targets"
    );
    for (t, y) in &seeds {
        assert!(
            table.iter().any(|r| r.input == *t && r.year == *y),
            "{t:?} ({y}) missing from tests/targets.tsv"
        );
    }
    assert!(
        table.iter().all(|r| r.status == "valid"),
        "every seed target is understood"
    );
}

/// The native results, for the wasm parity test.
#[test]
fn target_results_snapshot() {
    #[derive(serde::Serialize)]
    struct Year {
        year: i32,
    }
    #[derive(serde::Serialize)]
    struct Item {
        input: String,
        context: Year,
        result: perftarget::Target,
    }
    let items: Vec<Item> = common::seed_targets()
        .into_iter()
        .map(|(t, y)| {
            let result = normalise(
                &t,
                &Context {
                    year: Some(y),
                    ..Context::default()
                },
            );
            Item {
                input: t,
                context: Year { year: y },
                result,
            }
        })
        .collect();
    let text = serde_json::to_string_pretty(&items).unwrap() + "\n";
    common::snapshot(&common::root().join("tests/expected/targets.json"), &text);
}

#[test]
fn every_prefix_of_a_seed_target_is_incomplete_or_valid() {
    for (t, y) in common::seed_targets() {
        let ctx = Context {
            year: Some(y),
            ..Context::default()
        };
        let chars: Vec<char> = t.chars().collect();
        for n in 1..=chars.len() {
            let prefix: String = chars[..n].iter().collect();
            let r = normalise(&prefix, &ctx);
            assert!(
                matches!(r.status, Status::Incomplete | Status::Valid | Status::Empty),
                "prefix {prefix:?} of {t:?} is {:?}: {:?}",
                r.status,
                r.diagnostics
            );
        }
    }
}

#[test]
fn canonical_forms_are_fixed_points() {
    for (t, y) in common::seed_targets() {
        let ctx = Context {
            year: Some(y),
            ..Context::default()
        };
        let first = normalise(&t, &ctx);
        let Some(c) = first.canonical.clone() else {
            continue;
        };
        let again = normalise(&c, &ctx);
        assert_eq!(
            again.canonical.as_deref(),
            Some(c.as_str()),
            "{t:?} → {c:?} → {:?}",
            again.canonical
        );
        assert_eq!(again.kind, first.kind, "{t:?}");
    }
}

const OPS: &[&str] = &[
    "≥",
    "≤",
    ">",
    "<",
    "=",
    ">=",
    "<=",
    "＞＝",
    "≧",
    "不低于",
    "不超过",
    "大于",
    "低于",
    "",
];
const UNITS: &[&str] = &[
    "%", "次", "人", "人次", "项", "家", "篇", "(%)", "(万元)", "小时", "台次", "个",
];

proptest! {
    #[test]
    fn typed_quantities_normalise_to_fixed_points(op in 0..OPS.len(), int in 0u32..10_000_000, frac in 0u32..100, unit in 0..UNITS.len(), dec in any::<bool>()) {
        let text = if dec { format!("{}{int}.{frac:02}{}", OPS[op], UNITS[unit]) } else { format!("{}{int}{}", OPS[op], UNITS[unit]) };
        let t = normalise(&text, &Context::default());
        prop_assert_eq!(t.status, Status::Valid, "{}", text);
        let c = t.canonical.clone().unwrap();
        let again = normalise(&c, &Context::default());
        prop_assert_eq!(again.canonical, Some(c));
        prop_assert_eq!(again.value, t.value);
        let chars: Vec<char> = text.chars().collect();
        for n in 1..chars.len() {
            let prefix: String = chars[..n].iter().collect();
            let r = normalise(&prefix, &Context::default());
            prop_assert!(r.status != Status::Invalid, "prefix {:?} of {:?}", prefix, text);
        }
    }

    #[test]
    fn arbitrary_text_never_panics_and_spans_stay_inside(s in "\\PC{0,40}") {
        let t = normalise(&s, &Context { year: Some(2024), ..Context::default() });
        let len = s.encode_utf16().count() as u32;
        for d in &t.diagnostics {
            prop_assert!(d.start <= d.end && d.end <= len);
        }
    }
}

/// Version 2 units of every shape: listed, compound, magnitude-prefixed,
/// Latin, symbols, unknown.
const OPEN_UNITS: &[&str] = &[
    "元/亩",
    "万元/人",
    "次/年",
    "人/次",
    "元/人·天",
    "万人次",
    "万亩",
    "亿元",
    "公顷",
    "厘米",
    "万立方米",
    "百分比",
    "个百分点",
    "‰",
    "km",
    "h",
    "Mbps",
    "㎡",
    "m³",
    "标准亩",
    "个工作日",
    "%",
];
/// Words before or after a value that are neither operator nor unit.
const NOTE_WORDS: &[&str] = &["", "完成", "新增", "培训", "到场", "覆盖"];
/// Operator words, which the canonical form spells as a symbol.
const OP_WORDS: &[&str] = &["", "≥", "不低于", "不超过", "至多", "达到", "控制在", "<"];

proptest! {
    /// SPEC §10, lossless: the canonical form plus the note keep every digit,
    /// the unit whole and every word that is not an operator; the number is
    /// never rescaled and keeps every decimal given.
    #[test]
    fn normalising_loses_nothing(before in 0..NOTE_WORDS.len(), op in 0..OP_WORDS.len(), int in 0u32..100_000, frac in "[0-9]{0,4}", unit in 0..OPEN_UNITS.len(), after in 0..NOTE_WORDS.len()) {
        let number = if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") };
        let text = format!("{}{}{number}{}{}", NOTE_WORDS[before], OP_WORDS[op], OPEN_UNITS[unit], NOTE_WORDS[after]);
        let t = normalise(&text, &Context::default());
        prop_assert_eq!(t.status, Status::Valid, "{}", text);
        prop_assert_eq!(t.unit.as_deref(), Some(OPEN_UNITS[unit]), "{}", text);
        let value = t.value.unwrap();
        prop_assert_eq!(value, number.parse::<rust_decimal::Decimal>().unwrap(), "{}", text);
        prop_assert!(value.scale() >= frac.len() as u32 || value.normalize().scale() <= value.scale());
        let c = t.canonical.clone().unwrap();
        let kept = format!("{c}{}", t.note.clone().unwrap_or_default());
        prop_assert!(c.contains(OPEN_UNITS[unit]), "{} → {}", text, c);
        prop_assert!(c.contains(&number) || c.contains(&format!("{number}.00")) || c.contains(&format!("{number}0")), "{} → {}", text, c);
        for w in [NOTE_WORDS[before], NOTE_WORDS[after]] {
            prop_assert!(kept.contains(w), "{} → {} lost {}", text, kept, w);
        }
        // The canonical form reads back to itself, with the same value.
        let again = normalise(&c, &Context::default());
        prop_assert_eq!(again.canonical.as_deref(), Some(c.as_str()));
        prop_assert_eq!(again.value, t.value);
    }
}
