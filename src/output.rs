//! Where a command may write (SPEC §8), decided in one place. An output path is never the
//! repository, never above it, never one of its sources or a folder the loader reads, and it
//! never replaces what stdkit did not write: a file only by a file of the same format, a
//! directory only when it is absent, empty, or a dossier stdkit wrote (its `manifest.json`
//! lists every file in it). Writes go through a temporary file or directory beside the
//! target, which is always removed, and end in one rename (an exchange of directories on
//! Linux), so that a reader or a killed run never sees half an output.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::finding::{FailWith, Msg, fail};
use crate::fsx::{open_words, write_words};
use crate::messages;

/// The folders of a repository the loader reads; nothing is ever written into them.
const SOURCE_AREAS: [&str; 4] = ["system", "scope", "records", "dossier"];

/// The file every dossier directory holds, written last.
pub const MANIFEST: &str = "manifest.json";

/// A file that may be written.
#[derive(Debug)]
pub struct FileTarget {
    path: PathBuf,
}

/// A directory that may be written (replaced as a whole).
#[derive(Debug)]
pub struct DirTarget {
    path: PathBuf,
    shown: PathBuf,
}

/// Checks that `path` may receive a file of the format with extension `ext` for the
/// repository at `root`.
pub fn file(root: &Path, path: &Path, ext: &str) -> Result<FileTarget> {
    let target = resolve(root, path, Kind::File)?;
    match std::fs::symlink_metadata(&target) {
        Ok(meta) if !meta.is_file() => {
            Err(fail(messages::output_not_file(&path.display().to_string())))
        }
        Ok(_) if target.extension() != Some(OsStr::new(ext)) => Err(fail(
            messages::output_other_format(&path.display().to_string(), ext),
        )),
        _ => Ok(FileTarget { path: target }),
    }
}

impl FileTarget {
    /// Writes `bytes` through a temporary file beside the target and a rename.
    pub fn write(&self, bytes: &[u8]) -> Result<()> {
        crate::fsx::write_atomic(&self.path, bytes)
    }
}

/// Checks that `path` may receive a dossier directory for the repository at `root`.
pub fn dir(root: &Path, path: &Path) -> Result<DirTarget> {
    let target = resolve(root, path, Kind::Dir)?;
    let target = DirTarget {
        path: target,
        shown: path.to_path_buf(),
    };
    target.previous()?;
    Ok(target)
}

impl DirTarget {
    /// Replaces the directory by one holding `files` (in order; the manifest should be last).
    /// Concurrent runs into one directory are serialized by a lock on its parent.
    pub fn replace(&self, files: &[(String, Vec<u8>)]) -> Result<()> {
        let parent = self.path.parent().unwrap_or(Path::new("/"));
        let lock = std::fs::File::open(parent).fail_as(|| open_words(parent))?;
        lock.lock().fail_as(|| open_words(parent))?;
        // Checked again under the lock: another run may have written meanwhile.
        let previous = self.previous()?;
        self.remove_leftovers(files);

        let tmp = sibling(&self.path, "new");
        std::fs::create_dir(&tmp).fail_as(|| write_words(&tmp))?;
        // Only now is the temporary directory ours to remove.
        let tmp = Temp(tmp);
        for (name, bytes) in files {
            write_new(&tmp.0.join(name), bytes)?;
        }
        match previous {
            None => {
                // Absent or empty: one rename (rename(2) replaces an empty directory).
                std::fs::rename(&tmp.0, &self.path).fail_as(|| write_words(&self.shown))?;
                std::mem::forget(tmp);
            }
            Some(old) => {
                swap(&tmp.0, &self.path).fail_as(|| write_words(&self.shown))?;
                // `tmp` now holds the previous dossier: remove exactly its files.
                for name in &old {
                    let _ = std::fs::remove_file(tmp.0.join(name));
                }
                let _ = std::fs::remove_dir(&tmp.0);
                std::mem::forget(tmp);
            }
        }
        Ok(())
    }

    /// `None` if the directory is absent or empty; the files of a previous dossier; an error
    /// for anything else.
    fn previous(&self) -> Result<Option<Vec<String>>> {
        let shown = &self.shown;
        let meta = match std::fs::symlink_metadata(&self.path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e).fail_as(|| open_words(shown)),
        };
        if !meta.is_dir() {
            return Err(fail(messages::output_not_dir(&shown.display().to_string())));
        }
        let mut names = Vec::new();
        for entry in std::fs::read_dir(&self.path).fail_as(|| open_words(shown))? {
            let entry = entry.fail_as(|| open_words(shown))?;
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
        if names.is_empty() {
            return Ok(None);
        }
        names.sort();
        let listed = dossier_files(&self.path.join(MANIFEST)).ok_or_else(|| {
            fail(messages::output_not_dossier(
                &shown.display().to_string(),
                MANIFEST,
            ))
        })?;
        let foreign: Vec<&String> = names.iter().filter(|n| !listed.contains(n)).collect();
        if let Some(name) = foreign.first() {
            return Err(fail(messages::output_foreign(
                &shown.display().to_string(),
                name,
                foreign.len(),
            )));
        }
        Ok(Some(names))
    }

