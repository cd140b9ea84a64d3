//! Markdown (chapters, standard texts, audit reports) to Typst content.

#[allow(unused_imports, reason = "the module shares the parent's imports")]
use super::*;

/// The deepest nesting of lists and block quotes printed as such. Typst refuses content
/// nested much deeper (its show-rule depth is bounded: about 30 lists fail); the items and
/// quotes below this depth are printed as paragraphs of the deepest list item or quote,
/// each item with its marker, so that nothing is lost.
pub(super) const MAX_BLOCK_DEPTH: usize = 12;

/// The deepest nesting of emphasis, strong emphasis and strike-through printed as such;
/// deeper ones print their text plainly.
pub(super) const MAX_INLINE_DEPTH: usize = 8;

/// Where a Markdown text comes from: its repository-relative path and the line of the file
/// its first line is.
#[derive(Clone, Copy, Debug)]
pub(super) struct MdFile<'a> {
    pub(super) path: &'a str,
    pub(super) line: u32,
}

/// Appends the Markdown `md` as Typst markup. A leading `# ` heading (the title, printed
/// by the caller) is dropped; the other headings become Typst headings from `base` down,
/// the shallowest Markdown heading level mapped to `base`. Images and raw HTML are dropped;
/// links keep their text only. Each stretch of the markup is marked in `origins` with the
/// line of `file` it came from.
pub(super) fn markdown_to_typst(
    out: &mut String,
    origins: &mut Origins,
    md: &str,
    base: usize,
    file: MdFile<'_>,
) {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let events: Vec<(Event, std::ops::Range<usize>)> =
        Parser::new_ext(md, options).into_offset_iter().collect();
    // Drop the title: a level-1 heading before anything else.
    let start = match events.first() {
        Some((
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }),
            _,
        )) => events
            .iter()
            .position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_))))
            .map_or(0, |i| i + 1),
        _ => 0,
    };
    let events = &events[start..];
    let top = events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(1);

    origins.file(out.len(), file.path, file.line);
    let mut w = Md {
        out,
        base,
        top,
        skip: 0,
        code: None,
        soft: false,
        last: None,
        run: 0,
        blocks: Vec::new(),
        shown: 0,
        inline: Vec::new(),
    };
    let mut lines = LineCounter::new(md, file.line);
    for (event, range) in events {
        if !matches!(event, Event::End(_)) {
            origins.line(w.out.len(), lines.line(range.start));
        }
        w.event(event);
    }
    out.push('\n');
    origins.end_file(out.len());
}

pub(super) struct Md<'a> {
    pub(super) out: &'a mut String,
    pub(super) base: usize,
    pub(super) top: usize,
    /// Inside an image or an HTML block: output suppressed.
    pub(super) skip: usize,
    /// The text of a fenced or indented code block being read.
    pub(super) code: Option<String>,
    /// A soft line break is pending.
    pub(super) soft: bool,
    /// The last character of text written in the current paragraph.
    pub(super) last: Option<char>,
    /// The length of the run of solid characters the output ends with (see [`escape_into`]).
    pub(super) run: usize,
    /// The open lists, items and block quotes, innermost last.
    pub(super) blocks: Vec<Block>,
    /// How many of `blocks` are lists and quotes printed as such (at most
    /// [`MAX_BLOCK_DEPTH`]).
    pub(super) shown: usize,
    /// The open emphasis, strong and strike-through spans: whether each is printed as such.
    pub(super) inline: Vec<bool>,
}

/// An open list, list item or block quote; `shown` when printed as such, else flattened
/// into the deepest one that is.
#[derive(Clone, Copy, Debug)]
pub(super) enum Block {
    /// A list, with the number of its next item if it is ordered.
    List {
        shown: bool,
        next: Option<u64>,
    },
    Item {
        shown: bool,
    },
    Quote {
        shown: bool,
    },
}

/// Whether a character is set solid in Chinese text (no space at a soft line break).
pub(super) fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

