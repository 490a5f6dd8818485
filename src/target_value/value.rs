//! Value targets: `[words] [op] number [余] [unit] [以上|以内|左右] [words]`,
//! a range `number [unit] (-|~|至) number unit`, or a rank `前三名`. The
//! number is never rescaled and the unit is the clerk's, whole (`unit.rs`).

use super::diagnostics::{
    TARGET_NUMBER_INCOMPLETE, TARGET_NUMBER_MALFORMED, TARGET_OPERATOR_CONFLICT,
    TARGET_OPERATOR_REPEATED, TARGET_OPERATOR_WITH_RANGE, TARGET_RANGE_REVERSED,
    TARGET_UNIT_CONFLICT, TARGET_UNIT_MISSING, TARGET_UNIT_UNCLOSED, TARGET_VALUE_MISSING,
    TARGET_VALUE_PLACEHOLDER,
};
use super::lexicon::{
    at, begins_word, longest, APPROX_PREFIXES, APPROX_SUFFIXES, PREFIX_OPS, REFERENCES, SUFFIX_OPS,
    SYMBOL_OPS, TOLERANCE_WORDS, WEAK_OPS,
};
use super::parse::{
    diag, digit, join_note, op_direction, skip_spaces, span, trim, Parsed, MAX_NOTE_CHARS,
};
use super::unit::{self, Unit};
use super::{Diagnostic, Direction, Kind, Op, Qualifier, Status, UnitClass};
use crate::text::fold::Ch;
use crate::text::number::{self, Scan};
use rust_decimal::Decimal;

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
    let unit = match unit::scan(s, k) {
        unit::Scan::Found(u) if u.known => Some(u.end),
        _ => None,
    };
    // At the start the unit must end the word: `三次` or `两年内`, not `一次性`.
    let clean = unit.is_some_and(|end| {
        s.get(end)
            .is_none_or(|c| !super::lexicon::is_han(c.c) || longest(s, end, &SUFFIX_OPS).is_some())
    });
    let unit_follows = unit.is_some();
    let lead = prev == Some('前')
        || ["完成", "达到", "共", "计"]
            .iter()
            .any(|w| i >= w.chars().count() && at(s, i.saturating_sub(w.chars().count()), w));
    lead && (unit_follows || prev == Some('前')) || (i == 0 && clean)
}

/// Whether a year-like number `19xx`/`20xx` followed by 年 starts at `i`.
fn year_word_at(s: &[Ch], i: usize) -> bool {
    let four = (0..4).all(|d| digit(s, i.saturating_add(d)));
    four && !digit(s, i.saturating_add(4))
        && s.get(i.saturating_add(4)).is_some_and(|c| c.c == '年')
        && matches!(s.get(i).map(|c| c.c), Some('1' | '2'))
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
            // A year (`2025年完成3项`) is not the value.
            i = i.saturating_add(5);
            continue;
        }
        if digit(s, i)
            || at(s, i, "百分之")
            || (i == 0 && s.first().is_some_and(|c| c.c == '-') && digit(s, 1))
            || (s.get(i).is_some_and(|c| c.c == '±') && digit(s, i.saturating_add(1)))
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

