//! `renumber`: standards moved to new system numbers, planned as pure functions over the
//! loaded repository and the raw texts of the files to rewrite. Each moved standard gets its
//! new `no`, keeps the old one in `formerly` and is renamed (or moved into the directory of
//! its new category); every record naming an old number — trainings' `standards`,
//! inspections' `standard`, compared as system numbers — is rewritten with the new one in the
//! repository's `seq-width`. TOML is edited with `toml_edit`, so comments, key order and
//! layout survive; a Markdown standard's body after its front matter is kept byte for byte.
//! Everything lands in one `Changeset`: all or none.

mod edit;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::edit::Changeset;
use crate::finding::{Code, Finding, Msg, Severity};
use crate::messages;
use crate::model::{Category, Repository, SystemNo};

/// The directories of the records that name standards by system number.
const RECORD_DIRS: [&str; 2] = ["records/inspections", "records/trainings"];

/// One standard to move: its index in `Repository::standards`, its number now and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    pub index: usize,
    pub old: SystemNo,
    pub new: SystemNo,
}

/// One file the plan changes, for the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// Repository-relative path now.
    pub path: String,
    /// Where the file goes, when it is renamed or moved.
    pub to: Option<String>,
    /// What changes in it, in order.
    pub changes: Vec<Msg>,
}

/// The changes, applied as one, and what they do, sorted by path.
#[derive(Debug)]
pub struct Plan {
    pub moves: Vec<Move>,
    pub changes: Changeset,
    pub edits: Vec<Edit>,
}

/// `renumber OLD NEW`: the one move, refused when OLD names no standard by its current
/// number, or NEW is malformed, of a category that does not exist, or taken.
pub fn single(repo: &Repository, old: &str, new: &str) -> Result<Vec<Move>, Msg> {
    let unknown = || messages::renumber_unknown_old(old);
    let old_no: SystemNo = old.trim().parse().map_err(|_| unknown())?;
    let index = repo.numbers().standard(&old_no).ok_or_else(unknown)?;
    let current = repo.standards[index].system_no().ok_or_else(unknown)?;
    let holders = repo
        .standards
        .iter()
        .filter(|s| s.system_no() == Some(&old_no));
    if let Some(other) = holders
        .map(|s| &s.path)
        .find(|p| **p != repo.standards[index].path)
    {
        return Err(messages::renumber_taken(old, other));
    }
    if *current != old_no {
        return Err(messages::renumber_old_is_former(old, &current.to_string()));
    }
    let new_no = wanted(repo, new)?;
    if new_no == old_no {
        return Err(messages::renumber_same(&current.to_string()));
    }
    let moves = vec![Move {
        index,
        old: current.clone(),
        new: new_no,
    }];
    collisions(repo, &moves)?;
    Ok(moves)
}

/// `renumber --shift CATEGORY`: the standards of the category (by its code), in the order of
/// their numbers, to 01, 02, 03 …, skipping the numbers that are former numbers of some
/// standard; only those whose number changes. Refused when the category does not exist or
/// has no gap.
pub fn shift(repo: &Repository, category: &str) -> Result<Vec<Move>, Msg> {
    let code = category.trim();
    let dir = category_dir(repo, code)
        .ok_or_else(|| messages::unknown_category(code))?
        .dir
        .clone();
    let former: BTreeSet<&SystemNo> = repo
        .standards
        .iter()
        .flat_map(|s| s.formerly.iter().filter_map(|f| f.no.as_ref()))
        .collect();
    let mut members: Vec<(usize, &SystemNo)> = repo
        .standards
        .iter()
        .enumerate()
        .filter(|(_, s)| s.dir() == dir)
        .filter_map(|(i, s)| Some((i, s.system_no()?)))
        .filter(|(_, no)| no.category() == code)
        .collect();
    members.sort_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(&b.0)));
    let width = repo.manifest.seq_width;
    let mut seq = 0;
    let mut moves = Vec::new();
    for (index, old) in members {
        let new = loop {
            seq += 1;
            let no = SystemNo::new(code, seq, width);
            if !former.contains(&no) || no == *old {
                break no;
            }
        };
        if new != *old {
            moves.push(Move {
                index,
                old: old.clone(),
                new,
            });
        }
    }
    if moves.is_empty() {
        return Err(messages::renumber_no_gap(code));
    }
    collisions(repo, &moves)?;
    Ok(moves)
}

/// NEW parsed, in the repository's `seq-width`, of a category that exists.
fn wanted(repo: &Repository, new: &str) -> Result<SystemNo, Msg> {
    let parsed: SystemNo = new
        .trim()
        .parse()
        .ok()
        .filter(|n: &SystemNo| n.seq() > 0)
        .ok_or_else(|| messages::renumber_malformed(new))?;
    let width = repo.manifest.seq_width;
    if u64::from(parsed.seq()) >= 10u64.pow(u32::from(width)) {
        return Err(messages::renumber_too_wide(new, width));
    }
    let no = SystemNo::new(parsed.category(), parsed.seq(), width);
    if category_dir(repo, no.category()).is_none() {
        return Err(messages::renumber_no_category(
            &no.to_string(),
            no.category(),
        ));
    }
    Ok(no)
}

