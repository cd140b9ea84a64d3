//! The dossier as PDF (`dossier.pdf`): the [`Dossier`] is written as one Typst document and
//! compiled in-process with the `typst` library. No network, no packages, no files: the world
//! holds one main source, the fonts and a fixed date.
//!
//! Layout: A4 with the GB/T 9704 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm),
//! page numbers “— 3 —” at the outer edge (odd pages right, even pages left, as GB/T 9704),
//! a running header with the dossier's title on every page but the cover, each section
//! on a new page, headings as PDF bookmarks.
//!
//! Fonts: 仿宋 (hand-written chapters and audit reports, as official documents), 宋体 (standard
//! texts, tables), 黑体 (headings). By default the book holds only the subsets of Noto Serif
//! CJK SC and Noto Sans CJK SC embedded in the binary (the 通用规范汉字表, all of GBK and the
//! symbols of official documents; see `assets/fonts/README.md`): the system's fonts are never
//! read, so installing a font changes neither the look nor the bytes of the PDF. Fonts under
//! `font_dirs` (`--font-path`) are added on purpose: a `FangSong_GB2312`/`FangSong`,
//! `SimSun` or `SimHei` among them prints in place of the embedded face, as GB/T 9704 asks,
//! and a character the embedded fonts lack may fall back to them ([`covers`], [`font_files`]).
//!
//! Every piece of user text reaches Typst through [`escape`] (markup) or [`str_lit`] (string
//! literals): nothing from the repository is ever Typst code.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::Result;
use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use super::model::{Dossier, MemberRates, Section, StandardHistory, StandardText};
use crate::model::{Audit, Date, Inspection, Survey, Training};
use crate::rates::{CenterRates, Rate};
use crate::table::SystemTable;
use crate::tasks::Task;

mod diagram;
mod escaping;
mod fonts;
mod markdown;
mod origin;
mod sections;
mod tables;
mod template;

use escaping::*;
use fonts::*;
use markdown::*;
use origin::*;
use sections::*;
use tables::*;
use template::*;

/// The fonts embedded in the binary, zlib-compressed: subsets of Noto CJK (SIL OFL 1.1) made
/// by `scripts/make-fonts.sh`, inflated once per process by [`embedded_fonts`].
static EMBEDDED: [&[u8]; 3] = [
    include_bytes!("../../../assets/fonts/NotoSerifSC-Regular-stdkit.otf.z"),
    include_bytes!("../../../assets/fonts/NotoSerifSC-Bold-stdkit.otf.z"),
    include_bytes!("../../../assets/fonts/NotoSansSC-Bold-stdkit.otf.z"),
];

/// The family names of the embedded fonts (name ID 1).
const EMBEDDED_SERIF: &str = "Noto Serif CJK SC";
const EMBEDDED_SANS: &str = "Noto Sans CJK SC";

/// Preferred families, best first; those not under `font_dirs` are left out and the embedded
/// face closes each list.
const FANGSONG: &[&str] = &[
    "FangSong_GB2312",
    "仿宋_GB2312",
    "FangSong",
    "仿宋",
    "STFangsong",
];
const SONG: &[&str] = &["SimSun", "宋体", "STSong", "Songti SC"];
const HEI: &[&str] = &["SimHei", "黑体", "STHeiti", "Heiti SC"];
const KAI: &[&str] = &["KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti"];
const MONO: &[&str] = &[
    "DejaVu Sans Mono",
    "Consolas",
    "Menlo",
    "Noto Sans Mono CJK SC",
];

