//! A standard file (`*.md` with front matter, or `*.toml`) or a category's `_index.md` → model.

use super::fields::{self, Fields};
use super::source::Source;
use crate::finding::{Code, Finding, Location, Pos};
use crate::messages;
use crate::model::{
    At, Category, CodeRef, Covers, FileKind, Kind, Level, NoRef, Origin, Revision, Standard,
    Status, StdCode,
};

/// A standard file. A file whose metadata cannot be read at all is still a standard of the
/// system (SPEC §2.3), without metadata: it counts, keeps its category from looking empty, and
/// its file name still answers for it in records.
pub fn standard(src: &Source<'_>, file: FileKind, findings: &mut Vec<Finding>) -> Standard {
    read_standard(src, file, findings)
        .unwrap_or_else(|| Standard::unreadable(src.path.clone(), file))
}

fn read_standard(
    src: &Source<'_>,
    file: FileKind,
    findings: &mut Vec<Finding>,
) -> Option<Standard> {
    let (toml, offset, body) = match file {
        FileKind::Toml => (src.text, 0, None),
        FileKind::Markdown => match src.front_matter() {
            Some(fm) => (fm.toml, fm.toml_offset, Some((fm.body, fm.body_line))),
            None => {
                let missing = Finding::new(
                    Code::FrontmatterMissing,
                    Location::new(src.path.clone(), Pos::START),
                    messages::frontmatter_standard(),
                )
                .help(messages::frontmatter_standard_help());
                findings.push(no_front_matter(src, missing));
                return None;
            }
        },
    };
    let doc = fields::parse(src, toml, offset, findings)?;
    let mut f = Fields::new(
        src,
        offset,
        doc.get_ref(),
        doc.span(),
        *crate::schema::keys::STANDARD,
        "",
        findings,
    );
    let no = f.req_string("no");
    let mut s = Standard {
        path: src.path.clone(),
        file,
        head: f.head(),
        no: None,
        title: f.req_string("title").map(|t| t.value),
        level: f.choice("level", true, Level::parse, Level::spellings),
        origin: f.choice("origin", true, Origin::parse, Origin::spellings),
        status: f.choice("status", true, Status::parse, Status::spellings),
        code: None,
        code_invalid: false,
        kind: f
            .choice("kind", false, Kind::parse, Kind::spellings)
            .map(|k| k.value),
        unit: f.string("unit").map(|u| u.value),
        owner: f.string("owner").map(|o| o.value),
        due: f.date("due"),
        published: f.date("published"),
        effective: f.date("effective"),
        replaces: Vec::new(),
        references: Vec::new(),
        covers: Covers::default(),
        formerly: f.strings("formerly").into_iter().map(NoRef::new).collect(),
        revisions: Vec::new(),
        has_text: body.is_some_and(|(b, _)| !b.trim().is_empty()),
    };
    s.set_no(no);
    if let Some(raw) = f.string("code") {
        match code_ref(src, raw, "code", f.findings) {
            Some(c) => s.code = Some(c),
            None => s.code_invalid = true,
        }
    }
    for key in ["replaces", "references"] {
        let list: Vec<CodeRef> = f
            .strings(key)
            .into_iter()
            .filter_map(|raw| code_ref(src, raw, key, f.findings))
            .collect();
        if key == "replaces" {
            s.replaces = list;
        } else {
            s.references = list;
        }
    }
    if let Some((t, span)) = f.table("covers") {
        let mut c = Fields::new(
            src,
            offset,
            t,
            span,
            *crate::schema::keys::COVERS,
            "covers",
            f.findings,
        );
        s.covers = Covers {
            posts: c.strings("posts"),
            services: c.strings("services"),
            assets: c.strings("assets"),
        };
        c.finish();
    }
    for (t, span) in f.tables("revision") {
        let mut r = Fields::new(
            src,
            offset,
            t,
            span,
            *crate::schema::keys::REVISION,
            "revision",
            f.findings,
        );
        s.revisions.push(Revision {
            version: r.string("version").map(|v| v.value),
            date: r.date("date").map(|d| d.value),
            note: r.string("note").map(|n| n.value),
        });
        r.finish();
    }
    f.finish();

    Some(s)
}

/// Parses one written code; a code that does not parse is a `code/format` finding, one
/// written in another form a `code/non-canonical` warning with the canonical form.
fn code_ref(
    src: &Source<'_>,
    raw: At<String>,
    key: &str,
    findings: &mut Vec<Finding>,
) -> Option<CodeRef> {
    match StdCode::parse(&raw.value) {
        Ok((code, canonical)) => {
            if !canonical {
                findings.push(
                    Finding::new(
                        Code::CodeNonCanonical,
                        src.location_at(raw.pos),
                        messages::code_non_canonical(key, &raw.value),
                    )
                    .help(messages::code_non_canonical_help(&code)),
                );
            }
            Some(CodeRef {
                code,
                written: raw.value,
                pos: raw.pos,
            })
        }
        Err(e) => {
            findings.push(Finding::new(
                Code::CodeFormat,
                src.location_at(raw.pos),
                messages::code_invalid(key, &e),
            ));
            None
        }
    }
}

/// A category's `_index.md`.
pub fn category(
    src: &Source<'_>,
    dir: String,
    depth: usize,
    findings: &mut Vec<Finding>,
) -> Category {
    let mut cat = Category {
        dir,
        index: Some(src.path.clone()),
        code: None,
        title: None,
        depth,
    };
    let Some(fm) = src.front_matter() else {
        let missing = Finding::new(
            Code::FrontmatterMissing,
            Location::new(src.path.clone(), Pos::START),
            messages::frontmatter_category(),
        );
        findings.push(no_front_matter(src, missing));
        return cat;
    };
    let Some(doc) = fields::parse(src, fm.toml, fm.toml_offset, findings) else {
        return cat;
    };
    let mut f = Fields::new(
        src,
        fm.toml_offset,
        doc.get_ref(),
        doc.span(),
        *crate::schema::keys::CATEGORY,
        "",
        findings,
    );
    cat.code = f.req_string("code");
    cat.title = f.req_string("title").map(|t| t.value);
    f.finish();
    cat
}

/// Why a Markdown file has no front matter, said as precisely as the text allows: line ends
/// that are CR only (so the file is one line), a `+++` opened and never closed, or else
/// `missing`.
fn no_front_matter(src: &Source<'_>, missing: Finding) -> Finding {
    let at = Location::new(src.path.clone(), Pos::START);
    let text = src.text;
    if text.contains('\r') && !text.contains('\n') {
        return Finding::new(
            Code::FrontmatterMissing,
            at,
            messages::frontmatter_cr_only(),
        )
        .help(messages::frontmatter_cr_only_help());
    }
    let first = text.lines().next().unwrap_or("");
    if first.trim_end() == "+++" {
        return Finding::new(
            Code::FrontmatterMissing,
            at,
            messages::frontmatter_unclosed(),
        )
        .help(messages::frontmatter_unclosed_help());
    }
    missing
}
