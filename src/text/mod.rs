//! The bottom layer: text as clerks type it, folded (full-width, traditional,
//! spaces), numbers in ASCII or Chinese numerals, dates, and compile-time
//! character sets. Everything above reads text through here.

pub(crate) mod charset;
pub mod date;
pub mod fold;
pub mod number;
