//! 项目资金: every amount readable, the sums exact (T2021's two, and the
//! subtotals of forms that itemise money by source), the annual request
//! within the total, and a total for multi-year projects.

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
    FUNDS_SUBTOTAL_SUM,
    Form,
    Error,
    OTHER,
    "资金小计不等于其下各项之和（财政拨款、自有资金）",
    "a subtotal (fiscal funds, own funds) ≠ the sum of its items"
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
    FUNDS_SUBTOTAL_SUM,
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

/// A total and the parts it must equal, to the cent.
struct Sum<'a> {
    rule: &'static Rule,
    path: &'static str,
    label: &'static str,
    label_en: &'static str,
    parts_en: &'static str,
    unit: &'a str,
}

impl Sum<'_> {
    /// Reports when the total and at least one part are written and differ.
    fn check(&self, f: &mut Findings, total: Option<Decimal>, parts: &[(&str, Option<Decimal>)]) {
        let (Some(t), Some(s)) = (total, sum(parts)) else {
            return;
        };
        if t == s || parts.iter().all(|(_, v)| v.is_none()) {
            return;
        }
        let u = self.unit;
        f.add(
            self.rule,
            self.path,
            format!(
                "{} {} {u}不等于 {} = {} {u}（相差 {} {u}）",
                self.label,
                display(t),
                terms(parts, u),
                display(s),
                display(amount::sub(t, s).unwrap_or_default())
            ),
            format!(
                "{} {} does not equal {} {}",
                self.label_en,
                display(t),
                self.parts_en,
                display(s)
            ),
            vec![
                ("expected", amount::canonical(s)),
                ("actual", amount::canonical(t)),
            ],
        );
    }
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
    // What the form calls its annual total (年度资金总额, 下达中央预算内投资).
    let annual_label = c
        .template
        .required
        .iter()
        .find(|r| r.path == "/funds/annual")
        .map_or("年度资金申请总额", |r| r.label);
    let mut read =
        |text: &Option<String>, path: &str, label: &str| amount_at(c, f, text, path, label);
    let total = read(&funds.total, "/funds/total", "项目资金总额");
    let total_fiscal = read(&funds.total_fiscal, "/funds/totalFiscal", "财政资金");
    let total_other = read(&funds.total_other, "/funds/totalOther", "其他资金（总额）");
    let annual = read(&funds.annual, "/funds/annual", annual_label);
    let annual_fiscal = read(&funds.annual_fiscal, "/funds/annualFiscal", "当年财政拨款");
    let carry_over = read(&funds.carry_over, "/funds/carryOver", "上年结转资金");
    let annual_other = read(
        &funds.annual_other,
        "/funds/annualOther",
        "其他资金（年度）",
    );
    let general_budget = read(
        &funds.general_budget,
        "/funds/generalBudget",
        "一般公共预算",
    );
    let government_fund = read(
        &funds.government_fund,
        "/funds/governmentFund",
        "政府性基金",
    );
    let state_capital = read(
        &funds.state_capital_budget,
        "/funds/stateCapitalBudget",
        "国有资本经营预算",
    );
    let self_raised = read(&funds.self_raised, "/funds/selfRaised", "自有资金");
    let business_income = read(&funds.business_income, "/funds/businessIncome", "事业收入");
    let operating_income = read(
        &funds.operating_income,
        "/funds/operatingIncome",
        "经营性收入",
    );
    // Money some regions print beside the rest: its format is checked, no
    // sum it belongs to is known.
    read(&funds.own_level, "/funds/ownLevel", "本级安排");
    read(&funds.upper_level, "/funds/upperLevel", "上级补助");
    read(&funds.special_bonds, "/funds/specialBonds", "专项债券");

    let mut parts = vec![
        ("当年财政拨款", annual_fiscal),
        ("上年结转资金", carry_over),
    ];
    // 自有资金 is a part only on the forms that itemise it (SC2021): the
    // others' messages keep their three terms.
    if self_raised.is_some() {
        parts.push(("自有资金", self_raised));
    }
    parts.push(("其他资金", annual_other));
    let sum_of = Sum {
        rule: &FUNDS_ANNUAL_SUM,
        path: "/funds/annual",
        label: annual_label,
        label_en: "annual total",
        parts_en: "the sum of its parts",
        unit: u,
    };
    sum_of.check(f, annual, &parts);
    let sum_of = Sum {
        rule: &FUNDS_TOTAL_SUM,
        path: "/funds/total",
        label: "项目资金总额",
        label_en: "project total",
        parts_en: "fiscal + other funds",
        unit: u,
    };
    sum_of.check(
        f,
        total,
        &[("财政资金", total_fiscal), ("其他资金", total_other)],
    );
    let sum_of = Sum {
        rule: &FUNDS_SUBTOTAL_SUM,
        path: "/funds/annualFiscal",
        label: "财政拨款",
        label_en: "fiscal funds",
        parts_en: "the sum of their sources",
        unit: u,
    };
    sum_of.check(
        f,
        annual_fiscal,
        &[
            ("一般公共预算", general_budget),
            ("政府性基金", government_fund),
            ("国有资本经营预算", state_capital),
        ],
    );
    let sum_of = Sum {
        rule: &FUNDS_SUBTOTAL_SUM,
        path: "/funds/selfRaised",
        label: "自有资金",
        label_en: "own funds",
        parts_en: "the sum of their sources",
        unit: u,
    };
    sum_of.check(
        f,
        self_raised,
        &[
            ("事业收入", business_income),
            ("经营性收入", operating_income),
        ],
    );
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
