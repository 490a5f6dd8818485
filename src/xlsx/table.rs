//! The indicator table: a header row found by its column titles, then one
//! indicator per filled row until the table's footer. Blank rows are
//! skipped; a blank 一级/二级 cell continues the group above (merged cells,
//! or a printed form's "same as above").

use super::grid::{Grid, Value};
use super::labels::{inline, key};
use super::{Cells, ImportError};
use crate::finding::pointer;
use crate::form::model::Indicator;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Column {
    Level1,
    Level2,
    Name,
    /// 指标值: the whole target, or the value beside 运算符 and 计量单位.
    Target,
    Operator,
    Unit,
    Weight,
    Content,
    Standard,
    Basis,
    Direction,
    Kind,
}

use Column::*;

/// Column titles of the Shanghai forms and of the 一体化 system. The
/// system's own names are in `ifmis-pmkpi-service/src/main/sql/pmkpi/script/`
/// of its public code: V4_0_1_2/business/040_index_import.sql registers the
/// project indicator import template (一级指标, 二级指标, 三级指标名称,
/// 计算符号, 指标值, 计量单位, 备注), V4_0_0_2/business/004_cdy_dictable.sql
/// names PM_PERF_INDICATOR's columns (… 权重), and
/// V4_0_0_9/business/050_PM_PERF_INDICATOR_TEMP_diccolumn.sql the import
/// table's 指标内容 and 评（扣）分标准.
const COLUMNS: &[(&str, Column)] = &[
    ("一级指标", Level1),
    ("一级绩效指标", Level1),
    ("一级指标名称", Level1),
    ("一级绩效指标名称", Level1),
    ("一级目标", Level1),
    ("二级指标", Level2),
    ("二级绩效指标", Level2),
    ("二级指标名称", Level2),
    ("二级绩效指标名称", Level2),
    ("二级目标", Level2),
    ("三级指标", Name),
    ("三级指标名称", Name),
    ("三级绩效指标", Name),
    ("三级绩效指标名称", Name),
    ("指标名称", Name),
    ("三级目标", Name),
    ("指标值", Target),
    ("年度(/项目)指标值", Target),
    ("年度指标值", Target),
    ("项目指标值", Target),
    ("指标目标值", Target),
    ("目标值", Target),
    ("年度目标值", Target),
    ("计算符号", Operator),
    ("运算符", Operator),
    ("运算符号", Operator),
    ("计量单位", Unit),
    ("单位", Unit),
    ("权重", Weight),
    ("指标权重", Weight),
    ("分值", Weight),
    ("权重(分值)", Weight),
    ("指标内容", Content),
    ("指标解释", Content),
    ("指标内容(指标解释)", Content),
    ("绩效指标说明", Content),
    ("评(扣)分标准", Standard),
    ("扣分标准", Standard),
    ("评分标准", Standard),
    ("指标值说明(评分标准等)", Standard),
    ("指标值确定依据", Basis),
    ("指标性质", Direction),
    ("指标方向", Direction),
    ("指标类型", Kind),
];

/// The column a header title names.
pub fn column(k: &str) -> Option<Column> {
    COLUMNS.iter().find(|(t, _)| *t == k).map(|(_, c)| *c)
}

/// The first cell of a row below the table that ends it (备注, 填表说明 …).
const FOOTERS: &[&str] = &[
    "备注",
    "说明",
    "注",
    "填表说明",
    "填报说明",
    "填表人",
    "审核意见",
    "联系人",
    "联系电话",
];

fn is_footer(text: &str) -> bool {
    let k = inline(text).map_or_else(|| key(text), |(k, _)| k);
    FOOTERS.contains(&k.as_str())
}

/// One filled row: for each column read, its text and cell.
pub struct Row {
    pub row: u32,
    values: Vec<(Column, String, (u32, u32))>,
}

impl Row {
    pub fn get(&self, c: Column) -> Option<(&str, (u32, u32))> {
        self.values
            .iter()
            .find(|(col, _, _)| *col == c)
            .map(|(_, t, at)| (t.as_str(), *at))
    }
}

pub struct Table {
    pub header_row: u32,
    pub columns: Vec<(u32, Column)>,
    pub rows: Vec<Row>,
}

/// The indicator field a column fills, and its key in the form. With
/// `split` (the 一体化 sheet) 指标值 is the value beside 运算符 and 计量单位;
/// otherwise it is the whole target.
fn slot(ind: &mut Indicator, c: Column, split: bool) -> (&'static str, &mut Option<String>) {
    match c {
        Level1 => ("level1", &mut ind.level1),
        Level2 => ("level2", &mut ind.level2),
        Name => ("name", &mut ind.name),
        Target if split => ("value", &mut ind.value),
        Target => ("target", &mut ind.target),
        Operator => ("operator", &mut ind.operator),
        Unit => ("unit", &mut ind.unit),
        Weight => ("weight", &mut ind.weight),
        Content => ("content", &mut ind.content),
        Standard => ("standard", &mut ind.standard),
        Basis => ("basis", &mut ind.basis),
        Direction => ("direction", &mut ind.direction),
        Kind => ("kind", &mut ind.kind),
    }
}

