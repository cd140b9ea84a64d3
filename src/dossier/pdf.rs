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
//! texts, tables), 黑体 (headings). A system that has `FangSong_GB2312`/`FangSong`, `SimSun` or
//! `SimHei` (Windows, or installed under `font_dirs`) prints with those; otherwise the GB2312
//! subsets of Noto Serif CJK SC and Noto Sans CJK SC embedded in the binary are used (see
//! `assets/fonts/README.md`). A character outside GB2312 falls back to any font on the
//! system that has it.
//!
//! Every piece of user text reaches Typst through [`escape`] (markup) or [`str_lit`] (string
//! literals): nothing from the repository is ever Typst code.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Result, anyhow};
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

/// The fonts embedded in the binary: GB2312 subsets of Noto CJK (SIL OFL 1.1).
static EMBEDDED: [&[u8]; 3] = [
    include_bytes!("../../assets/fonts/NotoSerifSC-Regular-GB2312.otf"),
    include_bytes!("../../assets/fonts/NotoSerifSC-Bold-GB2312.otf"),
    include_bytes!("../../assets/fonts/NotoSansSC-Bold-GB2312.otf"),
];

/// The family names of the embedded fonts (name ID 1).
const EMBEDDED_SERIF: &str = "Noto Serif CJK SC";
const EMBEDDED_SANS: &str = "Noto Sans CJK SC";

/// Preferred families, best first; those not installed are left out and the embedded face
/// closes each list.
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

/// Renders the dossier as PDF. `font_dirs` are searched for fonts besides the system's font
/// directories. The same dossier on the same machine gives byte-identical output.
pub fn render(d: &Dossier, font_dirs: &[PathBuf]) -> Result<Vec<u8>> {
    let doc = layout(d, font_dirs)?;
    let options = PdfOptions {
        ident: Smart::Custom(format!("stdkit-dossier:{}:{}", d.center, d.as_of)),
        creator: Smart::Custom(Some(format!("stdkit {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Timestamp::new_local(datetime(d.as_of), 8 * 60),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&doc, &options).map_err(|errors| diagnostics_error("PDF export", &errors, None))
}

/// Compiles the dossier into laid-out pages.
fn layout(d: &Dossier, font_dirs: &[PathBuf]) -> Result<PagedDocument> {
    let fonts = Fonts::collect(font_dirs);
    let source = typst_source(d, &fonts.book);
    let world = DossierWorld::new(source, fonts, datetime(d.as_of));
    let Warned {
        output,
        warnings: _,
    } = typst::compile::<PagedDocument>(&world);
    output.map_err(|errors| diagnostics_error("typesetting", &errors, Some(&world)))
}

fn datetime(d: Date) -> Datetime {
    Datetime::from_ymd(i32::from(d.year()), d.month() as u8, d.day() as u8)
        .expect("a civil date is a valid Typst date")
}

fn diagnostics_error(
    what: &str,
    errors: &[SourceDiagnostic],
    world: Option<&DossierWorld>,
) -> anyhow::Error {
    let mut msg = format!("PDF dossier: {what} failed");
    for e in errors.iter().filter(|e| e.severity == Severity::Error) {
        let _ = write!(msg, "\n  {}", e.message);
        if let Some(world) = world
            && let Some(range) = world.range(e.span)
        {
            let text = world.main.text();
            let (from, to) = (
                range.start.saturating_sub(60),
                (range.end + 60).min(text.len()),
            );
            let from = (0..=from)
                .rev()
                .find(|i| text.is_char_boundary(*i))
                .unwrap_or(0);
            let to = (to..=text.len())
                .find(|i| text.is_char_boundary(*i))
                .unwrap_or(text.len());
            let _ = write!(msg, "\n    near: {:?}", &text[from..to]);
        }
        for hint in &e.hints {
            let _ = write!(msg, "\n    hint: {}", hint.v);
        }
    }
    anyhow!(msg)
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

/// A font of the book: embedded (parsed), or a face of a file loaded when first used.
enum FontSlot {
    Ready(Font),
    File {
        path: PathBuf,
        index: u32,
        font: OnceLock<Option<Font>>,
    },
}

impl FontSlot {
    fn get(&self) -> Option<Font> {
        match self {
            FontSlot::Ready(font) => Some(font.clone()),
            FontSlot::File { path, index, font } => font
                .get_or_init(|| {
                    let data = std::fs::read(path).ok()?;
                    Font::new(Bytes::new(data), *index)
                })
                .clone(),
        }
    }
}

struct Fonts {
    book: FontBook,
    slots: Vec<FontSlot>,
}

/// A face found in a font file.
#[derive(Clone)]
struct FoundFace {
    path: PathBuf,
    index: u32,
    info: FontInfo,
}

impl Fonts {
    /// The embedded fonts first (so that they win a tie with an installed face of the same
    /// family and style: the output does not depend on the installed version of Noto),
    /// then the faces under `font_dirs`, then the system's.
    fn collect(font_dirs: &[PathBuf]) -> Fonts {
        let mut book = FontBook::new();
        let mut slots = Vec::new();
        for font in embedded_fonts() {
            book.push(font.info().clone());
            slots.push(FontSlot::Ready(font.clone()));
        }
        let user = scan_dirs(font_dirs);
        for face in user.iter().chain(system_fonts()) {
            book.push(face.info.clone());
            slots.push(FontSlot::File {
                path: face.path.clone(),
                index: face.index,
                font: OnceLock::new(),
            });
        }
        Fonts { book, slots }
    }
}

fn embedded_fonts() -> &'static [Font] {
    static FONTS: OnceLock<Vec<Font>> = OnceLock::new();
    FONTS.get_or_init(|| {
        EMBEDDED
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect()
    })
}

/// The faces in the system's font directories, scanned once per process.
fn system_fonts() -> &'static [FoundFace] {
    static FACES: OnceLock<Vec<FoundFace>> = OnceLock::new();
    FACES.get_or_init(|| scan_dirs(&system_font_dirs()))
}

fn system_font_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    let home = std::env::var_os("HOME").map(PathBuf::from);
    if cfg!(windows) {
        let windir = std::env::var_os("WINDIR")
            .or_else(|| std::env::var_os("SystemRoot"))
            .map_or_else(|| PathBuf::from(r"C:\Windows"), PathBuf::from);
        dirs.push(windir.join("Fonts"));
        if let Some(local) = std::env::var_os("LOCALAPPDATA") {
            dirs.push(PathBuf::from(local).join(r"Microsoft\Windows\Fonts"));
        }
    } else if cfg!(target_os = "macos") {
        dirs.push("/Library/Fonts".into());
        dirs.push("/System/Library/Fonts".into());
        dirs.push("/System/Library/AssetsV2".into());
        if let Some(home) = &home {
            dirs.push(home.join("Library/Fonts"));
        }
    } else {
        dirs.push("/usr/share/fonts".into());
        dirs.push("/usr/local/share/fonts".into());
        match std::env::var_os("XDG_DATA_HOME") {
            Some(data) => dirs.push(PathBuf::from(data).join("fonts")),
            None => {
                if let Some(home) = &home {
                    dirs.push(home.join(".local/share/fonts"));
                }
            }
        }
        if let Some(home) = &home {
            dirs.push(home.join(".fonts"));
        }
    }
    dirs
}

/// Every face of every font file under `dirs`, in a stable order (directory order, then
/// file name).
fn scan_dirs(dirs: &[PathBuf]) -> Vec<FoundFace> {
    let mut faces = Vec::new();
    for dir in dirs {
        let files = walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file() && is_font_file(e.path()));
        for entry in files {
            let Ok(data) = std::fs::read(entry.path()) else {
                continue;
            };
            for (index, info) in FontInfo::iter(&data).enumerate() {
                faces.push(FoundFace {
                    path: entry.path().to_path_buf(),
                    index: index as u32,
                    info,
                });
            }
        }
    }
    faces
}

fn is_font_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "ttf" | "otf" | "ttc" | "otc"
        )
    })
}

// ---------------------------------------------------------------------------------------
// Escaping.

