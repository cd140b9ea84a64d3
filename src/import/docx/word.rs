//! What a Word document says, read from its XML parts: the styles (names and `basedOn`
//! chains), the list numbering, the relationships to media, and the body as blocks —
//! paragraphs joined from their runs, and tables. Deleted text, field instructions,
//! bookmarks, comments and page breaks are left out; inserted text is kept. A table of
//! contents in a content control is dropped here. Pure functions over the parsed parts.

use std::collections::HashMap;

use super::xml::Element;

/// A paragraph style as `styles.xml` defines it.
#[derive(Clone, Debug, Default)]
struct StyleDef {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num: Option<(String, u8)>,
    bold: bool,
}

/// The paragraph styles by id.
#[derive(Clone, Debug, Default)]
pub struct Styles {
    by_id: HashMap<String, StyleDef>,
}

/// `basedOn` chains longer than this are cut (a cycle would be endless).
const MAX_CHAIN: usize = 16;

impl Styles {
    pub fn parse(root: &Element) -> Styles {
        let mut by_id = HashMap::new();
        for s in root.elements().filter(|e| e.name == "style") {
            let Some(id) = s.attr("styleId") else {
                continue;
            };
            let ppr = s.child("pPr");
            let def = StyleDef {
                name: s.child_val("name").unwrap_or(id).to_owned(),
                based_on: s.child_val("basedOn").map(str::to_owned),
                outline: ppr
                    .and_then(|p| p.child_val("outlineLvl"))
                    .and_then(|v| v.parse().ok()),
                num: ppr.and_then(num_pr),
                bold: s.child("rPr").is_some_and(|r| on(r, "b")),
            };
            by_id.insert(id.to_owned(), def);
        }
        Styles { by_id }
    }

    /// The style and its ancestors, nearest first.
    fn chain<'s>(&'s self, id: &str) -> Vec<(&'s str, &'s StyleDef)> {
        let mut out: Vec<(&str, &StyleDef)> = Vec::new();
        let mut at = Some(id);
        while let Some(id) = at {
            let Some((key, def)) = self.by_id.get_key_value(id) else {
                break;
            };
            if out.len() >= MAX_CHAIN || out.iter().any(|(k, _)| *k == key.as_str()) {
                break;
            }
            out.push((key.as_str(), def));
            at = def.based_on.as_deref();
        }
        out
    }
}

/// One level of a list definition: its format (`lowerLetter`, `decimal`, `bullet` …) and
/// its text (`%1)`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListLevel {
    pub format: String,
    pub text: String,
    /// The number of the first item (`w:start`, 1 when absent).
    pub start: u32,
}

/// `numbering.xml`: numbering instances and their abstract definitions.
#[derive(Clone, Debug, Default)]
pub struct Numbering {
    nums: HashMap<String, String>,
    abstracts: HashMap<String, HashMap<u8, ListLevel>>,
}

impl Numbering {
    pub fn parse(root: &Element) -> Numbering {
        let mut n = Numbering::default();
        for e in root.elements() {
            match e.name.as_str() {
                "abstractNum" => {
                    let Some(id) = e.attr("abstractNumId") else {
                        continue;
                    };
                    let mut levels = HashMap::new();
                    for l in e.elements().filter(|l| l.name == "lvl") {
                        let Some(ilvl) = l.attr("ilvl").and_then(|v| v.parse().ok()) else {
                            continue;
                        };
                        levels.insert(
                            ilvl,
                            ListLevel {
                                format: l.child_val("numFmt").unwrap_or("").to_owned(),
                                text: l.child_val("lvlText").unwrap_or("").to_owned(),
                                start: l
                                    .child_val("start")
                                    .and_then(|v| v.parse().ok())
                                    .unwrap_or(1),
                            },
                        );
                    }
                    n.abstracts.insert(id.to_owned(), levels);
                }
                "num" => {
                    if let (Some(id), Some(abs)) = (e.attr("numId"), e.child_val("abstractNumId")) {
                        n.nums.insert(id.to_owned(), abs.to_owned());
                    }
                }
                _ => {}
            }
        }
        n
    }

    pub fn level(&self, num: &str, ilvl: u8) -> Option<&ListLevel> {
        self.abstracts.get(self.nums.get(num)?)?.get(&ilvl)
    }
}

/// `word/_rels/document.xml.rels`: relationship id → target (`media/image1.png`).
pub fn relationships(root: &Element) -> HashMap<String, String> {
    root.elements()
        .filter(|e| e.name == "Relationship")
        .filter_map(|e| Some((e.attr("Id")?.to_owned(), e.attr("Target")?.to_owned())))
        .collect()
}

/// A picture in a paragraph: the relationship id of its media.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    pub rel: String,
    pub alt: String,
}

