//! Git history of a repository, read by running the `git` program once (`git log -z` with
//! explicit separators): it follows renames, applies the mailmap and re-encodes old GBK
//! commit messages, which the Rust git crates get wrong. Behind a trait so that tests and
//! repositories outside git work without it. `stdkit init` asks here whether its directory
//! is already in a work tree, and runs `git init` through the same neutralised command.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result};

use crate::model::Commit;

/// The state of a work tree.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Head {
    pub commit: Option<String>,
    pub dirty: bool,
}

/// A source of history.
pub trait History {
    /// The commit checked out and whether the tree has uncommitted changes.
    fn head(&self, root: &Path) -> Result<Head>;
    /// For each of `paths` (repository-relative), the commits that touched it, newest first,
    /// following renames back in time.
    fn log(&self, root: &Path, paths: &[String]) -> Result<BTreeMap<String, Vec<Commit>>>;
}

/// The `git` program.
pub struct GitCli;

const RECORD: char = '\u{1e}';
const FIELD: char = '\u{1f}';

impl GitCli {
    /// Runs one git command in `root` without side effects: no hooks, no fsmonitor, no
    /// filters, pagers or signature programs named by the repository's configuration, no
    /// optional index writes, messages in English whatever the locale. `None` when there is
    /// no history to read here (no git, not a repository, no commit, a repository git does not
    /// trust): that is never a failure.
    fn git(root: &Path, args: &[&str]) -> Result<Option<String>> {
        let Some(overrides) = Self::neutralised(root) else {
            return Ok(None);
        };
        let mut command = Self::command(root);
        for key in &overrides {
            command.arg("-c").arg(format!("{key}="));
        }
        let Some(out) = Self::output(command.args(args))? else {
            return Ok(None);
        };
        Ok(Some(out))
    }

    /// The configuration keys of the repository that name a program git could run, each to
    /// be set to nothing (read with `git config`, which runs none of them).
    pub(crate) fn neutralised(root: &Path) -> Option<Vec<String>> {
        let mut command = Self::command(root);
        command.args(["config", "--list", "--name-only", "-z"]);
        let names = Self::output(&mut command).ok()??;
        let mut keys: Vec<String> = names
            .split('\0')
            .filter(|k| runs_a_program(k))
            .map(str::to_owned)
            .collect();
        keys.sort();
        keys.dedup();
        Some(keys)
    }

    /// A `git` command run in `root` with no fsmonitor and no hooks, messages in English and
    /// no terminal prompt: what every git run of stdkit starts from (`stdkit init` runs
    /// `git init` with it).
    pub(crate) fn command(root: &Path) -> Command {
        let mut command = Command::new("git");
        command
            .arg("--no-pager")
            .arg("--no-optional-locks")
            .args(["-c", "core.fsmonitor=", "-c", "core.hooksPath=/dev/null"])
            .args([
                "-c",
                "log.showSignature=false",
                "-c",
                "core.untrackedCache=false",
            ])
            .arg("-C")
            .arg(root)
            .env("GIT_OPTIONAL_LOCKS", "0")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("LC_ALL", "C")
            .env("LANGUAGE", "C")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .env_remove("GIT_OBJECT_DIRECTORY")
            .env_remove("GIT_ALTERNATE_OBJECT_DIRECTORIES")
            .stdin(std::process::Stdio::null());
        command
    }

    /// The output of a git command; `None` when git is absent or says no.
    fn output(command: &mut Command) -> Result<Option<String>> {
        let out = match command.output() {
            Ok(out) => out,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e).context("failed to run `git`"),
        };
        if !out.status.success() {
            return Ok(None);
        }
        Ok(Some(String::from_utf8_lossy(&out.stdout).into_owned()))
    }
}

/// The top level of the git work tree `dir` lies in; `None` when it lies in none (or there
/// is no git, or git does not trust the repository).
pub fn top_level(dir: &Path) -> Result<Option<std::path::PathBuf>> {
    let top = GitCli::git(dir, &["rev-parse", "--show-toplevel"])?;
    Ok(top
        .map(|t| t.trim_end_matches(['\n', '\r']).to_owned())
        .filter(|t| !t.is_empty())
        .map(std::path::PathBuf::from))
}

/// Where the repository at `root` lies in the git work tree holding it, as the CI formats put it
/// before a repository-relative path (`standards/`); empty at the top level or outside git.
pub fn prefix_in_top_level(root: &Path) -> Result<String> {
    let Some(top) = top_level(root)? else {
        return Ok(String::new());
    };
    let (Ok(top), Ok(root)) = (top.canonicalize(), root.canonicalize()) else {
        return Ok(String::new());
    };
    let rel = root.strip_prefix(&top).unwrap_or(Path::new(""));
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(if parts.is_empty() {
        String::new()
    } else {
        format!("{}/", parts.join("/"))
    })
}

