//! The target grammar. Tried in order on the folded, trimmed text:
//!
//! 1. placeholder `-`;
//! 2. relative: a reference quantity (预算数, 上年, 同期 …) with a comparison;
//! 3. deadline: a date (`2024年11月底`, `2023-12-30`, `11月底`) then 前/之前/内;
//! 4. a value: `[words] [op] number [万|亿] [余] [unit] [以上|以内] [words]`,
//!    or a range `number [unit] (-|~|至) number unit`, or a rank `前三名`;
//! 5. otherwise qualitative text (合理, 无事故发生, descriptive sentences).
//!
//! While typing, anything that can still grow into a valid target is
//! `Incomplete`; `Invalid` is kept for text no continuation can mend.

use super::diagnostics::{TARGET_CONTROL_CHAR, TARGET_EXCEL_DATE, TARGET_UNIT_MISSING};
use super::lexicon::{
    at, contains_any, longest, COMPARISONS, GRADES, HIGHER_WORDS, LOWER_WORDS, PREFIX_OPS,
    REFERENCES, SYMBOL_OPS, VAGUE_WORDS,
};
use super::{
    Diagnostic, Direction, Facts, Grade, Kind, Op, Qualifier, Status, UnitClass, MAX_TARGET_LEN,
};
use crate::limits::INPUT_TOO_LARGE;
use crate::rule::Rule;
use crate::text::date::Date;
use crate::text::fold::{fold, Ch};
use rust_decimal::Decimal;

/// Notes longer than this mean the number sits in a sentence, not a target.
pub(super) const MAX_NOTE_CHARS: usize = 30;

/// The grammar's findings, before formatting.
#[derive(Debug)]
pub struct Parsed {
    pub status: Status,
    pub kind: Option<Kind>,
    pub op: Option<Op>,
    pub value: Option<Decimal>,
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
    pub unit: Option<String>,
    pub unit_class: Option<UnitClass>,
    pub qualifier: Option<Qualifier>,
    pub date: Option<Date>,
    pub start: Option<Date>,
    pub grade: Option<Grade>,
    pub vague: bool,
    pub note: Option<String>,
    /// The trimmed text as typed, whitespace collapsed: the canonical form of
    /// the text kinds (qualitative, relative); empty for the others.
    pub text: String,
    pub direction: Option<Direction>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    pub(super) fn new(status: Status, kind: Option<Kind>) -> Parsed {
        Parsed {
            status,
            kind,
            op: None,
            value: None,
            low: None,
            high: None,
            unit: None,
            unit_class: None,
            qualifier: None,
            date: None,
            start: None,
            grade: None,
            vague: false,
            note: None,
            text: String::new(),
            direction: None,
            diagnostics: Vec::new(),
        }
    }

    pub(super) fn with(mut self, d: Diagnostic) -> Parsed {
        self.diagnostics.push(d);
        self
    }
}

/// One diagnostic. Out of line, taking fixed texts as `&str`: built at some
/// forty places, the allocations would otherwise be inlined at each.
#[inline(never)]
pub(super) fn diag(
    rule: &Rule,
    span: (u32, u32),
    zh: impl Into<String>,
    en: impl Into<String>,
) -> Diagnostic {
    Diagnostic {
        code: rule.code,
        severity: rule.severity,
        start: span.0,
        end: span.1,
        message: zh.into(),
        message_en: en.into(),
    }
}

/// UTF-16 span of `s[from..to]` (clamped; an empty range at the end marks the end).
pub(super) fn span(s: &[Ch], from: usize, to: usize) -> (u32, u32) {
    let end_all = s.last().map_or(0, |c| c.end);
    let start = s.get(from).map_or(end_all, |c| c.start);
    let end = if to > from {
        s.get(to.saturating_sub(1)).map_or(end_all, |c| c.end)
    } else {
        start
    };
    (start, end.max(start))
}

fn is_space(s: &[Ch], i: usize) -> bool {
    s.get(i).is_some_and(|c| c.c == ' ')
}

pub(super) fn skip_spaces(s: &[Ch], mut i: usize) -> usize {
    while is_space(s, i) {
        i = i.saturating_add(1);
    }
    i
}

pub(super) fn digit(s: &[Ch], i: usize) -> bool {
    s.get(i).is_some_and(|c| c.c.is_ascii_digit())
}

/// Text as typed, trimmed, whitespace runs collapsed to one space.
pub(super) fn original(s: &[Ch]) -> String {
    let mut out = String::with_capacity(s.len().saturating_mul(3));
    let mut space = false;
    for ch in s {
        if ch.c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(ch.orig);
    }
    out
}

