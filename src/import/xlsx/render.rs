//! The files of an import: each category the repository lacks as `_index.md`, each adopted
//! standard as a `.toml` metadata file, each internal standard as a `.md` with front matter and
//! an empty text (which the text lint leaves alone), named `NO-标题.ext`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::plan::{Existing, Plan, Target};
use super::row::Entry;
use crate::model::Level;

/// The longest file-name part taken from a title, in characters.
const NAME_CHARS: usize = 40;

/// Adds the categories and the standards of `entries` to `out.changes`.
pub fn changes(
    entries: &[Entry],
    named: &BTreeMap<String, String>,
    target: &Target,
    source: &str,
    out: &mut Plan,
) -> Target {
    let file = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let mut dirs = target.categories.clone();
    let mut new: Vec<(&String, &String)> = named
        .iter()
        .filter(|(code, _)| !dirs.contains_key(*code))
        .collect();
    new.sort_by_key(|(code, _)| (code.len(), (*code).clone()));
    for (code, title) in new {
        let parent = dirs
            .iter()
            .filter(|(c, _)| code.starts_with(c.as_str()) && *c != code)
            .max_by_key(|(c, _)| c.len())
            .map(|(_, d)| d.clone())
            .unwrap_or_else(|| "system".to_owned());
        let dir = format!("{parent}/{code}-{}", file_part(title));
        out.changes
            .create(format!("{dir}/_index.md"), index(code, title, file));
        dirs.insert(code.clone(), dir);
        out.categories += 1;
    }
    let mut after = target.standards.clone();
    for e in entries {
        let (Some(dir), Some(no)) = (dirs.get(&e.category), &e.no) else {
            continue;
        };
        let ext = if e.level == Level::Internal {
            "md"
        } else {
            "toml"
        };
        let path = format!("{dir}/{no}-{}.{ext}", file_part(&e.title));
        out.changes.create(path, standard(e, file));
        after.push(Existing {
            no: e.no.clone(),
            code: e.code.clone(),
            title: Some(e.title.clone()),
            dir: dir.clone(),
        });
    }
    Target {
        prefix: target.prefix.clone(),
        width: target.width,
        categories: dirs,
        standards: after,
    }
}

fn index(code: &str, title: &str, file: &str) -> String {
    format!(
        "+++\ncode = {}\ntitle = {}\n+++\n\n# {title}编制说明\n\n<!-- 由 stdkit import 自 {file} 导入：编制说明待补充 -->\n",
        quoted(code),
        quoted(title)
    )
}

/// A standard's file: TOML metadata, and for an internal standard front matter and skeleton.
pub fn standard(e: &Entry, file: &str) -> String {
    let mut meta = String::new();
    let _ = writeln!(
        meta,
        "# 由 stdkit import 自 {file} 工作表“{}”第 {} 行导入",
        one_line(&e.sheet),
        e.row
    );
    if let Some(note) = &e.note {
        let _ = writeln!(meta, "# 备注：{note}");
    }
    let mut key = |k: &str, v: String| {
        let _ = writeln!(meta, "{k} = {v}");
    };
    if let Some(no) = &e.no {
        key("no", quoted(&no.to_string()));
    }
    key("title", quoted(&e.title));
    key("level", quoted(e.level.as_str()));
    key("origin", quoted(e.origin.as_str()));
    if let Some(status) = e.status {
        key("status", quoted(status.as_str()));
    }
    if let Some(code) = &e.code {
        key("code", quoted(&code.to_string()));
    }
    if let Some(unit) = &e.unit {
        key("unit", quoted(unit));
    }
    if let Some(owner) = &e.owner {
        key("owner", quoted(owner));
    }
    if let Some(d) = e.published {
        key("published", d.to_string());
    }
    if let Some(d) = e.effective {
        key("effective", d.to_string());
    }
    if !e.replaces.is_empty() {
        let list: Vec<String> = e.replaces.iter().map(|c| quoted(&c.to_string())).collect();
        key("replaces", format!("[{}]", list.join(", ")));
    }
    if e.level != Level::Internal {
        return meta;
    }
    // The text is left empty: a centre writes it (or imports its Word file); an empty body is
    // not linted, so `check` stays clean until then.
    format!("+++\n{meta}+++\n")
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A title as part of a file name: no white space, no character a file system or a shell
/// minds (`/ \ : * ? " < > |`, their full-width twins, control characters), at most
/// [`NAME_CHARS`] characters.
pub fn file_part(title: &str) -> String {
    let part: String = title
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !"/\\:*?\"<>|：／＼？＊“”＂《》＜＞｜'`".contains(*c)
        })
        .take(NAME_CHARS)
        .collect();
    let part = part.trim_start_matches('.').to_owned();
    if part.is_empty() {
        "标准".to_owned()
    } else {
        part
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_safe_file_names() {
        assert_eq!(
            file_part("服务业组织标准化工作指南 第1部分：基本要求"),
            "服务业组织标准化工作指南第1部分基本要求"
        );
        assert_eq!(file_part("../a/b\\c"), "abc");
        assert_eq!(file_part("  "), "标准");
        assert_eq!(file_part(&"长".repeat(100)).chars().count(), NAME_CHARS);
    }

    #[test]
    fn an_internal_standard_is_front_matter_and_an_empty_text() {
        let e = Entry {
            sheet: "明细表".into(),
            sheet_index: 0,
            row: 7,
            column: 4,
            no: Some(crate::model::SystemNo::new("101", 2, 2)),
            no_column: 2,
            category: "101".into(),
            code: None,
            code_column: 3,
            title: "标准化工作\"管理\"办法".into(),
            level: Level::Internal,
            origin: crate::model::Origin::Formulated,
            status: Some(crate::model::Status::Planned),
            status_column: 7,
            published: None,
            effective: None,
            replaces: vec![],
            unit: Some("综合科".into()),
            owner: None,
            note: Some("拟2015年制定".into()),
        };
        let text = standard(&e, "t.xlsx");
        assert!(text.starts_with("+++\n# 由 stdkit import 自 t.xlsx 工作表“明细表”第 7 行导入\n# 备注：拟2015年制定\nno = \"101-02\"\n"), "{text}");
        assert!(
            text.contains("title = '标准化工作\"管理\"办法'")
                || text.contains("title = \"标准化工作\\\"管理\\\"办法\""),
            "{text}"
        );
        assert!(text.ends_with("unit = \"综合科\"\n+++\n"), "{text}");
    }
}
