//! The parts of a Word file: a `.docx` is a zip archive of XML parts and media. Each entry is
//! inflated through a capped reader (a zip bomb stops at the cap, not at the disk), the
//! number of entries is capped, and only the parts the conversion uses are kept.

use std::collections::BTreeMap;
use std::io::Read;

/// The first bytes of an OLE compound file: an old binary `.doc` (or an encrypted `.docx`).
pub const OLE_SIGNATURE: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];
/// A Word file larger than this is not read.
pub const MAX_FILE: u64 = 64 << 20;
/// Entries in the archive beyond this many are refused.
pub const MAX_ENTRIES: usize = 4096;
/// One XML part inflated beyond this is refused (the document.xml of a long standard is a
/// few megabytes; its element tree takes several times its size).
pub const MAX_PART: u64 = 16 << 20;
/// All media inflated together beyond this is refused.
pub const MAX_MEDIA: u64 = 64 << 20;

/// The parts of one Word file the conversion reads.
#[derive(Clone, Debug, Default)]
pub struct Package {
    pub document: String,
    pub styles: Option<String>,
    pub numbering: Option<String>,
    /// `word/_rels/document.xml.rels`.
    pub rels: Option<String>,
    /// `word/media/*` by part name (`word/media/image1.png`).
    pub media: BTreeMap<String, Vec<u8>>,
}

/// Why the bytes are not a Word file we read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackageError {
    /// An old binary Word file (OLE), to convert first.
    OldWord,
    NotZip(String),
    NoDocument,
    TooManyEntries,
    /// The part inflates beyond its cap.
    TooLarge(String),
    NotUtf8(String),
}

/// Opens a Word file's bytes.
pub fn open(bytes: &[u8]) -> Result<Package, PackageError> {
    if bytes.starts_with(&OLE_SIGNATURE) {
        return Err(PackageError::OldWord);
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| PackageError::NotZip(e.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(PackageError::TooManyEntries);
    }
    let mut package = Package::default();
    let mut found = false;
    let mut media_total = 0u64;
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| PackageError::NotZip(e.to_string()))?;
        let name = entry
            .name()
            .map_err(|e| PackageError::NotZip(e.to_string()))?
            .into_owned();
        let text_slot = match name.as_str() {
            "word/document.xml" => Some(0),
            "word/styles.xml" => Some(1),
            "word/numbering.xml" => Some(2),
            "word/_rels/document.xml.rels" => Some(3),
            _ => None,
        };
        if let Some(slot) = text_slot {
            let bytes = inflate(&mut entry, MAX_PART, &name)?;
            let text = String::from_utf8(bytes).map_err(|_| PackageError::NotUtf8(name.clone()))?;
            let text = text.trim_start_matches('\u{feff}').to_owned();
            match slot {
                0 => {
                    package.document = text;
                    found = true;
                }
                1 => package.styles = Some(text),
                2 => package.numbering = Some(text),
                _ => package.rels = Some(text),
            }
        } else if name.starts_with("word/media/") && !entry.is_dir() {
            let left = MAX_MEDIA.saturating_sub(media_total);
            let bytes = inflate(&mut entry, left, &name)?;
            media_total += bytes.len() as u64;
            package.media.insert(name, bytes);
        }
    }
    if !found {
        return Err(PackageError::NoDocument);
    }
    Ok(package)
}

/// Reads an entry, at most `cap` bytes of it.
fn inflate(entry: &mut impl Read, cap: u64, name: &str) -> Result<Vec<u8>, PackageError> {
    let mut bytes = Vec::new();
    entry
        .take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| PackageError::NotZip(format!("{name}: {e}")))?;
    if bytes.len() as u64 > cap {
        return Err(PackageError::TooLarge(name.to_owned()));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut out);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for (name, bytes) in entries {
                w.start_file(*name, opts).unwrap();
                w.write_all(bytes).unwrap();
            }
            w.finish().unwrap();
        }
        out.into_inner()
    }

    #[test]
    fn keeps_the_parts_it_reads() {
        let bytes = zip_of(&[
            ("word/document.xml", b"<w:document/>"),
            ("word/media/image1.png", b"png"),
            ("docProps/app.xml", b"<x/>"),
        ]);
        let p = open(&bytes).unwrap();
        assert_eq!(p.document, "<w:document/>");
        assert_eq!(
            p.media.keys().collect::<Vec<_>>(),
            ["word/media/image1.png"]
        );
        assert!(p.styles.is_none());
    }

    #[test]
    fn refuses_old_word_other_zips_and_bombs() {
        assert_eq!(
            open(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1]).unwrap_err(),
            PackageError::OldWord
        );
        assert!(matches!(open(b"plain text"), Err(PackageError::NotZip(_))));
        let other = zip_of(&[("content.xml", b"<x/>")]);
        assert_eq!(open(&other).unwrap_err(), PackageError::NoDocument);
        // 17 MiB of zeros deflate to a few kilobytes: stopped at the cap.
        let zeros = vec![0u8; (MAX_PART + (1 << 20)) as usize];
        let bomb = zip_of(&[("word/document.xml", &zeros)]);
        assert!(bomb.len() < 1 << 20);
        assert_eq!(
            open(&bomb).unwrap_err(),
            PackageError::TooLarge("word/document.xml".into())
        );
    }
}
