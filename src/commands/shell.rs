//! `stdkit completions SHELL` and `stdkit man`: the shell completions and the man page,
//! generated from the command line's own definition, worded in the language of the run.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::cli::CompletionsArgs;
use crate::context::Context;
use crate::finding::FailWith;

pub fn completions(ctx: &Context, args: &CompletionsArgs, out: &mut dyn Write) -> Result<Outcome> {
    let mut command = crate::cli::command(ctx.lang);
    let mut bytes = Vec::new();
    clap_complete::generate(args.shell, &mut command, "stdkit", &mut bytes);
    out.write_all(&bytes).fail_with(cannot_write)?;
    Ok(Outcome::Clean)
}

pub fn man(ctx: &Context, out: &mut dyn Write) -> Result<Outcome> {
    let mut bytes = Vec::new();
    clap_mangen::Man::new(crate::cli::command(ctx.lang))
        .render(&mut bytes)
        .fail_with(|| ("无法生成 man 手册页", "cannot render the man page"))?;
    out.write_all(&bytes).fail_with(cannot_write)?;
    Ok(Outcome::Clean)
}

/// The words of a failed write to standard output.
pub fn cannot_write() -> (&'static str, &'static str) {
    ("无法写入标准输出", "cannot write to stdout")
}
