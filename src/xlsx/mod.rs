//! Excel import (native builds only; the wasm module never contains it):
//! a `.xlsx` declaration form or indicator sheet read into the form model,
//! with the cell each field came from (`Sheet1!D12`) so that findings can
//! point at cells.
//!
//! Layouts, found by their labels and column titles, never by coordinates:
//! * [`declaration`] — the one-sheet 绩效目标申报表 of the Shanghai T2021 form;
//! * [`integrated`] — the 预算管理一体化 system's indicator import sheet
//!   (运算符, 指标值, 计量单位 in separate columns).
//!
//! Every read is bounded (file size, unzipped size, rows, columns, cells), so
//! a hostile or broken file is answered with an [`ImportError`], never a
//! panic or a hang.

mod declaration;
mod grid;
mod header;
mod integrated;
mod labels;
mod table;

use crate::form::model::Form;
use crate::Report;
use calamine::{Reader, SheetType, Xlsx};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// Largest `.xlsx` file read, in bytes.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;
/// Most bytes all the parts of a file may unzip to (a zip bomb stops here).
pub const MAX_UNZIPPED_BYTES: u64 = 64 * 1024 * 1024;
/// Most parts in the zip container.
pub const MAX_PARTS: usize = 1_000;
/// Most sheets looked at for a form.
pub const MAX_SHEETS: usize = 16;
/// A sheet with a value beyond these rows or columns, or with more filled
/// cells, is refused rather than read.
pub const MAX_ROWS: usize = 5_000;
pub const MAX_COLUMNS: usize = 64;
pub const MAX_CELLS: usize = 50_000;
/// Most merged regions in a sheet (a form has a few dozen).
pub const MAX_MERGED: usize = 2_000;

// The report of an Excel file that cannot be read as a form (not in the
// rule catalogue, which lists what the form itself can break).
crate::rule::rule!(
    XLSX_UNREADABLE,
    Form,
    Error,
    OTHER,
    "Excel 文件无法作为申报表读取",
    "the Excel file cannot be read as a form"
);

/// Why a file could not be read, in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub message: String,
    pub message_en: String,
    /// The cell at fault, if one is (`Sheet1!D12`).
    pub cell: Option<String>,
}

/// Import errors, named for what went wrong.
impl ImportError {
    fn new(zh: String, en: String) -> ImportError {
        ImportError {
            message: zh,
            message_en: en,
            cell: None,
        }
    }

    pub(crate) fn unreadable(detail: &str) -> ImportError {
        ImportError::new(
            format!("无法读取 Excel 文件：{detail}"),
            format!("the Excel file cannot be read: {detail}"),
        )
    }

    pub(crate) fn too_large(zh: &str, en: &str) -> ImportError {
        ImportError::new(
            format!("Excel 文件过大：{zh}"),
            format!("the Excel file is too large: {en}"),
        )
    }

    pub(crate) fn formula_error(cell: &str, error: &str) -> ImportError {
        ImportError {
            message: format!("单元格 {cell} 是公式错误 {error}，请改正公式或填入数值后再导入"),
            message_en: format!(
                "cell {cell} holds the formula error {error}; fix the formula or type the value"
            ),
            cell: Some(cell.to_string()),
        }
    }

    /// The report of an unusable input (template `null`, one error).
    pub fn report(&self) -> Report {
        Report::unusable(&XLSX_UNREADABLE, &self.message, &self.message_en)
    }

    /// The report's finding (on the whole form) points at the cell at fault.
    pub fn cells(&self) -> Cells {
        let mut cells = Cells::default();
        if let Some(cell) = &self.cell {
            cells.insert("", cell.clone());
        }
        cells
    }
}

/// JSON Pointer → cell (`/indicators/3/target` → `Sheet1!E20`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Cells(BTreeMap<String, String>);

impl Cells {
    fn insert(&mut self, pointer: impl Into<String>, cell: String) {
        self.0.insert(pointer.into(), cell);
    }

    fn remove(&mut self, pointer: &str) -> Option<String> {
        self.0.remove(pointer)
    }

    /// The cell of a finding's pointer, or of its nearest parent that has
    /// one (a finding on `/indicators/3` points at the whole row).
    pub fn find(&self, pointer: &str) -> Option<&str> {
        let mut p = pointer;
        loop {
            if let Some(c) = self.0.get(p) {
                return Some(c);
            }
            p = p.rsplit_once('/')?.0;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(p, c)| (p.as_str(), c.as_str()))
    }
}

/// Which layout a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Layout {
    /// The Shanghai T2021 绩效目标申报表.
    Declaration,
    /// The 一体化 system's indicator import sheet.
    Integrated,
}

/// A converted file: the form, where each field came from, and how it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    pub form: Form,
    pub cells: Cells,
    pub layout: Layout,
    pub sheet: String,
}

