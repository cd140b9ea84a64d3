//! `stdkit table`: the detail table, `--tree` the structure diagram, `--stats` the statistics.

use std::io::Write;

use anyhow::{Result, bail};

use super::Outcome;
use crate::cli::{TableArgs, TableFormat};
use crate::context::Context;
use crate::report::system::{detail, stats, tree};
use crate::report::table::Style;

pub fn run(ctx: &Context, args: &TableArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = crate::load::discover(&ctx.start)?;
    let loaded = crate::load::load(&root)?;
    let table = crate::table::build(&loaded.repo);
    if args.format == TableFormat::Xlsx {
        let Some(path) = &args.output else {
            bail!("`--format xlsx` needs `-o FILE`");
        };
        crate::report::xlsx::write_table(&table, ctx.lang, path)?;
        return Ok(Outcome::Clean);
    }
    let text = if args.format == TableFormat::Json {
        let mut s = serde_json::to_string_pretty(&table)?;
        s.push('\n');
        s
    } else if args.tree {
        tree(&table, ctx.lang)
    } else {
        let grid = if args.stats {
            stats(&table, ctx.lang)
        } else {
            detail(&table, ctx.lang)
        };
        match args.format {
            TableFormat::Md => grid.markdown(),
            TableFormat::Csv => grid.csv(),
            _ => grid.terminal(Style::detect()),
        }
    };
    match &args.output {
        Some(path) => crate::fsx::write_atomic(path, text.as_bytes())?,
        None => out.write_all(text.as_bytes())?,
    }
    super::discard(loaded.repo);
    Ok(Outcome::Clean)
}
