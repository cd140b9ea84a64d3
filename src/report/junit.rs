//! `check --format junit`: JUnit XML for Jenkins' `junit` step and the CI servers that read
//! it. One test case per finding, named by its place and code: an error is a failure, a
//! warning passes with its message as output; a clean repository is one passing case, so
//! the server still records the run.

use std::io::{self, Write};

use super::findings::Report;
use crate::finding::{Severity, Tally};

pub fn write(r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let t = Tally::of(r.findings);
    let tests = r.findings.len().max(1);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="stdkit" tests="{tests}" failures="{}">"#,
        t.errors
    )?;
    writeln!(
        out,
        r#"  <testsuite name="stdkit check" tests="{tests}" failures="{}">"#,
        t.errors
    )?;
    if r.findings.is_empty() {
        writeln!(
            out,
            r#"    <testcase classname="stdkit" name="{}"/>"#,
            xml(&super::findings::summary_line(r))
        )?;
    }
    for f in r.findings {
        let path = format!("{}{}", r.prefix, f.location.path);
        let place = format!("{path}:{}:{}", f.location.pos.line, f.location.pos.column);
        let message = f.message.get(r.lang);
        write!(
            out,
            r#"    <testcase classname="{}" name="{} {}" file="{}" line="{}""#,
            xml(f.code.as_str()),
            xml(&place),
            xml(f.code.as_str()),
            xml(&path),
            f.location.pos.line
        )?;
        match f.severity {
            Severity::Error => {
                writeln!(out, ">")?;
                writeln!(
                    out,
                    r#"      <failure type="{}" message="{}">{}: {}</failure>"#,
                    xml(f.code.as_str()),
                    xml(message),
                    xml(&place),
                    xml(message)
                )?;
                writeln!(out, "    </testcase>")?;
            }
            Severity::Warning => {
                writeln!(out, ">")?;
                writeln!(
                    out,
                    "      <system-out>warning: {}</system-out>",
                    xml(message)
                )?;
                writeln!(out, "    </testcase>")?;
            }
        }
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// Text for an XML attribute or element: the five special characters escaped, and the
/// characters XML 1.0 cannot hold at all (most control characters) written as `\u{…}`.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}') => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::xml;

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(xml("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
        assert_eq!(xml("x\u{1b}[31m\u{0}"), "x\\u{1b}[31m\\u{0}");
        assert_eq!(xml("标准\n"), "标准\n");
    }
}
