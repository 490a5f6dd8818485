//! Open units (SPEC §10): the unit is whatever the clerk wrote after the
//! number, kept whole — compound (`元/亩`, `次/年`, `元/人·天`), with a
//! magnitude prefix (`万人次`, `亿元`), Latin (`km`, `Mbps`), symbols (`㎡`,
//! `‰`) or in parentheses. The word table only *classifies* a unit into a
//! dimension; a unit it does not know is kept and classed `other`.

use super::charset::CharSet;
use super::fold::Ch;
use super::lexicon::{at, is_han};
use super::UnitClass;

/// Unit words with their dimension, longest first where one is a prefix of
/// another. Seen in real forms of many regions; never a limit.
const WORDS: &[(&str, UnitClass)] = {
    use UnitClass::*;
    &[
        ("个百分点", PercentagePoint),
        ("百分点", PercentagePoint),
        ("百分比", Percent),
        ("个工作日", Time),
        ("工作日", Time),
        ("个小时", Time),
        ("小时", Time),
        ("分钟", Time),
        ("个月", Time),
        ("季度", Time),
        ("学期", Time),
        ("周岁", Count),
        ("秒", Time),
        ("天", Time),
        ("日", Time),
        ("周", Time),
        ("月", Time),
        ("年", Time),
        ("平方公里", Area),
        ("平方千米", Area),
        ("平方米", Area),
        ("平米", Area),
        ("公顷", Area),
        ("亩", Area),
        ("立方米", Volume),
        ("立方", Volume),
        ("毫升", Volume),
        ("升", Volume),
        ("公里", Length),
        ("千米", Length),
        ("厘米", Length),
        ("毫米", Length),
        ("延米", Length),
        ("米", Length),
        ("千克", Mass),
        ("公斤", Mass),
        ("毫克", Mass),
        ("克", Mass),
        ("吨", Mass),
        ("斤", Mass),
        ("万元", Money),
        ("亿元", Money),
        ("千元", Money),
        ("元", Money),
        ("人次", Count),
        ("人天", Count),
        ("人日", Count),
        ("人月", Count),
        ("台次", Count),
        ("台套", Count),
        ("户次", Count),
        ("件次", Count),
        ("场次", Count),
        ("批次", Count),
        ("架次", Count),
        ("车次", Count),
        ("班次", Count),
        ("届次", Count),
        ("头份", Count),
        ("课时", Count),
        ("学时", Count),
        ("个", Count),
        ("人", Count),
        ("次", Count),
        ("家", Count),
        ("项", Count),
        ("篇", Count),
        ("种", Count),
        ("集", Count),
        ("件", Count),
        ("套", Count),
        ("条", Count),
        ("场", Count),
        ("名", Count),
        ("台", Count),
        ("例", Count),
        ("份", Count),
        ("批", Count),
        ("所", Count),
        ("本", Count),
        ("册", Count),
        ("部", Count),
        ("户", Count),
        ("床", Count),
        ("张", Count),
        ("辆", Count),
        ("座", Count),
        ("期", Count),
        ("轮", Count),
        ("节", Count),
        ("门", Count),
        ("课", Count),
        ("位", Count),
        ("组", Count),
        ("队", Count),
        ("支", Count),
        ("类", Count),
        ("点", Count),
        ("处", Count),
        ("间", Count),
        ("页", Count),
        ("幅", Count),
        ("首", Count),
        ("届", Count),
        ("岁", Count),
        ("株", Count),
        ("只", Count),
        ("头", Count),
        ("盒", Count),
        ("箱", Count),
        ("包", Count),
        ("瓶", Count),
        ("栋", Count),
        ("村", Count),
        ("镇", Count),
        ("口", Count),
        ("眼", Count),
        ("片", Count),
        ("棵", Count),
        ("尾", Count),
        ("羽", Count),
        ("分", Other),
        ("千瓦时", Other),
        ("千瓦", Other),
        ("兆瓦", Other),
        ("摄氏度", Other),
        ("%", Percent),
        ("‰", PerMille),
        ("㎡", Area),
        ("㎢", Area),
        ("㎥", Volume),
        ("㎞", Length),
        ("㎏", Mass),
        ("℃", Other),
    ]
};

const WORD_FIRSTS: CharSet = {
    let mut set = CharSet::EMPTY;
    let mut rest = WORDS;
    while let [(w, _), tail @ ..] = rest {
        set = set.with_first_of(w);
        rest = tail;
    }
    set
};

