//! Changes to the repository's own sources, for the commands whose job is to write there
//! (`init`, `new`, `import`, `renumber`; SPEC §8). A [`Changeset`] is planned as a value —
//! files to create, files to rewrite from a known content, files to move — and applied as one
//! step: every target is checked first (inside the repository, no symbolic link on the way, a
//! new file absent, a rewritten file unchanged since it was read), every new content is
//! written to a temporary file beside its target, and only then are they put in place. When a
//! step fails, the steps done are undone, so that either every file changes or none does.
//! Nothing that the changeset did not create is ever removed, except the old path of a moved
//! file, whose content lives on at the new path.

pub mod repo;

use std::path::{Component, Path, PathBuf};

use anyhow::Result;

use crate::finding::{FailWith, Msg, fail};
use crate::fsx::{open_words, write_words};
use crate::messages;

/// One planned change; paths are relative to the repository.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A file that must not exist yet.
    Create { path: PathBuf, bytes: Vec<u8> },
    /// A file whose current content must still be `old`.
    Rewrite {
        path: PathBuf,
        old: Vec<u8>,
        bytes: Vec<u8>,
    },
    /// A file moved from `from` (whose content must still be `old`) to the new path `to`,
    /// which must not exist yet, with the content `bytes`.
    Move {
        from: PathBuf,
        to: PathBuf,
        old: Vec<u8>,
        bytes: Vec<u8>,
    },
}

impl Change {
    /// The path the change leaves a file at.
    pub fn path(&self) -> &Path {
        match self {
            Change::Create { path, .. } | Change::Rewrite { path, .. } => path,
            Change::Move { to, .. } => to,
        }
    }
}

/// The changes of one command, applied all or none.
#[derive(Clone, Debug, Default)]
pub struct Changeset {
    changes: Vec<Change>,
}

impl Changeset {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn create(&mut self, path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) {
        self.changes.push(Change::Create {
            path: path.into(),
            bytes: bytes.into(),
        });
    }

    pub fn rewrite(
        &mut self,
        path: impl Into<PathBuf>,
        old: impl Into<Vec<u8>>,
        bytes: impl Into<Vec<u8>>,
    ) {
        self.changes.push(Change::Rewrite {
            path: path.into(),
            old: old.into(),
            bytes: bytes.into(),
        });
    }

    pub fn relocate(
        &mut self,
        from: impl Into<PathBuf>,
        to: impl Into<PathBuf>,
        old: impl Into<Vec<u8>>,
        bytes: impl Into<Vec<u8>>,
    ) {
        self.changes.push(Change::Move {
            from: from.into(),
            to: to.into(),
            old: old.into(),
            bytes: bytes.into(),
        });
    }

    /// Adds the changes of `other`, to be applied with these.
    pub fn extend(&mut self, other: Changeset) {
        self.changes.extend(other.changes);
    }

    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Applies every change under `root`, or none.
    pub fn apply(&self, root: &Path) -> Result<()> {
        let root = root.canonicalize().fail_as(|| open_words(root))?;
        self.verify(&root)?;
        let mut done = Undo::default();
        for change in &self.changes {
            if let Err(e) = apply_one(&root, change, &mut done) {
                done.roll_back();
                return Err(e);
            }
        }
        done.keep();
        Ok(())
    }

    /// Every target checked before anything is written.
    fn verify(&self, root: &Path) -> Result<()> {
        let mut seen = std::collections::BTreeSet::new();
        for change in &self.changes {
            if !seen.insert(change.path().to_path_buf()) {
                return Err(refuse(change.path(), messages::refuse_planned_twice()));
            }
            match change {
                Change::Create { path, .. } => absent(root, path)?,
                Change::Rewrite { path, old, .. } => unchanged(root, path, old)?,
                Change::Move { from, to, old, .. } => {
                    unchanged(root, from, old)?;
                    absent(root, to)?;
                }
            }
        }
        Ok(())
    }
}

fn refuse(path: &Path, why: Msg) -> anyhow::Error {
    fail(messages::refusing_to_write(
        &path.display().to_string(),
        &why,
    ))
}

/// The absolute path of `rel` under `root`, if `rel` is a plain relative path (no `..`, no
/// root) and no existing directory on the way is a symbolic link or not a directory.
fn inside(root: &Path, rel: &Path) -> Result<PathBuf> {
    let mut at = root.to_path_buf();
    let parts: Vec<_> = rel.components().collect();
    if parts.is_empty() || !parts.iter().all(|c| matches!(c, Component::Normal(_))) {
        return Err(refuse(rel, messages::refuse_not_inside()));
    }
    for (i, part) in parts.iter().enumerate() {
        at.push(part);
        let last = i + 1 == parts.len();
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(refuse(rel, messages::refuse_symlink_on_way()));
            }
            Ok(meta) if !last && !meta.is_dir() => {
                return Err(refuse(rel, messages::refuse_parent_not_dir()));
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => break,
            Err(e) => return Err(e).fail_as(|| open_words(rel)),
        }
    }
    Ok(root.join(rel))
}

fn absent(root: &Path, rel: &Path) -> Result<()> {
    let abs = inside(root, rel)?;
    if std::fs::symlink_metadata(&abs).is_ok() {
        return Err(refuse(rel, messages::refuse_exists()));
    }
    Ok(())
}

