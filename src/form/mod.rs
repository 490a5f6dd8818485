//! The form: model, amounts, dates, taxonomy and template detection.

pub mod date;
