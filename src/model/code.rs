//! Standard numbers (标准编号): `StdCode` parses every real-world writing of a number such
//! as `GB/T 24421.1-2009` into one canonical form, and `CodeError` says in Chinese and English
//! (in the words of `messages`) why a string is not one. Pure data: no I/O, no knowledge of
//! the repository or its levels.

use std::cmp::Ordering;
use std::error::Error;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use crate::finding::Msg;

/// Which family of standard a code belongs to, decided by its prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CodeKind {
    /// `GB`, `GB/T`, `GB/Z`.
    National,
    /// Two to four capital letters (`MZ/T`, `JGJ`, `DA/T`), including `DB/T` (seismology).
    Industry,
    /// `DB` + division code + `/T`, `/Z` or a bare `/` (`DB34/T`, `DB11/`).
    Local,
    /// `T/` + association code (`T/CAS`).
    Group,
    /// `Q/` + organization code (`Q/AQZW`).
    Enterprise,
}

/// A parsed standard number (标准编号), e.g. `GB/T 24421.1-2009`.
///
/// Equality, hashing and ordering ignore the writing: dashes, spaces, full-width forms,
/// case, leading zeros of the sequence and part, and a two-digit year (`-80` = `-1980`).
#[derive(Clone, Debug)]
pub struct StdCode {
    kind: CodeKind,
    /// Canonical prefix, e.g. `GB/T`, `DB11/`, `T/CAS`.
    prefix: String,
    /// Digits as written, leading zeros kept (`016`).
    sequence: String,
    /// Digits of the one-level part, as written.
    part: Option<String>,
    /// Full year (`80` → 1980).
    year: u16,
    /// The year was written with two digits, which is how it stays in `Display`.
    two_digit_year: bool,
}

impl StdCode {
    /// Parses any real-world writing. Returns the code and whether the input was already canonical.
    pub fn parse(input: &str) -> Result<(StdCode, bool), CodeError> {
        let core = strip_notes(input);
        let code = Scanner::read(core).map_err(|mut e| {
            e.input = input.trim_matches(is_space).to_owned();
            e
        })?;
        let canonical = code.to_string() == input;
        Ok((code, canonical))
    }

    pub fn kind(&self) -> CodeKind {
        self.kind
    }

    /// Canonical prefix: "GB/T", "GB", "GB/Z", "DB34/T", "DB11/", "DB31117/Z", "DB/T", "MZ/T", "JGJ", "T/CAS", "Q/AQZW" …
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// Full year: `80` → 1980.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The printed form used on covers: `GB/T 1.1—2020` (em dash U+2014 between sequence and year).
    pub fn printed(&self) -> String {
        self.write_with('—')
    }

    fn write_with(&self, dash: char) -> String {
        let mut out = format!("{} {}", self.prefix, self.sequence);
        if let Some(part) = &self.part {
            out.push('.');
            out.push_str(part);
        }
        out.push(dash);
        if self.two_digit_year {
            out.push_str(&format!("{:02}", self.year % 100));
        } else {
            out.push_str(&format!("{:04}", self.year));
        }
        out
    }
}

/// The canonical form: `GB/T 24421.1-2009`, `DB11/ 501-2017`, `GB 2312-80`.
impl fmt::Display for StdCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.write_with('-'))
    }
}

impl FromStr for StdCode {
    type Err = CodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        StdCode::parse(s).map(|(code, _)| code)
    }
}

impl PartialEq for StdCode {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for StdCode {}

impl Hash for StdCode {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.kind.hash(state);
        self.prefix.hash(state);
        significant(&self.sequence).hash(state);
        self.part.as_deref().map(significant).hash(state);
        self.year.hash(state);
    }
}

