//! Printing the standard-system table and the task list: terminal, Markdown, CSV, JSON.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::table::{Style, new_table};
use super::terminal_safe;
use crate::finding::Lang;
use crate::messages;
use crate::table::{Node, Row, Stat, SystemTable};
use crate::tasks::Task;

/// A table as plain cells: a header and rows, rendered by each format.
pub struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Grid {
    /// A terminal table; user text in the cells is made safe (see [`terminal_safe`]).
    pub fn terminal(&self, style: Style, lang: Lang) -> String {
        let safe = self.rows_safe();
        // A terminal narrower than the table: titles shortened, codes whole; narrower still,
        // one record at a time. A pipe or a file gets every cell whole.
        let width = match style {
            Style::Terminal => super::table::terminal_width(),
            Style::Plain => None,
        };
        let mut header = self.header.clone();
        let mut rows = safe;
        let mut hidden = Vec::new();
        if let Some(width) = width {
            // Columns go from the right (the least needed last) until the rest fits; when even
            // the first four do not, one record at a time.
            loop {
                if let Some(fitted) = super::table::fit(&header, &rows, width) {
                    rows = fitted;
                    break;
                }
                if header.len() <= 4 {
                    let colon = messages::punct(lang).colon;
                    return super::table::records(&self.header, &self.rows_safe(), colon);
                }
                hidden.insert(0, header.pop().unwrap_or_default());
                for r in &mut rows {
                    r.truncate(header.len());
                }
            }
        }
        let names: Vec<&str> = header.iter().map(String::as_str).collect();
        let mut t = new_table(style, &names);
        if style == Style::Terminal && width.is_none() {
            // A terminal that gives no usable width: drawn whole rather than in slivers.
            t.set_content_arrangement(comfy_table::ContentArrangement::Disabled);
        }
        for r in rows {
            t.add_row(r);
        }
        if !hidden.is_empty() {
            let note = messages::columns_hidden(&hidden.join(messages::punct(lang).list));
            return format!("{t}\n{}\n", note.get(lang));
        }
        format!("{t}\n")
    }

    fn rows_safe(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|r| r.iter().map(|c| terminal_safe(c).into_owned()).collect())
            .collect()
    }

    pub fn markdown(&self) -> String {
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        let mut out = String::new();
        let _ = writeln!(
            out,
            "| {} |",
            self.header
                .iter()
                .map(|h| cell(h))
                .collect::<Vec<_>>()
                .join(" | ")
        );
        let _ = writeln!(out, "|{}", " --- |".repeat(self.header.len()));
        for r in &self.rows {
            let _ = writeln!(
                out,
                "| {} |",
                r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
            );
        }
        out
    }

    /// CSV with a UTF-8 BOM, so that Excel opens the Chinese text correctly; CRLF line ends.
    /// A text cell that a spreadsheet would run as a formula is defused (see [`defuse`]);
    /// quoting is the csv crate's: only a cell with a comma, a quote or a line end is quoted.
    pub fn csv(&self) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .flexible(true)
            .from_writer("\u{feff}".as_bytes().to_vec());
        for r in std::iter::once(&self.header).chain(&self.rows) {
            w.write_record(r.iter().map(|c| defuse(c).into_owned()))
                .expect("writing CSV into memory cannot fail");
        }
        let bytes = w.into_inner().expect("writing CSV into memory cannot fail");
        String::from_utf8(bytes).expect("CSV of UTF-8 cells is UTF-8")
    }
}

