//! `stdkit init` and `stdkit new` end to end: a new repository checks clean, its CI files are
//! YAML that runs `stdkit check`, `new` numbers standards one after another and `check` stays
//! free of errors; what `init` refuses leaves the directory as it was.

use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::{scratch, stderr, stdkit};

/// Runs `stdkit ARGS…` in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    common::bin().current_dir(dir).args(args).output().unwrap()
}

/// `stdkit init 新中心 --name … --prefix Q/AQZW` in `dir`; the new repository's path.
fn init(dir: &Path) -> std::path::PathBuf {
    let o = run_in(
        dir,
        &[
            "init",
            "新中心",
            "--name",
            "安庆市政务服务中心",
            "--prefix",
            "Q/AQZW",
            "--as-of",
            "2014-12-31",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    dir.join("新中心")
}

/// `check --format json` of `repo`: exit code and the summary's errors and warnings.
fn check(repo: &Path) -> (i32, u64, u64) {
    let o = stdkit(
        repo,
        &["check", "--as-of", "2014-12-31", "--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    (
        o.status.code().unwrap(),
        doc["summary"]["errors"].as_u64().unwrap(),
        doc["summary"]["warnings"].as_u64().unwrap(),
    )
}

fn git_available() -> bool {
    Command::new("git").arg("--version").output().is_ok()
}

#[test]
fn a_new_repository_checks_clean() {
    let tmp = scratch("init-clean");
    let repo = init(&tmp);
    assert_eq!(check(&repo), (0, 0, 0));
    let o = stdkit(
        &repo,
        &["check", "--as-of", "2014-12-31", "--deny", "warnings"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    if git_available() {
        assert!(repo.join(".git").is_dir(), "git init ran");
        assert!(!repo.join(".git/hooks").exists(), "no sample hooks copied");
    }
}

#[test]
fn the_ci_files_are_yaml_that_run_check() {
    let tmp = scratch("init-ci");
    let repo = init(&tmp);
    let read = |rel: &str| -> serde_yaml::Value {
        let text = std::fs::read_to_string(repo.join(rel)).unwrap();
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
    };
    let github = read(".github/workflows/stdkit.yml");
    assert!(github.get("on").is_some());
    let steps = github["jobs"]["check"]["steps"].as_sequence().unwrap();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(
        runs.iter().any(|r| r.starts_with("cargo install")),
        "{runs:?}"
    );
    assert_eq!(runs.last(), Some(&"stdkit check --format github"));
    assert_eq!(
        github["jobs"]["check"]["runs-on"].as_str(),
        Some("ubuntu-latest")
    );

    let gitlab = read(".gitlab-ci.yml");
    let script = gitlab["stdkit-check"]["script"].as_sequence().unwrap();
    let lines: Vec<&str> = script.iter().filter_map(|s| s.as_str()).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with("cargo install"));
    assert_eq!(lines[1], "stdkit check");
    assert!(gitlab["stdkit-check"]["image"].as_str().is_some());
}

#[test]
fn new_numbers_one_after_another_and_check_finds_no_error() {
    let tmp = scratch("init-new");
    let repo = init(&tmp);
    let category = repo.join("system/2-服务提供标准体系/201-服务规范");
    let mut written = Vec::new();
    for (arg, title) in [
        ("201", "窗口服务规范"),
        ("system/2-服务提供标准体系/201-服务规范", "首问负责制"),
        ("201-服务规范", "一次性告知制"),
    ] {
        let o = stdkit(&repo, &["new", arg, "--title", title]);
        assert!(o.status.success(), "{}", stderr(&o));
        written.push(String::from_utf8(o.stdout).unwrap());
        let (code, errors, _) = check(&repo);
        assert_eq!((code, errors), (0, 0));
    }
    assert_eq!(
        written,
        [
            "system/2-服务提供标准体系/201-服务规范/201-01-窗口服务规范.md\n",
            "system/2-服务提供标准体系/201-服务规范/201-02-首问负责制.md\n",
            "system/2-服务提供标准体系/201-服务规范/201-03-一次性告知制.md\n",
        ]
    );
    // From inside the category, `.` names it.
    let o = run_in(&category, &["new", ".", "--title", "限时办结制"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(category.join("201-04-限时办结制.md").is_file());
    // The only warnings left are the categories still empty.
    let o = stdkit(
        &repo,
        &["check", "--as-of", "2014-12-31", "--format", "short"],
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.lines()
            .filter(|l| l.contains(": warning["))
            .all(|l| l.contains("warning[category/empty]")),
        "{out}"
    );
}

#[test]
fn new_refuses_what_check_would_reject_and_writes_nothing() {
    let tmp = scratch("init-new-refuse");
    let repo = init(&tmp);
    let ok = stdkit(
        &repo,
        &[
            "new",
            "105",
            "--title",
            "服务业组织标准化工作指南 第1部分：基本要求",
            "--code",
            "GB/T 24421.1-2009",
            "--status",
            "in-force",
        ],
    );
    assert!(ok.status.success(), "{}", stderr(&ok));
    let before = files(&repo);
    for args in [
        &["new", "999", "--title", "x"][..],
        &["new", "201", "--title", " / .. "],
        &["new", "201", "--title", "x", "--code", "GB/T 24421.1—2009"],
        &["new", "201", "--title", "x", "--code", "GB50242"],
        &[
            "new",
            "201",
            "--title",
            "x",
            "--level",
            "internal",
            "--code",
            "GB/T 1.1-2009",
        ],
        &["new", "201", "--title", "x", "--code", "Q/XXZW 20101-2014"],
        &["new", "201", "--title", "x", "--status", "in-force"],
    ] {
        let o = stdkit(&repo, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).starts_with("错误："), "{args:?}: {}", stderr(&o));
    }
    assert_eq!(files(&repo), before);
}

#[test]
fn init_refuses_a_directory_that_is_not_empty_and_touches_nothing() {
    let tmp = scratch("init-occupied");
    let dir = tmp.join("occupied");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("笔记.txt"), "x").unwrap();
    let o = run_in(
        &tmp,
        &["init", "occupied", "--name", "某中心", "--prefix", "Q/MZX"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不是空目录"), "{}", stderr(&o));
    assert_eq!(files(&dir), ["笔记.txt"]);
    // Without its parent, nothing is made at all.
    let o = run_in(
        &tmp,
        &["init", "a/b", "--name", "某中心", "--prefix", "Q/MZX"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(!tmp.join("a").exists());
}

#[test]
fn init_in_a_clone_or_inside_a_work_tree_makes_no_second_git_repository() {
    if !git_available() {
        return;
    }
    let tmp = scratch("init-in-git");
    let git = |dir: &Path, args: &[&str]| {
        let o = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    };
    // A fresh clone of an empty repository: only `.git`, which is not in the way.
    let clone = tmp.join("clone");
    std::fs::create_dir(&clone).unwrap();
    git(&clone, &["init", "--quiet"]);
    let o = run_in(
        &clone,
        &["init", ".", "--name", "某中心", "--prefix", "Q/MZX"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(clone.join("stdkit.toml").is_file());
    // A folder of a larger work tree.
    let o = run_in(
        &clone,
        &["init", "sub", "--name", "某中心", "--prefix", "Q/MZX"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(clone.join("sub/stdkit.toml").is_file());
    assert!(!clone.join("sub/.git").exists());
    assert!(String::from_utf8_lossy(&o.stdout).contains("未另建 git 仓库"));
}

/// The paths of every file under `root`, `.git` aside, sorted.
fn files(root: &Path) -> Vec<String> {
    let mut all: Vec<String> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| e.file_name() != ".git")
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    all.sort();
    all
}
