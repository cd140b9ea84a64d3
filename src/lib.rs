//! stdkit: the standard system (标准体系) of a government service centre, kept as TOML and
//! Markdown files, checked, tabulated, measured and compiled into an acceptance dossier.
//!
//! The pipeline: `cli` → `context` → `load` → `check` / `rates` / `table` → `report`.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod check;
pub mod cli;
pub mod commands;
pub mod context;
pub mod diff;
pub mod dossier;
pub mod edit;
pub mod finding;
pub mod fsx;
pub mod glyphs;
pub mod history;
pub mod import;
pub mod load;
pub mod messages;
pub mod model;
pub mod output;
pub mod rates;
pub mod renumber;
pub mod report;
pub mod schema;
pub mod skeleton;
pub mod table;
pub mod tasks;

use std::io::Write;

use anyhow::Result;

pub use commands::Outcome;

/// Runs one parsed command line, writing its output to `out`.
pub fn run(cli: &cli::Cli, out: &mut dyn Write) -> Result<Outcome> {
    let ctx = context::Context::resolve(&cli.global)?;
    match &cli.command {
        cli::Command::Check(args) => commands::check::run(&ctx, args, out),
        cli::Command::Rates(args) => commands::rates::run(&ctx, args, out),
        cli::Command::Table(args) => commands::table::run(&ctx, args, out),
        cli::Command::Tasks(args) => commands::tasks::run(&ctx, args, out),
        cli::Command::Dossier(args) => commands::dossier::run(&ctx, args, out),
        cli::Command::Schema(args) => commands::schema::run(&ctx, args, out),
        cli::Command::Completions(args) => commands::shell::completions(&ctx, args, out),
        cli::Command::Man(args) => commands::shell::man(&ctx, args, out),
        cli::Command::Init(args) => commands::init::run(&ctx, args, out),
        cli::Command::New(args) => commands::new::run(&ctx, args, out),
        cli::Command::Log(args) => commands::log::run(&ctx, args, out),
        cli::Command::Import(args) => commands::import::run(&ctx, args, out),
        cli::Command::Diff(args) => commands::diff::run(&ctx, args, out),
        cli::Command::Renumber(args) => commands::renumber::run(&ctx, args, out),
    }
}
