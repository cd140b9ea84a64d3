//! Typed reading of one TOML table with positions: every missing, mistyped or unknown key
//! becomes a finding, and reading goes on.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::source::Source;
use crate::finding::{Code, Finding, Msg, Pos};
use crate::messages;
use crate::model::{At, Date, MAX_COUNT};

/// Parses TOML text that starts at byte `offset` of `src`. A syntax error is a `toml/syntax`
/// finding and gives no table; an impossible date (`2014-02-30`), which the TOML parser also
/// rejects, is a `field/invalid` finding and the rest of the table is still read.
pub fn parse<'a>(
    src: &Source<'_>,
    toml: &'a str,
    offset: usize,
    findings: &mut Vec<Finding>,
) -> Option<Spanned<DeTable<'a>>> {
    let (table, errors) = DeTable::parse_recoverable(toml);
    let (dates, syntax): (Vec<_>, Vec<_>) = errors
        .iter()
        .partition(|e| e.message().starts_with("invalid date") && e.span().is_some());
    if let Some(e) = syntax.first() {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim_end_matches('\n').to_owned();
        let at = src.location(offset + span.start, offset + span.end);
        let finding = match duplicate(toml, &message, span.clone()) {
            Some((key, first)) => {
                let mut f = Finding::new(Code::TomlSyntax, at, messages::toml_duplicate_key(&key));
                if let Some(first) = first {
                    f = f.related(
                        src.location(offset + first.start, offset + first.end),
                        messages::first_defined_here(),
                    );
                }
                f
            }
            None => {
                let written = toml.get(span.clone()).unwrap_or("");
                Finding::new(
                    Code::TomlSyntax,
                    at,
                    messages::toml_syntax(&message, written),
                )
            }
        };
        findings.push(finding);
        return None;
    }
    for e in dates {
        let span = e.span().unwrap_or(0..0);
        let written = toml.get(span.clone()).unwrap_or("").trim();
        let reason = e
            .message()
            .trim_start_matches("invalid date, ")
            .trim_end_matches('\n');
        findings.push(Finding::new(
            Code::FieldInvalid,
            src.location(offset + span.start, offset + span.end),
            messages::impossible_date(written, reason),
        ));
    }
    Some(table)
}

/// For a duplicate-key error: the key, and where it was first defined in the same table (the
/// nearest earlier line defining it after the last table header).
fn duplicate(
    toml: &str,
    message: &str,
    span: Range<usize>,
) -> Option<(String, Option<Range<usize>>)> {
    if !message.starts_with("duplicate key") {
        return None;
    }
    let key = toml.get(span.clone())?.trim().trim_matches('"').to_owned();
    if key.is_empty() {
        return None;
    }
    let before = toml.get(..span.start)?;
    let mut first = None;
    let mut at = 0;
    for line in before.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            first = None;
        } else if let Some((name, _)) = trimmed.split_once('=')
            && name.trim().trim_matches('"') == key
            && first.is_none()
        {
            let start = at + (line.len() - trimmed.len());
            first = Some(start..start + name.trim_end().len());
        }
        at += line.len();
    }
    Some((key, first))
}

/// Reader of one table. Keys read are marked; `finish` reports the rest as unknown.
pub struct Fields<'s, 't, 'a> {
    src: &'s Source<'s>,
    offset: usize,
    table: &'t DeTable<'a>,
    span: Range<usize>,
    known: &'static [&'static str],
    /// Dotted name of the table, for messages (`covers`, `center`, …).
    name: &'static str,
    pub findings: &'s mut Vec<Finding>,
}

type Entry<'t, 'a> = (
    &'t Spanned<std::borrow::Cow<'a, str>>,
    &'t Spanned<DeValue<'a>>,
);

