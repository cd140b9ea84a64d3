//! Gathers the volume from a loaded repository and the texts and history handed to it. Pure.

use std::collections::BTreeMap;

use super::model::{Dossier, MemberRates, Section, StandardText};
pub use crate::check::dossier::{SECTION_NAMES, section_list};
use crate::model::{Date, Level, Repository, Standard};
use crate::rates::CenterRates;

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
    /// The section `changes`: its title and Markdown (the changes since `changes-since`), or
    /// `None` when `changes-since` is not set.
    pub changes: Option<(String, String)>,
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
                // By date, then by system number (as a number), then as written.
                let key = |i: &crate::model::Inspection| {
                    (
                        i.date.value,
                        i.standard.no.clone(),
                        i.standard.written.value.clone(),
                    )
                };
                v.sort_by_cached_key(key);
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
            "history" => Section::History(crate::history::build(
                repo,
                &inputs.history,
                inputs.as_of,
                None,
            )),
            "changes" => {
                // The volume is in Chinese, as its other sections.
                let (title, markdown) = inputs.changes.clone().unwrap_or_else(|| {
                    let m = crate::messages::dossier_no_changes_since();
                    (
                        crate::dossier::view::CHANGES.to_owned(),
                        format!("{}\n", m.zh),
                    )
                });
                Section::Chapter {
                    title,
                    path: "changes".to_owned(),
                    markdown,
                }
            }
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
        .map(|s| StandardText::of(s, texts[&s.path].0.clone()))
        .collect()
}
