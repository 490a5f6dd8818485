//! The report's `normalised` form: level names in their canonical spelling,
//! targets canonical (with any words beside the value kept as `note`),
//! amounts as plain decimals, dates as ISO. What cannot be normalised stays
//! as written.

use crate::form::amount;
use crate::form::model::{Budget, CompositionRow, Form, Funds, Indicator};
use crate::rules::facts::Row;
use crate::target_value::Status;
use crate::templates::taxonomy;
use crate::templates::Template;
use crate::text::date;

fn money(v: Option<String>, unit: amount::Unit) -> Option<String> {
    v.map(|t| amount::parse(&t, unit).map(amount::canonical).unwrap_or(t))
}

fn day(v: Option<String>) -> Option<String> {
    v.map(|t| date::parse(&t).map(|(d, _)| d.to_string()).unwrap_or(t))
}

fn row(template: &Template, ind: Indicator, info: Option<&Row>) -> Indicator {
    let Some(info) = info else { return ind };
    let lv = &info.levels;
    let level1 = lv.level1.map(|l| l.canonical.to_string()).or(ind.level1);
    let level2 = match (&lv.level1, &lv.level2) {
        (Some(parent), Some(b)) if taxonomy::admits(parent, b) => {
            Some(taxonomy::level2_canonical(template, b))
        }
        _ => ind.level2,
    };
    let (target, note) = match info.target.as_ref() {
        Some(t) if t.status == Status::Valid => (
            t.canonical.clone().or(ind.target),
            t.note.clone().or(ind.note),
        ),
        _ => (ind.target, ind.note),
    };
    let name = ind.name.map(|n| match n.trim() {
        trimmed if trimmed.len() == n.len() => n,
        trimmed => trimmed.to_string(),
    });
    Indicator {
        level1,
        level2,
        name,
        target,
        note,
        ..ind
    }
}

/// Consumes the form: its texts move into the report instead of being copied.
pub fn normalised(form: Form, template: &Template, unit: amount::Unit, rows: &[Row]) -> Form {
    Form {
        template: Some(template.id.to_string()),
        start_date: day(form.start_date),
        end_date: day(form.end_date),
        funds: form.funds.map(|f| Funds {
            total: money(f.total, unit),
            total_fiscal: money(f.total_fiscal, unit),
            total_other: money(f.total_other, unit),
            annual: money(f.annual, unit),
            annual_fiscal: money(f.annual_fiscal, unit),
            carry_over: money(f.carry_over, unit),
            annual_other: money(f.annual_other, unit),
            general_budget: money(f.general_budget, unit),
            government_fund: money(f.government_fund, unit),
            state_capital_budget: money(f.state_capital_budget, unit),
            self_raised: money(f.self_raised, unit),
            business_income: money(f.business_income, unit),
            operating_income: money(f.operating_income, unit),
            own_level: money(f.own_level, unit),
            upper_level: money(f.upper_level, unit),
            special_bonds: money(f.special_bonds, unit),
        }),
        budget: form.budget.map(|b| Budget {
            total: money(b.total, unit),
            current: money(b.current, unit),
            prior_year: money(b.prior_year, unit),
            prior_year_executed: money(b.prior_year_executed, unit),
            composition: b
                .composition
                .into_iter()
                .map(|r| CompositionRow {
                    name: r.name,
                    amount: money(r.amount, unit),
                })
                .collect(),
        }),
        indicators: form.indicators.map(|list| {
            list.into_iter()
                .enumerate()
                .map(|(i, ind)| row(template, ind, rows.get(i)))
                .collect()
        }),
        ..form
    }
}
