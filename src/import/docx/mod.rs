//! `stdkit import FILE.docx`: a centre standard's Word file (GB/T 1.1, often written with a
//! standard-writing template) becomes a Markdown standard of the repository.
//!
//! The stages: [`read`] takes the bytes of the file the user named (the one input step);
//! [`parse`] opens the package (`package`, capped), reads its XML (`xml`, depth-capped) into
//! styles, numbering and blocks (`word`); `markdown` turns the blocks into the repository's
//! Markdown and `cover` reads the cover; `plan` decides the system number, the category and
//! the front matter, and adds the files to an `edit::Changeset`. Everything after `read` is
//! pure.
//!
//! The reader is `zip` + `quick-xml` rather than a docx crate: the parts are inflated through
//! a capped reader and only those the conversion needs are kept.

pub mod cover;
pub mod markdown;
pub mod package;
pub mod plan;
pub mod word;
pub mod xml;

use std::collections::HashMap;
use std::path::Path;

use crate::finding::Msg;
use crate::messages;

use package::{Package, PackageError};
use word::{Block, Numbering};

/// Reads the bytes of a Word file the user named: a regular file, at most
/// `package::MAX_FILE` bytes.
pub fn read(path: &Path) -> Result<Vec<u8>, Msg> {
    use std::io::Read;
    let file = path.display().to_string();
    let why = |e: std::io::Error| messages::import_unreadable(&file, &e.to_string());
    let f = std::fs::File::open(path).map_err(why)?;
    let meta = f.metadata().map_err(why)?;
    if !meta.is_file() {
        return Err(messages::import_unreadable(&file, "not a regular file"));
    }
    if meta.len() > package::MAX_FILE {
        return Err(messages::import_too_large(&file, package::MAX_FILE >> 20));
    }
    let mut bytes = Vec::new();
    f.take(package::MAX_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(why)?;
    if bytes.len() as u64 > package::MAX_FILE {
        return Err(messages::import_too_large(&file, package::MAX_FILE >> 20));
    }
    Ok(bytes)
}

/// Reads, converts and plans the import of one Word file the user named.
pub fn import(
    path: &Path,
    repo: &crate::model::Repository,
    opts: &plan::Options<'_>,
    source: &dyn Fn(&str) -> Result<Vec<u8>, Msg>,
    planned: &mut plan::Planned,
    set: &mut crate::edit::Changeset,
) -> Result<plan::Imported, Msg> {
    let file = path.display().to_string();
    let bytes = read(path)?;
    let parsed = parse(&file, &bytes)?;
    plan::plan(repo, &file, &parsed, opts, source, planned, set)
}

/// A Word file read into blocks.
pub struct Parsed {
    pub package: Package,
    pub blocks: Vec<Block>,
    pub numbering: Numbering,
    /// Relationship id → media part (`word/media/image1.png`).
    pub media: HashMap<String, String>,
}

impl Parsed {
    pub fn document(&self) -> markdown::Document<'_> {
        markdown::Document {
            blocks: &self.blocks,
            numbering: &self.numbering,
            media: &self.media,
        }
    }
}

/// Opens the bytes of the Word file `file` (named in every message).
pub fn parse(file: &str, bytes: &[u8]) -> Result<Parsed, Msg> {
    let package = package::open(bytes).map_err(|e| match e {
        PackageError::OldWord => messages::import_old_word(file),
        PackageError::NotZip(why) => messages::import_not_docx(file, &why),
        PackageError::NoDocument => messages::import_not_docx(file, "no word/document.xml"),
        PackageError::TooManyEntries => messages::import_not_docx(file, "too many entries"),
        PackageError::TooLarge(part) => messages::import_part_too_large(file, &part),
        PackageError::NotUtf8(part) => messages::import_bad_xml(file, &part, "not UTF-8"),
    })?;
    let xml = |part: &str, text: &str| {
        xml::parse(text).map_err(|e| {
            let why = match e {
                xml::XmlError::Syntax(s) => s,
                xml::XmlError::TooDeep => format!("nested deeper than {}", xml::MAX_DEPTH),
            };
            messages::import_bad_xml(file, part, &why)
        })
    };
    let document = xml("word/document.xml", &package.document)?;
    let styles = match &package.styles {
        Some(s) => word::Styles::parse(&xml("word/styles.xml", s)?),
        None => word::Styles::default(),
    };
    let numbering = match &package.numbering {
        Some(s) => Numbering::parse(&xml("word/numbering.xml", s)?),
        None => Numbering::default(),
    };
    let rels = match &package.rels {
        Some(s) => word::relationships(&xml("word/_rels/document.xml.rels", s)?),
        None => HashMap::new(),
    };
    let media = rels
        .into_iter()
        .filter_map(|(id, target)| {
            let part = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_owned(),
                None => format!("word/{}", target.trim_start_matches("./")),
            };
            package.media.contains_key(&part).then_some((id, part))
        })
        .collect();
    let blocks = word::blocks(&document, &styles);
    Ok(Parsed {
        package,
        blocks,
        numbering,
        media,
    })
}

