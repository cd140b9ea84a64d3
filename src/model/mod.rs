//! The loaded standards repository as pure data: no I/O, no rules. Built by `load`,
//! read by `check`, `rates`, `table`, `tasks` and `dossier`.

pub mod code;
pub mod enums;
pub mod index;
pub mod sysno;
#[cfg(test)]
pub mod testing;

use std::path::PathBuf;

pub use code::{CodeKind, StdCode};
pub use enums::{CenterLevel, Kind, Level, Origin, Outcome, Status};
pub use index::{NoRef, NumberIndex};
pub use jiff::civil::Date;
pub use sysno::SystemNo;

use crate::finding::{Location, Pos};

/// A value with the position it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct At<T> {
    pub value: T,
    pub pos: Pos,
}

impl<T> At<T> {
    pub fn new(value: T, pos: Pos) -> Self {
        At { value, pos }
    }
}

/// A code as written, parsed, with whether it was written canonically.
#[derive(Clone, Debug)]
pub struct CodeRef {
    pub code: StdCode,
    pub written: String,
    pub pos: Pos,
}

/// Everything loaded from one standards repository.
#[derive(Clone, Debug, Default)]
pub struct Repository {
    /// The directory holding `stdkit.toml`.
    pub root: PathBuf,
    pub manifest: Manifest,
    /// Categories, sorted by path.
    pub categories: Vec<Category>,
    /// Standards, sorted by path.
    pub standards: Vec<Standard>,
    pub scope: Scope,
    pub records: Records,
    /// The standards by system number, built on first use (a loaded repository does not
    /// change).
    pub numbers: std::sync::OnceLock<NumberIndex>,
}

impl Repository {
    /// The one index of system numbers, current and former, that references resolve
    /// through.
    pub fn numbers(&self) -> &NumberIndex {
        self.numbers
            .get_or_init(|| NumberIndex::of(&self.standards))
    }
}

/// `stdkit.toml`. Fields that failed to load are `None`, never defaults in disguise.
#[derive(Clone, Debug, Default)]
pub struct Manifest {
    /// Whether `stdkit.toml` parsed: rules about its sections only apply when it did.
    pub parsed: bool,
    pub center: Option<String>,
    pub level: CenterLevel,
    pub internal_prefix: Option<String>,
    pub seq_width: u8,
    pub targets: Targets,
    pub period: Option<Period>,
    pub dossier: DossierConfig,
    pub members: Vec<At<String>>,
}

/// The plan's targets (defaults are the plan's figures).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Targets {
    pub coverage: f64,
    pub implementation: f64,
    pub training: f64,
    pub satisfaction: f64,
    pub member_acceptance: f64,
}

impl Default for Targets {
    fn default() -> Self {
        Targets {
            coverage: 0.90,
            implementation: 0.95,
            training: 0.95,
            satisfaction: 0.98,
            member_acceptance: 0.80,
        }
    }
}

/// The evaluation period of the records, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    pub fn contains(&self, d: Date) -> bool {
        self.from <= d && d <= self.to
    }

    pub fn overlaps(&self, from: Date, to: Date) -> bool {
        from <= self.to && self.from <= to
    }
}

#[derive(Clone, Debug, Default)]
pub struct DossierConfig {
    pub title: Option<String>,
    pub sections: Vec<At<String>>,
    /// Font directories the PDF uses besides the embedded fonts, relative to the repository.
    pub fonts: Vec<String>,
    /// `changes-since`: the git revision the section `changes` compares the system with.
    pub changes_since: Option<String>,
}

/// A directory under `system/` with `_index.md`.
#[derive(Clone, Debug)]
pub struct Category {
    /// Repository-relative path of the directory.
    pub dir: String,
    /// Repository-relative path of `_index.md`; `None` for a directory without one.
    pub index: Option<String>,
    pub code: Option<At<String>>,
    pub title: Option<String>,
    /// Nesting depth under `system/` (a subsystem is 0).
    pub depth: usize,
}

/// The body kind of a standard file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Markdown,
    Toml,
}

