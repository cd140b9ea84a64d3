//! Findings as JSON (SPEC §4.2) and as SARIF 2.1.0, written finding by finding: each finding
//! is a small borrowed struct serialised straight into the output, never a tree of values.
//! Keys are in alphabetical order, the order of the documents these writers have always made.

use std::cell::Cell;
use std::io::{self, Write};

use serde::{Serialize, Serializer};

use super::findings::Report;
use crate::finding::{Code, Finding, Lang, Location, Tally};

/// `--format json`: the findings, then the summary.
pub fn findings(r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let t = Tally::of(r.findings);
    let doc = JsonDoc {
        findings: Lazy::new(r.findings.iter().map(|f| json_finding(f, r.lang))),
        summary: Summary {
            errors: t.errors,
            standards: r.standards,
            warnings: t.warnings,
        },
    };
    pretty(&doc, out)
}

/// `--format sarif`: one run of the tool, its rules, one result per finding.
pub fn sarif(r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let src_root = crate::messages::sarif_src_root();
    let doc = SarifDoc {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [Run {
            column_kind: "unicodeCodePoints",
            original_uri_base_ids: BaseIds {
                src_root: BaseId {
                    description: Text {
                        text: src_root.get(r.lang),
                    },
                },
            },
            results: Lazy::new(r.findings.iter().map(|f| sarif_result(f, r.lang, r.prefix))),
            tool: Tool {
                driver: Driver {
                    name: "stdkit",
                    rules: Lazy::new(Code::ALL.iter().map(|c| Rule::new(*c, r.lang))),
                    version: env!("CARGO_PKG_VERSION"),
                },
            },
        }],
        version: "2.1.0",
    };
    pretty(&doc, out)
}

/// `--format gitlab`: a GitLab Code Quality report, one issue per finding. The fingerprint
/// is stable across runs and across edits that only move the finding: the SHA-256 of its
/// code, path, message name and values, and how many equal findings came before it.
pub fn gitlab(r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    use sha2::Digest;
    let mut seen: std::collections::HashMap<Vec<u8>, usize> = std::collections::HashMap::new();
    let issues = r.findings.iter().map(|f| {
        let mut key = Vec::new();
        for part in [f.code.as_str(), &f.location.path, f.message.key]
            .into_iter()
            .chain(f.message.data.iter().map(String::as_str))
        {
            key.extend_from_slice(part.as_bytes());
            key.push(0);
        }
        if f.message.key.is_empty() {
            key.extend_from_slice(f.message.en.as_bytes());
        }
        let n = seen.entry(key.clone()).or_default();
        key.extend_from_slice(n.to_string().as_bytes());
        *n += 1;
        GitlabIssue {
            check_name: f.code.as_str(),
            description: f.message.get(r.lang),
            fingerprint: hex::encode(sha2::Sha256::digest(&key)),
            location: GitlabLocation {
                lines: GitlabLines {
                    begin: f.location.pos.line,
                },
                path: format!("{}{}", r.prefix, f.location.path),
            },
            severity: match f.severity {
                crate::finding::Severity::Error => "major",
                crate::finding::Severity::Warning => "minor",
            },
            kind: "issue",
        }
    });
    // Collected: the fingerprints count what came before, in order.
    let issues: Vec<GitlabIssue<'_>> = issues.collect();
    pretty(&issues, out)
}

#[derive(Serialize)]
struct GitlabIssue<'a> {
    check_name: &'a str,
    description: &'a str,
    fingerprint: String,
    location: GitlabLocation,
    severity: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct GitlabLocation {
    lines: GitlabLines,
    path: String,
}

#[derive(Serialize)]
struct GitlabLines {
    begin: u32,
}

/// Pretty JSON (two-space indent) and a final newline, straight into `out`.
fn pretty(doc: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    let mut ser = serde_json::Serializer::pretty(&mut *out);
    doc.serialize(&mut ser)?;
    out.write_all(b"\n")
}

/// A JSON array written from an iterator as it goes: nothing is collected first. Serialised
/// once (the iterator is used up).
struct Lazy<I>(Cell<Option<I>>);

impl<I> Lazy<I> {
    fn new(items: I) -> Lazy<I> {
        Lazy(Cell::new(Some(items)))
    }
}

