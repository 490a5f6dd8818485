//! The report's `normalised` form: level names in their canonical spelling,
//! targets canonical (with any words beside the value kept as `note`),
//! amounts as plain decimals, dates as ISO. What cannot be normalised stays
//! as written.

use super::model::{Budget, Form, Funds, Indicator};
use super::{amount, date, taxonomy, Template};
use crate::rules::check::Row;
use crate::target::Status;

fn money(v: &Option<String>) -> Option<String> {
    v.as_ref().map(|t| {
        amount::parse(t)
            .map(amount::canonical)
            .unwrap_or_else(|_| t.clone())
    })
}

fn day(v: &Option<String>) -> Option<String> {
    v.as_ref().map(|t| {
        date::parse(t)
            .map(|(d, _)| d.to_string())
            .unwrap_or_else(|| t.clone())
    })
}

fn row(template: Template, ind: &Indicator, info: Option<&Row>) -> Indicator {
    let Some(info) = info else { return ind.clone() };
    let lv = &info.levels;
    let target = info.target.as_ref();
    let level1 = lv
        .level1
        .map(|l| l.canonical.to_string())
        .or_else(|| ind.level1.clone());
    let level2 = match (&lv.level1, &lv.level2) {
        (Some(parent), Some(b)) if taxonomy::admits(parent, b) => {
            Some(taxonomy::level2_canonical(template, b))
        }
        _ => ind.level2.clone(),
    };
    let (target_text, note) = match target {
        Some(t) if t.status == Status::Valid => (
            t.canonical.clone().or_else(|| ind.target.clone()),
            t.note.clone().or_else(|| ind.note.clone()),
        ),
        _ => (ind.target.clone(), ind.note.clone()),
    };
    Indicator {
        level1,
        level2,
        name: ind.name.as_ref().map(|n| n.trim().to_string()),
        target: target_text,
        note,
    }
}

pub fn normalised(form: &Form, template: Template, rows: &[Row]) -> Form {
    Form {
        template: Some(format!("{template:?}")),
        start_date: day(&form.start_date),
        end_date: day(&form.end_date),
        funds: form.funds.as_ref().map(|f| Funds {
            total: money(&f.total),
            total_fiscal: money(&f.total_fiscal),
            total_other: money(&f.total_other),
            annual: money(&f.annual),
            annual_fiscal: money(&f.annual_fiscal),
            carry_over: money(&f.carry_over),
            annual_other: money(&f.annual_other),
        }),
        budget: form.budget.as_ref().map(|b| Budget {
            total: money(&b.total),
            current: money(&b.current),
            prior_year: money(&b.prior_year),
            prior_year_executed: money(&b.prior_year_executed),
            composition: b
                .composition
                .iter()
                .map(|r| super::model::CompositionRow {
                    name: r.name.clone(),
                    amount: money(&r.amount),
                })
                .collect(),
        }),
        indicators: form.indicators.as_ref().map(|list| {
            list.iter()
                .enumerate()
                .map(|(i, ind)| row(template, ind, rows.get(i)))
                .collect()
        }),
        ..form.clone()
    }
}
