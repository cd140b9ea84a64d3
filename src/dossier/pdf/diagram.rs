//! The structure diagram (标准体系结构图) of the system table as Typst, drawn as GB/T 13016
//! draws it: the root box at the top, a connector bus, the subsystems side by side, and under
//! each its categories as a column of boxes hanging from a line on the left (deeper ones
//! indented under their parent). Each box holds the code, the title and the 应有数.
//!
//! One grid with explicit lines, no nesting: a tree of any depth compiles (the levels below
//! [`MAX_LEVELS`] are drawn at the last one, their codes telling the hierarchy). The text size
//! is the largest of [`SIZES`] at which the diagram fits what is left of its page; when none
//! does, many subsystems wrap into bands and long columns break across pages at 9 pt.
//! User text enters only through [`content`].

#[allow(unused_imports, reason = "the module shares the parent's imports")]
use super::*;
use crate::table::Node;

/// The category levels below a subsystem drawn each with its own connector; deeper categories
/// are drawn at the last of them, among their ancestors' siblings.
pub(super) const MAX_LEVELS: usize = 4;

/// The most subsystems side by side; more wrap into bands of about equal width.
pub(super) const MAX_PER_BAND: usize = 6;

/// The text sizes tried, largest first; the last is the smallest one readable in print.
const SIZES: &str = "(10pt, 9.5pt, 9pt, 8.5pt, 8pt, 7.5pt)";

/// The text size when the diagram does not fit one page at any of [`SIZES`].
const SPILL_SIZE: &str = "9pt";

/// What the boxes count, printed under the diagram.
pub(super) const CAPTION: &str = "方框内为应有标准数（不含被代替、废止）。";

/// The margins of the diagram's landscape page: those of the portrait pages, turned with the
/// page (its top to the binding edge), as the detail table's.
pub(super) const PAGE_MARGIN: &str = "(top: 28mm, bottom: 26mm, left: 35mm, right: 37mm)";

/// The width of the landscape page's body (297 mm less the side margins).
const BODY_WIDTH: &str = "225mm";

/// Where the landscape page's body ends, from the page's top edge (210 mm less the bottom
/// margin).
const BODY_BOTTOM: &str = "184mm";

/// The diagram's Typst markup, for a page with [`PAGE_MARGIN`]. The tree must not be empty.
pub(super) fn structure(t: &SystemTable) -> String {
    let subs = subsystems(&t.tree);
    let levels = subs
        .iter()
        .flat_map(|s| s.cats.iter().map(|c| c.level))
        .max()
        .unwrap_or(1);
    let bands = subs.len().div_ceil(MAX_PER_BAND).max(1);
    let per_band = subs.len().div_ceil(bands).max(1);
    let trunk = bands > 1;
    let root = if t.center.is_empty() {
        "标准体系".to_owned()
    } else {
        format!("{}标准体系", t.center)
    };
    let total: usize = subs.iter().map(|s| s.node.planned).sum();

    // The outer grid: [a trunk] and the slots of a band, with a gap between slots; a row for
    // the root, the stub, and per band its bus and its subsystems' columns.
    let mut columns = Vec::new();
    if trunk {
        columns.push("sd-trunk");
    }
    for slot in 0..per_band {
        if slot > 0 {
            columns.push("sd-gap");
        }
        columns.push("1fr");
    }
    let all = columns.len();

    let mut rows: Vec<&str> = Vec::new();
    let mut cells = String::new();
    let mut cell = |s: &str| {
        cells.push_str("  ");
        cells.push_str(s);
        cells.push_str(",\n");
    };
    rows.extend(["auto", "sd-stub"]);
    cell(&format!(
        "grid.cell(colspan: {all}, align(center, sd-root({}, {})))",
        content(&root),
        content(&total.to_string())
    ));
    cell(&format!("grid.cell(colspan: {all}, sd-down)"));

    for (b, band) in subs.chunks(per_band).enumerate() {
        // The trunk runs from the first band's bus down to the last band's.
        let last_band = b + 1 == bands;
        if b > 0 {
            rows.push("sd-stub");
            cell("sd-through");
            cell(&format!("grid.cell(colspan: {}, [])", all - 1));
        }
        // The bus and the drops to the subsystems.
        rows.push("sd-stub");
        if trunk {
            cell(if last_band {
                "sd-bus-full"
            } else {
                "sd-trunk-bus"
            });
        }
        for slot in 0..per_band {
            let here = slot < band.len();
            if slot > 0 {
                cell(if here { "sd-bus-full" } else { "[]" });
            }
            if here {
                let from = if slot == 0 && !trunk { "50%" } else { "0%" };
                let to = if slot + 1 == band.len() {
                    "50%"
                } else {
                    "100%"
                };
                cell(&format!("sd-bus({from}, {to})"));
            } else {
                cell("[]");
            }
        }
        // The subsystems, each a column of its own.
        rows.push("auto");
        if trunk {
            cell(if last_band { "[]" } else { "sd-through" });
        }
        for slot in 0..per_band {
            if slot > 0 {
                cell("[]");
            }
            match band.get(slot) {
                Some(s) => cell(&column(s, levels)),
                None => cell("[]"),
            }
        }
    }

    let mut out = String::from(FUNCTIONS);
    let _ = write!(
        out,
        "#let sd-grid(size) = {{\n set text(size: size)\n grid(columns: ({}), rows: ({}),\n{cells})\n}}\n",
        columns.join(", "),
        rows.join(", ")
    );
    let _ = writeln!(
        out,
        "#context {{\n  let room = {BODY_BOTTOM} - here().position().y - 36pt\n  \
         let size = {SIZES}.find(s => measure(width: {BODY_WIDTH}, sd-grid(s)).height <= room)\n  \
         sd-grid(if size == none {{ {SPILL_SIZE} }} else {{ size }})\n}}"
    );
    let _ = writeln!(out, "#note{}", content(CAPTION));
    out
}

