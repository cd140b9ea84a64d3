//! Printing findings: human (rustc-like snippets), short, json (SPEC §4.2), github, sarif.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Element, Group, Level, Origin, Renderer, Snippet};
use serde_json::json;

use crate::finding::{Code, Finding, Lang, Location, Severity, Tally};

/// Source lines of the files that findings point into, keyed by path then line.
pub type Snippets = BTreeMap<String, BTreeMap<u32, String>>;

/// The output formats of `check`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    #[default]
    Human,
    Short,
    Json,
    Github,
    Sarif,
}

pub struct Report<'a> {
    pub findings: &'a [Finding],
    pub standards: usize,
    pub lang: Lang,
    pub color: bool,
    pub snippets: &'a Snippets,
}

pub fn render(format: Format, r: &Report<'_>) -> String {
    match format {
        Format::Human => human(r),
        Format::Short => short(r),
        Format::Json => json(r),
        Format::Github => github(r),
        Format::Sarif => sarif(r),
    }
}

fn summary_line(r: &Report<'_>) -> String {
    let t = Tally::of(r.findings);
    match r.lang {
        Lang::Zh => format!(
            "{} 个错误，{} 个警告（共检查 {} 项标准）",
            t.errors, t.warnings, r.standards
        ),
        Lang::En => format!(
            "{} error{}, {} warning{} ({} standards checked)",
            t.errors,
            plural(t.errors),
            t.warnings,
            plural(t.warnings),
            r.standards
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn human(r: &Report<'_>) -> String {
    let renderer = if r.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let mut out = String::new();
    for f in r.findings {
        let level = match f.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let mut group = level
            .primary_title(f.message.get(r.lang))
            .id(f.code.as_str())
            .elements(snippet(r, &f.location, None, true));
        for rel in &f.related {
            group = group.elements(snippet(
                r,
                &rel.location,
                Some(rel.message.get(r.lang)),
                false,
            ));
        }
        let mut report = vec![group];
        if let Some(help) = &f.help {
            report.push(Group::with_title(
                Level::HELP.secondary_title(help.get(r.lang)),
            ));
        }
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out.push_str(&summary_line(r));
    out.push('\n');
    out
}

fn snippet<'a>(
    r: &'a Report<'_>,
    at: &'a Location,
    label: Option<&'a str>,
    primary: bool,
) -> Vec<Element<'a>> {
    let Some(line) = r
        .snippets
        .get(&at.path)
        .and_then(|lines| lines.get(&at.pos.line))
    else {
        // A directory, or a file that could not be read again: name the place only.
        let mut out = vec![Origin::path(at.path.as_str()).into()];
        if let Some(label) = label {
            out.push(Level::NOTE.message(label).into());
        }
        return out;
    };
    let start = byte_at(line, at.pos.column as usize - 1);
    let end = byte_at(line, (at.pos.column + at.pos.len) as usize - 1).max(start);
    let kind = if primary {
        AnnotationKind::Primary
    } else {
        AnnotationKind::Context
    };
    let mut a = kind.span(start..end);
    if let Some(label) = label {
        a = a.label(label);
    }
    vec![
        Snippet::source(line.as_str())
            .line_start(at.pos.line as usize)
            .path(at.path.as_str())
            .fold(false)
            .annotation(a)
            .into(),
    ]
}

/// The byte offset of the `n`th character (clamped to the end).
fn byte_at(line: &str, n: usize) -> usize {
    line.char_indices().nth(n).map_or(line.len(), |(i, _)| i)
}

fn short(r: &Report<'_>) -> String {
    let mut out = String::new();
    for f in r.findings {
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            f.location.path,
            f.location.pos.line,
            f.location.pos.column,
            f.severity.as_str(),
            f.code,
            f.message.get(r.lang)
        );
    }
    out.push_str(&summary_line(r));
    out.push('\n');
    out
}

fn json(r: &Report<'_>) -> String {
    let t = Tally::of(r.findings);
    let findings: Vec<_> = r
        .findings
        .iter()
        .map(|f| {
            json!({
                "code": f.code.as_str(),
                "severity": f.severity.as_str(),
                "path": f.location.path,
                "line": f.location.pos.line,
                "column": f.location.pos.column,
                "message": f.message.get(r.lang),
                "help": f.help.as_ref().map(|h| h.get(r.lang)),
                "related": f.related.iter().map(|rel| json!({
                    "path": rel.location.path,
                    "line": rel.location.pos.line,
                    "column": rel.location.pos.column,
                    "message": rel.message.get(r.lang),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let doc = json!({
        "findings": findings,
        "summary": {"errors": t.errors, "warnings": t.warnings, "standards": r.standards},
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

fn github(r: &Report<'_>) -> String {
    let mut out = String::new();
    for f in r.findings {
        let kind = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = f.message.get(r.lang).to_owned();
        if let Some(help) = &f.help {
            message.push('\n');
            message.push_str(help.get(r.lang));
        }
        let _ = writeln!(
            out,
            "::{kind} file={},line={},col={},title={}::{}",
            escape_property(&f.location.path),
            f.location.pos.line,
            f.location.pos.column,
            escape_property(f.code.as_str()),
            escape_data(&message)
        );
    }
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn sarif(r: &Report<'_>) -> String {
    let rules: Vec<_> = Code::ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.as_str(),
                "shortDescription": {"text": c.describe(r.lang)},
                "defaultConfiguration": {"level": c.severity().as_str()},
            })
        })
        .collect();
    let location = |l: &Location| {
        json!({"physicalLocation": {
            "artifactLocation": {"uri": l.path, "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": l.pos.line, "startColumn": l.pos.column,
                       "endColumn": l.pos.column + l.pos.len},
        }})
    };
    let results: Vec<_> = r
        .findings
        .iter()
        .map(|f| {
            json!({
                "ruleId": f.code.as_str(),
                "ruleIndex": Code::ALL.iter().position(|c| *c == f.code),
                "level": f.severity.as_str(),
                "message": {"text": f.message.get(r.lang)},
                "locations": [location(&f.location)],
                "relatedLocations": f.related.iter().enumerate().map(|(i, rel)| {
                    let mut l = location(&rel.location);
                    l["id"] = json!(i);
                    l["message"] = json!({"text": rel.message.get(r.lang)});
                    l
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "stdkit",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
