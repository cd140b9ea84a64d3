//! `stdkit rates`: the rates of this centre and of each member centre.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::cli::{RatesArgs, RatesFormat};
use crate::context::Context;
use crate::rates;
use crate::report::rates::{json, terminal};

pub fn run(ctx: &Context, args: &RatesArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = crate::load::discover(&ctx.start)?;
    let loaded = crate::load::load(&root)?;
    crate::report::load_errors(&loaded.findings, ctx.lang);
    let period = args.period;
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
            ctx.screen(),
            args.details,
        ),
    };
    out.write_all(text.as_bytes())?;
    super::discard(loaded.repo);
    Ok(Outcome::Clean)
}
