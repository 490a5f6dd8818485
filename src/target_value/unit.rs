//! Open units (SPEC §10): the unit is whatever the clerk wrote after the
//! number, kept whole — compound (`元/亩`, `次/年`, `元/人·天`), with a
//! magnitude prefix (`万人次`, `亿元`), Latin (`km`, `Mbps`), symbols (`㎡`,
//! `‰`) or in parentheses. The word table only *classifies* a unit into a
//! dimension; a unit it does not know is kept and classed `other`.

use super::lexicon::{at, is_han, proper_prefix};
use super::UnitClass;
use crate::text::fold::Ch;
use std::ops::Range;

/// Unit words with their dimension, sorted by first character and longest
/// first within it (a test checks), so a lookup reads only the words that
/// begin with the character at hand. Seen in real forms; never a limit.
const WORDS: &[(&str, UnitClass)] = {
    use UnitClass::*;
    &[
        ("%", Percent),
        ("‰", PerMille),
        ("℃", Other),
        ("㎏", Mass),
        ("㎞", Length),
        ("㎡", Area),
        ("㎢", Area),
        ("㎥", Volume),
        ("万元", Money),
        ("个百分点", PercentagePoint),
        ("个工作日", Time),
        ("个小时", Time),
        ("个月", Time),
        ("个", Count),
        ("亩", Area),
        ("人次", Count),
        ("人天", Count),
        ("人日", Count),
        ("人月", Count),
        ("人", Count),
        ("亿元", Money),
        ("件次", Count),
        ("件", Count),
        ("份", Count),
        ("位", Count),
        ("例", Count),
        ("元", Money),
        ("兆瓦", Other),
        ("克", Mass),
        ("公顷", Area),
        ("公里", Length),
        ("公斤", Mass),
        ("册", Count),
        ("分钟", Time),
        ("分", Other),
        ("包", Count),
        ("千瓦时", Other),
        ("千米", Length),
        ("千克", Mass),
        ("千元", Money),
        ("千瓦", Other),
        ("升", Volume),
        ("厘米", Length),
        ("口", Count),
        ("只", Count),
        ("台次", Count),
        ("台套", Count),
        ("台", Count),
        ("名", Count),
        ("吨", Mass),
        ("周岁", Count),
        ("周", Time),
        ("场次", Count),
        ("场", Count),
        ("处", Count),
        ("天", Time),
        ("头份", Count),
        ("头", Count),
        ("套", Count),
        ("季度", Time),
        ("学期", Time),
        ("学时", Count),
        ("家", Count),
        ("小时", Time),
        ("尾", Count),
        ("届次", Count),
        ("届", Count),
        ("岁", Count),
        ("工作日", Time),
        ("幅", Count),
        ("平方公里", Area),
        ("平方千米", Area),
        ("平方米", Area),
        ("平米", Area),
        ("年", Time),
        ("床", Count),
        ("座", Count),
        ("延米", Length),
        ("张", Count),
        ("户次", Count),
        ("户", Count),
        ("所", Count),
        ("批次", Count),
        ("批", Count),
        ("摄氏度", Other),
        ("支", Count),
        ("斤", Mass),
        ("日", Time),
        ("月", Time),
        ("期", Count),
        ("本", Count),
        ("村", Count),
        ("条", Count),
        ("架次", Count),
        ("栋", Count),
        ("株", Count),
        ("棵", Count),
        ("次", Count),
        ("比例", Other),
        ("比率", Other),
        ("毫升", Volume),
        ("毫米", Length),
        ("毫克", Mass),
        ("点", Count),
        ("片", Count),
        ("班次", Count),
        ("瓶", Count),
        ("百分点", PercentagePoint),
        ("百分比", Percent),
        ("盒", Count),
        ("眼", Count),
        ("种", Count),
        ("秒", Time),
        ("立方米", Volume),
        ("立方", Volume),
        ("箱", Count),
        ("篇", Count),
        ("米", Length),
        ("类", Count),
        ("组", Count),
        ("羽", Count),
        ("节", Count),
        ("课时", Count),
        ("课", Count),
        ("车次", Count),
        ("轮", Count),
        ("辆", Count),
        ("部", Count),
        ("镇", Count),
        ("门", Count),
        ("间", Count),
        ("队", Count),
        ("集", Count),
        ("页", Count),
        ("项", Count),
        ("首", Count),
    ]
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
/// Sorted (a test checks): looked up by binary search.
const NOT_A_UNIT: &[char] = &[
    '上', '下', '不', '与', '且', '中', '为', '之', '也', '争', '于', '从', '以', '低', '余', '保',
    '共', '内', '到', '前', '力', '即', '及', '右', '后', '向', '和', '在', '增', '多', '大', '完',
    '实', '对', '将', '小', '展', '左', '已', '并', '开', '或', '把', '持', '新', '是', '每', '比',
    '现', '的', '确', '等', '累', '约', '至', '行', '被', '计', '超', '较', '达', '近', '进', '都',
    '高',
];

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

/// A unit read after a number: where it is, not a copy, so reading a unit
/// allocates nothing (the grammar tries units at many positions).
#[derive(Clone)]
pub struct Unit {
    /// Where its text is (for a parenthesised unit, inside the parentheses).
    pub text: Range<usize>,
    /// A 余/多 inside it that is not part of it (`8万余名` → `万名`).
    pub skip: Option<usize>,
    pub class: UnitClass,
    /// Index after the unit (after a closing parenthesis).
    pub end: usize,
    /// Every part is a listed word, a Latin unit or a magnitude (not a
    /// guessed measure word): alone, such a unit is a template leftover.
    pub known: bool,
    /// 余/多 between magnitude and unit (`8万余名`): at least.
    pub more: bool,
    /// A unit spelled by a word rather than written (`百分之九十` is in %).
    pub fixed: Option<&'static str>,
}

impl Unit {
    /// The unit's text as folded, without spaces.
    pub fn text(&self, s: &[Ch]) -> String {
        if let Some(f) = self.fixed {
            return f.to_string();
        }
        let mut out = String::new();
        for i in self.text.clone() {
            match s.get(i) {
                Some(c) if c.c != ' ' && Some(i) != self.skip => out.push(c.c),
                _ => {}
            }
        }
        out
    }
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

/// Longest unit parenthesis content, in characters: more than the longest
/// unit read without parentheses, so every canonical form reads back.
const MAX_PAREN_CHARS: usize = 16;
/// Longest unit read without parentheses (`万元/人·天` is 6).
pub const MAX_UNIT_CHARS: usize = 12;
/// Longest Latin unit (`Mbps`, `kW`); a longer run of letters is a word.
const MAX_LATIN_CHARS: usize = 6;

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
            let open = u.saturating_add(1);
            let first = (open..close).find(|&j| s.get(j).is_some_and(|c| c.c != ' '));
            let Some(first) = first else {
                return Scan::Pending;
            };
            let inner_end = (first..close)
                .rev()
                .find(|&j| s.get(j).is_some_and(|c| c.c != ' '))
                .map_or(close, |j| j.saturating_add(1));
            let whole = compound(s, first).filter(|w| w.end == inner_end);
            Scan::Found(Unit {
                text: first..inner_end,
                skip: whole.as_ref().and_then(|w| w.skip),
                class: whole.as_ref().map_or(UnitClass::Other, |w| w.class),
                end: close.saturating_add(1),
                known: whole.as_ref().is_some_and(|w| w.known),
                more: false,
                fixed: None,
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
    let mut known = true;
    let mut skip = None;
    // A listed word that starts with a magnitude character wins (百分比, 千克).
    let listed = word(s, k);
    if listed.is_none() {
        if let Some(m) = MAGNITUDES.iter().find(|m| at(s, k, m)) {
            k = k.saturating_add(m.chars().count());
            if s.get(k).is_some_and(|c| matches!(c.c, '余' | '多'))
                && core(s, k.saturating_add(1)).is_some()
            {
                skip = Some(k);
                k = k.saturating_add(1);
            }
        }
    }
    let mut class = None;
    // The word at `u` is looked up once.
    let head = match listed {
        Some((w, c)) => Some((w.chars().count(), c, true)),
        None if k == u => unlisted(s, k),
        None => core(s, k),
    };
    if let Some((n, c, listed)) = head {
        k = k.saturating_add(n);
        class = Some(c);
        known &= listed;
    } else if k == u && s.get(k).is_none_or(|c| c.c != '/') {
        return None;
    }
    let mut per = None;
    while s
        .get(k)
        .is_some_and(|c| matches!(c.c, '/' | '·' | '•' | '*' | '×' | '每'))
    {
        let Some((n, c, listed)) = core(s, k.saturating_add(1)) else {
            break;
        };
        if k.saturating_add(1).saturating_add(n).saturating_sub(u) > MAX_UNIT_CHARS {
            break;
        }
        per = per.or(Some(c));
        known &= listed;
        k = k.saturating_add(1).saturating_add(n);
    }
    if k == u {
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
        text: u..k,
        skip,
        class,
        end: k,
        known,
        more: skip.is_some(),
        fixed: None,
    })
}

/// One unit word at `k`: a listed word, a Latin run, or an unknown measure
/// word. Returns its text, length in characters, dimension and whether the
/// table or the alphabet vouches for it as a unit.
fn core(s: &[Ch], k: usize) -> Option<(usize, UnitClass, bool)> {
    match word(s, k) {
        Some((w, c)) => Some((w.chars().count(), c, true)),
        None => unlisted(s, k),
    }
}

/// A unit word the table does not list: a Latin run or a measure word.
fn unlisted(s: &[Ch], k: usize) -> Option<(usize, UnitClass, bool)> {
    let first = s.get(k)?.c;
    if first.is_ascii_alphabetic() {
        let rest = s.get(k..).unwrap_or(&[]);
        let mut n = rest
            .iter()
            .take_while(|c| c.c.is_ascii_alphabetic())
            .count();
        if n > MAX_LATIN_CHARS {
            return None; // a word, not a unit
        }
        if rest.get(n).is_some_and(|c| matches!(c.c, '²' | '³')) {
            n = n.saturating_add(1);
        }
        let class = latin_class(rest.get(..n).unwrap_or(&[])).unwrap_or(UnitClass::Other);
        return Some((n, class, true));
    }
    if !unit_han(first) {
        return None;
    }
    // An unknown measure word: a short run taken whole, else one character.
    let n = run(s, k);
    // In a longer run, a listed unit ends the unit (`标准亩覆盖` → 标准亩).
    let n = if n <= MAX_UNKNOWN_CHARS {
        n
    } else {
        (2..=MAX_UNKNOWN_CHARS)
            .rev()
            .find(|&j| {
                word(s, k.saturating_add(j).saturating_sub(1))
                    .is_some_and(|(w, _)| w.chars().count() == 1)
            })
            .unwrap_or(1)
    };
    Some((n, UnitClass::Count, false))
}

/// A CJK character that may be part of a unit.
fn unit_han(c: char) -> bool {
    is_han(c)
        && NOT_A_UNIT.binary_search(&c).is_err()
        && crate::text::number::chinese_digit(c).is_none()
}

/// Length of the run of unit characters from `k`.
fn run(s: &[Ch], k: usize) -> usize {
    s.get(k..)
        .unwrap_or(&[])
        .iter()
        .take_while(|c| unit_han(c.c))
        .count()
}

/// Case is ignored in units of two letters or more (`KM`, `Kg`); a single
/// capital is another unit (`M` is mega, not metre).
fn latin_class(text: &[Ch]) -> Option<UnitClass> {
    let fold = |c: char| {
        if text.len() > 1 {
            c.to_ascii_lowercase()
        } else {
            c
        }
    };
    LATIN
        .iter()
        .find(|(w, _)| {
            w.chars().count() == text.len() && w.chars().zip(text).all(|(a, b)| a == fold(b.c))
        })
        .map(|(_, c)| *c)
}

/// The listed unit word at `k`, longest first.
fn word(s: &[Ch], k: usize) -> Option<(&'static str, UnitClass)> {
    beginning_with(s.get(k)?.c)
        .find(|(w, _)| at(s, k, w))
        .copied()
}

/// The listed words that begin with `c` (a run of the sorted table).
fn beginning_with(c: char) -> impl Iterator<Item = &'static (&'static str, UnitClass)> {
    let from = WORDS.partition_point(|(w, _)| first(w) < c);
    WORDS
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(move |(w, _)| first(w) == c)
}

/// A word's first character (the table's sort key).
fn first(w: &str) -> char {
    w.chars().next().unwrap_or('\0')
}

/// Longest listed word, in characters.
const MAX_WORD_CHARS: usize = 4;

/// Whether the text from `u` to the end is a proper beginning of a listed word.
fn begins_word(s: &[Ch], u: usize) -> bool {
    let rest = s.get(u..).unwrap_or(&[]);
    rest.len() < MAX_WORD_CHARS
        && rest
            .first()
            .is_some_and(|c| beginning_with(c.c).any(|(w, _)| proper_prefix(rest, w)))
}
/// The unit a name carries in trailing parentheses, as template headers
/// write it (`湿地保有量(公顷)`, `苗木成活率(≥**%)`): operator and placeholder
/// marks dropped. `None` when the parentheses hold no unit.
pub fn from_name(name: &str) -> Option<(String, UnitClass)> {
    let s = crate::text::fold::fold(name);
    let close = s.iter().rposition(|c| c.c != ' ')?;
    let open = s.iter().rposition(|c| c.c == '(')?;
    if s.get(close).is_none_or(|c| c.c != ')') {
        return None;
    }
    // Skip the template's bound and placeholder (`≥**`) before the unit.
    let first = (open.saturating_add(1)..close).find(|&j| {
        s.get(j)
            .is_some_and(|c| !matches!(c.c, ' ' | '*' | '≥' | '≤' | '>' | '<' | '=' | 'X' | '_'))
    })?;
    let u = compound(&s, first)?;
    (s.get(u.end..close)?.iter().all(|c| c.c == ' ')).then(|| (u.text(&s), u.class))
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
    use crate::text::fold::fold;
    use UnitClass::*;

    fn read(t: &str) -> Option<(String, UnitClass, usize)> {
        match scan(&fold(t), 0) {
            Scan::Found(u) => Some((u.text(&fold(t)), u.class, u.end)),
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
    fn the_word_table_is_sorted_by_first_character_longest_first() {
        for pair in WORDS.windows(2) {
            if let [(wa, _), (wb, _)] = pair {
                let (a, b) = (first(wa), first(wb));
                assert!(
                    a < b || (a == b && wa.chars().count() >= wb.chars().count()),
                    "{wa} {wb}"
                );
            }
        }
        assert!(NOT_A_UNIT.windows(2).all(|p| matches!(p, [a, b] if a < b)));
        for (w, _) in WORDS {
            assert!(w.chars().count() <= MAX_WORD_CHARS, "{w}");
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
