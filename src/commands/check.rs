//! `stdkit check`: load, run every rule, report every finding.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::cli::{CheckArgs, Deny};
use crate::context::Context;
use crate::finding::Severity;

pub fn run(ctx: &Context, args: &CheckArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = crate::load::discover(&ctx.start)?;
    let loaded = crate::load::load_with(&root, &crate::check::TextRules)?;
    let repo = &loaded.repo;
    let (chapters, refused) = super::chapters(&root, repo);
    let rates = args.targets.then(|| {
        let members = crate::load::members(&root, repo);
        crate::rates::with_members(repo, &members, None).0
    });
    let findings = crate::check::all(
        loaded.findings,
        repo,
        ctx.as_of,
        &chapters,
        &refused,
        rates.as_ref(),
    );
    let prefix = match (&args.path_prefix, args.format.for_ci()) {
        (_, false) => String::new(),
        (Some(p), true) => crate::report::findings::prefix_of(p),
        (None, true) => crate::load::git::prefix_in_top_level(&root)?,
    };
    super::report(ctx, &root, repo, &findings, args.format, &prefix, out)?;
    super::discard(loaded.repo);
    let deny_warnings = args.deny == Some(Deny::Warnings);
    Ok(Outcome::from_failed(
        findings
            .iter()
            .any(|f| f.severity == Severity::Error || deny_warnings),
    ))
}
