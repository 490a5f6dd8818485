//! Layout (a): the one-sheet 绩效目标申报表 of the Shanghai T2021 form —
//! a header block (项目名称, 主管部门, 实施单位, dates, the 项目资金 block,
//! 项目总目标 and 年度总体目标), then the indicator table 一级指标 / 二级指标 /
//! 三级指标 / 年度(/项目)指标值.

use super::table::Table;
use super::{header, Cells, ImportError};
use crate::form::model::Form;

/// The form, when the sheet has the form's header labels or its table.
pub fn read(
    grid: &super::grid::Grid,
    table: Option<&Table>,
) -> Result<Option<(Form, Cells)>, ImportError> {
    let until = table.map_or(u32::MAX, |t| t.header_row);
    let header::Header {
        mut form,
        mut cells,
        t2021,
    } = header::read(grid, until)?;
    if form.project_name.is_none() && table.is_none() {
        return Ok(None);
    }
    if t2021 {
        form.template = Some("T2021".to_string());
    }
    if let Some(table) = table {
        form.indicators = Some(table.indicators(grid, &mut cells, false));
    }
    Ok(Some((form, cells)))
}
