//! Numbers as clerks type them: ASCII digits with thousands separators and a
//! decimal point, and Chinese numerals (三, 十五, 两, 一百二十).

use super::fold::Ch;
use rust_decimal::Decimal;

/// At most this many integer digits (a quadrillion of anything is no target),
/// and this many decimals: canonical forms then always read back.
pub const MAX_INT_DIGITS: usize = 15;
const MAX_FRAC_DIGITS: usize = 6;

/// What was found at a position that starts with a digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scan {
    /// A complete number spanning `len` characters.
    Number { value: Decimal, len: usize },
    /// The text ends in the middle of a number (`9.`, `1,2`).
    Incomplete,
    /// Not a well-formed number (`1,2345`, `9.9.9`); `len` characters.
    Malformed { len: usize },
    /// More digits than any target has (over 15 before or 6 after the point).
    TooLong { len: usize },
}

/// The integer part's thousands groups, checked as each closes (no list is
/// kept: this runs for every number of every target).
struct Groups {
    count: usize,
    first: usize,
    last: usize,
    /// Every group between the first and the last has three digits.
    middle_ok: bool,
}

impl Groups {
    fn close(&mut self, run: usize) {
        match self.count {
            0 => self.first = run,
            1 => self.last = run,
            _ => {
                self.middle_ok &= self.last == 3;
                self.last = run;
            }
        }
        self.count = self.count.saturating_add(1);
    }
}

/// Scans an ASCII number at `s[i..]` (`s[i]` must be a digit).
pub fn arabic(s: &[Ch], i: usize) -> Scan {
    // More digits than these make the number TooLong, so no more are kept.
    let mut digits = [0u8; MAX_INT_DIGITS + MAX_FRAC_DIGITS];
    let mut n_digits = 0usize;
    let mut k = i;
    let mut groups = Groups {
        count: 0,
        first: 0,
        last: 0,
        middle_ok: true,
    };
    let mut run = 0usize;
    let mut seen_dot = false;
    let mut int_digits = 0usize;
    let mut frac_digits = 0usize;
    while let Some(ch) = s.get(k) {
        let next_digit = s
            .get(k.saturating_add(1))
            .is_some_and(|n| n.c.is_ascii_digit());
        match ch.c {
            '0'..='9' => {
                if let Some(slot) = digits.get_mut(n_digits) {
                    *slot = ch.c as u8;
                }
                n_digits = n_digits.saturating_add(1);
                run = run.saturating_add(1);
                if seen_dot {
                    frac_digits = frac_digits.saturating_add(1);
                } else {
                    int_digits = int_digits.saturating_add(1);
                }
            }
            ',' if !seen_dot && next_digit => {
                groups.close(run);
                run = 0;
            }
            '.' if next_digit && !seen_dot => {
                seen_dot = true;
                groups.close(run);
                run = 0;
            }
            '.' if next_digit => {
                return Scan::Malformed {
                    len: k.saturating_add(1).saturating_sub(i),
                }
            }
            ',' | '.' if k.saturating_add(1) == s.len() => return Scan::Incomplete,
            _ => break,
        }
        k = k.saturating_add(1);
    }
    let len = k.saturating_sub(i);
    if int_digits > MAX_INT_DIGITS || frac_digits > MAX_FRAC_DIGITS {
        return Scan::TooLong { len };
    }
    // Thousands groups: 1-3 digits, then exactly three per group up to the point.
    if !seen_dot {
        groups.close(run);
    }
    if groups.count > 1 {
        let first_ok = (1..=3).contains(&groups.first);
        if !(first_ok && groups.middle_ok && groups.last == 3) {
            if first_ok && groups.middle_ok && groups.last < 3 && !seen_dot && k == s.len() {
                return Scan::Incomplete;
            }
            return Scan::Malformed { len };
        }
    }
    match from_digits(digits.get(..n_digits).unwrap_or(&digits), frac_digits) {
        Some(value) => Scan::Number { value, len },
        None => Scan::Malformed { len },
    }
}

