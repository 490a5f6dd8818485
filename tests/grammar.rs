//! The target grammar, phrase by phrase (SPEC §4), and every diagnostic code
//! the engine reports, with the span it underlines.

use perftarget::target_value::{normalise, Context, Direction, Kind, Status, Target};

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
        (
            "≥**%",
            "TARGET_VALUE_PLACEHOLDER",
            Status::Incomplete,
            (1, 4),
        ),
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

/// Version 2 (SPEC §10): the unit is the clerk's, whole, and classified.
#[test]
fn open_units_are_kept_whole_and_classified() {
    use perftarget::target_value::UnitClass::*;
    let cases = [
        ("1600元/亩", "=1600.00(元/亩)", PerUnit),
        ("≤28.40/株", "≤28.40(/株)", Other),
        ("≥2次/年", "≥2.00(次/年)", Frequency),
        ("1次/季度", "=1.00(次/季度)", Frequency),
        ("=24 人/次", "=24.00(人/次)", Other),
        ("50元/人·天", "=50.00(元/人·天)", PerUnit),
        ("≥500万元/公里", "≥500.00(万元/公里)", PerUnit),
        ("4900公顷", "=4900.00(公顷)", Area),
        ("50厘米", "=50.00(厘米)", Length),
        ("6万立方米", "=6.00(万立方米)", Volume),
        ("≥100百分比", "≥100.00(百分比)", Percent),
        ("≥3个百分点", "≥3.00(个百分点)", PercentagePoint),
        ("≤2‰", "≤2.00(‰)", PerMille),
        ("1.5万人次", "=1.50(万人次)", Count),
        ("0.5万亩", "=0.50(万亩)", Area),
        ("1.2亿元", "=1.20(亿元)", Money),
        ("2km", "=2.00(km)", Length),
        ("≤2h", "≤2.00(h)", Time),
        ("≥100Mbps", "≥100.00(Mbps)", Other),
        ("80M", "=80.00(M)", Other),
        ("≥300㎡", "≥300.00(㎡)", Area),
        ("≥20m³", "≥20.00(m³)", Volume),
        ("≥3500公斤", "≥3500.00(公斤)", Mass),
        ("≥3000标准亩", "≥3000.00(标准亩)", Count),
        ("12万头份", "=12.00(万头份)", Count),
        ("≥5.125吨", "≥5.125(吨)", Mass),
    ];
    for (input, canonical, class) in cases {
        let t = n(input);
        assert_eq!(t.status, Status::Valid, "{input}");
        assert_eq!(t.canonical.as_deref(), Some(canonical), "{input}");
        assert_eq!(t.unit_class, Some(class), "{input}");
        assert_eq!(canon(canonical), canonical, "{canonical} reads back");
    }
    // A time unit makes a duration; words after the unit stay a note.
    let t = n("≤3个工作日内办结");
    assert_eq!(
        (t.kind, t.canonical.as_deref(), t.note.as_deref()),
        (Some(Kind::Duration), Some("≤3.00(个工作日)"), Some("办结"))
    );
    let t = n("每月1次");
    assert_eq!(
        (t.canonical.as_deref(), t.unit_class),
        (Some("=1.00(次/月)"), Some(Frequency))
    );
    let t = n("每年不少于2次");
    assert_eq!(t.canonical.as_deref(), Some("≥2.00(次/年)"));
    let t = n("每亩补助1600元");
    assert_eq!(
        (t.canonical.as_deref(), t.note.as_deref()),
        (Some("=1600.00(元/亩)"), Some("补助"))
    );
}

#[test]
fn every_way_of_writing_time() {
    let d = |text: &str| {
        let t = y(text, 2025);
        (t.status, t.date, t.start)
    };
    let day = |s: &str| Some(s.to_string());
    let ok = Status::Valid;
    assert_eq!(
        d("第三季度完成"),
        (ok, day("2025-09-30"), day("2025-07-01"))
    );
    assert_eq!(d("三季度末"), (ok, day("2025-09-30"), day("2025-07-01")));
    assert_eq!(d("Q2"), (ok, day("2025-06-30"), day("2025-04-01")));
    assert_eq!(d("上半年完成"), (ok, day("2025-06-30"), day("2025-01-01")));
    assert_eq!(d("下半年"), (ok, day("2025-12-31"), day("2025-07-01")));
    assert_eq!(d("年中"), (ok, day("2025-06-30"), day("2025-01-01")));
    assert_eq!(d("2025年年底前"), (ok, day("2025-12-31"), None));
    assert_eq!(d("年底前完成"), (ok, day("2025-12-31"), None));
    assert_eq!(d("全年"), (ok, day("2025-12-31"), day("2025-01-01")));
    assert_eq!(d("当年完成"), (ok, day("2025-12-31"), day("2025-01-01")));
    assert_eq!(d("次年3月底前"), (ok, day("2026-03-31"), None));
    assert_eq!(d("下一年度6月底前完成"), (ok, day("2026-06-30"), None));
    assert_eq!(d("明年年底前"), (ok, day("2026-12-31"), None));
    assert_eq!(
        d("2021年1月-12月"),
        (ok, day("2021-12-31"), day("2021-01-01"))
    );
    assert_eq!(
        d("2020年1月--2020年11月"),
        (ok, day("2020-11-30"), day("2020-01-01"))
    );
    assert_eq!(
        d("2023.07-2024.01"),
        (ok, day("2024-01-31"), day("2023-07-01"))
    );
    assert_eq!(
        d("202001-202012"),
        (ok, day("2020-12-31"), day("2020-01-01"))
    );
    assert_eq!(d("1-6月"), (ok, day("2025-06-30"), day("2025-01-01")));
    assert_eq!(d("三月底前"), (ok, day("2025-03-31"), None));
    // A time word with another value is that value (`全年开展培训≥4次`),
    // and a time word that does not say "by then" is text.
    assert_eq!(
        n("全年开展培训≥4次").canonical.as_deref(),
        Some("≥4.00(次)")
    );
    assert_eq!(n("全年无事故").kind, Some(Kind::Qualitative));
    // Impossible dates stay errors; a period cannot end before it starts.
    assert_eq!(d("2月30日前").0, Status::Invalid);
    assert_eq!(d("2023年2月29日前").0, Status::Invalid);
    assert_eq!(d("2024年6月-2024年3月").0, Status::Invalid);
}

