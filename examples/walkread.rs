//! The baseline of the scale benchmark (SPEC §7): what it costs merely to read a repository.
//!
//! ```text
//! cargo run --release --example walkread -- /tmp/big-repo
//! ```
//!
//! Walks the tree in sorted order (as `stdkit` walks `system/`), skipping hidden entries,
//! and reads every file fully into memory, one after another, on one thread. No parsing,
//! no decoding. Prints the number of files and the total bytes read.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Appends every file under `dir` to `out`, depth first, entries sorted by name.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<std::fs::DirEntry> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&entry.path(), out)?;
        } else if kind.is_file() {
            out.push(entry.path());
        }
    }
    Ok(())
}

fn run(root: &Path) -> std::io::Result<(usize, u64)> {
    let mut files = Vec::new();
    walk(root, &mut files)?;
    let mut total = 0u64;
    for path in &files {
        let bytes = std::fs::read(path)?;
        total += bytes.len() as u64;
    }
    Ok((files.len(), total))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir] = args.as_slice() else {
        eprintln!("usage: cargo run --release --example walkread -- DIR");
        return ExitCode::from(2);
    };
    match run(Path::new(dir)) {
        Ok((files, bytes)) => {
            println!("{files} files, {bytes} bytes");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("walkread: {dir}: {e}");
            ExitCode::FAILURE
        }
    }
}
