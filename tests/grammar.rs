//! The target grammar, phrase by phrase (SPEC §4), and every diagnostic code
//! the engine reports, with the span it underlines.

use perftarget::target::{normalise, Context, Direction, Kind, Status, Target};

fn n(text: &str) -> Target {
    normalise(text, &Context::default())
}

fn y(text: &str, year: i32) -> Target {
    normalise(
        text,
        &Context {
            year: Some(year),
            ..Context::default()
        },
    )
}

fn canon(text: &str) -> String {
    let t = n(text);
    assert_eq!(t.status, Status::Valid, "{text:?}: {:?}", t.diagnostics);
    t.canonical.unwrap()
}

#[test]
fn operators_in_symbols() {
    for (input, want) in [
        ("≥90%", "≥90.00(%)"),
        (">=90%", "≥90.00(%)"),
        ("＞＝90%", "≥90.00(%)"),
        ("≧90％", "≥90.00(%)"),
        ("≤5次", "≤5.00(次)"),
        ("<=5次", "≤5.00(次)"),
        ("≦5次", "≤5.00(次)"),
        ("＜1次", "<1.00(次)"),
        ("＞90%", ">90.00(%)"),
        ("＝100%", "=100.00(%)"),
        ("100%", "=100.00(%)"),
        ("=100(%)", "=100.00(%)"),
        ("≥ 90 %", "≥90.00(%)"),
    ] {
        assert_eq!(canon(input), want, "{input}");
    }
}

#[test]
fn operators_in_words() {
    for (input, want) in [
        ("不低于90%", "≥90.00(%)"),
        ("不少于5场", "≥5.00(场)"),
        ("不小于3项", "≥3.00(项)"),
        ("大于等于90%", "≥90.00(%)"),
        ("至少2次", "≥2.00(次)"),
        ("98%以上", "≥98.00(%)"),
        ("10人及以上", "≥10.00(人)"),
        ("5%以内", "≤5.00(%)"),
        ("不超过3次", "≤3.00(次)"),
        ("不高于2%", "≤2.00(%)"),
        ("小于等于10天", "≤10.00(天)"),
        ("低于100克", "<100.00(克)"),
        ("少于3次", "<3.00(次)"),
        ("高于80分", ">80.00(分)"),
        ("超过500人次", ">500.00(人次)"),
        ("大于 80%", ">80.00(%)"),
        ("达到95%", "≥95.00(%)"),
        ("5人以下", "≤5.00(人)"),
    ] {
        assert_eq!(canon(input), want, "{input}");
    }
}

#[test]
fn numbers_as_clerks_write_them() {
    for (input, want) in [
        ("≥２７０００人", "≥27000.00(人)"),
        ("≥27,000人", "≥27000.00(人)"),
        ("≥1,234,567.5元", "≥1234567.50(元)"),
        ("三次", "=3.00(次)"),
        ("完成十五场培训", "=15.00(场)"),
        ("两篇", "=2.00(篇)"),
        ("一百二十人", "=120.00(人)"),
        ("一千零五件", "=1005.00(件)"),
        ("≥15万", "≥15.00(万)"),
        ("≥1.5万人次", "≥1.50(万人次)"),
        ("1.5亿元", "=1.50(亿元)"),
        ("8万余名", "≥8.00(万名)"),
        ("500多项", "≥500.00(项)"),
        ("百分之九十", "=90.00(%)"),
        ("≥99.995%", "≥99.995(%)"),
        ("≥-5%", "≥-5.00(%)"),
    ] {
        assert_eq!(canon(input), want, "{input}");
    }
    assert_eq!(n("8万余名").value.unwrap().to_string(), "8");
}

#[test]
fn worded_comparisons_keep_their_words() {
    let t = n("完成对全市8万余名注册医师的考核");
    assert_eq!(t.canonical.as_deref(), Some("≥8.00(万名)"));
    assert_eq!(t.note.as_deref(), Some("完成对全市…注册医师的考核"));
    let t = n("纸张克重低于100克");
    assert_eq!(t.canonical.as_deref(), Some("<100.00(克)"));
    assert_eq!(t.note.as_deref(), Some("纸张克重"));
    assert_eq!(t.direction, Some(Direction::Lower));
}

#[test]
fn units_bare_or_in_parentheses() {
    for (input, unit) in [
        ("=1.00(项)", "项"),
        ("≥200.00(万)", "万"),
        ("≥200(人次)", "人次"),
        ("≥2台次", "台次"),
        ("≥2 （万元）", "万元"),
        ("2个百分点", "个百分点"),
        ("≥3所", "所"),
    ] {
        assert_eq!(n(input).unit.as_deref(), Some(unit), "{input}");
    }
}

