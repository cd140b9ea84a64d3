//! Fonts for the PDF: the embedded Noto CJK subsets, system fonts and `--font-path`, and
//! which family each role (仿宋, 宋体, 黑体 …) resolves to.

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
    /// The embedded fonts first (so that they win a tie with an installed face of the same
    /// family and style: the output does not depend on the installed version of Noto),
    /// then the faces under `font_dirs`, then the system's.
    pub(super) fn collect(font_dirs: &[PathBuf]) -> Fonts {
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

pub(super) fn embedded_fonts() -> &'static [Font] {
    static FONTS: OnceLock<Vec<Font>> = OnceLock::new();
    FONTS.get_or_init(|| {
        EMBEDDED
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect()
    })
}

/// The faces in the system's font directories, scanned once per process.
pub(super) fn system_fonts() -> &'static [FoundFace] {
    static FACES: OnceLock<Vec<FoundFace>> = OnceLock::new();
    FACES.get_or_init(|| scan_dirs(&system_font_dirs()))
}

pub(super) fn system_font_dirs() -> Vec<PathBuf> {
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
pub(super) fn scan_dirs(dirs: &[PathBuf]) -> Vec<FoundFace> {
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

pub(super) fn is_font_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "ttf" | "otf" | "ttc" | "otc"
        )
    })
}

// ---------------------------------------------------------------------------------------
// Escaping.
