//! Helpers shared by the integration tests: scratch directories and copies of the shipped
//! repositories. Each test file uses some of them.
#![allow(
    dead_code,
    reason = "each test crate uses a different part of the helpers"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh, empty scratch directory for one test of this process.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stdkit-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Copies a directory tree (files and directories only).
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A path inside this project (`examples/minimal`, `tests/cmd/…`).
pub fn project(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A copy of a shipped repository in a scratch directory: `(scratch, repository)`.
pub fn example_copy(name: &str, example: &str) -> (PathBuf, PathBuf) {
    let tmp = scratch(name);
    let repo = tmp.join("repo");
    copy_dir(&project(example), &repo);
    (tmp, repo)
}

/// Runs `stdkit -C repo ARGS…`.
pub fn stdkit(repo: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stdkit"))
        .arg("-C")
        .arg(repo)
        .args(args)
        .output()
        .unwrap()
}

/// Runs `dossier -o out --as-of 2014-12-31` on `repo`.
pub fn dossier(repo: &Path, out: &Path) -> Output {
    stdkit(
        repo,
        &[
            "dossier",
            "-o",
            out.to_str().unwrap(),
            "--as-of",
            "2014-12-31",
        ],
    )
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
