//! `stdkit import FILE.docx` as a user runs it: each fixture (tests/fixtures/import/, made by
//! scripts/make-docx-fixtures.py from the reference centre's standards) imported into a fresh
//! repository gives the expected Markdown, whose headings, lists, tables and appendices are
//! those of the document; `check` then reports exactly the text faults planted in the Word
//! file. Also: a metadata file taken over, a dry run that writes nothing, a bad file among
//! good ones, and a zip bomb.

use std::path::{Path, PathBuf};

mod common;

use common::{project, scratch, stdkit};

const AS_OF: &str = "2014-12-31";

/// A fresh repository with the categories the fixtures go into.
fn fresh(root: &Path) {
    let cats = [
        ("system/2-服务提供标准体系", "2", "服务提供标准体系"),
        ("system/2-服务提供标准体系/201-服务规范", "201", "服务规范"),
        (
            "system/4-服务评价与改进标准体系",
            "4",
            "服务评价与改进标准体系",
        ),
        (
            "system/4-服务评价与改进标准体系/401-监督检查",
            "401",
            "监督检查",
        ),
    ];
    std::fs::create_dir_all(root).unwrap();
    std::fs::write(
        root.join("stdkit.toml"),
        "[center]\nname = \"安庆市政务服务中心\"\n\n[numbering]\ninternal-prefix = \"Q/AQZW\"\nseq-width = 2\n",
    )
    .unwrap();
    for (dir, code, title) in cats {
        std::fs::create_dir_all(root.join(dir)).unwrap();
        std::fs::write(
            root.join(dir).join("_index.md"),
            format!("+++\ncode = \"{code}\"\ntitle = \"{title}\"\n+++\n\n{title}编制说明。\n"),
        )
        .unwrap();
    }
}

fn fixture(name: &str) -> PathBuf {
    project(&format!("tests/fixtures/import/{name}"))
}

fn import(repo: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--as-of", AS_OF, "import"];
    all.extend_from_slice(args);
    stdkit(repo, &all)
}

fn headings(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

fn items(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.len() > 2 && l.as_bytes()[0].is_ascii_lowercase() && l.as_bytes()[1] == b')')
        .map(str::to_owned)
        .collect()
}

/// The reference standard's text the fixture was made from (without its front matter).
fn reference(rel: &str) -> String {
    let text = std::fs::read_to_string(project(&format!("standards/system/{rel}"))).unwrap();
    text.splitn(3, "+++").nth(2).unwrap().to_owned()
}

