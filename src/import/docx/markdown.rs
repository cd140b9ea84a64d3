//! A Word standard's body as the repository's Markdown, with the GB/T 1.1 structure the
//! text lint reads: chapters `## 4 …`, clauses `### 4.1 …`, `## 前言`, appendices
//! `## 附录A（规范性）…` with clauses `### A.1 …`, list items `a)` and `1)`, notes `注：`,
//! pipe tables and pictures. Headings are recognised from Word heading styles, from the
//! named styles of the standard-writing template, or from numbered plain paragraphs.
//! Pure: blocks in, text out.

use std::collections::HashMap;

use super::cover::{self, Cover};
use super::word::{Block, Cell, Numbering, Para};

/// What a paragraph's style says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StyleRole {
    /// A chapter (1) or clause (2 …) heading of the body.
    Heading(usize),
    /// An appendix's own heading (`附录A`).
    Annex,
    /// A clause heading inside an appendix: `A.1` is 1.
    AnnexHeading(usize),
    Preface,
    Title,
    Toc,
    Item(ItemKind),
    Note,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// `a)`
    Letter,
    /// `1)`
    Digit,
    /// `——`
    Dash,
}

/// The role a paragraph's styles give it: Word's built-in headings (`heading 1`,
/// `标题 1`, by id or name), the template's names (`章标题`, `一级条标题`, `前言、引言标题`,
/// `附录标识`, `列项——` …, also with a `标准文件_` prefix), or an outline level.
pub fn style_role(para: &Para) -> Option<StyleRole> {
    for name in &para.styles {
        if let Some(role) = name_role(name) {
            return Some(role);
        }
    }
    para.outline
        .filter(|&l| l < 6)
        .map(|l| StyleRole::Heading(l as usize + 1))
}

fn name_role(name: &str) -> Option<StyleRole> {
    let n: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let n = n.strip_prefix("标准文件_").unwrap_or(&n);
    for prefix in ["heading", "标题"] {
        if let Some(d) = n.strip_prefix(prefix)
            && let Ok(level) = d.parse::<usize>()
            && (1..=9).contains(&level)
        {
            return Some(StyleRole::Heading(level.min(6)));
        }
    }
    if n.starts_with("toc") || n.starts_with("目录") && n.len() > "目录".len() {
        return Some(StyleRole::Toc);
    }
    if n == "title" || n == "标题" || n.contains("标准名称") && !n.contains("目次") {
        return Some(StyleRole::Title);
    }
    if n.contains("附录") && n.contains("标识") {
        return Some(StyleRole::Annex);
    }
    let level = clause_level(n);
    if n.starts_with("附录") {
        if n.contains("章标题") {
            return Some(StyleRole::AnnexHeading(1));
        }
        if let Some(l) = level {
            return Some(StyleRole::AnnexHeading(l + 1));
        }
    }
    if n.contains("章标题") {
        return Some(StyleRole::Heading(1));
    }
    if let Some(l) = level {
        return Some(StyleRole::Heading(l + 1));
    }
    if (n.contains("前言") || n.contains("引言")) && n.contains("标题") {
        return Some(StyleRole::Preface);
    }
    if n.contains("目次") {
        return Some(StyleRole::Toc);
    }
    if n.contains("列项") || n.contains("编号列项") {
        return Some(StyleRole::Item(
            if n.contains("字母") || n.contains("一级") && n.contains("编号") {
                ItemKind::Letter
            } else if n.contains("数字") || n.contains("二级") && n.contains("编号") {
                ItemKind::Digit
            } else {
                ItemKind::Dash
            },
        ));
    }
    if n.starts_with("注") && n.chars().count() <= 4 {
        return Some(StyleRole::Note);
    }
    None
}

/// `一级条标题` → 1 … `五级条标题` → 5.
fn clause_level(n: &str) -> Option<usize> {
    ["一级条", "二级条", "三级条", "四级条", "五级条"]
        .iter()
        .position(|k| n.contains(k) && n.contains("标题"))
        .map(|i| i + 1)
}

/// A number at the start of a paragraph: `4`, `4.1`, `A.1`, followed by a space or a
/// Chinese character.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Numbered<'t> {
    pub letter: Option<char>,
    pub comps: Vec<u32>,
    /// What follows the number, trimmed.
    pub rest: &'t str,
}