/// Whether a configuration key (as `git config --name-only` prints it: section and name in
/// lower case) names a program or a hook git may run.
fn runs_a_program(key: &str) -> bool {
    let (section, rest) = key.split_once('.').unwrap_or((key, ""));
    let name = rest.rsplit('.').next().unwrap_or("");
    let has_subsection = rest.contains('.');
    match (section, has_subsection) {
        ("core", false) => matches!(
            name,
            "fsmonitor"
                | "hookspath"
                | "pager"
                | "sshcommand"
                | "askpass"
                | "editor"
                | "gitproxy"
                | "alternaterefscommand"
        ),
        ("filter", true) => matches!(name, "clean" | "smudge" | "process"),
        ("diff", true) => matches!(name, "command" | "textconv"),
        ("diff", false) => name == "external",
        ("merge", true) => name == "driver",
        ("gpg", _) => name == "program",
        ("credential", _) => name == "helper",
        ("pager", _) => true,
        ("sequence", false) => name == "editor",
        ("uploadpack", false) => name == "packobjectshook",
        _ => false,
    }
}

impl History for GitCli {
    fn head(&self, root: &Path) -> Result<Head> {
        let Some(commit) = Self::git(root, &["rev-parse", "HEAD"])? else {
            return Ok(Head::default());
        };
        let status = Self::git(
            root,
            &[
                "status",
                "--porcelain",
                "--ignore-submodules=all",
                "--",
                ".",
            ],
        )?
        .unwrap_or_default();
        Ok(Head {
            commit: Some(commit.trim().to_owned()),
            dirty: !status.trim().is_empty(),
        })
    }

    fn log(&self, root: &Path, paths: &[String]) -> Result<BTreeMap<String, Vec<Commit>>> {
        let format = format!("--format={RECORD}%ad{FIELD}%aN{FIELD}%s");
        let Some(text) = Self::git(
            root,
            &[
                "log",
                "-z",
                "--name-status",
                "-M",
                "--date=short",
                "--encoding=UTF-8",
                "--relative",
                &format,
                "--",
                ".",
            ],
        )?
        else {
            return Ok(BTreeMap::new());
        };
        Ok(follow(&parse_log(&text), paths))
    }
}

/// One commit of `git log --name-status -z`: its metadata and its changes `(status, paths)`.
struct Entry {
    commit: Commit,
    changes: Vec<(String, Vec<String>)>,
}

fn parse_log(text: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    for record in text.split(RECORD).filter(|r| !r.is_empty()) {
        let (head, rest) = record.split_once('\n').unwrap_or((record, ""));
        let mut f = head.split(FIELD);
        let commit = Commit {
            date: f.next().unwrap_or("").to_owned(),
            author: f.next().unwrap_or("").to_owned(),
            subject: f.next().unwrap_or("").trim_end_matches('\0').to_owned(),
        };
        let mut tokens = rest
            .split('\0')
            .map(|t| t.trim_start_matches('\n'))
            .filter(|t| !t.is_empty());
        let mut changes = Vec::new();
        while let Some(status) = tokens.next() {
            let n = if status.starts_with('R') || status.starts_with('C') {
                2
            } else {
                1
            };
            let paths: Vec<String> = tokens.by_ref().take(n).map(str::to_owned).collect();
            changes.push((status.to_owned(), paths));
        }
        out.push(Entry { commit, changes });
    }
    out
}

/// Walks the log from newest to oldest, following each path back through its renames.
fn follow(log: &[Entry], paths: &[String]) -> BTreeMap<String, Vec<Commit>> {
    let mut name_of: BTreeMap<String, String> =
        paths.iter().map(|p| (p.clone(), p.clone())).collect();
    let mut out: BTreeMap<String, Vec<Commit>> =
        paths.iter().map(|p| (p.clone(), Vec::new())).collect();
    for entry in log {
        for (status, files) in &entry.changes {
            let (old, new) = match files.as_slice() {
                [old, new] => (Some(old), new),
                [one] => (None, one),
                _ => continue,
            };
            let Some(current) = name_of.get(new.as_str()).cloned() else {
                continue;
            };
            if let Some(commits) = out.get_mut(&current)
                && commits.last() != Some(&entry.commit)
            {
                commits.push(entry.commit.clone());
            }
            if status.starts_with('R')
                && let Some(old) = old
            {
                name_of.remove(new.as_str());
                name_of.insert(old.clone(), current);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_renames_back_in_time() {
        let text = format!(
            "{RECORD}2014-03-02{FIELD}王芳{FIELD}改编号\n\0R100\0a/101-01-x.md\0a/101-02-x.md\0\
             {RECORD}2014-03-01{FIELD}李明{FIELD}新增\n\0A\0a/101-01-x.md\0M\0a/other.md\0"
        );
        let log = parse_log(&text);
        assert_eq!(log.len(), 2);
        let h = follow(&log, &["a/101-02-x.md".to_owned()]);
        let subjects: Vec<&str> = h["a/101-02-x.md"]
            .iter()
            .map(|c| c.subject.as_str())
            .collect();
        assert_eq!(subjects, ["改编号", "新增"]);
        assert_eq!(h["a/101-02-x.md"][1].author, "李明");
    }
}
