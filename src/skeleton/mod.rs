//! The texts of what the writing commands create: a new repository (`init`) and a new
//! standard (`new`). Pure: text from values, no I/O; where the files go and how they are
//! written is `edit`'s, and the commands put the two together.

pub mod new;
pub mod repository;
pub mod standard;

/// A TOML basic string with its quotes, escaped as TOML wants (`"安庆\"市\""`).
pub fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// A name or title as the files keep it: trimmed, every run of white space or control
/// characters one space. `None` when nothing is left.
pub fn one_line(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_quoted_and_escaped() {
        assert_eq!(toml_string("安庆市"), "\"安庆市\"");
        let quoted = toml_string("a\"b\\c");
        let parsed: toml::Table = toml::from_str(&format!("k = {quoted}")).unwrap();
        assert_eq!(parsed["k"].as_str(), Some("a\"b\\c"));
    }

    #[test]
    fn names_are_trimmed_and_keep_single_spaces() {
        assert_eq!(
            one_line("  质量管理\t顾客满意\n ").as_deref(),
            Some("质量管理 顾客满意")
        );
        assert_eq!(one_line(" \n\u{7} "), None);
    }
}
