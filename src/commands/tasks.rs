//! `stdkit tasks`: standards not yet in force, by unit, overdue first.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::cli::{TasksArgs, TasksFormat};
use crate::context::Context;

pub fn run(ctx: &Context, args: &TasksArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = crate::load::discover(&ctx.start)?;
    let loaded = crate::load::load(&root)?;
    crate::report::load_errors(&loaded.findings, ctx.lang);
    let groups = crate::tasks::build(&loaded.repo, ctx.as_of);
    let text = match args.format {
        TasksFormat::Json => {
            let doc: Vec<_> = groups
                .iter()
                .map(|(unit, tasks)| serde_json::json!({"unit": unit, "tasks": tasks}))
                .collect();
            let mut s = serde_json::to_string_pretty(
                &serde_json::json!({"as-of": ctx.as_of.to_string(), "groups": doc}),
            )?;
            s.push('\n');
            s
        }
        TasksFormat::Md => crate::report::system::tasks(&groups, ctx.lang).markdown(),
        TasksFormat::Csv => crate::report::system::tasks(&groups, ctx.lang).csv(),
        TasksFormat::Terminal if groups.is_empty() => {
            format!("{}\n", crate::messages::tasks_none().get(ctx.lang))
        }
        TasksFormat::Terminal => {
            let screen = super::table::screen(ctx, args.wide);
            crate::report::system::tasks(&groups, ctx.lang).terminal(screen, ctx.lang)
        }
    };
    out.write_all(text.as_bytes())?;
    super::discard(loaded.repo);
    Ok(Outcome::Clean)
}
