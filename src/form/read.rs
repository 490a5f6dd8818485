//! Reading JSON into the form model: tolerant where the spec says so (amounts
//! as strings or numbers, years as strings, 是/否 for booleans), strict where it
//! matters: every wrong type is a `SCHEMA_TYPE` with its path, every unknown
//! key an `UNKNOWN_FIELD`, every oversized part an `INPUT_TOO_LARGE`.

use super::json::Json;
use super::model::{Budget, CompositionRow, Form, Funds, Indicator};
use crate::finding::pointer;
use crate::finding::Findings;
use crate::form::input::{INPUT_TOO_LARGE, SCHEMA_TYPE, UNKNOWN_FIELD};
use crate::limits;
use std::borrow::Cow;

/// An object's members in document order.
type Obj<'a> = [(Cow<'a, str>, Json<'a>)];

/// At most this many unknown keys are listed per object; the rest are counted.
const MAX_UNKNOWN_LISTED: usize = 20;

fn type_name(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "boolean",
        Json::Number(_) => "number",
        Json::String(_) => "string",
        Json::Array(_) => "array",
        Json::Object(_) => "object",
    }
}

/// The member `key`; a repeated key answers with its last value, as `JSON.parse` does.
fn member<'v, 'a>(obj: &'v Obj<'a>, key: &str) -> Option<&'v Json<'a>> {
    obj.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Where an object of the form sits. Rows get their number written out only
/// when a finding names them: most rows have none.
#[derive(Clone, Copy)]
enum At {
    /// The form itself (`""`), `/funds` or `/budget`.
    Field(&'static str),
    /// Row `n` of the table at this pointer.
    Row(&'static str, usize),
}

/// The form's own members.
const FORM: At = At::Field("");

impl At {
    fn pointer(self) -> String {
        match self {
            At::Field(p) => p.to_string(),
            At::Row(table, n) => format!("{table}/{n}"),
        }
    }

    /// The pointer of member `key`.
    fn member(self, key: &str) -> String {
        pointer(&self.pointer(), key)
    }
}

struct Reader<'f> {
    f: &'f mut Findings,
}

impl Reader<'_> {
    fn wrong_type(&mut self, path: &str, v: &Json, expected_zh: &str, expected_en: &str) {
        let actual = type_name(v);
        self.f.add(
            &SCHEMA_TYPE,
            path,
            format!("字段 {path} 应为{expected_zh}，实际是 {actual}"),
            format!("{path} must be {expected_en}, found {actual}"),
            vec![
                ("expected", expected_en.to_string()),
                ("actual", actual.to_string()),
            ],
        );
    }

    fn unknown_keys(&mut self, obj: &Obj, at: At, known: &[&str]) {
        let mut unknown = obj
            .iter()
            .map(|(k, _)| k)
            .filter(|k| !known.contains(&k.as_ref()));
        for key in unknown.by_ref().take(MAX_UNKNOWN_LISTED) {
            let p = at.member(key);
            self.f.add(
                &UNKNOWN_FIELD,
                p.clone(),
                format!("未知字段“{key}”，系统不会保存，请检查拼写"),
                format!("unknown field \"{key}\" is ignored"),
                vec![("field", key.to_string())],
            );
        }
        let more = unknown.count();
        if more > 0 {
            let path = at.pointer();
            let shown = if path.is_empty() { "/" } else { &path };
            self.f.add(
                &UNKNOWN_FIELD,
                path.as_str(),
                format!("{shown} 还有 {more} 个未知字段未列出"),
                format!("{more} more unknown fields in {shown}"),
                vec![("more", more.to_string())],
            );
        }
    }

    fn text(&mut self, obj: &Obj, at: At, key: &str) -> Option<String> {
        match member(obj, key)? {
            Json::Null => None,
            Json::String(s) => self.bounded(s, at, key),
            other => {
                self.wrong_type(&at.member(key), other, "文字", "a string");
                None
            }
        }
    }

    fn bounded(&mut self, s: &str, at: At, key: &str) -> Option<String> {
        // No more bytes than the limit means no more characters either.
        if s.len() <= limits::MAX_TEXT_CHARS {
            return Some(s.to_string());
        }
        let n = s.chars().count();
        if n > limits::MAX_TEXT_CHARS {
            let p = at.member(key);
            self.f.add(
                &INPUT_TOO_LARGE,
                p.clone(),
                format!("{p} 有 {n} 个字，超过上限 {}", limits::MAX_TEXT_CHARS),
                format!(
                    "{p} has {n} characters, more than {}",
                    limits::MAX_TEXT_CHARS
                ),
                vec![
                    ("limit", limits::MAX_TEXT_CHARS.to_string()),
                    ("actual", n.to_string()),
                ],
            );
            return None;
        }
        Some(s.to_string())
    }

    /// An amount: a string, or a JSON number kept as its exact text.
    fn amount(&mut self, obj: &Obj, at: At, key: &str) -> Option<String> {
        match member(obj, key)? {
            Json::Null => None,
            Json::String(s) => self
                .bounded(s, at, key)
                .map(|s| s.chars().take(limits::MAX_AMOUNT_CHARS).collect()),
            Json::Number(n) => Some(n.chars().take(limits::MAX_AMOUNT_CHARS).collect()),
            other => {
                self.wrong_type(
                    &at.member(key),
                    other,
                    "金额（文字或数字）",
                    "an amount (string or number)",
                );
                None
            }
        }
    }

    fn year(&mut self, obj: &Obj, key: &str) -> Option<i64> {
        match member(obj, key)? {
            Json::Null => None,
            Json::Number(n) if n.parse::<i64>().is_ok() => n.parse().ok(),
            Json::String(s) => {
                let t = s.trim().trim_end_matches("年度").trim_end_matches('年');
                match t.parse::<i64>() {
                    Ok(y) => Some(y),
                    Err(_) => {
                        self.wrong_type(
                            &pointer("", key),
                            &Json::String(s.clone()),
                            "年度数字（如 2024）",
                            "a year such as 2024",
                        );
                        None
                    }
                }
            }
            other => {
                self.wrong_type(
                    &pointer("", key),
                    other,
                    "年度数字（如 2024）",
                    "a year such as 2024",
                );
                None
            }
        }
    }

    fn yes_no(&mut self, obj: &Obj, key: &str) -> Option<bool> {
        match member(obj, key)? {
            Json::Null => None,
            Json::Bool(b) => Some(*b),
            Json::String(s) if s.trim() == "是" => Some(true),
            Json::String(s) if s.trim() == "否" => Some(false),
            other => {
                self.wrong_type(&pointer("", key), other, "是/否", "a boolean (or 是/否)");
                None
            }
        }
    }

    fn object<'v, 'a>(&mut self, obj: &'v Obj<'a>, key: &str) -> Option<&'v Obj<'a>> {
        match member(obj, key)? {
            Json::Null => None,
            Json::Object(o) => Some(o),
            other => {
                self.wrong_type(&pointer("", key), other, "对象", "an object");
                None
            }
        }
    }

    fn array<'v, 'a>(
        &mut self,
        obj: &'v Obj<'a>,
        path: &str,
        key: &str,
        limit: usize,
    ) -> Option<&'v [Json<'a>]> {
        match member(obj, key)? {
            Json::Null => None,
            Json::Array(a) if a.len() > limit => {
                let p = pointer(path, key);
                self.f.add(
                    &INPUT_TOO_LARGE,
                    p.clone(),
                    format!("{p} 有 {} 行，超过上限 {limit} 行", a.len()),
                    format!("{p} has {} rows, more than {limit}", a.len()),
                    vec![
                        ("limit", limit.to_string()),
                        ("actual", a.len().to_string()),
                    ],
                );
                None
            }
            Json::Array(a) => Some(a),
            other => {
                self.wrong_type(&pointer(path, key), other, "数组", "an array");
                None
            }
        }
    }

    fn funds(&mut self, o: &Obj) -> Funds {
        let p = At::Field("/funds");
        self.unknown_keys(o, p, FUNDS_KEYS);
        Funds {
            total: self.amount(o, p, "total"),
            total_fiscal: self.amount(o, p, "totalFiscal"),
            total_other: self.amount(o, p, "totalOther"),
            annual: self.amount(o, p, "annual"),
            annual_fiscal: self.amount(o, p, "annualFiscal"),
            carry_over: self.amount(o, p, "carryOver"),
            annual_other: self.amount(o, p, "annualOther"),
            general_budget: self.amount(o, p, "generalBudget"),
            government_fund: self.amount(o, p, "governmentFund"),
            state_capital_budget: self.amount(o, p, "stateCapitalBudget"),
            self_raised: self.amount(o, p, "selfRaised"),
            business_income: self.amount(o, p, "businessIncome"),
            operating_income: self.amount(o, p, "operatingIncome"),
            own_level: self.amount(o, p, "ownLevel"),
            upper_level: self.amount(o, p, "upperLevel"),
            special_bonds: self.amount(o, p, "specialBonds"),
        }
    }

    fn budget(&mut self, o: &Obj) -> Budget {
        let p = At::Field("/budget");
        self.unknown_keys(o, p, BUDGET_KEYS);
        let mut composition = Vec::new();
        for (i, row) in self
            .array(o, "/budget", "composition", limits::MAX_ROWS)
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            let rp = At::Row("/budget/composition", i);
            match row {
                Json::Object(r) => {
                    self.unknown_keys(r, rp, COMPOSITION_KEYS);
                    composition.push(CompositionRow {
                        name: self.text(r, rp, "name"),
                        amount: self.amount(r, rp, "amount"),
                    });
                }
                other => self.wrong_type(
                    &rp.pointer(),
                    other,
                    "对象 {name, amount}",
                    "an object {name, amount}",
                ),
            }
        }
        Budget {
            total: self.amount(o, p, "total"),
            current: self.amount(o, p, "current"),
            prior_year: self.amount(o, p, "priorYear"),
            prior_year_executed: self.amount(o, p, "priorYearExecuted"),
            composition,
        }
    }

    fn indicator(&mut self, v: &Json, i: usize) -> Indicator {
        let p = At::Row("/indicators", i);
        match v {
            Json::Object(r) => {
                self.unknown_keys(r, p, INDICATOR_KEYS);
                Indicator {
                    level1: self.text(r, p, "level1"),
                    level2: self.text(r, p, "level2"),
                    name: self.text(r, p, "name"),
                    target: self.text(r, p, "target"),
                    note: self.text(r, p, "note"),
                    operator: self.text(r, p, "operator"),
                    value: self.amount(r, p, "value"),
                    unit: self.text(r, p, "unit"),
                    kind: self.text(r, p, "kind"),
                    direction: self.text(r, p, "direction"),
                    weight: self.amount(r, p, "weight"),
                    content: self.text(r, p, "content"),
                    standard: self.text(r, p, "standard"),
                    basis: self.text(r, p, "basis"),
                    period: self.text(r, p, "period"),
                }
            }
            other => {
                self.wrong_type(
                    &p.pointer(),
                    other,
                    "对象 {level1, level2, name, target}",
                    "an object {level1, level2, name, target}",
                );
                Indicator::default()
            }
        }
    }
}

