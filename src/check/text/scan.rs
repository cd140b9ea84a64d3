//! Finding the headings of a text: a plain line scan for texts without Markdown markup, and
//! the pulldown-cmark event walk for any text (which also feeds the modal verbs to the sink).

use std::borrow::Cow;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

use super::TextIssue;
use super::headings::HeadingText;
use super::structure::Linter;

/// [`lint`](super::lint) through the Markdown parser, for any text.
pub(super) fn lint_parsed(text: &str) -> Vec<TextIssue> {
    let mut linter = Linter::new(text);
    let mut heading: Option<HeadingText<'_>> = None;
    let mut fenced = false;
    let mut html_comment = false;
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                heading = Some(HeadingText {
                    start: range.start,
                    at: None,
                    text: None,
                });
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = heading.take() {
                    linter.heading(&h);
                }
            }
            // Fenced blocks are deliberate code. An indented "code block" in a standard
            // is almost always a paragraph indented by mistake, so it is still linted.
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => fenced = true,
            Event::End(TagEnd::CodeBlock) => fenced = false,
            Event::Text(t) => {
                if fenced {
                    continue;
                }
                // Search the source, not the event text: offsets stay exact even
                // where the event text differs from the source (escapes, entities).
                linter.sink.modal(range.start, &text[range.clone()]);
                if let Some(h) = heading.as_mut() {
                    h.push(t, range.start);
                }
            }
            Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push(t, range.start);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(h) = heading.as_mut() {
                    h.push(CowStr::Borrowed(" "), range.start);
                }
            }
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => html_comment = false,
            Event::Html(_) => {
                linter
                    .sink
                    .html(range.start, &text[range.clone()], &mut html_comment);
            }
            _ => {}
        }
    }
    linter.finish()
}

/// The headings of a text plain enough to need no Markdown parser, or `None`.
///
/// Most standards are headings, paragraphs of plain prose and tables. When a text has no
/// code, no HTML, no block quote, no setext heading, no list item holding a heading and no
/// inline markup in its headings, its ATX heading lines are exactly the headings
/// pulldown-cmark would report, with the same text; finding them line by line is several times
/// faster than parsing. Anything else goes through the parser (`lint`).
pub(super) fn plain_headings(text: &str) -> Option<Vec<HeadingText<'_>>> {
    let bytes = text.as_bytes();
    if memchr::memchr3(b'`', b'<', b'\t', bytes).is_some()
        || memchr::memmem::find(bytes, b"~~~").is_some()
    {
        return None;
    }
    let mut headings = Vec::new();
    let mut offset = 0;
    let mut previous_blank = true;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let indent = content.len() - content.trim_start_matches(' ').len();
        let rest = &content[indent..];
        if indent >= 4 && !previous_blank {
            // A continuation line of a paragraph: plain text.
        } else if indent >= 4 || rest.starts_with('>') {
            // Indented code and block quotes: leave them to the parser.
            return None;
        } else if rest.starts_with('|') {
            // A table row: never a heading, and an ATX heading line ends a table.
        } else if rest.starts_with(['-', '*', '+'])
            || rest.starts_with(|c: char| c.is_ascii_digit())
        {
            // A list item or a thematic break may hold a heading or turn the line above into
            // a setext heading.
            if rest.contains('#')
                || rest
                    .trim_end()
                    .chars()
                    .all(|c| matches!(c, '-' | '*' | '_' | ' '))
            {
                return None;
            }
        } else if rest.starts_with('=') || rest.starts_with('_') {
            return None;
        } else if let Some(h) = atx(rest, start + indent) {
            if h.text
                .as_deref()
                .is_some_and(|t| t.contains(['*', '_', '[', ']', '!', '&', '\\']))
            {
                return None;
            }
            headings.push(h);
        }
        previous_blank = rest.trim().is_empty();
    }
    Some(headings)
}

/// An ATX heading line (`## 4.1 要求`, without its indentation) starting at byte `start`.
fn atx(line: &str, start: usize) -> Option<HeadingText<'_>> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let after = &line[hashes..];
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    let mut body = after.trim_matches(' ');
    // A closing run of `#` preceded by a space (or making up the whole body) is not text.
    let without = body.trim_end_matches('#');
    if without.len() < body.len() && (without.is_empty() || without.ends_with(' ')) {
        body = without.trim_end_matches(' ');
    }
    if body.is_empty() {
        return Some(HeadingText {
            start,
            at: None,
            text: None,
        });
    }
    let at = start + hashes + (after.len() - after.trim_start_matches(' ').len());
    Some(HeadingText {
        start,
        at: Some(at),
        text: Some(Cow::Borrowed(body)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::text::lint;

    /// The plain-text fast path must find exactly what the parser finds: every Markdown text
    /// the project ships, and texts built to trip a line scanner.
    #[test]
    fn plain_heading_scan_agrees_with_the_parser() {
        let mut texts: Vec<String> = vec![
            "# 标题\n\n## 1 范围\n\n本文件规定。\n\n## 2 规范性引用文件\n\n## 3 术语和定义\n"
                .into(),
            "## 1 范围 ##\n\n## 2 规范性引用文件 #\n\n##\n\n## 3 术语和定义\n".into(),
            "## 1 范围\n段落\n    ## 2 缩进续行\n\n## 3 术语和定义\n".into(),
            "## 1 范围\n\n- ## 2 列表里的标题\n\n## 3 术语\n".into(),
            "## 1 范围\n\n标题下划线\n---\n\n## 3 术语\n".into(),
            "## 1 范围\n\n标题下划线\n===\n".into(),
            "## 1 *范围*\n\n## 2 \\#转义\n".into(),
            "   ## 1 范围\n\n#不是标题\n\n####### 七级\n\n1. 列表\n2. 列表\n".into(),
            "## 1 范围\n\n> ## 2 引用\n".into(),
            "## 4 要求\n\n### 4.1 甲\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n### 4.2 乙\n".into(),
            "## 1 范围\r\n\r\n## 2 规范性引用文件\r\n".into(),
            "## 1 范围\n\n***\n\n## 2 规范性引用文件\n\n___\n".into(),
        ];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        // `STDKIT_LINT_CORPUS=DIR` adds the texts of another tree (e.g. a generated one).
        let extra = std::env::var_os("STDKIT_LINT_CORPUS").map(std::path::PathBuf::from);
        let dirs = ["standards", "examples", "tests/cmd"].map(|d| root.join(d));
        for dir in dirs.iter().chain(extra.as_ref()) {
            for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
                let entry = entry.unwrap();
                let name = entry.file_name().to_string_lossy();
                if entry.file_type().is_file()
                    && name.ends_with(".md")
                    && let Ok(text) = std::fs::read_to_string(entry.path())
                {
                    let body = match text
                        .strip_prefix("+++\n")
                        .and_then(|t| t.split_once("\n+++\n"))
                    {
                        Some((_, body)) => body.to_owned(),
                        None => text,
                    };
                    texts.push(body);
                }
            }
        }
        assert!(texts.len() > 200, "only {} texts", texts.len());
        let mut fast = 0;
        for t in &texts {
            if plain_headings(t).is_some() {
                fast += 1;
            }
            assert_eq!(lint(t), lint_parsed(t), "paths disagree on:\n{t}");
        }
        assert!(
            fast > texts.len() / 2,
            "the fast path took only {fast} of {} texts",
            texts.len()
        );
    }
}