/// A number with 余 and its unit, as read at one position.
struct Quantity {
    value: Decimal,
    unit: Option<Unit>,
    at_least: bool,
    /// The unit is still being typed (`公` of 公里, an open parenthesis).
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

/// The number at `i`, never rescaled: `1.5万人次` is 1.5 in 万人次.
fn number_at(s: &[Ch], i: usize) -> Result<(Decimal, usize), QScan> {
    let mut k = i;
    let negative = s.get(k).is_some_and(|c| c.c == '-');
    if negative {
        k = k.saturating_add(1);
    }
    let mut value = if digit(s, k) {
        match number::arabic(s, k) {
            Scan::Number { value, len } => {
                k = k.saturating_add(len);
                value
            }
            Scan::Incomplete => return Err(QScan::Incomplete),
            Scan::TooLong { len } => {
                return Err(QScan::Invalid(too_large(span(s, k, k.saturating_add(len)))))
            }
            Scan::Malformed { len } => {
                return Err(QScan::Invalid(diag(
                    &TARGET_NUMBER_MALFORMED,
                    span(s, k, k.saturating_add(len)),
                    "数字写法有误（千分位应每三位一个逗号，只能有一个小数点）",
                    "malformed number (thousands groups of three, one decimal point)",
                )))
            }
        }
    } else if let Some((v, n)) = number::chinese(s, k) {
        k = k.saturating_add(n);
        Decimal::from(v)
    } else {
        return Err(QScan::Incomplete);
    };
    if negative {
        value.set_sign_negative(true);
    }
    Ok((value, k))
}

fn quantity(s: &[Ch], i: usize) -> QScan {
    // 百分之九十: the unit comes first.
    let percent_word = at(s, i, "百分之");
    let from = if percent_word { i.saturating_add(3) } else { i };
    if from >= s.len() {
        return QScan::Incomplete;
    }
    let (value, mut k) = match number_at(s, from) {
        Ok(v) => v,
        Err(q) => return q,
    };
    let at_end = k >= s.len();
    let k0 = k;
    let mut at_least = false;
    // 20余种: 余 before the unit means at least (8万余名 is the unit's).
    if s.get(k).is_some_and(|c| c.c == '余' || c.c == '多') && !percent_word {
        at_least = true;
        k = k.saturating_add(1);
    }
    let u = skip_spaces(s, k);
    let mut unit = None;
    let mut unit_pending = false;
    if percent_word {
        unit = Some(Unit {
            text: i..from,
            skip: None,
            class: UnitClass::Percent,
            end: k,
            known: true,
            more: false,
            fixed: Some("%"),
        });
        if s.get(u).is_some_and(|c| c.c == '%') {
            k = u.saturating_add(1); // 百分之九十% — tolerate the doubled sign
        }
    } else {
        match unit::scan(s, u) {
            unit::Scan::Found(found) => {
                k = found.end;
                at_least |= found.more;
                unit = Some(found);
            }
            unit::Scan::Pending => {
                unit_pending = true;
                k = s.len();
            }
            unit::Scan::Unclosed => {
                return QScan::Invalid(diag(
                    &TARGET_UNIT_UNCLOSED,
                    span(s, u, u.saturating_add(1)),
                    "计量单位的括号没有闭合，应写成 (%)、(次) 这样",
                    "unit parenthesis is not closed",
                ))
            }
            unit::Scan::None => {}
        }
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

/// The operator part of a value: a word before the number, a symbol, or
/// `±` (tolerance).
struct Operator {
    op: Option<Op>,
    /// Written as a symbol (an operator word alone may be prose).
    symbol: bool,
    /// A word a suffix may sharpen (`达到`, `控制在…以内`).
    weak: bool,
    tolerance: bool,
    /// Where the operator starts and where the number should.
    start: usize,
    end: usize,
}

/// The operator, or the diagnostic that makes the target invalid.
fn operator(s: &[Ch], start: usize, anchor: Anchor) -> Result<Operator, Diagnostic> {
    let mut k = start;
    let mut word = None;
    if let Anchor::Word(n, op) = anchor {
        word = Some((op, WEAK_OPS.iter().any(|w| at(s, start, w))));
        k = skip_spaces(s, start.saturating_add(n));
    }
    let op_start = k;
    let tolerance = s.get(k).is_some_and(|c| c.c == '±');
    if tolerance {
        k = skip_spaces(s, k.saturating_add(1));
    }
    let mut symbol = None;
    if let Some((n, op)) = longest(s, k, &SYMBOL_OPS).filter(|_| !tolerance) {
        symbol = Some(op);
        k = skip_spaces(s, k.saturating_add(n));
        if let Some((n2, _)) = longest(s, k, &SYMBOL_OPS) {
            return Err(diag(
                &TARGET_OPERATOR_REPEATED,
                span(s, k, k.saturating_add(n2)),
                "运算符重复，只保留一个，如 ≥",
                "operator written twice",
            ));
        }
    }
    if let (Some((w, weak)), Some(sy)) = (word, symbol) {
        if !weak && op_direction(w) != op_direction(sy) {
            return Err(diag(
                &TARGET_OPERATOR_CONFLICT,
                span(s, start, k),
                "文字和符号表示的比较方向相反，请只保留一种",
                "the worded and the symbol operator disagree",
            ));
        }
    }
    Ok(Operator {
        op: if tolerance {
            Some(Op::Le)
        } else {
            symbol.or(word.map(|(o, _)| o))
        },
        symbol: symbol.is_some() || tolerance,
        weak: symbol.is_none() && word.is_some_and(|(_, weak)| weak),
        tolerance,
        start: op_start,
        end: k,
    })
}

/// What stands where the number should: a placeholder mark (`≥**%`), a unit
/// without number (`≧ %`), a reference being typed, or nothing of a value.
fn no_number(s: &[Ch], o: &Operator, p: Parsed) -> Option<Parsed> {
    let k = o.end;
    let rest = s.get(k..).unwrap_or(&[]);
    if placeholder_mark(rest).is_some() || (o.op.is_some() && unit::is_unit_only(trim(rest))) {
        return Some(value_missing(s, k, p));
    }
    if begins_word(s, k, &REFERENCES) {
        let mut p = p;
        p.status = Status::Incomplete;
        p.kind = Some(Kind::Relative);
        return Some(p);
    }
    if o.symbol {
        let mut p = p;
        p.status = Status::Invalid;
        return Some(p.with(diag(
            &TARGET_VALUE_MISSING,
            span(s, o.start, k.saturating_add(1)),
            "运算符后应是数值，如 ≥90%；定性指标请不要写运算符",
            "an operator must be followed by a number",
        )));
    }
    None
}

/// A template leftover: the number is still to be filled in.
pub(super) fn value_missing(s: &[Ch], at: usize, mut p: Parsed) -> Parsed {
    p.status = Status::Incomplete;
    p.with(diag(
        &TARGET_VALUE_PLACEHOLDER,
        span(s, at, s.len()),
        "请填写具体数值（模板中的 **、XX 或只写单位的格子需补上数字），如 ≥90%",
        "fill in the number (the template's **, XX or a bare unit)",
    ))
}

/// Where a run of template placeholder marks (`**`, `XX`, `__`) starts.
pub(super) fn placeholder_mark(s: &[Ch]) -> Option<usize> {
    s.windows(2).position(|w| match w {
        [a, b] => a.c == b.c && matches!(a.c, '*' | '_' | 'X' | 'x' | '×'),
        _ => false,
    })
}

/// A range's second end (`2-3项`, `90%~95%`, `2至3篇`) after `q`.
enum RangeEnd {
    None,
    Found(Quantity),
    /// A range that is unfinished or wrong: its status and why.
    Stop(Status, Option<Diagnostic>),
}

fn range_end(s: &[Ch], o: &Operator, q: &Quantity, start: usize) -> RangeEnd {
    let r = skip_spaces(s, q.end);
    let sep = s
        .get(r)
        .is_some_and(|c| matches!(c.c, '-' | '~' | '至' | '到'));
    if !sep || q.unit_pending {
        return RangeEnd::None;
    }
    let stop = RangeEnd::Stop;
    let h = skip_spaces(s, r.saturating_add(1));
    if h >= s.len() {
        return stop(Status::Incomplete, None);
    }
    if !number_start(s, h) || s.get(h).is_some_and(|c| c.c == '-') {
        return RangeEnd::None;
    }
    let q2 = match quantity(s, h) {
        QScan::Found(q2) => q2,
        QScan::Incomplete => return stop(Status::Incomplete, None),
        QScan::Invalid(d) => return stop(Status::Invalid, Some(d)),
    };
    if o.op.is_some() {
        return stop(
            Status::Invalid,
            Some(diag(
                &TARGET_OPERATOR_WITH_RANGE,
                span(s, o.start, q2.end),
                "区间值前不能再写运算符，请写成 2-3项 或 ≥2项",
                "a range cannot carry an operator",
            )),
        );
    }
    if let (Some(a), Some(b)) = (&q.unit, &q2.unit) {
        let (a, b) = (a.text(s), b.text(s));
        if a != b {
            return stop(
                Status::Invalid,
                Some(diag(
                    &TARGET_UNIT_CONFLICT,
                    span(s, q.end, q2.end),
                    format!("区间两端单位不一致（{a} 与 {b}）"),
                    format!("range ends have different units ({a}, {b})"),
                )),
            );
        }
    }
    if q2.value < q.value {
        if q2.at_end {
            return stop(Status::Incomplete, None);
        }
        return stop(
            Status::Invalid,
            Some(diag(
                &TARGET_RANGE_REVERSED,
                span(s, start, q2.end),
                format!("区间下限 {} 大于上限 {}", q.value, q2.value),
                format!("range low {} is above high {}", q.value, q2.value),
            )),
        );
    }
    RangeEnd::Found(q2)
}

/// Words around the value that qualify it without being a bound.
struct Around<'a> {
    prefix: &'a [Ch],
    /// `每月` before the value: the unit becomes per month (`次/月`).
    per: Option<String>,
    approximate: bool,
    tolerance: bool,
}

/// Reads the words before the value: 每X (a frequency or per-unit), 约 and
/// 上下浮动; what is left is note.
fn around(prefix: &[Ch]) -> Around<'_> {
    let mut a = Around {
        prefix,
        per: None,
        approximate: false,
        tolerance: false,
    };
    if prefix.is_empty() {
        return a;
    }
    if let Some(w) = TOLERANCE_WORDS.iter().find(|w| ends_with(a.prefix, w)) {
        a.tolerance = true;
        a.prefix = trim(cut_end(a.prefix, w));
    }
    if let Some(w) = APPROX_PREFIXES.iter().find(|w| ends_with(a.prefix, w)) {
        a.approximate = true;
        a.prefix = trim(cut_end(a.prefix, w));
    }
    // 每月 / 每亩 at the start or the end of the prefix.
    let per_at = |i: usize| -> Option<(usize, String)> {
        if !at(a.prefix, i, "每") {
            return None;
        }
        let j = i.saturating_add(1);
        if let Some(w) = unit::PERIODS.iter().find(|w| at(a.prefix, j, w)) {
            return Some((w.chars().count().saturating_add(1), (*w).to_string()));
        }
        match unit::scan(a.prefix, j) {
            unit::Scan::Found(u) if u.known => Some((u.end.saturating_sub(i), u.text(a.prefix))),
            _ => None,
        }
    };
    let n = a.prefix.len();
    if let Some((len, w)) = per_at(0) {
        a.per = Some(w);
        a.prefix = trim(a.prefix.get(len..).unwrap_or(&[]));
    } else if let Some((len, w)) = (0..n)
        .rev()
        .find_map(|i| per_at(i).filter(|(len, _)| i.saturating_add(*len) == n))
    {
        a.per = Some(w);
        a.prefix = trim(a.prefix.get(..n.saturating_sub(len)).unwrap_or(&[]));
    }
    a
}

fn ends_with(s: &[Ch], w: &str) -> bool {
    let n = w.chars().count();
    s.len() >= n && at(s, s.len().saturating_sub(n), w)
}

fn cut_end<'a>(s: &'a [Ch], w: &str) -> &'a [Ch] {
    s.get(..s.len().saturating_sub(w.chars().count()))
        .unwrap_or(&[])
}

