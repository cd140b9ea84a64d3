//! The `stdkit` binary: parse, run, map to an exit code. Nothing else.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// mimalloc: the loader makes many small allocations on every core at once, where the
/// system allocator spends a tenth of the run (measured with `bench/run.sh`). Without
/// transparent huge pages (`no_thp`): with them the kernel spent a fifth of the run
/// zeroing 2 MiB pages.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = stdkit::cli::Cli::parse();
    let mut stdout = stdkit::report::Pipe::new(std::io::stdout().lock());
    let run = stdkit::run(&cli, &mut stdout).and_then(|outcome| {
        stdout.flush()?;
        Ok(outcome)
    });
    match run {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(error) => {
            stdkit::report::error(&error, cli.global.lang);
            ExitCode::from(stdkit::commands::FAILURE)
        }
    }
}
