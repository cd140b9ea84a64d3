//! `stdkit log [NO]`: the history of one standard (by its current or a former system
//! number) or of every standard, in system-number order: the commits that touched its file,
//! renames followed, up to the as-of date, reformats marked; and its own `[[revision]]` rows.
//! One `git log` for the whole repository.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::cli::{LogArgs, LogFormat};
use crate::context::Context;
use crate::finding::fail;
use crate::load::git::{GitCli, History};
use crate::model::SystemNo;

pub fn run(ctx: &Context, args: &LogArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = crate::load::discover(&ctx.start)?;
    let loaded = crate::load::load(&root)?;
    crate::report::load_errors(&loaded.findings, ctx.lang);
    let repo = &loaded.repo;
    let only = match &args.no {
        None => None,
        Some(no) => {
            let parsed: SystemNo = no
                .parse()
                .map_err(|_| fail(crate::messages::log_not_a_number(no)))?;
            let i = repo
                .numbers()
                .standard(&parsed)
                .ok_or_else(|| fail(crate::messages::log_unknown_standard(no)))?;
            Some(&repo.standards[i])
        }
    };
    if crate::load::git::top_level(&root)?.is_none() {
        return Err(fail(crate::messages::log_no_git(&root)));
    }
    let paths: Vec<String> = match only {
        Some(s) => vec![s.path.clone()],
        None => repo.standards.iter().map(|s| s.path.clone()).collect(),
    };
    let log = GitCli.log(&root, &paths)?;
    let history = crate::history::build(repo, &log, ctx.as_of, only);
    let text = match args.format {
        LogFormat::Json => crate::report::history::json(&history, ctx.as_of)?,
        LogFormat::Terminal => crate::report::history::terminal(
            &history,
            ctx.as_of,
            only.is_some(),
            ctx.lang,
            ctx.color,
        ),
    };
    out.write_all(text.as_bytes())?;
    super::discard(loaded.repo);
    Ok(Outcome::Clean)
}
