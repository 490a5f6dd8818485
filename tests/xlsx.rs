//! Excel import: seed forms written as workbooks in both layouts read back
//! to the same report, cell references for findings, the hand-made workbook
//! (merged cells, blank rows, numbers as text), and bad files.

mod common;

use perftarget::xlsx::{self, Layout};
use serde_json::Value;

/// The seed form as JSON, with empty strings as absent fields: an empty
/// cell cannot say "empty string", and three seed rows write one.
fn seed(path: &std::path::Path) -> Value {
    fn blank_to_null(v: &mut Value) {
        match v {
            Value::String(s) if s.is_empty() => *v = Value::Null,
            Value::Array(a) => a.iter_mut().for_each(blank_to_null),
            Value::Object(o) => o.values_mut().for_each(blank_to_null),
            _ => {}
        }
    }
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    blank_to_null(&mut v);
    v
}

fn t2021_seeds() -> Vec<(String, Value)> {
    common::fixtures()
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                seed(p),
            )
        })
        .filter(|(_, v)| v["template"] == "T2021")
        .collect()
}

fn report_value(r: &perftarget::Report) -> Value {
    serde_json::to_value(r).unwrap()
}

/// Seed JSON → workbook → convert → validate is the seed's own report, and
/// each finding on a row's target points at that target's cell.
fn round_trip(make: impl Fn(&Value) -> Vec<u8>, layout: Layout) {
    let seeds = t2021_seeds();
    assert_eq!(seeds.len(), 27);
    for (name, form) in seeds {
        let bytes = make(&form);
        let converted = xlsx::convert(&bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(converted.layout, layout, "{name}");
        let want = perftarget::validate_json(&form.to_string());
        let (got, cells) = xlsx::validate(&bytes);
        assert_eq!(report_value(&got), report_value(&want), "{name}");
        for issue in got.errors.iter().chain(&got.warnings) {
            if let Some(row) = issue
                .path
                .strip_prefix("/indicators/")
                .and_then(|p| p.strip_suffix("/target"))
            {
                let cell = cells.find(&issue.path).unwrap();
                let n: u32 = row.parse().unwrap();
                // The table's first data row is the 13th.
                assert!(
                    cell.ends_with(&format!("{}", 13 + n)),
                    "{name}: {} at {cell}",
                    issue.path
                );
            }
        }
    }
}

#[test]
fn declaration_round_trip() {
    round_trip(common::xlsx::declaration, Layout::Declaration);
}

#[test]
fn integrated_round_trip_with_whole_targets() {
    round_trip(|f| common::xlsx::integrated(f, false), Layout::Integrated);
}

/// Targets written as the system stores them (计算符号, 指标值, 计量单位)
/// read back to the same three columns.
#[test]
fn integrated_split_columns_read_as_the_same_targets() {
    for (name, form) in t2021_seeds() {
        let c = xlsx::convert(&common::xlsx::integrated(&form, true)).unwrap();
        let year = form["year"].as_i64().map(|y| y as i32);
        for (i, ind) in c.form.indicators.unwrap().iter().enumerate() {
            let row = &form["indicators"][i];
            let ctx = perftarget::Context {
                year,
                name: row["name"].as_str().map(String::from),
                ..Default::default()
            };
            let want = perftarget::normalise(row["target"].as_str().unwrap_or(""), &ctx).system;
            let got = perftarget::normalise(ind.target.as_deref().unwrap_or(""), &ctx).system;
            if want.is_some() {
                assert_eq!(got, want, "{name} row {i}: {:?}", ind.target);
            }
        }
    }
}

#[test]
fn convert_keeps_what_each_cell_says() {
    let form =
        seed(&common::root().join("tests/fixtures/002-03-全科医生服务技术能力提升专项.json"));
    let c = xlsx::convert(&common::xlsx::declaration(&form)).unwrap();
    assert_eq!(c.sheet, "申报表");
    assert_eq!(c.form.year, Some(2024));
    assert_eq!(c.form.template.as_deref(), Some("T2021"));
    assert_eq!(c.form.project_name.as_deref(), form["projectName"].as_str());
    assert_eq!(c.cells.find("/projectName"), Some("申报表!B3"));
    assert_eq!(c.cells.find("/funds/total"), Some("申报表!C6"));
    assert_eq!(c.cells.find("/funds/annualFiscal"), Some("申报表!E7"));
    assert_eq!(c.cells.find("/annualGoal"), Some("申报表!D11"));
    assert_eq!(c.cells.find("/indicators/0"), Some("申报表!B13:E13"));
}

fn handmade() -> Vec<u8> {
    std::fs::read(common::root().join("tests/xlsx/handmade.xlsx")).unwrap()
}

/// The workbook a person made in Excel: a sheet of instructions first,
/// labels with colons, label and value in one cell, merged groups, blank
/// rows, numbers stored as text beside numbers, a date cell, a footer.
#[test]
fn handmade_workbook() {
    let c = xlsx::convert(&handmade()).unwrap();
    assert_eq!(
        (c.sheet.as_str(), c.layout),
        ("绩效目标表", Layout::Declaration)
    );
    let f = &c.form;
    assert_eq!(f.year, Some(2024));
    assert_eq!(f.project_name.as_deref(), Some("社区卫生服务能力提升"));
    assert_eq!(f.department.as_deref(), Some("上海市某区卫生健康委员会"));
    assert_eq!(f.start_date.as_deref(), Some("2024-01-01"));
    assert_eq!(f.end_date.as_deref(), Some("2024-12-31"));
    let funds = f.funds.as_ref().unwrap();
    assert_eq!(funds.total, None, "an empty value cell beside its label");
    assert_eq!(
        funds.annual.as_deref(),
        Some("800000"),
        "a number stored as text"
    );
    assert_eq!(funds.annual_fiscal.as_deref(), Some("700000"), "a number");
    assert_eq!(funds.carry_over.as_deref(), Some("100,000.00"));
    assert_eq!(funds.annual_other.as_deref(), Some("0"));
    assert_eq!(
        funds.total_other, None,
        "其他资金 on the total's side is empty"
    );
    assert!(f
        .annual_goal
        .as_deref()
        .unwrap()
        .starts_with("完成全科医生培训"));
    assert_eq!(f.overall_goal, None);
    let rows = f.indicators.as_ref().unwrap();
    assert_eq!(
        rows.len(),
        8,
        "the blank row and the footer are not indicators"
    );
    let l1: Vec<_> = rows.iter().map(|r| r.level1.as_deref().unwrap()).collect();
    assert_eq!(
        l1[..4],
        ["产出指标"; 4],
        "a merged 一级指标 covers its rows"
    );
    assert_eq!(rows[1].level2.as_deref(), Some("数量指标"));
    assert_eq!(rows[1].target.as_deref(), Some("12"));
    assert_eq!(rows[3].target.as_deref(), Some("2024-11-30"), "a date cell");
    assert_eq!(rows[7].target.as_deref(), Some("4000"));
    assert_eq!(c.cells.find("/indicators/1/level1"), Some("绩效目标表!B17"));
    assert_eq!(c.cells.find("/startDate"), Some("绩效目标表!A7"));

    let (report, cells) = xlsx::validate(&handmade());
    let codes: Vec<(&str, &str)> = report
        .errors
        .iter()
        .chain(&report.warnings)
        .map(|i| (i.code, cells.find(&i.path).unwrap()))
        .collect();
    assert_eq!(
        codes,
        [
            ("RATE_OVER_100", "绩效目标表!E24"),
            ("TARGET_VAGUE", "绩效目标表!E22"),
            ("TARGET_UNIT_MISSING", "绩效目标表!E25"),
        ]
    );
}

fn error_of(bytes: &[u8]) -> xlsx::ImportError {
    xlsx::convert(bytes).unwrap_err()
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    assert!(error_of(b"{\"projectName\": \"x\"}")
        .message
        .contains("不是 .xlsx"));
    assert!(error_of(b"PK\x03\x04 cut short")
        .message
        .contains("无法读取"));

    // A value far down a sheet: refused when the reader gets there.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "项目名称").unwrap();
    ws.write_string(xlsx::MAX_ROWS as u32 + 10, 0, "far")
        .unwrap();
    let e = error_of(&wb.save_to_buffer().unwrap());
    assert!(
        e.message.contains("超出") && e.message.contains("A5011"),
        "{}",
        e.message
    );

    // Too many filled cells within the rows and columns allowed.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for r in 0..(xlsx::MAX_CELLS / 20 + 1) as u32 {
        for c in 0..20 {
            ws.write_number(r, c, 1.0).unwrap();
        }
    }
    assert!(error_of(&wb.save_to_buffer().unwrap())
        .message
        .contains("单元格超过"));

    // Too many merged regions.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for r in 0..=xlsx::MAX_MERGED as u32 {
        ws.merge_range(r, 0, r, 1, "x", &rust_xlsxwriter::Format::new())
            .unwrap();
    }
    assert!(error_of(&wb.save_to_buffer().unwrap())
        .message
        .contains("合并单元格超过"));

    // No form in the workbook.
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write_string(0, 0, "会议纪要").unwrap();
    assert!(error_of(&wb.save_to_buffer().unwrap())
        .message
        .contains("没有绩效目标表"));
}

