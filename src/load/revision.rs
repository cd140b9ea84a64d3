//! A git revision as files, without checking it out: the repository's files at a revision are
//! listed with one `git ls-tree` and read with one `git cat-file --batch`, git run as every
//! git run of stdkit (no hooks, no fsmonitor, no index writes, `LC_ALL=C`). The files are then
//! parsed by the loader's own parsing, as the working tree's are. Symlinks and submodules are
//! skipped; a file larger than the loader reads is not read.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::Result;

use crate::finding::FailWith;

use super::git::GitCli;
use super::input::MAX_SIZE;
use super::parse::{Job, SCOPE_FILES};
use super::walk::{file_name, kind_of};
use super::{Loaded, fail, load_given};
use crate::finding::Finding;
use crate::messages;
use crate::model::{Category, MANIFEST};

/// Loads the repository at `root` as it was at the git revision `rev`, and its files at
/// that revision as the way in (to read texts from).
pub fn load_revision(root: &Path, rev: &str) -> Result<(Loaded, super::Input)> {
    let files = files_at(root, rev)?;
    load_given(root, files)
}

/// The files the loader reads (the manifest, `scope/`, `records/`, `system/`) of the
/// repository at `root` as they were at `rev`: repository-relative paths and bytes, sorted.
/// A repository outside git, or a revision git does not know, is a failure.
pub fn files_at(root: &Path, rev: &str) -> Result<Vec<(String, Vec<u8>)>> {
    if super::git::top_level(root)?.is_none() {
        return Err(fail(messages::diff_not_in_git(root)));
    }
    // A revision is never an option of git's.
    if rev.is_empty() || rev.starts_with('-') || rev.contains('\0') {
        return Err(fail(messages::diff_no_revision(rev)));
    }
    let overrides = GitCli::neutralised(root).unwrap_or_default();
    let git = || {
        let mut command = GitCli::command(root);
        for key in &overrides {
            command.arg("-c").arg(format!("{key}="));
        }
        command
    };
    // The repository's folder inside the work tree, and the commit `rev` names.
    let out = run(git().args([
        "rev-parse",
        "--show-prefix",
        "--verify",
        "--quiet",
        &format!("{rev}^{{commit}}"),
    ]))?
    .ok_or_else(|| fail(messages::diff_no_revision(rev)))?;
    let text = String::from_utf8_lossy(&out);
    let mut lines = text.lines();
    let prefix = lines.next().unwrap_or("").to_owned();
    let commit = lines
        .next()
        .filter(|c| !c.is_empty())
        .ok_or_else(|| fail(messages::diff_no_revision(rev)))?
        .to_owned();

    let mut ls = git();
    ls.args(["ls-tree", "-r", "-z", "-l", "--full-tree", &commit]);
    if !prefix.is_empty() {
        ls.arg("--").arg(format!(":(top,literal){prefix}"));
    }
    let listing = run(&mut ls)?.ok_or_else(|| fail(messages::diff_no_revision(rev)))?;
    let wanted = blobs(&listing, &prefix);
    if !wanted.iter().any(|(_, path)| path == MANIFEST) {
        return Err(fail(messages::diff_no_repository_at(rev)));
    }
    read_blobs(git(), wanted)
}

