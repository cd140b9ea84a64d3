//! The structure diagram (标准体系结构图) of the system table as HTML and CSS, the same
//! hierarchy as the PDF's: the root box, a connector bus, the subsystems side by side, under
//! each its categories as nested lists of boxes hanging from a line on the left. Each box holds
//! the code, the title and the 应有数. User text goes through [`esc`].

#![allow(
    clippy::write_with_newline,
    reason = "markup is written as literal lines"
)]

use std::fmt::Write as _;

use super::html::esc;
use crate::table::{Node, SystemTable};

/// The category levels below a subsystem drawn nested; deeper categories are drawn at the
/// last of them, among their ancestors' siblings (as in the PDF).
pub const MAX_LEVELS: usize = 4;

/// The most subsystems side by side; more wrap into bands of about equal width.
pub const MAX_PER_BAND: usize = 6;

/// What the boxes count, printed under the diagram.
pub const CAPTION: &str = "方框内为应有标准数（不含被代替、废止）。";

/// The diagram as a `<figure>`, with the styles it needs.
pub fn structure(t: &SystemTable) -> String {
    let mut out = format!("<figure class=\"sd\"><style>{CSS}</style>\n");
    if t.tree.is_empty() {
        out.push_str("<p class=\"empty\">（无记录）</p></figure>\n");
        return out;
    }
    let subs = subsystems(&t.tree);
    let root = if t.center.is_empty() {
        "标准体系".to_owned()
    } else {
        format!("{}标准体系", t.center)
    };
    let total: usize = subs.iter().map(|(s, _)| s.planned).sum();
    let _ = write!(
        out,
        "<div class=\"sd-top\">{}</div>\n",
        sd_box("sd-root", &root, total)
    );
    let bands = subs.len().div_ceil(MAX_PER_BAND).max(1);
    let per_band = subs.len().div_ceil(bands).max(1);
    for band in subs.chunks(per_band) {
        let _ = write!(
            out,
            "<div class=\"sd-band\" style=\"grid-template-columns: repeat({per_band}, 1fr)\">\n"
        );
        for (sub, cats) in band {
            out.push_str("<div class=\"sd-col\">");
            out.push_str(&sd_box("sd-sub", &label(sub), sub.planned));
            list(&mut out, cats);
            out.push_str("</div>\n");
        }
        out.push_str("</div>\n");
    }
    let _ = write!(out, "<figcaption>{}</figcaption></figure>\n", esc(CAPTION));
    out
}

/// A box: the label, and the count in a compartment of its own.
fn sd_box(class: &str, text: &str, n: usize) -> String {
    format!(
        "<div class=\"sd-box {class}\"><span class=\"sd-l\">{}</span><span class=\"sd-n\">{n}</span></div>",
        esc(text)
    )
}

/// `code title` of a box.
fn label(n: &Node) -> String {
    if n.title.is_empty() {
        n.code.clone()
    } else {
        format!("{} {}", n.code, n.title)
    }
}

/// Categories `(level, node)` as nested lists, one `<ul>` per level.
fn list(out: &mut String, cats: &[(usize, &Node)]) {
    if cats.is_empty() {
        return;
    }
    let mut open = 0;
    for (i, (level, n)) in cats.iter().enumerate() {
        if *level > open {
            for _ in open..*level {
                out.push_str("<ul>");
            }
        } else {
            out.push_str("</li>");
            for _ in *level..open {
                out.push_str("</ul></li>");
            }
        }
        open = *level;
        let _ = write!(out, "<li>{}", sd_box("sd-cat", &label(n), n.planned));
        if i + 1 == cats.len() {
            out.push_str("</li>");
            for _ in 1..open {
                out.push_str("</ul></li>");
            }
            out.push_str("</ul>");
        }
    }
}

/// The tree cut into subsystems, each with its categories and their levels below it (from 1,
/// at most [`MAX_LEVELS`], never more than one below the previous category's). Categories
/// before the first subsystem (none in a tree from [`crate::table::build`]) go to a
/// subsystem box of their own: none is lost.
fn subsystems(tree: &[Node]) -> Vec<(&Node, Vec<(usize, &Node)>)> {
    let mut out: Vec<(&Node, Vec<(usize, &Node)>)> = Vec::new();
    for n in tree {
        match out.last_mut() {
            Some((sub, cats)) if n.depth > sub.depth => {
                let above = cats.last().map_or(0, |(l, _)| *l);
                let level = (n.depth - sub.depth).min(MAX_LEVELS).min(above + 1);
                cats.push((level, n));
            }
            _ => out.push((n, Vec::new())),
        }
    }
    out
}

