//! Text into Typst: markup escaping (with break opportunities in long runs), string
//! literals, content blocks and ratios. User text only ever enters the source through
//! [`escape`] and [`str_lit`].

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

/// A ratio for Typst (`93.33%`), clamped to 0–100 %.
pub(super) fn ratio(v: f64) -> String {
    format!("{:.2}%", (v * 100.0).clamp(0.0, 100.0))
}
