//! From the rows of a workbook to the files of a repository: each sheet's header found, its
//! rows sorted into category rows, standard rows (read by `row` into an [`Entry`] or a finding)
//! and rows passed over; duplicates and what the repository has dropped, system numbers given,
//! statuses inferred, and the files rendered into a [`Changeset`] with the categories the
//! repository lacks. Pure: the repository is given as a [`Target`], the workbook as read.

use std::collections::{BTreeMap, BTreeSet};

use super::header::{self, Field, Header};
use super::read::{MAX_ROWS, Row, Sheet, Workbook};
use super::render;
use super::row::{At, Found, cell_text, entry};
pub use super::row::{Entry, column_letters};
use super::values;
use crate::edit::{Change, Changeset};
use crate::finding::{Code, Finding, Location, Pos};
use crate::messages as m;
use crate::model::{Date, Repository, Status, StdCode, SystemNo};

/// What an import needs to know of the repository it writes into.
#[derive(Clone, Debug, Default)]
pub struct Target {
    pub prefix: String,
    pub width: u8,
    /// Category code → directory (repository-relative).
    pub categories: BTreeMap<String, String>,
    pub standards: Vec<Existing>,
}

#[derive(Clone, Debug)]
pub struct Existing {
    pub no: Option<SystemNo>,
    pub code: Option<StdCode>,
    pub title: Option<String>,
    pub dir: String,
}

impl Target {
    pub fn of(repo: &Repository) -> Target {
        Target {
            prefix: repo.manifest.internal_prefix.clone().unwrap_or_default(),
            width: repo.manifest.seq_width.max(1),
            categories: repo
                .categories
                .iter()
                .filter_map(|c| Some((c.code.as_ref()?.value.clone(), c.dir.clone())))
                .collect(),
            standards: repo
                .standards
                .iter()
                .map(|s| Existing {
                    no: s.system_no().cloned(),
                    code: s.code.as_ref().map(|c| c.code.clone()),
                    title: s.title.clone(),
                    dir: s.dir().to_owned(),
                })
                .collect(),
        }
    }
}

pub struct Options {
    pub as_of: Date,
    pub merge: bool,
}

/// What an import would do.
#[derive(Debug, Default)]
pub struct Plan {
    pub changes: Changeset,
    /// Rows that could not be placed (errors), and what was imported with a change (warnings).
    pub findings: Vec<Finding>,
    /// Standard rows read.
    pub rows: usize,
    pub standards: usize,
    pub categories: usize,
    /// Without `--merge`: the table's standards the repository already has (nothing may be
    /// written then).
    pub conflicts: Vec<String>,
    /// The repository as it will be after this plan: what a next table imported in the same
    /// run must not collide with.
    pub after: Target,
}

/// Plans the import of `book` (named `source` in findings) into `target`.
pub fn plan(book: &Workbook, source: &str, target: &Target, opts: &Options) -> Plan {
    let mut out = Plan::default();
    let mut found = Found::new();
    // Categories the table names: code → (title, first sheet and row).
    let mut named: BTreeMap<String, String> = BTreeMap::new();
    let mut entries = Vec::new();
    for (index, sheet) in book.sheets.iter().enumerate() {
        read_sheet(
            index,
            sheet,
            source,
            target,
            opts,
            &mut named,
            &mut entries,
            &mut found,
        );
    }
    out.rows = entries.len() + found.iter().filter(|(_, f)| is_row_error(f)).count();
    let entries = drop_duplicates(entries, source, &mut found);
    let entries = drop_existing(entries, source, target, opts.merge, &mut found, &mut out);
    let mut entries = number(entries, source, target, &mut found);
    infer_status(&mut entries, opts.as_of, source, &mut found);
    out.after = render::changes(&entries, &named, target, source, &mut out);
    out.standards = entries.len();
    // Sheet by sheet, in the workbook's order; then by row and column.
    found.sort_by(|(a, f), (b, g)| (a, f.location.pos, f.code).cmp(&(b, g.location.pos, g.code)));
    out.findings = found.into_iter().map(|(_, f)| f).collect();
    out
}

