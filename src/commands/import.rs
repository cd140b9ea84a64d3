//! `stdkit import FILE...`: picks the importer by each file's extension, plans every file
//! against the repository (each after the ones before it), reports the rows that could not
//! be placed, and writes all the files in one `Changeset` — or, with `--dry-run`, lists them.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::Outcome;
use crate::cli::ImportArgs;
use crate::context::Context;
use crate::edit::{Change, Changeset};
use crate::finding::{Finding, Severity, failure};
use crate::import::xlsx;
use crate::messages;

pub fn run(ctx: &Context, args: &ImportArgs, out: &mut dyn Write) -> Result<Outcome> {
    let kinds = args
        .files
        .iter()
        .map(|f| kind(f))
        .collect::<Result<Vec<_>>>()?;
    let root = repository(ctx, args)?;
    let loaded = crate::load::load(&root)?;
    let mut target = xlsx::Target::of(&loaded.repo);
    super::discard(loaded.repo);
    let opts = xlsx::Options {
        as_of: ctx.as_of,
        merge: args.merge,
    };
    let (mut changes, mut findings, mut conflicts) = (Changeset::new(), Vec::new(), Vec::new());
    let (mut rows, mut standards, mut categories) = (0, 0, 0);
    for (file, kind) in args.files.iter().zip(kinds) {
        match kind {
            Kind::Table => {
                let book = xlsx::read(file)?;
                let plan = xlsx::plan(&book, &file.display().to_string(), &target, &opts);
                for change in plan.changes.changes() {
                    if let Change::Create { path, bytes } = change {
                        changes.create(path.clone(), bytes.clone());
                    }
                }
                findings.extend(plan.findings);
                conflicts.extend(plan.conflicts);
                (rows, standards, categories) = (
                    rows + plan.rows,
                    standards + plan.standards,
                    categories + plan.categories,
                );
                target = plan.after;
            }
        }
    }
    crate::report::import::findings(&findings, rows, ctx, out)?;
    if let Some(first) = conflicts.first() {
        let m = messages::import_conflicts(conflicts.len(), first);
        return Err(failure(m.zh, m.en));
    }
    let mut paths: Vec<String> = changes
        .changes()
        .iter()
        .map(|c| c.path().to_string_lossy().replace('\\', "/"))
        .collect();
    paths.sort();
    let counts = crate::report::import::Counts {
        files: paths.len(),
        standards,
        categories,
    };
    if !args.dry_run {
        changes.apply(&root)?;
    }
    let shown = args
        .into
        .as_deref()
        .map_or_else(|| root.display().to_string(), |d| d.display().to_string());
    crate::report::import::summary(&paths, counts, args.dry_run, &shown, ctx.lang, out)?;
    let failed = findings
        .iter()
        .any(|f: &Finding| f.severity == Severity::Error);
    Ok(if failed {
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
