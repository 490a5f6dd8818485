//! Output side of the engine: the canonical string Shanghai's system prints
//! (`≥90.00(%)`), the integrated budget system's split form, and the hint.

use super::diagnostics::{TARGET_RANGE, TARGET_SYSTEM_CHARS, TARGET_TOO_LONG};
use super::parse::Parsed;
use super::{Diagnostic, Facts, Kind, Op, Qualifier, Status, SystemTarget, Target};
use crate::rule::Rule;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::fmt::Write;
use std::ops::Range;

/// The integrated budget system's limit for 指标值.
pub const SYSTEM_VALUE_MAX: usize = 60;

/// A decimal with at least two places, more when the value needs them.
fn fixed2(v: Decimal) -> String {
    let mut out = String::new();
    push_fixed2(&mut out, v);
    out
}

/// Every decimal the clerk gave is kept (`0.000` stays `0.000`), and at least two.
fn push_fixed2(out: &mut String, v: Decimal) {
    let mut v = v;
    // Rescaled rather than printed with a precision, which pads with zeros
    // through two allocations. Bounded values (≤ 15 + 6 digits) fit exactly.
    if v.scale() < 2 {
        v.rescale(2);
    }
    // Writing to a String cannot fail.
    let _ = write!(out, "{v}");
}

pub fn op_symbol(op: Op) -> &'static str {
    match op {
        Op::Ge => "≥",
        Op::Gt => ">",
        Op::Eq => "=",
        Op::Lt => "<",
        Op::Le => "≤",
    }
}

/// The system's 运算符 spelling: full-width ＞ ＝ ＜.
fn system_op(op: Op) -> &'static str {
    match op {
        Op::Ge => "≥",
        Op::Gt => "＞",
        Op::Eq => "＝",
        Op::Lt => "＜",
        Op::Le => "≤",
    }
}

/// The canonical string, built in one buffer (it is made for every row of
/// every form), and where its number sits: the system's split shows the same
/// digits. Takes the text kinds' text instead of copying it.
fn canonical(p: &mut Parsed) -> Option<(String, Option<Range<usize>>)> {
    let unit = |out: &mut String, u: &Option<String>| {
        if let Some(u) = u {
            out.push('(');
            out.push_str(u);
            out.push(')');
        }
    };
    let mut out = String::with_capacity(24);
    let mut number = None;
    match p.kind? {
        Kind::Placeholder => out.push('-'),
        Kind::Qualitative | Kind::Relative if p.status == Status::Valid => {
            return Some((std::mem::take(&mut p.text), None))
        }
        Kind::Qualitative | Kind::Relative => return None,
        Kind::Quantitative | Kind::Duration => {
            // ± and 约 are kept: `≤3.00(%)` or `=100.00(人)` would say more.
            out.push_str(match p.qualifier {
                Some(Qualifier::Tolerance) => "±",
                Some(Qualifier::Approximate) => "约",
                None => op_symbol(p.op?),
            });
            let start = out.len();
            push_fixed2(&mut out, p.value?);
            number = Some(start..out.len());
            unit(&mut out, &p.unit);
        }
        Kind::Range => {
            let (low, high) = (p.low?, p.high?);
            push_fixed2(&mut out, low);
            out.push('~');
            push_fixed2(&mut out, high);
            unit(&mut out, &p.unit);
        }
        Kind::Rank => {
            let _ = write!(out, "前{}名", p.value?.normalize());
        }
        Kind::Deadline => {
            let d = p.date?;
            let _ = write!(out, "{}年{}月{}日前", d.year, d.month, d.day);
        }
    }
    Some((out, number))
}

fn warn(rule: &Rule, end: u32, zh: String, en: String) -> Diagnostic {
    Diagnostic {
        code: rule.code,
        severity: rule.severity,
        start: 0,
        end,
        message: zh,
        message_en: en,
    }
}