impl<I: Iterator<Item: Serialize>> Serialize for Lazy<I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.take().into_iter().flatten())
    }
}

#[derive(Serialize)]
struct JsonDoc<F> {
    findings: F,
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    standards: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct JsonFinding<'a, R> {
    code: &'a str,
    column: u32,
    help: Option<&'a str>,
    line: u32,
    message: &'a str,
    path: &'a str,
    related: R,
    severity: &'a str,
}

fn json_finding(f: &Finding, lang: Lang) -> JsonFinding<'_, impl Serialize> {
    JsonFinding {
        code: f.code.as_str(),
        column: f.location.pos.column,
        help: f.help.as_ref().map(|h| h.get(lang)),
        line: f.location.pos.line,
        message: f.message.get(lang),
        path: &f.location.path,
        related: Lazy::new(f.related.iter().map(move |rel| JsonRelated {
            column: rel.location.pos.column,
            line: rel.location.pos.line,
            message: rel.message.get(lang),
            path: &rel.location.path,
        })),
        severity: f.severity.as_str(),
    }
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    column: u32,
    line: u32,
    message: &'a str,
    path: &'a str,
}

#[derive(Serialize)]
struct SarifDoc<R> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [R; 1],
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a, R, D> {
    column_kind: &'static str,
    /// What `%SRCROOT%`, the base of every result's URI, stands for: the checkout, whose
    /// absolute place is the server's to know (an absolute path would differ between machines).
    original_uri_base_ids: BaseIds<'a>,
    results: R,
    tool: Tool<D>,
}

#[derive(Serialize)]
struct BaseIds<'a> {
    #[serde(rename = "%SRCROOT%")]
    src_root: BaseId<'a>,
}

#[derive(Serialize)]
struct BaseId<'a> {
    description: Text<'a>,
}

#[derive(Serialize)]
struct Tool<D> {
    driver: D,
}

#[derive(Serialize)]
struct Driver<R> {
    name: &'static str,
    rules: R,
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    default_configuration: Level,
    id: &'static str,
    short_description: Text<'static>,
}

impl Rule {
    fn new(c: Code, lang: Lang) -> Rule {
        Rule {
            default_configuration: Level {
                level: c.severity().as_str(),
            },
            id: c.as_str(),
            short_description: Text {
                text: c.describe(lang),
            },
        }
    }
}

#[derive(Serialize)]
struct Level {
    level: &'static str,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a, R> {
    level: &'a str,
    locations: [SarifLocation<'a>; 1],
    message: Text<'a>,
    related_locations: R,
    rule_id: &'a str,
    rule_index: Option<usize>,
}

fn sarif_result<'a>(
    f: &'a Finding,
    lang: Lang,
    prefix: &'a str,
) -> SarifResult<'a, impl Serialize> {
    let related = f
        .related
        .iter()
        .enumerate()
        .map(move |(i, rel)| SarifLocation {
            id: Some(i),
            message: Some(Text {
                text: rel.message.get(lang),
            }),
            physical_location: Physical::new(&rel.location, prefix),
        });
    SarifResult {
        level: f.severity.as_str(),
        locations: [SarifLocation {
            id: None,
            message: None,
            physical_location: Physical::new(&f.location, prefix),
        }],
        message: Text {
            text: f.message.get(lang),
        },
        related_locations: Lazy::new(related),
        rule_id: f.code.as_str(),
        rule_index: Code::ALL.iter().position(|c| *c == f.code),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text<'a>>,
    physical_location: Physical,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical {
    artifact_location: Artifact,
    region: Region,
}

impl Physical {
    fn new(l: &Location, prefix: &str) -> Physical {
        Physical {
            artifact_location: Artifact {
                uri: uri_path(&format!("{prefix}{}", l.path)),
                uri_base_id: "%SRCROOT%",
            },
            region: Region {
                end_column: l.pos.column.saturating_add(l.pos.len),
                start_column: l.pos.column,
                start_line: l.pos.line,
            },
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Artifact {
    uri: String,
    uri_base_id: &'static str,
}

/// A relative path as a URI reference (RFC 3986): every byte but the unreserved characters
/// and `/` percent-encoded, so `标准/a b.md` is `%E6%A0%87%E5%87%86/a%20b.md`.
pub fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    end_column: u32,
    start_column: u32,
    start_line: u32,
}
