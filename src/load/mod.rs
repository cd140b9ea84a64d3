//! The loader: the only code that reads the user's files. It finds the repository, walks it
//! in sorted order, parses files in parallel, and turns every fault it meets into a finding;
//! it never writes.

mod encoding;
mod fields;
pub mod git;
mod input;
mod manifest;
mod records;
mod source;
mod standard;

pub use crate::schema::keys;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use rayon::prelude::*;

pub use input::{Input, Refusal, plain as input_plain};
pub use source::Source;

use crate::finding::{self, FailWith, Finding, Msg, failure};
use crate::messages;
use crate::model::{Category, FileKind, Records, Repository, ScopeFile};

pub use crate::model::MANIFEST;

/// A loaded repository and the findings met while loading it.
pub struct Loaded {
    pub repo: Repository,
    pub findings: Vec<Finding>,
}

/// Finds the repository root: `start` or its nearest ancestor holding `stdkit.toml`.
pub fn discover(start: &Path) -> Result<PathBuf> {
    let meta = std::fs::metadata(start).fail_with(|| words(messages::repo_unopenable(start)))?;
    if !meta.is_dir() {
        return Err(fail(messages::not_a_directory(start)));
    }
    let start =
        std::path::absolute(start).fail_with(|| words(messages::path_unresolvable(start)))?;
    for dir in start.ancestors() {
        let manifest = dir.join(MANIFEST);
        match std::fs::metadata(&manifest) {
            Ok(meta) if meta.is_file() => return Ok(dir.to_path_buf()),
            Ok(_) => {
                return Err(fail(messages::manifest_not_a_file(&manifest)));
            }
            Err(_) => {}
        }
    }
    Err(fail(messages::no_manifest(&start)))
}

/// A failure in the words of a message.
fn fail(message: Msg) -> anyhow::Error {
    failure(message.zh, message.en)
}

