use std::path::Path;

use super::*;
use crate::model::FileKind;

/// A small repository written to a scratch directory and loaded: categories 201 and 202,
/// standards 201-01, 201-03 (a `.md` with a body), 201-04 (a `.toml` with a comment) and
/// 202-01 (renumbered before: `formerly = ["202-02"]`), a training and an inspection.
fn repo(dir: &Path) -> crate::load::Loaded {
    let files = [
        (
            "stdkit.toml",
            "[center]\nname = \"安庆市政务服务中心\"\n\n[numbering]\ninternal-prefix = \"Q/AQZW\"\nseq-width = 2\n",
        ),
        (
            "system/2-服务提供/_index.md",
            "+++\ncode = \"2\"\ntitle = \"服务提供\"\n+++\n",
        ),
        (
            "system/2-服务提供/201-服务规范/_index.md",
            "+++\ncode = \"201\"\ntitle = \"服务规范\"\n+++\n",
        ),
        (
            "system/2-服务提供/202-服务提供规范/_index.md",
            "+++\ncode = \"202\"\ntitle = \"服务提供规范\"\n+++\n",
        ),
        (
            "system/2-服务提供/201-服务规范/201-01-窗口服务规范.md",
            "+++\nno = \"201-01\"\ntitle = \"窗口服务规范\"\nlevel = \"internal\"\nstatus = \"planned\"\n+++\n",
        ),
        (
            "system/2-服务提供/201-服务规范/201-03-一次性告知制.md",
            "+++\nno = \"201-03\"  # 2014 年编号\ntitle = \"一次性告知制\"\nlevel = \"internal\"\nstatus = \"planned\"\n+++\n\n# 一次性告知制\n\n+++ 不是前言的结束 +++\nno = \"201-03\"\n",
        ),
        (
            "system/2-服务提供/201-服务规范/201-04-质量管理顾客满意组织行为规范指南.toml",
            "# 采用国家标准\nno = \"201-4\"\ntitle = \"质量管理 顾客满意 组织行为规范指南\"\nlevel = \"national\"\norigin = \"adopted\"\nstatus = \"in-force\"\ncode = \"GB/T 19010-2009\"\n",
        ),
        (
            "system/2-服务提供/202-服务提供规范/202-01-不动产登记服务规范.md",
            "+++\nno = \"202-01\"\ntitle = \"不动产登记服务规范\"\nlevel = \"internal\"\nstatus = \"planned\"\nformerly = [\"202-02\"] # 2013 年\n+++\n",
        ),
        (
            "records/trainings/2014.toml",
            "# 培训记录\n\n[[training]]\ndate = 2014-03-05\ntopic = \"宣贯\"\nstandards = [\n  \"201-01\", # 窗口\n  \"201-3\",\n]\nattendees = []\n",
        ),
        (
            "records/inspections/b.toml",
            "[[inspection]]\ndate = 2014-05-14\nstandard = \"201-03\" # 首次检查\ninspector = \"王芳\"\nresult = \"conform\"\n",
        ),
    ];
    for (path, text) in files {
        let full = dir.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
    crate::load::load(dir).unwrap()
}

fn planned(dir: &Path, loaded: &crate::load::Loaded, moves: Vec<Move>) -> Plan {
    let read = |rel: &str| Ok(std::fs::read(dir.join(rel)).unwrap());
    plan(&loaded.repo, &loaded.findings, moves, &read).unwrap()
}

/// The content a plan leaves at `path`.
fn after(plan: &Plan, path: &str) -> String {
    let change = plan
        .changes
        .changes()
        .iter()
        .find(|c| c.path() == Path::new(path))
        .unwrap_or_else(|| panic!("{path} not in the plan"));
    let bytes = match change {
        crate::edit::Change::Rewrite { bytes, .. } | crate::edit::Change::Move { bytes, .. } => {
            bytes
        }
        crate::edit::Change::Create { .. } => panic!("created"),
    };
    String::from_utf8(bytes.clone()).unwrap()
}

#[test]
fn a_move_rewrites_the_standard_and_every_record_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = repo(dir.path());
    let moves = single(&loaded.repo, "201-3", "201-9").unwrap();
    assert_eq!(moves[0].new.to_string(), "201-09", "written in seq-width");
    let plan = planned(dir.path(), &loaded, moves);
    let moved = "system/2-服务提供/201-服务规范/201-09-一次性告知制.md";
    // The comment after `no` survives; `formerly` is added; the body is untouched, even a
    // line that looks like a closing `+++` and a line that looks like `no`.
    assert_eq!(
        after(&plan, moved),
        "+++\nno = \"201-09\"  # 2014 年编号\ntitle = \"一次性告知制\"\nlevel = \"internal\"\nstatus = \"planned\"\nformerly = [\"201-03\"]\n+++\n\n# 一次性告知制\n\n+++ 不是前言的结束 +++\nno = \"201-03\"\n"
    );
    // In a list (written `201-3`) and in a scalar, comments kept.
    assert_eq!(
        after(&plan, "records/trainings/2014.toml"),
        "# 培训记录\n\n[[training]]\ndate = 2014-03-05\ntopic = \"宣贯\"\nstandards = [\n  \"201-01\", # 窗口\n  \"201-09\",\n]\nattendees = []\n"
    );
    assert_eq!(
        after(&plan, "records/inspections/b.toml"),
        "[[inspection]]\ndate = 2014-05-14\nstandard = \"201-09\" # 首次检查\ninspector = \"王芳\"\nresult = \"conform\"\n"
    );
    let paths: Vec<&str> = plan.edits.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "records/inspections/b.toml",
            "records/trainings/2014.toml",
            "system/2-服务提供/201-服务规范/201-03-一次性告知制.md",
        ]
    );
    assert_eq!(plan.changes.changes().len(), 3);
}

