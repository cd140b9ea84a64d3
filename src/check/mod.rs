//! The rules over a loaded repository: pure functions from `&Repository` to findings.
//! Rules about a single value (syntax, types, code parsing) are met in `load`; these are the
//! rules that need the whole repository.

mod codes;
pub mod glyph;
pub mod links;
mod numbering;
mod records;
pub mod text;

pub use records::{Rejected, rejected};

use crate::finding::{self, Finding};
use crate::model::{Date, Repository};

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
