//! The input step of an Excel import, and the only code of it that reads a file: a workbook
//! (.xlsx, .xlsm, .xls, .ods) read through calamine into sheets of non-empty cells.
//!
//! Hostile input costs bounded memory: the file is read only up to [`MAX_FILE`]; a zip-based
//! workbook is first inflated into a counting sink and refused when its members hold more than
//! [`MAX_INFLATED`] bytes (a zip bomb), before calamine holds any of it; rows past
//! [`MAX_ROWS`] of a sheet and columns past [`MAX_COLUMNS`] are not kept, a text is cut at
//! [`MAX_TEXT`] characters, and a workbook whose kept text passes [`MAX_KEPT_TEXT`] is
//! refused. An .xls or .ods, which calamine holds as dense grids, is refused before calamine
//! reads it when its sheets would span more than [`MAX_DENSE`] cells. Only non-empty cells are
//! kept, so a cell far down an .xlsx sheet does not cost the rows above it.

use std::io::{Cursor, Read};
use std::path::Path;

use anyhow::Result;
use calamine::{Data, DataRef, Reader};

use crate::finding::{FailWith, failure};
use crate::messages;
use crate::model::Date;

/// The largest workbook file read.
pub const MAX_FILE: u64 = 32 << 20;
/// The most bytes the members of a zip-based workbook may inflate to, all together.
pub const MAX_INFLATED: u64 = 256 << 20;
/// The rows of one sheet that are read; the rest are reported (`import/limit`).
pub const MAX_ROWS: u32 = 100_000;
/// The columns that are read (a 标准明细表 has about a dozen).
pub const MAX_COLUMNS: u32 = 32;
/// The most text kept from one workbook, all cells together (a shared string is counted at
/// every cell that shows it).
pub const MAX_KEPT_TEXT: usize = 128 << 20;
/// The characters of one cell that are kept.
pub const MAX_TEXT: usize = 4096;

/// A workbook's sheets, in the workbook's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub name: String,
    /// Rows with at least one non-empty cell, in order.
    pub rows: Vec<Row>,
    /// Whether rows past [`MAX_ROWS`] were left unread.
    pub truncated: bool,
    /// Bytes of text kept.
    pub kept: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    /// The row number as Excel shows it (from 1).
    pub number: u32,
    /// Non-empty cells, by column.
    pub cells: Vec<Cell>,
}