#[test]
fn a_move_into_another_category_moves_the_file_and_keeps_earlier_former_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = repo(dir.path());
    let moves = single(&loaded.repo, "202-01", "201-05").unwrap();
    let plan = planned(dir.path(), &loaded, moves);
    let text = after(
        &plan,
        "system/2-服务提供/201-服务规范/201-05-不动产登记服务规范.md",
    );
    assert!(
        text.contains("formerly = [\"202-02\", \"202-01\"] # 2013 年\n"),
        "{text}"
    );
    assert!(text.contains("no = \"201-05\"\n"), "{text}");
}

#[test]
fn a_toml_standard_keeps_its_comments() {
    let old =
        "# 采用国家标准\nno = \"201-4\"\ntitle = \"指南\" # 名称\n\n[covers]\nposts = [\"GW01\"]\n";
    let (bytes, what) = edit::standard(old.as_bytes(), FileKind::Toml, "201-4", "201-07").unwrap();
    assert_eq!(
        String::from_utf8(bytes).unwrap(),
        "# 采用国家标准\nno = \"201-07\"\ntitle = \"指南\" # 名称\nformerly = [\"201-4\"]\n\n[covers]\nposts = [\"GW01\"]\n"
    );
    assert_eq!(what.len(), 2);
}

#[test]
fn a_former_number_already_kept_is_not_added_twice() {
    let old = "+++\nno = \"201-05\"\nformerly = [\"201-3\"]\n+++\nbody\r\n";
    let (bytes, what) =
        edit::standard(old.as_bytes(), FileKind::Markdown, "201-03", "201-06").unwrap();
    assert_eq!(
        String::from_utf8(bytes).unwrap(),
        "+++\nno = \"201-06\"\nformerly = [\"201-3\"]\n+++\nbody\r\n"
    );
    assert_eq!(what.len(), 1);
}

#[test]
fn a_standard_given_back_a_former_number_drops_it_from_formerly() {
    let old = "+++\nno = \"201-05\"\nformerly = [\"201-02\", \"201-3\"]\n+++\n";
    let (bytes, _) =
        edit::standard(old.as_bytes(), FileKind::Markdown, "201-05", "201-03").unwrap();
    assert_eq!(
        String::from_utf8(bytes).unwrap(),
        "+++\nno = \"201-03\"\nformerly = [\"201-02\", \"201-05\"]\n+++\n"
    );
}

#[test]
fn metadata_that_does_not_parse_is_not_rewritten() {
    assert!(edit::standard(b"+++\nno = \n+++\n", FileKind::Markdown, "201-01", "201-02").is_none());
    assert!(edit::standard(b"no front matter\n", FileKind::Markdown, "201-01", "201-02").is_none());
    assert!(edit::records(b"[[training]\n", &|_| None).is_none());
}