/// The keys the model knows, per object; the JSON Schema lists the same.
pub const FORM_KEYS: &[&str] = &[
    "template",
    "year",
    "projectName",
    "department",
    "implementingUnit",
    "declaringUnit",
    "projectSource",
    "projectTerm",
    "projectAttribute",
    "allocatedTo",
    "projectNature",
    "projectCategory",
    "projectType",
    "fundUse",
    "performanceType",
    "includesGovernmentPurchase",
    "startDate",
    "endDate",
    "funds",
    "budget",
    "overallGoal",
    "annualGoal",
    "overview",
    "basis",
    "necessity",
    "safeguards",
    "plan",
    "indicators",
    "amountUnit",
];
pub const FUNDS_KEYS: &[&str] = &[
    "total",
    "totalFiscal",
    "totalOther",
    "annual",
    "annualFiscal",
    "carryOver",
    "annualOther",
    "generalBudget",
    "governmentFund",
    "stateCapitalBudget",
    "selfRaised",
    "businessIncome",
    "operatingIncome",
    "ownLevel",
    "upperLevel",
    "specialBonds",
];
pub const BUDGET_KEYS: &[&str] = &[
    "total",
    "current",
    "priorYear",
    "priorYearExecuted",
    "composition",
];
pub const COMPOSITION_KEYS: &[&str] = &["name", "amount"];
pub const INDICATOR_KEYS: &[&str] = &[
    "level1",
    "level2",
    "name",
    "target",
    "note",
    "operator",
    "value",
    "unit",
    "kind",
    "direction",
    "weight",
    "content",
    "standard",
    "basis",
    "period",
];

