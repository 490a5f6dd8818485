//! Indicator levels per template (SPEC §2) and tolerant name matching:
//! 数量 ≡ 数量指标 ≡ 数量目标, traditional characters, inner spaces, full-width forms.

use crate::templates::{self, Level1, Template};

/// Level-2 names of other regions that the national framework means the
/// same way, with the name they stand for (by base name, every template).
const LEVEL2_ALIASES: &[(&str, &str)] = &[
    ("满意度", "服务对象满意度"),
    ("社会公众或服务对象满意度", "服务对象满意度"),
    ("社会公众满意度", "服务对象满意度"),
    ("环境效益", "生态效益"),
    ("产出数量", "数量"),
    ("产出质量", "质量"),
    ("产出时效", "时效"),
    ("产出成本", "成本"),
];

/// A name folded for matching: full-width and traditional forms folded,
/// spaces removed, a trailing note in parentheses (`(50分)`, `(必填)`,
/// `(0-20)分`) dropped, then the 指标/目标 suffix.
pub fn base(name: &str) -> String {
    let mut folded = crate::text::fold::squash(name);
    drop_trailing_note(&mut folded, true);
    // 产出值, 数量值: some regions print 值 for 指标.
    let keep = folded
        .strip_suffix("指标")
        .or_else(|| folded.strip_suffix("目标"))
        .or_else(|| folded.strip_suffix('值').filter(|b| !b.is_empty()))
        .map(str::len);
    if let Some(n) = keep {
        folded.truncate(n);
    }
    folded
}

/// The canonical spelling of a level-2 base name under a template.
pub fn level2_canonical(template: &Template, base: &str) -> String {
    format!("{base}{}", template.level2_suffix)
}

/// The level-1 group a name denotes.
pub fn find_level1(template: &Template, name: &str) -> Option<&'static Level1> {
    level1_of_base(template, &base(name))
}

fn level1_of_base(template: &Template, b: &str) -> Option<&'static Level1> {
    template
        .levels
        .iter()
        .find(|l| l.base == b || l.aliases.contains(&b))
}

/// The level-1 groups that list `level2` (by base name).
pub fn parents_of<'a>(
    template: &Template,
    level2_base: &'a str,
) -> impl Iterator<Item = &'static Level1> + 'a {
    template
        .levels
        .iter()
        .filter(move |l| l.children.contains(&level2_base))
}

/// Whether a level-2 base name is admitted under `parent`.
pub fn admits(parent: &Level1, level2_base: &str) -> bool {
    parent.children.contains(&level2_base)
        || parent.also.contains(&level2_base)
        || (parent.open && !level2_base.is_empty() && !parents_any(level2_base))
}

fn parents_any_of(template: &Template, level2_base: &str) -> bool {
    parents_of(template, level2_base).next().is_some()
}

fn parents_any(level2_base: &str) -> bool {
    templates::ALL
        .iter()
        .flat_map(|t| t.levels)
        .any(|l| l.children.contains(&level2_base))
}

/// How one row's two level cells read under a template.
#[derive(Clone)]
pub struct Levels {
    /// The level-1 group the row belongs to: as written, or — when a level-2
    /// name was written in the level-1 cell — the group that name belongs to.
    pub level1: Option<&'static Level1>,
    /// The level-1 cell holds a level-2 name (时效指标 written as a level-1).
    pub level1_is_level2: bool,
    /// Base name of the effective level 2 (数量, 社会效益 …).
    pub level2: Option<String>,
    /// Base name of what the level-2 cell says (may be empty).
    pub written_level2: String,
}

pub fn resolve(template: &Template, level1: &str, level2: &str) -> Levels {
    let mut written = base(level2);
    // Only where the template does not list the name itself (满意度 is a
    // level-2 of the older templates).
    if !parents_any_of(template, &written) {
        if let Some((_, canonical)) = LEVEL2_ALIASES.iter().find(|(a, _)| *a == written) {
            written = (*canonical).to_string();
        }
    }
    let b1 = base(level1);
    let (level1, level1_is_level2, level2) = match level1_of_base(template, &b1) {
        Some(l1) => (
            Some(l1),
            false,
            (!written.is_empty()).then(|| written.clone()),
        ),
        None => {
            let parent = parents_of(template, &b1).next();
            match parent {
                Some(parent) => {
                    let l2 = if written.is_empty() || !admits(parent, &written) {
                        b1
                    } else {
                        written.clone()
                    };
                    (Some(parent), true, Some(l2))
                }
                None => (None, false, (!written.is_empty()).then(|| written.clone())),
            }
        }
    };
    Levels {
        level1,
        level1_is_level2,
        level2,
        written_level2: written,
    }
}

/// Numbering clerks put before indicator names: `指标 1：`, `标3：`, `1、`, `①`.
pub fn name_core(name: &str) -> String {
    let mut folded = crate::text::fold::squash(name);
    let mut s = folded.as_str();
    for p in ["指标", "标"] {
        if let Some(rest) = s.strip_prefix(p) {
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                s = rest;
                break;
            }
        }
    }
    let s = s.trim_start_matches(|c: char| c.is_ascii_digit() || ('①'..='⑳').contains(&c));
    let s = s.trim_start_matches([':', '、', '.', ')']);
    // The numbering is a prefix: cut it off in place.
    let cut = folded.len().saturating_sub(s.len());
    if cut < folded.len() && folded.is_char_boundary(cut) {
        folded.replace_range(..cut, "");
    }
    // So is a template's hint in trailing parentheses (`成活率(≥**%)`,
    // `湿地保有量(公顷)`): what the name means is before it.
    drop_trailing_note(&mut folded, false);
    folded
}

/// Cuts a trailing note in parentheses off a folded name, and with `score`
/// one followed by 分 (`(0-20)分`); a name that is all note is kept.
fn drop_trailing_note(folded: &mut String, score: bool) {
    let text = folded.as_str();
    let body = if score {
        text.strip_suffix('分').unwrap_or(text)
    } else {
        text
    };
    let open = body.strip_suffix(')').and_then(|b| b.rfind('('));
    if let Some(open) = open.filter(|&o| o > 0) {
        folded.truncate(open);
    }
}
