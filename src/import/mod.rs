//! `stdkit import`: turning what a centre already has into a repository's sources — its
//! Excel 标准明细表 (`xlsx`) and its Word standards (`docx`). Each format has its own module
//! (read → rows or document → plan → `edit::Changeset`); the command in `commands::import`
//! only picks the module by the file's extension and applies the plan.

pub mod docx;
pub mod xlsx;

use std::path::{Path, PathBuf};

use crate::finding::Msg;
use crate::messages;

/// The files named on the command line, by importer, in order.
pub struct Inputs {
    /// Excel tables (`.xlsx`, `.xlsm`, `.xls`, `.ods`).
    pub tables: Vec<PathBuf>,
    /// Word files (a folder: the `.docx` in it), or why one is refused by its kind (an old
    /// `.doc`, anything else): reported with the files that could not be imported.
    pub words: Vec<Result<PathBuf, Msg>>,
}

/// Sorts the files named by importer; a folder that cannot be listed fails the run.
pub fn inputs(files: &[PathBuf]) -> Result<Inputs, Msg> {
    let mut inputs = Inputs {
        tables: Vec::new(),
        words: Vec::new(),
    };
    for path in files {
        if path.is_dir() {
            match docx::list(path) {
                Ok(found) => inputs.words.extend(found.into_iter().map(Ok)),
                Err(m) => inputs.words.push(Err(m)),
            }
            continue;
        }
        let file = path.display().to_string();
        match extension(path).as_str() {
            "xlsx" | "xlsm" | "xls" | "ods" => inputs.tables.push(path.clone()),
            "docx" => inputs.words.push(Ok(path.clone())),
            "doc" => inputs.words.push(Err(messages::import_old_word(&file))),
            _ => inputs.words.push(Err(messages::import_unknown_kind(&file))),
        }
    }
    Ok(inputs)
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}