impl PartialOrd for StdCode {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Kind, prefix, sequence numerically, part (none first, then numerically), full year.
impl Ord for StdCode {
    fn cmp(&self, other: &Self) -> Ordering {
        self.kind
            .cmp(&other.kind)
            .then_with(|| self.prefix.cmp(&other.prefix))
            .then_with(|| cmp_numeric(&self.sequence, &other.sequence))
            .then_with(|| match (&self.part, &other.part) {
                (Some(a), Some(b)) => cmp_numeric(a, b),
                (a, b) => a.is_some().cmp(&b.is_some()),
            })
            .then_with(|| self.year.cmp(&other.year))
    }
}

/// The number without what real citations add after it: an edition note (`(2018年版)`,
/// `（2009年版）`) or an adoption marker (`idt ISO 9001:2015`, `MOD`, `eqv`, `neq`).
fn strip_notes(input: &str) -> &str {
    let mut s = input.trim_matches(is_space);
    for open in ['(', '（'] {
        if let Some(i) = s.rfind(open) {
            let note = &s[i..];
            if note.contains("年版") && (note.ends_with(')') || note.ends_with('）')) {
                s = s[..i].trim_end_matches(is_space);
            }
        }
    }
    let lower = s.to_ascii_lowercase();
    for marker in [" idt ", " mod ", " eqv ", " neq "] {
        if let Some(i) = lower.find(marker) {
            s = s[..i].trim_end_matches(is_space);
            break;
        }
    }
    s
}

/// Digits without leading zeros (`"0"` for all zeros), so `016` and `16` compare equal.
fn significant(digits: &str) -> &str {
    match digits.trim_start_matches('0') {
        "" => "0",
        rest => rest,
    }
}

/// Compares digit strings as numbers of any length.
fn cmp_numeric(a: &str, b: &str) -> Ordering {
    let (a, b) = (significant(a), significant(b));
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// Why a string is not a standard number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeError {
    /// The input, trimmed, as the user wrote it.
    input: String,
    reason: Reason,
}

impl CodeError {
    /// The reason in both languages, e.g. "`GB50242` 缺少年代号" / "`GB50242` has no year".
    pub fn reason(&self) -> Msg {
        use crate::messages as m;
        let s = self.input.as_str();
        match &self.reason {
            Reason::Empty => m::code_reason_empty(),
            Reason::DocumentNumber => m::code_reason_document_number(s),
            Reason::DesignAtlas => m::code_reason_design_atlas(s),
            Reason::Range => m::code_reason_range(s),
            Reason::Chinese => m::code_reason_chinese(s),
            Reason::UnexpectedChar(c) => m::code_reason_unexpected_char(s, *c),
            Reason::NoPrefix => m::code_reason_no_prefix(s),
            Reason::UnknownPrefix { prefix, hint } => {
                let hint = hint.map(|hint| match hint {
                    Hint::Group => m::code_hint_group(),
                    Hint::Enterprise => m::code_hint_enterprise(),
                    Hint::DidYouMean(p) => m::code_hint_did_you_mean(p),
                });
                m::code_reason_unknown_prefix(s, prefix, hint.as_ref())
            }
            Reason::Foreign => m::code_reason_foreign(s),
            Reason::LocalWithoutSlash => m::code_reason_local_without_slash(s),
            Reason::ShortDivision => m::code_reason_short_division(s),
            Reason::Association(code) => m::code_reason_association(s, code),
            Reason::NoSequence => m::code_reason_no_sequence(s),
            Reason::EmptyPart => m::code_reason_empty_part(s),
            Reason::TwoLevelPart => m::code_reason_two_level_part(s),
            Reason::NoYear => m::code_reason_no_year(s),
            Reason::YearDigits(year) => m::code_reason_year_digits(s, year),
            Reason::EarlyYear(year) if year.len() == 2 => m::code_reason_two_digit_year(s, year),
            Reason::EarlyYear(year) => m::code_reason_early_year(s, year),
            Reason::Amendment => m::code_reason_amendment(s),
            Reason::Unexpected(rest) => m::code_reason_unexpected(s, rest),
        }
    }

    /// The reason in Chinese (see [`CodeError::reason`]).
    pub fn reason_zh(&self) -> String {
        self.reason().zh
    }

    /// The reason in English (see [`CodeError::reason`]).
    pub fn reason_en(&self) -> String {
        self.reason().en
    }
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason_en())
    }
}

