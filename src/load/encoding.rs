//! What a file that is not valid UTF-8 is, told precisely enough that the advice given does
//! not garble it: UTF-16 (convert it), a UTF-8 text with a few stray bytes (mend them by hand;
//! converting the whole file would ruin the rest), a binary file, or a legacy encoding such as
//! GB18030 (convert it).

use crate::finding::{Code, Finding, Location, Pos};
use crate::messages;

/// What the bytes look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guess {
    Utf16,
    /// UTF-8 with this many invalid sequences.
    StrayBytes(usize),
    Binary,
    /// A legacy encoding, by its usual name.
    Legacy(&'static str),
}

/// Looks at bytes that failed UTF-8 validation.
pub fn guess(bytes: &[u8]) -> Guess {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || looks_utf16(bytes) {
        return Guess::Utf16;
    }
    if bytes.contains(&0) {
        return Guess::Binary;
    }
    let mut invalid = 0usize;
    let mut gbk_pairs = 0usize;
    let mut multibyte = 0usize;
    let mut at = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        at += chunk.valid().len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            invalid += 1;
            if let [lead, trail, ..] = bytes[at..]
                && (0x81..=0xFE).contains(&lead)
                && (0x40..=0xFE).contains(&trail)
                && trail != 0x7F
            {
                gbk_pairs += 1;
            }
            at += bad.len();
        }
    }
    // A UTF-8 text with a stray byte here and there: most of its non-ASCII text is valid, or
    // the bad bytes could not be GB18030 characters either.
    if multibyte >= invalid * 4 || gbk_pairs * 2 < invalid {
        Guess::StrayBytes(invalid)
    } else {
        Guess::Legacy(legacy(bytes))
    }
}

/// UTF-16 without a byte order mark: in a text of mostly ASCII or CJK, one byte of nearly
/// every pair is zero, always at the same parity.
fn looks_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return false;
    }
    let pairs = sample.len() / 2;
    let even = sample.chunks(2).filter(|p| p[0] == 0 && p[1] != 0).count();
    let odd = sample.chunks(2).filter(|p| p[1] == 0 && p[0] != 0).count();
    even.max(odd) * 10 >= pairs * 3
}

fn legacy(bytes: &[u8]) -> &'static str {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    if encoding == encoding_rs::GBK || encoding == encoding_rs::GB18030 {
        "GB18030"
    } else {
        encoding.name()
    }
}

/// The `file/encoding` finding at the first bad byte.
pub fn finding(path: String, pos: Pos, bytes: &[u8]) -> Finding {
    let at = Location::new(path, pos);
    match guess(bytes) {
        Guess::Utf16 => Finding::new(Code::FileEncoding, at, messages::encoding_utf16())
            .help(messages::encoding_utf16_help()),
        Guess::StrayBytes(n) => {
            Finding::new(Code::FileEncoding, at, messages::encoding_stray_bytes(n))
                .help(messages::encoding_stray_bytes_help())
        }
        Guess::Binary => Finding::new(Code::FileEncoding, at, messages::encoding_binary()),
        Guess::Legacy(name) => {
            Finding::new(Code::FileEncoding, at, messages::encoding_legacy(name))
                .help(messages::encoding_legacy_help(name))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_and_without_a_byte_order_mark() {
        let text = "title = \"政务服务中心窗口服务规范\"\nno = \"101-01\"\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(guess(&le), Guess::Utf16);
        assert_eq!(guess(&be), Guess::Utf16);
        let mut bom = vec![0xFF, 0xFE];
        bom.extend(&le);
        assert_eq!(guess(&bom), Guess::Utf16);
    }

    #[test]
    fn a_stray_byte_in_utf8_is_not_called_gb18030() {
        let mut bytes = "title = \"政务服务中心窗口服务规范\"\n".as_bytes().to_vec();
        bytes.insert(10, 0xB1);
        assert_eq!(guess(&bytes), Guess::StrayBytes(1));
        assert_eq!(guess(b"no = \"101-01\"\xFF\n"), Guess::StrayBytes(1));
    }

    #[test]
    fn gb18030_and_binary_are_told_apart() {
        let (gb, _, _) = encoding_rs::GB18030.encode("title = \"政务服务中心窗口服务规范\"\n");
        assert_eq!(guess(&gb), Guess::Legacy("GB18030"));
        assert_eq!(guess(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff"), Guess::Binary);
    }
}
