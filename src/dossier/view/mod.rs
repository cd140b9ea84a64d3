//! The volume as it is printed, once for both writers: every table as rows of printed cells
//! (numbers formatted, codes with `—`, marks and notes worded), so that the PDF and the HTML
//! hold the same text in the same order. The writers only turn these into markup. Pure.

use crate::model::{Date, StdCode};
use crate::rates::percent_of;

/// How a column takes its width: as wide as its content, or a share of what is left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Width {
    Fit,
    Share(f32),
    /// A fixed width in em.
    Em(f32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    Strong,
    /// A failure or an overdue task: printed in red.
    Alert,
    /// Standard numbers (codes), one a line, never broken inside.
    Codes,
    /// Several lines.
    Lines,
    /// A definition in small type, with an optional alert line after it.
    Small,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The text; lines separated by `\n` (for `Codes`, `Lines`, `Small`).
    pub text: String,
    pub style: Style,
    pub colspan: usize,
    pub rowspan: usize,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            style: Style::Plain,
            colspan: 1,
            rowspan: 1,
        }
    }

    pub fn styled(text: impl Into<String>, style: Style) -> Cell {
        Cell {
            style,
            ..Cell::new(text)
        }
    }

    fn span(mut self, colspan: usize, rowspan: usize) -> Cell {
        self.colspan = colspan;
        self.rowspan = rowspan;
        self
    }
}

/// A table of the volume: header, column layout and rows, with the notes printed under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub widths: Vec<Width>,
    pub align: Vec<Align>,
    pub rows: Vec<Vec<Cell>>,
    /// A smaller type size for wide tables (the detail table).
    pub small: bool,
}

impl Table {
    fn new(columns: &[(&str, Width, Align)]) -> Table {
        Table {
            header: columns.iter().map(|c| c.0.to_owned()).collect(),
            widths: columns.iter().map(|c| c.1).collect(),
            align: columns.iter().map(|c| c.2).collect(),
            rows: Vec::new(),
            small: false,
        }
    }
}

/// The title of the section `changes`.
pub const CHANGES: &str = "标准体系变化";

/// What a table says when it has no row.
pub const EMPTY: &str = "（无记录）";

/// A date as the volume prints it in running text: 2014年12月31日.
pub fn zh_date(d: Date) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// Standard numbers as printed (the year after `—`, GB/T 1.1), one a line.
fn codes<'a>(list: impl IntoIterator<Item = &'a StdCode>) -> String {
    list.into_iter()
        .map(StdCode::printed)
        .collect::<Vec<_>>()
        .join("\n")
}

fn pct_or_dash(n: u64, d: u64) -> String {
    percent_of(n, d).unwrap_or_else(|| "—".to_owned())
}

mod cover;
mod rates;
mod records;
mod system;

pub use cover::*;
pub use rates::*;
pub use records::*;
pub use system::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    #[test]
    fn drafts_and_trials_are_marked() {
        assert_eq!(stage_mark(Some(Status::Review)), Some("送审稿"));
        assert_eq!(stage_mark(Some(Status::Drafting)), Some("征求意见稿"));
        assert_eq!(stage_mark(Some(Status::Trial)), Some("试行"));
        assert_eq!(stage_mark(Some(Status::InForce)), None);
    }
}
