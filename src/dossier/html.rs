//! The dossier as one self-contained, print-ready HTML file: styles and pictures inline, no
//! external address, A4 pages with a break between sections.

#![allow(
    clippy::write_with_newline,
    reason = "markup is written as literal lines"
)]

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Write as _;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::model::{Dossier, Section};
use crate::finding::Lang;
use crate::report::system::{Grid, detail, stats, tasks};

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
                let _ = write!(body, "<section id=\"{id}\"><h1>{}</h1>\n", esc(&heading));
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
        mark = if d.draft { " · 草稿 · 未通过检查" } else { "" },
        draft = if d.draft { "<div class=\"draft-mark\" aria-hidden=\"true\">草稿</div>\n" } else { "" },
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
  @top-center { content: "@TITLE@"; font-family: "SimHei","黑体","Noto Sans CJK SC",sans-serif; font-size: 9pt; color: #444; }
  @bottom-center { content: "— " counter(page) " —"; font-size: 10pt; } }
@page :first { @top-center { content: none; } @bottom-center { content: none; } }
html { font-family: "FangSong","仿宋_GB2312","仿宋","STFangsong","SimSun","宋体","Noto Serif CJK SC",serif; font-size: 12pt; line-height: 1.6; color: #111; }
body { max-width: 180mm; margin: 0 auto; padding: 0 8mm; }
h1, h2, h3, h4, th, .cover .title { font-family: "SimHei","黑体","Noto Sans CJK SC",sans-serif; }
h1 { font-size: 18pt; text-align: center; margin: 1.2em 0 0.8em; }
h2 { font-size: 14pt; } h3 { font-size: 12pt; }
section { break-before: page; page-break-before: always; }
section:first-of-type { break-before: auto; page-break-before: auto; }
.running { display: none; }
.cover { text-align: center; padding-top: 60mm; break-after: page; page-break-after: always; }
.cover .center { font-size: 20pt; margin-bottom: 18mm; }
.cover .title { font-size: 26pt; font-weight: bold; margin-bottom: 40mm; }
.cover .meta { font-size: 12pt; line-height: 2; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1.2em; font-size: 9.5pt; }
th, td { border: 0.5pt solid #333; padding: 2pt 4pt; vertical-align: top; }
th { background: #e8edf5; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.standard { break-before: page; page-break-before: always; }
.standard:first-of-type { break-before: auto; page-break-before: auto; }
.standard .head { text-align: center; margin-bottom: 1em; }
.standard .code { font-family: "SimHei","黑体","Noto Sans CJK SC",sans-serif; text-align: right; }
table.detail { font-size: 8.5pt; }
table.detail td, table.detail th { white-space: nowrap; }
table.detail td:nth-child(4), table.detail td:nth-child(9) { white-space: normal; }
table.detail td:nth-child(4) { min-width: 42mm; }
table.detail td, table.detail th { padding: 1.5pt 2.5pt; }
.pass { color: #1a6b1a; } .fail { color: #b00020; font-weight: bold; }
.def { font-size: 10pt; color: #333; }
figure { margin: 1em 0; text-align: center; } figure svg { max-width: 100%; height: auto; }
.contents ol { line-height: 2.2; }
.contents a { color: inherit; text-decoration: none; }
@media screen { section { border-top: 1px dashed #999; padding-top: 1em; } .running { display: block; text-align: center; color: #666; font-size: 9pt; } }
"#;

fn cover(out: &mut String, d: &Dossier) {
    let commit = d
        .commit
        .as_deref()
        .map_or("（非 git 工作区）".to_owned(), |c| {
            format!(
                "{}{}",
                &c[..c.len().min(12)],
                if d.dirty {
                    "（含未提交的修改）"
                } else {
                    ""
                }
            )
        });
    let _ = write!(
        out,
        "<div class=\"cover\"><div class=\"center\">{}</div><div class=\"title\">{}</div>\
         {}<div class=\"meta\">截至日期：{}<br>源版本：{}</div></div>\n",
        esc(&d.center),
        esc(&d.title),
        if d.draft {
            "<div class=\"draft\">草稿：标准库未通过检查，不作正式验收材料</div>"
        } else {
            ""
        },
        d.as_of,
        esc(&commit)
    );
}

fn section_body(out: &mut String, s: &Section, d: &Dossier, assets: Assets<'_>) {
    match s {
        Section::Cover | Section::Contents => {}
        Section::Chapter { path, markdown, .. } => {
            out.push_str(&markdown_html(markdown, path, true, assets));
        }
        Section::SystemTable(t) => {
            out.push_str("<h2>一、标准体系结构图</h2>\n");
            out.push_str(&tree_svg(t));
            out.push_str("<h2>二、标准明细表</h2>\n");
            grid_class(out, &detail(t, Lang::Zh), "detail");
            out.push_str("<h2>三、标准统计表</h2>\n");
            grid(out, &stats(t, Lang::Zh));
        }
        Section::Rates { center, members } => {
            rates(out, center);
            uncounted(out, center);
            for m in members {
                match &m.rates {
                    Ok(r) => {
                        let _ = write!(out, "<h2>{}</h2>", esc(&r.center));
                        rates(out, r);
                    }
                    Err(e) => {
                        let _ = write!(out, "<p class=\"fail\">{}：{}</p>", esc(&m.path), esc(e));
                    }
                }
            }
        }
        Section::Tasks(groups) => grid(out, &tasks(groups, Lang::Zh)),
        Section::Standards(list) => {
            for st in list {
                let _ = write!(
                    out,
                    "<article class=\"standard\"><div class=\"code\">{}</div><div class=\"head\"><h2>{}</h2>\
                     <div>体系表编号 {}{}</div></div>",
                    esc(st.code.as_deref().unwrap_or("")),
                    esc(&st.title),
                    esc(&st.no),
                    match (st.published, st.effective) {
                        (Some(p), Some(e)) => format!("　{p} 发布　{e} 实施"),
                        (Some(p), None) => format!("　{p} 发布"),
                        _ => String::new(),
                    }
                );
                out.push_str(&markdown_html(&st.markdown, "", false, assets));
                out.push_str("</article>\n");
            }
        }
        Section::Inspections(list) => grid(
            out,
            &Grid {
                header: cells(&[
                    "日期",
                    "体系表编号",
                    "检查人",
                    "结果",
                    "发现的问题",
                    "整改完成",
                ]),
                rows: list
                    .iter()
                    .map(|i| {
                        vec![
                            i.date.value.to_string(),
                            i.standard.value.clone(),
                            i.inspector.clone(),
                            i.result.zh().to_owned(),
                            i.finding.clone().unwrap_or_default(),
                            i.rectified
                                .as_ref()
                                .map(|r| r.value.to_string())
                                .unwrap_or_default(),
                        ]
                    })
                    .collect(),
            },
        ),
        Section::Trainings(list) => grid(
            out,
            &Grid {
                header: cells(&["日期", "主题", "宣贯标准", "参训人数", "参训人员"]),
                rows: list
                    .iter()
                    .map(|t| {
                        vec![
                            t.date.value.to_string(),
                            t.topic.clone(),
                            t.standards
                                .iter()
                                .map(|s| s.value.as_str())
                                .collect::<Vec<_>>()
                                .join("、"),
                            t.attendees.len().to_string(),
                            t.attendees
                                .iter()
                                .map(|s| s.value.as_str())
                                .collect::<Vec<_>>()
                                .join("、"),
                        ]
                    })
                    .collect(),
            },
        ),
        Section::Surveys(list) => grid(
            out,
            &Grid {
                header: cells(&["开始", "结束", "方式", "有效答复", "满意", "满意率"]),
                rows: list
                    .iter()
                    .map(|s| {
                        vec![
                            s.from.value.to_string(),
                            s.to.value.to_string(),
                            s.method.clone(),
                            s.responses.value.to_string(),
                            s.satisfied.value.to_string(),
                            if s.responses.value == 0 {
                                "—".to_owned()
                            } else {
                                format!(
                                    "{:.2}%",
                                    s.satisfied.value as f64 * 100.0 / s.responses.value as f64
                                )
                            },
                        ]
                    })
                    .collect(),
            },
        ),
        Section::Audits(list) => {
            for (a, body) in list {
                let _ = write!(
                    out,
                    "<h2>{}</h2><p>审核日期：{}　审核员：{}</p>",
                    esc(&a.title),
                    a.date,
                    esc(&a.auditors.join("、"))
                );
                out.push_str(&markdown_html(body, &a.path, false, assets));
            }
        }
        Section::History(_) if d.commit.is_none() => {
            let _ = write!(
                out,
                "<p class=\"def\">{}</p>",
                esc(super::model::NO_HISTORY)
            );
        }
        Section::History(list) => grid(
            out,
            &Grid {
                header: cells(&["体系表编号", "标准名称", "日期", "修订人", "说明"]),
                rows: list
                    .iter()
                    .flat_map(|h| {
                        if h.commits.is_empty() {
                            vec![vec![
                                h.no.clone(),
                                h.title.clone(),
                                "—".into(),
                                "—".into(),
                                "（无 git 记录）".into(),
                            ]]
                        } else {
                            h.commits
                                .iter()
                                .map(|c| {
                                    vec![
                                        h.no.clone(),
                                        h.title.clone(),
                                        c.date.clone(),
                                        c.author.clone(),
                                        c.subject.clone(),
                                    ]
                                })
                                .collect()
                        }
                    })
                    .collect(),
            },
        ),
    }
    let _ = d;
}

fn cells(h: &[&str]) -> Vec<String> {
    h.iter().map(|s| s.to_string()).collect()
}

fn grid(out: &mut String, g: &Grid) {
    grid_class(out, g, "");
}

/// A table; its class picks the column layout in the stylesheet.
fn grid_class(out: &mut String, g: &Grid, class: &str) {
    let _ = write!(out, "<table class=\"{class}\"><thead><tr>");
    for h in &g.header {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for r in &g.rows {
        out.push_str("<tr>");
        for c in r {
            let _ = write!(out, "<td>{}</td>", esc(c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

fn rates(out: &mut String, r: &crate::rates::CenterRates) {
    out.push_str(&bar_chart(r));
    out.push_str("<table><thead><tr><th>指标</th><th>分子</th><th>分母</th><th>数值</th><th>目标</th><th>结论</th></tr></thead><tbody>\n");
    for rate in &r.rates {
        let (class, verdict) = match rate.pass() {
            Some(true) => ("pass", "达标"),
            Some(false) => ("fail", "未达标"),
            None if rate.target.is_some() => ("fail", "无法判定"),
            None => ("", ""),
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"{class}\">{verdict}</td></tr>\n",
            esc(&rate.name.zh),
            rate.numerator,
            rate.denominator,
            esc(&crate::report::rates::percent(rate, Lang::Zh)),
            rate.target
                .map_or(String::new(), |t| format!("≥ {:.0}%", t * 100.0)),
        );
    }
    out.push_str("</tbody></table>\n<div class=\"def\"><p>计算方法：</p><ul>");
    for rate in &r.rates {
        let _ = write!(
            out,
            "<li>{}：{}</li>",
            esc(&rate.name.zh),
            esc(&rate.definition.zh)
        );
    }
    out.push_str("</ul></div>\n");
}

/// Under the rates, what each leaves out of its numerator (the same lines as the PDF's).
fn uncounted(out: &mut String, r: &crate::rates::CenterRates) {
    if r.rates.is_empty() {
        return;
    }
    out.push_str("<div class=\"def uncounted\"><p>未计入分子的项目：</p>");
    for rate in &r.rates {
        let _ = write!(
            out,
            "<p>{}</p>",
            esc(&crate::report::rates::uncounted_summary(rate))
        );
    }
    out.push_str("</div>\n");
}

/// Horizontal bars of each targeted rate with a mark at its target.
fn bar_chart(r: &crate::rates::CenterRates) -> String {
    let rows: Vec<_> = r.rates.iter().filter(|x| x.target.is_some()).collect();
    let (label_w, bar_w, row_h) = (150.0, 380.0, 30.0);
    let height = rows.len() as f64 * row_h + 30.0;
    let mut svg = format!(
        "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {height}\" width=\"{w}\" height=\"{height}\" font-size=\"12\">",
        w = label_w + bar_w + 70.0
    );
    for (i, rate) in rows.iter().enumerate() {
        let y = i as f64 * row_h + 10.0;
        let value = rate.value().unwrap_or(0.0);
        let target = rate.target.unwrap_or(0.0);
        let color = if rate.pass() == Some(true) {
            "#4a7bb7"
        } else {
            "#c0392b"
        };
        let _ = write!(
            svg,
            "<text x=\"{tx}\" y=\"{ty}\" text-anchor=\"end\">{name}</text>\
             <rect x=\"{label_w}\" y=\"{y}\" width=\"{bar_w}\" height=\"18\" fill=\"#eee\"/>\
             <rect x=\"{label_w}\" y=\"{y}\" width=\"{vw:.1}\" height=\"18\" fill=\"{color}\"/>\
             <line x1=\"{mx:.1}\" x2=\"{mx:.1}\" y1=\"{y1}\" y2=\"{y2}\" stroke=\"#111\" stroke-width=\"2\"/>\
             <text x=\"{vx}\" y=\"{ty}\">{pct}</text>",
            tx = label_w - 8.0,
            ty = y + 14.0,
            name = esc(&rate.name.zh),
            vw = value * bar_w,
            mx = label_w + target * bar_w,
            y1 = y - 3.0,
            y2 = y + 21.0,
            vx = label_w + bar_w + 6.0,
            pct = esc(&crate::report::rates::percent(rate, Lang::Zh)),
        );
    }
    let _ = write!(
        svg,
        "<text x=\"{label_w}\" y=\"{}\" fill=\"#555\">竖线为目标值</text></svg><figcaption>各项指标与目标值</figcaption></figure>\n",
        height - 4.0
    );
    svg
}

/// The structure diagram: one box per category, indented by depth, joined by lines.
fn tree_svg(t: &crate::table::SystemTable) -> String {
    let row_h = 26.0;
    let height = (t.tree.len() + 1) as f64 * row_h + 10.0;
    let width = 620.0;
    let mut svg = format!(
        "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-size=\"12\">\
         <rect x=\"4\" y=\"4\" width=\"260\" height=\"20\" fill=\"#dfe7f3\" stroke=\"#333\"/><text x=\"10\" y=\"18\">{}</text>",
        esc(&t.center)
    );
    let mut last_at_depth: Vec<f64> = vec![14.0];
    for (i, n) in t.tree.iter().enumerate() {
        let y = (i + 1) as f64 * row_h + 4.0;
        let x = 24.0 + n.depth as f64 * 28.0;
        let parent_y = last_at_depth.get(n.depth).copied().unwrap_or(14.0);
        let _ = write!(
            svg,
            "<path d=\"M{px} {py} V{my} H{x}\" fill=\"none\" stroke=\"#666\"/>\
             <rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"20\" fill=\"{fill}\" stroke=\"#333\"/>\
             <text x=\"{tx}\" y=\"{ty}\">{code} {title}（{n}）</text>",
            px = x - 14.0,
            py = parent_y + 10.0,
            my = y + 10.0,
            w = width - x - 10.0,
            fill = if n.depth == 0 { "#eef3fa" } else { "#fff" },
            tx = x + 6.0,
            ty = y + 14.0,
            code = esc(&n.code),
            title = esc(&n.title),
            n = n.total,
        );
        last_at_depth.truncate(n.depth + 1);
        last_at_depth.push(y);
    }
    svg.push_str("</svg><figcaption>标准体系结构图（括号内为标准数）</figcaption></figure>\n");
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
    let events = Parser::new_ext(markdown, crate::markdown_options()).filter_map(|e| match e {
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
            let data =
                crate::check::links::resolve(path, &dest_url).and_then(|p| Some((assets(&p)?, p)));
            data.map(|(bytes, p)| {
                let uri = format!("data:{};base64,{}", mime(&p), base64(&bytes));
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

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
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
    fn base64_matches_the_standard_alphabet() {
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
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
        assert!(top.ends_with("font-size: 9pt; color: #444; }"), "{top}");
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
        uncounted(&mut out, &rates);
        assert!(
            out.contains("<p>岗位覆盖率未计入（1）：GW01 窗口&lt;受理&gt;员</p>"),
            "{out}"
        );
        assert!(out.contains("<p>体系完整率未计入：无</p>"), "{out}");
    }
}
