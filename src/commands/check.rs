//! `stdkit check`: load, run every rule, report every finding.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::cli::{CheckArgs, Deny};
use crate::context::Context;
use crate::finding::{Finding, Severity};
use crate::report::findings::{Report, render};

pub fn run(ctx: &Context, args: &CheckArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = crate::load::discover(&ctx.start)?;
    let loaded = crate::load::load(&root)?;
    let mut findings: Vec<Finding> = loaded.findings;
    findings.extend(crate::check::check(&loaded.repo, ctx.as_of));
    crate::finding::sort(&mut findings);
    let snippets = crate::load::snippets(&root, &findings);
    let report = Report {
        findings: &findings,
        standards: loaded.repo.standards.len(),
        lang: ctx.lang,
        color: ctx.color,
        snippets: &snippets,
    };
    out.write_all(render(args.format, &report).as_bytes())?;
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
