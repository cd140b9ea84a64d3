//! Which characters the fonts embedded in the binary can print, from the coverage table that
//! `scripts/make-fonts.sh` writes beside them (`assets/fonts/coverage.txt`). Available with or
//! without the `pdf` feature, so that a check can warn about a character that would print as
//! a box. It owns the table only: it knows nothing of `--font-path` (see
//! `dossier::pdf::covers`) and never reads a font.

use std::sync::OnceLock;

/// Whether the embedded fonts have a glyph for `c` (any of the three faces: Typst falls back
/// between them). Whitespace and control characters count as covered: they print no glyph.
pub fn embedded_covers(c: char) -> bool {
    if c.is_whitespace() || c.is_control() {
        return true;
    }
    let c = u32::from(c);
    // The Basic Multilingual Plane, where nearly all text is, from a bitmap (8 KiB): one
    // lookup a character, however many ranges the table has.
    if let Some(word) = bmp().get((c / 64) as usize) {
        return word & (1 << (c % 64)) != 0;
    }
    let ranges = ranges();
    // The first range that ends at or after `c`; `c` is covered if that range starts by it.
    let at = ranges.partition_point(|&(_, hi)| hi < c);
    ranges.get(at).is_some_and(|&(lo, _)| lo <= c)
}

/// Whether the embedded fonts have every character of `text`: one tight pass, for the common
/// case of a file with nothing to report.
pub fn all_embedded(text: &str) -> bool {
    if text.is_ascii() {
        return true;
    }
    let bmp = bmp();
    let covered = |c: u32| {
        bmp.get((c / 64) as usize)
            .map_or_else(|| embedded_covers_slow(c), |w| w & (1 << (c % 64)) != 0)
    };
    // UTF-8 decoded by hand (the text is valid UTF-8): Chinese text is three-byte sequences,
    // looked up in the bitmap without building a `char`.
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        let (c, width) = match x {
            0x00..=0x7F => {
                i += 1;
                continue;
            }
            0xC0..=0xDF => ((u32::from(x & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F), 2),
            0xE0..=0xEF => (
                (u32::from(x & 0x0F) << 12)
                    | (u32::from(b[i + 1] & 0x3F) << 6)
                    | u32::from(b[i + 2] & 0x3F),
                3,
            ),
            _ => (
                (u32::from(x & 0x07) << 18)
                    | (u32::from(b[i + 1] & 0x3F) << 12)
                    | (u32::from(b[i + 2] & 0x3F) << 6)
                    | u32::from(b[i + 3] & 0x3F),
                4,
            ),
        };
        if !covered(c) {
            return false;
        }
        i += width;
    }
    true
}

fn embedded_covers_slow(c: u32) -> bool {
    char::from_u32(c).is_some_and(embedded_covers)
}

/// The number of code points the embedded fonts cover (whitespace and controls not counted
/// unless a font has them).
pub fn embedded_count() -> usize {
    ranges()
        .iter()
        .map(|&(lo, hi)| (hi - lo + 1) as usize)
        .sum()
}

/// The coverage table: one `XXXX-YYYY` range of hexadecimal code points a line, `#` comments.
const COVERAGE: &str = include_str!("../assets/fonts/coverage.txt");

/// The ranges of the table, sorted and disjoint, parsed once per process.
fn ranges() -> &'static [(u32, u32)] {
    static RANGES: OnceLock<Vec<(u32, u32)>> = OnceLock::new();
    RANGES.get_or_init(|| parse(COVERAGE).expect("assets/fonts/coverage.txt is well-formed"))
}

/// The coverage of the Basic Multilingual Plane as a bitmap, one bit a code point.
fn bmp() -> &'static [u64; 1024] {
    static BMP: OnceLock<Box<[u64; 1024]>> = OnceLock::new();
    BMP.get_or_init(|| {
        let mut bits = Box::new([0u64; 1024]);
        for &(lo, hi) in ranges() {
            for c in lo..=hi.min(0xFFFF) {
                bits[(c / 64) as usize] |= 1 << (c % 64);
            }
        }
        // Whitespace and control characters print no glyph: covered as well, so that one
        // lookup answers.
        for c in (0..=0xFFFF).filter_map(char::from_u32) {
            if c.is_whitespace() || c.is_control() {
                let c = u32::from(c);
                bits[(c / 64) as usize] |= 1 << (c % 64);
            }
        }
        bits
    })
}

