//! `dossier/glyph`: a character of a printed text that no font of the dossier has, so that the
//! PDF would show a box where a name or a unit should be. Pure: a pass over a file's text.
//!
//! What is printed of a file is its TOML strings and its Markdown: in a `.toml` file only the
//! characters inside strings count (keys and syntax are ASCII, comments are never printed);
//! in a `.md` file the front matter between `+++` lines is TOML and the rest all counts.
//! Each character is reported once per file, at its first place, with how often it occurs.

use std::collections::BTreeMap;

use crate::finding::{Code, Finding, Location, Pos};
use crate::messages;

/// Whether the fonts embedded in the binary have a glyph for `c`.
pub fn embedded(c: char) -> bool {
    crate::glyphs::embedded_covers(c)
}

/// The `dossier/glyph` findings of one file. `covers` tells whether a character is in a font
/// of the dossier; whitespace and control characters never need a glyph.
pub fn scan(path: &str, text: &str, covers: &dyn Fn(char) -> bool) -> Vec<Finding> {
    // The fast path: a text of ASCII only, or whose characters are all covered.
    if text.is_ascii() {
        return Vec::new();
    }
    let mut first: BTreeMap<char, (u32, u32, usize)> = BTreeMap::new();
    let mut found = |c: char, line: u32, column: u32| {
        first
            .entry(c)
            .and_modify(|e| e.2 += 1)
            .or_insert((line, column, 1));
    };
    let needs_glyph = |c: char| !c.is_ascii() && !c.is_whitespace() && !c.is_control();
    let markdown = path.ends_with(".md");
    let mut toml = Toml::default();
    // In a `.md` file: 0 before the front matter, 1 inside it, 2 in the body.
    let mut part = if markdown { 0u8 } else { 1 };
    for (i, line) in text.split('\n').enumerate() {
        let line_no = i as u32 + 1;
        if markdown && part < 2 && line.trim_end() == "+++" {
            part += 1;
            toml = Toml::default();
            continue;
        }
        if markdown && part == 0 && i == 0 && !line.trim_start_matches('\u{feff}').is_empty() {
            // No front matter: the whole file is Markdown.
            part = 2;
        }
        if line.is_ascii() {
            if part == 1 {
                toml.line(line, |_, _| {});
            }
            continue;
        }
        if part == 1 {
            toml.line(line, |c, column| {
                if needs_glyph(c) && !covers(c) {
                    found(c, line_no, column);
                }
            });
        } else {
            for (k, c) in line.chars().enumerate() {
                if needs_glyph(c) && !covers(c) {
                    found(c, line_no, k as u32 + 1);
                }
            }
        }
    }
    first
        .into_iter()
        .map(|(c, (line, column, count))| {
            Finding::new(
                Code::DossierGlyph,
                Location::new(
                    path.to_owned(),
                    Pos {
                        line,
                        column,
                        len: 1,
                    },
                ),
                messages::glyph_missing(u32::from(c), count),
            )
        })
        .collect()
}

/// Leaves out the `dossier/glyph` findings of characters that `covers` (fonts added on
/// purpose) has.
pub fn drop_covered(findings: &mut Vec<Finding>, covers: impl Fn(char) -> bool) {
    findings.retain(|f| {
        f.code != crate::finding::Code::DossierGlyph || character(f).is_none_or(|c| !covers(c))
    });
}

/// The character a `dossier/glyph` finding is about: the first value of its message.
pub fn character(f: &Finding) -> Option<char> {
    if f.message.key != "glyph_missing" {
        return None;
    }
    // The message is made from the code point, a number.
    char::from_u32(f.message.data.first()?.parse().ok()?)
}

/// Where a TOML text is, line by line: inside a string (and which kind) or not.
#[derive(Default)]
struct Toml {
    /// Inside a multi-line string: `"""` or `'''`.
    multi: Option<&'static str>,
}