/// Latin units by lower-case spelling; other Latin units are `other`.
const LATIN: &[(&str, UnitClass)] = {
    use UnitClass::*;
    &[
        ("km", Length),
        ("m", Length),
        ("cm", Length),
        ("mm", Length),
        ("km²", Area),
        ("m²", Area),
        ("km2", Area),
        ("m2", Area),
        ("m³", Volume),
        ("m3", Volume),
        ("l", Volume),
        ("kg", Mass),
        ("g", Mass),
        ("t", Mass),
        ("h", Time),
        ("min", Time),
        ("s", Time),
        ("d", Time),
        ("pp", PercentagePoint),
    ]
};

/// Magnitude prefixes kept in the unit (`万人次`, `亿元`, `百万元`).
const MAGNITUDES: &[&str] = &["百万", "千万", "十万", "万", "亿", "千", "百"];

/// Characters that end an unknown CJK unit: function words, operator and
/// approximation words, and verbs that start a note.
const NOT_A_UNIT: &str = "的以及前内之和与或至到余多左右为是每共计在于即等后上下中并且不也都已将把被从向对比较约近超达低高大小完确力争实现开展进行保持累计新增";

/// Time words that may follow 每 or a slash in a frequency (`每月`, `次/季度`).
pub const PERIODS: &[&str] = &[
    "季度",
    "学期",
    "半年",
    "年度",
    "月度",
    "工作日",
    "年",
    "月",
    "周",
    "天",
    "日",
];

/// Longest unknown CJK unit taken whole (`标准亩`, `标准箱`); a longer run
/// is a phrase: its first character is the measure word, the rest a note.
const MAX_UNKNOWN_CHARS: usize = 3;

/// A unit read after a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub text: String,
    pub class: UnitClass,
    /// Index after the unit.
    pub end: usize,
    /// Every part is a listed word, a Latin unit or a magnitude (not a
    /// guessed measure word): alone, such a unit is a template leftover.
    pub known: bool,
    /// 余/多 between magnitude and unit (`8万余名`): at least.
    pub more: bool,
}

/// What follows a number where a unit may be.
pub enum Scan {
    /// No unit starts here.
    None,
    Found(Unit),
    /// A unit is being typed: an open parenthesis, `公` of 公里, a trailing `/`.
    Pending,
    /// An open parenthesis that no continuation closes as a unit.
    Unclosed,
}

/// Longest unit parenthesis content, in characters.
const MAX_PAREN_CHARS: usize = 16;

pub fn scan(s: &[Ch], u: usize) -> Scan {
    if s.get(u).is_some_and(|c| c.c == '(') {
        return parenthesised(s, u);
    }
    match compound(s, u) {
        Some(unit)
            if unit.end.saturating_add(1) == s.len()
                && s.get(unit.end).is_some_and(|c| matches!(c.c, '/' | '·')) =>
        {
            Scan::Pending
        }
        Some(unit) => Scan::Found(unit),
        None if begins_word(s, u) => Scan::Pending,
        None => Scan::None,
    }
}

fn parenthesised(s: &[Ch], u: usize) -> Scan {
    let close = (u.saturating_add(1)..s.len().min(u.saturating_add(MAX_PAREN_CHARS)))
        .find(|&j| s.get(j).is_some_and(|c| c.c == ')'));
    match close {
        Some(close) => {
            let inner: Vec<Ch> = s
                .get(u.saturating_add(1)..close)
                .unwrap_or(&[])
                .iter()
                .copied()
                .filter(|c| c.c != ' ')
                .collect();
            if inner.is_empty() {
                return Scan::Pending;
            }
            let whole = compound(&inner, 0).filter(|u| u.end == inner.len());
            Scan::Found(Unit {
                text: inner.iter().map(|c| c.c).collect(),
                class: whole.as_ref().map_or(UnitClass::Other, |u| u.class),
                end: close.saturating_add(1),
                known: whole.is_some_and(|u| u.known),
                more: false,
            })
        }
        // Still typing the unit: a short run of unit-like characters.
        None if s.len().saturating_sub(u) <= 7
            && s.get(u.saturating_add(1)..)
                .unwrap_or(&[])
                .iter()
                .all(|c| c.c != ' ' && c.c != ')' && !c.c.is_ascii_digit()) =>
        {
            Scan::Pending
        }
        None => Scan::Unclosed,
    }
}

