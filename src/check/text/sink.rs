//! Where the issues of one text are collected, each placed at its line and column.

use super::modal::MODALS;
use super::{TextIssue, TextRule};
use crate::finding::Msg;

pub(super) struct Sink<'a> {
    loc: Locator<'a>,
    pub(super) issues: Vec<TextIssue>,
    /// Whether the text holds a modal verb at all: most texts hold none, and one fast
    /// search of the whole text spares scanning every piece of it.
    pub(super) has_modal: bool,
}

impl<'a> Sink<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Sink {
            loc: Locator::new(text),
            issues: Vec::new(),
            has_modal: {
                static FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
                    std::sync::LazyLock::new(|| {
                        MODALS
                            .iter()
                            .map(|(word, _)| memchr::memmem::Finder::new(word.as_bytes()))
                            .collect()
                    });
                FINDERS.iter().any(|f| f.find(text.as_bytes()).is_some())
            },
        }
    }

    pub(super) fn structure(&mut self, at: usize, message: Msg) {
        self.push(TextRule::Structure, at, message);
    }

    pub(super) fn push(&mut self, rule: TextRule, at: usize, message: Msg) {
        let (line, column) = self.loc.locate(at);
        self.issues.push(TextIssue {
            rule,
            line,
            column,
            message,
        });
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
