//! Gathers the volume from a loaded repository and the texts and history handed to it. Pure.

use std::collections::BTreeMap;

use super::model::{Dossier, MemberRates, Section, StandardHistory, StandardText};
use crate::finding::{Code, Finding, Location, Msg};
use crate::model::{Date, Level, Repository, Standard};
use crate::rates::CenterRates;

/// The section names of `[dossier].sections` (besides `dossier/*.md` paths).
pub const SECTION_NAMES: &[&str] = &[
    "cover",
    "contents",
    "system-table",
    "rates",
    "tasks",
    "standards",
    "inspections",
    "trainings",
    "surveys",
    "audits",
    "history",
];

/// Everything `compile` needs besides the repository: read by the loader beforehand.
pub struct Inputs<'a> {
    pub repo: &'a Repository,
    pub as_of: Date,
    /// The repository has errors: every page is marked as a draft.
    pub draft: bool,
    pub commit: Option<String>,
    pub dirty: bool,
    /// Markdown of `dossier/*.md` chapters, by repository-relative path.
    pub chapters: BTreeMap<String, String>,
    /// Markdown bodies of centre standards by path, with the line the body starts at.
    pub texts: BTreeMap<String, (String, u32)>,
    /// Markdown bodies of audit reports by path, with the line the body starts at.
    pub audits: BTreeMap<String, (String, u32)>,
    /// Commits per standard path, newest first.
    pub history: BTreeMap<String, Vec<super::Commit>>,
    pub rates: CenterRates,
    pub members: Vec<MemberRates>,
}

/// The sections to print: `[dossier].sections`, or the default order of DOMAIN.md.
pub fn section_list(
    repo: &Repository,
    chapters: &[String],
) -> Vec<(String, Option<crate::finding::Pos>)> {
    if !repo.manifest.dossier.sections.is_empty() {
        return repo
            .manifest
            .dossier
            .sections
            .iter()
            .map(|s| (s.value.clone(), Some(s.pos)))
            .collect();
    }
    let mut list: Vec<(String, Option<crate::finding::Pos>)> = ["cover", "contents"]
        .iter()
        .map(|s| (s.to_string(), None))
        .collect();
    list.extend(chapters.iter().map(|c| (c.clone(), None)));
    for s in [
        "system-table",
        "standards",
        "trainings",
        "inspections",
        "audits",
        "surveys",
        "rates",
        "tasks",
        "history",
    ] {
        list.push((s.to_owned(), None));
    }
    list
}

pub fn compile(inputs: Inputs<'_>) -> Dossier {
    let repo = inputs.repo;
    let chapter_paths: Vec<String> = inputs.chapters.keys().cloned().collect();
    let mut sections = Vec::new();
    for (name, _) in section_list(repo, &chapter_paths) {
        let section = match name.as_str() {
            "cover" => Section::Cover,
            "contents" => Section::Contents,
            "system-table" => Section::SystemTable(crate::table::build(repo)),
            "rates" => Section::Rates {
                center: inputs.rates.clone(),
                members: inputs.members.clone(),
            },
            "tasks" => Section::Tasks(crate::tasks::build(repo, inputs.as_of)),
            "standards" => Section::Standards(standard_texts(repo, &inputs.texts)),
            "inspections" => {
                let mut v = repo.records.inspections.clone();
                v.sort_by(|a, b| {
                    (a.date.value, &a.standard.value).cmp(&(b.date.value, &b.standard.value))
                });
                Section::Inspections(v)
            }
            "trainings" => {
                let mut v = repo.records.trainings.clone();
                v.sort_by(|a, b| (a.date.value, &a.topic).cmp(&(b.date.value, &b.topic)));
                Section::Trainings(v)
            }
            "surveys" => {
                let mut v = repo.records.surveys.clone();
                v.sort_by_key(|s| (s.from.value, s.to.value));
                Section::Surveys(v)
            }
            "audits" => {
                let mut v: Vec<_> = repo
                    .records
                    .audits
                    .iter()
                    .map(|a| {
                        (
                            a.clone(),
                            inputs
                                .audits
                                .get(&a.path)
                                .map(|b| b.0.clone())
                                .unwrap_or_default(),
                        )
                    })
                    .collect();
                v.sort_by(|a, b| (a.0.date, &a.0.path).cmp(&(b.0.date, &b.0.path)));
                Section::Audits(v)
            }
            // Without a commit there is no history to tell: the section says so in one line
            // instead of a row per standard.
            "history" if inputs.commit.is_none() => Section::History(Vec::new()),
            "history" => Section::History(history(repo, &inputs.history, inputs.as_of)),
            path => match inputs.chapters.get(path) {
                Some(markdown) => Section::Chapter {
                    title: chapter_title(path, markdown),
                    path: path.to_owned(),
                    markdown: markdown.clone(),
                },
                // Reported by `section_findings`; a draft leaves it out.
                None => continue,
            },
        };
        sections.push(section);
    }
    Dossier {
        title: repo.manifest.dossier.title.clone().unwrap_or_else(|| {
            format!(
                "{}标准化建设验收材料汇编",
                repo.manifest.center.clone().unwrap_or_default()
            )
        }),
        center: repo.manifest.center.clone().unwrap_or_default(),
        as_of: inputs.as_of,
        draft: inputs.draft,
        commit: inputs.commit,
        dirty: inputs.dirty,
        sections,
        body_lines: inputs
            .texts
            .iter()
            .chain(&inputs.audits)
            .map(|(path, (_, line))| (path.clone(), *line))
            .collect(),
    }
}

