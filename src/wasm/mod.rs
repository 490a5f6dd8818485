//! The WebAssembly boundary: five exports, no rule logic. Results are built
//! as plain JS objects whose `JSON.stringify` is byte-for-byte what the
//! native library and the CLI print (the parity test checks every fixture).

use crate::target_value::Context;
use wasm_bindgen::prelude::*;

/// The JS value of a result, built by serde-wasm-bindgen in its JSON-compatible
/// mode (plain objects, `null` for absent values), so `JSON.stringify` of it is
/// byte-for-byte what serde_json prints natively.
fn to_js<T: serde::Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

// Stringifies a plain object; non-finite numbers and BigInts become strings so
// that an amount of `NaN` is reported rather than silently turned into `null`.
// A module snippet, not `new Function`, so pages with a strict
// Content-Security-Policy (no 'unsafe-eval') can use the module.
#[wasm_bindgen(
    inline_js = "export function normalised_on_read(report, text, compute) {
  let value;
  Object.defineProperty(report, 'normalised', {
    enumerable: true, configurable: true,
    get() { if (value === undefined) value = compute(text); return value; },
    set(v) { value = v; },
  });
}
export function stringify_form(v) {
  try {
    const s = JSON.stringify(v, (k, x) => typeof x === 'number' && !Number.isFinite(x) ? String(x) : typeof x === 'bigint' ? x.toString() : x);
    return typeof s === 'string' ? s : undefined;
  } catch (e) { return e instanceof RangeError ? '\\u0000deep' : undefined; }
}
export function context_year(c) {
  const y = c === null || typeof c !== 'object' ? undefined : c.year;
  return Number.isInteger(y) ? y : -1;
}
export function context_has_text(c) {
  return c !== null && typeof c === 'object' && ['level1', 'level2', 'name'].some((k) => typeof c[k] === 'string');
}"
)]
extern "C" {
    fn normalised_on_read(report: &JsValue, text: &JsValue, compute: &JsValue);
    fn stringify_form(value: &JsValue) -> JsValue;
    fn context_year(value: &JsValue) -> f64;
    fn context_has_text(value: &JsValue) -> bool;
}

thread_local! {
    /// Produces a report's `normalised` form when it is first read.
    static NORMALISED: Closure<dyn Fn(JsValue) -> JsValue> = Closure::new(|text: JsValue| {
        text.as_string()
            .and_then(|t| crate::validate_json(&t).normalised)
            .map_or(JsValue::NULL, normalised_to_js)
    });
}

/// The largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// serde-wasm-bindgen refuses integers a JS number cannot hold exactly. A year
/// that large (already an error) crosses as the nearest number, as `JSON.parse`
/// reads the native report, instead of costing the whole normalised form.
fn normalised_to_js(mut form: crate::form::model::Form) -> JsValue {
    let year = form.year.take_if(|y| y.unsigned_abs() > MAX_SAFE_INTEGER);
    let js = to_js(&form);
    if let Some(year) = year {
        // Sets a property of a plain object: cannot fail.
        let _ = js_sys::Reflect::set(
            &js,
            &JsValue::from_str("year"),
            &JsValue::from_f64(year as f64),
        );
    }
    js
}

/// Validates a form given as JSON text or as a plain object (SPEC §5).
///
/// The report's `normalised` form (a copy of the whole form) is built when
/// first read: a portal that validates on every change and shows only the
/// findings does not pay for copying the form into JS each time. It is
/// computed from the same text, so it never reflects later edits to the object.
#[wasm_bindgen(js_name = validateForm, unchecked_return_type = "Report")]
pub fn validate_form(
    #[wasm_bindgen(unchecked_param_type = "string | Form")] form: JsValue,
) -> JsValue {
    let text = if form.is_string() {
        form
    } else {
        stringify_form(&form)
    };
    let report = match text.as_string() {
        // JSON.stringify ran out of stack: nesting far beyond any form.
        Some(text) if text.starts_with('\0') => crate::Report::unusable(
            &crate::limits::INPUT_TOO_LARGE,
            "申报表嵌套层数过多",
            "the form nests too deeply",
        ),
        Some(text) => crate::check_json(&text, false),
        None => crate::Report::unusable(
            &crate::form::input::SCHEMA_TYPE,
            "申报表应为 JSON 文本或对象（不能有循环引用）",
            "the form must be JSON text or a plain object without cycles",
        ),
    };
    let js = to_js(&report);
    if !report.unusable_input() {
        NORMALISED.with(|compute| normalised_on_read(&js, &text, compute.as_ref()));
    }
    js
}

/// Normalises one target value as typed (SPEC §4).
#[wasm_bindgen(js_name = normaliseTarget, unchecked_return_type = "Target")]
pub fn normalise_target(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "Context | undefined | null")] context: JsValue,
) -> JsValue {
    to_js(&crate::target_value::normalise(
        text,
        &context_from(&context),
    ))
}

/// Reads `{ year, level1, level2, name }`. The year, which nearly every call
/// carries, is read as a number; the texts, which only tailor the hint, cross
/// as one JSON text when present. A missing or ill-typed property is simply
/// absent: a hint is no reason to throw.
fn context_from(value: &JsValue) -> Context {
    let y = context_year(value);
    // Integral (checked in JS) and within the calendar's range, so the cast is exact.
    let year = (1900.0..=2100.0).contains(&y).then_some(y as i32);
    if !context_has_text(value) {
        return Context {
            year,
            ..Context::default()
        };
    }
    let Some(text) = stringify_form(value).as_string() else {
        return Context {
            year,
            ..Context::default()
        };
    };
    let Ok(json) = crate::form::json::parse(&text, 4) else {
        return Context {
            year,
            ..Context::default()
        };
    };
    let text = |key: &str| match json.get(key) {
        Some(crate::form::json::Json::String(s)) => Some(s.to_string()),
        _ => None,
    };
    Context {
        year,
        level1: text("level1"),
        level2: text("level2"),
        name: text("name"),
    }
}

/// The context of a row: the form's other fields (the form itself will do)
/// and the row's place in the table.
#[wasm_bindgen(typescript_custom_section)]
const ROW_CONTEXT: &str = "export type RowContext = Partial<Form> & { index?: number };";

/// Checks one indicator row while it is typed: its target, and exactly the
/// findings `validateForm` reports for that row from the row's own rules.
#[wasm_bindgen(js_name = checkIndicator, unchecked_return_type = "RowReport")]
pub fn check_indicator(
    #[wasm_bindgen(unchecked_param_type = "Partial<Indicator>")] row: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RowContext | undefined | null")] context: JsValue,
) -> JsValue {
    // Anything JSON.stringify cannot write reads as an empty row or context.
    let text = |v: &JsValue| stringify_form(v).as_string().unwrap_or_default();
    to_js(&crate::check_indicator_json(&text(&row), &text(&context)))
}

/// The registered templates: ids, titles, required fields, choice lists,
/// level-1 → level-2 names, coverage and money structure (for menus).
#[wasm_bindgen(js_name = templates, unchecked_return_type = "Template[]")]
pub fn templates() -> JsValue {
    to_js(&crate::templates::ALL)
}

/// The rule catalogue: every code with severity, review category and descriptions.
#[wasm_bindgen(js_name = rules, unchecked_return_type = "Rule[]")]
pub fn rules() -> JsValue {
    to_js(&crate::rules::catalogue())
}
