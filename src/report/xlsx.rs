//! The standard-system table as an Excel workbook: detail, statistics and tree sheets with a
//! styled, frozen header, column widths measured for Chinese text, typed cells (counts as
//! numbers, 现有率 as a percentage, dates as dates) and a print setup (A4 landscape, one page
//! wide, the header row on every page). Builds bytes; writing them is the caller's business.

use std::borrow::Cow;

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::display_width;
use super::system::{defuse, detail, header, stats};
use crate::finding::{Lang, Msg};
use crate::messages;
use crate::table::{Node, Row, Stat, SystemTable};

/// The workbook as bytes; deterministic (fixed creation date, no other clock).
pub fn workbook(t: &SystemTable, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let book = messages::workbook_title();
    let book = book.get(lang);
    let title = format!("{} {book}", t.center).trim_start().to_owned();
    let mut wb = Workbook::new();
    let props = DocProperties::new()
        .set_title(&title)
        .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?);
    wb.set_properties(&props);
    let styles = Styles::new();
    let punct = crate::messages::punct(lang);
    for sheet in sheets(t, lang) {
        let ws = wb.add_worksheet();
        write_sheet(ws, &sheet, &styles, punct.none)?;
        print_setup(ws, &title, &sheet.name, punct.none);
    }
    wb.save_to_buffer()
}

/// One cell as the workbook stores it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A missing value: a centred dash, as the other formats print it.
    Dash,
    /// A count or an ordinal (序号, 应有数, 现有数, 层级).
    Count(usize),
    /// A fraction shown as a percentage (`0.0%`); the text is what the other formats print.
    Percent(f64, String),
    /// A calendar date that Excel can hold (`yyyy-mm-dd`): year, month, day.
    Date(u16, u8, u8),
}

impl Cell {
    /// The cell as the other formats print it, `none` the language's dash: for column widths.
    pub fn shown<'a>(&'a self, none: &'a str) -> Cow<'a, str> {
        match self {
            Cell::Text(s) | Cell::Percent(_, s) => Cow::Borrowed(s),
            Cell::Dash => Cow::Borrowed(none),
            Cell::Count(n) => Cow::Owned(n.to_string()),
            Cell::Date(y, m, d) => Cow::Owned(format!("{y:04}-{m:02}-{d:02}")),
        }
    }
}

/// One worksheet: its name, header and typed rows.
pub struct Sheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The three sheets, built from the table's fields; the headers are those of the other formats.
pub fn sheets(t: &SystemTable, lang: Lang) -> [Sheet; 3] {
    let name = |m: Msg| m.get(lang).to_owned();
    [
        Sheet {
            name: name(messages::sheet_detail()),
            header: detail(t, lang).header,
            rows: t.rows.iter().map(|r| detail_row(r, lang)).collect(),
        },
        Sheet {
            name: name(messages::sheet_stats()),
            header: stats(t, lang).header,
            rows: t.stats.iter().map(|s| stat_row(s, lang)).collect(),
        },
        Sheet {
            name: name(messages::sheet_tree()),
            header: header(
                lang,
                &[
                    messages::tree_heading_code(),
                    messages::tree_heading_title(),
                    messages::tree_heading_depth(),
                    messages::tree_heading_own(),
                    messages::tree_heading_total(),
                    messages::stats_heading_required(),
                ],
            ),
            rows: t.tree.iter().map(tree_row).collect(),
        },
    ]
}

fn detail_row(r: &Row, lang: Lang) -> Vec<Cell> {
    vec![
        Cell::Count(r.index),
        Cell::Text(r.no.clone()),
        dash(r.code.as_ref().map(ToString::to_string).as_deref()),
        Cell::Text(r.title.clone()),
        dash(r.level.map(|l| l.label(lang))),
        dash(r.origin.map(|o| o.label(lang))),
        dash(r.status.map(|s| s.label(lang))),
        r.effective
            .as_deref()
            .and_then(date)
            .unwrap_or_else(|| dash(r.effective.as_deref())),
        dash(Some(&crate::table::joined(
            &r.replaces,
            crate::messages::punct(lang).list,
        ))),
        dash(r.unit.as_deref()),
    ]
}

