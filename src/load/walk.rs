//! Walking the repository in sorted order: the folders of `system/`, the record folders, and
//! the names that keep a file from being read.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::parse::Job;
use super::{Refusal, fail};
use crate::finding::{FailWith, Finding};
use crate::messages;
use crate::model::{Category, FileKind};

/// The `.ext` files directly in `dir`, sorted, as repository-relative paths; names that keep
/// a file from being read are findings.
pub(super) fn list(root: &Path, dir: &str, ext: &str, findings: &mut Vec<Finding>) -> Vec<String> {
    let full = root.join(dir);
    if !std::fs::symlink_metadata(&full).is_ok_and(|m| m.is_dir()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(&full) {
        Ok(entries) => entries,
        Err(e) => {
            findings.extend(Refusal::Io(e).finding(dir));
            return out;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                findings.extend(Refusal::Io(e).finding(dir));
                continue;
            }
        };
        let name = entry.file_name();
        let rel = format!("{dir}/{}", name.to_string_lossy());
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        match file_name(&name, &rel) {
            Ok(Some(e)) if e == ext => out.push(rel),
            Ok(_) => {}
            Err(f) => findings.push(*f),
        }
    }
    out.sort();
    out
}

/// The directories directly under `system/` (subsystems), sorted, and jobs for standard
/// files lying directly in `system/`. A repository without `system/` is not one.
pub(super) fn system_top(
    root: &Path,
    findings: &mut Vec<Finding>,
) -> Result<(Vec<PathBuf>, Vec<Job>)> {
    let system = root.join("system");
    if !std::fs::symlink_metadata(&system).is_ok_and(|m| m.is_dir()) {
        return Err(fail(messages::no_system_dir(root)));
    }
    let mut dirs = Vec::new();
    let mut files = Vec::new();
    let entries = std::fs::read_dir(&system).fail_as(|| messages::dir_unlistable(&system))?;
    for entry in entries {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name();
        let rel = format!("system/{}", name.to_string_lossy());
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            match name.to_str() {
                Some(_) => dirs.push(entry.path()),
                None => findings.push(ignored(&rel, NameFault::NotUtf8)),
            }
            continue;
        }
        if kind.is_symlink() && entry.path().is_dir() {
            findings.extend(Refusal::Special(messages::special_dir_symlink()).finding(&rel));
            continue;
        }
        match file_name(&name, &rel) {
            Ok(Some(ext)) => files.push(Job::Standard {
                path: rel,
                kind: kind_of(ext),
            }),
            Ok(None) => {}
            Err(f) => findings.push(*f),
        }
    }
    dirs.sort();
    Ok((dirs, files))
}

/// The extension of a file the loader reads (`md` or `toml`), `None` for other files, a
/// finding for a name that keeps it from being read.
pub(super) fn file_name(
    name: &std::ffi::OsStr,
    rel: &str,
) -> Result<Option<&'static str>, Box<Finding>> {
    let lossy = name.to_string_lossy();
    let Some((_, ext)) = lossy.rsplit_once('.') else {
        return Ok(None);
    };
    let wanted = ["md", "toml"]
        .into_iter()
        .find(|w| ext.eq_ignore_ascii_case(w));
    match wanted {
        None => Ok(None),
        Some(_) if name.to_str().is_none() => Err(Box::new(ignored(rel, NameFault::NotUtf8))),
        Some(w) if ext != w => Err(Box::new(ignored(rel, NameFault::Extension(w)))),
        Some(w) => Ok(Some(w)),
    }
}

pub(super) fn kind_of(ext: &str) -> FileKind {
    if ext == "md" {
        FileKind::Markdown
    } else {
        FileKind::Toml
    }
}

enum NameFault {
    NotUtf8,
    Extension(&'static str),
}

fn ignored(rel: &str, fault: NameFault) -> Finding {
    let message = match fault {
        NameFault::NotUtf8 => messages::file_name_not_utf8(),
        NameFault::Extension(ext) => messages::file_extension_case(ext),
    };
    Finding::new(
        crate::finding::Code::FileIgnored,
        crate::finding::Location::new(rel.to_owned(), crate::finding::Pos::START),
        message,
    )
}

/// Walks one subsystem directory in sorted order, queueing categories and standards.
/// Directories with content but no `_index.md` are returned as categories without an index.
/// Symlinks to directories are never followed; what cannot be walked is a finding.
pub(super) fn walk_system(
    root: &Path,
    start: &Path,
    jobs: &mut Vec<Job>,
    unindexed: &mut Vec<Category>,
    findings: &mut Vec<Finding>,
) {
    let walker = walkdir::WalkDir::new(start)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    let mut dirs: Vec<WalkedDir> = Vec::new();
    let mut by_path: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let rel = e
                    .path()
                    .map_or_else(|| relative(root, start), |p| relative(root, p));
                let io = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("loop"));
                findings.extend(Refusal::Io(io).finding(&rel));
                continue;
            }
        };
        let rel = relative(root, entry.path());
        let depth = entry.depth();
        let parent = rel.rsplit_once('/').map_or("", |(p, _)| p).to_owned();
        if entry.file_type().is_dir() {
            if entry.file_name().to_str().is_none() {
                findings.push(ignored(&rel, NameFault::NotUtf8));
                continue;
            }
            if let Some(&i) = by_path.get(&parent) {
                dirs[i].has_content = true;
            }
            by_path.insert(rel.clone(), dirs.len());
            dirs.push(WalkedDir {
                dir: rel,
                depth,
                has_index: false,
                has_content: false,
            });
            continue;
        }
        if entry.file_type().is_symlink() && entry.path().is_dir() {
            findings.extend(Refusal::Special(messages::special_dir_symlink()).finding(&rel));
            continue;
        }
        if entry.file_name() == "_index.md" {
            if let Some(&i) = by_path.get(&parent) {
                dirs[i].has_index = true;
            }
            continue;
        }
        let ext = match file_name(entry.file_name(), &rel) {
            Ok(Some(ext)) => ext,
            Ok(None) => continue,
            Err(f) => {
                findings.push(*f);
                continue;
            }
        };
        if let Some(&i) = by_path.get(&parent) {
            dirs[i].has_content = true;
        }
        jobs.push(Job::Standard {
            path: rel,
            kind: kind_of(ext),
        });
    }
    for d in dirs {
        if d.has_index {
            jobs.push(Job::Category {
                dir: d.dir,
                depth: d.depth,
            });
        } else if d.has_content {
            unindexed.push(Category {
                dir: d.dir,
                index: None,
                code: None,
                title: None,
                depth: d.depth,
            });
        }
    }
}

/// A directory met while walking `system/`.
struct WalkedDir {
    dir: String,
    depth: usize,
    has_index: bool,
    has_content: bool,
}

/// The repository-relative `/`-separated form of a walked path.
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}
