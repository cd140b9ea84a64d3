//! The dossier as PDF (`dossier.pdf`): the [`Dossier`] is written as one Typst document and
//! compiled in-process with the `typst` library. No network, no packages, no files: the world
//! holds one main source, the fonts and a fixed date.
//!
//! Layout: A4 with the GB/T 9704 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm),
//! page numbers “— 3 —” at the outer edge (odd pages right, even pages left, as GB/T 9704),
//! a running header with the dossier's title on every page but the cover, each section
//! on a new page, headings as PDF bookmarks.
//!
//! Fonts: 仿宋 (hand-written chapters and audit reports, as official documents), 宋体 (standard
//! texts, tables), 黑体 (headings). A system that has `FangSong_GB2312`/`FangSong`, `SimSun` or
//! `SimHei` (Windows, or installed under `font_dirs`) prints with those; otherwise the GB2312
//! subsets of Noto Serif CJK SC and Noto Sans CJK SC embedded in the binary are used (see
//! `assets/fonts/README.md`). A character outside GB2312 falls back to any font on the
//! system that has it.
//!
//! Every piece of user text reaches Typst through [`escape`] (markup) or [`str_lit`] (string
//! literals): nothing from the repository is ever Typst code.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Result, anyhow};
use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use super::model::{Dossier, MemberRates, Section, StandardHistory, StandardText};
use crate::model::{Audit, Date, Inspection, Survey, Training};
use crate::rates::{CenterRates, Rate};
use crate::table::SystemTable;
use crate::tasks::Task;

mod fonts;
mod markdown;
mod markup;

use fonts::*;
use markdown::*;
use markup::*;

/// The fonts embedded in the binary: GB2312 subsets of Noto CJK (SIL OFL 1.1).
static EMBEDDED: [&[u8]; 3] = [
    include_bytes!("../../../assets/fonts/NotoSerifSC-Regular-GB2312.otf"),
    include_bytes!("../../../assets/fonts/NotoSerifSC-Bold-GB2312.otf"),
    include_bytes!("../../../assets/fonts/NotoSansSC-Bold-GB2312.otf"),
];

/// The family names of the embedded fonts (name ID 1).
const EMBEDDED_SERIF: &str = "Noto Serif CJK SC";
const EMBEDDED_SANS: &str = "Noto Sans CJK SC";

/// Preferred families, best first; those not installed are left out and the embedded face
/// closes each list.
const FANGSONG: &[&str] = &[
    "FangSong_GB2312",
    "仿宋_GB2312",
    "FangSong",
    "仿宋",
    "STFangsong",
];
const SONG: &[&str] = &["SimSun", "宋体", "STSong", "Songti SC"];
const HEI: &[&str] = &["SimHei", "黑体", "STHeiti", "Heiti SC"];
const KAI: &[&str] = &["KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti"];
const MONO: &[&str] = &[
    "DejaVu Sans Mono",
    "Consolas",
    "Menlo",
    "Noto Sans Mono CJK SC",
];