impl Error for CodeError {}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Reason {
    Empty,
    DocumentNumber,
    DesignAtlas,
    Range,
    Chinese,
    UnexpectedChar(char),
    NoPrefix,
    UnknownPrefix { prefix: String, hint: Option<Hint> },
    Foreign,
    LocalWithoutSlash,
    ShortDivision,
    Association(String),
    NoSequence,
    EmptyPart,
    TwoLevelPart,
    NoYear,
    YearDigits(String),
    EarlyYear(String),
    Amendment,
    Unexpected(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hint {
    Group,
    Enterprise,
    DidYouMean(&'static str),
}

/// Prefixes of international and foreign standards, which are not industry codes.
const FOREIGN: &[&str] = &[
    "ISO", "IEC", "ITU", "EN", "CEN", "ASTM", "ANSI", "DIN", "JIS", "BS", "IEEE", "API", "ASME",
    "NFPA", "UL",
];

/// A left-to-right reader over the normalized input.
///
/// `text[i]` is the ASCII normal form of `original[i]` (full-width folded, dashes to `-`,
/// spaces to ` `, upper case), so errors can quote the user's own characters.
struct Scanner {
    original: Vec<char>,
    text: Vec<u8>,
    pos: usize,
}

impl Scanner {
    fn read(input: &str) -> Result<StdCode, CodeError> {
        let trimmed = input.trim_matches(is_space);
        let error = |reason| CodeError {
            input: trimmed.to_owned(),
            reason,
        };
        let original: Vec<char> = trimmed.chars().collect();
        let normal: Vec<char> = original.iter().copied().map(normalize).collect();
        if original.is_empty() {
            return Err(error(Reason::Empty));
        }
        if original.iter().any(|c| matches!(c, '〔' | '〕' | '号')) {
            return Err(error(Reason::DocumentNumber));
        }
        if normal.contains(&'~') {
            return Err(error(Reason::Range));
        }
        if normal.iter().copied().any(is_han) {
            return Err(error(Reason::Chinese));
        }
        if let Some(i) = normal.iter().position(|c| !c.is_ascii()) {
            return Err(error(Reason::UnexpectedChar(original[i])));
        }
        let text: Vec<u8> = normal.iter().map(|&c| c as u8).collect();
        if looks_like_atlas(&text) {
            return Err(error(Reason::DesignAtlas));
        }
        let mut scanner = Scanner {
            original,
            text,
            pos: 0,
        };
        scanner.code().map_err(error)
    }

    /// `<prefix> <sequence>[.<part>]-<year>[/<adopted standard>]`
    fn code(&mut self) -> Result<StdCode, Reason> {
        if !self.peek().is_some_and(|b| b.is_ascii_uppercase()) {
            return Err(Reason::NoPrefix);
        }
        let (kind, prefix) = self.prefix()?;
        self.skip_spaces();
        // Highway codes put a letter before the digits: `JTG D20-2017`, `JTG/T F20-2015`.
        let letter = if kind == CodeKind::Industry
            && self.peek().is_some_and(|b| b.is_ascii_uppercase())
            && self
                .text
                .get(self.pos + 1)
                .is_some_and(|b| b.is_ascii_digit())
        {
            self.pos += 1;
            char::from(self.text[self.pos - 1]).to_string()
        } else {
            String::new()
        };
        let sequence = letter + &self.digits();
        if sequence.is_empty() {
            return Err(match self.peek() {
                None | Some(b'-' | b'.') => Reason::NoSequence,
                Some(_) => self.unexpected(),
            });
        }
        let part = if self.eat(b'.') {
            let part = self.digits();
            if part.is_empty() {
                return Err(Reason::EmptyPart);
            }
            if self.peek() == Some(b'.') {
                return Err(Reason::TwoLevelPart);
            }
            Some(part)
        } else {
            None
        };
        self.skip_spaces();
        if !self.eat(b'-') {
            return Err(self.missing(Reason::NoYear));
        }
        self.skip_spaces();
        let digits = self.digits();
        let (year, two_digit_year) = match digits.len() {
            0 => return Err(self.missing(Reason::NoYear)),
            2 => (1900 + parse_u16(&digits), true),
            4 => (parse_u16(&digits), false),
            _ => return Err(Reason::YearDigits(digits)),
        };
        // Standards were first numbered in the 1950s: `-09` is a sloppy 2009, not 1909.
        if year < 1900 || (two_digit_year && year < 1950) {
            return Err(Reason::EarlyYear(digits));
        }
        self.adoption()?;
        Ok(StdCode {
            kind,
            prefix,
            sequence,
            part,
            year,
            two_digit_year,
        })
    }

    /// Reads the prefix and returns it in canonical form.
    fn prefix(&mut self) -> Result<(CodeKind, String), Reason> {
        let letters = self.take_while(|b| b.is_ascii_uppercase());
        let spaced = self.skip_spaces();
        match letters.as_str() {
            "T" => self.organization(CodeKind::Group, Hint::Group),
            "Q" => self.organization(CodeKind::Enterprise, Hint::Enterprise),
            "GB" => Ok((CodeKind::National, format!("GB{}", self.sub_prefix("GB")?))),
            // 国家职业卫生标准 and the old national construction standards.
            "GBZ" | "GBJ" => Ok((CodeKind::National, letters)),
            "DB" if self.peek().is_some_and(|b| b.is_ascii_digit()) => self.local(spaced),
            "GBT" => Err(Reason::UnknownPrefix {
                prefix: letters,
                hint: Some(Hint::DidYouMean("GB/T")),
            }),
            code if FOREIGN.contains(&code) => Err(Reason::Foreign),
            code if (2..=4).contains(&code.len()) => {
                let sub = self.sub_prefix(code)?;
                Ok((CodeKind::Industry, format!("{code}{sub}")))
            }
            _ => Err(Reason::UnknownPrefix {
                prefix: letters,
                hint: None,
            }),
        }
    }

    /// An optional `/T` or `/Z` after a national or industry code.
    fn sub_prefix(&mut self, code: &str) -> Result<&'static str, Reason> {
        if !self.eat(b'/') {
            return Ok("");
        }
        self.skip_spaces();
        match self.take_while(|b| b.is_ascii_uppercase()).as_str() {
            "T" => Ok("/T"),
            "Z" => Ok("/Z"),
            other => Err(Reason::UnknownPrefix {
                prefix: format!("{code}/{other}"),
                hint: None,
            }),
        }
    }

    /// `DB` + division digits + `/T`, `/Z` or `/`; `DB 12-2020` (a space, no slash) is the
    /// seismology industry code followed by its sequence.
    fn local(&mut self, spaced: bool) -> Result<(CodeKind, String), Reason> {
        let start = self.pos;
        let division = self.digits();
        self.skip_spaces();
        if !self.eat(b'/') {
            if spaced && !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                self.pos = start;
                return Ok((CodeKind::Industry, "DB".to_owned()));
            }
            return Err(Reason::LocalWithoutSlash);
        }
        if division.len() < 2 {
            return Err(Reason::ShortDivision);
        }
        self.skip_spaces();
        let sub = match self.take_while(|b| b.is_ascii_uppercase()).as_str() {
            "T" => "/T",
            "Z" => "/Z",
            "" => "/",
            other => {
                return Err(Reason::UnknownPrefix {
                    prefix: format!("DB{division}/{other}"),
                    hint: None,
                });
            }
        };
        Ok((CodeKind::Local, format!("DB{division}{sub}")))
    }

    /// `T/` + association code or `Q/` + organization code.
    fn organization(&mut self, kind: CodeKind, hint: Hint) -> Result<(CodeKind, String), Reason> {
        let letter = if kind == CodeKind::Group { "T" } else { "Q" };
        if !self.eat(b'/') {
            return Err(Reason::UnknownPrefix {
                prefix: letter.to_owned(),
                hint: Some(hint),
            });
        }
        self.skip_spaces();
        let start = self.pos;
        let mut code = self.take_while(|b| b.is_ascii_alphanumeric());
        // Unless a separate sequence follows, the code was written without a space
        // (`T/CAS123-2020`): its trailing digits are the sequence, and with digits only
        // (`T/ 123-2020`) the code is missing.
        let after_code = self.pos;
        self.skip_spaces();
        let sequence_follows = self.peek().is_some_and(|b| b.is_ascii_digit());
        self.pos = after_code;
        if !sequence_follows {
            let head = code.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            code.truncate(head);
            self.pos = start + head;
        }
        if code.is_empty() {
            return Err(Reason::UnknownPrefix {
                prefix: format!("{letter}/"),
                hint: Some(hint),
            });
        }
        let starts_with_letter = code.starts_with(|c: char| c.is_ascii_uppercase());
        if kind == CodeKind::Group && (code.len() < 2 || !starts_with_letter) {
            return Err(Reason::Association(code));
        }
        Ok((kind, format!("{letter}/{code}")))
    }

    /// After the year: nothing, or an identical-adoption suffix (`/ISO 9001:2015`), which is
    /// dropped. An amendment (`/XG1-2015`) is not a standard number.
    fn adoption(&mut self) -> Result<(), Reason> {
        let after_year = self.pos;
        self.skip_spaces();
        if self.at_end() {
            return Ok(());
        }
        if self.eat(b'/') {
            self.skip_spaces();
            let rest = &self.text[self.pos..];
            if rest.starts_with(b"XG") {
                return Err(Reason::Amendment);
            }
            let well_formed = rest.first().is_some_and(|b| b.is_ascii_uppercase())
                && rest.iter().any(|b| b.is_ascii_digit())
                && rest.iter().all(|&b| b.is_ascii_graphic() || b == b' ');
            if well_formed {
                return Ok(());
            }
        }
        self.pos = after_year;
        self.skip_spaces();
        Err(self.unexpected())
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Skips spaces; returns whether there were any.
    fn skip_spaces(&mut self) -> bool {
        !self.take_while(|b| b == b' ').is_empty()
    }

    fn digits(&mut self) -> String {
        self.take_while(|b| b.is_ascii_digit())
    }

    fn take_while(&mut self, keep: impl Fn(u8) -> bool) -> String {
        let start = self.pos;
        while self.peek().is_some_and(&keep) {
            self.pos += 1;
        }
        String::from_utf8_lossy(&self.text[start..self.pos]).into_owned()
    }

    /// `reason` at the end of the input, otherwise the unexpected rest.
    fn missing(&self, reason: Reason) -> Reason {
        if self.at_end() {
            reason
        } else {
            self.unexpected()
        }
    }

    /// The rest of the input from here, as the user wrote it.
    fn unexpected(&self) -> Reason {
        Reason::Unexpected(self.original[self.pos..].iter().collect())
    }
}

/// Spaces of any kind, including the ideographic space, NBSP and zero-width ones.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// Folds one character to its ASCII writing where it has one; leaves others unchanged.
fn normalize(c: char) -> char {
    let folded = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => '-',
        '\u{2044}' | '\u{2215}' => '/',
        '\u{301C}' => '~',
        c if is_space(c) => ' ',
        c => c,
    };
    folded.to_ascii_uppercase()
}

/// CJK ideographs.
fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// Design-atlas numbers: `12J201`, `05J909`, `16G101-1`, `L13J5-1`.
fn looks_like_atlas(text: &[u8]) -> bool {
    let rest = match text {
        [first, rest @ ..] if first.is_ascii_uppercase() => rest,
        _ => text,
    };
    match rest {
        [y1, y2, rest @ ..] if y1.is_ascii_digit() && y2.is_ascii_digit() => {
            let letters = rest.iter().take_while(|b| b.is_ascii_uppercase()).count();
            (1..=3).contains(&letters) && rest.get(letters).is_some_and(u8::is_ascii_digit)
        }
        _ => false,
    }
}

/// Parses at most four ASCII digits.
fn parse_u16(digits: &str) -> u16 {
    digits.bytes().fold(0, |n, b| n * 10 + u16::from(b - b'0'))
}

#[cfg(test)]
mod tests {
    use super::{CodeKind, StdCode};
    use std::collections::HashSet;

