//! `dossier` on deep and wide input: categories 20 levels deep under `system/`, a 40-level
//! list, a 100-level block quote, and words no line can hold (a 300-character URL, 500
//! letters, a long run of Chinese in a table cell), in a chapter, a centre standard and an
//! audit report. The dossier is made all the same, with every word of it, and no text runs
//! off the page (checked with poppler's `pdftotext` when it is installed).
#![cfg(feature = "pdf")]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{copy_dir, scratch};

#[test]
fn deep_nesting_and_long_words_still_make_the_whole_dossier() {
    let tmp = scratch("deep");
    let repo = deep_repo(&tmp);
    let out = tmp.join("out");
    let o = common::bin()
        .arg("-C")
        .arg(&repo)
        .args(["dossier", "-o"])
        .arg(&out)
        .args(["--as-of", "2014-12-31"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let pdf = out.join("dossier.pdf");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    let Some(text) = pdftotext(&pdf, false) else {
        return;
    };
    let text: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200B}')
        .collect();
    // Each deep text is printed three times: chapter, standard text, audit report.
    for i in 1..=40 {
        assert_eq!(
            text.matches(&format!("第{i}层列表项")).count(),
            3,
            "item {i}"
        );
    }
    for i in 1..=100 {
        assert_eq!(
            text.matches(&format!("第{i}层引用")).count(),
            3,
            "quote {i}"
        );
    }
    // The long words, letters no other text of the volume has, whole.
    assert_eq!(text.matches('k').count(), 3 * 500);
    assert_eq!(text.matches('v').count(), 3 * 270);
    assert_eq!(text.matches('j').count(), 3 * 400);
    assert_eq!(text.matches("https://example.org/").count(), 3);
    assert!(text.matches(LONG_CHINESE).count() >= 3);
    for level in 1..=19 {
        assert!(
            text.contains(&format!("第{level}层类目")),
            "category {level}"
        );
    }

    // Every word lies within the page's margins (the narrowest is 26 mm), give or take the
    // punctuation Typst lets hang into the margin (half an em at 16 pt).
    let bbox = pdftotext(&pdf, true).unwrap();
    let margin = 26.0 / 25.4 * 72.0 - 10.0;
    let mut width = 0.0;
    let mut words = 0;
    for line in bbox.lines() {
        if line.contains("<page ") {
            width = attr(line, "width");
        } else if line.contains("<word ") {
            let (from, to) = (attr(line, "xMin"), attr(line, "xMax"));
            assert!(
                from >= margin - 1.0 && to <= width - margin,
                "off the page ({from:.1}–{to:.1} of {width:.1}): {line}"
            );
            words += 1;
        }
    }
    assert!(words > 100, "{words} words");
}

/// A run of Chinese without punctuation, for a table cell.
const LONG_CHINESE: &str = "标准化建设验收材料汇编标准化建设验收材料汇编标准化建设验收材料汇编";

/// The minimal example with categories 20 levels deep (the deepest with a long title), and
/// the deep text as a centre standard at the bottom, an audit report and a chapter.
fn deep_repo(tmp: &Path) -> PathBuf {
    let repo = tmp.join("repo");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/minimal"),
        &repo,
    );
    // Records need an evaluation period: a repository without errors, so that the volume is
    // compiled (its texts only carry warnings).
    let manifest = repo.join("stdkit.toml");
    let mut text = std::fs::read_to_string(&manifest).unwrap();
    text.push_str("\n[period]\nfrom = 2014-01-01\nto = 2014-12-31\n");
    write(&manifest, &text);
    let mut dir = repo.join("system/2-服务提供标准体系");
    let mut code = "2".to_owned();
    write(
        &dir.join("_index.md"),
        "+++\ncode = \"2\"\ntitle = \"服务提供标准体系\"\n+++\n",
    );
    for level in 1..=19 {
        code.push('1');
        dir = dir.join(&code);
        let mut title = format!("第{level}层类目");
        if level == 19 {
            title.push_str(&"很长的类目名称没有标点".repeat(12));
            title.push_str(&"Z".repeat(120));
        }
        write(
            &dir.join("_index.md"),
            &format!("+++\ncode = \"{code}\"\ntitle = \"{title}\"\n+++\n"),
        );
    }
    let body = deep_markdown();
    write(
        &dir.join(format!("{code}-01-深层标准.md")),
        &format!(
            "+++\nno = \"{code}-01\"\ntitle = \"深层标准\"\nlevel = \"internal\"\n\
             origin = \"formulated\"\nstatus = \"in-force\"\ncode = \"Q/AQZW 90101-2014\"\n\
             published = 2014-03-25\neffective = 2014-04-01\n+++\n\n# 深层标准\n\n{body}"
        ),
    );
    write(
        &repo.join("records/audits/2014-06-深层审核报告.md"),
        &format!(
            "+++\ntitle = \"深层审核报告\"\ndate = 2014-06-20\nauditors = [\"储建国\"]\n+++\n\n\
             # 深层审核报告\n\n{body}"
        ),
    );
    write(
        &repo.join("dossier/01-工作总结.md"),
        &format!("# 工作总结\n\n{body}"),
    );
    repo
}

fn deep_markdown() -> String {
    let mut md = String::from("## 1 范围\n\n深层列表：\n\n");
    for i in 0..40 {
        let _ = writeln!(md, "{}- 第{}层列表项", "  ".repeat(i), i + 1);
    }
    md.push('\n');
    for i in 1..=100 {
        let _ = writeln!(md, "{} 第{i}层引用", ">".repeat(i));
    }
    let _ = write!(
        md,
        "\n长网址：https://example.org/{}/end\n\n长单词：{}\n\n\
         | 项目 | 说明 |\n|---|---|\n| 长中文 | {} |\n| 长字母 | {} |\n",
        "v".repeat(270),
        "k".repeat(500),
        LONG_CHINESE.repeat(12),
        "j".repeat(400)
    );
    md
}

/// The text of a PDF by poppler's `pdftotext` (`-bbox`: each word with its box), when it
/// is installed.
fn pdftotext(pdf: &Path, bbox: bool) -> Option<String> {
    let mut cmd = Command::new("pdftotext");
    if bbox {
        cmd.arg("-bbox");
    }
    let out = cmd.arg(pdf).arg("-").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The number in attribute `name="…"` of an XML line.
fn attr(line: &str, name: &str) -> f64 {
    let key = format!(" {name}=\"");
    let start = line.find(&key).unwrap() + key.len();
    let len = line[start..].find('"').unwrap();
    line[start..start + len].parse().unwrap()
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}
