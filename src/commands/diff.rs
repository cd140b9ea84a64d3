//! `stdkit diff REV [REV2]`: what changed in the standard system between a git revision and
//! the working tree, or between two revisions.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::cli::{DiffArgs, DiffFormat};
use crate::context::Context;
use crate::load::{Input, load, load_revision, standard_texts};
use crate::report::diff::{Form, json, text};

pub fn run(ctx: &Context, args: &DiffArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = crate::load::discover(&ctx.start)?;
    let (old, old_input) = load_revision(&root, &args.rev)?;
    let old_texts = standard_texts(&old_input, &old.repo);
    drop(old_input);
    let (new, new_texts, to) = match &args.rev2 {
        Some(rev) => {
            let (new, input) = load_revision(&root, rev)?;
            let texts = standard_texts(&input, &new.repo);
            (new, texts, rev.clone())
        }
        None => {
            let new = load(&root)?;
            crate::report::load_errors(&new.findings, ctx.lang);
            let texts = standard_texts(&Input::new(&root), &new.repo);
            let to = crate::messages::diff_working_tree()
                .get(ctx.lang)
                .to_owned();
            (new, texts, to)
        }
    };
    let diff = crate::diff::diff(&old.repo, &old_texts, &new.repo, &new_texts);
    match args.format {
        DiffFormat::Json => {
            let to = args.rev2.as_deref().unwrap_or("working-tree");
            json(out, &diff, &args.rev, to)?;
        }
        DiffFormat::Terminal | DiffFormat::Md => {
            let form = if args.format == DiffFormat::Md {
                Form::Markdown
            } else {
                Form::Terminal { color: ctx.color }
            };
            out.write_all(text(&diff, &args.rev, &to, ctx.lang, form).as_bytes())?;
        }
    }
    super::discard(old.repo);
    super::discard(new.repo);
    Ok(Outcome::Clean)
}

/// The section `changes` of the dossier: the changes of the standard system at `root` (loaded
/// as `new`) since the revision `rev`, as a title and Markdown, in Chinese as the volume is.
pub fn changes(
    root: &std::path::Path,
    rev: &str,
    new: &crate::model::Repository,
) -> Result<(String, String)> {
    let (old, old_input) = load_revision(root, rev)?;
    let old_texts = standard_texts(&old_input, &old.repo);
    let new_texts = standard_texts(&Input::new(root), new);
    let diff = crate::diff::diff(&old.repo, &old_texts, new, &new_texts);
    let to = crate::messages::diff_working_tree().zh;
    let markdown = text(&diff, rev, &to, crate::finding::Lang::Zh, Form::Section);
    super::discard(old.repo);
    let title = crate::messages::diff_title(rev, &to).zh;
    Ok((title, markdown))
}
