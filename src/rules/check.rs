//! What every rule family reads: the form, its template, and what is parsed
//! once for all of them (dates, targets, the project period).

use super::Findings;
use crate::form::date::{self, Date};
use crate::form::model::{Form, Indicator};
use crate::form::Template;
use crate::target::{self, Context, Target};

pub struct Check<'a> {
    pub form: &'a Form,
    pub template: Template,
    pub findings: Findings,
    /// Parsed start date (first day it covers).
    pub start: Option<Date>,
    /// Parsed end date (last day it covers).
    pub end: Option<Date>,
    /// The normalised target of each indicator row (`None` when the row has none).
    pub targets: Vec<Option<Target>>,
}

impl<'a> Check<'a> {
    pub fn new(form: &'a Form, template: Template, findings: Findings) -> Check<'a> {
        let start = form.start_date.as_deref().and_then(date::parse).map(|(d, _)| d);
        let end = form.end_date.as_deref().and_then(date::parse).map(|(d, p)| date::end_of(d, p));
        let year = form.year.and_then(|y| i32::try_from(y).ok()).or(end.map(|d| d.year));
        let targets = form
            .indicators
            .iter()
            .flatten()
            .map(|ind| {
                let ctx = Context {
                    year,
                    level1: ind.level1.clone(),
                    level2: ind.level2.clone(),
                    name: ind.name.clone(),
                };
                ind.target.as_deref().map(|t| target::normalise(t, &ctx))
            })
            .collect();
        Check { form, template, findings, start, end, targets }
    }

    /// A project whose period spans more than one calendar year.
    pub fn multi_year(&self) -> bool {
        matches!((self.start, self.end), (Some(s), Some(e)) if e.year > s.year)
    }

    pub fn indicators(&self) -> impl Iterator<Item = (usize, &'a Indicator)> {
        self.form.indicators.iter().flatten().enumerate()
    }

    pub fn target(&self, i: usize) -> Option<&Target> {
        self.targets.get(i).and_then(Option::as_ref)
    }
}
