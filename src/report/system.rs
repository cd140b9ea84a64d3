//! Printing the standard-system table and the task list: terminal, Markdown, CSV, JSON.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::table::{Arrangement, Screen, Tone, arrange, cell, new_table, records};
use super::terminal_safe;
use crate::finding::{Lang, Msg};
use crate::messages::{self, Heading};
use crate::table::{Node, Row, Stat, SystemTable};
use crate::tasks::Task;

/// A table as plain cells: a header and rows, rendered by each format. The terminal also uses
/// the abbreviated headings (`short`, by column) when narrow and the tones (by row and column;
/// missing ones are plain) when coloured.
pub struct Grid {
    pub header: Vec<String>,
    pub short: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub tones: Vec<Vec<Tone>>,
    /// The columns a narrow terminal leaves out, in that order; empty: from the right.
    pub leave_out: Vec<usize>,
}

impl Grid {
    /// A grid without abbreviated headings or tones.
    pub fn new(header: Vec<String>, rows: Vec<Vec<String>>) -> Grid {
        Grid {
            short: header.clone(),
            header,
            rows,
            tones: Vec::new(),
            leave_out: Vec::new(),
        }
    }

    /// A terminal table for `screen`; user text in the cells is made safe (see
    /// [`terminal_safe`]). A terminal narrower than the table gets narrow columns first
    /// (abbreviated headings), then titles shortened (codes whole), then columns left out from
    /// the right with a note, and one record at a time below 60 columns; with no width (a
    /// pipe, `--wide`) every cell whole. Colour, when asked, is added after the fitting.
    pub fn terminal(&self, screen: Screen, lang: Lang) -> String {
        let safe = self.rows_safe();
        let arranged = arrange(
            &self.header,
            &self.short,
            &safe,
            screen.width,
            &self.leave_out,
        );
        let Arrangement::Columns {
            columns,
            header,
            rows,
        } = arranged
        else {
            return records(&self.header, &safe, &self.tones, screen.color, lang);
        };
        let names: Vec<&str> = header.iter().map(String::as_str).collect();
        let mut t = new_table(screen, &names);
        for (k, r) in rows.into_iter().enumerate() {
            let tones = self.tones.get(k).map_or(&[][..], Vec::as_slice);
            t.add_row(
                r.into_iter().zip(&columns).map(|(c, &i)| {
                    cell(c, tones.get(i).copied().unwrap_or_default(), screen.color)
                }),
            );
        }
        let hidden: Vec<&str> = (0..self.header.len())
            .filter(|i| !columns.contains(i))
            .map(|i| self.header[i].as_str())
            .collect();
        if !hidden.is_empty() {
            let note = messages::columns_hidden_wide(&hidden.join(messages::punct(lang).list));
            let note = super::table::wrap(note.get(lang), screen.width);
            return format!("{t}\n{note}\n");
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
pub fn header(lang: Lang, names: &[Msg]) -> Vec<String> {
    names.iter().map(|h| h.get(lang).to_owned()).collect()
}

/// The full and the abbreviated headings of `columns` in the language asked for.
fn headings(lang: Lang, columns: &[Heading]) -> (Vec<String>, Vec<String>) {
    columns
        .iter()
        .map(|h| (h.full.get(lang).to_owned(), h.short.get(lang).to_owned()))
        .unzip()
}

/// A cell's text, or the language's dash when there is none.
fn dash(s: Option<&str>, lang: Lang) -> String {
    s.filter(|s| !s.is_empty())
        .unwrap_or(messages::punct(lang).none)
        .to_owned()
}

pub fn detail(t: &SystemTable, lang: Lang) -> Grid {
    use crate::messages as m;
    let (header, short) = headings(
        lang,
        &[
            m::heading_index(),
            m::heading_system_no(),
            m::heading_code(),
            m::heading_title(),
            m::heading_level(),
            m::heading_origin(),
            m::heading_status(),
            m::heading_effective(),
            m::heading_replaces(),
            m::heading_unit(),
        ],
    );
    Grid {
        header,
        short,
        rows: t.rows.iter().map(|r| detail_row(r, lang)).collect(),
        tones: t.rows.iter().map(detail_tones).collect(),
        leave_out: Vec::new(),
    }
}

/// The colours of a detail row: a standard still to be made has its status in yellow; one no
/// longer in force (superseded, withdrawn) is dimmed whole.
fn detail_tones(r: &Row) -> Vec<Tone> {
    const STATUS: usize = 6;
    let mut tones = vec![Tone::Plain; 10];
    match r.status {
        Some(s) if s.retired() => tones.fill(Tone::Faded),
        Some(s) if s.pending() => tones[STATUS] = Tone::Pending,
        _ => {}
    }
    tones
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
        &[
            messages::stats_heading_subsystem(),
            messages::heading_level().full,
            messages::stats_heading_required(),
            messages::stats_heading_existing(),
            messages::stats_heading_rate(),
        ],
    );
    Grid::new(header, t.stats.iter().map(|s| stat_row(s, lang)).collect())
}

/// The first two cells of a statistics line: the subsystem (合计 for the grand total) and the
/// level (小计 for a subtotal).
pub fn stat_labels(s: &Stat, lang: Lang) -> (String, String) {
    let subsystem = s
        .subsystem
        .clone()
        .unwrap_or_else(|| messages::stats_total().get(lang).to_owned());
    let level = match (s.level, s.subsystem.is_some()) {
        (Some(l), _) => l.label(lang).to_owned(),
        (None, true) => messages::stats_subtotal().get(lang).to_owned(),
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

/// The task list: one row a task; an overdue task has its due date and its mark in red.
/// A narrow terminal keeps the due date and the mark longest.
pub fn tasks(groups: &[(Option<String>, Vec<Task>)], lang: Lang) -> Grid {
    use crate::messages as m;
    let (header, short) = headings(
        lang,
        &[
            m::heading_unit(),
            m::heading_system_no(),
            m::heading_title(),
            m::heading_status(),
            m::heading_owner(),
            m::heading_due(),
            m::heading_overdue(),
        ],
    );
    let mut rows = Vec::new();
    let mut tones = Vec::new();
    for (unit, list) in groups {
        for t in list {
            let overdue = match (t.overdue, t.days_overdue) {
                (true, Some(d)) => messages::days_overdue(d).get(lang).to_owned(),
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
            let late = if t.overdue { Tone::Bad } else { Tone::Plain };
            let mut row = vec![Tone::Plain; 7];
            row[5] = late;
            row[6] = late;
            tones.push(row);
        }
    }
    Grid {
        header,
        short,
        rows,
        tones,
        // What a narrow terminal gives up first: the owner, the status, then the unit (the
        // rows are grouped by it); the due date and the overdue mark stay.
        leave_out: vec![4, 3, 0],
    }
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
        let g = Grid::new(
            vec!["a".into(), "b".into()],
            vec![
                vec!["=1+1".into(), "@x,y".into()],
                vec!["他说\"好\"".into(), "甲\r\n乙".into()],
                vec!["".into(), "-3".into()],
            ],
        );
        assert_eq!(
            g.csv(),
            "\u{feff}a,b\r\n'=1+1,\"'@x,y\"\r\n\"他说\"\"好\"\"\",\"甲\r\n乙\"\r\n,-3\r\n"
        );
    }
}