impl Md<'_> {
    pub(super) fn block_boundary(&mut self) {
        self.soft = false;
        self.last = None;
        self.run = 0;
    }

    pub(super) fn event(&mut self, event: &Event) {
        if let Some(code) = &mut self.code {
            match event {
                Event::Text(t) => code.push_str(t),
                Event::End(TagEnd::CodeBlock) => {
                    let text = self.code.take().unwrap_or_default();
                    let _ = writeln!(
                        self.out,
                        "\n#raw(block: true, {})\n",
                        str_lit(&breakable(text.trim_end_matches('\n')))
                    );
                    self.block_boundary();
                }
                _ => {}
            }
            return;
        }
        if self.skip > 0 {
            match event {
                Event::Start(Tag::Image { .. } | Tag::HtmlBlock) => self.skip += 1,
                Event::End(TagEnd::Image | TagEnd::HtmlBlock) => self.skip -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(*tag),
            Event::Text(t) => self.text(t),
            Event::Code(t) => {
                self.flush_soft(t.chars().next());
                // A short span is one unbreakable box; a longer one flows over lines.
                let flows = t.chars().count() > LONG_RUN;
                let _ = write!(
                    self.out,
                    "#{}[{}]",
                    if flows { "code-flow" } else { "code" },
                    escape(t)
                );
                self.last = t.chars().last();
                self.run = 0;
            }
            Event::SoftBreak => self.soft = true,
            Event::HardBreak => {
                self.out.push_str("#linebreak()\n");
                self.soft = false;
                self.last = None;
                self.run = 0;
            }
            Event::Rule => {
                self.out
                    .push_str("\n#line(length: 100%, stroke: 0.5pt)\n\n");
                self.block_boundary();
            }
            Event::TaskListMarker(done) => self.out.push_str(if *done { "☑ " } else { "☐ " }),
            Event::FootnoteReference(label) => self.text(&format!("[^{label}]")),
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
    }

    pub(super) fn flush_soft(&mut self, next: Option<char>) {
        if self.soft {
            let solid = self.last.is_some_and(is_wide) && next.is_some_and(is_wide);
            if !solid {
                self.out.push(' ');
                self.run = 0;
            }
            self.soft = false;
        }
    }

    pub(super) fn text(&mut self, t: &str) {
        self.flush_soft(t.chars().next());
        escape_into(self.out, t, &mut self.run);
        if let Some(c) = t.chars().last() {
            self.last = Some(c);
        }
    }

    pub(super) fn start(&mut self, tag: &Tag) {
        match tag {
            Tag::Paragraph => self.block_boundary(),
            Tag::Heading { level, .. } => {
                let level = self.base + (*level as usize).saturating_sub(self.top);
                // Bookmarks down to the chapters of a standard (`## 1 范围`), not its clauses.
                let _ = write!(
                    self.out,
                    "\n#heading(level: {level}, outlined: false, bookmarked: {})[",
                    level <= 3
                );
                self.block_boundary();
            }
            Tag::BlockQuote(_) => {
                let shown = self.open_container();
                self.out.push_str(if shown {
                    "\n#quote(block: true)["
                } else {
                    "\n\n"
                });
                self.blocks.push(Block::Quote { shown });
                self.block_boundary();
            }
            Tag::CodeBlock(_) => self.code = Some(String::new()),
            Tag::HtmlBlock | Tag::Image { .. } => self.skip = 1,
            Tag::List(start) => {
                let shown = self.open_container();
                match (shown, start) {
                    (true, Some(n)) => {
                        let _ = write!(self.out, "\n#enum(start: {n},");
                    }
                    (true, None) => self.out.push_str("\n#list("),
                    (false, _) => self.out.push_str("\n\n"),
                }
                self.blocks.push(Block::List {
                    shown,
                    next: *start,
                });
                self.block_boundary();
            }
            Tag::Item => {
                let shown = match self.blocks.last_mut() {
                    Some(Block::List { shown: false, next }) => {
                        // A flattened item: a paragraph that starts with its marker.
                        let marker = match next {
                            Some(n) => {
                                let marker = format!("{n}. ");
                                *n = n.saturating_add(1);
                                marker
                            }
                            None => "• ".to_owned(),
                        };
                        self.out.push_str("\n\n");
                        self.out.push_str(&escape(&marker));
                        false
                    }
                    _ => {
                        self.out.push_str("\n  [");
                        true
                    }
                };
                self.blocks.push(Block::Item { shown });
                self.block_boundary();
            }
            Tag::Table(aligns) => {
                let aligns: Vec<&str> = aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::None | Alignment::Left => "left + horizon",
                        Alignment::Center => "center + horizon",
                        Alignment::Right => "right + horizon",
                    })
                    .collect();
                let _ = write!(
                    self.out,
                    "\n#table(columns: {}, align: ({},),",
                    aligns.len().max(1),
                    aligns.join(", ")
                );
            }
            Tag::TableHead => self.out.push_str("\n  table.header("),
            Tag::TableRow => self.out.push_str("\n "),
            Tag::TableCell => {
                self.out.push_str(" [");
                self.block_boundary();
            }
            Tag::Emphasis => self.open_inline("#emph["),
            Tag::Strong => self.open_inline("#strong["),
            Tag::Strikethrough => self.open_inline("#strike["),
            // Links print their text; the target is not part of a printed volume.
            Tag::Link { .. } => {}
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_)
            | Tag::Superscript
            | Tag::Subscript => {}
        }
    }

    pub(super) fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                self.out.push_str("\n\n");
                self.block_boundary();
            }
            TagEnd::Heading(_) => {
                self.out.push_str("]\n\n");
                self.block_boundary();
            }
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item => {
                let close = match self.blocks.pop() {
                    Some(Block::Quote { shown: true }) => {
                        self.shown -= 1;
                        "]\n\n"
                    }
                    Some(Block::List { shown: true, .. }) => {
                        self.shown -= 1;
                        "\n)\n\n"
                    }
                    Some(Block::Item { shown: true }) => "],",
                    // A flattened one ends its paragraph.
                    _ => "\n\n",
                };
                self.out.push_str(close);
                self.block_boundary();
            }
            TagEnd::Table => {
                self.out.push_str("\n)\n\n");
                self.block_boundary();
            }
            TagEnd::TableHead => self.out.push_str("),"),
            TagEnd::TableCell => self.out.push_str("],"),
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough
                if self.inline.pop().unwrap_or(false) =>
            {
                self.out.push(']');
            }
            _ => {}
        }
    }

    /// Whether a list or block quote opening now is printed as such (and counted), or
    /// flattened because [`MAX_BLOCK_DEPTH`] are open.
    pub(super) fn open_container(&mut self) -> bool {
        let shown = self.shown < MAX_BLOCK_DEPTH;
        if shown {
            self.shown += 1;
        }
        shown
    }

    /// Opens an inline span with `markup`, unless [`MAX_INLINE_DEPTH`] are open.
    pub(super) fn open_inline(&mut self, markup: &str) {
        let shown = self.inline.iter().filter(|s| **s).count() < MAX_INLINE_DEPTH;
        if shown {
            self.out.push_str(markup);
        }
        self.inline.push(shown);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typst(md: &str) -> (String, Origins) {
        let mut out = String::new();
        let mut origins = Origins::default();
        origins.section(0, "工作总结");
        let file = MdFile {
            path: "dossier/02.md",
            line: 1,
        };
        markdown_to_typst(&mut out, &mut origins, md, 2, file);
        (out, origins)
    }

    #[test]
    fn lists_and_quotes_below_the_cap_are_paragraphs_with_nothing_lost() {
        let mut md = String::new();
        for i in 0..40 {
            let _ = writeln!(md, "{}- 第{}项", "  ".repeat(i), i + 1);
        }
        // An ordered list below the cap keeps its numbers.
        let _ = writeln!(md, "\n{}3. 丙\n{0}4. 丁\n", "  ".repeat(41));
        for i in 1..=30 {
            let _ = writeln!(md, "{} 第{i}层", ">".repeat(i));
        }
        let (out, _) = typst(&md);
        assert_eq!(out.matches("#list(").count(), MAX_BLOCK_DEPTH);
        assert_eq!(out.matches("#quote(").count(), MAX_BLOCK_DEPTH);
        for i in 1..=40 {
            assert_eq!(out.matches(&format!("第{i}项")).count(), 1, "item {i}");
        }
        for i in 1..=30 {
            assert_eq!(out.matches(&format!("第{i}层")).count(), 1, "quote {i}");
        }
        assert!(out.contains("\n\n• 第40项"));
        assert!(out.contains("\n\n3\\. 丙") && out.contains("\n\n4\\. 丁"));
        // Every bracket and parenthesis opened is closed.
        let depth = out.chars().try_fold(0i32, |d, c| {
            let d = match c {
                '[' | '(' => d + 1,
                ']' | ')' => d - 1,
                _ => d,
            };
            (d >= 0).then_some(d)
        });
        assert_eq!(depth, Some(0));
    }

    #[test]
    fn emphasis_below_the_cap_prints_plainly() {
        let mut md = String::new();
        let mut close = String::new();
        for i in 1..=20 {
            let d = if i % 2 == 0 { '*' } else { '_' };
            let _ = write!(md, "{d}强{i}层 ");
            close = format!(" {i}{d}{close}");
        }
        md.push_str(&close);
        let (out, _) = typst(&md);
        let spans = out.matches("#emph[").count() + out.matches("#strong[").count();
        assert!(spans <= MAX_INLINE_DEPTH, "{out}");
        assert!((1..=20).all(|i| out.contains(&format!("强{i}层"))));
    }

    #[test]
    fn markup_is_marked_with_the_markdown_line_it_came_from() {
        let md = "# 标题\n\n第一段\n第二行\n\n- 甲\n- 乙\n\n> 引用\n";
        let (out, origins) = typst(md);
        for (text, line) in [("第一段", 3), ("第二行", 4), ("乙", 7), ("引用", 9)] {
            let at = out.find(text).unwrap();
            let place = origins.find(at);
            assert_eq!(place.file, Some(("dossier/02.md", line)), "{text}");
            assert_eq!(place.section, Some("工作总结"));
        }
        assert_eq!(origins.find(out.len()).file, None);
    }
}
