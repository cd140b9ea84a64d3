//! Printing findings: human (rustc-like snippets), short, github; json (SPEC §4.2) and sarif
//! in `report::json`. Every line-based format keeps one finding on one line.

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};
use std::ops::Range;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Element, Group, Level, Origin, Renderer, Snippet};

use super::{needs_escape, push_safe, terminal_safe};
use crate::finding::{Finding, Lang, Location, Pos, Severity, Tally};

/// Source lines of the files that findings point into, keyed by path then line.
pub use crate::finding::Snippets;

/// The output formats of `check`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    #[default]
    Human,
    Short,
    Json,
    Github,
    Sarif,
    /// GitLab Code Quality report (a JSON array), for `artifacts:reports:codequality`.
    Gitlab,
    /// JUnit XML, for Jenkins' `junit` step and other CI servers.
    Junit,
}

impl Format {
    /// Whether the format is read by a CI server, whose paths are relative to the checkout
    /// (the git top level), not to the repository.
    pub fn for_ci(self) -> bool {
        matches!(
            self,
            Format::Github | Format::Sarif | Format::Gitlab | Format::Junit
        )
    }
}

pub struct Report<'a> {
    pub findings: &'a [Finding],
    pub standards: usize,
    pub lang: Lang,
    pub color: bool,
    pub snippets: &'a Snippets,
    /// What the CI formats put before each repository-relative path (`standards/`), so that
    /// the paths are relative to the checkout; empty for the others.
    pub prefix: &'a str,
}

/// Writes the report in `format` to `out`, finding by finding: memory does not grow with the
/// number of findings beyond the findings themselves.
pub fn write(format: Format, r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut out = BufWriter::new(out);
    match format {
        Format::Human => human(r, &mut out)?,
        Format::Short => short(r, &mut out)?,
        Format::Json => super::json::findings(r, &mut out)?,
        Format::Github => github(r, &mut out)?,
        Format::Sarif => super::json::sarif(r, &mut out)?,
        Format::Gitlab => super::json::gitlab(r, &mut out)?,
        Format::Junit => super::junit::write(r, &mut out)?,
    }
    out.flush()
}

/// `--path-prefix P` as the CI formats put it before a path: with one `/` at its end (none
/// when empty), `\\` written `/`.
pub fn prefix_of(p: &str) -> String {
    let p = p.replace('\\', "/");
    let p = p.trim_matches('/');
    if p.is_empty() {
        String::new()
    } else {
        format!("{p}/")
    }
}

/// The report in `format` as one string.
pub fn render(format: Format, r: &Report<'_>) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write(format, r, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

pub fn summary_line(r: &Report<'_>) -> String {
    let t = Tally::of(r.findings);
    crate::messages::findings_summary(t.errors, t.warnings, r.standards)
        .get(r.lang)
        .to_owned()
}

fn human(r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let renderer = if r.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let mut index = LongLines::default();
    for f in r.findings {
        let level = match f.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let mut group = level
            .primary_title(terminal_safe(f.message.get(r.lang)))
            .id(f.code.as_str())
            .elements(snippet(r, &mut index, &f.location, None, true));
        for rel in &f.related {
            group = group.elements(snippet(
                r,
                &mut index,
                &rel.location,
                Some(rel.message.get(r.lang)),
                false,
            ));
        }
        let mut report = vec![group];
        if let Some(help) = &f.help {
            report.push(Group::with_title(
                Level::HELP.secondary_title(terminal_safe(help.get(r.lang))),
            ));
        }
        write!(out, "{}\n\n", renderer.render(&report))?;
    }
    writeln!(out, "{}", summary_line(r))
}

fn snippet<'a>(
    r: &'a Report<'_>,
    index: &mut LongLines,
    at: &'a Location,
    label: Option<&'a str>,
    primary: bool,
) -> Vec<Element<'a>> {
    let path = terminal_safe(&at.path);
    let label = label.map(terminal_safe);
    let Some(line) = r
        .snippets
        .get(&at.path)
        .and_then(|lines| lines.get(&at.pos.line))
    else {
        // A directory, a file that could not be read again, or a workbook (whose cells are
        // no source lines): name the place only, with its line and column when it has one
        // (a workbook's row and column; `Pos::START` is a whole file or directory).
        let mut origin = Origin::path(path);
        if at.pos != Pos::START {
            origin = origin
                .line(at.pos.line as usize)
                .char_column(at.pos.column as usize);
        }
        let mut out = vec![origin.into()];
        if let Some(label) = label {
            out.push(Level::NOTE.message(label).into());
        }
        return out;
    };
    let (line, start, end) = index.window(&at.path, at.pos, line);
    let (line, span) = safe_source(line, start..end);
    let kind = if primary {
        AnnotationKind::Primary
    } else {
        AnnotationKind::Context
    };
    let mut a = kind.span(span);
    if let Some(label) = label {
        a = a.label(label);
    }
    vec![
        Snippet::source(line)
            .line_start(at.pos.line as usize)
            .path(path)
            .fold(false)
            .annotation(a)
            .into(),
    ]
}

