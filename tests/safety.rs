//! What the writing commands may touch (src/output.rs) and git without side effects: every
//! refused run leaves every byte of the scratch tree — repository, `.git` and neighbours —
//! as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{dossier, stderr, stdkit};

/// A scratch directory holding a copy of `examples/minimal` as `repo`.
fn scratch(name: &str) -> (common::Scratch, PathBuf) {
    common::example_copy(&format!("safety-{name}"), "examples/minimal")
}

/// Every file and directory under `root` with its bytes.
fn snapshot(root: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .map(|e| {
            let e = e.unwrap();
            let rel = e.path().strip_prefix(root).unwrap().display().to_string();
            let bytes = e
                .file_type()
                .is_file()
                .then(|| std::fs::read(e.path()).unwrap());
            (rel, bytes)
        })
        .collect()
}

fn git_available() -> bool {
    Command::new("git").arg("--version").output().is_ok()
}

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
}

#[test]
fn dossier_refuses_the_repository_its_sources_and_what_lies_above() {
    let (tmp, repo) = scratch("refuse");
    std::fs::write(tmp.join("notes.txt"), "a centre's own file\n").unwrap();
    std::fs::create_dir(tmp.join("work")).unwrap();
    std::fs::write(tmp.join("work/plan.docx"), "not stdkit's\n").unwrap();
    let before = snapshot(&tmp);
    let targets = [
        (repo.clone(), "标准库本身或其上级目录"),
        (repo.join("."), "标准库本身或其上级目录"),
        (repo.join("system/.."), "标准库本身或其上级目录"),
        (tmp.clone(), "标准库本身或其上级目录"),
        (repo.join("system"), "源文件之中"),
        (repo.join("system/new-folder"), "源文件之中"),
        (repo.join("records"), "源文件之中"),
        (repo.join(".git"), "源文件之中"),
        (repo.join("stdkit.toml"), "不是目录"),
        (tmp.join("notes.txt"), "不是目录"),
        (tmp.join("work"), "不是 stdkit 生成的汇编目录"),
        (tmp.join("missing/out"), "不存在"),
    ];
    for (target, words) in &targets {
        let o = dossier(&repo, target);
        assert_eq!(o.status.code(), Some(2), "{}", target.display());
        assert!(
            stderr(&o).contains(words),
            "{}: {}",
            target.display(),
            stderr(&o)
        );
        assert!(
            before == snapshot(&tmp),
            "{} changed the tree",
            target.display()
        );
    }
    // Twice: a refusal leaves nothing behind that makes a later run fail differently.
    let o = dossier(&repo, &tmp.join("notes.txt"));
    assert!(stderr(&o).contains("不是目录"), "{}", stderr(&o));
    let o = common::bin()
        .arg("--lang")
        .arg("en")
        .arg("-C")
        .arg(&repo)
        .args(["dossier", "-o"])
        .arg(tmp.join("work"))
        .output()
        .unwrap();
    assert!(
        stderr(&o).contains("is not empty and is not a dossier written by stdkit"),
        "{}",
        stderr(&o)
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn dossier_replaces_only_an_empty_directory_or_its_own_previous_volume() {
    let (tmp, repo) = scratch("replace");
    let out = tmp.join("out");
    std::fs::create_dir(&out).unwrap();
    assert_eq!(dossier(&repo, &out).status.code(), Some(0));
    assert!(out.join("manifest.json").is_file());
    assert_eq!(
        dossier(&repo, &out).status.code(),
        Some(0),
        "a previous dossier"
    );

    // A file the user put in the dossier's folder is never deleted.
    std::fs::write(out.join("批注.txt"), "审核意见").unwrap();
    let before = snapshot(&tmp);
    let o = dossier(&repo, &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("批注.txt"), "{}", stderr(&o));
    assert!(before == snapshot(&tmp));

    // A `manifest.json` that is not stdkit's does not make a folder replaceable.
    let other = tmp.join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("manifest.json"), r#"{"files": []}"#).unwrap();
    assert_eq!(dossier(&repo, &other).status.code(), Some(2));
    assert!(other.join("manifest.json").is_file());

    // A folder of its own inside the repository is allowed; nothing is left beside it.
    let inside = repo.join("out");
    assert_eq!(dossier(&repo, &inside).status.code(), Some(0));
    assert_eq!(stdkit(&repo, &["check"]).status.code(), Some(0));
    let names: Vec<String> = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.contains("stdkit-")),
        "temporary files left: {names:?}"
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn concurrent_runs_are_serialized_and_readers_always_see_a_whole_dossier() {
    let (tmp, repo) = scratch("concurrent");
    let out = tmp.join("out");
    assert_eq!(dossier(&repo, &out).status.code(), Some(0));
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = {
        let (stop, out) = (stop.clone(), out.clone());
        std::thread::spawn(move || {
            let mut reads = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let manifest = std::fs::read(out.join("manifest.json"));
                assert!(manifest.is_ok(), "the dossier was missing during a swap");
                reads += 1;
            }
            reads
        })
    };
    let children: Vec<_> = (0..4)
        .map(|_| {
            common::bin()
                .arg("-C")
                .arg(&repo)
                .args(["dossier", "--as-of", "2014-12-31", "-o"])
                .arg(&out)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(reader.join().unwrap() > 0);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let mut listed: Vec<String> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_owned())
        .collect();
    listed.push("manifest.json".into());
    listed.sort();
    let mut present: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    present.sort();
    assert_eq!(present, listed);
    let names: Vec<String> = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn table_never_writes_over_a_source_or_a_file_of_another_kind() {
    let (tmp, repo) = scratch("table");
    std::fs::write(tmp.join("plan.docx"), "a centre's own document").unwrap();
    let before = snapshot(&tmp);
    for (format, target) in [
        ("xlsx", repo.join("stdkit.toml")),
        ("csv", repo.join("stdkit.toml")),
        ("csv", repo.join("table.csv")),
        ("md", repo.join("system/table.md")),
        ("xlsx", tmp.join("plan.docx")),
        ("csv", tmp.join("missing/table.csv")),
        ("json", repo.clone()),
    ] {
        let o = stdkit(
            &repo,
            &["table", "--format", format, "-o", target.to_str().unwrap()],
        );
        assert_eq!(o.status.code(), Some(2), "{format} {}", target.display());
        assert!(
            before == snapshot(&tmp),
            "{} changed the tree",
            target.display()
        );
    }
    // Its own kind of file outside the repository is written, and written again.
    let csv = tmp.join("table.csv");
    for _ in 0..2 {
        let o = stdkit(
            &repo,
            &["table", "--format", "csv", "-o", csv.to_str().unwrap()],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    assert!(std::fs::read(&csv).unwrap().starts_with(b"\xEF\xBB\xBF"));
    let o = stdkit(&repo, &["table", "--format", "xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("需要用 `-o FILE`"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn git_runs_no_program_named_by_the_repository_and_writes_no_index() {
    if !git_available() {
        return;
    }
    let (tmp, repo) = scratch("git");
    std::fs::write(repo.join(".gitattributes"), "* filter=x\n").unwrap();
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-qm", "初始"]);
    let marker = tmp.join("marker");
    let touch = format!("touch {}; false", marker.display());
    git(&repo, &["config", "core.fsmonitor", &touch]);
    git(
        &repo,
        &[
            "config",
            "filter.x.clean",
            &format!("touch {}; cat", marker.display()),
        ],
    );
    git(&repo, &["config", "core.hooksPath", tmp.to_str().unwrap()]);
    git(&repo, &["config", "log.showSignature", "true"]);
    git(&repo, &["config", "gpg.program", &touch]);
    // A modified file makes git look at the work tree (where filters and fsmonitor run).
    let readme = repo.join("stdkit.toml");
    let mut text = std::fs::read_to_string(&readme).unwrap();
    text.push_str("# 修改\n");
    std::fs::write(&readme, text).unwrap();
    let index = std::fs::read(repo.join(".git/index")).unwrap();
    let out = tmp.join("out");
    let o = dossier(&repo, &out);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        !marker.exists(),
        "git ran a program named by the repository"
    );
    assert_eq!(std::fs::read(repo.join(".git/index")).unwrap(), index);
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"dirty\": true"), "{manifest}");
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn no_history_is_never_a_failure() {
    let (tmp, repo) = scratch("nohistory");
    // Outside git, with a Chinese locale (git's messages would be translated).
    let o = common::bin()
        .env("LANG", "zh_CN.UTF-8")
        .env("LC_ALL", "zh_CN.UTF-8")
        .env("GIT_CEILING_DIRECTORIES", &tmp)
        .arg("-C")
        .arg(&repo)
        .args(["dossier", "--as-of", "2014-12-31", "-o"])
        .arg(tmp.join("a"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The history section says in one line that there is none, with no row per standard.
    let html = std::fs::read_to_string(tmp.join("a/dossier.html")).unwrap();
    assert!(
        html.contains("没有 git 提交历史"),
        "no note on the missing history"
    );
    assert!(
        !html.contains("无 git 记录"),
        "a row per standard without history"
    );
    if git_available() {
        // `git init` and no commit yet.
        git(&repo, &["init", "-q"]);
        let o = dossier(&repo, &tmp.join("b"));
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let manifest = std::fs::read_to_string(tmp.join("b/manifest.json")).unwrap();
        assert!(manifest.contains("\"commit\": null"), "{manifest}");
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