/// Plans several workbooks (each with the name findings give it), each against the repository
/// as the ones before it leave it: one plan, written all or none.
pub fn plan_all(books: &[(String, Workbook)], target: &Target, opts: &Options) -> Plan {
    let mut all = Plan {
        after: target.clone(),
        ..Plan::default()
    };
    for (source, book) in books {
        let one = plan(book, source, &all.after, opts);
        for change in one.changes.changes() {
            if let Change::Create { path, bytes } = change {
                all.changes.create(path.clone(), bytes.clone());
            }
        }
        all.findings.extend(one.findings);
        all.conflicts.extend(one.conflicts);
        all.rows += one.rows;
        all.standards += one.standards;
        all.categories += one.categories;
        all.after = one.after;
    }
    all
}

impl Plan {
    /// The repository-relative paths the plan writes, sorted, with `/` separators.
    pub fn paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = self
            .changes
            .changes()
            .iter()
            .map(|c| c.path().to_string_lossy().replace('\\', "/"))
            .collect();
        paths.sort();
        paths
    }

    /// Whether some row was not imported.
    pub fn failed(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.severity == crate::finding::Severity::Error)
    }
}

/// Whether a finding is one of a row that was not placed.
fn is_row_error(f: &Finding) -> bool {
    f.severity == crate::finding::Severity::Error && f.code != Code::ImportLimit
}

#[allow(
    clippy::too_many_arguments,
    reason = "one sheet's context, passed once"
)]
fn read_sheet(
    index: usize,
    sheet: &Sheet,
    source: &str,
    target: &Target,
    opts: &Options,
    named: &mut BTreeMap<String, String>,
    entries: &mut Vec<Entry>,
    findings: &mut Found,
) {
    let at = |row| At {
        index,
        source,
        sheet: &sheet.name,
        row,
    };
    if sheet.rows.is_empty() {
        return;
    }
    let Some((i, header)) = header::find(&sheet.rows) else {
        findings.push(at(1).keyed(
            Code::ImportSheet,
            1,
            m::import_no_header(&sheet.name, header::SEARCH_ROWS),
        ));
        return;
    };
    if sheet.truncated {
        findings.push(at(MAX_ROWS).keyed(
            Code::ImportLimit,
            1,
            m::import_limit(&sheet.name, MAX_ROWS),
        ));
    }
    let mut open: Option<String> = None;
    // The 序号 of the last standard row: the next one is a count, not a category code.
    let mut last_seq: Option<u64> = None;
    for row in &sheet.rows[i + 1..] {
        if values::footnote(row) {
            continue;
        }
        let get = |f: Field| cell_text(row, &header, f);
        let filled = [
            Field::Code,
            Field::Level,
            Field::Status,
            Field::Effective,
            Field::Published,
        ]
        .iter()
        .any(|f| get(*f).is_some());
        if !filled {
            let counted = last_seq.map_or("1".to_owned(), |n| (n + 1).to_string());
            let known = |code: &str, title: &str| {
                (code.len() >= 3 && code != counted)
                    || named.get(code).is_some_and(|t| t == title)
                    || target.categories.get(code).is_some_and(|dir| {
                        let name = dir.rsplit('/').next().unwrap_or("");
                        name.strip_prefix(code).and_then(|n| n.strip_prefix('-'))
                            == Some(render::file_part(title).as_str())
                    })
            };
            let category = values::category_row(row, header.column(Field::Seq), &known)
                .or_else(|| category_in_columns(row, &header))
                .or_else(|| {
                    let title = values::category_title(row)?;
                    let code = category_by_title(&title, target, named)?;
                    Some((code, title))
                });
            if let Some((code, title)) = category {
                named.entry(code.clone()).or_insert(title);
                open = Some(code);
                continue;
            }
        }
        if get(Field::Title).is_none() && get(Field::Code).is_none() {
            continue;
        }
        if let Some(n) = get(Field::Seq).and_then(|t| t.parse().ok()) {
            last_seq = Some(n);
        }
        let known = |code: &str| target.categories.contains_key(code) || named.contains_key(code);
        match entry(
            row,
            &header,
            &at(row.number),
            open.as_deref(),
            &known,
            target,
            opts,
            findings,
        ) {
            Ok(e) => entries.push(e),
            Err(f) => findings.push((index, *f)),
        }
    }
}

