//! T2019/T2020 项目预算: readable amounts, the composition adding up to the
//! current-year budget, and prior-year execution within its budget.

use super::funds::amount_at;
use super::{Facts, Findings, Rule};
use crate::form::amount::{self, display};
use crate::rule::rule;
use crate::templates::Money;
use rust_decimal::Decimal;

rule!(
    BUDGET_COMPOSITION_SUM,
    Form,
    Error,
    OTHER,
    "项目当年投入资金构成各子项之和不等于项目当年预算",
    "the budget composition rows do not add up to the current-year budget"
);

rule!(
    BUDGET_CURRENT_EXCEEDS_TOTAL,
    Form,
    Error,
    OTHER,
    "项目当年预算大于项目总预算",
    "the current-year budget exceeds the total budget"
);

rule!(
    PRIOR_EXECUTION_EXCEEDS_BUDGET,
    Form,
    Warning,
    OTHER,
    "同名项目上年预算执行数大于上年预算额",
    "last year's execution exceeds last year's budget"
);

pub const RULES: &[Rule] = &[
    BUDGET_COMPOSITION_SUM,
    BUDGET_CURRENT_EXCEEDS_TOTAL,
    PRIOR_EXECUTION_EXCEEDS_BUDGET,
];

pub fn check(c: &Facts, f: &mut Findings) {
    let u = c.unit.label();
    if c.template.money != Money::Budget {
        return;
    }
    let Some(b) = c.form.budget.as_ref() else {
        return;
    };
    let total = amount_at(c, f, &b.total, "/budget/total", "项目总预算");
    let current = amount_at(c, f, &b.current, "/budget/current", "项目当年预算");
    let prior = amount_at(
        c,
        f,
        &b.prior_year,
        "/budget/priorYear",
        "同名项目上年预算额",
    );
    let executed = amount_at(
        c,
        f,
        &b.prior_year_executed,
        "/budget/priorYearExecuted",
        "同名项目上年预算执行数",
    );
    let mut sum = Some(Decimal::ZERO);
    for (i, row) in b.composition.iter().enumerate() {
        let label = format!("资金构成第{}行", i.saturating_add(1));
        let v = amount_at(
            c,
            f,
            &row.amount,
            &format!("/budget/composition/{i}/amount"),
            &label,
        );
        sum = match (sum, v) {
            (Some(s), Some(v)) => amount::add(s, v),
            _ => None,
        };
    }
    if let (Some(cur), Some(s), false) = (current, sum, b.composition.is_empty()) {
        if cur != s {
            f.add(
                &BUDGET_COMPOSITION_SUM,
                "/budget/composition",
                format!(
                    "资金构成 {} 个子项合计 {} {u}，不等于项目当年预算 {} {u}（相差 {} {u}）",
                    b.composition.len(),
                    display(s),
                    display(cur),
                    display(amount::sub(cur, s).unwrap_or_default())
                ),
                format!(
                    "the {} composition rows add up to {}, not the current-year budget {}",
                    b.composition.len(),
                    display(s),
                    display(cur)
                ),
                vec![
                    ("expected", amount::canonical(cur)),
                    ("actual", amount::canonical(s)),
                ],
            );
        }
    }
    if let (Some(t), Some(cur)) = (total, current) {
        if cur > t {
            f.add(
                &BUDGET_CURRENT_EXCEEDS_TOTAL,
                "/budget/current",
                format!(
                    "项目当年预算 {} {u}大于项目总预算 {} {u}",
                    display(cur),
                    display(t)
                ),
                format!(
                    "current-year budget {} exceeds the total budget {}",
                    display(cur),
                    display(t)
                ),
                vec![
                    ("current", amount::canonical(cur)),
                    ("total", amount::canonical(t)),
                ],
            );
        }
    }
    if let (Some(p), Some(e)) = (prior, executed) {
        if e > p {
            f.add(
                &PRIOR_EXECUTION_EXCEEDS_BUDGET,
                "/budget/priorYearExecuted",
                format!(
                    "同名项目上年预算执行数 {} {u}大于上年预算额 {} {u}，请核对",
                    display(e),
                    display(p)
                ),
                format!(
                    "last year's execution {} exceeds last year's budget {}",
                    display(e),
                    display(p)
                ),
                vec![
                    ("executed", amount::canonical(e)),
                    ("budget", amount::canonical(p)),
                ],
            );
        }
    }
}