/// `(code, line)` of every finding `check` reports, and the exit code.
fn check(repo: &Path) -> (Vec<(String, String, u64)>, i32) {
    let out = stdkit(repo, &["check", "--as-of", AS_OF, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["path"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    (found, out.status.code().unwrap())
}

struct Case {
    fixture: &'static str,
    /// Where the standard lands.
    md: &'static str,
    /// The reference text it was made from.
    reference: &'static str,
    /// Headings the fixture adds to the reference text (after it), and renumbers.
    extra: &'static [&'static str],
    renumbered: &'static [(&'static str, &'static str)],
    /// A table header row the document has.
    table: &'static str,
}

const CASES: [Case; 3] = [
    Case {
        fixture: "heading-styles.docx",
        md: "system/2-服务提供标准体系/201-服务规范/201-01-窗口服务规范.md",
        reference: "2-服务提供标准体系/201-服务规范/201-01-窗口服务规范.md",
        extra: &[
            "## 附录A（资料性）窗口巡查记录内容",
            "### A.1 巡查项目",
            "### A.2 巡查记录",
        ],
        renumbered: &[],
        table: "| 时段 | 夏季（5月—9月） | 冬季（10月—次年4月） |",
    },
    Case {
        fixture: "template-styles.docx",
        md: "system/2-服务提供标准体系/201-服务规范/201-09-服务礼仪与文明用语规范.md",
        reference: "2-服务提供标准体系/201-服务规范/201-09-服务礼仪与文明用语规范.md",
        extra: &[],
        renumbered: &[],
        table: "| 场景 | 用语 | 忌语 |",
    },
    Case {
        fixture: "plain-numbers.docx",
        md: "system/4-服务评价与改进标准体系/401-监督检查/401-01-监督检查规范.md",
        reference: "4-服务评价与改进标准体系/401-监督检查/401-01-监督检查规范.md",
        extra: &[],
        renumbered: &[("### 9.3 实施率统计", "### 9.4 实施率统计")],
        table: "| 检查类型 | 频次 | 检查人员 |",
    },
];

#[test]
fn each_fixture_becomes_the_markdown_of_its_document_and_check_reports_its_faults() {
    for case in &CASES {
        let tmp = scratch("import-docx");
        let repo = tmp.join("repo");
        fresh(&repo);
        let out = import(&repo, &[fixture(case.fixture).to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}: {out:?}", case.fixture);
        let md = std::fs::read_to_string(repo.join(case.md)).unwrap();
        let name = case.md.rsplit('/').next().unwrap();
        let expected = std::fs::read_to_string(fixture(&format!("expected/{name}"))).unwrap();
        assert_eq!(md, expected, "{}", case.fixture);

        // The headings are the reference text's (title first), with 前言 and what the
        // fixture adds.
        let source = reference(case.reference);
        let mut want = headings(&source);
        for (from, to) in case.renumbered {
            let at = want.iter().position(|h| h == from).unwrap();
            want[at] = (*to).to_owned();
        }
        want.insert(1, "## 前言".to_owned());
        want.extend(case.extra.iter().map(|s| (*s).to_owned()));
        assert_eq!(headings(&md), want, "{}", case.fixture);
        // Every a) item of the reference, in order, among the imported ones.
        let got = items(&md);
        let mut rest = got.iter();
        for item in items(&source) {
            assert!(rest.any(|g| *g == item), "{}: {item} missing", case.fixture);
        }
        assert!(md.contains(&format!("{}\n| --- | --- | --- |\n", case.table)));
        assert!(md.lines().any(|l| l.starts_with("注：")));
        // Second-level items keep GB/T 1.1's `1)`, escaped from Markdown's ordered lists.
        assert!(md.contains("\n\n1\\) "), "{}", case.fixture);
        assert!(md.contains("\n\n2\\) "), "{}", case.fixture);
        let picture_dir = case.md.trim_end_matches(".md");
        assert!(repo.join(picture_dir).join("image1.png").is_file());
        assert!(md.contains(&format!(
            "]({}/image1.png)",
            picture_dir.rsplit('/').next().unwrap()
        )));

        let (found, code) = check(&repo);
        let text: Vec<(&str, u64)> = found
            .iter()
            .filter(|(c, _, _)| c.starts_with("text/"))
            .map(|(c, _, l)| (c.as_str(), *l))
            .collect();
        let line_of =
            |needle: &str| md.lines().position(|l| l.contains(needle)).unwrap() as u64 + 1;
        match case.fixture {
            "plain-numbers.docx" => assert_eq!(
                text,
                [
                    ("text/modal", line_of("督查科必须进行复查")),
                    ("text/structure", line_of("### 9.4 实施率统计")),
                ]
            ),
            _ => assert_eq!(text, [], "{}", case.fixture),
        }
        // Nothing else but the other category still empty, and the gap a lone 201-09
        // leaves in its category.
        let mut others: Vec<&str> = found
            .iter()
            .filter(|(c, _, _)| !c.starts_with("text/"))
            .map(|(c, _, _)| c.as_str())
            .collect();
        others.sort();
        let want: &[&str] = if case.fixture == "template-styles.docx" {
            &["category/empty", "number/gap"]
        } else {
            &["category/empty"]
        };
        assert_eq!(others, want, "{}", case.fixture);
        assert_eq!(code, 0);
    }
}

#[test]
fn a_metadata_file_of_the_same_code_is_taken_over_and_moved() {
    let tmp = scratch("import-docx-toml");
    let repo = tmp.join("repo");
    fresh(&repo);
    let dir = repo.join("system/2-服务提供标准体系/201-服务规范");
    let toml = dir.join("201-09-服务礼仪与文明用语规范.toml");
    std::fs::write(
        &toml,
        "no = \"201-09\"\ntitle = \"服务礼仪与文明用语规范\"\nlevel = \"internal\"\norigin = \"supplemented\"\nstatus = \"in-force\"\ncode = \"Q/AQZW 20109-2014\"\nunit = \"窗口管理科\"\n",
    )
    .unwrap();
    let out = import(&repo, &[fixture("template-styles.docx").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(!toml.exists());
    let md = std::fs::read_to_string(dir.join("201-09-服务礼仪与文明用语规范.md")).unwrap();
    assert!(md.starts_with("+++\nno = \"201-09\"\ntitle = \"服务礼仪与文明用语规范\"\nlevel = \"internal\"\norigin = \"supplemented\"\nstatus = \"in-force\"\ncode = \"Q/AQZW 20109-2014\"\nunit = \"窗口管理科\"\npublished = 2014-03-25\neffective = 2014-04-01\n+++\n"));
    // Imported a second time: refused, the text is there now.
    let again = import(&repo, &[fixture("template-styles.docx").to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stdout).contains("stdkit 不覆盖已有文件"));
}

#[test]
fn a_standard_the_table_import_wrote_without_text_receives_the_word_text() {
    let tmp = scratch("import-docx-after-table");
    let repo = tmp.join("repo");
    fresh(&repo);
    let dir = repo.join("system/2-服务提供标准体系/201-服务规范");
    let md = dir.join("201-09-服务礼仪与文明用语规范.md");
    // What the Excel import writes for a centre standard: front matter with a comment, no text.
    let head = "+++\n# 由 stdkit import 自 明细表.xlsx 工作表“服务提供”第 9 行导入\nno = \"201-09\"\ntitle = \"服务礼仪与文明用语规范\"\nlevel = \"internal\"\norigin = \"formulated\"\nstatus = \"in-force\"\ncode = \"Q/AQZW 20109-2014\"\nunit = \"窗口管理科\"\n+++\n";
    std::fs::write(&md, head).unwrap();
    let out = import(&repo, &[fixture("template-styles.docx").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("的正文（保留其全部字段）"));
    let text = std::fs::read_to_string(&md).unwrap();
    // Every key and the comment kept, the cover's dates added, the Word text below.
    assert!(
        text.starts_with(&format!(
            "{}published = 2014-03-25\neffective = 2014-04-01\n+++\n",
            &head[..head.len() - 4]
        )),
        "{text}"
    );
    assert!(text.contains("\n## 1 范围\n"), "{text}");
    // Now it has a text: a second import is refused and changes nothing.
    let again = import(&repo, &[fixture("template-styles.docx").to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&md).unwrap(), text);
}

fn tree(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(root).unwrap().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    all.sort();
    all
}

#[test]
fn a_metadata_file_with_a_bom_and_crlf_is_taken_over_too() {
    let tmp = scratch("import-docx-bom");
    let repo = tmp.join("repo");
    fresh(&repo);
    let toml = repo.join("system/2-服务提供标准体系/201-服务规范/201-09-礼仪.toml");
    std::fs::write(
        &toml,
        "\u{feff}no = \"201-09\"\r\ntitle = \"礼仪\"\r\nlevel = \"internal\"\r\norigin = \"formulated\"\r\nstatus = \"in-force\"\r\ncode = \"Q/AQZW 20109-2014\"\r\n",
    )
    .unwrap();
    let out = import(&repo, &[fixture("template-styles.docx").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(!toml.exists());
    let (found, code) = check(&repo);
    assert_eq!(code, 0, "{found:?}");
}

#[test]
fn a_dry_run_writes_nothing_and_a_bad_file_does_not_stop_the_others() {
    let tmp = scratch("import-docx-batch");
    let repo = tmp.join("repo");
    fresh(&repo);
    let before = tree(&repo);
    let dir = tmp.join("words");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("heading-styles.docx"), dir.join("a.docx")).unwrap();
    std::fs::write(dir.join("b.docx"), b"not a zip").unwrap();
    std::fs::copy(fixture("plain-numbers.docx"), dir.join("c.docx")).unwrap();
    std::fs::write(dir.join("~$a.docx"), b"Word's lock file").unwrap();
    let dry = import(&repo, &[dir.to_str().unwrap(), "--dry-run"]);
    assert_eq!(dry.status.code(), Some(1));
    assert_eq!(tree(&repo), before);
    let out = import(&repo, &[dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("b.docx` 不是有效的 .docx 文件"), "{stdout}");
    assert!(!stdout.contains("~$a.docx"), "{stdout}");
    assert!(
        stdout.ends_with("导入 2 个文件，1 个未能导入\n"),
        "{stdout}"
    );
    assert!(
        repo.join("system/2-服务提供标准体系/201-服务规范/201-01-窗口服务规范.md")
            .is_file()
    );
    assert!(
        repo.join("system/4-服务评价与改进标准体系/401-监督检查/401-01-监督检查规范.md")
            .is_file()
    );
}

#[test]
fn a_zip_bomb_is_refused_quickly() {
    use std::io::Write;
    let tmp = scratch("import-docx-bomb");
    let repo = tmp.join("repo");
    fresh(&repo);
    let bomb = tmp.join("bomb.docx");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("word/document.xml", opts).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..64 {
        w.write_all(&zeros).unwrap();
    }
    w.finish().unwrap();
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1 << 20);
    let started = std::time::Instant::now();
    let out = import(&repo, &[bomb.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("解压后过大"));
    assert!(started.elapsed().as_secs() < 20);
}
