//! `dossier/link`: a link or image of a printed Markdown text that points outside the
//! repository. The dossier is one offline file and carries no external address. Pure.

use crate::finding::{Code, Finding, Location, Msg};
use crate::messages;

/// Reports every link or image of a Markdown text that points outside the repository: the
/// dossier is one offline file and carries no external address.
pub fn outside(path: &str, markdown: &str, first_line: u32, findings: &mut Vec<Finding>) {
    // A link needs `](` (inline), `]:` (a reference definition) or `<` (an autolink or
    // HTML): a text with none of them is not parsed at all.
    if !may_link(markdown) {
        return;
    }
    use pulldown_cmark::{Event, Parser, Tag};
    for (event, range) in
        Parser::new_ext(markdown, crate::model::markdown_options()).into_offset_iter()
    {
        let (dest, message): (&str, fn(&str) -> Msg) = match &event {
            Event::Start(Tag::Link { dest_url, .. }) => (dest_url, messages::link_outside),
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url, messages::image_outside),
            _ => continue,
        };
        if inside(path, dest) {
            continue;
        }
        let line = first_line + markdown[..range.start].matches('\n').count() as u32;
        let column = markdown[..range.start]
            .rsplit('\n')
            .next()
            .unwrap_or("")
            .chars()
            .count() as u32
            + 1;
        findings.push(Finding::new(
            Code::DossierLink,
            Location::new(
                path.to_owned(),
                crate::finding::Pos {
                    line,
                    column,
                    len: 1,
                },
            ),
            message(dest),
        ));
    }
}

/// Whether a text may hold a link: `](` (inline), `]:` (a reference definition) or `<` (an
/// autolink or HTML), found in one pass over its bytes.
fn may_link(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'<', b']', bytes)
        .any(|i| bytes[i] == b'<' || matches!(bytes.get(i + 1), Some(b'(' | b':')))
}

/// Whether a link target stays inside the repository: a relative path that does not climb
/// above the root (anchors count as inside).
pub fn inside(from: &str, dest: &str) -> bool {
    resolve(from, dest).is_some() || dest.starts_with('#')
}

/// The repository-relative path a relative link of file `from` points at.
pub fn resolve(from: &str, dest: &str) -> Option<String> {
    let dest = dest.split(['#', '?']).next().unwrap_or("");
    if dest.is_empty() || dest.contains(':') || dest.starts_with('/') || dest.starts_with('\\') {
        return None;
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in dest.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_that_leave_the_repository_are_outside() {
        assert!(inside("dossier/01.md", "../standards/x.md"));
        assert!(inside("dossier/01.md", "img/a.png"));
        assert!(inside("dossier/01.md", "#top"));
        assert!(!inside("dossier/01.md", "../../etc/passwd"));
        assert!(!inside("dossier/01.md", "https://example.org/a.png"));
        assert!(!inside("dossier/01.md", "/etc/passwd"));
        assert!(!inside("dossier/01.md", "file:///etc/passwd"));
        assert_eq!(
            resolve("dossier/01.md", "../img/a.png").as_deref(),
            Some("img/a.png")
        );
    }

    #[test]
    fn only_texts_that_may_hold_a_link_are_parsed() {
        assert!(may_link("见[网站](https://example.org)"));
        assert!(may_link("[a]: https://example.org"));
        assert!(may_link("<https://example.org>"));
        assert!(!may_link("第 1 章 [说明] 无链接"));
        assert!(!may_link("末尾]"));
    }

    #[test]
    fn outside_links_are_findings_at_their_line() {
        let mut f = Vec::new();
        outside(
            "dossier/01.md",
            "# 标题\n\n见[网站](https://example.org)与![图](../../x.png)\n",
            1,
            &mut f,
        );
        assert_eq!(f.len(), 2);
        assert!(
            f.iter()
                .all(|x| x.code == Code::DossierLink && x.location.pos.line == 3)
        );
    }
}
