//! One module per command: load → compute → report → `Outcome`.

pub mod check;
pub mod dossier;
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

impl Outcome {
    /// The one place exit codes are decided: 0 clean, 1 findings; errors are 2 (see `main`).
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Failed => 1,
        }
    }
}

/// Frees a loaded repository on a thread of its own: a command's output does not wait for a
/// province's worth of metadata to be freed one allocation at a time, and a process that ends
/// right after does not wait at all.
pub fn discard(repo: crate::model::Repository) {
    std::thread::spawn(move || drop(repo));
}

/// Exit code of a run that could not do its job.
pub const FAILURE: u8 = 2;
