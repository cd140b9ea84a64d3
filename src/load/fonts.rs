//! The SHA-256 of the font files added to the PDF, for the dossier's manifest.

use std::path::Path;

use anyhow::Result;

use crate::finding::FailWith;
use crate::messages;

/// Font files added to the PDF, with their SHA-256: a volume printed with fonts of the
/// user's machine says which (the default uses only the embedded fonts and lists none).
pub fn font_sums(root: &Path, files: &[std::path::PathBuf]) -> Result<Vec<(String, String)>> {
    use sha2::Digest as _;
    {
        let mut out = Vec::new();
        for path in files {
            let bytes = std::fs::read(path).fail_as(|| messages::font_unreadable(path))?;
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
