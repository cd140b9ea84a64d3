//! `renumber` on the reference repository `standards/` (with the member centres of
//! `examples/` beside it, as in the project), in a git repository of its own: only the files
//! that named the standard change, `check` stays clean and the rates do not move.

mod common;

use std::path::Path;
use std::process::Command;

use common::{copy_dir, project, scratch, stdkit};

fn git(repo: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["-c", "core.hooksPath=/dev/null", "-c", "user.name=stdkit"])
        .args([
            "-c",
            "user.email=stdkit@example.invalid",
            "-c",
            "core.quotePath=false",
        ])
        .args(args)
        .env("LC_ALL", "C")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        common::stderr(&out)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn ok(repo: &Path, args: &[&str]) -> Vec<u8> {
    let out = stdkit(repo, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        common::stderr(&out)
    );
    out.stdout
}

#[test]
fn renumber_into_another_category_changes_only_the_files_that_named_it() {
    let tmp = scratch("renumber");
    let repo = tmp.join("standards");
    copy_dir(&project("standards"), &repo);
    copy_dir(&project("examples"), &tmp.join("examples"));
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "reference"]);

    let as_of = ["--as-of", "2014-12-31"];
    let rates = |repo: &Path| ok(repo, &["rates", as_of[0], as_of[1], "--format", "json"]);
    let before = rates(&repo);
    let clean = String::from_utf8(ok(&repo, &["check", as_of[0], as_of[1]])).unwrap();

    // 104-06, the last of its category, named by two trainings and an inspection, moves to
    // the free 101-04 after the last of category 101: no gap is left in either.
    let printed = String::from_utf8(ok(&repo, &["renumber", "104-06", "101-04"])).unwrap();
    assert!(printed.contains("104-06 → 101-04"), "{printed}");

    let old = "system/1-通用基础标准体系/104-标准体系编制原则/104-06-标准体系编制与维护规范.md";
    let new = "system/1-通用基础标准体系/101-标准化管理/101-04-标准体系编制与维护规范.md";
    git(&repo, &["add", "-A"]);
    let changed = git(&repo, &["diff", "--cached", "--name-only", "--no-renames"]);
    let mut expected: Vec<String> = git(
        &repo,
        &["grep", "-l", "\"104-06\"", "HEAD", "--", "records"],
    )
    .lines()
    .map(|l| l.trim_start_matches("HEAD:").to_owned())
    .chain([old.to_owned(), new.to_owned()])
    .collect();
    expected.sort();
    assert!(expected.len() >= 4, "{expected:?}");
    assert_eq!(changed.lines().collect::<Vec<_>>(), expected);

    // Only the lines naming it: one per reference, and `no` plus `formerly` in the standard.
    let diff = git(&repo, &["diff", "--cached", "-M", "--unified=0"]);
    let lines: Vec<&str> = diff
        .lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++ ")
                && !l.starts_with("--- ")
        })
        .collect();
    assert!(lines.contains(&"+formerly = [\"104-06\"]"), "{diff}");
    assert!(
        lines.contains(&"-no = \"104-06\"") && lines.contains(&"+no = \"101-04\""),
        "{diff}"
    );
    for l in &lines {
        assert!(l.contains("104-06") || l.contains("101-04"), "{l}");
    }

    assert!(!repo.join(old).exists());
    assert_eq!(
        String::from_utf8(ok(&repo, &["check", as_of[0], as_of[1]])).unwrap(),
        clean
    );
    assert_eq!(rates(&repo), before, "rates moved");
}

#[test]
fn renumber_within_its_category_leaves_no_gap_behind() {
    let tmp = scratch("renumber-within");
    let repo = tmp.join("standards");
    copy_dir(&project("standards"), &repo);
    copy_dir(&project("examples"), &tmp.join("examples"));
    let as_of = ["--as-of", "2014-12-31"];
    let rates = |repo: &Path| ok(repo, &["rates", as_of[0], as_of[1], "--format", "json"]);
    let before = rates(&repo);
    let clean = String::from_utf8(ok(&repo, &["check", as_of[0], as_of[1]])).unwrap();
    // 201-03 (named by two inspections) after the last of its category: its old number,
    // kept in `formerly`, holds its place, so `check` reports no gap.
    ok(&repo, &["renumber", "201-03", "201-12"]);
    let dir = repo.join("system/2-服务提供标准体系/201-服务规范");
    let text = std::fs::read_to_string(dir.join("201-12-一次性告知制.md")).unwrap();
    assert!(text.contains("no = \"201-12\"\n") && text.contains("formerly = [\"201-03\"]\n"));
    assert!(!dir.join("201-03-一次性告知制.md").exists());
    let records =
        std::fs::read_to_string(repo.join("records/inspections/b-服务提供.toml")).unwrap();
    assert_eq!(records.matches("standard = \"201-12\"").count(), 2);
    assert!(!records.contains("\"201-03\""));
    assert_eq!(
        String::from_utf8(ok(&repo, &["check", as_of[0], as_of[1]])).unwrap(),
        clean
    );
    assert_eq!(rates(&repo), before, "rates moved");
}

#[test]
fn a_refused_renumber_writes_nothing() {
    let tmp = scratch("renumber-refused");
    let repo = tmp.join("standards");
    copy_dir(&project("standards"), &repo);
    // A training file that does not parse may name the old number: refused, nothing written.
    std::fs::write(
        repo.join("records/trainings/2014-12-坏.toml"),
        "[[training]\n",
    )
    .unwrap();
    let out = stdkit(&repo, &["renumber", "104-06", "101-04"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        common::stderr(&out).contains("2014-12-坏.toml"),
        "{}",
        common::stderr(&out)
    );
    assert!(
        repo.join(
            "system/1-通用基础标准体系/104-标准体系编制原则/104-06-标准体系编制与维护规范.md"
        )
        .exists()
    );
}
