//! The Typst source of the volume: escaping, the prelude (page setup, styles) and one writer
//! per section. User text only ever enters through `escape` and `str_lit`.

#[allow(unused_imports, reason = "the module shares the parent's imports")]
use super::*;

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

/// A standard number as printed (SPEC §3): an em dash between sequence and year
/// (`GB/T 1.1-2020` → `GB/T 1.1—2020`).
pub(super) fn printed_code(code: &str) -> String {
    if let Some(i) = code.rfind(['-', '–', '－']) {
        let (head, tail) = code.split_at(i);
        let year = &tail[tail.chars().next().map_or(0, char::len_utf8)..];
        let is_year = matches!(year.len(), 2 | 4) && year.bytes().all(|b| b.is_ascii_digit());
        if is_year && head.ends_with(|c: char| c.is_ascii_digit()) {
            return format!("{head}—{year}");
        }
    }
    code.to_owned()
}

pub(super) fn zh_date(d: Date) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

pub(super) fn pct(v: f64) -> String {
    let p = v * 100.0;
    if (p - p.round()).abs() < 1e-9 {
        format!("{p:.0}%")
    } else {
        format!("{p:.1}%")
    }
}

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
    if draft {
      grid(columns: (1fr, auto, 1fr), [], doc-title, align(right, text(font: hei, fill: rgb("#b71c1c"))[草稿 · 未通过检查]))
    } else {
      align(center, doc-title)
    }
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
#show list: set par(first-line-indent: 0pt)
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

// A node of the structure diagram: a framed label, its children indented under a rule.
#let tnode(depth, label, kids) = block(above: 3pt, below: 3pt, breakable: true, {
  set par(first-line-indent: 0pt, justify: false)
  let fill = if depth == 0 { luma(225) } else if depth == 1 { luma(245) } else { none }
  box(stroke: 0.6pt, fill: fill, inset: (x: 6pt, y: 4pt), label)
  if kids != none {
    pad(left: 0.9em, block(above: 3pt, below: 0pt, stroke: (left: 0.6pt + luma(110)), inset: (left: 1.1em, y: 2pt), breakable: true, kids))
  }
})
"##;

