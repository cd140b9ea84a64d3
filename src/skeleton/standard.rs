//! A new standard (`stdkit new`): the next free sequence of a category, the file name made of
//! system number and title, and the file's text — metadata only for an adopted external
//! standard (`.toml`), front matter and a GB/T 1.1 skeleton for a centre standard (`.md`)
//! that passes the text lint as it is.

use std::collections::BTreeSet;

use super::toml_string;
use crate::model::{Level, Origin, Status, StdCode, SystemNo};

/// What the new file says.
pub struct NewStandard<'a> {
    pub no: &'a SystemNo,
    /// The title as written in the front matter (one line: see [`super::one_line`]).
    pub title: &'a str,
    pub level: Level,
    pub status: Status,
    pub code: Option<&'a StdCode>,
    /// The year the commented example of `due` is dated in (the as-of year).
    pub year: i16,
}

impl NewStandard<'_> {
    /// `adopted` for an external level, else `formulated` (SPEC §2.3).
    pub fn origin(&self) -> Origin {
        if self.level == Level::Internal {
            Origin::Formulated
        } else {
            Origin::Adopted
        }
    }

    /// `201-03-标题.md`, or `.toml` for an external standard; `None` when the title leaves
    /// nothing for a file name.
    pub fn file_name(&self) -> Option<String> {
        let stem = file_stem(self.title)?;
        let ext = if self.level == Level::Internal {
            "md"
        } else {
            "toml"
        };
        Some(format!("{}-{stem}.{ext}", self.no))
    }

    /// The file's text.
    pub fn text(&self) -> String {
        let mut meta = format!(
            "no = {}\ntitle = {}\nlevel = {}\norigin = {}{}\nstatus = {}\n",
            toml_string(&self.no.to_string()),
            toml_string(self.title),
            toml_string(self.level.as_str()),
            toml_string(self.origin().as_str()),
            if self.level == Level::Internal {
                "    # formulated 制标 | supplemented 补标"
            } else {
                ""
            },
            toml_string(self.status.as_str()),
        );
        if let Some(code) = self.code {
            meta.push_str(&format!("code = {}\n", toml_string(&code.to_string())));
        }
        // The optional keys a centre fills in next, as comments to uncomment.
        meta.push_str(
            "# kind = \"service\"             # basic 基础标准 | work 工作标准 | service 服务质量标准 | management 管理标准\n\
             # unit = \"责任科室或窗口\"\n\
             # owner = \"责任人\"\n",
        );
        if self.status.pending() {
            meta.push_str(&format!(
                "# due = {}-12-31             # 完成时限\n",
                self.year
            ));
        }
        if let Some(code) = self.code {
            // The year of `published` is the year of the code (`code/year`).
            let year = code.year();
            meta.push_str(&format!(
                "# published = {year}-01-01       # 发布日期（按标准文本填写）\n\
                 # effective = {year}-03-01       # 实施日期（按标准文本填写）\n"
            ));
        }
        if self.level != Level::Internal {
            return meta;
        }
        format!("+++\n{meta}+++\n\n# {}\n\n{SKELETON}", self.title)
    }
}

/// The GB/T 1.1 text of a centre standard to be written: chapters 1–3 with the standard
/// sentences where there is nothing to cite or define, and one chapter for the requirements.
const SKELETON: &str = "\
## 1 范围

本文件规定了（待起草：本文件规定的内容）。

本文件适用于（待起草：适用的科室、窗口和事项）。

## 2 规范性引用文件

本文件没有规范性引用文件。

## 3 术语和定义

本文件没有需要界定的术语和定义。

## 4 要求

（待起草：按 GB/T 1.1 分条编写，要求用“应”，推荐用“宜”，允许用“可”。）
";

