//! Layout (b): the national 预算管理一体化 system's indicator import sheet,
//! one indicator per row in split columns — 一级指标, 二级指标, 三级指标(名称),
//! 计算符号 (运算符: `≥ ＞ ＝ ＜ ≤ 定性`), 指标值, 计量单位, and beside them
//! 权重, 指标内容, 评（扣）分标准 … (see `table::COLUMNS` for where in the
//! system's public code these titles come from). A header block above the
//! table, as the system's 项目支出绩效目标表 exports have, is read like the
//! Shanghai form's.

use super::grid::Grid;
use super::table::{Column, Table};
use super::{header, Cells, ImportError};
use crate::form::model::Form;

/// The 计算符号 of a qualitative row: its 指标值 is the whole target.
const QUALITATIVE: &str = "定性";

/// The target the grammar reads from the three columns: `≥` `95` `%` is
/// `≥95%`; a 定性 row's target is its 指标值.
fn target(operator: Option<&str>, value: Option<&str>, unit: Option<&str>) -> Option<String> {
    let op = operator
        .map(str::trim)
        .filter(|o| *o != QUALITATIVE)
        .unwrap_or("");
    let unit = if operator.map(str::trim) == Some(QUALITATIVE) {
        None
    } else {
        unit
    };
    let text = format!(
        "{op}{}{}",
        value.unwrap_or("").trim(),
        unit.unwrap_or("").trim()
    );
    (!text.is_empty()).then_some(text)
}

/// The form, when the sheet's table has the system's split columns: each
/// column into its field, and `target` written from 运算符, 指标值 and
/// 计量单位 so that the rules that read it check the row.
pub fn read(grid: &Grid, table: &Table) -> Result<Option<(Form, Cells)>, ImportError> {
    if !(table.has(Column::Operator) || table.has(Column::Unit)) {
        return Ok(None);
    }
    let header::Header {
        mut form,
        mut cells,
        ..
    } = header::read(grid, table.header_row)?;
    // The system's indicator framework is the national 2021 one.
    form.template = Some("T2021".to_string());
    let mut rows = table.indicators(grid, &mut cells, true);
    for (i, (ind, row)) in rows.iter_mut().zip(&table.rows).enumerate() {
        if ind.operator.is_none() && ind.unit.is_none() {
            // 指标值 alone holds the whole target (`≥95%`), as people fill it.
            ind.target = ind.value.take();
            if let Some(cell) = cells.remove(&format!("/indicators/{i}/value")) {
                cells.insert(format!("/indicators/{i}/target"), cell);
            }
            continue;
        }
        ind.target = target(
            ind.operator.as_deref(),
            ind.value.as_deref(),
            ind.unit.as_deref(),
        );
        let parts: Vec<u32> = [Column::Operator, Column::Target, Column::Unit]
            .iter()
            .filter_map(|c| row.get(*c).map(|(_, at)| at.1))
            .collect();
        if let (Some(first), Some(last)) = (parts.iter().min(), parts.iter().max()) {
            cells.insert(
                format!("/indicators/{i}/target"),
                grid.a1_span(row.row, *first, *last),
            );
        }
    }
    form.indicators = Some(rows);
    Ok(Some((form, cells)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_columns_make_the_target_the_grammar_reads() {
        assert_eq!(
            target(Some("≥"), Some("95"), Some("%")).as_deref(),
            Some("≥95%")
        );
        assert_eq!(
            target(Some("＝"), Some("24"), Some("人/次")).as_deref(),
            Some("＝24人/次")
        );
        assert_eq!(
            target(Some("定性"), Some("优良中低差"), None).as_deref(),
            Some("优良中低差")
        );
        assert_eq!(target(None, Some("≥90%"), None).as_deref(), Some("≥90%"));
        assert_eq!(target(Some(" "), None, None), None);
    }
}
