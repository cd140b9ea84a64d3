//! `stdkit log` over a repository with a scripted history: a standard renumbered (git mv)
//! keeps its earlier commits, a whitespace-only commit is marked, a commit after `--as-of`
//! is left out, authors go through `.mailmap`, old commit messages in GBK (with and without
//! the commit's `encoding` header) read as Chinese; the standard's own `[[revision]]` rows
//! are listed too.

mod common;
#[path = "common/history.rs"]
mod history;

use std::path::{Path, PathBuf};

use common::{scratch, stdkit};
use history::{Author, Scripted};

const LI_OLD: Author = Author("liming", "liming@old.example");
const WANG: Author = Author("王芳", "wangfang@center.example");

fn gbk(text: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(text).0.into_owned()
}

const FIRST: &str = "\
+++
no = \"101-01\"
title = \"首问负责制\"
level = \"internal\"
origin = \"formulated\"
status = \"in-force\"
code = \"Q/AQZW 10101-2014\"
published = 2014-01-10
effective = 2014-02-01

[[revision]]
version = \"A/0\"
date = 2014-01-10
note = \"首次发布\"

[[revision]]
version = \"A/1\"
date = 2014-02-10
note = \"修订第4章\"
+++

## 1 范围

本文件规定了首问负责制的要求。

## 4 首问责任人

首位接待的工作人员为首问责任人。
";

fn second(no: &str, formerly: &str) -> String {
    format!(
        "+++\nno = \"{no}\"\ntitle = \"一次性告知制\"\nlevel = \"internal\"\norigin = \"formulated\"\n\
         status = \"in-force\"\ncode = \"Q/AQZW 10102-2014\"\npublished = 2014-01-10\n{formerly}+++\n\n\
         ## 1 范围\n\n本文件规定了一次性告知的内容和方式。\n\n## 2 告知内容\n\n\
         窗口工作人员应一次性告知服务对象办理事项所需的全部材料、办理程序和办理时限。\n\n\
         ## 3 告知方式\n\n告知可采用口头、书面或电子方式，书面告知应使用统一的告知单。\n"
    )
}

const DIR: &str = "system/1-通用基础标准体系/101-标准化导则";

/// The scripted repository: see the module comment; `--as-of 2014-12-31` leaves out the
/// last commit.
fn fixture(root: &Path) -> PathBuf {
    let r = Scripted::init(root);
    r.write(
        "stdkit.toml",
        "[center]\nname = \"安庆市政务服务中心\"\n\n[numbering]\ninternal-prefix = \"Q/AQZW\"\n",
    );
    r.write(
        "system/1-通用基础标准体系/_index.md",
        "+++\ncode = \"1\"\ntitle = \"通用基础标准体系\"\n+++\n",
    );
    r.write(
        format!("{DIR}/_index.md"),
        "+++\ncode = \"101\"\ntitle = \"标准化导则\"\n+++\n",
    );
    let first = format!("{DIR}/101-01-首问负责制.md");
    r.write(
        &first,
        FIRST.replace(
            "\n[[revision]]\nversion = \"A/1\"\ndate = 2014-02-10\nnote = \"修订第4章\"\n",
            "",
        ),
    );
    r.write(
        format!("{DIR}/101-02-一次性告知制.md"),
        second("101-02", ""),
    );
    r.commit(
        "2014-01-10",
        LI_OLD,
        "新增首问负责制、一次性告知制\n".as_bytes(),
        None,
    );

    // An old Windows client: the message in GBK, and the commit says so.
    r.write(&first, FIRST.replace("首位接待", "首位接待或接听电话"));
    r.commit(
        "2014-02-10",
        LI_OLD,
        &gbk("修订首问负责制第4章\n"),
        Some("GBK"),
    );

    // Whitespace only, and a message in GBK without the header.
    r.write(
        &first,
        FIRST
            .replace("首位接待", "首位接待或接听电话")
            .replace("## 1 范围\n", "## 1 范围  \n")
            .replace("\n\n本文件规定了首问", "\n\n  本文件规定了首问"),
    );
    r.commit_raw("2014-03-10", WANG, &gbk("调整首问负责制的排版格式\n"));

    // Renumbered: the file moves, `no` changes, the former number is kept.
    r.mv(
        &format!("{DIR}/101-02-一次性告知制.md"),
        &format!("{DIR}/101-03-一次性告知制.md"),
    );
    r.write(
        format!("{DIR}/101-03-一次性告知制.md"),
        second("101-03", "formerly = [\"101-02\"]\n"),
    );
    r.write(
        ".mailmap",
        "李明 <liming@center.example> <liming@old.example>\n",
    );
    r.commit(
        "2014-04-10",
        WANG,
        "一次性告知制改为 101-03\n".as_bytes(),
        None,
    );

    // After the as-of date of the tests.
    r.write(
        &first,
        FIRST
            .replace("首位接待", "首位接待或接听电话")
            .replace("要求。", "要求和考核。"),
    );
    r.commit(
        "2015-02-01",
        WANG,
        "2015 年修订首问负责制\n".as_bytes(),
        None,
    );
    r.root.clone()
}