/// The part of a file name a title gives: without white space, control characters, path
/// separators and the characters Windows does not allow (the repository is shared with
/// Windows users), without leading dots, at most 60 characters. Chinese is kept as it is.
pub fn file_stem(title: &str) -> Option<String> {
    let kept: String = title
        .chars()
        .filter(|c| {
            !(c.is_whitespace()
                || c.is_control()
                || matches!(
                    c,
                    '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '／' | '＼' | '：'
                ))
        })
        .collect();
    let stem: String = kept
        .trim_start_matches('.')
        .chars()
        .take(60)
        .collect::<String>()
        .trim_end_matches('.')
        .to_owned();
    (!stem.is_empty()).then_some(stem)
}

/// The next free sequence of a category: the first gap in `taken`, else one after the last.
pub fn next_seq(taken: &BTreeSet<u32>) -> u32 {
    let mut n = 1;
    for &t in taken.range(1..) {
        if t != n {
            break;
        }
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_sequence_fills_the_first_gap_else_follows_the_last() {
        let set = |v: &[u32]| v.iter().copied().collect::<BTreeSet<u32>>();
        assert_eq!(next_seq(&set(&[])), 1);
        assert_eq!(next_seq(&set(&[1, 2])), 3);
        assert_eq!(next_seq(&set(&[1, 3])), 2);
        assert_eq!(next_seq(&set(&[2, 3])), 1);
        assert_eq!(next_seq(&set(&[0, 1, 2, 4])), 3);
    }

    #[test]
    fn file_names_keep_chinese_and_drop_what_is_unsafe() {
        assert_eq!(
            file_stem("服务业组织标准化工作指南 第1部分：基本要求").as_deref(),
            Some("服务业组织标准化工作指南第1部分基本要求")
        );
        assert_eq!(file_stem("../a/b\\c").as_deref(), Some("abc"));
        assert_eq!(file_stem("..隐藏").as_deref(), Some("隐藏"));
        assert_eq!(file_stem("a\u{7}b\tc").as_deref(), Some("abc"));
        assert_eq!(file_stem("/ \\ ..").as_deref(), None);
        assert_eq!(file_stem(&"长".repeat(100)).unwrap().chars().count(), 60);
    }

    #[test]
    fn a_centre_standard_is_markdown_with_the_skeleton() {
        let no: SystemNo = "201-03".parse().unwrap();
        let s = NewStandard {
            no: &no,
            title: "一次性告知制",
            level: Level::Internal,
            status: Status::Planned,
            code: None,
            year: 2014,
        };
        assert_eq!(s.file_name().as_deref(), Some("201-03-一次性告知制.md"));
        let text = s.text();
        assert!(text.starts_with("+++\nno = \"201-03\"\n"));
        assert!(text.contains("origin = \"formulated\""));
        assert!(text.contains("## 2 规范性引用文件\n\n本文件没有规范性引用文件。"));
        assert!(text.contains("## 3 术语和定义\n\n本文件没有需要界定的术语和定义。"));
        let front = text.split("+++\n").nth(1).unwrap();
        let table: toml::Table = toml::from_str(front).unwrap();
        assert_eq!(table.len(), 5);
    }

    #[test]
    fn an_external_standard_is_metadata_only() {
        let no: SystemNo = "105-01".parse().unwrap();
        let code: StdCode = "GB/T 24421.1—2009".parse().unwrap();
        let s = NewStandard {
            no: &no,
            title: "服务业组织标准化工作指南 第1部分：基本要求",
            level: Level::National,
            status: Status::InForce,
            code: Some(&code),
            year: 2014,
        };
        assert_eq!(
            s.file_name().as_deref(),
            Some("105-01-服务业组织标准化工作指南第1部分基本要求.toml")
        );
        let table: toml::Table = toml::from_str(&s.text()).unwrap();
        assert_eq!(table["origin"].as_str(), Some("adopted"));
        assert_eq!(table["code"].as_str(), Some("GB/T 24421.1-2009"));
        assert_eq!(table["status"].as_str(), Some("in-force"));
    }
}
