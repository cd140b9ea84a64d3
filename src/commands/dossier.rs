//! `stdkit dossier -o DIR`: the acceptance dossier, written atomically: HTML, PDF, workbook
//! and a manifest of their SHA-256 sums.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::cli::DossierArgs;
use crate::context::Context;
use crate::dossier::compile::{Inputs, compile};
use crate::finding::Severity;
use crate::load::git::{GitCli, History};
use crate::report::findings::Format;

pub fn run(ctx: &Context, args: &DossierArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = crate::load::discover(&ctx.start)?;
    // Where the volume may go is decided before anything is read.
    let target = crate::output::dir(&root, &args.output)?;
    let loaded = crate::load::load_with(&root, &crate::check::TextRules)?;
    let repo = &loaded.repo;
    let input = crate::load::Input::new(&root);

    // Every rule of `check` first: a volume is compiled from a repository without errors,
    // or as a draft.
    let (chapters, refused) = super::chapters(&root, repo);
    let font_dirs = crate::dossier::files::font_dirs(&root, repo, &args.font_path)?;
    let findings = crate::check::all(loaded.findings, repo, ctx.as_of, &chapters, &refused, None);
    // The rules know the embedded fonts; fonts added on purpose may have more.
    #[cfg(feature = "pdf")]
    let findings = {
        let mut findings = findings;
        if !font_dirs.is_empty() {
            let covers = crate::dossier::pdf::covers(&font_dirs);
            crate::check::glyph::drop_covered(&mut findings, covers);
        }
        findings
    };
    let failed = findings.iter().any(|f| f.severity == Severity::Error);
    if !findings.is_empty() {
        super::report(ctx, &root, repo, &findings, Format::Human, "", out)?;
    }
    if failed && !args.draft {
        writeln!(out, "{}", crate::messages::dossier_refused().get(ctx.lang))?;
        return Ok(Outcome::Failed);
    }

    let (texts, audits) = crate::load::printed_texts(&input, repo)?;
    let git = GitCli;
    let head = git.head(&root)?;
    let paths: Vec<String> = repo.standards.iter().map(|s| s.path.clone()).collect();
    let history = git.log(&root, &paths)?;
    let (rates, members, _) =
        crate::rates::with_members(repo, &crate::load::members(&root, repo), None);

    // `changes` is never in the default order: only a `sections` list names it.
    let wants_changes = repo
        .manifest
        .dossier
        .sections
        .iter()
        .any(|s| s.value == "changes");
    let changes = match (&repo.manifest.dossier.changes_since, wants_changes) {
        (Some(rev), true) => Some(super::diff::changes(&root, rev, repo)?),
        _ => None,
    };
    let dossier = compile(Inputs {
        repo,
        as_of: ctx.as_of,
        draft: failed,
        commit: head.commit.clone(),
        dirty: head.dirty,
        chapters,
        texts,
        audits,
        history,
        rates,
        members,
        changes,
    });

    let files =
        crate::dossier::files::render(&dossier, &crate::table::build(repo), &input, &font_dirs)?;
    #[cfg(feature = "pdf")]
    let fonts = crate::load::font_sums(&root, &crate::dossier::pdf::font_files(&font_dirs))?;
    #[cfg(not(feature = "pdf"))]
    let fonts = Vec::new();
    let (files, written) =
        crate::dossier::files::with_manifest(files, &head, dossier.draft, &fonts)?;
    target.replace(&files)?;
    for (name, sum) in &written {
        let path = args.output.join(name).display().to_string();
        writeln!(out, "{}  {}", sum, crate::report::terminal_safe(&path))?;
    }
    Ok(Outcome::from_failed(failed))
}