/// One `dossier/section` error per section of `[dossier].sections` that cannot be printed: an
/// unknown name, a chapter file that is missing or that the input rule refused to read.
pub fn section_findings(
    repo: &Repository,
    chapters: &BTreeMap<String, String>,
    refused: &BTreeMap<String, Msg>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    // The chapters found under `dossier/`: those read and those refused.
    let mut chapter_paths: Vec<String> = chapters.keys().chain(refused.keys()).cloned().collect();
    chapter_paths.sort();
    chapter_paths.dedup();
    for (path, pos) in section_list(repo, &chapter_paths) {
        let path = path.as_str();
        if SECTION_NAMES.contains(&path) || chapters.contains_key(path) {
            continue;
        }

        let (zh, en) = if let Some(why) = refused.get(path) {
            (why.zh.clone(), why.en.clone())
        } else if !crate::load::input_plain(path) {
            (
                format!("汇编章节 `{path}` 不在标准库之内（或在隐藏目录中），拒绝读取"),
                format!(
                    "dossier section `{path}` lies outside the repository (or in a \
                                 hidden folder); refused"
                ),
            )
        } else if path.ends_with(".md") {
            (
                format!("汇编章节文件 `{path}` 不存在"),
                format!("dossier chapter `{path}` does not exist"),
            )
        } else {
            let known = SECTION_NAMES.join("`, `");
            (
                format!("无法识别的汇编章节 `{path}`，可用 `{known}` 或 dossier/ 下的 .md 文件"),
                format!(
                    "unknown dossier section `{path}`; expected `{known}` or a .md file under dossier/"
                ),
            )
        };
        // An entry of `[dossier].sections` where it is written; a chapter of the default
        // order at its own file.
        let at = match pos {
            Some(pos) => Location::new(crate::load::MANIFEST, pos),
            None if path.ends_with(".md") => {
                Location::new(path.to_owned(), crate::finding::Pos::START)
            }
            None => Location::new(crate::load::MANIFEST, crate::finding::Pos::START),
        };
        findings.push(Finding::new(Code::DossierSection, at, Msg::new(zh, en)));
    }
    findings
}

/// The title of a chapter: its first `# ` heading, else its file name without the number.
fn chapter_title(path: &str, markdown: &str) -> String {
    markdown
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .map(|t| t.trim().to_owned())
        .unwrap_or_else(|| {
            let stem = path
                .rsplit('/')
                .next()
                .unwrap_or(path)
                .trim_end_matches(".md");
            stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-')
                .to_owned()
        })
}

fn in_order(repo: &Repository) -> Vec<&Standard> {
    let mut v: Vec<&Standard> = repo.standards.iter().collect();
    v.sort_by(|a, b| (a.system_no(), &a.path).cmp(&(b.system_no(), &b.path)));
    v
}

fn standard_texts(repo: &Repository, texts: &BTreeMap<String, (String, u32)>) -> Vec<StandardText> {
    in_order(repo)
        .into_iter()
        .filter(|s| {
            s.level.as_ref().map(|l| l.value) == Some(Level::Internal)
                && texts.contains_key(&s.path)
        })
        .map(|s| StandardText {
            path: s.path.clone(),
            no: s.no.as_ref().map(|n| n.value.clone()).unwrap_or_default(),
            code: s.code.as_ref().map(|c| c.code.printed()),
            title: s.title.clone().unwrap_or_default(),
            status: s.status.as_ref().map(|x| x.value),
            published: s.published.as_ref().map(|d| d.value),
            effective: s.effective.as_ref().map(|d| d.value),
            markdown: texts[&s.path].0.clone(),
        })
        .collect()
}

/// Each standard's commits on or before the as-of date: a volume dated 2014-12-31 tells the
/// history up to that day, not what was committed since.
fn history(
    repo: &Repository,
    log: &BTreeMap<String, Vec<super::Commit>>,
    as_of: Date,
) -> Vec<StandardHistory> {
    let until = as_of.to_string();
    in_order(repo)
        .into_iter()
        .map(|s| StandardHistory {
            no: s.no.as_ref().map(|n| n.value.clone()).unwrap_or_default(),
            title: s.title.clone().unwrap_or_default(),
            commits: log
                .get(&s.path)
                .map(|commits| {
                    commits
                        .iter()
                        // `--date=short` dates compare as text.
                        .filter(|c| c.date.as_str() <= until.as_str())
                        .cloned()
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::Commit;
    use crate::finding::Pos;
    use crate::model::{At, FileKind};

    #[test]
    fn history_ends_at_the_as_of_date() {
        let mut repo = Repository::default();
        let mut s = Standard::unreadable("system/1/101/101-01.md".into(), FileKind::Markdown);
        s.no = Some(At::new("101-01".into(), Pos::START));
        repo.standards.push(s);
        let commit = |date: &str| Commit {
            date: date.into(),
            author: "王芳".into(),
            subject: format!("修订 {date}"),
        };
        let log = BTreeMap::from([(
            "system/1/101/101-01.md".to_owned(),
            vec![
                commit("2026-12-01"),
                commit("2014-12-31"),
                commit("2014-03-01"),
            ],
        )]);
        let h = history(&repo, &log, "2014-12-31".parse().unwrap());
        let dates: Vec<&str> = h[0].commits.iter().map(|c| c.date.as_str()).collect();
        assert_eq!(dates, ["2014-12-31", "2014-03-01"]);
        let none = history(&repo, &log, "2013-12-31".parse().unwrap());
        assert!(none[0].commits.is_empty());
    }
}