impl<'s, 't, 'a> Fields<'s, 't, 'a> {
    pub fn new(
        src: &'s Source<'s>,
        offset: usize,
        table: &'t DeTable<'a>,
        span: Range<usize>,
        known: &'static [&'static str],
        name: &'static str,
        findings: &'s mut Vec<Finding>,
    ) -> Self {
        Fields {
            src,
            offset,
            table,
            span,
            known,
            name,
            findings,
        }
    }

    /// The position of the table itself: its first key in the file, else its span.
    pub fn head(&self) -> Pos {
        match self
            .table
            .iter()
            .map(|(k, _)| k.span())
            .min_by_key(|s| s.start)
        {
            Some(span) => self.pos(span),
            None => self.pos(self.span.clone()),
        }
    }

    pub fn pos(&self, span: Range<usize>) -> Pos {
        self.src
            .pos(self.offset + span.start, self.offset + span.end)
    }

    fn entry(&self, key: &str) -> Option<Entry<'t, 'a>> {
        debug_assert!(self.known.contains(&key), "`{key}` is not declared");
        self.table.iter().find(|(k, _)| k.get_ref().as_ref() == key)
    }

    /// Whether the table has `key`.
    pub fn table_has(&self, key: &str) -> bool {
        self.entry(key).is_some()
    }

    /// Reports a value of the wrong type; `expected` is one of `messages::expected_*`.
    fn invalid(&mut self, span: Range<usize>, key: &str, expected: Msg) {
        let pos = self.pos(span);
        self.findings.push(Finding::new(
            Code::FieldInvalid,
            self.src.location_at(pos),
            messages::field_type(key, &expected),
        ));
    }

    /// Reports a missing required key at the table's head.
    pub fn missing(&mut self, key: &str) {
        let pos = self.head();
        self.findings.push(Finding::new(
            Code::FieldMissing,
            self.src.location_at(pos),
            messages::field_missing(key, self.name),
        ));
    }

    pub fn string(&mut self, key: &str) -> Option<At<String>> {
        let (_, v) = self.entry(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(At::new(s.to_string(), self.pos(v.span()))),
            _ => {
                self.invalid(v.span(), key, messages::expected_string());
                None
            }
        }
    }

    pub fn req_string(&mut self, key: &str) -> Option<At<String>> {
        self.required(key, Self::string)
    }

    /// A required string that must not be empty or only spaces (an id, a name).
    pub fn req_text(&mut self, key: &str) -> Option<At<String>> {
        let text = self.req_string(key)?;
        if !text.value.trim().is_empty() {
            return Some(text);
        }
        self.findings.push(Finding::new(
            Code::FieldInvalid,
            self.src.location_at(text.pos),
            messages::field_blank(key),
        ));
        None
    }

    /// Reads `key` with `read`, reporting it as missing when absent.
    fn required<T>(&mut self, key: &str, read: fn(&mut Self, &str) -> Option<T>) -> Option<T> {
        let present = self.entry(key).is_some();
        let value = read(self, key);
        if !present {
            self.missing(key);
        }
        value
    }

    /// A string that must be one of an enum's spellings.
    pub fn choice<T>(
        &mut self,
        key: &str,
        required: bool,
        parse: fn(&str) -> Option<T>,
        spellings: fn() -> Vec<&'static str>,
    ) -> Option<At<T>> {
        let raw = if required {
            self.req_string(key)?
        } else {
            self.string(key)?
        };
        match parse(&raw.value) {
            Some(v) => Some(At::new(v, raw.pos)),
            None => {
                self.findings.push(Finding::new(
                    Code::FieldInvalid,
                    self.src.location_at(raw.pos),
                    messages::field_choice(key, &raw.value, &spellings()),
                ));
                None
            }
        }
    }

    pub fn date(&mut self, key: &str) -> Option<At<Date>> {
        let (_, v) = self.entry(key)?;
        let pos = self.pos(v.span());
        let date = match v.get_ref() {
            // An impossible date the parser rejected: already reported by `parse`.
            DeValue::Datetime(dt) if dt.date.is_none() && dt.time.is_none() => return None,
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.date,
            _ => None,
        };
        let Some(d) = date else {
            self.invalid(v.span(), key, messages::expected_date());
            return None;
        };
        match Date::new(d.year as i16, d.month as i8, d.day as i8) {
            Ok(date) => Some(At::new(date, pos)),
            Err(_) => {
                self.findings.push(Finding::new(
                    Code::FieldInvalid,
                    self.src.location_at(pos),
                    messages::field_impossible_date(key, &d.to_string()),
                ));
                None
            }
        }
    }

    pub fn req_date(&mut self, key: &str) -> Option<At<Date>> {
        self.required(key, Self::date)
    }

    pub fn uint(&mut self, key: &str, required: bool) -> Option<At<u64>> {
        let Some((_, v)) = self.entry(key) else {
            if required {
                self.missing(key);
            }
            return None;
        };
        let n = match v.get_ref() {
            DeValue::Integer(i) => u64::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => None,
        };
        if n.is_none() {
            self.invalid(v.span(), key, messages::expected_uint());
        }
        n.map(|n| At::new(n, self.pos(v.span())))
    }

    /// A required count of people or answers: a non-negative integer no larger than
    /// [`MAX_COUNT`], so that any sum of counts the rules accept stays exact.
    pub fn count(&mut self, key: &str) -> Option<At<u64>> {
        let n = self.uint(key, true)?;
        if n.value <= MAX_COUNT {
            return Some(n);
        }
        self.findings.push(Finding::new(
            Code::FieldInvalid,
            self.src.location_at(n.pos),
            messages::count_too_large(key, n.value),
        ));
        None
    }

    pub fn float(&mut self, key: &str) -> Option<At<f64>> {
        let (_, v) = self.entry(key)?;
        let n = match v.get_ref() {
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|i| i as f64),
            _ => None,
        };
        match n {
            Some(n) if (0.0..=1.0).contains(&n) => Some(At::new(n, self.pos(v.span()))),
            _ => {
                self.invalid(v.span(), key, messages::expected_fraction());
                None
            }
        }
    }

    /// A list of strings; a lone string is accepted as a list of one.
    pub fn strings(&mut self, key: &str) -> Vec<At<String>> {
        let Some((_, v)) = self.entry(key) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::String(s) => vec![At::new(s.to_string(), self.pos(v.span()))],
            DeValue::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => {
                            out.push(At::new(s.to_string(), self.pos(item.span())))
                        }
                        _ => self.invalid(item.span(), key, messages::expected_strings()),
                    }
                }
                out
            }
            _ => {
                self.invalid(v.span(), key, messages::expected_strings());
                Vec::new()
            }
        }
    }

    /// A sub-table, read with its own key set.
    pub fn table(&mut self, key: &str) -> Option<(&'t DeTable<'a>, Range<usize>)> {
        let (_, v) = self.entry(key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some((t, v.span())),
            _ => {
                self.invalid(v.span(), key, messages::expected_table());
                None
            }
        }
    }

    /// An array of tables (`[[member]]`): each table with its span.
    pub fn tables(&mut self, key: &str) -> Vec<(&'t DeTable<'a>, Range<usize>)> {
        let Some((_, v)) = self.entry(key) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::Array(items) => {
                let mut out = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::Table(t) => out.push((t, item.span())),
                        _ => self.invalid(item.span(), key, messages::expected_tables()),
                    }
                }
                out
            }
            _ => {
                self.invalid(v.span(), key, messages::expected_tables());
                Vec::new()
            }
        }
    }

    /// Reports every key that is not in the known set, with a "did you mean" where one is close.
    pub fn finish(self) {
        for (k, _) in self.table.iter() {
            let key = k.get_ref().as_ref();
            if self.known.contains(&key) {
                continue;
            }
            let pos = self.pos(k.span());
            // The suggestion is part of the message, so that every format carries it.
            let close = did_you_mean(key, self.known);
            let f = Finding::new(
                Code::TomlUnknownKey,
                self.src.location_at(pos),
                messages::toml_unknown_key(key, self.name, close),
            );
            self.findings.push(f);
        }
    }
}