fn unchanged(root: &Path, rel: &Path, old: &[u8]) -> Result<()> {
    let abs = inside(root, rel)?;
    let meta = std::fs::symlink_metadata(&abs).fail_as(|| open_words(rel))?;
    if !meta.is_file() || std::fs::read(&abs).fail_as(|| open_words(rel))? != old {
        return Err(refuse(rel, messages::refuse_changed()));
    }
    Ok(())
}

/// What has been done so far, to undo on failure.
#[derive(Default)]
struct Undo {
    dirs: Vec<PathBuf>,
    created: Vec<PathBuf>,
    rewritten: Vec<(PathBuf, Vec<u8>)>,
    moved: Vec<PathBuf>,
}

impl Undo {
    fn roll_back(&mut self) {
        for path in self.created.iter().rev() {
            let _ = std::fs::remove_file(path);
        }
        for (path, old) in self.rewritten.iter().rev() {
            let _ = crate::fsx::write_atomic(path, old);
        }
        for dir in self.dirs.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
    }

    /// The changes stay: the old paths of moved files go.
    fn keep(&mut self) {
        for from in &self.moved {
            let _ = std::fs::remove_file(from);
        }
    }
}

fn apply_one(root: &Path, change: &Change, done: &mut Undo) -> Result<()> {
    match change {
        Change::Create { path, bytes } => {
            let abs = root.join(path);
            make_parents(root, path, done)?;
            create_new(&abs, bytes)?;
            done.created.push(abs);
        }
        Change::Rewrite { path, old, bytes } => {
            let abs = root.join(path);
            crate::fsx::write_atomic(&abs, bytes)?;
            done.rewritten.push((abs, old.clone()));
        }
        Change::Move {
            from, to, bytes, ..
        } => {
            let abs = root.join(to);
            make_parents(root, to, done)?;
            create_new(&abs, bytes)?;
            done.created.push(abs);
            done.moved.push(root.join(from));
        }
    }
    Ok(())
}

/// Creates the missing directories above `rel`, remembering them for the undo.
fn make_parents(root: &Path, rel: &Path, done: &mut Undo) -> Result<()> {
    let mut at = root.to_path_buf();
    let parts: Vec<_> = rel.components().collect();
    for part in &parts[..parts.len().saturating_sub(1)] {
        at.push(part);
        match std::fs::create_dir(&at) {
            Ok(()) => done.dirs.push(at.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && at.is_dir() => {}
            Err(e) => return Err(e).fail_as(|| write_words(&at)),
        }
    }
    Ok(())
}

/// Writes a temporary file beside `path` and links it into place, which fails if `path`
/// appeared meanwhile: a new file never replaces one.
fn create_new(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let tmp = crate::fsx::temp_beside(path);
    let mut file = std::fs::File::create_new(&tmp).fail_as(|| write_words(&tmp))?;
    let result = file
        .write_all(bytes)
        .fail_as(|| write_words(&tmp))
        .and_then(|()| std::fs::hard_link(&tmp, path).fail_as(|| write_words(path)));
    let _ = std::fs::remove_file(&tmp);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("system")).unwrap();
        std::fs::write(dir.path().join("system/a.toml"), "a").unwrap();
        dir
    }

    fn files(root: &Path) -> Vec<String> {
        let mut all: Vec<String> = walkdir::WalkDir::new(root)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.path() != root)
            .map(|e| {
                e.path()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        all.sort();
        all
    }

    #[test]
    fn creates_rewrites_and_moves_in_one_step() {
        let dir = tree();
        let mut set = Changeset::new();
        set.create("system/1-x/_index.md", "i");
        set.relocate("system/a.toml", "system/1-x/a.toml", "a", "b");
        set.apply(dir.path()).unwrap();
        assert_eq!(
            files(dir.path()),
            [
                "system",
                "system/1-x",
                "system/1-x/_index.md",
                "system/1-x/a.toml"
            ]
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("system/1-x/a.toml")).unwrap(),
            "b"
        );
    }

    #[test]
    fn an_existing_file_stops_everything_before_a_write() {
        let dir = tree();
        let mut set = Changeset::new();
        set.create("system/new.md", "n");
        set.create("system/a.toml", "overwritten");
        assert!(set.apply(dir.path()).is_err());
        assert_eq!(files(dir.path()), ["system", "system/a.toml"]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("system/a.toml")).unwrap(),
            "a"
        );
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_rewritten() {
        let dir = tree();
        let mut set = Changeset::new();
        set.rewrite("system/a.toml", "not a", "b");
        assert!(set.apply(dir.path()).is_err());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("system/a.toml")).unwrap(),
            "a"
        );
    }

    #[test]
    fn paths_leaving_the_repository_are_refused() {
        let dir = tree();
        let outside = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("system/link")).unwrap();
        for path in [
            "../x.md",
            "/tmp/x.md",
            "system/link/x.md",
            "system/a.toml/x",
        ] {
            let mut set = Changeset::new();
            set.create(path, "x");
            assert!(set.apply(dir.path()).is_err(), "{path}");
        }
        assert!(files(outside.path()).is_empty());
    }

    #[test]
    fn a_failure_midway_undoes_what_was_done() {
        let dir = tree();
        let mut set = Changeset::new();
        set.create("system/2-y/new.md", "n");
        set.rewrite("system/a.toml", "a", "b");
        // Both absent when checked; the second needs the first to be a directory.
        set.create("system/q", "q");
        set.create("system/q/x", "x");
        assert!(set.apply(dir.path()).is_err());
        assert_eq!(files(dir.path()), ["system", "system/a.toml"]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("system/a.toml")).unwrap(),
            "a"
        );
    }
}
