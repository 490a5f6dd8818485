//! Word lists of the target grammar: operators in symbols and words, units,
//! reference phrases of relative targets and direction words. Longest entries
//! first wherever one entry is a prefix of another.

use super::{Grade, Op};
use crate::text::charset::CharSet;
use crate::text::fold::Ch;

/// A word list with the set of characters its words begin with. The grammar
/// tries tables at every position of a text, and at most positions no word
/// of the table begins: the set says so instead of spelling the table through.
pub struct Words {
    pub list: &'static [&'static str],
    firsts: CharSet,
}

impl Words {
    pub const fn new(list: &'static [&'static str]) -> Words {
        Words {
            list,
            firsts: CharSet::EMPTY.with_first_of_each(list),
        }
    }

    /// Whether some word of the list may begin with `c`.
    pub fn may_begin(&self, c: char) -> bool {
        self.firsts.may_contain(c)
    }

    /// Where words of the list occur in `text` (byte offset, word), in one
    /// pass that looks up the list only where one of its words may begin:
    /// far cheaper than a substring search per word.
    pub fn find_in<'t>(&self, text: &'t str) -> impl Iterator<Item = (usize, &'static str)> + 't {
        let list = self.list;
        let firsts = self.firsts;
        text.char_indices()
            .filter(move |(_, c)| firsts.may_contain(*c))
            .filter_map(move |(i, _)| {
                let rest = text.get(i..)?;
                list.iter().find(|w| rest.starts_with(**w)).map(|w| (i, *w))
            })
    }
}

/// Operator words with what they mean, with the same set as [`Words`].
pub struct Ops {
    pub list: &'static [(&'static str, Op)],
    firsts: CharSet,
}

impl Ops {
    pub const fn new(list: &'static [(&'static str, Op)]) -> Ops {
        let mut firsts = CharSet::EMPTY;
        let mut rest = list;
        while let [(w, _), tail @ ..] = rest {
            firsts = firsts.with_first_of(w);
            rest = tail;
        }
        Ops { list, firsts }
    }
}

/// Operators written as symbols, after folding (full-width forms are folded already).
pub const SYMBOL_OPS: Ops = Ops::new(&[
    (">=", Op::Ge),
    ("<=", Op::Le),
    ("==", Op::Eq),
    ("≥", Op::Ge),
    ("≤", Op::Le),
    (">", Op::Gt),
    ("<", Op::Lt),
    ("=", Op::Eq),
]);

/// Operators written as words before the number.
pub const PREFIX_OPS: Ops = Ops::new(&[
    ("大于或等于", Op::Ge),
    ("小于或等于", Op::Le),
    ("大于等于", Op::Ge),
    ("小于等于", Op::Le),
    ("高于等于", Op::Ge),
    ("低于等于", Op::Le),
    ("不得低于", Op::Ge),
    ("不得少于", Op::Ge),
    ("不得超过", Op::Le),
    ("不得高于", Op::Le),
    ("不低于", Op::Ge),
    ("不少于", Op::Ge),
    ("不小于", Op::Ge),
    ("不超过", Op::Le),
    ("不高于", Op::Le),
    ("不大于", Op::Le),
    ("不多于", Op::Le),
    ("控制在", Op::Le),
    ("至少", Op::Ge),
    ("至多", Op::Le),
    ("最少", Op::Ge),
    ("最多", Op::Le),
    ("达到", Op::Ge),
    ("大于", Op::Gt),
    ("高于", Op::Gt),
    ("超过", Op::Gt),
    ("多于", Op::Gt),
    ("小于", Op::Lt),
    ("低于", Op::Lt),
    ("少于", Op::Lt),
    ("等于", Op::Eq),
    ("不超", Op::Le),
    ("不足", Op::Lt),
    ("不到", Op::Lt),
    ("达", Op::Ge),
    ("超", Op::Gt),
]);

/// Operator words a suffix may sharpen: `控制在5%以内`, `达到90%以上`.
pub const WEAK_OPS: &[&str] = &["达到", "达", "控制在"];

/// Words before a value that make it approximate (`约100人`).
pub const APPROX_PREFIXES: &[&str] = &["大约", "约为", "约"];

/// Words after a value that make it approximate (`100人左右`).
pub const APPROX_SUFFIXES: &[&str] = &["左右", "上下"];

/// Words before a value that make it a tolerance (`上下浮动5%`).
pub const TOLERANCE_WORDS: &[&str] = &["上下浮动", "浮动", "误差"];

/// Operators written as words after the value (`98%以上`, `2小时内`).
pub const SUFFIX_OPS: Ops = Ops::new(&[
    ("及以上", Op::Ge),
    ("及以下", Op::Le),
    ("以上", Op::Ge),
    ("以下", Op::Le),
    ("以内", Op::Le),
    ("之内", Op::Le),
    ("内", Op::Le),
]);