/// `[magnitude [余|多]] core ((/|·|每) core)*`, a bare magnitude (`≥15万`),
/// or a per-unit without numerator (`28.40/株`).
fn compound(s: &[Ch], u: usize) -> Option<Unit> {
    let mut k = u;
    let mut text = String::new();
    let mut known = true;
    let mut more = false;
    // A listed word that starts with a magnitude character wins (百分比, 千克).
    if word(s, k).is_none() {
        if let Some(m) = MAGNITUDES.iter().find(|m| at(s, k, m)) {
            text.push_str(m);
            k = k.saturating_add(m.chars().count());
            if s.get(k).is_some_and(|c| matches!(c.c, '余' | '多'))
                && core(s, k.saturating_add(1)).is_some()
            {
                more = true;
                k = k.saturating_add(1);
            }
        }
    }
    let mut class = None;
    if let Some((w, n, c, listed)) = core(s, k) {
        text.push_str(&w);
        k = k.saturating_add(n);
        class = Some(c);
        known &= listed;
    } else if text.is_empty() && s.get(k).is_none_or(|c| c.c != '/') {
        return None;
    }
    let mut per = None;
    while let Some(j) = s
        .get(k)
        .map(|c| c.c)
        .filter(|j| matches!(j, '/' | '·' | '•' | '每'))
    {
        let Some((w, n, c, listed)) = core(s, k.saturating_add(1)) else {
            break;
        };
        text.push(if j == '•' { '·' } else { j });
        text.push_str(&w);
        per = per.or(Some(c));
        known &= listed;
        k = k.saturating_add(1).saturating_add(n);
    }
    if text.is_empty() {
        return None;
    }
    let class = match (class, per) {
        (Some(UnitClass::Money), Some(_)) => UnitClass::PerUnit,
        (Some(UnitClass::Count), Some(UnitClass::Time)) => UnitClass::Frequency,
        (Some(c), None) => c,
        (_, Some(_)) => UnitClass::Other,
        // A bare magnitude (≥15万): a count of what the name says.
        (None, None) => UnitClass::Count,
    };
    Some(Unit {
        text,
        class,
        end: k,
        known,
        more,
    })
}

/// One unit word at `k`: a listed word, a Latin run, or an unknown measure
/// word. Returns its text, length in characters, dimension and whether the
/// table or the alphabet vouches for it as a unit.
fn core(s: &[Ch], k: usize) -> Option<(String, usize, UnitClass, bool)> {
    if let Some((w, c)) = word(s, k) {
        return Some((w.to_string(), w.chars().count(), c, true));
    }
    let first = s.get(k)?.c;
    if first.is_ascii_alphabetic() {
        let mut n = 0usize;
        let mut text = String::new();
        while let Some(ch) = s
            .get(k.saturating_add(n))
            .filter(|c| c.c.is_ascii_alphabetic())
        {
            text.push(ch.c);
            n = n.saturating_add(1);
        }
        if let Some(ch) = s
            .get(k.saturating_add(n))
            .filter(|c| matches!(c.c, '²' | '³'))
        {
            text.push(ch.c);
            n = n.saturating_add(1);
        }
        let class = latin_class(&text).unwrap_or(UnitClass::Other);
        return Some((text, n, class, true));
    }
    if !unit_han(first) {
        return None;
    }
    // An unknown measure word: a short run taken whole, else one character.
    let n = run(s, k);
    let n = if n <= MAX_UNKNOWN_CHARS && ends_clean(s, k.saturating_add(n)) {
        n
    } else {
        1
    };
    let text: String = s.get(k..k.saturating_add(n))?.iter().map(|c| c.c).collect();
    Some((text, n, UnitClass::Count, false))
}

/// A CJK character that may be part of a unit.
fn unit_han(c: char) -> bool {
    is_han(c) && !NOT_A_UNIT.contains(c) && super::number::chinese_digit(c).is_none()
}

/// Length of the run of unit characters from `k`.
fn run(s: &[Ch], k: usize) -> usize {
    s.get(k..)
        .unwrap_or(&[])
        .iter()
        .take_while(|c| unit_han(c.c))
        .count()
}