pub fn numbered(text: &str) -> Option<Numbered<'_>> {
    let s = text.trim_start();
    let b = s.as_bytes();
    let (letter, mut i) = if b.len() > 2 && b[0].is_ascii_uppercase() && b[1] == b'.' {
        (Some(b[0] as char), 2)
    } else {
        (None, 0)
    };
    let mut comps = Vec::new();
    loop {
        let from = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == from || i - from > 3 {
            return None;
        }
        comps.push(s[from..i].parse().ok()?);
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
        } else {
            break;
        }
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
    }
    let rest = &s[i..];
    match rest.chars().next() {
        None => {}
        Some(c) if c.is_whitespace() => {}
        Some(c) if !c.is_ascii() && !matches!(c, '）' | '、' | '．' | '％') => {}
        _ => return None,
    }
    Some(Numbered {
        letter,
        comps,
        rest: rest.trim(),
    })
}

/// What a converted body holds besides its text: the pictures to copy beside it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Converted {
    /// The Markdown text after the front matter, starting with `# title`.
    pub text: String,
    /// Media part (`word/media/image1.png`) and file name in the picture folder.
    pub pictures: Vec<(String, String)>,
}

/// The document: where its body starts, and the cover before it.
pub struct Document<'a> {
    pub blocks: &'a [Block],
    pub numbering: &'a Numbering,
    /// Relationship id → media part name (`word/media/image1.png`).
    pub media: &'a HashMap<String, String>,
}

impl Document<'_> {
    /// The index of the first block of the body: the first 目次, 前言, heading, appendix
    /// or chapter `1`.
    fn body_start(&self) -> usize {
        self.blocks
            .iter()
            .position(|b| match b {
                Block::Para(p) => starts_body(p),
                Block::Table(_) => false,
            })
            .unwrap_or(0)
    }

    pub fn cover(&self) -> Cover {
        let start = self.body_start();
        let lines: Vec<cover::Line<'_>> = self.blocks[..start]
            .iter()
            .flat_map(|b| match b {
                Block::Para(p) => vec![(p.text.as_str(), style_role(p) == Some(StyleRole::Title))],
                Block::Table(rows) => rows
                    .iter()
                    .flatten()
                    .map(|c| (c.text.as_str(), false))
                    .collect(),
            })
            .map(|(text, titled)| cover::Line { text, titled })
            .collect();
        cover::read(&lines)
    }

    /// The Markdown of the body, titled `title`; pictures linked into `picture_dir`.
    pub fn markdown(&self, title: &str, picture_dir: &str) -> Converted {
        let mut w = Writer::new(self, picture_dir);
        w.push(format!("# {}", escape_line(title)));
        let start = self.body_start();
        let mut i = start;
        while i < self.blocks.len() {
            match &self.blocks[i] {
                Block::Table(rows) => {
                    w.styled = [0; 2];
                    if let Some(t) = table(rows) {
                        w.push(t);
                    }
                }
                Block::Para(p) => {
                    i += w.para(p, &self.blocks[i + 1..], title);
                }
            }
            i += 1;
        }
        let mut text = w.out.join("\n\n");
        text.push('\n');
        Converted {
            text,
            pictures: w.pictures,
        }
    }
}

fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn starts_body(p: &Para) -> bool {
    if let Some(StyleRole::Heading(_) | StyleRole::Annex | StyleRole::Preface | StyleRole::Toc) =
        style_role(p)
    {
        return !p.text.trim().is_empty();
    }
    let c = compact(&p.text);
    if matches!(c.as_str(), "前言" | "引言" | "目次" | "目录") {
        return true;
    }
    numbered(&p.text).is_some_and(|n| {
        n.letter.is_none() && n.comps == [1] && !n.rest.is_empty() && chapter_title(n.rest)
    })
}

/// The title in the paragraph after a clause number written alone: short, plain, not
/// numbered, not a list item.
fn term_after<'b>(n: &Numbered<'_>, next: &'b [Block]) -> Option<&'b str> {
    if !n.rest.is_empty() || n.comps.len() < 2 {
        return None;
    }
    let Some(Block::Para(p)) = next.first() else {
        return None;
    };
    let t = p.text.trim();
    (!t.is_empty()
        && style_role(p).is_none()
        && numbered(t).is_none()
        && literal_item(t).is_none()
        && short_title(t, 30))
    .then_some(t)
}

/// A heading's title: short, without the punctuation of a sentence.
fn short_title(rest: &str, max: usize) -> bool {
    rest.chars().count() <= max
        && !rest.contains(['。', '；', '：', '，', ';', ':', '！', '？'])
        && !rest.starts_with(['）', '、', '．', '％', '%'])
}

/// A chapter's title after a bare figure: not a quantity (`2 个工作日`, `3 日内`).
fn chapter_title(rest: &str) -> bool {
    short_title(rest, 25)
        && !rest.starts_with([
            '个', '份', '名', '人', '日', '天', '次', '年', '月', '小', '分', '秒', '元', '件',
            '项', '米', '倍', '周',
        ])
}

