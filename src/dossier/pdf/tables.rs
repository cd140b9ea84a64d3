//! The tables of the volume: a view table as a Typst `table` whose rows never split, and
//! its cells (styles, spans, standard numbers, lines).

#[allow(unused_imports, reason = "the module shares the parent's imports")]
use super::*;
use crate::dossier::view;

impl Writer<'_> {
    /// A table: `columns` and `align` are Typst expressions, `header` plain texts, `rows`
    /// ready-made cells (content blocks or `table.cell(...)`).
    pub(super) fn table(&mut self, columns: &str, align: &str, header: &[&str], rows: &[String]) {
        let _ = writeln!(self.out, "#table(columns: {columns}, align: {align},");
        let head: Vec<String> = header.iter().map(|h| content(h)).collect();
        let _ = writeln!(self.out, "  table.header({}),", head.join(", "));
        for r in rows {
            let _ = writeln!(self.out, "  {r},");
        }
        self.line(")");
    }

    /// A table of the volume. Rows are never split across pages: a row that does not fit
    /// moves to the next page, under the repeated header.
    pub(super) fn view_table(&mut self, t: &view::Table) {
        if t.rows.is_empty() {
            self.empty();
            return;
        }
        let columns = t
            .widths
            .iter()
            .map(|w| match w {
                view::Width::Fit => "auto".to_owned(),
                view::Width::Share(f) => format!("{f}fr"),
                view::Width::Em(e) => format!("{e}em"),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let align = t
            .align
            .iter()
            .map(|a| match a {
                view::Align::Left => "left + horizon",
                view::Align::Center => "center + horizon",
                view::Align::Right => "right + horizon",
            })
            .collect::<Vec<_>>()
            .join(", ");
        let rows: Vec<String> = t
            .rows
            .iter()
            .map(|r| r.iter().map(view_cell).collect::<Vec<_>>().join(", "))
            .collect();
        let header: Vec<&str> = t.header.iter().map(String::as_str).collect();
        if t.small {
            self.line("#[");
            self.line("#show table: set text(size: 9pt)");
            self.line("#set table(inset: (x: 3pt, y: 4pt))");
        }
        self.table(
            &format!("({columns},)"),
            &format!("({align},)"),
            &header,
            &rows,
        );
        if t.small {
            self.line("]");
        }
    }
}

/// One cell of a view table as Typst: its text escaped, its style, its spans.
pub(super) fn view_cell(c: &view::Cell) -> String {
    let red = "rgb(\"#b71c1c\")";
    let body = match c.style {
        view::Style::Plain => content(&c.text),
        view::Style::Strong => format!("[#strong{}]", content(&c.text)),
        view::Style::Alert => format!("[#text(fill: {red}){}]", content(&c.text)),
        view::Style::Codes => std_nos(c.text.lines()),
        view::Style::Lines => lines(&c.text),
        view::Style::Small => {
            let mut parts = c.text.lines();
            let mut out = format!("[#text(size: 9pt){}", content(parts.next().unwrap_or("")));
            for alert in parts {
                let _ = write!(
                    out,
                    "#linebreak()#text(size: 9pt, fill: {red}){}",
                    content(alert)
                );
            }
            out.push(']');
            out
        }
    };
    if c.colspan > 1 || c.rowspan > 1 {
        format!(
            "table.cell(colspan: {}, rowspan: {}){body}",
            c.colspan, c.rowspan
        )
    } else {
        body
    }
}

/// A table cell of standard numbers (printed by the view, one a line), each unbreakable
/// (unless too long for any cell).
pub(super) fn std_nos<'a>(codes: impl Iterator<Item = &'a str>) -> String {
    let parts: Vec<String> = codes
        .map(|code| {
            if code.chars().count() > LONG_RUN {
                escape(code)
            } else {
                format!("#stdno{}", content(code))
            }
        })
        .collect();
    format!("[{}]", parts.join(" #linebreak() "))
}

/// A table cell of several lines (`\n` in `text`).
pub(super) fn lines(text: &str) -> String {
    let parts: Vec<String> = text.lines().map(escape).collect();
    format!("[{}]", parts.join(" #linebreak() "))
}
