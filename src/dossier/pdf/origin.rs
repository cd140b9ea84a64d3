//! Where each stretch of the Typst source came from: its section and, for Markdown, the file
//! and line. A Typst error is reported at the place a user can fix, never at the generated
//! markup.

#[allow(unused_imports, reason = "the module shares the parent's imports")]
use super::*;

/// Marks, in source order: from byte `at` of the Typst source on, the text comes from
/// section `section` (an index into `sections`) and, if `file` is set, from that file (an
/// index into `files`) at `line`.
#[derive(Debug, Default)]
pub(super) struct Origins {
    sections: Vec<String>,
    files: Vec<String>,
    marks: Vec<Mark>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Mark {
    at: usize,
    section: Option<usize>,
    file: Option<usize>,
    line: u32,
}

/// The origin of one byte of the Typst source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Place<'a> {
    /// The heading of the section (`标准文本`), `None` for the prelude.
    pub(super) section: Option<&'a str>,
    /// The repository-relative file and 1-based line, when the text came from Markdown.
    pub(super) file: Option<(&'a str, u32)>,
}

impl Origins {
    /// From byte `at` on, the text belongs to the section headed `heading`, no file.
    pub(super) fn section(&mut self, at: usize, heading: &str) {
        self.sections.push(heading.to_owned());
        self.push(Mark {
            at,
            section: Some(self.sections.len() - 1),
            file: None,
            line: 0,
        });
    }

    /// From byte `at` on, the text comes from file `path`, starting at `line`.
    pub(super) fn file(&mut self, at: usize, path: &str, line: u32) {
        if self.files.last().is_none_or(|f| f != path) {
            self.files.push(path.to_owned());
        }
        let last = self.current();
        self.push(Mark {
            at,
            file: Some(self.files.len() - 1),
            line,
            ..last
        });
    }

    /// From byte `at` on, the text comes from `line` of the current file.
    pub(super) fn line(&mut self, at: usize, line: u32) {
        let last = self.current();
        if last.file.is_some() && last.line != line {
            self.push(Mark { at, line, ..last });
        }
    }

    /// From byte `at` on, the text is the section's own again (the file has ended).
    pub(super) fn end_file(&mut self, at: usize) {
        let last = self.current();
        self.push(Mark {
            at,
            file: None,
            line: 0,
            ..last
        });
    }

    /// Where byte `offset` of the Typst source came from.
    pub(super) fn find(&self, offset: usize) -> Place<'_> {
        let i = self.marks.partition_point(|m| m.at <= offset);
        let mark = i.checked_sub(1).map(|i| self.marks[i]);
        Place {
            section: mark
                .and_then(|m| m.section)
                .map(|s| self.sections[s].as_str()),
            file: mark.and_then(|m| Some((self.files[m.file?].as_str(), m.line))),
        }
    }

    fn current(&self) -> Mark {
        self.marks.last().copied().unwrap_or(Mark {
            at: 0,
            section: None,
            file: None,
            line: 0,
        })
    }

    fn push(&mut self, mark: Mark) {
        // A later mark at the same byte replaces the earlier one.
        if let Some(last) = self.marks.last_mut()
            && last.at == mark.at
        {
            *last = mark;
        } else {
            self.marks.push(mark);
        }
    }
}

/// The lines of a Markdown text, counted forward as the parser's offsets grow (and again
/// from the start in the rare case they go back), so that a long text costs linear time.
pub(super) struct LineCounter<'a> {
    text: &'a str,
    first: u32,
    offset: usize,
    line: u32,
}

impl<'a> LineCounter<'a> {
    /// `text` whose first line is line `first` of its file.
    pub(super) fn new(text: &'a str, first: u32) -> Self {
        LineCounter {
            text,
            first,
            offset: 0,
            line: first,
        }
    }

    /// The line of byte `offset`.
    pub(super) fn line(&mut self, offset: usize) -> u32 {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            self.offset = 0;
            self.line = self.first;
        }
        let skipped = self.text.as_bytes()[self.offset..offset]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.line = self
            .line
            .saturating_add(u32::try_from(skipped).unwrap_or(u32::MAX));
        self.offset = offset;
        self.line
    }
}

/// A [`Place`] that owns its strings, kept with an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Origin {
    pub(super) section: Option<String>,
    pub(super) file: Option<(String, u32)>,
}

