//! Calendar dates: the spellings of the seed forms (`2024-01-01`, `2024/1/1`,
//! `2019年1月`, `2019.1`) and the checks deadlines need.

use std::fmt;

/// A valid calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Years a form or a deadline may name.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, when it exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        (YEARS.contains(&year) && day >= 1 && day <= days_in_month(year, month)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// The date an Excel serial day number stands for (the 1900 system,
    /// with its fictitious 1900-02-29: serial 61 is 1900-03-01).
    pub fn from_excel(serial: u32) -> Option<Date> {
        let mut days = serial.checked_sub(1)?.checked_sub(u32::from(serial > 60))?;
        let mut year = 1900;
        while year <= *YEARS.end() {
            let len = if is_leap(year) { 366 } else { 365 };
            if days < len {
                let mut month = 1;
                while month <= 12 {
                    let dim = days_in_month(year, month);
                    if days < dim {
                        return Date::new(year, month, days.checked_add(1)?);
                    }
                    days = days.checked_sub(dim)?;
                    month = month.checked_add(1)?;
                }
                return None;
            }
            days = days.checked_sub(len)?;
            year = year.checked_add(1)?;
        }
        None
    }

    /// The last day of a month.
    pub fn month_end(year: i32, month: u32) -> Option<Date> {
        Date::new(year, month, days_in_month(year, month))
    }
}

impl fmt::Display for Date {
    /// ISO `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How much of a date a form field gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
}

/// Parses a form date. A month without a day (`2019年1月`, `2019.1`) yields its
/// first day; callers comparing an end date use [`end_of`].
pub fn parse(text: &str) -> Option<(Date, Precision)> {
    let t: String = text
        .chars()
        .map(crate::text::fold::fold_char)
        .filter(|c| *c != ' ')
        .collect();
    let t = t
        .strip_suffix('日')
        .or_else(|| t.strip_suffix('号'))
        .unwrap_or(&t);
    let parts: Vec<&str> = t
        .split(['-', '/', '.', '年', '月'])
        .filter(|p| !p.is_empty())
        .collect();
    let num = |p: &&str| -> Option<u32> {
        (p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let year = parts
        .first()
        .and_then(num)
        .and_then(|y| i32::try_from(y).ok())?;
    if parts.first().is_some_and(|p| p.len() != 4) {
        return None;
    }
    let month = parts.get(1).and_then(num)?;
    match parts.len() {
        2 => Date::new(year, month, 1).map(|d| (d, Precision::Month)),
        3 => Date::new(year, month, parts.get(2).and_then(num)?).map(|d| (d, Precision::Day)),
        _ => None,
    }
}

/// The last day a parsed date covers.
pub fn end_of(date: Date, precision: Precision) -> Date {
    match precision {
        Precision::Day => date,
        Precision::Month => Date::month_end(date.year, date.month).unwrap_or(date),
    }
}
