//! `stdkit init DIR`: a new repository in a new or empty directory — the files of
//! `skeleton::repository`, written through one `Changeset` — then `git init` when the
//! directory is in no git work tree. It needs no repository to start from.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use anyhow::{Context as _, Result};

use super::Outcome;
use crate::cli::InitArgs;
use crate::context::Context;
use crate::edit::Changeset;
use crate::finding::{FailWith, Lang, failure};
use crate::fsx::{open_words, write_words};
use crate::skeleton::repository::{Centre, PLAN, files, internal_prefix};

pub fn run(ctx: &Context, args: &InitArgs, out: &mut dyn Write) -> Result<Outcome> {
    let name = crate::skeleton::one_line(&args.name).ok_or_else(|| {
        failure(
            "中心名称为空（--name），如 `--name 安庆市政务服务中心`",
            "the centre's name (--name) is empty, e.g. `--name 安庆市政务服务中心`",
        )
    })?;
    let prefix = internal_prefix(&args.prefix).map_err(|m| failure(m.zh, m.en))?;
    // `-C` or the current directory is where a relative DIR starts, as with `git -C`.
    let dir = ctx.start.join(&args.dir);
    let shown = args.dir.display().to_string();
    let made = prepare(&dir, &shown)?;
    let centre = Centre {
        name: &name,
        prefix: &prefix,
        level: args.level,
        year: ctx.as_of.year(),
    };
    let files = files(&centre);
    let mut set = Changeset::new();
    for (path, text) in &files {
        set.create(path, text.as_bytes());
    }
    if let Err(e) = set.apply(&dir) {
        if made {
            // Only the directory this run made, and only while it is empty.
            let _ = std::fs::remove_dir(&dir);
        }
        return Err(e);
    }
    let git = git_init(&dir)?;
    let categories: usize = PLAN.iter().map(|s| s.categories.len()).sum();
    let mut text = match ctx.lang {
        Lang::Zh => format!(
            "已在 `{shown}` 新建标准库：{} 个子体系、{categories} 个类目，共 {} 个文件\n",
            PLAN.len(),
            files.len()
        ),
        Lang::En => format!(
            "created a repository in `{shown}`: {} subsystems, {categories} categories, {} files\n",
            PLAN.len(),
            files.len()
        ),
    };
    text.push_str(&match (git, ctx.lang) {
        (Git::Initialised, Lang::Zh) => "已初始化 git 仓库\n".to_owned(),
        (Git::Initialised, Lang::En) => "initialised a git repository\n".to_owned(),
        (Git::Inside(top), Lang::Zh) => {
            format!("已在 git 仓库 `{}` 中，未另建 git 仓库\n", top.display())
        }
        (Git::Inside(top), Lang::En) => format!(
            "already inside the git repository `{}`; no new one made\n",
            top.display()
        ),
        (Git::Missing, Lang::Zh) => "未找到 git，未初始化 git 仓库\n".to_owned(),
        (Git::Missing, Lang::En) => "git not found; no git repository initialised\n".to_owned(),
    });
    text.push_str(&match ctx.lang {
        Lang::Zh => format!("下一步：stdkit -C {shown} check\n"),
        Lang::En => format!("next: stdkit -C {shown} check\n"),
    });
    out.write_all(text.as_bytes())
        .context("cannot write to stdout")?;
    Ok(Outcome::Clean)
}

/// Makes sure `dir` is a directory the repository may be written into: one that is empty
/// (apart from a `.git`, as a fresh clone of an empty repository is), or one this run creates
/// because it is absent and its parent exists. Returns whether this run created it.
fn prepare(dir: &Path, shown: &str) -> Result<bool> {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {
            let mut entries = std::fs::read_dir(dir).fail_with(|| open_words(dir))?;
            let occupied = entries.any(|e| e.map_or(true, |e| e.file_name() != ".git"));
            if occupied {
                return Err(failure(
                    format!(
                        "目录 `{shown}` 不是空目录：stdkit init 只在新目录或空目录中新建标准库"
                    ),
                    format!(
                        "directory `{shown}` is not empty: stdkit init makes a repository only in a new or empty directory"
                    ),
                ));
            }
            Ok(false)
        }
        Ok(_) => Err(failure(
            format!("`{shown}` 已存在且不是目录"),
            format!("`{shown}` exists and is not a directory"),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let parent = dir.parent().filter(|p| !p.as_os_str().is_empty());
            if !parent.is_some_and(Path::is_dir) {
                return Err(failure(
                    format!("`{shown}` 的上级目录不存在：stdkit init 只新建一级目录"),
                    format!(
                        "the parent of `{shown}` does not exist: stdkit init creates one directory, not its parents"
                    ),
                ));
            }
            std::fs::create_dir(dir).fail_with(|| write_words(dir))?;
            Ok(true)
        }
        Err(e) => Err(e).fail_with(|| open_words(dir)),
    }
}

/// What became of git.
enum Git {
    Initialised,
    /// `dir` already lies in this work tree.
    Inside(PathBuf),
    Missing,
}

/// `git init` in `dir` unless it already lies in a work tree: with no template, so that no
/// sample hooks are copied, and through the neutralised command of `load::git`.
fn git_init(dir: &Path) -> Result<Git> {
    if let Some(top) = crate::load::git::top_level(dir)? {
        return Ok(Git::Inside(top));
    }
    let mut command = crate::load::git::GitCli::command(dir);
    command
        .args(["init", "--quiet", "--template="])
        .stdout(Stdio::null());
    match command.output() {
        Ok(out) if out.status.success() => Ok(Git::Initialised),
        Ok(out) => Err(failure(
            format!(
                "标准库已写入，但 git init 失败：{}",
                String::from_utf8_lossy(&out.stderr).trim()
            ),
            format!(
                "the repository is written, but git init failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Git::Missing),
        Err(e) => Err(e).fail_with(|| ("无法运行 git", "cannot run git")),
    }
}
