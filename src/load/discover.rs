//! Finding the repository: the folder, or its nearest ancestor, holding the manifest.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{MANIFEST, fail};
use crate::finding::FailWith;
use crate::messages;

/// Finds the repository root: `start` or its nearest ancestor holding `stdkit.toml`.
pub fn discover(start: &Path) -> Result<PathBuf> {
    let meta = std::fs::metadata(start).fail_as(|| messages::repo_unopenable(start))?;
    if !meta.is_dir() {
        return Err(fail(messages::not_a_directory(start)));
    }
    let start = std::path::absolute(start).fail_as(|| messages::path_unresolvable(start))?;
    for dir in start.ancestors() {
        let manifest = dir.join(MANIFEST);
        match std::fs::metadata(&manifest) {
            Ok(meta) if meta.is_file() => return Ok(dir.to_path_buf()),
            Ok(_) => {
                return Err(fail(messages::manifest_not_a_file(&manifest)));
            }
            Err(_) => {}
        }
    }
    Err(fail(messages::no_manifest(&start)))
}