/// The code of the category of the repository or of the table with this title.
fn category_by_title(
    title: &str,
    target: &Target,
    named: &BTreeMap<String, String>,
) -> Option<String> {
    let part = render::file_part(title);
    named
        .iter()
        .find(|(_, t)| t.as_str() == title)
        .map(|(c, _)| c.clone())
        .or_else(|| {
            target.categories.iter().find_map(|(code, dir)| {
                let name = dir.rsplit('/').next()?;
                (name.strip_prefix(code.as_str())?.strip_prefix('-')? == part).then(|| code.clone())
            })
        })
}

/// A category written in the table's own columns: a category code (digits only) in the
/// 体系表编号 column and its title in the 标准名称 column, nothing else but 序号.
fn category_in_columns(row: &Row, header: &Header) -> Option<(String, String)> {
    let no = cell_text(row, header, Field::No)?;
    let title = cell_text(row, header, Field::Title)?;
    let no: String = no.chars().map(values::half_width).collect();
    let no = no.trim();
    (!no.is_empty() && no.len() <= 8 && no.bytes().all(|b| b.is_ascii_digit()))
        .then(|| (no.to_owned(), title))
}

/// The second and later rows with one system number or one code are reported and dropped.
fn drop_duplicates(entries: Vec<Entry>, source: &str, findings: &mut Found) -> Vec<Entry> {
    let mut nos: BTreeMap<SystemNo, u32> = BTreeMap::new();
    let mut codes: BTreeMap<StdCode, u32> = BTreeMap::new();
    let mut kept = Vec::new();
    for e in entries {
        let at = At {
            index: e.sheet_index,
            source,
            sheet: &e.sheet,
            row: e.row,
        };
        if let Some(no) = &e.no
            && let Some(first) = nos.get(no)
        {
            let f = at.finding(
                Code::ImportDuplicate,
                e.no_column,
                m::import_duplicate_no(&e.sheet, &at.cell(e.no_column), &no.to_string()),
            );
            findings.push((e.sheet_index, related_row(f, source, *first, e.no_column)));
            continue;
        }
        if let Some(code) = &e.code
            && let Some(first) = codes.get(code)
        {
            let f = at.finding(
                Code::ImportDuplicate,
                e.code_column,
                m::import_duplicate_code(&e.sheet, &at.cell(e.code_column), code),
            );
            findings.push((e.sheet_index, related_row(f, source, *first, e.code_column)));
            continue;
        }
        if let Some(no) = &e.no {
            nos.insert(no.clone(), e.row);
        }
        if let Some(code) = &e.code {
            codes.insert(code.clone(), e.row);
        }
        kept.push(e);
    }
    kept
}

fn related_row(f: Finding, source: &str, row: u32, column: u32) -> Finding {
    f.related(
        Location::new(
            source,
            Pos {
                line: row,
                column,
                len: 1,
            },
        ),
        m::import_first_row(row),
    )
}