/// One paragraph as read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Para {
    /// The style's id and name and those of its ancestors, nearest first.
    pub styles: Vec<String>,
    /// The outline level (0 = heading 1) of the paragraph or its style.
    pub outline: Option<u8>,
    /// Word list numbering: numbering id and level.
    pub num: Option<(String, u8)>,
    pub text: String,
    /// Every run with text is bold.
    pub bold: bool,
    pub pictures: Vec<Picture>,
}

/// A table cell: its text, how many grid columns it spans, and whether it continues a
/// vertical merge from the row above.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub span: usize,
    pub continued: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Para(Para),
    Table(Vec<Vec<Cell>>),
}

/// The blocks of `document.xml`'s body, in order.
pub fn blocks(document: &Element, styles: &Styles) -> Vec<Block> {
    let mut out = Vec::new();
    if let Some(body) = document.child("body") {
        body_blocks(body, styles, &mut out);
    }
    out
}

fn body_blocks(el: &Element, styles: &Styles, out: &mut Vec<Block>) {
    for e in el.elements() {
        match e.name.as_str() {
            "p" => {
                // A text box (a cover's code is often in one) reads as the paragraphs in it,
                // before the paragraph that anchors it.
                for content in text_boxes(e) {
                    body_blocks(content, styles, out);
                }
                out.push(Block::Para(para(e, styles)));
            }
            "tbl" => out.push(Block::Table(table(e, styles))),
            "sdt" => {
                if !is_toc(e)
                    && let Some(content) = e.child("sdtContent")
                {
                    body_blocks(content, styles, out);
                }
            }
            "customXml" | "ins" | "moveTo" => body_blocks(e, styles, out),
            _ => {}
        }
    }
}

/// The contents of the text boxes anchored in a paragraph (`w:txbxContent`), once each: of a
/// drawing with a fallback, only the drawing.
fn text_boxes(p: &Element) -> Vec<&Element> {
    let mut found = Vec::new();
    let mut stack: Vec<&Element> = p.elements().collect();
    stack.reverse();
    while let Some(e) = stack.pop() {
        match e.name.as_str() {
            "txbxContent" => found.push(e),
            "Fallback" | "pPr" | "rPr" | "del" => {}
            _ => {
                let at = stack.len();
                stack.extend(e.elements());
                stack[at..].reverse();
            }
        }
    }
    found
}

/// A content control holding a table of contents (`docPartGallery` "Table of Contents").
fn is_toc(sdt: &Element) -> bool {
    sdt.child("sdtPr")
        .and_then(|p| p.find("docPartGallery"))
        .and_then(|g| g.attr("val"))
        .is_some_and(|v| v.to_ascii_lowercase().contains("table of contents"))
}

fn para(p: &Element, styles: &Styles) -> Para {
    let ppr = p.child("pPr");
    let style = ppr.and_then(|p| p.child_val("pStyle"));
    let chain = style.map(|s| styles.chain(s)).unwrap_or_default();
    let mut names = Vec::new();
    if let Some(s) = style {
        names.push(s.to_owned());
    }
    for (id, def) in &chain {
        if !names.iter().any(|n| n == id) {
            names.push((*id).to_owned());
        }
        names.push(def.name.clone());
    }
    let outline = ppr
        .and_then(|p| p.child_val("outlineLvl"))
        .and_then(|v| v.parse().ok())
        .or_else(|| chain.iter().find_map(|(_, d)| d.outline));
    let num = ppr
        .and_then(num_pr)
        .or_else(|| chain.iter().find_map(|(_, d)| d.num.clone()))
        .filter(|(id, _)| id != "0");
    let style_bold = chain.iter().any(|(_, d)| d.bold);
    let mut runs = Runs::default();
    runs.walk(p);
    let text = join_breaks(&runs.text);
    Para {
        styles: names,
        outline,
        num,
        bold: runs.any_text && (runs.all_bold || (style_bold && !runs.any_unbold)),
        text,
        pictures: runs.pictures,
    }
}

/// `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>`
fn num_pr(ppr: &Element) -> Option<(String, u8)> {
    let n = ppr.child("numPr")?;
    let id = n.child_val("numId")?.to_owned();
    let ilvl = n
        .child_val("ilvl")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Some((id, ilvl))
}

/// A toggle property such as `<w:b/>` that is on (absent `val`, or not `0`/`false`).
fn on(rpr: &Element, name: &str) -> bool {
    rpr.child(name)
        .is_some_and(|b| !matches!(b.attr("val"), Some("0" | "false" | "off")))
}

#[derive(Default)]
struct Runs {
    text: String,
    pictures: Vec<Picture>,
    any_text: bool,
    all_bold: bool,
    any_unbold: bool,
    seen_run: bool,
}

