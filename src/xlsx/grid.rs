//! One worksheet as a sparse grid of cell texts, read with a bound on rows
//! and cells, with its merged regions and `Sheet1!D12` references.

use super::{ImportError, MAX_CELLS, MAX_COLUMNS, MAX_MERGED, MAX_ROWS};
use calamine::{DataRef, Dimensions, Xlsx};
use std::collections::BTreeMap;
use std::io::Cursor;

/// What a cell holds, as text: numbers as their shortest exact decimal
/// spelling, dates as ISO dates, formula errors kept apart.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    /// A formula whose cached result is an error (`#DIV/0!`, `#REF!` …).
    Error(String),
}

pub struct Grid {
    pub sheet: String,
    cells: BTreeMap<(u32, u32), Value>,
    merges: Vec<Dimensions>,
}

/// Excel's last date, 9999-12-31, as a serial day: larger numbers are not dates.
const LAST_SERIAL_DAY: f64 = 2_958_465.0;

fn text(value: &DataRef) -> Option<Value> {
    let t = match value {
        DataRef::Empty => return None,
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Int(i) => i.to_string(),
        // Rust prints the shortest text that reads back as the same double:
        // `12657087.21` stays `12657087.21`, with no rounding of our own.
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(d)
            if d.is_datetime() && (0.0..=LAST_SERIAL_DAY).contains(&d.as_f64()) =>
        {
            let (y, mo, day, h, mi, s, _) = d.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{day:02}")
            } else {
                format!("{y:04}-{mo:02}-{day:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        DataRef::DateTime(d) => d.as_f64().to_string(),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => return Some(Value::Error(e.to_string())),
    };
    if t.trim().is_empty() {
        None
    } else {
        Some(Value::Text(t))
    }
}

/// `A`, `B` … `Z`, `AA` … for a column counted from 0.
fn column_name(col: u32) -> String {
    let mut n = u64::from(col).saturating_add(1);
    let mut out = Vec::new();
    while n > 0 {
        let rem = n.saturating_sub(1) % 26;
        out.push(char::from(
            b'A'.saturating_add(u8::try_from(rem).unwrap_or(0)),
        ));
        n = n.saturating_sub(1) / 26;
    }
    out.iter().rev().collect()
}

/// A sheet name as a formula writes it: quoted unless it is one word.
fn quoted_sheet(name: &str) -> String {
    let plain = name.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && !name.is_empty();
    if plain {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

/// `Sheet1!D12` for a cell counted from 0.
fn reference(sheet: &str, (row, col): (u32, u32)) -> String {
    format!(
        "{}!{}{}",
        quoted_sheet(sheet),
        column_name(col),
        u64::from(row).saturating_add(1)
    )
}

impl Grid {
    /// Reads one worksheet, refusing sheets with a value beyond the row,
    /// column or cell bounds rather than reading them in full.
    pub fn read(book: &mut Xlsx<Cursor<&[u8]>>, sheet: &str) -> Result<Grid, ImportError> {
        let mut cells = BTreeMap::new();
        {
            let mut reader = book
                .worksheet_cells_reader(sheet)
                .map_err(|e| ImportError::unreadable(&e.to_string()))?;
            while let Some(cell) = reader
                .next_cell()
                .map_err(|e| ImportError::unreadable(&e.to_string()))?
            {
                let Some(value) = text(cell.get_value()) else {
                    continue;
                };
                let (row, col) = cell.get_position();
                let beyond = |n: u32, max: usize| usize::try_from(n).map_or(true, |n| n >= max);
                if beyond(row, MAX_ROWS) || beyond(col, MAX_COLUMNS) {
                    let at = reference(sheet, (row, col));
                    return Err(ImportError::too_large(
                        &format!("工作表“{sheet}”超出 {MAX_ROWS} 行、{MAX_COLUMNS} 列（{at} 有内容）"),
                        &format!("sheet \"{sheet}\" goes beyond {MAX_ROWS} rows or {MAX_COLUMNS} columns ({at} is filled)"),
                    ));
                }
                if cells.len() >= MAX_CELLS {
                    return Err(ImportError::too_large(
                        &format!("工作表“{sheet}”有内容的单元格超过 {MAX_CELLS} 个"),
                        &format!("sheet \"{sheet}\" has more than {MAX_CELLS} filled cells"),
                    ));
                }
                cells.insert((row, col), value);
            }
        }
        let merges = match book.worksheet_merge_cells(sheet) {
            Some(Ok(m)) => m,
            Some(Err(e)) => return Err(ImportError::unreadable(&e.to_string())),
            None => Vec::new(),
        };
        if merges.len() > MAX_MERGED {
            return Err(ImportError::too_large(
                &format!("工作表“{sheet}”的合并单元格超过 {MAX_MERGED} 处"),
                &format!("sheet \"{sheet}\" has more than {MAX_MERGED} merged regions"),
            ));
        }
        Ok(Grid {
            sheet: sheet.to_string(),
            cells,
            merges,
        })
    }

    /// A grid built from cells, for tests of the layouts.
    #[cfg(test)]
    pub fn from_cells(sheet: &str, cells: &[((u32, u32), &str)], merges: Vec<Dimensions>) -> Grid {
        Grid {
            sheet: sheet.to_string(),
            cells: cells
                .iter()
                .map(|(at, t)| (*at, Value::Text((*t).to_string())))
                .collect(),
            merges,
        }
    }

    /// `Sheet1!D12` for a cell counted from 0.
    pub fn a1(&self, at: (u32, u32)) -> String {
        reference(&self.sheet, at)
    }

    /// `Sheet1!D12:F12` for a span of cells in one row.
    pub fn a1_span(&self, row: u32, first: u32, last: u32) -> String {
        if first == last {
            return self.a1((row, first));
        }
        format!(
            "{}:{}{}",
            self.a1((row, first)),
            column_name(last),
            u64::from(row).saturating_add(1)
        )
    }

    /// The text of a cell whose value goes into the form: an error cell
    /// makes the file unusable, with its reference.
    pub fn value(&self, at: (u32, u32)) -> Result<Option<&str>, ImportError> {
        match self.cells.get(&at) {
            None => Ok(None),
            Some(Value::Text(t)) => Ok(Some(t)),
            Some(Value::Error(e)) => {
                let cell = self.a1(at);
                Err(ImportError::formula_error(&cell, e))
            }
        }
    }

    /// The filled cells of one row, left to right.
    pub fn row(&self, row: u32) -> impl Iterator<Item = (u32, &Value)> {
        self.cells
            .range((row, 0)..=(row, u32::MAX))
            .map(|((_, c), v)| (*c, v))
    }

    /// Rows that have at least one filled cell, top to bottom.
    pub fn rows(&self) -> Vec<u32> {
        let mut rows: Vec<u32> = self.cells.keys().map(|(r, _)| *r).collect();
        rows.dedup();
        rows
    }

    /// The merged region a cell belongs to, if any.
    pub fn merge_at(&self, (row, col): (u32, u32)) -> Option<&Dimensions> {
        self.merges.iter().find(|m| m.contains(row, col))
    }

    /// The last column a cell covers (itself, or the end of its merged region).
    pub fn last_column(&self, at: (u32, u32)) -> u32 {
        self.merge_at(at).map_or(at.1, |m| m.end.1.max(at.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
        let g = Grid::from_cells("Sheet1", &[], Vec::new());
        assert_eq!(g.a1((11, 3)), "Sheet1!D12");
        assert_eq!(g.a1_span(11, 3, 5), "Sheet1!D12:F12");
        let g = Grid::from_cells("绩效 目标", &[], Vec::new());
        assert_eq!(g.a1((0, 0)), "'绩效 目标'!A1");
        assert_eq!(quoted_sheet("2024"), "'2024'");
        assert_eq!(quoted_sheet("it's"), "'it''s'");
        assert_eq!(quoted_sheet("申报表"), "申报表");
    }

    #[test]
    fn cell_texts() {
        assert_eq!(
            text(&DataRef::Float(12_657_087.21)),
            Some(Value::Text("12657087.21".into()))
        );
        assert_eq!(
            text(&DataRef::Float(100.0)),
            Some(Value::Text("100".into()))
        );
        assert_eq!(text(&DataRef::String("  ".into())), None);
        let date =
            calamine::ExcelDateTime::new(44561.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(
            text(&DataRef::DateTime(date)),
            Some(Value::Text("2021-12-31".into()))
        );
        // A serial far beyond 9999 is kept as its number, not turned into a date.
        let huge =
            calamine::ExcelDateTime::new(1e300, calamine::ExcelDateTimeType::DateTime, false);
        assert!(
            matches!(text(&DataRef::DateTime(huge)), Some(Value::Text(t)) if t.starts_with("1000"))
        );
        assert_eq!(
            text(&DataRef::Error(calamine::CellErrorType::Div0)),
            Some(Value::Error("#DIV/0!".into()))
        );
    }
}
