//! Terminal tables: comfy-table with CJK-aware widths, fitted to the width the context found
//! (headings abbreviated, titles shortened, columns left out, one record at a time below
//! [`RECORDS_BELOW`] columns) and coloured when the context says so; a plain fixed layout
//! when not a terminal. Widths are always measured on the text, before any colour is added.

use comfy_table::presets::{ASCII_MARKDOWN, UTF8_FULL_CONDENSED};
use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table};
use crossterm::style::Stylize;

use crate::finding::Lang;

/// How a terminal table is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// A terminal: box drawing, fitted to the width.
    Terminal,
    /// A pipe or file: fixed layout, no styling.
    Plain,
}

/// Where a table is printed, as the context resolved it once for every command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Screen {
    pub style: Style,
    /// Whether to colour: the context's one decision (`--color`, `NO_COLOR`, a terminal).
    pub color: bool,
    /// The columns to fit the table in; `None` to print every cell whole (a pipe, `--wide`,
    /// a terminal that reports no width).
    pub width: Option<usize>,
}

impl Screen {
    /// The same screen with no width to fit in: `--wide`.
    pub fn wide(self) -> Screen {
        Screen {
            width: None,
            ..self
        }
    }
}

/// What a cell says, for its colour: restrained, so that a coloured table still reads as a
/// table. Without colour every tone is plain text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tone {
    #[default]
    Plain,
    /// A target met: green.
    Good,
    /// A target missed, a task overdue: red.
    Bad,
    /// Still to do or not to be judged yet (planned, drafting, review; no denominator): yellow.
    Pending,
    /// No longer in force (superseded, withdrawn): dimmed.
    Faded,
}

/// Below this many columns a table is printed one record at a time (see [`records`]).
pub const RECORDS_BELOW: usize = 60;

