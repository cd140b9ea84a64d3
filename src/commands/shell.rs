//! `stdkit completions SHELL` and `stdkit man`: the shell completions and the man page,
//! generated from the command line's own definition, worded in the language of the run.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::cli::CompletionsArgs;
use crate::context::Context;
use crate::finding::FailWith;
use crate::messages;

pub fn completions(ctx: &Context, args: &CompletionsArgs, out: &mut dyn Write) -> Result<Outcome> {
    let mut command = crate::cli::command(ctx.lang);
    let mut bytes = Vec::new();
    clap_complete::generate(args.shell, &mut command, "stdkit", &mut bytes);
    out.write_all(&bytes)
        .fail_as(messages::cannot_write_stdout)?;
    Ok(Outcome::Clean)
}

pub fn man(ctx: &Context, out: &mut dyn Write) -> Result<Outcome> {
    let mut bytes = Vec::new();
    clap_mangen::Man::new(crate::cli::command(ctx.lang))
        .render(&mut bytes)
        .fail_as(messages::man_failed)?;
    out.write_all(&bytes)
        .fail_as(messages::cannot_write_stdout)?;
    Ok(Outcome::Clean)
}
