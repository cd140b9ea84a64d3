//! `stdkit renumber OLD NEW` and `stdkit renumber --shift CATEGORY`: standards moved to new
//! system numbers, planned by `renumber` against the repository as loaded (the files to
//! rewrite read through the loader), written in one `Changeset`, or only shown with
//! `--dry-run`; prints what was (or would be) done.

use std::io::Write;

use anyhow::Result;

use crate::finding::FailWith;

use super::Outcome;
use crate::cli::RenumberArgs;
use crate::context::Context;
use crate::finding::fail;
use crate::messages;

pub fn run(ctx: &Context, args: &RenumberArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = crate::load::discover(&ctx.start)?;
    let loaded = crate::load::load(&root)?;
    let repo = &loaded.repo;
    let moves = match (&args.shift, &args.old, &args.new) {
        (Some(category), _, _) => crate::renumber::shift(repo, category),
        (None, Some(old), Some(new)) => crate::renumber::single(repo, old, new),
        _ => unreachable!("clap requires OLD and NEW without --shift"),
    }
    .map_err(fail)?;
    let input = crate::load::Input::new(&root);
    let read = |rel: &str| {
        input.read_named(rel).map_err(|r| match r.finding(rel) {
            Some(f) => messages::file_refused(rel, &f.message),
            None => messages::file_missing(rel),
        })
    };
    let plan = crate::renumber::plan(repo, &loaded.findings, moves, &read).map_err(fail)?;
    if !args.dry_run {
        plan.changes.apply(&root)?;
    }
    crate::report::renumber::write(out, repo, &plan, args.dry_run, ctx.lang)
        .fail_as(crate::messages::cannot_write_stdout)?;
    super::discard(loaded.repo);
    Ok(Outcome::Clean)
}