/// Whether an unknown run may end before `s[i]`: at the end, before a
/// non-CJK character, or before a suffix operator or by-word.
fn ends_clean(s: &[Ch], i: usize) -> bool {
    s.get(i)
        .is_none_or(|c| !is_han(c.c) || "以内之前左上及".contains(c.c))
}

fn latin_class(text: &str) -> Option<UnitClass> {
    let lower = text.to_ascii_lowercase();
    LATIN.iter().find(|(w, _)| *w == lower).map(|(_, c)| *c)
}

/// The listed unit word at `k`, longest first.
fn word(s: &[Ch], k: usize) -> Option<(&'static str, UnitClass)> {
    if !s.get(k).is_some_and(|c| WORD_FIRSTS.may_contain(c.c)) {
        return None;
    }
    WORDS.iter().find(|(w, _)| at(s, k, w)).copied()
}

/// Whether the text from `u` to the end is a proper beginning of a listed word.
fn begins_word(s: &[Ch], u: usize) -> bool {
    let rest = s.get(u..).unwrap_or(&[]);
    !rest.is_empty()
        && WORDS.iter().any(|(w, _)| {
            rest.len() < w.chars().count() && w.chars().zip(rest.iter()).all(|(a, b)| a == b.c)
        })
}

/// The dimension of a unit text as a whole (the integrated system's
/// 计量单位 column).
pub fn classify(text: &str) -> UnitClass {
    let folded: Vec<Ch> = super::fold::fold(text)
        .into_iter()
        .filter(|c| c.c != ' ')
        .collect();
    match compound(&folded, 0) {
        Some(u) if u.end == folded.len() => u.class,
        _ => UnitClass::Other,
    }
}

/// Whether the whole of `s` is a unit and nothing else (`公里`, `万人`,
/// `(%)`): a template cell never filled in.
pub fn is_unit_only(s: &[Ch]) -> bool {
    matches!(scan(s, 0), Scan::Found(u) if u.end >= s.len() && u.known)
}

/// The unit without its magnitude prefix (`万人` → `人`).
pub fn base(unit: &str) -> &str {
    if WORDS.iter().any(|(w, _)| *w == unit) {
        return unit;
    }
    MAGNITUDES
        .iter()
        .find_map(|m| unit.strip_prefix(m))
        .unwrap_or(unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::target::fold::fold;
    use UnitClass::*;

    fn read(t: &str) -> Option<(String, UnitClass, usize)> {
        match scan(&fold(t), 0) {
            Scan::Found(u) => Some((u.text, u.class, u.end)),
            _ => None,
        }
    }

    #[test]
    fn units_are_kept_whole_and_classified() {
        let cases: &[(&str, &str, UnitClass)] = &[
            ("元/亩", "元/亩", PerUnit),
            ("万元/人", "万元/人", PerUnit),
            ("次/年", "次/年", Frequency),
            ("人/次", "人/次", Other),
            ("元/人·天", "元/人·天", PerUnit),
            ("公顷", "公顷", Area),
            ("厘米", "厘米", Length),
            ("万立方米", "万立方米", Volume),
            ("百分比", "百分比", Percent),
            ("个百分点", "个百分点", PercentagePoint),
            ("万人次", "万人次", Count),
            ("亿元", "亿元", Money),
            ("km", "km", Length),
            ("h", "h", Time),
            ("Mbps", "Mbps", Other),
            ("m²", "m²", Area),
            ("m³", "m³", Volume),
            ("㎡", "㎡", Area),
            ("‰", "‰", PerMille),
            ("℃", "℃", Other),
            ("万", "万", Count),
            ("标准亩", "标准亩", Count),
            ("/株", "/株", Other),
            ("小时到场", "小时", Time),
            ("场工作咨询会", "场", Count),
            ("亩以上", "亩", Area),
        ];
        for (input, text, class) in cases {
            let got = read(input);
            assert_eq!(
                got.as_ref().map(|(t, c, _)| (t.as_str(), *c)),
                Some((*text, *class)),
                "{input}"
            );
        }
    }

    #[test]
    fn a_unit_alone_is_a_template_leftover() {
        for t in ["公里", "万人", "%", "km", "亩"] {
            assert!(is_unit_only(&fold(t)), "{t}");
        }
        for t in ["合理", "完成", "有效"] {
            assert!(!is_unit_only(&fold(t)), "{t}");
        }
    }
}
