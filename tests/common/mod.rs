//! Helpers shared by the integration tests: scratch directories (removed even when a test
//! fails) and copies of the shipped repositories. Each test file uses some of them.
#![allow(
    dead_code,
    reason = "each test crate uses a different part of the helpers"
)]

use std::ffi::OsStr;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh, empty scratch directory, removed when the guard is dropped: at the end of the
/// test, and also when an assertion fails, since the panic drops it while unwinding. It reads
/// as its path (`tmp.join("out")`, `&tmp`, `tmp.clone()` gives the `PathBuf`).
pub struct Scratch {
    path: PathBuf,
    _dir: tempfile::TempDir,
}

impl Deref for Scratch {
    type Target = PathBuf;

    fn deref(&self) -> &PathBuf {
        &self.path
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.path
    }
}

impl AsRef<OsStr> for Scratch {
    fn as_ref(&self) -> &OsStr {
        self.path.as_os_str()
    }
}

/// A scratch directory for one test, `stdkit-test-{name}-XXXXXX` in the system's temporary
/// directory: a path in a failure message says which test it belongs to.
pub fn scratch(name: &str) -> Scratch {
    let dir = tempfile::Builder::new()
        .prefix(&format!("stdkit-test-{name}-"))
        .tempdir()
        .unwrap();
    Scratch {
        path: dir.path().to_path_buf(),
        _dir: dir,
    }
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
pub fn example_copy(name: &str, example: &str) -> (Scratch, PathBuf) {
    let tmp = scratch(name);
    let repo = tmp.join("repo");
    copy_dir(&project(example), &repo);
    (tmp, repo)
}

/// The stdkit binary as a command in the locale the tests expect, whatever the machine's:
/// Chinese (`LANG=C.UTF-8`, no `LC_ALL` or `LC_MESSAGES`), unless the test sets its own.
pub fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_stdkit"));
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    command
}

/// Runs `stdkit -C repo ARGS…`.
pub fn stdkit(repo: &Path, args: &[&str]) -> Output {
    bin().arg("-C").arg(repo).args(args).output().unwrap()
}

/// Runs `dossier -o out --as-of 2014-12-31` on `repo`.
pub fn dossier(repo: &Path, out: &Path) -> Output {
    dossier_with(repo, out, &[])
}

/// Runs `dossier -o out --as-of 2014-12-31` and `extra` (such as `--draft`) on `repo`.
pub fn dossier_with(repo: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "dossier",
        "-o",
        out.to_str().unwrap(),
        "--as-of",
        "2014-12-31",
    ];
    args.extend_from_slice(extra);
    stdkit(repo, &args)
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