fn stat_row(s: &Stat, lang: Lang) -> Vec<Cell> {
    let (subsystem, level) = super::system::stat_labels(s, lang);
    let rate = match crate::rates::percent_of(s.existing as u64, s.planned as u64) {
        Some(text) => Cell::Percent(s.existing as f64 / s.planned as f64, text),
        None => Cell::Dash,
    };
    vec![
        Cell::Text(subsystem),
        Cell::Text(level),
        Cell::Count(s.planned),
        Cell::Count(s.existing),
        rate,
    ]
}

fn tree_row(n: &Node) -> Vec<Cell> {
    vec![
        Cell::Text(n.code.clone()),
        Cell::Text(format!("{}{}", "　".repeat(n.depth), n.title)),
        Cell::Count(n.depth + 1),
        Cell::Count(n.own),
        Cell::Count(n.total),
        // As the diagram and the statistics count: without superseded and withdrawn.
        Cell::Count(n.planned),
    ]
}

fn dash(s: Option<&str>) -> Cell {
    s.filter(|s| !s.is_empty())
        .map_or(Cell::Dash, |s| Cell::Text(s.to_owned()))
}

/// A `YYYY-MM-DD` date that Excel can hold (1900 to 9999); anything else stays text.
fn date(s: &str) -> Option<Cell> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    let year: u16 = y.parse().ok()?;
    if year < 1900 {
        return None;
    }
    let (month, day) = (m.parse().ok()?, d.parse().ok()?);
    ExcelDateTime::from_ymd(year, month, day).ok()?;
    Some(Cell::Date(year, month, day))
}

/// The cell formats, made once per workbook.
struct Styles {
    header: Format,
    text: Format,
    /// Text that a spreadsheet would take for a formula if typed in (see [`defuse`]): stored
    /// with Excel's quote prefix, so that it stays text when a user edits the cell.
    quoted: Format,
    dash: Format,
    count: Format,
    percent: Format,
    date: Format,
}

impl Styles {
    fn new() -> Styles {
        let body = Format::new()
            .set_border(FormatBorder::Thin)
            .set_font_name("宋体");
        Styles {
            header: body.clone().set_bold().set_background_color(0xD9E1F2),
            quoted: body.clone().set_quote_prefix(),
            dash: body.clone().set_align(FormatAlign::Center),
            count: body.clone().set_num_format("0"),
            percent: body.clone().set_num_format("0.0%"),
            date: body.clone().set_num_format("yyyy-mm-dd"),
            text: body,
        }
    }
}

/// One sheet into `ws`; `none` is the language's dash for a missing value.
fn write_sheet(
    ws: &mut Worksheet,
    sheet: &Sheet,
    st: &Styles,
    none: &str,
) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    let mut widths: Vec<usize> = sheet.header.iter().map(|h| display_width(h)).collect();
    for (c, h) in sheet.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &st.header)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let at = (r + 1) as u32;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            match cell {
                Cell::Text(s) if matches!(defuse(s), Cow::Owned(_)) => {
                    ws.write_string_with_format(at, col, s, &st.quoted)?
                }
                Cell::Text(s) => ws.write_string_with_format(at, col, s, &st.text)?,
                Cell::Dash => ws.write_string_with_format(at, col, none, &st.dash)?,
                Cell::Count(n) => ws.write_number_with_format(at, col, *n as f64, &st.count)?,
                Cell::Percent(v, _) => ws.write_number_with_format(at, col, *v, &st.percent)?,
                Cell::Date(y, m, d) => {
                    let date = ExcelDateTime::from_ymd(*y, *m, *d)?;
                    ws.write_datetime_with_format(at, col, &date, &st.date)?
                }
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(display_width(&cell.shown(none)));
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).min(60.0))?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

/// A4 landscape, one page wide, centred, modest margins; the title above, page numbers below;
/// `dash` is the language's (`—` / `-`), between the title and the sheet's name.
fn print_setup(ws: &mut Worksheet, title: &str, sheet: &str, dash: &str) {
    ws.set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_margins(0.5, 0.5, 0.75, 0.75, 0.3, 0.3)
        .set_header(header_text(title, sheet, dash))
        .set_footer("&C&P / &N");
}

