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
        let color = match args.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        let as_of = match &args.as_of {
            Some(text) => text.parse::<Date>().map_err(|_| {
                crate::finding::failure(
                    format!("`--as-of {text}` 不是日期，应写作 2014-12-31 这样的形式"),
                    format!("`--as-of {text}` is not a date like 2014-12-31"),
                )
            })?,
            None => jiff::ZonedDateTime::now().date(),
        };
        Ok(Context {
            start,
            color,
            lang: args.lang,
            as_of,
        })
    }
}
