//! Text of one file as read: encoding check, BOM, front matter split, byte offset → position.

use crate::finding::{Finding, Location, Pos};

/// A decoded file: its repository-relative path and its text without BOM, borrowed from the
/// bytes read.
pub struct Source<'a> {
    pub path: String,
    pub text: &'a str,
    /// Line starts and character counts found so far: positions are asked for near the top of
    /// most files (the metadata), so the text is indexed only as far as the furthest position
    /// asked for.
    lines: std::cell::RefCell<LineIndex>,
}

/// The width in bytes of the blocks whose character counts are kept: a position costs at most
/// a few blocks of counting, however long its line, in whatever order positions are asked.
const BLOCK: usize = 64;

/// How far past the furthest offset asked for the text is indexed, so that nearby positions
/// need no new scan.
const AHEAD: usize = 16 * BLOCK;

#[derive(Default)]
struct LineIndex {
    /// Byte offsets of the line starts up to `scanned`.
    starts: Vec<usize>,
    /// `blocks[k]`: the number of characters before byte `k * BLOCK`, up to `scanned`.
    blocks: Vec<usize>,
    /// How far the text has been indexed: a multiple of `BLOCK`, or the text's length.
    scanned: usize,
    /// The number of characters before `scanned`.
    chars: usize,
}

impl LineIndex {
    /// Indexes `text` at least up to byte `upto`.
    fn reach(&mut self, text: &str, upto: usize) {
        if upto <= self.scanned || self.scanned == text.len() {
            return;
        }
        let to = (upto + AHEAD).next_multiple_of(BLOCK).min(text.len());
        for (k, block) in text.as_bytes()[self.scanned..to].chunks(BLOCK).enumerate() {
            let at = self.scanned + k * BLOCK;
            self.blocks.push(self.chars);
            self.chars += chars_in(block);
            self.starts.extend(
                block
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| **b == b'\n')
                    .map(|(i, _)| at + i + 1),
            );
        }
        self.scanned = to;
    }

    /// The number of characters before byte `at` (a character boundary within `scanned`).
    fn chars_before(&self, text: &str, at: usize) -> usize {
        let Some(last) = self.blocks.len().checked_sub(1) else {
            return 0;
        };
        let k = (at / BLOCK).min(last);
        self.blocks[k] + chars_in(&text.as_bytes()[k * BLOCK..at])
    }
}

/// The number of characters in UTF-8 bytes: the bytes that do not continue a character.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| **b & 0xC0 != 0x80).count()
}

