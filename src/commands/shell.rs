//! `stdkit completions SHELL` and `stdkit man`: the shell completions and the man page,
//! generated from the command line's own definition, worded in the language of the run.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::cli::{CompletionsArgs, ManArgs};
use crate::context::Context;
use crate::finding::{FailWith, fail};
use crate::messages;

pub fn completions(ctx: &Context, args: &CompletionsArgs, out: &mut dyn Write) -> Result<Outcome> {
    let mut command = crate::cli::command(ctx.lang);
    let mut bytes = Vec::new();
    clap_complete::generate(args.shell, &mut command, "stdkit", &mut bytes);
    out.write_all(&bytes)
        .fail_as(messages::cannot_write_stdout)?;
    Ok(Outcome::Clean)
}

/// The man page of the tool, or with a command `stdkit-COMMAND(1)`, the page of that command
/// (the one `stdkit(1)` refers to under 命令/Commands).
pub fn man(ctx: &Context, args: &ManArgs, out: &mut dyn Write) -> Result<Outcome> {
    let mut command = crate::cli::command(ctx.lang);
    let page = match &args.command {
        None => command,
        Some(name) => {
            let Some(sub) = command
                .find_subcommand_mut(name)
                .filter(|s| s.get_name() != "help")
            else {
                return Err(fail(messages::cli::man_unknown_command(name)));
            };
            let page = format!("stdkit-{}", sub.get_name());
            std::mem::take(sub)
                .name(page.clone())
                .bin_name(page)
                .version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut bytes = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut bytes)
        .fail_as(messages::man_failed)?;
    out.write_all(&bytes)
        .fail_as(messages::cannot_write_stdout)?;
    Ok(Outcome::Clean)
}
