//! `stdkit check`: load, run every rule, report every finding.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::cli::{CheckArgs, Deny};
use crate::context::Context;
use crate::finding::{Finding, Severity};
use crate::report::findings::{Report, write};

pub fn run(ctx: &Context, args: &CheckArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = crate::load::discover(&ctx.start)?;
    let loaded = crate::load::load_with(&root, &crate::check::TextRules)?;
    let mut findings: Vec<Finding> = loaded.findings;
    findings.extend(crate::check::check(&loaded.repo, ctx.as_of));
    let names = crate::check::dossier::chapter_names(&loaded.repo, &crate::load::chapters(&root));
    let (chapters, refused) = crate::load::chapter_texts(&root, &names);
    findings.extend(crate::check::dossier::rules(
        &loaded.repo,
        &chapters,
        &refused,
    ));
    if args.targets {
        let members = crate::load::members(&root, &loaded.repo);
        let (city, _, _) = crate::rates::with_members(&loaded.repo, &members, None);
        findings.extend(crate::check::targets::missed(&city));
    }
    crate::finding::sort(&mut findings);
    let snippets = crate::load::snippets(&root, &findings);
    let report = Report {
        findings: &findings,
        standards: loaded.repo.standards.len(),
        lang: ctx.lang,
        color: ctx.color,
        snippets: &snippets,
    };
    write(args.format, &report, out)?;
    super::discard(loaded.repo);
    let deny_warnings = args.deny == Some(Deny::Warnings);
    let failed = findings
        .iter()
        .any(|f| f.severity == Severity::Error || deny_warnings);
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}
