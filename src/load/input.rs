//! What stdkit may read (SPEC §8), decided in one place: only regular files inside the
//! repository, at most `MAX_SIZE` bytes. A symlink is followed only when its target stays
//! inside the repository and outside its hidden folders (`.git`); FIFOs, devices and sockets
//! are never opened for reading in a way that could block, and nothing is read past the
//! limit, whatever the file claims to be. Every refusal is a finding naming the file.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::finding::{Code, Finding, Location, Msg, Pos};
use crate::messages;

/// The largest file read: far above any real standard or record file (a province's trainings
/// of a year, 100,000 sessions × 100 attendees in one file, are about 110 MB), and a bound on
/// what a hostile file can make stdkit hold.
pub const MAX_SIZE: u64 = 256 << 20;

/// The repository's files as the only way in.
#[derive(Clone, Debug)]
pub struct Input {
    root: PathBuf,
    /// `root` with every symlink resolved, to tell where a symlink lands.
    canonical: PathBuf,
    /// The files themselves, by repository-relative path, when they come from elsewhere than
    /// the disk (a git revision): then nothing is read from `root`.
    memory: Option<std::sync::Arc<std::collections::HashMap<String, Vec<u8>>>>,
}

/// Why a file was not read.
#[derive(Debug)]
pub enum Refusal {
    /// Nothing there (it vanished, or never was).
    Missing,
    /// A path that leaves the repository or enters a hidden folder, or a symlink landing
    /// there.
    Outside,
    /// Not a regular file: the kind, in both languages (one of `messages::special_*`).
    Special(Msg),
    /// Larger than `MAX_SIZE`.
    TooLarge(u64),
    /// A symlink that leads nowhere (dangling, or a loop).
    Dangling,
    /// The system would not let us read it.
    Io(std::io::Error),
}

impl Input {
    pub fn new(root: &Path) -> Input {
        Input {
            root: root.to_path_buf(),
            canonical: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
            memory: None,
        }
    }

    /// The given files (repository-relative path, bytes) as the only way in, under the name
    /// `root`: nothing is read from the disk.
    pub fn in_memory(root: &Path, files: Vec<(String, Vec<u8>)>) -> Input {
        Input {
            root: root.to_path_buf(),
            canonical: root.to_path_buf(),
            memory: Some(std::sync::Arc::new(files.into_iter().collect())),
        }
    }

    /// A file of the given files, when the files are given.
    fn given(&self, rel: &str) -> Option<Result<Vec<u8>, Refusal>> {
        let memory = self.memory.as_ref()?;
        Some(match memory.get(rel) {
            Some(bytes) if bytes.len() as u64 > MAX_SIZE => {
                Err(Refusal::TooLarge(bytes.len() as u64))
            }
            Some(bytes) => Ok(bytes.clone()),
            None => Err(Refusal::Missing),
        })
    }

    /// Reads a file the loader found by walking the repository (no directory on the way is a
    /// symlink: walks never follow them).
    pub fn read(&self, rel: &str) -> Result<Vec<u8>, Refusal> {
        if let Some(given) = self.given(rel) {
            return given;
        }
        let full = self.root.join(rel);
        let meta = std::fs::symlink_metadata(&full).map_err(io)?;
        if meta.file_type().is_symlink() {
            self.landing(&full)?;
        }
        read_regular(&full)
    }

