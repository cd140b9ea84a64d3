//! `stdkit diff` end to end over a repository with scripted commits: between two commits it
//! reports exactly the standard added, the one removed, the one renumbered (through
//! `formerly`), the status change, the new edition and the changed clause; the JSON is pinned.

use std::fs;
use std::path::Path;

mod common;
#[path = "common/scripted_git.rs"]
mod scripted_git;

use common::{copy_dir, project, scratch, stderr, stdkit};
use scripted_git::ScriptedGit;

const BASIC: &str = "system/1-通用基础标准体系/101-标准化导则";
const SERVICE: &str = "system/2-服务提供标准体系/201-服务规范";

/// The fixture: the valid repository of the CLI cases in `中心/` of a git work tree, committed
/// as `v1`, then changed and committed as `v2`.
fn fixture(top: &Path) -> (ScriptedGit, std::path::PathBuf) {
    fs::create_dir_all(top).unwrap();
    let repo = top.join("中心");
    copy_dir(
        &project("tests/cmd/check-accepts-a-valid-repository.in"),
        &repo,
    );
    let mut git = ScriptedGit::init(top);
    git.commit_all("标准库初稿", "v1");

    // A new edition of 101-01, which is superseded by it.
    let b = repo.join(BASIC);
    fs::write(
        b.join("101-04-标准化工作导则第1部分2020版.toml"),
        "no = \"101-04\"\ntitle = \"标准化工作导则 第1部分：标准化文件的结构和起草规则\"\n\
         level = \"national\"\norigin = \"adopted\"\nstatus = \"in-force\"\n\
         code = \"GB/T 1.1-2020\"\nkind = \"basic\"\nreplaces = [\"GB/T 1.1-2009\"]\n",
    )
    .unwrap();
    let old = b.join("101-01-标准化工作导则第1部分.toml");
    let text = fs::read_to_string(&old).unwrap();
    fs::write(
        &old,
        text.replace("status = \"in-force\"", "status = \"superseded\""),
    )
    .unwrap();
    // A standard removed.
    fs::remove_file(b.join("101-03-标准制修订工作规范.md")).unwrap();
    // A standard renumbered, keeping its old number.
    let s = repo.join(SERVICE);
    let text = fs::read_to_string(s.join("201-02-一次性告知制.md")).unwrap();
    fs::remove_file(s.join("201-02-一次性告知制.md")).unwrap();
    fs::write(
        s.join("201-03-一次性告知制.md"),
        text.replace(
            "no = \"201-02\"",
            "no = \"201-03\"\nformerly = [\"201-02\"]",
        ),
    )
    .unwrap();
    // One clause of a text rewritten.
    let first = s.join("201-01-首问负责制.md");
    let text = fs::read_to_string(&first).unwrap();
    fs::write(
        &first,
        text.replace("应当场受理或解答", "应当场受理、解答并登记"),
    )
    .unwrap();
    git.commit_all("新版本、删除、重新编号与条文修改", "v2");
    (git, repo)
}

const EXPECTED: &str = r###"{
  "added": [
    {
      "code": "GB/T 1.1-2020",
      "no": "101-04",
      "status": "in-force",
      "title": "标准化工作导则 第1部分：标准化文件的结构和起草规则"
    }
  ],
  "clauses": [
    {
      "changes": [
        {
          "change": "changed",
          "heading": "## 5 工作要求"
        }
      ],
      "no": "201-01",
      "title": "首问负责制"
    }
  ],
  "editions": [
    {
      "code": "GB/T 1.1-2020",
      "no": "101-04",
      "replaced_no": "101-01",
      "replaces": "GB/T 1.1-2009",
      "title": "标准化工作导则 第1部分：标准化文件的结构和起草规则"
    }
  ],
  "fields": [],
  "from": "v1",
  "rates": [
    {
      "key": "coverage",
      "new": "75.0%",
      "old": "75.0%"
    },
    {
      "key": "implementation",
      "new": "50.0%",
      "old": "66.7%"
    },
    {
      "key": "completeness",
      "new": "66.7%",
      "old": "75.0%"
    }
  ],
  "removed": [
    {
      "code": "Q/AQZW 10103-2014",
      "no": "101-03",
      "status": "in-force",
      "title": "标准制修订工作规范"
    }
  ],
  "renumbered": [
    {
      "by": "formerly",
      "new": "201-03",
      "old": "201-02",
      "title": "一次性告知制"
    }
  ],
  "status": [
    {
      "new": "superseded",
      "no": "101-01",
      "old": "in-force",
      "title": "标准化工作导则 第1部分：标准的结构和编写"
    }
  ],
  "to": "v2"
}"###;

