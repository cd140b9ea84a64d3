//! Text lints of a centre standard's Markdown body — the GB/T 1.1 skeleton (`text/structure`) and the modal verbs (`text/modal`); pure functions over a string, no I/O.
//!
//! Chapters and clauses are Markdown headings whose text starts with their number
//! (`## 4 基本要求`, `### 4.1 服务礼仪`); the number counts, not the number of `#`.
//! Unnumbered headings (the document title, 前言, 引言, 参考文献) are ignored.
//! Appendices are headings `附录A（规范性）…`; the clauses in them are `A.1`, `A.1.1`.
//!
//! The linter makes one pass over the pulldown-cmark events, in time linear in the
//! text. For a clean text it allocates nothing beyond the parser's own state (and the
//! text of a heading split by inline markup): the line index that turns offsets into
//! line and column is only built when the first issue is found.
//!
//! Decisions: the number is followed by a space or directly by the title (`1范围`);
//! components have at most three digits, so `# 2014年…` is a title, not chapter 2014.
//! Titles of chapters 1–3 are compared ignoring whitespace (`范　围`). Appendix markings
//! of GB/T 1.1-2009 (`（规范性附录）`) are accepted. A misnumbered clause is reported
//! once and adopted as the current number, so one slip does not cascade. Modal verbs
//! are reported everywhere except code spans, fenced code blocks and HTML comments;
//! an indented "code block" is linted, as in a standard it is a paragraph indented
//! by mistake.
//!
//! Layout: `scan` finds the headings (a plain line scan, or the event walk), `headings`
//! reads the number each starts with, `structure` checks chapters and appendices,
//! `numbering` the clauses, `modal` the modal verbs; `sink` places every issue.

mod headings;
mod modal;
mod numbering;
mod scan;
mod sink;
mod structure;

use scan::{lint_parsed, plain_headings};
use structure::Linter;

/// Which finding code an issue belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextRule {
    /// `text/structure`: the text breaks the GB/T 1.1 skeleton.
    Structure,
    /// `text/modal`: 必须, 不得 or 禁止 in the text.
    Modal,
}

impl TextRule {
    /// The stable finding code (SPEC §4.1).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            TextRule::Structure => "text/structure",
            TextRule::Modal => "text/modal",
        }
    }
}

/// One finding in the text of a standard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextIssue {
    pub rule: TextRule,
    /// 1-based line within the linted text.
    pub line: usize,
    /// 1-based column, counted in chars (not bytes).
    pub column: usize,
    /// The message, in both languages (the table in `messages`).
    pub message: crate::finding::Msg,
}

/// Lints the body (after the front matter) of a centre standard.
///
/// Returns the issues sorted by line, then column.
#[must_use]
pub fn lint(text: &str) -> Vec<TextIssue> {
    let mut linter = Linter::new(text);
    if !linter.sink.has_modal
        && let Some(headings) = plain_headings(text)
    {
        for h in &headings {
            linter.heading(h);
        }
        return linter.finish();
    }
    lint_parsed(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "\
# 首问负责制规范

## 前言

本文件按照GB/T 1.1—2009给出的规则起草。

## 1 范围

本文件规定了首问负责制的基本要求。

## 2 规范性引用文件

下列文件对于本文件的应用是必不可少的。

## 3 术语和定义

本文件没有需要界定的术语和定义。

## 4 基本要求

### 4.1 服务礼仪

工作人员应文明礼貌。

### 4.2 服务用语

工作人员不应使用服务忌语。

## 附录A（规范性）首问登记表

### A.1 登记内容

### A.2 登记方式

## 参考文献

[1] GB/T 24421.3-2009 服务业组织标准化工作指南 第3部分：标准编写
";

    pub(super) fn structure(text: &str) -> Vec<(usize, usize, String)> {
        lint(text)
            .into_iter()
            .filter(|i| i.rule == TextRule::Structure)
            .map(|i| (i.line, i.column, i.message.en))
            .collect()
    }

    /// The skeleton of GOOD with `body` after chapter 3 (which ends on line 7).
    pub(super) fn with_body(body: &str) -> String {
        format!("## 1 范围\n\n## 2 规范性引用文件\n\n## 3 术语和定义\n\n文本。\n{body}")
    }

    #[test]
    fn conforming_standard_is_clean() {
        assert_eq!(lint(GOOD), vec![]);
    }

    #[test]
    fn crlf_and_other_heading_levels_are_clean() {
        let text = GOOD.replace('\n', "\r\n").replace("## ", "# ");
        assert_eq!(lint(&text), vec![]);
        let setext = "1 范围\n====\n\n2 规范性引用文件\n---\n\n# 3 术语和定义\n";
        assert_eq!(lint(setext), vec![]);
    }

    #[test]
    fn lint_is_sorted() {
        let text = "必须\n\n### 4.1 禁止\n";
        let got: Vec<_> = lint(text)
            .into_iter()
            .map(|i| (i.line, i.column, i.rule))
            .collect();
        let mut sorted = got.clone();
        sorted.sort_by_key(|&(l, c, _)| (l, c));
        assert_eq!(got, sorted);
        assert_eq!(got[0], (1, 1, TextRule::Modal));
    }

    #[test]
    fn rule_codes() {
        assert_eq!(TextRule::Structure.code(), "text/structure");
        assert_eq!(TextRule::Modal.code(), "text/modal");
    }
}
