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
use crate::finding::{Lang, Msg, describe_error, failure};
use crate::import::docx::{self, plan};
use crate::messages;

pub fn run(ctx: &Context, args: &ImportArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = repository(ctx, args)?;
    let mut docx_files = Vec::new();
    let mut problems: Vec<Msg> = Vec::new();
    for path in &args.files {
        let file = path.display().to_string();
        match kind(path) {
            Kind::Dir => match docx::list(path) {
                Ok(found) => {
                    for f in found {
                        match kind(&f) {
                            Kind::Doc => {
                                problems.push(messages::import_old_word(&f.display().to_string()))
                            }
                            _ => docx_files.push(f),
                        }
                    }
                }
                Err(m) => problems.push(m),
            },
            Kind::Docx => docx_files.push(path.clone()),
            Kind::Doc => problems.push(messages::import_old_word(&file)),
            Kind::Excel => return Err(fail(messages::import_xlsx_unavailable(&file))),
            Kind::Other => problems.push(messages::import_unknown_kind(&file)),
        }
    }
    if args.no.is_some() && docx_files.len() + problems.len() != 1 {
        return Err(fail(messages::import_no_for_one()));
    }
    let loaded = crate::load::load(&root)?;
    let input = crate::load::Input::new(&root);
    let source = |rel: &str| {
        crate::load::read_text(&input, rel)
            .map_err(|e| Msg::new(describe_error(&e, Lang::Zh), describe_error(&e, Lang::En)))
    };
    let opts = plan::Options {
        no: args.no.as_deref(),
        as_of: ctx.as_of,
    };
    let (mut set, mut planned, mut done) = (Changeset::new(), plan::Planned::default(), Vec::new());
    for path in &docx_files {
        let file = path.display().to_string();
        let result = docx::read(path)
            .and_then(|bytes| docx::parse(&file, &bytes))
            .and_then(|parsed| {
                plan::plan(
                    &loaded.repo,
                    &file,
                    &parsed,
                    &opts,
                    &source,
                    &mut planned,
                    &mut set,
                )
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

enum Kind {
    Dir,
    Docx,
    Doc,
    Excel,
    Other,
}

fn kind(path: &Path) -> Kind {
    if path.is_dir() {
        return Kind::Dir;
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "docx" => Kind::Docx,
        "doc" => Kind::Doc,
        "xlsx" | "xls" => Kind::Excel,
        _ => Kind::Other,
    }
}

fn fail(m: Msg) -> anyhow::Error {
    failure(m.zh, m.en)
}