/// `（规范性）`, `（资料性）`, `(规范性附录)` … alone.
fn is_marking(c: &str) -> bool {
    let inner = c
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    c.len() > inner.len() && matches!(inner, "规范性" | "资料性" | "规范性附录" | "资料性附录")
}

/// A literal list item: `a)`, `a）`, `1)`, `——`, `·` … at the start.
fn literal_item(text: &str) -> Option<(ItemKind, String)> {
    let t = text.trim();
    let mut chars = t.chars();
    let first = chars.next()?;
    if first.is_ascii_lowercase() {
        let rest = chars.as_str();
        if let Some(r) = rest.strip_prefix(')').or_else(|| rest.strip_prefix('）')) {
            return Some((ItemKind::Letter, format!("{first}) {}", r.trim())));
        }
    }
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if (1..=2).contains(&digits.len()) {
        let rest = &t[digits.len()..];
        if let Some(r) = rest.strip_prefix(')').or_else(|| rest.strip_prefix('）')) {
            return Some((ItemKind::Digit, format!("{digits}\\) {}", r.trim())));
        }
    }
    for dash in ["——", "—", "·", "•", "●", "◆", "■"] {
        if let Some(r) = t.strip_prefix(dash) {
            return Some((ItemKind::Dash, format!("{dash}{}", r.trim())));
        }
    }
    None
}

fn is_note(t: &str) -> bool {
    let t = t.trim_start();
    t.starts_with("注：")
        || t.starts_with("注:")
        || t.strip_prefix('注').is_some_and(|r| {
            let r = r.trim_start();
            let d = r.chars().take_while(char::is_ascii_digit).count();
            d > 0 && r[d..].trim_start().starts_with(['：', ':'])
        })
}

/// Where the numbering stands, to generate the numbers of styled headings and to tell a
/// numbered plain paragraph from a sentence that starts with a figure.
struct Writer<'d, 'a> {
    doc: &'d Document<'a>,
    picture_dir: &'d str,
    out: Vec<String>,
    pictures: Vec<(String, String)>,
    /// The current number in the body (`[4, 1]`) or in the appendix.
    path: Vec<u32>,
    annex: Option<char>,
    toc: bool,
    /// Items counted so far by Word list instance and level.
    lists: HashMap<(String, u8), u32>,
    /// Items of the list styles so far: letters, digits.
    styled: [u32; 2],
    seen_heading: bool,
}

impl<'d, 'a> Writer<'d, 'a> {
    fn new(doc: &'d Document<'a>, picture_dir: &'d str) -> Self {
        Writer {
            doc,
            picture_dir,
            out: Vec::new(),
            pictures: Vec::new(),
            path: Vec::new(),
            annex: None,
            toc: false,
            lists: HashMap::new(),
            styled: [0; 2],
            seen_heading: false,
        }
    }

    fn push(&mut self, s: String) {
        self.out.push(s);
    }

    /// Writes one paragraph; returns how many following blocks it took in (an appendix
    /// heading spread over several paragraphs).
    fn para(&mut self, p: &Para, next: &[Block], title: &str) -> usize {
        let text = p.text.replace('\t', " ");
        let text = text.trim();
        let c = compact(text);
        let role = style_role(p);
        if role == Some(StyleRole::Toc) || (self.toc && toc_entry(text)) {
            self.toc |= matches!(c.as_str(), "目次" | "目录");
            return 0;
        }
        if matches!(c.as_str(), "目次" | "目录") {
            self.toc = true;
            return 0;
        }
        self.toc = false;
        if text.is_empty() || end_line(text) {
            self.pictures_of(p);
            return 0;
        }
        if !self.seen_heading && (role == Some(StyleRole::Title) || c == compact(title)) {
            return 0;
        }
        if role == Some(StyleRole::Preface) || matches!(c.as_str(), "前言" | "引言") {
            self.styled = [0; 2];
            self.push(format!("## {c}"));
            return 0;
        }
        if matches!(c.as_str(), "参考文献" | "索引") {
            self.styled = [0; 2];
            self.push(format!("## {c}"));
            return 0;
        }
        if role == Some(StyleRole::Annex) || c.starts_with("附录") && annex_line(&c) {
            let taken = self.annex_heading(text, next);
            self.pictures_of(p);
            return taken;
        }
        let styled = match role {
            Some(StyleRole::Heading(l)) => Some((false, l)),
            Some(StyleRole::AnnexHeading(l)) => Some((true, l)),
            _ => None,
        };
        if let Some((in_annex, level)) = styled {
            self.styled_heading(text, in_annex, level);
            self.pictures_of(p);
            return 0;
        }
        if let Some(n) = numbered(text) {
            // A number alone, its title in the next paragraph (a term: `3.1` then `窗口`).
            let joined;
            let (n, took) = match term_after(&n, next) {
                Some(title) => {
                    joined = format!("{text} {title}");
                    (numbered(&joined).unwrap_or(n), 1)
                }
                None => (n, 0),
            };
            if self.plain_heading(&n, p.bold) {
                self.pictures_of(p);
                return took;
            }
        }
        let item = self.item(p, role, text);
        match item {
            Some(line) => self.push(line),
            None => {
                self.styled = [0; 2];
                if role == Some(StyleRole::Note) && !is_note(text) {
                    self.push(format!("注：{}", escape_line(text)));
                } else {
                    self.push(escape_line(text));
                }
            }
        }
        self.pictures_of(p);
        0
    }

