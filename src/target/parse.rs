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

use super::fold::{fold, Ch};
use super::lexicon::{
    at, begins_word, contains_any, longest, measure_word, word_at, BY_MARKERS, COMPARISONS,
    DURATION_UNITS, HIGHER_WORDS, LOWER_WORDS, PREFIX_OPS, REFERENCES, SUFFIX_OPS, SYMBOL_OPS,
    UNITS,
};
use super::number::{self, Scan};
use super::{Context, Diagnostic, Direction, Kind, Op, Status, MAX_TARGET_LEN};
use crate::form::date::{days_in_month, Date, YEARS};
use crate::report::Severity;
use rust_decimal::Decimal;

/// Notes longer than this mean the number sits in a sentence, not a target.
const MAX_NOTE_CHARS: usize = 30;

/// The grammar's findings, before formatting.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub status: Status,
    pub kind: Option<Kind>,
    pub op: Option<Op>,
    pub value: Option<Decimal>,
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
    pub unit: Option<String>,
    pub date: Option<Date>,
    pub note: Option<String>,
    /// The trimmed text as typed, whitespace collapsed: the canonical form of
    /// the text kinds (qualitative, relative); empty for the others.
    pub text: String,
    pub direction: Option<Direction>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    fn new(status: Status, kind: Option<Kind>) -> Parsed {
        Parsed {
            status,
            kind,
            op: None,
            value: None,
            low: None,
            high: None,
            unit: None,
            date: None,
            note: None,
            text: String::new(),
            direction: None,
            diagnostics: Vec::new(),
        }
    }

    fn with(mut self, d: Diagnostic) -> Parsed {
        self.diagnostics.push(d);
        self
    }
}

fn diag(
    code: &'static str,
    severity: Severity,
    span: (u32, u32),
    zh: String,
    en: String,
) -> Diagnostic {
    Diagnostic {
        code,
        severity,
        start: span.0,
        end: span.1,
        message: zh,
        message_en: en,
    }
}

