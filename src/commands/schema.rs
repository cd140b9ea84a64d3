//! `stdkit schema`: writes (or with `--check`, compares) the JSON Schemas of the formats.

use std::io::Write;

use anyhow::Result;

use crate::finding::FailWith;

use super::Outcome;
use crate::cli::SchemaArgs;

pub fn run(
    ctx: &crate::context::Context,
    args: &SchemaArgs,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let mut stale = Vec::new();
    // A relative folder starts from `-C` (or the current directory), as for every command.
    let dir = ctx.start.join(&args.out);
    if !args.check && !dir.is_dir() {
        // Its own folder: created (one level, never its parents) when absent.
        std::fs::create_dir(&dir).fail_as(|| crate::fsx::write_words(&args.out))?;
    }
    for (name, text) in crate::schema::rendered() {
        let path = dir.join(name);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == text {
            continue;
        }
        stale.push(name);
        if !args.check {
            crate::fsx::write_atomic(&path, text.as_bytes())?;
        }
    }
    for name in &stale {
        let path = args.out.join(name).display().to_string();
        let line = if args.check {
            crate::messages::schema_stale(&path)
        } else {
            crate::messages::schema_wrote(&path)
        };
        writeln!(out, "{}", line.get(ctx.lang)).fail_as(crate::messages::cannot_write_stdout)?;
    }
    Ok(if args.check && !stale.is_empty() {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}