    use CodeKind::{Enterprise, Group, Industry, Local, National};

    /// Real-world writings: input, kind, canonical form, already canonical.
    const VALID: &[(&str, CodeKind, &str, bool)] = &[
        // canonical
        ("GB/T 24421.1-2009", National, "GB/T 24421.1-2009", true),
        ("GB/T 24421.2-2009", National, "GB/T 24421.2-2009", true),
        ("GB/T 24421.2-2023", National, "GB/T 24421.2-2023", true),
        ("GB/T 24421.4-2023", National, "GB/T 24421.4-2023", true),
        ("GB/T 13016-2009", National, "GB/T 13016-2009", true),
        ("GB/T 13016-2018", National, "GB/T 13016-2018", true),
        ("GB/T 1.1-2009", National, "GB/T 1.1-2009", true),
        ("GB/T 1.1-2020", National, "GB/T 1.1-2020", true),
        ("GB/T 30226-2013", National, "GB/T 30226-2013", true),
        ("GB/T 32168-2015", National, "GB/T 32168-2015", true),
        ("GB/T 32169.1-2015", National, "GB/T 32169.1-2015", true),
        ("GB/T 32169.4-2015", National, "GB/T 32169.4-2015", true),
        ("GB/T 32618-2016", National, "GB/T 32618-2016", true),
        ("GB/T 19001-2016", National, "GB/T 19001-2016", true),
        ("GB 5768.1-2009", National, "GB 5768.1-2009", true),
        ("GB 2312-80", National, "GB 2312-80", true),
        ("GB 2312-1980", National, "GB 2312-1980", true),
        ("GB/Z 24294-2009", National, "GB/Z 24294-2009", true),
        ("DB34/T 1234-2013", Local, "DB34/T 1234-2013", true),
        ("DB11/ 501-2017", Local, "DB11/ 501-2017", true),
        ("DB31117/Z 016-2022", Local, "DB31117/Z 016-2022", true),
        ("DB3206/T 1088-2024", Local, "DB3206/T 1088-2024", true),
        ("DB/T 12-2020", Industry, "DB/T 12-2020", true),
        ("DB 12-2020", Industry, "DB 12-2020", true),
        ("MZ/T 1-2020", Industry, "MZ/T 1-2020", true),
        ("JGJ/T 60-2012", Industry, "JGJ/T 60-2012", true),
        ("JGJ 16-2008", Industry, "JGJ 16-2008", true),
        ("CJJ 37-2012", Industry, "CJJ 37-2012", true),
        ("JTG 3362-2018", Industry, "JTG 3362-2018", true),
        ("GA 1800.1-2021", Industry, "GA 1800.1-2021", true),
        ("DA/T 22-2015", Industry, "DA/T 22-2015", true),
        ("WS/T 10001-2023", Industry, "WS/T 10001-2023", true),
        ("SY/T 6276-2014", Industry, "SY/T 6276-2014", true),
        ("YD/T 1171-2015", Industry, "YD/T 1171-2015", true),
        ("LB/T 001-2009", Industry, "LB/T 001-2009", true),
        ("TB 10001-2016", Industry, "TB 10001-2016", true),
        ("QC/T 29106-2014", Industry, "QC/T 29106-2014", true),
        ("T/CAS 123-2020", Group, "T/CAS 123-2020", true),
        ("T/CECS 1234-2022", Group, "T/CECS 1234-2022", true),
        ("Q/AQZW 10102-2014", Enterprise, "Q/AQZW 10102-2014", true),
        ("Q/SLZW 10102-2015", Enterprise, "Q/SLZW 10102-2015", true),
        // dashes
        ("GB/T 1.1—2020", National, "GB/T 1.1-2020", false),
        ("GB/T 24421.1–2009", National, "GB/T 24421.1-2009", false),
        ("GB/T 24421.1－2009", National, "GB/T 24421.1-2009", false),
        ("GB/T 24421.1‐2009", National, "GB/T 24421.1-2009", false),
        ("GB/T 24421.1‑2009", National, "GB/T 24421.1-2009", false),
        ("GB/T 24421.1−2009", National, "GB/T 24421.1-2009", false),
        ("GB 2312—80", National, "GB 2312-80", false),
        ("DB3206/T 1088—2024", Local, "DB3206/T 1088-2024", false),
        ("Q/AQZW 10102—2014", Enterprise, "Q/AQZW 10102-2014", false),
        // full-width forms
        (
            "ＧＢ／Ｔ ２４４２１．１－２００９",
            National,
            "GB/T 24421.1-2009",
            false,
        ),
        ("GB／T 24421.1-2009", National, "GB/T 24421.1-2009", false),
        ("GB/T 24421．1-2009", National, "GB/T 24421.1-2009", false),
        ("DB34／T 1234—2013", Local, "DB34/T 1234-2013", false),
        // spaces
        ("GB/T24421.1-2009", National, "GB/T 24421.1-2009", false),
        ("GB/T  24421.1-2009", National, "GB/T 24421.1-2009", false),
        (
            "GB/T\u{3000}24421.1-2009",
            National,
            "GB/T 24421.1-2009",
            false,
        ),
        (
            "GB/T\u{a0}24421.1-2009",
            National,
            "GB/T 24421.1-2009",
            false,
        ),
        ("GB/T\t24421.1-2009", National, "GB/T 24421.1-2009", false),
        ("GB/T 24421.1 - 2009", National, "GB/T 24421.1-2009", false),
        ("GB/T 24421.1 — 2009", National, "GB/T 24421.1-2009", false),
        ("GB / T 24421.1-2009", National, "GB/T 24421.1-2009", false),
        (
            "  GB/T 24421.1-2009\n",
            National,
            "GB/T 24421.1-2009",
            false,
        ),
        ("DB 34/T 1234-2013", Local, "DB34/T 1234-2013", false),
        ("DB 31117/Z 016-2022", Local, "DB31117/Z 016-2022", false),
        ("DB34/T310007-2021", Local, "DB34/T 310007-2021", false),
        ("DB11/501-2017", Local, "DB11/ 501-2017", false),
        ("DB11 / 501-2017", Local, "DB11/ 501-2017", false),
        ("DB/T12-2020", Industry, "DB/T 12-2020", false),
        ("JGJ/T60-2012", Industry, "JGJ/T 60-2012", false),
        ("T/CAS123-2020", Group, "T/CAS 123-2020", false),
        ("T/CAS123 — 2020", Group, "T/CAS 123-2020", false),
        ("Q/AQZW10102-2014", Enterprise, "Q/AQZW 10102-2014", false),
        // case
        ("gb/t 24421.1-2009", National, "GB/T 24421.1-2009", false),
        ("mz/t 1-2020", Industry, "MZ/T 1-2020", false),
        ("t/cas 123-2020", Group, "T/CAS 123-2020", false),
        ("db34/t 1234-2013", Local, "DB34/T 1234-2013", false),
        // identical adoption
        (
            "GB/T 19001-2016/ISO 9001:2015",
            National,
            "GB/T 19001-2016",
            false,
        ),
        (
            "GB/T 19001—2016/ISO 9001:2015",
            National,
            "GB/T 19001-2016",
            false,
        ),
        (
            "GB/T 19001-2016 / ISO 9001:2015",
            National,
            "GB/T 19001-2016",
            false,
        ),
        (
            "GB/T 27025-2019/ISO/IEC 17025:2017",
            National,
            "GB/T 27025-2019",
            false,
        ),
    ];

