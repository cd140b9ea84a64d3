//! The Typst source of the volume: escaping, the prelude (page setup, styles) and one writer
//! per section. User text only ever enters through `escape` and `str_lit`.

#[allow(unused_imports, reason = "the module shares the parent's imports")]
use super::*;
use crate::dossier::view;

/// Escapes text for Typst markup: every ASCII punctuation character is backslash-escaped
/// (`\#`, `\*`, `\[`, `\/`, `\"` …), so that no markup, code, math, label, reference, list
/// marker, shorthand (`--`, `...`, `~`), smart quote or URL can arise from it; line breaks
/// become spaces and other control characters are dropped. A word too long for a line (see
/// [`LONG_RUN`]) may break after any of its characters.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    escape_into(&mut out, text, &mut 0);
    out
}

/// The longest run of characters without a break opportunity (no space, no Chinese) that is
/// printed as it is. A longer run (a URL, a file path, a string of letters) gets a zero-width
/// space after each of its characters, which Typst may break at and never prints: like CSS
/// `overflow-wrap: anywhere`, only for words that could not fit a table cell otherwise.
pub(super) const LONG_RUN: usize = 24;

/// The invisible break opportunity between the characters of a long run (`sym.zws`).
pub(super) const ZWSP: char = '\u{200B}';

/// [`escape`], appended to `out`. `run` carries the length of the run of solid characters
/// `out` ends with (text written in pieces, as Markdown's, counts as one run); it is updated.
pub(super) fn escape_into(out: &mut String, text: &str, run: &mut usize) {
    escape_runs(out, text, run, LONG_RUN);
}

/// [`escape`] without break opportunities, for a text known to fit its line (a commit id).
pub(super) fn escape_solid(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    escape_runs(&mut out, text, &mut 0, usize::MAX);
    out
}

fn escape_runs(out: &mut String, text: &str, run: &mut usize, limit: usize) {
    for_runs(text, run, limit, |piece| match piece {
        Piece::Char(c, breakable) => {
            if breakable {
                out.push(ZWSP);
            }
            if c.is_ascii_punctuation() {
                out.push('\\');
            }
            out.push(c);
        }
        Piece::Space(c) => match c {
            '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        },
    });
}

/// `text` with a zero-width space after each character of its long runs, for code blocks
/// (the text of a `raw` string literal, nothing escaped).
pub(super) fn breakable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_runs(text, &mut 0, LONG_RUN, |piece| match piece {
        Piece::Char(c, breakable) => {
            if breakable {
                out.push(ZWSP);
            }
            out.push(c);
        }
        Piece::Space(c) => out.push(c),
    });
    out
}

/// A character of text cut into runs: a character of a run (and whether a break opportunity
/// goes before it), or one that ends runs (white space, controls, Chinese).
enum Piece {
    Char(char, bool),
    Space(char),
}

/// Whether a character ends a run: Typst may break a line at it or beside it (the no-break
/// spaces are part of the run).
fn ends_run(c: char) -> bool {
    (c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}'))
        || c.is_control()
        || is_wide(c)
}

/// Calls `f` with each character of `text`, marking which characters of runs longer than
/// `limit` (counting the `run` characters before `text`) take a break opportunity before
/// them.
fn for_runs(text: &str, run: &mut usize, limit: usize, mut f: impl FnMut(Piece)) {
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(ends_run).unwrap_or(rest.len());
        let (word, tail) = rest.split_at(end);
        let before = *run;
        let len = word.chars().count();
        let long = before + len > limit;
        for (i, c) in word.chars().enumerate() {
            f(Piece::Char(c, long && before + i > 0));
        }
        *run = before + len;
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            // A Chinese character is printed as it is, and breaks the run.
            if !is_wide(c) {
                f(Piece::Space(c));
            } else {
                f(Piece::Char(c, false));
            }
            *run = 0;
        }
        rest = chars.as_str();
    }
}

