//! The GB/T 1.1 skeleton (`text/structure`), heading by heading: chapters 1–3 and their
//! titles, the order of chapters and appendices, and the marking of appendices. The
//! numbering of clauses is in `numbering`.

use super::TextIssue;
use super::headings::{HeadingText, Kind, parse_heading};
use super::numbering::{Tree, missing};
use super::sink::Sink;
use crate::messages;

/// Titles of chapters 1, 2 and 3.
const REQUIRED: [&str; 3] = ["范围", "规范性引用文件", "术语和定义"];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Region {
    Body,
    /// Inside an appendix; `None` when its heading has no letter.
    Annex(Option<u8>),
}

pub(super) struct Linter<'a> {
    pub(super) sink: Sink<'a>,
    region: Region,
    pub(super) body: Tree,
    pub(super) annex: Tree,
    last_annex: Option<u8>,
    /// Highest chapter number seen (0: none) and where it was.
    pub(super) max_chapter: u32,
    pub(super) max_chapter_at: usize,
}

impl<'a> Linter<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Linter {
            sink: Sink::new(text),
            region: Region::Body,
            body: Tree::new(None),
            annex: Tree::new(None),
            last_annex: None,
            max_chapter: 0,
            max_chapter_at: 0,
        }
    }

    pub(super) fn heading(&mut self, h: &HeadingText<'_>) {
        let text = h.text.as_deref().unwrap_or("");
        let at = h.at.unwrap_or(h.start);
        match (parse_heading(text), self.region) {
            (Kind::Other, _) => {}
            (Kind::Annex { letter, marked }, _) => self.enter_annex(letter, marked, at),
            (Kind::Numbered { num, title }, Region::Body) => self.number(false, num, title, at),
            (Kind::Lettered { letter, num }, Region::Annex(Some(l))) if letter == l => {
                self.number(true, num, "", at);
            }
            (Kind::Numbered { num, .. } | Kind::Lettered { num, .. }, Region::Annex(Some(l))) => {
                let (n, l) = (num.raw, l as char);
                self.sink
                    .structure(at, messages::text_annex_clause_letter(n, l));
            }
            (Kind::Lettered { letter, num }, Region::Body) => {
                let (n, l) = (num.raw, letter as char);
                self.sink
                    .structure(at, messages::text_clause_outside_annex(n, l));
            }
            // An appendix without a letter is reported once; its clauses are not checked.
            (_, Region::Annex(None)) => {}
        }
    }

    fn enter_annex(&mut self, letter: Option<u8>, marked: bool, at: usize) {
        self.close_region();
        self.region = Region::Annex(letter);
        self.annex = Tree::new(letter);
        let name = letter.map_or(String::new(), |l| (l as char).to_string());
        match letter {
            None => self.sink.structure(at, messages::text_annex_no_letter()),
            Some(l) => {
                let expected = self.last_annex.map_or(b'A', |p| p + 1);
                if l > expected {
                    let gap = missing(expected..=l - 1, "appendix", |x| (x as char).to_string());
                    self.sink
                        .structure(at, messages::text_annex_gap(&name, &gap));
                } else if l < expected {
                    let prev = (expected - 1) as char;
                    let m = messages::text_annex_order(&name, prev, expected as char);
                    self.sink.structure(at, m);
                }
                self.last_annex = Some(l);
            }
        }
        if !marked {
            self.sink
                .structure(at, messages::text_annex_unmarked(&name));
        }
    }

    fn close_region(&mut self) {
        match self.region {
            Region::Body => self.body.close(0, true, &mut self.sink),
            Region::Annex(_) => self.annex.close(0, true, &mut self.sink),
        }
    }

    pub(super) fn finish(mut self) -> Vec<TextIssue> {
        self.close_region();
        if self.max_chapter == 0 {
            self.sink.structure(0, messages::text_no_chapters());
        } else {
            for n in self.max_chapter + 1..=3 {
                missing_chapter(&mut self.sink, n, self.max_chapter_at);
            }
        }
        let mut issues = self.sink.issues;
        issues.sort_by_key(|i| (i.line, i.column));
        issues
    }
}

/// Checks chapter `n` following chapter `prev` (0: the first chapter).
pub(super) fn chapter(sink: &mut Sink<'_>, prev: u32, n: u32, title: &str, at: usize) {
    if n == prev + 1 {
        // In order.
    } else if n > prev + 1 {
        // Chapters 1–3 are named; a gap beyond them is one issue.
        for m in prev + 1..n.min(4) {
            missing_chapter(sink, m, at);
        }
        let from = (prev + 1).max(4);
        if from < n {
            let gap = missing(from..=n - 1, "chapter", |x| x.to_string());
            sink.structure(at, messages::text_chapter_gap(n, &gap));
        }
    } else if prev == 0 {
        sink.structure(at, messages::text_chapter_first(n));
    } else {
        sink.structure(at, messages::text_chapter_order(n, prev));
    }
    if n > prev && (1..=3).contains(&n) {
        let want = REQUIRED[n as usize - 1];
        if title.is_empty() {
            sink.structure(at, messages::text_chapter_untitled(n, want));
        } else if !same_title(title, want) {
            sink.structure(at, messages::text_chapter_title(n, want, title));
        }
    }
}

