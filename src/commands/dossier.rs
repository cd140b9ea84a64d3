//! `stdkit dossier -o DIR`: the acceptance dossier, written atomically: HTML, PDF, workbook
//! and a manifest of their SHA-256 sums.

use std::collections::BTreeMap;
use std::io::Write;

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
    // Where the volume may go is decided before anything is read.
    let target = crate::output::dir(&root, &args.output)?;
    let loaded = crate::load::load(&root)?;
    let repo = &loaded.repo;

    let chapter_files = crate::load::chapters(&root);
    let mut chapters = BTreeMap::new();
    let mut refused = BTreeMap::new();
    let input = crate::load::Input::new(&root);
    for (name, _) in section_list(repo, &chapter_files) {
        if !name.ends_with(".md") || !crate::load::input_plain(&name) {
            continue;
        }
        match input.read_named(&name) {
            Ok(bytes) => {
                chapters.insert(name.clone(), crate::load::decode_text(&name, &bytes)?);
            }
            Err(refusal) => {
                if let Some(f) = refusal.finding(&name) {
                    let why = crate::finding::Msg::new(
                        format!("汇编章节 `{name}`：{}", f.message.zh),
                        format!("dossier chapter `{name}`: {}", f.message.en),
                    );
                    refused.insert(name.clone(), why);
                }
            }
        }
    }
    let mut texts = BTreeMap::new();
    for s in &repo.standards {
        if s.file == FileKind::Markdown
            && s.has_text
            && s.level.as_ref().is_some_and(|l| l.value == Level::Internal)
        {
            texts.insert(s.path.clone(), crate::load::body(&input, &s.path)?);
        }
    }
    let mut audits = BTreeMap::new();
    for a in &repo.records.audits {
        audits.insert(a.path.clone(), crate::load::body(&input, &a.path)?);
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
        refused,
        rates,
        members,
    });
    crate::finding::sort(&mut findings);

    let files = render(&dossier, &crate::table::build(repo), &input, args)?;
    let (files, written) = with_manifest(files, &head)?;
    target.replace(&files)?;
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
        let path = args.output.join(name).display().to_string();
        writeln!(out, "{}  {}", sum, crate::report::terminal_safe(&path))?;
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
    input: &crate::load::Input,
    args: &DossierArgs,
) -> Result<Vec<(&'static str, Vec<u8>)>> {
    let assets = |rel: &str| crate::load::asset(input, rel);
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

/// Files by name, with their bytes.
type Files = Vec<(String, Vec<u8>)>;

/// The files and, last, `manifest.json` with the SHA-256 of each; and the sums to print.
fn with_manifest(
    files: Vec<(&'static str, Vec<u8>)>,
    head: &crate::load::git::Head,
) -> Result<(Files, Vec<(String, String)>)> {
    let sums: Vec<(String, String)> = files
        .iter()
        .map(|(name, bytes)| (name.to_string(), hex(&Sha256::digest(bytes))))
        .collect();
    let manifest = serde_json::json!({
        "files": sums.iter().map(|(f, s)| serde_json::json!({"path": f, "sha256": s})).collect::<Vec<_>>(),
        "source": {"commit": head.commit, "dirty": head.dirty},
        "generator": format!("stdkit {}", env!("CARGO_PKG_VERSION")),
    });
    let mut text = serde_json::to_string_pretty(&manifest)?;
    text.push('\n');
    let mut sums = sums;
    sums.push((
        crate::output::MANIFEST.into(),
        hex(&Sha256::digest(text.as_bytes())),
    ));
    let mut files: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|(name, bytes)| (name.to_owned(), bytes))
        .collect();
    files.push((crate::output::MANIFEST.into(), text.into_bytes()));
    Ok((files, sums))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
