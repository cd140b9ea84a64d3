//! The report layer: the only code that turns results into text for people or machines.

use std::borrow::Cow;
use std::io::{self, Write};

pub mod diff;
pub mod findings;
pub mod history;
pub mod import;
pub mod imported;
pub mod json;
pub mod junit;

/// Prints a failure of the tool to stderr: one line, with its causes, in `lang`. A closed
/// stderr is not a reason to panic: the exit code still tells.
pub fn error(error: &anyhow::Error, lang: crate::finding::Lang) {
    let line = crate::finding::describe_error(error, lang);
    let prefix = crate::messages::cli::frame(lang).error;
    let _ = writeln!(std::io::stderr().lock(), "{prefix}{}", terminal_safe(&line));
}

/// Before a command computes over a repository whose files did not all load: says so on
/// standard error (standard output stays the command's data), with how many errors.
pub fn load_errors(findings: &[crate::finding::Finding], lang: crate::finding::Lang) {
    let n = findings
        .iter()
        .filter(|f| f.severity == crate::finding::Severity::Error)
        .count();
    if n == 0 {
        return;
    }
    let line = crate::messages::load_errors_warning(n);
    let _ = writeln!(std::io::stderr().lock(), "{}", line.get(lang));
}

/// Standard output for a run. A reader that goes away (`stdkit table | head -1`) is not a
/// failure of the run: the rest of the output is dropped quietly and the run ends with the exit
/// code it would have had. Any other write error (a full disk) is returned as it is.
pub struct Pipe<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> Pipe<W> {
    pub fn new(inner: W) -> Self {
        Pipe {
            inner,
            closed: false,
        }
    }

    fn quiet<T>(&mut self, done: T, result: io::Result<T>) -> io::Result<T> {
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(done)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for Pipe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.quiet(buf.len(), result)
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.quiet((), result)
    }
}

/// Width in columns as a terminal or Excel shows it: CJK and full-width characters count 2.
pub fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let u = c as u32;
            let wide = matches!(u,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
            if wide { 2 } else { 1 }
        })
        .sum()
}

/// User text (a value, a file name, a message quoting them) made safe for one line of a
/// terminal or of a line-based format: every control character (C0, DEL, C1: line ends, tabs,
/// the escape that starts a terminal sequence), the Unicode line and paragraph separators and
/// the bidirectional controls are written as Rust's `escape_debug` writes them (`\n`, `\r`,
/// `\t`, `\0`, `\u{1b}`). Every printable character, Chinese included, stays as it is; so do
/// quotes and backslashes. The colours of the report are added after this, never escaped.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_safe(&mut out, c);
    }
    Cow::Owned(out)
}

/// Whether a character must not reach a terminal as it is (see [`terminal_safe`]).
pub fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{61c}' | '\u{200e}' | '\u{200f}'
                | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// Appends one character of user text, escaped if it must be (see [`terminal_safe`]).
pub fn push_safe(out: &mut String, c: char) {
    use std::fmt::Write as _;
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\0' => out.push_str("\\0"),
        c if needs_escape(c) => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

pub mod rates;
pub mod renumber;
pub mod system;
pub mod table;
pub mod xlsx;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(
            terminal_safe("a\nb\rc\td\0e\u{1b}[31mf\u{7f}\u{9b}g\u{2028}h\u{202e}i"),
            "a\\nb\\rc\\td\\0e\\u{1b}[31mf\\u{7f}\\u{9b}g\\u{2028}h\\u{202e}i"
        );
        assert!(matches!(
            terminal_safe("标准 `101-01` \"引号\" \\ é ☃"),
            Cow::Borrowed(_)
        ));
    }
}