    fn pictures_of(&mut self, p: &Para) {
        for pic in &p.pictures {
            let Some(part) = self.doc.media.get(&pic.rel) else {
                continue;
            };
            let base = part.rsplit('/').next().unwrap_or("image");
            // Pictures only: nothing that the loader would read as a standard (`x.md`).
            let ext = base.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
            if !ext.as_deref().is_some_and(|e| PICTURES.contains(&e)) {
                continue;
            }
            let mut name: String = base
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            if name.starts_with('.') {
                name.insert(0, '_');
            }
            if !self.pictures.iter().any(|(p, _)| p == part) {
                while self.pictures.iter().any(|(_, n)| *n == name) {
                    name.insert(0, '_');
                }
                self.pictures.push((part.clone(), name.clone()));
            } else if let Some((_, n)) = self.pictures.iter().find(|(p, _)| p == part) {
                name = n.clone();
            }
            let alt = escape_inline(&pic.alt);
            self.push(format!("![{alt}]({}/{name})", self.picture_dir));
        }
    }

    fn annex_heading(&mut self, text: &str, next: &[Block]) -> usize {
        self.styled = [0; 2];
        self.seen_heading = true;
        let mut heading = text.to_owned();
        if !compact(&heading).starts_with("附录") {
            let letter = self.annex.map_or('A', |l| (l as u8 + 1) as char);
            heading = format!("附录{letter}{heading}");
        }
        let mut taken = 0;
        let mut marked = has_marking(&heading);
        let mut titled = annex_title(&heading);
        for b in next {
            let Block::Para(p) = b else { break };
            let t = p.text.trim();
            if t.is_empty() {
                taken += 1;
                continue;
            }
            let c = compact(t);
            if !marked && is_marking(&c) {
                heading.push_str(t);
                marked = true;
                taken += 1;
            } else if marked
                && !titled
                && numbered(t).is_none()
                && literal_item(t).is_none()
                && short_title(t, 40)
                && !matches!(
                    style_role(p),
                    Some(StyleRole::Heading(2..) | StyleRole::AnnexHeading(_))
                )
            {
                heading.push_str(t);
                titled = true;
                taken += 1;
            } else {
                break;
            }
        }
        let letter = compact(&heading)
            .chars()
            .nth(2)
            .filter(char::is_ascii_uppercase);
        self.annex = letter.or(self.annex.map(|l| (l as u8 + 1) as char));
        self.path.clear();
        self.push(format!("## {}", heading.trim()));
        taken
    }

    fn styled_heading(&mut self, text: &str, annex_style: bool, level: usize) {
        self.styled = [0; 2];
        self.seen_heading = true;
        // In an appendix, `heading 2` is its first level of clauses (`A.1`).
        let (in_annex, depth) = match (self.annex, annex_style) {
            (Some(_), false) => (true, level.saturating_sub(1).max(1)),
            (_, true) => (true, level),
            (None, false) => (false, level),
        };
        let (number, title) = match numbered(text) {
            Some(n) if n.letter.is_some() || !in_annex => {
                self.path = n.comps.clone();
                (self.number_text(n.letter), n.rest.to_owned())
            }
            _ => {
                self.path.truncate(depth);
                while self.path.len() < depth - 1 {
                    self.path.push(1);
                }
                if self.path.len() == depth {
                    if let Some(last) = self.path.last_mut() {
                        *last += 1;
                    }
                } else {
                    self.path.push(1);
                }
                (
                    self.number_text(if in_annex { self.annex } else { None }),
                    text.to_owned(),
                )
            }
        };
        self.heading(&number, &title, in_annex);
    }

    fn number_text(&self, letter: Option<char>) -> String {
        let digits: Vec<String> = self.path.iter().map(u32::to_string).collect();
        match letter {
            Some(l) => format!("{l}.{}", digits.join(".")),
            None => digits.join("."),
        }
    }

    fn heading(&mut self, number: &str, title: &str, in_annex: bool) {
        let depth = self.path.len() + usize::from(in_annex);
        let hashes = "#".repeat((depth + 1).min(6));
        if title.is_empty() {
            self.push(format!("{hashes} {number}"));
        } else {
            self.push(format!("{hashes} {number} {}", escape_inline(title)));
        }
    }