/// A comfy table for `screen` with `header` (bold when coloured). A known width is handed to
/// comfy-table as the width to keep to; without one the table is drawn whole.
pub fn new_table(screen: Screen, header: &[&str]) -> Table {
    let mut table = Table::new();
    match screen.style {
        Style::Terminal => {
            table.load_style(UTF8_FULL_CONDENSED);
            match screen.width.and_then(|w| u16::try_from(w).ok()) {
                Some(width) => {
                    table
                        .set_width(width)
                        .set_content_arrangement(ContentArrangement::Dynamic);
                }
                // A terminal that gives no usable width: drawn whole rather than in slivers.
                None => {
                    table.set_content_arrangement(ContentArrangement::Disabled);
                }
            }
        }
        Style::Plain => {
            table
                .load_style(ASCII_MARKDOWN)
                .force_no_tty()
                .set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    if screen.color {
        // crossterm, which writes comfy-table's colours, drops them when NO_COLOR is set; the
        // decision was the context's (`--color always` wins over NO_COLOR, as for `check`).
        crossterm::style::force_color_output(true);
        table.enforce_styling();
        // The escapes around the words, not around the padding of the cell.
        table.style_text_only();
    }
    table.set_header(
        header
            .iter()
            .map(|h| {
                let cell = Cell::new(h);
                if screen.color {
                    cell.add_attribute(Attribute::Bold)
                } else {
                    cell
                }
            })
            .collect::<Vec<_>>(),
    );
    table
}

/// A cell of `text` in `tone`, coloured only when `color`.
pub fn cell(text: impl Into<String>, tone: Tone, color: bool) -> Cell {
    let cell = Cell::new(text.into());
    if !color {
        return cell;
    }
    match tone {
        Tone::Plain => cell,
        Tone::Good => cell.fg(Color::DarkGreen),
        Tone::Bad => cell.fg(Color::Red),
        Tone::Pending => cell.fg(Color::DarkYellow),
        Tone::Faded => cell.add_attribute(Attribute::Dim),
    }
}

/// `text` in `tone` with the escapes comfy-table would write around a cell (see [`cell`]),
/// for text outside a table; `bold` for a label.
pub fn paint(text: &str, tone: Tone, bold: bool) -> String {
    crossterm::style::force_color_output(true);
    let mut styled = text.stylize();
    styled = match tone {
        Tone::Plain => styled,
        Tone::Good => styled.with(crossterm::style::Color::DarkGreen),
        Tone::Bad => styled.with(crossterm::style::Color::Red),
        Tone::Pending => styled.with(crossterm::style::Color::DarkYellow),
        Tone::Faded => styled.attribute(crossterm::style::Attribute::Dim),
    };
    if bold {
        styled = styled.attribute(crossterm::style::Attribute::Bold);
    }
    styled.to_string()
}

/// The width terminal tables are fitted to: `COLUMNS` when it holds a positive number (even
/// for a pipe: the width was asked for), else the terminal's own when standard output is one
/// (`tty`). `None`, no fitting, for a pipe without `COLUMNS` and for a terminal that reports
/// 0 columns (a 0×0 tty): a width that small means nothing is known, not a table of slivers.
pub fn terminal_width(columns: Option<&str>, tty: bool) -> Option<usize> {
    let asked = columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| *w > 0);
    asked.or_else(|| {
        let (width, _) = crossterm::terminal::size().ok().filter(|_| tty)?;
        Some(usize::from(width)).filter(|w| *w > 0)
    })
}

/// How a table is laid out in a given width.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// Columns: which of the table's columns are kept (their indices, in order), the headings
    /// to print for them (some abbreviated) and the rows (titles perhaps shortened).
    Columns {
        columns: Vec<usize>,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// One record at a time (see [`records`]).
    Records,
}

/// Lays out a table (`header`, its abbreviated headings `short`, `rows`) in `width` columns:
/// every cell whole when no width is given or it all fits; else narrow columns first (their
/// headings abbreviated, then the titles shortened, see [`fit`]), then columns left out one
/// by one in the order of `leave_out` (indices; empty: from the right, the least needed last,
/// down to four); one record at a time below [`RECORDS_BELOW`] columns or when even that does
/// not fit.
pub fn arrange(
    header: &[String],
    short: &[String],
    rows: &[Vec<String>],
    width: Option<usize>,
    leave_out: &[usize],
) -> Arrangement {
    let mut columns: Vec<usize> = (0..header.len()).collect();
    let Some(width) = width else {
        return Arrangement::Columns {
            columns,
            header: header.to_vec(),
            rows: rows.to_vec(),
        };
    };
    if width < RECORDS_BELOW {
        return Arrangement::Records;
    }
    let from_the_right: Vec<usize> = (4..header.len()).rev().collect();
    let order = if leave_out.is_empty() {
        &from_the_right
    } else {
        leave_out
    };
    let pick = |cells: &[String], columns: &[usize]| -> Vec<String> {
        columns
            .iter()
            .map(|&i| cells.get(i).cloned().unwrap_or_default())
            .collect()
    };
    let mut next = order.iter();
    loop {
        let kept: Vec<Vec<String>> = rows.iter().map(|r| pick(r, &columns)).collect();
        if let Some((heads, fitted)) = fit(
            &pick(header, &columns),
            &pick(short, &columns),
            &kept,
            width,
        ) {
            return Arrangement::Columns {
                columns,
                header: heads,
                rows: fitted,
            };
        }
        match next.next() {
            Some(gone) => columns.retain(|i| i != gone),
            None => return Arrangement::Records,
        }
    }
}

/// Fits the first `header.len()` columns of `rows` into `width` terminal columns. Every column
/// keeps its content width (codes and numbers are never split). When the whole does not fit,
/// first a column whose heading is wider than all its cells gets its abbreviated heading
/// (`short`, same position; 体系表编号 → 编号); then the widest column, the text one (titles),
/// has its cells shortened with `…` to what is left. `None` when that leaves the text column
/// fewer than 12 columns (six Chinese characters).
pub fn fit(
    header: &[String],
    short: &[String],
    rows: &[Vec<String>],
    width: usize,
) -> Option<(Vec<String>, Vec<Vec<String>>)> {
    let w = super::display_width;
    let n = header.len();
    let rows: Vec<Vec<String>> = rows.iter().map(|r| r[..n.min(r.len())].to_vec()).collect();
    let mut content = vec![0; n];
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            content[i] = content[i].max(w(c));
        }
    }
    // A condensed table draws `│ ` before each cell, ` ` after it and `│` at the end.
    let frame = 3 * n + 1;
    let widths = |heads: &[String]| -> Vec<usize> {
        heads
            .iter()
            .zip(&content)
            .map(|(h, c)| w(h).max(*c))
            .collect()
    };
    let fits = |widths: &[usize]| widths.iter().sum::<usize>() + frame <= width;
    if fits(&widths(header)) {
        return Some((header.to_vec(), rows));
    }
    let heads: Vec<String> = header
        .iter()
        .enumerate()
        .map(|(i, h)| match short.get(i) {
            Some(s) if w(h) > content[i] && w(s) < w(h) => s.clone(),
            _ => h.clone(),
        })
        .collect();
    let sized = widths(&heads);
    if fits(&sized) {
        return Some((heads, rows));
    }
    let (flex, _) = sized.iter().enumerate().max_by_key(|(_, w)| **w)?;
    let others: usize = sized
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != flex)
        .map(|(_, w)| *w)
        .sum();
    let room = width.checked_sub(others + frame)?;
    if room < 12 {
        return None;
    }
    let heads = heads
        .into_iter()
        .enumerate()
        .map(|(i, h)| if i == flex { shorten(&h, room) } else { h })
        .collect();
    let rows = rows
        .into_iter()
        .map(|r| {
            r.into_iter()
                .enumerate()
                .map(|(i, c)| if i == flex { shorten(&c, room) } else { c })
                .collect()
        })
        .collect();
    Some((heads, rows))
}

