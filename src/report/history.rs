//! `stdkit log`'s output: per standard its commits (date, short hash, author, subject, the
//! reformat mark) and its own `[[revision]]` rows, in the terminal or as JSON.

use crate::finding::Lang;
use crate::history::StandardHistory;
use crate::messages;
use crate::model::Date;

use super::table::Tone;
use super::terminal_safe;

/// The terminal listing. With `one`, a standard without history still gets its heading and
/// a line saying so; over the whole repository such standards are left out. With `color`
/// each standard's heading is bold and a commit's hash yellow (as git shows it), a
/// reformat-only commit dimmed.
pub fn terminal(
    list: &[StandardHistory],
    as_of: Date,
    one: bool,
    lang: Lang,
    color: bool,
) -> String {
    let paint = |text: &str, tone: Tone, bold: bool| -> String {
        if color {
            super::table::paint(text, tone, bold)
        } else {
            text.to_owned()
        }
    };
    let mut out = String::new();
    let shown: Vec<&StandardHistory> = list.iter().filter(|h| one || !h.is_empty()).collect();
    if shown.is_empty() {
        out.push_str(messages::log_nothing_at_all(as_of).get(lang));
        out.push('\n');
        return out;
    }
    let reformat = messages::log_reformat();
    for (k, h) in shown.into_iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let heading = format!("{} {}", terminal_safe(&h.no), terminal_safe(&h.title));
        out.push_str(&format!(
            "{}  {}\n",
            paint(&heading, Tone::Plain, true),
            terminal_safe(&h.path)
        ));
        if h.is_empty() {
            out.push_str(&format!("  {}\n", messages::log_nothing(as_of).get(lang)));
        }
        for c in &h.commits {
            let short: String = c.hash.chars().take(7).collect();
            let mark = if c.reformat {
                format!("  [{}]", reformat.get(lang))
            } else {
                String::new()
            };
            let line = format!(
                "{}  {}{}",
                terminal_safe(&c.author),
                terminal_safe(&c.subject),
                mark
            );
            let line = if c.reformat {
                paint(&line, Tone::Faded, false)
            } else {
                line
            };
            out.push_str(&format!(
                "  {}  {}  {line}\n",
                c.date,
                paint(&short, Tone::Pending, false),
            ));
        }
        if !h.revisions.is_empty() {
            out.push_str(&format!("  {}\n", messages::log_revisions().get(lang)));
            for r in &h.revisions {
                let date = r.date.map(|d| d.to_string()).unwrap_or_default();
                out.push_str(&format!(
                    "    {}  {}  {}\n",
                    terminal_safe(r.version.as_deref().unwrap_or("")),
                    date,
                    terminal_safe(r.note.as_deref().unwrap_or(""))
                ));
            }
        }
    }
    out
}

/// The JSON document: `{"as-of", "standards": [{no, title, path, commits, revisions}]}`, every
/// standard listed (an empty history is `[]`).
pub fn json(list: &[StandardHistory], as_of: Date) -> anyhow::Result<String> {
    let standards: Vec<serde_json::Value> = list
        .iter()
        .map(|h| {
            let revisions: Vec<serde_json::Value> = h
                .revisions
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "version": r.version,
                        "date": r.date.map(|d| d.to_string()),
                        "note": r.note,
                    })
                })
                .collect();
            serde_json::json!({
                "no": h.no,
                "title": h.title,
                "path": h.path,
                "commits": h.commits,
                "revisions": revisions,
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(
        &serde_json::json!({"as-of": as_of.to_string(), "standards": standards}),
    )?;
    s.push('\n');
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Commit;

    #[test]
    fn colour_marks_the_hash_and_dims_a_reformat() {
        let commit = |hash: &str, reformat| Commit {
            hash: hash.into(),
            date: "2014-03-01".into(),
            author: "江海燕".into(),
            subject: "修订第5章".into(),
            reformat,
        };
        let list = vec![StandardHistory {
            no: "201-01".into(),
            title: "窗口服务规范".into(),
            path: "system/201-01.md".into(),
            commits: vec![commit("abcdef1234", false), commit("1234567abc", true)],
            revisions: Vec::new(),
        }];
        let as_of: Date = "2014-12-31".parse().unwrap();
        let plain = terminal(&list, as_of, true, Lang::Zh, false);
        let coloured = terminal(&list, as_of, true, Lang::Zh, true);
        assert!(!plain.contains('\u{1b}'));
        assert_eq!(super::super::table::strip(&coloured), plain);
        let hash = super::super::table::paint("abcdef1", Tone::Pending, false);
        assert!(coloured.contains(&hash), "{coloured:?}");
        let dim = super::super::table::paint("江海燕  修订第5章  [仅格式调整]", Tone::Faded, false);
        assert!(coloured.contains(&dim), "{coloured:?}");
    }
}