/// Standards the repository already has (by system number, code, or — without either —
/// by title in the same category): with `--merge` skipped and reported, without it
/// recorded as conflicts, which stop the whole import.
fn drop_existing(
    entries: Vec<Entry>,
    source: &str,
    target: &Target,
    merge: bool,
    found: &mut Found,
    out: &mut Plan,
) -> Vec<Entry> {
    let nos: BTreeSet<&SystemNo> = target
        .standards
        .iter()
        .filter_map(|s| s.no.as_ref())
        .collect();
    let codes: BTreeSet<&StdCode> = target
        .standards
        .iter()
        .filter_map(|s| s.code.as_ref())
        .collect();
    let mut kept = Vec::new();
    for e in entries {
        let what = if let Some(no) = e.no.as_ref().filter(|n| nos.contains(n)) {
            Some((e.no_column, format!("`{no}`")))
        } else if let Some(code) = e.code.as_ref().filter(|c| codes.contains(c)) {
            Some((e.code_column, format!("`{code}`")))
        } else if e.code.is_none() && e.no.is_none() && same_title(&e, target) {
            Some((e.column, format!("“{}”", e.title)))
        } else {
            None
        };
        match what {
            None => kept.push(e),
            Some((column, what)) if merge => {
                let at = At {
                    index: e.sheet_index,
                    source,
                    sheet: &e.sheet,
                    row: e.row,
                };
                found.push(at.keyed(
                    Code::ImportExists,
                    column,
                    m::import_exists(&e.sheet, &at.cell(column), &what),
                ));
            }
            Some((_, what)) => out.conflicts.push(what),
        }
    }
    kept
}

fn same_title(e: &Entry, target: &Target) -> bool {
    let Some(dir) = target.categories.get(&e.category) else {
        return false;
    };
    target
        .standards
        .iter()
        .any(|s| &s.dir == dir && s.title.as_deref() == Some(e.title.as_str()))
}

/// Gives every entry without a system number the first free one of its category (numbers
/// used in the repository or elsewhere in the table are not free).
fn number(entries: Vec<Entry>, source: &str, target: &Target, findings: &mut Found) -> Vec<Entry> {
    let mut used: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for no in target
        .standards
        .iter()
        .filter_map(|s| s.no.as_ref())
        .chain(entries.iter().filter_map(|e| e.no.as_ref()))
    {
        used.entry(no.category().to_owned())
            .or_default()
            .insert(no.seq());
    }
    let max = 10u32.saturating_pow(u32::from(target.width)) - 1;
    let mut kept = Vec::new();
    for mut e in entries {
        if e.no.is_none() {
            let taken = used.entry(e.category.clone()).or_default();
            let Some(seq) = (1..=max).find(|n| !taken.contains(n)) else {
                let at = At {
                    index: e.sheet_index,
                    source,
                    sheet: &e.sheet,
                    row: e.row,
                };
                findings.push(at.keyed(
                    Code::ImportNumber,
                    e.column,
                    m::import_full(&e.sheet, &at.cell(e.column), &e.category),
                ));
                continue;
            };
            taken.insert(seq);
            e.no = Some(SystemNo::new(&e.category, seq, target.width));
        }
        kept.push(e);
    }
    kept
}