/// A subsystem's column: its box, then its categories, each below a space that the lines
/// going on cross. Two connector columns per level (a level's line is the left edge of the
/// second), then a box's label and count cells.
fn column(s: &Subsystem<'_>, levels: usize) -> String {
    let span = 2 * levels + 2;
    let mut rows = vec!["auto"];
    let mut cells = vec![
        format!("sd-sub-label({}, {})", span - 1, content(&label(s.node))),
        format!("sd-sub-count{}", content(&s.node.planned.to_string())),
    ];
    for c in &s.cats {
        rows.extend(["sd-space", "auto"]);
        for level in 1..=c.level {
            cells.push("[]".to_owned());
            let on = level == c.level || c.open.contains(&level);
            cells.push(if on { "sd-through" } else { "[]" }.to_owned());
        }
        cells.push(format!("grid.cell(colspan: {}, [])", span - 2 * c.level));
        for level in 1..c.level {
            cells.push("[]".to_owned());
            cells.push(
                if c.open.contains(&level) {
                    "sd-through"
                } else {
                    "[]"
                }
                .to_owned(),
            );
        }
        cells.push("[]".to_owned());
        cells.push(if c.last { "sd-elbow" } else { "sd-tee" }.to_owned());
        cells.push(format!(
            "sd-label({}, {})",
            span - 1 - 2 * c.level,
            content(&label(c.node))
        ));
        cells.push(format!("sd-count{}", content(&c.node.planned.to_string())));
    }
    let mut columns = vec!["sd-indent, sd-branch"; levels];
    columns.extend(["1fr", "auto"]);
    let mut out = format!(
        "grid(columns: ({}), rows: ({}),\n",
        columns.join(", "),
        rows.join(", ")
    );
    for c in cells {
        let _ = writeln!(out, "    {c},");
    }
    out.push_str("  )");
    out
}

