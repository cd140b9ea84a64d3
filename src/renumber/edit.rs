//! The edits themselves, with `toml_edit`: only the values that change are replaced, each
//! keeping the whitespace and comments around it, so that `git diff` shows the changed lines
//! and nothing else.

use toml_edit::{Array, DocumentMut, Item, TableLike, Value};

use crate::finding::Msg;
use crate::messages;
use crate::model::{FileKind, SystemNo};

/// A standard's file with `no` set to `new` and `old` added to `formerly` (unless already
/// there); for a `.md` file only the front matter between the `+++` lines is edited and the
/// body kept byte for byte. `None` when the metadata does not parse.
pub fn standard(bytes: &[u8], file: FileKind, old: &str, new: &str) -> Option<(Vec<u8>, Vec<Msg>)> {
    let text = std::str::from_utf8(bytes).ok()?;
    let (head, meta, tail) = match file {
        FileKind::Toml => ("", text, ""),
        FileKind::Markdown => front_matter(text)?,
    };
    let (meta, what) = metadata(meta, old, new)?;
    Some(([head, &meta, tail].concat().into_bytes(), what))
}

/// The text split around its front matter: up to and including the opening `+++` line, the
/// TOML between, and from the closing `+++` line on.
fn front_matter(text: &str) -> Option<(&str, &str, &str)> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - body.len();
    let first = body.find('\n')? + 1;
    if body[..first].trim_end() != "+++" {
        return None;
    }
    let mut at = first;
    loop {
        let end = body[at..].find('\n').map_or(body.len(), |e| at + e + 1);
        if body[at..end].trim_end() == "+++" {
            return Some((&text[..bom + first], &body[first..at], &body[at..]));
        }
        if end == body.len() {
            return None;
        }
        at = end;
    }
}

fn metadata(meta: &str, old: &str, new: &str) -> Option<(String, Vec<Msg>)> {
    let mut doc: DocumentMut = meta.parse().ok()?;
    let no = doc.get_mut("no")?.as_value_mut()?;
    let written = no.as_str()?.to_owned();
    set(no, new);
    let mut what = vec![messages::renumber_value("no", &written, new)];
    let old_no: Option<SystemNo> = old.parse().ok();
    match doc.get_mut("formerly") {
        Some(item) => {
            let list = item.as_array_mut()?;
            let known = list
                .iter()
                .any(|v| v.as_str().and_then(|s| s.trim().parse::<SystemNo>().ok()) == old_no);
            if !known {
                list.push(old);
                what.push(messages::renumber_former(old));
            }
            // A standard given back one of its former numbers no longer has it as former.
            let new_no: Option<SystemNo> = new.parse().ok();
            let before = list.len();
            list.retain(|v| v.as_str().and_then(|s| s.trim().parse::<SystemNo>().ok()) != new_no);
            if list.len() < before {
                what.push(messages::renumber_former_dropped(new));
            }
        }
        None => {
            let mut list = Array::new();
            list.push(old);
            doc.insert("formerly", Item::Value(Value::Array(list)));
            what.push(messages::renumber_former(old));
        }
    }
    Some((doc.to_string(), what))
}

/// A record file with every training's `standards` entry and inspection's `standard` that
/// `renames` maps replaced; `None` when it does not parse.
pub fn records(
    bytes: &[u8],
    renames: &dyn Fn(&str) -> Option<String>,
) -> Option<(Vec<u8>, Vec<Msg>)> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut doc: DocumentMut = text.parse().ok()?;
    let mut what = Vec::new();
    let mut swap = |key: &str, v: &mut Value| {
        if let Some(written) = v.as_str().map(str::to_owned)
            && let Some(new) = renames(&written)
        {
            set(v, &new);
            what.push(messages::renumber_value(key, &written, &new));
        }
    };
    for (kind, key) in [("training", "standards"), ("inspection", "standard")] {
        for entry in entries(doc.get_mut(kind)) {
            match entry.get_mut(key) {
                Some(Item::Value(Value::Array(list))) => {
                    list.iter_mut().for_each(|v| swap(key, v));
                }
                Some(Item::Value(v)) => swap(key, v),
                _ => {}
            }
        }
    }
    Some((doc.to_string().into_bytes(), what))
}

/// The entries of `[[training]]` (or `training = [{ … }, …]`).
fn entries(item: Option<&mut Item>) -> Vec<&mut dyn TableLike> {
    match item {
        Some(Item::ArrayOfTables(tables)) => {
            tables.iter_mut().map(|t| t as &mut dyn TableLike).collect()
        }
        Some(Item::Value(Value::Array(list))) => list
            .iter_mut()
            .filter_map(|v| v.as_inline_table_mut())
            .map(|t| t as &mut dyn TableLike)
            .collect(),
        _ => Vec::new(),
    }
}

/// A string value replaced, its surrounding whitespace and comments kept.
fn set(v: &mut Value, text: &str) {
    let decor = v.decor().clone();
    *v = Value::from(text);
    *v.decor_mut() = decor;
}
