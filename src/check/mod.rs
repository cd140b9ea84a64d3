//! The rules over a loaded repository: pure functions from `&Repository` to findings.
//! Rules about a single value (syntax, types, code parsing) are met in `load`; these are the
//! rules that need the whole repository.

pub mod codes;
pub mod dossier;
pub mod glyph;
pub mod links;
mod numbering;
mod records;
pub mod targets;
pub mod text;

pub use records::{Rejected, rejected};

use crate::finding::{self, Finding};
use crate::model::{Date, Repository};

/// The rules met on each text as the loader reads it: the GB/T 1.1 lints of a standard's
/// text, and what the dossier would print of every file (characters no font has, links that
/// leave the repository).
pub struct TextRules;

impl crate::load::TextRules for TextRules {
    fn file(&self, path: &str, text: &str, findings: &mut Vec<Finding>) {
        if !crate::glyphs::all_embedded(text) {
            findings.extend(glyph::scan(path, text, &glyph::embedded));
        }
    }

    fn body(
        &self,
        path: &str,
        body: &str,
        first_line: u32,
        of: crate::load::Body,
        findings: &mut Vec<Finding>,
    ) {
        use crate::finding::{Code, Location, Pos};
        links::outside(path, body, first_line, findings);
        if of != crate::load::Body::Standard {
            return;
        }
        for issue in text::lint(body) {
            let code = match issue.rule {
                text::TextRule::Structure => Code::TextStructure,
                text::TextRule::Modal => Code::TextModal,
            };
            let len = if issue.rule == text::TextRule::Modal {
                2
            } else {
                1
            };
            let pos = Pos {
                line: first_line + issue.line as u32 - 1,
                column: issue.column as u32,
                len,
            };
            findings.push(Finding::new(
                code,
                Location::new(path.to_owned(), pos),
                issue.message,
            ));
        }
    }
}

/// Every finding `check` reports, sorted: the loader's (`loaded`), the cross-file rules',
/// the dossier's own rules over its chapters, and, when `rates` are given, the targets
/// they miss.
pub fn all(
    loaded: Vec<Finding>,
    repo: &Repository,
    as_of: Date,
    chapters: &std::collections::BTreeMap<String, String>,
    refused: &std::collections::BTreeMap<String, crate::finding::Msg>,
    rates: Option<&crate::rates::CenterRates>,
) -> Vec<Finding> {
    let mut findings = loaded;
    findings.extend(check(repo, as_of));
    findings.extend(dossier::rules(repo, chapters, refused));
    if let Some(rates) = rates {
        findings.extend(targets::missed(rates));
    }
    crate::finding::sort(&mut findings);
    findings
}

/// Every finding of the cross-file rules, sorted.
pub fn check(repo: &Repository, as_of: Date) -> Vec<Finding> {
    // The three families are independent: run them side by side.
    let run = |family: fn(&Repository, Date, &mut Vec<Finding>)| {
        let mut out = Vec::new();
        family(repo, as_of, &mut out);
        out
    };
    let (mut findings, (codes, records)) = rayon::join(
        || run(|r, _, out| numbering::check(r, out)),
        || rayon::join(|| run(codes::check), || run(records::check)),
    );
    findings.extend(codes);
    findings.extend(records);
    finding::sort(&mut findings);
    findings
}
