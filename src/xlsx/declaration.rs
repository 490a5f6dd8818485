//! Layout (a): the one-sheet 绩效目标申报表 of the Shanghai T2021 form —
//! a header block (项目名称, 主管部门, 实施单位, dates, the 项目资金 block,
//! 项目总目标 and 年度总体目标), then the indicator table 一级指标 / 二级指标 /
//! 三级指标 / 年度(/项目)指标值.

use super::table::{Column, Table};
use super::{header, Cells, ImportError};
use crate::form::model::{Form, Indicator};
use crate::report::pointer;

/// The form, when the sheet has the form's header labels or its table.
pub fn read(
    grid: &super::grid::Grid,
    table: Option<&Table>,
) -> Result<Option<(Form, Cells)>, ImportError> {
    let mut form = Form::default();
    let mut cells = Cells::default();
    let until = table.map_or(u32::MAX, |t| t.header_row);
    let t2021 = header::read(grid, until, &mut form, &mut cells)?;
    if form.project_name.is_none() && table.is_none() {
        return Ok(None);
    }
    if t2021 {
        form.template = Some("T2021".to_string());
    }
    if let Some(table) = table {
        form.indicators = Some(rows(grid, table, &mut cells, |row, ind, _| {
            ind.target = row.get(Column::Target).map(|(t, _)| t.to_string());
            row.get(Column::Target).map(|(_, at)| grid.a1(at))
        }));
    }
    Ok(Some((form, cells)))
}

/// The indicator rows with their level and name cells; `target` fills the
/// rest of each row and answers the target's cell.
pub fn rows(
    grid: &super::grid::Grid,
    table: &Table,
    cells: &mut Cells,
    mut target: impl FnMut(&super::table::Row, &mut Indicator, &mut Cells) -> Option<String>,
) -> Vec<Indicator> {
    let first = table.columns.iter().map(|(c, _)| *c).min().unwrap_or(0);
    let last = table.columns.iter().map(|(c, _)| *c).max().unwrap_or(0);
    let mut out = Vec::with_capacity(table.rows.len());
    for (i, row) in table.rows.iter().enumerate() {
        let base = format!("/indicators/{i}");
        cells.insert(&base, grid.a1_span(row.row, first, last));
        let mut ind = Indicator::default();
        for (column, key) in [
            (Column::Level1, "level1"),
            (Column::Level2, "level2"),
            (Column::Name, "name"),
        ] {
            if let Some((text, at)) = row.get(column) {
                cells.insert(pointer(&base, key), grid.a1(at));
                let slot = match column {
                    Column::Level1 => &mut ind.level1,
                    Column::Level2 => &mut ind.level2,
                    _ => &mut ind.name,
                };
                *slot = Some(text.to_string());
            }
        }
        if let Some(cell) = target(row, &mut ind, cells) {
            cells.insert(pointer(&base, "target"), cell);
        }
        out.push(ind);
    }
    out
}
