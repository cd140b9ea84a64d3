//! `stdkit dossier -o DIR`: the acceptance dossier, written atomically: HTML, PDF, workbook
//! and a manifest of their SHA-256 sums.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

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
    let loaded = crate::load::load_with(&root, &crate::check::TextRules)?;
    let repo = &loaded.repo;
    let input = crate::load::Input::new(&root);

    // Every rule of `check` first: a volume is compiled from a repository without errors,
    // or as a draft.
    let (chapters, refused) = read_chapters(&root, repo)?;
    let mut findings = loaded.findings.clone();
    findings.extend(crate::check::check(repo, ctx.as_of));
    findings.extend(rules(repo, &chapters, &refused));
    let font_dirs = font_dirs(&root, repo, args)?;
    // The rules know the embedded fonts; fonts added on purpose may have more.
    #[cfg(feature = "pdf")]
    if !font_dirs.is_empty() {
        let covers = crate::dossier::pdf::covers(&font_dirs);
        findings.retain(|f| {
            f.code != crate::finding::Code::DossierGlyph
                || crate::check::glyph::character(f).is_none_or(|c| !covers(c))
        });
    }
    crate::finding::sort(&mut findings);
    let failed = findings.iter().any(|f| f.severity == Severity::Error);
    if !findings.is_empty() {
        let snippets = crate::load::snippets(&root, &findings);
        let report = crate::report::findings::Report {
            findings: &findings,
            standards: repo.standards.len(),
            lang: ctx.lang,
            color: ctx.color,
            snippets: &snippets,
        };
        crate::report::findings::write(crate::report::findings::Format::Human, &report, out)?;
    }
    if failed && !args.draft {
        let (zh, en) = (
            "标准库检查有错误，未生成汇编；改正后重试，或以 --draft 生成标注“草稿”的汇编",
            "the repository has errors, no dossier was written; fix them, or use --draft for a volume marked as a draft",
        );
        writeln!(out, "{}", if ctx.lang == Lang::Zh { zh } else { en })?;
        return Ok(Outcome::Failed);
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

    let dossier = compile(Inputs {
        repo,
        as_of: ctx.as_of,
        draft: failed,
        commit: head.commit.clone(),
        dirty: head.dirty,
        chapters,
        texts,
        audits,
        history,
        rates,
        members,
    });

    let files = render(&dossier, &crate::table::build(repo), &input, &font_dirs)?;
    let fonts = added_fonts(&root, &font_dirs)?;
    let (files, written) = with_manifest(files, &head, dossier.draft, &fonts)?;
    target.replace(&files)?;
    for (name, sum) in &written {
        let path = args.output.join(name).display().to_string();
        writeln!(out, "{}  {}", sum, crate::report::terminal_safe(&path))?;
    }
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}

