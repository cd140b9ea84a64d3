//! `stdkit import` of Excel tables into a fresh repository built here (a manifest and a few
//! categories), then `stdkit check` on the result: clean apart from the rows import reported.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{project, scratch, stdkit};

/// A fresh repository: the manifest, the four subsystems and some of their categories.
fn fresh(root: &Path) -> PathBuf {
    let repo = root.join("repo");
    std::fs::create_dir_all(repo.join("system")).unwrap();
    std::fs::write(
        repo.join("stdkit.toml"),
        "[center]\nname = \"安庆市政务服务中心\"\n\n[numbering]\ninternal-prefix = \"Q/AQZW\"\n",
    )
    .unwrap();
    let categories = [
        ("1-通用基础标准体系", "1", "通用基础标准体系"),
        ("1-通用基础标准体系/101-标准化管理", "101", "标准化管理"),
        (
            "1-通用基础标准体系/105-服务标准化工作指南",
            "105",
            "服务标准化工作指南",
        ),
        ("1-通用基础标准体系/107-符号与标志", "107", "符号与标志"),
        ("2-服务提供标准体系", "2", "服务提供标准体系"),
        ("2-服务提供标准体系/201-服务规范", "201", "服务规范"),
        ("3-服务保障标准体系", "3", "服务保障标准体系"),
        ("3-服务保障标准体系/305-安全应急管理", "305", "安全应急管理"),
        ("4-服务评价与改进标准体系", "4", "服务评价与改进标准体系"),
        ("4-服务评价与改进标准体系/401-监督检查", "401", "监督检查"),
    ];
    for (dir, code, title) in categories {
        let dir = repo.join("system").join(dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("_index.md"),
            format!("+++\ncode = \"{code}\"\ntitle = \"{title}\"\n+++\n\n# {title}编制说明\n\n待补充。\n"),
        )
        .unwrap();
    }
    repo
}

fn fixture(name: &str) -> String {
    project(&format!("tests/fixtures/import/{name}"))
        .to_string_lossy()
        .into_owned()
}

fn import(repo: &Path, args: &[&str]) -> Output {
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--into", repo.to_str().unwrap(), "--as-of", "2014-12-31"]);
    stdkit(repo, &all)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The codes of the findings `check` reports.
fn check_codes(repo: &Path) -> Vec<String> {
    let out = stdkit(
        repo,
        &["check", "--as-of", "2014-12-31", "--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut codes: Vec<String> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["code"].as_str().unwrap(),
                f["path"].as_str().unwrap()
            )
        })
        .collect();
    codes.sort();
    codes
}

/// Every file under `root`, with its content: what a refused run must leave as it was.
fn tree(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    all.sort();
    all
}

