//! The body of each section of the HTML volume: the cover, and what each kind of section
//! prints.

use std::fmt::Write as _;

use super::chart::bar_chart;
use super::markdown::markdown_html;
use super::tables::table;
use super::{Assets, esc};
use crate::dossier::model::{Dossier, Section};
use crate::dossier::view;

pub(super) fn cover(out: &mut String, d: &Dossier) {
    let cover = view::cover(d);
    out.push_str("<div class=\"cover\"><div class=\"title\">");
    let lines: Vec<String> = cover.title.iter().map(|l| esc(l)).collect();
    out.push_str(&lines.join("<br>"));
    out.push_str("</div>");
    if let Some(mark) = cover.draft {
        let _ = write!(out, "<div class=\"draft\">{}</div>", esc(mark));
    }
    let _ = writeln!(
        out,
        "<div class=\"center\">{}</div><div class=\"date\">{}</div><div class=\"source\">{}</div></div>",
        esc(&cover.center),
        esc(&cover.date),
        esc(&cover.source)
    );
}

pub(super) fn section_body(out: &mut String, s: &Section, d: &Dossier, assets: Assets<'_>) {
    match s {
        Section::Cover | Section::Contents => {}
        Section::Chapter { path, markdown, .. } => {
            out.push_str(&markdown_html(markdown, path, true, assets));
        }
        Section::SystemTable(t) => {
            // The diagram and the detail table on landscape pages, as in the PDF.
            out.push_str("<div class=\"landscape\"><h2>标准体系结构图</h2>\n");
            out.push_str(&crate::dossier::html_diagram::structure(t));
            out.push_str("</div>\n<div class=\"landscape next\">");
            let _ = writeln!(out, "<h2>{}</h2>", view::DETAIL);
            table(out, &view::detail(t), "detail");
            out.push_str("</div>\n");
            let _ = writeln!(out, "<h2>{}</h2>", view::STATS);
            if t.stats.is_empty() {
                note(out, view::EMPTY);
            } else {
                table(out, &view::stats(t), "");
                note(out, view::STATS_NOTE);
            }
        }
        Section::Rates { center, members } => {
            if let Some(meta) = view::rates_meta(center) {
                let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(&meta));
            }
            let _ = writeln!(out, "<h2>{}</h2>", view::RATES);
            if center.rates.is_empty() {
                note(out, view::EMPTY);
            } else {
                table(out, &view::rates(center), "rates");
                let _ = writeln!(
                    out,
                    "<p class=\"meta\"><strong>{}</strong></p>",
                    esc(view::verdict(center))
                );
                out.push_str("<div class=\"note uncounted\">");
                let _ = write!(out, "<p>{}</p>", esc(view::UNCOUNTED));
                for line in view::uncounted(center) {
                    let _ = write!(out, "<p>{}</p>", esc(&line));
                }
                out.push_str("</div>\n");
                if center
                    .rates
                    .iter()
                    .any(|r| r.value().is_some() || r.target.is_some())
                {
                    let _ = writeln!(out, "<h2>{}</h2>", view::CHART);
                    out.push_str(&bar_chart(center));
                }
            }
            if !members.is_empty() {
                let _ = writeln!(out, "<h2>{}</h2>", view::MEMBERS);
                table(out, &view::members(members), "");
            }
        }
        Section::Tasks(groups) => {
            if groups.iter().all(|(_, t)| t.is_empty()) {
                note(out, view::NO_TASKS);
            }
            for (unit, tasks) in groups.iter().filter(|(_, t)| !t.is_empty()) {
                let _ = writeln!(
                    out,
                    "<h2>{}</h2>",
                    esc(&view::task_group_heading(unit.as_deref(), tasks.len()))
                );
                table(out, &view::tasks(tasks), "");
            }
        }
        Section::Standards(list) => {
            if list.is_empty() {
                note(out, view::EMPTY);
            }
            for st in list {
                let head = view::standard_head(st);
                let _ = write!(
                    out,
                    "<article class=\"standard\"{}><div class=\"code\">{}</div><div class=\"head\"><h2>{}</h2>",
                    head.mark
                        .map_or(String::new(), |m| format!(" data-stage=\"{}\"", esc(m))),
                    esc(&head.top),
                    esc(&head.title),
                );
                if let Some(mark) = head.mark {
                    let _ = write!(out, "<div class=\"stage\">（{}）</div>", esc(mark));
                }
                if let Some(dates) = &head.dates {
                    let _ = write!(out, "<div class=\"dates\">{}</div>", esc(dates));
                }
                out.push_str("</div>");
                out.push_str(&markdown_html(&st.markdown, &st.path, true, assets));
                out.push_str("</article>\n");
            }
        }
        Section::Inspections(list) => {
            if list.is_empty() {
                note(out, view::EMPTY);
            } else {
                let (t, n) = view::inspections(list);
                table(out, &t, "");
                note(out, &n);
            }
        }
        Section::Trainings(list) => {
            if list.is_empty() {
                note(out, view::EMPTY);
            } else {
                let (t, n) = view::trainings(list);
                table(out, &t, "");
                note(out, &n);
            }
        }
        Section::Surveys(list) => {
            if list.is_empty() {
                note(out, view::EMPTY);
            } else {
                table(out, &view::surveys(list), "");
            }
        }
        Section::Audits(list) => {
            if list.is_empty() {
                note(out, view::EMPTY);
            }
            for (a, body) in list {
                let _ = write!(
                    out,
                    "<h2>{}</h2><p class=\"meta\">{}</p>",
                    esc(&a.title),
                    esc(&view::audit_meta(a))
                );
                out.push_str(&markdown_html(body, &a.path, false, assets));
            }
        }
        Section::History(list) => match view::history(list, d) {
            Ok(t) => table(out, &t, ""),
            Err(sentence) => note(out, &sentence),
        },
    }
}

pub(super) fn note(out: &mut String, text: &str) {
    let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(text));
}
