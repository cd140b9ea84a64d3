//! `dossier` on a repository with errors: nothing is written, unless `--draft`, which marks
//! every page of the volume.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{example_copy, stdkit};

/// `dossier -o out --as-of 2014-12-31` (with `extra` arguments) on a copy of `example`: the
/// scratch directory (kept alive), the output directory and the run.
fn dossier(name: &str, example: &str, extra: &[&str]) -> (common::Scratch, PathBuf, Output) {
    let (tmp, repo) = example_copy(name, example);
    let out = tmp.join("out");
    let mut args = vec![
        "dossier",
        "--as-of",
        "2014-12-31",
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = stdkit(&repo, &args);
    (tmp, out, o)
}

/// The volume's manifest and HTML.
fn volume(out: &Path) -> (serde_json::Value, String) {
    let manifest = serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap());
    let html = std::fs::read_to_string(out.join("dossier.html")).unwrap();
    (manifest.unwrap(), html)
}

#[test]
fn a_repository_with_errors_gives_no_volume() {
    let (tmp, out, o) = dossier("draft-refused", "examples/broken", &[]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{stdout}");
    // The findings as check prints them, then why nothing was written.
    assert!(stdout.contains("error[toml/syntax]"), "{stdout}");
    assert!(stdout.contains("未生成汇编"), "{stdout}");
    assert!(!out.exists(), "a volume was written");
    drop(tmp);
}

#[test]
fn a_draft_is_marked_on_every_page() {
    let (tmp, out, o) = dossier("draft", "examples/broken", &["--draft"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let (manifest, html) = volume(&out);
    assert_eq!(manifest["draft"], true);
    assert!(html.contains("<body class=\"draft\">"));
    assert!(html.contains("草稿：标准库未通过检查，不作正式验收材料"));
    // The rates page says how many records it left out as invalid.
    assert!(
        html.contains("另有 4 条记录不合要求（见 stdkit check），未计入各项指标。"),
        "{html}"
    );
    // The running header of every printed page says it.
    assert!(html.contains("草稿 · 未通过检查\"; font-family"), "{html}");

    #[cfg(feature = "pdf")]
    {
        let pdf = out.join("dossier.pdf");
        if let Ok(text) = std::process::Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
        {
            let text = String::from_utf8(text.stdout).unwrap();
            let pages: Vec<&str> = text
                .split('\u{c}')
                .filter(|p| !p.trim().is_empty())
                .collect();
            assert!(pages.len() > 5, "{} pages", pages.len());
            for (i, page) in pages.iter().enumerate() {
                assert!(
                    page.contains("草稿"),
                    "page {} is not marked: {page}",
                    i + 1
                );
            }
            assert!(pages[0].contains("草稿：标准库未通过检查"), "{}", pages[0]);
        }
    }
    drop(tmp);
}

#[test]
fn a_clean_repository_is_not_a_draft() {
    let (tmp, out, o) = dossier("not-draft", "examples/minimal", &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let (manifest, html) = volume(&out);
    assert_eq!(manifest["draft"], false);
    assert!(!html.contains("草稿"));
    drop(tmp);
}
