//! The terminal table fits the width it is given (`COLUMNS`): on the shipped `standards/`
//! repository, every line of `stdkit table` at 80 columns is at most 80 columns wide and every
//! standard number is printed whole; below 60 columns it is one record at a time; `--wide`
//! prints every cell whole.

mod common;

use common::project;

fn table(columns: &str, extra: &[&str]) -> String {
    let o = common::bin()
        .arg("-C")
        .arg(project("standards"))
        .arg("table")
        .args(extra)
        .env("COLUMNS", columns)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    String::from_utf8(o.stdout).unwrap()
}

/// The standard numbers (codes) of `standards/`, from the JSON form of the table.
fn codes() -> Vec<String> {
    let json: serde_json::Value =
        serde_json::from_str(&table("80", &["--format", "json"])).unwrap();
    let codes: Vec<String> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["code"].as_str().map(str::to_owned))
        .collect();
    assert!(codes.len() > 50, "{codes:?}");
    codes
}

#[test]
fn at_80_columns_the_table_fits_and_no_code_is_split() {
    let text = table("80", &[]);
    for line in text.lines() {
        let w = stdkit::report::display_width(line);
        assert!(w <= 80, "{w} columns: {line}");
    }
    for code in codes() {
        assert!(
            text.lines().any(|l| l.contains(&format!("| {code} "))),
            "`{code}` is not whole in:\n{text}"
        );
    }
    // The titles were shortened to fit, and the columns left out are named.
    assert!(text.contains('…'), "{text}");
    assert!(
        text.contains("未显示：") && text.contains("--wide"),
        "{text}"
    );
}

#[test]
fn coloured_the_table_is_as_wide_once_the_escapes_are_taken_out() {
    let plain = table("80", &[]);
    let coloured = table("80", &["--color", "always"]);
    assert!(coloured.contains("\u{1b}["), "{coloured}");
    assert_eq!(strip(&coloured), plain);
}

#[test]
fn below_60_columns_the_table_is_one_record_at_a_time() {
    let text = table("50", &[]);
    assert!(text.starts_with("序号：1\n体系表编号："), "{text}");
    assert!(!text.contains('|'), "{text}");
    for code in codes() {
        assert!(text.contains(&format!("标准编号：{code}\n")), "{code}");
    }
}

#[test]
fn wide_prints_every_cell_whole_however_narrow() {
    let wide = table("50", &["--wide"]);
    // The same as the table for a pipe without COLUMNS: whole, nothing left out.
    let o = common::bin()
        .arg("-C")
        .arg(project("standards"))
        .arg("table")
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    assert_eq!(wide, String::from_utf8(o.stdout).unwrap());
    assert!(!wide.contains('…'));
    assert!(wide.starts_with("| 序号 | 体系表编号 |"), "{wide}");
    assert!(wide.lines().next().unwrap().contains("责任科室"));
}

/// `text` without its SGR escapes (`ESC [ … m`).
fn strip(text: &str) -> String {
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