#[test]
fn ranges() {
    let t = n("2-3项");
    assert_eq!(
        (t.kind, t.canonical.as_deref()),
        (Some(Kind::Range), Some("2.00~3.00(项)"))
    );
    assert_eq!(
        (t.low.unwrap().to_string(), t.high.unwrap().to_string()),
        ("2".into(), "3".into())
    );
    assert!(t.system.is_none());
    assert!(t.diagnostics.iter().any(|d| d.code == "TARGET_RANGE"));
    assert_eq!(canon("90%~95%"), "90.00~95.00(%)");
    assert_eq!(canon("1至2篇"), "1.00~2.00(篇)");
    assert_eq!(canon("2.00~3.00(项)"), "2.00~3.00(项)");
}

#[test]
fn deadlines_with_and_without_a_year() {
    for (input, date) in [
        ("2024年11月底前完成", "2024-11-30"),
        ("2023年12月30日前完成", "2023-12-30"),
        ("2023年3月31日前完成", "2023-03-31"),
        ("2024年2月底前", "2024-02-29"),
        ("2024-06-30前", "2024-06-30"),
        ("2024/6/30之前", "2024-06-30"),
        ("2024年底前完成", "2024-12-31"),
        ("2024年6月上旬", "2024-06-10"),
    ] {
        let t = n(input);
        assert_eq!(
            (t.status, t.kind, t.date.as_deref()),
            (Status::Valid, Some(Kind::Deadline), Some(date)),
            "{input}"
        );
    }
    let t = n("11月底之前完成");
    assert_eq!(
        (t.status, t.kind),
        (Status::Incomplete, Some(Kind::Deadline))
    );
    assert_eq!(t.diagnostics[0].code, "TARGET_YEAR_MISSING");
    let t = y("11月底之前完成", 2024);
    assert_eq!(
        (t.status, t.date.as_deref(), t.canonical.as_deref()),
        (Status::Valid, Some("2024-11-30"), Some("2024年11月30日前"))
    );
    assert_eq!(t.note.as_deref(), Some("完成"));
    assert_eq!(y("年底前完成", 2025).date.as_deref(), Some("2025-12-31"));
    assert_eq!(t.system.unwrap().operator, "定性");
}

#[test]
fn durations() {
    let t = n("≤2小时到场");
    assert_eq!(
        (t.kind, t.canonical.as_deref(), t.note.as_deref()),
        (Some(Kind::Duration), Some("≤2.00(小时)"), Some("到场"))
    );
    assert_eq!(canon("3个工作日内"), "≤3.00(个工作日)");
    assert_eq!(n("30分钟内响应").kind, Some(Kind::Duration));
}

#[test]
fn relative_qualitative_rank_placeholder() {
    for (input, dir) in [
        ("小于等于预算数", Some(Direction::Lower)),
        ("较上一年同期增加", Some(Direction::Higher)),
        ("与去年用户相比有增长", Some(Direction::Higher)),
        ("不低于前两年度平均水平", Some(Direction::Higher)),
    ] {
        let t = n(input);
        assert_eq!(
            (t.status, t.kind, t.direction),
            (Status::Valid, Some(Kind::Relative), dir),
            "{input}"
        );
        assert_eq!(t.canonical.as_deref(), Some(input));
    }
    for q in [
        "合理",
        "健全",
        "有效",
        "规范",
        "合规",
        "完备",
        "可控",
        "共享",
        "有控制",
        "建立",
        "提高",
        "提升",
        "完成",
        "符合",
        "优",
        "优良",
        "满意",
        "是",
        "及时",
        "通过",
        "无事故发生",
    ] {
        let t = n(q);
        assert_eq!(
            (t.status, t.kind),
            (Status::Valid, Some(Kind::Qualitative)),
            "{q}"
        );
        assert_eq!(t.system.as_ref().map(|s| s.operator), Some("定性"));
    }
    assert_eq!(n("提升").direction, Some(Direction::Higher));
    assert_eq!(n("  合理 ").canonical.as_deref(), Some("合理"));
    let t = n("前三名");
    assert_eq!(
        (
            t.kind,
            t.canonical.as_deref(),
            t.value.map(|v| v.to_string())
        ),
        (Some(Kind::Rank), Some("前3名"), Some("3".into()))
    );
    let t = n("-");
    assert_eq!(
        (t.status, t.kind, t.canonical.as_deref()),
        (Status::Valid, Some(Kind::Placeholder), Some("-"))
    );
    assert_eq!(n("   ").status, Status::Empty);
    assert!(!n("").hint.is_empty());
}