    /// Strings that only look like numbers, and a word of the English reason.
    const REJECTED: &[(&str, &str)] = &[
        ("", "is empty"),
        ("   ", "is empty"),
        ("常政发〔2014〕10号", "document number"),
        ("国办发〔2019〕51号", "document number"),
        ("国办发[2019]51号", "document number"),
        ("12J201", "design-atlas"),
        ("05J909", "design-atlas"),
        ("16G101-1", "design-atlas"),
        ("GB50242", "has no year"),
        ("GB/T 24421.1", "has no year"),
        ("GB/T 24421.1-", "has no year"),
        ("GB 5768.1~5-2022", "range"),
        ("GB/T 24421.1~4-2009", "range"),
        ("GB/T 24421.1～4-2009", "range"),
        ("GB/T 1.1.1-2009", "two-level part"),
        ("GB/T 1.-2020", "empty part"),
        ("ABCDE 1-2020", "unknown prefix `ABCDE`"),
        ("T 123-2020", "unknown prefix `T`; group"),
        ("Q 1-2020", "unknown prefix `Q`; enterprise"),
        ("T/ 123-2020", "unknown prefix `T/`"),
        ("Q/10102-2014", "unknown prefix `Q/`"),
        ("GB/X 1-2020", "unknown prefix `GB/X`"),
        ("GBT 24421.1-2009", "did you mean `GB/T`?"),
        ("DB34/X 1-2020", "unknown prefix `DB34/X`"),
        ("/T", "does not start with a standard prefix"),
        ("24421-2009", "does not start with a standard prefix"),
        ("GB/T 1-209", "the year `209`"),
        ("GB/T 1-20091", "the year `20091`"),
        ("GB/T 1-9", "the year `9`"),
        ("GB/T 24421.1-2009/XG1-2015", "amendment"),
        (
            "GB/T 24421.1-2009 服务业组织标准化工作指南",
            "Chinese characters",
        ),
        ("标准", "Chinese characters"),
        ("ISO 9001:2015", "international or foreign"),
        ("IEC 60335-1:2010", "international or foreign"),
        ("DB341234-2013", "needs `/T`, `/Z` or `/`"),
        ("DB34 1234-2013", "needs `/T`, `/Z` or `/`"),
        ("DB3/T 1-2020", "at least two digits"),
        ("T/1A 1-2020", "association code `1A`"),
        ("T/C 1-2020", "association code `C`"),
        ("GB/T", "no sequence number"),
        ("GB -2020", "no sequence number"),
        ("GB/T 24421.1-0009", "before 1900"),
        ("GB/T 24421.1-2009A", "unexpected text `A`"),
        ("GB/T 19001:2016", "unexpected text `:2016`"),
        ("GB/T 24421.1-2009/", "unexpected text `/`"),
        ("GB/T 24421.1-2009 (idt)", "unexpected text `(idt)`"),
        ("GB/T 1.1-2020 ©", "unexpected character `©`"),
        ("GB/T X1-2020", "unexpected text `X1-2020`"),
    ];