#[test]
fn refusals() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = repo(dir.path());
    let r = &loaded.repo;
    let key = |e: Result<Vec<Move>, Msg>| e.unwrap_err().key;
    assert_eq!(key(single(r, "201-03", "201-01")), "renumber_taken");
    // A former number of another standard is taken too.
    assert_eq!(key(single(r, "201-03", "202-2")), "renumber_taken");
    assert_eq!(key(single(r, "201-03", "201-")), "renumber_malformed");
    assert_eq!(key(single(r, "201-03", "201-00")), "renumber_malformed");
    assert_eq!(key(single(r, "201-03", "209-01")), "renumber_no_category");
    assert_eq!(key(single(r, "201-03", "201-100")), "renumber_too_wide");
    assert_eq!(key(single(r, "201-08", "201-09")), "renumber_unknown_old");
    assert_eq!(key(single(r, "202-02", "202-05")), "renumber_old_is_former");
    assert_eq!(key(single(r, "201-03", "201-3")), "renumber_same");
}

#[test]
fn a_file_to_rewrite_with_an_error_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    repo(dir.path());
    std::fs::write(
        dir.path().join("records/inspections/b.toml"),
        "[[inspection]]\ndate = 2014-05-14\nstandard = \"201-03\"\ninspector = \"王芳\"\nresult = \"conform\"\n[[inspection]\n",
    )
    .unwrap();
    let loaded = crate::load::load(dir.path()).unwrap();
    let moves = single(&loaded.repo, "201-03", "201-09").unwrap();
    let read = |rel: &str| Ok(std::fs::read(dir.path().join(rel)).unwrap());
    let e = plan(&loaded.repo, &loaded.findings, moves, &read).unwrap_err();
    assert_eq!(e.key, "renumber_unsafe");
}

#[test]
fn shift_closes_gaps_in_order_planning_the_chain_against_the_final_state() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = repo(dir.path());
    // 201-01, 201-03, 201-4 → 01 stays, 03 → 02, 04 → 03: 201-03 is free once its standard
    // has moved, though not before.
    let moves = shift(&loaded.repo, "201").unwrap();
    let pairs: Vec<(String, String)> = moves
        .iter()
        .map(|m| (m.old.to_string(), m.new.to_string()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("201-03".to_owned(), "201-02".to_owned()),
            ("201-4".to_owned(), "201-03".to_owned())
        ]
    );
    let plan = planned(dir.path(), &loaded, moves);
    assert_eq!(
        after(&plan, "records/trainings/2014.toml"),
        "# 培训记录\n\n[[training]]\ndate = 2014-03-05\ntopic = \"宣贯\"\nstandards = [\n  \"201-01\", # 窗口\n  \"201-02\",\n]\nattendees = []\n"
    );
    let moved = after(
        &plan,
        "system/2-服务提供/201-服务规范/201-03-质量管理顾客满意组织行为规范指南.toml",
    );
    assert!(moved.contains("no = \"201-03\"\n"), "{moved}");
    assert!(moved.contains("formerly = [\"201-4\"]\n"), "{moved}");
    // Applied as one: the old 201-03 file leaves before the new one arrives.
    plan.changes.apply(dir.path()).unwrap();
    let after = crate::load::load(dir.path()).unwrap();
    let nos: Vec<String> = after
        .repo
        .standards
        .iter()
        .map(|s| s.no_written())
        .collect();
    assert_eq!(nos, ["201-01", "201-02", "201-03", "202-01"]);
}

#[test]
fn shift_skips_former_numbers_and_refuses_a_category_without_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = repo(dir.path());
    assert_eq!(
        shift(&loaded.repo, "202").unwrap_err().key,
        "renumber_no_gap"
    );
    assert_eq!(
        shift(&loaded.repo, "209").unwrap_err().key,
        "unknown_category"
    );
}

#[test]
fn records_written_as_inline_tables_are_rewritten_too() {
    let dir = tempfile::tempdir().unwrap();
    repo(dir.path());
    let path = "records/trainings/2014.toml";
    std::fs::write(
        dir.path().join(path),
        "training = [\n  { date = 2014-03-05, topic = \"宣贯\", standards = [\"201-03\"], attendees = [] },\n]\n",
    )
    .unwrap();
    let loaded = crate::load::load(dir.path()).unwrap();
    assert_eq!(
        loaded.repo.records.trainings.len(),
        1,
        "{:?}",
        loaded.findings
    );
    let moves = single(&loaded.repo, "201-03", "201-09").unwrap();
    let plan = planned(dir.path(), &loaded, moves);
    assert_eq!(
        after(&plan, path),
        "training = [\n  { date = 2014-03-05, topic = \"宣贯\", standards = [\"201-09\"], attendees = [] },\n]\n"
    );
}
