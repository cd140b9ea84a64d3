//! `stdkit import FILE…`: what a centre already has into its repository. Excel tables go to
//! `import::xlsx` (the rows it cannot place are reported as findings), Word files and folders
//! of them to `import::docx` (a file it cannot import is reported and the rest go on); every
//! file is planned against the repository as loaded, and all are written in one `Changeset`,
//! or only listed with `--dry-run`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::Outcome;
use crate::cli::ImportArgs;
use crate::context::Context;
use crate::edit::Changeset;
use crate::finding::fail;
use crate::import::{Inputs, docx, xlsx};
use crate::messages;

pub fn run(ctx: &Context, args: &ImportArgs, out: &mut dyn Write) -> Result<Outcome> {
    let Inputs { tables, words } = crate::import::inputs(&args.files).map_err(fail)?;
    if args.no.is_some() && !tables.is_empty() {
        return Err(fail(messages::import_no_for_tables()));
    }
    if args.no.is_some() && words.len() != 1 {
        return Err(fail(messages::import_no_for_one()));
    }
    let root = repository(ctx, args)?;
    let loaded = crate::load::load(&root)?;
    let repo = &loaded.repo;
    let mut all = Changeset::new();
    let mut failed = false;

    let mut table_plan = None;
    if !tables.is_empty() {
        if repo.manifest.internal_prefix.is_none() {
            let manifest = root.join(crate::load::MANIFEST);
            return Err(fail(messages::import_no_prefix(&manifest)));
        }
        let mut books = Vec::new();
        for file in &tables {
            books.push((file.display().to_string(), xlsx::read(file)?));
        }
        let opts = xlsx::Options {
            as_of: ctx.as_of,
            merge: args.merge,
        };
        let plan = xlsx::plan_all(&books, &xlsx::Target::of(repo), &opts);
        crate::report::import::findings(&plan.findings, plan.rows, ctx, out)?;
        if let Some(first) = plan.conflicts.first() {
            return Err(fail(messages::import_conflicts(
                plan.conflicts.len(),
                first,
            )));
        }
        failed |= plan.failed();
        all.extend(plan.changes.clone());
        table_plan = Some(plan);
    }

    let (mut done, mut problems) = (Vec::new(), Vec::new());
    if !words.is_empty() {
        let input = crate::load::Input::new(&root);
        let source = |rel: &str| {
            input.read_named(rel).map_err(|r| match r.finding(rel) {
                Some(f) => messages::file_refused(rel, &f.message),
                None => messages::file_missing(rel),
            })
        };
        let opts = docx::plan::Options {
            no: args.no.as_deref(),
            as_of: ctx.as_of,
            merge: args.merge,
        };
        let mut planned = docx::plan::Planned::default();
        for word in words {
            match word.and_then(|p| docx::import(&p, repo, &opts, &source, &mut planned, &mut all))
            {
                Ok(imported) => done.push(imported),
                Err(m) => problems.push(m),
            }
        }
        failed |= !problems.is_empty();
    }

    if !args.dry_run && !all.is_empty() {
        all.apply(&root)?;
    }
    if let Some(plan) = &table_plan {
        let shown = args.into.as_deref().unwrap_or(&root).display().to_string();
        crate::report::import::summary(plan, args.dry_run, &shown, ctx.lang, out)?;
    }
    if !done.is_empty() || !problems.is_empty() {
        crate::report::imported::write(out, &done, &problems, args.dry_run, ctx.lang)?;
    }
    Ok(Outcome::from_failed(failed))
}

/// The repository to write into: `--into DIR` (which must hold `stdkit.toml`), else the one
/// found from `-C` or the current directory; refused, saying to run `stdkit init`, when absent.
fn repository(ctx: &Context, args: &ImportArgs) -> Result<PathBuf> {
    match &args.into {
        Some(dir) if dir.join(crate::load::MANIFEST).is_file() => Ok(dir.clone()),
        Some(dir) => Err(fail(messages::import_no_repository(dir))),
        None => crate::load::discover(&ctx.start)
            .map_err(|_| fail(messages::import_no_repository(&ctx.start))),
    }
}
