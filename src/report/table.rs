//! Terminal tables: comfy-table with CJK-aware widths; plain fixed layout when not a terminal.

use comfy_table::presets::{ASCII_MARKDOWN, UTF8_FULL_CONDENSED};
use comfy_table::{ContentArrangement, Table};

/// How a terminal table is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// A terminal: box drawing, fitted to the width.
    Terminal,
    /// A pipe or file: fixed layout, no styling.
    Plain,
}

pub fn new_table(style: Style, header: &[&str]) -> Table {
    let mut table = Table::new();
    match style {
        Style::Terminal => {
            table
                .load_style(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic);
        }
        Style::Plain => {
            table
                .load_style(ASCII_MARKDOWN)
                .force_no_tty()
                .set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    table.set_header(header.to_vec());
    table
}

/// The terminal width tables are fitted to, when standard output is a terminal that says its
/// size; `None` (draw without fitting) for a width too small to mean anything (a tty that
/// reports 0×0).
pub fn terminal_width() -> Option<usize> {
    let width = usize::from(Table::new().width()?);
    (width >= 20).then_some(width)
}

/// Fits the rows of a table into `width` terminal columns. Every column keeps its content
/// width (codes and numbers are never split) except the widest, the text one (titles): its
/// cells are shortened with `…` to what is left. `None` when even that leaves the text
/// column fewer than 12 columns (six Chinese characters): the table is then better printed one record at a time.
pub fn fit(header: &[String], rows: &[Vec<String>], width: usize) -> Option<Vec<Vec<String>>> {
    let w = super::display_width;
    let n = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| w(h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n) {
            widths[i] = widths[i].max(w(c));
        }
    }
    // A condensed table draws `│ ` before each cell, ` ` after it and `│` at the end.
    let frame = 3 * n + 1;
    if widths.iter().sum::<usize>() + frame <= width {
        return Some(rows.to_vec());
    }
    let (flex, _) = widths.iter().enumerate().max_by_key(|(_, w)| **w)?;
    let others: usize = widths
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != flex)
        .map(|(_, w)| *w)
        .sum();
    let room = width.checked_sub(others + frame)?;
    if room < 12 {
        return None;
    }
    Some(
        rows.iter()
            .map(|r| {
                r.iter()
                    .enumerate()
                    .map(|(i, c)| {
                        if i == flex {
                            shorten(c, room)
                        } else {
                            c.clone()
                        }
                    })
                    .collect()
            })
            .collect(),
    )
}

/// `text` cut to at most `room` terminal columns, ending in `…` when cut.
fn shorten(text: &str, room: usize) -> String {
    let w = super::display_width;
    if w(text) <= room {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cw = w(c.encode_utf8(&mut [0; 4]));
        if used + cw + 1 > room {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    out
}

/// A table one record at a time, `header: value` per line, records separated by a blank
/// line: what a terminal too narrow for columns shows. `colon` is the language's
/// (`messages::punct`).
pub fn records(header: &[String], rows: &[Vec<String>], colon: &str) -> String {
    let mut out = String::new();
    for (k, r) in rows.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        for (h, c) in header.iter().zip(r) {
            out.push_str(h);
            out.push_str(colon);
            out.push_str(c);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid() -> (Vec<String>, Vec<Vec<String>>) {
        let header = ["体系表编号", "标准编号", "标准名称"]
            .map(String::from)
            .to_vec();
        let rows = vec![
            [
                "101-01",
                "GB/T 24421.1-2009",
                "服务业组织标准化工作指南 第1部分：基本要求",
            ]
            .map(String::from)
            .to_vec(),
            ["101-02", "Q/AQZW 10102-2014", "标准化工作管理办法"]
                .map(String::from)
                .to_vec(),
        ];
        (header, rows)
    }

    #[test]
    fn a_wide_terminal_keeps_every_cell() {
        let (h, r) = grid();
        assert_eq!(fit(&h, &r, 200).unwrap(), r);
    }

    #[test]
    fn a_narrow_terminal_shortens_titles_and_never_splits_codes() {
        let (h, r) = grid();
        let fitted = fit(&h, &r, 60).unwrap();
        assert_eq!(fitted[0][1], "GB/T 24421.1-2009");
        assert!(fitted[0][2].ends_with('…'), "{}", fitted[0][2]);
        let widths: Vec<usize> = fitted[0]
            .iter()
            .map(|c| super::super::display_width(c))
            .collect();
        assert!(widths.iter().sum::<usize>() + 10 <= 60, "{widths:?}");
        assert_eq!(fitted[1][2], "标准化工作管理办法");
    }

    #[test]
    fn a_very_narrow_terminal_prints_records() {
        let (h, r) = grid();
        assert_eq!(fit(&h, &r, 40), None);
        let text = records(&h, &r, "：");
        assert!(
            text.starts_with("体系表编号：101-01\n标准编号：GB/T 24421.1-2009\n"),
            "{text}"
        );
    }
}