    fn parse(s: &str) -> StdCode {
        StdCode::parse(s).unwrap_or_else(|e| panic!("{s:?}: {e}")).0
    }

    #[test]
    fn citation_notes_are_dropped_and_flagged() {
        let (c, canonical) = StdCode::parse("GB 50016—2014(2018年版)").unwrap();
        assert_eq!(
            (c.to_string(), canonical),
            ("GB 50016-2014".to_owned(), false)
        );
        let (c, canonical) = StdCode::parse("GB/T 19001—2016 idt ISO 9001:2015").unwrap();
        assert_eq!(
            (c.to_string(), canonical),
            ("GB/T 19001-2016".to_owned(), false)
        );
        let (c, _) = StdCode::parse("GB 50222-2017（2021年版）").unwrap();
        assert_eq!(c.to_string(), "GB 50222-2017");
    }

    #[test]
    fn occupational_health_and_old_construction_codes_are_national() {
        assert_eq!(
            StdCode::parse("GBZ 2.1-2019").unwrap().0.kind(),
            CodeKind::National
        );
        assert_eq!(
            StdCode::parse("GBJ 16-87").unwrap().0.kind(),
            CodeKind::National
        );
    }

    #[test]
    fn two_digit_years_before_1950_are_impossible() {
        assert!(StdCode::parse("GB/T 24421.1-09").is_err());
        assert_eq!(StdCode::parse("GB 2312-80").unwrap().0.year(), 1980);
    }

    #[test]
    fn highway_codes_keep_the_letter_of_their_sequence() {
        let (c, canonical) = StdCode::parse("JTG D20-2017").unwrap();
        assert_eq!(
            (c.kind(), c.to_string(), canonical),
            (CodeKind::Industry, "JTG D20-2017".to_owned(), true)
        );
        let (c, canonical) = StdCode::parse("JTG/T F20—2015").unwrap();
        assert_eq!(
            (c.to_string(), canonical),
            ("JTG/T F20-2015".to_owned(), false)
        );
        assert!(StdCode::parse("GB D20-2017").is_err());
    }

    #[test]
    fn real_world_writings_parse_to_their_canonical_form() {
        assert!(VALID.len() >= 60);
        for &(input, kind, canonical, is_canonical) in VALID {
            let (code, flag) =
                StdCode::parse(input).unwrap_or_else(|e| panic!("{input:?} rejected: {e}"));
            assert_eq!(code.kind(), kind, "{input:?}");
            assert_eq!(code.to_string(), canonical, "{input:?}");
            assert_eq!(flag, is_canonical, "{input:?}");
            assert_eq!(StdCode::parse(canonical).map(|(_, f)| f), Ok(true));
        }
    }

