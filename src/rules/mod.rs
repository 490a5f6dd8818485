//! The rule catalogue and the runner. Each family lives in its own file and
//! declares its rules as constants; `catalogue()` lists them all, so codes,
//! severities, review categories and descriptions exist in one place.

mod budget;
mod choices;
mod dates;
pub(crate) mod facts;
mod funds;
mod indicators;
mod required;
mod reviewer;
pub(crate) mod split;
mod targets;
mod template;

pub use template::resolve as template_resolve;

use crate::form::model::Indicator;
pub use facts::Facts;
use facts::Row;

pub use crate::finding::Findings;

pub use crate::rule::review;

pub use crate::rule::{Rule, Scope};

/// Every rule, grouped by family.
pub fn catalogue() -> Vec<Rule> {
    [
        crate::form::input::RULES,
        template::RULES,
        required::RULES,
        dates::RULES,
        funds::RULES,
        budget::RULES,
        choices::RULES,
        indicators::RULES,
        reviewer::RULES,
        targets::RULES,
        split::RULES,
        crate::target_value::diagnostics::RULES,
    ]
    .concat()
}

/// Runs every family over a read form.
pub fn run(c: &Facts, f: &mut Findings) {
    required::check(c, f);
    dates::check(c, f);
    funds::check(c, f);
    budget::check(c, f);
    choices::check(c, f);
    indicators::check(c, f);
    reviewer::check(c, f);
    for (ind, row) in c.rows() {
        reviewer::row(c, ind, row, f);
        targets::row(c, ind, row, f);
        split::row(ind, row, f);
    }
}

/// The rules of one indicator row (scope `Row`), as `run` applies them.
pub fn row(c: &Facts, ind: &Indicator, row: &Row, f: &mut Findings) {
    indicators::row(c, ind, row, f);
    reviewer::row(c, ind, row, f);
    targets::row(c, ind, row, f);
    split::row(ind, row, f);
}
