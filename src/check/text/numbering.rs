//! The numbering of clauses in the body and in each appendix: the tree of current numbers,
//! gaps, repeats, misplaced and too deep clauses, lone clauses, and how numbers are named
//! in messages.

use std::fmt::Write as _;
use std::ops::RangeInclusive;

use super::headings::Num;
use super::sink::Sink;
use super::structure::{Linter, chapter};
use crate::finding::Msg;
use crate::messages;

/// GB/T 1.1: a chapter is divided into at most five levels of clauses.
const CLAUSE_LEVELS: usize = 5;
/// Levels of the body tree: the chapter and its five clause levels.
const LEVELS: usize = CLAUSE_LEVELS + 1;

/// Marks a level whose first node was implied by a deeper number, or was already
/// reported as misnumbered: such a level is not also reported as a lone clause.
const UNSURE: usize = usize::MAX;

/// The numbering of the body (chapters and clauses) or of one appendix.
pub(super) struct Tree {
    /// `None` for the body, the appendix letter otherwise.
    letter: Option<u8>,
    /// The number of the current (last) heading.
    path: [u32; LEVELS],
    depth: usize,
    /// Headings seen at each level under the current parent.
    count: [u32; LEVELS],
    /// Offset of the first of them.
    first: [usize; LEVELS],
}

impl Tree {
    pub(super) fn new(letter: Option<u8>) -> Self {
        Tree {
            letter,
            path: [0; LEVELS],
            depth: 0,
            count: [0; LEVELS],
            first: [0; LEVELS],
        }
    }

    /// Deepest number allowed, in components after the letter.
    fn max_len(&self) -> usize {
        if self.letter.is_some() {
            CLAUSE_LEVELS
        } else {
            LEVELS
        }
    }

    /// Ends the levels from `from` down, reporting (when `report`) each level that had
    /// a single clause.
    pub(super) fn close(&mut self, from: usize, report: bool, sink: &mut Sink<'_>) {
        // Chapters are not subject to the rule; an appendix's first level is.
        let lone_from = if self.letter.is_some() { 0 } else { 1 };
        for idx in from..LEVELS {
            if report && self.count[idx] == 1 && idx >= lone_from && self.first[idx] != UNSURE {
                let n = dotted(self.letter, &self.path[..=idx]);
                let owner = owner(self.letter, &self.path[..idx]);
                sink.structure(self.first[idx], messages::text_clause_alone(&n, &owner));
            }
            self.count[idx] = 0;
        }
    }

    /// Makes `c` the current number; `common` is how many of its parents match the
    /// current ones. A number whose parents do not match (`misplaced`, already reported)
    /// leaves the lone-clause count of the levels it disturbs unreported.
    fn adopt(&mut self, c: &[u32], at: usize, common: usize, misplaced: bool, sink: &mut Sink<'_>) {
        let i = c.len() - 1;
        self.close(common + 1, !misplaced, sink);
        for idx in common..=i {
            self.count[idx] += 1;
            if self.count[idx] == 1 {
                self.first[idx] = if idx == i && !misplaced { at } else { UNSURE };
            }
        }
        self.path[..=i].copy_from_slice(c);
        self.depth = i + 1;
    }
}

/// `4.1.2`, `A.1`.
fn dotted(letter: Option<u8>, comps: &[u32]) -> String {
    let mut s = String::new();
    if let Some(l) = letter {
        s.push(l as char);
        if !comps.is_empty() {
            s.push('.');
        }
    }
    for (k, n) in comps.iter().enumerate() {
        if k > 0 {
            s.push('.');
        }
        let _ = write!(s, "{n}");
    }
    s
}

/// `4.1` with its last component replaced by `last`.
fn sibling(letter: Option<u8>, parent: &[u32], last: u32) -> String {
    let mut s = dotted(letter, parent);
    if !parent.is_empty() || letter.is_some() {
        s.push('.');
    }
    let _ = write!(s, "{last}");
    s
}

