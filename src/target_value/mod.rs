//! The target-value engine (指标值, SPEC §4): turns what a clerk types into a
//! structured value, one canonical string and the integrated budget system's
//! split form, and says while typing whether the text is empty, incomplete,
//! valid or invalid.
//!
//! * `lexicon` — operator words, units, reference and direction words
//! * `parse`   — the grammar
//! * `format`  — canonical string, `system` split, hints
//! * `diagnostics` — the engine's rules
//!
//! It reads text through `crate::text` (folding, numerals, dates).

pub mod diagnostics;
mod format;
pub(crate) mod lexicon;
mod parse;
mod time;
pub mod unit;
mod value;

use crate::rule::Severity;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};

/// Longest target text accepted, in UTF-16 code units. Real targets are under
/// 200; the bound keeps every call cheap whatever is pasted.
pub const MAX_TARGET_LEN: usize = 2000;

/// What the caller knows about the indicator the target belongs to.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Context {
    /// Budget year: completes deadlines written without one (`11月底前完成`).
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub level1: Option<String>,
    #[serde(default)]
    pub level2: Option<String>,
    /// Indicator name (三级指标): tailors the hint (a 率 wants %).
    #[serde(default)]
    pub name: Option<String>,
}

/// What the grammar reads of a [`Context`], borrowed: the form rules hand
/// over each row's fields without copying them.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Facts<'a> {
    pub year: Option<i32>,
    pub level2: Option<&'a str>,
    pub name: Option<&'a str>,
}

impl Context {
    fn facts(&self) -> Facts<'_> {
        Facts {
            year: self.year,
            level2: self.level2.as_deref(),
            name: self.name.as_deref(),
        }
    }
}

/// Where the person typing stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Status {
    Empty,
    /// A beginning of something valid (`≥`, `≥9`, `11月底前完成` without a year).
    Incomplete,
    Valid,
    Invalid,
}

/// What sort of target the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Kind {
    Quantitative,
    Range,
    Duration,
    Deadline,
    Relative,
    Rank,
    Qualitative,
    Placeholder,
}

/// Comparison operator, serialised in the canonical spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Op {
    #[serde(rename = "≥")]
    Ge,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "≤")]
    Le,
}

/// The dimension of a unit (SPEC §10). The unit itself is always the
/// clerk's, whole; the class is what the rules reason with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum UnitClass {
    /// `%`, `百分比`.
    Percent,
    /// `个百分点`: a difference of percentages, not a percentage.
    PercentagePoint,
    /// `‰`.
    PerMille,
    /// People, times, items … (`人`, `万人次`, `项`, a bare `万`).
    Count,
    /// `元`, `万元`, `亿元`.
    Money,
    /// A span of time: `小时`, `工作日`, `h`, `min`, `年`.
    Time,
    Length,
    Area,
    Volume,
    Mass,
    /// A count per period: `次/年`, `每月1次`.
    Frequency,
    /// Money per something: `元/亩`, `万元/人`.
    PerUnit,
    /// Any other unit (`Mbps`, `℃`, `分`, `人/次`), kept as written.
    Other,
}

/// A value that is not a plain bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Qualifier {
    /// `约100人`, `100人左右`: no bound is implied; `op` is `=`.
    Approximate,
    /// `±3%`, `上下浮动5%`: the deviation is at most the value (`op` is `≤`).
    Tolerance,
}

/// What a qualitative target says, when it is one of the usual grades.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Grade {
    /// `达到预期目标`, `部分达到`, `基本达到`.
    Achievement,
    /// `好/较好/一般/较差/差`, `优/良/中/差`, `优良`, `合格`.
    Rating,
    /// `是/否`, `有/无`.
    YesNo,
}

/// Which way is better, when the text says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Direction {
    Higher,
    Lower,
    Equal,
}

/// The integrated budget system's three fields (运算符, 指标值, 计量单位).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null, hashmap_as_object))]
pub struct SystemTarget {
    /// `≥ ＞ ＝ ＜ ≤` or `定性`.
    pub operator: &'static str,
    pub value: String,
    pub unit: Option<String>,
}

/// One finding about the text, with the span to underline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null, hashmap_as_object))]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    /// Start, in UTF-16 code units of the input.
    pub start: u32,
    /// End (exclusive), in UTF-16 code units of the input.
    pub end: u32,
    pub message: String,
    pub message_en: String,
}

/// A normalised target value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null, hashmap_as_object))]
pub struct Target {
    pub input: String,
    pub status: Status,
    pub kind: Option<Kind>,
    pub canonical: Option<String>,
    pub op: Option<Op>,
    #[serde(serialize_with = "decimal_str")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub value: Option<Decimal>,
    #[serde(serialize_with = "decimal_str")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub low: Option<Decimal>,
    #[serde(serialize_with = "decimal_str")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub high: Option<Decimal>,
    /// The unit as written (after folding), magnitude prefix included.
    pub unit: Option<String>,
    pub unit_class: Option<UnitClass>,
    pub qualifier: Option<Qualifier>,
    /// Deadline as ISO `YYYY-MM-DD` (for a period, its end).
    pub date: Option<String>,
    /// Start of a period written as one (`2021年1月-12月`), ISO.
    pub start: Option<String>,
    pub grade: Option<Grade>,
    /// Comparative wording without a measurable level (`进一步提高`,
    /// `明显改善`): valid, but a reviewer asks for a level.
    pub vague: bool,
    /// Words kept beside the value (`到场`, `完成对全市…注册医师的考核`).
    pub note: Option<String>,
    pub direction: Option<Direction>,
    pub system: Option<SystemTarget>,
    /// Short Chinese help for the person typing.
    pub hint: String,
    pub diagnostics: Vec<Diagnostic>,
}

fn decimal_str<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(d) => s.serialize_str(&d.normalize().to_string()),
        None => s.serialize_none(),
    }
}

impl Target {
    /// Whether the value is a percentage (`%`, `百分比`; not 个百分点).
    pub fn is_percent(&self) -> bool {
        self.unit_class == Some(UnitClass::Percent)
    }
}

/// Normalises one target text. Never panics; linear in the input length.
pub fn normalise(text: &str, ctx: &Context) -> Target {
    let facts = ctx.facts();
    format::build(text, parse::parse(text, &facts), &facts, true)
}

/// [`normalise`] without the typing aids: `hint` is empty and `system` is
/// `None` (its warnings are still among the diagnostics). What the form
/// rules read for every row, at two thirds of the allocations.
pub(crate) fn analyse(text: &str, facts: &Facts) -> Target {
    format::build(text, parse::parse(text, facts), facts, false)
}
