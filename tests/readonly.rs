//! `check` never writes: every byte of the repository is the same after a run, even one
//! with a finding of every code.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            files.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    files
}

#[test]
fn check_leaves_every_byte_of_the_tree_unchanged() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/broken");
    let before = snapshot(&root);
    for format in ["human", "short", "json", "github", "sarif"] {
        let out = common::bin()
            .args(["-C"])
            .arg(&root)
            .args(["check", "--as-of", "2014-12-31", "--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
    }
    assert!(before == snapshot(&root), "check changed the repository");
}

#[test]
fn broken_example_reports_every_finding_code_once() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/broken");
    let out = common::bin()
        .arg("-C")
        .arg(&root)
        .args(["check", "--as-of", "2014-12-31", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut codes: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    codes.sort();
    let mut expected: Vec<&str> = stdkit::finding::Code::ALL
        .iter()
        .map(|c| c.as_str())
        // Targets and the dossier have cases of their own; so have the files the input rule
        // refuses (symlinks, FIFOs and huge files do not belong in a shipped example).
        .filter(|c| !c.starts_with("target/") && !c.starts_with("dossier/"))
        // `import/*` findings point into a spreadsheet being imported, never into a repository.
        .filter(|c| !c.starts_with("import/"))
        .filter(|c| {
            ![
                "file/outside",
                "file/special",
                "file/too-large",
                "file/unreadable",
                "file/ignored",
            ]
            .contains(c)
        })
        .collect();
    expected.sort();
    assert_eq!(codes, expected);
}
