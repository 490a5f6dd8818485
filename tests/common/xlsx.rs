//! Excel workbooks made from seed forms, in the two layouts the importer
//! reads: the Shanghai T2021 申报表 and the 一体化 indicator import sheet.

use rust_xlsxwriter::{Format, Workbook, Worksheet};
use serde_json::Value;

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or("")
}

/// Writes a cell, or a merged region when it spans more than one cell;
/// an empty text leaves the cell blank.
fn put(ws: &mut Worksheet, (r0, c0): (u32, u16), (r1, c1): (u32, u16), s: &str) {
    if (r0, c0) == (r1, c1) {
        if !s.is_empty() {
            ws.write_string(r0, c0, s).unwrap();
        }
    } else {
        ws.merge_range(r0, c0, r1, c1, s, &Format::new()).unwrap();
    }
}

/// The header block both layouts share: title, year, labels and values.
/// Answers the next free row.
fn header(ws: &mut Worksheet, f: &Value, title: &str) -> u32 {
    let funds = &f["funds"];
    let year = f["year"]
        .as_i64()
        .map(|y| format!("({y} 年度)"))
        .unwrap_or_default();
    put(ws, (0, 0), (0, 5), title);
    put(ws, (1, 0), (1, 5), &year);
    let rows: [[&str; 6]; 3] = [
        [
            "项目名称",
            text(f, "projectName"),
            "项目性质",
            text(f, "projectNature"),
            "项目类别",
            text(f, "projectCategory"),
        ],
        [
            "主管部门",
            text(f, "department"),
            "实施单位",
            text(f, "implementingUnit"),
            "",
            "",
        ],
        [
            "计划开始日期",
            text(f, "startDate"),
            "计划完成日期",
            text(f, "endDate"),
            "",
            "",
        ],
    ];
    for (i, row) in rows.iter().enumerate() {
        for (c, s) in row.iter().enumerate() {
            put(ws, (2 + i as u32, c as u16), (2 + i as u32, c as u16), s);
        }
    }
    put(ws, (5, 0), (8, 0), "项目资金 (元)");
    let money = [
        (5, 1, "项目资金总额:", "total"),
        (6, 1, "其中: 财政资金", "totalFiscal"),
        (8, 1, "其他资金", "totalOther"),
        (5, 3, "年度资金申请总额:", "annual"),
        (6, 3, "其中: 当年财政拨款", "annualFiscal"),
        (7, 3, "上年结转资金", "carryOver"),
        (8, 3, "其他资金", "annualOther"),
    ];
    for (r, c, label, key) in money {
        put(ws, (r, c), (r, c), label);
        put(
            ws,
            (r, c + 1),
            (r, c + 1),
            funds[key].as_str().unwrap_or(""),
        );
    }
    put(ws, (9, 0), (10, 0), "项目绩效目标");
    put(ws, (9, 1), (9, 2), "项目总目标");
    put(ws, (9, 3), (9, 5), "年度总体目标");
    put(ws, (10, 1), (10, 2), text(f, "overallGoal"));
    put(ws, (10, 3), (10, 5), text(f, "annualGoal"));
    11
}

/// Writes one column of the indicator table with runs of equal values merged.
fn merged_column(ws: &mut Worksheet, first_row: u32, col: u16, values: &[&str]) {
    let mut start = 0;
    while start < values.len() {
        let mut end = start;
        while end + 1 < values.len()
            && values[end + 1] == values[start]
            && !values[start].is_empty()
        {
            end += 1;
        }
        put(
            ws,
            (first_row + start as u32, col),
            (first_row + end as u32, col),
            values[start],
        );
        start = end + 1;
    }
}

fn indicators(f: &Value) -> &[Value] {
    f["indicators"].as_array().map(Vec::as_slice).unwrap_or(&[])
}

/// The Shanghai T2021 绩效目标申报表 on one sheet, groups as merged cells.
pub fn declaration(f: &Value) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("申报表").unwrap();
    let top = header(ws, f, "财政项目支出绩效目标申报表");
    let rows = indicators(f);
    let last = top + rows.len().max(1) as u32;
    put(ws, (top, 0), (last, 0), "绩效 指标");
    for (c, title) in ["一级指标", "二级指标", "三级指标", "年度(/项目)指标值"]
        .iter()
        .enumerate()
    {
        put(ws, (top, c as u16 + 1), (top, c as u16 + 1), title);
    }
    for (c, key) in ["level1", "level2"].iter().enumerate() {
        let values: Vec<&str> = rows.iter().map(|r| text(r, key)).collect();
        merged_column(ws, top + 1, c as u16 + 1, &values);
    }
    for (i, r) in rows.iter().enumerate() {
        let row = top + 1 + i as u32;
        put(ws, (row, 3), (row, 3), text(r, "name"));
        put(ws, (row, 4), (row, 4), text(r, "target"));
    }
    wb.save_to_buffer().unwrap()
}

/// The column titles of the 一体化 system's indicator import sheet.
pub const INTEGRATED_TITLES: [&str; 10] = [
    "一级指标",
    "二级指标",
    "三级指标名称",
    "计算符号",
    "指标值",
    "计量单位",
    "权重",
    "指标内容",
    "评（扣）分标准",
    "备注",
];

/// The 一体化 indicator import sheet under the same header block. With
/// `split`, each target is written as the system stores it (计算符号,
/// 指标值, 计量单位, from the library's system split); otherwise whole in 指标值.
pub fn integrated(f: &Value, split: bool) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let top = header(ws, f, "项目支出绩效目标表");
    for (c, t) in INTEGRATED_TITLES.iter().enumerate() {
        put(ws, (top, c as u16), (top, c as u16), t);
    }
    let year = f["year"].as_i64().map(|y| y as i32);
    for (i, r) in indicators(f).iter().enumerate() {
        let row = top + 1 + i as u32;
        let target = text(r, "target");
        let ctx = perftarget::Context {
            year,
            name: Some(text(r, "name").to_string()),
            ..Default::default()
        };
        let sys = if split {
            perftarget::normalise(target, &ctx).system
        } else {
            None
        };
        let (op, value, unit) = match &sys {
            Some(s) => (
                s.operator,
                s.value.as_str(),
                s.unit.as_deref().unwrap_or(""),
            ),
            None => ("", target, ""),
        };
        // The whole-target sheet carries nothing the seed form does not have.
        let weight = if split { "10" } else { "" };
        let cells = [
            text(r, "level1"),
            text(r, "level2"),
            text(r, "name"),
            op,
            value,
            unit,
            weight,
            "",
            "",
        ];
        for (c, s) in cells.iter().enumerate() {
            put(ws, (row, c as u16), (row, c as u16), s);
        }
    }
    wb.save_to_buffer().unwrap()
}
