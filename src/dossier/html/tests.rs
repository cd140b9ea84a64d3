//! Tests of the HTML volume: the sanitiser, the inlined pictures, the CSS string, the
//! sections.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::css::css_string;
use super::markdown::markdown_html;
use super::*;

#[test]
fn a_pictures_data_uri_decodes_back_to_its_bytes() {
    // Every byte value, and a length that is no multiple of 3 (so the padding shows).
    let bytes: Vec<u8> = (0..=255).chain([0xff]).collect();
    let picture = |p: &str| (p == "dossier/img/a.gif").then(|| bytes.clone());
    let html = markdown_html("![图](img/a.gif)", "dossier/01.md", false, &picture);
    let (_, rest) = html
        .split_once("src=\"data:image/gif;base64,")
        .expect(&html);
    let (encoded, _) = rest.split_once('"').unwrap();
    assert!(encoded.ends_with('='), "{encoded}");
    assert_eq!(STANDARD.decode(encoded).unwrap(), bytes);
}

#[test]
fn raw_html_and_external_links_do_not_survive() {
    let none = |_: &str| None;
    let html = markdown_html(
        "# 标题\n\n<script>alert(1)</script>\n\n见[网站](https://example.org)。<img src=\"https://example.org/b.png\">\n\n![x](https://example.org/a.png)\n",
        "dossier/01.md",
        true,
        &none,
    );
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("example.org"), "{html}");
    assert!(html.contains("见网站"), "{html}");
    assert!(!html.contains("标题"), "{html}");
}

#[test]
fn images_inside_the_repository_are_inlined() {
    let png = |p: &str| (p == "dossier/img/a.png").then(|| b"PNG".to_vec());
    let html = markdown_html("![图](img/a.png)", "dossier/01.md", false, &png);
    assert!(
        html.contains("src=\"data:image/png;base64,UE5H\""),
        "{html}"
    );
}

#[test]
fn a_title_cannot_break_out_of_the_css_string() {
    let title = "卷\u{c}\r\n\"\\'</style><style>h1{display:none}@import url(x);\u{0}\u{1b}&";
    let css = css_string(title);
    for bad in [
        '\u{c}', '\r', '\n', '"', '\'', '<', '>', '&', '\u{0}', '\u{1b}',
    ] {
        assert!(!css.contains(bad), "{bad:?} left raw in {css:?}");
    }
    // Every backslash starts one of our escapes: `\HEX ` ends at its space.
    let escapes = css.split('\\').skip(1);
    for e in escapes {
        let hex: String = e.chars().take_while(char::is_ascii_hexdigit).collect();
        assert!(
            !hex.is_empty() && e[hex.len()..].starts_with(' '),
            "{css:?}"
        );
    }
    assert!(css.starts_with("卷\\c \\d \\a \\22 \\5c \\27 \\3c /style\\3e "));
    assert!(css.contains("\\fffd \\1b \\26 "), "{css:?}");
    assert_eq!(css_string("标准化工作汇编"), "标准化工作汇编");

    let style = stylesheet(title, false);
    assert!(!style.contains('<'), "{style}");
    let top = style.lines().find(|l| l.contains("@top-center {")).unwrap();
    assert!(top.ends_with("border-bottom: 0.5pt solid #000; }"), "{top}");
}

#[test]
fn attribute_values_escape_both_quotes() {
    assert_eq!(esc("a\"b'c<d>&"), "a&quot;b&#39;c&lt;d&gt;&amp;");
    let none = |_: &str| None;
    let html = markdown_html("![x](a.png \"t\\\" onerror='1\")", "", false, &none);
    assert!(!html.contains("onerror"), "{html}");
}

#[test]
fn no_data_or_script_link_survives_the_sanitiser() {
    let png = |p: &str| (p == "img/a.png").then(|| b"PNG".to_vec());
    let md = "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>\n\
              <a href=\" DATA:text/html;base64,PHNjcmlwdD4=\">y</a>\n\
              <a href=\"javascript:alert(1)\">z</a>\n\
              <a href=\"https://example.org/\">w</a> <a href=\"mailto:a@b.c\">m</a>\n\
              <img src=\"data:image/svg+xml;base64,PHN2Zz4=\">\n\
              <a href=\"#s2\">见第二部分</a>\n\n![图](img/a.png)\n";
    let html = markdown_html(md, "x.md", false, &png);
    assert!(!html.to_ascii_lowercase().contains("data:text"), "{html}");
    assert!(!html.contains("svg+xml"), "{html}");
    assert!(!html.contains("javascript"), "{html}");
    assert!(
        !html.contains("example.org") && !html.contains("mailto"),
        "{html}"
    );
    assert!(html.contains("href=\"#s2\""), "{html}");
    assert_eq!(html.matches("src=\"data:").count(), 1, "{html}");
    assert!(
        html.contains("src=\"data:image/png;base64,UE5H\""),
        "{html}"
    );
    for text in ["x", "y", "z", "w", "见第二部分"] {
        assert!(html.contains(&format!(">{text}</a>")), "{text}: {html}");
    }
}

#[test]
fn the_rates_page_lists_what_each_rate_leaves_out() {
    let mut repo = crate::model::Repository::default();
    repo.scope.posts.items = vec![crate::model::ScopeItem {
        id: crate::model::At::new("GW01".into(), crate::finding::Pos::START),
        name: "窗口<受理>员".into(),
        unit: None,
        faulty: false,
    }];
    let rates = crate::rates::compute(&repo, None);
    let mut out = String::new();
    section_body(
        &mut out,
        &Section::Rates {
            center: rates,
            members: Vec::new(),
        },
        &test_dossier(),
        &|_| None,
    );
    assert!(
        out.contains("<p>岗位覆盖率未计入（1）：GW01 窗口&lt;受理&gt;员</p>"),
        "{out}"
    );
    assert!(out.contains("<p>体系完整率未计入：无</p>"), "{out}");
}

fn test_dossier() -> Dossier {
    Dossier {
        title: "汇编".into(),
        center: "中心".into(),
        as_of: "2014-12-31".parse().unwrap(),
        draft: false,
        commit: None,
        dirty: false,
        sections: Vec::new(),
        body_lines: Default::default(),
    }
}