/// The Word files in a directory the user named, sorted by name: `*.docx`, not Word's
/// lock files (`~$…`) nor hidden files. An old `.doc` in it is not skipped silently: it is
/// returned too, and its import says how to convert it.
pub fn list(dir: &Path) -> Result<Vec<std::path::PathBuf>, Msg> {
    let shown = dir.display().to_string();
    let entries =
        std::fs::read_dir(dir).map_err(|e| messages::import_unreadable(&shown, &e.to_string()))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| messages::import_unreadable(&shown, &e.to_string()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let lower = name.to_lowercase();
        if name.starts_with("~$") || name.starts_with('.') {
            continue;
        }
        if (lower.ends_with(".docx") || lower.ends_with(".doc"))
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            files.push(entry.path());
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(messages::import_empty_dir(&shown));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use proptest::prelude::*;

    /// Pieces of WordprocessingML, some broken, that the fuzzer strings together.
    fn fragment() -> impl Strategy<Value = String> {
        let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
        prop_oneof![
            8 => Just("<w:p><w:pPr><w:pStyle w:val=\"1\"/></w:pPr><w:r><w:t>范围</w:t></w:r></w:p>".to_owned()),
            8 => Just(p("附录A") + &p("（规范性）")),
            8 => Just("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"9\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>项</w:t></w:r></w:p>".to_owned()),
            8 => Just("<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"99999\"/><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>".to_owned()),
            8 => Just("<w:p><w:r><w:drawing><a:blip r:embed=\"rId1\"/></w:drawing></w:r></w:p>".to_owned()),
            8 => Just("<w:sdt><w:sdtContent><w:p/></w:sdtContent></w:sdt>".to_owned()),
            40 => "[0-9A-Z.．附录（）规范性 a)1)——注：目次前言\t]{0,12}".prop_map(move |t| p(&t)),
            1 => Just("<w:p>".to_owned()),
            1 => "[<>&/\"a-z:= ]{0,8}",
        ]
    }

    fn docx(document: &str) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default();
        w.start_file("word/document.xml", opts).unwrap();
        w.write_all(document.as_bytes()).unwrap();
        w.start_file("word/_rels/document.xml.rels", opts).unwrap();
        w.write_all(b"<Relationships><Relationship Id=\"rId1\" Target=\"media/image1.png\"/></Relationships>").unwrap();
        w.start_file("word/media/image1.png", opts).unwrap();
        w.write_all(b"png").unwrap();
        w.finish().unwrap();
        out.into_inner()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever the document holds, reading and converting it never panics, and the text
        /// starts with its title.
        #[test]
        fn any_document_converts_without_panicking(parts in prop::collection::vec(fragment(), 0..40)) {
            let xml = format!(
                "<w:document xmlns:w=\"w\" xmlns:r=\"r\" xmlns:a=\"a\"><w:body>{}</w:body></w:document>",
                parts.concat()
            );
            if let Ok(parsed) = super::parse("f.docx", &docx(&xml)) {
                let doc = parsed.document();
                let _ = doc.cover();
                let md = doc.markdown("标题", "d");
                prop_assert!(md.text.starts_with("# 标题\n"));
            }
        }
    }
}