    /// A numbered plain paragraph that fits where the numbering stands. A bold one may have
    /// a longer title.
    fn plain_heading(&mut self, n: &Numbered<'_>, bold: bool) -> bool {
        let k = n.comps.len();
        let fits = match (n.letter, self.annex) {
            (Some(l), Some(a)) if l == a => self.fits(&n.comps),
            (None, None) => self.fits(&n.comps),
            _ => false,
        };
        if !fits {
            return false;
        }
        let titled = !n.rest.is_empty()
            && if k == 1 && n.letter.is_none() {
                chapter_title(n.rest) || bold && short_title(n.rest, 40)
            } else {
                short_title(n.rest, if bold { 40 } else { 30 })
            };
        if k == 1 && n.letter.is_none() && !titled {
            return false;
        }
        self.styled = [0; 2];
        self.seen_heading = true;
        self.path = n.comps.clone();
        let number = self.number_text(n.letter);
        if titled || n.rest.is_empty() {
            self.heading(&number, n.rest, n.letter.is_some());
        } else {
            // A clause without a title: its number as the heading, its text below.
            self.heading(&number, "", n.letter.is_some());
            self.push(escape_line(n.rest));
        }
        true
    }

    /// Whether `comps` can follow the current number: a next chapter (a few may be
    /// missing), or a clause under the current parents.
    fn fits(&self, comps: &[u32]) -> bool {
        let k = comps.len();
        let last = comps[k - 1];
        if last == 0 || k > 6 {
            return false;
        }
        if self.path.len() < k - 1 || self.path[..k - 1] != comps[..k - 1] {
            return false;
        }
        let cur = self.path.get(k - 1).copied().unwrap_or(0);
        last > cur && last <= cur + 3
    }

    /// A list item: literal (`a)` typed), from Word numbering (counted per list instance
    /// across the document, as Word counts; a shallower item restarts the deeper levels),
    /// or from a list style (restarted by any other paragraph; a letter item restarts the
    /// digits under it).
    fn item(&mut self, p: &Para, role: Option<StyleRole>, text: &str) -> Option<String> {
        if let Some((kind, line)) = literal_item(text) {
            if kind == ItemKind::Letter {
                self.styled[1] = 0;
            }
            return Some(line);
        }
        let (kind, n) = if let Some((num, ilvl)) = &p.num {
            let level = self.doc.numbering.level(num, *ilvl)?;
            let kind = match level.format.as_str() {
                "lowerLetter" => ItemKind::Letter,
                "decimal" => ItemKind::Digit,
                "bullet" => ItemKind::Dash,
                _ => return None,
            };
            self.lists.retain(|(l, lv), _| !(l == num && lv > ilvl));
            let n = self
                .lists
                .entry((num.clone(), *ilvl))
                .or_insert(level.start.saturating_sub(1));
            *n += 1;
            (kind, *n)
        } else if let Some(StyleRole::Item(kind)) = role {
            let n = match kind {
                ItemKind::Letter => {
                    self.styled[1] = 0;
                    &mut self.styled[0]
                }
                ItemKind::Digit | ItemKind::Dash => &mut self.styled[1],
            };
            *n += 1;
            (kind, *n)
        } else {
            return None;
        };
        let text = escape_inline(text);
        Some(match kind {
            ItemKind::Letter => format!("{}) {text}", letter(n)),
            ItemKind::Digit => format!("{n}\\) {text}"),
            ItemKind::Dash => format!("——{text}"),
        })
    }
}

fn letter(n: u32) -> char {
    (b'a' + ((n.saturating_sub(1)) % 26) as u8) as char
}

/// The line that ends a GB/T 1.1 document (终结线), typed as underscores or dashes.
fn end_line(text: &str) -> bool {
    text.chars().count() >= 3
        && text
            .chars()
            .all(|c| matches!(c, '_' | '—' | '-' | '─' | '＿'))
}

/// A line of a table of contents: ends in a page number.
fn toc_entry(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with(|c: char| c.is_ascii_digit() || matches!(c, 'Ⅰ' | 'Ⅱ' | 'Ⅲ' | 'Ⅳ' | 'I' | 'V'))
}

/// `附录A`, `附录 A`, `附录A（规范性）…`: an appendix heading, not a sentence about one.
fn annex_line(c: &str) -> bool {
    let rest = &c["附录".len()..];
    let mut chars = rest.chars();
    matches!(chars.next(), Some('A'..='Z' | 'Ａ'..='Ｚ'))
        && chars
            .next()
            .is_none_or(|c| matches!(c, '（' | '(') || !c.is_ascii())
        && !c.contains(['。', '，', '；'])
        && c.chars().count() <= 50
}

