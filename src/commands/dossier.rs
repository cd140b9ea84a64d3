//! `stdkit dossier -o DIR`: the acceptance dossier, written atomically: HTML, PDF, workbook
//! and a manifest of their SHA-256 sums.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::cli::DossierArgs;
use crate::context::Context;
use crate::dossier::compile::{Inputs, compile};
use crate::finding::{Lang, Severity};
use crate::load::git::{GitCli, History};

pub fn run(ctx: &Context, args: &DossierArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = crate::load::discover(&ctx.start)?;
    // Where the volume may go is decided before anything is read.
    let target = crate::output::dir(&root, &args.output)?;
    let loaded = crate::load::load_with(&root, &crate::check::TextRules)?;
    let repo = &loaded.repo;
    let input = crate::load::Input::new(&root);

    // Every rule of `check` first: a volume is compiled from a repository without errors,
    // or as a draft.
    let (chapters, refused) = crate::load::chapter_texts(
        &root,
        &crate::check::dossier::chapter_names(repo, &crate::load::chapters(&root)),
    );
    let mut findings = loaded.findings.clone();
    findings.extend(crate::check::check(repo, ctx.as_of));
    findings.extend(crate::check::dossier::rules(repo, &chapters, &refused));
    let font_dirs = crate::dossier::files::font_dirs(&root, repo, &args.font_path)?;
    // The rules know the embedded fonts; fonts added on purpose may have more.
    #[cfg(feature = "pdf")]
    if !font_dirs.is_empty() {
        let covers = crate::dossier::pdf::covers(&font_dirs);
        findings.retain(|f| {
            f.code != crate::finding::Code::DossierGlyph
                || crate::check::glyph::character(f).is_none_or(|c| !covers(c))
        });
    }
    crate::finding::sort(&mut findings);
    let failed = findings.iter().any(|f| f.severity == Severity::Error);
    if !findings.is_empty() {
        let snippets = crate::load::snippets(&root, &findings);
        let report = crate::report::findings::Report {
            findings: &findings,
            standards: repo.standards.len(),
            lang: ctx.lang,
            color: ctx.color,
            snippets: &snippets,
        };
        crate::report::findings::write(crate::report::findings::Format::Human, &report, out)?;
    }
    if failed && !args.draft {
        let (zh, en) = (
            "标准库检查有错误，未生成汇编；改正后重试，或以 --draft 生成标注“草稿”的汇编",
            "the repository has errors, no dossier was written; fix them, or use --draft for a volume marked as a draft",
        );
        writeln!(out, "{}", if ctx.lang == Lang::Zh { zh } else { en })?;
        return Ok(Outcome::Failed);
    }

    let (texts, audits) = crate::load::printed_texts(&input, repo)?;
    let git = GitCli;
    let head = git.head(&root)?;
    let paths: Vec<String> = repo.standards.iter().map(|s| s.path.clone()).collect();
    let history = git.log(&root, &paths)?;
    let (rates, members, _) =
        crate::rates::with_members(repo, &crate::load::members(&root, repo), None);

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
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}
