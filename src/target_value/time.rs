//! Deadlines and periods: every way real forms write a point in time —
//! `2024年11月底`, `2023-12-30`, `11月底`, `第三季度`, `上半年`, `年底`,
//! `次年3月底` (against the context year), `202012` — and periods whose end
//! is the deadline (`2021年1月-12月`, `2023.07-2024.01`, `1-6月`), each
//! followed by 前/之前/内 and note words.

use super::diagnostics::{TARGET_DATE_INCOMPLETE, TARGET_DATE_INVALID, TARGET_YEAR_MISSING};
use super::lexicon::{at, word_at, BY_MARKERS, SYMBOL_OPS};
use super::parse::{diag, digit, join_note, skip_spaces, span, trim, Parsed, MAX_NOTE_CHARS};
use super::{Direction, Facts, Kind, Op, Status};
use crate::text::charset::CharSet;
use crate::text::date::{days_in_month, Date, YEARS};
use crate::text::fold::Ch;

/// A point in time as written: its last day (the deadline) and its first
/// day (a period's start), `None` while the year is unknown.
#[derive(Clone, Copy)]
struct Point {
    last: Option<Date>,
    first: Option<Date>,
    /// The year it names, for a period's second point (`2021年1月-12月`).
    year: Option<i32>,
    end: usize,
}

enum Scan {
    Found(Point),
    Incomplete,
    Invalid {
        from: usize,
        to: usize,
        zh: String,
        en: String,
    },
}

/// Words naming the end of the year (`年底前完成`).
const YEAR_END: &[&str] = &["年底", "年末", "年终"];
/// Words naming the whole year (`全年`, `年内完成`): a span with a start.
const WHOLE_YEAR: &[&str] = &["年度内", "年内", "全年"];
/// Years relative to the budget year, with their offset.
const RELATIVE_YEARS: &[(&str, i32)] = &[
    ("下一年度", 1),
    ("下一年", 1),
    ("下年度", 1),
    ("本年度", 0),
    ("第二年", 1),
    ("次年", 1),
    ("明年", 1),
    ("下年", 1),
    ("当年", 0),
    ("本年", 0),
    ("今年", 0),
];
/// The characters time words begin with: most positions of a text begin
/// none, and a bit test says so before the word lists are tried.
const TIME_WORD_FIRSTS: CharSet = CharSet::EMPTY.with_first_of_each(&[
    "下", "本", "第", "次", "明", "当", "今", "年", "全", "上", "Q", "q", "一", "二", "三", "四",
    "五", "六", "七", "八", "九", "十", "两",
]);

/// Words after a time word that make it a deadline (`上半年完成`).
const COMPLETION: &[&str] = &[
    "完成", "完工", "竣工", "结束", "办结", "验收", "实施", "到位", "支付", "拨付", "全部", "启动",
];
/// Half years: word, first month, last month.
const HALVES: &[(&str, u32, u32)] = &[("上半年", 1, 6), ("下半年", 7, 12), ("年中", 1, 6)];

/// A deadline or period target, or `None` when the text is not one.
pub fn deadline(s: &[Ch], ctx: &Facts) -> Option<Parsed> {
    let (start, scan) = first_point(s, ctx)?;
    let mut p = Parsed::new(Status::Valid, Some(Kind::Deadline));
    let Scan::Found(from) = scan else {
        return Some(unusable(s, start, scan, p));
    };
    let (point, period) = match period_end(s, from, ctx) {
        Ok(Some(last)) => (last, true),
        Ok(None) => (from, false),
        Err(scan) => return Some(unusable(s, start, scan, p)),
    };
    let mut k = skip_spaces(s, point.end);
    let by = word_at(s, k, &BY_MARKERS);
    if let Some(m) = by {
        k = k.saturating_add(m.chars().count());
    }
    // A time word without a date (`全年`, `上半年`) is a deadline only when
    // it says "by then": `年底前`, `上半年完成`, not `全年无事故`.
    let worded = !s.get(start).is_some_and(|c| c.c.is_ascii_digit());
    if worded
        && by.is_none()
        && k < s.len()
        && !COMPLETION.iter().any(|w| at(s, skip_spaces(s, k), w))
    {
        return None;
    }
    let prefix = trim(s.get(..start).unwrap_or(&[]));
    let rest = trim(s.get(k..).unwrap_or(&[]));
    // A number or operator elsewhere makes it a value with a time word
    // (`年内完成3项`), and a long note a sentence.
    let other_value = |t: &[Ch]| {
        t.iter().any(|c| c.c.is_ascii_digit())
            || (0..t.len()).any(|i| super::lexicon::longest(t, i, &SYMBOL_OPS).is_some())
    };
    if other_value(prefix) || other_value(rest) {
        return None;
    }
    p.note = join_note(prefix, rest);
    if p.note
        .as_ref()
        .is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS)
    {
        return None;
    }
    p.date = point.last;
    // A period, or a point that spans months (全年, 上半年, 第三季度), keeps its start.
    let spans = |a: Option<Date>, b: Option<Date>| {
        a.zip(b)
            .is_some_and(|(a, b)| (a.year, a.month) != (b.year, b.month))
    };
    if period || spans(point.first, point.last) {
        p.start = from.first;
    }
    p.op = Some(Op::Le);
    p.direction = Some(Direction::Lower);
    if point.last.is_none() {
        p.status = Status::Incomplete;
        p.diagnostics.push(diag(
            &TARGET_YEAR_MISSING,
            span(s, start, point.end),
            "请写明年份，如 2024年11月底前完成",
            "the deadline needs a year (or a context year)",
        ));
    }
    Some(p)
}