/// The decimal whose ASCII `digits` end in `scale` decimals (`b"750"`, 2 →
/// 7.50). Numbers here are plain digit runs already checked for length, so
/// rust_decimal's string parser (exponents, rounding; 10 KB of wasm) is not
/// needed. `None` for a non-digit or more than 28 digits.
pub fn from_digits(digits: &[u8], scale: usize) -> Option<Decimal> {
    let mut mantissa: i128 = 0;
    for &b in digits {
        let d = b.checked_sub(b'0').filter(|d| *d <= 9)?;
        mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(d))?;
    }
    let scale = u32::try_from(scale).ok()?;
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

/// The value of one Chinese digit character.
pub fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn chinese_multiplier(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

/// Scans a Chinese numeral at `s[i..]`: returns its value and length, or
/// `None` when no numeral starts there. 万 and 亿 after a numeral are left to
/// the caller, which decides between magnitude and unit.
pub fn chinese(s: &[Ch], i: usize) -> Option<(u64, usize)> {
    let first = s.get(i)?.c;
    if chinese_digit(first).is_none() && first != '十' {
        return None;
    }
    let mut section: u64 = 0;
    let mut digit: Option<u64> = None;
    let mut k = i;
    while let Some(ch) = s.get(k) {
        if let Some(d) = chinese_digit(ch.c) {
            if digit.is_some_and(|x| x != 0) && d != 0 {
                break; // "三四" is not one number
            }
            digit = Some(d);
        } else if let Some(m) = chinese_multiplier(ch.c) {
            let add = digit.unwrap_or(1).checked_mul(m)?;
            section = section.checked_add(add)?;
            digit = None;
        } else {
            break;
        }
        k = k.saturating_add(1);
        if k.saturating_sub(i) > 12 {
            return None;
        }
    }
    let value = section.checked_add(digit.unwrap_or(0))?;
    Some((value, k.saturating_sub(i)))
}

#[cfg(test)]
mod tests {
    use super::{arabic, from_digits, Scan};
    use crate::text::fold::fold;
    use rust_decimal::Decimal;

    #[test]
    fn thousands_groups_are_checked_as_typed() {
        let scan = |s: &str| arabic(&fold(s), 0);
        let number = |v: i64, scale: u32, len: usize| Scan::Number {
            value: Decimal::new(v, scale),
            len,
        };
        assert_eq!(scan("1,234,567.5元"), number(12_345_675, 1, 11));
        assert_eq!(scan("27,000人"), number(27_000, 0, 6));
        assert_eq!(scan("123,456"), number(123_456, 0, 7));
        // Still typing the last group.
        assert_eq!(scan("1,2"), Scan::Incomplete);
        assert_eq!(scan("1,234,56"), Scan::Incomplete);
        // A short last group followed by more text, or a bad first or middle group.
        assert_eq!(scan("1,23人"), Scan::Malformed { len: 4 });
        assert_eq!(scan("1,2345人"), Scan::Malformed { len: 6 });
        assert_eq!(scan("1234,567"), Scan::Malformed { len: 8 });
        assert_eq!(scan("12,34,567"), Scan::Malformed { len: 9 });
        assert_eq!(scan("1,234.5"), number(12_345, 1, 7));
        assert_eq!(scan("12,34.5"), Scan::Malformed { len: 7 });
        // Digits beyond the bounds: too long, however many.
        assert_eq!(scan(&"9".repeat(40)), Scan::TooLong { len: 40 });
        assert_eq!(scan("0.1234567"), Scan::TooLong { len: 9 });
    }

    #[test]
    fn digits_and_scale_make_the_decimal() {
        let d = |s: &str, scale| from_digits(s.as_bytes(), scale);
        assert_eq!(d("750", 2), Some(Decimal::new(750, 2)));
        assert_eq!(d("750", 2).map(|v| v.to_string()), Some("7.50".into()));
        assert_eq!(d("007", 0).map(|v| v.to_string()), Some("7".into()));
        assert_eq!(d("", 0), Some(Decimal::ZERO));
        assert_eq!(
            d("1234567890123456789012345678", 6).map(|v| v.scale()),
            Some(6)
        );
        assert_eq!(d("7a", 0), None);
        assert_eq!(d("1", 29), None);
        assert_eq!(d(&"9".repeat(40), 0), None);
    }
}
