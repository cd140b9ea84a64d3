//! The loader: the only code that reads the user's files. It finds the repository, walks it
//! in sorted order, parses files in parallel, and turns every fault it meets into a finding;
//! it never writes.

mod fields;
pub mod git;
mod manifest;
mod records;
mod source;
mod standard;

pub mod keys {
    //! The key set of every table of the format, shared with the JSON Schemas.
    pub use super::manifest::{
        CENTER_KEYS, DOSSIER_KEYS, MEMBER_KEYS, NUMBERING_KEYS, PERIOD_KEYS, ROOT_KEYS, TARGET_KEYS,
    };
    pub use super::records::{
        AUDIT_KEYS, INSPECTION_KEYS, SCOPE_ITEM_KEYS, STAFF_KEYS, SURVEY_KEYS, TRAINING_KEYS,
    };
    pub use super::standard::{CATEGORY_KEYS, COVERS_KEYS, STANDARD_KEYS};
}

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

pub use source::Source;

use crate::finding::{self, Finding};
use crate::model::{Category, FileKind, Records, Repository, ScopeFile};

pub const MANIFEST: &str = "stdkit.toml";

/// A loaded repository and the findings met while loading it.
pub struct Loaded {
    pub repo: Repository,
    pub findings: Vec<Finding>,
}

/// Finds the repository root: `start` or its nearest ancestor holding `stdkit.toml`.
pub fn discover(start: &Path) -> Result<PathBuf> {
    let meta = std::fs::metadata(start)
        .with_context(|| format!("cannot open repository directory `{}`", start.display()))?;
    if !meta.is_dir() {
        bail!("`{}` is not a directory", start.display());
    }
    let start = std::path::absolute(start)
        .with_context(|| format!("cannot resolve `{}`", start.display()))?;
    for dir in start.ancestors() {
        if dir.join(MANIFEST).is_file() {
            return Ok(dir.to_path_buf());
        }
    }
    bail!(
        "no `{MANIFEST}` in `{}` or any parent directory: not a standards repository",
        start.display()
    )
}

/// One file to parse.
enum Job {
    Category { dir: String, depth: usize },
    Standard { path: String, kind: FileKind },
    Scope(usize),
    Staff,
    Inspections(String),
    Trainings(String),
    Surveys(String),
    Audit(String),
}

/// What parsing one file gave.
enum Parsed {
    Category(Category),
    Standard(Box<crate::model::Standard>),
    Scope(usize, Vec<crate::model::ScopeItem>),
    Staff(Vec<crate::model::Staff>),
    Inspections(Vec<crate::model::Inspection>),
    Trainings(Vec<crate::model::Training>),
    Surveys(Vec<crate::model::Survey>),
    Audit(Option<crate::model::Audit>),
    Nothing,
}

const SCOPE_FILES: [(&str, &[&str]); 3] = [
    ("scope/posts.toml", records::POST),
    ("scope/services.toml", records::SERVICE),
    ("scope/assets.toml", records::ASSET),
];

