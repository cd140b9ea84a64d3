//! The directory a new repository is written into (`init`), and its `git init`.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use anyhow::Result;

use crate::finding::{FailWith, fail};
use crate::fsx::{open_words, write_words};
use crate::messages;

/// Makes sure `dir` is a directory the repository may be written into: one that is empty
/// (apart from a `.git`, as a fresh clone of an empty repository is), or one this run creates
/// because it is absent and its parent exists. Returns whether this run created it.
pub fn prepare(dir: &Path, shown: &str) -> Result<bool> {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {
            let mut entries = std::fs::read_dir(dir).fail_as(|| open_words(dir))?;
            let occupied = entries.any(|e| e.map_or(true, |e| e.file_name() != ".git"));
            if occupied {
                return Err(fail(messages::init_not_empty(shown)));
            }
            Ok(false)
        }
        Ok(_) => Err(fail(messages::init_not_dir(shown))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let parent = dir.parent().filter(|p| !p.as_os_str().is_empty());
            if !parent.is_some_and(Path::is_dir) {
                return Err(fail(messages::init_no_parent(shown)));
            }
            std::fs::create_dir(dir).fail_as(|| write_words(dir))?;
            Ok(true)
        }
        Err(e) => Err(e).fail_as(|| open_words(dir)),
    }
}

/// What became of git.
pub enum Git {
    Initialised,
    /// `dir` already lies in this work tree.
    Inside(PathBuf),
    Missing,
}

/// `git init` in `dir` unless it already lies in a work tree: with no template, so that no
/// sample hooks are copied, and through the neutralised command of `load::git`.
pub fn git_init(dir: &Path) -> Result<Git> {
    if let Some(top) = crate::load::git::top_level(dir)? {
        return Ok(Git::Inside(top));
    }
    let mut command = crate::load::git::GitCli::command(dir);
    command
        .args(["init", "--quiet", "--template="])
        .stdout(Stdio::null());
    match command.output() {
        Ok(out) if out.status.success() => Ok(Git::Initialised),
        Ok(out) => Err(fail(messages::init_git_failed(
            String::from_utf8_lossy(&out.stderr).trim(),
        ))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Git::Missing),
        Err(e) => Err(e).fail_as(messages::git_unrunnable),
    }
}