/// Renders the dossier as PDF. `font_dirs` are searched for fonts besides the system's font
/// directories. The same dossier on the same machine gives byte-identical output.
pub fn render(d: &Dossier, font_dirs: &[PathBuf]) -> Result<Vec<u8>> {
    let doc = layout(d, font_dirs)?;
    let options = PdfOptions {
        ident: Smart::Custom(format!("stdkit-dossier:{}:{}", d.center, d.as_of)),
        creator: Smart::Custom(Some(format!("stdkit {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Timestamp::new_local(datetime(d.as_of), 8 * 60),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&doc, &options).map_err(|errors| diagnostics_error("PDF export", &errors, None))
}

/// Compiles the dossier into laid-out pages.
fn layout(d: &Dossier, font_dirs: &[PathBuf]) -> Result<PagedDocument> {
    let fonts = Fonts::collect(font_dirs);
    let source = typst_source(d, &fonts.book);
    let world = DossierWorld::new(source, fonts, datetime(d.as_of));
    let Warned {
        output,
        warnings: _,
    } = typst::compile::<PagedDocument>(&world);
    output.map_err(|errors| diagnostics_error("typesetting", &errors, Some(&world)))
}

fn datetime(d: Date) -> Datetime {
    Datetime::from_ymd(i32::from(d.year()), d.month() as u8, d.day() as u8)
        .expect("a civil date is a valid Typst date")
}

fn diagnostics_error(
    what: &str,
    errors: &[SourceDiagnostic],
    world: Option<&DossierWorld>,
) -> anyhow::Error {
    let mut msg = format!("PDF dossier: {what} failed");
    for e in errors.iter().filter(|e| e.severity == Severity::Error) {
        let _ = write!(msg, "\n  {}", e.message);
        if let Some(world) = world
            && let Some(range) = world.range(e.span)
        {
            let text = world.main.text();
            let (from, to) = (
                range.start.saturating_sub(60),
                (range.end + 60).min(text.len()),
            );
            let from = (0..=from)
                .rev()
                .find(|i| text.is_char_boundary(*i))
                .unwrap_or(0);
            let to = (to..=text.len())
                .find(|i| text.is_char_boundary(*i))
                .unwrap_or(text.len());
            let _ = write!(msg, "\n    near: {:?}", &text[from..to]);
        }
        for hint in &e.hints {
            let _ = write!(msg, "\n    hint: {}", hint.v);
        }
    }
    anyhow!(msg)
}

// ---------------------------------------------------------------------------------------
// The world: one source, the fonts, a fixed date.

struct DossierWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<FontSlot>,
    main: Source,
    today: Datetime,
}

impl DossierWorld {
    fn new(text: String, fonts: Fonts, today: Datetime) -> Self {
        let id = FileId::new(RootedPath::new(
            VirtualRoot::Project,
            VirtualPath::new("/dossier.typ").expect("a valid virtual path"),
        ));
        DossierWorld {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(fonts.book),
            fonts: fonts.slots,
            main: Source::new(id, text),
            today,
        }
    }
}

impl World for DossierWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            Ok(Bytes::from_string(self.main.text().to_owned()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index)?.get()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::model::Commit;
    use crate::finding::{Msg, Pos};
    use crate::model::{At, Level, Origin, Outcome, Period, Status};
    use crate::table::{Node, Row, Stat};

    const HOSTILE: &str =
        "#set page(width: 1cm) *x* _y_ $z$ <l> @r [a] ~ // \\ \"q\" 'p' = - 1. http://h.cn `c`";

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn at<T>(v: T) -> At<T> {
        At::new(v, Pos::START)
    }

    /// A small volume with every kind of section and hostile text in every field kind.
    fn small() -> Dossier {
        let rows = (1..=3)
            .map(|i| Row {
                index: i,
                no: format!("101-0{i}"),
                code: Some(format!("GB/T 2442{i}.1-2009")),
                title: format!("服务业组织标准化工作指南 第{i}部分 {HOSTILE}"),
                level: Some(Level::National),
                origin: Some(Origin::Adopted),
                status: Some(Status::InForce),
                effective: Some("2010-01-01".to_owned()),
                replaces: vec!["GB/T 1.1-2009".to_owned()],
                unit: Some("综合科".to_owned()),
                path: format!("system/1/101-0{i}.toml"),
            })
            .collect();
        let table = SystemTable {
            center: "安庆市政务服务中心".to_owned(),
            rows,
            tree: vec![
                Node {
                    code: "1".into(),
                    title: "通用基础标准体系".into(),
                    depth: 0,
                    own: 0,
                    total: 3,
                },
                Node {
                    code: "101".into(),
                    title: format!("标准化导则 {HOSTILE}"),
                    depth: 1,
                    own: 3,
                    total: 3,
                },
                Node {
                    code: "2".into(),
                    title: "服务提供标准体系".into(),
                    depth: 0,
                    own: 0,
                    total: 0,
                },
            ],
            stats: vec![
                Stat {
                    subsystem: Some("1 通用基础标准体系".into()),
                    level: Some(Level::National),
                    planned: 3,
                    existing: 3,
                },
                Stat {
                    subsystem: Some("1 通用基础标准体系".into()),
                    level: None,
                    planned: 3,
                    existing: 3,
                },
                Stat {
                    subsystem: None,
                    level: None,
                    planned: 3,
                    existing: 3,
                },
            ],
        };
        let rate = |key, zh: &str, n, d, target| Rate {
            key,
            name: Msg::new(zh, key),
            numerator: n,
            denominator: d,
            target,
            definition: Msg::new(format!("{zh}的定义 {HOSTILE}"), "def"),
            when_empty: Msg::new("没有登记人员", "no staff"),
        };
        let center = CenterRates {
            center: "安庆市政务服务中心".into(),
            period: Some(Period {
                from: date("2014-01-01"),
                to: date("2014-12-31"),
            }),
            rates: vec![
                rate("coverage", "标准化覆盖率", 93, 100, Some(0.9)),
                rate("implementation", "标准实施率", 9, 10, Some(0.95)),
                rate("training", "全员参训率", 0, 0, Some(0.95)),
                rate("completeness", "体系完整率", 3, 3, None),
            ],
        };
        let task = Task {
            no: "301-01".into(),
            title: format!("窗口建设规范 {HOSTILE}"),
            status: Status::Drafting,
            unit: Some("窗口管理科".into()),
            owner: Some("操志勇".into()),
            due: Some("2014-10-31".into()),
            overdue: true,
            days_overdue: Some(61),
            path: "system/3/301-01.md".into(),
        };
        Dossier {
            title: HOSTILE.to_owned(),
            center: "安庆市政务服务中心".to_owned(),
            as_of: date("2014-12-31"),
            commit: Some("0123456789abcdef0123456789abcdef01234567".into()),
            dirty: true,
            sections: vec![
                Section::Cover,
                Section::Contents,
                Section::Chapter {
                    title: format!("工作总结 {HOSTILE}"),
                    path: "dossier/02.md".into(),
                    markdown: format!(
                        "# 工作总结\n\n## 一、基本情况\n\n中心按照方案\n建立了标准体系。{HOSTILE}\n\n\
                         - 第一项 **重点** *强调* `code` ~~删除~~\n- 第二项\n\n1. 甲\n2. 乙\n\n\
                         > 引用 {HOSTILE}\n\n| 甲 | 乙 |\n|---|--:|\n| {HOSTILE} | 2 |\n\n\
                         ```\n#set page(width: 1cm)\n  缩进 \"q\" \\\n```\n\n\
                         <div>raw html</div>\n\n![图](x.png)\n"
                    ),
                },
                Section::SystemTable(table),
                Section::Rates {
                    center: center.clone(),
                    members: vec![
                        MemberRates { path: "members/桐城".into(), rates: Ok(center) },
                        MemberRates { path: "members/怀宁".into(), rates: Err(format!("无法加载 {HOSTILE}")) },
                    ],
                },
                Section::Tasks(vec![(Some("窗口管理科".into()), vec![task])]),
                Section::Standards(vec![StandardText {
                    no: "201-06".into(),
                    code: Some("Q/AQZW 20106—2014".into()),
                    title: "AB岗工作制".into(),
                    published: Some(date("2014-03-25")),
                    effective: Some(date("2014-04-01")),
                    markdown: "# AB岗工作制\n\n## 1 范围\n\n本文件规定了AB岗工作制。\n\n## 2 规范性引用文件\n\n本文件没有规范性引用文件。\n\n### 2.1 条\n\n内容。\n".into(),
                }]),
                Section::Inspections(vec![Inspection {
                    path: "records/inspections/1.toml".into(),
                    head: Pos::START,
                    date: at(date("2014-05-10")),
                    standard: at("201-06".into()),
                    inspector: "储建国".into(),
                    result: Outcome::Nonconform,
                    finding: Some(format!("未公示 {HOSTILE}")),
                    rectified: Some(at(date("2014-05-20"))),
                }]),
                Section::Trainings(vec![Training {
                    path: "records/trainings/1.toml".into(),
                    head: Pos::START,
                    date: at(date("2014-01-16")),
                    topic: format!("标准化基础知识 {HOSTILE}"),
                    standards: vec![at("101-01".into())],
                    attendees: vec![at("S001".into()), at("S002".into())],
                }]),
                Section::Surveys(vec![Survey {
                    path: "records/surveys/1.toml".into(),
                    head: Pos::START,
                    from: at(date("2014-06-01")),
                    to: at(date("2014-06-30")),
                    method: format!("问卷 {HOSTILE}"),
                    responses: at(500),
                    satisfied: at(492),
                }]),
                Section::Audits(vec![(
                    Audit {
                        path: "records/audits/1.md".into(),
                        title: "2014年第一次标准化内部审核报告".into(),
                        date: date("2014-06-20"),
                        auditors: vec!["储建国".into(), "叶志刚".into()],
                    },
                    "# 2014年第一次标准化内部审核报告\n\n## 一、审核目的\n\n检查运行情况。\n".into(),
                )]),
                Section::History(vec![
                    StandardHistory {
                        no: "201-06".into(),
                        title: "AB岗工作制".into(),
                        commits: vec![
                            Commit { date: "2014-03-25".into(), author: "操志勇".into(), subject: format!("发布 {HOSTILE}") },
                            Commit { date: "2014-02-10".into(), author: "操志勇".into(), subject: "起草".into() },
                        ],
                    },
                    StandardHistory { no: "201-07".into(), title: "限时办结制".into(), commits: vec![] },
                ]),
            ],
        }
    }

    /// The text of the laid-out pages, one string per page.
    fn page_texts(doc: &PagedDocument) -> Vec<String> {
        fn walk(frame: &typst::layout::Frame, out: &mut String) {
            for (_, item) in frame.items() {
                match item {
                    typst::layout::FrameItem::Group(g) => walk(&g.frame, out),
                    typst::layout::FrameItem::Text(t) => out.push_str(&t.text),
                    _ => {}
                }
            }
        }
        doc.pages()
            .iter()
            .map(|p| {
                let mut s = String::new();
                walk(&p.frame, &mut s);
                s
            })
            .collect()
    }

    #[test]
    fn escape_makes_markup_literal() {
        assert_eq!(escape("#set *x*"), "\\#set \\*x\\*");
        assert_eq!(escape("a\nb\r\tc"), "a b c");
        assert_eq!(escape("中文（全角）"), "中文（全角）");
        assert_eq!(str_lit("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(printed_code("GB/T 1.1-2020"), "GB/T 1.1—2020");
        assert_eq!(printed_code("DB11/ 501-2017"), "DB11/ 501—2017");
        assert_eq!(printed_code("Q/AQZW 20106—2014"), "Q/AQZW 20106—2014");
        assert_eq!(printed_code("T/CAS 1"), "T/CAS 1");
        assert_eq!(
            fill("@A@ @B@ @@ @C", &[("A", "@B@".into()), ("B", "x".into())]),
            "@B@ x @@ @C"
        );
    }

    #[test]
    fn hostile_text_prints_literally_and_the_pdf_is_deterministic() {
        let d = small();
        let doc = layout(&d, &[]).unwrap();
        let pages = page_texts(&doc);
        let all: String = pages.concat();
        // The page is A4, not 1 cm wide: the title did not run as code.
        for page in doc.pages() {
            assert!(
                (page.frame.width().to_mm() - 210.0).abs() < 0.5
                    || (page.frame.width().to_mm() - 297.0).abs() < 0.5
            );
        }
        let compact: String = all.chars().filter(|c| !c.is_whitespace()).collect();
        let hostile: String = HOSTILE.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            compact.contains(&hostile),
            "hostile text not literal in: {compact}"
        );
        for zh in [
            "安庆市政务服务中心",
            "目录",
            "标准体系表",
            "AB岗工作制",
            "1范围",
            "标准化覆盖率",
            "逾期61天",
            "—1—",
            "GB/T1.1—2009",
        ] {
            assert!(compact.contains(zh), "{zh} missing");
        }
        assert!(!compact.contains("rawhtml"), "raw HTML must be dropped");
        assert!(
            compact.contains("#setpage(width:1cm)缩进\"q\"\\"),
            "code block literal"
        );
        // The cover carries neither page number nor running header.
        assert!(!pages[0].contains("— 1 —"));
        // The Chinese text is set in the embedded CJK fonts (or an installed 宋体/仿宋/黑体).
        let pdf = render(&d, &[]).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        if let Some(out) = std::env::var_os("STDKIT_PDF_SMALL_OUT") {
            std::fs::write(out, &pdf).unwrap();
        }
        let again = render(&d, &[]).unwrap();
        assert!(pdf == again, "two renders differ");
        // Bookmarks: an outline dictionary exists.
        assert!(pdf.windows(9).any(|w| w == b"/Outlines"));
        if let Some(text) = pdftotext(&pdf) {
            let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(
                compact.contains(&hostile),
                "pdftotext: hostile title not literal"
            );
            assert!(compact.contains("安庆市政务服务中心"));
        }
    }

    #[test]
    fn empty_parts_render() {
        let d = Dossier {
            title: String::new(),
            center: String::new(),
            as_of: date("2026-11-28"),
            commit: None,
            dirty: false,
            sections: vec![
                Section::Contents,
                Section::Chapter {
                    title: "空".into(),
                    path: "dossier/x.md".into(),
                    markdown: String::new(),
                },
                Section::SystemTable(SystemTable {
                    center: String::new(),
                    rows: vec![],
                    tree: vec![],
                    stats: vec![],
                }),
                Section::Rates {
                    center: CenterRates {
                        center: String::new(),
                        period: None,
                        rates: vec![],
                    },
                    members: vec![],
                },
                Section::Tasks(vec![]),
                Section::Standards(vec![]),
                Section::Inspections(vec![]),
                Section::Trainings(vec![]),
                Section::Surveys(vec![]),
                Section::Audits(vec![]),
                Section::History(vec![]),
                Section::Cover,
            ],
        };
        let doc = layout(&d, &[]).unwrap();
        let text: String = page_texts(&doc).concat();
        assert!(text.contains("验收材料汇编") && text.contains("（无记录）"));
    }

    #[test]
    fn installed_song_fang_and_hei_faces_come_before_the_embedded_ones() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts");
        let found = scan_dirs(&[dir]);
        let families: Vec<&str> = found.iter().map(|f| f.info.family.as_str()).collect();
        assert_eq!(families, [EMBEDDED_SANS, EMBEDDED_SERIF, EMBEDDED_SERIF]);

        let mut book = FontBook::new();
        for font in embedded_fonts() {
            book.push(font.info().clone());
        }
        let source = typst_source(&small(), &book);
        assert!(
            source.contains("#let hei = (\"Noto Sans CJK SC\")"),
            "{source}"
        );
        for family in ["SimHei", "FangSong", "SimSun"] {
            let mut info = embedded_fonts()[0].info().clone();
            info.family = family.to_owned();
            book.push(info);
        }
        let source = typst_source(&small(), &book);
        assert!(source.contains("#let hei = (\"SimHei\", \"Noto Sans CJK SC\")"));
        assert!(source.contains("#let song = (\"SimSun\", \"Noto Serif CJK SC\")"));
        assert!(source.contains("#let fang = (\"FangSong\", \"SimSun\", \"Noto Serif CJK SC\")"));
    }

    /// The PDF's text by poppler's `pdftotext`, when it is installed.
    fn pdftotext(pdf: &[u8]) -> Option<String> {
        let dir = std::env::temp_dir().join(format!("stdkit-pdf-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok()?;
        let path = dir.join("t.pdf");
        std::fs::write(&path, pdf).ok()?;
        let out = std::process::Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .ok()?;
        let _ = std::fs::remove_dir_all(&dir);
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// A full volume from the reference repository `standards/`, written to
    /// `$STDKIT_PDF_OUT` (default: `target/dossier-sample.pdf`). Slow in a debug build.
    #[test]
    #[ignore]
    #[allow(clippy::print_stderr)]
    fn sample_volume_from_the_reference_repository() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("standards");
        let repo = crate::load::load(&root).unwrap().repo;
        let as_of = date("2014-12-31");
        let body = |rel: &str| -> String {
            let text = std::fs::read_to_string(root.join(rel)).unwrap();
            match text
                .strip_prefix("+++\n")
                .and_then(|t| t.split_once("\n+++\n"))
            {
                Some((_, body)) => body.to_owned(),
                None => text,
            }
        };
        let mut chapters = Vec::new();
        let mut files: Vec<_> = std::fs::read_dir(root.join("dossier"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            let md = std::fs::read_to_string(&f).unwrap();
            let title = md
                .lines()
                .find_map(|l| l.strip_prefix("# "))
                .unwrap_or("章节")
                .to_owned();
            chapters.push(Section::Chapter {
                title,
                path: f.display().to_string(),
                markdown: md,
            });
        }
        let table = crate::table::build(&repo);
        let mut texts: Vec<StandardText> = repo
            .standards
            .iter()
            .filter(|s| s.file == crate::model::FileKind::Markdown)
            .map(|s| StandardText {
                no: s.no.as_ref().map(|n| n.value.clone()).unwrap_or_default(),
                code: s.code.as_ref().map(|c| printed_code(&c.code.to_string())),
                title: s.title.clone().unwrap_or_default(),
                published: s.published.as_ref().map(|d| d.value),
                effective: s.effective.as_ref().map(|d| d.value),
                markdown: body(&s.path),
            })
            .collect();
        texts.sort_by(|a, b| a.no.cmp(&b.no));
        let audits = repo
            .records
            .audits
            .iter()
            .map(|a| (a.clone(), body(&a.path)))
            .collect();
        let history = texts
            .iter()
            .take(10)
            .map(|t| StandardHistory {
                no: t.no.clone(),
                title: t.title.clone(),
                commits: vec![Commit {
                    date: "2014-03-25".into(),
                    author: "综合科".into(),
                    subject: format!("发布{}", t.title),
                }],
            })
            .collect();
        let mut sections = vec![Section::Cover, Section::Contents];
        sections.extend(chapters);
        sections.extend([
            Section::SystemTable(table),
            Section::Rates {
                center: crate::rates::compute(&repo, None),
                members: vec![],
            },
            Section::Tasks(crate::tasks::build(&repo, as_of)),
            Section::Standards(texts),
            Section::Inspections(repo.records.inspections.clone()),
            Section::Trainings(repo.records.trainings.clone()),
            Section::Surveys(repo.records.surveys.clone()),
            Section::Audits(audits),
            Section::History(history),
        ]);
        let d = Dossier {
            title: "安庆市政务服务中心标准化试点验收材料汇编".into(),
            center: repo.manifest.center.clone().unwrap_or_default(),
            as_of,
            commit: Some("3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39".into()),
            dirty: false,
            sections,
        };
        let started = std::time::Instant::now();
        let pdf = render(&d, &[]).unwrap();
        let out = std::env::var_os("STDKIT_PDF_OUT").map_or_else(
            || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/dossier-sample.pdf"),
            PathBuf::from,
        );
        std::fs::write(&out, &pdf).unwrap();
        eprintln!(
            "{} bytes in {:?} -> {}",
            pdf.len(),
            started.elapsed(),
            out.display()
        );
    }
}