    /// Temporary directories of runs that were killed (we hold the lock, so no run is using
    /// them), removed when they hold nothing but files a dossier is made of.
    fn remove_leftovers(&self, files: &[(String, Vec<u8>)]) {
        let (Some(parent), Some(name)) = (self.path.parent(), self.path.file_name()) else {
            return;
        };
        let prefix = format!(".{}.stdkit-", name.to_string_lossy());
        let Ok(entries) = std::fs::read_dir(parent) else {
            return;
        };
        for entry in entries.flatten() {
            let entry_name = entry.file_name().to_string_lossy().into_owned();
            if !entry_name.starts_with(&prefix) || !entry.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            let dir = entry.path();
            let Ok(inner) = std::fs::read_dir(&dir) else {
                continue;
            };
            let inner: Vec<_> = inner.flatten().collect();
            let ours = inner.iter().all(|e| {
                e.file_type().is_ok_and(|t| t.is_file())
                    && files.iter().any(|(n, _)| OsStr::new(n) == e.file_name())
            });
            if ours {
                for e in &inner {
                    let _ = std::fs::remove_file(e.path());
                }
                let _ = std::fs::remove_dir(&dir);
            }
        }
    }
}

/// The files a stdkit `manifest.json` lists, itself included; `None` if it is not one.
fn dossier_files(manifest: &Path) -> Option<Vec<String>> {
    let meta = std::fs::symlink_metadata(manifest).ok()?;
    if !meta.is_file() || meta.len() > 1 << 20 {
        return None;
    }
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(manifest).ok()?).ok()?;
    if !doc["generator"].as_str()?.starts_with("stdkit ") {
        return None;
    }
    let mut files: Vec<String> = doc["files"]
        .as_array()?
        .iter()
        .map(|f| f["path"].as_str().map(str::to_owned))
        .collect::<Option<_>>()?;
    if files
        .iter()
        .any(|f| f.contains(['/', '\\']) || f.starts_with('.'))
    {
        return None;
    }
    files.push(MANIFEST.to_owned());
    Some(files)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    File,
    Dir,
}

/// The absolute target of `path`, its parent resolved through symlinks, if the rules allow
/// writing there at all.
fn resolve(root: &Path, path: &Path, kind: Kind) -> Result<PathBuf> {
    let shown = path.display().to_string();
    let refuse = |why: Msg| fail(messages::refusing_to_write(&shown, &why));
    // `.` and `..` name a directory only once resolved.
    let abs = if ends_in_dots(path) {
        path.canonicalize()
    } else {
        std::path::absolute(path)
    }
    .fail_as(|| open_words(path))?;
    let Some(name) = abs.file_name() else {
        return Err(refuse(messages::refuse_not_writable()));
    };
    let parent = abs.parent().unwrap_or(Path::new("/"));
    let parent = match parent.canonicalize() {
        Ok(p) => p,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(fail(messages::output_parent_missing(
                &parent.display().to_string(),
            )));
        }
        Err(e) => return Err(e).fail_as(|| open_words(parent)),
    };
    let target = parent.join(name);
    if std::fs::symlink_metadata(&target).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(refuse(messages::refuse_symlink()));
    }
    let root = root.canonicalize().fail_as(|| open_words(root))?;
    if root.starts_with(&target) {
        return Err(refuse(messages::refuse_repository()));
    }
    if let Ok(rel) = target.strip_prefix(&root) {
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        let inside_source = SOURCE_AREAS.contains(&first.as_str()) || first.starts_with('.');
        if inside_source || (kind == Kind::File && rel.components().count() == 1) {
            return Err(refuse(messages::refuse_among_sources()));
        }
    }
    Ok(target)
}

/// Whether the path as given ends in `.` or `..` (which `absolute` keeps but names nothing).
fn ends_in_dots(path: &Path) -> bool {
    matches!(
        path.components().next_back(),
        Some(std::path::Component::CurDir | std::path::Component::ParentDir) | None
    )
}

/// A name beside `path` for a temporary file or directory of this process.
fn sibling(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.stdkit-{what}-{}", std::process::id()))
}

/// Creates a file that must not exist yet.
fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut file = std::fs::File::create_new(path).fail_as(|| write_words(path))?;
    file.write_all(bytes).fail_as(|| write_words(path))
}

/// A temporary path this run created, removed when dropped (on every error path); `forget`
/// it once renamed.
struct Temp(PathBuf);

impl Drop for Temp {
    fn drop(&mut self) {
        if self.0.is_dir() {
            let _ = std::fs::remove_dir_all(&self.0);
        } else {
            let _ = std::fs::remove_file(&self.0);
        }
    }
}

/// Exchanges two directories in one step.
#[cfg(target_os = "linux")]
fn swap(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

/// Exchanges two directories: without an exchange call, by two renames.
#[cfg(not(target_os = "linux"))]
fn swap(a: &Path, b: &Path) -> std::io::Result<()> {
    let aside = sibling(b, "old");
    std::fs::rename(b, &aside)?;
    if let Err(e) = std::fs::rename(a, b) {
        let _ = std::fs::rename(&aside, b);
        return Err(e);
    }
    std::fs::rename(&aside, a)
}
