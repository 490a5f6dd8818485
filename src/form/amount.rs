//! Amounts in 元 as exact decimals: `12,657,087.21`, `800000.00`, `1454229.6`,
//! JSON numbers (kept as their text), full-width digits.

use crate::text::number::from_digits;
use rust_decimal::Decimal;

/// Why an amount was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("not a number")]
    NotANumber,
    #[error("negative")]
    Negative,
    #[error("more than two decimals")]
    TooPrecise,
}

impl AmountError {
    pub fn zh(self) -> &'static str {
        match self {
            AmountError::NotANumber => "不是有效的金额数字",
            AmountError::Negative => "金额不能为负数",
            AmountError::TooPrecise => "金额最多保留两位小数（分）",
        }
    }
}

/// Integer digits allowed: a trillion yuan is far beyond any project.
const MAX_INT_DIGITS: usize = 15;

/// Parses an amount in 元. Thousands separators must group by three; a
/// trailing 元 is tolerated.
pub fn parse(text: &str) -> Result<Decimal, AmountError> {
    let folded: String = text
        .chars()
        .map(crate::text::fold::fold_char)
        .filter(|c| *c != ' ')
        .collect();
    let t = folded.strip_suffix('元').unwrap_or(&folded);
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
    if frac.is_some_and(|f| f.len() > 2 && f.bytes().skip(2).any(|b| b != b'0')) {
        return Err(AmountError::TooPrecise);
    }
    // Decimals past the second are zeros (checked above).
    let cents = frac.map_or("", |f| f.get(..f.len().min(2)).unwrap_or(""));
    let all: Vec<u8> = digits.bytes().chain(cents.bytes()).collect();
    let value = from_digits(&all, cents.len()).ok_or(AmountError::NotANumber)?;
    if negative && !value.is_zero() {
        return Err(AmountError::Negative);
    }
    Ok(value)
}

/// `12,657,087.21` — how amounts are quoted in messages.
pub fn display(v: Decimal) -> String {
    let s = format!("{v:.2}");
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
    format!("{v:.2}")
}
