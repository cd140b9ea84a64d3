//! What every command needs, resolved once from the global arguments: the repository root,
//! colour, language and the as-of date.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;

use crate::cli::{Color, GlobalArgs};
use crate::finding::{FailWith, Lang};
use crate::model::Date;

pub struct Context {
    /// Where to look for the repository (`-C`, else the current directory).
    pub start: PathBuf,
    pub color: bool,
    /// How tables are drawn: for a terminal when standard output is one.
    pub style: crate::report::table::Style,
    /// The width tables are fitted to: `COLUMNS`, else the terminal's; `None` for a pipe
    /// without `COLUMNS` or a terminal that reports no width.
    pub width: Option<usize>,
    pub lang: Lang,
    pub as_of: Date,
}

impl Context {
    pub fn resolve(args: &GlobalArgs) -> Result<Context> {
        let start = match &args.repo {
            Some(dir) => dir.clone(),
            None => std::env::current_dir().fail_as(crate::messages::cannot_read_current_dir)?,
        };
        // Whether standard output is a terminal is asked once, here.
        let tty = std::io::stdout().is_terminal();
        let color = match args.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && tty,
        };
        let as_of = args
            .as_of
            .unwrap_or_else(|| jiff::ZonedDateTime::now().date());
        Ok(Context {
            start,
            color,
            style: if tty {
                crate::report::table::Style::Terminal
            } else {
                crate::report::table::Style::Plain
            },
            width: crate::report::table::terminal_width(
                std::env::var("COLUMNS").ok().as_deref(),
                tty,
            ),
            lang: args.lang(),
            as_of,
        })
    }

    /// Where tables are printed: drawn for a terminal or not, coloured or not and how wide,
    /// as resolved here once.
    pub fn screen(&self) -> crate::report::table::Screen {
        crate::report::table::Screen {
            style: self.style,
            color: self.color,
            width: self.width,
        }
    }
}
