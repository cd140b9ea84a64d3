//! The workbook of `stdkit table --format xlsx`, read back from its XML parts: typed cells
//! (counts, 现有率 as a percentage, dates as dates), the print setup of every sheet, text that
//! looks like a formula, and byte-identical output for the same input.

mod common;

use std::path::Path;
use std::process::Command;

use common::{example_copy, project, scratch, stderr, stdkit};

/// Runs `table --format xlsx` on `repo` and returns the workbook's bytes.
fn workbook(repo: &Path, out: &Path, extra: &[&str]) -> Vec<u8> {
    let file = out.to_str().unwrap();
    let mut args = vec![
        "table",
        "--format",
        "xlsx",
        "-o",
        file,
        "--as-of",
        "2014-12-31",
    ];
    args.extend(extra);
    let o = stdkit(repo, &args);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::read(out).unwrap()
}

/// One part of the workbook (a zip member) as text, read with `unzip` or Python's `zipfile`.
fn part(xlsx: &Path, name: &str) -> String {
    let unzip = Command::new("unzip").arg("-p").arg(xlsx).arg(name).output();
    let bytes = match unzip {
        Ok(o) if o.status.success() => o.stdout,
        _ => {
            let script = "import sys, zipfile; \
                          sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))";
            let o = Command::new("python3")
                .args(["-c", script])
                .arg(xlsx)
                .arg(name)
                .output()
                .expect("neither unzip nor python3 can read the workbook");
            assert!(o.status.success(), "{}", stderr(&o));
            o.stdout
        }
    };
    String::from_utf8(bytes).unwrap()
}

/// The parts a test reads: three sheets, the shared strings and the number formats.
struct Book {
    sheets: Vec<String>,
    strings: Vec<String>,
    styles: String,
    workbook: String,
}

impl Book {
    fn read(xlsx: &Path) -> Book {
        let sst = part(xlsx, "xl/sharedStrings.xml");
        Book {
            sheets: (1..=3)
                .map(|i| part(xlsx, &format!("xl/worksheets/sheet{i}.xml")))
                .collect(),
            strings: sst
                .split("<si>")
                .skip(1)
                .map(|si| unescape(between(si, ">", "</t>")))
                .collect(),
            styles: part(xlsx, "xl/styles.xml"),
            workbook: part(xlsx, "xl/workbook.xml"),
        }
    }

    /// The cell `at` (such as `B2`) of sheet `n` (from 1).
    fn cell(&self, n: usize, at: &str) -> Cell {
        let xml = &self.sheets[n - 1];
        let open = format!("<c r=\"{at}\"");
        let start = xml.find(&open).unwrap_or_else(|| panic!("no cell {at}"));
        let rest = &xml[start..];
        let tag = &rest[..rest.find('>').unwrap()];
        let value = if tag.ends_with('/') {
            None
        } else {
            Some(between(rest, "<v>", "</v>").to_owned())
        };
        let attr = |name: &str| {
            let key = format!(" {name}=\"");
            tag.find(&key)
                .map(|i| between(&tag[i..], "=\"", "\"").to_owned())
        };
        let style: usize = attr("s").map_or(0, |s| s.parse().unwrap());
        let xf = self.xfs()[style].clone();
        Cell {
            kind: attr("t"),
            text: match (attr("t").as_deref(), &value) {
                (Some("s"), Some(v)) => Some(self.strings[v.parse::<usize>().unwrap()].clone()),
                _ => None,
            },
            value,
            format: self.format_code(&xf),
            quoted: xf.contains("quotePrefix=\"1\""),
        }
    }

    /// The `<xf>` elements of `cellXfs`, by index.
    fn xfs(&self) -> Vec<String> {
        between(&self.styles, "<cellXfs", "</cellXfs>")
            .split("<xf ")
            .skip(1)
            .map(String::from)
            .collect()
    }

    /// The number format of an `<xf>`: its code, or `General`.
    fn format_code(&self, xf: &str) -> String {
        let id = between(xf, "numFmtId=\"", "\"");
        let key = format!("<numFmt numFmtId=\"{id}\" formatCode=\"");
        match self.styles.find(&key) {
            Some(i) => unescape(between(&self.styles[i..], "formatCode=\"", "\"")),
            None if id == "0" => "General".to_owned(),
            None => format!("builtin {id}"),
        }
    }
}