/// A value target, read in named steps: anchor → operator → number and unit
/// → range end → suffix words → words around → kind.
pub(super) fn value(s: &[Ch]) -> Option<Parsed> {
    let (start, anchor) = find_anchor(s)?;
    let mut p = Parsed::new(Status::Valid, Some(Kind::Quantitative));
    let o = match operator(s, start, anchor) {
        Ok(o) => o,
        Err(d) => {
            p.status = Status::Invalid;
            return Some(p.with(d));
        }
    };
    p.op = o.op;
    if o.end >= s.len() {
        p.status = Status::Incomplete;
        return Some(p.with(diag(
            &TARGET_VALUE_MISSING,
            span(s, o.start, o.end),
            "请在运算符后输入数值和单位，如 ≥90%",
            "type a number and unit after the operator",
        )));
    }
    if !number_start(s, o.end) {
        return no_number(s, &o, p);
    }
    // Number and unit.
    let q = match quantity(s, o.end) {
        QScan::Found(q) => q,
        QScan::Incomplete => {
            p.status = Status::Incomplete;
            return Some(p.with(diag(
                &TARGET_NUMBER_INCOMPLETE,
                span(s, o.end, s.len()),
                "请写完数字",
                "finish the number",
            )));
        }
        QScan::Invalid(d) => {
            p.status = Status::Invalid;
            return Some(p.with(d));
        }
    };
    let value_span = span(s, o.end, q.end);
    // Range end.
    let (q2, mut k) = match range_end(s, &o, &q, start) {
        RangeEnd::Stop(status, d) => {
            p.status = status;
            p.kind = Some(Kind::Range);
            p.diagnostics.extend(d);
            return Some(p);
        }
        RangeEnd::Found(q2) => {
            let end = q2.end;
            (Some(q2), end)
        }
        RangeEnd::None => (None, q.end),
    };
    // Suffix words: 以上, 以内, 左右.
    let sfx = skip_spaces(s, k);
    let mut suffix_op = None;
    if let Some((n, op)) = longest(s, sfx, &SUFFIX_OPS) {
        suffix_op = Some(op);
        k = sfx.saturating_add(n);
    }
    let mut approximate = false;
    if let Some(w) = APPROX_SUFFIXES.iter().find(|w| at(s, skip_spaces(s, k), w)) {
        approximate = true;
        k = skip_spaces(s, k).saturating_add(w.chars().count());
    }
    let rest = trim(s.get(k..).unwrap_or(&[]));
    if rest.iter().any(|c| c.c.is_ascii_digit()) {
        return None; // several values in one sentence: descriptive text
    }
    // Words around: rank, 每X, 约, 上下浮动; the rest is note.
    let mut unit = q.unit;
    let unit_pending = q2.as_ref().map_or(q.unit_pending, |q2| q2.unit_pending);
    if let Some(q2) = &q2 {
        unit = unit.or_else(|| q2.unit.clone());
    }
    let prefix = trim(s.get(..start).unwrap_or(&[]));
    let rank = prefix.last().is_some_and(|c| c.c == '前')
        && unit
            .as_ref()
            .is_none_or(|u| matches!(u.text(s).as_str(), "名" | "位"))
        && q2.is_none();
    let prefix = if rank {
        prefix.get(..prefix.len().saturating_sub(1)).unwrap_or(&[])
    } else {
        prefix
    };
    let mut around = around(trim(prefix));
    // 每X joins the unit only while the unit stays a unit (it must read back
    // from its canonical parentheses); otherwise the words stay note.
    let unit_len = unit.as_ref().map_or(0, |u| u.text(s).chars().count());
    if around
        .per
        .as_ref()
        .is_some_and(|per| unit_len.saturating_add(per.chars().count()) >= unit::MAX_UNIT_CHARS)
    {
        around = Around {
            prefix: trim(prefix),
            per: None,
            approximate: false,
            tolerance: false,
        };
    }
    p.note = join_note(around.prefix, rest);
    if p.note
        .as_ref()
        .is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS)
        && o.op.is_none()
    {
        return None;
    }
    if let (Some(a), Some(b)) = (o.op, suffix_op) {
        if !o.weak && op_direction(a) != op_direction(b) {
            p.status = Status::Invalid;
            return Some(p.with(diag(
                &TARGET_OPERATOR_CONFLICT,
                span(s, sfx, k),
                "前后表示的比较方向相反（如“不超过…以上”），请只保留一种",
                "the operator before and the word after the value disagree",
            )));
        }
    }
    // The unit as written, with 每X as its denominator (每月1次 → 次/月).
    let mut class = unit.as_ref().map(|u| u.class);
    let mut text = unit.as_ref().map(|u| u.text(s));
    if let Some(per) = &around.per {
        text = Some(format!("{}/{per}", text.unwrap_or_default()));
        class = Some(match class {
            Some(UnitClass::Money) => UnitClass::PerUnit,
            Some(UnitClass::Count) => UnitClass::Frequency,
            // 每亩300: an amount per 亩 whose own unit is not written.
            _ => UnitClass::Other,
        });
    }
    // Kind.
    if rank {
        p.kind = Some(Kind::Rank);
        p.op = Some(Op::Le);
        p.value = Some(q.value);
        p.unit = Some("名".into());
        p.unit_class = Some(UnitClass::Count);
        p.direction = Some(Direction::Lower);
        return Some(p);
    }
    p.unit_class = class;
    p.unit = text;
    if let Some(q2) = q2 {
        p.kind = Some(Kind::Range);
        p.low = Some(q.value);
        p.high = Some(q2.value);
        if p.unit.is_none() || unit_pending {
            p.status = Status::Incomplete;
            return Some(p.with(unit_missing(value_span)));
        }
        return Some(p);
    }
    let op = if o.weak {
        suffix_op.or(o.op)
    } else {
        o.op.or(suffix_op)
    }
    .or(q.at_least.then_some(Op::Ge))
    .unwrap_or(Op::Eq);
    p.op = Some(op);
    p.direction = Some(op_direction(op));
    p.value = Some(q.value);
    if o.tolerance || around.tolerance {
        p.op = Some(Op::Le);
        p.qualifier = Some(Qualifier::Tolerance);
        p.direction = None;
    } else if approximate || around.approximate {
        p.qualifier = Some(Qualifier::Approximate);
        p.direction = None;
    }
    if p.unit_class == Some(UnitClass::Time) {
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
        &TARGET_NUMBER_MALFORMED,
        at,
        "数值位数过多（整数最多 15 位，小数最多 6 位）",
        "number too large (at most 15 integer and 6 decimal digits)",
    )
}

fn unit_missing(at: (u32, u32)) -> Diagnostic {
    diag(
        &TARGET_UNIT_MISSING,
        at,
        "数值后请写计量单位，如 %、次、人、项",
        "the value needs a unit (%, 次, 人, 项 …)",
    )
}