/// A Typst string literal holding `text` exactly.
pub(super) fn str_lit(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `[escaped text]`: a content block holding `text` literally.
pub(super) fn content(text: &str) -> String {
    format!("[{}]", escape(text))
}

pub(super) use crate::dossier::view::printed_code;

/// A ratio for Typst (`93.33%`), clamped to 0–100 %.
pub(super) fn ratio(v: f64) -> String {
    format!("{:.2}%", (v * 100.0).clamp(0.0, 100.0))
}

// ---------------------------------------------------------------------------------------
// The Typst document.

pub(super) const PRELUDE: &str = r##"
#let song = (@SONG@)
#let fang = (@FANG@)
#let hei = (@HEI@)
#let kai = (@KAI@)
#let mono = (@MONO@)
#let has-kai = @HASKAI@
#let doc-title = [@TITLE@]
#let draft = @DRAFT@
#let stage = state("stage", none)

#set document(title: doc-title, author: @AUTHORS@)
#set text(font: song, size: 12pt, lang: "zh", region: "cn", top-edge: "ascender", bottom-edge: "descender")
#set par(justify: true, leading: 0.6em, spacing: 0.6em, first-line-indent: (amount: 2em, all: true))
#set page(
  paper: "a4",
  margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm),
  header-ascent: 40%,
  footer-descent: 35%,
  header: context {
    set text(font: song, size: 10.5pt)
    set par(first-line-indent: 0pt, justify: false)
    // The stage of a standard that is not in force (送审稿, 试行 …) on its pages, left; the
    // draft mark of a volume from a repository with errors, right.
    let mark = stage.get()
    grid(columns: (1fr, auto, 1fr),
      align(left, if mark != none { text(font: hei, mark) }),
      doc-title,
      align(right, if draft { text(font: hei, fill: rgb("#b71c1c"))[@DRAFTMARK@] }))
    v(-0.45em)
    line(length: 100%, stroke: 0.5pt)
  },
  // A volume compiled from a repository with errors says so across every page.
  background: if draft { rotate(-35deg, text(font: hei, size: 90pt, fill: rgb("#f3d6d6"))[草稿]) },
  footer: context {
    let n = counter(page).get().first()
    set text(font: song, size: 14pt)
    set par(first-line-indent: 0pt)
    let s = [— #n —]
    if calc.odd(n) { align(right, s + h(1em)) } else { align(left, h(1em) + s) }
  },
)

// Headings in 黑体; below level 3 they take the size of the text around them.
#show heading: set text(font: hei, weight: "bold")
#show heading.where(level: 1): set text(size: 22pt)
#show heading.where(level: 2): set text(size: 16pt)
#show heading.where(level: 3): set text(size: 14pt)
#show heading: it => {
  set par(first-line-indent: 0pt, justify: false, leading: 0.5em)
  if it.level == 1 {
    block(width: 100%, above: 0pt, below: 1.5em, sticky: true, align(center, it.body))
  } else {
    block(above: 1.1em, below: 0.8em, sticky: true, it.body)
  }
}
#show strong: set text(font: hei)
#show emph: it => if has-kai { text(font: kai, style: "normal", it.body) } else { underline(stroke: 0.5pt, offset: 2pt, it.body) }
#show raw: set text(font: mono, size: 0.85em)
#show raw.where(block: true): it => block(width: 100%, fill: luma(245), inset: 6pt, radius: 2pt, it)
#show quote.where(block: true): it => block(inset: (left: 1em, y: 0.2em), stroke: (left: 1.5pt + luma(160)), it.body)
#show list: set par(first-line-indent: 0pt, justify: false)
#show enum: set par(justify: false)
#show terms: set par(justify: false)
// A table row is never split across pages: it moves to the next one, under the repeated
// header.
#set table.cell(breakable: false)
#show enum: set par(first-line-indent: 0pt)
#show terms: set par(first-line-indent: 0pt)
#show outline: set par(first-line-indent: 0pt)
#show outline.entry.where(level: 1): set text(font: hei)
#set outline.entry(fill: repeat([.], gap: 0.15em))

#set table(stroke: 0.5pt, inset: (x: 4pt, y: 4pt), align: left + horizon, fill: (_, y) => if y == 0 { luma(230) })
#show table: set text(font: song, size: 10.5pt)
#show table: set par(justify: false, leading: 0.35em, spacing: 0.35em, first-line-indent: 0pt)
#show table.cell.where(y: 0): set text(font: hei)
#show table.cell.where(y: 0): set align(center + horizon)

