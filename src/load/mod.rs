//! The loader: the only code that reads the user's files. It finds the repository, walks it
//! in sorted order, parses files in parallel, and turns every fault it meets into a finding;
//! it never writes.

mod discover;
mod encoding;
mod fields;
mod fonts;
pub mod git;
mod input;
mod manifest;
mod members;
mod parse;
mod records;
mod revision;
mod snippets;
mod source;
mod standard;
mod texts;
mod walk;

pub use crate::schema::keys;

use std::path::Path;

use anyhow::Result;
use rayon::prelude::*;

pub use input::{Input, Refusal, plain as input_plain};
pub use revision::{files_at, load_revision, standard_texts};
pub use source::Source;

use crate::finding::{self, Finding, fail};
use crate::messages;
use crate::model::{Category, Records, Repository, ScopeFile};

pub use crate::model::MANIFEST;

pub use discover::discover;
pub use fonts::font_sums;
pub use members::members;
pub use snippets::snippets;
pub use texts::{
    Bodies, Chapters, Refused, asset, body, chapter_texts, chapters, decode_text, printed_texts,
    read_text,
};

use members::members_are_others;
use parse::{Job, Parsed, Read, SCOPE_FILES, parse_job};
use walk::{list, system_top, walk_system};

/// A loaded repository and the findings met while loading it.
pub struct Loaded {
    pub repo: Repository,
    pub findings: Vec<Finding>,
}

/// Rules met on each text as the loader reads it, so that no text has to be kept: `check`
/// supplies them (the text lints, the dossier's characters and links); the loader knows nothing
/// of what they look for.
pub trait TextRules: Sync {
    /// A decoded file, whole.
    fn file(&self, path: &str, text: &str, findings: &mut Vec<Finding>);
    /// The Markdown body of a `.md` standard or audit report (after its front matter), which
    /// starts at `first_line` of its file.
    fn body(&self, path: &str, body: &str, first_line: u32, of: Body, findings: &mut Vec<Finding>);
}

/// Whose body a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Body {
    /// A standard's text (GB/T 1.1).
    Standard,
    /// An audit report.
    Audit,
}

/// No rules: loading for what the repository holds, not for what is wrong with its texts.
pub struct NoRules;

impl TextRules for NoRules {
    fn file(&self, _: &str, _: &str, _: &mut Vec<Finding>) {}
    fn body(&self, _: &str, _: &str, _: u32, _: Body, _: &mut Vec<Finding>) {}
}

/// Loads the repository at `root` (as found by `discover`) with no text rules.
pub fn load(root: &Path) -> Result<Loaded> {
    load_with(root, &NoRules)
}

/// Loads the repository at `root`, meeting `rules` on each text as it is read.
pub fn load_with(root: &Path, rules: &dyn TextRules) -> Result<Loaded> {
    let mut findings = Vec::new();
    let input = Input::new(root);
    let mut manifest = read_manifest(&input, &mut findings)?;
    members_are_others(root, &mut manifest, &mut findings);

    // Scope and records, and each subsystem of `system/`: walked and parsed side by side,
    // so that walking one subsystem overlaps with parsing the others.
    let mut jobs = Vec::new();
    for (i, (path, _)) in SCOPE_FILES.iter().enumerate() {
        if exists(root, path) {
            jobs.push(Job::Scope(i));
        }
    }
    if exists(root, "records/staff.toml") {
        jobs.push(Job::Staff);
    }
    for (dir, ext) in [
        ("records/inspections", "toml"),
        ("records/trainings", "toml"),
        ("records/surveys", "toml"),
        ("records/audits", "md"),
    ] {
        for path in list(root, dir, ext, &mut findings) {
            jobs.push(match dir {
                "records/inspections" => Job::Inspections(path),
                "records/trainings" => Job::Trainings(path),
                "records/surveys" => Job::Surveys(path),
                _ => Job::Audit(path),
            });
        }
    }
    let (top_dirs, top_files) = system_top(root, &mut findings)?;
    jobs.extend(top_files);

    type Results = Vec<Result<Read>>;
    type Subsystems = Result<Vec<(Vec<Category>, Results)>>;
    let (subsystems, others): (Subsystems, Results) = rayon::join(
        || {
            top_dirs
                .par_iter()
                .map(|dir| {
                    let mut jobs = Vec::new();
                    let mut unindexed = Vec::new();
                    let mut walked = Vec::new();
                    walk_system(root, dir, &mut jobs, &mut unindexed, &mut walked);
                    let mut results: Results = jobs
                        .into_par_iter()
                        .map(|job| parse_job(&input, job, rules))
                        .collect();
                    results.push(Ok(Read {
                        parsed: Parsed::Nothing,
                        findings: walked,
                        left_out: 0,
                    }));
                    Ok((unindexed, results))
                })
                .collect()
        },
        || {
            jobs.into_par_iter()
                .map(|job| parse_job(&input, job, rules))
                .collect()
        },
    );
    let mut unindexed = Vec::new();
    let mut results = others;
    for (mut cats, mut parsed) in subsystems? {
        unindexed.append(&mut cats);
        results.append(&mut parsed);
    }
    assemble(root, manifest, unindexed, results, findings)
}

