//! The `stdkit` binary: parse, run, map to an exit code. Nothing else.

use std::io::Write;
use std::process::ExitCode;

/// mimalloc: the loader makes many small allocations on every core at once, where the
/// system allocator spends a tenth of the run (measured with `bench/run.sh`). Without
/// transparent huge pages (`no_thp`): with them the kernel spent a fifth of the run
/// zeroing 2 MiB pages.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    use stdkit::commands::Exit;
    let lang = stdkit::cli::lang_from(std::env::args_os(), |key| std::env::var_os(key));
    let cli = match stdkit::cli::parse(std::env::args_os(), lang) {
        Ok(cli) => cli,
        Err(usage) => {
            // Help and the version go to stdout, usage errors to stderr.
            let _ = usage.print();
            return Exit::usage(&usage).code();
        }
    };
    let mut stdout = stdkit::report::Pipe::new(std::io::stdout().lock());
    let run = stdkit::run(&cli, &mut stdout).and_then(|outcome| {
        stdout.flush()?;
        Ok(outcome)
    });
    let exit = match run {
        Ok(outcome) => Exit::from(outcome),
        Err(error) => {
            stdkit::report::error(&error, cli.global.lang());
            Exit::Failure
        }
    };
    exit.code()
}