/// The blobs of an `ls-tree -r -z -l` listing the loader would read, as (object id, path
/// relative to `prefix`): regular files only (no symlink, no submodule), none larger than the
/// loader reads, none in a hidden folder.
fn blobs(listing: &[u8], prefix: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in listing.split(|&b| b == 0) {
        let Some(tab) = entry.iter().position(|&b| b == b'\t') else {
            continue;
        };
        let (head, path) = (&entry[..tab], &entry[tab + 1..]);
        let head = String::from_utf8_lossy(head);
        let mut parts = head.split_ascii_whitespace();
        let (Some(mode), Some(kind), Some(oid), Some(size)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if kind != "blob" || !matches!(mode, "100644" | "100755") {
            continue;
        }
        if size.parse::<u64>().is_ok_and(|s| s > MAX_SIZE) {
            continue;
        }
        let Ok(path) = std::str::from_utf8(path) else {
            continue;
        };
        let Some(rel) = path.strip_prefix(prefix) else {
            continue;
        };
        if read_by_loader(rel) {
            out.push((oid.to_owned(), rel.to_owned()));
        }
    }
    out
}

/// Whether the loader reads a file at `rel`.
fn read_by_loader(rel: &str) -> bool {
    if rel
        .split('/')
        .any(|part| part.is_empty() || part.starts_with('.'))
    {
        return false;
    }
    rel == MANIFEST
        || ["scope/", "records/", "system/"]
            .iter()
            .any(|top| rel.starts_with(top))
            && (rel.ends_with(".md") || rel.ends_with(".toml"))
}

/// Reads the blobs with one `git cat-file --batch`: object ids are written on one thread,
/// `<oid> blob <size>\n<bytes>\n` read on this one.
fn read_blobs(
    mut command: Command,
    wanted: Vec<(String, String)>,
) -> Result<Vec<(String, Vec<u8>)>> {
    let mut child = command
        .arg("cat-file")
        .arg("--batch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .fail_as(messages::git_unrunnable)?;
    let mut stdin = child.stdin.take().expect("piped");
    let ids: Vec<String> = wanted.iter().map(|(oid, _)| oid.clone()).collect();
    let writer = std::thread::spawn(move || -> std::io::Result<()> {
        let mut w = std::io::BufWriter::new(&mut stdin);
        for oid in ids {
            writeln!(w, "{oid}")?;
        }
        w.flush()
    });
    let mut reader = BufReader::new(child.stdout.take().expect("piped"));
    let mut files = Vec::with_capacity(wanted.len());
    let mut header = Vec::new();
    for (oid, path) in wanted {
        header.clear();
        reader.read_until(b'\n', &mut header)?;
        let line = String::from_utf8_lossy(&header);
        let mut parts = line.split_ascii_whitespace();
        let (Some(got), Some("blob"), Some(size)) = (parts.next(), parts.next(), parts.next())
        else {
            let detail = format!("{oid}: {}", line.trim_end());
            return Err(fail(messages::git_unexpected(&detail)));
        };
        let size: u64 = size
            .parse()
            .fail_as(|| messages::git_unexpected(line.trim_end()))?;
        if got != oid || size > MAX_SIZE {
            return Err(fail(messages::git_unexpected(line.trim_end())));
        }
        let mut bytes = Vec::with_capacity(size as usize);
        (&mut reader).take(size).read_to_end(&mut bytes)?;
        if bytes.len() as u64 != size {
            return Err(fail(messages::git_unexpected(&oid)));
        }
        let mut newline = [0u8; 1];
        reader.read_exact(&mut newline)?;
        files.push((path, bytes));
    }
    drop(reader);
    writer
        .join()
        .map_err(|_| fail(messages::git_unexpected("stdin")))?
        .fail_as(messages::git_unrunnable)?;
    child.wait()?;
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// The output of a git command; `None` when git says no.
fn run(command: &mut Command) -> Result<Option<Vec<u8>>> {
    let out = command
        .stderr(Stdio::null())
        .output()
        .fail_as(messages::git_unrunnable)?;
    Ok(out.status.success().then_some(out.stdout))
}

/// The jobs for the given files, as the walk of the working tree queues them, and the
/// folders of `system/` that hold standards but no `_index.md`.
pub(super) fn jobs(
    root: &Path,
    files: &[(String, Vec<u8>)],
    findings: &mut Vec<Finding>,
) -> Result<(Vec<Job>, Vec<Category>)> {
    let mut jobs = Vec::new();
    let paths: BTreeSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    for (i, (path, _)) in SCOPE_FILES.iter().enumerate() {
        if paths.contains(path) {
            jobs.push(Job::Scope(i));
        }
    }
    if paths.contains("records/staff.toml") {
        jobs.push(Job::Staff);
    }
    // Folder of `system/` → (depth under its subsystem, has `_index.md`, has content).
    let mut dirs: BTreeMap<&str, (usize, bool, bool)> = BTreeMap::new();
    let mut any_system = false;
    for &path in &paths {
        let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
        let ext = match file_name(std::ffi::OsStr::new(name), path) {
            Ok(ext) => ext,
            Err(f) => {
                findings.push(*f);
                continue;
            }
        };
        match dir {
            "records/inspections" if ext == Some("toml") => {
                jobs.push(Job::Inspections(path.to_owned()))
            }
            "records/trainings" if ext == Some("toml") => {
                jobs.push(Job::Trainings(path.to_owned()))
            }
            "records/surveys" if ext == Some("toml") => jobs.push(Job::Surveys(path.to_owned())),
            "records/audits" if ext == Some("md") => jobs.push(Job::Audit(path.to_owned())),
            "system" => {
                any_system = true;
                if let Some(ext) = ext {
                    jobs.push(Job::Standard {
                        path: path.to_owned(),
                        kind: kind_of(ext),
                    });
                }
            }
            _ if dir.starts_with("system/") => {
                any_system = true;
                // Every folder from the subsystem down to `dir`; each holds the next.
                let parts: Vec<&str> = dir.split('/').collect();
                for depth in 1..parts.len() {
                    let end = parts[..=depth].iter().map(|p| p.len() + 1).sum::<usize>() - 1;
                    let entry = dirs.entry(&dir[..end]).or_insert((depth - 1, false, false));
                    if depth + 1 < parts.len() {
                        entry.2 = true;
                    }
                }
                let entry = dirs.get_mut(dir).expect("inserted");
                if name == "_index.md" {
                    entry.1 = true;
                } else if let Some(ext) = ext {
                    entry.2 = true;
                    jobs.push(Job::Standard {
                        path: path.to_owned(),
                        kind: kind_of(ext),
                    });
                }
            }
            _ => {}
        }
    }
    if !any_system {
        return Err(fail(messages::no_system_dir(root)));
    }
    let mut unindexed = Vec::new();
    for (dir, (depth, has_index, has_content)) in dirs {
        if has_index {
            jobs.push(Job::Category {
                dir: dir.to_owned(),
                depth,
            });
        } else if has_content {
            unindexed.push(Category {
                dir: dir.to_owned(),
                index: None,
                code: None,
                title: None,
                depth,
            });
        }
    }
    Ok((jobs, unindexed))
}

/// The Markdown bodies of the standards of `repo` that have a text, by path, read through
/// `input` (the working tree, or the files of a revision); a text that cannot be read is
/// left out.
pub fn standard_texts(
    input: &super::Input,
    repo: &crate::model::Repository,
) -> BTreeMap<String, String> {
    use rayon::prelude::*;
    repo.standards
        .par_iter()
        .filter(|s| s.has_text && s.file == crate::model::FileKind::Markdown)
        .filter_map(|s| Some((s.path.clone(), super::body(input, &s.path).ok()?.0)))
        .collect()
}