fn read(repo: &Path, rel: &str) -> String {
    std::fs::read_to_string(repo.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

const EMPTY_401: &str = "category/empty system/4-服务评价与改进标准体系/401-监督检查/_index.md";

#[test]
fn a_clean_table_gives_a_repository_that_check_finds_clean() {
    let tmp = scratch("import-clean");
    let repo = fresh(&tmp);
    let out = import(&repo, &[&fixture("clean.xlsx")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        common::stderr(&out)
    );
    assert!(
        stdout(&out).contains("已写入 18 个文件：16 项标准，2 个新类目"),
        "{}",
        stdout(&out)
    );
    // The only finding: the category the table does not use.
    assert_eq!(check_codes(&repo), [EMPTY_401]);
    // Categories the table names and the repository lacked, under their subsystem.
    let index = read(
        &repo,
        "system/1-通用基础标准体系/104-标准体系编制原则/_index.md",
    );
    assert!(
        index.starts_with("+++\ncode = \"104\"\ntitle = \"标准体系编制原则\"\n+++\n"),
        "{index}"
    );
    read(&repo, "system/3-服务保障标准体系/302-窗口建设/_index.md");
    // A replaced edition and the one that replaces it.
    let new = read(
        &repo,
        "system/1-通用基础标准体系/107-符号与标志/107-02-标点符号用法.toml",
    );
    assert!(
        new.contains("replaces = [\"GB/T 15834-1995\"]\n") && new.contains("status = \"in-force\""),
        "{new}"
    );
    let old = read(
        &repo,
        "system/1-通用基础标准体系/107-符号与标志/107-03-标点符号用法.toml",
    );
    assert!(old.contains("status = \"superseded\""), "{old}");
    // A centre standard is Markdown, with its dates from Excel date cells.
    let own = read(
        &repo,
        "system/2-服务提供标准体系/201-服务规范/201-01-窗口服务规范.md",
    );
    for line in [
        "level = \"internal\"",
        "origin = \"formulated\"",
        "code = \"Q/AQZW 20101-2014\"",
        "published = 2014-03-25",
        "effective = 2014-04-01",
        "unit = \"窗口管理科\"",
    ] {
        assert!(own.contains(line), "{line} in {own}");
    }
}

#[test]
fn a_messy_table_places_every_good_row_and_reports_the_others() {
    let tmp = scratch("import-messy");
    let repo = fresh(&tmp);
    let out = import(&repo, &[&fixture("messy.xlsx")]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    for (code, cell) in [
        ("import/duplicate", "`通用基础` B13"),
        ("import/level", "`通用基础` E20"),
        ("import/code", "`通用基础` D24"),
        ("import/category", "`服务提供与保障` C2"),
        ("import/category", "`服务提供与保障` A7"),
        ("code/non-canonical", "`通用基础` D11"),
    ] {
        assert!(
            text.contains(&format!("[{code}]: 工作表 {cell}")),
            "{code} {cell}:\n{text}"
        );
    }
    assert!(text.contains("5 个错误，6 个警告"), "{text}");
    // Apart from the reported rows, the result is clean.
    assert_eq!(check_codes(&repo), [EMPTY_401]);
    let cat = "system/1-通用基础标准体系/105-服务标准化工作指南";
    // Full-width letters and digits, canonicalised; text dates `2009-9-30`.
    let wide = read(
        &repo,
        &format!("{cat}/105-02-服务业组织标准化工作指南第2部分标准体系.toml"),
    );
    assert!(
        wide.contains("code = \"GB/T 24421.2-2009\"\n")
            && wide.contains("published = 2009-09-30\n"),
        "{wide}"
    );
    // Excel dates and an em dash without a space.
    let dash = read(
        &repo,
        &format!("{cat}/105-01-服务业组织标准化工作指南第1部分基本要求.toml"),
    );
    assert!(
        dash.contains("code = \"GB/T 24421.1-2009\"\n")
            && dash.contains("effective = 2009-11-01\n"),
        "{dash}"
    );
    // `2013年12月17日`, and a row without a number gets the next free one.
    let next = read(&repo, &format!("{cat}/105-04-服务业标准体系编写指南.toml"));
    assert!(
        next.contains("published = 2013-12-17\n") && next.contains("status = \"in-force\""),
        "{next}"
    );
    // Published, not yet in effect on --as-of: planned.
    let later = read(
        &repo,
        &format!("{cat}/105-05-标准化工作指南第1部分标准化和相关活动的通用术语.toml"),
    );
    assert!(later.contains("status = \"planned\""), "{later}");
    // The duplicate row (GB/T 15624-2011) is not imported.
    assert!(
        !tree(&repo)
            .iter()
            .any(|(_, b)| String::from_utf8_lossy(b).contains("GB/T 15624"))
    );
    // Categories opened by rows merged or in the first cells; one the repository lacked.
    read(
        &repo,
        "system/1-通用基础标准体系/108-电子政务/108-01-政务信息资源目录体系第1部分总体框架.toml",
    );
    read(
        &repo,
        "system/4-服务评价与改进标准体系/406-持续改进/_index.md",
    );
    let planned = read(
        &repo,
        "system/4-服务评价与改进标准体系/406-持续改进/406-02-服务质量持续改进办法.md",
    );
    assert!(
        planned.contains("status = \"planned\"") && !planned.contains("code ="),
        "{planned}"
    );
}

#[test]
fn dry_run_and_a_refused_import_write_nothing_and_merge_adds_only_new_standards() {
    let tmp = scratch("import-refuse");
    let repo = fresh(&tmp);
    let before = tree(&repo);
    let dry = import(&repo, &[&fixture("clean.xlsx"), "--dry-run"]);
    assert_eq!(dry.status.code(), Some(0));
    assert!(
        stdout(&dry).contains("将写入 18 个文件"),
        "{}",
        stdout(&dry)
    );
    assert_eq!(tree(&repo), before);

    assert_eq!(
        import(&repo, &[&fixture("clean.xlsx")]).status.code(),
        Some(0)
    );
    let imported = tree(&repo);
    // Again: every standard is there already; refused whole.
    let again = import(&repo, &[&fixture("clean.xlsx")]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        common::stderr(&again).contains("--merge"),
        "{}",
        common::stderr(&again)
    );
    // Two tables in one run are planned together: messy.xlsx shares standards with clean.xlsx,
    // so that run is refused too, and nothing of either is written.
    assert_eq!(
        import(&repo, &[&fixture("old.xls"), &fixture("messy.xlsx")])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(tree(&repo), imported);

    // --merge: the messy table's standards that are new (by number and by code) only.
    let merged = import(&repo, &[&fixture("messy.xlsx"), "--merge"]);
    let text = stdout(&merged);
    assert_eq!(merged.status.code(), Some(1), "{text}");
    assert!(
        text.contains("warning[import/exists]: 工作表 `通用基础` B6：标准库中已有 `101-01`，跳过"),
        "{text}"
    );
    let after = tree(&repo);
    assert!(imported.iter().all(|f| after.contains(f)), "a file changed");
    let added: Vec<&String> = after
        .iter()
        .map(|(p, _)| p)
        .filter(|p| !imported.iter().any(|(q, _)| q == *p))
        .collect();
    assert!(
        added
            .iter()
            .any(|p| p.ends_with("-标准化工作指南第1部分标准化和相关活动的通用术语.toml")),
        "{added:?}"
    );
    assert!(
        !added
            .iter()
            .any(|p| p.contains("服务业组织标准化工作指南第1部分")),
        "{added:?}"
    );
    assert_eq!(check_codes(&repo), [EMPTY_401]);
}

#[test]
fn an_old_xls_table_imports_like_an_xlsx() {
    let tmp = scratch("import-xls");
    let repo = fresh(&tmp);
    let out = import(&repo, &[&fixture("old.xls")]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let s = read(
        &repo,
        "system/4-服务评价与改进标准体系/403-投诉处理/403-01-质量管理顾客满意组织处理投诉指南.toml",
    );
    assert!(
        s.contains("code = \"GB/T 19012-2008\"") && s.contains("effective = 2008-11-01"),
        "{s}"
    );
    read(
        &repo,
        "system/4-服务评价与改进标准体系/403-投诉处理/403-02-投诉受理与办理规范.md",
    );
    // The categories this small table does not use are empty, and that is all.
    let codes = check_codes(&repo);
    assert!(
        codes.iter().all(|c| c.starts_with("category/empty ")),
        "{codes:?}"
    );
}

#[test]
fn a_thousand_row_table_imports_and_checks_clean() {
    let tmp = scratch("import-big");
    let repo = fresh(&tmp);
    let out = import(&repo, &[&fixture("big.xlsx")]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("1000 项标准"), "{}", stdout(&out));
    let codes = check_codes(&repo);
    assert!(codes.is_empty(), "{codes:?}");
}

#[test]
fn the_workbook_stdkit_table_writes_imports_back_into_the_same_standards() {
    let tmp = scratch("import-round-trip");
    let repo = tmp.join("repo");
    common::copy_dir(&project("tests/fixtures/import/repo"), &repo);
    let book = tmp.join("标准体系表.xlsx");
    let table = stdkit(
        &project("standards"),
        &[
            "table",
            "--format",
            "xlsx",
            "-o",
            book.to_str().unwrap(),
            "--as-of",
            "2014-12-31",
        ],
    );
    assert_eq!(table.status.code(), Some(0), "{}", common::stderr(&table));
    let out = import(&repo, &[book.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    // The statistics and structure sheets are no standard tables: said, and left out.
    assert_eq!(text.matches("warning[import/sheet]").count(), 2, "{text}");
    assert!(
        text.contains("已写入 121 个文件：121 项标准，0 个新类目"),
        "{text}"
    );
    assert!(check_codes(&repo).is_empty());
    // Every standard of the shipped repository is back with its number, code, status and
    // origin (补标 included).
    let names = |root: &Path| -> Vec<String> {
        let mut all: Vec<String> = walkdir::WalkDir::new(root.join("system"))
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file() && e.file_name() != "_index.md")
            .map(|e| {
                e.file_name()
                    .to_string_lossy()
                    .split('-')
                    .take(2)
                    .collect::<Vec<_>>()
                    .join("-")
            })
            .collect();
        all.sort();
        all
    };
    assert_eq!(names(&repo), names(&project("standards")));
    let s = read(
        &repo,
        "system/1-通用基础标准体系/101-标准化管理/101-01-标准化工作管理办法.md",
    );
    assert!(
        s.contains("origin = \"supplemented\"") && s.contains("code = \"Q/AQZW 10101-2014\""),
        "{s}"
    );
}

#[test]
fn another_layout_two_header_rows_merged_units_and_chinese_numerals() {
    let tmp = scratch("import-layout");
    let repo = fresh(&tmp);
    let out = import(&repo, &[&fixture("layout.xlsx")]);
    let text = stdout(&out);
    // The duplicate code is the one row left out.
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains(
            "error[import/duplicate]: 工作表 `Sheet1` D11：标准编号 `GB/T 15624-2011` 重复"
        ),
        "{text}"
    );
    assert!(
        text.contains("warning[import/sheet]: 工作表 `说明`"),
        "{text}"
    );
    assert!(
        text.contains("1 个错误，4 个警告（共检查 6 项标准）"),
        "{text}"
    );
    // Clean but for the categories this small table does not use.
    let codes = check_codes(&repo);
    assert!(
        codes.iter().all(|c| c.starts_with("category/empty ")),
        "{codes:?}"
    );
    let own = read(
        &repo,
        "system/1-通用基础标准体系/101-标准化管理/101-01-标准化工作管理办法.md",
    );
    for line in [
        "code = \"Q/AQZW 10101-2014\"",
        "owner = \"张三\"",
        "published = 2014-03-01",
        "effective = 2014-03-01",
    ] {
        assert!(own.contains(line), "{line} in {own}");
    }
    // 综合科 is merged down rows 6 and 7.
    let next = read(
        &repo,
        "system/1-通用基础标准体系/101-标准化管理/101-02-标准制修订程序.md",
    );
    assert!(
        next.contains("unit = \"综合科\"") && next.contains("status = \"planned\""),
        "{next}"
    );
    let guide = read(
        &repo,
        "system/1-通用基础标准体系/105-服务标准化工作指南/105-02-服务标准化工作指南.toml",
    );
    assert!(
        guide.contains("published = 2011-12-30")
            && guide.contains("replaces = [\"GB/T 15624.1-1995\"]"),
        "{guide}"
    );
    read(
        &repo,
        "system/2-服务提供标准体系/201-服务规范/201-01-窗口服务规范.md",
    );
}

#[test]
fn an_ods_table_imports_and_hostile_spreadsheets_are_refused_without_reading_them() {
    let tmp = scratch("import-ods");
    let repo = fresh(&tmp);
    let out = import(&repo, &[&fixture("small.ods")]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let s = read(
        &repo,
        "system/4-服务评价与改进标准体系/405-满意度评价和改进/405-01-顾客满意测评通则.toml",
    );
    assert!(s.contains("code = \"GB/T 19039-2009\""), "{s}");
    read(
        &repo,
        "system/4-服务评价与改进标准体系/405-满意度评价和改进/405-02-满意度调查实施规范.md",
    );
    let before = tree(&repo);
    for hostile in ["far.xls", "far.ods"] {
        let out = import(&repo, &[&fixture(hostile)]);
        assert_eq!(out.status.code(), Some(2), "{hostile}");
        assert!(
            common::stderr(&out).contains("个单元格"),
            "{hostile}: {}",
            common::stderr(&out)
        );
    }
    assert_eq!(tree(&repo), before);
}

#[test]
fn system_numbers_typed_as_numbers_keep_their_trailing_zero_to_the_seq_width() {
    let tmp = scratch("import-numbers");
    let repo = fresh(&tmp);
    let out = import(&repo, &[&fixture("numbers.xlsx")]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    // 101.123 has no two-digit sequence: reported at its sheet, row and column.
    assert!(
        text.contains("error[import/number]: 工作表 `标准明细表` B6：体系表编号 `101.123` 是数字"),
        "{text}"
    );
    assert!(text.contains("1 个错误，0 个警告"), "{text}");
    let cat = "system/1-通用基础标准体系/101-标准化管理";
    for (no, title) in [
        // The number cell 101.10, kept by Excel as 101.1.
        ("101-10", "标准化工作管理办法"),
        ("101-01", "标准制修订程序"),
        ("101-12", "标准化培训管理办法"),
        // The text cell `101.2`, taken as written.
        ("101-02", "标准体系维护办法"),
    ] {
        let md = read(&repo, &format!("{cat}/{no}-{title}.md"));
        assert!(md.contains(&format!("no = \"{no}\"\n")), "{md}");
    }
    assert!(!repo.join(cat).join("101-20-标准体系维护办法.md").exists());

    // With `seq-width = 3` the fraction is padded to three digits, and 101.123 fits.
    let tmp = scratch("import-numbers-3");
    let repo = fresh(&tmp);
    let manifest = repo.join("stdkit.toml");
    let text = std::fs::read_to_string(&manifest).unwrap() + "seq-width = 3\n";
    std::fs::write(&manifest, text).unwrap();
    let out = import(&repo, &[&fixture("numbers.xlsx"), "--dry-run"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    for name in [
        "101-100-标准化工作管理办法.md",
        "101-010-标准制修订程序.md",
        "101-120-标准化培训管理办法.md",
        "101-123-标准实施评价办法.md",
        "101-002-标准体系维护办法.md",
    ] {
        assert!(text.contains(&format!("{cat}/{name}")), "{name}:\n{text}");
    }
}