/// The zip container checked before it is parsed: magic bytes, part count,
/// and what every part really unzips to (declared sizes can lie).
fn check_container(bytes: &[u8], max_unzipped: u64) -> Result<(), ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::too_large(
            &format!("{} 字节，上限 {MAX_FILE_BYTES} 字节", bytes.len()),
            &format!("{} bytes, more than {MAX_FILE_BYTES}", bytes.len()),
        ));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ImportError::new(
            "这是旧版 .xls 或加密的 Excel 文件，请另存为 .xlsx 后再导入".to_string(),
            "this is an old .xls or an encrypted Excel file; save it as .xlsx".to_string(),
        ));
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(ImportError::new(
            "不是 .xlsx 文件（不是 zip 压缩包）".to_string(),
            "not an .xlsx file (not a zip archive)".to_string(),
        ));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ImportError::unreadable(&e.to_string()))?;
    if zip.len() > MAX_PARTS {
        return Err(ImportError::too_large(
            &format!("压缩包有 {} 个部件，上限 {MAX_PARTS}", zip.len()),
            &format!("{} parts in the archive, more than {MAX_PARTS}", zip.len()),
        ));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let part = zip
            .by_index(i)
            .map_err(|e| ImportError::unreadable(&e.to_string()))?;
        let room = max_unzipped.saturating_sub(total).saturating_add(1);
        let n = std::io::copy(&mut part.take(room), &mut std::io::sink())
            .map_err(|e| ImportError::unreadable(&e.to_string()))?;
        total = total.saturating_add(n);
        if total > max_unzipped {
            return Err(ImportError::too_large(
                &format!("解压后超过 {max_unzipped} 字节"),
                &format!("it unzips to more than {max_unzipped} bytes"),
            ));
        }
    }
    Ok(())
}

/// Reads an `.xlsx` file into the form model: the first sheet (of at most
/// [`MAX_SHEETS`]) that holds a declaration form or an indicator sheet.
pub fn convert(bytes: &[u8]) -> Result<Converted, ImportError> {
    check_container(bytes, MAX_UNZIPPED_BYTES)?;
    let mut book: Xlsx<Cursor<&[u8]>> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| ImportError::unreadable(&e.to_string()))?;
    let sheets: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .take(MAX_SHEETS)
        .collect();
    for sheet in sheets {
        let grid = grid::Grid::read(&mut book, &sheet)?;
        let table = table::Table::find(&grid)?;
        let read = match &table {
            Some(t) => match integrated::read(&grid, t)? {
                Some(f) => Some((f, Layout::Integrated)),
                None => declaration::read(&grid, Some(t))?.map(|f| (f, Layout::Declaration)),
            },
            None => declaration::read(&grid, None)?.map(|f| (f, Layout::Declaration)),
        };
        if let Some(((form, cells), layout)) = read {
            return Ok(Converted {
                form,
                cells,
                layout,
                sheet,
            });
        }
    }
    Err(ImportError::new(
        "文件中没有绩效目标表：找不到“项目名称”标签，也找不到“三级指标”“指标值”表头".to_string(),
        "no performance-target form in the file: no 项目名称 label and no 三级指标/指标值 table header".to_string(),
    ))
}

impl Converted {
    /// The report of the converted form, and the cells of its fields.
    pub fn validate(self) -> (Report, Cells) {
        match serde_json::to_string(&self.form) {
            Ok(json) => (crate::validate_json(&json), self.cells),
            Err(e) => (
                ImportError::unreadable(&e.to_string()).report(),
                Cells::default(),
            ),
        }
    }
}

/// Validates an `.xlsx` file: the report of its form and the cells of the
/// form's fields, or an unusable-input report (`XLSX_UNREADABLE`).
pub fn validate(bytes: &[u8]) -> (Report, Cells) {
    match convert(bytes) {
        Ok(c) => c.validate(),
        Err(e) => (e.report(), e.cells()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_answer_for_the_nearest_parent() {
        let mut c = Cells::default();
        c.insert("/indicators/3", "S!A4:D4".to_string());
        c.insert("/indicators/3/target", "S!D4".to_string());
        assert_eq!(c.find("/indicators/3/target"), Some("S!D4"));
        assert_eq!(c.find("/indicators/3/name"), Some("S!A4:D4"));
        assert_eq!(c.find("/funds/annual"), None);
        assert_eq!(c.find(""), None);
    }

    #[test]
    fn containers_are_checked_before_parsing() {
        assert!(convert(b"{ \"not\": \"xlsx\" }")
            .unwrap_err()
            .message
            .contains("不是 .xlsx"));
        assert!(convert(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0])
            .unwrap_err()
            .message
            .contains(".xls"));
        assert!(convert(b"PK\x03\x04 truncated").is_err());
        let huge = vec![b'P'; MAX_FILE_BYTES + 1];
        assert!(convert(&huge).unwrap_err().message.contains("过大"));
    }

    #[test]
    fn what_a_file_unzips_to_is_bounded() {
        use std::io::Write;
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("xl/sharedStrings.xml", stored).unwrap();
        zip.write_all(&[b' '; 4096]).unwrap();
        zip.finish().unwrap();
        let bytes = out.into_inner();
        assert!(check_container(&bytes, 8192).is_ok());
        let e = check_container(&bytes, 1024).unwrap_err();
        assert!(e.message.contains("解压后超过 1024 字节"), "{}", e.message);
    }
}