/// A message as the words `fail_with` wants.
fn words(message: Msg) -> (String, String) {
    (message.zh, message.en)
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

/// What reading one file gave: its value, its findings, and how many of its entries could not
/// be read as records.
struct Read {
    parsed: Parsed,
    findings: Vec<Finding>,
    left_out: u64,
}

impl Read {
    fn of(parsed: Parsed, findings: Vec<Finding>) -> Read {
        Read {
            parsed,
            findings,
            left_out: 0,
        }
    }
}

const SCOPE_FILES: [(&str, &[&str]); 3] = [
    ("scope/posts.toml", records::POST),
    ("scope/services.toml", records::SERVICE),
    ("scope/assets.toml", records::ASSET),
];

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

/// The member centres of a loaded repository, each loaded from its own directory (no search
/// upward, which would find this centre's manifest), in the order of `[[member]]`.
pub fn members(root: &Path, repo: &Repository) -> Vec<crate::model::Member> {
    repo.manifest
        .members
        .iter()
        .map(|m| {
            let dir = root.join(&m.value);
            // (A member that is this centre itself was dropped, with a finding, by `load`.)
            let repo = if dir.join(MANIFEST).is_file() {
                load(&dir).map(|l| l.repo).map_err(|e| format!("{e:#}"))
            } else {
                Err(format!("member `{}` has no `{MANIFEST}`", m.value))
            };
            crate::model::Member {
                path: m.value.clone(),
                repo,
            }
        })
        .collect()
}

/// Loads the repository at `root`, meeting `rules` on each text as it is read.
pub fn load_with(root: &Path, rules: &dyn TextRules) -> Result<Loaded> {
    let mut findings = Vec::new();
    let input = Input::new(root);
    let manifest_bytes = input.read(MANIFEST).map_err(|refusal| {
        fail(match refusal.finding(MANIFEST) {
            Some(f) => messages::file_refused(MANIFEST, &f.message),
            None => messages::manifest_vanished(),
        })
    })?;
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

    let mut manifest = manifest;
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

/// A member centre is another repository: one that resolves to this repository itself (or a
/// folder above it, which holds it) is a finding, and is dropped from the members.
fn members_are_others(
    root: &Path,
    manifest: &mut crate::model::Manifest,
    findings: &mut Vec<Finding>,
) {
    let Ok(own) = root.canonicalize() else {
        return;
    };
    manifest.members.retain(|m| {
        let Ok(dir) = root.join(&m.value).canonicalize() else {
            return true;
        };
        let itself = own.starts_with(&dir);
        if itself {
            findings.push(Finding::new(
                crate::finding::Code::FieldInvalid,
                crate::finding::Location::new(MANIFEST, m.pos),
                messages::member_is_itself(&m.value),
            ));
        }
        !itself
    });
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

fn parse_job(input: &Input, job: Job, rules: &dyn TextRules) -> Result<Read> {
    let mut findings = Vec::new();
    let mut left_out = 0;
    let path = match &job {
        Job::Category { dir, .. } => format!("{dir}/_index.md"),
        Job::Standard { path, .. } => path.clone(),
        Job::Scope(i) => SCOPE_FILES[*i].0.to_owned(),
        Job::Staff => "records/staff.toml".to_owned(),
        Job::Inspections(p) | Job::Trainings(p) | Job::Surveys(p) | Job::Audit(p) => p.clone(),
    };
    let bytes = match input.read(&path) {
        Ok(bytes) => bytes,
        Err(Refusal::Missing) => return Ok(Read::of(Parsed::Nothing, findings)),
        Err(refusal) => {
            findings.extend(refusal.finding(&path));
            return Ok(Read::of(unreadable(job, path), findings));
        }
    };
    let src = match Source::decode(path.clone(), &bytes) {
        Ok(src) => src,
        Err(f) => {
            findings.push(*f);
            return Ok(Read::of(unreadable(job, path), findings));
        }
    };
    rules.file(&path, src.text, &mut findings);
    let body = match &job {
        Job::Standard { .. } if path.ends_with(".md") => Some(Body::Standard),
        Job::Audit(_) => Some(Body::Audit),
        _ => None,
    };
    let parsed = match job {
        Job::Category { dir, depth } => {
            Parsed::Category(standard::category(&src, dir, depth, &mut findings))
        }
        Job::Standard { kind, .. } => {
            let s = standard::standard(&src, kind, &mut findings);
            if let (Some(of), Some(fm)) = (body, src.front_matter())
                && s.has_text
            {
                rules.body(&path, fm.body, fm.body_line, of, &mut findings);
            }
            Parsed::Standard(Box::new(s))
        }
        Job::Scope(i) => Parsed::Scope(
            i,
            records::scope(&src, SCOPE_FILES[i].1, &mut findings, &mut left_out),
        ),
        Job::Staff => Parsed::Staff(records::staff(&src, &mut findings, &mut left_out)),
        Job::Inspections(_) => {
            Parsed::Inspections(records::inspections(&src, &mut findings, &mut left_out))
        }
        Job::Trainings(_) => {
            Parsed::Trainings(records::trainings(&src, &mut findings, &mut left_out))
        }
        Job::Surveys(_) => Parsed::Surveys(records::surveys(&src, &mut findings, &mut left_out)),
        Job::Audit(_) => {
            if let (Some(of), Some(fm)) = (body, src.front_matter()) {
                rules.body(&path, fm.body, fm.body_line, of, &mut findings);
            }
            Parsed::Audit(records::audit(&src, &mut findings))
        }
    };
    Ok(Read {
        parsed,
        findings,
        left_out,
    })
}

/// What a file that could not be read still is: a category whose index cannot be read is
/// still a category, and a standard file that cannot be read is still a standard.
fn unreadable(job: Job, path: String) -> Parsed {
    match job {
        Job::Category { dir, depth } => Parsed::Category(Category {
            dir,
            index: Some(path),
            code: None,
            title: None,
            depth,
        }),
        Job::Standard { path, kind } => {
            Parsed::Standard(Box::new(crate::model::Standard::unreadable(path, kind)))
        }
        _ => Parsed::Nothing,
    }
}

/// Reads the text of a repository file for printing (the dossier); the file was found by
/// the loader or named by the user, and is read by the input rule either way.
pub fn read_text(input: &Input, rel: &str) -> Result<String> {
    let bytes = input.read_named(rel).map_err(|refusal| {
        fail(match refusal.finding(rel) {
            Some(f) => messages::file_refused(rel, &f.message),
            None => messages::file_missing(rel),
        })
    })?;
    decode_text(rel, &bytes)
}

/// The text of bytes read from `rel`; a file that is not UTF-8 cannot be printed.
pub fn decode_text(rel: &str, bytes: &[u8]) -> Result<String> {
    match Source::decode(rel.to_owned(), bytes) {
        Ok(src) => Ok(src.text.to_owned()),
        Err(f) => Err(fail(messages::file_refused(rel, &f.message))),
    }
}

/// The `.ext` files directly in `dir`, sorted, as repository-relative paths; names that keep
/// a file from being read are findings.
fn list(root: &Path, dir: &str, ext: &str, findings: &mut Vec<Finding>) -> Vec<String> {
    let full = root.join(dir);
    if !std::fs::symlink_metadata(&full).is_ok_and(|m| m.is_dir()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(&full) {
        Ok(entries) => entries,
        Err(e) => {
            findings.extend(Refusal::Io(e).finding(dir));
            return out;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                findings.extend(Refusal::Io(e).finding(dir));
                continue;
            }
        };
        let name = entry.file_name();
        let rel = format!("{dir}/{}", name.to_string_lossy());
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        match file_name(&name, &rel) {
            Ok(Some(e)) if e == ext => out.push(rel),
            Ok(_) => {}
            Err(f) => findings.push(*f),
        }
    }
    out.sort();
    out
}

/// The directories directly under `system/` (subsystems), sorted, and jobs for standard
/// files lying directly in `system/`. A repository without `system/` is not one.
fn system_top(root: &Path, findings: &mut Vec<Finding>) -> Result<(Vec<PathBuf>, Vec<Job>)> {
    let system = root.join("system");
    if !std::fs::symlink_metadata(&system).is_ok_and(|m| m.is_dir()) {
        return Err(fail(messages::no_system_dir(root)));
    }
    let mut dirs = Vec::new();
    let mut files = Vec::new();
    let entries =
        std::fs::read_dir(&system).fail_with(|| words(messages::dir_unlistable(&system)))?;
    for entry in entries {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name();
        let rel = format!("system/{}", name.to_string_lossy());
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            match name.to_str() {
                Some(_) => dirs.push(entry.path()),
                None => findings.push(ignored(&rel, NameFault::NotUtf8)),
            }
            continue;
        }
        if kind.is_symlink() && entry.path().is_dir() {
            findings.extend(
                Refusal::Special("指向目录的符号链接", "a symlink to a directory").finding(&rel),
            );
            continue;
        }
        match file_name(&name, &rel) {
            Ok(Some(ext)) => files.push(Job::Standard {
                path: rel,
                kind: kind_of(ext),
            }),
            Ok(None) => {}
            Err(f) => findings.push(*f),
        }
    }
    dirs.sort();
    Ok((dirs, files))
}

/// The extension of a file the loader reads (`md` or `toml`), `None` for other files, a
/// finding for a name that keeps it from being read.
fn file_name(name: &std::ffi::OsStr, rel: &str) -> Result<Option<&'static str>, Box<Finding>> {
    let lossy = name.to_string_lossy();
    let Some((_, ext)) = lossy.rsplit_once('.') else {
        return Ok(None);
    };
    let wanted = ["md", "toml"]
        .into_iter()
        .find(|w| ext.eq_ignore_ascii_case(w));
    match wanted {
        None => Ok(None),
        Some(_) if name.to_str().is_none() => Err(Box::new(ignored(rel, NameFault::NotUtf8))),
        Some(w) if ext != w => Err(Box::new(ignored(rel, NameFault::Extension(w)))),
        Some(w) => Ok(Some(w)),
    }
}

fn kind_of(ext: &str) -> FileKind {
    if ext == "md" {
        FileKind::Markdown
    } else {
        FileKind::Toml
    }
}

enum NameFault {
    NotUtf8,
    Extension(&'static str),
}

fn ignored(rel: &str, fault: NameFault) -> Finding {
    let message = match fault {
        NameFault::NotUtf8 => messages::file_name_not_utf8(),
        NameFault::Extension(ext) => messages::file_extension_case(ext),
    };
    Finding::new(
        crate::finding::Code::FileIgnored,
        crate::finding::Location::new(rel.to_owned(), crate::finding::Pos::START),
        message,
    )
}

/// Walks one subsystem directory in sorted order, queueing categories and standards.
/// Directories with content but no `_index.md` are returned as categories without an index.
/// Symlinks to directories are never followed; what cannot be walked is a finding.
fn walk_system(
    root: &Path,
    start: &Path,
    jobs: &mut Vec<Job>,
    unindexed: &mut Vec<Category>,
    findings: &mut Vec<Finding>,
) {
    let walker = walkdir::WalkDir::new(start)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    let mut dirs: Vec<WalkedDir> = Vec::new();
    let mut by_path: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let rel = e
                    .path()
                    .map_or_else(|| relative(root, start), |p| relative(root, p));
                let io = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("loop"));
                findings.extend(Refusal::Io(io).finding(&rel));
                continue;
            }
        };
        let rel = relative(root, entry.path());
        let depth = entry.depth();
        let parent = rel.rsplit_once('/').map_or("", |(p, _)| p).to_owned();
        if entry.file_type().is_dir() {
            if entry.file_name().to_str().is_none() {
                findings.push(ignored(&rel, NameFault::NotUtf8));
                continue;
            }
            if let Some(&i) = by_path.get(&parent) {
                dirs[i].has_content = true;
            }
            by_path.insert(rel.clone(), dirs.len());
            dirs.push(WalkedDir {
                dir: rel,
                depth,
                has_index: false,
                has_content: false,
            });
            continue;
        }
        if entry.file_type().is_symlink() && entry.path().is_dir() {
            findings.extend(
                Refusal::Special("指向目录的符号链接", "a symlink to a directory").finding(&rel),
            );
            continue;
        }
        if entry.file_name() == "_index.md" {
            if let Some(&i) = by_path.get(&parent) {
                dirs[i].has_index = true;
            }
            continue;
        }
        let ext = match file_name(entry.file_name(), &rel) {
            Ok(Some(ext)) => ext,
            Ok(None) => continue,
            Err(f) => {
                findings.push(*f);
                continue;
            }
        };
        if let Some(&i) = by_path.get(&parent) {
            dirs[i].has_content = true;
        }
        jobs.push(Job::Standard {
            path: rel,
            kind: kind_of(ext),
        });
    }
    for d in dirs {
        if d.has_index {
            jobs.push(Job::Category {
                dir: d.dir,
                depth: d.depth,
            });
        } else if d.has_content {
            unindexed.push(Category {
                dir: d.dir,
                index: None,
                code: None,
                title: None,
                depth: d.depth,
            });
        }
    }
}