/// A CSV cell as a spreadsheet may safely read it: text that starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return would be taken for a formula (Excel, WPS, LibreOffice) and gets
/// a leading `'` (the OWASP rule). A plain number such as `-3`, `+1.5` or `-12.5%` is data,
/// not a formula, and is left as it is.
pub fn defuse(cell: &str) -> Cow<'_, str> {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula && !is_plain_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// An optional sign, digits, an optional fraction and an optional `%`: nothing else.
fn is_plain_number(cell: &str) -> bool {
    let unsigned = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let number = unsigned.strip_suffix('%').unwrap_or(unsigned);
    let (whole, fraction) = number.split_once('.').unwrap_or((number, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// A table header in the language asked for.
fn header(lang: Lang, zh: &[&str], en: &[&str]) -> Vec<String> {
    let names = if lang == Lang::Zh { zh } else { en };
    names.iter().map(|h| h.to_string()).collect()
}

/// A cell's text, or the language's dash when there is none.
fn dash(s: Option<&str>, lang: Lang) -> String {
    s.filter(|s| !s.is_empty())
        .unwrap_or(messages::punct(lang).none)
        .to_owned()
}

pub fn detail(t: &SystemTable, lang: Lang) -> Grid {
    let header = header(
        lang,
        &[
            "序号",
            "体系表编号",
            "标准编号",
            "标准名称",
            "级别",
            "来源",
            "状态",
            "实施日期",
            "代替标准号",
            "责任科室",
        ],
        &[
            "#",
            "system no",
            "code",
            "title",
            "level",
            "origin",
            "status",
            "effective",
            "replaces",
            "unit",
        ],
    );
    Grid {
        header,
        rows: t.rows.iter().map(|r| detail_row(r, lang)).collect(),
    }
}

fn detail_row(r: &Row, lang: Lang) -> Vec<String> {
    vec![
        r.index.to_string(),
        r.no.clone(),
        dash(r.code.as_ref().map(ToString::to_string).as_deref(), lang),
        r.title.clone(),
        dash(r.level.map(|l| l.label(lang)), lang),
        dash(r.origin.map(|o| o.label(lang)), lang),
        dash(r.status.map(|s| s.label(lang)), lang),
        dash(r.effective.as_deref(), lang),
        dash(
            Some(&crate::table::joined(
                &r.replaces,
                messages::punct(lang).list,
            )),
            lang,
        ),
        dash(r.unit.as_deref(), lang),
    ]
}

pub fn stats(t: &SystemTable, lang: Lang) -> Grid {
    let header = header(
        lang,
        &["子体系", "级别", "应有数", "现有数", "现有率"],
        &[
            "subsystem",
            "level",
            "required",
            "existing",
            "existing rate",
        ],
    );
    Grid {
        header,
        rows: t.stats.iter().map(|s| stat_row(s, lang)).collect(),
    }
}

/// The first two cells of a statistics line: the subsystem (合计 for the grand total) and the
/// level (小计 for a subtotal).
pub fn stat_labels(s: &Stat, lang: Lang) -> (String, String) {
    let zh = lang == Lang::Zh;
    let subsystem = s
        .subsystem
        .clone()
        .unwrap_or_else(|| if zh { "合计" } else { "total" }.to_owned());
    let level = match (s.level, s.subsystem.is_some()) {
        (Some(l), _) => l.label(lang).to_owned(),
        (None, true) => if zh { "小计" } else { "subtotal" }.to_owned(),
        (None, false) => String::new(),
    };
    (subsystem, level)
}

fn stat_row(s: &Stat, lang: Lang) -> Vec<String> {
    let (subsystem, level) = stat_labels(s, lang);
    vec![
        subsystem,
        level,
        s.planned.to_string(),
        s.existing.to_string(),
        crate::rates::percent_of(s.existing as u64, s.planned as u64)
            .unwrap_or_else(|| messages::punct(lang).none.to_owned()),
    ]
}

/// The structure diagram as an indented tree with counts, for a terminal: each category's
/// 应有数 (its standards and those below, superseded and withdrawn ones left out), as the
/// statistics table counts them.
pub fn tree(t: &SystemTable, lang: Lang) -> String {
    let mut out = format!("{}\n", terminal_safe(&t.center));
    for (i, n) in t.tree.iter().enumerate() {
        let last_sibling = !t.tree[i + 1..]
            .iter()
            .take_while(|m| m.depth >= n.depth)
            .any(|m| m.depth == n.depth);
        let mut prefix = String::new();
        for d in 0..n.depth {
            let open = ancestor_continues(&t.tree, i, d);
            prefix.push_str(if open { "│   " } else { "    " });
        }
        prefix.push_str(if last_sibling {
            "└── "
        } else {
            "├── "
        });
        let count = messages::tree_count(n.planned);
        let _ = writeln!(
            out,
            "{prefix}{} {}{}",
            terminal_safe(&n.code),
            terminal_safe(&n.title),
            count.get(lang)
        );
    }
    if !t.tree.is_empty() {
        out.push_str(messages::tree_counts_note().get(lang));
        out.push('\n');
    }
    out
}

/// Whether the ancestor of node `i` at depth `d` has a later sibling.
fn ancestor_continues(tree: &[Node], i: usize, d: usize) -> bool {
    let Some(anc) = tree[..i].iter().rposition(|m| m.depth == d) else {
        return false;
    };
    tree[anc + 1..]
        .iter()
        .take_while(|m| m.depth >= d)
        .any(|m| m.depth == d)
}

pub fn tasks(groups: &[(Option<String>, Vec<Task>)], lang: Lang) -> Grid {
    let zh = lang == Lang::Zh;
    let header = header(
        lang,
        &[
            "责任科室",
            "体系表编号",
            "标准名称",
            "状态",
            "责任人",
            "完成时限",
            "逾期",
        ],
        &[
            "unit",
            "system no",
            "title",
            "status",
            "owner",
            "due",
            "overdue",
        ],
    );
    let mut rows = Vec::new();
    for (unit, list) in groups {
        for t in list {
            let overdue = match (t.overdue, t.days_overdue) {
                (true, Some(d)) => match (zh, d) {
                    (true, d) => format!("逾期 {d} 天"),
                    (false, 1) => "1 day".to_owned(),
                    (false, d) => format!("{d} days"),
                },
                _ => String::new(),
            };
            rows.push(vec![
                dash(unit.as_deref(), lang),
                t.no.clone(),
                t.title.clone(),
                t.status.label(lang).to_owned(),
                dash(t.owner.as_deref(), lang),
                dash(t.due.as_deref(), lang),
                overdue,
            ]);
        }
    }
    Grid { header, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused_in_csv() {
        for cell in [
            "=HYPERLINK(\"http://x\",\"点击\")",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1:A2)",
            "\t=1",
            "\r=1",
            "-",
            "+",
            "-.5",
            "1-",
        ] {
            let out = defuse(cell);
            if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                assert_eq!(out, format!("'{cell}"), "{cell:?}");
            } else {
                assert_eq!(out, cell, "{cell:?}");
            }
        }
        for number in ["-3", "+12", "-12.5%", "0", "—", "GB/T 1.1-2009", "12.5%"] {
            assert_eq!(defuse(number), number);
        }
        let g = Grid {
            header: vec!["a".into(), "b".into()],
            rows: vec![
                vec!["=1+1".into(), "@x,y".into()],
                vec!["他说\"好\"".into(), "甲\r\n乙".into()],
                vec!["".into(), "-3".into()],
            ],
        };
        assert_eq!(
            g.csv(),
            "\u{feff}a,b\r\n'=1+1,\"'@x,y\"\r\n\"他说\"\"好\"\"\",\"甲\r\n乙\"\r\n,-3\r\n"
        );
    }
}
