//! Tests of the PDF writer: the Typst markup of each section, escaping, fonts, and the
//! rendered volume.

use super::*;
use crate::dossier::model::Commit;
use crate::finding::{Msg, Pos};
use crate::model::{At, Level, NoRef, Origin, Outcome, Period, Status};
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
            code: Some(format!("GB/T 2442{i}.1-2009").parse().unwrap()),
            title: format!("服务业组织标准化工作指南 第{i}部分 {HOSTILE}"),
            level: Some(Level::National),
            origin: Some(Origin::Adopted),
            status: Some(Status::InForce),
            effective: Some("2010-01-01".to_owned()),
            replaces: vec!["GB/T 1.1-2009".parse().unwrap()],
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
                planned: 3,
            },
            Node {
                code: "101".into(),
                title: format!("标准化导则 {HOSTILE}"),
                depth: 1,
                own: 3,
                total: 3,
                planned: 3,
            },
            Node {
                code: "2".into(),
                title: "服务提供标准体系".into(),
                depth: 0,
                own: 0,
                total: 0,
                planned: 0,
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
    let rate = |key: crate::rates::RateKey, zh: &str, n, d, target| Rate {
        key,
        name: Msg::new(zh, key.as_str()),
        numerator: n,
        denominator: d,
        target,
        definition: Msg::new(format!("{zh}的定义 {HOSTILE}"), "def"),
        when_empty: Msg::new("没有登记人员", "no staff"),
        uncounted: Vec::new(),
    };
    let center = CenterRates {
        center: "安庆市政务服务中心".into(),
        period: Some(Period {
            from: date("2014-01-01"),
            to: date("2014-12-31"),
        }),
        rates: vec![
            rate(
                crate::rates::RateKey::Coverage,
                "标准化覆盖率",
                93,
                100,
                Some(0.9),
            ),
            rate(
                crate::rates::RateKey::Implementation,
                "标准实施率",
                9,
                10,
                Some(0.95),
            ),
            rate(
                crate::rates::RateKey::Training,
                "全员参训率",
                0,
                0,
                Some(0.95),
            ),
            rate(
                crate::rates::RateKey::Completeness,
                "体系完整率",
                3,
                3,
                None,
            ),
        ],
        excluded: 0,
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
        draft: false,
        commit: Some("0123456789abcdef0123456789abcdef01234567".into()),
        dirty: true,
        body_lines: BTreeMap::new(),
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
                path: "system/2/201/201-06.md".into(),
                no: "201-06".into(),
                code: Some("Q/AQZW 20106—2014".into()),
                title: "AB岗工作制".into(),
                status: Some(Status::Trial),
                published: Some(date("2014-03-25")),
                effective: Some(date("2014-04-01")),
                markdown: "# AB岗工作制\n\n## 1 范围\n\n本文件规定了AB岗工作制。\n\n## 2 规范性引用文件\n\n本文件没有规范性引用文件。\n\n### 2.1 条\n\n内容。\n".into(),
            }]),
            Section::Inspections(vec![Inspection {
                path: "records/inspections/1.toml".into(),
                head: Pos::START,
                date: at(date("2014-05-10")),
                standard: NoRef::new(at("201-06".into())),
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
                standards: vec![NoRef::new(at("101-01".into()))],
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
                        Commit { date: "2014-03-25".into(), author: "操志勇".into(), subject: format!("发布 {HOSTILE}"), ..Default::default() },
                        Commit { date: "2014-02-10".into(), author: "操志勇".into(), subject: "起草".into(), ..Default::default() },
                    ],
                    ..Default::default()
                },
                StandardHistory { no: "201-07".into(), title: "限时办结制".into(), ..Default::default() },
            ]),
        ],
    }
}

/// The text of a laid-out frame, in layout order.
pub(super) fn frame_text(frame: &typst::layout::Frame) -> String {
    fn walk(frame: &typst::layout::Frame, out: &mut String) {
        for (_, item) in frame.items() {
            match item {
                typst::layout::FrameItem::Group(g) => walk(&g.frame, out),
                typst::layout::FrameItem::Text(t) => out.push_str(&t.text),
                _ => {}
            }
        }
    }
    let mut s = String::new();
    walk(frame, &mut s);
    s
}

/// The text of the laid-out pages, one string per page.
fn page_texts(doc: &PagedDocument) -> Vec<String> {
    doc.pages().iter().map(|p| frame_text(&p.frame)).collect()
}

