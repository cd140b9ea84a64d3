//! Printing an import: its findings as `check` prints them (the file is the spreadsheet, the
//! line its row, the column its column number), then the files written or, with `--dry-run`,
//! the files it would write, sorted, and their count.

use std::io::{self, Write};

use crate::context::Context;
use crate::finding::{Finding, Lang, Snippets};
use crate::import::xlsx::Plan;
use crate::messages;

/// The findings, with the summary line counting the standard rows read; nothing when there
/// are none.
pub fn findings(
    findings: &[Finding],
    rows: usize,
    ctx: &Context,
    out: &mut dyn Write,
) -> io::Result<()> {
    if findings.is_empty() {
        return Ok(());
    }
    let snippets = Snippets::new();
    let report = super::findings::Report {
        findings,
        standards: rows,
        lang: ctx.lang,
        color: ctx.color,
        snippets: &snippets,
        prefix: "",
    };
    super::findings::write(super::findings::Format::Human, &report, out)
}

/// With `--dry-run` every path it would write, then one line with the counts.
pub fn summary(
    plan: &Plan,
    dry_run: bool,
    dir: &str,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let paths = plan.paths();
    let (files, standards, categories) = (paths.len(), plan.standards, plan.categories);
    let line = if dry_run {
        for path in &paths {
            writeln!(out, "{}", super::terminal_safe(path))?;
        }
        messages::table_would_write(files, standards, categories)
    } else {
        messages::import_written(files, standards, categories, dir)
    };
    writeln!(out, "{}", super::terminal_safe(line.get(lang)))
}
