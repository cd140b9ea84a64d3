//! `stdkit table`: the detail table, `--tree` the structure diagram, `--stats` the statistics.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::cli::{TableArgs, TableFormat};
use crate::context::Context;
use crate::report::system::{detail, stats, tree};

pub fn run(ctx: &Context, args: &TableArgs, out: &mut dyn Write) -> Result<Outcome> {
    // What the structure diagram and the statistics can be written as; anything else would
    // silently print something other than what was asked.
    let shown = extension(args.format);
    if args.tree && args.format != TableFormat::Terminal {
        let m = crate::messages::table_tree_format(shown);
        return Err(crate::finding::fail(m));
    }
    if args.stats && matches!(args.format, TableFormat::Json | TableFormat::Xlsx) {
        let m = crate::messages::table_stats_format(shown);
        return Err(crate::finding::fail(m));
    }
    let root = crate::load::discover(&ctx.start)?;
    // Where the table may go is decided before anything is read.
    let target = match &args.output {
        Some(path) => Some(crate::output::file(&root, path, extension(args.format))?),
        None if args.format == TableFormat::Xlsx => {
            return Err(crate::finding::fail(
                crate::messages::table_xlsx_needs_output(),
            ));
        }
        None => None,
    };
    let loaded = crate::load::load(&root)?;
    crate::report::load_errors(&loaded.findings, ctx.lang);
    let table = crate::table::build(&loaded.repo);
    if let (TableFormat::Xlsx, Some(target)) = (args.format, &target) {
        let bytes = crate::report::xlsx::workbook(&table, ctx.lang)?;
        target.write(&bytes)?;
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
            _ => grid.terminal(screen(ctx, args.wide), ctx.lang),
        }
    };
    match &target {
        Some(target) => target.write(text.as_bytes())?,
        None => out.write_all(text.as_bytes())?,
    }
    super::discard(loaded.repo);
    Ok(Outcome::Clean)
}

/// The screen tables are drawn for; `--wide`: with no width to fit in.
pub(super) fn screen(ctx: &Context, wide: bool) -> crate::report::table::Screen {
    if wide {
        ctx.screen().wide()
    } else {
        ctx.screen()
    }
}

/// The file extension of each format: an existing `-o` file is replaced only by its own kind.
fn extension(format: TableFormat) -> &'static str {
    match format {
        TableFormat::Terminal => "txt",
        TableFormat::Md => "md",
        TableFormat::Csv => "csv",
        TableFormat::Json => "json",
        TableFormat::Xlsx => "xlsx",
    }
}
