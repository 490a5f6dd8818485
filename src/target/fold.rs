//! Character folding: full-width forms, look-alike operators and the traditional
//! characters seen in real forms are mapped to one spelling, while each folded
//! character keeps the UTF-16 span of the original so diagnostics underline the
//! characters the person actually typed.

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

/// Traditional characters that occur in target and indicator texts.
fn traditional(c: char) -> char {
    match c {
        '續' => '续',
        '於' => '于',
        '內' => '内',
        '達' => '达',
        '時' => '时',
        '數' => '数',
        '個' => '个',
        '項' => '项',
        '萬' => '万',
        '億' => '亿',
        '餘' => '余',
        '兩' => '两',
        '滿' => '满',
        '質' => '质',
        '標' => '标',
        '濟' => '济',
        '會' => '会',
        '態' => '态',
        '環' => '环',
        '務' => '务',
        '對' => '对',
        '產' => '产',
        '無' => '无',
        '發' => '发',
        '規' => '规',
        '範' => '范',
        '準' => '准',
        '確' => '确',
        '實' => '实',
        '現' => '现',
        '預' => '预',
        '經' => '经',
        '費' => '费',
        '進' => '进',
        '場' => '场',
        '臺' | '檯' => '台',
        '種' => '种',
        '條' => '条',
        '員' => '员',
        '類' => '类',
        '長' => '长',
        '響' => '响',
        '應' => '应',
        '義' => '义',
        '績' => '绩',
        '並' => '并',
        '與' => '与',
        '來' => '来',
        '較' => '较',
        '過' => '过',
        '為' => '为',
        '區' => '区',
        '強' => '强',
        '訓' => '训',
        '護' => '护',
        '設' => '设',
        '備' => '备',
        '維' => '维',
        '監' => '监',
        '測' => '测',
        '檢' => '检',
        '驗' => '验',
        '證' => '证',
        '書' => '书',
        '們' => '们',
        '據' => '据',
        '價' => '价',
        '競' => '竞',
        '當' => '当',
        '後' => '后',
        '週' => '周',
        '鐘' => '钟',
        '歲' => '岁',
        '張' => '张',
        '輛' => '辆',
        '間' => '间',
        '節' => '节',
        '門' => '门',
        '課' => '课',
        '戶' => '户',
        '冊' => '册',
        '處' => '处',
        '頁' => '页',
        '擔' => '担',
        '級' => '级',
        _ => c,
    }
}

/// Folds a whole string (used for names and free text), without spans.
pub fn fold_str(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Folds a name for matching: folded characters, all whitespace removed.
pub fn squash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    out.extend(text.chars().map(fold_char).filter(|c| *c != ' '));
    out
}