/// The status of an entry whose table gave none: in force with a code whose date (if any)
/// has come, planned without a code or before its date; superseded when another row of the
/// table replaces it.
fn infer_status(entries: &mut [Entry], as_of: Date, source: &str, findings: &mut Found) {
    // Each replaced code, and the row that replaces it.
    let mut replaced: BTreeMap<StdCode, u32> = BTreeMap::new();
    for e in entries.iter() {
        for code in &e.replaces {
            replaced.entry(code.clone()).or_insert(e.row);
        }
    }
    for e in entries.iter_mut() {
        let by = e.code.as_ref().and_then(|c| replaced.get(c)).copied();
        if let (Some(status), Some(by)) = (e.status, by)
            && status != Status::Superseded
        {
            // The table contradicts itself; the row that names the replacement wins, so that
            // `check` finds no in-force standard that another one replaces.
            let at = At {
                index: e.sheet_index,
                source,
                sheet: &e.sheet,
                row: e.row,
            };
            let column = e.status_column;
            findings.push(at.keyed(
                Code::ImportSuperseded,
                column,
                m::import_superseded(&e.sheet, &at.cell(column), status, by),
            ));
            e.status = Some(Status::Superseded);
        }
        if e.status.is_some() {
            continue;
        }
        let date = e.effective.or(e.published);
        e.status = Some(match (&e.code, date) {
            (Some(_), _) if by.is_some() => Status::Superseded,
            (Some(_), Some(d)) if d > as_of => Status::Planned,
            (Some(_), _) => Status::InForce,
            (None, _) => Status::Planned,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: u32, texts: &[&str]) -> Row {
        Row::of_texts(number, texts)
    }

    const HEAD: &[&str] = &[
        "序号",
        "体系表编号",
        "标准编号",
        "标准名称",
        "级别",
        "实施日期",
        "状态",
    ];

    fn book(rows: Vec<Row>) -> Workbook {
        Workbook {
            sheets: vec![Sheet {
                name: "明细表".into(),
                rows,
                ..Sheet::default()
            }],
        }
    }

    fn target() -> Target {
        Target {
            prefix: "Q/AQZW".into(),
            width: 2,
            categories: [
                ("1", "system/1-通用基础标准体系"),
                ("101", "system/1-通用基础标准体系/101-标准化导则"),
            ]
            .iter()
            .map(|(c, d)| ((*c).to_owned(), (*d).to_owned()))
            .collect(),
            standards: vec![],
        }
    }

    fn run(rows: Vec<Row>) -> Plan {
        let opts = Options {
            as_of: "2014-12-31".parse().unwrap(),
            merge: false,
        };
        plan(&book(rows), "t.xlsx", &target(), &opts)
    }

    fn codes(p: &Plan) -> Vec<(&str, u32, u32)> {
        p.findings
            .iter()
            .map(|f| (f.code.as_str(), f.location.pos.line, f.location.pos.column))
            .collect()
    }

    #[test]
    fn levels_and_statuses_follow_the_table_then_the_code_and_the_date() {
        let p = run(vec![
            row(1, HEAD),
            row(2, &["", "", "", "101 标准化导则"]),
            row(
                3,
                &[
                    "1",
                    "",
                    "GB/T 24421.1-2009",
                    "服务业组织标准化工作指南 第1部分：基本要求",
                    "",
                    "2009-12-01",
                ],
            ),
            row(
                4,
                &[
                    "2",
                    "",
                    "GB/T 20000.1-2014",
                    "标准化工作指南 第1部分",
                    "",
                    "2015-06-01",
                ],
            ),
            row(5, &["3", "", "", "标准化工作管理办法"]),
            row(
                6,
                &[
                    "4",
                    "",
                    "Q/AQZW 10104-2014",
                    "标准制修订程序",
                    "中心标准",
                    "",
                    "试行",
                ],
            ),
            row(7, &["5", "", "DB34/T 1-2009", "某地方标准", "", "", "废止"]),
        ]);
        assert!(p.findings.is_empty(), "{:?}", codes(&p));
        let files: Vec<String> = p
            .changes
            .changes()
            .iter()
            .map(|c| {
                String::from_utf8_lossy(match c {
                    crate::edit::Change::Create { bytes, .. } => bytes,
                    _ => unreachable!(),
                })
                .into_owned()
            })
            .collect();
        let has = |no: &str, line: &str| {
            files
                .iter()
                .any(|f| f.contains(&format!("no = \"{no}\"")) && f.contains(line))
        };
        assert!(
            has("101-01", "status = \"in-force\"")
                && has("101-01", "level = \"national\"")
                && has("101-01", "origin = \"adopted\"")
        );
        assert!(has("101-02", "status = \"planned\""), "{files:?}");
        assert!(
            has("101-03", "level = \"internal\"")
                && has("101-03", "origin = \"formulated\"")
                && has("101-03", "status = \"planned\"")
        );
        assert!(has("101-04", "status = \"trial\""));
        assert!(has("101-05", "level = \"local\"") && has("101-05", "status = \"withdrawn\""));
        assert_eq!(p.standards, 5);
        assert_eq!(p.categories, 0);
    }

    #[test]
    fn rows_that_cannot_be_placed_are_reported_and_the_rest_imported() {
        let p = run(vec![
            row(1, HEAD),
            row(2, &["1", "", "", "窗口服务规范"]),
            row(3, &["", "", "", "101 标准化导则"]),
            row(
                4,
                &[
                    "2",
                    "101-01",
                    "GB/T 24421.1-2009",
                    "服务业组织标准化工作指南",
                ],
            ),
            row(
                5,
                &[
                    "3",
                    "101-01",
                    "GB/T 24421.3-2009",
                    "服务业组织标准化工作指南 第3部分",
                ],
            ),
            row(
                6,
                &[
                    "4",
                    "",
                    "GB/T 13016-2009",
                    "标准体系表编制原则和要求",
                    "部门标准",
                ],
            ),
            row(
                7,
                &[
                    "5",
                    "",
                    "GB 50242",
                    "建筑给水排水及采暖工程施工质量验收规范",
                ],
            ),
            row(8, &["6", "201-01", "", "窗口服务规范"]),
            row(9, &["7", "", "GB/T 24421.1-2009", "重复的编号"]),
            row(10, &["8", "", "", "首问负责制", "", "", "现行"]),
            row(
                11,
                &[
                    "9",
                    "",
                    "ＧＢ／Ｔ　24421.2—2009",
                    "服务业组织标准化工作指南 第2部分",
                    "",
                    "2009年12月1日",
                ],
            ),
        ]);
        assert_eq!(
            codes(&p),
            [
                ("import/category", 2, 4),
                ("import/duplicate", 5, 2),
                ("import/level", 6, 5),
                ("import/code", 7, 3),
                ("import/category", 8, 2),
                ("import/duplicate", 9, 3),
                ("import/status", 10, 7),
                ("code/non-canonical", 11, 3),
            ]
        );
        // Rows 4 and 11 are imported.
        assert_eq!(p.standards, 2);
        assert_eq!(p.rows, 9);
        let paths: Vec<_> = p
            .changes
            .changes()
            .iter()
            .map(|c| c.path().to_string_lossy().into_owned())
            .collect();
        assert!(paths.contains(&"system/1-通用基础标准体系/101-标准化导则/101-02-服务业组织标准化工作指南第2部分.toml".to_owned()), "{paths:?}");
    }

    /// The paths a plan writes, sorted.
    fn planned_paths(p: &Plan) -> Vec<String> {
        let mut paths: Vec<_> = p
            .changes
            .changes()
            .iter()
            .map(|c| c.path().to_string_lossy().into_owned())
            .collect();
        paths.sort();
        paths
    }

    #[test]
    fn categories_the_repository_lacks_are_created_under_their_parent() {
        let p = run(vec![
            row(1, HEAD),
            row(2, &["2 服务提供标准体系"]),
            row(3, &["", "201", "", "服务规范"]),
            row(4, &["1", "", "", "窗口服务规范"]),
            row(5, &["", "", "", "102 方针目标"]),
            row(6, &["2", "", "", "服务方针与质量目标"]),
            row(7, &["注：本表按GB/T 13016编制。"]),
        ]);
        assert!(p.findings.is_empty(), "{:?}", codes(&p));
        let paths = planned_paths(&p);
        assert_eq!(
            paths,
            [
                "system/1-通用基础标准体系/102-方针目标/102-01-服务方针与质量目标.md",
                "system/1-通用基础标准体系/102-方针目标/_index.md",
                "system/2-服务提供标准体系/201-服务规范/201-01-窗口服务规范.md",
                "system/2-服务提供标准体系/201-服务规范/_index.md",
                "system/2-服务提供标准体系/_index.md",
            ]
        );
        assert_eq!(p.categories, 3);
    }

    #[test]
    fn a_standard_another_row_replaces_is_superseded_whatever_the_table_says() {
        let p = run(vec![
            row(
                1,
                &[
                    "序号",
                    "体系表编号",
                    "标准编号",
                    "标准名称",
                    "级别",
                    "实施日期",
                    "状态",
                    "代替标准号",
                ],
            ),
            row(2, &["101 标准化导则"]),
            row(
                3,
                &[
                    "1",
                    "",
                    "GB/T 15834-2011",
                    "标点符号用法",
                    "",
                    "2012-06-01",
                    "现行",
                    "GB/T 15834-1995",
                ],
            ),
            row(
                4,
                &[
                    "2",
                    "",
                    "GB/T 15834-1995",
                    "标点符号用法",
                    "",
                    "1996-06-01",
                    "现行",
                ],
            ),
        ]);
        assert_eq!(codes(&p), [("import/superseded", 4, 7)]);
        assert!(
            p.findings[0].message.zh.contains("第 3 行的标准代替了它"),
            "{:?}",
            p.findings[0].message
        );
        let old = p
            .changes
            .changes()
            .iter()
            .find(|c| c.path().to_string_lossy().contains("101-02"))
            .unwrap();
        let crate::edit::Change::Create { bytes, .. } = old else {
            unreachable!()
        };
        assert!(String::from_utf8_lossy(bytes).contains("status = \"superseded\""));
    }

    #[test]
    fn a_category_code_in_the_seq_column_is_told_from_a_count() {
        let p = run(vec![
            row(1, HEAD),
            row(2, &["101", "", "", "标准化导则"]),
            row(3, &["1", "", "", "标准化工作管理办法"]),
            row(4, &["2", "", "", "标准制修订程序"]),
            row(5, &["102", "", "", "方针目标"]),
            row(6, &["3", "", "", "服务方针与质量目标"]),
        ]);
        assert!(p.findings.is_empty(), "{:?}", codes(&p));
        let paths = planned_paths(&p);
        assert_eq!(
            paths,
            [
                "system/1-通用基础标准体系/101-标准化导则/101-01-标准化工作管理办法.md",
                "system/1-通用基础标准体系/101-标准化导则/101-02-标准制修订程序.md",
                "system/1-通用基础标准体系/102-方针目标/102-01-服务方针与质量目标.md",
                "system/1-通用基础标准体系/102-方针目标/_index.md",
            ]
        );
        // The 100th and 101st standards of a long table are counted, not categories (and
        // find the category full: two digits give 99 numbers).
        let mut rows = vec![row(1, HEAD), row(2, &["101 标准化导则"])];
        for n in 1..=101u32 {
            let title = format!("规范{n}");
            rows.push(row(n + 2, &[&n.to_string(), "", "", &title]));
        }
        let p = run(rows);
        assert_eq!(p.standards, 99);
        assert_eq!(
            codes(&p),
            [("import/number", 102, 4), ("import/number", 103, 4)]
        );
        assert_eq!(p.categories, 0);
    }

    #[test]
    fn a_category_row_may_name_the_category_only() {
        let p = run(vec![
            row(1, HEAD),
            row(2, &["一、通用基础标准体系"]),
            row(3, &["（一）标准化导则"]),
            row(4, &["1", "", "", "《标准化工作管理办法》"]),
            row(5, &["(二)不在标准库中的类目"]),
        ]);
        assert!(p.findings.is_empty(), "{:?}", codes(&p));
        let paths: Vec<_> = p
            .changes
            .changes()
            .iter()
            .map(|c| c.path().to_string_lossy().into_owned())
            .collect();
        // Row 5 names no category of the repository and has no title in the 标准名称 column: it
        // is neither a category nor a standard.
        assert_eq!(
            paths,
            ["system/1-通用基础标准体系/101-标准化导则/101-01-标准化工作管理办法.md"]
        );
    }

    #[test]
    fn columns_are_named_by_letters() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(703), "AAA");
    }
}
