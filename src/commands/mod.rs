//! One module per command: load → compute → report → `Outcome`.

pub mod check;
pub mod diff;
pub mod dossier;
pub mod import;
pub mod init;
pub mod log;
pub mod new;
pub mod rates;
pub mod renumber;
pub mod schema;
pub mod shell;
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
    pub fn usage(stop: &crate::cli::Stop) -> Exit {
        if stop.is_error() {
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

impl Outcome {
    /// Failed when `failed`, else clean.
    pub fn from_failed(failed: bool) -> Outcome {
        if failed {
            Outcome::Failed
        } else {
            Outcome::Clean
        }
    }
}

/// The findings of a repository at `root`, printed in `format` with the lines they point at.
pub fn report(
    ctx: &crate::context::Context,
    root: &std::path::Path,
    repo: &crate::model::Repository,
    findings: &[crate::finding::Finding],
    format: crate::report::findings::Format,
    prefix: &str,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let snippets = crate::load::snippets(root, findings);
    let report = crate::report::findings::Report {
        findings,
        standards: repo.standards.len(),
        lang: ctx.lang,
        color: ctx.color,
        snippets: &snippets,
        prefix,
    };
    crate::report::findings::write(format, &report, out)?;
    Ok(())
}

/// The chapters of the volume, read: their texts and those the loader refused.
pub fn chapters(
    root: &std::path::Path,
    repo: &crate::model::Repository,
) -> (
    std::collections::BTreeMap<String, String>,
    std::collections::BTreeMap<String, crate::finding::Msg>,
) {
    let names = crate::check::dossier::chapter_names(repo, &crate::load::chapters(root));
    crate::load::chapter_texts(root, &names)
}

/// Frees a loaded repository on a thread of its own: a command's output does not wait for a
/// province's worth of metadata to be freed one allocation at a time, and a process that ends
/// right after does not wait at all.
pub fn discard(repo: crate::model::Repository) {
    std::thread::spawn(move || drop(repo));
}