/// The result for a date (or a period's end) that is unfinished or does
/// not exist.
fn unusable(s: &[Ch], start: usize, scan: Scan, mut p: Parsed) -> Parsed {
    if let Scan::Invalid { from, to, zh, en } = scan {
        p.status = Status::Invalid;
        return p.with(diag(&TARGET_DATE_INVALID, span(s, from, to), zh, en));
    }
    p.status = Status::Incomplete;
    p.with(diag(
        &TARGET_DATE_INCOMPLETE,
        span(s, start, s.len()),
        "请写完日期，如 2024年11月30日前完成",
        "finish the date, e.g. 2024年11月30日前完成",
    ))
}

/// The first point in time of the text: the first number if it starts a
/// date, or a time word before any number.
fn first_point(s: &[Ch], ctx: &Facts) -> Option<(usize, Scan)> {
    let first_digit = s.iter().position(|c| c.c.is_ascii_digit());
    let limit = first_digit.unwrap_or(s.len());
    for i in 0..limit {
        if !s.get(i).is_some_and(|c| TIME_WORD_FIRSTS.may_contain(c.c)) {
            continue;
        }
        if let Some(scan) = word_point(s, i, ctx) {
            return Some((i, scan));
        }
    }
    let i = first_digit?;
    Some((i, digit_point(s, i, ctx, false)?))
}

/// A point written in words at `i`: 年底, 上半年, 第三季度, 次年3月, Q3.
fn word_point(s: &[Ch], i: usize, ctx: &Facts) -> Option<Scan> {
    if let Some((w, offset)) = RELATIVE_YEARS.iter().find(|(w, _)| at(s, i, w)) {
        let year = ctx.year.and_then(|y| y.checked_add(*offset));
        let k = i.saturating_add(w.chars().count());
        return Some(after_year(s, k, year).unwrap_or(Scan::Found(whole_year(year, k))));
    }
    if chinese_month(s, i).is_some() {
        return Some(month_day(s, i, ctx.year));
    }
    in_year(s, i, ctx.year)
}

/// A part of a year at `k`: 年底, 上半年, a quarter. `None` when none is.
fn in_year(s: &[Ch], k: usize, year: Option<i32>) -> Option<Scan> {
    if let Some(w) = YEAR_END.iter().find(|w| at(s, k, w)) {
        return Some(Scan::Found(year_end(
            year,
            k.saturating_add(w.chars().count()),
        )));
    }
    if let Some(w) = WHOLE_YEAR.iter().find(|w| at(s, k, w)) {
        return Some(Scan::Found(whole_year(
            year,
            k.saturating_add(w.chars().count()),
        )));
    }
    if let Some((w, m1, m2)) = HALVES.iter().find(|(w, _, _)| at(s, k, w)) {
        return Some(Scan::Found(months(
            year,
            *m1,
            *m2,
            k.saturating_add(w.chars().count()),
        )));
    }
    quarter(s, k, year)
}

/// 12-31 as a point (`年底`), not a span.
fn year_end(year: Option<i32>, end: usize) -> Point {
    let last = year.and_then(|y| Date::new(y, 12, 31));
    Point {
        last,
        first: last,
        year,
        end,
    }
}

fn whole_year(year: Option<i32>, end: usize) -> Point {
    months(year, 1, 12, end)
}