/// Renders the dossier as PDF with the embedded fonts and those under `font_dirs` (none of
/// the system's). The same dossier and font directories give byte-identical output on any
/// machine.
pub fn render(d: &Dossier, font_dirs: &[PathBuf]) -> Result<Vec<u8>> {
    let doc = layout(d, font_dirs)?;
    let options = PdfOptions {
        ident: Smart::Custom(format!("stdkit-dossier:{}:{}", d.center, d.as_of)),
        creator: Smart::Custom(Some(format!("stdkit {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Timestamp::new_local(datetime(d.as_of), 8 * 60),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&doc, &options).map_err(|errors| {
        let errors: Vec<_> = errors.into_iter().map(|e| (e, None)).collect();
        failure_message(Stage::Export, &errors, &[])
    })
}

/// The font files under `font_dirs` that [`render`] loads (each holds at least one face), in
/// the stable order they join the font book: for the manifest.
pub fn font_files(font_dirs: &[PathBuf]) -> Vec<PathBuf> {
    loaded_files(font_dirs)
}

/// Whether a character prints with a glyph of the embedded fonts ([`crate::glyphs`]) or of a
/// face under `font_dirs` (their cmaps, read now, once).
pub fn covers(font_dirs: &[PathBuf]) -> impl Fn(char) -> bool + use<> {
    let faces: Vec<_> = scan_dirs(font_dirs)
        .into_iter()
        .map(|face| face.info.coverage)
        .collect();
    move |c| crate::glyphs::embedded_covers(c) || faces.iter().any(|f| f.contains(u32::from(c)))
}

/// Compiles the dossier into laid-out pages. A failure names the Markdown file and line
/// that produced the failing markup, else the sections that fail on their own.
fn layout(d: &Dossier, font_dirs: &[PathBuf]) -> Result<PagedDocument> {
    let errors = match compile(d, font_dirs) {
        Ok(doc) => return Ok(doc),
        Err(errors) => errors,
    };
    let unplaced = if errors.iter().any(|(_, place)| place.is_none()) {
        failing_sections(d, font_dirs)
    } else {
        Vec::new()
    };
    Err(failure_message(Stage::Typesetting, &errors, &unplaced))
}

/// The laid-out pages, or each error with the place it came from, if that can be told.
fn compile(
    d: &Dossier,
    font_dirs: &[PathBuf],
) -> std::result::Result<PagedDocument, Vec<(SourceDiagnostic, Option<Origin>)>> {
    let fonts = Fonts::collect(font_dirs);
    let (source, origins) = typst_source(d, &fonts.book);
    let world = DossierWorld::new(source, fonts, datetime(d.as_of));
    let Warned {
        output,
        warnings: _,
    } = typst::compile::<PagedDocument>(&world);
    output.map_err(|errors| {
        errors
            .into_iter()
            .filter(|e| e.severity == Severity::Error)
            .map(|e| {
                // The error's own place, else the innermost place of its trace, outside the
                // prelude (whose functions and show rules run for the user's content).
                let place = std::iter::once(world.range(e.span))
                    .chain(e.trace.iter().map(|t| world.range(t.span)))
                    .flatten()
                    .map(|range| origins.find(range.start))
                    .find(|place| place.section.is_some())
                    .map(Origin::from);
                (e, place)
            })
            .collect()
    })
}

/// The headings of the sections that fail to compile on their own: where an error that
/// points into the prelude (a function of it applied to the user's content) comes from.
fn failing_sections(d: &Dossier, font_dirs: &[PathBuf]) -> Vec<String> {
    d.sections
        .iter()
        .filter(|section| {
            let alone = Dossier {
                title: d.title.clone(),
                center: d.center.clone(),
                as_of: d.as_of,
                draft: d.draft,
                commit: d.commit.clone(),
                dirty: d.dirty,
                sections: vec![(*section).clone()],
                body_lines: d.body_lines.clone(),
            };
            compile(&alone, font_dirs).is_err()
        })
        .map(|section| section.heading().unwrap_or_else(|| "封面".to_owned()))
        .collect()
}

fn datetime(d: Date) -> Datetime {
    Datetime::from_ymd(i32::from(d.year()), d.month() as u8, d.day() as u8)
        .expect("a civil date is a valid Typst date")
}

// ---------------------------------------------------------------------------------------
// The world: one source, the fonts, a fixed date.

struct DossierWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<FontSlot>,
    main: Source,
    today: Datetime,
}

impl DossierWorld {
    fn new(text: String, fonts: Fonts, today: Datetime) -> Self {
        let id = FileId::new(RootedPath::new(
            VirtualRoot::Project,
            VirtualPath::new("/dossier.typ").expect("a valid virtual path"),
        ));
        DossierWorld {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(fonts.book),
            fonts: fonts.slots,
            main: Source::new(id, text),
            today,
        }
    }
}

impl World for DossierWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            Ok(Bytes::from_string(self.main.text().to_owned()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index)?.get()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

#[cfg(test)]
mod tests;