impl Row {
    /// A row of text cells, from column 1 (`""` leaves a cell empty): for tests.
    #[cfg(test)]
    pub fn of_texts(number: u32, texts: &[&str]) -> Row {
        Row {
            number,
            cells: texts
                .iter()
                .enumerate()
                .filter(|(_, t)| !t.is_empty())
                .map(|(i, t)| Cell {
                    column: i as u32 + 1,
                    value: Value::Text((*t).to_owned()),
                })
                .collect(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The column number (A = 1).
    pub column: u32,
    pub value: Value,
}

/// A cell's value, as far as an import needs it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    /// A cell formatted as a date (an Excel serial date or datetime).
    Date(Date),
}

impl Row {
    pub fn cell(&self, column: u32) -> Option<&Value> {
        self.cells
            .iter()
            .find(|c| c.column == column)
            .map(|c| &c.value)
    }
}

/// Reads the workbook at `path`; its extension says which reader.
pub fn read(path: &Path) -> Result<Workbook> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let bytes = read_bounded(path)?;
    let unreadable = |e: &dyn std::fmt::Display| {
        let m = messages::table_unreadable(path, &e.to_string());
        failure(m.zh, m.en)
    };
    match ext.as_str() {
        "xlsx" | "xlsm" => {
            inflated_size(path, &bytes, MAX_INFLATED)?;
            let mut book = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
            let mut sheets = Vec::new();
            for name in book.sheet_names() {
                let mut sheet = Sheet::new(&name);
                let mut cells = book
                    .worksheet_cells_reader(&name)
                    .map_err(|e| unreadable(&e))?;
                while let Some(cell) = cells.next_cell().map_err(|e| unreadable(&e))? {
                    let (row, column) = cell.get_position();
                    if !sheet.put(row, column, || value_ref(cell.get_value())) {
                        break;
                    }
                    kept(path, &sheets, &sheet)?;
                }
                drop(cells);
                let merged = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
                sheets.push(sheet.sorted().filled(&merged));
            }
            Ok(Workbook { sheets })
        }
        "xls" | "ods" => {
            if ext == "ods" {
                inflated_size(path, &bytes, MAX_INFLATED)?;
                ods_dense_cells(path, &bytes, MAX_DENSE)?;
            } else {
                xls_dense_cells(path, &bytes, MAX_DENSE)?;
            }
            let cursor = Cursor::new(bytes);
            let mut book: calamine::Sheets<_> = if ext == "xls" {
                calamine::Sheets::Xls(
                    calamine::open_workbook_from_rs(cursor)
                        .map_err(|e: calamine::XlsError| unreadable(&e))?,
                )
            } else {
                calamine::Sheets::Ods(
                    calamine::open_workbook_from_rs(cursor)
                        .map_err(|e: calamine::OdsError| unreadable(&e))?,
                )
            };
            let mut sheets = Vec::new();
            for name in book.sheet_names() {
                let range = book.worksheet_range(&name).map_err(|e| unreadable(&e))?;
                let mut sheet = Sheet::new(&name);
                let (top, left) = range.start().unwrap_or((0, 0));
                for (r, c, data) in range.used_cells() {
                    if !sheet.put(top + r as u32, left + c as u32, || value(data)) {
                        break;
                    }
                    kept(path, &sheets, &sheet)?;
                }
                let merged = match &book {
                    calamine::Sheets::Xls(xls) => {
                        xls.merge_cells_by_sheet_name(&name).unwrap_or_default()
                    }
                    _ => Vec::new(),
                };
                sheets.push(sheet.sorted().filled(&merged));
            }
            Ok(Workbook { sheets })
        }
        _ => Err(unreadable(&"unknown extension")),
    }
}

impl Sheet {
    fn new(name: &str) -> Sheet {
        Sheet {
            name: name.to_owned(),
            ..Sheet::default()
        }
    }

    /// Keeps one cell (0-based position), its value made only when it is kept; false once the
    /// row limit is reached.
    fn put(&mut self, row: u32, column: u32, value: impl FnOnce() -> Option<Value>) -> bool {
        if row >= MAX_ROWS {
            self.truncated = true;
            return false;
        }
        if column >= MAX_COLUMNS {
            return true;
        }
        let Some(value) = value() else { return true };
        if let Value::Text(t) = &value {
            self.kept += t.len();
        }
        let number = row + 1;
        match self.rows.last_mut() {
            Some(last) if last.number == number => {}
            _ => self.rows.push(Row {
                number,
                cells: Vec::new(),
            }),
        }
        if let Some(last) = self.rows.last_mut() {
            last.cells.push(Cell {
                column: column + 1,
                value,
            });
        }
        true
    }