/// The category levels drawn nested in the structure diagram, below its root (Typst fails
/// at about 11); the categories below them are drawn at the last of these levels, among
/// their ancestors' siblings, their codes telling the hierarchy.
pub(super) const MAX_TREE_DEPTH: usize = 8;

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
        w.section(d, title, section);
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

    pub(super) fn section(&mut self, d: &Dossier, title: &str, section: &Section) {
        let heading = section.heading().unwrap_or_default();
        match section {
            Section::Cover => self.cover(d, title),
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
            Section::SystemTable(t) => {
                self.heading(1, &heading, true);
                self.system_table(t);
            }
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
            Section::History(_) if d.commit.is_none() => {
                self.heading(1, &heading, true);
                let note = content(super::super::model::NO_HISTORY);
                self.line(&format!("#note{note}"));
            }
            Section::History(list) => {
                self.heading(1, &heading, true);
                self.history(list);
            }
        }
    }

    pub(super) fn cover(&mut self, d: &Dossier, title: &str) {
        self.line("#page(header: none, footer: none)[");
        self.line("#set par(first-line-indent: 0pt, justify: false)");
        self.line("#set align(center)");
        self.line("#v(3fr)");
        // A title that starts with the centre's name breaks after it.
        let lines = match title.strip_prefix(d.center.as_str()) {
            Some(rest) if !d.center.is_empty() && !rest.trim().is_empty() => {
                format!("({}, {})", content(&d.center), content(rest.trim()))
            }
            _ => format!("({},)", content(title)),
        };
        let _ = writeln!(self.out, "#cover-title({lines})");
        if d.draft {
            self.line("#v(1.5em)");
            self.line(
                "#text(font: hei, size: 16pt, fill: rgb(\"#b71c1c\"))[草稿：标准库未通过检查，不作正式验收材料]",
            );
        }
        self.line("#v(5fr)");
        let _ = writeln!(
            self.out,
            "#text(font: hei, size: 16pt){}",
            content(&d.center)
        );
        self.line("#v(0.6em)");
        let _ = writeln!(
            self.out,
            "#text(font: fang, size: 16pt){}",
            content(&zh_date(d.as_of))
        );
        self.line("#v(1.2em)");
        let commit = match &d.commit {
            Some(c) if d.dirty => format!("源版本：{c}（工作区有未提交的修改）"),
            Some(c) => format!("源版本：{c}"),
            None => "源版本：—（不在 git 工作区中）".to_owned(),
        };
        let _ = writeln!(
            self.out,
            "#text(size: 9pt, fill: luma(80))[{}]",
            escape_solid(&commit)
        );
        self.line("#v(1fr)");
        self.line("]");
        // Numbering starts after the cover.
        self.line("#counter(page).update(1)");
    }

    pub(super) fn system_table(&mut self, t: &SystemTable) {
        // The structure diagram.
        self.heading(2, "标准体系结构图", true);
        if t.tree.is_empty() {
            self.empty();
        } else {
            let root = if t.center.is_empty() {
                "标准体系".to_owned()
            } else {
                format!("{}标准体系", t.center)
            };
            let total: usize = t
                .tree
                .iter()
                .filter(|n| n.depth == 0)
                .map(|n| n.total)
                .sum();
            let _ = write!(
                self.out,
                "#tnode(0, text(font: hei){}, [",
                content(&format!("{root}（{total}项）"))
            );
            // Categories below MAX_TREE_DEPTH levels are drawn at the last one.
            let depth = |i: usize| t.tree.get(i).map(|n| n.depth.min(MAX_TREE_DEPTH - 1));
            let mut open: Vec<usize> = Vec::new();
            for (i, n) in t.tree.iter().enumerate() {
                let n_depth = n.depth.min(MAX_TREE_DEPTH - 1);
                let has_kids = depth(i + 1).is_some_and(|next| next > n_depth);
                let label = format!("{} {}（{}项）", n.code, n.title, n.total);
                let label = if n_depth == 0 {
                    format!("text(font: hei){}", content(&label))
                } else {
                    content(&label)
                };
                let _ = write!(self.out, "\n#tnode({}, {label}, ", n_depth + 1);
                if has_kids {
                    self.push("[");
                    open.push(n_depth);
                } else {
                    self.push("none)");
                    // Close the parents whose subtree ends here.
                    let next_depth = depth(i + 1).unwrap_or(0);
                    while open.last().is_some_and(|d| *d >= next_depth) {
                        open.pop();
                        self.push("])");
                    }
                }
            }
            while open.pop().is_some() {
                self.push("])");
            }
            self.line("])");
            self.note("括号内为该类及其下级类目中的标准数。");
        }

        // The detail table, on landscape pages turned with their top to the binding edge:
        // the portrait margins turn with them.
        self.line(
            "#page(flipped: true, margin: (top: 28mm, bottom: 26mm, left: 35mm, right: 37mm))[",
        );
        self.heading(2, "标准明细表", true);
        if t.rows.is_empty() {
            self.empty();
        } else {
            let rows: Vec<String> = t
                .rows
                .iter()
                .map(|r| {
                    [
                        content(&r.index.to_string()),
                        content(&r.no),
                        std_nos(r.code.iter()),
                        content(&r.title),
                        content(r.level.map_or("", |l| l.zh())),
                        content(r.origin.map_or("", |o| o.zh())),
                        content(r.status.map_or("", |s| s.zh())),
                        content(r.effective.as_deref().unwrap_or("")),
                        std_nos(r.replaces.iter()),
                        content(r.unit.as_deref().unwrap_or("")),
                    ]
                    .join(", ")
                })
                .collect();
            self.line("#show table: set text(size: 9pt)");
            self.line("#set table(inset: (x: 3pt, y: 4pt))");
            self.table(
                "(auto, auto, auto, 1fr, auto, auto, auto, auto, auto, 6.5em)",
                "(center + horizon, left + horizon, left + horizon, left + horizon, center + horizon, center + horizon, center + horizon, center + horizon, left + horizon, left + horizon)",
                &["序号", "体系表编号", "标准编号", "标准名称", "级别", "来源", "状态", "实施日期", "代替标准号", "责任单位"],
                &rows,
            );
        }
        self.line("]");

        // The statistics table.
        self.heading(2, "标准统计表", true);
        if t.stats.is_empty() {
            self.empty();
            return;
        }
        let mut rows = Vec::new();
        let mut i = 0;
        while i < t.stats.len() {
            let s = &t.stats[i];
            let Some(sub) = &s.subsystem else {
                rows.push(format!(
                    "table.cell(colspan: 2, align: center)[#strong[合计]], [#strong{}], [#strong{}], [#strong{}]",
                    content(&s.planned.to_string()),
                    content(&s.existing.to_string()),
                    content(&s.rate().map_or("—".to_owned(), pct))
                ));
                i += 1;
                continue;
            };
            let span = t.stats[i..]
                .iter()
                .take_while(|x| x.subsystem.as_ref() == Some(sub))
                .count();
            for (k, x) in t.stats[i..i + span].iter().enumerate() {
                let mut cells = Vec::new();
                if k == 0 {
                    cells.push(format!("table.cell(rowspan: {span}){}", content(sub)));
                }
                let (label, strong) = match x.level {
                    Some(l) => (l.zh(), false),
                    None => ("小计", true),
                };
                for text in [
                    label.to_owned(),
                    x.planned.to_string(),
                    x.existing.to_string(),
                    x.rate().map_or("—".to_owned(), pct),
                ] {
                    cells.push(if strong {
                        format!("[#strong{}]", content(&text))
                    } else {
                        content(&text)
                    });
                }
                rows.push(cells.join(", "));
            }
            i += span;
        }
        self.table(
            "(1fr, auto, auto, auto, auto)",
            "(left + horizon, center + horizon, right + horizon, right + horizon, right + horizon)",
            &["子体系", "级别", "应有数", "现有数", "现有率"],
            &rows,
        );
        self.note("应有数：状态不是“被代替”“废止”的标准数（含待制定、起草、送审）；现有数：现行（含试行）标准数；现有率 = 现有数 ÷ 应有数。");
    }

    pub(super) fn rates(&mut self, center: &CenterRates, members: &[MemberRates]) {
        let mut head = Vec::new();
        if !center.center.is_empty() {
            head.push(format!("中心：{}", center.center));
        }
        if let Some(p) = center.period {
            head.push(format!("评价期：{}至{}", zh_date(p.from), zh_date(p.to)));
        }
        if !head.is_empty() {
            let _ = writeln!(self.out, "#meta{}", content(&head.join("；")));
        }
        self.heading(2, "指标计算结果", true);
        if center.rates.is_empty() {
            self.empty();
        } else {
            let rows: Vec<String> = center.rates.iter().map(rate_row).collect();
            self.table(
                "(auto, 1fr, auto, auto, auto, auto, auto)",
                "(left + horizon, left + horizon, right + horizon, right + horizon, right + horizon, center + horizon, center + horizon)",
                &["指标", "定义", "分子", "分母", "数值", "目标值", "达标"],
                &rows,
            );
            let verdict = if center.passes() {
                "结论：各项有目标值的指标均达到目标值。"
            } else {
                "结论：有指标未达到目标值或无法计算。"
            };
            let _ = writeln!(self.out, "#meta[#strong{}]", content(verdict));
            self.uncounted(&center.rates);
            self.bar_chart(&center.rates);
        }
        if !members.is_empty() {
            self.member_rates(members);
        }
    }

    /// Under the rates, what each leaves out of its numerator (the same lines as the HTML's).
    pub(super) fn uncounted(&mut self, rates: &[Rate]) {
        let mut text = "未计入分子的项目：".to_owned();
        for r in rates {
            text.push('\n');
            text.push_str(&crate::report::rates::uncounted_summary(r));
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
            let value = r.value();
            let fill = match r.pass() {
                Some(true) => "rgb(\"#2e7d32\")",
                Some(false) => "rgb(\"#e65100\")",
                None => "luma(140)",
            };
            let label = match (value, r.target) {
                (Some(v), Some(t)) => format!("{}（目标≥{}）", pct(v), pct(t)),
                (Some(v), None) => pct(v),
                (None, Some(t)) => format!("—（目标≥{}）", pct(t)),
                (None, None) => "—".to_owned(),
            };
            let _ = writeln!(
                self.out,
                "  {}, bar({}, {}, {fill}), {},",
                content(&r.name.zh),
                value.map_or("none".to_owned(), ratio),
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

    pub(super) fn member_rates(&mut self, members: &[MemberRates]) {
        self.heading(2, "下属中心指标", true);
        // The columns: the rates with a target, in the order of the first computable member.
        let keys: Vec<(&str, &str)> = members
            .iter()
            .find_map(|m| m.rates.as_ref().ok())
            .map(|r| {
                r.rates
                    .iter()
                    .filter(|x| x.target.is_some())
                    .map(|x| (x.key, x.name.zh.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        let mut header: Vec<&str> = vec!["下属中心"];
        header.extend(keys.iter().map(|(_, name)| *name));
        header.push("通过验收");
        let rows: Vec<String> = members
            .iter()
            .map(|m| match &m.rates {
                Ok(r) => {
                    let name = if r.center.is_empty() {
                        m.path.clone()
                    } else {
                        format!("{}\n{}", r.center, m.path)
                    };
                    let mut cells = vec![lines(&name)];
                    for (key, _) in &keys {
                        let text = match r.get(key) {
                            Some(rate) => rate.value().map_or("—".to_owned(), pct),
                            None => "—".to_owned(),
                        };
                        cells.push(content(&text));
                    }
                    cells.push(content(if r.passes() { "是" } else { "否" }));
                    cells.join(", ")
                }
                Err(e) => format!(
                    "{}, table.cell(colspan: {}){}",
                    content(&m.path),
                    keys.len() + 1,
                    content(&format!("无法计算：{e}"))
                ),
            })
            .collect();
        let columns = format!("(2fr{}, auto)", ", 1fr".repeat(keys.len()));
        let align = format!(
            "(left + horizon{})",
            ", center + horizon".repeat(keys.len() + 1)
        );
        self.table(&columns, &align, &header, &rows);
    }

    pub(super) fn tasks(&mut self, groups: &[(Option<String>, Vec<Task>)]) {
        if groups.iter().all(|(_, t)| t.is_empty()) {
            self.note("没有待制定、起草或送审中的标准。");
            return;
        }
        for (unit, tasks) in groups {
            let unit = unit.as_deref().unwrap_or("未指定责任单位");
            self.heading(2, &format!("{unit}（{}项）", tasks.len()), false);
            let rows: Vec<String> = tasks
                .iter()
                .map(|t| {
                    let progress = match t.days_overdue {
                        Some(n) if t.overdue => format!(
                            "[#text(fill: rgb(\"#b71c1c\")){}]",
                            content(&format!("逾期{n}天"))
                        ),
                        Some(0) => content("今日到期"),
                        Some(n) => content(&format!("剩余{}天", -n)),
                        None => content("—"),
                    };
                    [
                        content(&t.no),
                        content(&t.title),
                        content(t.status.zh()),
                        content(t.owner.as_deref().unwrap_or("")),
                        content(t.due.as_deref().unwrap_or("")),
                        progress,
                    ]
                    .join(", ")
                })
                .collect();
            self.table(
                "(auto, 1fr, auto, auto, auto, auto)",
                "(left + horizon, left + horizon, center + horizon, center + horizon, center + horizon, center + horizon)",
                &["体系表编号", "标准名称", "状态", "责任人", "完成时限", "进度"],
                &rows,
            );
        }
    }

    pub(super) fn standards(&mut self, texts: &[StandardText], lines: &BTreeMap<String, u32>) {
        if texts.is_empty() {
            self.empty();
            return;
        }
        for (i, s) in texts.iter().enumerate() {
            if i > 0 {
                self.line("#pagebreak(weak: true)");
            }
            let mut top = vec![format!("体系表编号：{}", s.no)];
            if let Some(code) = &s.code {
                top.push(printed_code(code));
            }
            let _ = writeln!(
                self.out,
                "#align(right, text(font: hei, size: 12pt){})",
                content(&top.join("　　"))
            );
            self.line("#v(0.5em)");
            self.line("#[");
            self.line("#show heading: set align(center)");
            self.heading(2, &s.title, true);
            self.line("]");
            let mut dates = Vec::new();
            if let Some(p) = s.published {
                dates.push(format!("{p} 发布"));
            }
            if let Some(e) = s.effective {
                dates.push(format!("{e} 实施"));
            }
            if !dates.is_empty() {
                let _ = writeln!(
                    self.out,
                    "#align(center, text(size: 10.5pt){})",
                    content(&dates.join("　　　　"))
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
    }

    pub(super) fn inspections(&mut self, list: &[Inspection]) {
        if list.is_empty() {
            self.empty();
            return;
        }
        let rows: Vec<String> = list
            .iter()
            .map(|i| {
                [
                    content(&i.date.value.to_string()),
                    content(&i.standard.value),
                    content(&i.inspector),
                    content(i.result.zh()),
                    content(i.finding.as_deref().unwrap_or("")),
                    content(
                        &i.rectified
                            .as_ref()
                            .map(|r| r.value.to_string())
                            .unwrap_or_default(),
                    ),
                ]
                .join(", ")
            })
            .collect();
        self.table(
            "(auto, auto, auto, auto, 1fr, auto)",
            "(center + horizon, left + horizon, center + horizon, center + horizon, left + horizon, center + horizon)",
            &["检查日期", "体系表编号", "检查人", "结果", "发现的问题", "整改完成"],
            &rows,
        );
        let nonconform = list
            .iter()
            .filter(|i| i.result == crate::model::Outcome::Nonconform)
            .count();
        self.note(&format!(
            "共{}次检查，其中不符合{}次。",
            list.len(),
            nonconform
        ));
    }

    pub(super) fn trainings(&mut self, list: &[Training]) {
        if list.is_empty() {
            self.empty();
            return;
        }
        let rows: Vec<String> = list
            .iter()
            .map(|t| {
                let standards = t
                    .standards
                    .iter()
                    .map(|s| s.value.as_str())
                    .collect::<Vec<_>>()
                    .join("、");
                [
                    content(&t.date.value.to_string()),
                    content(&t.topic),
                    content(&standards),
                    content(&t.attendees.len().to_string()),
                ]
                .join(", ")
            })
            .collect();
        self.table(
            "(auto, 1.4fr, 1fr, auto)",
            "(center + horizon, left + horizon, left + horizon, right + horizon)",
            &["日期", "培训主题", "涉及标准", "参训人数"],
            &rows,
        );
        let total: usize = list.iter().map(|t| t.attendees.len()).sum();
        self.note(&format!("共{}次培训，参训{}人次。", list.len(), total));
    }

    pub(super) fn surveys(&mut self, list: &[Survey]) {
        if list.is_empty() {
            self.empty();
            return;
        }
        let mut rows: Vec<String> = list
            .iter()
            .map(|s| {
                let rate = (s.responses.value > 0)
                    .then(|| s.satisfied.value as f64 / s.responses.value as f64);
                [
                    content(&format!("{} 至 {}", s.from.value, s.to.value)),
                    content(&s.method),
                    content(&s.responses.value.to_string()),
                    content(&s.satisfied.value.to_string()),
                    content(&rate.map_or("—".to_owned(), pct)),
                ]
                .join(", ")
            })
            .collect();
        let responses: u64 = list.iter().map(|s| s.responses.value).sum();
        let satisfied: u64 = list.iter().map(|s| s.satisfied.value).sum();
        let rate = (responses > 0).then(|| satisfied as f64 / responses as f64);
        rows.push(format!(
            "table.cell(colspan: 2, align: center)[#strong[合计]], [#strong{}], [#strong{}], [#strong{}]",
            content(&responses.to_string()),
            content(&satisfied.to_string()),
            content(&rate.map_or("—".to_owned(), pct))
        ));
        self.table(
            "(auto, 1fr, auto, auto, auto)",
            "(center + horizon, left + horizon, right + horizon, right + horizon, right + horizon)",
            &["调查期间", "调查方式", "有效答复", "满意", "满意率"],
            &rows,
        );
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
            let mut meta = format!("审核日期：{}", zh_date(a.date));
            if !a.auditors.is_empty() {
                let _ = write!(meta, "；审核员：{}", a.auditors.join("、"));
            }
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

    pub(super) fn history(&mut self, list: &[StandardHistory]) {
        if list.is_empty() {
            self.empty();
            return;
        }
        let mut rows = Vec::new();
        for h in list {
            let span = h.commits.len().max(1);
            let lead = format!(
                "table.cell(rowspan: {span}){}, table.cell(rowspan: {span}){}",
                content(&h.no),
                content(&h.title)
            );
            if h.commits.is_empty() {
                rows.push(format!(
                    "{lead}, table.cell(colspan: 3){}",
                    content("（无修订记录）")
                ));
                continue;
            }
            for (k, c) in h.commits.iter().enumerate() {
                let cells = [content(&c.date), content(&c.author), content(&c.subject)].join(", ");
                rows.push(if k == 0 {
                    format!("{lead}, {cells}")
                } else {
                    cells
                });
            }
        }
        self.table(
            "(auto, 1fr, auto, auto, 1.3fr)",
            "(left + horizon, left + horizon, center + horizon, center + horizon, left + horizon)",
            &["体系表编号", "标准名称", "日期", "修订人", "修订说明"],
            &rows,
        );
    }
}

/// A table cell of standard numbers in printed form, one a line, each unbreakable (unless
/// too long for any cell).
pub(super) fn std_nos<'a>(codes: impl Iterator<Item = &'a String>) -> String {
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

/// A row of the rates table. A rate whose denominator is 0 shows "—" and, under its
/// definition, the reason (SPEC §5: never 0 % or 100 %).
pub(super) fn rate_row(r: &Rate) -> String {
    let mut definition = format!("text(size: 9pt){}", content(&r.definition.zh));
    if r.value().is_none() {
        let _ = write!(
            definition,
            " + linebreak() + text(size: 9pt, fill: rgb(\"#b71c1c\")){}",
            content(&format!("分母为0，无法计算：{}", r.when_empty.zh))
        );
    }
    let pass = match r.pass() {
        Some(true) => content("达标"),
        Some(false) => "[#text(fill: rgb(\"#b71c1c\"))[未达标]]".to_owned(),
        None => content("—"),
    };
    [
        format!("[#strong{}]", content(&r.name.zh)),
        definition,
        content(&r.numerator.to_string()),
        content(&r.denominator.to_string()),
        content(&r.value().map_or("—".to_owned(), pct)),
        content(&r.target.map_or("—".to_owned(), |t| format!("≥{}", pct(t)))),
        pass,
    ]
    .join(", ")
}

// ---------------------------------------------------------------------------------------
// Markdown → Typst.