/// Compares titles ignoring whitespace (`范　围` is `范围`).
fn same_title(a: &str, b: &str) -> bool {
    a.chars()
        .filter(|c| !c.is_whitespace())
        .eq(b.chars().filter(|c| !c.is_whitespace()))
}

fn missing_chapter(sink: &mut Sink<'_>, n: u32, at: usize) {
    let want = REQUIRED[n as usize - 1];
    sink.structure(at, messages::text_chapter_missing(n, want));
}

#[cfg(test)]
mod tests {
    use crate::check::text::lint;
    use crate::check::text::tests::{structure, with_body};

    #[test]
    fn empty_or_unstructured_text() {
        for text in [
            "",
            "本文件规定了……\n",
            "# 首问负责制\n\n## 范围\n\n正文。\n",
        ] {
            let got = structure(text);
            assert_eq!(got.len(), 1, "{text:?}: {got:?}");
            assert_eq!((got[0].0, got[0].1), (1, 1));
            assert!(got[0].2.contains("no numbered chapter"));
        }
    }

    #[test]
    fn wrong_chapter_titles() {
        let text = "## 1 范围\n\n## 2 引用标准\n\n## 3\n";
        let issues = lint(text);
        assert_eq!(issues.len(), 2);
        assert_eq!((issues[0].line, issues[0].column), (3, 4));
        assert_eq!(
            issues[0].message.zh,
            "第2章标题应为“规范性引用文件”，实为“引用标准”"
        );
        assert_eq!(
            issues[0].message.en,
            "chapter `2` should be titled `规范性引用文件`, not `引用标准`"
        );
        assert_eq!(issues[1].line, 5);
        assert_eq!(
            issues[1].message.en,
            "chapter `3` has no title; it should be `术语和定义`"
        );
    }

    #[test]
    fn missing_required_chapters() {
        // Chapter 2 skipped.
        let text = "## 1 范围\n\n## 3 术语和定义\n\n## 4 要求\n";
        assert_eq!(
            structure(text),
            vec![(3, 4, "chapter `2` (`规范性引用文件`) is missing".to_owned())]
        );
        // The text stops after chapter 2.
        let text = "## 1 范围\n\n## 2 规范性引用文件\n";
        assert_eq!(
            structure(text),
            vec![(3, 4, "chapter `3` (`术语和定义`) is missing".to_owned())]
        );
        // No chapter 1: reported once, not also as a numbering fault.
        let text = "## 2 规范性引用文件\n## 3 术语和定义\n";
        let issues = lint(text);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].message.zh, "缺少第1章“范围”");
    }

    #[test]
    fn chapter_gap_and_repeat() {
        let text = with_body("## 4 甲\n\n## 6 乙\n\n## 6 丙\n\n## 7 丁\n");
        assert_eq!(
            structure(&text),
            vec![
                (
                    10,
                    4,
                    "chapter `5` is missing before chapter `6`".to_owned()
                ),
                (
                    12,
                    4,
                    "chapter `6` follows chapter `6`; expected `7`".to_owned()
                ),
            ]
        );
        let text = with_body("## 4 甲\n## 8 乙\n");
        let issues = lint(&text);
        assert_eq!(issues[0].line, 9);
        assert_eq!(issues[0].message.zh, "章编号不连续：第8章前缺少第5至7章");
        assert_eq!(
            issues[0].message.en,
            "chapters `5`–`7` are missing before chapter `8`"
        );
    }

    #[test]
    fn appendices_out_of_order() {
        let text = with_body("## 附录A（规范性）甲\n## 附录C（资料性）丙\n## 附录 B (资料性) 乙\n");
        let issues = lint(&text);
        assert_eq!(issues.len(), 2, "{issues:?}");
        assert_eq!((issues[0].line, issues[0].column), (9, 4));
        assert_eq!(issues[0].message.zh, "附录C前缺少附录B");
        assert_eq!(
            issues[0].message.en,
            "appendix `B` is missing before appendix `C`"
        );
        assert_eq!(issues[1].line, 10);
        assert_eq!(
            issues[1].message.en,
            "appendix `B` follows appendix `C`; expected `D`"
        );
    }

    #[test]
    fn appendix_clause_letters() {
        let text = with_body(
            "## 4 甲\n### 4.1 a\n### 4.2 b\n## 附录A（规范性）表\n### A.1 一\n### 1.2 二\n### B.3 三\n### A.2 四\n",
        );
        assert_eq!(
            structure(&text),
            vec![
                (
                    13,
                    5,
                    "clause `1.2` in appendix `A` should be numbered `A.…`".to_owned()
                ),
                (
                    14,
                    5,
                    "clause `B.3` in appendix `A` should be numbered `A.…`".to_owned()
                ),
            ]
        );
        let text = with_body("### A.1 一\n");
        assert_eq!(
            structure(&text),
            vec![(8, 5, "clause `A.1` is outside appendix `A`".to_owned())]
        );
        let text =
            with_body("## 附录A（规范性）表\n### A.1 一\n#### A.1.1 x\n#### A.1.2 y\n### A.3 三\n");
        assert_eq!(
            structure(&text),
            vec![(12, 5, "clause `A.2` is missing before `A.3`".to_owned())]
        );
    }
}