/// Names the node `path` of a tree in messages: 第4章 / chapter `4`, 附录A / appendix `A`.
fn owner(letter: Option<u8>, path: &[u32]) -> Msg {
    match (letter, path.len()) {
        (Some(l), 0) => messages::text_owner_appendix(l as char),
        (None, 0) => messages::text_owner_body(),
        (None, 1) => messages::text_owner_chapter(path[0]),
        _ => messages::text_owner_clause(&dotted(letter, path)),
    }
}

impl Linter<'_> {
    /// Checks the chapter or clause number `num` of a heading at `at`, in the body or in the
    /// current appendix, and makes it the current number.
    pub(super) fn number(&mut self, in_annex: bool, num: Num<'_>, title: &str, at: usize) {
        let sink = &mut self.sink;
        let tree = if in_annex {
            &mut self.annex
        } else {
            &mut self.body
        };
        let n = num.raw;
        if num.len > tree.max_len() {
            sink.structure(at, messages::text_clause_too_deep(n));
            return;
        }
        let c = num.comps();
        let i = c.len() - 1;
        let depth = tree.depth;
        let lim = i.min(depth);
        let common = (0..lim).take_while(|&k| c[k] == tree.path[k]).count();
        let prev = if depth > i { tree.path[i] } else { 0 };
        let last = c[i];
        if i == 0 && tree.letter.is_none() {
            chapter(sink, prev, last, title, at);
            if last > self.max_chapter {
                self.max_chapter = last;
                self.max_chapter_at = at;
            }
        } else if common < lim {
            let owner = owner(tree.letter, &tree.path[..lim]);
            sink.structure(at, messages::text_clause_elsewhere(n, &owner));
        } else if common < i {
            if depth == 0 && tree.letter.is_none() {
                sink.structure(at, messages::text_clause_before_chapters(n));
                // Not adopted: chapter 1 that follows is then in order.
                return;
            } else {
                let owner = owner(tree.letter, &tree.path[..depth]);
                sink.structure(at, messages::text_clause_skips(n, &owner));
            }
        } else if last == prev + 1 {
            // In order.
        } else if last > prev + 1 {
            let parent = &c[..i];
            let gap = missing(prev + 1..=last - 1, "clause", |x| {
                sibling(tree.letter, parent, x)
            });
            sink.structure(at, messages::text_clause_gap(n, &gap));
        } else {
            let parent = &c[..i];
            let expected = sibling(tree.letter, parent, prev + 1);
            if prev == 0 {
                sink.structure(at, messages::text_clause_first(n, &expected));
            } else {
                let p = sibling(tree.letter, parent, prev);
                sink.structure(at, messages::text_clause_order(n, &p, &expected));
            }
        }
        tree.adopt(c, at, common, common < i, sink);
    }
}

/// Names the missing numbers `a..=b`: (`4` / `4至6`, "clause `4` is" / "clauses `4`–`6` are").
pub(super) fn missing<T: Copy + PartialEq>(
    range: RangeInclusive<T>,
    noun: &str,
    name: impl Fn(T) -> String,
) -> Msg {
    let (a, b) = range.into_inner();
    if a == b {
        messages::text_missing_one(noun, &name(a))
    } else {
        messages::text_missing_range(noun, &name(a), &name(b))
    }
}

#[cfg(test)]
mod tests {
    use crate::check::text::lint;
    use crate::check::text::tests::{structure, with_body};

    #[test]
    fn clause_under_wrong_chapter() {
        let text = with_body("## 4 甲\n### 4.1 一\n### 4.2 二\n### 5.1 三\n### 5.2 四\n");
        assert_eq!(
            structure(&text),
            vec![(
                11,
                5,
                "clause `5.1` is not under the current chapter `4`".to_owned()
            )]
        );
    }

