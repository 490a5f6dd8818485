//! Native timings: `normalise` over the seed target table, `validate_json` on
//! every seed fixture, and the whole fixture set (forms per second = 34 / time).
//! Run with `cargo bench --bench native`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use perftarget::{normalise, validate_json, Context};
use std::path::PathBuf;

fn fixtures() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            (
                p.file_stem()
                    .unwrap()
                    .to_string_lossy()
                    .chars()
                    .take(6)
                    .collect(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

fn targets(forms: &[(String, String)]) -> Vec<(String, i32)> {
    let mut out = Vec::new();
    for (_, text) in forms {
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        let year = v["year"].as_i64().unwrap() as i32;
        for row in v["indicators"].as_array().unwrap() {
            out.push((row["target"].as_str().unwrap_or("").to_string(), year));
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let forms = fixtures();
    let table = targets(&forms);
    let mut g = c.benchmark_group("normalise");
    g.throughput(Throughput::Elements(table.len() as u64));
    g.bench_function("seed table", |b| {
        b.iter(|| {
            for (t, y) in &table {
                black_box(normalise(
                    black_box(t),
                    &Context {
                        year: Some(*y),
                        ..Context::default()
                    },
                ));
            }
        })
    });
    g.finish();
    let mut g = c.benchmark_group("validate_json");
    for (name, text) in &forms {
        g.bench_function(name.as_str(), |b| {
            b.iter(|| black_box(validate_json(black_box(text))))
        });
    }
    g.throughput(Throughput::Elements(forms.len() as u64));
    g.bench_function("all seed forms", |b| {
        b.iter(|| {
            for (_, text) in &forms {
                black_box(validate_json(black_box(text)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