#[derive(Debug)]
struct Cell {
    /// The `t` attribute: `s` for a shared string, none (or `n`) for a number.
    kind: Option<String>,
    value: Option<String>,
    text: Option<String>,
    format: String,
    quoted: bool,
}

impl Cell {
    fn number(&self) -> f64 {
        assert!(
            matches!(self.kind.as_deref(), None | Some("n")),
            "not a number: {self:?}"
        );
        self.value.as_deref().unwrap().parse().unwrap()
    }

    fn text(&self) -> &str {
        assert_eq!(self.kind.as_deref(), Some("s"), "not text: {self:?}");
        self.text.as_deref().unwrap()
    }
}

fn between<'a>(s: &'a str, from: &str, to: &str) -> &'a str {
    let start = s.find(from).unwrap_or_else(|| panic!("no {from} in {s}")) + from.len();
    let len = s[start..].find(to).unwrap_or_else(|| panic!("no {to}"));
    &s[start..start + len]
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[test]
fn counts_rates_and_dates_are_typed_cells() {
    let tmp = scratch("xlsx-typed");
    let xlsx = tmp.join("t.xlsx");
    workbook(&project("standards"), &xlsx, &[]);
    let b = Book::read(&xlsx);

    // 标准明细表: 序号 a number, 实施日期 a date serial, a missing date a dash.
    assert_eq!(b.cell(1, "A1").text(), "序号");
    assert_eq!(b.cell(1, "A2").number(), 1.0);
    assert_eq!(b.cell(1, "A2").format, "0");
    assert_eq!(b.cell(1, "B2").text(), "101-01");
    assert_eq!(b.cell(1, "H1").text(), "实施日期");
    let effective = b.cell(1, "H2");
    assert_eq!(effective.number(), 41699.0, "2014-03-01 as an Excel serial");
    assert_eq!(effective.format, "yyyy-mm-dd");
    assert_eq!(b.cell(1, "G4").text(), "待制定");
    assert_eq!(b.cell(1, "H4").text(), "—");

    // 统计表: 应有数 and 现有数 numbers, 现有率 the fraction with a percent format.
    assert_eq!(b.cell(2, "E1").text(), "现有率");
    assert_eq!(b.cell(2, "C2").number(), 17.0);
    assert_eq!(b.cell(2, "D2").number(), 17.0);
    let full = b.cell(2, "E2");
    assert_eq!(full.number(), 1.0);
    assert_eq!(full.format, "0.0%");
    assert_eq!(b.cell(2, "C3").number(), 0.0);
    assert_eq!(b.cell(2, "E3").text(), "—", "nothing planned: a dash");
    assert_eq!(b.cell(2, "A26").text(), "合计");
    let total = b.cell(2, "E26");
    assert!((total.number() - 107.0 / 117.0).abs() < 1e-12, "{total:?}");
    assert_eq!(total.format, "0.0%");

    // 结构图: the category code stays text, depth and counts are numbers.
    assert_eq!(b.cell(3, "A2").text(), "1");
    assert_eq!(b.cell(3, "C2").number(), 1.0);
    assert_eq!(b.cell(3, "D2").number(), 0.0);
    assert!(b.cell(3, "E2").number() > 0.0);
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn the_english_workbook_says_required_and_uses_ascii_punctuation() {
    let tmp = scratch("xlsx-english");
    let xlsx = tmp.join("t.xlsx");
    workbook(&project("standards"), &xlsx, &["--lang", "en"]);
    let b = Book::read(&xlsx);
    // 应有数 is what should exist (not the status `planned`), 现有率 the existing rate.
    let header: Vec<String> = ["A1", "B1", "C1", "D1", "E1"]
        .iter()
        .map(|at| b.cell(2, at).text().to_owned())
        .collect();
    assert_eq!(
        header,
        [
            "subsystem",
            "level",
            "required",
            "existing",
            "existing rate"
        ]
    );
    assert_eq!(b.cell(3, "F1").text(), "required");
    // A missing value is the em dash of SPEC §5; the status of a standard still `planned` is its own.
    assert_eq!(b.cell(1, "H4").text(), "—");
    assert_eq!(b.cell(1, "G4").text(), "planned");
    assert_eq!(b.cell(2, "E3").text(), "—", "nothing required: a dash");
    // The page header joins the centre's name and the sheet's with the dash.
    assert!(
        b.sheets[1].contains(
            "<oddHeader>&amp;C安庆市政务服务中心 standard system table — statistics</oddHeader>"
        ),
        "{}",
        between(&b.sheets[1], "<headerFooter", "</headerFooter>")
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn every_sheet_prints_on_a4_landscape_one_page_wide_with_its_header_row() {
    let tmp = scratch("xlsx-print");
    let xlsx = tmp.join("t.xlsx");
    workbook(&project("standards"), &xlsx, &[]);
    let b = Book::read(&xlsx);
    for (i, (sheet, name)) in b
        .sheets
        .iter()
        .zip(["标准明细表", "统计表", "结构图"])
        .enumerate()
    {
        assert!(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{name}");
        let setup = between(sheet, "<pageSetup ", "/>");
        for attr in [
            "paperSize=\"9\"",
            "orientation=\"landscape\"",
            "fitToHeight=\"0\"",
        ] {
            assert!(setup.contains(attr), "{name}: {attr} in {setup}");
        }
        // Excel leaves out fitToWidth when it is 1, its default.
        assert!(
            !setup.contains("fitToWidth") || setup.contains("fitToWidth=\"1\""),
            "{setup}"
        );
        assert!(
            sheet.contains("<printOptions horizontalCentered=\"1\"/>"),
            "{name}"
        );
        assert!(
            sheet.contains("<pageMargins left=\"0.5\" right=\"0.5\""),
            "{name}"
        );
        assert!(sheet.contains("state=\"frozen\""), "{name}: header frozen");
        assert!(
            sheet.contains(&format!(
                "<oddHeader>&amp;C安庆市政务服务中心 标准体系表 — {name}</oddHeader>"
            )),
            "{name}"
        );
        assert!(
            sheet.contains("<oddFooter>&amp;C&amp;P / &amp;N</oddFooter>"),
            "{name}"
        );
        let titles = format!(
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{i}\">{name}!$1:$1</definedName>"
        );
        assert!(b.workbook.contains(&titles), "{titles} in {}", b.workbook);
    }
    // Column widths count a Chinese character as two.
    assert!(b.sheets[0].contains("<col min=\"4\" max=\"4\" width=\"50.7109375\""));
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn the_same_repository_gives_the_same_bytes() {
    let tmp = scratch("xlsx-same");
    let repo = project("standards");
    let first = workbook(&repo, &tmp.join("a.xlsx"), &[]);
    let second = workbook(&repo, &tmp.join("b.xlsx"), &[]);
    assert!(first == second, "two runs wrote different workbooks");
    let en = workbook(&repo, &tmp.join("en.xlsx"), &["--lang", "en"]);
    assert!(first != en);
    assert!(
        Book::read(&tmp.join("en.xlsx"))
            .workbook
            .contains("<sheet name=\"detail\"")
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn user_text_stays_text_and_the_centre_name_cannot_inject_header_codes() {
    let (tmp, repo) = example_copy("xlsx-text", "examples/minimal");
    let manifest = repo.join("stdkit.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, text.replace("安庆市政务服务中心", "A&P 中心")).unwrap();
    let standard = repo.join(
        "system/1-通用基础标准体系/101-标准化导则/101-01-服务业组织标准化工作指南第1部分.toml",
    );
    let text = std::fs::read_to_string(&standard).unwrap();
    let formula = "=HYPERLINK(\"http://x\",\"点击\")";
    let title = text.replace(
        "服务业组织标准化工作指南 第1部分：基本要求",
        &formula.replace('"', "\\\""),
    );
    std::fs::write(&standard, title).unwrap();

    let xlsx = tmp.join("t.xlsx");
    workbook(&repo, &xlsx, &[]);
    let b = Book::read(&xlsx);
    let cell = b.cell(1, "D2");
    assert_eq!(cell.text(), formula, "stored as a string, never a formula");
    assert!(cell.quoted, "with Excel's quote prefix: {cell:?}");
    assert!(!b.sheets[0].contains("<f>"));
    assert!(!b.cell(1, "B2").quoted);
    assert!(
        b.sheets[0]
            .contains("<oddHeader>&amp;CA&amp;&amp;P 中心 标准体系表 — 标准明细表</oddHeader>"),
        "a `&` of the centre's name is doubled, not read as the page-number code"
    );
    let _ = std::fs::remove_dir_all(&tmp);
}
