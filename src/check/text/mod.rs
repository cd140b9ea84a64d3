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

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::RangeInclusive;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

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
    /// Message in Chinese.
    pub zh: String,
    /// Message in English.
    pub en: String,
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

/// [`lint`] through the Markdown parser, for any text.
fn lint_parsed(text: &str) -> Vec<TextIssue> {
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
fn plain_headings(text: &str) -> Option<Vec<HeadingText<'_>>> {
    if text.contains(['`', '<', '\t']) || text.contains("~~~") {
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

// ---------------------------------------------------------------------------
// Headings

/// The text of one heading, borrowed from the source when it is a single event.
struct HeadingText<'a> {
    /// Byte offset of the heading (its `#`).
    start: usize,
    /// Byte offset of the first text in it (where its number is).
    at: Option<usize>,
    text: Option<Cow<'a, str>>,
}

impl<'a> HeadingText<'a> {
    fn push(&mut self, t: CowStr<'a>, offset: usize) {
        self.at.get_or_insert(offset);
        match &mut self.text {
            None => {
                self.text = Some(match t {
                    CowStr::Borrowed(s) => Cow::Borrowed(s),
                    other => Cow::Owned(other.into_string()),
                });
            }
            Some(buf) => buf.to_mut().push_str(&t),
        }
    }
}

/// Up to this many components of a number are kept (more is too deep anyway).
const MAX_COMPONENTS: usize = 8;
/// GB/T 1.1: a chapter is divided into at most five levels of clauses.
const CLAUSE_LEVELS: usize = 5;
/// Levels of the body tree: the chapter and its five clause levels.
const LEVELS: usize = CLAUSE_LEVELS + 1;
/// Titles of chapters 1, 2 and 3.
const REQUIRED: [&str; 3] = ["范围", "规范性引用文件", "术语和定义"];

/// A chapter or clause number as written at the start of a heading.
#[derive(Clone, Copy)]
struct Num<'t> {
    /// The number as written, without a trailing dot (`4.1`, `A.2`).
    raw: &'t str,
    c: [u32; MAX_COMPONENTS],
    /// Number of components; may exceed `MAX_COMPONENTS`.
    len: usize,
}

impl Num<'_> {
    fn comps(&self) -> &[u32] {
        &self.c[..self.len.min(MAX_COMPONENTS)]
    }
}

enum Kind<'t> {
    /// No number: title, 前言, 引言, 参考文献 …
    Other,
    /// `4`, `4.1`: a chapter or a clause of the body.
    Numbered { num: Num<'t>, title: &'t str },
    /// `A.1`: a clause of an appendix.
    Lettered { letter: u8, num: Num<'t> },
    /// `附录A（规范性）…`
    Annex { letter: Option<u8>, marked: bool },
}

fn parse_heading(text: &str) -> Kind<'_> {
    let s = text.trim_start();
    if let Some(rest) = s.strip_prefix("附录") {
        return parse_annex(rest);
    }
    let b = s.as_bytes();
    let (letter, mut i) = if b.len() > 2 && b[0].is_ascii_uppercase() && b[1] == b'.' {
        (Some(b[0]), 2)
    } else {
        (None, 0)
    };
    let mut num = Num {
        raw: "",
        c: [0; MAX_COMPONENTS],
        len: 0,
    };
    let mut end = i;
    loop {
        let from = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        // Chapters and clauses have at most three digits: `2014年…` is no number.
        if i == from || i - from > 3 {
            if i > from || num.len == 0 {
                return Kind::Other;
            }
            break; // a trailing dot: `4.1.`
        }
        if num.len < MAX_COMPONENTS {
            num.c[num.len] = s[from..i].parse().unwrap_or(0);
        }
        num.len += 1;
        end = i;
        if i < b.len() && b[i] == b'.' {
            i += 1;
        } else {
            break;
        }
    }
    let rest = &s[i..];
    // `4 基本要求`, `4基本要求`, `4.1　礼仪`; but `3D打印`, `3-5岁` are not numbered.
    match rest.chars().next() {
        Some(c) if c.is_ascii() && !c.is_ascii_whitespace() => return Kind::Other,
        _ => {}
    }
    num.raw = &s[..end];
    match letter {
        Some(letter) => Kind::Lettered { letter, num },
        None => Kind::Numbered {
            num,
            title: rest
                .trim_start_matches(|c: char| c.is_whitespace() || c == '、' || c == '．')
                .trim_end(),
        },
    }
}

