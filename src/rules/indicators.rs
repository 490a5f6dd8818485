//! The indicator table: level names per template, names present and not
//! repeated, placeholders whole, and (T2021) every required kind covered.

use super::facts::{blank, Row, RowLabel, RowPointer};
use super::{Facts, Findings, Rule};
use crate::form::model::Indicator;
use crate::rule::rule;
use crate::templates::taxonomy;
use crate::templates::Optional;
use std::borrow::Cow;
use std::collections::BTreeMap;

rule!(
    INDICATOR_LEVEL1_UNKNOWN,
    Row,
    Error,
    LEVEL1_WRONG,
    "一级指标不是本模板的一级指标（或把二级指标填在了一级指标栏）",
    "the level-1 name is not a level-1 of the template"
);
rule!(
    INDICATOR_LEVEL2_UNKNOWN,
    Row,
    Error per template,
    LEVEL2_WRONG,
    "二级指标不是本模板的二级指标（T2021 为错误，旧模板为警告）",
    "the level-2 name is not one of the template's (error in T2021, warning in older templates)"
);
rule!(
    INDICATOR_LEVEL2_MISMATCH,
    Row,
    Error,
    LEVEL2_WRONG,
    "二级指标放在了不对应的一级指标下",
    "the level-2 belongs under another level-1"
);
rule!(
    INDICATOR_NAME_MISSING,
    Row,
    Error,
    INCOMPLETE,
    "三级指标名称未填写",
    "an indicator has no name"
);
rule!(
    TARGET_MISSING,
    Row,
    Error,
    INCOMPLETE,
    "指标值未填写",
    "an indicator has no target value"
);
rule!(
    PLACEHOLDER_PARTIAL,
    Row,
    Error,
    INCOMPLETE,
    "只有指标名称或指标值之一写了“-”；不适用的行两者都应为“-”",
    "only one of name and target is the placeholder \"-\""
);
rule!(COVERAGE_MISSING, Form, Error per template, INCOMPLETE, "缺少必备的指标类型：数量、质量、时效、效益指标缺失为错误，满意度、成本指标缺失为警告（T2021）", "a required kind of indicator is missing: 数量/质量/时效/效益 (error), 满意度/成本 (warning), T2021");
rule!(
    INDICATOR_DUPLICATE,
    Form,
    Warning,
    SPLIT,
    "同一二级指标下有重复的三级指标",
    "the same indicator appears twice under one level-2"
);
rule!(INDICATOR_LEVEL2_SUSPECT, Row, Warning, LEVEL2_WRONG, "指标名称与所在二级指标不符（T2021：满意度指标放在了效益指标下，或生态效益、经济效益、满意度指标的名称与之无关）", "the indicator's name does not fit its level-2 (T2021)");
rule!(
    INDICATOR_NAME_TOO_LONG,
    Row,
    Warning,
    NOT_QUANTIFIED,
    "三级指标名称超过 100 个字",
    "the indicator name is over 100 characters"
);

pub const RULES: &[Rule] = &[
    INDICATOR_LEVEL1_UNKNOWN,
    INDICATOR_LEVEL2_UNKNOWN,
    INDICATOR_LEVEL2_MISMATCH,
    INDICATOR_NAME_MISSING,
    TARGET_MISSING,
    PLACEHOLDER_PARTIAL,
    COVERAGE_MISSING,
    INDICATOR_DUPLICATE,
    INDICATOR_LEVEL2_SUSPECT,
    INDICATOR_NAME_TOO_LONG,
];

/// What a T2021 level-2 name must mention, by base name.
const LEVEL2_TOPICS: &[(&str, &str, &[&str])] = &[
    (
        "生态效益",
        "生态环境",
        &[
            "生态", "环境", "环保", "节能", "减排", "能耗", "碳", "污染", "绿", "废", "排放",
            "空气", "噪声", "纸", "水", "土", "林", "草", "湿地", "沙", "灌溉", "排水", "农药",
            "化肥", "秸秆", "粪", "垃圾", "植", "河", "湖",
        ],
    ),
    (
        "经济效益",
        "经济收益或节约",
        &[
            "经济", "收入", "增收", "节约", "节省", "成本", "效益", "产值", "产量", "增产", "粮",
            "产业", "消费", "就业", "销售", "市场", "投资", "收益", "资金", "费用", "金额", "价格",
            "利润", "税", "创收", "支出", "元",
        ],
    ),
    // Perceptions a survey measures like satisfaction (获得感, 安全感).
    (
        "服务对象满意度",
        "满意度",
        &["满意", "获得感", "幸福感", "安全感", "认可"],
    ),
];

/// Whether the row's name (numbering removed) is a satisfaction measure.
fn is_satisfaction(core: &str) -> bool {
    core.ends_with("满意度") || core.ends_with("满意率")
}

