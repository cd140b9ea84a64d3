//! The files of the dossier: the volume in each format, the workbook, and `manifest.json`
//! with the SHA-256 of each; the font folders the PDF may add.

use std::path::PathBuf;

use anyhow::Result;

use crate::finding::FailWith;
use sha2::{Digest, Sha256};

use super::Dossier;
use crate::finding::Lang;

/// Every file of the dossier, in memory.
/// The workbook holds the system table whether or not the volume prints it.
pub fn render(
    d: &Dossier,
    table: &crate::table::SystemTable,
    input: &crate::load::Input,
    font_dirs: &[PathBuf],
) -> Result<Vec<(&'static str, Vec<u8>)>> {
    let assets = |rel: &str| crate::load::asset(input, rel);
    let mut files = vec![(
        "dossier.html",
        crate::dossier::html::render(d, &assets).into_bytes(),
    )];
    #[cfg(feature = "pdf")]
    files.push(("dossier.pdf", crate::dossier::pdf::render(d, font_dirs)?));
    #[cfg(not(feature = "pdf"))]
    let _ = font_dirs;
    let xlsx =
        crate::report::xlsx::workbook(table, Lang::Zh).fail_as(crate::messages::workbook_failed)?;
    files.push(("标准体系表.xlsx", xlsx));
    Ok(files)
}

/// Files by name, with their bytes.
pub type Files = Vec<(String, Vec<u8>)>;

/// The files and, last, `manifest.json` with the SHA-256 of each; and the sums to print.
pub fn with_manifest(
    files: Vec<(&'static str, Vec<u8>)>,
    head: &crate::load::git::Head,
    draft: bool,
    fonts: &[(String, String)],
) -> Result<(Files, Vec<(String, String)>)> {
    let fonts: Vec<serde_json::Value> = fonts
        .iter()
        .map(|(path, sum)| serde_json::json!({"path": path, "sha256": sum}))
        .collect();
    let sums: Vec<(String, String)> = files
        .iter()
        .map(|(name, bytes)| (name.to_string(), hex::encode(Sha256::digest(bytes))))
        .collect();
    let manifest = serde_json::json!({
        "files": sums.iter().map(|(f, s)| serde_json::json!({"path": f, "sha256": s})).collect::<Vec<_>>(),
        "source": {"commit": head.commit, "dirty": head.dirty},
        "draft": draft,
        "fonts": fonts,
        "generator": format!("stdkit {}", env!("CARGO_PKG_VERSION")),
    });
    let mut text = serde_json::to_string_pretty(&manifest)?;
    text.push('\n');
    let mut sums = sums;
    sums.push((
        crate::output::MANIFEST.into(),
        hex::encode(Sha256::digest(text.as_bytes())),
    ));
    let mut files: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|(name, bytes)| (name.to_owned(), bytes))
        .collect();
    files.push((crate::output::MANIFEST.into(), text.into_bytes()));
    Ok((files, sums))
}

/// The font directories of the PDF besides the embedded fonts: `--font-path`, then
/// `[dossier] fonts` (inside the repository).
pub fn font_dirs(
    root: &std::path::Path,
    repo: &crate::model::Repository,
    extra: &[PathBuf],
) -> Result<Vec<PathBuf>> {
    let mut dirs = extra.to_vec();
    for dir in &repo.manifest.dossier.fonts {
        let Some(rel) = crate::check::links::resolve(crate::load::MANIFEST, dir) else {
            return Err(crate::finding::fail(crate::messages::fonts_outside(dir)));
        };
        // A folder of the repository that is a link out of it is outside too.
        let dir_path = root.join(rel);
        let inside = match (dir_path.canonicalize(), root.canonicalize()) {
            (Ok(dir), Ok(root)) => dir.starts_with(root),
            // Absent: nothing to read there.
            _ => true,
        };
        if !inside {
            return Err(crate::finding::fail(crate::messages::fonts_link_outside(
                dir,
            )));
        }
        dirs.push(dir_path);
    }
    Ok(dirs)
}
