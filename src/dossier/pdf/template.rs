//! The Typst document: the prelude (fonts, page setup, styles, the helpers the sections
//! call), its placeholders filled in one pass, and the whole source, section after section.

#[allow(unused_imports, reason = "the module shares the parent's imports")]
use super::*;
use crate::dossier::view;

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