fn has_marking(h: &str) -> bool {
    h.contains("规范性") || h.contains("资料性")
}

/// Whether an appendix heading already has its title after the marking.
fn annex_title(h: &str) -> bool {
    let c = compact(h);
    match c.rfind(['）', ')']) {
        Some(i) => c[i..].chars().count() > 1,
        None => false,
    }
}

/// A paragraph that Markdown would read as something else (`# …`, `> …`, `- …`,
/// `1. …`): its first character escaped.
fn escape_line(text: &str) -> String {
    let t = escape_inline(text.trim());
    let first = t.chars().next();
    let ordered = {
        let d = t.chars().take_while(char::is_ascii_digit).count();
        d > 0 && matches!(t[d..].chars().next(), Some('.' | ')'))
    };
    if matches!(
        first,
        Some('#' | '>' | '-' | '+' | '*' | '=' | '|' | '~' | '`')
    ) {
        format!("\\{t}")
    } else if ordered {
        let d = t.chars().take_while(char::is_ascii_digit).count();
        format!("{}\\{}", &t[..d], &t[d..])
    } else {
        t
    }
}

/// Inline text: `<` and the emphasis and link characters kept literal.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A Word table as a pipe table: the first row is the header; a cell spanning columns is
/// followed by empty cells, a cell continuing a vertical merge repeats the short text above
/// (a long one is not repeated: the table stays linear in the document). At most
/// `MAX_COLUMNS` columns: the text of cells beyond goes into the last one.
fn table(rows: &[Vec<Cell>]) -> Option<String> {
    let mut grid: Vec<Vec<String>> = Vec::new();
    for row in rows {
        let mut line: Vec<String> = Vec::new();
        for cell in row {
            let col = line.len();
            let text = if cell.continued {
                grid.last()
                    .and_then(|above| above.get(col))
                    .filter(|t| t.chars().count() <= MAX_REPEATED)
                    .cloned()
                    .unwrap_or_default()
            } else {
                cell_md(&cell.text)
            };
            if col >= MAX_COLUMNS {
                if let Some(last) = line.last_mut()
                    && !text.is_empty()
                {
                    last.push(' ');
                    last.push_str(&text);
                }
                continue;
            }
            line.push(text);
            for _ in 1..cell.span.min(MAX_COLUMNS - col) {
                line.push(String::new());
            }
        }
        grid.push(line);
    }
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return None;
    }
    let mut out = Vec::new();
    for (i, row) in grid.iter_mut().enumerate() {
        row.resize(width, String::new());
        out.push(format!("| {} |", row.join(" | ")));
        if i == 0 {
            out.push(format!("|{}", " --- |".repeat(width)));
        }
    }
    Some(out.join("\n"))
}

/// The media copied beside a standard, by extension.
const PICTURES: [&str; 11] = [
    "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "emf", "wmf", "webp", "svg",
];

/// Columns of a table beyond this many are folded into the last one.
const MAX_COLUMNS: usize = 64;
/// A vertically merged cell repeats the text above when it is at most this long.
const MAX_REPEATED: usize = 100;

