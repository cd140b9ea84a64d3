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
    pub lang: Lang,
    pub as_of: Date,
}

impl Context {
    pub fn resolve(args: &GlobalArgs) -> Result<Context> {
        let start = match &args.repo {
            Some(dir) => dir.clone(),
            None => std::env::current_dir()
                .fail_with(|| ("无法读取当前目录", "cannot read the current directory"))?,
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
            lang: args.lang(),
            as_of,
        })
    }
}
