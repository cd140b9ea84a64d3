//! What `import` wrote (or, with `--dry-run`, would write), and the files it could not
//! import, each with its reason.

use std::io::{self, Write};

use super::terminal_safe;
use crate::finding::{Lang, Msg};
use crate::import::docx::plan::Imported;
use crate::messages;

pub fn write(
    out: &mut dyn Write,
    done: &[Imported],
    problems: &[Msg],
    dry_run: bool,
    lang: Lang,
) -> io::Result<()> {
    let mut kept = 0;
    for i in done {
        if let Some(file) = &i.kept {
            kept += 1;
            let line = messages::import_kept(file, &i.path);
            writeln!(out, "{}", terminal_safe(line.get(lang)))?;
            continue;
        }
        let main = match (&i.replaces, dry_run) {
            (Some(from), true) if *from == i.path => messages::import_would_fill(&i.path),
            (Some(from), false) if *from == i.path => messages::import_filled(&i.path),
            (Some(from), true) => messages::import_would_move(from, &i.path),
            (Some(from), false) => messages::import_moved(from, &i.path),
            (None, true) => messages::import_would_write(&i.path),
            (None, false) => messages::import_wrote(&i.path),
        };
        writeln!(out, "{}", terminal_safe(main.get(lang)))?;
        for p in &i.pictures {
            let m = if dry_run {
                messages::import_would_write(p)
            } else {
                messages::import_wrote(p)
            };
            writeln!(out, "{}", terminal_safe(m.get(lang)))?;
        }
    }
    for p in problems {
        let prefix = crate::messages::cli::frame(lang).error;
        writeln!(out, "{prefix}{}", terminal_safe(p.get(lang)))?;
    }
    let summary = messages::import_summary(done.len() - kept, problems.len(), kept, dry_run);
    writeln!(out, "{}", summary.get(lang))
}