impl From<Place<'_>> for Origin {
    fn from(p: Place<'_>) -> Self {
        Origin {
            section: p.section.map(str::to_owned),
            file: p.file.map(|(path, line)| (path.to_owned(), line)),
        }
    }
}

/// A Typst failure at `stage` as one line in each language: each error with the place it came from
/// (file and line of the Markdown, else its section; `unplaced`, the sections that fail on
/// their own, for an error without one), and Typst's own words and hints.
pub(super) fn failure_message(
    stage: Stage,
    errors: &[(SourceDiagnostic, Option<Origin>)],
    unplaced: &[String],
) -> anyhow::Error {
    use crate::messages as m;
    let mut parts: Vec<crate::finding::Msg> = Vec::new();
    for (e, origin) in errors {
        let hints: Vec<String> = e.hints.iter().map(|h| h.v.to_string()).collect();
        let words = m::pdf_typst(&e.message, &hints);
        let part = match origin {
            Some(Origin {
                file: Some((path, line)),
                section,
            }) => m::pdf_error_at(path, *line, section.as_deref(), &words),
            Some(Origin {
                file: None,
                section: Some(s),
            }) => m::pdf_error_in(&[s.as_str()], &words),
            _ if !unplaced.is_empty() => {
                let names: Vec<&str> = unplaced.iter().map(String::as_str).collect();
                m::pdf_error_in(&names, &words)
            }
            _ => words,
        };
        if !parts.iter().any(|p| p.zh == part.zh) {
            parts.push(part);
        }
    }
    crate::finding::fail(m::pdf_failed(matches!(stage, Stage::Typesetting), &parts))
}

/// What failed: laying out the pages, or writing them as PDF.
#[derive(Clone, Copy, Debug)]
pub(super) enum Stage {
    Typesetting,
    Export,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_is_found_in_the_file_and_line_it_came_from() {
        let mut o = Origins::default();
        assert_eq!(o.find(5).section, None);
        o.section(10, "工作总结");
        o.file(20, "dossier/02.md", 1);
        o.line(30, 1);
        o.line(40, 7);
        o.end_file(50);
        o.section(60, "标准文本");
        assert_eq!(o.find(5).section, None);
        assert_eq!(o.find(15).file, None);
        assert_eq!(o.find(15).section, Some("工作总结"));
        assert_eq!(o.find(35).file, Some(("dossier/02.md", 1)));
        assert_eq!(o.find(45).file, Some(("dossier/02.md", 7)));
        assert_eq!(o.find(55).file, None);
        assert_eq!(o.find(55).section, Some("工作总结"));
        assert_eq!(o.find(99).section, Some("标准文本"));
    }

    #[test]
    fn an_error_without_a_place_names_the_sections_that_fail() {
        let boom = SourceDiagnostic::error(typst::syntax::Span::detached(), "boom");
        let placed = Origin {
            section: Some("工作总结".into()),
            file: Some(("dossier/02.md".into(), 7)),
        };
        let errors = [
            (boom.clone(), Some(placed)),
            (boom.clone(), None),
            (boom, None),
        ];
        let error = failure_message(
            Stage::Typesetting,
            &errors,
            &["标准体系表".into(), "标准文本".into()],
        );
        let zh = crate::finding::describe_error(&error, crate::finding::Lang::Zh);
        let en = crate::finding::describe_error(&error, crate::finding::Lang::En);
        assert_eq!(
            zh,
            "PDF 汇编排版失败：`dossier/02.md` 第 7 行（工作总结）：boom；章节“标准体系表”、“标准文本”：boom"
        );
        assert_eq!(
            en,
            "PDF dossier: typesetting failed: `dossier/02.md` line 7 (section “工作总结”): boom; \
             section “标准体系表”, “标准文本”: boom"
        );
    }

    #[test]
    fn lines_count_forward_and_back() {
        let text = "a\nb\n\nc\n";
        let mut lines = LineCounter::new(text, 18);
        assert_eq!(lines.line(0), 18);
        assert_eq!(lines.line(2), 19);
        assert_eq!(lines.line(5), 21);
        assert_eq!(lines.line(2), 19);
        assert_eq!(lines.line(99), 22);
    }
}
