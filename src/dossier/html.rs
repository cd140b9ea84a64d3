//! The dossier as one self-contained, print-ready HTML file: styles and pictures inline, no
//! external address, A4 pages with a break between sections.

#![allow(
    clippy::write_with_newline,
    reason = "markup is written as literal lines"
)]

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::model::{Dossier, Section};
use super::view;

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

/// The stylesheet, the volume's title in its running header.
fn stylesheet(title: &str, draft: bool) -> String {
    let running = if draft {
        format!("{title}　草稿 · 未通过检查")
    } else {
        title.to_owned()
    };
    let mut css = CSS.replace("@TITLE@", &css_string(&running));
    if draft {
        css.push_str(DRAFT_CSS);
    }
    css
}

/// A volume compiled from a repository with errors: a mark behind every printed page.
const DRAFT_CSS: &str = r#"
.draft-mark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 90pt; color: #f3d6d6; transform: rotate(-35deg); z-index: -1; font-family: "SimHei","黑体","Noto Sans CJK SC",sans-serif; }
.cover .draft { font-size: 16pt; color: #b71c1c; margin: -30mm 0 30mm; font-family: "SimHei","黑体","Noto Sans CJK SC",sans-serif; }
"#;

const CSS: &str = r#"
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @top-center { content: "@TITLE@"; font-family: "SimSun","宋体","Noto Serif CJK SC",serif; font-size: 10.5pt; border-bottom: 0.5pt solid #000; }
  @bottom-right { content: "— " counter(page) " —"; font-size: 14pt; } }
@page :left { @bottom-right { content: none; } @bottom-left { content: "— " counter(page) " —"; font-size: 14pt; } }
@page :first { @top-center { content: none; border: none; } @bottom-right { content: none; } @bottom-left { content: none; } }
html { font-family: "SimSun","宋体","Noto Serif CJK SC",serif; font-size: 12pt; line-height: 1.6; color: #000; }
body { width: 156mm; margin: 0 auto; }
h1, h2, h3, h4, th, strong, .cover .title, .cover .center, .standard .code, .stage { font-family: "SimHei","黑体","Noto Sans CJK SC",sans-serif; }
h1 { font-size: 22pt; text-align: center; margin: 0 0 1.5em; font-weight: bold; }
h2 { font-size: 16pt; margin: 1.1em 0 0.8em; } h3 { font-size: 14pt; } h4 { font-size: 12pt; }
p { text-align: justify; margin: 0.3em 0; }
section { break-before: page; page-break-before: always; }
section:first-of-type { break-before: auto; page-break-before: auto; }
section.chapter, section.chapter p, section.audits p { font-family: "FangSong","仿宋_GB2312","仿宋","STFangsong","Noto Serif CJK SC",serif; font-size: 16pt; line-height: 1.8; }
p, li { text-indent: 0; }
section.chapter p, .standard p, section.audits p { text-indent: 2em; }
.standard .head p, td p { text-indent: 0; }
li { text-align: left; }
.running { display: none; }
.cover { text-align: center; padding-top: 50mm; break-after: page; page-break-after: always; }
.cover .title { font-size: 26pt; font-weight: bold; line-height: 1.5; margin-bottom: 60mm; }
.cover .center { font-size: 16pt; margin-bottom: 0.6em; }
.cover .date { font-family: "FangSong","仿宋_GB2312","仿宋","Noto Serif CJK SC",serif; font-size: 16pt; margin-bottom: 1.2em; }
.cover .source { font-size: 9pt; color: #505050; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; font-size: 10.5pt; line-height: 1.35; table-layout: auto; }
th, td { border: 0.5pt solid #000; padding: 4pt; vertical-align: middle; text-align: left; }
th { background: #e6e6e6; text-align: center; }
td.c { text-align: center; } td.r { text-align: right; } td.nw, th { white-space: nowrap; }
td .no { white-space: nowrap; }
col.fill { width: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.detail { font-size: 9pt; } table.detail td, table.detail th { padding: 4pt 3pt; }
table.rates small { font-size: 9pt; }
.standard { break-before: page; page-break-before: always; }
.standard:first-of-type { break-before: auto; page-break-before: auto; }
.standard .code { text-align: right; }
.standard .head { text-align: center; border-bottom: 0.8pt solid #000; margin-bottom: 1em; padding-bottom: 0.4em; }
.standard .head h2 { text-align: center; }
.stage { font-size: 14pt; }
.dates { font-size: 10.5pt; }
.pass { color: #1a6b1a; } .fail { color: #b71c1c; }
.note, .meta { font-size: 10.5pt; } .note { color: #3c3c3c; }
figure { margin: 1em 0; text-align: center; } figure svg { max-width: 100%; height: auto; }
.contents ol { line-height: 2.2; }
.contents a { color: inherit; text-decoration: none; }
@page wide { size: A4 landscape; margin: 28mm 37mm 26mm 35mm; }
.landscape, .system > h1 { page: wide; } .landscape.next { break-before: page; }
@media print { body { width: auto; } }
@media screen { body { padding: 0 8mm; } .landscape { width: 225mm; margin-left: -34mm; } section { border-top: 1px dashed #999; padding-top: 1em; } .running { display: block; text-align: center; color: #666; font-size: 9pt; } }
"#;

fn cover(out: &mut String, d: &Dossier) {
    let cover = view::cover(d);
    out.push_str("<div class=\"cover\"><div class=\"title\">");
    let lines: Vec<String> = cover.title.iter().map(|l| esc(l)).collect();
    out.push_str(&lines.join("<br>"));
    out.push_str("</div>");
    if let Some(mark) = cover.draft {
        let _ = write!(out, "<div class=\"draft\">{}</div>", esc(mark));
    }
    let _ = writeln!(
        out,
        "<div class=\"center\">{}</div><div class=\"date\">{}</div><div class=\"source\">{}</div></div>",
        esc(&cover.center),
        esc(&cover.date),
        esc(&cover.source)
    );
}

fn section_body(out: &mut String, s: &Section, d: &Dossier, assets: Assets<'_>) {
    match s {
        Section::Cover | Section::Contents => {}
        Section::Chapter { path, markdown, .. } => {
            out.push_str(&markdown_html(markdown, path, true, assets));
        }
        Section::SystemTable(t) => {
            // The diagram and the detail table on landscape pages, as in the PDF.
            out.push_str("<div class=\"landscape\"><h2>标准体系结构图</h2>\n");
            out.push_str(&super::html_diagram::structure(t));
            out.push_str("</div>\n<div class=\"landscape next\">");
            let _ = writeln!(out, "<h2>{}</h2>", view::DETAIL);
            table(out, &view::detail(t), "detail");
            out.push_str("</div>\n");
            let _ = writeln!(out, "<h2>{}</h2>", view::STATS);
            if t.stats.is_empty() {
                note(out, view::EMPTY);
            } else {
                table(out, &view::stats(t), "");
                note(out, view::STATS_NOTE);
            }
        }
        Section::Rates { center, members } => {
            if let Some(meta) = view::rates_meta(center) {
                let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(&meta));
            }
            let _ = writeln!(out, "<h2>{}</h2>", view::RATES);
            if center.rates.is_empty() {
                note(out, view::EMPTY);
            } else {
                table(out, &view::rates(center), "rates");
                let _ = writeln!(
                    out,
                    "<p class=\"meta\"><strong>{}</strong></p>",
                    esc(view::verdict(center))
                );
                out.push_str("<div class=\"note uncounted\">");
                let _ = write!(out, "<p>{}</p>", esc(view::UNCOUNTED));
                for line in view::uncounted(center) {
                    let _ = write!(out, "<p>{}</p>", esc(&line));
                }
                out.push_str("</div>\n");
                if center
                    .rates
                    .iter()
                    .any(|r| r.value().is_some() || r.target.is_some())
                {
                    let _ = writeln!(out, "<h2>{}</h2>", view::CHART);
                    out.push_str(&bar_chart(center));
                }
            }
            if !members.is_empty() {
                let _ = writeln!(out, "<h2>{}</h2>", view::MEMBERS);
                table(out, &view::members(members), "");
            }
        }
        Section::Tasks(groups) => {
            if groups.iter().all(|(_, t)| t.is_empty()) {
                note(out, view::NO_TASKS);
            }
            for (unit, tasks) in groups.iter().filter(|(_, t)| !t.is_empty()) {
                let _ = writeln!(
                    out,
                    "<h2>{}</h2>",
                    esc(&view::task_group_heading(unit.as_deref(), tasks.len()))
                );
                table(out, &view::tasks(tasks), "");
            }
        }
        Section::Standards(list) => {
            if list.is_empty() {
                note(out, view::EMPTY);
            }
            for st in list {
                let head = view::standard_head(st);
                let _ = write!(
                    out,
                    "<article class=\"standard\"{}><div class=\"code\">{}</div><div class=\"head\"><h2>{}</h2>",
                    head.mark
                        .map_or(String::new(), |m| format!(" data-stage=\"{}\"", esc(m))),
                    esc(&head.top),
                    esc(&head.title),
                );
                if let Some(mark) = head.mark {
                    let _ = write!(out, "<div class=\"stage\">（{}）</div>", esc(mark));
                }
                if let Some(dates) = &head.dates {
                    let _ = write!(out, "<div class=\"dates\">{}</div>", esc(dates));
                }
                out.push_str("</div>");
                out.push_str(&markdown_html(&st.markdown, &st.path, true, assets));
                out.push_str("</article>\n");
            }
        }
        Section::Inspections(list) => {
            if list.is_empty() {
                note(out, view::EMPTY);
            } else {
                let (t, n) = view::inspections(list);
                table(out, &t, "");
                note(out, &n);
            }
        }
        Section::Trainings(list) => {
            if list.is_empty() {
                note(out, view::EMPTY);
            } else {
                let (t, n) = view::trainings(list);
                table(out, &t, "");
                note(out, &n);
            }
        }
        Section::Surveys(list) => {
            if list.is_empty() {
                note(out, view::EMPTY);
            } else {
                table(out, &view::surveys(list), "");
            }
        }
        Section::Audits(list) => {
            if list.is_empty() {
                note(out, view::EMPTY);
            }
            for (a, body) in list {
                let _ = write!(
                    out,
                    "<h2>{}</h2><p class=\"meta\">{}</p>",
                    esc(&a.title),
                    esc(&view::audit_meta(a))
                );
                out.push_str(&markdown_html(body, &a.path, false, assets));
            }
        }
        Section::History(list) => match view::history(list, d) {
            Ok(t) => table(out, &t, ""),
            Err(sentence) => note(out, &sentence),
        },
    }
}

fn note(out: &mut String, text: &str) {
    let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(text));
}

/// A table of the volume: the same cells as the PDF's, spans included.
fn table(out: &mut String, t: &view::Table, class: &str) {
    if t.rows.is_empty() {
        note(out, view::EMPTY);
        return;
    }
    if class.is_empty() {
        out.push_str("<table><colgroup>");
    } else {
        let _ = write!(out, "<table class=\"{class}\"><colgroup>");
    }
    for w in &t.widths {
        match w {
            view::Width::Fit => out.push_str("<col>"),
            view::Width::Share(_) => out.push_str("<col class=\"fill\">"),
            view::Width::Em(e) => {
                let _ = write!(out, "<col style=\"width: {e}em\">");
            }
        }
    }
    out.push_str("</colgroup><thead><tr>");
    for h in &t.header {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        // The alignment of a cell is its column's; spans shift the columns that follow.
        let mut col = 0;
        for c in row {
            let align = t.align.get(col).copied().unwrap_or(view::Align::Left);
            col += c.colspan;
            let mut attrs = String::new();
            if c.colspan > 1 {
                let _ = write!(attrs, " colspan=\"{}\"", c.colspan);
            }
            if c.rowspan > 1 {
                let _ = write!(attrs, " rowspan=\"{}\"", c.rowspan);
            }
            // Columns as wide as their content never wrap (dates, numbers, names).
            let fit = t.widths.get(col - c.colspan) == Some(&view::Width::Fit) && c.colspan == 1;
            let mut classes = Vec::new();
            match align {
                view::Align::Center => classes.push("c"),
                view::Align::Right => classes.push("r"),
                view::Align::Left => {}
            }
            if fit {
                classes.push("nw");
            }
            if c.style == view::Style::Alert {
                classes.push("fail");
            }
            let class = if classes.is_empty() {
                String::new()
            } else {
                format!(" class=\"{}\"", classes.join(" "))
            };
            let body = match c.style {
                view::Style::Strong => format!("<strong>{}</strong>", esc(&c.text)),
                view::Style::Codes => c
                    .text
                    .lines()
                    .map(|l| format!("<span class=\"no\">{}</span>", esc(l)))
                    .collect::<Vec<_>>()
                    .join("<br>"),
                view::Style::Small => {
                    let mut lines = c.text.lines();
                    let mut s = format!("<small>{}</small>", esc(lines.next().unwrap_or("")));
                    for l in lines {
                        let _ = write!(s, "<br><small class=\"fail\">{}</small>", esc(l));
                    }
                    s
                }
                _ => c.text.lines().map(esc).collect::<Vec<_>>().join("<br>"),
            };
            let _ = write!(out, "<td{attrs}{class}>{body}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

/// Horizontal bars of the rates against the full width, the target as a red rule, a scale
/// and a legend: the PDF's chart as SVG.
fn bar_chart(r: &crate::rates::CenterRates) -> String {
    let rows: Vec<_> = r
        .rates
        .iter()
        .filter(|x| x.value().is_some() || x.target.is_some())
        .collect();
    let (label_w, bar_w, row_h) = (110.0, 250.0, 26.0);
    let width = label_w + bar_w + 190.0;
    let height = rows.len() as f64 * row_h + 56.0;
    let mut svg = format!(
        "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-size=\"10.5\">"
    );
    for (i, rate) in rows.iter().enumerate() {
        let y = i as f64 * row_h + 6.0;
        let color = match rate.pass() {
            Some(true) => "#2e7d32",
            Some(false) => "#e65100",
            None => "#8c8c8c",
        };
        let _ = write!(
            svg,
            "<text x=\"{tx}\" y=\"{ty}\" text-anchor=\"end\">{name}</text>\
             <rect x=\"{label_w}\" y=\"{y}\" width=\"{bar_w}\" height=\"11\" fill=\"#f0f0f0\" stroke=\"#969696\" stroke-width=\"0.3\"/>",
            tx = label_w - 8.0,
            ty = y + 10.0,
            name = esc(&rate.name.zh),
        );
        if let Some(v) = rate.value() {
            let _ = write!(
                svg,
                "<rect x=\"{label_w}\" y=\"{y}\" width=\"{:.1}\" height=\"11\" fill=\"{color}\"/>",
                v.clamp(0.0, 1.0) * bar_w
            );
        }
        if let Some(t) = rate.target {
            let mx = label_w + t.clamp(0.0, 1.0) * bar_w;
            let _ = write!(
                svg,
                "<line x1=\"{mx:.1}\" x2=\"{mx:.1}\" y1=\"{}\" y2=\"{}\" stroke=\"#b71c1c\" stroke-width=\"1.5\"/>",
                y - 3.0,
                y + 14.0
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            label_w + bar_w + 8.0,
            y + 10.0,
            esc(&view::value_and_target(rate))
        );
    }
    let scale_y = rows.len() as f64 * row_h + 14.0;
    for p in [0, 25, 50, 75, 100] {
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{scale_y}\" font-size=\"8\" text-anchor=\"middle\">{p}%</text>",
            label_w + f64::from(p) / 100.0 * bar_w
        );
    }
    let legend_y = scale_y + 24.0;
    let mut x = label_w;
    for (color, label) in [
        ("#2e7d32", "达标"),
        ("#e65100", "未达标"),
        ("#8c8c8c", "无目标值"),
        ("#b71c1c", "目标值"),
    ] {
        let w = if label == "目标值" { 1.5 } else { 14.0 };
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"9\" fill=\"{color}\"/><text x=\"{}\" y=\"{legend_y}\" font-size=\"9\">{label}</text>",
            legend_y - 8.0,
            x + w + 4.0
        );
        x += w + 16.0 + 12.0 * label.chars().count() as f64;
    }
    svg.push_str("</svg></figure>\n");
    svg
}

/// Markdown to sanitised HTML. Links keep their text only; images inside the repository are
/// inlined as data URIs, others dropped (reported by `compile`). The first `# ` heading of a
/// chapter is its section heading already and is skipped. Raw HTML in the Markdown goes
/// through the sanitiser: no script, no style, no address of any scheme; a `data:` URI only
/// where this function built it.
fn markdown_html(markdown: &str, path: &str, skip_title: bool, assets: Assets<'_>) -> String {
    let mut skipping = false;
    let mut seen_title = !skip_title;
    let mut in_image = false;
    let mut inlined = HashSet::new();
    let events =
        Parser::new_ext(markdown, crate::model::markdown_options()).filter_map(|e| match e {
            Event::Start(Tag::Heading {
                level: pulldown_cmark::HeadingLevel::H1,
                ..
            }) if !seen_title => {
                seen_title = true;
                skipping = true;
                None
            }
            Event::End(TagEnd::Heading(pulldown_cmark::HeadingLevel::H1)) if skipping => {
                skipping = false;
                None
            }
            _ if skipping => None,
            Event::Start(Tag::Link { .. }) | Event::End(TagEnd::Link) => None,
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                in_image = true;
                let data = crate::check::links::resolve(path, &dest_url)
                    .and_then(|p| Some((assets(&p)?, p)));
                data.map(|(bytes, p)| {
                    let uri = format!("data:{};base64,{}", mime(&p), STANDARD.encode(&bytes));
                    let img = format!("<img alt=\"{}\" src=\"{uri}\">", esc(&title));
                    inlined.insert(uri);
                    Event::Html(img.into())
                })
            }
            Event::End(TagEnd::Image) => {
                in_image = false;
                None
            }
            _ if in_image => None,
            Event::Html(h) | Event::InlineHtml(h) => Some(Event::Html(h)),
            other => Some(other),
        });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    sanitizer(inlined).clean(&html).to_string()
}

/// The sanitiser of Markdown HTML. `inlined` holds the `data:` URIs of the images this module
/// built; any other `data:` value (a link to `data:text/html,…`, an image smuggled in as raw
/// HTML) is removed, as is every address with a scheme. Relative URLs are refused except a
/// `#fragment` within the volume.
fn sanitizer(inlined: HashSet<String>) -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.url_schemes(HashSet::from(["data"]))
        .url_relative(ammonia::UrlRelative::Custom(Box::new(fragment_only)))
        .attribute_filter(move |element, attribute, value| {
            let ours = element == "img" && attribute == "src" && inlined.contains(value);
            (ours || !is_data_uri(value)).then_some(Cow::Borrowed(value))
        })
        .add_tag_attributes("img", ["src", "alt"])
        .add_tag_attributes("td", ["align"])
        .add_tag_attributes("th", ["align"]);
    b
}

fn fragment_only(url: &str) -> Option<Cow<'_, str>> {
    url.starts_with('#').then_some(Cow::Borrowed(url))
}

/// Whether a URL has the `data:` scheme, read as a browser would: leading spaces and control
/// characters skipped, tabs and newlines inside ignored, any case.
fn is_data_uri(value: &str) -> bool {
    let mut scheme = value
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    "data:"
        .chars()
        .all(|want| scheme.next().is_some_and(|c| c.eq_ignore_ascii_case(&want)))
}

fn mime(path: &str) -> &'static str {
    match path
        .rsplit('.')
        .next()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
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

/// A value inside a double-quoted CSS string in a `<style>` element: every character that
/// could end the string, the declaration or the element (quotes, backslash, line ends, form
/// feed, any control character, `<`, `>`, `&`) is written as a CSS escape `\HEX `.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let unsafe_in_css = c.is_control()
            || matches!(
                c,
                '"' | '\'' | '\\' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}'
            );
        if unsafe_in_css {
            // U+0000 is not allowed even escaped: CSS turns it into U+FFFD, so say so.
            let code = if c == '\0' { 0xfffd } else { u32::from(c) };
            let _ = write!(out, "\\{code:x} ");
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pictures_data_uri_decodes_back_to_its_bytes() {
        // Every byte value, and a length that is no multiple of 3 (so the padding shows).
        let bytes: Vec<u8> = (0..=255).chain([0xff]).collect();
        let picture = |p: &str| (p == "dossier/img/a.gif").then(|| bytes.clone());
        let html = markdown_html("![图](img/a.gif)", "dossier/01.md", false, &picture);
        let (_, rest) = html
            .split_once("src=\"data:image/gif;base64,")
            .expect(&html);
        let (encoded, _) = rest.split_once('"').unwrap();
        assert!(encoded.ends_with('='), "{encoded}");
        assert_eq!(STANDARD.decode(encoded).unwrap(), bytes);
    }

    #[test]
    fn raw_html_and_external_links_do_not_survive() {
        let none = |_: &str| None;
        let html = markdown_html(
            "# 标题\n\n<script>alert(1)</script>\n\n见[网站](https://example.org)。<img src=\"https://example.org/b.png\">\n\n![x](https://example.org/a.png)\n",
            "dossier/01.md",
            true,
            &none,
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("example.org"), "{html}");
        assert!(html.contains("见网站"), "{html}");
        assert!(!html.contains("标题"), "{html}");
    }

    #[test]
    fn images_inside_the_repository_are_inlined() {
        let png = |p: &str| (p == "dossier/img/a.png").then(|| b"PNG".to_vec());
        let html = markdown_html("![图](img/a.png)", "dossier/01.md", false, &png);
        assert!(
            html.contains("src=\"data:image/png;base64,UE5H\""),
            "{html}"
        );
    }

    #[test]
    fn a_title_cannot_break_out_of_the_css_string() {
        let title = "卷\u{c}\r\n\"\\'</style><style>h1{display:none}@import url(x);\u{0}\u{1b}&";
        let css = css_string(title);
        for bad in [
            '\u{c}', '\r', '\n', '"', '\'', '<', '>', '&', '\u{0}', '\u{1b}',
        ] {
            assert!(!css.contains(bad), "{bad:?} left raw in {css:?}");
        }
        // Every backslash starts one of our escapes: `\HEX ` ends at its space.
        let escapes = css.split('\\').skip(1);
        for e in escapes {
            let hex: String = e.chars().take_while(char::is_ascii_hexdigit).collect();
            assert!(
                !hex.is_empty() && e[hex.len()..].starts_with(' '),
                "{css:?}"
            );
        }
        assert!(css.starts_with("卷\\c \\d \\a \\22 \\5c \\27 \\3c /style\\3e "));
        assert!(css.contains("\\fffd \\1b \\26 "), "{css:?}");
        assert_eq!(css_string("标准化工作汇编"), "标准化工作汇编");

        let style = stylesheet(title, false);
        assert!(!style.contains('<'), "{style}");
        let top = style.lines().find(|l| l.contains("@top-center {")).unwrap();
        assert!(top.ends_with("border-bottom: 0.5pt solid #000; }"), "{top}");
    }

    #[test]
    fn attribute_values_escape_both_quotes() {
        assert_eq!(esc("a\"b'c<d>&"), "a&quot;b&#39;c&lt;d&gt;&amp;");
        let none = |_: &str| None;
        let html = markdown_html("![x](a.png \"t\\\" onerror='1\")", "", false, &none);
        assert!(!html.contains("onerror"), "{html}");
    }

    #[test]
    fn no_data_or_script_link_survives_the_sanitiser() {
        let png = |p: &str| (p == "img/a.png").then(|| b"PNG".to_vec());
        let md = "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>\n\
                  <a href=\" DATA:text/html;base64,PHNjcmlwdD4=\">y</a>\n\
                  <a href=\"javascript:alert(1)\">z</a>\n\
                  <a href=\"https://example.org/\">w</a> <a href=\"mailto:a@b.c\">m</a>\n\
                  <img src=\"data:image/svg+xml;base64,PHN2Zz4=\">\n\
                  <a href=\"#s2\">见第二部分</a>\n\n![图](img/a.png)\n";
        let html = markdown_html(md, "x.md", false, &png);
        assert!(!html.to_ascii_lowercase().contains("data:text"), "{html}");
        assert!(!html.contains("svg+xml"), "{html}");
        assert!(!html.contains("javascript"), "{html}");
        assert!(
            !html.contains("example.org") && !html.contains("mailto"),
            "{html}"
        );
        assert!(html.contains("href=\"#s2\""), "{html}");
        assert_eq!(html.matches("src=\"data:").count(), 1, "{html}");
        assert!(
            html.contains("src=\"data:image/png;base64,UE5H\""),
            "{html}"
        );
        for text in ["x", "y", "z", "w", "见第二部分"] {
            assert!(html.contains(&format!(">{text}</a>")), "{text}: {html}");
        }
    }

    #[test]
    fn the_rates_page_lists_what_each_rate_leaves_out() {
        let mut repo = crate::model::Repository::default();
        repo.scope.posts.items = vec![crate::model::ScopeItem {
            id: crate::model::At::new("GW01".into(), crate::finding::Pos::START),
            name: "窗口<受理>员".into(),
            unit: None,
            faulty: false,
        }];
        let rates = crate::rates::compute(&repo, None);
        let mut out = String::new();
        section_body(
            &mut out,
            &Section::Rates {
                center: rates,
                members: Vec::new(),
            },
            &test_dossier(),
            &|_| None,
        );
        assert!(
            out.contains("<p>岗位覆盖率未计入（1）：GW01 窗口&lt;受理&gt;员</p>"),
            "{out}"
        );
        assert!(out.contains("<p>体系完整率未计入：无</p>"), "{out}");
    }

    fn test_dossier() -> Dossier {
        Dossier {
            title: "汇编".into(),
            center: "中心".into(),
            as_of: "2014-12-31".parse().unwrap(),
            draft: false,
            commit: None,
            dirty: false,
            sections: Vec::new(),
            body_lines: Default::default(),
        }
    }
}