fn ok(o: &std::process::Output) -> String {
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(o));
    assert_eq!(common::stderr(o), "");
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn log_lists_every_standard_with_renames_reformats_mailmap_and_gbk() {
    let tmp = scratch("log-all");
    let repo = fixture(&tmp.join("repo"));
    let out = ok(&stdkit(&repo, &["log", "--as-of", "2014-12-31"]));
    // 101-03 was 101-02 until 2014-04-10: its first commit is kept; the 2015 commit is
    // after the as-of date; `liming` is 李明 through the mailmap.
    assert_eq!(
        out,
        "\
101-01 首问负责制  system/1-通用基础标准体系/101-标准化导则/101-01-首问负责制.md
  2014-03-10  3e267fb  王芳  调整首问负责制的排版格式  [仅格式调整]
  2014-02-10  0e798a8  李明  修订首问负责制第4章
  2014-01-10  7266ac0  李明  新增首问负责制、一次性告知制
  修订记录（标准文件所载）
    A/0  2014-01-10  首次发布
    A/1  2014-02-10  修订第4章

101-03 一次性告知制  system/1-通用基础标准体系/101-标准化导则/101-03-一次性告知制.md
  2014-04-10  3e14a0c  王芳  一次性告知制改为 101-03
  2014-01-10  7266ac0  李明  新增首问负责制、一次性告知制
"
    );
    let later = ok(&stdkit(
        &repo,
        &["log", "101-01", "--as-of", "2015-12-31", "--lang", "en"],
    ));
    assert!(later.contains("  2015-02-01  "), "{later}");
    assert!(later.contains("[reformat only]"), "{later}");
}

#[test]
fn log_of_a_former_number_gives_the_renumbered_standard_as_json() {
    let tmp = scratch("log-json");
    let repo = fixture(&tmp.join("repo"));
    let out = ok(&stdkit(
        &repo,
        &["log", "101-02", "--as-of", "2014-12-31", "--format", "json"],
    ));
    // Asked by its former number, the standard answers with its current one and the commits
    // of both its paths.
    assert_eq!(
        out,
        r#"{
  "as-of": "2014-12-31",
  "standards": [
    {
      "commits": [
        {
          "author": "王芳",
          "date": "2014-04-10",
          "hash": "3e14a0c1750d2350d80eec37cc971d1e8eb4d06f",
          "reformat": false,
          "subject": "一次性告知制改为 101-03"
        },
        {
          "author": "李明",
          "date": "2014-01-10",
          "hash": "7266ac014cb3b02bf1ed54c997e8bb94a4c7d979",
          "reformat": false,
          "subject": "新增首问负责制、一次性告知制"
        }
      ],
      "no": "101-03",
      "path": "system/1-通用基础标准体系/101-标准化导则/101-03-一次性告知制.md",
      "revisions": [],
      "title": "一次性告知制"
    }
  ]
}
"#
    );
}

#[test]
fn log_without_git_says_so_and_fails() {
    let tmp = scratch("log-no-git");
    let repo = tmp.join("repo");
    common::copy_dir(
        &common::project("tests/cmd/check-reports-impossible-date.in"),
        &repo,
    );
    let o = stdkit(&repo, &["log", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = common::stderr(&o);
    assert!(err.contains("is not in a git repository"), "{err}");
}

#[test]
fn the_dossier_history_shows_the_same_commits_and_the_revision_rows() {
    let tmp = scratch("log-dossier");
    let repo = fixture(&tmp.join("repo"));
    let out = tmp.join("out");
    let o = common::dossier_with(&repo, &out, &["--draft"]);
    assert!(o.status.code() != Some(2), "{}", common::stderr(&o));
    let html = std::fs::read_to_string(out.join("dossier.html")).unwrap();
    let at = html.find("标准修订记录").expect("a history section");
    let history = &html[at..];
    for text in [
        "调整首问负责制的排版格式（仅格式调整）",
        "修订首问负责制第4章",
        "一次性告知制改为 101-03",
        "3e267fb",
        "A/1",
        "修订第4章",
        "李明",
    ] {
        assert!(history.contains(text), "{text} not in the history section");
    }
    assert!(!html.contains("2015 年修订首问负责制"));
    assert!(!html.contains("liming"));
}