/// One standard: metadata only; its text is linted at load and read again when printed.
#[derive(Clone, Debug)]
pub struct Standard {
    pub path: String,
    pub file: FileKind,
    /// Position of the first line of the metadata (for file-level findings).
    pub head: Pos,
    /// `no`, as written and parsed once (set with [`Standard::set_no`]).
    pub no: Option<NoRef>,
    pub title: Option<String>,
    pub level: Option<At<Level>>,
    pub origin: Option<At<Origin>>,
    pub status: Option<At<Status>>,
    pub code: Option<CodeRef>,
    /// The key `code` is present but does not parse.
    pub code_invalid: bool,
    pub kind: Option<Kind>,
    pub unit: Option<String>,
    pub owner: Option<String>,
    pub due: Option<At<Date>>,
    pub published: Option<At<Date>>,
    pub effective: Option<At<Date>>,
    pub replaces: Vec<CodeRef>,
    pub references: Vec<CodeRef>,
    pub covers: Covers,
    pub formerly: Vec<NoRef>,
    /// The standard's own 修订记录 (`[[revision]]`), as written.
    pub revisions: Vec<Revision>,
    /// Whether the Markdown body has any text.
    pub has_text: bool,
}

impl Standard {
    pub fn location(&self, pos: Pos) -> Location {
        Location::new(self.path.clone(), pos)
    }

    /// Repository-relative path of the containing directory.
    pub fn dir(&self) -> &str {
        self.path.rsplit_once('/').map_or("", |(dir, _)| dir)
    }

    /// `no` as written (empty when it is missing): what tables and the volume print.
    pub fn no_written(&self) -> String {
        self.no
            .as_ref()
            .map(|n| n.written.value.clone())
            .unwrap_or_default()
    }

    /// The parsed system number, when it parses.
    pub fn system_no(&self) -> Option<&SystemNo> {
        self.no.as_ref()?.no.as_ref()
    }

    /// Sets `no` as written, and its parsed form.
    pub fn set_no(&mut self, no: Option<At<String>>) {
        self.no = no.map(NoRef::new);
    }

    /// The system number the file name starts with (`101-02-首问负责制.md`), if any: what a
    /// standard whose own `no` is missing or unreadable still answers to.
    pub fn file_no(&self) -> Option<SystemNo> {
        let name = self.path.rsplit('/').next().unwrap_or("");
        let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
        let category = digits(name);
        let rest = name.get(category..)?.strip_prefix('-')?;
        let seq = digits(rest);
        if category == 0 || seq == 0 {
            return None;
        }
        format!("{}-{}", &name[..category], &rest[..seq])
            .parse()
            .ok()
    }

    /// A standard file whose metadata could not be read.
    pub fn unreadable(path: String, file: FileKind) -> Standard {
        Standard {
            path,
            file,
            head: Pos::START,
            no: None,
            title: None,
            level: None,
            origin: None,
            status: None,
            code: None,
            code_invalid: false,
            kind: None,
            unit: None,
            owner: None,
            due: None,
            published: None,
            effective: None,
            replaces: Vec::new(),
            references: Vec::new(),
            covers: Covers::default(),
            formerly: Vec::new(),
            revisions: Vec::new(),
            has_text: false,
        }
    }

    pub fn status(&self) -> Option<Status> {
        self.status.as_ref().map(|s| s.value)
    }

    pub fn in_force(&self) -> bool {
        self.status().is_some_and(Status::in_force)
    }
}

/// `[covers]` of a standard.
#[derive(Clone, Debug, Default)]
pub struct Covers {
    pub posts: Vec<At<String>>,
    pub services: Vec<At<String>>,
    pub assets: Vec<At<String>>,
}

/// The three scope registries.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    pub posts: ScopeFile,
    pub services: ScopeFile,
    pub assets: ScopeFile,
}

/// One of `scope/posts.toml`, `scope/services.toml`, `scope/assets.toml`.
#[derive(Clone, Debug, Default)]
pub struct ScopeFile {
    pub path: String,
    pub items: Vec<ScopeItem>,
}