/// What a wrapped line does not end with: opening punctuation.
const NO_LINE_END: &[char] = &['（', '“', '‘', '《', '「', '『', '(', '['];

/// What a wrapped line does not start with: closing punctuation, Chinese and Western.
const NO_LINE_START: &[char] = &[
    '，', '。', '、', '；', '：', '）', '」', '』', '”', '’', '？', '！', '…', '》', ')', ',', '.',
    ';', ':', '?', '!',
];

/// `text` broken into lines of at most `width` terminal columns (a line of its own for a word
/// longer than that): between any two Chinese characters, else at spaces. Without a width,
/// one line. A line never starts with closing punctuation nor ends with opening punctuation.
pub fn wrap(text: &str, width: Option<usize>) -> String {
    let w = super::display_width;
    let Some(width) = width else {
        return text.to_owned();
    };
    // Pieces that stay together: a run of non-space characters narrower than two columns
    // each (a word), or one wide character, or one space.
    let mut pieces: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let wide = w(c.encode_utf8(&mut [0; 4])) > 1;
        if c == ' ' || wide {
            if start < i {
                pieces.push(&text[start..i]);
            }
            pieces.push(&text[i..i + c.len_utf8()]);
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        pieces.push(&text[start..]);
    }
    let mut out = String::new();
    let mut line = String::new();
    for piece in pieces {
        if !line.is_empty() && w(&line) + w(piece) > width {
            // A line never starts with closing punctuation (，。、）…): the character before
            // it goes down with it.
            let mut carried = String::new();
            if piece.starts_with(NO_LINE_START)
                && let Some(last) = line.chars().last()
                && w(last.encode_utf8(&mut [0; 4])) > 1
                && line.chars().count() > 1
            {
                line.pop();
                carried.push(last);
            }
            // Nor ends with opening punctuation (（“《…): it goes down to what it opens.
            if let Some(last) = line.chars().last()
                && NO_LINE_END.contains(&last)
                && line.chars().count() > 1
            {
                line.pop();
                carried.insert(0, last);
            }
            out.push_str(line.trim_end());
            out.push('\n');
            line = carried;
        }
        if line.is_empty() && piece == " " {
            continue;
        }
        line.push_str(piece);
    }
    out.push_str(line.trim_end());
    out
}

