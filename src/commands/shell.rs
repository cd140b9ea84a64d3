//! `stdkit completions SHELL` and `stdkit man`: the shell completions and the man page,
//! generated from the command line's own definition.

use std::io::Write;

use anyhow::{Context as _, Result};
use clap::CommandFactory;

use super::Outcome;
use crate::cli::{Cli, CompletionsArgs};

pub fn completions(args: &CompletionsArgs, out: &mut dyn Write) -> Result<Outcome> {
    let mut command = Cli::command();
    let mut bytes = Vec::new();
    clap_complete::generate(args.shell, &mut command, "stdkit", &mut bytes);
    out.write_all(&bytes).context("cannot write to stdout")?;
    Ok(Outcome::Clean)
}

pub fn man(out: &mut dyn Write) -> Result<Outcome> {
    let mut bytes = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut bytes)
        .context("cannot render the man page")?;
    out.write_all(&bytes).context("cannot write to stdout")?;
    Ok(Outcome::Clean)
}
