//! `stdkit rates`: the rates of this centre and of each member centre.

use std::io::Write;

use anyhow::{Context as _, Result, bail};

use super::Outcome;
use crate::cli::{RatesArgs, RatesFormat};
use crate::context::Context;
use crate::model::{Date, Period};
use crate::rates;
use crate::report::rates::{json, terminal};
use crate::report::table::Style;

pub fn run(ctx: &Context, args: &RatesArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = crate::load::discover(&ctx.start)?;
    let loaded = crate::load::load(&root)?;
    let period = args.period.as_deref().map(parse_period).transpose()?;
    let members = crate::load::members(&root, &loaded.repo);
    let (city, members, excluded) = rates::with_members(&loaded.repo, &members, period);
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