    /// Rows and cells in order, whatever order the file gave them in.
    fn sorted(mut self) -> Sheet {
        self.rows.sort_by_key(|r| r.number);
        let mut merged: Vec<Row> = Vec::with_capacity(self.rows.len());
        for row in self.rows {
            match merged.last_mut() {
                Some(last) if last.number == row.number => last.cells.extend(row.cells),
                _ => merged.push(row),
            }
        }
        for row in &mut merged {
            row.cells.sort_by_key(|c| c.column);
            row.cells.dedup_by_key(|c| c.column);
        }
        self.rows = merged;
        self
    }
}

/// The most cells the sheets of an .xls may span, all together: calamine holds each sheet of
/// an .xls as a dense grid from its first to its last cell, so two cells far apart cost the
/// whole rectangle between them.
pub const MAX_DENSE: u64 = 8_000_000;

/// Counts, before calamine reads an .xls, the cells of the rectangles its sheets span (their
/// values, and their formulas apart): the BIFF records of the `Workbook` stream, read once.
/// Refuses more than `cap`.
fn xls_dense_cells(path: &Path, bytes: &[u8], cap: u64) -> Result<u64> {
    let unreadable = |e: &dyn std::fmt::Display| {
        let m = messages::table_unreadable(path, &e.to_string());
        failure(m.zh, m.en)
    };
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let Some(name) = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| file.is_stream(n))
    else {
        return Err(unreadable(&"no Workbook stream"));
    };
    let mut stream = Vec::new();
    file.open_stream(name)
        .and_then(|s| s.take(MAX_FILE).read_to_end(&mut stream))
        .map_err(|e| unreadable(&e))?;
    let (mut total, mut values, mut formulas) = (0u64, Span::default(), Span::default());
    let mut at = 0;
    while at + 4 <= stream.len() {
        let kind = u16::from_le_bytes([stream[at], stream[at + 1]]);
        let len = usize::from(u16::from_le_bytes([stream[at + 2], stream[at + 3]]));
        let data = &stream[at + 4..(at + 4 + len).min(stream.len())];
        at += 4 + len;
        let word = |i: usize| {
            data.get(i..i + 2)
                .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
        };
        match kind {
            // BOF and EOF: a substream (a sheet) starts or ends.
            0x0809 | 0x0009 | 0x0209 | 0x0409 | 0x000A => {
                total += values.take() + formulas.take();
            }
            // NUMBER, LABEL, RSTRING, BOOLERR, RK, LABELSST: one cell.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD => {
                if let (Some(row), Some(col)) = (word(0), word(2)) {
                    values.widen(row, col);
                }
            }
            // FORMULA: a value and a formula.
            0x0006 => {
                if let (Some(row), Some(col)) = (word(0), word(2)) {
                    values.widen(row, col);
                    formulas.widen(row, col);
                }
            }
            // MULRK: a row of cells from the first column to the last (the record's last word).
            0x00BD => {
                if let (Some(row), Some(first), Some(last)) =
                    (word(0), word(2), data.len().checked_sub(2).and_then(word))
                {
                    values.widen(row, first);
                    values.widen(row, last);
                }
            }
            _ => {}
        }
        if total + values.cells() + formulas.cells() > cap {
            let m = messages::import_too_sparse(path, cap);
            return Err(failure(m.zh, m.en));
        }
    }
    Ok(total + values.take() + formulas.take())
}

/// Counts, before calamine reads an .ods, the cells of the rectangles its tables span up to
/// their last value, with repeated rows and columns (`table:number-rows-repeated`) counted as
/// many times as they repeat: `content.xml` streamed once. Refuses more than `cap`.
fn ods_dense_cells(path: &Path, bytes: &[u8], cap: u64) -> Result<u64> {
    use quick_xml::events::{BytesStart, Event};
    let unreadable = |e: &dyn std::fmt::Display| {
        let m = messages::table_unreadable(path, &e.to_string());
        failure(m.zh, m.en)
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let content = zip.by_name("content.xml").map_err(|e| unreadable(&e))?;
    let mut xml =
        quick_xml::Reader::from_reader(std::io::BufReader::new(content.take(MAX_INFLATED)));
    let repeat = |e: &BytesStart<'_>, name: &str| -> u64 {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .and_then(|a| a.value.parse().ok())
            .unwrap_or(1u64)
            .max(1)
    };
    let (mut total, mut buf) = (0u64, Vec::new());
    // The table: rows read, the last row with a value, the last column with one.
    let (mut rows, mut last_row, mut last_col) = (0u64, None::<u64>, 0u64);
    // The row: how often it repeats, the next column, the last column with a value.
    let (mut times, mut col, mut row_last) = (1u64, 0u64, None::<u64>);
    loop {
        let event = xml.read_event_into(&mut buf).map_err(|e| unreadable(&e))?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            _ => (None, false),
        };
        let name = match &event {
            Event::End(e) => e.name().as_ref().to_owned(),
            _ => start
                .as_ref()
                .map(|e| e.name().as_ref().to_owned())
                .unwrap_or_default(),
        };
        let end = matches!(event, Event::End(_)) || empty;
        if let Some(e) = &start {
            match name.as_str() {
                "table:table-row" => {
                    times = repeat(e, "table:number-rows-repeated");
                    (col, row_last) = (0, None);
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let n = repeat(e, "table:number-columns-repeated");
                    let valued = !empty
                        || e.attributes()
                            .flatten()
                            .any(|a| a.key.as_ref() == "office:value-type");
                    if valued {
                        row_last = Some(col.saturating_add(n - 1));
                    }
                    col = col.saturating_add(n);
                }
                _ => {}
            }
        }
        if end {
            match name.as_str() {
                "table:table-row" => {
                    if let Some(c) = row_last {
                        last_row = Some(rows.saturating_add(times - 1));
                        last_col = last_col.max(c);
                    }
                    rows = rows.saturating_add(times);
                }
                "table:table" => {
                    total = total.saturating_add(span(last_row, last_col));
                    (rows, last_row, last_col) = (0, None, 0);
                }
                _ => {}
            }
        }
        let open = span(last_row, last_col);
        if total.saturating_add(open) > cap {
            let m = messages::import_too_sparse(path, cap);
            return Err(failure(m.zh, m.en));
        }
        if matches!(event, Event::Eof) {
            return Ok(total);
        }
        buf.clear();
    }
}

