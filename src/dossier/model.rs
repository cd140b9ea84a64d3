//! The acceptance dossier as data: what `compile` builds and every writer (HTML, PDF, XLSX)
//! renders. No I/O and no formatting here.

use std::collections::BTreeMap;

use crate::model::{Audit, Date, Inspection, Survey, Training};
use crate::rates::CenterRates;
pub use crate::rates::MemberRates;
use crate::table::SystemTable;
use crate::tasks::Task;

/// The whole volume, in the order of `[dossier].sections`.
#[derive(Clone, Debug)]
pub struct Dossier {
    pub title: String,
    pub center: String,
    pub as_of: Date,
    /// Compiled from a repository with errors (`--draft`): every page says 草稿.
    pub draft: bool,
    /// The source commit (`git rev-parse HEAD`), if the repository is a git work tree.
    pub commit: Option<String>,
    /// Whether the work tree had uncommitted changes.
    pub dirty: bool,
    pub sections: Vec<Section>,
    /// The line of its file each Markdown body of a standard text or an audit report starts
    /// at (after the front matter), by path: where a message about the printed text points.
    pub body_lines: BTreeMap<String, u32>,
}

/// What the history section says when the repository has no git history (no repository, no
/// commit yet, or one git does not trust).
pub const NO_HISTORY: &str = "本标准库没有 git 提交历史，修订记录从略。";

/// One part of the volume. Every part but the cover and the contents has a heading that
/// appears in the contents and in the PDF outline.
#[derive(Clone, Debug)]
pub enum Section {
    Cover,
    Contents,
    /// A hand-written chapter from `dossier/*.md`: its Markdown, title taken from its first
    /// `# ` heading (else the file name).
    Chapter {
        title: String,
        path: String,
        markdown: String,
    },
    /// 标准体系表: structure diagram, detail table, statistics table.
    SystemTable(SystemTable),
    /// 指标: this centre's rates and each member's.
    Rates {
        center: CenterRates,
        members: Vec<MemberRates>,
    },
    /// 任务分解: standards not yet in force, by unit.
    Tasks(Vec<(Option<String>, Vec<Task>)>),
    /// 标准文本: the full text of every centre standard, in system-number order.
    Standards(Vec<StandardText>),
    Inspections(Vec<Inspection>),
    Trainings(Vec<Training>),
    Surveys(Vec<Survey>),
    /// 内审报告 with their Markdown bodies.
    Audits(Vec<(Audit, String)>),
    /// 修订记录: each standard's history from git.
    History(Vec<StandardHistory>),
}

impl Section {
    /// The heading of the section (Chinese), `None` for the cover.
    pub fn heading(&self) -> Option<String> {
        Some(match self {
            Section::Cover => return None,
            Section::Contents => "目录".to_owned(),
            Section::Chapter { title, .. } => title.clone(),
            Section::SystemTable(_) => "标准体系表".to_owned(),
            Section::Rates { .. } => "标准化工作指标".to_owned(),
            Section::Tasks(_) => "任务分解".to_owned(),
            Section::Standards(_) => "标准文本".to_owned(),
            Section::Inspections(_) => "监督检查记录".to_owned(),
            Section::Trainings(_) => "培训记录".to_owned(),
            Section::Surveys(_) => "满意度调查记录".to_owned(),
            Section::Audits(_) => "内审报告".to_owned(),
            Section::History(_) => "标准修订记录".to_owned(),
        })
    }
}

/// A centre standard's text for printing.
#[derive(Clone, Debug)]
pub struct StandardText {
    /// The standard's file, repository-relative.
    pub path: String,
    pub no: String,
    /// The code in printed form (`Q/AQZW 10102—2014`), if it has one.
    pub code: Option<String>,
    pub title: String,
    /// The standard's status: a draft or a trial is marked as such.
    pub status: Option<crate::model::Status>,
    pub published: Option<Date>,
    pub effective: Option<Date>,
    /// The Markdown body (after the front matter), GB/T 1.1 chapters as `##` headings.
    pub markdown: String,
}

impl StandardText {
    /// The head of standard `s` with its text `markdown`.
    pub fn of(s: &crate::model::Standard, markdown: String) -> StandardText {
        StandardText {
            path: s.path.clone(),
            no: s.no_written(),
            code: s.code.as_ref().map(|c| c.code.printed()),
            title: s.title.clone().unwrap_or_default(),
            status: s.status.as_ref().map(|x| x.value),
            published: s.published.as_ref().map(|d| d.value),
            effective: s.effective.as_ref().map(|d| d.value),
            markdown,
        }
    }
}

pub use crate::history::StandardHistory;
pub use crate::model::{Commit, Revision};
