//! The stylesheet of the HTML volume: A4 pages, the fonts of official documents, the draft
//! mark, and the volume's title written safely into a CSS string.

use std::fmt::Write as _;

/// The stylesheet, the volume's title in its running header.
pub(super) fn stylesheet(title: &str, draft: bool) -> String {
    let running = if draft {
        format!("{title}　草稿 · 未通过检查")
    } else {
        title.to_owned()
    };
    let mut css = CSS.replace("@TITLE@", &css_string(&running));
    if draft {
        css.push_str(DRAFT_CSS);
    }
    css
}

/// A volume compiled from a repository with errors: a mark behind every printed page.
const DRAFT_CSS: &str = r#"
.draft-mark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 90pt; color: #f3d6d6; transform: rotate(-35deg); z-index: -1; font-family: "SimHei","黑体","Noto Sans CJK SC",sans-serif; }
.cover .draft { font-size: 16pt; color: #b71c1c; margin: -30mm 0 30mm; font-family: "SimHei","黑体","Noto Sans CJK SC",sans-serif; }
"#;

const CSS: &str = r#"
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @top-center { content: "@TITLE@"; font-family: "SimSun","宋体","Noto Serif CJK SC",serif; font-size: 10.5pt; border-bottom: 0.5pt solid #000; }
  @bottom-right { content: "— " counter(page) " —"; font-size: 14pt; } }
@page :left { @bottom-right { content: none; } @bottom-left { content: "— " counter(page) " —"; font-size: 14pt; } }
@page :first { @top-center { content: none; border: none; } @bottom-right { content: none; } @bottom-left { content: none; } }
html { font-family: "SimSun","宋体","Noto Serif CJK SC",serif; font-size: 12pt; line-height: 1.6; color: #000; }
body { width: 156mm; margin: 0 auto; }
h1, h2, h3, h4, th, strong, .cover .title, .cover .center, .standard .code, .stage { font-family: "SimHei","黑体","Noto Sans CJK SC",sans-serif; }
h1 { font-size: 22pt; text-align: center; margin: 0 0 1.5em; font-weight: bold; }
h2 { font-size: 16pt; margin: 1.1em 0 0.8em; } h3 { font-size: 14pt; } h4 { font-size: 12pt; }
p { text-align: justify; margin: 0.3em 0; }
section { break-before: page; page-break-before: always; }
section:first-of-type { break-before: auto; page-break-before: auto; }
section.chapter, section.chapter p, section.audits p { font-family: "FangSong","仿宋_GB2312","仿宋","STFangsong","Noto Serif CJK SC",serif; font-size: 16pt; line-height: 1.8; }
p, li { text-indent: 0; }
section.chapter p, .standard p, section.audits p { text-indent: 2em; }
.standard .head p, td p { text-indent: 0; }
li { text-align: left; }
.running { display: none; }
.cover { text-align: center; padding-top: 50mm; break-after: page; page-break-after: always; }
.cover .title { font-size: 26pt; font-weight: bold; line-height: 1.5; margin-bottom: 60mm; }
.cover .center { font-size: 16pt; margin-bottom: 0.6em; }
.cover .date { font-family: "FangSong","仿宋_GB2312","仿宋","Noto Serif CJK SC",serif; font-size: 16pt; margin-bottom: 1.2em; }
.cover .source { font-size: 9pt; color: #505050; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; font-size: 10.5pt; line-height: 1.35; table-layout: auto; }
th, td { border: 0.5pt solid #000; padding: 4pt; vertical-align: middle; text-align: left; }
th { background: #e6e6e6; text-align: center; }
td.c { text-align: center; } td.r { text-align: right; } td.nw, th { white-space: nowrap; }
td .no { white-space: nowrap; }
col.fill { width: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.detail { font-size: 9pt; } table.detail td, table.detail th { padding: 4pt 3pt; }
table.rates small { font-size: 9pt; }
.standard { break-before: page; page-break-before: always; }
.standard:first-of-type { break-before: auto; page-break-before: auto; }
.standard .code { text-align: right; }
.standard .head { text-align: center; border-bottom: 0.8pt solid #000; margin-bottom: 1em; padding-bottom: 0.4em; }
.standard .head h2 { text-align: center; }
.stage { font-size: 14pt; }
.dates { font-size: 10.5pt; }
.pass { color: #1a6b1a; } .fail { color: #b71c1c; }
.note, .meta { font-size: 10.5pt; } .note { color: #3c3c3c; }
figure { margin: 1em 0; text-align: center; } figure svg { max-width: 100%; height: auto; }
.contents ol { line-height: 2.2; }
.contents a { color: inherit; text-decoration: none; }
@page wide { size: A4 landscape; margin: 28mm 37mm 26mm 35mm; }
.landscape, .system > h1 { page: wide; } .landscape.next { break-before: page; }
@media print { body { width: auto; } }
@media screen { body { padding: 0 8mm; } .landscape { width: 225mm; margin-left: -34mm; } section { border-top: 1px dashed #999; padding-top: 1em; } .running { display: block; text-align: center; color: #666; font-size: 9pt; } }
"#;

/// A value inside a double-quoted CSS string in a `<style>` element: every character that
/// could end the string, the declaration or the element (quotes, backslash, line ends, form
/// feed, any control character, `<`, `>`, `&`) is written as a CSS escape `\HEX `.
pub(super) fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let unsafe_in_css = c.is_control()
            || matches!(
                c,
                '"' | '\'' | '\\' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}'
            );
        if unsafe_in_css {
            // U+0000 is not allowed even escaped: CSS turns it into U+FFFD, so say so.
            let code = if c == '\0' { 0xfffd } else { u32::from(c) };
            let _ = write!(out, "\\{code:x} ");
        } else {
            out.push(c);
        }
    }
    out
}
