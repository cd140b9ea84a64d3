//! `--lang en` is English all through: over the reference repository, the broken example and a
//! repository with git history, no line that `check`, `rates`, `table`, `tasks`, `log` or
//! `diff` prints joins its parts with full-width punctuation (`：`, `（`, `、` …; the em dash `—` is English too).
//!
//! User data keeps its own punctuation (a title such as `标准化工作导则 第1部分：标准的结构和
//! 编写`), so it is taken out of each line before the line is judged: every text of the
//! repositories' files that holds a Chinese character (whole lines, quoted values, the text
//! after `=` or a Markdown heading's `#`), whatever a message quotes in backticks, and the
//! source lines a finding shows under its gutter (`35 | …`). What is left is the tool's own
//! words and separators, and those must be ASCII.

use std::fs;
use std::path::Path;

mod common;
#[path = "common/scripted_git.rs"]
mod scripted_git;

use common::{copy_dir, project, scratch, stderr, stdkit};
use scripted_git::ScriptedGit;

/// Full-width characters that are punctuation in Chinese text.
const FULL_WIDTH: &[char] = &[
    '（', '）', '：', '，', '、', '；', '“', '”', '。', '！', '？', '【', '】',
];

/// The commands whose English output is judged, each run with `--lang en --as-of 2014-12-31`.
const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["check", "--format", "short"],
    &["check", "--format", "github"],
    &["rates"],
    &["rates", "--details"],
    &["table"],
    &["table", "--format", "md"],
    &["table", "--format", "csv"],
    &["table", "--stats"],
    &["table", "--stats", "--format", "md"],
    &["table", "--stats", "--format", "csv"],
    &["table", "--tree"],
    &["tasks"],
    &["tasks", "--format", "csv"],
    &["log"],
];

#[test]
fn the_reference_repository_in_english_has_no_full_width_punctuation() {
    let repo = project("standards");
    // Its member centres' names and titles are user data too.
    let data = UserData::of(&[&repo, &project("examples")]);
    for args in COMMANDS {
        judge(&repo, args, &data);
    }
}

#[test]
fn the_broken_example_in_english_has_no_full_width_punctuation() {
    let repo = project("examples/broken");
    let data = UserData::of(&[&repo]);
    for args in COMMANDS {
        judge(&repo, args, &data);
    }
}

#[test]
fn a_diff_and_a_log_in_english_have_no_full_width_punctuation() {
    let tmp = scratch("english-diff");
    let repo = tmp.join("中心");
    copy_dir(&project("standards"), &repo);
    let mut git = ScriptedGit::init(&tmp);
    git.commit_all("标准库初稿（第一版）", "v1");
    // A status change, a new title, a standard removed and one clause rewritten.
    let dir = repo.join("system/1-通用基础标准体系/101-标准化管理");
    let first = dir.join("101-01-标准化工作管理办法.md");
    let text = fs::read_to_string(&first).unwrap();
    fs::write(
        &first,
        text.replacen(
            "title = \"标准化工作管理办法\"",
            "title = \"标准化工作管理办法（修订）\"",
            1,
        )
        .replacen("status = \"in-force\"", "status = \"superseded\"", 1),
    )
    .unwrap();
    let second = dir.join("101-02-标准制修订程序.md");
    let text = fs::read_to_string(&second).unwrap();
    fs::write(&second, format!("{text}\n新增一段：修订说明。\n")).unwrap();
    git.commit_all("修订：101-01、101-02", "v2");

    let mut data = UserData::of(&[&tmp]);
    data.add("标准库初稿（第一版）");
    data.add("修订：101-01、101-02");
    data.add("张三");
    for args in [
        &["diff", "v1", "v2"][..],
        &["diff", "v1", "v2", "--format", "md"],
        &["diff", "v1"],
        &["log"],
        &["log", "101-01"],
    ] {
        judge(&repo, args, &data);
    }
}

/// Runs `stdkit --lang en ARGS --as-of 2014-12-31` (without `--as-of` for `diff`) and fails on
/// the first line of either stream that still holds full-width punctuation once the user data
/// is taken out. The run must not fail as a tool (exit 2), so that an error line is judged
/// rather than skipped.
fn judge(repo: &Path, args: &[&str], data: &UserData) {
    let mut all = vec!["--lang", "en"];
    all.extend(args);
    if args[0] != "diff" {
        all.extend(["--as-of", "2014-12-31"]);
    }
    let out = stdkit(repo, &all);
    assert_ne!(out.status.code(), Some(2), "{all:?}: {}", stderr(&out));
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    // Annotations for GitHub are the one output that a clean repository leaves empty.
    assert!(
        !stdout.trim().is_empty() || args.contains(&"github"),
        "{all:?} printed nothing"
    );
    for (stream, text) in [("stdout", stdout), ("stderr", stderr(&out))] {
        for line in text.lines() {
            let left = data.strip(line);
            assert!(
                !left.contains(FULL_WIDTH),
                "{all:?} in {}, {stream}: full-width punctuation in\n{line}\n(left once user data is \
                 taken out: {left})",
                repo.display()
            );
        }
    }
}

/// The texts of the users' files, longest first.
struct UserData {
    texts: Vec<String>,
}

impl UserData {
    /// Every text holding a Chinese character in the files under `dirs`.
    fn of(dirs: &[&Path]) -> UserData {
        let mut data = UserData { texts: Vec::new() };
        for dir in dirs {
            for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
                let entry = entry.unwrap();
                if !entry.file_type().is_file()
                    || entry.path().components().any(|c| c.as_os_str() == ".git")
                {
                    continue;
                }
                let Ok(text) = fs::read_to_string(entry.path()) else {
                    continue;
                };
                for line in text.lines() {
                    data.add_line(line);
                }
            }
        }
        data.texts
            .sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        data.texts.dedup();
        data
    }

    fn add(&mut self, text: &str) {
        let text = text.trim();
        if text.chars().count() >= 2 && text.chars().any(is_chinese) {
            self.texts.push(text.to_owned());
            self.texts
                .sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        }
    }

    /// A line, its quoted values, the value after `=` and a heading's text.
    fn add_line(&mut self, line: &str) {
        let mut push = |s: &str| {
            let s = s.trim();
            if s.chars().count() >= 2 && s.chars().any(is_chinese) {
                self.texts.push(s.to_owned());
            }
        };
        push(line);
        push(line.trim_start_matches('#'));
        if let Some((_, value)) = line.split_once('=') {
            push(value);
        }
        for (i, part) in line.split('"').enumerate() {
            if i % 2 == 1 {
                push(part);
            }
        }
    }

    /// The line without its user data: a source line under a finding's gutter is all user
    /// data; backticked values are the user's; then every known text, longest first.
    fn strip(&self, line: &str) -> String {
        if is_snippet(line) {
            return String::new();
        }
        let mut left: String = if line.matches('`').count().is_multiple_of(2) {
            line.split('`').step_by(2).collect::<Vec<_>>().join(" ")
        } else {
            line.to_owned()
        };
        for t in &self.texts {
            if left.contains(t.as_str()) {
                left = left.replace(t.as_str(), " ");
            }
        }
        left
    }
}

/// `35 | 窗口工作人员不得…` or `   | ^^^`: a line of a file as a finding quotes it.
fn is_snippet(line: &str) -> bool {
    let t = line.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    // A Markdown or terminal table row starts with `|` at the margin.
    (digits > 0 && t[digits..].starts_with(" |")) || (t.len() < line.len() && t.starts_with('|'))
}

fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{20000}'..='\u{3fffd}')
}
