//! The PDF dossier's fonts: only the embedded ones unless `--font-path` names more, so the
//! bytes do not depend on the fonts a machine has, and rare characters of names print.
#![cfg(feature = "pdf")]

use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::{example_copy, project, stderr};

#[test]
fn the_pdf_is_the_same_whatever_fonts_the_home_directory_holds() {
    let (tmp, repo) = example_copy("fonts-home", "examples/minimal");
    add_standards_with_rare_names(&repo);
    let empty = tmp.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    // A home with a `SimHei` where fontconfig would find it, and a data directory with it.
    let home = tmp.join("home");
    let simhei = simhei();
    for dir in [".fonts", ".local/share/fonts", "data/fonts"] {
        std::fs::create_dir_all(home.join(dir)).unwrap();
        std::fs::write(home.join(dir).join("SimHei.otf"), &simhei).unwrap();
    }

    let bare = render(&repo, &tmp.join("bare"), &empty, &empty, &[]);
    let furnished = render(
        &repo,
        &tmp.join("furnished"),
        &home,
        &home.join("data"),
        &[],
    );
    assert!(
        bare == furnished,
        "the PDF changed with the fonts under HOME and XDG_DATA_HOME"
    );
    if let Some(fonts) = pdffonts(&tmp.join("bare/dossier.pdf")) {
        let embedded = [
            "NotoSansCJKsc-Bold",
            "NotoSerifCJKsc-Bold",
            "NotoSerifCJKsc-Regular",
        ];
        assert!(
            !fonts.is_empty() && fonts.iter().all(|f| embedded.contains(&f.as_str())),
            "fonts of the PDF: {fonts:?}"
        );
    }
    if let Some(text) = pdftotext(&tmp.join("bare/dossier.pdf")) {
        for name in ["王喆", "李堃", "朱镕基", "张昇", "刘奕", "30 ㎡"] {
            assert!(text.contains(name), "{name} is not in the PDF's text");
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn a_simhei_under_font_path_prints_the_headings() {
    let (tmp, repo) = example_copy("fonts-font-path", "examples/minimal");
    add_standards_with_rare_names(&repo);
    let empty = tmp.join("empty");
    let fonts = tmp.join("fonts");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::create_dir_all(&fonts).unwrap();
    std::fs::write(fonts.join("SimHei.otf"), simhei()).unwrap();

    let bare = render(&repo, &tmp.join("bare"), &empty, &empty, &[]);
    let font_path = ["--font-path", fonts.to_str().unwrap()];
    let with = render(&repo, &tmp.join("with"), &empty, &empty, &font_path);
    assert!(bare != with, "the font under --font-path was not used");
    if let Some(fonts) = pdffonts(&tmp.join("with/dossier.pdf")) {
        assert!(fonts.iter().any(|f| f == "SimHei"), "{fonts:?}");
        assert!(
            !fonts.iter().any(|f| f == "NotoSansCJKsc-Bold"),
            "{fonts:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn the_manifest_lists_the_fonts_added_on_purpose() {
    let (tmp, repo) = example_copy("fonts-manifest", "examples/minimal");
    let empty = tmp.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let manifest = |out: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(tmp.join(out).join("manifest.json")).unwrap())
            .unwrap()
    };
    // The default: the embedded fonts only, none listed.
    render(&repo, &tmp.join("bare"), &empty, &empty, &[]);
    assert_eq!(manifest("bare")["fonts"], serde_json::json!([]));

    // `[dossier] fonts`: a folder of the repository, listed by its repository-relative path.
    std::fs::create_dir_all(repo.join("fonts")).unwrap();
    let font = simhei();
    std::fs::write(repo.join("fonts/SimHei.otf"), &font).unwrap();
    let toml = repo.join("stdkit.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    text.push_str("\n[dossier]\nfonts = [\"fonts\"]\n");
    std::fs::write(&toml, &text).unwrap();
    render(&repo, &tmp.join("repo-fonts"), &empty, &empty, &[]);
    let listed = manifest("repo-fonts")["fonts"].clone();
    assert_eq!(listed[0]["path"], "fonts/SimHei.otf", "{listed}");
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    let sum = listed[0]["sha256"].as_str().unwrap();
    assert_eq!(sum.len(), 64);

    // A link in that folder to a font outside the repository is not followed.
    let elsewhere = tmp.join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("Other.otf"), &font).unwrap();
    std::os::unix::fs::symlink(elsewhere.join("Other.otf"), repo.join("fonts/Other.otf")).unwrap();
    render(&repo, &tmp.join("repo-link"), &empty, &empty, &[]);
    assert_eq!(manifest("repo-link")["fonts"], listed);

    // Nor is a folder of `[dossier] fonts` that is itself a link out of the repository.
    std::os::unix::fs::symlink(&elsewhere, repo.join("linked-fonts")).unwrap();
    std::fs::write(&toml, text.replace("[\"fonts\"]", "[\"linked-fonts\"]")).unwrap();
    let o = common::bin()
        .arg("-C")
        .arg(&repo)
        .args(["dossier", "-o", tmp.join("linked").to_str().unwrap()])
        .args(["--as-of", "2014-12-31"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--font-path"), "{}", stderr(&o));
    assert!(!tmp.join("linked").exists());

    // A folder outside the repository is refused: that is what --font-path is for.
    std::fs::write(&toml, text.replace("[\"fonts\"]", "[\"../elsewhere\"]")).unwrap();
    let o = common::bin()
        .arg("-C")
        .arg(&repo)
        .args(["dossier", "-o", tmp.join("outside").to_str().unwrap()])
        .args(["--as-of", "2014-12-31"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--font-path"), "{}", stderr(&o));
    assert!(!tmp.join("outside").exists());
    let _ = std::fs::remove_dir_all(&tmp);
}

/// Two planned standards whose titles hold characters outside GB2312 (喆 堃 镕 昇 ㎡ …).
fn add_standards_with_rare_names(repo: &Path) {
    let dir = repo.join("system/1-通用基础标准体系/101-标准化导则");
    for (no, title) in [
        ("101-02", "王喆、李堃、朱镕基、张昇、刘奕工作室服务规范"),
        ("101-03", "30 ㎡ 以上窗口服务区管理规范"),
    ] {
        let text = format!(
            "no = \"{no}\"\ntitle = \"{title}\"\nlevel = \"internal\"\n\
             origin = \"formulated\"\nstatus = \"planned\"\n"
        );
        std::fs::write(dir.join(format!("{no}-{title}.toml")), text).unwrap();
    }
}

/// Runs the dossier of `repo` into `out` with `HOME` and `XDG_DATA_HOME` set: the PDF's bytes.
fn render(repo: &Path, out: &Path, home: &Path, data: &Path, args: &[&str]) -> Vec<u8> {
    let o: Output = common::bin()
        .arg("-C")
        .arg(repo)
        .args([
            "dossier",
            "-o",
            out.to_str().unwrap(),
            "--as-of",
            "2014-12-31",
        ])
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", data)
        .env_remove("FONTCONFIG_FILE")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::read(out.join("dossier.pdf")).unwrap()
}

/// The embedded Noto Sans CJK SC Bold renamed `SimHei`: a stand-in for the font that the
/// preferred list of 黑体 names first.
fn simhei() -> Vec<u8> {
    let packed = std::fs::read(project("assets/fonts/NotoSansSC-Bold-stdkit.otf.z")).unwrap();
    let font = miniz_oxide::inflate::decompress_to_vec_zlib(&packed).unwrap();
    renamed(font, "SimHei")
}

/// `font` (an OpenType font) with its family, full and PostScript names (name IDs 1, 4, 6
/// and 16) set to `name`, which is ASCII and shorter than each of them.
fn renamed(mut font: Vec<u8>, name: &str) -> Vec<u8> {
    let u16_at = |d: &[u8], at: usize| usize::from(u16::from_be_bytes([d[at], d[at + 1]]));
    let u32_at =
        |d: &[u8], at: usize| u32::from_be_bytes([d[at], d[at + 1], d[at + 2], d[at + 3]]) as usize;
    let table = (0..u16_at(&font, 4))
        .map(|i| 12 + 16 * i)
        .find(|&record| &font[record..record + 4] == b"name")
        .map(|record| u32_at(&font, record + 8))
        .expect("a name table");
    let strings = table + u16_at(&font, table + 4);
    for i in 0..u16_at(&font, table + 2) {
        let record = table + 6 + 12 * i;
        if ![1, 4, 6, 16].contains(&u16_at(&font, record + 6)) {
            continue;
        }
        let bytes: Vec<u8> = match u16_at(&font, record) {
            0 | 3 => name.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            _ => name.bytes().collect(),
        };
        assert!(
            bytes.len() <= u16_at(&font, record + 8),
            "{name} is too long"
        );
        let at = strings + u16_at(&font, record + 10);
        font[at..at + bytes.len()].copy_from_slice(&bytes);
        let len = u16::try_from(bytes.len()).unwrap().to_be_bytes();
        font[record + 8..record + 10].copy_from_slice(&len);
    }
    font
}

/// The base fonts of a PDF by poppler's `pdffonts` (`QIFPJZ+NotoSansCJKsc-Bold-Identity-H`
/// as `NotoSansCJKsc-Bold`), sorted and deduplicated; `None` when poppler is not installed.
fn pdffonts(pdf: &Path) -> Option<Vec<String>> {
    let out = Command::new("pdffonts").arg(pdf).output().ok()?;
    assert!(out.status.success(), "pdffonts failed");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut fonts: Vec<String> = text
        .lines()
        .skip(2)
        .filter_map(|line| line.split_whitespace().next())
        .map(|name| name.split_once('+').map_or(name, |(_, n)| n))
        .map(|name| name.trim_end_matches("-Identity-H").to_owned())
        .collect();
    fonts.sort();
    fonts.dedup();
    Some(fonts)
}

/// The PDF's text by poppler's `pdftotext`; `None` when poppler is not installed.
fn pdftotext(pdf: &Path) -> Option<String> {
    let out = Command::new("pdftotext").arg(pdf).arg("-").output().ok()?;
    assert!(out.status.success(), "pdftotext failed");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}
