//! Markdown (chapters, standard texts, audit reports) to Typst content.

#[allow(unused_imports, reason = "the module shares the parent's imports")]
use super::*;

/// Appends the Markdown `md` as Typst markup. A leading `# ` heading (the title, printed
/// by the caller) is dropped; the other headings become Typst headings from `base` down,
/// the shallowest Markdown heading level mapped to `base`. Images and raw HTML are dropped;
/// links keep their text only.
pub(super) fn markdown_to_typst(out: &mut String, md: &str, base: usize) {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let events: Vec<Event> = Parser::new_ext(md, options).collect();
    // Drop the title: a level-1 heading before anything else.
    let start = match events.first() {
        Some(Event::Start(Tag::Heading {
            level: HeadingLevel::H1,
            ..
        })) => events
            .iter()
            .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
            .map_or(0, |i| i + 1),
        _ => 0,
    };
    let events = &events[start..];
    let top = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(1);

    let mut w = Md {
        out,
        base,
        top,
        skip: 0,
        code: None,
        soft: false,
        last: None,
    };
    for event in events {
        w.event(event);
    }
    out.push('\n');
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
}

/// Whether a character is set solid in Chinese text (no space at a soft line break).
pub(super) fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

impl Md<'_> {
    pub(super) fn block_boundary(&mut self) {
        self.soft = false;
        self.last = None;
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
                        str_lit(text.trim_end_matches('\n'))
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
                let _ = write!(self.out, "#code[{}]", escape(t));
                self.last = t.chars().last();
            }
            Event::SoftBreak => self.soft = true,
            Event::HardBreak => {
                self.out.push_str("#linebreak()\n");
                self.soft = false;
                self.last = None;
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
            }
            self.soft = false;
        }
    }

    pub(super) fn text(&mut self, t: &str) {
        self.flush_soft(t.chars().next());
        self.out.push_str(&escape(t));
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
                self.out.push_str("\n#quote(block: true)[");
                self.block_boundary();
            }
            Tag::CodeBlock(_) => self.code = Some(String::new()),
            Tag::HtmlBlock | Tag::Image { .. } => self.skip = 1,
            Tag::List(Some(n)) => {
                let _ = write!(self.out, "\n#enum(start: {n},");
                self.block_boundary();
            }
            Tag::List(None) => {
                self.out.push_str("\n#list(");
                self.block_boundary();
            }
            Tag::Item => {
                self.out.push_str("\n  [");
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
            Tag::Emphasis => self.out.push_str("#emph["),
            Tag::Strong => self.out.push_str("#strong["),
            Tag::Strikethrough => self.out.push_str("#strike["),
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
            TagEnd::BlockQuote(_) => {
                self.out.push_str("]\n\n");
                self.block_boundary();
            }
            TagEnd::List(_) => {
                self.out.push_str("\n)\n\n");
                self.block_boundary();
            }
            TagEnd::Item => {
                self.out.push_str("],");
                self.block_boundary();
            }
            TagEnd::Table => {
                self.out.push_str("\n)\n\n");
                self.block_boundary();
            }
            TagEnd::TableHead => self.out.push_str("),"),
            TagEnd::TableCell => self.out.push_str("],"),
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => self.out.push(']'),
            _ => {}
        }
    }
}