impl Table {
    /// The rows as indicators, each field with its cell and each row with
    /// the span of its cells.
    pub fn indicators(&self, grid: &Grid, cells: &mut Cells, split: bool) -> Vec<Indicator> {
        let first = self.columns.iter().map(|(c, _)| *c).min().unwrap_or(0);
        let last = self.columns.iter().map(|(c, _)| *c).max().unwrap_or(0);
        let mut out = Vec::with_capacity(self.rows.len());
        for (i, row) in self.rows.iter().enumerate() {
            let base = format!("/indicators/{i}");
            cells.insert(base.clone(), grid.a1_span(row.row, first, last));
            let mut ind = Indicator::default();
            for (c, text, at) in &row.values {
                let (key, field) = slot(&mut ind, *c, split);
                *field = Some(text.clone());
                cells.insert(pointer(&base, key), grid.a1(*at));
            }
            out.push(ind);
        }
        out
    }

    pub fn has(&self, c: Column) -> bool {
        self.columns.iter().any(|(_, col)| *col == c)
    }

    /// The table of a sheet: the first row whose titles name an indicator
    /// and its value (三级指标 and 指标值, or 一级指标 and 三级指标).
    pub fn find(grid: &Grid) -> Result<Option<Table>, ImportError> {
        for row in grid.rows() {
            let mut columns: Vec<(u32, Column)> = Vec::new();
            for (col, v) in grid.row(row) {
                let Value::Text(t) = v else { continue };
                if let Some(c) = column(&key(t)) {
                    if !columns.iter().any(|(_, have)| *have == c) {
                        columns.push((col, c));
                    }
                }
            }
            let has = |c| columns.iter().any(|(_, have)| *have == c);
            if has(Name) && (has(Target) || has(Level1)) {
                let rows = read_rows(grid, row, &columns)?;
                return Ok(Some(Table {
                    header_row: row,
                    columns,
                    rows,
                }));
            }
        }
        Ok(None)
    }
}

fn read_rows(grid: &Grid, header: u32, columns: &[(u32, Column)]) -> Result<Vec<Row>, ImportError> {
    let first_column = columns.iter().map(|(c, _)| *c).min().unwrap_or(0);
    let mut rows: Vec<Row> = Vec::new();
    for row in grid.rows().into_iter().filter(|r| *r > header) {
        let first = grid
            .row(row)
            .find(|(c, _)| *c <= first_column || columns.iter().any(|(k, _)| k == c));
        if let Some((_, Value::Text(t))) = first {
            if is_footer(t) {
                break;
            }
        }
        let mut values = Vec::new();
        for &(col, c) in columns {
            if let Some(text) = grid.value((row, col))? {
                values.push((c, text.to_string(), (row, col)));
            }
        }
        if values.is_empty() {
            continue;
        }
        let mut r = Row { row, values };
        // A blank group cell continues the group above: 一级 always, 二级
        // only while the 一级 group goes on.
        if let Some(prev) = rows.last() {
            let same_group = r.get(Level1).is_none();
            for c in [Level1, Level2] {
                if r.get(c).is_none()
                    && (c == Level1 || same_group)
                    && columns.iter().any(|(_, k)| *k == c)
                {
                    if let Some((t, at)) = prev.get(c) {
                        r.values.push((c, t.to_string(), at));
                    }
                }
            }
        }
        rows.push(r);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_continue_groups_skip_blanks_and_stop_at_the_footer() {
        let g = Grid::from_cells(
            "S",
            &[
                ((0, 0), "一级指标"),
                ((0, 1), "二级指标"),
                ((0, 2), "三级指标"),
                ((0, 3), "指标值"),
                ((1, 0), "产出指标"),
                ((1, 1), "数量指标"),
                ((1, 2), "培训人数"),
                ((1, 3), "100"),
                ((3, 2), "培训合格率"),
                ((3, 3), "≥95%"),
                ((4, 0), "效益指标"),
                ((4, 2), "满意度"),
                ((5, 0), "备注"),
                ((5, 2), "不是指标"),
            ],
            Vec::new(),
        );
        let t = Table::find(&g).unwrap().unwrap();
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[1].get(Level1), Some(("产出指标", (1, 0))));
        assert_eq!(t.rows[1].get(Level2), Some(("数量指标", (1, 1))));
        assert_eq!(t.rows[2].get(Level1), Some(("效益指标", (4, 0))));
        assert_eq!(
            t.rows[2].get(Level2),
            None,
            "a new group does not inherit the old 二级"
        );
    }
}