#[test]
fn escape_makes_markup_literal() {
    assert_eq!(escape("#set *x*"), "\\#set \\*x\\*");
    assert_eq!(escape("a\nb\r\tc"), "a b c");
    assert_eq!(escape("中文（全角）"), "中文（全角）");
    assert_eq!(str_lit("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
    assert_eq!(
        fill("@A@ @B@ @@ @C", &[("A", "@B@".into()), ("B", "x".into())]),
        "@B@ x @@ @C"
    );
}

#[test]
fn long_runs_may_break_after_each_character() {
    let count = |s: &str| s.matches(ZWSP).count();
    assert_eq!(escape(&"a".repeat(LONG_RUN)), "a".repeat(LONG_RUN));
    assert_eq!(count(&escape(&"a".repeat(30))), 29);
    assert_eq!(escape(&"a".repeat(30)).replace(ZWSP, ""), "a".repeat(30));
    // Spaces and Chinese end a run.
    let words = format!("{} {}中{}", "a".repeat(20), "b".repeat(20), "c".repeat(20));
    assert_eq!(escape(&words), words);
    // Punctuation is still escaped; a run written in pieces counts as one.
    assert_eq!(escape(&"/".repeat(30)).replace(ZWSP, ""), "\\/".repeat(30));
    let (mut out, mut run) = (String::new(), 0);
    escape_into(&mut out, &"b".repeat(20), &mut run);
    escape_into(&mut out, &"c".repeat(10), &mut run);
    assert_eq!(count(&out), 10);
    assert_eq!(escape_solid(&"f".repeat(40)), "f".repeat(40));
    let code = format!("{}\n  {}", "x=1;".repeat(10), "y");
    assert_eq!(breakable(&code).replace(ZWSP, ""), code);
    assert_eq!(count(&breakable(&code)), 39);
    // A long standard number is no longer one unbreakable box.
    assert_eq!(
        std_nos(["GB/T 1.1—2020"].into_iter()),
        "[#stdno[GB\\/T 1\\.1—2020]]"
    );
    assert!(!std_nos(["Q".repeat(40).as_str()].into_iter()).contains("#stdno"));
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
        draft: false,
        commit: None,
        dirty: false,
        body_lines: BTreeMap::new(),
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
                    excluded: 0,
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

/// Markdown nested far deeper than Typst allows, with words no line can hold.
fn deep_markdown() -> String {
    let mut md = String::from("# 深层\n\n## 1 范围\n\n");
    for i in 0..40 {
        let _ = writeln!(md, "{}- 第{}层列表项", "  ".repeat(i), i + 1);
    }
    md.push('\n');
    for i in 1..=100 {
        let _ = writeln!(md, "{} 第{i}层引用", ">".repeat(i));
    }
    md.push('\n');
    let (mut open, mut close) = (String::new(), String::new());
    for i in 1..=30 {
        let d = if i % 2 == 0 { '*' } else { '_' };
        open = format!("{open}{d}强{i}层 ");
        close = format!(" {i}调{d}{close}");
    }
    let _ = writeln!(md, "{open}核心{close}\n");
    let _ = writeln!(md, "网址：https://example.org/{}/end\n", "a".repeat(270));
    let _ = writeln!(md, "单词：{}\n", "x".repeat(500));
    let _ = writeln!(md, "代码：`{}`\n", "code_".repeat(60));
    let _ = writeln!(md, "```\n{}\n```\n", "let_x_=".repeat(60));
    let _ = writeln!(
        md,
        "| 项目 | 说明 |\n|---|---|\n| {} | {} |\n",
        "标准化建设验收材料汇编".repeat(40),
        "y".repeat(400)
    );
    md
}

/// A volume of deep texts in every kind of Markdown section and a category tree 20
/// levels deep with a long title at the bottom.
fn deep() -> Dossier {
    let mut d = small();
    let md = deep_markdown();
    let tree: Vec<Node> = (0..20)
        .map(|depth| Node {
            code: format!("2{}", "1".repeat(depth)),
            title: if depth == 19 {
                format!("{}{}", "很长的类目名称".repeat(20), "Z".repeat(120))
            } else {
                format!("第{depth}层类目")
            },
            depth,
            own: usize::from(depth == 19),
            total: 1,
            planned: 1,
        })
        .collect();
    for section in &mut d.sections {
        match section {
            Section::Chapter { markdown, .. } => *markdown = md.clone(),
            Section::Standards(texts) => texts[0].markdown = md.clone(),
            Section::Audits(list) => list[0].1 = md.clone(),
            Section::SystemTable(t) => t.tree = tree.clone(),
            _ => {}
        }
    }
    d
}

/// A text item placed on a page: left and right edge and baseline, in points from the
/// page's top left corner.
struct Placed {
    left: f64,
    right: f64,
    y: f64,
    text: String,
}

/// Every text item of a page, where it is.
fn placed(page: &typst_layout::Page) -> Vec<Placed> {
    fn walk(frame: &typst::layout::Frame, x0: f64, y0: f64, out: &mut Vec<Placed>) {
        for (pos, item) in frame.items() {
            let (x, y) = (x0 + pos.x.to_pt(), y0 + pos.y.to_pt());
            match item {
                typst::layout::FrameItem::Group(g) => walk(
                    &g.frame,
                    x + g.transform.tx.to_pt(),
                    y + g.transform.ty.to_pt(),
                    out,
                ),
                typst::layout::FrameItem::Text(t) => out.push(Placed {
                    left: x,
                    right: x + t.width().to_pt(),
                    y,
                    text: t.text.to_string(),
                }),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&page.frame, 0.0, 0.0, &mut out);
    out
}

/// The body text of every page (running header and page number left out), without
/// white space or break opportunities: a word broken over two pages reads as one.
fn body_text(doc: &PagedDocument) -> String {
    let mut text = String::new();
    for page in doc.pages() {
        let (width, height) = (page.frame.width(), page.frame.height());
        let (top, bottom) = if width < height {
            (37.0, 35.0)
        } else {
            (28.0, 26.0)
        };
        let (top, bottom) = (
            typst::layout::Abs::mm(top).to_pt(),
            height.to_pt() - typst::layout::Abs::mm(bottom).to_pt(),
        );
        for item in placed(page) {
            if item.y > top && item.y < bottom {
                text.extend(
                    item.text
                        .chars()
                        .filter(|c| !c.is_whitespace() && *c != ZWSP),
                );
            }
        }
    }
    text
}

#[test]
fn deep_nesting_prints_every_item_and_quote() {
    let doc = layout(&deep(), &[]).unwrap();
    let text = body_text(&doc);
    // Each deep text is printed three times (chapter, standard, audit report).
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
    for i in 1..=30 {
        assert_eq!(text.matches(&format!("强{i}层")).count(), 3, "emphasis {i}");
    }
    assert!(text.contains(&"x".repeat(500)));
    assert!(text.contains(&format!("https://example.org/{}/end", "a".repeat(270))));
    assert!(text.contains(&"code_".repeat(60)));
    assert!(text.contains(&"let_x_=".repeat(60)));
    assert!(text.contains(&"很长的类目名称".repeat(20)));
    for depth in 0..20 {
        assert!(
            text.contains(&format!("2{}", "1".repeat(depth))),
            "category {depth}"
        );
    }
}

#[test]
fn long_words_break_within_the_margins() {
    let doc = layout(&deep(), &[]).unwrap();
    // The narrowest margin is 26 mm; a few points of tolerance for glyph overhang.
    let margin = typst::layout::Abs::mm(26.0).to_pt() - 3.0;
    for (n, page) in doc.pages().iter().enumerate() {
        let width = page.frame.width().to_pt();
        for item in placed(page) {
            assert!(
                item.left >= margin - 1.0 && item.right <= width - margin,
                "page {}: `{}` from {:.1} to {:.1} of {width:.1}",
                n + 1,
                item.text,
                item.left,
                item.right,
            );
        }
    }
}

#[test]
fn a_typst_error_names_the_markdown_file_and_line() {
    let mut d = small();
    d.sections.retain(|s| matches!(s, Section::Standards(_)));
    if let Section::Standards(texts) = &mut d.sections[0] {
        texts[0].markdown =
            "# 标题\n\n## 1 范围\n\n第一段。\n\n- 列表\n- 第二项：坏在这里\n".into();
    }
    d.body_lines.insert("system/2/201/201-06.md".into(), 18);
    let fonts = Fonts::collect(&[]);
    let (source, origins) = typst_source(&d, &fonts.book);
    // Markup that fails, where the text of the Markdown's line 8 (file line 25) begins.
    let at = source.find("第二项").unwrap();
    let source = format!("{}#panic(\"boom\"){}", &source[..at], &source[at..]);
    let world = DossierWorld::new(source, fonts, datetime(d.as_of));
    let errors: Vec<_> = typst::compile::<PagedDocument>(&world)
        .output
        .unwrap_err()
        .into_iter()
        .map(|e| {
            let place = world.range(e.span).map(|r| origins.find(r.start).into());
            (e, place)
        })
        .collect();
    let error = failure_message(Stage::Typesetting, &errors, &[]);
    let zh = crate::finding::describe_error(&error, crate::finding::Lang::Zh);
    let en = crate::finding::describe_error(&error, crate::finding::Lang::En);
    assert!(
        zh.starts_with("PDF 汇编排版失败：`system/2/201/201-06.md` 第 25 行（标准文本）：")
            && zh.contains("boom"),
        "{zh}"
    );
    assert!(
        en.starts_with(
            "PDF dossier: typesetting failed: `system/2/201/201-06.md` line 25 (section “标准文本”): "
        ),
        "{en}"
    );
}

#[test]
fn the_book_holds_only_the_embedded_fonts_without_font_dirs() {
    // The machine's own fonts (this one may have hundreds) are never scanned.
    let fonts = Fonts::collect(&[]);
    assert_eq!(fonts.slots.len(), 3);
    assert!(fonts.slots.iter().all(|s| matches!(s, FontSlot::Ready(_))));
    let families: Vec<&str> = embedded_fonts()
        .iter()
        .map(|f| f.info().family.as_str())
        .collect();
    assert_eq!(families, [EMBEDDED_SERIF, EMBEDDED_SERIF, EMBEDDED_SANS]);
    let (source, _) = typst_source(&small(), &fonts.book);
    assert!(
        source.contains("#let hei = (\"Noto Sans CJK SC\")"),
        "{source}"
    );
    assert!(source.contains("#let song = (\"Noto Serif CJK SC\")"));
    assert!(source.contains("#let mono = (\"Noto Serif CJK SC\")"));
}

#[test]
fn song_fang_and_hei_faces_under_font_dirs_come_before_the_embedded_ones() {
    let mut book = Fonts::collect(&[]).book;
    for family in ["SimHei", "FangSong", "SimSun"] {
        let mut info = embedded_fonts()[0].info().clone();
        info.family = family.to_owned();
        book.push(info);
    }
    let (source, _) = typst_source(&small(), &book);
    assert!(source.contains("#let hei = (\"SimHei\", \"Noto Sans CJK SC\")"));
    assert!(source.contains("#let song = (\"SimSun\", \"Noto Serif CJK SC\")"));
    assert!(source.contains("#let fang = (\"FangSong\", \"SimSun\", \"Noto Serif CJK SC\")"));
}

#[test]
fn font_files_lists_the_fonts_loaded_from_font_dirs_in_a_stable_order() {
    let dir = std::env::temp_dir().join(format!("stdkit-font-files-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("b")).unwrap();
    let serif = embedded_fonts()[0].data().as_slice();
    std::fs::write(dir.join("b/z.otf"), serif).unwrap();
    std::fs::write(dir.join("a.OTF"), serif).unwrap();
    std::fs::write(dir.join("broken.ttf"), b"not a font").unwrap();
    std::fs::write(dir.join("notes.txt"), b"SimHei").unwrap();
    let other = dir.join("b");
    let files = font_files(&[dir.clone(), other.clone()]);
    assert_eq!(files, [dir.join("a.OTF"), dir.join("b/z.otf")]);
    assert_eq!(
        font_files(&[other.clone(), dir.clone()]),
        [other.join("z.otf"), dir.join("a.OTF")]
    );
    let fonts = Fonts::collect(std::slice::from_ref(&dir));
    assert_eq!(fonts.slots.len(), 3 + 2);
    assert!(font_files(&[]).is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_coverage_table_is_that_of_the_embedded_fonts() {
    let mut all: Vec<u32> = embedded_fonts()
        .iter()
        .flat_map(|f| f.info().coverage.iter())
        .collect();
    all.sort_unstable();
    all.dedup();
    assert_eq!(
        all.len(),
        crate::glyphs::embedded_count(),
        "assets/fonts/coverage.txt is stale"
    );
    assert!(
        all.iter()
            .filter_map(|&c| char::from_u32(c))
            .all(crate::glyphs::embedded_covers)
    );
    let covers = covers(&[]);
    assert!("王喆李堃朱镕基张昇刘奕㎡".chars().all(&covers));
    assert!(!covers('\u{E000}'));
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
        .map(|s| StandardText::of(s, body(&s.path)))
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
                ..Default::default()
            }],
            ..Default::default()
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
        draft: false,
        commit: Some("3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39".into()),
        dirty: false,
        sections,
        body_lines: BTreeMap::new(),
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