fn level2_fit(c: &Facts, p: RowPointer, row: RowLabel, core: &str, level2: &str, f: &mut Findings) {
    let canonical = || taxonomy::level2_canonical(c.template, level2);
    if level2 != "服务对象满意度" && is_satisfaction(core) {
        let canonical = canonical();
        f.add(
            &INDICATOR_LEVEL2_SUSPECT,
            p.at("level2"),
            format!(
                "{row}是满意度指标，应放在“满意度指标—服务对象满意度指标”下，而不是“{canonical}”"
            ),
            format!("a satisfaction indicator belongs under 服务对象满意度指标, not {canonical}"),
            vec![
                ("expectedLevel2", "服务对象满意度指标".into()),
                ("level2", canonical),
            ],
        );
        return;
    }
    // A row marked not applicable (本项目不适用此指标) has no topic.
    if core.contains("不适用") {
        return;
    }
    if let Some((_, topic, words)) = LEVEL2_TOPICS.iter().find(|(b, _, _)| *b == level2) {
        if !words.iter().any(|w| core.contains(w)) {
            let canonical = canonical();
            f.add(
                &INDICATOR_LEVEL2_SUSPECT,
                p.at("level2"),
                format!("{row}放在“{canonical}”下，但名称与{topic}无关，请核对二级指标"),
                format!("the name does not relate to {canonical}"),
                vec![("topic", topic.to_string()), ("level2", canonical)],
            );
        }
    }
}

const NAME_MAX: usize = 100;

/// The table: each row's own rules, then repeats and coverage across rows.
pub fn check(c: &Facts, f: &mut Findings) {
    let mut seen: BTreeMap<(Cow<str>, &str, &str), usize> = BTreeMap::new();
    let mut covered: Vec<(&str, &str)> = Vec::new();
    for (ind, info) in c.rows() {
        row(c, ind, info, f);
        if !super::facts::counts(ind, info) {
            continue;
        }
        let lv = &info.levels;
        let l1_key = lv.level1.map_or_else(
            || Cow::Owned(taxonomy::base(ind.level1.as_deref().unwrap_or_default())),
            |l| Cow::Borrowed(l.canonical),
        );
        let l2_key = lv.level2.as_deref().unwrap_or_default();
        if let Some(l) = lv.level1 {
            covered.push((l.base, l2_key));
        }
        let key = (l1_key, l2_key, info.core.as_str());
        match seen.get(&key) {
            Some(&first) => duplicate(info.index, &ind.name, first, f),
            None => {
                seen.insert(key, info.index);
            }
        }
    }
    if !c.rows.is_empty() {
        coverage(c, &covered, f);
    }
}

/// One row's own rules: what the row check reports while a clerk types.
pub fn row(c: &Facts, ind: &Indicator, info: &Row, f: &mut Findings) {
    let p = RowPointer::row(info.index);
    let label = RowLabel::new(info.index, &ind.name);
    levels(c, ind, info, p, label, f);
    // An unused line asks for nothing more than level names in their place.
    if super::facts::unused(ind) {
        return;
    }
    let (name_ph, target_ph) = (info.placeholder_name, info.placeholder_target);
    let n = info.index.saturating_add(1);
    if name_ph != target_ph {
        let (field, zh) = if name_ph {
            ("target", "指标值")
        } else {
            ("name", "指标名称")
        };
        f.add(
            &PLACEHOLDER_PARTIAL,
            p.at(field),
            format!(
                "第{n}行只有一栏写了“-”：不适用的行，指标名称和指标值都应为“-”；否则请填写{zh}"
            ),
            format!("row {n}: only one of name and target is \"-\""),
            Vec::new(),
        );
    }
    if name_ph && target_ph {
        return;
    }
    if blank(&ind.name) {
        f.add(
            &INDICATOR_NAME_MISSING,
            p.at("name"),
            format!("第{n}行未填写三级指标名称"),
            format!("row {n} has no indicator name"),
            Vec::new(),
        );
    }
    if blank(&ind.target) && info.split.is_none() {
        f.add(
            &TARGET_MISSING,
            p.at("target"),
            format!("{label}未填写指标值"),
            format!("row {n} has no target value"),
            Vec::new(),
        );
    }
    let name = ind.name.as_deref().unwrap_or_default();
    // Counted as the 一体化 system's editor counts (JavaScript length: UTF-16
    // units, a character outside the BMP counts two). No more bytes than
    // the limit means no more units either.
    let len = if name.len() > NAME_MAX {
        name.encode_utf16().count()
    } else {
        0
    };
    if len > NAME_MAX {
        f.add(
            &INDICATOR_NAME_TOO_LONG,
            p.at("name"),
            format!("第{n}行指标名称有 {len} 个字，超过 {NAME_MAX} 字，请精简"),
            format!("row {n}: name has {len} characters (max {NAME_MAX})"),
            vec![("length", len.to_string())],
        );
    }
    let lv = &info.levels;
    if c.template.applies(Optional::Level2Topics) && !blank(&ind.name) {
        if let Some(l2) = lv.level2.as_deref().filter(|_| lv.level1.is_some()) {
            level2_fit(c, p, label, &info.core, l2, f);
        }
    }
}

