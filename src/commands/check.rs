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
    let (chapters, refused) = super::dossier::read_chapters(&root, &loaded.repo)?;
    findings.extend(super::dossier::rules(&loaded.repo, &chapters, &refused));
    if args.targets {
        let (city, _) = super::rates::with_members(&root, &loaded.repo, None);
        findings.extend(missed_targets(&city));
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

/// One `target/missed` finding per rate below its target, pointing at the manifest.
fn missed_targets(rates: &crate::rates::CenterRates) -> Vec<Finding> {
    use crate::finding::{Code, Location, Msg, Pos};
    rates
        .rates
        .iter()
        .filter(|r| r.target.is_some() && r.pass() != Some(true))
        .map(|r| {
            let target = crate::rates::target_percent(r.target.unwrap_or_default());
            let value = r.percent().unwrap_or("—".to_owned());
            Finding::new(
                Code::TargetMissed,
                Location::new(crate::load::MANIFEST, Pos::START),
                Msg::new(
                    format!(
                        "{}为 {value}（{}/{}），未达到目标值 {target}",
                        r.name.zh, r.numerator, r.denominator
                    ),
                    format!(
                        "{} is {value} ({}/{}), below its target of {target}",
                        r.name.en, r.numerator, r.denominator
                    ),
                ),
            )
        })
        .collect()
}