/// Escapes text for Typst markup: every ASCII punctuation character is backslash-escaped
/// (`\#`, `\*`, `\[`, `\/`, `\"` …), so that no markup, code, math, label, reference, list
/// marker, shorthand (`--`, `...`, `~`), smart quote or URL can arise from it; line breaks
/// become spaces and other control characters are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A Typst string literal holding `text` exactly.
pub fn str_lit(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `[escaped text]`: a content block holding `text` literally.
fn content(text: &str) -> String {
    format!("[{}]", escape(text))
}

/// A standard number as printed (SPEC §3): an em dash between sequence and year
/// (`GB/T 1.1-2020` → `GB/T 1.1—2020`).
pub fn printed_code(code: &str) -> String {
    if let Some(i) = code.rfind(['-', '–', '－']) {
        let (head, tail) = code.split_at(i);
        let year = &tail[tail.chars().next().map_or(0, char::len_utf8)..];
        let is_year = matches!(year.len(), 2 | 4) && year.bytes().all(|b| b.is_ascii_digit());
        if is_year && head.ends_with(|c: char| c.is_ascii_digit()) {
            return format!("{head}—{year}");
        }
    }
    code.to_owned()
}

fn zh_date(d: Date) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

fn pct(v: f64) -> String {
    let p = v * 100.0;
    if (p - p.round()).abs() < 1e-9 {
        format!("{p:.0}%")
    } else {
        format!("{p:.1}%")
    }
}

/// A ratio for Typst (`93.33%`), clamped to 0–100 %.
fn ratio(v: f64) -> String {
    format!("{:.2}%", (v * 100.0).clamp(0.0, 100.0))
}

// ---------------------------------------------------------------------------------------
// The Typst document.

const PRELUDE: &str = r##"
#let song = (@SONG@)
#let fang = (@FANG@)
#let hei = (@HEI@)
#let kai = (@KAI@)
#let mono = (@MONO@)
#let has-kai = @HASKAI@
#let doc-title = [@TITLE@]

#set document(title: doc-title, author: @AUTHORS@)
#set text(font: song, size: 12pt, lang: "zh", region: "cn", top-edge: "ascender", bottom-edge: "descender")
#set par(justify: true, leading: 0.6em, spacing: 0.6em, first-line-indent: (amount: 2em, all: true))
#set page(
  paper: "a4",
  margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm),
  header-ascent: 40%,
  footer-descent: 35%,
  header: context {
    set text(font: song, size: 10.5pt)
    set par(first-line-indent: 0pt, justify: false)
    align(center, doc-title)
    v(-0.45em)
    line(length: 100%, stroke: 0.5pt)
  },
  footer: context {
    let n = counter(page).get().first()
    set text(font: song, size: 14pt)
    set par(first-line-indent: 0pt)
    let s = [— #n —]
    if calc.odd(n) { align(right, s + h(1em)) } else { align(left, h(1em) + s) }
  },
)

// Headings in 黑体; below level 3 they take the size of the text around them.
#show heading: set text(font: hei, weight: "bold")
#show heading.where(level: 1): set text(size: 22pt)
#show heading.where(level: 2): set text(size: 16pt)
#show heading.where(level: 3): set text(size: 14pt)
#show heading: it => {
  set par(first-line-indent: 0pt, justify: false, leading: 0.5em)
  if it.level == 1 {
    block(width: 100%, above: 0pt, below: 1.5em, sticky: true, align(center, it.body))
  } else {
    block(above: 1.1em, below: 0.8em, sticky: true, it.body)
  }
}
#show strong: set text(font: hei)
#show emph: it => if has-kai { text(font: kai, style: "normal", it.body) } else { underline(stroke: 0.5pt, offset: 2pt, it.body) }
#show raw: set text(font: mono, size: 0.85em)
#show raw.where(block: true): it => block(width: 100%, fill: luma(245), inset: 6pt, radius: 2pt, it)
#show quote.where(block: true): it => block(inset: (left: 1em, y: 0.2em), stroke: (left: 1.5pt + luma(160)), it.body)
#show list: set par(first-line-indent: 0pt)
#show enum: set par(first-line-indent: 0pt)
#show terms: set par(first-line-indent: 0pt)
#show outline: set par(first-line-indent: 0pt)
#show outline.entry.where(level: 1): set text(font: hei)
#set outline.entry(fill: repeat([.], gap: 0.15em))

#set table(stroke: 0.5pt, inset: (x: 4pt, y: 4pt), align: left + horizon, fill: (_, y) => if y == 0 { luma(230) })
#show table: set text(font: song, size: 10.5pt)
#show table: set par(justify: false, leading: 0.35em, spacing: 0.35em, first-line-indent: 0pt)
#show table.cell.where(y: 0): set text(font: hei)
#show table.cell.where(y: 0): set align(center + horizon)

#let stdno(body) = box(body)
#let code(body) = box(fill: luma(238), inset: (x: 2pt), outset: (y: 2pt), radius: 1pt, text(font: mono, size: 0.85em, body))
#let note(body) = block(above: 0.8em, below: 0.8em, par(first-line-indent: 0pt, text(size: 10.5pt, fill: luma(60), body)))
#let empty = note[（无记录）]
#let meta(body) = block(above: 0.4em, below: 0.8em, par(first-line-indent: 0pt, text(size: 10.5pt, body)))

// The cover's title: each line in 一号 (26pt) 黑体, shrunk to fit on one line down to 20pt,
// else wrapped (avoiding a last line of one character).
#let cover-title(lines) = layout(size => {
  set par(first-line-indent: 0pt, justify: false, leading: 0.6em, linebreaks: "optimized")
  for l in lines {
    let natural = measure(text(font: hei, size: 26pt, weight: "bold", l)).width
    let s = if natural > size.width and natural * 20 / 26 <= size.width { 26pt * (size.width / natural) * 0.98 } else { 26pt }
    block(width: 100%, above: 0.6em, below: 0.6em, text(font: hei, size: s, weight: "bold", costs: (runt: 1000%), l))
  }
})

// A bar against the full width: the value as a filled bar, the target as a red rule.
#let bar(value, target, fill) = box(width: 100%, height: 11pt, {
  place(rect(width: 100%, height: 100%, fill: luma(240), stroke: 0.3pt + luma(150)))
  if value != none { place(rect(width: value, height: 100%, fill: fill, stroke: none)) }
  if target != none { place(dx: target, dy: -3pt, line(start: (0pt, 0pt), end: (0pt, 17pt), stroke: 1.5pt + rgb("#b71c1c"))) }
})

// A node of the structure diagram: a framed label, its children indented under a rule.
#let tnode(depth, label, kids) = block(above: 3pt, below: 3pt, breakable: true, {
  set par(first-line-indent: 0pt, justify: false)
  let fill = if depth == 0 { luma(225) } else if depth == 1 { luma(245) } else { none }
  box(stroke: 0.6pt, fill: fill, inset: (x: 6pt, y: 4pt), label)
  if kids != none {
    pad(left: 0.9em, block(above: 3pt, below: 0pt, stroke: (left: 0.6pt + luma(110)), inset: (left: 1.1em, y: 2pt), breakable: true, kids))
  }
})
"##;

/// The whole Typst source of the dossier.
fn typst_source(d: &Dossier, book: &FontBook) -> String {
    let present = |family: &str| book.contains_family(&family.to_lowercase());
    let list = |preferred: &[&str], fallback: &[&str]| -> String {
        preferred
            .iter()
            .copied()
            .filter(|f| present(f))
            .chain(fallback.iter().copied())
            .map(str_lit)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let kai_present = KAI.iter().any(|f| present(f));
    let title = if d.title.trim().is_empty() {
        "验收材料汇编"
    } else {
        d.title.as_str()
    };
    let fang_fallback = list_of(SONG, &present, EMBEDDED_SERIF);
    let kai_fallback = list_of(FANGSONG, &present, EMBEDDED_SERIF);
    let mut out = fill(
        PRELUDE,
        &[
            ("SONG", list(SONG, &[EMBEDDED_SERIF])),
            ("FANG", list(FANGSONG, &fang_fallback)),
            ("HEI", list(HEI, &[EMBEDDED_SANS])),
            ("KAI", list(KAI, &kai_fallback)),
            ("MONO", list(MONO, &[EMBEDDED_SERIF])),
            ("HASKAI", kai_present.to_string()),
            (
                "AUTHORS",
                if d.center.trim().is_empty() {
                    "()".to_owned()
                } else {
                    format!("({},)", str_lit(&d.center))
                },
            ),
            ("TITLE", escape(title)),
        ],
    );

    let mut w = Writer { out: &mut out };
    let mut first = true;
    for section in &d.sections {
        if !first && !matches!(section, Section::Cover) {
            w.line("#pagebreak(weak: true)");
        }
        first = false;
        w.section(d, title, section);
    }
    out
}

/// Replaces each `@KEY@` of `template` by its value, in one pass (a value is never scanned
/// for further keys).
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 256);
    let mut rest = template;
    while let Some(at) = rest.find('@') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match values
            .iter()
            .find(|(key, _)| after.starts_with(key) && after[key.len()..].starts_with('@'))
        {
            Some((key, value)) => {
                out.push_str(value);
                rest = &after[key.len() + 1..];
            }
            None => {
                out.push('@');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The installed families of `preferred`, then `last`: a fallback chain as a slice.
fn list_of<'a>(
    preferred: &[&'a str],
    present: &dyn Fn(&str) -> bool,
    last: &'a str,
) -> Vec<&'a str> {
    preferred
        .iter()
        .copied()
        .filter(|f| present(f))
        .chain(std::iter::once(last))
        .collect()
}

struct Writer<'a> {
    out: &'a mut String,
}

