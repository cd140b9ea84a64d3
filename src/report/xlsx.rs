//! The standard-system table as an Excel workbook: detail, statistics and tree sheets with a
//! styled, frozen header and column widths measured for Chinese text.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet};

use super::system::{Grid, detail, stats};
use crate::finding::Lang;
use crate::table::SystemTable;

/// The workbook as bytes; deterministic (fixed creation date).
pub fn workbook(t: &SystemTable, lang: Lang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let zh = lang == Lang::Zh;
    let mut wb = Workbook::new();
    let props = DocProperties::new()
        .set_title(format!("{} 标准体系表", t.center))
        .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?);
    wb.set_properties(&props);
    sheet(
        wb.add_worksheet(),
        if zh { "标准明细表" } else { "detail" },
        &detail(t, lang),
    )?;
    sheet(
        wb.add_worksheet(),
        if zh { "统计表" } else { "statistics" },
        &stats(t, lang),
    )?;
    let tree = Grid {
        header: if zh {
            vec![
                "类目代码".into(),
                "类目名称".into(),
                "层级".into(),
                "本类标准数".into(),
                "含下级标准数".into(),
            ]
        } else {
            vec![
                "code".into(),
                "title".into(),
                "depth".into(),
                "own".into(),
                "total".into(),
            ]
        },
        rows: t
            .tree
            .iter()
            .map(|n| {
                vec![
                    n.code.clone(),
                    format!("{}{}", "　".repeat(n.depth), n.title),
                    (n.depth + 1).to_string(),
                    n.own.to_string(),
                    n.total.to_string(),
                ]
            })
            .collect(),
    };
    sheet(
        wb.add_worksheet(),
        if zh { "结构图" } else { "tree" },
        &tree,
    )?;
    wb.save_to_buffer()
}

fn sheet(ws: &mut Worksheet, name: &str, grid: &Grid) -> Result<(), rust_xlsxwriter::XlsxError> {
    ws.set_name(name)?;
    let header = Format::new()
        .set_bold()
        .set_background_color(0xD9E1F2)
        .set_border(FormatBorder::Thin)
        .set_font_name("宋体");
    let body = Format::new()
        .set_border(FormatBorder::Thin)
        .set_font_name("宋体");
    let mut widths: Vec<usize> = grid.header.iter().map(|h| display_width(h)).collect();
    for (c, h) in grid.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &header)?;
    }
    for (r, row) in grid.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let at = (r + 1) as u32;
            match cell.parse::<f64>() {
                Ok(n) if !cell.starts_with('0') || cell == "0" => {
                    ws.write_number_with_format(at, c as u16, n, &body)?
                }
                _ => ws.write_string_with_format(at, c as u16, cell, &body)?,
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(display_width(cell));
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).min(60.0))?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Width in columns as a terminal or Excel shows it: CJK and full-width characters count 2.
pub fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let u = c as u32;
            let wide = matches!(u,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
            if wide { 2 } else { 1 }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_characters_are_two_columns_wide() {
        assert_eq!(display_width("GB/T 1.1-2020"), 13);
        assert_eq!(display_width("标准体系表"), 10);
        assert_eq!(display_width("（试行）"), 8);
    }
}
