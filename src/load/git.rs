//! Git history of a repository, read by running the `git` program once (`git log -z` with
//! explicit separators): it follows renames, applies the mailmap and re-encodes old GBK
//! commit messages, which the Rust git crates get wrong. Behind a trait so that tests and
//! repositories outside git work without it. `stdkit init` asks here whether its directory
//! is already in a work tree, and runs `git init` through the same neutralised command.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::finding::FailWith;

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

    /// [`GitCli::git`] for output that is not text: a log's messages and paths, decoded
    /// field by field.
    fn git_bytes(root: &Path, args: &[&str]) -> Result<Option<Vec<u8>>> {
        let Some(overrides) = Self::neutralised(root) else {
            return Ok(None);
        };
        let mut command = Self::command(root);
        for key in &overrides {
            command.arg("-c").arg(format!("{key}="));
        }
        Self::bytes(command.args(args))
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
        Ok(Self::bytes(command)?.map(|b| String::from_utf8_lossy(&b).into_owned()))
    }

    /// The raw output of a git command; `None` when git is absent or says no.
    fn bytes(command: &mut Command) -> Result<Option<Vec<u8>>> {
        let out = match command.output() {
            Ok(out) => out,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e).fail_as(crate::messages::git_unrunnable),
        };
        if !out.status.success() {
            return Ok(None);
        }
        Ok(Some(out.stdout))
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
        let format = format!("--format={MARK}%x00%H%x00%ad%x00%aN%x00%s");
        let Some(bytes) = Self::git_bytes(
            root,
            &[
                "log",
                "-z",
                "--raw",
                "--numstat",
                "--ignore-all-space",
                "--ignore-blank-lines",
                "-M",
                // Never a parent before its children, so renames are met newest first.
                "--date-order",
                "--no-color",
                "--no-ext-diff",
                "--no-textconv",
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
        Ok(follow(&parse_log(&bytes), paths))
    }
}

/// Marks the start of a commit in the log: the first NUL-separated field of the format.
const MARK: &str = "\u{1}stdkit-commit";

/// One file a commit touched: its status letter (`A`, `M`, `D`, `R`…), its path before (for
/// a rename) and after, and whether its change is only whitespace.
struct Change {
    status: u8,
    old: Option<String>,
    path: String,
    reformat: bool,
}

/// One commit of the log: its metadata and the files it touched.
struct Entry {
    commit: Commit,
    changes: Vec<Change>,
}

/// Parses `git log -z --raw --numstat --ignore-all-space --ignore-blank-lines` with the
/// header fields NUL-separated after [`MARK`]. The raw part lists every touched file; the
/// numstat part leaves out a modified file whose change is only whitespace (spaces within
/// lines, blank lines added or removed), which makes it a reformat.
/// A state machine over NUL-separated tokens: paths are only ever read where raw or numstat
/// entries put them, so no path or subject can pass for a header.
fn parse_log(bytes: &[u8]) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let mut tokens = bytes.split(|b| *b == 0).map(|t| {
        let start = t.iter().position(|b| *b != b'\n').unwrap_or(t.len());
        &t[start..]
    });
    // The paths each commit's numstat named (the new path of a rename): a set, since a first
    // import touches every file at once.
    let mut counted: HashSet<String> = HashSet::new();
    let close = |entry: Option<&mut Entry>, counted: &mut HashSet<String>| {
        if let Some(entry) = entry {
            for change in &mut entry.changes {
                change.reformat = change.status == b'M' && !counted.contains(&change.path);
            }
        }
        counted.clear();
    };
    while let Some(token) = tokens.next() {
        if token.is_empty() {
            continue;
        }
        if token == MARK.as_bytes() {
            close(out.last_mut(), &mut counted);
            let mut field = || text(tokens.next().unwrap_or_default());
            let hash = field();
            let date = field();
            let author = field();
            let subject = field();
            out.push(Entry {
                commit: Commit {
                    hash,
                    date,
                    author,
                    subject,
                    reformat: false,
                },
                changes: Vec::new(),
            });
        } else if token.starts_with(b":") {
            let status = token.rsplit(|b| *b == b' ').next().unwrap_or_default();
            let status = status.first().copied().unwrap_or(b'?');
            let first = path(tokens.next().unwrap_or_default());
            let (old, path) = if matches!(status, b'R' | b'C') {
                (Some(first), path(tokens.next().unwrap_or_default()))
            } else {
                (None, first)
            };
            if let Some(entry) = out.last_mut() {
                entry.changes.push(Change {
                    status,
                    old,
                    path,
                    reformat: false,
                });
            }
        } else {
            // `added<TAB>deleted<TAB>path`, or `added<TAB>deleted<TAB>` then the two paths of a
            // rename.
            let named = token.splitn(3, |b| *b == b'\t').nth(2).unwrap_or_default();
            if named.is_empty() {
                let _old = tokens.next();
                counted.insert(path(tokens.next().unwrap_or_default()));
            } else {
                counted.insert(path(named));
            }
        }
    }
    close(out.last_mut(), &mut counted);
    out
}