    #[test]
    fn a_misnumbered_clause_does_not_cascade() {
        // A typo (5.1 for 4.2) and a forgotten chapter heading.
        let text = with_body("## 4 甲\n### 4.1 一\n### 5.1 二\n### 4.3 三\n### 4.4 四\n");
        assert_eq!(
            structure(&text),
            vec![
                (
                    10,
                    5,
                    "clause `5.1` is not under the current chapter `4`".to_owned()
                ),
                (
                    11,
                    5,
                    "clause `4.3` is not under the current chapter `5`".to_owned()
                ),
            ]
        );
        let text = with_body("## 4 甲\n### 4.1 一\n### 4.2 二\n### 5.1 三\n### 5.2 四\n## 6 乙\n");
        assert_eq!(
            structure(&text),
            vec![(
                11,
                5,
                "clause `5.1` is not under the current chapter `4`".to_owned()
            )]
        );
    }

    #[test]
    fn clause_gap_and_repeat() {
        let text = with_body("## 4 甲\n### 4.1 一\n### 4.3 三\n### 4.3 又\n### 4.4 四\n");
        let issues = lint(&text);
        assert_eq!(issues.len(), 2, "{issues:?}");
        assert_eq!((issues[0].line, issues[0].column), (10, 5));
        assert_eq!(issues[0].message.zh, "条编号不连续：4.3前缺少4.2");
        assert_eq!(issues[0].message.en, "clause `4.2` is missing before `4.3`");
        assert_eq!(issues[1].line, 11);
        assert_eq!(
            issues[1].message.en,
            "clause `4.3` follows `4.3`; expected `4.4`"
        );
        let text = with_body("## 4 甲\n### 4.2 二\n### 4.3 三\n");
        assert_eq!(
            structure(&text),
            vec![(9, 5, "clause `4.1` is missing before `4.2`".to_owned())]
        );
    }

    #[test]
    fn depth_jump() {
        let text = with_body("## 4 甲\n#### 4.1.1 一\n#### 4.1.2 二\n### 4.2 二\n");
        assert_eq!(
            structure(&text),
            vec![(
                9,
                6,
                "clause `4.1.1` skips a level under chapter `4`".to_owned()
            )]
        );
        let text = "### 1.1 一\n## 1 范围\n## 2 规范性引用文件\n## 3 术语和定义\n";
        assert_eq!(
            structure(text),
            vec![(1, 5, "clause `1.1` comes before any chapter".to_owned())]
        );
    }

    #[test]
    fn lone_sub_clause() {
        let text =
            with_body("## 4 甲\n### 4.1 一\n## 5 乙\n### 5.1 一\n#### 5.1.1 子\n### 5.2 二\n");
        assert_eq!(
            structure(&text),
            vec![
                (
                    9,
                    5,
                    "`4.1` is the only clause under chapter `4`; a level needs at least two"
                        .to_owned()
                ),
                (
                    12,
                    6,
                    "`5.1.1` is the only clause under clause `5.1`; a level needs at least two"
                        .to_owned()
                ),
            ]
        );
        let issues = lint(&with_body("## 4 甲\n### 4.1 一\n"));
        assert_eq!(
            issues[0].message.zh,
            "4.1是第4章下唯一的条，同一层次至少应有两个条"
        );
        // At the end of the text, and in an appendix.
        let text = with_body("## 附录A（资料性）表\n### A.1 一\n");
        assert_eq!(
            structure(&text),
            vec![(
                9,
                5,
                "`A.1` is the only clause under appendix `A`; a level needs at least two"
                    .to_owned()
            )]
        );
    }

    #[test]
    fn too_deep() {
        let text = with_body(
            "## 4 甲\n### 4.1 一\n#### 4.1.1 a\n##### 4.1.1.1 b\n###### 4.1.1.1.1 c\n###### 4.1.1.1.1.1 d\n###### 4.1.1.1.1.1.1 e\n",
        );
        let got = structure(&text);
        assert!(got.contains(&(
            14,
            8,
            "clause `4.1.1.1.1.1.1` is nested deeper than the five clause levels GB/T 1.1 allows"
                .to_owned()
        )));
    }
}
