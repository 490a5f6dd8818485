//! The form: model, reading JSON into it, amounts, dates and the level
//! names of indicators.

pub mod amount;
pub mod input;
pub mod json;
pub mod model;
pub mod read;
