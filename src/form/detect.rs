//! Template detection when `template` is absent: the fields a form fills and
//! the level-1 names its indicators use each vote.

use super::model::Form;
use super::{taxonomy, Template};

pub fn detect(form: &Form) -> Option<Template> {
    let mut t2021 = 0u32;
    let mut t2019 = 0u32;
    let mut t2020 = 0u32;
    let mut older = 0u32;
    let vote = |c: &mut u32, yes: bool| {
        if yes {
            *c = c.saturating_add(1);
        }
    };
    vote(&mut t2021, form.funds.is_some());
    vote(
        &mut t2021,
        form.project_nature.is_some()
            || form.department.is_some()
            || form.implementing_unit.is_some(),
    );
    vote(
        &mut older,
        form.budget.is_some() || form.declaring_unit.is_some(),
    );
    vote(
        &mut t2019,
        form.project_type.is_some() || form.fund_use.is_some(),
    );
    vote(
        &mut t2019,
        form.budget
            .as_ref()
            .is_some_and(|b| !b.composition.is_empty()),
    );
    vote(
        &mut t2020,
        form.performance_type.is_some() || form.includes_government_purchase.is_some(),
    );
    for ind in form.indicators.iter().flatten() {
        let l1 = ind.level1.as_deref().unwrap_or("");
        vote(
            &mut t2021,
            taxonomy::find_level1(Template::T2021, l1).is_some(),
        );
        vote(
            &mut older,
            taxonomy::find_level1(Template::T2019, l1).is_some(),
        );
    }
    let older_total = older.saturating_add(t2019).saturating_add(t2020);
    if t2021 == 0 && older_total == 0 {
        return None;
    }
    if t2021 >= older_total {
        Some(Template::T2021)
    } else if t2019 > t2020 {
        Some(Template::T2019)
    } else if t2020 > t2019 {
        Some(Template::T2020)
    } else {
        // Same fields: T2019 writes its dates as 2019年1月 more often, but the
        // year is the surest sign.
        Some(if form.year.is_some_and(|y| y <= 2019) {
            Template::T2019
        } else {
            Template::T2020
        })
    }
}