/// A directory met while walking `system/`.
struct WalkedDir {
    dir: String,
    depth: usize,
    has_index: bool,
    has_content: bool,
}

/// The repository-relative `/`-separated form of a walked path.
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// The source lines that findings point at, for the human report. Files that cannot be read
/// again simply have no snippet.
pub fn snippets(root: &Path, findings: &[Finding]) -> crate::finding::Snippets {
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
    let mut out = crate::finding::Snippets::new();
    let input = Input::new(root);
    for (path, lines) in wanted {
        let Ok(bytes) = input.read(path) else {
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
pub fn body(input: &Input, rel: &str) -> Result<(String, u32)> {
    let text = read_text(input, rel)?;
    let src = Source::new(rel.to_owned(), &text);
    Ok(match src.front_matter() {
        Some(fm) => (fm.body.to_owned(), fm.body_line),
        None => (text.clone(), 1),
    })
}

/// Chapters by path, with their text.
pub type Chapters = std::collections::BTreeMap<String, String>;
/// Chapters that could not be read, with the reason.
pub type Refused = std::collections::BTreeMap<String, crate::finding::Msg>;

/// The chapters named (by `check::dossier::chapter_names`), read through the input rule; those
/// it refuses or cannot decode, with the reason.
pub fn chapter_texts(root: &Path, names: &[String]) -> (Chapters, Refused) {
    let mut chapters = BTreeMap::new();
    let mut refused = BTreeMap::new();
    let input = Input::new(root);
    for name in names {
        if !name.ends_with(".md") || !input_plain(name) {
            continue;
        }
        match input.read_named(name) {
            // A chapter that is not UTF-8 cannot be printed: a finding, as a refused one.
            Ok(bytes) => match decode_text(name, &bytes) {
                Ok(text) => {
                    chapters.insert(name.clone(), text);
                }
                Err(e) => {
                    let why = messages::chapter_unread(
                        &crate::finding::describe_error(&e, crate::finding::Lang::Zh),
                        &crate::finding::describe_error(&e, crate::finding::Lang::En),
                    );
                    refused.insert(name.clone(), why);
                }
            },
            Err(refusal) => {
                if let Some(f) = refusal.finding(name) {
                    let why = messages::chapter_refused(name, &f.message);
                    refused.insert(name.clone(), why);
                }
            }
        }
    }
    (chapters, refused)
}

/// Markdown bodies by path, each with the line of its file it starts at.
pub type Bodies = BTreeMap<String, (String, u32)>;

/// What the dossier prints of the texts: the bodies of the centre standards that have one, and
/// of the audit reports.
pub fn printed_texts(input: &Input, repo: &Repository) -> Result<(Bodies, Bodies)> {
    use crate::model::Level;
    let mut texts = BTreeMap::new();
    for s in &repo.standards {
        if s.file == FileKind::Markdown
            && s.has_text
            && s.level.as_ref().is_some_and(|l| l.value == Level::Internal)
        {
            texts.insert(s.path.clone(), body(input, &s.path)?);
        }
    }
    let mut audits = BTreeMap::new();
    for a in &repo.records.audits {
        audits.insert(a.path.clone(), body(input, &a.path)?);
    }
    Ok((texts, audits))
}

/// Font files added to the PDF, with their SHA-256: a volume printed with fonts of the
/// user's machine says which (the default uses only the embedded fonts and lists none).
pub fn font_sums(root: &Path, files: &[std::path::PathBuf]) -> Result<Vec<(String, String)>> {
    use sha2::Digest as _;
    {
        let mut out = Vec::new();
        for path in files {
            let bytes = std::fs::read(path).fail_with(|| words(messages::font_unreadable(path)))?;
            // A font of the repository by its repository-relative path (the same on every
            // machine), one from --font-path as given.
            let shown = path.strip_prefix(root).unwrap_or(path);
            out.push((
                shown.display().to_string(),
                hex::encode(sha2::Sha256::digest(&bytes)),
            ));
        }
        Ok(out)
    }
}

/// The Markdown chapters under `dossier/`, sorted.
pub fn chapters(root: &Path) -> Vec<String> {
    list(root, "dossier", "md", &mut Vec::new())
}

/// Reads a repository file as bytes for inlining (pictures in the dossier); `None` unless the
/// input rule lets it be read.
pub fn asset(input: &Input, rel: &str) -> Option<Vec<u8>> {
    input.read_named(rel).ok()
}
