//! The form: model, reading JSON into it, amounts, dates and the level
//! names of indicators.

pub mod amount;
pub mod canonical;
pub mod date;
pub mod json;
pub mod model;
pub mod read;
pub mod taxonomy;