fn parse_annex(rest: &str) -> Kind<'_> {
    let rest = rest.trim_start();
    let mut chars = rest.chars();
    let letter = match chars.next() {
        Some(c @ 'A'..='Z') => Some(c as u8),
        Some(c @ 'Ａ'..='Ｚ') => Some(b'A' + (c as u32 - 'Ａ' as u32) as u8),
        _ => None,
    };
    let after = if letter.is_some() {
        chars.as_str()
    } else {
        rest
    };
    Kind::Annex {
        letter,
        marked: is_marked(after),
    }
}

/// `（规范性）`, `(资料性)`, and the GB/T 1.1-2009 forms `（规范性附录）`, `（资料性附录）`.
fn is_marked(s: &str) -> bool {
    s.char_indices()
        .filter(|&(_, c)| c == '（' || c == '(')
        .any(|(i, c)| {
            let inner = &s[i + c.len_utf8()..];
            let Some(inner) = inner
                .strip_prefix("规范性")
                .or_else(|| inner.strip_prefix("资料性"))
            else {
                return false;
            };
            let inner = inner.strip_prefix("附录").unwrap_or(inner);
            inner.starts_with('）') || inner.starts_with(')')
        })
}

/// Compares titles ignoring whitespace (`范　围` is `范围`).
fn same_title(a: &str, b: &str) -> bool {
    a.chars()
        .filter(|c| !c.is_whitespace())
        .eq(b.chars().filter(|c| !c.is_whitespace()))
}

// ---------------------------------------------------------------------------
// Numbering

/// Marks a level whose first node was implied by a deeper number, or was already
/// reported as misnumbered: such a level is not also reported as a lone clause.
const UNSURE: usize = usize::MAX;