/// A formula whose cached result is an error makes the file unusable, with
/// the cell named in the report.
#[test]
fn formula_errors_name_their_cell() {
    let form = seed(&common::root().join("tests/fixtures/002-01-卫管中心专项工作经费.json"));
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "项目名称").unwrap();
    ws.write_string(0, 1, form["projectName"].as_str().unwrap())
        .unwrap();
    ws.write_string(1, 0, "年度资金申请总额").unwrap();
    ws.write_formula(
        1,
        1,
        rust_xlsxwriter::Formula::new("=1/0").set_result("#DIV/0!"),
    )
    .unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let e = error_of(&bytes);
    assert_eq!(e.cell.as_deref(), Some("Sheet1!B2"));
    assert!(e.message.contains("#DIV/0!"), "{}", e.message);
    let (report, cells) = xlsx::validate(&bytes);
    assert!(report.unusable_input());
    assert_eq!(report.errors[0].code, xlsx::XLSX_UNREADABLE.code);
    assert_eq!(cells.find(&report.errors[0].path), Some("Sheet1!B2"));
}

fn sheet(cells: &[(u32, u16, &str)], merges: &[(u32, u16, u32, u16)]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for &(r0, c0, r1, c1) in merges {
        let text = cells
            .iter()
            .find(|(r, c, _)| (*r, *c) == (r0, c0))
            .map_or("", |x| x.2);
        ws.merge_range(r0, c0, r1, c1, text, &rust_xlsxwriter::Format::new())
            .unwrap();
    }
    for &(r, c, t) in cells {
        if !merges.iter().any(|m| (m.0, m.1) == (r, c)) {
            ws.write_string(r, c, t).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

/// The 一体化 system's own 项目支出绩效目标表 export, laid out as its
/// template `resources/pmkpi/ftl/pdmyeargoalindexxls.ftl` writes it: amounts
/// in 万元, the goal below its label, one 指标值 column.
#[test]
fn integrated_system_export_reads_as_a_declaration_in_wan() {
    let bytes = sheet(
        &[
            (0, 0, "项目支出绩效目标表"),
            (1, 0, "（2025年度）"),
            (2, 0, "项目名称"),
            (2, 2, "社区卫生服务能力提升"),
            (3, 0, "主管部门及代码"),
            (3, 2, "001-上海市某区卫生健康委员会"),
            (3, 3, "实施单位"),
            (3, 4, "上海市某区社区卫生服务中心"),
            (4, 0, "项目资金\n（万元）"),
            (4, 2, "年度资金总额"),
            (4, 3, "80"),
            (5, 2, "其中：财政拨款"),
            (5, 3, "70"),
            (6, 2, "其他资金"),
            (6, 3, "0"),
            (7, 2, "上年结转"),
            (7, 3, "10"),
            (8, 0, "年度绩效目标"),
            (9, 0, "完成培训200人次"),
            (10, 0, "一级指标"),
            (10, 1, "二级指标"),
            (10, 2, "三级指标"),
            (10, 4, "指标值"),
            (11, 0, "产出指标"),
            (11, 1, "数量指标"),
            (11, 2, "培训人次"),
            (11, 4, "≥200人次"),
        ],
        &[
            (0, 0, 0, 4),
            (1, 0, 1, 4),
            (2, 0, 2, 1),
            (2, 2, 2, 4),
            (3, 0, 3, 1),
            (4, 0, 7, 1),
            (8, 0, 8, 4),
            (9, 0, 9, 4),
            (10, 2, 10, 3),
            (11, 2, 11, 3),
        ],
    );
    let c = xlsx::convert(&bytes).unwrap();
    assert_eq!(c.layout, Layout::Declaration);
    let f = &c.form;
    assert_eq!((f.year, f.template.as_deref()), (Some(2025), Some("T2021")));
    assert_eq!(f.amount_unit.as_deref(), Some("万元"));
    assert_eq!(
        f.department.as_deref(),
        Some("001-上海市某区卫生健康委员会")
    );
    let funds = f.funds.as_ref().unwrap();
    assert_eq!(
        [
            &funds.annual,
            &funds.annual_fiscal,
            &funds.annual_other,
            &funds.carry_over
        ]
        .map(|a| a.as_deref()),
        [Some("80"), Some("70"), Some("0"), Some("10")]
    );
    assert_eq!(f.annual_goal.as_deref(), Some("完成培训200人次"));
    assert_eq!(c.cells.find("/annualGoal"), Some("Sheet1!A10"));
    let row = &f.indicators.as_ref().unwrap()[0];
    assert_eq!(
        (row.name.as_deref(), row.target.as_deref()),
        (Some("培训人次"), Some("≥200人次"))
    );
}

/// The system's project indicator import template (005001, registered in
/// `sql/pmkpi/script/V4_0_1_2/business/040_index_import.sql`): split columns
/// into their fields, the target written from them, its cell their span.
#[test]
fn integrated_import_sheet_fills_the_split_columns() {
    let titles = common::xlsx::INTEGRATED_TITLES;
    let rows = [
        [
            "产出指标",
            "数量指标",
            "培训人次",
            "≥",
            "200",
            "人次",
            "20",
            "年度培训人次",
            "每少10人次扣1分",
            "",
        ],
        [
            "",
            "质量指标",
            "培训合格率",
            "＞",
            "95",
            "%",
            "20",
            "",
            "",
            "按年度考核",
        ],
        [
            "效益指标",
            "社会效益指标",
            "服务能力",
            "定性",
            "明显提升",
            "",
            "10",
            "",
            "",
            "",
        ],
        [
            "满意度指标",
            "服务对象满意度指标",
            "满意度",
            "",
            "≥90%",
            "",
            "",
            "",
            "",
            "",
        ],
    ];
    let mut cells: Vec<(u32, u16, &str)> = titles
        .iter()
        .enumerate()
        .map(|(c, t)| (0, c as u16, *t))
        .collect();
    for (r, row) in rows.iter().enumerate() {
        for (c, t) in row.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
            cells.push((r as u32 + 1, c as u16, t));
        }
    }
    let c = xlsx::convert(&sheet(&cells, &[])).unwrap();
    assert_eq!(c.layout, Layout::Integrated);
    let ind = c.form.indicators.unwrap();
    assert_eq!(ind.len(), 4);
    let r = &ind[0];
    assert_eq!(
        [
            &r.operator,
            &r.value,
            &r.unit,
            &r.weight,
            &r.content,
            &r.standard
        ]
        .map(|x| x.as_deref()),
        [
            Some("≥"),
            Some("200"),
            Some("人次"),
            Some("20"),
            Some("年度培训人次"),
            Some("每少10人次扣1分")
        ]
    );
    assert_eq!(r.target.as_deref(), Some("≥200人次"));
    assert_eq!(
        ind[1].level1.as_deref(),
        Some("产出指标"),
        "a blank 一级 continues the group"
    );
    assert_eq!(ind[1].target.as_deref(), Some("＞95%"));
    assert_eq!(
        ind[2].target.as_deref(),
        Some("明显提升"),
        "a 定性 row's target is its 指标值"
    );
    assert_eq!(
        (ind[3].target.as_deref(), ind[3].value.as_deref()),
        (Some("≥90%"), None),
        "指标值 alone is the whole target"
    );
    assert_eq!(c.cells.find("/indicators/0/target"), Some("Sheet1!D2:F2"));
    assert_eq!(c.cells.find("/indicators/0/operator"), Some("Sheet1!D2"));
    assert_eq!(c.cells.find("/indicators/3/target"), Some("Sheet1!E5"));
    let (report, _) = xlsx::validate(&sheet(&cells, &[]));
    assert!(
        report
            .errors
            .iter()
            .chain(&report.warnings)
            .all(|i| !i.path.starts_with("/indicators/0")),
        "{report:#?}"
    );
}
