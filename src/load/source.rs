//! Text of one file as read: encoding check, BOM, front matter split, byte offset → position.

use crate::finding::{Code, Finding, Location, Msg, Pos};

/// A decoded file: its repository-relative path and its text without BOM, borrowed from the
/// bytes read.
pub struct Source<'a> {
    pub path: String,
    pub text: &'a str,
    /// Line starts found so far: positions are asked for near the top of most files (the
    /// metadata), so lines are indexed only as far as the furthest position asked for.
    lines: std::cell::RefCell<LineIndex>,
}

#[derive(Default)]
struct LineIndex {
    /// Byte offsets of the line starts up to `scanned`.
    starts: Vec<usize>,
    /// How far the text has been scanned for newlines.
    scanned: usize,
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
                let guess = guess_encoding(bytes);
                Err(Box::new(
                    Finding::new(
                        Code::FileEncoding,
                        Location::new(
                            path,
                            Pos {
                                line,
                                column,
                                len: 1,
                            },
                        ),
                        Msg::new(
                            format!("文件不是 UTF-8 编码，看起来是 {guess}"),
                            format!("file is not UTF-8; it looks like {guess}"),
                        ),
                    )
                    .help(Msg::new(
                        format!("请将文件另存为 UTF-8，例如 `iconv -f {guess} -t UTF-8`"),
                        format!("save the file as UTF-8, e.g. `iconv -f {guess} -t UTF-8`"),
                    )),
                ))
            }
        }
    }

    pub fn new(path: String, text: &'a str) -> Source<'a> {
        Source {
            path,
            text,
            lines: std::cell::RefCell::new(LineIndex {
                starts: vec![0],
                scanned: 0,
            }),
        }
    }

    /// The 0-based line of a byte offset and the offset at which that line starts.
    fn line_of(&self, start: usize) -> (usize, usize) {
        let mut index = self.lines.borrow_mut();
        if index.scanned <= start {
            let from = index.scanned;
            // Scan a little past the offset so that nearby positions need no new scan.
            let to = (start + 1024).min(self.text.len());
            let bytes = &self.text.as_bytes()[from..to];
            index.starts.extend(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| **b == b'\n')
                    .map(|(i, _)| from + i + 1),
            );
            index.scanned = to;
        }
        let line = index.starts.partition_point(|&s| s <= start) - 1;
        (line, index.starts[line])
    }

    /// The position of a byte offset; `end` gives the width of the pointed-at text.
    pub fn pos(&self, start: usize, end: usize) -> Pos {
        let start = start.min(self.text.len());
        let (line, line_start) = self.line_of(start);
        let column = self.text[line_start..floor(self.text, start)]
            .chars()
            .count()
            + 1;
        let line_end = self.text[line_start..]
            .find(['\n', '\r'])
            .map_or(self.text.len(), |i| line_start + i);
        let end = end.clamp(start, line_end.max(start));
        let len = self.text[floor(self.text, start)..floor(self.text, end)]
            .chars()
            .count()
            .max(1);
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

fn guess_encoding(bytes: &[u8]) -> &'static str {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    if encoding == encoding_rs::GBK || encoding == encoding_rs::GB18030 {
        "GB18030"
    } else {
        encoding.name()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn bom_is_dropped() {
        let s = Source::decode("x.toml".into(), b"\xEF\xBB\xBFa = 1")
            .ok()
            .unwrap();
        assert_eq!(s.text, "a = 1");
    }
}