/// UTF-16 span of `s[from..to]` (clamped; an empty range at the end marks the end).
fn span(s: &[Ch], from: usize, to: usize) -> (u32, u32) {
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

fn skip_spaces(s: &[Ch], mut i: usize) -> usize {
    while is_space(s, i) {
        i = i.saturating_add(1);
    }
    i
}

fn digit(s: &[Ch], i: usize) -> bool {
    s.get(i).is_some_and(|c| c.c.is_ascii_digit())
}

/// Text as typed, trimmed, whitespace runs collapsed to one space.
fn original(s: &[Ch]) -> String {
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

fn trim(s: &[Ch]) -> &[Ch] {
    let a = s.iter().position(|c| c.c != ' ').unwrap_or(s.len());
    let b = s
        .iter()
        .rposition(|c| c.c != ' ')
        .map_or(a, |p| p.saturating_add(1));
    s.get(a..b).unwrap_or(&[])
}

pub fn parse(text: &str, ctx: &Context) -> Parsed {
    let units16 = text.encode_utf16().count();
    if units16 > MAX_TARGET_LEN {
        let end = u32::try_from(units16).unwrap_or(u32::MAX);
        return Parsed::new(Status::Invalid, None).with(diag(
            "INPUT_TOO_LARGE",
            Severity::Error,
            (0, end),
            format!("指标值过长（{units16} 个字符），最多 {MAX_TARGET_LEN} 个字符"),
            format!("target is too long ({units16} UTF-16 units, at most {MAX_TARGET_LEN})"),
        ));
    }
    let all = fold(text);
    if let Some(bad) = all.iter().find(|c| c.c.is_control()) {
        return Parsed::new(Status::Invalid, None).with(diag(
            "TARGET_CONTROL_CHAR",
            Severity::Error,
            (bad.start, bad.end),
            "指标值含有不可见的控制字符，请删除后重新输入".into(),
            "target contains an invisible control character".into(),
        ));
    }
    let s = trim(&all);
    if s.is_empty() {
        return Parsed::new(Status::Empty, None);
    }
    if s.len() == 1 && s.first().is_some_and(|c| c.c == '-') {
        return Parsed::new(Status::Valid, Some(Kind::Placeholder));
    }
    if let Some(p) = relative(s) {
        return p;
    }
    if let Some(p) = deadline(s, ctx) {
        return p;
    }
    if let Some(p) = value(s) {
        return p;
    }
    let mut p = Parsed::new(Status::Valid, Some(Kind::Qualitative));
    p.text = original(s);
    p.direction = word_direction(s);
    p
}

fn op_direction(op: Op) -> Direction {
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
fn op_at(s: &[Ch], i: usize) -> Option<(usize, Op)> {
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

// ---------------------------------------------------------------- deadline

enum DateScan {
    /// A date; `end` is the index after it.
    Found {
        date: Option<Date>,
        end: usize,
    },
    Incomplete,
    Invalid {
        from: usize,
        to: usize,
        zh: String,
        en: String,
    },
}

/// Digits at `i`: value and count (at most 4 are read).
fn digits(s: &[Ch], i: usize) -> (u32, usize) {
    let mut v = 0u32;
    let mut n = 0usize;
    while n < 5 {
        match s.get(i.saturating_add(n)).and_then(|c| c.c.to_digit(10)) {
            Some(d) => {
                v = v.saturating_mul(10).saturating_add(d);
                n = n.saturating_add(1);
            }
            None => break,
        }
    }
    (v, n)
}

/// Whether a year-like number `19xx`/`20xx` followed by 年 starts at `i`.
fn year_word_at(s: &[Ch], i: usize) -> bool {
    let (v, n) = digits(s, i);
    n == 4 && YEARS.contains(&(v as i32)) && s.get(i.saturating_add(4)).is_some_and(|c| c.c == '年')
}

fn deadline(s: &[Ch], ctx: &Context) -> Option<Parsed> {
    let first_digit = s.iter().position(|c| c.c.is_ascii_digit());
    let year_end = (0..s.len()).find(|&i| {
        (at(s, i, "年底") || at(s, i, "年末") || at(s, i, "年内")) && !digit(s, i.wrapping_sub(1))
    });
    let (start, scan) = match (first_digit, year_end) {
        (_, Some(i)) if first_digit.is_none_or(|d| d > i) => {
            let date = ctx.year.and_then(|y| Date::new(y, 12, 31));
            let end = if at(s, i, "年内") {
                i.saturating_add(1)
            } else {
                i.saturating_add(2)
            };
            (i, DateScan::Found { date, end })
        }
        (Some(i), _) => (i, date_at(s, i, ctx)?),
        _ => return None,
    };
    let mut p = Parsed::new(Status::Valid, Some(Kind::Deadline));
    match scan {
        DateScan::Incomplete => {
            p.status = Status::Incomplete;
            return Some(p.with(diag(
                "TARGET_DATE_INCOMPLETE",
                Severity::Info,
                span(s, start, s.len()),
                "请写完日期，如 2024年11月30日前完成".into(),
                "finish the date, e.g. 2024年11月30日前完成".into(),
            )));
        }
        DateScan::Invalid { from, to, zh, en } => {
            p.status = Status::Invalid;
            return Some(p.with(diag(
                "TARGET_DATE_INVALID",
                Severity::Error,
                span(s, from, to),
                zh,
                en,
            )));
        }
        DateScan::Found { date, end } => {
            let mut k = skip_spaces(s, end);
            if let Some(m) = word_at(s, k, &BY_MARKERS) {
                k = k.saturating_add(m.chars().count());
            }
            let prefix = trim(s.get(..start).unwrap_or(&[]));
            let rest = trim(s.get(k..).unwrap_or(&[]));
            p.note = join_note(prefix, rest);
            p.date = date;
            p.op = Some(Op::Le);
            p.direction = Some(Direction::Lower);
            if date.is_none() {
                p.status = Status::Incomplete;
                p.diagnostics.push(diag(
                    "TARGET_YEAR_MISSING",
                    Severity::Info,
                    span(s, start, end),
                    "请写明年份，如 2024年11月底前完成".into(),
                    "the deadline needs a year (or a context year)".into(),
                ));
            }
        }
    }
    Some(p)
}

/// A date starting at the digit `s[i]`, or `None` when the digits are not a date.
fn date_at(s: &[Ch], i: usize, ctx: &Context) -> Option<DateScan> {
    let (v, n) = digits(s, i);
    let next = s.get(i.saturating_add(n)).map(|c| c.c);
    if n == 4 && YEARS.contains(&(v as i32)) {
        let year = v as i32;
        let k = i.saturating_add(5);
        return match next {
            Some('年') => {
                if k >= s.len() {
                    Some(DateScan::Incomplete)
                } else if at(s, k, "底") || at(s, k, "末") {
                    Some(DateScan::Found {
                        date: Date::new(year, 12, 31),
                        end: k.saturating_add(1),
                    })
                } else if at(s, k, "内") {
                    Some(DateScan::Found {
                        date: Date::new(year, 12, 31),
                        end: k,
                    })
                } else if digit(s, k) {
                    Some(month_day(s, k, Some(year)))
                } else {
                    None
                }
            }
            // `2024.5` may be a decimal: a dotted date must look like one throughout.
            Some('.') if (0..i).any(|j| op_at(s, j).is_some()) => None,
            Some(sep @ ('-' | '/' | '.')) => {
                if k >= s.len() {
                    Some(DateScan::Incomplete)
                } else if digit(s, k) {
                    numeric_date(s, k, year, sep)
                } else {
                    None
                }
            }
            _ => None,
        };
    }
    let after_measure = s.get(i.wrapping_sub(1)).is_some_and(|c| c.c == '个');
    let after_op = (0..i).any(|j| op_at(s, j).is_some());
    if (1..=2).contains(&n) && next == Some('月') && !after_measure && !after_op {
        return Some(month_day(s, i, ctx.year));
    }
    None
}

/// `M月[底|末|上旬|中旬|下旬|D日]` at `i` (a digit).
fn month_day(s: &[Ch], i: usize, year: Option<i32>) -> DateScan {
    let (m, n) = digits(s, i);
    let k = i.saturating_add(n);
    if k >= s.len() {
        return if n <= 2 && m <= 12 {
            DateScan::Incomplete
        } else {
            bad_month(i, k, m)
        };
    }
    if n > 2 || !(1..=12).contains(&m) {
        return bad_month(i, k, m);
    }
    if !at(s, k, "月") {
        return DateScan::Invalid {
            from: k,
            to: k.saturating_add(1),
            zh: "月份后应写“月”，如 11月底".into(),
            en: "expected 月 after the month".into(),
        };
    }
    let k = k.saturating_add(1);
    let last = year.map(|y| days_in_month(y, m)).unwrap_or(31);
    let make = |d: u32| year.and_then(|y| Date::new(y, m, d));
    if at(s, k, "底") || at(s, k, "末") {
        return DateScan::Found {
            date: make(last),
            end: k.saturating_add(1),
        };
    }
    for (w, d) in [("上旬", 10), ("中旬", 20), ("下旬", last)] {
        if at(s, k, w) {
            return DateScan::Found {
                date: make(d),
                end: k.saturating_add(2),
            };
        }
    }
    if digit(s, k) {
        let (d, dn) = digits(s, k);
        let e = k.saturating_add(dn);
        if e >= s.len() {
            return if dn <= 2 && d <= last {
                DateScan::Incomplete
            } else {
                bad_day(k, e, d)
            };
        }
        if dn > 2 || d == 0 || d > last || !(at(s, e, "日") || at(s, e, "号")) {
            return bad_day(k, e, d);
        }
        return DateScan::Found {
            date: make(d),
            end: e.saturating_add(1),
        };
    }
    DateScan::Found {
        date: make(last),
        end: k,
    }
}

fn numeric_date(s: &[Ch], i: usize, year: i32, sep: char) -> Option<DateScan> {
    let dotted = sep == '.';
    let (m, n) = digits(s, i);
    let k = i.saturating_add(n);
    if n > 2 || m > 12 || (m == 0 && k < s.len()) {
        return (!dotted).then(|| bad_month(i, k, m));
    }
    if k >= s.len() || (s.get(k).is_some_and(|c| c.c == sep) && k.saturating_add(1) >= s.len()) {
        return Some(DateScan::Incomplete);
    }
    if s.get(k).is_none_or(|c| c.c != sep) || !digit(s, k.saturating_add(1)) {
        let by = word_at(s, skip_spaces(s, k), &BY_MARKERS).is_some()
            || at(s, k, "底")
            || at(s, k, "末");
        if dotted && !by {
            return None;
        }
        let end = if at(s, k, "底") || at(s, k, "末") {
            k.saturating_add(1)
        } else {
            k
        };
        return Some(DateScan::Found {
            date: Date::month_end(year, m),
            end,
        });
    }
    let (d, dn) = digits(s, k.saturating_add(1));
    let e = k.saturating_add(1).saturating_add(dn);
    let last = days_in_month(year, m);
    if e >= s.len() && dn < 2 && d <= last {
        return Some(DateScan::Incomplete);
    }
    if dn > 2 || d == 0 || d > last {
        return Some(bad_day(k.saturating_add(1), e, d));
    }
    Some(DateScan::Found {
        date: Date::new(year, m, d),
        end: e,
    })
}

fn bad_month(from: usize, to: usize, m: u32) -> DateScan {
    DateScan::Invalid {
        from,
        to,
        zh: format!("月份 {m} 不存在，应为 1–12"),
        en: format!("month {m} does not exist"),
    }
}

fn bad_day(from: usize, to: usize, d: u32) -> DateScan {
    DateScan::Invalid {
        from,
        to: to.max(from.saturating_add(1)),
        zh: format!("日期 {d} 日不存在，请检查"),
        en: format!("day {d} does not exist in that month"),
    }
}

fn join_note(prefix: &[Ch], rest: &[Ch]) -> Option<String> {
    match (prefix.is_empty(), rest.is_empty()) {
        (true, true) => None,
        (false, true) => Some(original(prefix)),
        (true, false) => Some(original(rest)),
        (false, false) => Some(format!("{}…{}", original(prefix), original(rest))),
    }
}

// ---------------------------------------------------------------- values

/// How the value part begins.
enum Anchor {
    Word(usize, Op),
    Number,
}

/// Whether a number (ASCII, Chinese or 百分之) starts at `i`.
fn number_start(s: &[Ch], i: usize) -> bool {
    digit(s, i)
        || at(s, i, "百分之")
        || (s.get(i).is_some_and(|c| c.c == '-') && digit(s, i.saturating_add(1)))
        || number::chinese(s, i).is_some()
}

/// Whether a Chinese numeral at `i` reads as a value here: right after an
/// operator word, 前 (ranks) or 完成/达到/共, or followed by a listed unit.
fn chinese_value_at(s: &[Ch], i: usize) -> bool {
    let Some((_, n)) = number::chinese(s, i) else {
        return false;
    };
    let prev = i.checked_sub(1).and_then(|p| s.get(p)).map(|c| c.c);
    if prev.is_some_and(|c| number::chinese_digit(c).is_some() || c == '十') {
        return false;
    }
    let mut k = i.saturating_add(n);
    if s.get(k).is_some_and(|c| c.c == '万' || c.c == '亿') {
        k = k.saturating_add(1);
    }
    if s.get(k).is_some_and(|c| c.c == '余' || c.c == '多') {
        k = k.saturating_add(1);
    }
    let unit_follows = word_at(s, k, &UNITS).is_some();
    let lead = i == 0
        || prev == Some('前')
        || ["完成", "达到", "共", "计"]
            .iter()
            .any(|w| i >= w.chars().count() && at(s, i.saturating_sub(w.chars().count()), w));
    lead && (unit_follows || prev == Some('前')) || (i == 0 && unit_follows)
}

fn find_anchor(s: &[Ch]) -> Option<(usize, Anchor)> {
    let mut i = 0;
    while i < s.len() {
        if longest(s, i, &SYMBOL_OPS).is_some() {
            return Some((i, Anchor::Number));
        }
        if let Some((n, op)) = longest(s, i, &PREFIX_OPS) {
            let k = skip_spaces(s, i.saturating_add(n));
            if k >= s.len() || number_start(s, k) || longest(s, k, &SYMBOL_OPS).is_some() {
                return Some((i, Anchor::Word(n, op)));
            }
            i = i.saturating_add(n);
            continue;
        }
        if year_word_at(s, i) {
            i = i.saturating_add(5);
            continue;
        }
        if digit(s, i)
            || at(s, i, "百分之")
            || (i == 0 && s.first().is_some_and(|c| c.c == '-') && digit(s, 1))
        {
            return Some((i, Anchor::Number));
        }
        if chinese_value_at(s, i) {
            return Some((i, Anchor::Number));
        }
        i = i.saturating_add(1);
    }
    None
}

/// A number with its magnitude, 余 and unit, as read at one position.
struct Quantity {
    value: Decimal,
    unit: Option<String>,
    at_least: bool,
    /// The unit is still being typed (`小` of 小时, an open parenthesis).
    unit_pending: bool,
    /// The number ends the text (it may still grow).
    at_end: bool,
    end: usize,
}

enum QScan {
    Found(Quantity),
    Incomplete,
    Invalid(Diagnostic),
}

fn quantity(s: &[Ch], i: usize) -> QScan {
    let mut k = i;
    let negative = s.get(k).is_some_and(|c| c.c == '-');
    if negative {
        k = k.saturating_add(1);
    }
    let mut forced_unit = None;
    if at(s, k, "百分之") {
        k = k.saturating_add(3);
        forced_unit = Some("%".to_string());
        if k >= s.len() {
            return QScan::Incomplete;
        }
    }
    let mut value = if digit(s, k) {
        match number::arabic(s, k) {
            Scan::Number { value, len } => {
                k = k.saturating_add(len);
                value
            }
            Scan::Incomplete => return QScan::Incomplete,
            Scan::TooLong { len } => {
                return QScan::Invalid(too_large(span(s, k, k.saturating_add(len))))
            }
            Scan::Malformed { len } => {
                return QScan::Invalid(diag(
                    "TARGET_NUMBER_MALFORMED",
                    Severity::Error,
                    span(s, k, k.saturating_add(len)),
                    "数字写法有误（千分位应每三位一个逗号，只能有一个小数点）".into(),
                    "malformed number (thousands groups of three, one decimal point)".into(),
                ))
            }
        }
    } else if let Some((v, n)) = number::chinese(s, k) {
        k = k.saturating_add(n);
        Decimal::from(v)
    } else {
        return QScan::Incomplete;
    };
    if negative {
        value.set_sign_negative(true);
    }
    let at_end = k >= s.len();
    let k0 = k;
    let mut at_least = false;
    let mut unit = forced_unit;
    // 万/亿: a magnitude when a unit follows (8万余名), else the unit itself (≥15万).
    if unit.is_none() && !at(s, k, "万元") && !at(s, k, "亿元") {
        if let Some(mag) = s.get(k).and_then(|c| match c.c {
            '万' => Some(Decimal::from(10_000)),
            '亿' => Some(Decimal::from(100_000_000)),
            _ => None,
        }) {
            let mut j = k.saturating_add(1);
            if s.get(j).is_some_and(|c| c.c == '余' || c.c == '多') {
                j = j.saturating_add(1);
            }
            let j = skip_spaces(s, j);
            let unit_follows = word_at(s, j, &UNITS).is_some()
                || s.get(j).is_some_and(|c| c.c == '(' || measure_word(c.c));
            if unit_follows {
                match value.checked_mul(mag) {
                    Some(v) => value = v,
                    None => return QScan::Invalid(too_large(span(s, i, k.saturating_add(1)))),
                }
                k = k.saturating_add(1);
            }
        }
    }
    if value.abs() >= Decimal::from(10u64.pow(number::MAX_INT_DIGITS as u32)) {
        return QScan::Invalid(too_large(span(s, i, k)));
    }
    if s.get(k).is_some_and(|c| c.c == '余' || c.c == '多') && unit.is_none() {
        at_least = true;
        k = k.saturating_add(1);
    }
    let u = skip_spaces(s, k);
    let mut unit_pending = false;
    if unit.is_none() {
        if s.get(u).is_some_and(|c| c.c == '(') {
            match (u.saturating_add(1)..s.len().min(u.saturating_add(14)))
                .find(|&j| s.get(j).is_some_and(|c| c.c == ')'))
            {
                Some(close) => {
                    let inner = trim(s.get(u.saturating_add(1)..close).unwrap_or(&[]));
                    if inner.is_empty() {
                        unit_pending = true;
                    } else {
                        unit = Some(original(inner));
                    }
                    k = close.saturating_add(1);
                }
                // Still typing the unit: a short run of unit-like characters.
                None if s.len().saturating_sub(u) <= 7
                    && s.get(u.saturating_add(1)..)
                        .unwrap_or(&[])
                        .iter()
                        .all(|c| c.c != ' ' && c.c != ')' && !c.c.is_ascii_digit()) =>
                {
                    unit_pending = true;
                    k = s.len();
                }
                None => {
                    return QScan::Invalid(diag(
                        "TARGET_UNIT_UNCLOSED",
                        Severity::Error,
                        span(s, u, u.saturating_add(1)),
                        "计量单位的括号没有闭合，应写成 (%)、(次) 这样".into(),
                        "unit parenthesis is not closed".into(),
                    ))
                }
            }
        } else if let Some(w) = word_at(s, u, &UNITS) {
            unit = Some(w.to_string());
            k = u.saturating_add(w.chars().count());
        } else if s.get(u).is_some_and(|c| measure_word(c.c)) {
            unit = s.get(u).map(|c| c.c.to_string());
            k = u.saturating_add(1);
        } else if begins_word(s, u, &UNITS) {
            unit_pending = true;
            k = s.len();
        }
    } else if s.get(u).is_some_and(|c| c.c == '%') {
        k = u.saturating_add(1); // 百分之九十% — tolerate the doubled sign
    }
    QScan::Found(Quantity {
        value,
        unit,
        at_least,
        unit_pending,
        at_end: at_end && k0 == k,
        end: k,
    })
}

fn value(s: &[Ch]) -> Option<Parsed> {
    let (start, anchor) = find_anchor(s)?;
    let prefix = trim(s.get(..start).unwrap_or(&[]));
    let mut p = Parsed::new(Status::Valid, Some(Kind::Quantitative));
    let mut k = start;
    let mut word_op = None;
    if let Anchor::Word(n, op) = anchor {
        word_op = Some((op, at(s, start, "达到")));
        k = skip_spaces(s, start.saturating_add(n));
    }
    let op_start = k;
    let mut sym_op = None;
    if let Some((n, op)) = longest(s, k, &SYMBOL_OPS) {
        sym_op = Some(op);
        k = skip_spaces(s, k.saturating_add(n));
        if let Some((n2, _)) = longest(s, k, &SYMBOL_OPS) {
            p.status = Status::Invalid;
            p.op = Some(op);
            return Some(p.with(diag(
                "TARGET_OPERATOR_REPEATED",
                Severity::Error,
                span(s, k, k.saturating_add(n2)),
                "运算符重复，只保留一个，如 ≥".into(),
                "operator written twice".into(),
            )));
        }
    }
    if let (Some((w, weak)), Some(sy)) = (word_op, sym_op) {
        if !weak && op_direction(w) != op_direction(sy) {
            p.status = Status::Invalid;
            return Some(p.with(diag(
                "TARGET_OPERATOR_CONFLICT",
                Severity::Error,
                span(s, start, k),
                "文字和符号表示的比较方向相反，请只保留一种".into(),
                "the worded and the symbol operator disagree".into(),
            )));
        }
    }
    let op = sym_op.or(word_op.map(|(o, _)| o));
    p.op = op;
    if k >= s.len() {
        p.status = Status::Incomplete;
        return Some(p.with(diag(
            "TARGET_VALUE_MISSING",
            Severity::Info,
            span(s, op_start, k),
            "请在运算符后输入数值和单位，如 ≥90%".into(),
            "type a number and unit after the operator".into(),
        )));
    }
    if !number_start(s, k) {
        if begins_word(s, k, &REFERENCES) {
            p.status = Status::Incomplete;
            p.kind = Some(Kind::Relative);
            return Some(p);
        }
        if op.is_some() && sym_op.is_some() {
            p.status = Status::Invalid;
            return Some(p.with(diag(
                "TARGET_VALUE_MISSING",
                Severity::Error,
                span(s, op_start, k.saturating_add(1)),
                "运算符后应是数值，如 ≥90%；定性指标请不要写运算符".into(),
                "an operator must be followed by a number".into(),
            )));
        }
        return None;
    }
    let mut q = match quantity(s, k) {
        QScan::Found(q) => q,
        QScan::Incomplete => {
            p.status = Status::Incomplete;
            return Some(p.with(diag(
                "TARGET_NUMBER_INCOMPLETE",
                Severity::Info,
                span(s, k, s.len()),
                "请写完数字".into(),
                "finish the number".into(),
            )));
        }
        QScan::Invalid(d) => {
            p.status = Status::Invalid;
            return Some(p.with(d));
        }
    };
    let value_span = span(s, k, q.end);
    k = q.end;
    let mut unit = q.unit.take();
    let mut unit_pending = q.unit_pending;
    // Range: `2-3项`, `90%~95%`, `2至3篇`.
    let r = skip_spaces(s, k);
    let sep = s
        .get(r)
        .is_some_and(|c| matches!(c.c, '-' | '~' | '至' | '到'));
    if sep && !unit_pending {
        let h = skip_spaces(s, r.saturating_add(1));
        if h >= s.len() {
            p.status = Status::Incomplete;
            p.kind = Some(Kind::Range);
            return Some(p);
        }
        if number_start(s, h) && s.get(h).is_none_or(|c| c.c != '-') {
            let q2 = match quantity(s, h) {
                QScan::Found(q2) => q2,
                QScan::Incomplete => {
                    p.status = Status::Incomplete;
                    p.kind = Some(Kind::Range);
                    return Some(p);
                }
                QScan::Invalid(d) => {
                    p.status = Status::Invalid;
                    return Some(p.with(d));
                }
            };
            p.kind = Some(Kind::Range);
            if op.is_some() {
                p.status = Status::Invalid;
                return Some(p.with(diag(
                    "TARGET_OPERATOR_WITH_RANGE",
                    Severity::Error,
                    span(s, op_start, q2.end),
                    "区间值前不能再写运算符，请写成 2-3项 或 ≥2项".into(),
                    "a range cannot carry an operator".into(),
                )));
            }
            if let (Some(a), Some(b)) = (&unit, &q2.unit) {
                if a != b {
                    p.status = Status::Invalid;
                    return Some(p.with(diag(
                        "TARGET_UNIT_CONFLICT",
                        Severity::Error,
                        span(s, k, q2.end),
                        format!("区间两端单位不一致（{a} 与 {b}）"),
                        format!("range ends have different units ({a}, {b})"),
                    )));
                }
            }
            if q2.value < q.value {
                if q2.at_end {
                    p.status = Status::Incomplete;
                    return Some(p);
                }
                p.status = Status::Invalid;
                return Some(p.with(diag(
                    "TARGET_RANGE_REVERSED",
                    Severity::Error,
                    span(s, start, q2.end),
                    format!("区间下限 {} 大于上限 {}", q.value, q2.value),
                    format!("range low {} is above high {}", q.value, q2.value),
                )));
            }
            p.low = Some(q.value);
            p.high = Some(q2.value);
            unit = unit.or(q2.unit);
            unit_pending = q2.unit_pending;
            k = q2.end;
        }
    }
    // Suffix operator: 以上, 以内, 内.
    let sfx = skip_spaces(s, k);
    let mut suffix_op = None;
    if let Some((n, o)) = longest(s, sfx, &SUFFIX_OPS) {
        suffix_op = Some(o);
        k = sfx.saturating_add(n);
    }
    let rest = trim(s.get(k..).unwrap_or(&[]));
    if rest.iter().any(|c| c.c.is_ascii_digit()) {
        return None; // several values in one sentence: descriptive text
    }
    let rank = prefix.last().is_some_and(|c| c.c == '前')
        && matches!(unit.as_deref(), None | Some("名") | Some("位"))
        && p.kind != Some(Kind::Range);
    let prefix_note = if rank {
        prefix.get(..prefix.len().saturating_sub(1)).unwrap_or(&[])
    } else {
        prefix
    };
    p.note = join_note(trim(prefix_note), rest);
    if p.note
        .as_ref()
        .is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS)
        && op.is_none()
    {
        return None;
    }
    if let (Some(a), Some(b)) = (op, suffix_op) {
        if op_direction(a) != op_direction(b) {
            p.status = Status::Invalid;
            return Some(p.with(diag(
                "TARGET_OPERATOR_CONFLICT",
                Severity::Error,
                span(s, sfx, k),
                "前后表示的比较方向相反（如“不超过…以上”），请只保留一种".into(),
                "the operator before and the word after the value disagree".into(),
            )));
        }
    }
    if rank {
        p.kind = Some(Kind::Rank);
        p.op = Some(Op::Le);
        p.value = Some(q.value);
        p.unit = Some("名".into());
        p.direction = Some(Direction::Lower);
        return Some(p);
    }
    if p.kind == Some(Kind::Range) {
        p.unit = unit;
        if p.unit.is_none() {
            p.status = Status::Incomplete;
            return Some(p.with(unit_missing(value_span)));
        }
        return Some(p);
    }
    let op = op
        .or(suffix_op)
        .or(q.at_least.then_some(Op::Ge))
        .unwrap_or(Op::Eq);
    p.op = Some(op);
    p.direction = Some(op_direction(op));
    p.value = Some(q.value);
    p.unit = unit;
    if p.unit
        .as_deref()
        .is_some_and(|u| DURATION_UNITS.contains(&u))
    {
        p.kind = Some(Kind::Duration);
    }
    if p.unit.is_none() || unit_pending {
        p.status = Status::Incomplete;
        return Some(p.with(unit_missing(value_span)));
    }
    Some(p)
}

fn too_large(at: (u32, u32)) -> Diagnostic {
    diag(
        "TARGET_NUMBER_MALFORMED",
        Severity::Error,
        at,
        "数值位数过多（整数最多 15 位，小数最多 6 位）".into(),
        "number too large (at most 15 integer and 6 decimal digits)".into(),
    )
}

fn unit_missing(at: (u32, u32)) -> Diagnostic {
    diag(
        "TARGET_UNIT_MISSING",
        Severity::Warning,
        at,
        "数值后请写计量单位，如 %、次、人、项".into(),
        "the value needs a unit (%, 次, 人, 项 …)".into(),
    )
}