#let stdno(body) = box(body)
#let code(body) = box(fill: luma(238), inset: (x: 2pt), outset: (y: 2pt), radius: 1pt, text(font: mono, size: 0.85em, body))
// Inline code too long for a box: it breaks over lines.
#let code-flow(body) = highlight(fill: luma(238), radius: 1pt, extent: 1pt, text(font: mono, size: 0.85em, body))
#let note(body) = block(above: 0.8em, below: 0.8em, par(first-line-indent: 0pt, text(size: 10.5pt, fill: luma(60), body)))
#let empty = note[（无记录）]
#let meta(body) = block(above: 0.4em, below: 0.8em, par(first-line-indent: 0pt, text(size: 10.5pt, body)))

// The cover's title: each line in 一号 (26pt) 黑体, shrunk to fit on one line down to 20pt,
// else wrapped (avoiding a last line of one character).
#let cover-title(lines) = layout(size => {
  set par(first-line-indent: 0pt, justify: false, leading: 0.6em, linebreaks: "optimized")
  for l in lines {
    let natural = measure(text(font: hei, size: 26pt, weight: "bold", l)).width
    let s = if natural > size.width and natural * 20 / 26 <= size.width { 26pt * (size.width / natural) * 0.98 } else { 26pt }
    block(width: 100%, above: 0.6em, below: 0.6em, text(font: hei, size: s, weight: "bold", costs: (runt: 1000%), l))
  }
})

// A bar against the full width: the value as a filled bar, the target as a red rule.
#let bar(value, target, fill) = box(width: 100%, height: 11pt, {
  place(rect(width: 100%, height: 100%, fill: luma(240), stroke: 0.3pt + luma(150)))
  if value != none { place(rect(width: value, height: 100%, fill: fill, stroke: none)) }
  if target != none { place(dx: target, dy: -3pt, line(start: (0pt, 0pt), end: (0pt, 17pt), stroke: 1.5pt + rgb("#b71c1c"))) }
})

"##;

/// The whole Typst source of the dossier, with the origin of each stretch of it.
pub(super) fn typst_source(d: &Dossier, book: &FontBook) -> (String, Origins) {
    let present = |family: &str| book.contains_family(&family.to_lowercase());
    let list = |preferred: &[&str], fallback: &[&str]| -> String {
        preferred
            .iter()
            .copied()
            .filter(|f| present(f))
            .chain(fallback.iter().copied())
            .map(str_lit)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let kai_present = KAI.iter().any(|f| present(f));
    let title = if d.title.trim().is_empty() {
        "验收材料汇编"
    } else {
        d.title.as_str()
    };
    let fang_fallback = list_of(SONG, &present, EMBEDDED_SERIF);
    let kai_fallback = list_of(FANGSONG, &present, EMBEDDED_SERIF);
    let mut out = fill(
        PRELUDE,
        &[
            ("SONG", list(SONG, &[EMBEDDED_SERIF])),
            ("FANG", list(FANGSONG, &fang_fallback)),
            ("HEI", list(HEI, &[EMBEDDED_SANS])),
            ("KAI", list(KAI, &kai_fallback)),
            ("MONO", list(MONO, &[EMBEDDED_SERIF])),
            ("HASKAI", kai_present.to_string()),
            (
                "AUTHORS",
                if d.center.trim().is_empty() {
                    "()".to_owned()
                } else {
                    format!("({},)", str_lit(&d.center))
                },
            ),
            ("TITLE", escape(title)),
            ("DRAFT", d.draft.to_string()),
            ("DRAFTMARK", escape(view::DRAFT_HEADER)),
        ],
    );

    let mut origins = Origins::default();
    let mut w = Writer {
        out: &mut out,
        origins: &mut origins,
    };
    let mut first = true;
    for section in &d.sections {
        if !first && !matches!(section, Section::Cover) {
            w.line("#pagebreak(weak: true)");
        }
        first = false;
        let heading = section.heading().unwrap_or_else(|| "封面".to_owned());
        w.origins.section(w.out.len(), &heading);
        w.section(d, section);
    }
    (out, origins)
}

/// Replaces each `@KEY@` of `template` by its value, in one pass (a value is never scanned
/// for further keys).
pub(super) fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 256);
    let mut rest = template;
    while let Some(at) = rest.find('@') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match values
            .iter()
            .find(|(key, _)| after.starts_with(key) && after[key.len()..].starts_with('@'))
        {
            Some((key, value)) => {
                out.push_str(value);
                rest = &after[key.len() + 1..];
            }
            None => {
                out.push('@');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The installed families of `preferred`, then `last`: a fallback chain as a slice.
pub(super) fn list_of<'a>(
    preferred: &[&'a str],
    present: &dyn Fn(&str) -> bool,
    last: &'a str,
) -> Vec<&'a str> {
    preferred
        .iter()
        .copied()
        .filter(|f| present(f))
        .chain(std::iter::once(last))
        .collect()
}

pub(super) struct Writer<'a> {
    pub(super) out: &'a mut String,
    pub(super) origins: &'a mut Origins,
}