#[derive(Clone, Debug)]
pub struct ScopeItem {
    pub id: At<String>,
    pub name: String,
    pub unit: Option<String>,
    /// Reading the entry gave a finding (its name is missing, say): its id still resolves,
    /// but the rates leave it out.
    pub faulty: bool,
}

/// Evidence of implementation.
#[derive(Clone, Debug, Default)]
pub struct Records {
    pub staff_path: String,
    pub staff: Vec<Staff>,
    pub inspections: Vec<Inspection>,
    pub trainings: Vec<Training>,
    pub surveys: Vec<Survey>,
    pub audits: Vec<Audit>,
    /// Entries of scope and record files that could not be read as a record (a required value
    /// missing or blank, a value that breaks a rule): reported by the loader, counted by the
    /// rates among the records they leave out.
    pub left_out: u64,
}

impl Records {
    pub fn is_empty(&self) -> bool {
        self.staff.is_empty()
            && self.inspections.is_empty()
            && self.trainings.is_empty()
            && self.surveys.is_empty()
            && self.audits.is_empty()
    }
}

#[derive(Clone, Debug)]
pub struct Staff {
    pub id: At<String>,
    pub name: String,
    pub unit: Option<String>,
    pub post: Option<At<String>>,
    /// Reading the entry gave a finding: its id still resolves, but the rates leave it out.
    pub faulty: bool,
}

/// A record file's path, shared by all the entries read from it.
pub type SharedPath = std::sync::Arc<str>;

#[derive(Clone, Debug)]
pub struct Inspection {
    pub path: SharedPath,
    pub head: Pos,
    pub date: At<Date>,
    pub standard: NoRef,
    pub inspector: String,
    pub result: Outcome,
    pub finding: Option<String>,
    pub rectified: Option<At<Date>>,
}

#[derive(Clone, Debug)]
pub struct Training {
    pub path: SharedPath,
    pub head: Pos,
    pub date: At<Date>,
    pub topic: String,
    pub standards: Vec<NoRef>,
    pub attendees: Vec<At<String>>,
}

/// The largest count a survey may hold, and the largest sum of counts the rules accept:
/// 2⁵³ − 1, the largest integer a rate's value (a double) holds exactly.
pub const MAX_COUNT: u64 = (1 << 53) - 1;

/// The most survey responses a repository's surveys may add up to: far above a centre's years
/// of evaluations, and a bound on the satisfaction rate's list of what it leaves out (one entry
/// per unsatisfied response), so that a few bytes of records cannot ask for gigabytes.
pub const MAX_RESPONSES: u64 = 10_000_000;

#[derive(Clone, Debug)]
pub struct Survey {
    pub path: SharedPath,
    pub head: Pos,
    pub from: At<Date>,
    pub to: At<Date>,
    pub method: String,
    pub responses: At<u64>,
    pub satisfied: At<u64>,
}

#[derive(Clone, Debug)]
pub struct Audit {
    pub path: String,
    pub title: String,
    pub date: Date,
    pub auditors: Vec<String>,
}

/// The one set of Markdown extensions every Markdown reader of the project uses.
pub fn markdown_options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options;
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// One commit of a file's history: `git log --date=short` fields, the author through the
/// mailmap, and whether the commit only reformatted the file (a change of whitespace).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Commit {
    pub hash: String,
    pub date: String,
    pub author: String,
    pub subject: String,
    pub reformat: bool,
}

/// One row of a standard's own 修订记录 (`[[revision]]`: 版本, 日期, 说明); a value that did
/// not load is `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Revision {
    pub version: Option<String>,
    pub date: Option<Date>,
    pub note: Option<String>,
}

/// The manifest of a repository, at its root.
pub const MANIFEST: &str = "stdkit.toml";

/// A member centre of `[[member]]`: its path as written, and its repository as loaded, or why
/// it could not be.
#[derive(Debug)]
pub struct Member {
    pub path: String,
    pub repo: Result<Repository, String>,
}