/// The cells from A1 to the last row and column with a value.
fn span(last_row: Option<u64>, last_col: u64) -> u64 {
    last_row.map_or(0, |r| {
        r.saturating_add(1)
            .saturating_mul(last_col.saturating_add(1))
    })
}

/// The rectangle a sheet's cells span so far.
#[derive(Default)]
struct Span(Option<(u32, u32, u32, u32)>);

impl Span {
    fn widen(&mut self, row: u32, col: u32) {
        self.0 = Some(match self.0 {
            None => (row, row, col, col),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(col), c1.max(col)),
        });
    }

    fn cells(&self) -> u64 {
        self.0.map_or(0, |(r0, r1, c0, c1)| {
            u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1)
        })
    }

    /// The cells, and a new empty span.
    fn take(&mut self) -> u64 {
        let n = self.cells();
        self.0 = None;
        n
    }
}

/// The most cells that merged regions fill in, in one sheet.
pub const MAX_FILLED: usize = 1_000_000;

impl Sheet {
    /// A value merged down several rows (责任科室 or 级别 over a block of standards) stands in
    /// each of those rows, in the merged region's first column; a region over one row (a title
    /// or a category row merged across) is left as it is. Only rows that have a cell of their
    /// own are filled, at most [`MAX_FILLED`] cells.
    fn filled(mut self, regions: &[calamine::Dimensions]) -> Sheet {
        let mut budget = MAX_FILLED;
        for region in regions {
            let ((top, col), (bottom, _)) = (region.start, region.end);
            if bottom <= top || budget == 0 {
                continue;
            }
            let (top, bottom, col) = (top + 1, bottom.min(MAX_ROWS) + 1, col + 1);
            let Some(value) = self
                .rows
                .binary_search_by_key(&top, |r| r.number)
                .ok()
                .and_then(|i| self.rows[i].cell(col).cloned())
            else {
                continue;
            };
            let from = self.rows.partition_point(|r| r.number <= top);
            for row in self.rows[from..]
                .iter_mut()
                .take_while(|r| r.number <= bottom)
            {
                if budget == 0 {
                    break;
                }
                if row.cell(col).is_none() {
                    let at = row.cells.partition_point(|c| c.column < col);
                    row.cells.insert(
                        at,
                        Cell {
                            column: col,
                            value: value.clone(),
                        },
                    );
                    budget -= 1;
                }
            }
        }
        self
    }
}

/// Refuses a workbook once the text kept from it passes [`MAX_KEPT_TEXT`].
fn kept(path: &Path, done: &[Sheet], sheet: &Sheet) -> Result<()> {
    if done.iter().map(|s| s.kept).sum::<usize>() + sheet.kept > MAX_KEPT_TEXT {
        let m = messages::import_too_much_text(path, MAX_KEPT_TEXT >> 20);
        return Err(failure(m.zh, m.en));
    }
    Ok(())
}

/// The file's bytes, refused past [`MAX_FILE`].
fn read_bounded(path: &Path) -> Result<Vec<u8>> {
    let words = || {
        let m = messages::import_unopenable(path);
        (m.zh, m.en)
    };
    let meta = std::fs::metadata(path).fail_with(words)?;
    if !meta.is_file() {
        let m = messages::import_not_a_file(path);
        return Err(failure(m.zh, m.en));
    }
    let too_large = || {
        let m = messages::table_too_large(path, MAX_FILE >> 20);
        failure(m.zh, m.en)
    };
    if meta.len() > MAX_FILE {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE + 1).read_to_end(&mut bytes))
        .fail_with(words)?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Inflates every member of the zip archive into a counting sink: the real size, whatever