pub(super) fn trim(s: &[Ch]) -> &[Ch] {
    let a = s.iter().position(|c| c.c != ' ').unwrap_or(s.len());
    let b = s
        .iter()
        .rposition(|c| c.c != ' ')
        .map_or(a, |p| p.saturating_add(1));
    s.get(a..b).unwrap_or(&[])
}

pub fn parse(text: &str, ctx: &Facts) -> Parsed {
    let units16 = text.encode_utf16().count();
    if units16 > MAX_TARGET_LEN {
        let end = u32::try_from(units16).unwrap_or(u32::MAX);
        return Parsed::new(Status::Invalid, None).with(diag(
            &INPUT_TOO_LARGE,
            (0, end),
            format!("指标值过长（{units16} 个字符），最多 {MAX_TARGET_LEN} 个字符"),
            format!("target is too long ({units16} UTF-16 units, at most {MAX_TARGET_LEN})"),
        ));
    }
    let all = fold(text);
    if let Some(bad) = all.iter().find(|c| c.c.is_control()) {
        return Parsed::new(Status::Invalid, None).with(diag(
            &TARGET_CONTROL_CHAR,
            (bad.start, bad.end),
            "指标值含有不可见的控制字符，请删除后重新输入",
            "target contains an invisible control character",
        ));
    }
    let s = trim(&all);
    if s.is_empty() {
        return Parsed::new(Status::Empty, None);
    }
    if s.len() == 1 && s.first().is_some_and(|c| c.c == '-') {
        return Parsed::new(Status::Valid, Some(Kind::Placeholder));
    }
    if let Some(at) = super::value::placeholder_mark(s) {
        return super::value::value_missing(s, at, Parsed::new(Status::Incomplete, None));
    }
    if let Some(p) = relative(s) {
        return p;
    }
    if s.len() <= MAX_GRADE_CHARS
        && s.first().is_some_and(|c| !c.c.is_ascii())
        && grade(s).is_some()
    {
        return qualitative(s); // 部分达到: a grade, not an operator awaiting its number
    }
    if let Some(p) = super::time::deadline(s, ctx) {
        return p;
    }
    if let Some(p) = super::value::value(s) {
        return excel_date(unit_from_name(p, ctx), ctx);
    }
    // A unit alone (`公里`, `万人`) is a template cell never filled in.
    // Counted without spaces, so the canonical text (spaces collapsed) reads the same.
    let chars = s.iter().filter(|c| c.c != ' ').count();
    if chars <= UNIT_ONLY_CHARS && super::unit::is_unit_only(s) {
        return super::value::value_missing(s, 0, Parsed::new(Status::Incomplete, None));
    }
    qualitative(s)
}

/// Free text: kept as typed, with its grade and direction when it has one.
fn qualitative(s: &[Ch]) -> Parsed {
    let mut p = Parsed::new(Status::Valid, Some(Kind::Qualitative));
    // 定性 is the integrated system's operator, exported before the value.
    let body = if at(s, 0, "定性") {
        trim(s.get(2..).unwrap_or(&[]))
    } else {
        s
    };
    let body = if body.is_empty() { s } else { body };
    p.text = original(body);
    p.direction = word_direction(body);
    // Grades and bare comparatives are short whole cells.
    if body.len() <= MAX_GRADE_CHARS {
        let bytes: usize = body.iter().map(|c| c.c.len_utf8()).sum();
        let is = |w: &&str| w.len() == bytes && w.chars().eq(body.iter().map(|c| c.c));
        p.grade = grade(body);
        p.vague = p.grade.is_none()
            && (HIGHER_WORDS.list.iter().any(is) || LOWER_WORDS.list.iter().any(is));
    }
    // A direction with a vague degree (`进一步提高`, `明显改善`); a degree
    // alone (`效果明显`, `持续保障`) states no direction to measure.
    p.vague |= p.direction.is_some() && contains_any(body, &VAGUE_WORDS);
    p
}

/// The grade a whole cell is (`较好`, `达到预期目标`), if it is one.
fn grade(s: &[Ch]) -> Option<Grade> {
    // Words of another UTF-8 length are passed over without decoding them.
    let bytes: usize = s.iter().map(|c| c.c.len_utf8()).sum();
    let is = |w: &&str| w.len() == bytes && w.chars().eq(s.iter().map(|c| c.c));
    GRADES
        .iter()
        .find(|(words, _)| words.iter().any(is))
        .map(|(_, g)| *g)
}

