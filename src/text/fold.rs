//! Character folding: full-width forms, look-alike operators and the traditional
//! characters seen in real forms are mapped to one spelling, while each folded
//! character keeps the UTF-16 span of the original so diagnostics underline the
//! characters the person actually typed.

use super::charset::CharSet;

/// One folded character and where it came from (UTF-16 code units of the input).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ch {
    /// The folded character the grammar matches on.
    pub c: char,
    /// The character as typed, kept for free-text canonical forms.
    pub orig: char,
    pub start: u32,
    pub end: u32,
}

/// Folds `text` into characters with spans. Whitespace of every kind becomes `' '`.
pub fn fold(text: &str) -> Vec<Ch> {
    let mut out = Vec::with_capacity(text.len());
    let mut pos: u32 = 0;
    for c in text.chars() {
        let width = c.len_utf16() as u32;
        let end = pos.saturating_add(width);
        out.push(Ch {
            c: fold_char(c),
            orig: c,
            start: pos,
            end,
        });
        pos = end;
    }
    out
}

/// The folded spelling of one character.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return if matches!(c, '\t' | '\n' | '\r') {
            ' '
        } else {
            c
        };
    }
    match c {
        // Full-width ASCII block: ＞＝≥ digits ％ （） etc.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32((c as u32).wrapping_sub(0xFEE0)).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\t' | '\n' | '\r' | '\u{2002}'..='\u{200A}' => ' ',
        '≧' | '⩾' => '≥',
        '≦' | '⩽' => '≤',
        '〜' | '∼' => '~',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '〇' => '零',
        _ => traditional(c),
    }
}

/// Traditional characters that occur in target and indicator texts, with
/// their simplified forms, sorted by the traditional character.
const TRADITIONAL: &[(char, char)] = &[
    ('並', '并'),
    ('來', '来'),
    ('個', '个'),
    ('們', '们'),
    ('備', '备'),
    ('價', '价'),
    ('億', '亿'),
    ('內', '内'),
    ('兩', '两'),
    ('冊', '册'),
    ('務', '务'),
    ('區', '区'),
    ('員', '员'),
    ('場', '场'),
    ('實', '实'),
    ('對', '对'),
    ('張', '张'),
    ('強', '强'),
    ('後', '后'),
    ('態', '态'),
    ('應', '应'),
    ('戶', '户'),
    ('擔', '担'),
    ('據', '据'),
    ('數', '数'),
    ('於', '于'),
    ('時', '时'),
    ('書', '书'),
    ('會', '会'),
    ('條', '条'),
    ('標', '标'),
    ('檢', '检'),
    ('檯', '台'),
    ('歲', '岁'),
    ('測', '测'),
    ('準', '准'),
    ('滿', '满'),
    ('濟', '济'),
    ('為', '为'),
    ('無', '无'),
    ('現', '现'),
    ('環', '环'),
    ('產', '产'),
    ('當', '当'),
    ('發', '发'),
    ('監', '监'),
    ('確', '确'),
    ('種', '种'),
    ('競', '竞'),
    ('節', '节'),
    ('範', '范'),
    ('級', '级'),
    ('經', '经'),
    ('維', '维'),
    ('績', '绩'),
    ('續', '续'),
    ('義', '义'),
    ('臺', '台'),
    ('與', '与'),
    ('萬', '万'),
    ('處', '处'),
    ('規', '规'),
    ('訓', '训'),
    ('設', '设'),
    ('課', '课'),
    ('證', '证'),
    ('護', '护'),
    ('費', '费'),
    ('質', '质'),
    ('較', '较'),
    ('輛', '辆'),
    ('週', '周'),
    ('進', '进'),
    ('過', '过'),
    ('達', '达'),
    ('鐘', '钟'),
    ('長', '长'),
    ('門', '门'),
    ('間', '间'),
    ('響', '响'),
    ('頁', '页'),
    ('項', '项'),
    ('預', '预'),
    ('類', '类'),
    ('餘', '余'),
    ('驗', '验'),
];

/// The table's traditional characters: nearly every character of a form is
/// not one of them, and the set says so without a search.
const TRADITIONAL_SET: CharSet = {
    let mut set = CharSet::EMPTY;
    let mut rest = TRADITIONAL;
    while let [(t, _), tail @ ..] = rest {
        set = set.with(*t as u32);
        rest = tail;
    }
    set
};

#[inline]
fn traditional(c: char) -> char {
    if !TRADITIONAL_SET.may_contain(c) {
        return c;
    }
    simplified(c)
}

/// The table lookup, kept out of line: the set above answers nearly every call.
#[inline(never)]
fn simplified(c: char) -> char {
    TRADITIONAL
        .binary_search_by_key(&c, |&(t, _)| t)
        .ok()
        .and_then(|i| TRADITIONAL.get(i))
        .map_or(c, |&(_, simplified)| simplified)
}

/// Folds a whole string (used for names and free text), without spans.
pub fn fold_str(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Folds a name for matching: folded characters, all whitespace removed.
pub fn squash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Most characters stay as they are: copy those in runs, not one by one.
    let mut run = 0;
    for (i, c) in text.char_indices() {
        let f = fold_char(c);
        if f != c || f == ' ' {
            out.push_str(text.get(run..i).unwrap_or_default());
            if f != ' ' {
                out.push(f);
            }
            run = i.saturating_add(c.len_utf8());
        }
    }
    out.push_str(text.get(run..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::{squash, traditional, TRADITIONAL};

    #[test]
    fn traditional_table_is_sorted_and_every_entry_folds() {
        assert!(TRADITIONAL
            .windows(2)
            .all(|w| matches!(w, [a, b] if a.0 < b.0)));
        for &(t, simplified) in TRADITIONAL {
            assert_eq!(traditional(t), simplified);
            assert_eq!(traditional(simplified), simplified);
        }
        assert_eq!(traditional('数'), '数');
        assert_eq!(traditional('臺'), '台');
        assert_eq!(traditional('檯'), '台');
    }

    #[test]
    fn squash_folds_and_drops_whitespace_keeping_the_rest() {
        assert_eq!(squash("指标 1：覆盖率"), "指标1:覆盖率");
        assert_eq!(squash("數量　指標"), "数量指标");
        assert_eq!(squash("\t社会 效益\n"), "社会效益");
        assert_eq!(squash("（满意度）％"), "(满意度)%");
        assert_eq!(squash("时效"), "时效");
        assert_eq!(squash(""), "");
        assert_eq!(squash("　 "), "");
    }
}
