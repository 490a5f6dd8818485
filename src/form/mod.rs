//! The form: model, reading JSON into it, amounts, dates, taxonomy and
//! template detection.

pub mod amount;
pub mod canonical;
pub mod date;
pub mod detect;
pub mod json;
pub mod model;
pub mod read;
pub mod taxonomy;

use serde::Serialize;

/// The three templates in the seeds (SPEC §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Template {
    /// 上海市财政支出项目绩效目标申报表 (2019).
    T2019,
    /// 财政项目支出绩效目标表 (2020).
    T2020,
    /// 财政项目支出绩效目标申报表, national 2021 framework.
    T2021,
}

impl Template {
    /// Every template, oldest first.
    pub const ALL: [Template; 3] = [Template::T2019, Template::T2020, Template::T2021];

    /// The form's title as printed on the template.
    pub fn title(self) -> &'static str {
        match self {
            Template::T2019 => "上海市财政支出项目绩效目标申报表",
            Template::T2020 => "财政项目支出绩效目标表",
            Template::T2021 => "财政项目支出绩效目标申报表",
        }
    }

    pub fn from_id(id: &str) -> Option<Template> {
        match id.trim() {
            "T2019" => Some(Template::T2019),
            "T2020" => Some(Template::T2020),
            "T2021" => Some(Template::T2021),
            _ => None,
        }
    }

    pub fn is_older(self) -> bool {
        self != Template::T2021
    }
}