/// the archive's directory claims. Refuses more than `cap` bytes in all.
fn inflated_size(path: &Path, bytes: &[u8], cap: u64) -> Result<u64> {
    let unreadable = |e: &dyn std::fmt::Display| {
        let m = messages::table_unreadable(path, &e.to_string());
        failure(m.zh, m.en)
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let member = zip.by_index(i).map_err(|e| unreadable(&e))?;
        let left = cap - total;
        let n = std::io::copy(&mut member.take(left + 1), &mut std::io::sink())
            .map_err(|e| unreadable(&e))?;
        total += n;
        if total > cap {
            let m = messages::import_inflates(path, cap >> 20);
            return Err(failure(m.zh, m.en));
        }
    }
    Ok(total)
}

fn value(data: &Data) -> Option<Value> {
    match data {
        Data::Int(n) => Some(Value::Number(*n as f64)),
        Data::Float(f) => Some(Value::Number(*f)),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => text(s),
        Data::Bool(b) => Some(Value::Text(b.to_string())),
        Data::DateTime(dt) => excel_date(dt),
        Data::Error(_) | Data::Empty => None,
    }
}

fn value_ref(data: &DataRef<'_>) -> Option<Value> {
    match data {
        DataRef::Int(n) => Some(Value::Number(*n as f64)),
        DataRef::Float(f) => Some(Value::Number(*f)),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => text(s),
        DataRef::SharedString(s) => text(s),
        DataRef::Bool(b) => Some(Value::Text(b.to_string())),
        DataRef::DateTime(dt) => excel_date(dt),
        DataRef::Error(_) | DataRef::Empty => None,
    }
}

fn text(s: &str) -> Option<Value> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    Some(Value::Text(s.chars().take(MAX_TEXT).collect()))
}