/// The Typst functions of the diagram, in `em` of the diagram's text size. A line that runs
/// the full height of a row of boxes is a cell's edge; the others are placed at fixed offsets
/// (an auto row's height is not known to what it holds).
const FUNCTIONS: &str = r##"
#let sd-stroke = 0.6pt + black
#let sd-trunk = 1em
#let sd-indent = 0.4em
#let sd-branch = 0.6em
#let sd-gap = 1em
#let sd-stub = 1.3em
#let sd-space = 0.7em
// Where a branch meets a box: the middle of its first line.
#let sd-mid = 0.92em
#let sd-v(x, from, to) = place(top + left, dx: x, line(start: (0pt, from), end: (0pt, to), stroke: sd-stroke))
#let sd-h(from, to, y) = place(top + left, line(start: (from, y), end: (to, y), stroke: sd-stroke))
// The stub from the root down to the first bus (a row of fixed height).
#let sd-down = place(top + center, line(start: (0pt, 0pt), end: (0pt, sd-stub), stroke: sd-stroke))
// A stretch of the bus, and the drop to a subsystem from its middle.
#let sd-bus(from, to) = { sd-h(from, to, 0pt); sd-v(50%, 0pt, sd-stub) }
#let sd-bus-full = sd-h(0%, 100%, 0pt)
// The trunk that joins the bands' buses at the left.
#let sd-trunk-bus = grid.cell(stroke: (left: sd-stroke), sd-h(0%, 100%, 0pt))
// Connectors of a category row: a line going past, a branch, the last branch.
#let sd-through = grid.cell(stroke: (left: sd-stroke), [])
#let sd-tee = grid.cell(stroke: (left: sd-stroke), sd-h(0pt, sd-branch, sd-mid))
#let sd-elbow = { sd-v(0pt, 0pt, sd-mid); sd-h(0pt, sd-branch, sd-mid) }
// A box: the label, and the count in a compartment of its own, both cells of the grid.
#let sd-edge = 0.6pt + black
#let sd-inset = (x: 0.4em, y: 0.35em)
#let sd-label(span, body) = grid.cell(colspan: span, stroke: sd-edge, inset: sd-inset, align: left + top, body)
#let sd-count(body) = grid.cell(stroke: sd-edge, inset: sd-inset, align: center + horizon, body)
#let sd-sub-label(span, body) = grid.cell(colspan: span, stroke: 0.8pt + black, fill: luma(232), inset: sd-inset, align: left + top, text(font: hei, body))
#let sd-sub-count(body) = grid.cell(stroke: 0.8pt + black, fill: luma(232), inset: sd-inset, align: center + horizon, text(font: hei, body))
#let sd-root(label, n) = box(width: auto, stroke: 0.9pt + black, fill: luma(222),
  grid(columns: (auto, auto), align: center + horizon, inset: (x: 0.9em, y: 0.45em),
    text(font: hei, size: 1.2em, label), grid.cell(stroke: (left: 0.5pt + black), text(font: hei, n))))
#show grid: set par(first-line-indent: 0pt, justify: false, leading: 0.35em, spacing: 0.35em)
"##;

/// `code title` of a box.
fn label(n: &Node) -> String {
    if n.title.is_empty() {
        n.code.clone()
    } else {
        format!("{} {}", n.code, n.title)
    }
}

/// A subsystem (a category of depth 0) with the categories below it, in tree order.
struct Subsystem<'a> {
    node: &'a Node,
    cats: Vec<Cat<'a>>,
}

/// A category in its subsystem's column.
struct Cat<'a> {
    node: &'a Node,
    /// Its level below the subsystem, from 1, at most [`MAX_LEVELS`].
    level: usize,
    /// Whether no later sibling follows (its branch is the last one on its line).
    last: bool,
    /// The levels above its own whose line goes past it (an ancestor with a later sibling).
    open: Vec<usize>,
}