/// Longest cell that may be a unit alone (`万立方米`, `(元/人·天)`).
const UNIT_ONLY_CHARS: usize = 8;

/// Longest grade or bare comparative, in characters.
const MAX_GRADE_CHARS: usize = 8;

/// A number without unit takes the unit its name states in parentheses
/// (`湿地保有量(公顷)` with `4900`): many regions' templates put it there.
fn unit_from_name(mut p: Parsed, ctx: &Facts) -> Parsed {
    let missing = p.status == Status::Incomplete
        && p.unit.is_none()
        && (p.value.is_some() || p.high.is_some())
        && p.diagnostics
            .iter()
            .all(|d| d.code == TARGET_UNIT_MISSING.code);
    if !missing {
        return p;
    }
    if let Some(u) = ctx.name.and_then(super::unit::from_name) {
        let (text, class) = u;
        p.unit_class = Some(class);
        if class == UnitClass::Time && p.kind == Some(Kind::Quantitative) {
            p.kind = Some(Kind::Duration);
        }
        p.unit = Some(text);
        p.status = Status::Valid;
        p.diagnostics.clear();
    }
    p
}

/// Excel serial days 20000–80000 (1954–2119).
const EXCEL_SERIALS: std::ops::RangeInclusive<u32> = 20_000..=80_000;

/// A bare number in a time row that reads as an Excel serial date (`44,561`,
/// i.e. 2021-12-31): the cell's date format was lost on export.
fn excel_date(mut p: Parsed, ctx: &Facts) -> Parsed {
    // Whole numbers only, read off the mantissa (no decimal conversions in wasm).
    let serial = p
        .value
        .filter(|v| v.scale() == 0 && p.unit.is_none() && p.op == Some(Op::Eq))
        .and_then(|v| u32::try_from(v.mantissa()).ok())
        .filter(|v| EXCEL_SERIALS.contains(v));
    let Some((days, d)) = serial.and_then(|n| Some((n, Date::from_excel(n)?))) else {
        return p;
    };
    let timely = [ctx.level2, ctx.name].into_iter().flatten().any(|t| {
        ["时效", "时间", "时限", "日期"]
            .into_iter()
            .any(|w| t.contains(w))
    });
    if timely {
        p.diagnostics.insert(
            0,
            diag(
                &TARGET_EXCEL_DATE,
                (0, 0),
                format!("“{days}”像是 Excel 日期序号，可能是 {d}，请写成日期，如“{d}前完成”"),
                format!("{days} looks like an Excel serial date, probably {d}; write the date"),
            ),
        );
    }
    p
}

pub(super) fn op_direction(op: Op) -> Direction {
    match op {
        Op::Ge | Op::Gt => Direction::Higher,
        Op::Le | Op::Lt => Direction::Lower,
        Op::Eq => Direction::Equal,
    }
}

fn word_direction(s: &[Ch]) -> Option<Direction> {
    if contains_any(s, &LOWER_WORDS) {
        Some(Direction::Lower)
    } else if contains_any(s, &HIGHER_WORDS) {
        Some(Direction::Higher)
    } else {
        None
    }
}

/// An operator at `i`, symbol or word, with its length.
pub(super) fn op_at(s: &[Ch], i: usize) -> Option<(usize, Op)> {
    longest(s, i, &SYMBOL_OPS).or_else(|| longest(s, i, &PREFIX_OPS))
}

// ---------------------------------------------------------------- relative

fn relative(s: &[Ch]) -> Option<Parsed> {
    if !contains_any(s, &REFERENCES) {
        return None;
    }
    let op = op_at(s, 0).map(|(_, op)| op);
    let compares = op.is_some() || contains_any(s, &COMPARISONS) || word_direction(s).is_some();
    if !compares {
        return None;
    }
    let mut p = Parsed::new(Status::Valid, Some(Kind::Relative));
    p.text = original(s);
    p.op = op;
    p.direction = op.map(op_direction).or_else(|| word_direction(s));
    Some(p)
}

pub(super) fn join_note(prefix: &[Ch], rest: &[Ch]) -> Option<String> {
    match (prefix.is_empty(), rest.is_empty()) {
        (true, true) => None,
        (false, true) => Some(original(prefix)),
        (true, false) => Some(original(rest)),
        (false, false) => Some(format!("{}…{}", original(prefix), original(rest))),
    }
}