impl Writer<'_> {
    pub(super) fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    pub(super) fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    pub(super) fn heading(&mut self, level: usize, text: &str, outlined: bool) {
        let _ = writeln!(
            self.out,
            "\n#heading(level: {level}, outlined: {outlined}, bookmarked: true){}\n",
            content(text)
        );
    }

    pub(super) fn note(&mut self, text: &str) {
        let _ = writeln!(self.out, "#note{}", content(text));
    }

    pub(super) fn empty(&mut self) {
        self.line("#empty");
    }

    /// A table: `columns` and `align` are Typst expressions, `header` plain texts, `rows`
    /// ready-made cells (content blocks or `table.cell(...)`).
    pub(super) fn table(&mut self, columns: &str, align: &str, header: &[&str], rows: &[String]) {
        let _ = writeln!(self.out, "#table(columns: {columns}, align: {align},");
        let head: Vec<String> = header.iter().map(|h| content(h)).collect();
        let _ = writeln!(self.out, "  table.header({}),", head.join(", "));
        for r in rows {
            let _ = writeln!(self.out, "  {r},");
        }
        self.line(")");
    }

    pub(super) fn section(&mut self, d: &Dossier, section: &Section) {
        let heading = section.heading().unwrap_or_default();
        match section {
            Section::Cover => self.cover(d),
            Section::Contents => {
                self.heading(1, &heading, false);
                self.line("#outline(title: none, depth: 2, indent: 2em)");
            }
            Section::Chapter { markdown, path, .. } => {
                self.heading(1, &heading, true);
                self.line("#[");
                self.line("#set text(font: fang, size: 16pt)");
                self.line("#show heading: set text(size: 16pt)");
                self.line("#set par(leading: 0.8em, spacing: 0.8em)");
                markdown_to_typst(
                    self.out,
                    self.origins,
                    markdown,
                    2,
                    MdFile { path, line: 1 },
                );
                self.line("]");
            }
            Section::SystemTable(t) => self.system_table(&heading, t),
            Section::Rates { center, members } => {
                self.heading(1, &heading, true);
                self.rates(center, members);
            }
            Section::Tasks(groups) => {
                self.heading(1, &heading, true);
                self.tasks(groups);
            }
            Section::Standards(texts) => {
                self.heading(1, &heading, true);
                self.standards(texts, &d.body_lines);
            }
            Section::Inspections(list) => {
                self.heading(1, &heading, true);
                self.inspections(list);
            }
            Section::Trainings(list) => {
                self.heading(1, &heading, true);
                self.trainings(list);
            }
            Section::Surveys(list) => {
                self.heading(1, &heading, true);
                self.surveys(list);
            }
            Section::Audits(list) => {
                self.heading(1, &heading, true);
                self.audits(list, &d.body_lines);
            }
            Section::History(list) => {
                self.heading(1, &heading, true);
                self.history(list, d);
            }
        }
    }

    pub(super) fn cover(&mut self, d: &Dossier) {
        self.line("#page(header: none, footer: none)[");
        self.line("#set par(first-line-indent: 0pt, justify: false)");
        self.line("#set align(center)");
        self.line("#v(3fr)");
        let cover = view::cover(d);
        let lines: Vec<String> = cover.title.iter().map(|l| content(l)).collect();
        let _ = writeln!(self.out, "#cover-title(({},))", lines.join(", "));
        if let Some(mark) = cover.draft {
            self.line("#v(1.5em)");
            let _ = writeln!(
                self.out,
                "#text(font: hei, size: 16pt, fill: rgb(\"#b71c1c\")){}",
                content(mark)
            );
        }
        self.line("#v(5fr)");
        let _ = writeln!(
            self.out,
            "#text(font: hei, size: 16pt){}",
            content(&cover.center)
        );
        self.line("#v(0.6em)");
        let _ = writeln!(
            self.out,
            "#text(font: fang, size: 16pt){}",
            content(&cover.date)
        );
        self.line("#v(1.2em)");
        let _ = writeln!(
            self.out,
            "#text(size: 9pt, fill: luma(80))[{}]",
            escape_solid(&cover.source)
        );
        self.line("#v(1fr)");
        self.line("]");
        // Numbering starts after the cover.
        self.line("#counter(page).update(1)");
    }

    pub(super) fn system_table(&mut self, heading: &str, t: &SystemTable) {
        // The structure diagram, on a landscape page of its own (pages, if it spills) that
        // also takes the section's heading: a page of only a heading would be left behind
        // otherwise.
        self.line(&format!(
            "#page(flipped: true, margin: {})[",
            diagram::PAGE_MARGIN
        ));
        self.heading(1, heading, true);
        self.heading(2, "标准体系结构图", true);
        if t.tree.is_empty() {
            self.empty();
        } else {
            self.push(&diagram::structure(t));
        }
        self.line("]");

        // The detail table, on landscape pages turned with their top to the binding edge:
        // the portrait margins turn with them.
        self.line(
            "#page(flipped: true, margin: (top: 28mm, bottom: 26mm, left: 35mm, right: 37mm))[",
        );
        self.heading(2, view::DETAIL, true);
        self.view_table(&view::detail(t));
        self.line("]");

        self.heading(2, view::STATS, true);
        if t.stats.is_empty() {
            self.empty();
            return;
        }
        self.view_table(&view::stats(t));
        self.note(view::STATS_NOTE);
    }

    pub(super) fn rates(&mut self, center: &CenterRates, members: &[MemberRates]) {
        if let Some(meta) = view::rates_meta(center) {
            let _ = writeln!(self.out, "#meta{}", content(&meta));
        }
        self.heading(2, view::RATES, true);
        if center.rates.is_empty() {
            self.empty();
        } else {
            self.view_table(&view::rates(center));
            let _ = writeln!(self.out, "#meta[#strong{}]", content(view::verdict(center)));
            self.uncounted(center);
            self.bar_chart(&center.rates);
        }
        if !members.is_empty() {
            self.heading(2, view::MEMBERS, true);
            self.view_table(&view::members(members));
        }
    }

    /// Under the rates, what each leaves out of its numerator.
    pub(super) fn uncounted(&mut self, center: &CenterRates) {
        let mut text = view::UNCOUNTED.to_owned();
        for line in view::uncounted(center) {
            text.push('\n');
            text.push_str(&line);
        }
        // A note, not justified: the lines mix CJK, Latin and digits.
        let _ = writeln!(
            self.out,
            "#block(above: 0.8em, below: 0.8em, par(first-line-indent: 0pt, justify: false, text(size: 10.5pt, fill: luma(60), {})))",
            lines(&text)
        );
    }

    pub(super) fn bar_chart(&mut self, rates: &[Rate]) {
        let shown: Vec<&Rate> = rates
            .iter()
            .filter(|r| r.value().is_some() || r.target.is_some())
            .collect();
        if shown.is_empty() {
            return;
        }
        self.heading(2, "指标与目标值对比图", true);
        self.line("#block(breakable: false, width: 100%)[");
        self.line("#set par(first-line-indent: 0pt, justify: false)");
        self.line("#set text(size: 10.5pt)");
        self.line("#grid(columns: (auto, 1fr, auto), column-gutter: 8pt, row-gutter: 10pt, align: (right + horizon, left + horizon, left + horizon),");
        for r in shown {
            let fill = match r.pass() {
                Some(true) => "rgb(\"#2e7d32\")",
                Some(false) => "rgb(\"#e65100\")",
                None => "luma(140)",
            };
            let label = view::value_and_target(r);
            let _ = writeln!(
                self.out,
                "  {}, bar({}, {}, {fill}), {},",
                content(&r.name.zh),
                r.value().map_or("none".to_owned(), ratio),
                r.target.map_or("none".to_owned(), ratio),
                content(&label)
            );
        }
        // The scale.
        self.line("  [], box(width: 100%, height: 1em, {");
        for p in [0, 25, 50, 75, 100] {
            let dx = format!("{p}% - 1em");
            let _ = writeln!(
                self.out,
                "    place(dx: {dx}, box(width: 2em, align(center, text(size: 8pt)[{p}\\%])))"
            );
        }
        self.line("  }), [],");
        self.line(")");
        self.line("#v(0.5em)");
        self.line("#align(center, text(size: 9pt)[#box(width: 1.2em, height: 0.7em, fill: rgb(\"#2e7d32\")) 达标 #h(1em) #box(width: 1.2em, height: 0.7em, fill: rgb(\"#e65100\")) 未达标 #h(1em) #box(width: 1.2em, height: 0.7em, fill: luma(140)) 无目标值 #h(1em) #box(width: 1.5pt, height: 1em, fill: rgb(\"#b71c1c\")) 目标值])");
        self.line("]");
    }

    pub(super) fn tasks(&mut self, groups: &[(Option<String>, Vec<Task>)]) {
        if groups.iter().all(|(_, t)| t.is_empty()) {
            self.note(view::NO_TASKS);
            return;
        }
        for (unit, tasks) in groups {
            self.heading(
                2,
                &view::task_group_heading(unit.as_deref(), tasks.len()),
                false,
            );
            self.view_table(&view::tasks(tasks));
        }
    }

    pub(super) fn standards(&mut self, texts: &[StandardText], lines: &BTreeMap<String, u32>) {
        if texts.is_empty() {
            self.empty();
            return;
        }
        for (i, s) in texts.iter().enumerate() {
            let head = view::standard_head(s);
            // The mark of a draft or a trial goes into the header of the standard's pages:
            // set before the page break, so that the new page's header already has it.
            let _ = writeln!(
                self.out,
                "#stage.update({})",
                head.mark.map_or("none".to_owned(), str_lit)
            );
            if i > 0 {
                self.line("#pagebreak(weak: true)");
            }
            let _ = writeln!(
                self.out,
                "#align(right, text(font: hei, size: 12pt){})",
                content(&head.top)
            );
            self.line("#v(0.5em)");
            self.line("#[");
            self.line("#show heading: set align(center)");
            self.heading(2, &head.title, true);
            self.line("]");
            if let Some(mark) = head.mark {
                let _ = writeln!(
                    self.out,
                    "#align(center, text(font: hei, size: 14pt){})",
                    content(&format!("（{mark}）"))
                );
            }
            if let Some(dates) = &head.dates {
                let _ = writeln!(
                    self.out,
                    "#align(center, text(size: 10.5pt){})",
                    content(dates)
                );
            }
            self.line("#line(length: 100%, stroke: 0.8pt)");
            self.line("#[");
            self.line("#set text(font: song, size: 12pt)");
            let file = MdFile {
                path: &s.path,
                line: lines.get(&s.path).copied().unwrap_or(1),
            };
            markdown_to_typst(self.out, self.origins, &s.markdown, 3, file);
            self.line("]");
        }
        self.line("#stage.update(none)");
    }

    pub(super) fn inspections(&mut self, list: &[Inspection]) {
        if list.is_empty() {
            self.empty();
            return;
        }
        let (table, note) = view::inspections(list);
        self.view_table(&table);
        self.note(&note);
    }

    pub(super) fn trainings(&mut self, list: &[Training]) {
        if list.is_empty() {
            self.empty();
            return;
        }
        let (table, note) = view::trainings(list);
        self.view_table(&table);
        self.note(&note);
    }

    pub(super) fn surveys(&mut self, list: &[Survey]) {
        if list.is_empty() {
            self.empty();
            return;
        }
        self.view_table(&view::surveys(list));
    }

    pub(super) fn audits(&mut self, list: &[(Audit, String)], lines: &BTreeMap<String, u32>) {
        if list.is_empty() {
            self.empty();
            return;
        }
        for (i, (a, body)) in list.iter().enumerate() {
            if i > 0 {
                self.line("#pagebreak(weak: true)");
            }
            self.heading(2, &a.title, true);
            let meta = view::audit_meta(a);
            let _ = writeln!(self.out, "#meta{}", content(&meta));
            self.line("#[");
            self.line("#set text(font: fang, size: 16pt)");
            self.line("#show heading: set text(size: 16pt)");
            self.line("#set par(leading: 0.8em, spacing: 0.8em)");
            let file = MdFile {
                path: &a.path,
                line: lines.get(&a.path).copied().unwrap_or(1),
            };
            markdown_to_typst(self.out, self.origins, body, 3, file);
            self.line("]");
        }
    }

    pub(super) fn history(&mut self, list: &[StandardHistory], d: &Dossier) {
        match view::history(list, d) {
            Ok(table) => self.view_table(&table),
            Err(sentence) => self.note(&sentence),
        }
    }

    /// A table of the volume. Rows are never split across pages: a row that does not fit
    /// moves to the next page, under the repeated header.
    pub(super) fn view_table(&mut self, t: &view::Table) {
        if t.rows.is_empty() {
            self.empty();
            return;
        }
        let columns = t
            .widths
            .iter()
            .map(|w| match w {
                view::Width::Fit => "auto".to_owned(),
                view::Width::Share(f) => format!("{f}fr"),
                view::Width::Em(e) => format!("{e}em"),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let align = t
            .align
            .iter()
            .map(|a| match a {
                view::Align::Left => "left + horizon",
                view::Align::Center => "center + horizon",
                view::Align::Right => "right + horizon",
            })
            .collect::<Vec<_>>()
            .join(", ");
        let rows: Vec<String> = t
            .rows
            .iter()
            .map(|r| r.iter().map(view_cell).collect::<Vec<_>>().join(", "))
            .collect();
        let header: Vec<&str> = t.header.iter().map(String::as_str).collect();
        if t.small {
            self.line("#[");
            self.line("#show table: set text(size: 9pt)");
            self.line("#set table(inset: (x: 3pt, y: 4pt))");
        }
        self.table(
            &format!("({columns},)"),
            &format!("({align},)"),
            &header,
            &rows,
        );
        if t.small {
            self.line("]");
        }
    }
}

/// One cell of a view table as Typst: its text escaped, its style, its spans.
pub(super) fn view_cell(c: &view::Cell) -> String {
    let red = "rgb(\"#b71c1c\")";
    let body = match c.style {
        view::Style::Plain => content(&c.text),
        view::Style::Strong => format!("[#strong{}]", content(&c.text)),
        view::Style::Alert => format!("[#text(fill: {red}){}]", content(&c.text)),
        view::Style::Codes => std_nos(c.text.lines()),
        view::Style::Lines => lines(&c.text),
        view::Style::Small => {
            let mut parts = c.text.lines();
            let mut out = format!("[#text(size: 9pt){}", content(parts.next().unwrap_or("")));
            for alert in parts {
                let _ = write!(
                    out,
                    "#linebreak()#text(size: 9pt, fill: {red}){}",
                    content(alert)
                );
            }
            out.push(']');
            out
        }
    };
    if c.colspan > 1 || c.rowspan > 1 {
        format!(
            "table.cell(colspan: {}, rowspan: {}){body}",
            c.colspan, c.rowspan
        )
    } else {
        body
    }
}

/// A table cell of standard numbers in printed form, one a line, each unbreakable (unless
/// too long for any cell).
pub(super) fn std_nos<'a>(codes: impl Iterator<Item = &'a str>) -> String {
    let parts: Vec<String> = codes
        .map(|c| {
            let code = printed_code(c);
            if code.chars().count() > LONG_RUN {
                escape(&code)
            } else {
                format!("#stdno{}", content(&code))
            }
        })
        .collect();
    format!("[{}]", parts.join(" #linebreak() "))
}

/// A table cell of several lines (`\n` in `text`).
pub(super) fn lines(text: &str) -> String {
    let parts: Vec<String> = text.lines().map(escape).collect();
    format!("[{}]", parts.join(" #linebreak() "))
}

// ---------------------------------------------------------------------------------------
// Markdown → Typst.