    #[test]
    fn look_alikes_are_rejected_with_a_reason() {
        assert!(REJECTED.len() >= 20);
        for &(input, reason) in REJECTED {
            match StdCode::parse(input) {
                Ok((code, _)) => panic!("{input:?} accepted as `{code}`"),
                Err(e) => assert!(e.reason_en().contains(reason), "{input:?}: {e}"),
            }
        }
    }

    #[test]
    fn reasons_follow_the_house_style() {
        for &(input, _) in REJECTED {
            let e = StdCode::parse(input).unwrap_err();
            for reason in [e.reason_zh(), e.reason_en()] {
                let first = reason.chars().next().unwrap();
                assert!(!first.is_uppercase(), "{reason}");
                assert!(!reason.ends_with(['.', '。']), "{reason}");
                if !input.trim().is_empty() {
                    assert!(
                        reason.starts_with(&format!("`{}`", input.trim())),
                        "{reason}"
                    );
                }
            }
            assert_eq!(e.to_string(), e.reason_en());
        }
    }

    #[test]
    fn reasons_read_as_documented() {
        let e = StdCode::parse("GB50242").unwrap_err();
        assert_eq!(e.reason_zh(), "`GB50242` 缺少年代号");
        assert_eq!(e.reason_en(), "`GB50242` has no year");
        let e = "GB/T 1.1.1-2009".parse::<StdCode>().unwrap_err();
        assert_eq!(
            e.reason_zh(),
            "`GB/T 1.1.1-2009` 的部分号只能有一级（如 `.1`，不能是 `.1.1`）"
        );
        let e = StdCode::parse("  12J201 ").unwrap_err();
        assert_eq!(
            e.reason_en(),
            "`12J201` is a design-atlas number, not a standard number"
        );
        // The user's own characters are quoted, not their normal form.
        let e = StdCode::parse("GB/T 24421.1－2009Ａ").unwrap_err();
        assert_eq!(
            e.reason_en(),
            "`GB/T 24421.1－2009Ａ` has unexpected text `Ａ`"
        );
    }

    #[test]
    fn equality_ignores_the_writing() {
        let groups: &[&[&str]] = &[
            &[
                "GB/T 24421.1-2009",
                "GB/T 24421.1—2009",
                "ＧＢ／Ｔ ２４４２１．１－２００９",
                "gb/t24421.1-2009",
                "GB / T  24421.1 – 2009",
            ],
            &["GB 2312-80", "GB 2312-1980", "GB 2312—80"],
            &[
                "DB31117/Z 016-2022",
                "DB 31117/Z 016-2022",
                "DB31117/Z 16-2022",
            ],
            &["DB11/ 501-2017", "DB11/501-2017", "db11 / 501—2017"],
            &["GB/T 19001-2016", "GB/T 19001-2016/ISO 9001:2015"],
        ];
        for group in groups {
            let codes: Vec<StdCode> = group.iter().map(|s| parse(s)).collect();
            let set: HashSet<&StdCode> = codes.iter().collect();
            assert_eq!(set.len(), 1, "{group:?}");
            assert!(codes.windows(2).all(|w| w[0] == w[1]), "{group:?}");
        }
        let different = [
            "GB/T 24421.1-2009",
            "GB/T 24421.1-2023",
            "GB/T 24421.2-2009",
            "GB/T 24421-2009",
            "GB 24421.1-2009",
            "GB/Z 24421.1-2009",
            "DB/T 24421.1-2009",
            "DB11/T 24421.1-2009",
            "DB11/ 24421.1-2009",
            "GB 2312-80",
            "GB 2312-2080",
        ];
        let set: HashSet<StdCode> = different.iter().map(|s| parse(s)).collect();
        assert_eq!(set.len(), different.len());
    }

    #[test]
    fn ordering_is_by_kind_prefix_number_part_year() {
        let sorted = [
            "GB 2312-80",
            "GB/T 1-2009",
            "GB/T 1.1-2009",
            "GB/T 1.1-2020",
            "GB/T 1.2-2009",
            "GB/T 1.10-2009",
            "GB/T 2-2009",
            "GB/T 10-2009",
            "GB/T 24421-2009",
            "GB/T 24421.1-2009",
            "GB/T 24421.2-2009",
            "GB/T 24421.2-2023",
            "GB/T 100000-2009",
            "GB/Z 1-2009",
            "DA/T 22-2015",
            "MZ/T 1-2020",
            "DB11/ 501-2017",
            "DB34/T 9-2013",
            "DB34/T 1234-2013",
            "T/CAS 123-2020",
            "Q/AQZW 10102-2014",
        ];
        let codes: Vec<StdCode> = sorted.iter().map(|s| parse(s)).collect();
        for pair in codes.windows(2) {
            assert!(pair[0] < pair[1], "{} < {}", pair[0], pair[1]);
        }
        let mut shuffled = codes.clone();
        shuffled.reverse();
        shuffled.sort();
        assert_eq!(shuffled, codes);
        assert!(parse("GB 2312-80") < parse("GB 2312-1981"));
        assert!(parse("GB 2312-99") > parse("GB 2312-1980"));
    }