/// Parses a coverage table into sorted, disjoint ranges; the first bad line is the error.
fn parse(text: &str) -> Result<Vec<(u32, u32)>, String> {
    let mut ranges = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || format!("line {}: `{line}` is not a range `XXXX-YYYY`", n + 1);
        let (lo, hi) = line.split_once('-').ok_or_else(bad)?;
        let lo = u32::from_str_radix(lo, 16).map_err(|_| bad())?;
        let hi = u32::from_str_radix(hi, 16).map_err(|_| bad())?;
        if lo > hi {
            return Err(bad());
        }
        ranges.push((lo, hi));
    }
    ranges.sort_unstable();
    for pair in ranges.windows(2) {
        if pair[0].1 >= pair[1].0 {
            return Err(format!(
                "ranges {:04X}-{:04X} and {:04X}-{:04X} overlap",
                pair[0].0, pair[0].1, pair[1].0, pair[1].1
            ));
        }
    }
    Ok(ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_characters_of_names_and_square_metres_are_covered() {
        for c in "王喆李堃朱镕基张昇刘奕㎡".chars() {
            assert!(embedded_covers(c), "{c} U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn the_symbols_of_official_documents_are_covered() {
        let symbols =
            "℃‰№①⑳⑴⒇⒈⒛ⅰⅹⅠⅫ±×÷≤≥≠≈∞∑√∈—…“”、。《》【】〔〕，：；！？（）％￥─│┌■□▲△○●αβΩАЯ";
        for c in symbols.chars() {
            assert!(embedded_covers(c), "{c} U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn the_whole_table_of_general_standard_characters_is_covered() {
        // A sample across the table: 一 (0001), 乂 (second level), 䜣 (Ext A), 𬬻 (Ext E).
        for c in ['一', '乂', '䜣', '𬬻', '𫖯'] {
            assert!(embedded_covers(c), "{c} U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn every_gbk_hanzi_is_covered() {
        // GBK holds the whole CJK Unified Ideographs block as Unicode 1.1 had it.
        let missing: Vec<String> = ('\u{4E00}'..='\u{9FA5}')
            .filter(|&c| !embedded_covers(c))
            .map(|c| format!("U+{:04X}", u32::from(c)))
            .collect();
        assert!(missing.is_empty(), "{missing:?}");
        assert!(embedded_count() > 23_000, "{}", embedded_count());
    }

    #[test]
    fn private_use_and_rare_extension_b_characters_are_not_covered() {
        assert!(!embedded_covers('\u{E000}'));
        // U+20000 𠀀, CJK Extension B, is not in the 通用规范汉字表.
        assert!(!embedded_covers('\u{20000}'));
        assert!(!embedded_covers('\u{10FFFF}'));
    }

    #[test]
    fn a_text_is_all_covered_or_not() {
        assert!(all_embedded("王喆、李堃、朱镕基、张昇、刘奕，30 ㎡\n\t"));
        assert!(all_embedded("plain ascii"));
        assert!(!all_embedded("王\u{e000}"));
        assert!(!all_embedded("表情😀"));
        assert!(!all_embedded("é\u{e000}"));
        assert!(all_embedded("é×·°—…“”‘’"));
        // The hand decoder agrees with `char` on every embedded range edge and around them.
        for (lo, hi) in ranges() {
            for c in [lo.saturating_sub(1), *lo, *hi, hi + 1] {
                if let Some(ch) = char::from_u32(c) {
                    assert_eq!(
                        all_embedded(&ch.to_string()),
                        embedded_covers(ch),
                        "U+{c:04X}"
                    );
                }
            }
        }
    }

    #[test]
    fn whitespace_and_controls_count_as_covered() {
        for c in [' ', '\n', '\t', '\u{3000}', '\u{0}', '\u{7F}'] {
            assert!(embedded_covers(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn the_table_parses_into_sorted_disjoint_ranges() {
        assert_eq!(
            parse("# comment\n0041-005A\n\n0030-0039\n").unwrap(),
            [(0x30, 0x39), (0x41, 0x5A)]
        );
        assert!(parse("0041-0030\n").is_err());
        assert!(parse("0041\n").is_err());
        assert!(parse("0030-0041\n0040-0050\n").is_err());
        let ranges = ranges();
        assert!(ranges.windows(2).all(|p| p[0].1 < p[1].0));
    }
}
