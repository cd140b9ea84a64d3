//! `stdkit import FILE...`: picks the importer by each file's extension, plans every file
//! against the repository (each after the ones before it), reports the rows that could not
//! be placed, and writes all the files in one `Changeset` — or, with `--dry-run`, lists them.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::Outcome;
use crate::cli::ImportArgs;
use crate::context::Context;
use crate::finding::failure;
use crate::import::xlsx;
use crate::messages;

pub fn run(ctx: &Context, args: &ImportArgs, out: &mut dyn Write) -> Result<Outcome> {
    let kinds = args
        .files
        .iter()
        .map(|f| kind(f))
        .collect::<Result<Vec<_>>>()?;
    if args.no.is_some() && kinds.iter().any(|k| matches!(k, Kind::Table)) {
        let m = messages::import_no_for_tables();
        return Err(failure(m.zh, m.en));
    }
    let root = repository(ctx, args)?;
    let loaded = crate::load::load(&root)?;
    if loaded.repo.manifest.internal_prefix.is_none() {
        let m = messages::import_no_prefix(&root.join(crate::load::MANIFEST));
        return Err(failure(m.zh, m.en));
    }
    let target = xlsx::Target::of(&loaded.repo);
    super::discard(loaded.repo);
    let mut books = Vec::new();
    for (file, kind) in args.files.iter().zip(kinds) {
        match kind {
            Kind::Table => books.push((file.display().to_string(), xlsx::read(file)?)),
        }
    }
    let opts = xlsx::Options {
        as_of: ctx.as_of,
        merge: args.merge,
    };
    let plan = xlsx::plan_all(&books, &target, &opts);
    crate::report::import::findings(&plan.findings, plan.rows, ctx, out)?;
    if let Some(first) = plan.conflicts.first() {
        let m = messages::import_conflicts(plan.conflicts.len(), first);
        return Err(failure(m.zh, m.en));
    }
    if !args.dry_run {
        plan.changes.apply(&root)?;
    }
    let shown = args.into.as_deref().unwrap_or(&root).display().to_string();
    crate::report::import::summary(&plan, args.dry_run, &shown, ctx.lang, out)?;
    Ok(if plan.failed() {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}

enum Kind {
    Table,
}

/// Which importer a file goes to; Word files are refused in this build, `.doc` with how to
/// convert it.
fn kind(file: &Path) -> Result<Kind> {
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let refuse = |m: crate::finding::Msg| Err(failure(m.zh, m.en));
    match ext.as_str() {
        "xlsx" | "xls" | "xlsm" | "ods" => Ok(Kind::Table),
        "doc" => refuse(messages::import_doc(file)),
        _ if ext == "docx" || file.is_dir() => refuse(messages::import_docx_unavailable(file)),
        _ => refuse(messages::import_unknown_format(file)),
    }
}

/// The repository to write into: `--into DIR` (which must hold `stdkit.toml`), else the one
/// found from `-C` or the current directory. Refused, saying to run `stdkit init`, when absent.
fn repository(ctx: &Context, args: &ImportArgs) -> Result<PathBuf> {
    let no_repo = |dir: &Path| {
        let m = messages::import_no_repository(dir);
        failure(m.zh, m.en)
    };
    match &args.into {
        Some(dir) if dir.join(crate::load::MANIFEST).is_file() => Ok(dir.clone()),
        Some(dir) => Err(no_repo(dir)),
        None => crate::load::discover(&ctx.start).map_err(|_| no_repo(&ctx.start)),
    }
}