    /// Reads a file a user named (a dossier section, a picture): the path must be
    /// repository-relative, without `..` or hidden parts, and every symlink on the way must
    /// land inside the repository.
    pub fn read_named(&self, rel: &str) -> Result<Vec<u8>, Refusal> {
        if !plain(rel) {
            return Err(Refusal::Outside);
        }
        if let Some(given) = self.given(rel) {
            return given;
        }
        let full = self.root.join(rel);
        match std::fs::symlink_metadata(&full) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Refusal::Missing),
            Err(e) => return Err(Refusal::Io(e)),
            Ok(_) => {}
        }
        self.landing(&full)?;
        read_regular(&full)
    }

    /// Where a path lands once every symlink is resolved: refused unless inside the
    /// repository and outside its hidden folders.
    fn landing(&self, full: &Path) -> Result<(), Refusal> {
        let target = full.canonicalize().map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Refusal::Dangling,
            _ if e.raw_os_error() == Some(40) => Refusal::Dangling, // ELOOP
            _ => Refusal::Io(e),
        })?;
        match target.strip_prefix(&self.canonical) {
            Ok(rel) if !rel.as_os_str().is_empty() && plain_path(rel) => Ok(()),
            _ => Err(Refusal::Outside),
        }
    }
}

/// A repository-relative path of plain names: no root, no `..`, no hidden part.
pub fn plain(rel: &str) -> bool {
    !rel.is_empty() && !rel.contains('\\') && plain_path(Path::new(rel))
}

fn plain_path(rel: &Path) -> bool {
    rel.components().all(|c| match c {
        Component::Normal(name) => !name.to_string_lossy().starts_with('.'),
        Component::CurDir => true,
        _ => false,
    })
}

/// Opens without blocking (a FIFO would wait for a writer forever), checks on the open file
/// that it is a regular file of a sane size, and reads no more than the limit.
fn read_regular(full: &Path) -> Result<Vec<u8>, Refusal> {
    let file = open_nonblocking(full).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    let kind = meta.file_type();
    if !kind.is_file() {
        return Err(special(&kind));
    }
    if meta.len() > MAX_SIZE {
        return Err(Refusal::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(Refusal::Io)?;
    if bytes.len() as u64 > MAX_SIZE {
        return Err(Refusal::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

#[cfg(target_os = "linux")]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
}

#[cfg(not(target_os = "linux"))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    // Elsewhere the kind is checked before opening.
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    std::fs::File::open(path)
}

fn io(e: std::io::Error) -> Refusal {
    if e.kind() == std::io::ErrorKind::NotFound {
        Refusal::Missing
    } else {
        Refusal::Io(e)
    }
}

fn special(kind: &std::fs::FileType) -> Refusal {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Refusal::Special(messages::special_fifo());
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Refusal::Special(messages::special_device());
        }
        if kind.is_socket() {
            return Refusal::Special(messages::special_socket());
        }
    }
    if kind.is_dir() {
        return Refusal::Special(messages::special_directory());
    }
    Refusal::Special(messages::special_other())
}

impl Refusal {
    /// The finding for a file that was not read; `None` when it is simply not there.
    pub fn finding(&self, rel: &str) -> Option<Finding> {
        let (code, message) = match self {
            Refusal::Missing => return None,
            Refusal::Outside => (Code::FileOutside, messages::file_outside()),
            Refusal::Special(kind) => (Code::FileSpecial, messages::file_special(kind)),
            Refusal::TooLarge(len) => {
                (Code::FileTooLarge, messages::file_too_large(*len, MAX_SIZE))
            }
            Refusal::Dangling => (Code::FileUnreadable, messages::file_dangling()),
            Refusal::Io(e) => {
                let why = messages::system_error(e);
                (
                    Code::FileUnreadable,
                    messages::file_unreadable(&why.zh, &why.en),
                )
            }
        };
        Some(Finding::new(
            code,
            Location::new(rel.to_owned(), Pos::START),
            message,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_stay_inside_and_out_of_hidden_folders() {
        assert!(plain("dossier/01-工作总结.md"));
        assert!(plain("./dossier/a.md"));
        assert!(!plain("../x.md"));
        assert!(!plain("dossier/../../x.md"));
        assert!(!plain("/etc/passwd"));
        assert!(!plain(".git/config"));
        assert!(!plain("dossier/.hidden.md"));
        assert!(!plain("dossier\\..\\x.md"));
        assert!(!plain(""));
    }
}
