//! File helpers that name the path in every error, and write atomically.

use std::path::Path;

use anyhow::Result;

use crate::finding::{FailWith, Msg};
use crate::messages;

/// Writes `bytes` to `path` through a temporary file of this process in the same directory
/// and a rename, so that a reader never sees half a file. The directory must exist; the
/// temporary file is removed when the write fails.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = temp_beside(path);
    let mut file = std::fs::File::create_new(&tmp).fail_as(|| write_words(&tmp))?;
    // Only now is the temporary file ours to remove.
    let written = std::io::Write::write_all(&mut file, bytes)
        .fail_as(|| write_words(&tmp))
        .and_then(|()| std::fs::rename(&tmp, path).fail_as(|| write_words(path)));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// A name beside `path` for a temporary file of this process: hidden, and named after the
/// file it stands for.
pub fn temp_beside(path: &Path) -> std::path::PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.stdkit-tmp-{}", std::process::id()))
}

/// The words of a failed write.
pub fn write_words(path: &Path) -> Msg {
    messages::cannot_write(&path.display().to_string())
}

/// The words of a failed open or read.
pub fn open_words(path: &Path) -> Msg {
    messages::cannot_open(&path.display().to_string())
}