    #[test]
    fn accessors_and_printed_form() {
        let code = parse("GB/T 1.1-2020");
        assert_eq!(code.printed(), "GB/T 1.1—2020");
        assert_eq!(code.prefix(), "GB/T");
        assert_eq!(code.year(), 2020);
        let code = parse("GB 2312-80");
        assert_eq!(code.printed(), "GB 2312—80");
        assert_eq!(code.year(), 1980);
        let code = parse("db 31117/z 016－2022");
        assert_eq!(code.printed(), "DB31117/Z 016—2022");
        assert_eq!(code.prefix(), "DB31117/Z");
        assert_eq!(parse("DB11/501-2017").printed(), "DB11/ 501—2017");
        assert_eq!(parse("DB11/501-2017").prefix(), "DB11/");
        assert_eq!(parse("DB/T 12-2020").prefix(), "DB/T");
        assert_eq!(parse("JGJ 16-2008").prefix(), "JGJ");
        assert_eq!(parse("t/cecs1234-2022").prefix(), "T/CECS");
        assert_eq!(parse("Q/AQZW 10102-2014").prefix(), "Q/AQZW");
        assert_eq!(
            "GB/Z 1-2020".parse::<StdCode>().map(|c| c.kind()),
            Ok(National)
        );
    }

    mod props {
        use super::super::StdCode;
        use proptest::prelude::*;
        use proptest::sample::select;

        const NOT_INDUSTRY: &[&str] = &[
            "GB", "GBT", "ISO", "IEC", "ITU", "EN", "CEN", "ASTM", "ANSI", "DIN", "JIS", "BS",
            "IEEE", "API", "ASME", "NFPA", "UL",
        ];

        fn prefix() -> impl Strategy<Value = String> {
            prop_oneof![
                select(vec!["GB", "GB/T", "GB/Z"]).prop_map(str::to_owned),
                ("[A-Z]{2,4}", select(vec!["", "/T", "/Z"]))
                    .prop_filter("not an industry code", |(c, _)| !NOT_INDUSTRY
                        .contains(&c.as_str()))
                    .prop_map(|(c, s)| format!("{c}{s}")),
                ("[0-9]{2,6}", select(vec!["/T", "/Z", "/"]))
                    .prop_map(|(d, s)| format!("DB{d}{s}")),
                "[A-Z][A-Z0-9]{1,6}".prop_map(|c| format!("T/{c}")),
                "[A-Z0-9]{1,6}".prop_map(|c| format!("Q/{c}")),
            ]
        }

        /// A canonical writing: prefix, sequence, part, year.
        fn canonical() -> impl Strategy<Value = (String, String)> {
            (
                prefix(),
                "[0-9]{1,6}",
                proptest::option::of("[0-9]{1,3}"),
                prop_oneof!["(19[5-9]|20[0-9])[0-9]", "[5-9][0-9]"],
            )
                .prop_map(|(prefix, seq, part, year)| {
                    let part = part.map(|p| format!(".{p}")).unwrap_or_default();
                    (prefix.clone(), format!("{prefix} {seq}{part}-{year}"))
                })
        }

        fn full_width(s: &str) -> String {
            s.chars()
                .map(|c| match c {
                    '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
                    c => c,
                })
                .collect()
        }

        proptest! {
            #[test]
            fn canonical_writings_round_trip((_, s) in canonical()) {
                let (code, flag) = StdCode::parse(&s).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert!(flag);
                prop_assert_eq!(code.to_string(), s.clone());
                let (again, flag) = StdCode::parse(&code.to_string()).unwrap();
                prop_assert!(flag);
                prop_assert_eq!(again, code);
            }

            #[test]
            fn messy_writings_mean_the_same_code(
                (prefix, s) in canonical(),
                dash in select(vec!["-", "—", "–", "－", "‐", "‑", "−", " - ", " — "]),
                space in select(vec![" ", "  ", "\u{3000}", "\u{a0}", "\t", ""]),
                lower in any::<bool>(),
                wide in any::<bool>(),
                around in select(vec!["", " ", "\n", "\u{3000}"]),
                adopted in any::<bool>(),
            ) {
                let clean = StdCode::parse(&s).unwrap().0;
                // Without a space, trailing digits of a prefix would run into the sequence.
                let space = if space.is_empty() && (prefix.ends_with(|c: char| c.is_ascii_digit()) || prefix == "DB") {
                    " "
                } else {
                    space
                };
                let mut messy = s.replacen(&format!("{prefix} "), &format!("{prefix}{space}"), 1);
                let dash_at = messy.rfind('-').unwrap();
                messy.replace_range(dash_at..=dash_at, dash);
                if adopted {
                    messy.push_str("/ISO 9001:2015");
                }
                if lower {
                    messy = messy.to_lowercase();
                }
                if wide {
                    messy = full_width(&messy);
                }
                let messy = format!("{around}{messy}{around}");
                let (code, flag) = StdCode::parse(&messy).map_err(|e| TestCaseError::fail(format!("{messy:?}: {e}")))?;
                prop_assert_eq!(&code, &clean, "{:?}", messy);
                prop_assert_eq!(code.to_string(), s.clone());
                prop_assert_eq!(flag, messy == s);
            }

            #[test]
            fn canonicalisation_is_idempotent(s in "[ GBDTQZMJAgbdtq/／.．0-9０-９~\\-—–－:XI]{0,24}") {
                if let Ok((code, _)) = StdCode::parse(&s) {
                    let shown = code.to_string();
                    let (again, flag) = StdCode::parse(&shown).unwrap();
                    prop_assert!(flag);
                    prop_assert_eq!(again.to_string(), shown);
                    prop_assert_eq!(again, code);
                }
            }

            #[test]
            fn arbitrary_strings_never_panic(s in any::<String>()) {
                if let Err(e) = StdCode::parse(&s) {
                    prop_assert!(!e.reason_zh().is_empty());
                    prop_assert!(!e.reason_en().is_empty());
                }
            }
        }
    }
}