/// Reads one indicator row on its own, as row `index` of a table.
pub fn indicator(value: &Json, index: usize, f: &mut Findings) -> Indicator {
    Reader { f }.indicator(value, index)
}

/// Reads a parsed JSON value as a form. `None` when the value is not an object.
pub fn read(value: &Json, f: &mut Findings) -> Option<Form> {
    let mut r = Reader { f };
    let Json::Object(o) = value else {
        r.wrong_type("", value, "对象（申报表）", "an object (the form)");
        return None;
    };
    r.unknown_keys(o, FORM, FORM_KEYS);
    let funds = r.object(o, "funds").map(|fo| r.funds(fo));
    let budget = r.object(o, "budget").map(|bo| r.budget(bo));
    let indicators = r.array(o, "", "indicators", limits::MAX_ROWS).map(|rows| {
        rows.iter()
            .enumerate()
            .map(|(i, v)| r.indicator(v, i))
            .collect()
    });
    Some(Form {
        template: r.text(o, FORM, "template"),
        year: r.year(o, "year"),
        project_name: r.text(o, FORM, "projectName"),
        department: r.text(o, FORM, "department"),
        implementing_unit: r.text(o, FORM, "implementingUnit"),
        declaring_unit: r.text(o, FORM, "declaringUnit"),
        project_source: r.text(o, FORM, "projectSource"),
        project_term: r.text(o, FORM, "projectTerm"),
        project_attribute: r.text(o, FORM, "projectAttribute"),
        allocated_to: r.text(o, FORM, "allocatedTo"),
        project_nature: r.text(o, FORM, "projectNature"),
        project_category: r.text(o, FORM, "projectCategory"),
        project_type: r.text(o, FORM, "projectType"),
        fund_use: r.text(o, FORM, "fundUse"),
        performance_type: r.text(o, FORM, "performanceType"),
        includes_government_purchase: r.yes_no(o, "includesGovernmentPurchase"),
        start_date: r.text(o, FORM, "startDate"),
        end_date: r.text(o, FORM, "endDate"),
        funds,
        budget,
        overall_goal: r.text(o, FORM, "overallGoal"),
        annual_goal: r.text(o, FORM, "annualGoal"),
        overview: r.text(o, FORM, "overview"),
        basis: r.text(o, FORM, "basis"),
        necessity: r.text(o, FORM, "necessity"),
        safeguards: r.text(o, FORM, "safeguards"),
        plan: r.text(o, FORM, "plan"),
        indicators,
        amount_unit: r.text(o, FORM, "amountUnit"),
    })
}
