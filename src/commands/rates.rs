//! `stdkit rates`: the rates of this centre and of each member centre.

use std::io::Write;

use anyhow::{Context as _, Result, bail};

use super::Outcome;
use crate::cli::{RatesArgs, RatesFormat};
use crate::context::Context;
use crate::model::{Date, Period};
use crate::rates;
use crate::rates::{Excluded, MemberRates};
use crate::report::rates::{json, terminal};
use crate::report::table::Style;

pub fn run(ctx: &Context, args: &RatesArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = crate::load::discover(&ctx.start)?;
    let loaded = crate::load::load(&root)?;
    let period = args.period.as_deref().map(parse_period).transpose()?;
    let (city, members, excluded) = gather(&root, &loaded.repo, period);
    if args.format == RatesFormat::Json {
        json(out, &city, &members, &excluded, ctx.lang)?;
        super::discard(loaded.repo);
        return Ok(Outcome::Clean);
    }
    let text = match args.format {
        RatesFormat::Json => unreachable!("written above"),
        RatesFormat::Terminal => terminal(
            &city,
            &members,
            &excluded,
            ctx.lang,
            Style::detect(),
            args.details,
        ),
    };
    out.write_all(text.as_bytes())?;
    super::discard(loaded.repo);
    Ok(Outcome::Clean)
}

/// The rates of a repository and of each of its members, with member acceptance.
pub fn with_members(
    root: &std::path::Path,
    repo: &crate::model::Repository,
    period: Option<Period>,
) -> (rates::CenterRates, Vec<MemberRates>) {
    let (city, members, _) = gather(root, repo, period);
    (city, members)
}

/// The rates of a repository and of its members, and how many records each left out.
fn gather(
    root: &std::path::Path,
    repo: &crate::model::Repository,
    period: Option<Period>,
) -> (rates::CenterRates, Vec<MemberRates>, Excluded) {
    let (mut city, center) = rates::compute_excluding(repo, period);
    let mut excluded = Excluded {
        center,
        members: Vec::new(),
    };
    let members: Vec<MemberRates> = repo
        .manifest
        .members
        .iter()
        .map(|m| {
            // A member is its own repository: its directory holds `stdkit.toml` (no search
            // upward, which would find the city's own manifest).
            let dir = root.join(&m.value);
            // (A member that is this centre itself was dropped, with a finding, by the loader.)
            let rates = if dir.join(crate::load::MANIFEST).is_file() {
                crate::load::load(&dir)
            } else {
                Err(anyhow::anyhow!(
                    "member `{}` has no `{}`",
                    m.value,
                    crate::load::MANIFEST
                ))
            }
            .map(|l| rates::compute_excluding(&l.repo, period))
            .map_err(|e| format!("{e:#}"));
            excluded.members.push(rates.as_ref().map_or(0, |(_, n)| *n));
            let rates = rates.map(|(r, _)| r);
            MemberRates {
                path: m.value.clone(),
                rates,
            }
        })
        .collect();
    if !members.is_empty() {
        city.rates
            .push(rates::member_acceptance(&members, repo.manifest.targets));
    }
    (city, members, excluded)
}

/// `FROM..TO`, both dates included.
pub fn parse_period(text: &str) -> Result<Period> {
    let Some((from, to)) = text.split_once("..") else {
        bail!("`--period {text}` must be `FROM..TO`, like `2014-01-01..2014-12-31`");
    };
    let date = |s: &str| {
        s.trim()
            .parse::<Date>()
            .with_context(|| format!("`{s}` in `--period {text}` is not a date"))
    };
    let period = Period {
        from: date(from)?,
        to: date(to)?,
    };
    if period.to < period.from {
        bail!("`--period {text}` ends before it starts");
    }
    Ok(period)
}