#[test]
fn approximate_tolerance_and_more_operator_words() {
    use perftarget::target_value::Qualifier;
    let t = n("约100人");
    assert_eq!(
        (t.canonical.as_deref(), t.qualifier, t.direction),
        (Some("约100.00(人)"), Some(Qualifier::Approximate), None)
    );
    assert_eq!(canon("约100.00(人)"), "约100.00(人)");
    assert_eq!(canon("±3.00(%)"), "±3.00(%)");
    assert_eq!(n("100人左右").qualifier, Some(Qualifier::Approximate));
    let t = n("±3%");
    assert_eq!(
        (t.qualifier, t.canonical.as_deref()),
        (Some(Qualifier::Tolerance), Some("±3.00(%)"))
    );
    assert_eq!(n("上下浮动5%").qualifier, Some(Qualifier::Tolerance));
    for (input, canonical) in [
        ("至多3次", "≤3.00(次)"),
        ("达95%", "≥95.00(%)"),
        ("超90%", ">90.00(%)"),
        ("不超5%", "≤5.00(%)"),
        ("不足1%", "<1.00(%)"),
        ("控制在100万元以内", "≤100.00(万元)"),
        ("控制在5%之内", "≤5.00(%)"),
        ("确保≥95%", "≥95.00(%)"),
    ] {
        assert_eq!(n(input).canonical.as_deref(), Some(canonical), "{input}");
    }
    let t = n("力争95%以上");
    assert_eq!(
        (t.canonical.as_deref(), t.note.as_deref()),
        (Some("≥95.00(%)"), Some("力争"))
    );
    let t = n("定性 优良中低差");
    assert_eq!(
        (t.kind, t.canonical.as_deref()),
        (Some(Kind::Qualitative), Some("优良中低差"))
    );
}

#[test]
fn template_leftovers_ask_for_the_number() {
    for input in [
        "公里",
        "万人",
        "%",
        "(%)",
        "≧ %",
        "≥**%",
        "≥XX%",
        "≥__%",
        "＊＊",
        "≥**株",
        "≤**元/株",
    ] {
        let t = n(input);
        assert_eq!(t.status, Status::Incomplete, "{input}");
        assert_eq!(t.diagnostics[0].code, "TARGET_VALUE_PLACEHOLDER", "{input}");
        assert_eq!(
            t.diagnostics[0].severity,
            perftarget::Severity::Info,
            "{input}"
        );
        assert!(t.hint.contains("数值"), "{input}: {}", t.hint);
    }
    // An Excel serial date in a time row names the date it probably means.
    let ctx = Context {
        year: Some(2021),
        level2: Some("时效指标".into()),
        ..Context::default()
    };
    let t = normalise("44,561", &ctx);
    assert_eq!(t.diagnostics[0].code, "TARGET_EXCEL_DATE");
    assert!(
        t.diagnostics[0].message.contains("2021-12-31"),
        "{}",
        t.diagnostics[0].message
    );
    assert!(normalise("44,561", &Context::default())
        .diagnostics
        .iter()
        .all(|d| d.code != "TARGET_EXCEL_DATE"));
}

#[test]
fn qualitative_grades_and_vague_wording() {
    use perftarget::target_value::Grade;
    for (input, grade) in [
        ("达到预期目标", Grade::Achievement),
        ("部分达到", Grade::Achievement),
        ("较好", Grade::Rating),
        ("优", Grade::Rating),
        ("是", Grade::YesNo),
        ("无", Grade::YesNo),
    ] {
        let t = n(input);
        assert_eq!(
            (t.status, t.grade, t.vague),
            (Status::Valid, Some(grade), false),
            "{input}"
        );
    }
    for input in [
        "提高",
        "有所提高",
        "进一步提升",
        "明显改善",
        "稳步提高",
        "持续改善",
        "有效促进",
    ] {
        let t = n(input);
        assert_eq!((t.status, t.vague), (Status::Valid, true), "{input}");
    }
    assert!(!n("无事故发生").vague);
}

/// Inputs the fuzzer found whose canonical form did not read back: units
/// are bounded so that their parenthesised canonical form is a unit again.
#[test]
fn fuzzer_findings_read_back() {
    for input in [
        "2LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL",
        "每秒\t\t 0(%吴十餘十餘吴十餘大于<<=)周S",
        "1元/人/天/次/年/月/日/周/亩/株/斤/个/项",
        "(\t\t\t名\t\t\t\t)",
    ] {
        let t = n(input);
        if let (Status::Valid, Some(c)) = (t.status, t.canonical.as_deref()) {
            assert_eq!(n(c).canonical.as_deref(), Some(c), "{input:?}");
        }
    }
}
