//! Printing a diff of the standard system: readable text for the terminal, Markdown to paste
//! into a 工作总结, or JSON with sorted keys.

use std::fmt::Write as _;

use super::table::Tone;
use super::terminal_safe;
use crate::diff::Diff;
use crate::finding::Lang;
use crate::messages;
use crate::model::Status;

/// How a diff is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// For the terminal, coloured or not: headings bold, what was added green, what was
    /// removed red, what changed yellow.
    Terminal {
        color: bool,
    },
    Markdown,
    /// Markdown without its title: a chapter of the dossier, whose title is the section's.
    Section,
}

/// The diff as JSON: `from`, `to` and the lists of [`Diff`], every object's keys sorted.
pub fn json(
    out: &mut dyn std::io::Write,
    diff: &Diff,
    from: &str,
    to: &str,
) -> std::io::Result<()> {
    let mut doc = serde_json::to_value(diff).map_err(std::io::Error::other)?;
    if let serde_json::Value::Object(map) = &mut doc {
        map.insert("from".into(), from.into());
        map.insert("to".into(), to.into());
    }
    let mut text = serde_json::to_string_pretty(&doc).map_err(std::io::Error::other)?;
    text.push('\n');
    out.write_all(text.as_bytes())
}

/// The diff as text for the terminal or as Markdown.
pub fn text(diff: &Diff, from: &str, to: &str, lang: Lang, form: Form) -> String {
    let md = !matches!(form, Form::Terminal { .. });
    let color = matches!(form, Form::Terminal { color: true });
    let paint = |text: &str, tone: Tone, bold: bool| -> String {
        if color {
            super::table::paint(text, tone, bold)
        } else {
            text.to_owned()
        }
    };
    // The punctuation of the language: `（…）`, `：`, `；` in Chinese.
    let messages::Punct {
        open,
        close,
        colon,
        semi,
        none,
        ..
    } = messages::punct(lang);
    let safe = |s: &str| -> String {
        if md {
            s.replace('|', "\\|")
        } else {
            terminal_safe(s).into_owned()
        }
    };
    let status = |s: &str| -> String {
        match Status::parse(s) {
            Some(st) => st.label(lang).to_owned(),
            None if s.is_empty() => none.to_owned(),
            None => safe(s),
        }
    };
    let mut out = String::new();
    let title = messages::diff_title(&safe(from), &safe(to));
    match form {
        Form::Markdown => {
            let _ = writeln!(out, "## {}\n", title.get(lang));
        }
        Form::Terminal { .. } => {
            let _ = writeln!(out, "{}\n", paint(title.get(lang), Tone::Plain, true));
        }
        Form::Section => {}
    }
    let section =
        |out: &mut String, heading: crate::finding::Msg, tone: Tone, lines: Vec<String>| {
            if lines.is_empty() {
                return;
            }
            if md {
                let _ = writeln!(out, "### {}\n", heading.get(lang));
            } else {
                let _ = writeln!(out, "{}", paint(heading.get(lang), Tone::Plain, true));
            }
            for line in lines {
                if md {
                    let _ = writeln!(out, "- {line}");
                } else {
                    let _ = writeln!(out, "  {}", paint(&line, tone, false));
                }
            }
            out.push('\n');
        };
    let empty = diff.added.is_empty()
        && diff.removed.is_empty()
        && diff.renumbered.is_empty()
        && diff.status.is_empty()
        && diff.editions.is_empty()
        && diff.fields.is_empty()
        && diff.clauses.is_empty();
    if empty {
        let _ = writeln!(out, "{}\n", messages::diff_nothing().get(lang));
    }
    let entry = |e: &crate::diff::Entry| {
        let code = if e.code.is_empty() {
            String::new()
        } else {
            format!(" {}", safe(&e.code))
        };
        format!(
            "{}{code} {}{open}{}{close}",
            safe(&e.no),
            safe(&e.title),
            status(&e.status)
        )
    };
    section(
        &mut out,
        messages::diff_added(diff.added.len()),
        Tone::Good,
        diff.added.iter().map(entry).collect(),
    );
    section(
        &mut out,
        messages::diff_removed(diff.removed.len()),
        Tone::Bad,
        diff.removed.iter().map(entry).collect(),
    );
    section(
        &mut out,
        messages::diff_renumbered(diff.renumbered.len()),
        Tone::Pending,
        diff.renumbered
            .iter()
            .map(|r| {
                format!(
                    "{} → {} {}{open}{}{close}",
                    safe(&r.old),
                    safe(&r.new),
                    safe(&r.title),
                    messages::diff_by(&r.by).get(lang)
                )
            })
            .collect(),
    );
    section(
        &mut out,
        messages::diff_status(diff.status.len()),
        Tone::Pending,
        diff.status
            .iter()
            .map(|s| {
                format!(
                    "{} {}{colon}{} → {}",
                    safe(&s.no),
                    safe(&s.title),
                    status(&s.old),
                    status(&s.new)
                )
            })
            .collect(),
    );
    section(
        &mut out,
        messages::diff_editions(diff.editions.len()),
        Tone::Pending,
        diff.editions
            .iter()
            .map(|e| {
                messages::diff_edition(
                    &safe(&e.no),
                    &safe(&e.code),
                    &safe(&e.replaces),
                    &safe(&e.replaced_no),
                )
                .get(lang)
                .to_owned()
            })
            .collect(),
    );
    section(
        &mut out,
        messages::diff_fields(diff.fields.len()),
        Tone::Pending,
        diff.fields
            .iter()
            .map(|f| {
                let changes: Vec<String> = f
                    .changes
                    .iter()
                    .map(|c| {
                        let v = |s: &str| {
                            if s.is_empty() {
                                none.to_owned()
                            } else {
                                safe(s)
                            }
                        };
                        format!("{}: {} → {}", c.field, v(&c.old), v(&c.new))
                    })
                    .collect();
                format!(
                    "{} {}{colon}{}",
                    safe(&f.no),
                    safe(&f.title),
                    changes.join(semi)
                )
            })
            .collect(),
    );
    section(
        &mut out,
        messages::diff_clauses(diff.clauses.len()),
        Tone::Pending,
        diff.clauses
            .iter()
            .map(|c| {
                let changes: Vec<String> = c
                    .changes
                    .iter()
                    .map(|x| {
                        let heading = if md {
                            format!("`{}`", x.heading.replace('`', "'"))
                        } else {
                            safe(&x.heading)
                        };
                        format!(
                            "{heading}{open}{}{close}",
                            messages::diff_clause(&x.change).get(lang)
                        )
                    })
                    .collect();
                format!(
                    "{} {}{colon}{}",
                    safe(&c.no),
                    safe(&c.title),
                    changes.join(semi)
                )
            })
            .collect(),
    );
    let na = messages::diff_no_value();
    let value = |v: &Option<String>| v.clone().unwrap_or_else(|| na.get(lang).to_owned());
    let rate_name = |key: &str| -> String {
        let name = match key {
            "coverage" => messages::rate_coverage(),
            "implementation" => messages::rate_implementation(),
            _ => messages::rate_completeness(),
        };
        name.get(lang).to_owned()
    };
    if md {
        let _ = writeln!(out, "### {}\n", messages::diff_rates().get(lang));
        let _ = writeln!(out, "| | {} | {} |\n|---|---|---|", safe(from), safe(to));
        for r in &diff.rates {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                rate_name(&r.key),
                value(&r.old),
                value(&r.new)
            );
        }
    } else {
        let _ = writeln!(
            out,
            "{}",
            paint(messages::diff_rates().get(lang), Tone::Plain, true)
        );
        for r in &diff.rates {
            let _ = writeln!(
                out,
                "  {}{colon}{} → {}",
                rate_name(&r.key),
                value(&r.old),
                value(&r.new)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::Entry;

    #[test]
    fn colour_marks_what_was_added_and_removed_and_nothing_else() {
        let entry = |no: &str| Entry {
            no: no.into(),
            code: String::new(),
            title: "窗口服务规范".into(),
            status: "in-force".into(),
        };
        let diff = Diff {
            added: vec![entry("201-09")],
            removed: vec![entry("201-02")],
            ..Diff::default()
        };
        let plain = text(&diff, "v1", "v2", Lang::Zh, Form::Terminal { color: false });
        let coloured = text(&diff, "v1", "v2", Lang::Zh, Form::Terminal { color: true });
        assert!(!plain.contains('\u{1b}'), "{plain}");
        assert_ne!(plain, coloured);
        assert_eq!(super::super::table::strip(&coloured), plain);
        let added = coloured.lines().find(|l| l.contains("201-09")).unwrap();
        let removed = coloured.lines().find(|l| l.contains("201-02")).unwrap();
        let green = super::super::table::paint("x", Tone::Good, false);
        let red = super::super::table::paint("x", Tone::Bad, false);
        let start = |s: &str| s[..s.find('x').unwrap()].to_owned();
        assert!(added.contains(&start(&green)), "{added:?}");
        assert!(removed.contains(&start(&red)), "{removed:?}");
        // Markdown is never coloured.
        assert!(!text(&diff, "v1", "v2", Lang::Zh, Form::Markdown).contains('\u{1b}'));
    }
}