/// The known key closest to `key`, if it is close enough to be a typo.
pub fn did_you_mean<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::levenshtein(key, k), *k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).max(2))
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let known = ["title", "level", "references", "published"];
        assert_eq!(did_you_mean("titel", &known), Some("title"));
        assert_eq!(did_you_mean("refrences", &known), Some("references"));
        assert_eq!(did_you_mean("colour", &known), None);
    }

    /// The parser's reasons are English; the Chinese message says them in Chinese, and
    /// names Chinese quotation marks, what a Chinese input method types, as the fault.
    #[test]
    fn toml_syntax_errors_are_worded_in_chinese() {
        let cases = [
            ("title = “标准”\n", "不能用中文引号"),
            ("title = 标准\n", "须用英文双引号"),
            ("title \"标准\"\n", "缺少 `=`"),
            ("title =\n", "缺少值"),
            ("standards = [\"101-01\" \"101-02\"]\n", "缺少逗号"),
            ("[scope\n", "缺少 `]`"),
            ("title = \"标准\n", "字符串无效"),
        ];
        for (toml, words) in cases {
            let src = Source::new("a.toml".into(), toml);
            let mut findings = Vec::new();
            assert!(parse(&src, toml, 0, &mut findings).is_none(), "{toml}");
            let [f] = findings.as_slice() else {
                panic!("{toml}: {findings:?}")
            };
            assert_eq!(f.code, Code::TomlSyntax);
            let zh = f.message.get(crate::finding::Lang::Zh);
            assert!(zh.contains(words), "{toml}: {zh}");
            assert!(
                !zh.chars()
                    .any(|c| c.is_ascii_lowercase() && !zh.contains("true")),
                "{toml}: English left in {zh}"
            );
        }
    }
}