const CSS: &str = r#"
.sd { margin: 0.5em 0 1em; font-family: "SimSun","宋体","Noto Serif CJK SC",serif; font-size: 9.5pt; line-height: 1.35; break-inside: avoid; page-break-inside: avoid; }
.sd ul { list-style: none; margin: 0; padding: 0 0 0 0.55em; }
.sd li { position: relative; margin: 0; padding: 0.3em 0 0.3em 0.9em; }
.sd li::before { content: ""; position: absolute; left: 0; top: 0; bottom: 0; border-left: 1px solid #222; }
.sd li:last-child::before { bottom: auto; height: 1.15em; }
.sd li::after { content: ""; position: absolute; left: 0; top: 1.15em; width: 0.9em; border-top: 1px solid #222; }
.sd-box { display: flex; align-items: stretch; border: 1px solid #222; background: #fff; break-inside: avoid; }
.sd-l { flex: 1; padding: 0.2em 0.4em; min-width: 0; overflow-wrap: anywhere; }
.sd-n { padding: 0.2em 0.4em; border-left: 1px solid #555; display: flex; align-items: center; }
.sd-root, .sd-sub { font-family: "SimHei","黑体","Noto Sans CJK SC",sans-serif; }
.sd-top { text-align: center; }
.sd-root { display: inline-flex; background: #dedede; border-width: 1.5px; font-size: 1.15em; }
.sd-band { display: grid; column-gap: 1.2em; position: relative; padding-top: 1em; margin-top: 1em; }
.sd-band::before { content: ""; position: absolute; top: -1em; left: 50%; height: 1em; border-left: 1px solid #222; }
.sd-col { position: relative; }
.sd-col::before { content: ""; position: absolute; top: -1em; left: -0.6em; right: -0.6em; border-top: 1px solid #222; }
.sd-col:first-child::before { left: 50%; }
.sd-col:last-child::before { right: 50%; }
.sd-col::after { content: ""; position: absolute; top: -1em; left: 50%; height: 1em; border-left: 1px solid #222; }
.sd-sub { background: #e8e8e8; border-width: 1.3px; }
.sd-col > ul { padding-left: 0.55em; }
.sd-band + .sd-band::before { display: none; }
.sd-band + .sd-band .sd-col:first-child::before { left: 0; }
.sd figcaption { margin-top: 0.6em; font-size: 9pt; color: #444; }
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn node(code: &str, title: &str, depth: usize, planned: usize) -> Node {
        Node {
            code: code.into(),
            title: title.into(),
            depth,
            own: planned,
            total: planned + 1,
            planned,
        }
    }

    /// Every `<li>`'s box, in order: (label, count).
    fn boxes(html: &str, class: &str) -> Vec<(String, String)> {
        let open = format!("<div class=\"sd-box {class}\"><span class=\"sd-l\">");
        html.split(&open)
            .skip(1)
            .map(|rest| {
                let (label, rest) = rest.split_once("</span><span class=\"sd-n\">").unwrap();
                let (n, _) = rest.split_once("</span>").unwrap();
                (label.to_owned(), n.to_owned())
            })
            .collect()
    }

    #[test]
    fn the_reference_repository_shows_every_category_once_with_its_planned_count() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("standards");
        let repo = crate::load::load(&root).unwrap().repo;
        let t = crate::table::build(&repo);
        let html = structure(&t);
        let cats = boxes(&html, "sd-cat");
        let subs = boxes(&html, "sd-sub");
        let expected = |depth0: bool| -> Vec<(String, String)> {
            t.tree
                .iter()
                .filter(|n| (n.depth == 0) == depth0)
                .map(|n| (esc(&label(n)), n.planned.to_string()))
                .collect()
        };
        assert_eq!(cats, expected(false));
        assert_eq!(subs, expected(true));
        let grand = t.stats.last().unwrap().planned;
        let sum: usize = subs.iter().map(|(_, n)| n.parse::<usize>().unwrap()).sum();
        assert_eq!(sum, grand);
        let root = boxes(&html, "sd-root");
        assert_eq!(root, [(format!("{}标准体系", t.center), grand.to_string())]);
        assert!(html.contains(CAPTION));
        // Balanced markup.
        assert_eq!(html.matches("<ul>").count(), html.matches("</ul>").count());
        assert_eq!(html.matches("<li>").count(), html.matches("</li>").count());
        assert_eq!(html.matches("<li>").count(), cats.len());
    }

    #[test]
    fn user_text_is_escaped() {
        let t = SystemTable {
            center: "<script>alert(1)</script>".into(),
            rows: vec![],
            tree: vec![
                node("1", "a & b", 0, 1),
                node("101", "<img src=x onerror=alert(1)>\"'", 1, 1),
            ],
            stats: vec![],
        };
        let html = structure(&t);
        assert!(!html.contains("<script>") && !html.contains("<img"));
        assert!(html.contains("&lt;script&gt;") && html.contains("a &amp; b"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;"));
    }

    #[test]
    fn many_subsystems_wrap_into_bands_and_deep_trees_stay_balanced() {
        let mut tree = Vec::new();
        for s in 1..=12 {
            tree.push(node(&s.to_string(), "子体系", 0, 7));
            for c in 1..=7 {
                // 84 categories, some of them nested ten deep.
                let depth = if s == 12 { c + 3 } else { 1 + c % 2 };
                tree.push(node(&format!("{s}{c:02}"), "类目", depth, 1));
            }
        }
        let t = SystemTable {
            center: "中心".into(),
            rows: vec![],
            tree,
            stats: vec![],
        };
        let html = structure(&t);
        assert_eq!(html.matches("class=\"sd-band\"").count(), 2);
        assert_eq!(html.matches("repeat(6, 1fr)").count(), 2);
        assert_eq!(boxes(&html, "sd-cat").len(), 84);
        assert_eq!(boxes(&html, "sd-sub").len(), 12);
        assert_eq!(html.matches("<ul>").count(), html.matches("</ul>").count());
        assert_eq!(html.matches("<li>").count(), html.matches("</li>").count());
        // The deep column nests no more than MAX_LEVELS lists.
        let deep = html.split("<div class=\"sd-col\">").last().unwrap();
        let mut depth: usize = 0;
        let mut most = 0;
        for piece in deep.split('<') {
            if piece.starts_with("ul>") {
                depth += 1;
                most = most.max(depth);
            } else if piece.starts_with("/ul>") {
                depth -= 1;
            }
        }
        assert_eq!(most, MAX_LEVELS);
    }

    #[test]
    fn an_empty_tree_says_so() {
        let t = SystemTable {
            center: String::new(),
            rows: vec![],
            tree: vec![],
            stats: vec![],
        };
        assert!(structure(&t).contains("（无记录）"));
    }
}
