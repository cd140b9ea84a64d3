//! `stdkit init DIR`: a new repository in a new or empty directory — the files of
//! `skeleton::repository`, written through one `Changeset` — then `git init` when the
//! directory is in no git work tree. It needs no repository to start from.

use std::io::Write;

use anyhow::Result;

use crate::finding::FailWith;

use super::Outcome;
use crate::cli::InitArgs;
use crate::context::Context;
use crate::edit::Changeset;
use crate::edit::repo::{Git, git_init, prepare};
use crate::finding::fail;
use crate::messages;
use crate::skeleton::repository::{Centre, PLAN, files, internal_prefix};

pub fn run(ctx: &Context, args: &InitArgs, out: &mut dyn Write) -> Result<Outcome> {
    let name =
        crate::skeleton::one_line(&args.name).ok_or_else(|| fail(messages::init_name_empty()))?;
    let prefix = internal_prefix(&args.prefix).map_err(fail)?;
    // `-C` or the current directory is where a relative DIR starts, as with `git -C`.
    let dir = ctx.start.join(&args.dir);
    let shown = args.dir.display().to_string();
    let made = prepare(&dir, &shown)?;
    let centre = Centre {
        name: &name,
        prefix: &prefix,
        level: args.level,
        year: ctx.as_of.year(),
    };
    let files = files(&centre);
    let mut set = Changeset::new();
    for (path, text) in &files {
        set.create(path, text.as_bytes());
    }
    if let Err(e) = set.apply(&dir) {
        if made {
            // Only the directory this run made, and only while it is empty.
            let _ = std::fs::remove_dir(&dir);
        }
        return Err(e);
    }
    let git = git_init(&dir)?;
    let categories: usize = PLAN.iter().map(|s| s.categories.len()).sum();
    let lang = ctx.lang;
    let mut text = messages::init_done(&shown, PLAN.len(), categories, files.len())
        .get(lang)
        .to_owned();
    text.push('\n');
    text.push_str(
        match &git {
            Git::Initialised => messages::init_git_done().get(lang).to_owned(),
            Git::Inside(top) => messages::init_git_inside(&top.display().to_string())
                .get(lang)
                .to_owned(),
            Git::Missing => messages::init_git_missing().get(lang).to_owned(),
        }
        .as_str(),
    );
    text.push('\n');
    text.push_str(messages::init_next(&shown).get(lang));
    text.push('\n');
    out.write_all(text.as_bytes())
        .fail_as(crate::messages::cannot_write_stdout)?;
    Ok(Outcome::Clean)
}
