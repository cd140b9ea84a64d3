//! The tables of the HTML volume, as HTML tables of the view's cells.

use std::fmt::Write as _;

use super::esc;
use super::sections::note;
use crate::dossier::view;

/// A table of the volume: the same cells as the PDF's, spans included.
pub(super) fn table(out: &mut String, t: &view::Table, class: &str) {
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