impl<'a> Source<'a> {
    /// Decodes bytes as UTF-8 (a BOM is dropped). Anything else is a `file/encoding` finding
    /// naming the encoding the bytes look like.
    pub fn decode(path: String, bytes: &'a [u8]) -> Result<Source<'a>, Box<Finding>> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        // simdutf8 validates Chinese text several times faster than std; std then tells where
        // a file that is not UTF-8 goes wrong.
        if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
            return Ok(Source::new(path, text));
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Source::new(path, text)),
            Err(e) => {
                let valid = e.valid_up_to();
                let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
                let line = prefix.matches('\n').count() as u32 + 1;
                let column = prefix.rsplit('\n').next().unwrap_or("").chars().count() as u32 + 1;
                Err(Box::new(super::encoding::finding(
                    path,
                    Pos {
                        line,
                        column,
                        len: 1,
                    },
                    bytes,
                )))
            }
        }
    }

    pub fn new(path: String, text: &'a str) -> Source<'a> {
        Source {
            path,
            text,
            lines: std::cell::RefCell::new(LineIndex {
                starts: vec![0],
                ..LineIndex::default()
            }),
        }
    }

    /// The position of a byte offset; `end` gives the width of the pointed-at text, which
    /// stops at the end of the line. Costs the width plus a few blocks, wherever the offset is.
    pub fn pos(&self, start: usize, end: usize) -> Pos {
        let text = self.text;
        let start = floor(text, start.min(text.len()));
        let end = end.clamp(start, text.len());
        let end = text.as_bytes()[start..end]
            .iter()
            .position(|b| matches!(b, b'\n' | b'\r'))
            .map_or(floor(text, end), |i| start + i);
        let mut index = self.lines.borrow_mut();
        index.reach(text, end);
        let line = index.starts.partition_point(|&s| s <= start) - 1;
        let line_start = index.starts[line];
        // A short stretch (most lines of metadata, most values) is counted directly; a long
        // one through the block counts.
        let count = |from: usize, to: usize| {
            if to - from <= 2 * BLOCK {
                chars_in(&text.as_bytes()[from..to])
            } else {
                index.chars_before(text, to) - index.chars_before(text, from)
            }
        };
        let column = count(line_start, start) + 1;
        let len = count(start, end).max(1);
        Pos {
            line: line as u32 + 1,
            column: column as u32,
            len: len as u32,
        }
    }

    pub fn location_at(&self, pos: Pos) -> Location {
        Location::new(self.path.clone(), pos)
    }

    pub fn location(&self, start: usize, end: usize) -> Location {
        Location::new(self.path.clone(), self.pos(start, end))
    }

    /// Splits `+++` front matter: the TOML text with its byte offset, and the body with its
    /// byte offset. `None` when the file does not start with a `+++` line or never closes it.
    pub fn front_matter(&self) -> Option<FrontMatter<'a>> {
        let text = self.text;
        let first_end = text.find('\n')?;
        if text[..first_end].trim_end() != "+++" {
            return None;
        }
        let toml_start = first_end + 1;
        let mut at = toml_start;
        while at < text.len() {
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            if text[at..end].trim_end() == "+++" {
                let body_start = (end + 1).min(text.len());
                return Some(FrontMatter {
                    toml: &text[toml_start..at],
                    toml_offset: toml_start,
                    body: &text[body_start..],
                    body_line: self.pos(body_start, body_start).line,
                });
            }
            at = end + 1;
        }
        None
    }
}