impl Runs {
    fn walk(&mut self, el: &Element) {
        for e in el.elements() {
            match e.name.as_str() {
                "r" => self.run(e),
                "ins" | "hyperlink" | "smartTag" | "fldSimple" | "customXml" | "moveTo" | "bdo"
                | "dir" => self.walk(e),
                "sdt" => {
                    if let Some(c) = e.child("sdtContent") {
                        self.walk(c);
                    }
                }
                "AlternateContent" => self.alternate(e),
                _ => {} // pPr, del, moveFrom, bookmarks, comments, proofErr …
            }
        }
    }

    fn alternate(&mut self, e: &Element) {
        if let Some(choice) = e.elements().next() {
            self.walk(choice);
        }
    }

    fn run(&mut self, r: &Element) {
        // Hidden text (`w:vanish`) is not printed: not imported either.
        if r.child("rPr").is_some_and(|p| on(p, "vanish")) {
            return;
        }
        let bold = r.child("rPr").map(|p| {
            (
                on(p, "b"),
                p.child("b")
                    .is_some_and(|b| matches!(b.attr("val"), Some("0" | "false" | "off"))),
            )
        });
        let before = self.text.len();
        for c in r.elements() {
            match c.name.as_str() {
                "t" => self.text.push_str(&c.text()),
                "tab" | "ptab" => self.text.push('\t'),
                "br" | "cr"
                    if c.attr("type") != Some("page") && c.attr("type") != Some("column") =>
                {
                    self.text.push('\n')
                }
                "noBreakHyphen" => self.text.push('-'),
                "drawing" | "pict" | "object" => self.picture(c),
                "AlternateContent" => {
                    if let Some(choice) = c.elements().next() {
                        for d in choice.elements() {
                            if matches!(d.name.as_str(), "drawing" | "pict") {
                                self.picture(d);
                            }
                        }
                    }
                }
                _ => {} // delText, instrText, fldChar, footnoteReference, lastRenderedPageBreak …
            }
        }
        if self.text[before..].trim().is_empty() {
            return;
        }
        let (b, off) = bold.unwrap_or((false, false));
        if !self.seen_run {
            self.all_bold = true;
            self.seen_run = true;
        }
        self.any_text = true;
        self.all_bold &= b;
        self.any_unbold |= off;
    }

    fn picture(&mut self, el: &Element) {
        let alt = el
            .find("docPr")
            .and_then(|d| d.attr("descr").filter(|s| !s.is_empty()).or(d.attr("name")))
            .unwrap_or("")
            .to_owned();
        let rel = el
            .find("blip")
            .and_then(|b| b.attr("embed"))
            .or_else(|| el.find("imagedata").and_then(|i| i.attr("id")));
        if let Some(rel) = rel {
            self.pictures.push(Picture {
                rel: rel.to_owned(),
                alt,
            });
        }
    }
}

/// Line breaks inside a paragraph: nothing between Chinese text, a space between words.
fn join_breaks(text: &str) -> String {
    if !text.contains('\n') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            let prev = out.chars().last();
            let next = chars.get(i + 1).copied();
            if prev.is_some_and(|p| p.is_ascii_alphanumeric())
                && next.is_some_and(|n| n.is_ascii_alphanumeric())
            {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn table(tbl: &Element, styles: &Styles) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for tr in tbl.elements().filter(|e| e.name == "tr") {
        let mut row = Vec::new();
        for tc in cells(tr) {
            let pr = tc.child("tcPr");
            let span = pr
                .and_then(|p| p.child_val("gridSpan"))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, 64);
            let continued = pr
                .and_then(|p| p.child("vMerge"))
                .is_some_and(|v| v.attr("val") != Some("restart"));
            let mut parts = Vec::new();
            cell_text(tc, styles, &mut parts);
            row.push(Cell {
                text: parts.join(" "),
                span,
                continued,
            });
        }
        rows.push(row);
    }
    rows
}

/// The cells of a row, also those inside content controls.
fn cells(tr: &Element) -> Vec<&Element> {
    let mut out = Vec::new();
    for e in tr.elements() {
        match e.name.as_str() {
            "tc" => out.push(e),
            "sdt" => {
                if let Some(c) = e.child("sdtContent") {
                    out.extend(c.elements().filter(|e| e.name == "tc"));
                }
            }
            _ => {}
        }
    }
    out
}

/// The paragraphs of a cell (a table nested in it flattened), as text.
fn cell_text(el: &Element, styles: &Styles, parts: &mut Vec<String>) {
    for e in el.elements() {
        match e.name.as_str() {
            "p" => {
                let t = para(e, styles).text.replace('\t', " ");
                if !t.trim().is_empty() {
                    parts.push(t.trim().to_owned());
                }
            }
            "tbl" | "tr" | "tc" | "sdt" | "sdtContent" => cell_text(e, styles, parts),
            _ => {}
        }
    }
}

