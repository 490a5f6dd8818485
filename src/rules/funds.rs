//! T2021 项目资金: every amount readable, the two sums exact, the annual
//! request within the total, and a total for multi-year projects.

use super::{Facts, Findings, Rule};
use crate::form::amount::{self, display};
use crate::rule::rule;
use crate::templates::Money;
use rust_decimal::Decimal;

rule!(
    AMOUNT_FORMAT,
    Form,
    Error,
    OTHER,
    "金额写法有误（不是数字、为负数或超过两位小数）",
    "an amount is not a number, is negative or has more than two decimals"
);

rule!(
    FUNDS_ANNUAL_SUM,
    Form,
    Error,
    OTHER,
    "年度资金申请总额不等于当年财政拨款 + 上年结转资金 + 其他资金",
    "annual total ≠ current appropriation + carry-over + other funds"
);

rule!(
    FUNDS_TOTAL_SUM,
    Form,
    Error,
    OTHER,
    "项目资金总额不等于财政资金 + 其他资金",
    "project total ≠ fiscal funds + other funds"
);

rule!(
    FUNDS_ANNUAL_EXCEEDS_TOTAL,
    Form,
    Error,
    OTHER,
    "年度资金申请总额大于项目资金总额",
    "the annual request exceeds the project total"
);

rule!(
    FUNDS_TOTAL_MISSING,
    Form,
    Error,
    INCOMPLETE,
    "跨年度项目未填写项目资金总额",
    "a multi-year project has no project total (项目资金总额)"
);

pub const RULES: &[Rule] = &[
    AMOUNT_FORMAT,
    FUNDS_ANNUAL_SUM,
    FUNDS_TOTAL_SUM,
    FUNDS_ANNUAL_EXCEEDS_TOTAL,
    FUNDS_TOTAL_MISSING,
];

/// Reads one amount; reports `AMOUNT_FORMAT` when it cannot. Blank is `None`.
pub fn amount_at(
    c: &Facts,
    f: &mut Findings,
    text: &Option<String>,
    path: &str,
    label: &str,
) -> Option<Decimal> {
    let t = text.as_deref().filter(|t| !t.trim().is_empty())?;
    match amount::parse(t, c.unit) {
        Ok(v) => Some(v),
        Err(e) => {
            f.add(
                &AMOUNT_FORMAT,
                path,
                format!("{label}“{t}”{}", e.zh()),
                format!("{label} \"{t}\": {e}"),
                vec![("value", t.to_string()), ("reason", e.to_string())],
            );
            None
        }
    }
}

/// `a + b + …` quoted for a message, blanks as 0.00.
fn terms(parts: &[(&str, Option<Decimal>)], u: &str) -> String {
    parts
        .iter()
        .map(|(l, v)| format!("{l} {} {u}", display(v.unwrap_or_default())))
        .collect::<Vec<_>>()
        .join(" + ")
}

fn sum(parts: &[(&str, Option<Decimal>)]) -> Option<Decimal> {
    parts.iter().try_fold(Decimal::ZERO, |acc, (_, v)| {
        amount::add(acc, v.unwrap_or_default())
    })
}

pub fn check(c: &Facts, f: &mut Findings) {
    let u = c.unit.label();
    if c.template.money != Money::Funds {
        return;
    }
    let Some(funds) = c.form.funds.as_ref() else {
        if c.multi_year() {
            missing_total(c, f);
        }
        return;
    };
    let total = amount_at(c, f, &funds.total, "/funds/total", "项目资金总额");
    let total_fiscal = amount_at(c, f, &funds.total_fiscal, "/funds/totalFiscal", "财政资金");
    let total_other = amount_at(
        c,
        f,
        &funds.total_other,
        "/funds/totalOther",
        "其他资金（总额）",
    );
    let annual = amount_at(c, f, &funds.annual, "/funds/annual", "年度资金申请总额");
    let annual_fiscal = amount_at(
        c,
        f,
        &funds.annual_fiscal,
        "/funds/annualFiscal",
        "当年财政拨款",
    );
    let carry_over = amount_at(c, f, &funds.carry_over, "/funds/carryOver", "上年结转资金");
    let annual_other = amount_at(
        c,
        f,
        &funds.annual_other,
        "/funds/annualOther",
        "其他资金（年度）",
    );

    let parts = [
        ("当年财政拨款", annual_fiscal),
        ("上年结转资金", carry_over),
        ("其他资金", annual_other),
    ];
    if let (Some(a), Some(s)) = (annual, sum(&parts)) {
        if parts.iter().any(|(_, v)| v.is_some()) && a != s {
            f.add(
                &FUNDS_ANNUAL_SUM,
                "/funds/annual",
                format!(
                    "年度资金申请总额 {} {u}不等于 {} = {} {u}（相差 {} {u}）",
                    display(a),
                    terms(&parts, u),
                    display(s),
                    display(a.checked_sub(s).unwrap_or_default())
                ),
                format!(
                    "annual total {} does not equal the sum of its parts {}",
                    display(a),
                    display(s)
                ),
                vec![
                    ("expected", amount::canonical(s)),
                    ("actual", amount::canonical(a)),
                ],
            );
        }
    }
    let parts = [("财政资金", total_fiscal), ("其他资金", total_other)];
    if let (Some(t), Some(s)) = (total, sum(&parts)) {
        if parts.iter().any(|(_, v)| v.is_some()) && t != s {
            f.add(
                &FUNDS_TOTAL_SUM,
                "/funds/total",
                format!(
                    "项目资金总额 {} {u}不等于 {} = {} {u}（相差 {} {u}）",
                    display(t),
                    terms(&parts, u),
                    display(s),
                    display(t.checked_sub(s).unwrap_or_default())
                ),
                format!(
                    "project total {} does not equal fiscal + other funds {}",
                    display(t),
                    display(s)
                ),
                vec![
                    ("expected", amount::canonical(s)),
                    ("actual", amount::canonical(t)),
                ],
            );
        }
    }
    if let (Some(t), Some(a)) = (total, annual) {
        if a > t {
            f.add(
                &FUNDS_ANNUAL_EXCEEDS_TOTAL,
                "/funds/annual",
                format!(
                    "年度资金申请总额 {} {u}大于项目资金总额 {} {u}",
                    display(a),
                    display(t)
                ),
                format!(
                    "annual request {} exceeds the project total {}",
                    display(a),
                    display(t)
                ),
                vec![
                    ("annual", amount::canonical(a)),
                    ("total", amount::canonical(t)),
                ],
            );
        }
    }
    if total.is_none() && super::facts::blank(&funds.total) && c.multi_year() {
        missing_total(c, f);
    }
}

fn missing_total(c: &Facts, f: &mut Findings) {
    let (s, e) = (c.start.map_or(0, |d| d.year), c.end.map_or(0, |d| d.year));
    f.add(
        &FUNDS_TOTAL_MISSING,
        "/funds/total",
        format!("项目实施期为 {s}–{e} 年，跨年度项目须填写项目资金总额"),
        format!("the project runs {s}–{e}; a multi-year project needs its total funds"),
        vec![("startYear", s.to_string()), ("endYear", e.to_string())],
    );
}
