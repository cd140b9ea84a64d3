//! Markdown to sanitised HTML: links kept as text, pictures of the repository inlined as
//! data URIs, raw HTML through the sanitiser.

use std::borrow::Cow;
use std::collections::HashSet;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::{Assets, esc};

/// Markdown to sanitised HTML. Links keep their text only; images inside the repository are
/// inlined as data URIs, others dropped (reported by `compile`). The first `# ` heading of a
/// chapter is its section heading already and is skipped. Raw HTML in the Markdown goes
/// through the sanitiser: no script, no style, no address of any scheme; a `data:` URI only
/// where this function built it.
pub(super) fn markdown_html(
    markdown: &str,
    path: &str,
    skip_title: bool,
    assets: Assets<'_>,
) -> String {
    let mut skipping = false;
    let mut seen_title = !skip_title;
    let mut in_image = false;
    let mut inlined = HashSet::new();
    let events =
        Parser::new_ext(markdown, crate::model::markdown_options()).filter_map(|e| match e {
            Event::Start(Tag::Heading {
                level: pulldown_cmark::HeadingLevel::H1,
                ..
            }) if !seen_title => {
                seen_title = true;
                skipping = true;
                None
            }
            Event::End(TagEnd::Heading(pulldown_cmark::HeadingLevel::H1)) if skipping => {
                skipping = false;
                None
            }
            _ if skipping => None,
            Event::Start(Tag::Link { .. }) | Event::End(TagEnd::Link) => None,
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                in_image = true;
                let data = crate::check::links::resolve(path, &dest_url)
                    .and_then(|p| Some((assets(&p)?, p)));
                data.map(|(bytes, p)| {
                    let uri = format!("data:{};base64,{}", mime(&p), STANDARD.encode(&bytes));
                    let img = format!("<img alt=\"{}\" src=\"{uri}\">", esc(&title));
                    inlined.insert(uri);
                    Event::Html(img.into())
                })
            }
            Event::End(TagEnd::Image) => {
                in_image = false;
                None
            }
            _ if in_image => None,
            Event::Html(h) | Event::InlineHtml(h) => Some(Event::Html(h)),
            other => Some(other),
        });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    sanitizer(inlined).clean(&html).to_string()
}

/// The sanitiser of Markdown HTML. `inlined` holds the `data:` URIs of the images this module
/// built; any other `data:` value (a link to `data:text/html,…`, an image smuggled in as raw
/// HTML) is removed, as is every address with a scheme. Relative URLs are refused except a
/// `#fragment` within the volume.
fn sanitizer(inlined: HashSet<String>) -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.url_schemes(HashSet::from(["data"]))
        .url_relative(ammonia::UrlRelative::Custom(Box::new(fragment_only)))
        .attribute_filter(move |element, attribute, value| {
            let ours = element == "img" && attribute == "src" && inlined.contains(value);
            (ours || !is_data_uri(value)).then_some(Cow::Borrowed(value))
        })
        .add_tag_attributes("img", ["src", "alt"])
        .add_tag_attributes("td", ["align"])
        .add_tag_attributes("th", ["align"]);
    b
}

fn fragment_only(url: &str) -> Option<Cow<'_, str>> {
    url.starts_with('#').then_some(Cow::Borrowed(url))
}

/// Whether a URL has the `data:` scheme, read as a browser would: leading spaces and control
/// characters skipped, tabs and newlines inside ignored, any case.
fn is_data_uri(value: &str) -> bool {
    let mut scheme = value
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    "data:"
        .chars()
        .all(|want| scheme.next().is_some_and(|c| c.eq_ignore_ascii_case(&want)))
}

fn mime(path: &str) -> &'static str {
    match path
        .rsplit('.')
        .next()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}
