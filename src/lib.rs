//! perftarget — validates 财政项目支出绩效目标申报表 forms: the same rules natively
//! and in WebAssembly.

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::todo,
    clippy::unimplemented,
    clippy::unreachable
)]

pub mod form;
pub mod report;
pub mod target;

pub use target::{normalise, Context, Target};