/// A source line with its characters that are not safe on a terminal escaped (see
/// [`terminal_safe`]), and the byte span moved to match. Tabs stay: the renderer lays them out.
fn safe_source(line: &str, span: Range<usize>) -> (Cow<'_, str>, Range<usize>) {
    if !line.chars().any(|c| c != '\t' && needs_escape(c)) {
        return (Cow::Borrowed(line), span);
    }
    let mut out = String::with_capacity(line.len() + 8);
    let (mut start, mut end) = (None, None);
    for (i, c) in line.char_indices() {
        if i == span.start {
            start = Some(out.len());
        }
        if i == span.end {
            end = Some(out.len());
        }
        if c == '\t' {
            out.push(c);
        } else {
            push_safe(&mut out, c);
        }
    }
    let start = start.unwrap_or(out.len());
    let end = end.unwrap_or(out.len()).max(start);
    (Cow::Owned(out), start..end)
}

/// Lines longer than this many bytes are shown as a window around the pointed-at text, so that
/// many findings on one huge line (a 20 MB paragraph) cost linear time, not its length each.
const LONG_LINE: usize = 4096;
/// Characters shown either side of the pointed-at text in a long line.
const CONTEXT: usize = 200;
/// Every how many characters a long line's byte offset is remembered.
const STRIDE: usize = 256;

/// The byte offsets of every `STRIDE`th character of the long lines met so far.
#[derive(Default)]
struct LongLines {
    offsets: std::collections::HashMap<(String, u32), Vec<usize>>,
}

impl LongLines {
    /// The part of `line` to show for `pos`, and the byte span of the pointed-at text in it.
    fn window<'l>(&mut self, path: &str, pos: Pos, line: &'l str) -> (&'l str, usize, usize) {
        let column = pos.column as usize - 1;
        let len = pos.len as usize;
        if line.len() <= LONG_LINE {
            let start = byte_at(line, column);
            let end = byte_at(line, column + len).max(start);
            return (line, start, end);
        }
        let offsets = self
            .offsets
            .entry((path.to_owned(), pos.line))
            .or_insert_with(|| {
                line.char_indices()
                    .step_by(STRIDE)
                    .map(|(i, _)| i)
                    .collect()
            });
        let at = |n: usize| {
            let from = offsets.get(n / STRIDE).copied().unwrap_or(line.len());
            from + byte_at(&line[from..], n % STRIDE)
        };
        let first = at(column.saturating_sub(CONTEXT));
        let start = at(column);
        let end = at(column + len).max(start);
        let last = at(column + len + CONTEXT).max(end);
        (&line[first..last], start - first, end - first)
    }
}

/// The byte offset of the `n`th character (clamped to the end).
fn byte_at(line: &str, n: usize) -> usize {
    line.char_indices().nth(n).map_or(line.len(), |(i, _)| i)
}

/// One line per finding, whatever its path and message hold, then the summary line.
fn short(r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    for f in r.findings {
        writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            terminal_safe(&f.location.path),
            f.location.pos.line,
            f.location.pos.column,
            f.severity.as_str(),
            f.code,
            terminal_safe(f.message.get(r.lang))
        )?;
    }
    writeln!(out, "{}", summary_line(r))
}

/// GitHub workflow commands, one line per finding; the help goes on a second line of the
/// annotation (an encoded line break).
fn github(r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    for f in r.findings {
        let kind = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = f.message.get(r.lang).to_owned();
        if let Some(help) = &f.help {
            message.push('\n');
            message.push_str(help.get(r.lang));
        }
        writeln!(
            out,
            "::{kind} file={},line={},col={},title={}::{}",
            escape_property(&format!("{}{}", r.prefix, f.location.path)),
            f.location.pos.line,
            f.location.pos.column,
            escape_property(f.code.as_str()),
            escape_data(&message)
        )?;
    }
    Ok(())
}

