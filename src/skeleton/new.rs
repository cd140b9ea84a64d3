//! A new standard in a category (`new`): its next free system number (the first gap, else
//! after the last; former numbers count as taken), its file and its text. Refuses what
//! `check` would then report as an error: an unknown category, a code that does not parse,
//! does not fit the level or is used, a status that needs a code without one.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::Result;

use super::standard::{NewStandard, next_seq};
use crate::check::codes::{expected_kind, same_prefix};
use crate::finding::fail;
use crate::messages;
use crate::model::{Category, CodeKind, Date, Level, Repository, Status, StdCode, SystemNo};

/// What `new` is asked for.
pub struct Wanted<'a> {
    /// A category code (`201`) or directory.
    pub category: &'a str,
    pub title: &'a str,
    pub level: Option<Level>,
    pub code: Option<&'a str>,
    pub status: Option<Status>,
    pub as_of: Date,
}

/// The new standard's repository-relative path and text, for the repository at `root`.
pub fn plan(repo: &Repository, root: &Path, wanted: &Wanted<'_>) -> Result<(String, String)> {
    let (category, cat_code) = category(repo, root, wanted.category)?;
    let title = super::one_line(wanted.title).ok_or_else(|| fail(messages::new_title_empty()))?;
    let code = wanted
        .code
        .map(|written| own_code(repo, written, wanted.level, wanted.as_of))
        .transpose()?;
    let level = wanted
        .level
        .or(code.as_ref().map(|c| level_of(c.kind())))
        .unwrap_or(Level::Internal);
    let status = wanted.status.unwrap_or(Status::Planned);
    if status.needs_code() && code.is_none() {
        return Err(fail(messages::new_needs_code(status)));
    }
    let width = repo.manifest.seq_width;
    let seq = next_seq(&taken(repo, category, cat_code));
    if u64::from(seq) >= 10u64.pow(u32::from(width)) {
        return Err(fail(messages::new_sequences_used(cat_code, width)));
    }
    let no = SystemNo::new(cat_code, seq, width);
    let standard = NewStandard {
        no: &no,
        title: &title,
        level,
        status,
        code: code.as_ref(),
        year: wanted.as_of.year(),
    };
    let name = standard
        .file_name()
        .ok_or_else(|| fail(messages::new_no_file_name(&title)))?;
    Ok((format!("{}/{name}", category.dir), standard.text()))
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
        [] => Err(fail(messages::unknown_category(wanted))),
        [(first, _), (second, _), ..] => Err(fail(messages::new_category_ambiguous(
            wanted,
            &first.dir,
            &second.dir,
        ))),
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
            if let Some(n) = &former.no {
                take(n);
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
    as_of: Date,
) -> Result<StdCode> {
    let code: StdCode = written
        .parse()
        .map_err(|e: crate::model::code::CodeError| {
            fail(messages::new_code_invalid(&e.reason()))
        })?;
    let level = level.unwrap_or(level_of(code.kind()));
    if code.kind() != expected_kind(level) {
        return Err(fail(messages::code_level(written, code.kind(), level)));
    }
    if level == Level::Internal
        && let Some(prefix) = repo.manifest.internal_prefix.as_deref()
        && !same_prefix(code.prefix(), prefix)
    {
        return Err(fail(messages::code_prefix(written, prefix)));
    }
    let limit = i32::from(as_of.year()) + 1;
    if i32::from(code.year()) > limit {
        return Err(fail(messages::code_future_year(
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
        return Err(fail(messages::new_code_used(&code, &other.path)));
    }
    Ok(code)
}