fn months(year: Option<i32>, m1: u32, m2: u32, end: usize) -> Point {
    Point {
        last: year.and_then(|y| Date::month_end(y, m2)),
        first: year.and_then(|y| Date::new(y, m1, 1)),
        year,
        end,
    }
}

/// `第三季度`, `三季度末`, `第3季度`, `Q3`.
fn quarter(s: &[Ch], k: usize, year: Option<i32>) -> Option<Scan> {
    let mut j = k;
    if s.get(j).is_some_and(|c| matches!(c.c, 'Q' | 'q')) {
        let q = s.get(j.saturating_add(1)).and_then(|c| c.c.to_digit(10))?;
        if !(1..=4).contains(&q) || digit(s, j.saturating_add(2)) {
            return None;
        }
        return Some(Scan::Found(quarter_point(year, q, j.saturating_add(2))));
    }
    if at(s, j, "第") {
        j = j.saturating_add(1);
    }
    let q = s.get(j).and_then(|c| match c.c {
        '一' | '1' => Some(1),
        '二' | '2' => Some(2),
        '三' | '3' => Some(3),
        '四' | '4' => Some(4),
        _ => None,
    })?;
    j = j.saturating_add(1);
    if !at(s, j, "季度") {
        return None;
    }
    j = j.saturating_add(2);
    if at(s, j, "末") || at(s, j, "底") {
        j = j.saturating_add(1);
    }
    Some(Scan::Found(quarter_point(year, q, j)))
}

fn quarter_point(year: Option<i32>, q: u32, end: usize) -> Point {
    let m2 = q.saturating_mul(3);
    months(year, m2.saturating_sub(2), m2, end)
}