#[test]
fn diff_between_two_commits_reports_exactly_what_changed() {
    let tmp = scratch("diff-two-commits");
    let (_git, repo) = fixture(&tmp);
    let out = stdkit(&repo, &["diff", "v1", "v2", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = String::from_utf8(out.stdout).unwrap();
    assert_eq!(json.trim_end(), EXPECTED);
}

#[test]
fn diff_against_the_working_tree_names_fields_and_renumbering_by_code() {
    let tmp = scratch("diff-working-tree");
    let (git, repo) = fixture(&tmp);
    let index = tmp.join(".git/index");
    let before = fs::metadata(&index).unwrap().modified().unwrap();
    // 201-01 moves to 201-05 without `formerly` (its code stays), and changes its unit.
    let s = repo.join(SERVICE);
    let text = fs::read_to_string(s.join("201-01-首问负责制.md")).unwrap();
    fs::remove_file(s.join("201-01-首问负责制.md")).unwrap();
    let text = text
        .replace("no = \"201-01\"", "no = \"201-05\"")
        .replace("unit = \"综合受理窗口\"", "unit = \"政务服务科\"");
    fs::write(s.join("201-05-首问负责制.md"), text).unwrap();

    let out = stdkit(&repo, &["diff", "v2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("标准体系变化：v2 → 工作区\n"), "{text}");
    assert!(
        text.contains("重新编号（1）\n  201-01 → 201-05 首问负责制（据标准编号）\n"),
        "{text}"
    );
    assert!(
        text.contains("元数据变化（1）\n  201-05 首问负责制：unit: 综合受理窗口 → 政务服务科\n"),
        "{text}"
    );
    assert!(
        !text.contains("新增标准") && !text.contains("删除标准"),
        "{text}"
    );
    // The inspections still name 201-01, which no standard answers to without `formerly`.
    assert!(text.contains("  标准实施率：50.0% → 0.0%\n"), "{text}");

    let md = stdkit(
        &repo,
        &["diff", "v1", "v2", "--format", "md", "--lang", "en"],
    );
    assert!(md.status.success(), "{}", stderr(&md));
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.starts_with("## Changes in the standard system: v1 → v2\n"),
        "{md}"
    );
    assert!(md.contains("### Changed clauses of the text (1)\n\n- 201-01 首问负责制: `## 5 工作要求` (changed)\n"), "{md}");
    assert!(
        md.contains("| | v1 | v2 |\n|---|---|---|\n| standardization coverage | 75.0% | 75.0% |\n"),
        "{md}"
    );

    // Reading revisions wrote nothing in git's index and changed nothing in the tree.
    assert_eq!(fs::metadata(&index).unwrap().modified().unwrap(), before);
    assert!(git.git(&["status", "--porcelain"]).contains("201-05"));
}

#[test]
fn diff_refuses_a_repository_outside_git_and_an_unknown_revision() {
    let tmp = scratch("diff-refusals");
    let repo = tmp.join("repo");
    copy_dir(
        &project("tests/cmd/check-accepts-a-valid-repository.in"),
        &repo,
    );
    let out = stdkit(&repo, &["diff", "HEAD"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("不在 git 仓库中"), "{}", stderr(&out));

    let (_git, repo) = fixture(&tmp.join("git"));
    for rev in ["no-such-tag", "--output=/tmp/x", "v1..v2"] {
        let out = stdkit(&repo, &["diff", "--", rev]);
        assert_eq!(out.status.code(), Some(2), "{rev}");
        assert!(
            stderr(&out).contains("git 中没有版本"),
            "{rev}: {}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty());
    }
}

/// The files of a repository as a revision gives them: every file under `dir`, by
/// repository-relative path.
fn files_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap();
            let rel = rel.to_str().unwrap().replace('\\', "/");
            files.push((rel, fs::read(entry.path()).unwrap()));
        }
    }
    files
}

#[test]
fn given_files_load_as_the_working_tree_does() {
    for example in ["tests/cmd/check-accepts-a-valid-repository.in", "standards"] {
        let dir = project(example);
        let disk = stdkit::load::load(&dir).unwrap();
        let given = stdkit::load::load_files(&dir, files_of(&dir)).unwrap();
        let parts = |l: &stdkit::load::Loaded| {
            [
                format!("{:?}", l.repo.standards),
                format!("{:?}", l.repo.categories),
                format!("{:?}", l.repo.records),
                format!("{:?}", l.repo.scope),
                format!("{:?}", l.findings),
            ]
        };
        for (given, disk) in parts(&given).iter().zip(parts(&disk).iter()) {
            assert_eq!(given, disk, "{example}");
        }
    }
}

#[test]
fn diff_refuses_a_revision_from_before_the_repository() {
    let tmp = scratch("diff-before");
    fs::write(tmp.join("README.md"), "工作区说明\n").unwrap();
    let mut git = ScriptedGit::init(&tmp);
    git.commit_all("说明", "v0");
    let repo = tmp.join("中心");
    copy_dir(
        &project("tests/cmd/check-accepts-a-valid-repository.in"),
        &repo,
    );
    git.commit_all("标准库", "v1");
    let out = stdkit(&repo, &["diff", "v0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("版本 `v0` 中还没有这个标准库"),
        "{}",
        stderr(&out)
    );
    let out = stdkit(&repo, &["diff", "v1", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["to"], "working-tree");
    assert_eq!(json["added"], serde_json::json!([]));
    assert_eq!(json["clauses"], serde_json::json!([]));
}

#[test]
fn the_dossier_prints_the_changes_since_the_revision_it_names() {
    let tmp = scratch("diff-dossier-changes");
    let (_git, repo) = fixture(&tmp);
    let manifest = repo.join("stdkit.toml");
    let mut text = fs::read_to_string(&manifest).unwrap();
    text.push_str("\n[dossier]\nchanges-since = \"v1\"\nsections = [\"cover\", \"changes\"]\n");
    fs::write(&manifest, text).unwrap();
    let out = tmp.join("out");
    // The fixture's second state has an error (a record names the removed 101-03).
    let o = common::dossier_with(&repo, &out, &["--draft"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        stderr(&o)
    );
    let html = fs::read_to_string(out.join("dossier.html")).unwrap();
    assert!(html.contains("标准体系变化：v1 → 工作区"), "{html}");
    assert!(html.contains("201-02 → 201-03"), "{html}");
    assert!(html.contains("101-03"), "{html}");
    // The revision's files were read from git: the working tree is as it was.
    let status = std::process::Command::new("git")
        .args([
            "-c",
            "core.quotepath=off",
            "status",
            "--porcelain",
            "--untracked-files=no",
        ])
        .current_dir(&repo)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&status.stdout).trim(),
        "M 中心/stdkit.toml"
    );
}
