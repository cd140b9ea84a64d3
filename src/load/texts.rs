//! The texts the dossier reads again through the input rule: chapters, the bodies of the
//! printed standards and audit reports, and pictures.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Result;

use super::walk::list;
use super::{Input, Source, fail, input_plain};
use crate::messages;
use crate::model::{FileKind, Repository};

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

/// The Markdown chapters under `dossier/`, sorted.
pub fn chapters(root: &Path) -> Vec<String> {
    list(root, "dossier", "md", &mut Vec::new())
}

/// Reads a repository file as bytes for inlining (pictures in the dossier); `None` unless the
/// input rule lets it be read.
pub fn asset(input: &Input, rel: &str) -> Option<Vec<u8>> {
    input.read_named(rel).ok()
}
