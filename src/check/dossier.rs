//! The dossier's own rules, met by `check` and by `dossier` before it compiles: sections that
//! cannot be printed (an unknown name, a chapter missing, refused or not UTF-8), and the
//! chapters' links and characters. Pure: over the repository and the chapters read for it.

use std::collections::BTreeMap;

use crate::finding::{Code, Finding, Location, Msg};
use crate::messages;
use crate::model::Repository;

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
    "changes",
];

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

        let message = if let Some(why) = refused.get(path) {
            why.clone()
        } else if !crate::load::input_plain(path) {
            messages::section_outside(path)
        } else if path.ends_with(".md") {
            messages::chapter_missing(path)
        } else {
            messages::section_unknown(path, SECTION_NAMES)
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
        findings.push(Finding::new(Code::DossierSection, at, message));
    }
    findings
}

/// The chapter files a volume prints, in its order: those `[dossier].sections` names, or all
/// of `dossier/*.md` (`found`) in the default order.
pub fn chapter_names(repo: &Repository, found: &[String]) -> Vec<String> {
    section_list(repo, found)
        .into_iter()
        .map(|(name, _)| name)
        .filter(|name| name.ends_with(".md"))
        .collect()
}

/// Every finding of the dossier's own rules: the sections, and the links and characters of
/// the chapters (those of standard texts and audit reports are met as they are loaded).
pub fn rules(
    repo: &Repository,
    chapters: &BTreeMap<String, String>,
    refused: &BTreeMap<String, Msg>,
) -> Vec<Finding> {
    let mut findings = section_findings(repo, chapters, refused);
    for (path, markdown) in chapters {
        super::links::outside(path, markdown, 1, &mut findings);
        if !crate::glyphs::all_embedded(markdown) {
            findings.extend(super::glyph::scan(path, markdown, &super::glyph::embedded));
        }
    }
    findings
}
