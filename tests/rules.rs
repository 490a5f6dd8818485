//! One test case per rule: a clean form of each template has no finding at
//! all, and each case changes one thing and expects its rule to fire at the
//! right field. `every_form_rule_has_a_case` keeps the table complete, so a
//! rule that is removed, or added without a case, fails here.

use perftarget::form::json;
use perftarget::{validate_json, validate_value, Issue, Report, Severity};
use serde_json::{json, Value};

/// A clean form of a template (tests/templates/, one per registered template).
fn clean(id: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/templates")
        .join(format!("{id}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn t2021() -> Value {
    clean("T2021")
}

fn t2019() -> Value {
    clean("T2019")
}

fn t2020() -> Value {
    clean("T2020")
}

fn mof2021() -> Value {
    clean("MOF2021")
}

fn sc2021() -> Value {
    clean("SC2021")
}

fn report(v: &Value) -> Report {
    let text = v.to_string();
    let r = validate_json(&text);
    assert_eq!(
        r,
        validate_value(&json::parse(&text, 128).unwrap()),
        "text and tree paths agree"
    );
    r
}

fn all(r: &Report) -> impl Iterator<Item = &Issue> {
    r.errors.iter().chain(&r.warnings).chain(&r.infos)
}

type Edit = fn(&mut Value);

/// Row 0 of a clean form (`≥2.00(次)`) with the 一体化 split columns.
fn split(v: &mut Value, operator: &str, value: &str, unit: &str) {
    let row = &mut v["indicators"][0];
    row["operator"] = json!(operator);
    row["value"] = json!(value);
    row["unit"] = json!(unit);
}

/// (code, severity, path, base form, the one change that triggers the rule)
const CASES: &[(&str, Severity, &str, fn() -> Value, Edit)] = &[
    ("SCHEMA_TYPE", Severity::Error, "/year", t2021, |v| {
        v["year"] = json!([2024])
    }),
    (
        "SCHEMA_TYPE",
        Severity::Error,
        "/indicators/0/target",
        t2021,
        |v| v["indicators"][0]["target"] = json!({"v": 1}),
    ),
    (
        "UNKNOWN_FIELD",
        Severity::Warning,
        "/projectManager",
        t2021,
        |v| v["projectManager"] = json!("张三"),
    ),
    (
        "UNKNOWN_FIELD",
        Severity::Warning,
        "/funds/annualTotal",
        t2021,
        |v| v["funds"]["annualTotal"] = json!("1"),
    ),
    (
        "INPUT_TOO_LARGE",
        Severity::Error,
        "/indicators",
        t2021,
        |v| {
            let row = v["indicators"][0].clone();
            v["indicators"] = Value::Array(vec![row; 501]);
        },
    ),
    (
        "INPUT_TOO_LARGE",
        Severity::Error,
        "/overview",
        t2021,
        |v| v["overview"] = json!("长".repeat(20_001)),
    ),
    (
        "TEMPLATE_UNKNOWN",
        Severity::Warning,
        "/template",
        t2021,
        |v| v["template"] = json!("T1999"),
    ),
    ("REQUIRED", Severity::Error, "/projectName", t2021, |v| {
        v["projectName"] = json!("  ")
    }),
    ("REQUIRED", Severity::Error, "/funds/annual", t2021, |v| {
        v["funds"]["annual"] = Value::Null
    }),
    ("REQUIRED", Severity::Error, "/department", t2021, |v| {
        v["department"] = Value::Null
    }),
    ("REQUIRED", Severity::Error, "/budget/current", t2019, |v| {
        v["budget"]["current"] = Value::Null
    }),
    ("REQUIRED", Severity::Error, "/overallGoal", t2020, |v| {
        v["overallGoal"] = Value::Null
    }),
    ("REQUIRED", Severity::Error, "/indicators", t2021, |v| {
        v["indicators"] = json!([])
    }),
    (
        "OVERALL_GOAL_MISSING",
        Severity::Error,
        "/overallGoal",
        t2021,
        |v| {
            multi_year(v);
            v["overallGoal"] = Value::Null;
        },
    ),
    ("DATE_FORMAT", Severity::Error, "/startDate", t2021, |v| {
        v["startDate"] = json!("明年一月")
    }),
    ("DATE_FORMAT", Severity::Error, "/endDate", t2021, |v| {
        v["endDate"] = json!("2024/2/30")
    }),
    ("DATE_ORDER", Severity::Error, "/endDate", t2021, |v| {
        v["startDate"] = json!("2024-12-31");
        v["endDate"] = json!("2024-01-01");
    }),
    (
        "YEAR_OUTSIDE_PERIOD",
        Severity::Error,
        "/year",
        t2021,
        |v| v["year"] = json!(2023),
    ),
    (
        "NATURE_PERIOD_MISMATCH",
        Severity::Warning,
        "/projectNature",
        t2021,
        |v| {
            multi_year(v);
            v["projectNature"] = json!("经常性项目");
        },
    ),
    (
        "AMOUNT_FORMAT",
        Severity::Error,
        "/funds/annual",
        t2021,
        |v| v["funds"]["annual"] = json!("六十万"),
    ),
    (
        "AMOUNT_FORMAT",
        Severity::Error,
        "/funds/carryOver",
        t2021,
        |v| v["funds"]["carryOver"] = json!("-5.00"),
    ),
    (
        "AMOUNT_FORMAT",
        Severity::Error,
        "/funds/annualFiscal",
        t2021,
        |v| v["funds"]["annualFiscal"] = json!("600000.001"),
    ),
    (
        "AMOUNT_FORMAT",
        Severity::Error,
        "/funds/annualFiscal",
        t2021,
        |v| v["funds"]["annualFiscal"] = json!("6,00000"),
    ),
    (
        "FUNDS_ANNUAL_SUM",
        Severity::Error,
        "/funds/annual",
        t2021,
        |v| v["funds"]["annual"] = json!("700,000.00"),
    ),
    (
        "FUNDS_TOTAL_SUM",
        Severity::Error,
        "/funds/total",
        t2021,
        |v| {
            v["funds"]["total"] = json!("1,000,000.00");
            v["funds"]["totalFiscal"] = json!("900000");
        },
    ),
    (
        "FUNDS_SUBTOTAL_SUM",
        Severity::Error,
        "/funds/annualFiscal",
        sc2021,
        |v| v["funds"]["governmentFund"] = json!("1.5"),
    ),
    (
        "FUNDS_SUBTOTAL_SUM",
        Severity::Error,
        "/funds/selfRaised",
        sc2021,
        |v| v["funds"]["businessIncome"] = json!("2"),
    ),
    (
        "FUNDS_ANNUAL_EXCEEDS_TOTAL",
        Severity::Error,
        "/funds/annual",
        t2021,
        |v| {
            v["funds"]["total"] = json!("500000");
            v["funds"]["totalFiscal"] = json!(500000);
        },
    ),
    (
        "FUNDS_TOTAL_MISSING",
        Severity::Error,
        "/funds/total",
        t2021,
        |v| {
            multi_year(v);
            v["funds"]["total"] = Value::Null;
        },
    ),
    (
        "BUDGET_COMPOSITION_SUM",
        Severity::Error,
        "/budget/composition",
        t2019,
        |v| v["budget"]["composition"][1]["amount"] = json!("40,000.01"),
    ),
    (
        "BUDGET_CURRENT_EXCEEDS_TOTAL",
        Severity::Error,
        "/budget/current",
        t2019,
        |v| v["budget"]["total"] = json!("99999.99"),
    ),
    (
        "PRIOR_EXECUTION_EXCEEDS_BUDGET",
        Severity::Warning,
        "/budget/priorYearExecuted",
        t2019,
        |v| v["budget"]["priorYearExecuted"] = json!("100000.50"),
    ),
    (
        "CHOICE_INVALID",
        Severity::Error,
        "/projectCategory",
        t2021,
        |v| v["projectCategory"] = json!("特别类"),
    ),
    ("CHOICE_INVALID", Severity::Error, "/fundUse", t2019, |v| {
        v["fundUse"] = json!("办公用品")
    }),
    (
        "INDICATOR_LEVEL1_UNKNOWN",
        Severity::Error,
        "/indicators/2/level1",
        t2021,
        |v| {
            v["indicators"][2]["level1"] = json!("时效指标");
            v["indicators"][2]["level2"] = json!("");
        },
    ),
    (
        "INDICATOR_LEVEL1_UNKNOWN",
        Severity::Error,
        "/indicators/0/level1",
        t2021,
        |v| v["indicators"][0]["level1"] = json!("产量指标"),
    ),
    (
        "INDICATOR_LEVEL2_UNKNOWN",
        Severity::Error,
        "/indicators/0/level2",
        t2021,
        |v| v["indicators"][0]["level2"] = json!("数目指标"),
    ),
    (
        "INDICATOR_LEVEL2_UNKNOWN",
        Severity::Warning,
        "/indicators/3/level2",
        t2019,
        |v| v["indicators"][3]["level2"] = json!("品牌建设"),
    ),
    (
        "INDICATOR_LEVEL2_MISMATCH",
        Severity::Error,
        "/indicators/4/level2",
        t2021,
        |v| v["indicators"][4]["level2"] = json!("数量指标"),
    ),
    (
        "INDICATOR_NAME_MISSING",
        Severity::Error,
        "/indicators/0/name",
        t2021,
        |v| v["indicators"][0]["name"] = json!(""),
    ),
    (
        "TARGET_MISSING",
        Severity::Error,
        "/indicators/0/target",
        t2021,
        |v| v["indicators"][0]["target"] = Value::Null,
    ),
    (
        "PLACEHOLDER_PARTIAL",
        Severity::Error,
        "/indicators/3/target",
        t2021,
        |v| v["indicators"][3]["name"] = json!("-"),
    ),
    (
        "COVERAGE_MISSING",
        Severity::Error,
        "/indicators",
        t2021,
        |v| {
            v["indicators"][2] =
                json!({ "level1": "产出指标", "level2": "时效指标", "name": "-", "target": "-" })
        },
    ),
    (
        "COVERAGE_MISSING",
        Severity::Warning,
        "/indicators",
        t2021,
        |v| {
            v["indicators"].as_array_mut().unwrap().pop();
        },
    ),
    (
        "INDICATOR_DUPLICATE",
        Severity::Warning,
        "/indicators/6/name",
        t2021,
        |v| {
            let mut row = v["indicators"][0].clone();
            row["name"] = json!("指标 2：质控督查次数");
            v["indicators"].as_array_mut().unwrap().push(row);
        },
    ),
    (
        "INDICATOR_LEVEL2_SUSPECT",
        Severity::Warning,
        "/indicators/4/level2",
        t2021,
        |v| v["indicators"][4]["level2"] = json!("生态效益指标"),
    ),
    (
        "INDICATOR_LEVEL2_SUSPECT",
        Severity::Warning,
        "/indicators/4/level2",
        t2021,
        |v| v["indicators"][4]["name"] = json!("用人单位满意度"),
    ),
    (
        "INDICATOR_NAME_TOO_LONG",
        Severity::Warning,
        "/indicators/0/name",
        t2021,
        |v| v["indicators"][0]["name"] = json!(format!("质控督查次数{}", "很".repeat(95))),
    ),
    (
        "TARGET_INVALID",
        Severity::Error,
        "/indicators/1/target",
        t2021,
        |v| v["indicators"][1]["target"] = json!("≥≥95%"),
    ),
    (
        "TARGET_INVALID",
        Severity::Error,
        "/indicators/1/target",
        t2021,
        |v| v["indicators"][1]["target"] = json!("≥"),
    ),
    (
        "TARGET_NOT_CANONICAL",
        Severity::Info,
        "/indicators/0/target",
        t2021,
        |v| v["indicators"][0]["target"] = json!("≥2次"),
    ),
    (
        "TARGET_UNIT_MISSING",
        Severity::Warning,
        "/indicators/0/target",
        t2021,
        |v| v["indicators"][0]["target"] = json!("≥2"),
    ),
    (
        "TARGET_VAGUE",
        Severity::Warning,
        "/indicators/4/target",
        t2021,
        |v| v["indicators"][4]["target"] = json!("进一步提高"),
    ),
    (
        "TARGET_EXCEL_DATE",
        Severity::Warning,
        "/indicators/2/target",
        t2021,
        |v| v["indicators"][2]["target"] = json!("45,626"),
    ),
    (
        "TARGET_UNIT_MISMATCH",
        Severity::Warning,
        "/indicators/1/target",
        t2021,
        |v| v["indicators"][1]["target"] = json!("≥95.00(次)"),
    ),
    (
        "TARGET_UNIT_MISMATCH",
        Severity::Warning,
        "/indicators/0/target",
        t2021,
        |v| v["indicators"][0]["target"] = json!("=100.00(%)"),
    ),
    (
        "RATE_OVER_100",
        Severity::Error,
        "/indicators/1/target",
        t2021,
        |v| v["indicators"][1]["target"] = json!(">100.00(%)"),
    ),
    (
        "RATE_AT_LEAST_100",
        Severity::Info,
        "/indicators/1/target",
        t2021,
        |v| v["indicators"][1]["target"] = json!("≥100.00(%)"),
    ),
    (
        "DIRECTION_SUSPECT",
        Severity::Warning,
        "/indicators/1/target",
        t2021,
        |v| {
            v["indicators"][1]["name"] = json!("设备故障率");
            v["indicators"][1]["target"] = json!("<97.00(%)");
        },
    ),
    (
        "DIRECTION_SUSPECT",
        Severity::Warning,
        "/indicators/1/target",
        t2021,
        |v| v["indicators"][1]["target"] = json!("≤95.00(%)"),
    ),
    (
        "SATISFACTION_LOW",
        Severity::Warning,
        "/indicators/5/target",
        t2021,
        |v| v["indicators"][5]["target"] = json!("≥70.00(%)"),
    ),
    (
        "QUANTITY_NOT_QUANTITATIVE",
        Severity::Warning,
        "/indicators/0/target",
        t2021,
        |v| v["indicators"][0]["target"] = json!("完成"),
    ),
    (
        "TIMELINESS_NOT_TIME",
        Severity::Warning,
        "/indicators/2/target",
        t2021,
        |v| v["indicators"][2]["target"] = json!("及时"),
    ),
    (
        "DEADLINE_OUTSIDE_PERIOD",
        Severity::Error,
        "/indicators/2/target",
        t2021,
        |v| v["indicators"][2]["target"] = json!("2025年3月31日前"),
    ),
    (
        "TARGET_RANGE",
        Severity::Warning,
        "/indicators/0/target",
        t2021,
        |v| v["indicators"][0]["target"] = json!("2.00~3.00(次)"),
    ),
    (
        "TARGET_TOO_LONG",
        Severity::Warning,
        "/indicators/3/target",
        t2021,
        |v| v["indicators"][3]["target"] = json!("控".repeat(61)),
    ),
    (
        "TARGET_SYSTEM_CHARS",
        Severity::Warning,
        "/indicators/3/target",
        t2021,
        |v| v["indicators"][3]["target"] = json!("按A_B方案控制"),
    ),
    (
        "SPLIT_OPERATOR_UNKNOWN",
        Severity::Error,
        "/indicators/0/operator",
        t2021,
        |v| split(v, "大于", "2", "次"),
    ),
    (
        "SPLIT_UNIT_MISSING",
        Severity::Error,
        "/indicators/0/unit",
        t2021,
        |v| split(v, "≥", "2", ""),
    ),
    (
        "SPLIT_VALUE_NOT_NUMBER",
        Severity::Error,
        "/indicators/0/value",
        t2021,
        |v| split(v, "≥", "2次", "次"),
    ),
    (
        "SPLIT_VALUE_CHARS",
        Severity::Error,
        "/indicators/0/value",
        t2021,
        |v| split(v, "定性", "好-较好", ""),
    ),
    (
        "SPLIT_QUALITATIVE_UNIT",
        Severity::Warning,
        "/indicators/0/unit",
        t2021,
        |v| split(v, "定性", "良好", "次"),
    ),
    (
        "SPLIT_TARGET_MISMATCH",
        Severity::Error,
        "/indicators/0/target",
        t2021,
        |v| split(v, "≥", "3", "次"),
    ),
    (
        "SPLIT_DIRECTION_MISMATCH",
        Severity::Warning,
        "/indicators/0/direction",
        t2021,
        |v| {
            split(v, "≥", "2", "次");
            v["indicators"][0]["direction"] = json!("反向");
        },
    ),
    (
        "INDICATOR_NAME_HAS_TARGET",
        Severity::Warning,
        "/indicators/1/name",
        t2021,
        |v| v["indicators"][1]["name"] = json!("质控覆盖率≥90%"),
    ),
    (
        "INDICATOR_NAME_HAS_TARGET",
        Severity::Warning,
        "/indicators/3/name",
        t2021,
        |v| v["indicators"][3]["name"] = json!("控制在预算成本内"),
    ),
    (
        "INDICATOR_NAME_IS_CATEGORY",
        Severity::Warning,
        "/indicators/4/name",
        t2021,
        |v| v["indicators"][4]["name"] = json!("社会效益"),
    ),
    (
        "INPUT_AS_OUTPUT",
        Severity::Warning,
        "/indicators/1/name",
        t2021,
        |v| v["indicators"][1]["name"] = json!("预算执行率"),
    ),
    (
        "COST_EXCEEDS_FUNDS",
        Severity::Warning,
        "/indicators/3/target",
        t2021,
        // 60 万元 of 600,000.00 元 is the whole; 61 万元 is more.
        |v| v["indicators"][3]["target"] = json!("≤61万元"),
    ),
    ("WEIGHT_SUM", Severity::Error, "/indicators", mof2021, |v| {
        for (i, row) in v["indicators"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .enumerate()
        {
            row["weight"] = json!(if i == 0 { "20" } else { "15" });
        }
    }),
    (
        "INDICATOR_COUNT_LOW",
        Severity::Warning,
        "/indicators",
        t2021,
        |v| {
            v["indicators"].as_array_mut().unwrap().truncate(5);
        },
    ),
    (
        "TARGET_NEGATIVE",
        Severity::Warning,
        "/indicators/4/target",
        t2021,
        |v| v["indicators"][4]["target"] = json!("≥-5(人)"),
    ),
    (
        "TARGET_PERCENTAGE_POINT",
        Severity::Warning,
        "/indicators/1/target",
        t2021,
        |v| v["indicators"][1]["target"] = json!("≥95个百分点"),
    ),
    (
        "TARGET_PERCENTAGE_POINT",
        Severity::Warning,
        "/indicators/4/target",
        t2021,
        |v| {
            v["indicators"][4]["name"] = json!("就业率提高百分点");
            v["indicators"][4]["target"] = json!("≥2%");
        },
    ),
    (
        "DEADLINE_AFTER_YEAR",
        Severity::Warning,
        "/indicators/2/target",
        t2021,
        |v| {
            multi_year(v);
            v["year"] = json!(2023);
            v["indicators"][2]["target"] = json!("2024年11月30日前");
        },
    ),
    (
        "IMPLEMENTATION_INDICATORS_MISSING",
        Severity::Warning,
        "/indicators",
        mof2021,
        |v| {
            v["startDate"] = json!("2025-01-01");
            v["endDate"] = json!("2027-12-31");
            v["overallGoal"] = json!("三年内完成全县生活污水治理");
        },
    ),
];

fn multi_year(v: &mut Value) {
    v["startDate"] = json!("2023/1/1");
    v["endDate"] = json!("2025/12/31");
    v["projectNature"] = json!("阶段性项目");
    v["overallGoal"] = json!("三年内建成质控体系");
    v["funds"]["total"] = json!("1,800,000.00");
    v["funds"]["totalFiscal"] = json!("1800000");
}

#[test]
fn each_rule_fires_where_it_should() {
    for (i, (code, severity, path, base, edit)) in CASES.iter().enumerate() {
        let mut form = base();
        edit(&mut form);
        let r = report(&form);
        let hit = all(&r).find(|x| x.code == *code && x.path == *path);
        let Some(hit) = hit else {
            panic!(
                "case {i} {code} at {path}: got {:#?}",
                all(&r)
                    .map(|x| (x.code, x.path.clone()))
                    .collect::<Vec<_>>()
            );
        };
        assert_eq!(hit.severity, *severity, "case {i} {code}");
        // Each finding at its catalogue severity, or its template's.
        let rule = perftarget::rules()
            .into_iter()
            .find(|r| r.code == *code)
            .unwrap();
        assert!(
            rule.per_template || rule.severity == *severity,
            "case {i} {code}: catalogue says {:?}",
            rule.severity
        );
        assert!(
            !hit.message.is_empty() && !hit.message_en.is_empty(),
            "case {i} {code}"
        );
        assert!(
            hit.message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "case {i}: Chinese message"
        );
        assert!(!hit.review_category.is_empty());
        assert_eq!(r.valid, r.errors.is_empty());
    }
}

#[test]
fn every_form_rule_has_a_case() {
    let engine_only = perftarget::rules()
        .into_iter()
        .filter(|r| r.scope == perftarget::rules::Scope::Target);
    let covered_elsewhere = ["JSON_SYNTAX"];
    for rule in perftarget::rules()
        .into_iter()
        .filter(|r| r.scope == perftarget::rules::Scope::Form)
    {
        assert!(
            CASES.iter().any(|c| c.0 == rule.code) || covered_elsewhere.contains(&rule.code),
            "{} has no test case",
            rule.code
        );
    }
    // Target-scope codes that reach form reports are covered above too.
    for rule in engine_only.filter(|r| {
        matches!(
            r.code,
            "TARGET_RANGE" | "TARGET_TOO_LONG" | "TARGET_SYSTEM_CHARS" | "TARGET_UNIT_MISSING"
        )
    }) {
        assert!(CASES.iter().any(|c| c.0 == rule.code), "{}", rule.code);
    }
}

#[test]
fn json_syntax_and_unusable_input() {
    for (text, code) in [
        ("{", "JSON_SYNTAX"),
        ("", "JSON_SYNTAX"),
        ("[1,2]", "SCHEMA_TYPE"),
        ("\"form\"", "SCHEMA_TYPE"),
    ] {
        let r = validate_json(text);
        assert_eq!(r.errors.first().map(|e| e.code), Some(code), "{text:?}");
        assert!(r.unusable_input() && !r.valid && r.template.is_none());
    }
}

/// SC2021's year is its three sources: a written total must equal them,
/// 自有资金 included, and the message names each term.
#[test]
fn itemised_funds_add_up_to_the_year() {
    let mut v = sc2021();
    v["funds"]["annual"] = json!("4.00");
    assert!(report(&v).errors.is_empty());
    v["funds"]["selfRaised"] = json!("1");
    v["funds"]["businessIncome"] = json!("1");
    let r = report(&v);
    let codes: Vec<_> = r.errors.iter().map(|i| (i.code, i.path.as_str())).collect();
    assert_eq!(codes, [("FUNDS_ANNUAL_SUM", "/funds/annual")]);
    assert!(
        r.errors[0].message.contains("自有资金 1.00 万元"),
        "{}",
        r.errors[0].message
    );
}

/// A form with dates but amounts written in 万 and no `amountUnit` (Gansu's
/// 省级部门 form prints 项目开始日期) is no Shanghai form: it is checked as
/// the national one, whose unit reads its cells.
#[test]
fn amounts_in_wan_tell_a_regional_form() {
    let mut v = sc2021();
    v.as_object_mut().unwrap().remove("template");
    v.as_object_mut().unwrap().remove("amountUnit");
    v["funds"] = json!({ "total": "20万元", "annual": "20万元", "totalOther": "20万元" });
    v["startDate"] = json!("2021-01-01");
    v["endDate"] = json!("2021-12-31");
    let r = report(&v);
    assert_eq!(r.template, Some("MOF2021"));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
}

/// A 万元 form may write the unit in the cell, whole or as 万; a 元 form's
/// `250万` would need rescaling and is reported instead.
#[test]
fn amounts_may_carry_the_forms_unit() {
    let mut v = sc2021();
    v["funds"]["annual"] = json!("4万");
    v["funds"]["annualFiscal"] = json!("4.00万元");
    assert!(report(&v).errors.is_empty(), "{:?}", report(&v).errors);
    let mut v = t2021();
    v["funds"]["annualOther"] = json!("250万");
    assert!(all(&report(&v)).any(|i| i.code == "AMOUNT_FORMAT" && i.path == "/funds/annualOther"));
}

/// A form of a region without a template of its own (in 万元, no
/// Shanghai-only fields) is checked as the national one, and an id that is
/// not registered says so as a warning, not an error of the form.
#[test]
fn other_regions_forms_fall_back_to_the_national_template() {
    let mut v = sc2021();
    let funds = v["funds"].as_object_mut().unwrap();
    for k in [
        "generalBudget",
        "governmentFund",
        "stateCapitalBudget",
        "businessIncome",
        "operatingIncome",
    ] {
        funds.remove(k);
    }
    v["template"] = json!("HB2020");
    let r = report(&v);
    assert_eq!(r.template, Some("MOF2021"));
    let codes: Vec<_> = all(&r).map(|i| (i.code, i.severity)).collect();
    assert_eq!(codes, [("TEMPLATE_UNKNOWN", Severity::Warning)]);
    // Satisfaction under 效益, as the 2015 central form put it, is satisfaction.
    v["indicators"][5]["level1"] = json!("效益指标");
    v["indicators"][5]["level2"] = json!("社会公众或服务对象满意度指标");
    v.as_object_mut().unwrap().remove("template");
    let r = report(&v);
    assert_eq!(r.template, Some("MOF2021"));
    assert_eq!(
        all(&r).count(),
        0,
        "{:?}",
        all(&r).map(|i| i.code).collect::<Vec<_>>()
    );
    // One goal cell, read as 总体目标, states the year's goal.
    let goal = v.as_object_mut().unwrap().remove("annualGoal").unwrap();
    v["overallGoal"] = goal;
    assert_eq!(all(&report(&v)).count(), 0);
}

/// Names are counted as the 一体化 editor counts them: 100 UTF-16 units, a
/// character outside the BMP (𠀀) counting two.
#[test]
fn name_length_in_utf16_units() {
    let too_long = |name: String| {
        let mut v = t2021();
        v["indicators"][0]["name"] = json!(name);
        all(&report(&v)).any(|i| i.code == "INDICATOR_NAME_TOO_LONG")
    };
    assert!(!too_long("数".repeat(100)));
    assert!(too_long("数".repeat(99) + "𠀀"));
}

/// A bare 0 needs no unit (超概算项目比例 0); a bare 2 does.
#[test]
fn zero_needs_no_unit() {
    let unit_missing = |target: &str| {
        let mut v = t2021();
        v["indicators"][0]["target"] = json!(target);
        all(&report(&v)).any(|i| i.code == "TARGET_UNIT_MISSING")
    };
    assert!(!unit_missing("0"));
    assert!(!unit_missing("=0"));
    assert!(unit_missing("2"));
}

/// A 时效 target in prose that says when (月底前, 全天候, 按月) is a time;
/// 及时 or "within the planned time" is not.
#[test]
fn timeliness_in_prose() {
    let flagged = |target: &str| {
        let mut v = t2021();
        v["indicators"][2]["target"] = json!(target);
        all(&report(&v)).any(|i| i.code == "TIMELINESS_NOT_TIME")
    };
    for target in ["12月底前100%到位", "全天候可用", "按月安排"] {
        assert!(!flagged(target), "{target}");
    }
    for target in ["及时", "按时完成", "在项目计划完成时间内完成"] {
        assert!(flagged(target), "{target}");
    }
}

#[test]
fn messages_quote_the_numbers() {
    let mut form = t2021();
    form["funds"]["annual"] = json!("700,000.00");
    let r = report(&form);
    let e = r
        .errors
        .iter()
        .find(|e| e.code == "FUNDS_ANNUAL_SUM")
        .unwrap();
    assert!(
        e.message.contains("700,000.00")
            && e.message.contains("600,000.00")
            && e.message.contains("100,000.00"),
        "{}",
        e.message
    );
    assert_eq!(
        e.params.get("expected").map(String::as_str),
        Some("600000.00")
    );
    assert_eq!(
        e.params.get("actual").map(String::as_str),
        Some("700000.00")
    );
}

#[test]
fn amounts_may_be_json_numbers_exactly() {
    let text = t2021()
        .to_string()
        .replace("\"600,000.00\"", "600000.10")
        .replace("\"600000.00\"", "600000.1");
    assert!(text.contains("600000.10"));
    let r = validate_json(&text);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(
        r.normalised.unwrap().funds.unwrap().annual.as_deref(),
        Some("600000.10")
    );
    // Beyond what a float holds, still exact.
    let text = text
        .replace("600000.10", "1234567890123.45")
        .replace("600000.1", "1234567890123.40");
    let r = validate_json(&text);
    let e = r
        .errors
        .iter()
        .find(|e| e.code == "FUNDS_ANNUAL_SUM")
        .unwrap();
    assert_eq!(
        e.params.get("actual").map(String::as_str),
        Some("1234567890123.45")
    );
}

#[test]
fn level_names_are_matched_tolerantly_and_normalised() {
    let mut form = t2021();
    form["indicators"][0]["level1"] = json!(" 产出 指标");
    form["indicators"][0]["level2"] = json!("数量");
    form["indicators"][4]["level2"] = json!("社會效益");
    form["indicators"][5]["level2"] = json!("服务对象满意度目标");
    let r = report(&form);
    assert!(
        all(&r).next().is_none(),
        "{:?}",
        all(&r).map(|i| i.code).collect::<Vec<_>>()
    );
    let n = r.normalised.unwrap();
    let rows = n.indicators.unwrap();
    assert_eq!(rows[0].level1.as_deref(), Some("产出指标"));
    assert_eq!(rows[0].level2.as_deref(), Some("数量指标"));
    assert_eq!(rows[4].level2.as_deref(), Some("社会效益指标"));
    assert_eq!(rows[5].level2.as_deref(), Some("服务对象满意度指标"));
}

#[test]
fn normalised_form_has_canonical_targets_and_keeps_notes() {
    let mut form = t2021();
    form["indicators"][0]["target"] = json!("不少于2次");
    form["indicators"][2]["target"] = json!("11月底之前完成");
    form["indicators"][4]["target"] = json!("≥10人到场");
    let n = report(&form).normalised.unwrap();
    let rows = n.indicators.unwrap();
    assert_eq!(rows[0].target.as_deref(), Some("≥2.00(次)"));
    assert_eq!(rows[2].target.as_deref(), Some("2024年11月30日前"));
    assert_eq!(rows[2].note.as_deref(), Some("完成"));
    assert_eq!(rows[4].note.as_deref(), Some("到场"));
    assert_eq!(n.start_date.as_deref(), Some("2024-01-01"));
    assert_eq!(n.funds.unwrap().annual.as_deref(), Some("600000.00"));
}

#[test]
fn quotients_may_exceed_100_percent() {
    let mut form = t2021();
    form["indicators"][4]["name"] = json!("参加培训人次/技术人员总人数");
    form["indicators"][4]["target"] = json!(">100.00(%)");
    let r = report(&form);
    assert!(
        all(&r).next().is_none(),
        "{:?}",
        all(&r).map(|i| i.code).collect::<Vec<_>>()
    );
}

#[test]
fn canonical_rewrites_are_offered_only_when_they_keep_every_word() {
    let with = |target: &str| {
        let mut v = t2021();
        v["indicators"][0]["target"] = json!(target);
        report(&v)
    };
    let suggests = |r: &Report| {
        all(r)
            .find(|i| i.code == "TARGET_NOT_CANONICAL")
            .and_then(|i| i.params.get("canonical").map(|c| c.to_string()))
    };
    // The whole unit is kept: 元/亩, 万人次.
    assert_eq!(
        suggests(&with("1600元/亩")).as_deref(),
        Some("=1600.00(元/亩)")
    );
    assert_eq!(
        suggests(&with("≥1.5万人次")).as_deref(),
        Some("≥1.50(万人次)")
    );
    // Words kept as a note would be lost: no rewrite is offered.
    assert_eq!(suggests(&with("≤2小时到场")), None);
    assert_eq!(suggests(&with("完成5场工作咨询会")), None);
    // A deadline's "完成" only says "done by".
    let mut v = t2021();
    v["indicators"][2]["target"] = json!("2024年11月底前完成");
    assert!(suggests(&report(&v)).is_some());
}

#[test]
fn units_are_judged_by_dimension() {
    let mut v = t2021();
    v["indicators"][4]["target"] = json!("≥1.2万人");
    v["indicators"][1]["target"] = json!("≥95百分比");
    let r = report(&v);
    assert!(
        all(&r).all(|i| i.code != "TARGET_UNIT_MISMATCH"),
        "{:?}",
        r.warnings
    );
}

#[test]
fn other_regions_level_names_read_as_the_national_ones() {
    let mut form = t2021();
    // Score notes, required marks and other regions' names for the same groups.
    form["indicators"][0]["level1"] = json!("产出指标(50分)");
    form["indicators"][0]["level2"] = json!("数量指标 (必填硬性指标)");
    form["indicators"][1]["level1"] = json!("项目完成指标");
    form["indicators"][4]["level1"] = json!("项目效益指标");
    form["indicators"][5]["level2"] = json!("满意度指标");
    let r = report(&form);
    assert!(
        all(&r).next().is_none(),
        "{:?}",
        all(&r).map(|i| (i.code, &i.path)).collect::<Vec<_>>()
    );
    let rows = r.normalised.unwrap().indicators.unwrap();
    assert_eq!(rows[0].level1.as_deref(), Some("产出指标"));
    assert_eq!(rows[0].level2.as_deref(), Some("数量指标"));
    assert_eq!(rows[1].level1.as_deref(), Some("产出指标"));
    assert_eq!(rows[4].level1.as_deref(), Some("效益指标"));
    assert_eq!(rows[5].level2.as_deref(), Some("服务对象满意度指标"));
    // 满意度 stays a level-2 of its own in the older templates.
    let mut old = t2019();
    old["indicators"][2]["level2"] = json!("满意度");
    assert!(all(&report(&old)).next().is_none());
}

#[test]
fn heuristics_read_names_of_any_domain() {
    let mut form = t2021();
    form["indicators"][4] = json!({ "level1": "效益指标", "level2": "经济效益指标", "name": "年增粮食", "target": "3500公斤" });
    form["indicators"].as_array_mut().unwrap().extend([
        json!({ "level1": "效益指标", "level2": "生态效益指标", "name": "新增和改善灌溉达标面积", "target": "≥500亩" }),
        json!({ "level1": "效益指标", "level2": "社会效益指标", "name": "免费开放接待观众人数", "target": "=30000人次" }),
        json!({ "level1": "效益指标", "level2": "社会效益指标", "name": "接受临时救助的人次数(≥**人次)", "target": ">=59人次" }),
        json!({ "level1": "产出指标", "level2": "质量指标", "name": "农村低保标准(≥**元/人·月)", "target": ">=530元/人*月" }),
        json!({ "level1": "满意度指标", "level2": "服务对象满意度指标", "name": "群众安全感", "target": "≥90%" }),
    ]);
    let r = report(&form);
    let found: Vec<_> = all(&r)
        .filter(|i| i.code != "TARGET_NOT_CANONICAL")
        .map(|i| (i.code, i.path.clone()))
        .collect();
    assert!(found.is_empty(), "{found:?}");
    // A name about something else is still flagged.
    let mut form = t2021();
    form["indicators"][4] = json!({ "level1": "效益指标", "level2": "生态效益指标", "name": "传染病检测", "target": "≥10.00(人)" });
    assert!(all(&report(&form)).any(|i| i.code == "INDICATOR_LEVEL2_SUSPECT"));
}

#[test]
fn split_columns_and_amount_unit_are_read_and_kept() {
    let mut form = t2021();
    form["amountUnit"] = json!("万元");
    form["indicators"][0]["operator"] = json!("≥");
    form["indicators"][0]["value"] = json!(95);
    form["indicators"][0]["unit"] = json!("%");
    form["indicators"][0]["weight"] = json!(10.5);
    for key in [
        "kind",
        "direction",
        "content",
        "standard",
        "basis",
        "period",
    ] {
        form["indicators"][0][key] = json!(key);
    }
    let r = report(&form);
    assert!(
        all(&r).all(|i| i.code != "UNKNOWN_FIELD" && i.code != "SCHEMA_TYPE"),
        "{:#?}",
        all(&r).collect::<Vec<_>>()
    );
    let n = r.normalised.unwrap();
    assert_eq!(n.amount_unit.as_deref(), Some("万元"));
    let row = &n.indicators.unwrap()[0];
    assert_eq!(
        (
            row.operator.as_deref(),
            row.value.as_deref(),
            row.unit.as_deref(),
            row.weight.as_deref()
        ),
        (Some("≥"), Some("95"), Some("%"), Some("10.5"))
    );
    assert_eq!(row.period.as_deref(), Some("period"));
}

#[test]
fn amounts_in_ten_thousand_yuan_are_exact_to_the_fen() {
    let mut form = t2021();
    form["amountUnit"] = json!("万元");
    form["funds"] =
        json!({ "annual": "60.123456", "annualFiscal": "50.1", "carryOver": "10.023456" });
    let r = report(&form);
    assert!(
        all(&r).next().is_none(),
        "{:#?}",
        all(&r).collect::<Vec<_>>()
    );
    assert_eq!(
        r.normalised.unwrap().funds.unwrap().annual.as_deref(),
        Some("60.123456")
    );
    // Seven decimals go below 分; the sum is checked exactly and quoted in 万元.
    form["funds"]["annual"] = json!("60.1234561");
    let r = report(&form);
    assert!(r
        .errors
        .iter()
        .any(|i| i.code == "AMOUNT_FORMAT" && i.path == "/funds/annual"));
    form["funds"]["annual"] = json!("60.123457");
    let r = report(&form);
    let sum = r
        .errors
        .iter()
        .find(|i| i.code == "FUNDS_ANNUAL_SUM")
        .unwrap();
    assert!(sum.message.contains("60.123457 万元"), "{}", sum.message);
    // In 元, two decimals.
    form["amountUnit"] = json!("元");
    let r = report(&form);
    assert!(r
        .errors
        .iter()
        .any(|i| i.code == "AMOUNT_FORMAT" && i.path == "/funds/annual"));
    form["amountUnit"] = json!("美元");
    let r = report(&form);
    assert!(r
        .errors
        .iter()
        .any(|i| i.code == "CHOICE_INVALID" && i.path == "/amountUnit"));
}

#[test]
fn split_columns_alone_are_read_as_the_target() {
    let mut form = t2021();
    form["indicators"][0] = json!({ "level1": "产出指标", "level2": "数量指标", "name": "质控督查次数",
        "operator": "≥", "value": 2, "unit": "次", "direction": "正向" });
    let r = report(&form);
    assert!(
        all(&r).next().is_none(),
        "{:#?}",
        all(&r).collect::<Vec<_>>()
    );
    let n = r.normalised.unwrap();
    assert_eq!(
        n.indicators.unwrap()[0].target.as_deref(),
        Some("≥2.00(次)")
    );
    // What is wrong with it is said of the value column.
    form["indicators"][0]["value"] = json!("200");
    form["indicators"][0]["unit"] = json!("%");
    form["indicators"][0]["name"] = json!("整改落实率");
    let r = report(&form);
    assert!(
        all(&r).any(|i| i.code == "RATE_OVER_100" && i.path == "/indicators/0/value"),
        "{:#?}",
        all(&r).collect::<Vec<_>>()
    );
    // Both sides agree: nothing to say.
    form["indicators"][0]["value"] = json!("95");
    form["indicators"][0]["target"] = json!("≥95%");
    let r = report(&form);
    assert!(
        all(&r).all(|i| !i.code.starts_with("SPLIT_")),
        "{:#?}",
        all(&r).collect::<Vec<_>>()
    );
}

#[test]
fn implementation_rows_answer_for_the_whole_period() {
    let mut v = mof2021();
    v["year"] = json!(2025);
    v["startDate"] = json!("2025-01-01");
    v["endDate"] = json!("2027-12-31");
    v["overallGoal"] = json!("三年内完成全县生活污水治理");
    let mut overall = v["indicators"][2].clone();
    overall["period"] = json!("implementation");
    overall["value"] = json!("2027年11月30日前");
    v["indicators"].as_array_mut().unwrap().push(overall);
    let r = report(&v);
    let codes: Vec<_> = all(&r).map(|i| (i.code, i.path.as_str())).collect();
    assert!(
        !codes
            .iter()
            .any(|(c, _)| *c == "IMPLEMENTATION_INDICATORS_MISSING"),
        "{codes:?}"
    );
    // A deadline after the year is right on the 实施期 row, not on an annual one.
    assert!(
        !codes.contains(&("DEADLINE_AFTER_YEAR", "/indicators/6/value")),
        "{codes:?}"
    );
    v["indicators"][2]["value"] = json!("2026年11月30日前");
    let r = report(&v);
    assert!(all(&r).any(|i| i.code == "DEADLINE_AFTER_YEAR" && i.path == "/indicators/2/value"));
}

/// A printed table's unused line (level names only) is not a row to fill:
/// published forms keep one for each level-2 a project does not use.
#[test]
fn unused_template_lines_raise_nothing() {
    let mut v = t2021();
    v["indicators"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "level1": "效益指标", "level2": "经济效益指标", "name": "", "target": " " }));
    let r = report(&v);
    assert_eq!(
        all(&r).count(),
        0,
        "{:?}",
        all(&r).map(|i| i.code).collect::<Vec<_>>()
    );
    // Its level names are still checked as they are typed.
    v["indicators"][6]["level1"] = json!("过程管理指标");
    assert!(all(&report(&v))
        .any(|i| i.code == "INDICATOR_LEVEL1_UNKNOWN" && i.path == "/indicators/6/level1"));
    v["indicators"][6]["level1"] = json!("效益指标");
    // A name alone is a row begun: its target is asked for.
    v["indicators"][6]["name"] = json!("带动就业人数");
    assert!(
        all(&report(&v)).any(|i| i.code == "TARGET_MISSING" && i.path == "/indicators/6/target")
    );
}