fn cell_md(text: &str) -> String {
    escape_inline(text.trim()).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::super::word::{Picture, Styles, blocks};
    use super::super::xml::parse;
    use super::*;

    fn p(text: &str, styles: &[&str]) -> Block {
        Block::Para(Para {
            styles: styles.iter().map(|s| (*s).to_owned()).collect(),
            text: text.to_owned(),
            ..Para::default()
        })
    }

    fn md(blocks: &[Block]) -> String {
        let numbering = Numbering::default();
        let media = HashMap::from([
            ("rId9".to_owned(), "word/media/image1.png".to_owned()),
            ("rId8".to_owned(), "word/media/x.MD".to_owned()),
        ]);
        let doc = Document {
            blocks,
            numbering: &numbering,
            media: &media,
        };
        doc.markdown("一次性告知制", "201-03-一次性告知制").text
    }

    const COVER: [&str; 3] = [
        "Q/AQZW 20103—2014",
        "一次性告知制",
        "2014-03-25 发布 2014-04-01 实施",
    ];

    fn with_cover(body: Vec<Block>) -> Vec<Block> {
        let mut all: Vec<Block> = COVER.iter().map(|t| p(t, &[])).collect();
        all.extend(body);
        all
    }

    #[test]
    fn headings_from_built_in_styles_by_id_and_by_name() {
        let got = md(&with_cover(vec![
            p("前言", &["a3", "前言、引言标题"]),
            p("本文件按照GB/T 1.1—2009给出的规则起草。", &[]),
            p("一次性告知制", &[]),
            p("1 范围", &["1", "heading 1"]),
            p("告知内容", &["Heading1"]),
            p("咨询告知", &["2", "heading 2"]),
            p("4.2 补正告知", &["标题 2"]),
        ]));
        assert_eq!(
            got,
            "# 一次性告知制\n\n## 前言\n\n本文件按照GB/T 1.1—2009给出的规则起草。\n\n## 1 范围\n\n## 2 告知内容\n\n### 2.1 咨询告知\n\n### 4.2 补正告知\n"
        );
    }

    #[test]
    fn headings_from_template_names_with_generated_numbers() {
        let got = md(&with_cover(vec![
            p("范围", &["af0", "标准文件_章标题"]),
            p("本文件规定了……", &["段"]),
            p("规范性引用文件", &["章标题"]),
            p("一般要求", &["一级条标题"]),
            p("告知", &["二级条标题"]),
            p("登记", &["二级条标题"]),
            p("其他", &["一级条标题"]),
            p("", &["附录标识"]),
            p("（规范性）", &["附录标识"]),
            p("告知单式样", &["附录标识"]),
            p("内容", &["附录章标题"]),
            p("格式", &["附录章标题"]),
        ]));
        assert_eq!(
            got,
            "# 一次性告知制\n\n## 1 范围\n\n本文件规定了……\n\n## 2 规范性引用文件\n\n### 2.1 一般要求\n\n#### 2.1.1 告知\n\n#### 2.1.2 登记\n\n### 2.2 其他\n\n## 附录A（规范性）告知单式样\n\n### A.1 内容\n\n### A.2 格式\n"
        );
    }

    #[test]
    fn headings_from_numbered_plain_paragraphs_and_sentences_that_are_not() {
        let got = md(&with_cover(vec![
            p("目次", &[]),
            p("前言\tI", &[]),
            p("1 范围\t1", &[]),
            p("前言", &[]),
            p("1 范围", &[]),
            p("4 服务要求", &[]),
            p("2 个工作日内办结。", &[]),
            Block::Para(Para {
                text: "5 窗口服务人员的基本行为规范与服务质量的监督检查与考核评价要求".to_owned(),
                bold: true,
                ..Para::default()
            }),
            p(
                "6 窗口服务人员的基本行为规范与服务质量的监督检查与考核评价要求",
                &[],
            ),
            p("5.1", &[]),
            p("日常巡查", &[]),
            p("5.1.1 窗口应当场告知；不能当场告知的，应在2日内告知。", &[]),
            p("3 个工作日", &[]),
            p("附录A", &[]),
            p("（资料性）", &[]),
            p("检查记录内容", &[]),
            p("A.1 基本信息", &[]),
            p("见附录A（资料性）。", &[]),
        ]));
        assert_eq!(
            got,
            "# 一次性告知制\n\n## 前言\n\n## 1 范围\n\n## 4 服务要求\n\n2 个工作日内办结。\n\n## 5 窗口服务人员的基本行为规范与服务质量的监督检查与考核评价要求\n\n6 窗口服务人员的基本行为规范与服务质量的监督检查与考核评价要求\n\n### 5.1 日常巡查\n\n#### 5.1.1\n\n窗口应当场告知；不能当场告知的，应在2日内告知。\n\n3 个工作日\n\n## 附录A（资料性）检查记录内容\n\n### A.1 基本信息\n\n见附录A（资料性）。\n"
        );
    }

    #[test]
    fn an_appendix_heading_over_three_heading_1_paragraphs() {
        let got = md(&with_cover(vec![
            p("1 范围", &["heading 1"]),
            p("附录A", &["heading 1"]),
            p("（规范性）", &["heading 1"]),
            p("告知单式样", &["heading 1"]),
            p("内容", &["heading 2"]),
            p("A.2 格式", &["heading 2"]),
        ]));
        assert_eq!(
            got,
            "# 一次性告知制\n\n## 1 范围\n\n## 附录A（规范性）告知单式样\n\n### A.1 内容\n\n### A.2 格式\n"
        );
    }

    #[test]
    fn lists_notes_pictures_and_escapes() {
        let mut pic = Para {
            text: String::new(),
            ..Para::default()
        };
        pic.pictures.push(Picture {
            rel: "rId9".into(),
            alt: "流程图".into(),
        });
        pic.pictures.push(Picture {
            rel: "rId8".into(),
            alt: "not a picture".into(),
        });
        let got = md(&with_cover(vec![
            p("1 范围", &[]),
            p("a）事项的办理依据；", &[]),
            p("1) 名称；", &[]),
            p("办理流程", &["字母编号列项（一级）"]),
            p("承诺时限", &["字母编号列项（一级）"]),
            p("份数", &["数字编号列项（二级）"]),
            p("告知单", &["列项——"]),
            p("注：告知单一式两联。", &[]),
            p("窗口留存。", &["注："]),
            Block::Para(pic),
            p("# 不是标题 *强调* [链接]", &[]),
            p("10. 不是列表", &[]),
            p("______________", &[]),
        ]));
        assert_eq!(
            got,
            "# 一次性告知制\n\n## 1 范围\n\na) 事项的办理依据；\n\n1\\) 名称；\n\na) 办理流程\n\nb) 承诺时限\n\n1\\) 份数\n\n——告知单\n\n注：告知单一式两联。\n\n注：窗口留存。\n\n![流程图](201-03-一次性告知制/image1.png)\n\n\\# 不是标题 \\*强调\\* \\[链接\\]\n\n10\\. 不是列表\n"
        );
    }

    #[test]
    fn word_numbering_gives_letters_and_digits() {
        let numbering = Numbering::parse(&parse(r#"<w:numbering><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#).unwrap());
        let body = parse(r#"<w:document><w:body><w:p><w:r><w:t>1 范围</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>甲</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>子</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>乙</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>丑</w:t></w:r></w:p></w:body></w:document>"#).unwrap();
        let blocks = blocks(&body, &Styles::default());
        let media = HashMap::new();
        let doc = Document {
            blocks: &blocks,
            numbering: &numbering,
            media: &media,
        };
        assert_eq!(
            doc.markdown("T", "d").text,
            "# T\n\n## 1 范围\n\na) 甲\n\n1\\) 子\n\nb) 乙\n\n1\\) 丑\n"
        );
    }

    #[test]
    fn word_lists_count_across_paragraphs_and_style_lists_restart() {
        let numbering = Numbering::parse(&parse(r#"<w:numbering><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num></w:numbering>"#).unwrap());
        let item = |t: &str, num: &str| {
            Block::Para(Para {
                text: t.to_owned(),
                num: Some((num.to_owned(), 0)),
                ..Para::default()
            })
        };
        let blocks = vec![
            p("1 范围", &[]),
            item("甲", "5"),
            p("说明。", &[]),
            item("乙", "5"),
            item("丙", "6"),
            p("办理流程", &["字母编号列项（一级）"]),
            p("说明。", &[]),
            p("承诺时限", &["字母编号列项（一级）"]),
        ];
        let media = HashMap::new();
        let doc = Document {
            blocks: &blocks,
            numbering: &numbering,
            media: &media,
        };
        assert_eq!(
            doc.markdown("T", "d").text,
            "# T\n\n## 1 范围\n\na) 甲\n\n说明。\n\nb) 乙\n\n3\\) 丙\n\na) 办理流程\n\n说明。\n\na) 承诺时限\n"
        );
    }

    #[test]
    fn tables_repeat_vertical_merges_and_escape_pipes() {
        let cell = |t: &str, span: usize, continued: bool| Cell {
            text: t.to_owned(),
            span,
            continued,
        };
        let rows = vec![
            vec![cell("项目", 1, false), cell("要求", 2, false)],
            vec![
                cell("告知", 1, false),
                cell("a|b", 1, false),
                cell("c", 1, false),
            ],
            vec![cell("", 1, true), cell("d", 1, false)],
        ];
        assert_eq!(
            table(&rows).unwrap(),
            "| 项目 | 要求 |  |\n| --- | --- | --- |\n| 告知 | a\\|b | c |\n| 告知 | d |  |"
        );
        assert_eq!(table(&[]), None);
        // A hostile table stays linear: no more than MAX_COLUMNS columns, long text not
        // repeated down a merge.
        let wide = vec![vec![cell("x", 10_000, false), cell("y", 1, false)]];
        let t = table(&wide).unwrap();
        assert_eq!(
            t.lines().next().unwrap().matches(" | ").count(),
            MAX_COLUMNS - 1
        );
        assert!(t.lines().next().unwrap().ends_with("  y |"));
        let long = "长".repeat(MAX_REPEATED + 1);
        let merged = vec![vec![cell(&long, 1, false)], vec![cell("", 1, true)]];
        assert_eq!(table(&merged).unwrap().lines().nth(2), Some("|  |"));
    }

    #[test]
    fn the_cover_ends_where_the_body_starts() {
        let numbering = Numbering::default();
        let media = HashMap::new();
        let blocks = with_cover(vec![p("1 范围", &[]), p("Q/AQZW 99999-2014", &[])]);
        let doc = Document {
            blocks: &blocks,
            numbering: &numbering,
            media: &media,
        };
        let cover = doc.cover();
        assert_eq!(cover.code.unwrap().1.to_string(), "Q/AQZW 20103-2014");
        assert_eq!(cover.title.as_deref(), Some("一次性告知制"));
    }
}
