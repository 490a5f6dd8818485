//! Word lists of the target grammar: operators in symbols and words, units,
//! reference phrases of relative targets and direction words. Longest entries
//! first wherever one entry is a prefix of another.

use super::fold::Ch;
use super::Op;

/// Operators written as symbols, after folding (full-width forms are folded already).
pub const SYMBOL_OPS: &[(&str, Op)] = &[
    (">=", Op::Ge),
    ("<=", Op::Le),
    ("==", Op::Eq),
    ("≥", Op::Ge),
    ("≤", Op::Le),
    (">", Op::Gt),
    ("<", Op::Lt),
    ("=", Op::Eq),
];

/// Operators written as words before the number.
pub const PREFIX_OPS: &[(&str, Op)] = &[
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
    ("至少", Op::Ge),
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
];

/// Operators written as words after the value (`98%以上`, `2小时内`).
pub const SUFFIX_OPS: &[(&str, Op)] = &[
    ("及以上", Op::Ge),
    ("及以下", Op::Le),
    ("以上", Op::Ge),
    ("以下", Op::Le),
    ("以内", Op::Le),
    ("之内", Op::Le),
    ("内", Op::Le),
];

/// Units seen in real forms (and their close relatives), longest first.
pub const UNITS: &[&str] = &[
    "个百分点",
    "个工作日",
    "平方米",
    "百分点",
    "工作日",
    "人次",
    "人天",
    "人日",
    "人月",
    "台次",
    "户次",
    "件次",
    "场次",
    "批次",
    "届次",
    "小时",
    "分钟",
    "个月",
    "千克",
    "公斤",
    "万元",
    "亿元",
    "课时",
    "学时",
    "公里",
    "千米",
    "万",
    "亿",
    "%",
    "‰",
    "人",
    "次",
    "家",
    "项",
    "个",
    "篇",
    "种",
    "集",
    "件",
    "套",
    "条",
    "分",
    "场",
    "名",
    "台",
    "秒",
    "天",
    "日",
    "周",
    "月",
    "年",
    "克",
    "吨",
    "元",
    "例",
    "份",
    "批",
    "所",
    "本",
    "册",
    "部",
    "户",
    "床",
    "张",
    "辆",
    "座",
    "期",
    "轮",
    "节",
    "门",
    "课",
    "位",
    "组",
    "队",
    "支",
    "类",
    "点",
    "处",
    "间",
    "米",
    "页",
    "幅",
    "首",
    "届",
    "岁",
    "株",
    "只",
    "头",
    "盒",
    "箱",
    "包",
    "瓶",
];

/// Units of time: a number in one of them is a duration.
pub const DURATION_UNITS: &[&str] = &[
    "个工作日",
    "工作日",
    "小时",
    "分钟",
    "个月",
    "秒",
    "天",
    "日",
    "周",
    "年",
];

/// Characters that never act as a measure word after a number.
const NOT_A_UNIT: &str = "的以及前内之和与或至到余多左右为是每共计在于即等后上下中并且不也都已将把被从向对比较约近超达低高大小";

/// Phrases that make a target relative to another quantity.
pub const REFERENCES: &[&str] = &[
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
];

/// Words saying that more is better.
pub const HIGHER_WORDS: &[&str] = &[
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
];

/// Words saying that less is better.
pub const LOWER_WORDS: &[&str] = &["减少", "下降", "降低", "缩短", "压缩", "节约"];

/// Words after a date that mean "by then".
pub const BY_MARKERS: &[&str] = &["之前", "以前", "前", "之内", "以内", "内", "止"];

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

/// The characters some word of a set of tables begins with: one bit per
/// character of the Basic Multilingual Plane (8 KB, built once per set).
/// Most characters of a text begin no word, so word scans are skipped for them.
pub struct Firsts {
    bits: Vec<u64>,
    /// Some word begins outside the BMP: such characters always scan.
    astral: bool,
}

impl Firsts {
    pub fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> Firsts {
        let mut f = Firsts {
            bits: vec![0u64; 1024],
            astral: false,
        };
        for first in words.into_iter().filter_map(|w| w.chars().next()) {
            let n = first as usize;
            match f.bits.get_mut(n / 64) {
                Some(word) => *word |= 1 << (n % 64),
                None => f.astral = true,
            }
        }
        f
    }

    pub fn contains(&self, c: char) -> bool {
        let n = c as usize;
        self.bits
            .get(n / 64)
            .map_or(self.astral, |word| word & (1 << (n % 64)) != 0)
    }
}

/// Whether some word of some table begins with `c`: the grammar tries
/// several tables at every position of the text.
fn begins_any(c: char) -> bool {
    static FIRSTS: std::sync::OnceLock<Firsts> = std::sync::OnceLock::new();
    FIRSTS
        .get_or_init(|| {
            let ops = SYMBOL_OPS
                .iter()
                .chain(PREFIX_OPS)
                .chain(SUFFIX_OPS)
                .map(|(w, _)| *w);
            let words = [
                UNITS,
                DURATION_UNITS,
                REFERENCES,
                HIGHER_WORDS,
                LOWER_WORDS,
                BY_MARKERS,
            ]
            .concat();
            Firsts::of(ops.chain(words))
        })
        .contains(c)
}

/// The first entry of `table` spelled at `s[i..]`, with its length in characters.
pub fn longest<T: Copy>(s: &[Ch], i: usize, table: &[(&str, T)]) -> Option<(usize, T)> {
    if !s.get(i).is_some_and(|ch| begins_any(ch.c)) {
        return None;
    }
    table
        .iter()
        .find(|(w, _)| at(s, i, w))
        .map(|(w, v)| (w.chars().count(), *v))
}

/// The first word of `words` spelled at `s[i..]`.
pub fn word_at<'w>(s: &[Ch], i: usize, words: &[&'w str]) -> Option<&'w str> {
    if !s.get(i).is_some_and(|ch| begins_any(ch.c)) {
        return None;
    }
    words.iter().copied().find(|w| at(s, i, w))
}

/// Whether the rest of the text from `i` is a proper beginning of some word in `words`.
pub fn begins_word(s: &[Ch], i: usize, words: &[&str]) -> bool {
    let rest = s.get(i..).unwrap_or(&[]);
    !rest.is_empty()
        && words.iter().any(|w| {
            let n = w.chars().count();
            rest.len() < n && w.chars().zip(rest.iter()).all(|(a, b)| a == b.c)
        })
}

/// Whether `c` can serve as a one-character measure word the table does not list.
pub fn measure_word(c: char) -> bool {
    is_han(c) && !NOT_A_UNIT.contains(c) && super::number::chinese_digit(c).is_none()
}

/// CJK unified ideographs.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Whether any word of `words` occurs in `s`.
pub fn contains_any(s: &[Ch], words: &[&str]) -> bool {
    (0..s.len()).any(|i| word_at(s, i, words).is_some())
}