fn excel_date(dt: &calamine::ExcelDateTime) -> Option<Value> {
    if !dt.is_datetime() {
        return Some(Value::Number(dt.as_f64()));
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    match Date::new(y as i16, m as i8, d as i8) {
        Ok(date) => Some(Value::Date(date)),
        Err(_) => Some(Value::Number(dt.as_f64())),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A zip archive of one member: `size` spaces, which deflate to almost nothing.
    fn zip_of_spaces(size: usize) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        zip.write_all(&vec![b' '; size]).unwrap();
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn a_zip_bomb_is_refused_by_what_it_really_inflates_to() {
        let path = Path::new("bomb.xlsx");
        let bomb = zip_of_spaces(3 << 20);
        assert!(bomb.len() < 64 << 10, "{} bytes", bomb.len());
        let e = inflated_size(path, &bomb, 2 << 20).unwrap_err();
        let m = crate::finding::describe_error(&e, crate::finding::Lang::En);
        assert_eq!(m, "`bomb.xlsx` inflates to more than 2 MiB; not imported");
        assert_eq!(inflated_size(path, &bomb, 4 << 20).unwrap(), 3 << 20);
    }

    #[test]
    fn a_value_merged_down_rows_stands_in_each_row_with_cells() {
        let mut sheet = Sheet::new("明细表");
        for (row, col, text) in [
            (1, 0, "1"),
            (1, 9, "综合科"),
            (2, 0, "2"),
            (4, 0, "4"),
            (6, 0, "101 标准化管理"),
        ] {
            sheet.put(row, col, || Some(Value::Text(text.into())));
        }
        let down = calamine::Dimensions {
            start: (1, 9),
            end: (4, 9),
        };
        let across = calamine::Dimensions {
            start: (6, 0),
            end: (6, 9),
        };
        let sheet = sheet.sorted().filled(&[down, across]);
        let unit = |n: u32| {
            sheet
                .rows
                .iter()
                .find(|r| r.number == n)
                .and_then(|r| r.cell(10))
                .cloned()
        };
        assert_eq!(unit(3), Some(Value::Text("综合科".into())));
        assert_eq!(unit(5), Some(Value::Text("综合科".into())));
        // Row 4 (0-based 3) has no cell of its own: not made up; the category row stays one cell.
        assert!(sheet.rows.iter().all(|r| r.number != 4));
        assert_eq!(sheet.rows.last().unwrap().cells.len(), 1);
    }

    #[test]
    fn an_xls_whose_sheets_span_too_many_cells_is_refused_before_calamine_reads_it() {
        let far = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/import/far.xls"
        ))
        .unwrap();
        assert!(far.len() < 64 << 10);
        let e = xls_dense_cells(Path::new("far.xls"), &far, MAX_DENSE).unwrap_err();
        assert_eq!(
            crate::finding::describe_error(&e, crate::finding::Lang::En),
            "`far.xls` spans more than 8000000 cells across its sheets (a few cells far apart); not imported"
        );
        let old = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/import/old.xls"
        ))
        .unwrap();
        // 3 sheets' worth of header, category and standard rows: 9 rows × 7 columns.
        assert_eq!(
            xls_dense_cells(Path::new("old.xls"), &old, MAX_DENSE).unwrap(),
            63
        );
    }

    #[test]
    fn an_ods_whose_repeats_span_too_many_cells_is_refused_before_calamine_reads_it() {
        let fixture = |name: &str| {
            std::fs::read(format!(
                "{}/tests/fixtures/import/{name}",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap()
        };
        let e = ods_dense_cells(Path::new("far.ods"), &fixture("far.ods"), MAX_DENSE).unwrap_err();
        assert!(
            crate::finding::describe_error(&e, crate::finding::Lang::En)
                .contains("spans more than 8000000 cells")
        );
        // Trailing empty rows and columns, however often repeated, cost nothing: 4 rows × 5 columns.
        assert_eq!(
            ods_dense_cells(Path::new("small.ods"), &fixture("small.ods"), MAX_DENSE).unwrap(),
            20
        );
    }

    /// An .xlsx of one sheet whose `cells` cells all show one shared string of `chars`
    /// characters.
    fn shared_string_bomb(cells: u32, chars: usize) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let mut put = |name: &str, text: String| {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        };
        put("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#.into());
        put("_rels/.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into());
        put("xl/workbook.xml", r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#.into());
        put("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#.into());
        put(
            "xl/sharedStrings.xml",
            format!(
                r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>{}</t></si></sst>"#,
                "标".repeat(chars)
            ),
        );
        let mut rows = String::new();
        for r in 1..=cells / 30 + 1 {
            rows.push_str(&format!("<row r=\"{r}\">"));
            for c in 0..30u8 {
                rows.push_str(&format!(
                    "<c r=\"{}{r}\" t=\"s\"><v>0</v></c>",
                    (b'A' + c % 26) as char
                ));
            }
            rows.push_str("</row>");
        }
        put(
            "xl/worksheets/sheet1.xml",
            format!(
                r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
            ),
        );
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn a_shared_string_shown_in_every_cell_cannot_multiply_memory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("strings.xlsx");
        // 40,000 cells of one 4,000-character string: 480 MB if each kept its copy.
        std::fs::write(&path, shared_string_bomb(40_000, 4000)).unwrap();
        let e = read(&path).unwrap_err();
        let m = crate::finding::describe_error(&e, crate::finding::Lang::En);
        assert!(
            m.ends_with("holds more than 128 MiB of cell text; not imported"),
            "{m}"
        );
        // A small one reads.
        std::fs::write(&path, shared_string_bomb(10, 4)).unwrap();
        let book = read(&path).unwrap();
        assert_eq!(
            book.sheets[0].rows[0].cell(1),
            Some(&Value::Text("标标标标".into()))
        );
    }

    #[test]
    fn rows_past_the_limit_are_not_kept_and_the_sheet_says_so() {
        let mut sheet = Sheet::new("明细表");
        assert!(sheet.put(0, 0, || Some(Value::Text("标准名称".into()))));
        assert!(sheet.put(MAX_ROWS - 1, MAX_COLUMNS, || unreachable!(
            "a column past the last is not read"
        )));
        assert!(sheet.put(MAX_ROWS - 1, 2, || None));
        assert!(!sheet.put(MAX_ROWS, 0, || Some(Value::Number(1.0))));
        assert_eq!(sheet.kept, "标准名称".len());
        let sheet = sheet.sorted();
        assert!(sheet.truncated);
        // The cell past the last column read is not kept either.
        assert_eq!(sheet.rows.len(), 1);
    }
}