/// The integrated budget system's split form, or a warning saying why the
/// target cannot be entered that way. The value is borrowed from the
/// canonical string where it can be, as the form rules only need the warnings.
fn system<'c>(
    p: &Parsed,
    canonical: &'c str,
    number: Option<Range<usize>>,
    end: u32,
) -> Result<Option<Split<'c>>, Diagnostic> {
    if p.status != Status::Valid {
        return Ok(None);
    }
    let split = match p.kind {
        Some(Kind::Quantitative | Kind::Duration) => {
            match (p.op, number.and_then(|r| canonical.get(r))) {
                (Some(op), Some(value)) => Split {
                    operator: system_op(op),
                    value: Cow::Borrowed(value),
                    with_unit: true,
                },
                _ => return Ok(None),
            }
        }
        Some(Kind::Rank) => match (p.op, p.value) {
            (Some(op), Some(v)) => Split {
                operator: system_op(op),
                value: Cow::Owned(fixed2(v)),
                with_unit: true,
            },
            _ => return Ok(None),
        },
        Some(Kind::Range) => {
            let (lo, unit) = (
                p.low.map(fixed2).unwrap_or_default(),
                p.unit.clone().unwrap_or_default(),
            );
            return Err(warn(
                &TARGET_RANGE,
                end,
                format!("一体化系统不能录入区间值，请改写为单一值（如 ≥{lo}({unit})）或拆成两个指标"),
                format!("ranges cannot be entered in the integrated budget system; write ≥{lo}({unit}) or split the indicator"),
            ));
        }
        Some(Kind::Deadline | Kind::Qualitative | Kind::Relative) => Split {
            operator: "定性",
            value: Cow::Borrowed(canonical),
            with_unit: false,
        },
        Some(Kind::Placeholder) | None => return Ok(None),
    };
    let n = split.value.chars().count();
    if n > SYSTEM_VALUE_MAX {
        return Err(warn(
            &TARGET_TOO_LONG,
            end,
            format!("指标值有 {n} 个字，一体化系统最多 {SYSTEM_VALUE_MAX} 个字，请精简或量化"),
            format!("target has {n} characters; the integrated system allows {SYSTEM_VALUE_MAX}"),
        ));
    }
    if let Some(c) = split.value.chars().find(|c| matches!(c, '*' | '_' | '-')) {
        return Err(warn(
            &TARGET_SYSTEM_CHARS,
            end,
            format!("一体化系统的指标值不能含“{c}”，请改写"),
            format!("the integrated system does not accept '{c}' in a target"),
        ));
    }
    Ok(Some(split))
}

/// The split form before it is copied into a [`SystemTarget`].
struct Split<'c> {
    operator: &'static str,
    value: Cow<'c, str>,
    /// The target's unit goes with the value (not for 定性).
    with_unit: bool,
}

fn hint(p: &Parsed, canonical: Option<&str>, ctx: &Facts) -> String {
    let wants_percent = ctx
        .name
        .is_some_and(|n| n.contains('率') || n.contains("满意度"));
    match p.status {
        Status::Empty if wants_percent => "请输入指标值，如 ≥90%".into(),
        Status::Empty => "请输入指标值，如 ≥90%、=2次、2024年11月底前完成 或 合理".into(),
        Status::Incomplete if wants_percent && p.unit.is_none() && p.value.is_some() => {
            "请写计量单位 %，如 ≥90%".into()
        }
        Status::Incomplete | Status::Invalid => p
            .diagnostics
            .first()
            .map(|d| d.message.clone())
            .unwrap_or_else(|| "请继续输入".into()),
        Status::Valid => match (p.kind, canonical) {
            (Some(Kind::Placeholder), _) => "不适用".into(),
            (Some(Kind::Qualitative), _) => "定性指标".into(),
            (Some(Kind::Relative), _) => "相对指标：与参照值比较".into(),
            (Some(Kind::Deadline), Some(c)) => ["完成时限：", c].concat(),
            (Some(Kind::Range), Some(c)) => ["区间：", c].concat(),
            (_, Some(c)) => ["规范写法：", c].concat(),
            _ => String::new(),
        },
    }
}

/// The target of `input` as parsed. `aids` adds what helps the person typing,
/// the hint and the system's split form; the form rules read neither (the
/// split's warnings are among the diagnostics either way).
pub fn build(input: &str, mut p: Parsed, ctx: &Facts, aids: bool) -> Target {
    let (canonical, number) = match canonical(&mut p) {
        Some((c, n)) => (Some(c), n),
        None => (None, None),
    };
    let end = u32::try_from(input.encode_utf16().count()).unwrap_or(u32::MAX);
    let system = match system(&p, canonical.as_deref().unwrap_or(""), number, end) {
        Ok(Some(split)) if aids => Some(SystemTarget {
            operator: split.operator,
            value: split.value.into_owned(),
            unit: if split.with_unit {
                p.unit.clone()
            } else {
                None
            },
        }),
        Ok(_) => None,
        Err(d) => {
            p.diagnostics.push(d);
            None
        }
    };
    let hint = if aids {
        hint(&p, canonical.as_deref(), ctx)
    } else {
        String::new()
    };
    Target {
        input: input.to_string(),
        status: p.status,
        kind: p.kind,
        canonical,
        op: p.op,
        value: p.value,
        low: p.low,
        high: p.high,
        unit: p.unit,
        unit_class: p.unit_class,
        qualifier: p.qualifier,
        date: p.date.map(|d| d.to_string()),
        start: p.start.map(|d| d.to_string()),
        grade: p.grade,
        vague: p.vague,
        note: p.note,
        direction: p.direction,
        system,
        hint,
        diagnostics: p.diagnostics,
    }
}
