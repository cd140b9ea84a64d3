//! The `stdkit` binary: parse, run, map to an exit code. Nothing else.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = stdkit::cli::Cli::parse();
    let mut stdout = std::io::stdout().lock();
    match stdkit::run(&cli, &mut stdout) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(error) => {
            stdkit::report::error(&error);
            ExitCode::from(stdkit::commands::FAILURE)
        }
    }
}
