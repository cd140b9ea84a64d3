//! What `renumber` did (or, with `--dry-run`, would do): each standard's move, then each file
//! with what changes in it, sorted by path, then a summary line.

use std::io::{self, Write};

use super::terminal_safe;
use crate::finding::Lang;
use crate::messages;
use crate::model::Repository;
use crate::renumber::Plan;

pub fn write(
    out: &mut dyn Write,
    repo: &Repository,
    plan: &Plan,
    dry_run: bool,
    lang: Lang,
) -> io::Result<()> {
    let head = if dry_run {
        messages::renumber_plan()
    } else {
        messages::renumber_done()
    };
    writeln!(out, "{}", head.get(lang))?;
    let mut moves: Vec<_> = plan.moves.iter().collect();
    moves.sort_by(|a, b| a.old.cmp(&b.old));
    for m in moves {
        let title = repo.standards[m.index].title.as_deref().unwrap_or("");
        let line = messages::renumber_move(&m.old.to_string(), &m.new.to_string(), title);
        writeln!(out, "  {}", terminal_safe(line.get(lang)))?;
    }
    writeln!(out)?;
    for e in &plan.edits {
        let shown = match &e.to {
            Some(to) if *to != e.path => messages::renumber_file_moved(&e.path, to)
                .get(lang)
                .to_owned(),
            _ => e.path.clone(),
        };
        writeln!(out, "{}", terminal_safe(&shown))?;
        for c in &e.changes {
            writeln!(out, "  {}", terminal_safe(c.get(lang)))?;
        }
    }
    let summary = messages::renumber_summary(plan.moves.len(), plan.edits.len(), dry_run);
    writeln!(out, "{}", summary.get(lang))
}
