//! The PDF and the HTML are one volume: the same words and figures, whichever is printed.
//! Compares the text of the two writers on the reference repository (pdftotext for the PDF).
#![cfg(feature = "pdf")]

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// The text of the HTML as a reader sees it: no markup, styles, running header or contents
/// (the PDF's contents page lists other headings: it is left out on both sides).
fn html_text(html: &str) -> String {
    let mut s = html.to_owned();
    for (open, close) in [
        ("<style>", "</style>"),
        ("<title>", "</title>"),
        ("<div class=\"running\">", "</div>"),
        ("<section class=\"contents\"", "</section>"),
        ("<div class=\"draft-mark\"", "</div>"),
    ] {
        let mut kept = String::new();
        let mut rest = s.as_str();
        while let Some(a) = rest.find(open) {
            kept.push_str(&rest[..a]);
            let after = &rest[a..];
            let b = after.find(close).map_or(after.len(), |b| b + close.len());
            rest = &after[b..];
        }
        kept.push_str(rest);
        s = kept;
    }
    let mut text = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push('\n');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text of the PDF without its contents pages, running headers and page numbers.
fn pdf_text(pdf: &Path, title: &str) -> Option<String> {
    // Without poppler's pdftotext (`.ci/run` installs it) there is nothing to compare with.
    let out = match Command::new("pdftotext")
        .arg("-raw")
        .arg(pdf)
        .arg("-")
        .output()
    {
        Ok(out) => out,
        Err(_) => return None,
    };
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let text = text
        .split('\u{c}')
        .filter(|page| !page.contains(" . . . . . "))
        .map(|page| {
            page.lines()
                .filter(|l| {
                    let l = l.trim();
                    l != title && !(l.starts_with("— ") && l.ends_with(" —"))
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n");
    Some(text)
}

fn squeeze(s: &str) -> String {
    // The PDF breaks lines anywhere (and pdftotext adds a word joiner at some breaks).
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{2060}' && *c != '\u{ad}')
        .collect()
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn the_pdf_and_the_html_hold_the_same_text() {
    let (tmp, repo) = common::example_copy("writers", "standards");
    let out = tmp.join("out");
    let o = common::bin()
        .current_dir(&repo)
        .args(["dossier", "--as-of", "2014-12-31", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let html = std::fs::read_to_string(out.join("dossier.html")).unwrap();
    let title = "安庆市政务服务标准化建设验收材料汇编";
    let Some(pdf_plain) = pdf_text(&out.join("dossier.pdf"), title) else {
        return;
    };
    let html_plain = html_text(&html);
    let h = squeeze(&html_plain);
    let p = squeeze(&pdf_plain);

    // Every centre standard's title: as often in one as in the other, and its text's
    // heading once (not again from the Markdown's own `# ` line).
    let table = common::bin()
        .current_dir(&repo)
        .args(["table", "--format", "json", "--as-of", "2014-12-31"])
        .output()
        .unwrap();
    let table: serde_json::Value = serde_json::from_slice(&table.stdout).unwrap();
    let rows = table["rows"].as_array().unwrap();
    let mut probes: BTreeMap<String, &str> = BTreeMap::new();
    let mut centre = 0;
    for r in rows {
        let title = squeeze(r["title"].as_str().unwrap());
        probes.insert(title.clone(), "title");
        if r["level"] == "internal" {
            // A centre standard with a text has it printed under one heading (not again
            // from the Markdown's own `# ` line); one without a text has none.
            let headings = count(&html, &format!("<h2>{}</h2>", r["title"].as_str().unwrap()));
            assert!(
                headings <= 1,
                "{title}: the heading of its text, {headings} times"
            );
            centre += headings;
        }
        if let Some(code) = r["code"].as_str() {
            // Printed codes: with `—` before the year, never `-`.
            let printed = match code.rsplit_once('-') {
                Some((head, year)) if year.len() == 4 => format!("{head}—{year}"),
                _ => code.to_owned(),
            };
            // Tables print codes with `—`; a text may still quote the written form.
            assert_eq!(
                count(&html, &format!(">{code}<")),
                0,
                "{code} printed with - in a table of the HTML"
            );
            probes.insert(squeeze(code), "code as written");
            probes.insert(squeeze(&printed), "code");
        }
    }
    assert!(centre > 50, "{centre} centre standards");
    let mut differ = Vec::new();
    for (probe, what) in &probes {
        let (a, b) = (count(&h, probe), count(&p, probe));
        if a != b {
            differ.push(format!("{what} {probe}: HTML {a}, PDF {b}"));
        }
    }
    // The figures: every percentage as often in both.
    let mut percents: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (side, text) in [(0, &html_plain), (1, &pdf_plain)] {
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if *c != '%' {
                continue;
            }
            let start = chars[..i]
                .iter()
                .rposition(|c| !(c.is_ascii_digit() || *c == '.'))
                .map_or(0, |k| k + 1);
            let figure: String = chars[start..=i].iter().collect();
            if figure.len() > 1 {
                let e = percents.entry(figure).or_default();
                if side == 0 { e.0 += 1 } else { e.1 += 1 }
            }
        }
    }
    for (figure, (a, b)) in &percents {
        if a != b {
            differ.push(format!("figure {figure}: HTML {a}, PDF {b}"));
        }
    }
    assert!(percents.contains_key("91.3%"), "{percents:?}");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    let _ = std::fs::remove_dir_all(&tmp);
}
