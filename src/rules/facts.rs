//! What every rule family reads: the form, its template, and what is parsed
//! once for all of them (dates, targets, the project period). Facts are
//! worked out before any rule runs and never change; rules write their
//! findings to a separate `Findings`.

use crate::form::amount::Unit;
use crate::form::model::{Form, Indicator};
use crate::target_value::{self as target, Target};
use crate::templates::taxonomy::{self, Levels};
use crate::templates::Template;
use crate::text::date::{self, Date};
use std::fmt;

pub struct Facts<'a> {
    pub form: &'a Form,
    pub template: &'static Template,
    /// The unit the form's amounts are in: its `amountUnit`, else the template's.
    pub unit: Unit,
    /// Parsed start date (first day it covers).
    pub start: Option<Date>,
    /// Parsed end date (last day it covers).
    pub end: Option<Date>,
    /// What every rule reads about each indicator row, worked out once.
    pub rows: Vec<Row>,
}

/// One indicator row, analysed once for all rule families.
pub struct Row {
    /// The row's place in the form's table, as messages and pointers name it.
    pub index: usize,
    pub levels: Levels,
    /// The name folded and without its numbering (`指标 1：覆盖率` → `覆盖率`).
    pub core: String,
    /// Name and target are the not-applicable placeholder `-`.
    pub placeholder_name: bool,
    pub placeholder_target: bool,
    /// The normalised target without the typing aids (`None` when the row
    /// has none): `target`, or what the split columns say when it is blank.
    pub target: Option<Target>,
    /// The field the target was read from: `target` or `value`.
    pub target_field: &'static str,
    /// What the split columns (运算符, 指标值, 计量单位) say, when they do.
    pub split: Option<Target>,
}

impl Row {
    /// Name and target both `-`: the row is marked not applicable.
    pub fn not_applicable(&self) -> bool {
        self.placeholder_name && self.placeholder_target
    }

    /// A cost row (成本指标, or a level-2 经济成本 …): its money is bounded
    /// from above.
    pub fn cost(&self) -> bool {
        self.levels.level1.is_some_and(|l| l.base == "成本")
            || self
                .levels
                .level2
                .as_deref()
                .is_some_and(|l| l.ends_with("成本"))
    }
}

/// A row that counts towards the table (coverage, repeats, how many rows):
/// named, and not marked not applicable.
pub fn counts(ind: &Indicator, row: &Row) -> bool {
    !blank(&ind.name) && !row.not_applicable()
}

/// A line of a printed table left unused: level names at most, no name and
/// no target in any column. Published forms keep such lines for the
/// level-2s a project does not use; they hold nothing to check.
pub fn unused(ind: &Indicator) -> bool {
    [&ind.name, &ind.target, &ind.operator, &ind.value, &ind.unit]
        .into_iter()
        .all(blank)
}

/// How messages name indicator row `index` (`第3行指标“及时率”`). Written
/// out only when a finding quotes it, so rows without findings cost no text.
#[derive(Clone, Copy)]
pub struct RowLabel<'a> {
    index: usize,
    name: Option<&'a str>,
}

impl<'a> RowLabel<'a> {
    pub fn new(index: usize, name: &'a Option<String>) -> RowLabel<'a> {
        let name = name.as_deref().map(str::trim).filter(|s| !s.is_empty());
        RowLabel { index, name }
    }
}

impl fmt::Display for RowLabel<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let n = self.index.saturating_add(1);
        match self.name {
            Some(name) => write!(f, "第{n}行指标“{name}”"),
            None => write!(f, "第{n}行指标"),
        }
    }
}

/// The JSON Pointer of indicator row `index` or of one of its fields, also
/// written out only when a finding needs it.
#[derive(Clone, Copy)]
pub struct RowPointer {
    index: usize,
    field: Option<&'static str>,
}

impl RowPointer {
    pub fn row(index: usize) -> RowPointer {
        RowPointer { index, field: None }
    }

    pub fn at(self, field: &'static str) -> RowPointer {
        RowPointer {
            field: Some(field),
            ..self
        }
    }
}

impl From<RowPointer> for String {
    fn from(p: RowPointer) -> String {
        match p.field {
            Some(field) => format!("/indicators/{}/{field}", p.index),
            None => format!("/indicators/{}", p.index),
        }
    }
}

/// Whether a field is absent or only whitespace.
pub fn blank(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

/// Whether a cell is the placeholder `-` (also `－`, `—`).
pub fn is_placeholder(v: &Option<String>) -> bool {
    v.as_deref().map(str::trim).is_some_and(|s| {
        let mut chars = s.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if crate::text::fold::fold_char(c) == '-')
    })
}

impl<'a> Facts<'a> {
    pub fn new(form: &'a Form, template: &'static Template) -> Facts<'a> {
        Facts::numbered_from(form, template, 0)
    }

    /// The facts of a form whose first indicator row is row `first` of a
    /// larger table: the row check reads one row out of its form.
    pub fn numbered_from(form: &'a Form, template: &'static Template, first: usize) -> Facts<'a> {
        let start = form
            .start_date
            .as_deref()
            .and_then(date::parse)
            .map(|(d, _)| d);
        let end = form
            .end_date
            .as_deref()
            .and_then(date::parse)
            .map(|(d, p)| date::end_of(d, p));
        let year = form
            .year
            .and_then(|y| i32::try_from(y).ok())
            .or(end.map(|d| d.year));
        let rows = form
            .indicators
            .iter()
            .flatten()
            .enumerate()
            .map(|(i, ind)| {
                // The year completes deadlines; the name may carry the unit
                // (`湿地保有量(公顷)`) and the level tells a time row. The
                // same context through normaliseTarget reads the same.
                let facts = target::Facts {
                    year,
                    level2: ind.level2.as_deref(),
                    name: ind.name.as_deref(),
                };
                let split = super::split::compose(ind).map(|t| target::analyse(&t, &facts));
                let (target, target_field) = match &split {
                    Some(s) if blank(&ind.target) => (Some(s.clone()), "value"),
                    _ => (
                        ind.target.as_deref().map(|t| target::analyse(t, &facts)),
                        "target",
                    ),
                };
                Row {
                    index: first.saturating_add(i),
                    levels: taxonomy::resolve(
                        template,
                        ind.level1.as_deref().unwrap_or(""),
                        ind.level2.as_deref().unwrap_or(""),
                    ),
                    core: taxonomy::name_core(ind.name.as_deref().unwrap_or("")),
                    placeholder_name: is_placeholder(&ind.name),
                    placeholder_target: is_placeholder(&ind.target),
                    target,
                    target_field,
                    split,
                }
            })
            .collect();
        let unit = form
            .amount_unit
            .as_deref()
            .and_then(Unit::from_label)
            .or(Unit::from_label(template.amount_unit))
            .unwrap_or(Unit::Yuan);
        Facts {
            form,
            template,
            unit,
            start,
            end,
            rows,
        }
    }

    /// A project whose period spans more than one calendar year.
    pub fn multi_year(&self) -> bool {
        matches!((self.start, self.end), (Some(s), Some(e)) if e.year > s.year)
    }

    /// Each indicator row as written, with what is known about it.
    pub fn rows(&self) -> impl Iterator<Item = (&'a Indicator, &Row)> {
        self.form.indicators.iter().flatten().zip(&self.rows)
    }
}
