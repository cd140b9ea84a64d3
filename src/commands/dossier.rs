//! `stdkit dossier -o DIR`: the acceptance dossier, written atomically: HTML, PDF, workbook
//! and a manifest of their SHA-256 sums.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result};
use sha2::{Digest, Sha256};

use super::Outcome;
use crate::cli::DossierArgs;
use crate::context::Context;
use crate::dossier::Dossier;
use crate::dossier::compile::{Inputs, compile, section_list};
use crate::finding::{Lang, Severity};
use crate::load::git::{GitCli, History};
use crate::model::{FileKind, Level};

pub fn run(ctx: &Context, args: &DossierArgs, out: &mut dyn Write) -> Result<Outcome> {
    let root = crate::load::discover(&ctx.start)?;
    let loaded = crate::load::load(&root)?;
    let repo = &loaded.repo;

    let chapter_files = crate::load::chapters(&root)?;
    let mut chapters = BTreeMap::new();
    for (name, _) in section_list(repo, &chapter_files) {
        if name.ends_with(".md") && root.join(&name).is_file() {
            chapters.insert(name.clone(), crate::load::read_text(&root, &name)?);
        }
    }
    let mut texts = BTreeMap::new();
    for s in &repo.standards {
        if s.file == FileKind::Markdown
            && s.has_text
            && s.level.as_ref().is_some_and(|l| l.value == Level::Internal)
        {
            texts.insert(s.path.clone(), crate::load::body(&root, &s.path)?);
        }
    }
    let mut audits = BTreeMap::new();
    for a in &repo.records.audits {
        audits.insert(a.path.clone(), crate::load::body(&root, &a.path)?);
    }
    let git = GitCli;
    let head = git.head(&root)?;
    let paths: Vec<String> = repo.standards.iter().map(|s| s.path.clone()).collect();
    let history = git.log(&root, &paths)?;
    let (rates, members) = super::rates::with_members(&root, repo, None);

    let (dossier, mut findings) = compile(Inputs {
        repo,
        as_of: ctx.as_of,
        commit: head.commit.clone(),
        dirty: head.dirty,
        chapters,
        texts,
        audits,
        history,
        rates,
        members,
    });
    crate::finding::sort(&mut findings);

    let files = render(&dossier, &crate::table::build(repo), &root, args)?;
    let written = write_dir(&args.output, &files, &head)?;
    let report = crate::report::findings::Report {
        findings: &findings,
        standards: repo.standards.len(),
        lang: ctx.lang,
        color: false,
        snippets: &BTreeMap::new(),
    };
    if !findings.is_empty() {
        let text = crate::report::findings::render(crate::report::findings::Format::Short, &report);
        out.write_all(text.as_bytes())?;
    }
    for (name, sum) in &written {
        writeln!(out, "{}  {}", sum, args.output.join(name).display())?;
    }
    let failed = findings.iter().any(|f| f.severity == Severity::Error);
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}

/// Every file of the dossier, in memory.
/// The workbook holds the system table whether or not the volume prints it.
fn render(
    d: &Dossier,
    table: &crate::table::SystemTable,
    root: &Path,
    args: &DossierArgs,
) -> Result<Vec<(&'static str, Vec<u8>)>> {
    let assets = |rel: &str| crate::load::asset(root, rel);
    let mut files = vec![(
        "dossier.html",
        crate::dossier::html::render(d, &assets).into_bytes(),
    )];
    #[cfg(feature = "pdf")]
    files.push((
        "dossier.pdf",
        crate::dossier::pdf::render(d, &args.font_path)?,
    ));
    #[cfg(not(feature = "pdf"))]
    let _ = &args.font_path;
    let xlsx =
        crate::report::xlsx::workbook(table, Lang::Zh).context("failed to build the workbook")?;
    files.push(("标准体系表.xlsx", xlsx));
    Ok(files)
}

/// Writes the files and `manifest.json` into a fresh directory beside `dir`, then swaps it
/// in: a failed run leaves the previous dossier as it was.
fn write_dir(
    dir: &Path,
    files: &[(&'static str, Vec<u8>)],
    head: &crate::load::git::Head,
) -> Result<Vec<(String, String)>> {
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)
        .with_context(|| format!("failed to create `{}`", parent.display()))?;
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dossier".into());
    let tmp = parent.join(format!(".{name}.stdkit-new"));
    let old = parent.join(format!(".{name}.stdkit-old"));
    for stale in [&tmp, &old] {
        if stale.exists() {
            std::fs::remove_dir_all(stale)
                .with_context(|| format!("failed to remove `{}`", stale.display()))?;
        }
    }
    let result = (|| -> Result<Vec<(String, String)>> {
        std::fs::create_dir(&tmp)
            .with_context(|| format!("failed to create `{}`", tmp.display()))?;
        let mut sums = Vec::new();
        for (file, bytes) in files {
            let path = tmp.join(file);
            std::fs::write(&path, bytes)
                .with_context(|| format!("failed to write `{}`", path.display()))?;
            sums.push((file.to_string(), hex(&Sha256::digest(bytes))));
        }
        let manifest = serde_json::json!({
            "files": sums.iter().map(|(f, s)| serde_json::json!({"path": f, "sha256": s})).collect::<Vec<_>>(),
            "source": {"commit": head.commit, "dirty": head.dirty},
            "generator": format!("stdkit {}", env!("CARGO_PKG_VERSION")),
        });
        let mut text = serde_json::to_string_pretty(&manifest)?;
        text.push('\n');
        let path = tmp.join("manifest.json");
        std::fs::write(&path, &text)
            .with_context(|| format!("failed to write `{}`", path.display()))?;
        sums.push((
            "manifest.json".into(),
            hex(&Sha256::digest(text.as_bytes())),
        ));
        Ok(sums)
    })();
    let sums = match result {
        Ok(s) => s,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    if dir.exists() {
        std::fs::rename(dir, &old)
            .with_context(|| format!("failed to move `{}` aside", dir.display()))?;
    }
    if let Err(e) = std::fs::rename(&tmp, dir) {
        let _ = std::fs::rename(&old, dir);
        return Err(e).with_context(|| format!("failed to write `{}`", dir.display()));
    }
    if old.exists() {
        std::fs::remove_dir_all(&old)
            .with_context(|| format!("failed to remove `{}`", old.display()))?;
    }
    Ok(sums)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