/// Digits at `i`: value and count (at most 8 are read).
fn digits(s: &[Ch], i: usize) -> (u32, usize) {
    let mut v = 0u32;
    let mut n = 0usize;
    while n < 9 {
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

fn year_of(v: u32) -> Option<i32> {
    i32::try_from(v).ok().filter(|y| YEARS.contains(y))
}

/// A date starting at the digit `s[i]`, or `None` when the digits are not one.
/// `second`: the end of a period, where a month may end the text.
fn digit_point(s: &[Ch], i: usize, ctx: &Facts, second: bool) -> Option<Scan> {
    let (v, n) = digits(s, i);
    let next = s.get(i.saturating_add(n)).map(|c| c.c);
    let k = i.saturating_add(n).saturating_add(1);
    if n == 4 {
        let year = year_of(v)?;
        return match next {
            // `2020年` alone: the whole year (a month may still be typed).
            Some('年') => after_year(s, k, Some(year))
                .or_else(|| (k >= s.len()).then_some(Scan::Found(whole_year(Some(year), k)))),
            // `2024.5` may be a decimal: a dotted date must look like one throughout.
            Some('.') if (0..i).any(|j| super::parse::op_at(s, j).is_some()) => None,
            Some(sep @ ('-' | '/' | '.')) => {
                if k >= s.len() {
                    Some(Scan::Incomplete)
                } else if digit(s, k) {
                    numeric_date(s, k, year, sep, second)
                } else {
                    None
                }
            }
            _ => None,
        };
    }
    // 202012, 20201231: a month or day written without separators.
    if n == 6 || n == 8 {
        return compact(s, i, v, n);
    }
    let after_measure = s.get(i.wrapping_sub(1)).is_some_and(|c| c.c == '个');
    let after_op = (0..i).any(|j| super::parse::op_at(s, j).is_some());
    if (1..=2).contains(&n)
        && !after_measure
        && !after_op
        && (next == Some('月') || month_range(s, i))
    {
        return Some(month_day(s, i, ctx.year));
    }
    None
}

/// `1-6月`: a month, a dash and a month with 月.
fn month_range(s: &[Ch], i: usize) -> bool {
    let (_, n) = digits(s, i);
    let k = i.saturating_add(n);
    if !s
        .get(k)
        .is_some_and(|c| matches!(c.c, '-' | '~' | '至' | '到'))
    {
        return false;
    }
    let (_, n2) = digits(s, k.saturating_add(1));
    (1..=2).contains(&n2) && at(s, k.saturating_add(1).saturating_add(n2), "月")
}

/// `YYYYMM` or `YYYYMMDD`.
fn compact(s: &[Ch], i: usize, v: u32, n: usize) -> Option<Scan> {
    let end = i.saturating_add(n);
    // Only where a date can end: not before a unit (`202012人`).
    let ends = s.get(end).is_none_or(|c| {
        matches!(
            c.c,
            '-' | '~' | '至' | '到' | ' ' | '前' | '之' | '以' | '内' | '止' | '完'
        )
    });
    if !ends {
        return None;
    }
    let (ym, day) = if n == 8 { (v / 100, v % 100) } else { (v, 0) };
    let (year, month) = (year_of(ym / 100)?, ym % 100);
    if !(1..=12).contains(&month) {
        return None;
    }
    let point = if n == 8 {
        let d = Date::new(year, month, day)?;
        Point {
            last: Some(d),
            first: Some(d),
            year: Some(year),
            end,
        }
    } else {
        months(Some(year), month, month, end)
    };
    Some(Scan::Found(point))
}

/// What follows `YYYY年` (or a relative year) at `k`: a month, 底/末/内,
/// a part of the year, 度. `None` when nothing date-like follows.
fn after_year(s: &[Ch], k: usize, year: Option<i32>) -> Option<Scan> {
    if at(s, k, "度") {
        let k = k.saturating_add(1);
        return Some(after_year(s, k, year).unwrap_or(Scan::Found(whole_year(year, k))));
    }
    if at(s, k, "底") || at(s, k, "末") || at(s, k, "终") {
        return Some(Scan::Found(year_end(year, k.saturating_add(1))));
    }
    if at(s, k, "内") {
        return Some(Scan::Found(whole_year(year, k)));
    }
    if digit(s, k) || chinese_month(s, k).is_some() {
        return Some(month_day(s, k, year));
    }
    in_year(s, k, year)
}

/// A month in Chinese numerals before 月 (`三月`, `十二月`): value and length.
fn chinese_month(s: &[Ch], k: usize) -> Option<(u32, usize)> {
    let (v, n) = crate::text::number::chinese(s, k)?;
    let m = u32::try_from(v).ok().filter(|m| (1..=12).contains(m))?;
    at(s, k.saturating_add(n), "月").then_some((m, n))
}

/// `M月[底|末|上旬|中旬|下旬|D日]` at `i`.
fn month_day(s: &[Ch], i: usize, year: Option<i32>) -> Scan {
    let (m, n) = match chinese_month(s, i) {
        Some(cm) => cm,
        None => digits(s, i),
    };
    let k = i.saturating_add(n);
    if k >= s.len() {
        return if n <= 2 && m <= 12 {
            Scan::Incomplete
        } else {
            bad_month(i, k, m)
        };
    }
    if n > 2 || !(1..=12).contains(&m) {
        return bad_month(i, k, m);
    }
    // 1-6月: the first month of a range, read with the second.
    if !at(s, k, "月") && month_range(s, i) {
        let point = months(year, m, m, k);
        return Scan::Found(Point {
            last: point.first.and_then(|d| Date::month_end(d.year, d.month)),
            ..point
        });
    }
    if !at(s, k, "月") {
        return Scan::Invalid {
            from: k,
            to: k.saturating_add(1),
            zh: "月份后应写“月”，如 11月底".into(),
            en: "expected 月 after the month".into(),
        };
    }
    let k = k.saturating_add(1);
    let last = year.map(|y| days_in_month(y, m)).unwrap_or(31);
    let day = |d: u32, end: usize| Point {
        last: year.and_then(|y| Date::new(y, m, d)),
        first: year.and_then(|y| Date::new(y, m, d)),
        year,
        end,
    };
    if at(s, k, "底") || at(s, k, "末") {
        return Scan::Found(Point {
            first: year.and_then(|y| Date::new(y, m, 1)),
            ..day(last, k.saturating_add(1))
        });
    }
    for (w, d) in [("上旬", 10), ("中旬", 20), ("下旬", last)] {
        if at(s, k, w) {
            return Scan::Found(day(d, k.saturating_add(2)));
        }
    }
    if digit(s, k) {
        let (d, dn) = digits(s, k);
        let e = k.saturating_add(dn);
        if e >= s.len() {
            return if dn <= 2 && d <= last {
                Scan::Incomplete
            } else {
                bad_day(k, e, d)
            };
        }
        if dn > 2 || d == 0 || d > last || !(at(s, e, "日") || at(s, e, "号")) {
            return bad_day(k, e, d);
        }
        return Scan::Found(day(d, e.saturating_add(1)));
    }
    Scan::Found(months(year, m, m, k))
}

/// `YYYY-M[-D]`, `YYYY/M/D`, `YYYY.M[.D]` after the separator at `i`.
fn numeric_date(s: &[Ch], i: usize, year: i32, sep: char, second: bool) -> Option<Scan> {
    let dotted = sep == '.';
    let (m, n) = digits(s, i);
    let k = i.saturating_add(n);
    if n > 2 || m > 12 || (m == 0 && k < s.len()) {
        return (!dotted).then(|| bad_month(i, k, m));
    }
    // A period's end may be a month (`2023.07-2024.01`); elsewhere a day may follow.
    if k >= s.len() && second && (1..=12).contains(&m) {
        return Some(Scan::Found(months(Some(year), m, m, k)));
    }
    if k >= s.len() || (s.get(k).is_some_and(|c| c.c == sep) && k.saturating_add(1) >= s.len()) {
        return Some(Scan::Incomplete);
    }
    if s.get(k).is_none_or(|c| c.c != sep) || !digit(s, k.saturating_add(1)) {
        let month_end = at(s, k, "底") || at(s, k, "末");
        let by = word_at(s, skip_spaces(s, k), &BY_MARKERS).is_some() || month_end;
        // A dotted month must be followed by 前/底 or be part of a period.
        if dotted && !by && !period_sep(s, k) {
            return None;
        }
        let end = if month_end { k.saturating_add(1) } else { k };
        return Some(Scan::Found(months(Some(year), m, m, end)));
    }
    let (d, dn) = digits(s, k.saturating_add(1));
    let e = k.saturating_add(1).saturating_add(dn);
    let last = days_in_month(year, m);
    if e >= s.len() && dn < 2 && d <= last {
        return Some(Scan::Incomplete);
    }
    if dn > 2 || d == 0 || d > last {
        return Some(bad_day(k.saturating_add(1), e, d));
    }
    let date = Date::new(year, m, d);
    Some(Scan::Found(Point {
        last: date,
        first: date,
        year: Some(year),
        end: e,
    }))
}

/// A period separator at `k` (`-`, `--`, `~`, `至`, `到`), with its length.
fn period_sep_len(s: &[Ch], k: usize) -> Option<usize> {
    let c = s.get(k)?.c;
    if !matches!(c, '-' | '~' | '至' | '到') {
        return None;
    }
    Some(
        if c == '-' && s.get(k.saturating_add(1)).is_some_and(|n| n.c == '-') {
            2
        } else {
            1
        },
    )
}

fn period_sep(s: &[Ch], k: usize) -> bool {
    period_sep_len(s, k).is_some()
}

/// The second point of a period after `from` (`-12月`, `--2020年11月`,
/// `-2024.01`): `Ok(None)` when no period follows, `Err` when its end is
/// unfinished or wrong.
fn period_end(s: &[Ch], from: Point, ctx: &Facts) -> Result<Option<Point>, Scan> {
    let k = skip_spaces(s, from.end);
    let Some(len) = period_sep_len(s, k) else {
        return Ok(None);
    };
    let j = skip_spaces(s, k.saturating_add(len));
    if j >= s.len() {
        return Err(Scan::Incomplete);
    }
    let scan = if digits(s, j).1 <= 2 {
        // The year carries over: 2021年1月-12月, 1-6月.
        let year = from.year.or(ctx.year);
        if at(s, j.saturating_add(digits(s, j).1), "月") || chinese_month(s, j).is_some() {
            month_day(s, j, year)
        } else {
            return Ok(None);
        }
    } else {
        match digit_point(s, j, ctx, true) {
            Some(scan) => scan,
            None => return Ok(None),
        }
    };
    match scan {
        Scan::Found(to) => {
            if let (Some(a), Some(b)) = (from.first, to.last) {
                if b < a {
                    return Err(Scan::Invalid {
                        from: j,
                        to: to.end,
                        zh: "期间的结束日期早于开始日期".into(),
                        en: "the period ends before it starts".into(),
                    });
                }
            }
            Ok(Some(to))
        }
        other => Err(other),
    }
}

fn bad_month(from: usize, to: usize, m: u32) -> Scan {
    Scan::Invalid {
        from,
        to,
        zh: format!("月份 {m} 不存在，应为 1–12"),
        en: format!("month {m} does not exist"),
    }
}

fn bad_day(from: usize, to: usize, d: u32) -> Scan {
    Scan::Invalid {
        from,
        to: to.max(from.saturating_add(1)),
        zh: format!("日期 {d} 日不存在，请检查"),
        en: format!("day {d} does not exist in that month"),
    }
}