/// A header field: UTF-8 as git re-encoded it (`--encoding=UTF-8` converts a commit that
/// names its encoding); bytes still invalid are read as GB18030 when they look like it (an
/// old Windows commit that did not say), else mended lossily.
fn text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => match super::encoding::guess(bytes) {
            super::encoding::Guess::Legacy(_) => {
                let (s, _, _) = encoding_rs::GB18030.decode(bytes);
                s.into_owned()
            }
            _ => String::from_utf8_lossy(bytes).into_owned(),
        },
    }
}

/// A path as `-z` gives it (unquoted).
fn path(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Walks the log from newest to oldest, following each path back through its renames: a
/// map from each path to the current path it became. A file added at a path ends that
/// path's story: an older file at the same path was another one.
fn follow(log: &[Entry], paths: &[String]) -> BTreeMap<String, Vec<Commit>> {
    let mut name_of: BTreeMap<&str, &str> =
        paths.iter().map(|p| (p.as_str(), p.as_str())).collect();
    let mut out: BTreeMap<String, Vec<Commit>> =
        paths.iter().map(|p| (p.clone(), Vec::new())).collect();
    for entry in log {
        // Per current path: whether every change of this commit to it was a reformat.
        let mut touched: BTreeMap<&str, bool> = BTreeMap::new();
        let mut renames: Vec<(&str, &str)> = Vec::new();
        let mut added: Vec<&str> = Vec::new();
        for change in &entry.changes {
            let Some(current) = name_of.get(change.path.as_str()).copied() else {
                continue;
            };
            let all = touched.entry(current).or_insert(true);
            *all &= change.reformat;
            match (&change.old, change.status) {
                (Some(old), b'R') => renames.push((change.path.as_str(), old.as_str())),
                (_, b'A') => added.push(change.path.as_str()),
                _ => {}
            }
        }
        for (current, reformat) in touched {
            if let Some(commits) = out.get_mut(current) {
                let mut commit = entry.commit.clone();
                commit.reformat = reformat;
                commits.push(commit);
            }
        }
        for path in added {
            name_of.remove(path);
        }
        for (new, old) in renames {
            if let Some(current) = name_of.remove(new) {
                name_of.insert(old, current);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(hash: &str, date: &str, author: &str, subject: &str) -> String {
        format!("{MARK}\0{hash}\0{date}\0{author}\0{subject}\0\n")
    }

    #[test]
    fn follows_renames_back_in_time_and_marks_reformats() {
        let text = [
            header("c3", "2014-03-03", "王芳", "改编号"),
            ":100644 100644 a b R100\0a/101-01-x.md\0a/101-02-x.md\0".to_owned(),
            "0\t0\t\0a/101-01-x.md\0a/101-02-x.md\0".to_owned(),
            header("c2", "2014-03-02", "李明", "排版"),
            ":100644 100644 a b M\0a/101-01-x.md\0".to_owned(),
            ":100644 100644 a b M\0a/other.md\0".to_owned(),
            "1\t1\ta/other.md\0".to_owned(),
            header("c1", "2014-03-01", "李明", "新增"),
            ":000000 100644 0 a A\0a/101-01-x.md\0".to_owned(),
            "3\t0\ta/101-01-x.md\0".to_owned(),
            header("c0", "2014-02-01", "李明", "旧文件"),
            ":000000 100644 0 a A\0a/101-01-x.md\0".to_owned(),
            "3\t0\ta/101-01-x.md\0".to_owned(),
        ]
        .concat();
        let log = parse_log(text.as_bytes());
        assert_eq!(log.len(), 4);
        let h = follow(&log, &["a/101-02-x.md".to_owned(), "a/other.md".to_owned()]);
        let seen: Vec<(&str, bool)> = h["a/101-02-x.md"]
            .iter()
            .map(|c| (c.subject.as_str(), c.reformat))
            .collect();
        // The older file once at the old path (added in c0, before c1 added it anew) is
        // another story.
        assert_eq!(seen, [("改编号", false), ("排版", true), ("新增", false)]);
        assert_eq!(h["a/101-02-x.md"][2].author, "李明");
        assert!(!h["a/other.md"][0].reformat);
    }

    #[test]
    fn a_subject_or_path_that_looks_like_a_header_is_only_a_subject_or_path() {
        let text = [
            header("c2", "2014-03-02", "王芳", MARK),
            format!(":100644 100644 a b M\0{MARK}\0"),
            format!("1\t0\t{MARK}\0"),
            header("c1", "2014-03-01", "李明", "新增"),
            format!(":000000 100644 0 a A\0{MARK}\0"),
        ]
        .concat();
        let log = parse_log(text.as_bytes());
        assert_eq!(log.len(), 2);
        assert_eq!(log[0].commit.subject, MARK);
        assert_eq!(log[0].changes[0].path, MARK);
        assert!(!log[0].changes[0].reformat);
        let h = follow(&log, &[MARK.to_owned()]);
        assert_eq!(h[MARK].len(), 2);
    }

    #[test]
    fn a_subject_that_is_not_utf8_is_read_as_gb18030_or_mended() {
        let mut bytes = header("c1", "2014-03-01", "李明", "").into_bytes();
        let at = bytes.len() - 2;
        let (gbk, _, _) = encoding_rs::GBK.encode("修订服务规范");
        bytes.splice(at..at, gbk.iter().copied());
        let log = parse_log(&bytes);
        assert_eq!(log[0].commit.subject, "修订服务规范");
        assert_eq!(text(b"ab\xFFc"), "ab\u{FFFD}c");
    }
}
