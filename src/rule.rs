//! What a rule is: code, severity, scope, the reviewer's category and
//! descriptions. The bottom of the crate: the target engine and every rule
//! family declare their rules with [`rule!`], and every finding takes its
//! code and severity from such a declaration, so the compiler checks each
//! code and no severity is typed twice.

use serde::Serialize;

/// The reviewer's standard opinion categories (SPEC §6).
pub mod review {
    pub const INCOMPLETE: &str = "指标不够完整";
    pub const NOT_QUANTIFIED: &str = "指标不够细化、量化";
    pub const NOT_RELEVANT: &str = "指标与项目的相关性不够";
    pub const VALUE_MISMATCH: &str = "指标与指标值不匹配";
    pub const SPLIT: &str = "建议拆分指标";
    pub const LEVEL1_WRONG: &str = "一级指标类型错误";
    pub const LEVEL2_WRONG: &str = "二级指标类型错误";
    pub const ADD_BENEFIT: &str = "建议增加明确效益指标";
    pub const ADD_OUTPUT: &str = "建议增加明确产出指标";
    pub const ADD_SATISFACTION: &str = "建议增加满意度指标";
    pub const OTHER: &str = "其他";
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// Where a rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Scope {
    /// Reported in `validateForm` reports; depends on more than one row.
    Form,
    /// One indicator row's own rule: reported in `validateForm` reports and,
    /// for that row alone, by `checkIndicator`.
    Row,
    /// Reported in `normaliseTarget` diagnostics (and, wrapped, in forms).
    Target,
}

/// One rule of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null, hashmap_as_object))]
pub struct Rule {
    pub code: &'static str,
    /// The severity the rule reports at; where `per_template`, the
    /// template's entry says (`templates()`: coverage, unknown level-2).
    pub severity: Severity,
    pub per_template: bool,
    pub scope: Scope,
    pub review_category: &'static str,
    /// What the rule checks, in Chinese and in English. Left out of the wasm
    /// module, where they would cost 3.4 KB of its 100 KB gzipped budget:
    /// the package ships them as `rules.json`, and every finding carries
    /// its own messages.
    #[serde(skip_serializing_if = "str::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub description: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub description_en: &'static str,
}

/// Declares a rule: `rule!(CODE, scope, severity, review category, "说明", "description")`.
/// `per template` after the severity marks a rule whose severity the
/// template sets.
macro_rules! rule {
    ($name:ident, $scope:ident, $sev:ident, $cat:ident, $zh:expr, $en:expr $(,)?) => {
        $crate::rule::rule!(@ $name, $scope, $sev, false, $cat, $zh, $en);
    };
    ($name:ident, $scope:ident, $sev:ident per template, $cat:ident, $zh:expr, $en:expr $(,)?) => {
        $crate::rule::rule!(@ $name, $scope, $sev, true, $cat, $zh, $en);
    };
    (@ $name:ident, $scope:ident, $sev:ident, $per:expr, $cat:ident, $zh:expr, $en:expr) => {
        pub const $name: $crate::rule::Rule = $crate::rule::Rule {
            code: stringify!($name),
            severity: $crate::rule::Severity::$sev,
            per_template: $per,
            scope: $crate::rule::Scope::$scope,
            review_category: $crate::rule::review::$cat,
            description: $crate::rule::described($zh),
            description_en: $crate::rule::described($en),
        };
    };
}
pub(crate) use rule;

/// A rule's description where it is kept: natively, not in the wasm module.
pub const fn described(text: &'static str) -> &'static str {
    if cfg!(target_arch = "wasm32") {
        ""
    } else {
        text
    }
}