#[test]
fn system_split_form() {
    let s = n(">90%").system.unwrap();
    assert_eq!(
        (s.operator, s.value.as_str(), s.unit.as_deref()),
        ("＞", "90.00", Some("%"))
    );
    assert_eq!(n("=1项").system.unwrap().operator, "＝");
    assert_eq!(n("<1次").system.unwrap().operator, "＜");
    assert_eq!(n("≥1次").system.unwrap().operator, "≥");
    assert_eq!(n("合理").system.unwrap().value, "合理");
    let long = "控".repeat(61);
    let t = n(&long);
    assert!(t.system.is_none() && t.diagnostics.iter().any(|d| d.code == "TARGET_TOO_LONG"));
    let t = n("按A-B方案");
    assert!(
        t.system.is_none()
            && t.diagnostics
                .iter()
                .any(|d| d.code == "TARGET_SYSTEM_CHARS")
    );
}

/// Every engine code, the input that raises it, its status and the UTF-16 span.
#[test]
fn diagnostics_point_at_the_characters() {
    let big = "9".repeat(3000);
    let cases: Vec<(&str, &str, Status, (u32, u32))> = vec![
        ("≥≥90%", "TARGET_OPERATOR_REPEATED", Status::Invalid, (1, 2)),
        ("≥", "TARGET_VALUE_MISSING", Status::Incomplete, (0, 1)),
        ("≥合理", "TARGET_VALUE_MISSING", Status::Invalid, (0, 2)),
        ("9.", "TARGET_NUMBER_INCOMPLETE", Status::Incomplete, (0, 2)),
        (
            "1,2345人",
            "TARGET_NUMBER_MALFORMED",
            Status::Invalid,
            (0, 6),
        ),
        ("1.2.3%", "TARGET_NUMBER_MALFORMED", Status::Invalid, (0, 4)),
        ("≥9", "TARGET_UNIT_MISSING", Status::Incomplete, (1, 2)),
        (
            "不超过≥5次",
            "TARGET_OPERATOR_CONFLICT",
            Status::Invalid,
            (0, 4),
        ),
        (
            "≥2-3项",
            "TARGET_OPERATOR_WITH_RANGE",
            Status::Invalid,
            (0, 5),
        ),
        (
            "≥90(% 以上",
            "TARGET_UNIT_UNCLOSED",
            Status::Invalid,
            (3, 4),
        ),
        ("2次~3人", "TARGET_UNIT_CONFLICT", Status::Invalid, (2, 5)),
        ("5-3项", "TARGET_RANGE_REVERSED", Status::Invalid, (0, 4)),
        (
            "2024年1",
            "TARGET_DATE_INCOMPLETE",
            Status::Incomplete,
            (0, 6),
        ),
        (
            "2024年13月底前",
            "TARGET_DATE_INVALID",
            Status::Invalid,
            (5, 7),
        ),
        (
            "2023年2月29日前",
            "TARGET_DATE_INVALID",
            Status::Invalid,
            (7, 9),
        ),
        (
            "11月底前",
            "TARGET_YEAR_MISSING",
            Status::Incomplete,
            (0, 4),
        ),
        (
            "≥9\u{0007}%",
            "TARGET_CONTROL_CHAR",
            Status::Invalid,
            (2, 3),
        ),
        (
            "9999999999999999人",
            "TARGET_NUMBER_MALFORMED",
            Status::Invalid,
            (0, 16),
        ),
        (
            "𠀀≥≥1次",
            "TARGET_OPERATOR_REPEATED",
            Status::Invalid,
            (3, 4),
        ),
    ];
    for (input, code, status, span) in cases {
        let t = n(input);
        let d = t
            .diagnostics
            .iter()
            .find(|d| d.code == code)
            .unwrap_or_else(|| panic!("{input:?}: {:?}", t.diagnostics));
        assert_eq!(t.status, status, "{input:?}");
        assert_eq!((d.start, d.end), span, "{input:?}");
        assert!(!d.message.is_empty() && !d.message_en.is_empty());
        assert_eq!(
            t.hint, t.diagnostics[0].message,
            "{input:?}: the hint explains"
        );
    }
    let t = n(&big);
    assert_eq!(
        (t.status, t.diagnostics[0].code, t.diagnostics[0].end),
        (Status::Invalid, "INPUT_TOO_LARGE", 3000)
    );
}

#[test]
fn every_engine_code_is_exercised_above() {
    let src = include_str!("grammar.rs");
    for rule in perftarget::rules()
        .into_iter()
        .filter(|r| r.scope == perftarget::rules::Scope::Target)
    {
        assert!(
            src.matches(&format!("\"{}\"", rule.code)).count() >= 1,
            "{} has no grammar test",
            rule.code
        );
    }
}

#[test]
fn long_inputs_stay_linear() {
    // 100,000 characters: refused at once, not parsed.
    let t = n(&"合".repeat(100_000));
    assert_eq!(t.diagnostics[0].code, "INPUT_TOO_LARGE");
    // Just under the bound, every path still answers.
    for unit in ["合", "9", "≥", "-", "年"] {
        let s = unit.repeat(1999);
        let _ = n(&s);
    }
}
