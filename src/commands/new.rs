//! `stdkit new CATEGORY --title T`: one new standard file in a category, with the next free
//! system number (the first gap, else after the last; former numbers count as taken), written
//! through a `Changeset`; prints the path written. Refuses what `check` would then report as an
//! error: an unknown category, a code that does not parse, does not fit the level or is used,
//! a status that needs a code without one.

use std::io::Write;

use anyhow::Result;

use crate::finding::FailWith;

use super::Outcome;
use crate::cli::NewArgs;
use crate::context::Context;
use crate::edit::Changeset;
use crate::skeleton::new::{Wanted, plan};

pub fn run(ctx: &Context, args: &NewArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = crate::load::discover(&ctx.start)?;
    let loaded = crate::load::load(&root)?;
    crate::report::load_errors(&loaded.findings, ctx.lang);
    let wanted = Wanted {
        category: &args.category,
        title: &args.title,
        level: args.level,
        code: args.code.as_deref(),
        status: args.status,
        as_of: ctx.as_of,
    };
    let (path, text) = plan(&loaded.repo, &root, &wanted)?;
    let mut set = Changeset::new();
    set.create(&path, text);
    set.apply(&root)?;
    writeln!(out, "{path}").fail_as(crate::messages::cannot_write_stdout)?;
    super::discard(loaded.repo);
    Ok(Outcome::Clean)
}
