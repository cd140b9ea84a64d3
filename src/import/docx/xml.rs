//! A small element tree over one XML part of a Word file, built by streaming `quick-xml`
//! events: element local names (the `w:` prefix dropped), attributes by local name, and the
//! text of the elements. The nesting depth is capped, so a hostile part cannot exhaust the
//! stack; the tree's size is linear in the part's, which the package reader caps.

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

/// Elements nested deeper than this are refused (Word nests tables in tables, never
/// this deep).
pub const MAX_DEPTH: usize = 256;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Element {
    /// The local name (`p` for `w:p`).
    pub name: String,
    /// Attributes by local name (`val` for `w:val`, `embed` for `r:embed`).
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

/// Why a part is not XML we can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum XmlError {
    Syntax(String),
    TooDeep,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The `val` attribute of the child `name` (`<w:pStyle w:val="…"/>`).
    pub fn child_val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(|c| c.attr("val"))
    }

    /// The first descendant named `name`, depth first.
    pub fn find(&self, name: &str) -> Option<&Element> {
        let mut stack: Vec<&Element> = vec![self];
        while let Some(e) = stack.pop() {
            let at = stack.len();
            for c in e.elements() {
                if c.name == name {
                    return Some(c);
                }
                stack.push(c);
            }
            stack[at..].reverse();
        }
        None
    }

    /// The text directly inside this element.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for n in &self.children {
            if let Node::Text(t) = n {
                s.push_str(t);
            }
        }
        s
    }
}

/// Parses one part into its root element.
pub fn parse(xml: &str) -> Result<Element, XmlError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let event = reader
            .read_event()
            .map_err(|e| XmlError::Syntax(e.to_string()))?;
        match event {
            Event::Start(start) => {
                if stack.len() > MAX_DEPTH {
                    return Err(XmlError::TooDeep);
                }
                stack.push(element(&start)?);
            }
            Event::Empty(start) => {
                let e = element(&start)?;
                push(&mut stack, Node::Element(e));
            }
            Event::End(_) => {
                if stack.len() < 2 {
                    return Err(XmlError::Syntax("unbalanced end tag".into()));
                }
                let done = stack.pop().unwrap_or_default();
                push(&mut stack, Node::Element(done));
            }
            // The events are text already (the part was decoded as UTF-8); line ends are
            // normalised as XML 1.0 says.
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(t) => push_text(&mut stack, &t.xml10_content()),
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(&r)
                        .unwrap_or("")
                        .to_owned(),
                };
                push_text(&mut stack, &text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(XmlError::Syntax("unclosed element".into()));
    }
    let top = stack.pop().unwrap_or_default();
    top.children
        .into_iter()
        .find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or_else(|| XmlError::Syntax("no root element".into()))
}

fn element(start: &BytesStart<'_>) -> Result<Element, XmlError> {
    let name = start.local_name().as_ref().to_owned();
    let mut attrs = Vec::new();
    for a in start.attributes() {
        let a = a.map_err(|e| XmlError::Syntax(e.to_string()))?;
        let key = a.key.local_name().as_ref().to_owned();
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| XmlError::Syntax(e.to_string()))?
            .into_owned();
        attrs.push((key, value));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
    })
}

fn push(stack: &mut [Element], node: Node) {
    if let Some(top) = stack.last_mut() {
        top.children.push(node);
    }
}

fn push_text(stack: &mut [Element], text: &str) {
    if let Some(top) = stack.last_mut() {
        if let Some(Node::Text(t)) = top.children.last_mut() {
            t.push_str(text);
        } else {
            top.children.push(Node::Text(text.to_owned()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_attributes_and_text_with_entities() {
        let root = parse(
            r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:p><w:pPr><w:pStyle w:val="a&amp;b"/></w:pPr><w:r><w:t>甲 &lt;乙&gt; &#x4E19;</w:t></w:r></w:p></w:document>"#,
        )
        .unwrap();
        assert_eq!(root.name, "document");
        let p = root.child("p").unwrap();
        assert_eq!(p.child("pPr").unwrap().child_val("pStyle"), Some("a&b"));
        assert_eq!(p.find("t").unwrap().text(), "甲 <乙> 丙");
    }

    #[test]
    fn deep_nesting_is_refused_and_broken_xml_is_an_error() {
        let deep = "<a>".repeat(MAX_DEPTH + 2) + &"</a>".repeat(MAX_DEPTH + 2);
        assert_eq!(parse(&deep), Err(XmlError::TooDeep));
        assert!(matches!(parse("<a><b></a>"), Err(XmlError::Syntax(_))));
        assert!(matches!(parse("<a>"), Err(XmlError::Syntax(_))));
    }
}