fn duplicate(index: usize, name: &Option<String>, first: usize, f: &mut Findings) {
    let label = RowLabel::new(index, name);
    let (n, m) = (index.saturating_add(1), first.saturating_add(1));
    f.add(
        &INDICATOR_DUPLICATE,
        RowPointer::row(index).at("name"),
        format!("{label}与第{m}行重复（同一二级指标下的同名指标），请合并或拆分为不同指标"),
        format!("row {n} repeats row {m}"),
        vec![("firstRow", first.to_string())],
    );
}

/// Level-1 and level-2 names: known to the template, and in their place.
fn levels(c: &Facts, ind: &Indicator, info: &Row, p: RowPointer, row: RowLabel, f: &mut Findings) {
    let t = c.template;
    let lv = &info.levels;
    let n = info.index.saturating_add(1);
    // Listed in a message only when a row needs it.
    let level1_names = || {
        t.levels
            .iter()
            .map(|l| l.canonical)
            .collect::<Vec<_>>()
            .join("、")
    };
    let l1_text = ind.level1.as_deref().unwrap_or_default();
    let l2_text = ind.level2.as_deref().unwrap_or_default();
    match lv.level1 {
        None if l1_text.trim().is_empty() => {
            let names = level1_names();
            f.add(
                &INDICATOR_LEVEL1_UNKNOWN,
                p.at("level1"),
                format!("{row}未填写一级指标，应为：{names}"),
                format!("row {n} has no level-1"),
                vec![("allowed", names)],
            )
        }
        None => {
            let names = level1_names();
            f.add(
                &INDICATOR_LEVEL1_UNKNOWN,
                p.at("level1"),
                format!("{row}的一级指标“{l1_text}”不是本模板的一级指标，应为：{names}"),
                format!("level-1 \"{l1_text}\" is not one of: {names}"),
                vec![("value", l1_text.to_string()), ("allowed", names)],
            )
        }
        Some(parent) if lv.level1_is_level2 => f.add(
            &INDICATOR_LEVEL1_UNKNOWN,
            p.at("level1"),
            format!(
                "{row}：“{l1_text}”是二级指标，应放在一级指标“{}”下",
                parent.canonical
            ),
            format!(
                "\"{l1_text}\" is a level-2; it belongs under \"{}\"",
                parent.canonical
            ),
            vec![
                ("value", l1_text.to_string()),
                ("expectedLevel1", parent.canonical.to_string()),
            ],
        ),
        Some(_) => {}
    }
    if let Some(parent) = lv.level1 {
        let written_l2 = &lv.written_level2;
        let children = || {
            parent
                .children
                .iter()
                .map(|b| taxonomy::level2_canonical(t, b))
                .collect::<Vec<_>>()
                .join("、")
        };
        let l2_sev = t.unknown_level2;
        if written_l2.is_empty() && !lv.level1_is_level2 {
            let children = children();
            f.add_at(
                &INDICATOR_LEVEL2_UNKNOWN,
                l2_sev,
                p.at("level2"),
                format!(
                    "{row}未填写二级指标，“{}”下应为：{children}",
                    parent.canonical
                ),
                format!("row {n} has no level-2"),
                vec![("allowed", children.clone())],
            );
        } else if !written_l2.is_empty() && !taxonomy::admits(parent, written_l2) {
            match taxonomy::parents_of(t, written_l2).next() {
                Some(right) => f.add(
                    &INDICATOR_LEVEL2_MISMATCH,
                    p.at("level2"),
                    format!(
                        "{row}：二级指标“{l2_text}”属于“{}”，不应放在“{}”下",
                        right.canonical, parent.canonical
                    ),
                    format!(
                        "level-2 \"{l2_text}\" belongs under \"{}\", not \"{}\"",
                        right.canonical, parent.canonical
                    ),
                    vec![
                        ("value", l2_text.to_string()),
                        ("level1", parent.canonical.to_string()),
                        ("expectedLevel1", right.canonical.to_string()),
                    ],
                ),
                None => {
                    let children = children();
                    f.add_at(
                        &INDICATOR_LEVEL2_UNKNOWN,
                        l2_sev,
                        p.at("level2"),
                        format!(
                            "{row}的二级指标“{l2_text}”不是“{}”下的二级指标，应为：{children}",
                            parent.canonical
                        ),
                        format!("level-2 \"{l2_text}\" is not one of: {children}"),
                        vec![
                            ("value", l2_text.to_string()),
                            ("allowed", children.clone()),
                        ],
                    )
                }
            }
        }
    }
}

/// Each kind of indicator the template requires has a named row.
fn coverage(c: &Facts, covered: &[(&str, &str)], f: &mut Findings) {
    let has = |(l1, l2): &(&str, Option<&str>)| {
        covered
            .iter()
            .any(|(a, b)| a == l1 && l2.is_none_or(|x| *b == x))
    };
    for need in c.template.coverage {
        if need.any_of.iter().any(has) {
            continue;
        }
        let rule = Rule {
            review_category: need.review_category,
            ..COVERAGE_MISSING
        };
        let zh = need.label;
        f.add_at(
            &rule,
            need.severity,
            "/indicators",
            format!("缺少{zh}（占位的“-”行不算），请补充至少一条"),
            format!("no {} indicator (placeholder rows do not count)", need.key),
            vec![("missing", zh.to_string())],
        );
    }
}
