//! `stdkit new CATEGORY --title T`: one new standard file in a category, with the next free
//! system number (the first gap, else after the last; former numbers count as taken), written
//! through a `Changeset`; prints the path written. Refuses what `check` would then report as an
//! error: an unknown category, a code that does not parse, does not fit the level or is used,
//! a status that needs a code without one.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result};

use super::Outcome;
use crate::check::codes::{expected_kind, same_prefix};
use crate::cli::NewArgs;
use crate::context::Context;
use crate::edit::Changeset;
use crate::finding::failure;
use crate::messages;
use crate::model::{Category, CodeKind, Level, Repository, Status, StdCode, SystemNo};
use crate::skeleton::standard::{NewStandard, next_seq};

pub fn run(ctx: &Context, args: &NewArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = crate::load::discover(&ctx.start)?;
    let loaded = crate::load::load(&root)?;
    crate::report::load_errors(&loaded.findings, ctx.lang);
    let repo = &loaded.repo;
    let (category, cat_code) = category(repo, &root, &args.category)?;
    let title = crate::skeleton::one_line(&args.title).ok_or_else(|| {
        failure(
            "标准名称为空（--title）",
            "the title of the standard (--title) is empty",
        )
    })?;
    let code = args
        .code
        .as_deref()
        .map(|written| own_code(repo, written, args.level, ctx))
        .transpose()?;
    let level = args
        .level
        .or(code.as_ref().map(|c| level_of(c.kind())))
        .unwrap_or(Level::Internal);
    let status = args.status.unwrap_or(Status::Planned);
    if status.needs_code() && code.is_none() {
        return Err(failure(
            format!("状态为“{}”的标准应有标准编号：请加 --code", status.zh()),
            format!("a standard with status `{status}` needs a code: add --code"),
        ));
    }
    let width = repo.manifest.seq_width;
    let seq = next_seq(&taken(repo, category, cat_code));
    if u64::from(seq) >= 10u64.pow(u32::from(width)) {
        return Err(failure(
            format!("类目 `{cat_code}` 的 {width} 位序号已用完（seq-width = {width}）"),
            format!(
                "category `{cat_code}` has used every {width}-digit sequence (seq-width = {width})"
            ),
        ));
    }
    let no = SystemNo::new(cat_code, seq, width);
    let standard = NewStandard {
        no: &no,
        title: &title,
        level,
        status,
        code: code.as_ref(),
        year: ctx.as_of.year(),
    };
    let name = standard.file_name().ok_or_else(|| {
        failure(
            format!("标准名称 `{title}` 去掉不能用于文件名的字符后为空"),
            format!("the title `{title}` leaves nothing for a file name"),
        )
    })?;
    let path = format!("{}/{name}", category.dir);
    let mut set = Changeset::new();
    set.create(&path, standard.text());
    set.apply(&root)?;
    writeln!(out, "{path}").context("cannot write to stdout")?;
    super::discard(loaded.repo);
    Ok(Outcome::Clean)
}

/// The category named by its code (`201`) or its directory (repository-relative, relative to
/// the current directory, or its last component), with its code.
fn category<'r>(repo: &'r Repository, root: &Path, arg: &str) -> Result<(&'r Category, &'r str)> {
    let wanted = arg.trim().trim_end_matches(['/', '\\']);
    let coded = repo
        .categories
        .iter()
        .filter_map(|c| Some((c, c.code.as_ref()?.value.as_str())));
    let found: Vec<(&Category, &str)> =
        if !wanted.is_empty() && wanted.bytes().all(|b| b.is_ascii_digit()) {
            coded.filter(|(_, code)| *code == wanted).collect()
        } else {
            let at = |base: &Path| base.join(wanted).canonicalize().ok();
            let places = [at(root), std::env::current_dir().ok().and_then(|d| at(&d))];
            coded
                .filter(|(c, _)| {
                    let dir = root.join(&c.dir).canonicalize().ok();
                    c.dir == wanted
                        || c.dir.rsplit('/').next() == Some(wanted)
                        || (dir.is_some() && places.contains(&dir))
                })
                .collect()
        };
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(failure(
            format!("标准库中没有类目 `{wanted}`（stdkit table --tree 列出全部类目）"),
            format!("there is no category `{wanted}` (stdkit table --tree lists them all)"),
        )),
        [(first, _), (second, _), ..] => Err(failure(
            format!(
                "类目 `{wanted}` 不止一个（`{}` 与 `{}`），请先改正类目代码",
                first.dir, second.dir
            ),
            format!(
                "category `{wanted}` is not one (`{}` and `{}`); correct the category codes first",
                first.dir, second.dir
            ),
        )),
    }
}

/// The sequences of the category that are taken: by a standard's number, by the number a
/// file name in the category starts with, and by a former number (`formerly`).
fn taken(repo: &Repository, category: &Category, code: &str) -> BTreeSet<u32> {
    let mut taken = BTreeSet::new();
    let mut take = |n: &SystemNo| {
        if n.category() == code {
            taken.insert(n.seq());
        }
    };
    for s in &repo.standards {
        if let Some(n) = s.system_no() {
            take(n);
        }
        if s.dir() == category.dir
            && let Some(n) = s.file_no()
        {
            take(&n);
        }
        for former in &s.formerly {
            if let Ok(n) = former.value.parse::<SystemNo>() {
                take(&n);
            }
        }
    }
    taken
}

/// The level a code's prefix says.
fn level_of(kind: CodeKind) -> Level {
    match kind {
        CodeKind::National => Level::National,
        CodeKind::Industry => Level::Industry,
        CodeKind::Local => Level::Local,
        CodeKind::Group => Level::Group,
        CodeKind::Enterprise => Level::Internal,
    }
}

/// `--code`, parsed and checked as `check` would: it fits the level (given, or the one its
/// prefix says), carries the centre's prefix when internal, has a possible year and is not
/// the code of another standard.
fn own_code(
    repo: &Repository,
    written: &str,
    level: Option<Level>,
    ctx: &Context,
) -> Result<StdCode> {
    let code: StdCode = written
        .parse()
        .map_err(|e: crate::model::code::CodeError| {
            failure(
                format!("--code 不是有效的标准编号：{}", e.reason_zh()),
                format!("--code is not a standard number: {}", e.reason_en()),
            )
        })?;
    let level = level.unwrap_or(level_of(code.kind()));
    let refuse = |m: crate::finding::Msg| failure(m.zh, m.en);
    if code.kind() != expected_kind(level) {
        return Err(refuse(messages::code_level(written, code.kind(), level)));
    }
    if level == Level::Internal
        && let Some(prefix) = repo.manifest.internal_prefix.as_deref()
        && !same_prefix(code.prefix(), prefix)
    {
        return Err(refuse(messages::code_prefix(written, prefix)));
    }
    let limit = i32::from(ctx.as_of.year()) + 1;
    if i32::from(code.year()) > limit {
        return Err(refuse(messages::code_future_year(
            "--code",
            written,
            code.year(),
            limit,
        )));
    }
    if let Some(other) = repo
        .standards
        .iter()
        .find(|s| s.code.as_ref().is_some_and(|c| c.code == code))
    {
        return Err(failure(
            format!("标准编号 `{code}` 已由 `{}` 使用", other.path),
            format!(
                "standard number `{code}` is already used by `{}`",
                other.path
            ),
        ));
    }
    Ok(code)
}