/// The chapters `[dossier].sections` names, read through the input rule; those it refuses,
/// with the reason.
pub(super) fn read_chapters(
    root: &std::path::Path,
    repo: &crate::model::Repository,
) -> Result<(
    BTreeMap<String, String>,
    BTreeMap<String, crate::finding::Msg>,
)> {
    let chapter_files = crate::load::chapters(root);
    let mut chapters = BTreeMap::new();
    let mut refused = BTreeMap::new();
    let input = crate::load::Input::new(root);
    for (name, _) in section_list(repo, &chapter_files) {
        if !name.ends_with(".md") || !crate::load::input_plain(&name) {
            continue;
        }
        match input.read_named(&name) {
            // A chapter that is not UTF-8 cannot be printed: a finding, as a refused one.
            Ok(bytes) => match crate::load::decode_text(&name, &bytes) {
                Ok(text) => {
                    chapters.insert(name.clone(), text);
                }
                Err(e) => {
                    let why = crate::finding::Msg::new(
                        format!("汇编章节 {}", crate::finding::describe_error(&e, Lang::Zh)),
                        format!(
                            "dossier chapter {}",
                            crate::finding::describe_error(&e, Lang::En)
                        ),
                    );
                    refused.insert(name.clone(), why);
                }
            },
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
    Ok((chapters, refused))
}

/// The rules of the dossier that the loader cannot meet on its own: sections that cannot be
/// printed, and the chapters' links and characters. `check` reports them too.
pub(super) fn rules(
    repo: &crate::model::Repository,
    chapters: &BTreeMap<String, String>,
    refused: &BTreeMap<String, crate::finding::Msg>,
) -> Vec<crate::finding::Finding> {
    let mut findings = crate::dossier::compile::section_findings(repo, chapters, refused);
    for (path, markdown) in chapters {
        crate::check::links::outside(path, markdown, 1, &mut findings);
        findings.extend(crate::check::glyph::scan(
            path,
            markdown,
            &crate::check::glyph::embedded,
        ));
    }
    findings
}

/// Every file of the dossier, in memory.
/// The workbook holds the system table whether or not the volume prints it.
fn render(
    d: &Dossier,
    table: &crate::table::SystemTable,
    input: &crate::load::Input,
    font_dirs: &[PathBuf],
) -> Result<Vec<(&'static str, Vec<u8>)>> {
    let assets = |rel: &str| crate::load::asset(input, rel);
    let mut files = vec![(
        "dossier.html",
        crate::dossier::html::render(d, &assets).into_bytes(),
    )];
    #[cfg(feature = "pdf")]
    files.push(("dossier.pdf", crate::dossier::pdf::render(d, font_dirs)?));
    #[cfg(not(feature = "pdf"))]
    let _ = font_dirs;
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
    draft: bool,
    fonts: &[(String, String)],
) -> Result<(Files, Vec<(String, String)>)> {
    let fonts: Vec<serde_json::Value> = fonts
        .iter()
        .map(|(path, sum)| serde_json::json!({"path": path, "sha256": sum}))
        .collect();
    let sums: Vec<(String, String)> = files
        .iter()
        .map(|(name, bytes)| (name.to_string(), hex(&Sha256::digest(bytes))))
        .collect();
    let manifest = serde_json::json!({
        "files": sums.iter().map(|(f, s)| serde_json::json!({"path": f, "sha256": s})).collect::<Vec<_>>(),
        "source": {"commit": head.commit, "dirty": head.dirty},
        "draft": draft,
        "fonts": fonts,
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

/// The font directories of the PDF besides the embedded fonts: `--font-path`, then
/// `[dossier] fonts` (inside the repository).
fn font_dirs(
    root: &std::path::Path,
    repo: &crate::model::Repository,
    args: &DossierArgs,
) -> Result<Vec<PathBuf>> {
    let mut dirs = args.font_path.clone();
    for dir in &repo.manifest.dossier.fonts {
        let Some(rel) = crate::check::links::resolve(crate::load::MANIFEST, dir) else {
            return Err(crate::finding::failure(
                format!(
                    "`[dossier] fonts` 中的 `{dir}` 不在标准库之内；标准库之外的字体请用 --font-path"
                ),
                format!(
                    "`{dir}` in `[dossier] fonts` is outside the repository; use --font-path for fonts elsewhere"
                ),
            ));
        };
        dirs.push(root.join(rel));
    }
    Ok(dirs)
}

/// The fonts `--font-path` added, with their SHA-256: a volume printed with fonts of the
/// user's machine says which (the default uses only the embedded fonts and lists none).
fn added_fonts(root: &std::path::Path, font_dirs: &[PathBuf]) -> Result<Vec<(String, String)>> {
    #[cfg(feature = "pdf")]
    {
        let mut out = Vec::new();
        for path in crate::dossier::pdf::font_files(font_dirs) {
            let bytes = crate::finding::FailWith::fail_with(std::fs::read(&path), || {
                let p = path.display();
                (
                    format!("无法读取字体文件 {p}"),
                    format!("cannot read the font file {p}"),
                )
            })?;
            // A font of the repository by its repository-relative path (the same on every
            // machine), one from --font-path as given.
            let shown = path.strip_prefix(root).unwrap_or(&path);
            out.push((shown.display().to_string(), hex(&Sha256::digest(&bytes))));
        }
        Ok(out)
    }
    #[cfg(not(feature = "pdf"))]
    {
        let _ = (root, font_dirs);
        Ok(Vec::new())
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
