//! One module per command: load → compute → report → `Outcome`.

pub mod check;
pub mod dossier;
pub mod import;
pub mod rates;
pub mod schema;
pub mod table;
pub mod tasks;

/// How a command ended; `main` maps it to the exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to report (exit 0).
    Clean,
    /// Findings that fail the run (exit 1).
    Failed,
}

/// How the process ends. The one place exit codes are decided: 0 clean (or help asked for),
/// 1 findings, 2 a usage error or a failure of the tool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Clean,
    Findings,
    Failure,
}

impl Exit {
    pub fn code(self) -> std::process::ExitCode {
        std::process::ExitCode::from(match self {
            Exit::Clean => 0,
            Exit::Findings => 1,
            Exit::Failure => 2,
        })
    }

    /// A command line clap did not accept, or `--help`/`--version` (which are not errors).
    pub fn usage(error: &clap::Error) -> Exit {
        if error.use_stderr() {
            Exit::Failure
        } else {
            Exit::Clean
        }
    }
}

impl From<Outcome> for Exit {
    fn from(outcome: Outcome) -> Exit {
        match outcome {
            Outcome::Clean => Exit::Clean,
            Outcome::Failed => Exit::Findings,
        }
    }
}

/// Frees a loaded repository on a thread of its own: a command's output does not wait for a
/// province's worth of metadata to be freed one allocation at a time, and a process that ends
/// right after does not wait at all.
pub fn discard(repo: crate::model::Repository) {
    std::thread::spawn(move || drop(repo));
}