/// The text of a node tree (for tests and diagnostics).
#[cfg(test)]
pub fn all_text(el: &Element) -> String {
    use super::xml::Node;
    let mut s = String::new();
    for n in &el.children {
        match n {
            Node::Text(t) => s.push_str(t),
            Node::Element(e) => s.push_str(&all_text(e)),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::xml::parse;
    use super::*;

    fn doc(body: &str) -> Element {
        parse(&format!(
            r#"<w:document xmlns:w="w" xmlns:r="r"><w:body>{body}</w:body></w:document>"#
        ))
        .unwrap()
    }

    fn paras(body: &str, styles: &Styles) -> Vec<Para> {
        blocks(&doc(body), styles)
            .into_iter()
            .filter_map(|b| match b {
                Block::Para(p) => Some(p),
                Block::Table(_) => None,
            })
            .collect()
    }

    #[test]
    fn runs_are_joined_without_deleted_or_hidden_text_fields_or_page_breaks() {
        let p = &paras(
            r#"<w:p><w:bookmarkStart w:id="0"/><w:r><w:t>4.1</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">咨询</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:ins><w:r><w:t>告知</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:br w:type="page"/></w:r><w:commentRangeStart w:id="1"/><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>"#,
            &Styles::default(),
        )[0];
        assert_eq!(p.text, "4.1\t咨询告知");
    }

    #[test]
    fn styles_resolve_through_based_on_and_bold_is_read() {
        let styles = Styles::parse(
            &parse(r#"<w:styles><w:style w:styleId="a5"><w:name w:val="一级条标题"/><w:basedOn w:val="a4"/></w:style><w:style w:styleId="a4"><w:name w:val="章标题"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:styleId="x"><w:name w:val="loop"/><w:basedOn w:val="x"/></w:style></w:styles>"#).unwrap(),
        );
        let ps = paras(
            r#"<w:p><w:pPr><w:pStyle w:val="a5"/></w:pPr><w:r><w:t>告知内容</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="x"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>甲</w:t></w:r><w:r><w:t>乙</w:t></w:r></w:p>"#,
            &styles,
        );
        assert_eq!(ps[0].styles, ["a5", "一级条标题", "a4", "章标题"]);
        assert_eq!(ps[0].outline, Some(0));
        assert!(ps[0].bold);
        assert_eq!(ps[1].styles, ["x", "loop"]);
        assert!(!ps[1].bold);
    }

    #[test]
    fn tables_keep_spans_and_vertical_merges_and_a_toc_control_is_dropped() {
        let blocks = blocks(
            &doc(
                r#"<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>1 范围 1</w:t></w:r></w:p></w:sdtContent></w:sdt><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>乙</w:t></w:r></w:p><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"#,
            ),
            &Styles::default(),
        );
        assert_eq!(blocks.len(), 1);
        let Block::Table(rows) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(rows[0][0].span, 2);
        assert_eq!(rows[1][0].text, "乙 丙");
        assert!(!rows[1][0].continued);
        assert!(rows[1][1].continued);
    }

    #[test]
    fn a_text_box_reads_as_its_paragraphs_once() {
        let ps = paras(
            r#"<w:p><w:r><mc:AlternateContent xmlns:mc="mc"><mc:Choice><w:drawing><wps:txbx xmlns:wps="wps"><w:txbxContent><w:p><w:r><w:t>Q/AQZW 20103—2014</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="v"><w:txbxContent><w:p><w:r><w:t>Q/AQZW 20103—2014</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>封面</w:t></w:r></w:p>"#,
            &Styles::default(),
        );
        let texts: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Q/AQZW 20103—2014", "封面"]);
    }

    #[test]
    fn numbering_levels_and_pictures() {
        let n = Numbering::parse(&parse(r#"<w:numbering><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#).unwrap());
        assert_eq!(n.level("3", 0).unwrap().format, "lowerLetter");
        assert_eq!(n.level("3", 0).unwrap().text, "%1)");
        let p = &paras(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:drawing><wp:inline xmlns:wp="wp"><wp:docPr id="1" name="图片 1"/><a:graphic xmlns:a="a"><a:blip r:embed="rId5"/></a:graphic></wp:inline></w:drawing></w:r></w:p>"#,
            &Styles::default(),
        )[0];
        assert_eq!(p.num, Some(("3".into(), 0)));
        assert_eq!(
            p.pictures,
            [Picture {
                rel: "rId5".into(),
                alt: "图片 1".into()
            }]
        );
        assert_eq!(all_text(&doc("<w:p><w:r><w:t>x</w:t></w:r></w:p>")), "x");
    }
}
