//! Fonts for the PDF: the embedded Noto CJK subsets (inflated once per process) and the faces
//! under `--font-path`, and which files and characters they bring. The system's font
//! directories are never scanned: without `--font-path` the same dossier gives the same PDF
//! on every machine, whatever fonts it has installed.

use rayon::iter::{IntoParallelRefIterator, ParallelIterator};

#[allow(unused_imports, reason = "the module shares the parent's imports")]
use super::*;

/// A font of the book: embedded (parsed), or a face of a file loaded when first used.
pub(super) enum FontSlot {
    Ready(Font),
    File {
        path: PathBuf,
        index: u32,
        font: OnceLock<Option<Font>>,
    },
}

impl FontSlot {
    pub(super) fn get(&self) -> Option<Font> {
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

pub(super) struct Fonts {
    pub(super) book: FontBook,
    pub(super) slots: Vec<FontSlot>,
}

/// A face found in a font file.
#[derive(Clone)]
pub(super) struct FoundFace {
    pub(super) path: PathBuf,
    pub(super) index: u32,
    pub(super) info: FontInfo,
}

impl Fonts {
    /// The embedded fonts first (so that they win a tie with a face of the same family and
    /// style under `font_dirs`), then the faces under `font_dirs`, put there on purpose: the
    /// preferred families (`FangSong_GB2312`, `SimSun`, `SimHei` …) may come from them.
    pub(super) fn collect(font_dirs: &[PathBuf]) -> Fonts {
        let mut book = FontBook::new();
        let mut slots = Vec::new();
        for font in embedded_fonts() {
            book.push(font.info().clone());
            slots.push(FontSlot::Ready(font.clone()));
        }
        for face in scan_dirs(font_dirs) {
            book.push(face.info);
            slots.push(FontSlot::File {
                path: face.path,
                index: face.index,
                font: OnceLock::new(),
            });
        }
        Fonts { book, slots }
    }
}

/// The embedded fonts, inflated (side by side) and parsed once per process: about 0.1 s in
/// a release build.
pub(super) fn embedded_fonts() -> &'static [Font] {
    static FONTS: OnceLock<Vec<Font>> = OnceLock::new();
    FONTS.get_or_init(|| {
        let inflated: Vec<Vec<u8>> = EMBEDDED.par_iter().map(|packed| inflate(packed)).collect();
        inflated
            .into_iter()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect()
    })
}

/// A zlib stream of `scripts/make-fonts.sh`, inflated.
fn inflate(packed: &[u8]) -> Vec<u8> {
    miniz_oxide::inflate::decompress_to_vec_zlib(packed)
        .expect("the embedded fonts are whole zlib streams")
}

/// The font files under `dirs` that hold at least one face, in the order their faces join
/// the book (directory order, then file name), each once.
pub(super) fn loaded_files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = Vec::new();
    for face in scan_dirs(dirs) {
        if !files.contains(&face.path) {
            files.push(face.path);
        }
    }
    files
}

/// The largest font file read (the largest CJK collections are about 40 MB).
const MAX_FONT_FILE: u64 = 128 << 20;

/// Every face of every font file under `dirs`, in a stable order (directory order, then
/// file name). A folder named is followed if it is a symbolic link; below it only regular
/// files and folders are read, so that a link cannot lead the scan out of the folder.
pub(super) fn scan_dirs(dirs: &[PathBuf]) -> Vec<FoundFace> {
    let mut faces = Vec::new();
    for dir in dirs {
        let files = walkdir::WalkDir::new(dir)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file() && is_font_file(e.path()))
            .filter(|e| e.metadata().is_ok_and(|m| m.len() <= MAX_FONT_FILE));
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

pub(super) fn is_font_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "ttf" | "otf" | "ttc" | "otc"
        )
    })
}