/// Loads the given files (repository-relative path, bytes: a git revision) as the repository
/// named `root`, through the same parsing as the files of the working tree. Nothing is read
/// from the disk; member centres are not looked at.
pub fn load_files(root: &Path, files: Vec<(String, Vec<u8>)>) -> Result<Loaded> {
    Ok(load_given(root, files)?.0)
}

/// `load_files`, and the given files as the way in (to read their texts after).
fn load_given(root: &Path, files: Vec<(String, Vec<u8>)>) -> Result<(Loaded, Input)> {
    let mut findings = Vec::new();
    let (jobs, unindexed) = revision::jobs(root, &files, &mut findings)?;
    let input = Input::in_memory(root, files);
    let manifest = read_manifest(&input, &mut findings)?;
    let results: Vec<Result<Read>> = jobs
        .into_par_iter()
        .map(|job| parse_job(&input, job, &NoRules))
        .collect();
    Ok((
        assemble(root, manifest, unindexed, results, findings)?,
        input,
    ))
}

/// The manifest, read and parsed; one that cannot be read at all is a failure.
fn read_manifest(input: &Input, findings: &mut Vec<Finding>) -> Result<crate::model::Manifest> {
    let manifest_bytes = input.read(MANIFEST).map_err(|refusal| {
        fail(match refusal.finding(MANIFEST) {
            Some(f) => messages::file_refused(MANIFEST, &f.message),
            None => messages::manifest_vanished(),
        })
    })?;
    Ok(match Source::decode(MANIFEST.to_owned(), &manifest_bytes) {
        Ok(src) => manifest::manifest(&src, findings),
        Err(f) => {
            findings.push(*f);
            crate::model::Manifest {
                seq_width: 2,
                ..Default::default()
            }
        }
    })
}

/// The repository the parsed files make.
fn assemble(
    root: &Path,
    manifest: crate::model::Manifest,
    unindexed: Vec<Category>,
    results: Vec<Result<Read>>,
    mut findings: Vec<Finding>,
) -> Result<Loaded> {
    let mut repo = Repository {
        root: root.to_path_buf(),
        manifest,
        ..Default::default()
    };
    repo.scope.posts.path = SCOPE_FILES[0].0.into();
    repo.scope.services.path = SCOPE_FILES[1].0.into();
    repo.scope.assets.path = SCOPE_FILES[2].0.into();
    repo.records.staff_path = "records/staff.toml".into();
    repo.categories = unindexed;
    for result in results {
        let Read {
            parsed,
            findings: mut found,
            left_out,
        } = result?;
        findings.append(&mut found);
        repo.records.left_out += left_out;
        let records: &mut Records = &mut repo.records;
        match parsed {
            Parsed::Category(c) => repo.categories.push(c),
            Parsed::Standard(s) => repo.standards.push(*s),
            Parsed::Nothing => {}
            Parsed::Scope(i, items) => scope_file(&mut repo.scope, i).items = items,
            Parsed::Staff(s) => records.staff = s,
            Parsed::Inspections(mut v) => records.inspections.append(&mut v),
            Parsed::Trainings(mut v) => records.trainings.append(&mut v),
            Parsed::Surveys(mut v) => records.surveys.append(&mut v),
            Parsed::Audit(Some(a)) => records.audits.push(a),
            Parsed::Audit(None) => {}
        }
    }
    repo.categories.sort_by(|a, b| a.dir.cmp(&b.dir));
    if !repo.standards.is_sorted_by(|a, b| a.path <= b.path) {
        repo.standards.sort_by(|a, b| a.path.cmp(&b.path));
    }
    finding::sort(&mut findings);
    Ok(Loaded { repo, findings })
}

/// Whether anything is at `rel` (a file, a FIFO, a dangling symlink): what is there is read
/// by the input rule, which turns anything but a regular file into a finding.
fn exists(root: &Path, rel: &str) -> bool {
    std::fs::symlink_metadata(root.join(rel)).is_ok()
}

fn scope_file(scope: &mut crate::model::Scope, i: usize) -> &mut ScopeFile {
    match i {
        0 => &mut scope.posts,
        1 => &mut scope.services,
        _ => &mut scope.assets,
    }
}