/// A workflow command's message: `%`, CR and LF encoded as the runner decodes them, any other
/// control character shown escaped (see [`terminal_safe`]).
fn escape_data(s: &str) -> String {
    let encoded = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    terminal_safe(&encoded).into_owned()
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::finding::{Code, Msg, Pos};
    use std::collections::BTreeMap;

    const ESC: char = '\u{1b}';

    /// Every character a terminal or a line reader may take for a line break.
    const BREAKS: [char; 7] = [
        '\n', '\r', '\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}',
    ];

    fn finding(path: &str, message: &str) -> Finding {
        Finding::new(
            Code::FieldInvalid,
            Location::new(path, Pos::START),
            Msg::new(message, message),
        )
        .help(Msg::new(message, message))
    }

    fn report<'a>(findings: &'a [Finding], snippets: &'a Snippets) -> Report<'a> {
        Report {
            findings,
            standards: 1,
            lang: Lang::Zh,
            color: false,
            snippets,
            prefix: "",
        }
    }

    fn any_text() -> impl Strategy<Value = String> {
        // Mostly the characters that matter here, and now and then anything at all.
        prop_oneof![
            "[a-z/\\.\\n\\r\\t\\x0b\\x0c\\x1b\\x00\\u{85}\\u{9b}\\u{2028}\\u{2029}标准:%,]{0,24}",
            any::<String>(),
        ]
    }

    proptest! {
        #[test]
        fn short_has_one_line_per_finding(
            texts in prop::collection::vec((any_text(), any_text()), 0..6)
        ) {
            let findings: Vec<Finding> =
                texts.iter().map(|(p, m)| finding(p, m)).collect();
            let snippets = Snippets::new();
            let out = render(Format::Short, &report(&findings, &snippets));
            let lines: Vec<&str> = out.split(BREAKS).collect();
            // n findings, the summary, and the empty rest after the final newline.
            prop_assert_eq!(lines.len(), findings.len() + 2, "{:?}", out);
            prop_assert!(lines.last() == Some(&""));
            prop_assert!(!out.contains(ESC));

            let out = render(Format::Github, &report(&findings, &snippets));
            prop_assert_eq!(out.split(BREAKS).count(), findings.len() + 1, "{:?}", out);
            prop_assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{:?}", out);
        }
    }

    #[test]
    fn short_shows_control_characters_escaped() {
        let findings = [finding("system/a\nb.md", "值 `x\r\n\u{1b}[2J\t标准` 无效")];
        let snippets = Snippets::new();
        let out = render(Format::Short, &report(&findings, &snippets));
        assert_eq!(
            out,
            "system/a\\nb.md:1:1: error[field/invalid]: 值 `x\\r\\n\\u{1b}[2J\\t标准` 无效\n\
             1 个错误，0 个警告（共检查 1 项标准）\n"
        );
    }

    #[test]
    fn human_prints_no_raw_terminal_sequence() {
        let path = "system/\u{1b}]0;title\u{7}.md";
        let mut findings = vec![finding(
            path,
            "标题 `\u{1b}[31m红\u{9b}2J` 无效\n伪造的一行",
        )];
        findings[0].location.pos = Pos {
            line: 1,
            column: 8,
            len: 3,
        };
        let findings = findings
            .into_iter()
            .map(|f| {
                f.related(
                    Location::new("a\u{1b}c.md", Pos::START),
                    Msg::new("首次\u{9b}出现", "first"),
                )
            })
            .collect::<Vec<_>>();
        let mut snippets = Snippets::new();
        snippets
            .entry(path.to_owned())
            .or_default()
            .insert(1, "title=\"\u{9b}31m红\u{1b}[0m\"".to_owned());
        let out = render(Format::Human, &report(&findings, &snippets));
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
        assert!(out.contains("\\u{1b}[31m红\\u{9b}2J"), "{out}");
        assert!(
            out.contains("伪造的一行") && !out.contains("\n伪造的一行"),
            "{out}"
        );
        // The underline still sits under the three characters it pointed at.
        let source = out.lines().find(|l| l.contains("title=")).unwrap();
        let marks = out.lines().find(|l| l.contains('^')).unwrap();
        let at = |s: &str, i: usize| s[..i].chars().count();
        assert_eq!(
            at(marks, marks.find('^').unwrap()),
            at(source, source.find("\\u{9b}").unwrap()),
            "{out}"
        );
        assert_eq!(marks.matches('^').count(), "\\u{9b}31".len(), "{out}");
    }

    #[test]
    fn many_findings_on_a_huge_line_show_a_window_around_each() {
        // 200,000 characters on one line, a finding on every 100th: each snippet shows only
        // the text around its fault, with the caret under it.
        let unit = "窗口人员不得离岗。".repeat(11) + "x";
        let line: String = unit.repeat(2000);
        assert_eq!(unit.chars().count(), 100);
        let findings: Vec<Finding> = (0..2000u32)
            .map(|i| {
                Finding::new(
                    Code::TextModal,
                    Location::new(
                        "a.md",
                        Pos {
                            line: 1,
                            column: i * 100 + 5,
                            len: 2,
                        },
                    ),
                    Msg::new("不得", "不得"),
                )
            })
            .collect();
        let mut snippets = Snippets::new();
        snippets.insert("a.md".into(), BTreeMap::from([(1, line)]));
        let started = std::time::Instant::now();
        let out = render(Format::Human, &report(&findings, &snippets));
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
        let longest = out.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(longest < 1000, "a snippet line of {longest} characters");
        // The caret sits under 不得 in every snippet.
        let lines: Vec<&str> = out.lines().collect();
        let mut carets = 0;
        for pair in lines.windows(2) {
            if let Some(col) = pair[1].find("^^") {
                let width_before: usize = pair[0]
                    .chars()
                    .scan(0, |w, c| {
                        *w += if c.is_ascii() { 1 } else { 2 };
                        Some(*w)
                    })
                    .take_while(|w| *w <= col)
                    .count();
                let rest: String = pair[0].chars().skip(width_before).take(2).collect();
                assert_eq!(rest, "不得", "{}\n{}", pair[0], pair[1]);
                carets += 1;
            }
        }
        assert_eq!(carets, 2000);
    }
}
