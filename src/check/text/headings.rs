//! What a heading says: its text, and the chapter, clause or appendix number it starts with.

use std::borrow::Cow;

use pulldown_cmark::CowStr;

/// The text of one heading, borrowed from the source when it is a single event.
pub(super) struct HeadingText<'a> {
    /// Byte offset of the heading (its `#`).
    pub(super) start: usize,
    /// Byte offset of the first text in it (where its number is).
    pub(super) at: Option<usize>,
    pub(super) text: Option<Cow<'a, str>>,
}

impl<'a> HeadingText<'a> {
    pub(super) fn push(&mut self, t: CowStr<'a>, offset: usize) {
        self.at.get_or_insert(offset);
        match &mut self.text {
            None => {
                self.text = Some(match t {
                    CowStr::Borrowed(s) => Cow::Borrowed(s),
                    other => Cow::Owned(other.into_string()),
                });
            }
            Some(buf) => buf.to_mut().push_str(&t),
        }
    }
}

/// Up to this many components of a number are kept (more is too deep anyway).
const MAX_COMPONENTS: usize = 8;

/// A chapter or clause number as written at the start of a heading.
#[derive(Clone, Copy)]
pub(super) struct Num<'t> {
    /// The number as written, without a trailing dot (`4.1`, `A.2`).
    pub(super) raw: &'t str,
    c: [u32; MAX_COMPONENTS],
    /// Number of components; may exceed `MAX_COMPONENTS`.
    pub(super) len: usize,
}

impl Num<'_> {
    pub(super) fn comps(&self) -> &[u32] {
        &self.c[..self.len.min(MAX_COMPONENTS)]
    }
}

pub(super) enum Kind<'t> {
    /// No number: title, 前言, 引言, 参考文献 …
    Other,
    /// `4`, `4.1`: a chapter or a clause of the body.
    Numbered { num: Num<'t>, title: &'t str },
    /// `A.1`: a clause of an appendix.
    Lettered { letter: u8, num: Num<'t> },
    /// `附录A（规范性）…`
    Annex { letter: Option<u8>, marked: bool },
}

pub(super) fn parse_heading(text: &str) -> Kind<'_> {
    let s = text.trim_start();
    if let Some(rest) = s.strip_prefix("附录") {
        return parse_annex(rest);
    }
    let b = s.as_bytes();
    let (letter, mut i) = if b.len() > 2 && b[0].is_ascii_uppercase() && b[1] == b'.' {
        (Some(b[0]), 2)
    } else {
        (None, 0)
    };
    let mut num = Num {
        raw: "",
        c: [0; MAX_COMPONENTS],
        len: 0,
    };
    let mut end = i;
    loop {
        let from = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        // Chapters and clauses have at most three digits: `2014年…` is no number.
        if i == from || i - from > 3 {
            if i > from || num.len == 0 {
                return Kind::Other;
            }
            break; // a trailing dot: `4.1.`
        }
        if num.len < MAX_COMPONENTS {
            num.c[num.len] = s[from..i].parse().unwrap_or(0);
        }
        num.len += 1;
        end = i;
        if i < b.len() && b[i] == b'.' {
            i += 1;
        } else {
            break;
        }
    }
    let rest = &s[i..];
    // `4 基本要求`, `4基本要求`, `4.1　礼仪`; but `3D打印`, `3-5岁` are not numbered.
    match rest.chars().next() {
        Some(c) if c.is_ascii() && !c.is_ascii_whitespace() => return Kind::Other,
        _ => {}
    }
    num.raw = &s[..end];
    match letter {
        Some(letter) => Kind::Lettered { letter, num },
        None => Kind::Numbered {
            num,
            title: rest
                .trim_start_matches(|c: char| c.is_whitespace() || c == '、' || c == '．')
                .trim_end(),
        },
    }
}

fn parse_annex(rest: &str) -> Kind<'_> {
    let rest = rest.trim_start();
    let mut chars = rest.chars();
    let letter = match chars.next() {
        Some(c @ 'A'..='Z') => Some(c as u8),
        Some(c @ 'Ａ'..='Ｚ') => Some(b'A' + (c as u32 - 'Ａ' as u32) as u8),
        _ => None,
    };
    let after = if letter.is_some() {
        chars.as_str()
    } else {
        rest
    };
    Kind::Annex {
        letter,
        marked: is_marked(after),
    }
}

/// `（规范性）`, `(资料性)`, and the GB/T 1.1-2009 forms `（规范性附录）`, `（资料性附录）`.
fn is_marked(s: &str) -> bool {
    s.char_indices()
        .filter(|&(_, c)| c == '（' || c == '(')
        .any(|(i, c)| {
            let inner = &s[i + c.len_utf8()..];
            let Some(inner) = inner
                .strip_prefix("规范性")
                .or_else(|| inner.strip_prefix("资料性"))
            else {
                return false;
            };
            let inner = inner.strip_prefix("附录").unwrap_or(inner);
            inner.starts_with('）') || inner.starts_with(')')
        })
}

#[cfg(test)]
mod tests {
    use crate::check::text::lint;
    use crate::check::text::tests::{structure, with_body};

    #[test]
    fn title_heading_and_front_sections_are_accepted() {
        let text = "# 首问负责制规范\n\n## 前言\n\n## 引言\n\n## 1 范围\n\n## 2 规范性引用文件\n\n## 3 术语和定义\n\n## 参考文献\n";
        assert_eq!(lint(text), vec![]);
    }

    #[test]
    fn lenient_number_forms() {
        let text = "# 2014年窗口服务规范\n## 1范围\n## 2. 规范性引用文件\n## 3　术　语　和　定　义\n## 4 要求\n### 4.1.　一\n### 4.2 二\n";
        assert_eq!(structure(text), vec![]);
    }

    #[test]
    fn appendix_marking() {
        let text = with_body(
            "## 附录A 甲\n## 附录 B (资料性) 乙\n## 附录C（规范性附录）丙\n## 附录D\n## 附录E (资料性）\n## 附录\n",
        );
        let got = structure(&text);
        assert_eq!(
            got,
            vec![
                (
                    8,
                    4,
                    "appendix `A` is not marked `（规范性）` or `（资料性）`".to_owned()
                ),
                (
                    11,
                    4,
                    "appendix `D` is not marked `（规范性）` or `（资料性）`".to_owned()
                ),
                (13, 4, "appendix has no letter; write `附录A`".to_owned()),
                (
                    13,
                    4,
                    "appendix is not marked `（规范性）` or `（资料性）`".to_owned()
                ),
            ]
        );
    }
}