impl Writer<'_> {
    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn heading(&mut self, level: usize, text: &str, outlined: bool) {
        let _ = writeln!(
            self.out,
            "\n#heading(level: {level}, outlined: {outlined}, bookmarked: true){}\n",
            content(text)
        );
    }

    fn note(&mut self, text: &str) {
        let _ = writeln!(self.out, "#note{}", content(text));
    }

    fn empty(&mut self) {
        self.line("#empty");
    }

    /// A table: `columns` and `align` are Typst expressions, `header` plain texts, `rows`
    /// ready-made cells (content blocks or `table.cell(...)`).
    fn table(&mut self, columns: &str, align: &str, header: &[&str], rows: &[String]) {
        let _ = writeln!(self.out, "#table(columns: {columns}, align: {align},");
        let head: Vec<String> = header.iter().map(|h| content(h)).collect();
        let _ = writeln!(self.out, "  table.header({}),", head.join(", "));
        for r in rows {
            let _ = writeln!(self.out, "  {r},");
        }
        self.line(")");
    }

    fn section(&mut self, d: &Dossier, title: &str, section: &Section) {
        let heading = section.heading().unwrap_or_default();
        match section {
            Section::Cover => self.cover(d, title),
            Section::Contents => {
                self.heading(1, &heading, false);
                self.line("#outline(title: none, depth: 2, indent: 2em)");
            }
            Section::Chapter { markdown, .. } => {
                self.heading(1, &heading, true);
                self.line("#[");
                self.line("#set text(font: fang, size: 16pt)");
                self.line("#show heading: set text(size: 16pt)");
                self.line("#set par(leading: 0.8em, spacing: 0.8em)");
                markdown_to_typst(self.out, markdown, 2);
                self.line("]");
            }
            Section::SystemTable(t) => {
                self.heading(1, &heading, true);
                self.system_table(t);
            }
            Section::Rates { center, members } => {
                self.heading(1, &heading, true);
                self.rates(center, members);
            }
            Section::Tasks(groups) => {
                self.heading(1, &heading, true);
                self.tasks(groups);
            }
            Section::Standards(texts) => {
                self.heading(1, &heading, true);
                self.standards(texts);
            }
            Section::Inspections(list) => {
                self.heading(1, &heading, true);
                self.inspections(list);
            }
            Section::Trainings(list) => {
                self.heading(1, &heading, true);
                self.trainings(list);
            }
            Section::Surveys(list) => {
                self.heading(1, &heading, true);
                self.surveys(list);
            }
            Section::Audits(list) => {
                self.heading(1, &heading, true);
                self.audits(list);
            }
            Section::History(list) => {
                self.heading(1, &heading, true);
                self.history(list);
            }
        }
    }

    fn cover(&mut self, d: &Dossier, title: &str) {
        self.line("#page(header: none, footer: none)[");
        self.line("#set par(first-line-indent: 0pt, justify: false)");
        self.line("#set align(center)");
        self.line("#v(3fr)");
        // A title that starts with the centre's name breaks after it.
        let lines = match title.strip_prefix(d.center.as_str()) {
            Some(rest) if !d.center.is_empty() && !rest.trim().is_empty() => {
                format!("({}, {})", content(&d.center), content(rest.trim()))
            }
            _ => format!("({},)", content(title)),
        };
        let _ = writeln!(self.out, "#cover-title({lines})");
        self.line("#v(5fr)");
        let _ = writeln!(
            self.out,
            "#text(font: hei, size: 16pt){}",
            content(&d.center)
        );
        self.line("#v(0.6em)");
        let _ = writeln!(
            self.out,
            "#text(font: fang, size: 16pt){}",
            content(&zh_date(d.as_of))
        );
        self.line("#v(1.2em)");
        let commit = match &d.commit {
            Some(c) if d.dirty => format!("源版本：{c}（工作区有未提交的修改）"),
            Some(c) => format!("源版本：{c}"),
            None => "源版本：—（不在 git 工作区中）".to_owned(),
        };
        let _ = writeln!(
            self.out,
            "#text(size: 9pt, fill: luma(80)){}",
            content(&commit)
        );
        self.line("#v(1fr)");
        self.line("]");
        // Numbering starts after the cover.
        self.line("#counter(page).update(1)");
    }

    fn system_table(&mut self, t: &SystemTable) {
        // The structure diagram.
        self.heading(2, "标准体系结构图", true);
        if t.tree.is_empty() {
            self.empty();
        } else {
            let root = if t.center.is_empty() {
                "标准体系".to_owned()
            } else {
                format!("{}标准体系", t.center)
            };
            let total: usize = t
                .tree
                .iter()
                .filter(|n| n.depth == 0)
                .map(|n| n.total)
                .sum();
            let _ = write!(
                self.out,
                "#tnode(0, text(font: hei){}, [",
                content(&format!("{root}（{total}项）"))
            );
            let mut open: Vec<usize> = Vec::new();
            for (i, n) in t.tree.iter().enumerate() {
                let has_kids = t.tree.get(i + 1).is_some_and(|next| next.depth > n.depth);
                let label = format!("{} {}（{}项）", n.code, n.title, n.total);
                let label = if n.depth == 0 {
                    format!("text(font: hei){}", content(&label))
                } else {
                    content(&label)
                };
                let _ = write!(self.out, "\n#tnode({}, {label}, ", n.depth + 1);
                if has_kids {
                    self.push("[");
                    open.push(n.depth);
                } else {
                    self.push("none)");
                    // Close the parents whose subtree ends here.
                    let next_depth = t.tree.get(i + 1).map_or(0, |next| next.depth);
                    while open.last().is_some_and(|d| *d >= next_depth) {
                        open.pop();
                        self.push("])");
                    }
                }
            }
            while open.pop().is_some() {
                self.push("])");
            }
            self.line("])");
            self.note("括号内为该类及其下级类目中的标准数。");
        }

        // The detail table, on landscape pages turned with their top to the binding edge:
        // the portrait margins turn with them.
        self.line(
            "#page(flipped: true, margin: (top: 28mm, bottom: 26mm, left: 35mm, right: 37mm))[",
        );
        self.heading(2, "标准明细表", true);
        if t.rows.is_empty() {
            self.empty();
        } else {
            let rows: Vec<String> = t
                .rows
                .iter()
                .map(|r| {
                    [
                        content(&r.index.to_string()),
                        content(&r.no),
                        std_nos(r.code.iter()),
                        content(&r.title),
                        content(r.level.map_or("", |l| l.zh())),
                        content(r.origin.map_or("", |o| o.zh())),
                        content(r.status.map_or("", |s| s.zh())),
                        content(r.effective.as_deref().unwrap_or("")),
                        std_nos(r.replaces.iter()),
                        content(r.unit.as_deref().unwrap_or("")),
                    ]
                    .join(", ")
                })
                .collect();
            self.line("#show table: set text(size: 9pt)");
            self.line("#set table(inset: (x: 3pt, y: 4pt))");
            self.table(
                "(auto, auto, auto, 1fr, auto, auto, auto, auto, auto, 6.5em)",
                "(center + horizon, left + horizon, left + horizon, left + horizon, center + horizon, center + horizon, center + horizon, center + horizon, left + horizon, left + horizon)",
                &["序号", "体系表编号", "标准编号", "标准名称", "级别", "来源", "状态", "实施日期", "代替标准号", "责任单位"],
                &rows,
            );
        }
        self.line("]");

        // The statistics table.
        self.heading(2, "标准统计表", true);
        if t.stats.is_empty() {
            self.empty();
            return;
        }
        let mut rows = Vec::new();
        let mut i = 0;
        while i < t.stats.len() {
            let s = &t.stats[i];
            let Some(sub) = &s.subsystem else {
                rows.push(format!(
                    "table.cell(colspan: 2, align: center)[#strong[合计]], [#strong{}], [#strong{}], [#strong{}]",
                    content(&s.planned.to_string()),
                    content(&s.existing.to_string()),
                    content(&s.rate().map_or("—".to_owned(), pct))
                ));
                i += 1;
                continue;
            };
            let span = t.stats[i..]
                .iter()
                .take_while(|x| x.subsystem.as_ref() == Some(sub))
                .count();
            for (k, x) in t.stats[i..i + span].iter().enumerate() {
                let mut cells = Vec::new();
                if k == 0 {
                    cells.push(format!("table.cell(rowspan: {span}){}", content(sub)));
                }
                let (label, strong) = match x.level {
                    Some(l) => (l.zh(), false),
                    None => ("小计", true),
                };
                for text in [
                    label.to_owned(),
                    x.planned.to_string(),
                    x.existing.to_string(),
                    x.rate().map_or("—".to_owned(), pct),
                ] {
                    cells.push(if strong {
                        format!("[#strong{}]", content(&text))
                    } else {
                        content(&text)
                    });
                }
                rows.push(cells.join(", "));
            }
            i += span;
        }
        self.table(
            "(1fr, auto, auto, auto, auto)",
            "(left + horizon, center + horizon, right + horizon, right + horizon, right + horizon)",
            &["子体系", "级别", "应有数", "现有数", "现有率"],
            &rows,
        );
        self.note("应有数：状态不是“被代替”“废止”的标准数（含待制定、起草、送审）；现有数：现行（含试行）标准数；现有率 = 现有数 ÷ 应有数。");
    }

    fn rates(&mut self, center: &CenterRates, members: &[MemberRates]) {
        let mut head = Vec::new();
        if !center.center.is_empty() {
            head.push(format!("中心：{}", center.center));
        }
        if let Some(p) = center.period {
            head.push(format!("评价期：{}至{}", zh_date(p.from), zh_date(p.to)));
        }
        if !head.is_empty() {
            let _ = writeln!(self.out, "#meta{}", content(&head.join("；")));
        }
        self.heading(2, "指标计算结果", true);
        if center.rates.is_empty() {
            self.empty();
        } else {
            let rows: Vec<String> = center.rates.iter().map(rate_row).collect();
            self.table(
                "(auto, 1fr, auto, auto, auto, auto, auto)",
                "(left + horizon, left + horizon, right + horizon, right + horizon, right + horizon, center + horizon, center + horizon)",
                &["指标", "定义", "分子", "分母", "数值", "目标值", "达标"],
                &rows,
            );
            let verdict = if center.passes() {
                "结论：各项有目标值的指标均达到目标值。"
            } else {
                "结论：有指标未达到目标值或无法计算。"
            };
            let _ = writeln!(self.out, "#meta[#strong{}]", content(verdict));
            self.bar_chart(&center.rates);
        }
        if !members.is_empty() {
            self.member_rates(members);
        }
    }

    fn bar_chart(&mut self, rates: &[Rate]) {
        let shown: Vec<&Rate> = rates
            .iter()
            .filter(|r| r.value().is_some() || r.target.is_some())
            .collect();
        if shown.is_empty() {
            return;
        }
        self.heading(2, "指标与目标值对比图", true);
        self.line("#block(breakable: false, width: 100%)[");
        self.line("#set par(first-line-indent: 0pt, justify: false)");
        self.line("#set text(size: 10.5pt)");
        self.line("#grid(columns: (auto, 1fr, auto), column-gutter: 8pt, row-gutter: 10pt, align: (right + horizon, left + horizon, left + horizon),");
        for r in shown {
            let value = r.value();
            let fill = match r.pass() {
                Some(true) => "rgb(\"#2e7d32\")",
                Some(false) => "rgb(\"#e65100\")",
                None => "luma(140)",
            };
            let label = match (value, r.target) {
                (Some(v), Some(t)) => format!("{}（目标≥{}）", pct(v), pct(t)),
                (Some(v), None) => pct(v),
                (None, Some(t)) => format!("—（目标≥{}）", pct(t)),
                (None, None) => "—".to_owned(),
            };
            let _ = writeln!(
                self.out,
                "  {}, bar({}, {}, {fill}), {},",
                content(&r.name.zh),
                value.map_or("none".to_owned(), ratio),
                r.target.map_or("none".to_owned(), ratio),
                content(&label)
            );
        }
        // The scale.
        self.line("  [], box(width: 100%, height: 1em, {");
        for p in [0, 25, 50, 75, 100] {
            let dx = format!("{p}% - 1em");
            let _ = writeln!(
                self.out,
                "    place(dx: {dx}, box(width: 2em, align(center, text(size: 8pt)[{p}\\%])))"
            );
        }
        self.line("  }), [],");
        self.line(")");
        self.line("#v(0.5em)");
        self.line("#align(center, text(size: 9pt)[#box(width: 1.2em, height: 0.7em, fill: rgb(\"#2e7d32\")) 达标 #h(1em) #box(width: 1.2em, height: 0.7em, fill: rgb(\"#e65100\")) 未达标 #h(1em) #box(width: 1.2em, height: 0.7em, fill: luma(140)) 无目标值 #h(1em) #box(width: 1.5pt, height: 1em, fill: rgb(\"#b71c1c\")) 目标值])");
        self.line("]");
    }

    fn member_rates(&mut self, members: &[MemberRates]) {
        self.heading(2, "下属中心指标", true);
        // The columns: the rates with a target, in the order of the first computable member.
        let keys: Vec<(&str, &str)> = members
            .iter()
            .find_map(|m| m.rates.as_ref().ok())
            .map(|r| {
                r.rates
                    .iter()
                    .filter(|x| x.target.is_some())
                    .map(|x| (x.key, x.name.zh.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        let mut header: Vec<&str> = vec!["下属中心"];
        header.extend(keys.iter().map(|(_, name)| *name));
        header.push("通过验收");
        let rows: Vec<String> = members
            .iter()
            .map(|m| match &m.rates {
                Ok(r) => {
                    let name = if r.center.is_empty() {
                        m.path.clone()
                    } else {
                        format!("{}\n{}", r.center, m.path)
                    };
                    let mut cells = vec![lines(&name)];
                    for (key, _) in &keys {
                        let text = match r.get(key) {
                            Some(rate) => rate.value().map_or("—".to_owned(), pct),
                            None => "—".to_owned(),
                        };
                        cells.push(content(&text));
                    }
                    cells.push(content(if r.passes() { "是" } else { "否" }));
                    cells.join(", ")
                }
                Err(e) => format!(
                    "{}, table.cell(colspan: {}){}",
                    content(&m.path),
                    keys.len() + 1,
                    content(&format!("无法计算：{e}"))
                ),
            })
            .collect();
        let columns = format!("(2fr{}, auto)", ", 1fr".repeat(keys.len()));
        let align = format!(
            "(left + horizon{})",
            ", center + horizon".repeat(keys.len() + 1)
        );
        self.table(&columns, &align, &header, &rows);
    }

    fn tasks(&mut self, groups: &[(Option<String>, Vec<Task>)]) {
        if groups.iter().all(|(_, t)| t.is_empty()) {
            self.note("没有待制定、起草或送审中的标准。");
            return;
        }
        for (unit, tasks) in groups {
            let unit = unit.as_deref().unwrap_or("未指定责任单位");
            self.heading(2, &format!("{unit}（{}项）", tasks.len()), false);
            let rows: Vec<String> = tasks
                .iter()
                .map(|t| {
                    let progress = match t.days_overdue {
                        Some(n) if t.overdue => format!(
                            "[#text(fill: rgb(\"#b71c1c\")){}]",
                            content(&format!("逾期{n}天"))
                        ),
                        Some(0) => content("今日到期"),
                        Some(n) => content(&format!("剩余{}天", -n)),
                        None => content("—"),
                    };
                    [
                        content(&t.no),
                        content(&t.title),
                        content(t.status.zh()),
                        content(t.owner.as_deref().unwrap_or("")),
                        content(t.due.as_deref().unwrap_or("")),
                        progress,
                    ]
                    .join(", ")
                })
                .collect();
            self.table(
                "(auto, 1fr, auto, auto, auto, auto)",
                "(left + horizon, left + horizon, center + horizon, center + horizon, center + horizon, center + horizon)",
                &["体系表编号", "标准名称", "状态", "责任人", "完成时限", "进度"],
                &rows,
            );
        }
    }

    fn standards(&mut self, texts: &[StandardText]) {
        if texts.is_empty() {
            self.empty();
            return;
        }
        for (i, s) in texts.iter().enumerate() {
            if i > 0 {
                self.line("#pagebreak(weak: true)");
            }
            let mut top = vec![format!("体系表编号：{}", s.no)];
            if let Some(code) = &s.code {
                top.push(printed_code(code));
            }
            let _ = writeln!(
                self.out,
                "#align(right, text(font: hei, size: 12pt){})",
                content(&top.join("　　"))
            );
            self.line("#v(0.5em)");
            self.line("#[");
            self.line("#show heading: set align(center)");
            self.heading(2, &s.title, true);
            self.line("]");
            let mut dates = Vec::new();
            if let Some(p) = s.published {
                dates.push(format!("{p} 发布"));
            }
            if let Some(e) = s.effective {
                dates.push(format!("{e} 实施"));
            }
            if !dates.is_empty() {
                let _ = writeln!(
                    self.out,
                    "#align(center, text(size: 10.5pt){})",
                    content(&dates.join("　　　　"))
                );
            }
            self.line("#line(length: 100%, stroke: 0.8pt)");
            self.line("#[");
            self.line("#set text(font: song, size: 12pt)");
            markdown_to_typst(self.out, &s.markdown, 3);
            self.line("]");
        }
    }

    fn inspections(&mut self, list: &[Inspection]) {
        if list.is_empty() {
            self.empty();
            return;
        }
        let rows: Vec<String> = list
            .iter()
            .map(|i| {
                [
                    content(&i.date.value.to_string()),
                    content(&i.standard.value),
                    content(&i.inspector),
                    content(i.result.zh()),
                    content(i.finding.as_deref().unwrap_or("")),
                    content(
                        &i.rectified
                            .as_ref()
                            .map(|r| r.value.to_string())
                            .unwrap_or_default(),
                    ),
                ]
                .join(", ")
            })
            .collect();
        self.table(
            "(auto, auto, auto, auto, 1fr, auto)",
            "(center + horizon, left + horizon, center + horizon, center + horizon, left + horizon, center + horizon)",
            &["检查日期", "体系表编号", "检查人", "结果", "发现的问题", "整改完成"],
            &rows,
        );
        let nonconform = list
            .iter()
            .filter(|i| i.result == crate::model::Outcome::Nonconform)
            .count();
        self.note(&format!(
            "共{}次检查，其中不符合{}次。",
            list.len(),
            nonconform
        ));
    }

    fn trainings(&mut self, list: &[Training]) {
        if list.is_empty() {
            self.empty();
            return;
        }
        let rows: Vec<String> = list
            .iter()
            .map(|t| {
                let standards = t
                    .standards
                    .iter()
                    .map(|s| s.value.as_str())
                    .collect::<Vec<_>>()
                    .join("、");
                [
                    content(&t.date.value.to_string()),
                    content(&t.topic),
                    content(&standards),
                    content(&t.attendees.len().to_string()),
                ]
                .join(", ")
            })
            .collect();
        self.table(
            "(auto, 1.4fr, 1fr, auto)",
            "(center + horizon, left + horizon, left + horizon, right + horizon)",
            &["日期", "培训主题", "涉及标准", "参训人数"],
            &rows,
        );
        let total: usize = list.iter().map(|t| t.attendees.len()).sum();
        self.note(&format!("共{}次培训，参训{}人次。", list.len(), total));
    }

    fn surveys(&mut self, list: &[Survey]) {
        if list.is_empty() {
            self.empty();
            return;
        }
        let mut rows: Vec<String> = list
            .iter()
            .map(|s| {
                let rate = (s.responses.value > 0)
                    .then(|| s.satisfied.value as f64 / s.responses.value as f64);
                [
                    content(&format!("{} 至 {}", s.from.value, s.to.value)),
                    content(&s.method),
                    content(&s.responses.value.to_string()),
                    content(&s.satisfied.value.to_string()),
                    content(&rate.map_or("—".to_owned(), pct)),
                ]
                .join(", ")
            })
            .collect();
        let responses: u64 = list.iter().map(|s| s.responses.value).sum();
        let satisfied: u64 = list.iter().map(|s| s.satisfied.value).sum();
        let rate = (responses > 0).then(|| satisfied as f64 / responses as f64);
        rows.push(format!(
            "table.cell(colspan: 2, align: center)[#strong[合计]], [#strong{}], [#strong{}], [#strong{}]",
            content(&responses.to_string()),
            content(&satisfied.to_string()),
            content(&rate.map_or("—".to_owned(), pct))
        ));
        self.table(
            "(auto, 1fr, auto, auto, auto)",
            "(center + horizon, left + horizon, right + horizon, right + horizon, right + horizon)",
            &["调查期间", "调查方式", "有效答复", "满意", "满意率"],
            &rows,
        );
    }

    fn audits(&mut self, list: &[(Audit, String)]) {
        if list.is_empty() {
            self.empty();
            return;
        }
        for (i, (a, body)) in list.iter().enumerate() {
            if i > 0 {
                self.line("#pagebreak(weak: true)");
            }
            self.heading(2, &a.title, true);
            let mut meta = format!("审核日期：{}", zh_date(a.date));
            if !a.auditors.is_empty() {
                let _ = write!(meta, "；审核员：{}", a.auditors.join("、"));
            }
            let _ = writeln!(self.out, "#meta{}", content(&meta));
            self.line("#[");
            self.line("#set text(font: fang, size: 16pt)");
            self.line("#show heading: set text(size: 16pt)");
            self.line("#set par(leading: 0.8em, spacing: 0.8em)");
            markdown_to_typst(self.out, body, 3);
            self.line("]");
        }
    }

    fn history(&mut self, list: &[StandardHistory]) {
        if list.is_empty() {
            self.empty();
            return;
        }
        let mut rows = Vec::new();
        for h in list {
            let span = h.commits.len().max(1);
            let lead = format!(
                "table.cell(rowspan: {span}){}, table.cell(rowspan: {span}){}",
                content(&h.no),
                content(&h.title)
            );
            if h.commits.is_empty() {
                rows.push(format!(
                    "{lead}, table.cell(colspan: 3){}",
                    content("（无修订记录）")
                ));
                continue;
            }
            for (k, c) in h.commits.iter().enumerate() {
                let cells = [content(&c.date), content(&c.author), content(&c.subject)].join(", ");
                rows.push(if k == 0 {
                    format!("{lead}, {cells}")
                } else {
                    cells
                });
            }
        }
        self.table(
            "(auto, 1fr, auto, auto, 1.3fr)",
            "(left + horizon, left + horizon, center + horizon, center + horizon, left + horizon)",
            &["体系表编号", "标准名称", "日期", "修订人", "修订说明"],
            &rows,
        );
    }
}

/// A table cell of standard numbers in printed form, one a line, each unbreakable.
fn std_nos<'a>(codes: impl Iterator<Item = &'a String>) -> String {
    let parts: Vec<String> = codes
        .map(|c| format!("#stdno{}", content(&printed_code(c))))
        .collect();
    format!("[{}]", parts.join(" #linebreak() "))
}

/// A table cell of several lines (`\n` in `text`).
fn lines(text: &str) -> String {
    let parts: Vec<String> = text.lines().map(escape).collect();
    format!("[{}]", parts.join(" #linebreak() "))
}

/// A row of the rates table. A rate whose denominator is 0 shows "—" and, under its
/// definition, the reason (SPEC §5: never 0 % or 100 %).
fn rate_row(r: &Rate) -> String {
    let mut definition = format!("text(size: 9pt){}", content(&r.definition.zh));
    if r.value().is_none() {
        let _ = write!(
            definition,
            " + linebreak() + text(size: 9pt, fill: rgb(\"#b71c1c\")){}",
            content(&format!("分母为0，无法计算：{}", r.when_empty.zh))
        );
    }
    let pass = match r.pass() {
        Some(true) => content("达标"),
        Some(false) => "[#text(fill: rgb(\"#b71c1c\"))[未达标]]".to_owned(),
        None => content("—"),
    };
    [
        format!("[#strong{}]", content(&r.name.zh)),
        definition,
        content(&r.numerator.to_string()),
        content(&r.denominator.to_string()),
        content(&r.value().map_or("—".to_owned(), pct)),
        content(&r.target.map_or("—".to_owned(), |t| format!("≥{}", pct(t)))),
        pass,
    ]
    .join(", ")
}

// ---------------------------------------------------------------------------------------
// Markdown → Typst.

/// Appends the Markdown `md` as Typst markup. A leading `# ` heading (the title, printed
/// by the caller) is dropped; the other headings become Typst headings from `base` down,
/// the shallowest Markdown heading level mapped to `base`. Images and raw HTML are dropped;
/// links keep their text only.
fn markdown_to_typst(out: &mut String, md: &str, base: usize) {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let events: Vec<Event> = Parser::new_ext(md, options).collect();
    // Drop the title: a level-1 heading before anything else.
    let start = match events.first() {
        Some(Event::Start(Tag::Heading {
            level: HeadingLevel::H1,
            ..
        })) => events
            .iter()
            .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
            .map_or(0, |i| i + 1),
        _ => 0,
    };
    let events = &events[start..];
    let top = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(1);

    let mut w = Md {
        out,
        base,
        top,
        skip: 0,
        code: None,
        soft: false,
        last: None,
    };
    for event in events {
        w.event(event);
    }
    out.push('\n');
}

struct Md<'a> {
    out: &'a mut String,
    base: usize,
    top: usize,
    /// Inside an image or an HTML block: output suppressed.
    skip: usize,
    /// The text of a fenced or indented code block being read.
    code: Option<String>,
    /// A soft line break is pending.
    soft: bool,
    /// The last character of text written in the current paragraph.
    last: Option<char>,
}

/// Whether a character is set solid in Chinese text (no space at a soft line break).
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

impl Md<'_> {
    fn block_boundary(&mut self) {
        self.soft = false;
        self.last = None;
    }

    fn event(&mut self, event: &Event) {
        if let Some(code) = &mut self.code {
            match event {
                Event::Text(t) => code.push_str(t),
                Event::End(TagEnd::CodeBlock) => {
                    let text = self.code.take().unwrap_or_default();
                    let _ = writeln!(
                        self.out,
                        "\n#raw(block: true, {})\n",
                        str_lit(text.trim_end_matches('\n'))
                    );
                    self.block_boundary();
                }
                _ => {}
            }
            return;
        }
        if self.skip > 0 {
            match event {
                Event::Start(Tag::Image { .. } | Tag::HtmlBlock) => self.skip += 1,
                Event::End(TagEnd::Image | TagEnd::HtmlBlock) => self.skip -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(*tag),
            Event::Text(t) => self.text(t),
            Event::Code(t) => {
                self.flush_soft(t.chars().next());
                let _ = write!(self.out, "#code[{}]", escape(t));
                self.last = t.chars().last();
            }
            Event::SoftBreak => self.soft = true,
            Event::HardBreak => {
                self.out.push_str("#linebreak()\n");
                self.soft = false;
                self.last = None;
            }
            Event::Rule => {
                self.out
                    .push_str("\n#line(length: 100%, stroke: 0.5pt)\n\n");
                self.block_boundary();
            }
            Event::TaskListMarker(done) => self.out.push_str(if *done { "☑ " } else { "☐ " }),
            Event::FootnoteReference(label) => self.text(&format!("[^{label}]")),
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
    }

    fn flush_soft(&mut self, next: Option<char>) {
        if self.soft {
            let solid = self.last.is_some_and(is_wide) && next.is_some_and(is_wide);
            if !solid {
                self.out.push(' ');
            }
            self.soft = false;
        }
    }

    fn text(&mut self, t: &str) {
        self.flush_soft(t.chars().next());
        self.out.push_str(&escape(t));
        if let Some(c) = t.chars().last() {
            self.last = Some(c);
        }
    }

    fn start(&mut self, tag: &Tag) {
        match tag {
            Tag::Paragraph => self.block_boundary(),
            Tag::Heading { level, .. } => {
                let level = self.base + (*level as usize).saturating_sub(self.top);
                // Bookmarks down to the chapters of a standard (`## 1 范围`), not its clauses.
                let _ = write!(
                    self.out,
                    "\n#heading(level: {level}, outlined: false, bookmarked: {})[",
                    level <= 3
                );
                self.block_boundary();
            }
            Tag::BlockQuote(_) => {
                self.out.push_str("\n#quote(block: true)[");
                self.block_boundary();
            }
            Tag::CodeBlock(_) => self.code = Some(String::new()),
            Tag::HtmlBlock | Tag::Image { .. } => self.skip = 1,
            Tag::List(Some(n)) => {
                let _ = write!(self.out, "\n#enum(start: {n},");
                self.block_boundary();
            }
            Tag::List(None) => {
                self.out.push_str("\n#list(");
                self.block_boundary();
            }
            Tag::Item => {
                self.out.push_str("\n  [");
                self.block_boundary();
            }
            Tag::Table(aligns) => {
                let aligns: Vec<&str> = aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::None | Alignment::Left => "left + horizon",
                        Alignment::Center => "center + horizon",
                        Alignment::Right => "right + horizon",
                    })
                    .collect();
                let _ = write!(
                    self.out,
                    "\n#table(columns: {}, align: ({},),",
                    aligns.len().max(1),
                    aligns.join(", ")
                );
            }
            Tag::TableHead => self.out.push_str("\n  table.header("),
            Tag::TableRow => self.out.push_str("\n "),
            Tag::TableCell => {
                self.out.push_str(" [");
                self.block_boundary();
            }
            Tag::Emphasis => self.out.push_str("#emph["),
            Tag::Strong => self.out.push_str("#strong["),
            Tag::Strikethrough => self.out.push_str("#strike["),
            // Links print their text; the target is not part of a printed volume.
            Tag::Link { .. } => {}
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_)
            | Tag::Superscript
            | Tag::Subscript => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                self.out.push_str("\n\n");
                self.block_boundary();
            }
            TagEnd::Heading(_) => {
                self.out.push_str("]\n\n");
                self.block_boundary();
            }
            TagEnd::BlockQuote(_) => {
                self.out.push_str("]\n\n");
                self.block_boundary();
            }
            TagEnd::List(_) => {
                self.out.push_str("\n)\n\n");
                self.block_boundary();
            }
            TagEnd::Item => {
                self.out.push_str("],");
                self.block_boundary();
            }
            TagEnd::Table => {
                self.out.push_str("\n)\n\n");
                self.block_boundary();
            }
            TagEnd::TableHead => self.out.push_str("),"),
            TagEnd::TableCell => self.out.push_str("],"),
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => self.out.push(']'),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::model::Commit;
    use crate::finding::{Msg, Pos};
    use crate::model::{At, Level, Origin, Outcome, Period, Status};
    use crate::table::{Node, Row, Stat};

    const HOSTILE: &str =
        "#set page(width: 1cm) *x* _y_ $z$ <l> @r [a] ~ // \\ \"q\" 'p' = - 1. http://h.cn `c`";

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn at<T>(v: T) -> At<T> {
        At::new(v, Pos::START)
    }

    /// A small volume with every kind of section and hostile text in every field kind.
    fn small() -> Dossier {
        let rows = (1..=3)
            .map(|i| Row {
                index: i,
                no: format!("101-0{i}"),
                code: Some(format!("GB/T 2442{i}.1-2009")),
                title: format!("服务业组织标准化工作指南 第{i}部分 {HOSTILE}"),
                level: Some(Level::National),
                origin: Some(Origin::Adopted),
                status: Some(Status::InForce),
                effective: Some("2010-01-01".to_owned()),
                replaces: vec!["GB/T 1.1-2009".to_owned()],
                unit: Some("综合科".to_owned()),
                path: format!("system/1/101-0{i}.toml"),
            })
            .collect();
        let table = SystemTable {
            center: "安庆市政务服务中心".to_owned(),
            rows,
            tree: vec![
                Node {
                    code: "1".into(),
                    title: "通用基础标准体系".into(),
                    depth: 0,
                    own: 0,
                    total: 3,
                },
                Node {
                    code: "101".into(),
                    title: format!("标准化导则 {HOSTILE}"),
                    depth: 1,
                    own: 3,
                    total: 3,
                },
                Node {
                    code: "2".into(),
                    title: "服务提供标准体系".into(),
                    depth: 0,
                    own: 0,
                    total: 0,
                },
            ],
            stats: vec![
                Stat {
                    subsystem: Some("1 通用基础标准体系".into()),
                    level: Some(Level::National),
                    planned: 3,
                    existing: 3,
                },
                Stat {
                    subsystem: Some("1 通用基础标准体系".into()),
                    level: None,
                    planned: 3,
                    existing: 3,
                },
                Stat {
                    subsystem: None,
                    level: None,
                    planned: 3,
                    existing: 3,
                },
            ],
        };
        let rate = |key, zh: &str, n, d, target| Rate {
            key,
            name: Msg::new(zh, key),
            numerator: n,
            denominator: d,
            target,
            definition: Msg::new(format!("{zh}的定义 {HOSTILE}"), "def"),
            when_empty: Msg::new("没有登记人员", "no staff"),
        };
        let center = CenterRates {
            center: "安庆市政务服务中心".into(),
            period: Some(Period {
                from: date("2014-01-01"),
                to: date("2014-12-31"),
            }),
            rates: vec![
                rate("coverage", "标准化覆盖率", 93, 100, Some(0.9)),
                rate("implementation", "标准实施率", 9, 10, Some(0.95)),
                rate("training", "全员参训率", 0, 0, Some(0.95)),
                rate("completeness", "体系完整率", 3, 3, None),
            ],
        };
        let task = Task {
            no: "301-01".into(),
            title: format!("窗口建设规范 {HOSTILE}"),
            status: Status::Drafting,
            unit: Some("窗口管理科".into()),
            owner: Some("操志勇".into()),
            due: Some("2014-10-31".into()),
            overdue: true,
            days_overdue: Some(61),
            path: "system/3/301-01.md".into(),
        };
        Dossier {
            title: HOSTILE.to_owned(),
            center: "安庆市政务服务中心".to_owned(),
            as_of: date("2014-12-31"),
            commit: Some("0123456789abcdef0123456789abcdef01234567".into()),
            dirty: true,
            sections: vec![
                Section::Cover,
                Section::Contents,
                Section::Chapter {
                    title: format!("工作总结 {HOSTILE}"),
                    path: "dossier/02.md".into(),
                    markdown: format!(
                        "# 工作总结\n\n## 一、基本情况\n\n中心按照方案\n建立了标准体系。{HOSTILE}\n\n\
                         - 第一项 **重点** *强调* `code` ~~删除~~\n- 第二项\n\n1. 甲\n2. 乙\n\n\
                         > 引用 {HOSTILE}\n\n| 甲 | 乙 |\n|---|--:|\n| {HOSTILE} | 2 |\n\n\
                         ```\n#set page(width: 1cm)\n  缩进 \"q\" \\\n```\n\n\
                         <div>raw html</div>\n\n![图](x.png)\n"
                    ),
                },
                Section::SystemTable(table),
                Section::Rates {
                    center: center.clone(),
                    members: vec![
                        MemberRates { path: "members/桐城".into(), rates: Ok(center) },
                        MemberRates { path: "members/怀宁".into(), rates: Err(format!("无法加载 {HOSTILE}")) },
                    ],
                },
                Section::Tasks(vec![(Some("窗口管理科".into()), vec![task])]),
                Section::Standards(vec![StandardText {
                    no: "201-06".into(),
                    code: Some("Q/AQZW 20106—2014".into()),
                    title: "AB岗工作制".into(),
                    published: Some(date("2014-03-25")),
                    effective: Some(date("2014-04-01")),
                    markdown: "# AB岗工作制\n\n## 1 范围\n\n本文件规定了AB岗工作制。\n\n## 2 规范性引用文件\n\n本文件没有规范性引用文件。\n\n### 2.1 条\n\n内容。\n".into(),
                }]),
                Section::Inspections(vec![Inspection {
                    path: "records/inspections/1.toml".into(),
                    head: Pos::START,
                    date: at(date("2014-05-10")),
                    standard: at("201-06".into()),
                    inspector: "储建国".into(),
                    result: Outcome::Nonconform,
                    finding: Some(format!("未公示 {HOSTILE}")),
                    rectified: Some(at(date("2014-05-20"))),
                }]),
                Section::Trainings(vec![Training {
                    path: "records/trainings/1.toml".into(),
                    head: Pos::START,
                    date: at(date("2014-01-16")),
                    topic: format!("标准化基础知识 {HOSTILE}"),
                    standards: vec![at("101-01".into())],
                    attendees: vec![at("S001".into()), at("S002".into())],
                }]),
                Section::Surveys(vec![Survey {
                    path: "records/surveys/1.toml".into(),
                    head: Pos::START,
                    from: at(date("2014-06-01")),
                    to: at(date("2014-06-30")),
                    method: format!("问卷 {HOSTILE}"),
                    responses: at(500),
                    satisfied: at(492),
                }]),
                Section::Audits(vec![(
                    Audit {
                        path: "records/audits/1.md".into(),
                        title: "2014年第一次标准化内部审核报告".into(),
                        date: date("2014-06-20"),
                        auditors: vec!["储建国".into(), "叶志刚".into()],
                    },
                    "# 2014年第一次标准化内部审核报告\n\n## 一、审核目的\n\n检查运行情况。\n".into(),
                )]),
                Section::History(vec![
                    StandardHistory {
                        no: "201-06".into(),
                        title: "AB岗工作制".into(),
                        commits: vec![
                            Commit { date: "2014-03-25".into(), author: "操志勇".into(), subject: format!("发布 {HOSTILE}") },
                            Commit { date: "2014-02-10".into(), author: "操志勇".into(), subject: "起草".into() },
                        ],
                    },
                    StandardHistory { no: "201-07".into(), title: "限时办结制".into(), commits: vec![] },
                ]),
            ],
        }
    }

    /// The text of the laid-out pages, one string per page.
    fn page_texts(doc: &PagedDocument) -> Vec<String> {
        fn walk(frame: &typst::layout::Frame, out: &mut String) {
            for (_, item) in frame.items() {
                match item {
                    typst::layout::FrameItem::Group(g) => walk(&g.frame, out),
                    typst::layout::FrameItem::Text(t) => out.push_str(&t.text),
                    _ => {}
                }
            }
        }
        doc.pages()
            .iter()
            .map(|p| {
                let mut s = String::new();
                walk(&p.frame, &mut s);
                s
            })
            .collect()
    }

    #[test]
    fn escape_makes_markup_literal() {
        assert_eq!(escape("#set *x*"), "\\#set \\*x\\*");
        assert_eq!(escape("a\nb\r\tc"), "a b c");
        assert_eq!(escape("中文（全角）"), "中文（全角）");
        assert_eq!(str_lit("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(printed_code("GB/T 1.1-2020"), "GB/T 1.1—2020");
        assert_eq!(printed_code("DB11/ 501-2017"), "DB11/ 501—2017");
        assert_eq!(printed_code("Q/AQZW 20106—2014"), "Q/AQZW 20106—2014");
        assert_eq!(printed_code("T/CAS 1"), "T/CAS 1");
        assert_eq!(
            fill("@A@ @B@ @@ @C", &[("A", "@B@".into()), ("B", "x".into())]),
            "@B@ x @@ @C"
        );
    }

    #[test]
    fn hostile_text_prints_literally_and_the_pdf_is_deterministic() {
        let d = small();
        let doc = layout(&d, &[]).unwrap();
        let pages = page_texts(&doc);
        let all: String = pages.concat();
        // The page is A4, not 1 cm wide: the title did not run as code.
        for page in doc.pages() {
            assert!(
                (page.frame.width().to_mm() - 210.0).abs() < 0.5
                    || (page.frame.width().to_mm() - 297.0).abs() < 0.5
            );
        }
        let compact: String = all.chars().filter(|c| !c.is_whitespace()).collect();
        let hostile: String = HOSTILE.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            compact.contains(&hostile),
            "hostile text not literal in: {compact}"
        );
        for zh in [
            "安庆市政务服务中心",
            "目录",
            "标准体系表",
            "AB岗工作制",
            "1范围",
            "标准化覆盖率",
            "逾期61天",
            "—1—",
            "GB/T1.1—2009",
        ] {
            assert!(compact.contains(zh), "{zh} missing");
        }
        assert!(!compact.contains("rawhtml"), "raw HTML must be dropped");
        assert!(
            compact.contains("#setpage(width:1cm)缩进\"q\"\\"),
            "code block literal"
        );
        // The cover carries neither page number nor running header.
        assert!(!pages[0].contains("— 1 —"));
        // The Chinese text is set in the embedded CJK fonts (or an installed 宋体/仿宋/黑体).
        let pdf = render(&d, &[]).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        if let Some(out) = std::env::var_os("STDKIT_PDF_SMALL_OUT") {
            std::fs::write(out, &pdf).unwrap();
        }
        let again = render(&d, &[]).unwrap();
        assert!(pdf == again, "two renders differ");
        // Bookmarks: an outline dictionary exists.
        assert!(pdf.windows(9).any(|w| w == b"/Outlines"));
        if let Some(text) = pdftotext(&pdf) {
            let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(
                compact.contains(&hostile),
                "pdftotext: hostile title not literal"
            );
            assert!(compact.contains("安庆市政务服务中心"));
        }
    }

    #[test]
    fn empty_parts_render() {
        let d = Dossier {
            title: String::new(),
            center: String::new(),
            as_of: date("2026-11-28"),
            commit: None,
            dirty: false,
            sections: vec![
                Section::Contents,
                Section::Chapter {
                    title: "空".into(),
                    path: "dossier/x.md".into(),
                    markdown: String::new(),
                },
                Section::SystemTable(SystemTable {
                    center: String::new(),
                    rows: vec![],
                    tree: vec![],
                    stats: vec![],
                }),
                Section::Rates {
                    center: CenterRates {
                        center: String::new(),
                        period: None,
                        rates: vec![],
                    },
                    members: vec![],
                },
                Section::Tasks(vec![]),
                Section::Standards(vec![]),
                Section::Inspections(vec![]),
                Section::Trainings(vec![]),
                Section::Surveys(vec![]),
                Section::Audits(vec![]),
                Section::History(vec![]),
                Section::Cover,
            ],
        };
        let doc = layout(&d, &[]).unwrap();
        let text: String = page_texts(&doc).concat();
        assert!(text.contains("验收材料汇编") && text.contains("（无记录）"));
    }

    #[test]
    fn installed_song_fang_and_hei_faces_come_before_the_embedded_ones() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts");
        let found = scan_dirs(&[dir]);
        let families: Vec<&str> = found.iter().map(|f| f.info.family.as_str()).collect();
        assert_eq!(families, [EMBEDDED_SANS, EMBEDDED_SERIF, EMBEDDED_SERIF]);

        let mut book = FontBook::new();
        for font in embedded_fonts() {
            book.push(font.info().clone());
        }
        let source = typst_source(&small(), &book);
        assert!(
            source.contains("#let hei = (\"Noto Sans CJK SC\")"),
            "{source}"
        );
        for family in ["SimHei", "FangSong", "SimSun"] {
            let mut info = embedded_fonts()[0].info().clone();
            info.family = family.to_owned();
            book.push(info);
        }
        let source = typst_source(&small(), &book);
        assert!(source.contains("#let hei = (\"SimHei\", \"Noto Sans CJK SC\")"));
        assert!(source.contains("#let song = (\"SimSun\", \"Noto Serif CJK SC\")"));
        assert!(source.contains("#let fang = (\"FangSong\", \"SimSun\", \"Noto Serif CJK SC\")"));
    }

    /// The PDF's text by poppler's `pdftotext`, when it is installed.
    fn pdftotext(pdf: &[u8]) -> Option<String> {
        let dir = std::env::temp_dir().join(format!("stdkit-pdf-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok()?;
        let path = dir.join("t.pdf");
        std::fs::write(&path, pdf).ok()?;
        let out = std::process::Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .ok()?;
        let _ = std::fs::remove_dir_all(&dir);
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// A full volume from the reference repository `standards/`, written to
    /// `$STDKIT_PDF_OUT` (default: `target/dossier-sample.pdf`). Slow in a debug build.
    #[test]
    #[ignore]
    #[allow(clippy::print_stderr)]
    fn sample_volume_from_the_reference_repository() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("standards");
        let repo = crate::load::load(&root).unwrap().repo;
        let as_of = date("2014-12-31");
        let body = |rel: &str| -> String {
            let text = std::fs::read_to_string(root.join(rel)).unwrap();
            match text
                .strip_prefix("+++\n")
                .and_then(|t| t.split_once("\n+++\n"))
            {
                Some((_, body)) => body.to_owned(),
                None => text,
            }
        };
        let mut chapters = Vec::new();
        let mut files: Vec<_> = std::fs::read_dir(root.join("dossier"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            let md = std::fs::read_to_string(&f).unwrap();
            let title = md
                .lines()
                .find_map(|l| l.strip_prefix("# "))
                .unwrap_or("章节")
                .to_owned();
            chapters.push(Section::Chapter {
                title,
                path: f.display().to_string(),
                markdown: md,
            });
        }
        let table = crate::table::build(&repo);
        let mut texts: Vec<StandardText> = repo
            .standards
            .iter()
            .filter(|s| s.file == crate::model::FileKind::Markdown)
            .map(|s| StandardText {
                no: s.no.as_ref().map(|n| n.value.clone()).unwrap_or_default(),
                code: s.code.as_ref().map(|c| printed_code(&c.code.to_string())),
                title: s.title.clone().unwrap_or_default(),
                published: s.published.as_ref().map(|d| d.value),
                effective: s.effective.as_ref().map(|d| d.value),
                markdown: body(&s.path),
            })
            .collect();
        texts.sort_by(|a, b| a.no.cmp(&b.no));
        let audits = repo
            .records
            .audits
            .iter()
            .map(|a| (a.clone(), body(&a.path)))
            .collect();
        let history = texts
            .iter()
            .take(10)
            .map(|t| StandardHistory {
                no: t.no.clone(),
                title: t.title.clone(),
                commits: vec![Commit {
                    date: "2014-03-25".into(),
                    author: "综合科".into(),
                    subject: format!("发布{}", t.title),
                }],
            })
            .collect();
        let mut sections = vec![Section::Cover, Section::Contents];
        sections.extend(chapters);
        sections.extend([
            Section::SystemTable(table),
            Section::Rates {
                center: crate::rates::compute(&repo, None),
                members: vec![],
            },
            Section::Tasks(crate::tasks::build(&repo, as_of)),
            Section::Standards(texts),
            Section::Inspections(repo.records.inspections.clone()),
            Section::Trainings(repo.records.trainings.clone()),
            Section::Surveys(repo.records.surveys.clone()),
            Section::Audits(audits),
            Section::History(history),
        ]);
        let d = Dossier {
            title: "安庆市政务服务中心标准化试点验收材料汇编".into(),
            center: repo.manifest.center.clone().unwrap_or_default(),
            as_of,
            commit: Some("3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39".into()),
            dirty: false,
            sections,
        };
        let started = std::time::Instant::now();
        let pdf = render(&d, &[]).unwrap();
        let out = std::env::var_os("STDKIT_PDF_OUT").map_or_else(
            || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/dossier-sample.pdf"),
            PathBuf::from,
        );
        std::fs::write(&out, &pdf).unwrap();
        eprintln!(
            "{} bytes in {:?} -> {}",
            pdf.len(),
            started.elapsed(),
            out.display()
        );
    }
}