/// The category of a code, when exactly one has it.
fn category_dir<'r>(repo: &'r Repository, code: &str) -> Option<&'r Category> {
    let mut found = repo
        .categories
        .iter()
        .filter(|c| c.code.as_ref().is_some_and(|k| k.value == code));
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// The final state checked, not each step: every new number is unique among the moves, and
/// no standard left in place answers to it (as its number, a former number, or the number
/// its file name starts with); nor does a moved standard by a former number it already had.
fn collisions(repo: &Repository, moves: &[Move]) -> Result<(), Msg> {
    let moved: HashMap<usize, &Move> = moves.iter().map(|m| (m.index, m)).collect();
    let mut answers: HashMap<SystemNo, usize> = HashMap::new();
    for (i, s) in repo.standards.iter().enumerate() {
        let mut put = |no: &SystemNo| {
            answers.entry(no.clone()).or_insert(i);
        };
        if !moved.contains_key(&i) {
            match s.system_no() {
                Some(no) => put(no),
                None => {
                    if let Some(no) = s.file_no() {
                        put(&no);
                    }
                }
            }
        }
        for f in s.formerly.iter().filter_map(|f| f.no.as_ref()) {
            put(f);
        }
    }
    let mut new_ones: HashMap<&SystemNo, usize> = HashMap::new();
    for m in moves {
        let taken_by = answers
            .get(&m.new)
            .copied()
            .filter(|&i| i != m.index)
            .or_else(|| new_ones.get(&m.new).copied());
        if let Some(i) = taken_by {
            return Err(messages::renumber_taken(
                &m.new.to_string(),
                &repo.standards[i].path,
            ));
        }
        new_ones.insert(&m.new, m.index);
    }
    Ok(())
}

/// The plan of `moves`: the files to rewrite read through `read` (repository-relative path →
/// bytes, or why not). Refused when a file to rewrite does not parse, or the loader found an
/// error in it.
pub fn plan(
    repo: &Repository,
    findings: &[Finding],
    moves: Vec<Move>,
    read: &dyn Fn(&str) -> Result<Vec<u8>, Msg>,
) -> Result<Plan, Msg> {
    let width = repo.manifest.seq_width;
    let map: HashMap<SystemNo, SystemNo> = moves
        .iter()
        .map(|m| {
            (
                m.old.clone(),
                SystemNo::new(m.new.category(), m.new.seq(), width),
            )
        })
        .collect();
    let renames = |no: &str| -> Option<String> {
        let parsed: SystemNo = no.trim().parse().ok()?;
        map.get(&parsed).map(ToString::to_string)
    };

    // The record files naming an old number, with how many times they do.
    let mut records: BTreeMap<&str, usize> = BTreeMap::new();
    let named = |n: &crate::model::NoRef| n.no.as_ref().is_some_and(|n| map.contains_key(n));
    for t in &repo.records.trainings {
        let count = t.standards.iter().filter(|n| named(n)).count();
        if count > 0 {
            *records.entry(&t.path).or_default() += count;
        }
    }
    for i in &repo.records.inspections {
        if named(&i.standard) {
            *records.entry(&i.path).or_default() += 1;
        }
    }

    let errors: BTreeMap<&str, &Finding> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error && unsafe_to_rewrite(f.code))
        .rev()
        .map(|f| (f.location.path.as_str(), f))
        .collect();
    let safe = |path: &str| match errors.get(path) {
        Some(f) => Err(messages::renumber_unsafe(path, &f.message)),
        None => Ok(()),
    };

    // A record file that could not be read may name an old number: nothing tells.
    let unread = errors.keys().find(|p| {
        RECORD_DIRS
            .iter()
            .any(|d| p.strip_prefix(d).is_some_and(|r| r.starts_with('/')))
    });
    if let Some(path) = unread {
        safe(path)?;
    }

    let mut changes = Changeset::new();
    let mut edits = Vec::new();
    for m in &moves {
        let s = &repo.standards[m.index];
        safe(&s.path)?;
        let old = read(&s.path)?;
        let new_no = &map[&m.old];
        let (bytes, what) = edit::standard(&old, s.file, &m.old.to_string(), &new_no.to_string())
            .ok_or_else(|| messages::renumber_unparsable(&s.path))?;
        let to = destination(repo, &s.path, new_no);
        changes.relocate(&s.path, &to, old, bytes);
        edits.push(Edit {
            path: s.path.clone(),
            to: Some(to),
            changes: what,
        });
    }
    for (path, count) in records {
        safe(path)?;
        let old = read(path)?;
        let (bytes, what) =
            edit::records(&old, &renames).ok_or_else(|| messages::renumber_unparsable(path))?;
        // Every reference the loader read is rewritten, or the file is left to the user.
        if what.len() != count {
            return Err(messages::renumber_unmatched(path, count, what.len()));
        }
        if bytes != old {
            changes.rewrite(path, old, bytes);
            edits.push(Edit {
                path: path.to_owned(),
                to: None,
                changes: what,
            });
        }
    }
    edits.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Plan {
        moves,
        changes,
        edits,
    })
}

/// The errors that make a file unsafe to rewrite: it was not read, or not read whole as
/// text and TOML, or its number is not one standard's.
fn unsafe_to_rewrite(code: Code) -> bool {
    matches!(
        code,
        Code::TomlSyntax
            | Code::FrontmatterMissing
            | Code::FileEncoding
            | Code::FileOutside
            | Code::FileSpecial
            | Code::FileTooLarge
            | Code::FileUnreadable
            | Code::NumberDuplicate
    )
}

/// The moved standard's path: in its new category's directory, its file name's number
/// replaced (`201-03-一次性告知制.md` → `201-09-一次性告知制.md`), the title part kept; a
/// name that does not start with a number gets the new one in front.
fn destination(repo: &Repository, path: &str, new: &SystemNo) -> String {
    let (here, name) = path.rsplit_once('/').unwrap_or(("", path));
    let dir = category_dir(repo, new.category()).map_or(here, |c| c.dir.as_str());
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let category = digits(name);
    let tail = name
        .get(category..)
        .and_then(|r| r.strip_prefix('-'))
        .filter(|r| category > 0 && digits(r) > 0)
        .map(|r| r[digits(r)..].to_owned())
        .unwrap_or_else(|| format!("-{name}"));
    format!("{dir}/{new}{tail}")
}