/// Loads the repository at `root` (as found by `discover`).
pub fn load(root: &Path) -> Result<Loaded> {
    let mut findings = Vec::new();
    let manifest_bytes = read(root, MANIFEST)?.context("the manifest disappeared while loading")?;
    let manifest = match Source::decode(MANIFEST.to_owned(), &manifest_bytes) {
        Ok(src) => manifest::manifest(&src, &mut findings),
        Err(f) => {
            findings.push(*f);
            crate::model::Manifest {
                seq_width: 2,
                ..Default::default()
            }
        }
    };

    // Scope and records, and each subsystem of `system/`: walked and parsed side by side,
    // so that walking one subsystem overlaps with parsing the others.
    let mut jobs = Vec::new();
    for (i, (path, _)) in SCOPE_FILES.iter().enumerate() {
        if root.join(path).is_file() {
            jobs.push(Job::Scope(i));
        }
    }
    if root.join("records/staff.toml").is_file() {
        jobs.push(Job::Staff);
    }
    for (dir, ext) in [
        ("records/inspections", "toml"),
        ("records/trainings", "toml"),
        ("records/surveys", "toml"),
        ("records/audits", "md"),
    ] {
        for path in list(root, dir, ext)? {
            jobs.push(match dir {
                "records/inspections" => Job::Inspections(path),
                "records/trainings" => Job::Trainings(path),
                "records/surveys" => Job::Surveys(path),
                _ => Job::Audit(path),
            });
        }
    }
    let (top_dirs, top_files) = system_top(root)?;
    jobs.extend(top_files);

    type Results = Vec<Result<(Parsed, Vec<Finding>)>>;
    type Subsystems = Result<Vec<(Vec<Category>, Results)>>;
    let (subsystems, others): (Subsystems, Results) = rayon::join(
        || {
            top_dirs
                .par_iter()
                .map(|dir| {
                    let mut jobs = Vec::new();
                    let mut unindexed = Vec::new();
                    walk_system(root, dir, &mut jobs, &mut unindexed)?;
                    let results = jobs
                        .into_par_iter()
                        .map(|job| parse_job(root, job))
                        .collect();
                    Ok((unindexed, results))
                })
                .collect()
        },
        || {
            jobs.into_par_iter()
                .map(|job| parse_job(root, job))
                .collect()
        },
    );
    let mut unindexed = Vec::new();
    let mut results = others;
    for (mut cats, mut parsed) in subsystems? {
        unindexed.append(&mut cats);
        results.append(&mut parsed);
    }

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
        let (parsed, mut found) = result?;
        findings.append(&mut found);
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

fn scope_file(scope: &mut crate::model::Scope, i: usize) -> &mut ScopeFile {
    match i {
        0 => &mut scope.posts,
        1 => &mut scope.services,
        _ => &mut scope.assets,
    }
}

fn parse_job(root: &Path, job: Job) -> Result<(Parsed, Vec<Finding>)> {
    let mut findings = Vec::new();
    let path = match &job {
        Job::Category { dir, .. } => format!("{dir}/_index.md"),
        Job::Standard { path, .. } => path.clone(),
        Job::Scope(i) => SCOPE_FILES[*i].0.to_owned(),
        Job::Staff => "records/staff.toml".to_owned(),
        Job::Inspections(p) | Job::Trainings(p) | Job::Surveys(p) | Job::Audit(p) => p.clone(),
    };
    let Some(bytes) = read(root, &path)? else {
        return Ok((Parsed::Nothing, findings));
    };
    let src = match Source::decode(path.clone(), &bytes) {
        Ok(src) => src,
        Err(f) => {
            findings.push(*f);
            // A category whose index cannot be read is still a category, and a standard
            // file that cannot be read is still a standard.
            return Ok(match job {
                Job::Category { dir, depth } => (
                    Parsed::Category(Category {
                        dir,
                        index: Some(path),
                        code: None,
                        title: None,
                        depth,
                    }),
                    findings,
                ),
                Job::Standard { path, kind } => (
                    Parsed::Standard(Box::new(crate::model::Standard::unreadable(path, kind))),
                    findings,
                ),
                _ => (Parsed::Nothing, findings),
            });
        }
    };
    let parsed = match job {
        Job::Category { dir, depth } => {
            Parsed::Category(standard::category(&src, dir, depth, &mut findings))
        }
        Job::Standard { kind, .. } => {
            Parsed::Standard(Box::new(standard::standard(&src, kind, &mut findings)))
        }
        Job::Scope(i) => Parsed::Scope(i, records::scope(&src, SCOPE_FILES[i].1, &mut findings)),
        Job::Staff => Parsed::Staff(records::staff(&src, &mut findings)),
        Job::Inspections(_) => Parsed::Inspections(records::inspections(&src, &mut findings)),
        Job::Trainings(_) => Parsed::Trainings(records::trainings(&src, &mut findings)),
        Job::Surveys(_) => Parsed::Surveys(records::surveys(&src, &mut findings)),
        Job::Audit(_) => Parsed::Audit(records::audit(&src, &mut findings)),
    };
    Ok((parsed, findings))
}

/// Reads one repository file; `Ok(None)` if it vanished.
fn read(root: &Path, rel: &str) -> Result<Option<Vec<u8>>> {
    let full = root.join(rel);
    match std::fs::read(&full) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("failed to read `{}`", full.display())),
    }
}

/// Reads the text of a repository file for printing (the dossier, snippets of findings).
pub fn read_text(root: &Path, rel: &str) -> Result<String> {
    let full = root.join(rel);
    let bytes =
        std::fs::read(&full).with_context(|| format!("failed to read `{}`", full.display()))?;
    match Source::decode(rel.to_owned(), &bytes) {
        Ok(src) => Ok(src.text.to_owned()),
        Err(f) => bail!("`{}`: {}", rel, f.message.en),
    }
}