/// The tree cut into subsystems. Categories before the first subsystem (none in a tree from
/// [`crate::table::build`]) go to a subsystem without a box of their own: none is lost.
fn subsystems(tree: &[Node]) -> Vec<Subsystem<'_>> {
    let mut out: Vec<(&Node, Vec<&Node>)> = Vec::new();
    for n in tree {
        match out.last_mut() {
            Some((_, cats)) if n.depth > 0 => cats.push(n),
            _ => out.push((n, Vec::new())),
        }
    }
    out.into_iter()
        .map(|(node, cats)| {
            let levels: Vec<usize> = cats
                .iter()
                .map(|c| c.depth.saturating_sub(node.depth).clamp(1, MAX_LEVELS))
                .collect();
            // Whether a later entry at `level` follows before the line at `level` ends.
            let continues = |i: usize, level: usize| {
                levels[i + 1..]
                    .iter()
                    .take_while(|l| **l >= level)
                    .any(|l| *l == level)
            };
            let cats = cats
                .iter()
                .enumerate()
                .map(|(i, c)| Cat {
                    node: c,
                    level: levels[i],
                    last: !continues(i, levels[i]),
                    open: (1..levels[i]).filter(|l| continues(i, *l)).collect(),
                })
                .collect();
            Subsystem { node, cats }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Stat;

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

    fn reference() -> SystemTable {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("standards");
        crate::table::build(&crate::load::load(&root).unwrap().repo)
    }

    /// A table of `subs` subsystems with `cats` categories each, every third one a level
    /// deeper than the one before.
    fn wide(subs: usize, cats: usize) -> SystemTable {
        let mut tree = Vec::new();
        for s in 1..=subs {
            tree.push(node(&s.to_string(), "服务评价与改进标准体系", 0, cats));
            for c in 1..=cats {
                let depth = if c % 3 == 0 { 2 } else { 1 };
                tree.push(node(&format!("{s}{c:02}"), "满意度评价和改进", depth, 1));
            }
        }
        SystemTable {
            center: "安庆市政务服务中心".into(),
            rows: vec![],
            tree,
            stats: vec![Stat {
                subsystem: None,
                level: None,
                planned: subs * cats,
                existing: 0,
            }],
        }
    }

    /// A volume of only the system table.
    fn volume(t: SystemTable) -> Dossier {
        Dossier {
            title: "验收材料汇编".into(),
            center: t.center.clone(),
            as_of: "2014-12-31".parse().unwrap(),
            commit: None,
            dirty: false,
            draft: false,
            sections: vec![Section::SystemTable(t)],
            body_lines: BTreeMap::new(),
        }
    }

    /// Each page's text and size (width, height) in points.
    fn pages(doc: &PagedDocument) -> Vec<(String, f64, f64)> {
        doc.pages()
            .iter()
            .map(|p| {
                let mut text = super::super::tests::frame_text(&p.frame);
                text.retain(|c| !c.is_whitespace() && c != ZWSP);
                (text, p.frame.width().to_pt(), p.frame.height().to_pt())
            })
            .collect()
    }

    /// The category boxes of the markup: the label and the count, as markup.
    fn cat_calls(markup: &str) -> Vec<(String, String)> {
        let lines: Vec<&str> = markup.lines().map(str::trim).collect();
        lines
            .windows(2)
            .filter_map(|w| {
                let label = w[0].strip_prefix("sd-label(")?.strip_suffix("),")?;
                let (_, label) = label.split_once(", ")?;
                let count = w[1].strip_prefix("sd-count")?.strip_suffix(',')?;
                Some((label.to_owned(), count.to_owned()))
            })
            .collect()
    }

    #[test]
    fn every_category_appears_once_with_its_planned_count() {
        let t = reference();
        let markup = structure(&t);
        let cats: Vec<&Node> = t.tree.iter().filter(|n| n.depth > 0).collect();
        let calls = cat_calls(&markup);
        assert_eq!(calls.len(), cats.len());
        for n in &cats {
            let call = (content(&label(n)), content(&n.planned.to_string()));
            assert_eq!(calls.iter().filter(|c| **c == call).count(), 1, "{call:?}");
        }
        // The subsystems' counts add up to the statistics' grand 应有数, and the root says so.
        let grand = t.stats.last().unwrap().planned;
        let subs: usize = t
            .tree
            .iter()
            .filter(|n| n.depth == 0)
            .map(|n| n.planned)
            .sum();
        assert_eq!(subs, grand);
        assert!(markup.contains(&format!(
            "sd-root({}, {})",
            content(&format!("{}标准体系", t.center)),
            content(&grand.to_string())
        )));
        assert!(markup.contains(&content(CAPTION)));
    }

    #[test]
    fn the_reference_repository_fits_one_landscape_page() {
        let t = reference();
        let doc = layout(&volume(t.clone()), &[]).unwrap();
        let pages = pages(&doc);
        let (text, width, height) = &pages[0];
        assert!(width > height, "landscape");
        assert!(text.contains("标准体系表") && text.contains("标准体系结构图"));
        for n in &t.tree {
            let label: String = label(n).chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(text.matches(&label).count(), 1, "{label} on page 1");
        }
        assert!(text.contains("方框内为应有标准数"));
        // The detail table begins on the next page.
        assert!(!text.contains("标准明细表") && pages[1].0.contains("标准明细表"));
        // The text size chosen is one of the sizes tried, not the spill size.
        let markup = structure(&t);
        assert!(markup.contains(SIZES));
    }

    #[test]
    fn hostile_text_is_printed_as_text() {
        let hostile = "#set page(width: 1cm) *x* _y_ $z$ <l> @r [a] ~ // \\ \"q\" ] ) }";
        let mut t = wide(2, 2);
        t.center = hostile.into();
        t.tree[1].title = hostile.into();
        t.tree[0].code = "1\"]) #panic(\"x\")".into();
        let markup = structure(&t);
        assert!(!markup.contains("#panic") || markup.contains("\\#panic"));
        let doc = layout(&volume(t), &[]).unwrap();
        let text = &pages(&doc)[0].0;
        let plain: String = hostile.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(text.matches(&plain).count() >= 2, "{text}");
        assert!(text.contains("#panic(\"x\")"));
    }

    #[test]
    fn twelve_subsystems_and_eighty_categories_compile_and_lose_nothing() {
        // 12 × 7 = 84 categories, in two bands of six subsystems.
        let t = wide(12, 7);
        let markup = structure(&t);
        assert_eq!(cat_calls(&markup).len(), 84);
        let doc = layout(&volume(t.clone()), &[]).unwrap();
        let pages = pages(&doc);
        let diagram: String = pages
            .iter()
            .take_while(|(text, ..)| !text.contains("标准明细表"))
            .map(|(text, ..)| text.as_str())
            .collect();
        for n in &t.tree {
            assert!(diagram.contains(&n.code), "{}", n.code);
        }
        // Every box of the diagram prints its title.
        assert_eq!(diagram.matches("满意度评价和改进").count(), 84);
        assert_eq!(diagram.matches("服务评价与改进标准体系").count(), 12);
    }

    #[test]
    fn a_long_column_breaks_across_pages() {
        let t = wide(1, 80);
        let doc = layout(&volume(t.clone()), &[]).unwrap();
        let pages = pages(&doc);
        let diagram: Vec<&(String, f64, f64)> = pages
            .iter()
            .take_while(|(text, ..)| !text.contains("标准明细表"))
            .collect();
        assert!(diagram.len() > 1 && diagram.iter().all(|(_, w, h)| w > h));
        let text: String = diagram.iter().map(|(t, ..)| t.as_str()).collect();
        assert_eq!(text.matches("满意度评价和改进").count(), 80);
    }

    #[test]
    fn connectors_follow_the_tree() {
        let tree = vec![
            node("1", "甲", 0, 3),
            node("101", "乙", 1, 1),
            node("10101", "丙", 2, 1),
            node("10102", "丁", 2, 1),
            node("102", "戊", 1, 1),
            node("1020101", "深", 9, 1),
        ];
        let subs = subsystems(&tree);
        assert_eq!(subs.len(), 1);
        let got: Vec<(usize, bool, Vec<usize>)> = subs[0]
            .cats
            .iter()
            .map(|c| (c.level, c.last, c.open.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (1, false, vec![]),
                (2, false, vec![1]),
                (2, true, vec![1]),
                (1, true, vec![]),
                (MAX_LEVELS, true, vec![]),
            ]
        );
    }

    #[test]
    fn the_html_diagram_draws_the_same_levels() {
        assert_eq!(MAX_LEVELS, crate::dossier::html_diagram::MAX_LEVELS);
        assert_eq!(MAX_PER_BAND, crate::dossier::html_diagram::MAX_PER_BAND);
        assert_eq!(CAPTION, crate::dossier::html_diagram::CAPTION);
    }

    /// The reference repository's system table alone, written to `$STDKIT_DIAGRAM_OUT`
    /// (default `target/diagram-sample.pdf`), for looking at.
    #[test]
    #[ignore]
    fn sample_diagram() {
        let t = match std::env::var("STDKIT_DIAGRAM_WIDE") {
            Ok(v) => {
                let (s, c) = v.split_once('x').unwrap();
                wide(s.parse().unwrap(), c.parse().unwrap())
            }
            Err(_) => reference(),
        };
        let pdf = render(&volume(t), &[]).unwrap();
        let out = std::env::var_os("STDKIT_DIAGRAM_OUT").map_or_else(
            || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/diagram-sample.pdf"),
            PathBuf::from,
        );
        std::fs::write(out, pdf).unwrap();
    }
}
