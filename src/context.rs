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
        let as_of = args
            .as_of
            .unwrap_or_else(|| jiff::ZonedDateTime::now().date());
        Ok(Context {
            start,
            color,
            lang: args.lang,
            as_of,
        })
    }
}