/// The numbering of the body (chapters and clauses) or of one appendix.
struct Tree {
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
    fn new(letter: Option<u8>) -> Self {
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
    fn close(&mut self, from: usize, report: bool, sink: &mut Sink<'_>) {
        // Chapters are not subject to the rule; an appendix's first level is.
        let lone_from = if self.letter.is_some() { 0 } else { 1 };
        for idx in from..LEVELS {
            if report && self.count[idx] == 1 && idx >= lone_from && self.first[idx] != UNSURE {
                let n = dotted(self.letter, &self.path[..=idx]);
                let (pz, pe) = owner(self.letter, &self.path[..idx]);
                sink.structure(
                    self.first[idx],
                    format!("{n}是{pz}下唯一的条，同一层次至少应有两个条"),
                    format!("`{n}` is the only clause under {pe}; a level needs at least two"),
                );
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
fn owner(letter: Option<u8>, path: &[u32]) -> (String, String) {
    match (letter, path.len()) {
        (Some(l), 0) => (
            format!("附录{}", l as char),
            format!("appendix `{}`", l as char),
        ),
        (None, 0) => ("正文".to_owned(), "the body".to_owned()),
        (None, 1) => (format!("第{}章", path[0]), format!("chapter `{}`", path[0])),
        _ => {
            let n = dotted(letter, path);
            (n.clone(), format!("clause `{n}`"))
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Region {
    Body,
    /// Inside an appendix; `None` when its heading has no letter.
    Annex(Option<u8>),
}

struct Linter<'a> {
    sink: Sink<'a>,
    region: Region,
    body: Tree,
    annex: Tree,
    last_annex: Option<u8>,
    /// Highest chapter number seen (0: none) and where it was.
    max_chapter: u32,
    max_chapter_at: usize,
}

impl<'a> Linter<'a> {
    fn new(text: &'a str) -> Self {
        Linter {
            sink: Sink {
                loc: Locator::new(text),
                issues: Vec::new(),
                has_modal: MODALS.iter().any(|(word, _)| text.contains(word)),
            },
            region: Region::Body,
            body: Tree::new(None),
            annex: Tree::new(None),
            last_annex: None,
            max_chapter: 0,
            max_chapter_at: 0,
        }
    }

    fn heading(&mut self, h: &HeadingText<'_>) {
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
                self.sink.structure(
                    at,
                    format!("附录{l}中的条{n}应以“{l}.”开头编号"),
                    format!("clause `{n}` in appendix `{l}` should be numbered `{l}.…`"),
                );
            }
            (Kind::Lettered { letter, num }, Region::Body) => {
                let (n, l) = (num.raw, letter as char);
                self.sink.structure(
                    at,
                    format!("条{n}不在附录{l}中"),
                    format!("clause `{n}` is outside appendix `{l}`"),
                );
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
            None => self.sink.structure(
                at,
                "附录应以大写拉丁字母编号，如“附录A”".to_owned(),
                "appendix has no letter; write `附录A`".to_owned(),
            ),
            Some(l) => {
                let expected = self.last_annex.map_or(b'A', |p| p + 1);
                if l > expected {
                    let (z, e) = missing(expected..=l - 1, "appendix", |x| (x as char).to_string());
                    self.sink.structure(
                        at,
                        format!("附录{name}前缺少附录{z}"),
                        format!("{e} missing before appendix `{name}`"),
                    );
                } else if l < expected {
                    let prev = (expected - 1) as char;
                    self.sink.structure(
                        at,
                        format!("附录编号重复或顺序错误：附录{prev}之后是附录{name}"),
                        format!(
                            "appendix `{name}` follows appendix `{prev}`; expected `{}`",
                            expected as char
                        ),
                    );
                }
                self.last_annex = Some(l);
            }
        }
        if !marked {
            let en = if name.is_empty() {
                "appendix".to_owned()
            } else {
                format!("appendix `{name}`")
            };
            self.sink.structure(
                at,
                format!("附录{name}未标明“（规范性）”或“（资料性）”"),
                format!("{en} is not marked `（规范性）` or `（资料性）`"),
            );
        }
    }

    fn close_region(&mut self) {
        match self.region {
            Region::Body => self.body.close(0, true, &mut self.sink),
            Region::Annex(_) => self.annex.close(0, true, &mut self.sink),
        }
    }

    fn number(&mut self, in_annex: bool, num: Num<'_>, title: &str, at: usize) {
        let sink = &mut self.sink;
        let tree = if in_annex {
            &mut self.annex
        } else {
            &mut self.body
        };
        let n = num.raw;
        if num.len > tree.max_len() {
            sink.structure(
                at,
                format!("{n}层次过深，条最多分五层"),
                format!(
                    "clause `{n}` is nested deeper than the five clause levels GB/T 1.1 allows"
                ),
            );
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
            let (oz, oe) = owner(tree.letter, &tree.path[..lim]);
            sink.structure(
                at,
                format!("{n}不属于当前的{oz}"),
                format!("clause `{n}` is not under the current {oe}"),
            );
        } else if common < i {
            if depth == 0 && tree.letter.is_none() {
                sink.structure(
                    at,
                    format!("{n}出现在第1章之前"),
                    format!("clause `{n}` comes before any chapter"),
                );
                // Not adopted: chapter 1 that follows is then in order.
                return;
            } else {
                let (oz, oe) = owner(tree.letter, &tree.path[..depth]);
                sink.structure(
                    at,
                    format!("{n}跳过了层次，直接位于{oz}之下"),
                    format!("clause `{n}` skips a level under {oe}"),
                );
            }
        } else if last == prev + 1 {
            // In order.
        } else if last > prev + 1 {
            let parent = &c[..i];
            let (z, e) = missing(prev + 1..=last - 1, "clause", |x| {
                sibling(tree.letter, parent, x)
            });
            sink.structure(
                at,
                format!("条编号不连续：{n}前缺少{z}"),
                format!("{e} missing before `{n}`"),
            );
        } else {
            let parent = &c[..i];
            let expected = sibling(tree.letter, parent, prev + 1);
            if prev == 0 {
                sink.structure(
                    at,
                    format!("第一个条应编为{expected}，实为{n}"),
                    format!("the first clause should be `{expected}`, not `{n}`"),
                );
            } else {
                let p = sibling(tree.letter, parent, prev);
                sink.structure(
                    at,
                    format!("条编号重复或顺序错误：{p}之后是{n}"),
                    format!("clause `{n}` follows `{p}`; expected `{expected}`"),
                );
            }
        }
        tree.adopt(c, at, common, common < i, sink);
    }

    fn finish(mut self) -> Vec<TextIssue> {
        self.close_region();
        if self.max_chapter == 0 {
            self.sink.structure(
                0,
                "正文没有编号的章，应按GB/T 1.1从“1 范围”开始编排".to_owned(),
                "the text has no numbered chapter; GB/T 1.1 starts with `1 范围`".to_owned(),
            );
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
fn chapter(sink: &mut Sink<'_>, prev: u32, n: u32, title: &str, at: usize) {
    if n == prev + 1 {
        // In order.
    } else if n > prev + 1 {
        // Chapters 1–3 are named; a gap beyond them is one issue.
        for m in prev + 1..n.min(4) {
            missing_chapter(sink, m, at);
        }
        let from = (prev + 1).max(4);
        if from < n {
            let (z, e) = missing(from..=n - 1, "chapter", |x| x.to_string());
            sink.structure(
                at,
                format!("章编号不连续：第{n}章前缺少第{z}章"),
                format!("{e} missing before chapter `{n}`"),
            );
        }
    } else if prev == 0 {
        sink.structure(
            at,
            format!("第一章应编为第1章，实为第{n}章"),
            format!("the first chapter should be `1`, not `{n}`"),
        );
    } else {
        sink.structure(
            at,
            format!("章编号重复或顺序错误：第{prev}章之后是第{n}章"),
            format!(
                "chapter `{n}` follows chapter `{prev}`; expected `{}`",
                prev + 1
            ),
        );
    }
    if n > prev && (1..=3).contains(&n) {
        let want = REQUIRED[n as usize - 1];
        if title.is_empty() {
            sink.structure(
                at,
                format!("第{n}章缺少标题，应为“{want}”"),
                format!("chapter `{n}` has no title; it should be `{want}`"),
            );
        } else if !same_title(title, want) {
            sink.structure(
                at,
                format!("第{n}章标题应为“{want}”，实为“{title}”"),
                format!("chapter `{n}` should be titled `{want}`, not `{title}`"),
            );
        }
    }
}

fn missing_chapter(sink: &mut Sink<'_>, n: u32, at: usize) {
    let want = REQUIRED[n as usize - 1];
    sink.structure(
        at,
        format!("缺少第{n}章“{want}”"),
        format!("chapter `{n}` (`{want}`) is missing"),
    );
}

/// Names the missing numbers `a..=b`: (`4` / `4至6`, "clause `4` is" / "clauses `4`–`6` are").
fn missing<T: Copy + PartialEq>(
    range: RangeInclusive<T>,
    noun: &str,
    name: impl Fn(T) -> String,
) -> (String, String) {
    let (a, b) = range.into_inner();
    if a == b {
        let x = name(a);
        (x.clone(), format!("{noun} `{x}` is"))
    } else {
        let (x, y) = (name(a), name(b));
        (format!("{x}至{y}"), format!("{noun}s `{x}`–`{y}` are"))
    }
}

// ---------------------------------------------------------------------------
// Issues and positions

/// Modal verbs not used in standards, with what to write instead.
const MODALS: [(&str, &str); 3] = [("必须", "应"), ("不得", "不应"), ("禁止", "不应")];

struct Sink<'a> {
    loc: Locator<'a>,
    issues: Vec<TextIssue>,
    /// Whether the text holds a modal verb at all: most texts hold none, and one fast
    /// search of the whole text spares scanning every piece of it.
    has_modal: bool,
}

impl Sink<'_> {
    fn structure(&mut self, at: usize, zh: String, en: String) {
        self.push(TextRule::Structure, at, zh, en);
    }

    fn push(&mut self, rule: TextRule, at: usize, zh: String, en: String) {
        let (line, column) = self.loc.locate(at);
        self.issues.push(TextIssue {
            rule,
            line,
            column,
            zh,
            en,
        });
    }

    /// Reports each modal verb in `s`, which starts at byte `base` of the text.
    fn modal(&mut self, base: usize, s: &str) {
        if !self.has_modal {
            return;
        }
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            // All three words start with a three-byte UTF-8 sequence.
            if b[i] & 0xF0 == 0xE0
                && let Some(&(word, instead)) = MODALS
                    .iter()
                    .find(|(w, _)| b[i..].starts_with(w.as_bytes()))
            {
                self.push(
                    TextRule::Modal,
                    base + i,
                    format!("标准条文中使用了“{word}”，应改用“{instead}”"),
                    format!("`{word}` is not used in standards; write `{instead}`"),
                );
                i += word.len();
                continue;
            }
            i += 1;
        }
    }

    /// Lints a line of an HTML block, skipping comments (which may span lines).
    fn html(&mut self, base: usize, s: &str, in_comment: &mut bool) {
        let mut pos = 0;
        while pos < s.len() {
            if *in_comment {
                match s[pos..].find("-->") {
                    Some(e) => {
                        pos += e + 3;
                        *in_comment = false;
                    }
                    None => return,
                }
            } else {
                let end = s[pos..].find("<!--").map_or(s.len(), |e| pos + e);
                self.modal(base + pos, &s[pos..end]);
                pos = end + 4;
                *in_comment = end < s.len();
            }
        }
    }
}

/// Turns byte offsets into 1-based line and char column. The line index is built on
/// first use; consecutive positions on one line are counted incrementally.
struct Locator<'a> {
    text: &'a str,
    starts: Vec<usize>,
    line: usize,
    byte: usize,
    col: usize,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str) -> Self {
        Locator {
            text,
            starts: Vec::new(),
            line: usize::MAX,
            byte: 0,
            col: 0,
        }
    }

    fn locate(&mut self, offset: usize) -> (usize, usize) {
        if self.starts.is_empty() {
            self.starts.push(0);
            self.starts
                .extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
        }
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let (from, col) = if line == self.line && offset >= self.byte {
            (self.byte, self.col)
        } else {
            (self.starts[line], 0)
        };
        let col = col + self.text[from..offset].chars().count();
        (self.line, self.byte, self.col) = (line, offset, col);
        (line + 1, col + 1)
    }
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

    fn structure(text: &str) -> Vec<(usize, usize, String)> {
        lint(text)
            .into_iter()
            .filter(|i| i.rule == TextRule::Structure)
            .map(|i| (i.line, i.column, i.en))
            .collect()
    }

    /// The skeleton of GOOD with `body` after chapter 3 (which ends on line 7).
    fn with_body(body: &str) -> String {
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
    fn title_heading_and_front_sections_are_accepted() {
        let text = "# 首问负责制规范\n\n## 前言\n\n## 引言\n\n## 1 范围\n\n## 2 规范性引用文件\n\n## 3 术语和定义\n\n## 参考文献\n";
        assert_eq!(lint(text), vec![]);
    }

    #[test]
    fn lenient_number_forms() {
        let text = "# 2014年窗口服务规范\n## 1范围\n## 2. 规范性引用文件\n## 3　术　语　和　定　义\n## 4 要求\n### 4.1.　一\n### 4.2 二\n";
        assert_eq!(structure(text), vec![]);
    }

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
            issues[0].zh,
            "第2章标题应为“规范性引用文件”，实为“引用标准”"
        );
        assert_eq!(
            issues[0].en,
            "chapter `2` should be titled `规范性引用文件`, not `引用标准`"
        );
        assert_eq!(issues[1].line, 5);
        assert_eq!(
            issues[1].en,
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
        assert_eq!(issues[0].zh, "缺少第1章“范围”");
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
        assert_eq!(issues[0].zh, "章编号不连续：第8章前缺少第5至7章");
        assert_eq!(
            issues[0].en,
            "chapters `5`–`7` are missing before chapter `8`"
        );
    }

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
        assert_eq!(issues[0].zh, "条编号不连续：4.3前缺少4.2");
        assert_eq!(issues[0].en, "clause `4.2` is missing before `4.3`");
        assert_eq!(issues[1].line, 11);
        assert_eq!(issues[1].en, "clause `4.3` follows `4.3`; expected `4.4`");
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
        assert_eq!(issues[0].zh, "4.1是第4章下唯一的条，同一层次至少应有两个条");
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

    #[test]
    fn appendices_out_of_order() {
        let text = with_body("## 附录A（规范性）甲\n## 附录C（资料性）丙\n## 附录 B (资料性) 乙\n");
        let issues = lint(&text);
        assert_eq!(issues.len(), 2, "{issues:?}");
        assert_eq!((issues[0].line, issues[0].column), (9, 4));
        assert_eq!(issues[0].zh, "附录C前缺少附录B");
        assert_eq!(issues[0].en, "appendix `B` is missing before appendix `C`");
        assert_eq!(issues[1].line, 10);
        assert_eq!(
            issues[1].en,
            "appendix `B` follows appendix `C`; expected `D`"
        );
    }

    #[test]
    fn appendix_marking() {
        let text = with_body(
            "## 附录A 甲\n## 附录 B (资料性) 乙\n## 附录C（规范性附录）丙\n## 附录D\n## 附录E (资料性）\n## 附录\n",
        );
        let got = structure(&text);
        assert_eq!(
            got,
            vec![
                (
                    8,
                    4,
                    "appendix `A` is not marked `（规范性）` or `（资料性）`".to_owned()
                ),
                (
                    11,
                    4,
                    "appendix `D` is not marked `（规范性）` or `（资料性）`".to_owned()
                ),
                (13, 4, "appendix has no letter; write `附录A`".to_owned()),
                (
                    13,
                    4,
                    "appendix is not marked `（规范性）` or `（资料性）`".to_owned()
                ),
            ]
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

    #[test]
    fn modal_verbs() {
        let text = with_body(
            "\n工作人员必须佩戴工作牌，不得擅离岗位。\n\n- 禁止吸烟\n\n| 项目 | 要求 |\n| --- | --- |\n| 着装 | 必须统一 |\n",
        );
        let got: Vec<_> = lint(&text)
            .into_iter()
            .map(|i| (i.rule, i.line, i.column, i.zh, i.en))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    TextRule::Modal,
                    9,
                    5,
                    "标准条文中使用了“必须”，应改用“应”".to_owned(),
                    "`必须` is not used in standards; write `应`".to_owned()
                ),
                (
                    TextRule::Modal,
                    9,
                    13,
                    "标准条文中使用了“不得”，应改用“不应”".to_owned(),
                    "`不得` is not used in standards; write `不应`".to_owned()
                ),
                (
                    TextRule::Modal,
                    11,
                    3,
                    "标准条文中使用了“禁止”，应改用“不应”".to_owned(),
                    "`禁止` is not used in standards; write `不应`".to_owned()
                ),
                (
                    TextRule::Modal,
                    15,
                    8,
                    "标准条文中使用了“必须”，应改用“应”".to_owned(),
                    "`必须` is not used in standards; write `应`".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn modal_in_heading_and_with_inline_markup() {
        let text =
            with_body("## 4 必须事项\n### 4.1 甲\n### 4.2 乙\n\n**注意**：不得`必须`，*禁止*。\n");
        let got: Vec<_> = lint(&text)
            .into_iter()
            .map(|i| (i.line, i.column))
            .collect();
        assert_eq!(got, vec![(8, 6), (12, 8), (12, 16)]);
    }

    #[test]
    fn code_is_not_flagged() {
        let text = with_body(
            "\n引用 `必须` 一词。\n\n```text\n必须 不得 禁止\n```\n\n<!-- 禁止\n必须 -->\n\n内联<!-- 必须 -->注释。\n",
        );
        assert_eq!(lint(&text), vec![]);
    }

    #[test]
    fn indented_paragraph_is_linted() {
        let text = with_body("\n    工作人员必须佩戴工作牌。\n");
        let got: Vec<_> = lint(&text)
            .into_iter()
            .map(|i| (i.line, i.column))
            .collect();
        assert_eq!(got, vec![(9, 9)]);
    }

    #[test]
    fn html_text_outside_comments_is_flagged() {
        let text = with_body("\n<table><tr><td><!-- 注 -->必须</td></tr></table>\n");
        let got: Vec<_> = lint(&text)
            .into_iter()
            .map(|i| (i.line, i.column))
            .collect();
        assert_eq!(got, vec![(9, 26)]);
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
