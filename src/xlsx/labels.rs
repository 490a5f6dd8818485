//! Labels are found by their text, never by coordinates: a label's text is
//! compared without whitespace, required-field stars, colons and a leading
//! 其中, with full-width parentheses read as ASCII ones.

/// A label's text reduced for comparison.
pub fn key(text: &str) -> String {
    let k: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '＊' | ':' | '：'))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            _ => c,
        })
        .collect();
    match k.strip_prefix("其中") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => k,
    }
}

/// A cell written `label：value` (申报单位名称：上海市…): the label part and the value.
pub fn inline(text: &str) -> Option<(String, &str)> {
    let at = text.find([':', '：'])?;
    let (label, rest) = text.split_at(at);
    let value = rest
        .trim_start_matches([':', '：'])
        .trim_matches(|c: char| c.is_whitespace());
    (!value.is_empty()).then(|| (key(label), value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_layout_noise() {
        assert_eq!(key("项目 绩效 目标"), "项目绩效目标");
        assert_eq!(key("其中: 财政资金"), "财政资金");
        assert_eq!(key("项目资金总额:"), "项目资金总额");
        assert_eq!(key("*三级绩效指标名称"), "三级绩效指标名称");
        assert_eq!(key("评（扣）分标准"), "评(扣)分标准");
        assert_eq!(key("其中"), "其中");
        assert_eq!(
            inline("申报单位名称：上海市临床检验中心"),
            Some(("申报单位名称".to_string(), "上海市临床检验中心"))
        );
        assert_eq!(inline("项目资金总额:"), None);
    }
}