/// The parts of a Markdown file with front matter.
pub struct FrontMatter<'a> {
    pub toml: &'a str,
    pub toml_offset: usize,
    pub body: &'a str,
    /// The 1-based line at which the body starts.
    pub body_line: u32,
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Code;

    #[test]
    fn positions_count_characters_not_bytes() {
        let s = Source::new("a.toml".into(), "x = 1\ntitle = \"标准\"\n");
        let at = s.text.find('"').unwrap();
        let p = s.pos(at, at + "\"标准\"".len());
        assert_eq!((p.line, p.column, p.len), (2, 9, 4));
    }

    #[test]
    fn front_matter_tolerates_crlf_and_reports_body_line() {
        let s = Source::new("a.md".into(), "+++\r\nno = \"1\"\r\n+++\r\n## 1 范围\r\n");
        let fm = s.front_matter().unwrap();
        assert_eq!(fm.toml, "no = \"1\"\r\n");
        assert_eq!(fm.toml_offset, 5);
        assert_eq!(fm.body_line, 4);
        assert!(
            Source::new("b.md".into(), "no front matter")
                .front_matter()
                .is_none()
        );
        assert!(
            Source::new("c.md".into(), "+++\nno = 1\n")
                .front_matter()
                .is_none()
        );
    }

    #[test]
    fn gb18030_bytes_are_reported_as_gb18030() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("title = \"政务服务中心窗口服务规范\"\n");
        let f = Source::decode("x.toml".into(), &bytes).err().unwrap();
        assert_eq!(f.code, Code::FileEncoding);
        assert!(f.message.en.contains("GB18030"), "{}", f.message.en);
    }

    #[test]
    fn positions_deep_in_a_long_file_are_right() {
        let text: String = (1..=2000).map(|i| format!("id = \"{i}\"\n")).collect();
        let s = Source::new("r.toml".into(), &text);
        let at = s.text.find("\"1500\"").unwrap();
        let p = s.pos(at, at + 6);
        assert_eq!((p.line, p.column, p.len), (1500, 6, 6));
        assert_eq!(s.pos(0, 1).line, 1);
        let at = s.text.find("\"7\"").unwrap();
        assert_eq!(s.pos(at, at + 3).line, 7);
    }

    /// Positions counted the slow way: characters from the line start.
    fn naive(text: &str, start: usize, end: usize) -> (u32, u32, u32) {
        let start = floor(text, start.min(text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line = text[..start].matches('\n').count() + 1;
        let column = text[line_start..start].chars().count() + 1;
        let end = floor(text, end.clamp(start, text.len()));
        let end = text[start..end]
            .find(['\n', '\r'])
            .map_or(end, |i| start + i);
        let len = text[start..end].chars().count().max(1);
        (line as u32, column as u32, len as u32)
    }

    fn at(s: &Source<'_>, start: usize, end: usize) -> (u32, u32, u32) {
        let p = s.pos(start, end);
        (p.line, p.column, p.len)
    }

    #[test]
    fn positions_on_a_long_line_of_mixed_text_are_exact() {
        // One line of 3,000 inline tables mixing ASCII, two-, three- and four-byte characters.
        let items: Vec<String> = (0..3000)
            .map(|i| format!("{{id = \"P{i}\", name = \"岗位é{i}😀\"}}"))
            .collect();
        let text = format!("# 岗位\npost = [{}]\nx = 1\n", items.join(", "));
        let s = Source::new("scope/posts.toml".into(), &text);
        let name = |i: usize| {
            let at = text.find(&format!("\"岗位é{i}😀\"")).unwrap();
            (at, at + format!("\"岗位é{i}😀\"").len())
        };
        let (start, end) = name(2999);
        let line = &text[text.find("post").unwrap()..start];
        assert_eq!(
            at(&s, start, end),
            (
                2,
                line.chars().count() as u32 + 1,
                "\"岗位é2999😀\"".chars().count() as u32
            )
        );
        for i in (0..3000).step_by(7) {
            let (start, end) = name(i);
            assert_eq!(at(&s, start, end), naive(&text, start, end), "item {i}");
        }
        let x = text.find("x = 1").unwrap();
        assert_eq!(at(&s, x, x + 1), (3, 1, 1));
    }

    #[test]
    fn positions_asked_out_of_order_are_exact() {
        let text: String = (0..400)
            .map(|i| {
                if i % 37 == 0 {
                    "\r\n".to_owned()
                } else {
                    format!("\"标准{i}\" = \"ab😀c\", ")
                }
            })
            .collect();
        let s = Source::new("a.toml".into(), &text);
        // Offsets in a scrambled order, landing inside characters too, widths crossing lines.
        let n = text.len();
        let mut k = 12_345usize;
        for _ in 0..3000 {
            k = (k * 1_103_515_245 + 12_345) % (1 << 31);
            let start = k % (n + 3);
            let end = start + (k / 7) % 40;
            assert_eq!(
                at(&s, start, end),
                naive(&text, start, end),
                "{start}..{end}"
            );
        }
        assert_eq!(at(&s, n, n + 5), naive(&text, n, n + 5));
        assert_eq!(at(&s, 0, 0), (1, 1, 1));
    }

    #[test]
    fn positions_at_block_edges_and_in_empty_text_are_exact() {
        let s = Source::new("e.toml".into(), "");
        assert_eq!(at(&s, 0, 3), (1, 1, 1));
        let text = format!("{}\n{}", "字".repeat(200), "a".repeat(BLOCK * 3));
        let s = Source::new("b.toml".into(), &text);
        for start in (0..=text.len()).rev() {
            assert_eq!(
                at(&s, start, start + 2),
                naive(&text, start, start + 2),
                "{start}"
            );
        }
    }

    #[test]
    fn bom_is_dropped() {
        let s = Source::decode("x.toml".into(), b"\xEF\xBB\xBFa = 1")
            .ok()
            .unwrap();
        assert_eq!(s.text, "a = 1");
    }
}