/// The centred page header `title — sheet` (`dash` between them): `&` in user text doubled
/// (Excel's header codes), control characters dropped, and the title cut to fit Excel's limit
/// of 255 characters.
fn header_text(title: &str, sheet: &str, dash: &str) -> String {
    const LIMIT: usize = 255;
    let escape = |s: &str, room: usize| {
        let mut out = String::new();
        let mut used = 0;
        for c in s.chars().filter(|c| !c.is_control()) {
            let code: &[char] = if c == '&' { &['&', '&'] } else { &[c] };
            if used + code.len() > room {
                break;
            }
            used += code.len();
            out.extend(code);
        }
        (out, used)
    };
    let (sheet, used) = escape(sheet, LIMIT);
    let room = LIMIT - "&C  ".chars().count() - dash.chars().count() - used;
    let (title, _) = escape(title, room);
    format!("&C{title} {dash} {sheet}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Origin, Status};

    #[test]
    fn chinese_characters_are_two_columns_wide() {
        assert_eq!(display_width("GB/T 1.1-2020"), 13);
        assert_eq!(display_width("标准体系表"), 10);
        assert_eq!(display_width("（试行）"), 8);
    }

    fn table() -> SystemTable {
        let row = |index, effective: Option<&str>| Row {
            index,
            no: format!("101-0{index}"),
            code: Some(format!("Q/X 1010{index}-2014").parse().unwrap()),
            title: "=HYPERLINK(\"x\")".into(),
            level: Some(Level::Internal),
            origin: Some(Origin::ALL[0]),
            status: Some(Status::ALL[0]),
            effective: effective.map(String::from),
            replaces: vec![],
            unit: None,
            path: String::new(),
        };
        let stat = |level, planned, existing| Stat {
            subsystem: Some("1 通用".into()),
            level,
            planned,
            existing,
        };
        SystemTable {
            center: "A&B 中心".into(),
            rows: vec![
                row(1, Some("2014-03-01")),
                row(2, None),
                row(3, Some("2014-02-30")),
                row(4, Some("1899-12-31")),
            ],
            tree: vec![],
            stats: vec![
                stat(Some(Level::National), 3, 2),
                stat(Some(Level::Local), 0, 0),
                stat(None, 3, 2),
            ],
        }
    }

    #[test]
    fn cells_are_typed_and_print_as_the_other_formats_do() {
        let t = table();
        let [d, s, _] = sheets(&t, Lang::Zh);
        assert_eq!(d.rows[0][0], Cell::Count(1));
        assert_eq!(d.rows[0][7], Cell::Date(2014, 3, 1));
        assert_eq!(d.rows[1][7], Cell::Dash);
        assert_eq!(d.rows[2][7], Cell::Text("2014-02-30".into()));
        assert_eq!(d.rows[3][7], Cell::Text("1899-12-31".into()));
        assert_eq!(s.rows[0][4], Cell::Percent(2.0 / 3.0, "66.7%".into()));
        assert_eq!(s.rows[1][4], Cell::Dash);
        // Every cell shows what the terminal, Markdown and CSV tables show, in either language.
        for lang in [Lang::Zh, Lang::En] {
            let none = crate::messages::punct(lang).none;
            let [d, s, _] = sheets(&t, lang);
            for (sheet, grid) in [(&d, detail(&t, lang)), (&s, stats(&t, lang))] {
                assert_eq!(sheet.header, grid.header);
                let shown: Vec<Vec<String>> = sheet
                    .rows
                    .iter()
                    .map(|r| r.iter().map(|c| c.shown(none).into_owned()).collect())
                    .collect();
                assert_eq!(shown, grid.rows);
            }
        }
    }

    #[test]
    fn page_header_escapes_ampersands_and_fits_excel() {
        assert_eq!(
            header_text("A&B 中心", "统计表", "—"),
            "&CA&&B 中心 — 统计表"
        );
        assert_eq!(header_text("a\nb", "x", "-"), "&Cab - x");
        let long = header_text(&"&".repeat(300), "x", "—");
        assert!(long.chars().count() <= 255, "{}", long.chars().count());
        let kept = long
            .strip_prefix("&C")
            .unwrap()
            .strip_suffix(" — x")
            .unwrap();
        assert_eq!(kept.len() % 2, 0, "a doubled `&` is never split");
    }
}