impl Toml {
    /// Calls `each` with every character inside a string on the line, with its column.
    fn line(&mut self, line: &str, mut each: impl FnMut(char, u32)) {
        let chars: Vec<char> = line.chars().collect();
        let mut k = 0;
        // Inside a one-line string: its quote.
        let mut single: Option<char> = None;
        while k < chars.len() {
            let c = chars[k];
            if let Some(close) = self.multi {
                let q = close.chars().next().unwrap_or('"');
                if c == '\\' && q == '"' {
                    k += 2;
                    continue;
                }
                if c == q && chars[k..].iter().take(3).all(|x| *x == q) {
                    self.multi = None;
                    k += 3;
                    continue;
                }
                each(c, k as u32 + 1);
                k += 1;
                continue;
            }
            if let Some(q) = single {
                if c == '\\' && q == '"' {
                    k += 2;
                    continue;
                }
                if c == q {
                    single = None;
                } else {
                    each(c, k as u32 + 1);
                }
                k += 1;
                continue;
            }
            match c {
                '#' => return,
                '"' | '\'' => {
                    if chars[k..].iter().take(3).filter(|x| **x == c).count() == 3 {
                        self.multi = Some(if c == '"' { "\"\"\"" } else { "'''" });
                        k += 3;
                        continue;
                    }
                    single = Some(c);
                }
                // Outside strings only ASCII is valid TOML; anything else is a syntax error
                // reported elsewhere, but it may still be a bare value someone prints.
                c if !c.is_ascii() => each(c, k as u32 + 1),
                _ => {}
            }
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cjk_only(c: char) -> bool {
        ('\u{4e00}'..='\u{9fff}').contains(&c) || "，。：".contains(c)
    }

    #[test]
    fn an_uncovered_character_is_reported_once_at_its_first_place() {
        let text = "+++\ntitle = \"测试\u{e000}规范\"\n# 注释\u{e001}\n+++\n\n## 1 范围\n\n正文\u{e000}。\n";
        let f = scan("system/1/101-01-x.md", text, &cjk_only);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].code, Code::DossierGlyph);
        assert_eq!((f[0].location.pos.line, f[0].location.pos.column), (2, 12));
        assert!(f[0].message.zh.contains("U+E000"), "{}", f[0].message.zh);
        assert!(f[0].message.zh.contains("共 2 处"), "{}", f[0].message.zh);
    }

    #[test]
    fn toml_comments_and_keys_are_not_printed() {
        let text =
            "# 说明：\u{e000}\nname = \"王\u{e002}\" # \u{e003}\nnote = '''\n多行\u{e004}\n'''\n";
        let f = scan("records/staff.toml", text, &cjk_only);
        let chars: Vec<u32> = f
            .iter()
            .map(|x| (x.location.pos.line, x.location.pos.column).0 * 100 + x.location.pos.column)
            .collect();
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(chars, [2 * 100 + 10, 4 * 100 + 3]);
    }

    #[test]
    fn markdown_without_front_matter_counts_whole() {
        let f = scan("dossier/01.md", "# 总结\n\n面积 30 ㎡\n", &cjk_only);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].location.pos.line, 3);
        assert!(f[0].message.zh.contains("㎡"));
    }

    #[test]
    fn escapes_in_strings_do_not_end_them() {
        let f = scan("a.toml", "t = \"a\\\"㎡\"\n", &cjk_only);
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn a_finding_names_its_character() {
        let f = scan("a.md", "\u{e000}\n", &|_| false);
        assert_eq!(character(&f[0]), Some('\u{e000}'));
        for c in ['😀', '\u{f0000}', '\u{e001}'] {
            let f = scan("a.md", &format!("{c}\n"), &|_| false);
            assert_eq!(character(&f[0]), Some(c), "{c:?}");
        }
    }

    #[test]
    fn whitespace_and_ascii_need_no_glyph() {
        assert!(scan("a.md", "a\u{3000}b\u{a0}c\n", &|_| false).is_empty());
    }
}