/// The `.ext` files directly in `dir`, sorted, as repository-relative paths.
fn list(root: &Path, dir: &str, ext: &str) -> Result<Vec<String>> {
    let full = root.join(dir);
    if !full.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    let entries =
        std::fs::read_dir(&full).with_context(|| format!("failed to list `{}`", full.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("failed to list `{}`", full.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') && name.ends_with(&format!(".{ext}")) && entry.path().is_file() {
            out.push(format!("{dir}/{name}"));
        }
    }
    out.sort();
    Ok(out)
}

/// The directories directly under `system/` (subsystems), sorted, and jobs for standard
/// files lying directly in `system/`.
fn system_top(root: &Path) -> Result<(Vec<std::path::PathBuf>, Vec<Job>)> {
    let system = root.join("system");
    if !system.is_dir() {
        return Ok((Vec::new(), Vec::new()));
    }
    let mut dirs = Vec::new();
    let mut files = Vec::new();
    let entries = std::fs::read_dir(&system)
        .with_context(|| format!("failed to list `{}`", system.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("failed to list `{}`", system.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let kind = entry
            .file_type()
            .with_context(|| format!("failed to read `{}`", entry.path().display()))?;
        if kind.is_dir() {
            dirs.push(entry.path());
        } else if let Some(file) = standard_kind(&name) {
            files.push(Job::Standard {
                path: format!("system/{name}"),
                kind: file,
            });
        }
    }
    dirs.sort();
    Ok((dirs, files))
}

/// Whether a file name is a standard's, and of which kind.
fn standard_kind(name: &str) -> Option<FileKind> {
    if name == "_index.md" {
        None
    } else if name.ends_with(".md") {
        Some(FileKind::Markdown)
    } else if name.ends_with(".toml") {
        Some(FileKind::Toml)
    } else {
        None
    }
}

/// Walks one subsystem directory in sorted order, queueing categories and standards.
/// Directories with content but no `_index.md` are returned as categories without an index.
fn walk_system(
    root: &Path,
    start: &Path,
    jobs: &mut Vec<Job>,
    unindexed: &mut Vec<Category>,
) -> Result<()> {
    let walker = walkdir::WalkDir::new(start)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    let mut dirs: Vec<(String, usize, bool, bool)> = Vec::new();
    let mut by_path: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for entry in walker {
        let entry = entry.with_context(|| format!("failed to walk `{}`", start.display()))?;
        let rel = relative(root, entry.path())?;
        let depth = entry.depth();
        let parent = rel.rsplit_once('/').map_or("", |(p, _)| p).to_owned();
        if entry.file_type().is_dir() {
            if let Some(&i) = by_path.get(&parent) {
                dirs[i].3 = true;
            }
            by_path.insert(rel.clone(), dirs.len());
            dirs.push((rel, depth, false, false));
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if name == "_index.md" {
            if let Some(&i) = by_path.get(&parent) {
                dirs[i].2 = true;
            }
            continue;
        }
        let Some(kind) = standard_kind(&name) else {
            continue;
        };
        if let Some(&i) = by_path.get(&parent) {
            dirs[i].3 = true;
        }
        jobs.push(Job::Standard { path: rel, kind });
    }
    for (dir, depth, has_index, has_content) in dirs {
        if has_index {
            jobs.push(Job::Category { dir, depth });
        } else if has_content {
            unindexed.push(Category {
                dir,
                index: None,
                code: None,
                title: None,
                depth,
            });
        }
    }
    Ok(())
}

fn relative(root: &Path, path: &Path) -> Result<String> {
    let rel = path
        .strip_prefix(root)
        .with_context(|| format!("`{}` is outside the repository", path.display()))?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(parts.join("/"))
}

/// The source lines that findings point at, for the human report. Files that cannot be read
/// again simply have no snippet.
pub fn snippets(root: &Path, findings: &[Finding]) -> crate::report::findings::Snippets {
    let mut wanted: std::collections::BTreeMap<&str, std::collections::BTreeSet<u32>> =
        Default::default();
    for f in findings {
        wanted
            .entry(&f.location.path)
            .or_default()
            .insert(f.location.pos.line);
        for r in &f.related {
            wanted
                .entry(&r.location.path)
                .or_default()
                .insert(r.location.pos.line);
        }
    }
    let mut out = crate::report::findings::Snippets::new();
    for (path, lines) in wanted {
        let Ok(bytes) = std::fs::read(root.join(path)) else {
            continue;
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut found = std::collections::BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            let n = i as u32 + 1;
            if lines.contains(&n) {
                found.insert(n, line.trim_end_matches('\r').to_owned());
            }
        }
        out.insert(path.to_owned(), found);
    }
    out
}

/// The Markdown body of a file with `+++` front matter, and the line it starts at; the whole
/// text (from line 1) when there is no front matter.
pub fn body(root: &Path, rel: &str) -> Result<(String, u32)> {
    let text = read_text(root, rel)?;
    let src = Source::new(rel.to_owned(), &text);
    Ok(match src.front_matter() {
        Some(fm) => (fm.body.to_owned(), fm.body_line),
        None => (text.clone(), 1),
    })
}

/// The Markdown chapters under `dossier/`, sorted.
pub fn chapters(root: &Path) -> Result<Vec<String>> {
    list(root, "dossier", "md")
}

/// Reads a repository file as bytes for inlining (pictures in the dossier); `None` if the
/// path is not a file inside the repository.
pub fn asset(root: &Path, rel: &str) -> Option<Vec<u8>> {
    let full = root.join(rel);
    let canon = full.canonicalize().ok()?;
    if !canon.starts_with(root.canonicalize().ok()?) {
        return None;
    }
    std::fs::read(canon).ok()
}
