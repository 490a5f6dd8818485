//! Amounts as exact decimals: `12,657,087.21`, `800000.00`, `1454229.6`,
//! JSON numbers (kept as their text), full-width digits; in 元 (two decimals,
//! 分) or, as most regions other than Shanghai print them, in 万元 (six
//! decimals, still 分).

use crate::text::number::from_digits;
use rust_decimal::Decimal;

/// Why an amount was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("not a number")]
    NotANumber,
    #[error("negative")]
    Negative,
    #[error("more decimals than the unit allows (元: 2, 万元: 6)")]
    TooPrecise,
}

impl AmountError {
    pub fn zh(self) -> &'static str {
        match self {
            AmountError::NotANumber => "不是有效的金额数字",
            AmountError::Negative => "金额不能为负数",
            AmountError::TooPrecise => "金额最多精确到分（元两位小数，万元六位小数）",
        }
    }
}

/// The unit a form's amounts are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Yuan,
    TenThousandYuan,
}

impl Unit {
    /// `元` or `万元`; anything else is no unit.
    pub fn from_label(label: &str) -> Option<Unit> {
        match label.trim() {
            "元" => Some(Unit::Yuan),
            "万元" => Some(Unit::TenThousandYuan),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Unit::Yuan => "元",
            Unit::TenThousandYuan => "万元",
        }
    }

    /// Decimals down to 分.
    fn decimals(self) -> usize {
        match self {
            Unit::Yuan => 2,
            Unit::TenThousandYuan => 6,
        }
    }
}

/// Integer digits allowed: a trillion yuan is far beyond any project.
const MAX_INT_DIGITS: usize = 15;

/// Parses an amount in `unit`. Thousands separators must group by three; a
/// trailing unit is tolerated.
/// Adds two amounts exactly; `None` on overflow. As integers at the larger
/// of the two scales (amounts have at most six decimals): the module then
/// carries no copy of Decimal's general addition (5 KB).
#[inline(never)]
pub fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    let scale = a.scale().max(b.scale());
    let at_scale = |d: Decimal| {
        d.mantissa()
            .checked_mul(10i128.checked_pow(scale.checked_sub(d.scale())?)?)
    };
    let sum = at_scale(a)?.checked_add(at_scale(b)?)?;
    Decimal::try_from_i128_with_scale(sum, scale).ok()
}

/// `a − b` exactly, as [`add`] does it; `None` on overflow.
pub fn sub(a: Decimal, mut b: Decimal) -> Option<Decimal> {
    b.set_sign_negative(!b.is_sign_negative());
    add(a, b)
}

// Not inlined: three families call it, and one copy keeps the wasm small.
#[inline(never)]
pub fn parse(text: &str, unit: Unit) -> Result<Decimal, AmountError> {
    let folded: String = text
        .chars()
        .map(crate::text::fold::fold_char)
        .filter(|c| *c != ' ')
        .collect();
    // The unit may be written in the cell (`10000万元`); in a 万元 form a
    // bare `万` says the same (`250万`).
    let t = folded.strip_suffix(unit.label()).unwrap_or(&folded);
    let t = match unit {
        Unit::TenThousandYuan => t.strip_suffix('万').unwrap_or(t),
        Unit::Yuan => t,
    };
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let groups: Vec<&str> = int.split(',').collect();
    let grouped_ok = groups.len() == 1
        || (groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups.iter().skip(1).all(|g| g.len() == 3));
    let digits: String = groups.concat();
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !grouped_ok
        || !all_digits(&digits)
        || digits.len() > MAX_INT_DIGITS
        || frac.is_some_and(|f| !all_digits(f))
    {
        return Err(AmountError::NotANumber);
    }
    let places = unit.decimals();
    if frac.is_some_and(|f| f.len() > places && f.bytes().skip(places).any(|b| b != b'0')) {
        return Err(AmountError::TooPrecise);
    }
    // Decimals past 分 are zeros (checked above).
    let cents = frac.map_or("", |f| f.get(..f.len().min(places)).unwrap_or(""));
    let all: Vec<u8> = digits.bytes().chain(cents.bytes()).collect();
    let value = from_digits(&all, cents.len()).ok_or(AmountError::NotANumber)?;
    if negative && !value.is_zero() {
        return Err(AmountError::Negative);
    }
    Ok(value)
}

/// Decimals an amount is written with: at least two, more where it has them
/// (万元 down to 分).
fn places(v: Decimal) -> usize {
    usize::try_from(v.normalize().scale()).unwrap_or(0).max(2)
}

/// `12,657,087.21` — how amounts are quoted in messages.
pub fn display(v: Decimal) -> String {
    let s = canonical(v);
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let (sign, int) = match int.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", int),
    };
    let mut out = String::with_capacity(s.len().saturating_add(int.len() / 3));
    for (i, c) in int.chars().enumerate() {
        if i > 0 && int.len().saturating_sub(i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}.{frac}")
}

/// `12657087.21` — the canonical amount in the normalised form.
pub fn canonical(v: Decimal) -> String {
    format!("{v:.prec$}", prec = places(v))
}