/// `text` cut to at most `room` terminal columns, ending in `…` when cut.
fn shorten(text: &str, room: usize) -> String {
    let w = super::display_width;
    if w(text) <= room {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cw = w(c.encode_utf8(&mut [0; 4]));
        if used + cw + 1 > room {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    out
}

/// A table one record at a time, `heading：value` per line (`heading: value` in English),
/// records separated by a blank line: what a terminal too narrow for columns shows. With
/// `color` the headings are bold and each value has its tone (`tones`, by row and column).
pub fn records(
    header: &[String],
    rows: &[Vec<String>],
    tones: &[Vec<Tone>],
    color: bool,
    lang: Lang,
) -> String {
    let colon = crate::messages::punct(lang).colon;
    let mut out = String::new();
    for (k, r) in rows.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        for (i, (h, c)) in header.iter().zip(r).enumerate() {
            if color {
                let tone = tones.get(k).and_then(|t| t.get(i)).copied();
                out.push_str(&paint(h, Tone::Plain, true));
                out.push_str(colon);
                out.push_str(&paint(c, tone.unwrap_or_default(), false));
            } else {
                out.push_str(h);
                out.push_str(colon);
                out.push_str(c);
            }
            out.push('\n');
        }
    }
    out
}

/// `text` without its SGR escapes (`ESC [ … m`): what a coloured table reads as.
#[cfg(test)]
pub(crate) fn strip(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid() -> (Vec<String>, Vec<String>, Vec<Vec<String>>) {
        let header = ["体系表编号", "标准编号", "标准名称"]
            .map(String::from)
            .to_vec();
        let short = ["编号", "标准编号", "标准名称"].map(String::from).to_vec();
        let rows = vec![
            [
                "101-01",
                "GB/T 24421.1-2009",
                "服务业组织标准化工作指南 第1部分：基本要求",
            ]
            .map(String::from)
            .to_vec(),
            ["101-02", "Q/AQZW 10102-2014", "标准化工作管理办法"]
                .map(String::from)
                .to_vec(),
        ];
        (header, short, rows)
    }

    fn width_of(header: &[String], row: &[String]) -> usize {
        let w = super::super::display_width;
        header
            .iter()
            .zip(row)
            .map(|(h, c)| w(h).max(w(c)))
            .sum::<usize>()
            + 3 * header.len()
            + 1
    }

    #[test]
    fn a_wide_terminal_keeps_every_cell_and_heading() {
        let (h, s, r) = grid();
        assert_eq!(fit(&h, &s, &r, 200).unwrap(), (h.clone(), r.clone()));
        // No width (a pipe, `--wide`, a 0×0 terminal): everything whole, nothing hidden.
        assert_eq!(
            arrange(&h, &s, &r, None, &[]),
            Arrangement::Columns {
                columns: vec![0, 1, 2],
                header: h,
                rows: r,
            }
        );
    }

    #[test]
    fn a_narrow_terminal_abbreviates_headings_first() {
        let (h, s, r) = grid();
        // Whole, the table is 6 columns too wide for its heading 体系表编号 (10) over 101-01 (6):
        // abbreviated to 编号 it fits, and no title is cut.
        let whole = width_of(&h, &r[0]);
        let (heads, rows) = fit(&h, &s, &r, whole - 1).unwrap();
        assert_eq!(heads, ["编号", "标准编号", "标准名称"]);
        assert_eq!(rows, r);
    }

    #[test]
    fn a_narrower_terminal_shortens_titles_and_never_splits_codes() {
        let (h, s, r) = grid();
        let (heads, fitted) = fit(&h, &s, &r, 60).unwrap();
        assert_eq!(heads[0], "编号");
        assert_eq!(fitted[0][1], "GB/T 24421.1-2009");
        assert!(fitted[0][2].ends_with('…'), "{}", fitted[0][2]);
        assert!(width_of(&heads, &fitted[0]) <= 60, "{fitted:?}");
        assert_eq!(fitted[1][2], "标准化工作管理办法");
    }

    #[test]
    fn a_heading_narrower_than_its_cells_is_not_abbreviated() {
        let h = ["标准编号", "标准名称"].map(String::from).to_vec();
        let s = ["编号", "名称"].map(String::from).to_vec();
        let r = vec![
            [
                "GB/T 24421.1-2009",
                "服务业组织标准化工作指南 第1部分：基本要求",
            ]
            .map(String::from)
            .to_vec(),
        ];
        let (heads, rows) = fit(&h, &s, &r, 50).unwrap();
        // 名称 is the title column, not narrow: its heading stays; 标准编号 is narrower than
        // its code and stays too.
        assert_eq!(heads, ["标准编号", "标准名称"]);
        assert!(rows[0][1].ends_with('…'));
    }

    #[test]
    fn below_sixty_columns_a_table_is_printed_one_record_at_a_time() {
        let (h, s, r) = grid();
        assert_eq!(arrange(&h, &s, &r, Some(59), &[]), Arrangement::Records);
        assert!(matches!(
            arrange(&h, &s, &r, Some(60), &[]),
            Arrangement::Columns { .. }
        ));
        assert_eq!(arrange(&h, &s, &r, Some(1), &[]), Arrangement::Records);
        let text = records(&h, &r, &[], false, Lang::Zh);
        assert!(
            text.starts_with("体系表编号：101-01\n标准编号：GB/T 24421.1-2009\n"),
            "{text}"
        );
        assert!(text.contains("要求\n\n体系表编号：101-02\n"), "{text}");
        let en = records(&h[..1], &r[..1], &[], false, Lang::En);
        assert_eq!(en, "体系表编号: 101-01\n");
    }

    #[test]
    fn columns_go_from_the_right_when_even_shortened_titles_do_not_fit() {
        let header: Vec<String> = ["a", "b", "c", "d", "title", "f"]
            .map(String::from)
            .to_vec();
        let row: Vec<String> = [
            "x".repeat(10),
            "x".repeat(10),
            "x".repeat(10),
            "x".repeat(10),
            "t".repeat(40),
            "y".repeat(10),
        ]
        .to_vec();
        // Six columns leave the title 9 columns in 70; five leave it 22.
        let rows = [row];
        match arrange(&header, &header, &rows, Some(70), &[]) {
            Arrangement::Columns {
                columns,
                header,
                rows,
            } => {
                assert_eq!(columns, [0, 1, 2, 3, 4]);
                assert_eq!(header.len(), 5);
                assert!(rows[0][4].ends_with('…'));
                assert!(width_of(&header, &rows[0]) <= 70);
            }
            other => panic!("{other:?}"),
        }
        // A table that names what goes first keeps the last column.
        match arrange(&header, &header, &rows, Some(70), &[1, 2]) {
            Arrangement::Columns { columns, rows, .. } => {
                assert_eq!(columns, [0, 2, 3, 4, 5]);
                assert_eq!(rows[0][4], "y".repeat(10));
            }
            other => panic!("{other:?}"),
        }
        // Nothing left to leave out: one record at a time.
        assert_eq!(
            arrange(&header, &header, &rows, Some(60), &[0]),
            Arrangement::Records
        );
    }

    #[test]
    fn the_width_comes_from_columns_then_the_terminal_and_never_is_zero() {
        assert_eq!(terminal_width(Some("80"), false), Some(80));
        assert_eq!(terminal_width(Some(" 50 "), true), Some(50));
        // Not a number, or 0: no width asked; a pipe then gets the table whole.
        assert_eq!(terminal_width(Some("0"), false), None);
        assert_eq!(terminal_width(Some("wide"), false), None);
        assert_eq!(terminal_width(None, false), None);
    }

    #[test]
    fn colour_is_added_around_the_text_and_only_when_asked() {
        let plain = Screen {
            style: Style::Plain,
            color: false,
            width: None,
        };
        let mut t = new_table(plain, &["状态"]);
        t.add_row(vec![cell("起草", Tone::Pending, false)]);
        let uncoloured = t.to_string();
        assert!(!uncoloured.contains('\u{1b}'), "{uncoloured}");
        let mut t = new_table(
            Screen {
                color: true,
                ..plain
            },
            &["状态"],
        );
        t.add_row(vec![cell("起草", Tone::Pending, true)]);
        let coloured = t.to_string();
        assert!(coloured.contains("\u{1b}[1m"), "bold heading: {coloured:?}");
        assert!(coloured.contains("\u{1b}[38;5;3m"), "yellow: {coloured:?}");
        // The same table with the escapes taken out: widths were measured on the text.
        assert_eq!(strip(&coloured), uncoloured);
        assert_eq!(paint("废止", Tone::Plain, false), "废止");
        assert_eq!(strip(&paint("废止", Tone::Faded, false)), "废止");
        assert!(paint("逾期", Tone::Bad, false).starts_with("\u{1b}[38;5;9m"));
    }

    #[test]
    fn a_note_is_wrapped_to_the_width() {
        let zh = "（终端宽度不足，未显示：实施日期、代替标准号、责任科室；加 --wide 可见全部列）";
        let wrapped = wrap(zh, Some(60));
        assert!(wrapped.lines().count() > 1, "{wrapped}");
        assert!(
            wrapped
                .lines()
                .all(|l| super::super::display_width(l) <= 60)
        );
        // Nothing is lost but the space a line breaks at.
        assert_eq!(wrapped.replace(['\n', ' '], ""), zh.replace(' ', ""));
        let en = "(the terminal is too narrow for: effective, replaces, unit; add --wide)";
        let wrapped = wrap(en, Some(60));
        assert_eq!(
            wrapped,
            "(the terminal is too narrow for: effective, replaces, unit;\nadd --wide)"
        );
        assert_eq!(wrap(en, None), en);
    }

    #[test]
    fn a_wrapped_line_does_not_start_with_closing_punctuation() {
        // At 10 columns the break would fall before `，`: `乙` goes down with it.
        let text = "甲甲甲甲乙，丙丙丙丙丙";
        assert_eq!(wrap(text, Some(10)), "甲甲甲甲\n乙，丙丙丙\n丙丙");
        for width in 4..30 {
            let wrapped = wrap(
                "计算方法：现行（含试行）标准数 ÷ 应有标准数（不含被代替、废止的标准）",
                Some(width),
            );
            for line in wrapped.lines() {
                assert!(!line.starts_with(NO_LINE_START), "{width}: {wrapped}");
                assert!(!line.ends_with(NO_LINE_END), "{width}: {wrapped}");
                assert!(
                    super::super::display_width(line) <= width,
                    "{width}: {wrapped}"
                );
            }
        }
    }
}
