//! The dossier as one self-contained, print-ready HTML file: styles and pictures inline, no
//! external address, A4 pages with a break between sections.

#![allow(
    clippy::write_with_newline,
    reason = "markup is written as literal lines"
)]

mod chart;
mod css;
mod markdown;
mod sections;
mod tables;
#[cfg(test)]
mod tests;

use std::fmt::Write as _;

use super::model::{Dossier, Section};
use css::stylesheet;
use sections::{cover, section_body};

/// Reads an image of the repository for inlining (repository-relative path).
pub type Assets<'a> = &'a dyn Fn(&str) -> Option<Vec<u8>>;

pub fn render(d: &Dossier, assets: Assets<'_>) -> String {
    let mut body = String::new();
    let headings: Vec<(usize, String)> = d
        .sections
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i, s.heading()?)))
        .collect();
    for (i, section) in d.sections.iter().enumerate() {
        let id = format!("s{i}");
        match section {
            Section::Cover => cover(&mut body, d),
            Section::Contents => {
                let _ = write!(
                    body,
                    "<section class=\"contents\" id=\"{id}\"><h1>目录</h1><ol>"
                );
                for (j, h) in headings.iter().filter(|(j, _)| *j != i) {
                    let _ = write!(body, "<li><a href=\"#s{j}\">{}</a></li>", esc(h));
                }
                body.push_str("</ol></section>\n");
            }
            other => {
                let heading = other.heading().unwrap_or_default();
                let kind = match other {
                    Section::Chapter { .. } => " class=\"chapter\"",
                    Section::Audits(_) => " class=\"audits\"",
                    Section::SystemTable(_) => " class=\"system\"",
                    _ => "",
                };
                let _ = write!(
                    body,
                    "<section id=\"{id}\"{kind}><h1>{}</h1>\n",
                    esc(&heading)
                );
                section_body(&mut body, other, d, assets);
                body.push_str("</section>\n");
            }
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"generator\" content=\"stdkit\"><title>{title}</title>\
         <style>{css}</style></head><body{class}>\n<div class=\"running\">{title}{mark}</div>\n{draft}{body}</body></html>\n",
        title = esc(&d.title),
        css = stylesheet(&d.title, d.draft),
        class = if d.draft { " class=\"draft\"" } else { "" },
        mark = if d.draft {
            " · 草稿 · 未通过检查"
        } else {
            ""
        },
        draft = if d.draft {
            "<div class=\"draft-mark\" aria-hidden=\"true\">草稿</div>\n"
        } else {
            ""
        },
    )
}

pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
