//! The rules over a loaded repository: pure functions from `&Repository` to findings.
//! Rules about a single value (syntax, types, code parsing) are met in `load`; these are the
//! rules that need the whole repository.

mod codes;
mod numbering;
mod records;
pub mod text;

use crate::finding::{self, Finding};
use crate::model::{Date, Repository};

/// Every finding of the cross-file rules, sorted.
pub fn check(repo: &Repository, as_of: Date) -> Vec<Finding> {
    let mut findings = Vec::new();
    numbering::check(repo, &mut findings);
    codes::check(repo, as_of, &mut findings);
    records::check(repo, as_of, &mut findings);
    finding::sort(&mut findings);
    findings
}
