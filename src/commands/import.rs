//! `stdkit import FILE…`: what a centre already has into its repository. Dispatches by
//! extension — `.docx` and directories of them to `import::docx`, `.doc` to the message
//! that says how to convert it — plans every file into one `Changeset`, applies it unless
//! `--dry-run`, and reports each file written and each file that could not be imported.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::Outcome;
use crate::cli::ImportArgs;
use crate::context::Context;
use crate::edit::Changeset;
use crate::finding::{Msg, failure};
use crate::import::docx::{self, plan};
use crate::messages;

pub fn run(ctx: &Context, args: &ImportArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = repository(ctx, args)?;
    let inputs = inputs(&args.files)?;
    if args.no.is_some() && inputs.len() != 1 {
        return Err(fail(messages::import_no_for_one()));
    }
    let loaded = crate::load::load(&root)?;
    let input = crate::load::Input::new(&root);
    let source = |rel: &str| {
        input.read_named(rel).map_err(|r| match r.finding(rel) {
            Some(f) => messages::file_refused(rel, &f.message),
            None => messages::file_missing(rel),
        })
    };
    let opts = plan::Options {
        no: args.no.as_deref(),
        as_of: ctx.as_of,
    };
    let (mut set, mut planned) = (Changeset::new(), plan::Planned::default());
    let (mut done, mut problems) = (Vec::new(), Vec::new());
    for input in inputs {
        let result = input.and_then(|path| {
            docx::import(&path, &loaded.repo, &opts, &source, &mut planned, &mut set)
        });
        match result {
            Ok(imported) => done.push(imported),
            Err(m) => problems.push(m),
        }
    }
    if !args.dry_run && !set.is_empty() {
        set.apply(&root)?;
    }
    crate::report::imported::write(out, &done, &problems, args.dry_run, ctx.lang)?;
    Ok(if problems.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Failed
    })
}

/// The repository to write into: `--into DIR` (which must hold `stdkit.toml`), else the one
/// found from `-C` or the current directory.
fn repository(ctx: &Context, args: &ImportArgs) -> Result<PathBuf> {
    match &args.into {
        Some(dir) if dir.join(crate::load::MANIFEST).is_file() => Ok(dir.clone()),
        Some(dir) => Err(fail(messages::import_no_repository(dir))),
        None => crate::load::discover(&ctx.start)
            .map_err(|_| fail(messages::import_no_repository(&ctx.start))),
    }
}

/// The files named, in order (a directory: the Word files in it): a Word file to import, or
/// the reason it is refused at once by its kind (an old `.doc`, anything else). An Excel
/// table is a failure of this build.
fn inputs(files: &[PathBuf]) -> Result<Vec<Result<PathBuf, Msg>>> {
    let mut inputs = Vec::new();
    for path in files {
        let found = if path.is_dir() {
            match docx::list(path) {
                Ok(found) => found,
                Err(m) => {
                    inputs.push(Err(m));
                    continue;
                }
            }
        } else {
            vec![path.clone()]
        };
        for f in found {
            let file = f.display().to_string();
            inputs.push(match extension(&f).as_str() {
                "docx" => Ok(f),
                "doc" => Err(messages::import_old_word(&file)),
                "xlsx" | "xls" => return Err(fail(messages::import_xlsx_unavailable(&file))),
                _ => Err(messages::import_unknown_kind(&file)),
            });
        }
    }
    Ok(inputs)
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn fail(m: Msg) -> anyhow::Error {
    failure(m.zh, m.en)
}
