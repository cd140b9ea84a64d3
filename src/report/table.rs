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