/// Phrases that make a target relative to another quantity.
pub const REFERENCES: Words = Words::new(&[
    "上一年度",
    "上一年",
    "上年度",
    "前两年",
    "前三年",
    "前一年",
    "平均水平",
    "平均值",
    "预算数",
    "同期",
    "上年",
    "去年",
    "往年",
    "历史",
    "基期",
    "预算",
    "基准",
]);

/// Words saying that more is better.
pub const HIGHER_WORDS: Words = Words::new(&[
    "有增长",
    "增加",
    "增长",
    "提高",
    "提升",
    "上升",
    "扩大",
    "加强",
    "改善",
    "优化",
    "增强",
    "促进",
    "完善",
]);

/// Words saying that less is better.
pub const LOWER_WORDS: Words = Words::new(&["减少", "下降", "降低", "缩短", "压缩", "节约"]);

/// The usual qualitative grades, whole cell after folding.
pub const GRADES: &[(&[&str], Grade)] = &[
    (
        &[
            "达到预期目标",
            "达到预期",
            "达到目标",
            "基本达到",
            "部分达到",
            "未达到",
            "达到",
            "基本达到预期目标",
            "部分达到预期目标",
            "全部达到",
            "达标",
        ],
        Grade::Achievement,
    ),
    (
        &[
            "好",
            "较好",
            "一般",
            "较差",
            "差",
            "优",
            "良",
            "中",
            "优良",
            "优秀",
            "良好",
            "合格",
            "不合格",
            "中等",
        ],
        Grade::Rating,
    ),
    (&["是", "否", "有", "无"], Grade::YesNo),
];

/// Degrees that make a direction vague (SPEC §10: a reviewer asks for 定量
/// or 分级分档 wording): `进一步提高`, `明显改善`, `有效促进`.
pub const VAGUE_WORDS: Words = Words::new(&[
    "进一步",
    "有所",
    "明显",
    "显著",
    "稳步",
    "持续",
    "逐步",
    "有效",
    "不断",
    "大幅",
    "较大",
    "一定程度",
]);

/// Words after a date that mean "by then".
pub const BY_MARKERS: Words = Words::new(&["之前", "以前", "前", "之内", "以内", "内", "止"]);

/// Words that compare with something (`较上年`, `与去年持平`).
pub const COMPARISONS: Words = Words::new(&["较", "相比", "比", "持平", "同比", "环比"]);

/// Whether `word` is spelled at `s[i..]`.
pub fn at(s: &[Ch], i: usize, word: &str) -> bool {
    let mut k = i;
    for w in word.chars() {
        match s.get(k) {
            Some(ch) if ch.c == w => k = k.saturating_add(1),
            _ => return false,
        }
    }
    true
}

/// The first entry of `table` spelled at `s[i..]`, with its length in characters.
pub fn longest(s: &[Ch], i: usize, table: &Ops) -> Option<(usize, Op)> {
    if !s.get(i).is_some_and(|ch| table.firsts.may_contain(ch.c)) {
        return None;
    }
    table
        .list
        .iter()
        .find(|(w, _)| at(s, i, w))
        .map(|(w, v)| (w.chars().count(), *v))
}

/// The first word of `words` spelled at `s[i..]`.
pub fn word_at(s: &[Ch], i: usize, words: &Words) -> Option<&'static str> {
    if !s.get(i).is_some_and(|ch| words.may_begin(ch.c)) {
        return None;
    }
    words.list.iter().copied().find(|w| at(s, i, w))
}

/// Whether the rest of the text from `i` is a proper beginning of some word in `words`.
pub fn begins_word(s: &[Ch], i: usize, words: &Words) -> bool {
    let rest = s.get(i..).unwrap_or(&[]);
    !rest.is_empty() && words.list.iter().any(|w| proper_prefix(rest, w))
}

/// Whether `rest` is a proper beginning of `word` (a word still being typed).
pub fn proper_prefix(rest: &[Ch], word: &str) -> bool {
    rest.len() < word.chars().count() && word.chars().zip(rest).all(|(a, b)| a == b.c)
}

/// CJK unified ideographs.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Whether any word of `words` occurs in `s`.
pub fn contains_any(s: &[Ch], words: &Words) -> bool {
    (0..s.len()).any(|i| word_at(s, i, words).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_passes_its_table_filter() {
        let words = [
            &REFERENCES,
            &HIGHER_WORDS,
            &LOWER_WORDS,
            &BY_MARKERS,
            &COMPARISONS,
        ];
        for table in words {
            for w in table.list {
                assert!(w.chars().next().is_some_and(|c| table.may_begin(c)), "{w}");
            }
        }
        for table in [&SYMBOL_OPS, &PREFIX_OPS, &SUFFIX_OPS] {
            for (w, _) in table.list {
                assert!(
                    w.chars()
                        .next()
                        .is_some_and(|c| table.firsts.may_contain(c)),
                    "{w}"
                );
            }
        }
        // Digits, on every number of every target, begin no unit or reference.
        assert!(!('0'..='9').any(|c| REFERENCES.may_begin(c)));
    }
}
