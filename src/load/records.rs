//! Scope registries and record files → model.

use super::fields::{self, Fields};
use super::source::Source;
use crate::finding::Finding;
use crate::model::{Audit, Inspection, NoRef, Outcome, ScopeItem, Staff, Survey, Training};

/// The array-of-tables key of each record or scope file.
pub const POST: &[&str] = &["post"];
pub const SERVICE: &[&str] = &["service"];
pub const ASSET: &[&str] = &["asset"];
pub const STAFF: &[&str] = &["staff"];
pub const INSPECTION: &[&str] = &["inspection"];
pub const TRAINING: &[&str] = &["training"];
pub const SURVEY: &[&str] = &["survey"];

/// Reads every `[[key]]` entry of a file with `read`, which sees the entry's fields. Each
/// value comes with whether reading its entry gave a finding (an unknown key, a blank or
/// invalid value): such an entry breaks a rule and counts in no rate.
fn entries<T>(
    src: &Source<'_>,
    key: &'static [&'static str],
    known: &'static [&'static str],
    findings: &mut Vec<Finding>,
    left_out: &mut u64,
    mut read: impl FnMut(&mut Fields<'_, '_, '_>) -> Option<T>,
) -> Vec<(T, bool)> {
    let Some(doc) = fields::parse(src, src.text, 0, findings) else {
        return Vec::new();
    };
    let mut root = Fields::new(src, 0, doc.get_ref(), doc.span(), key, "", findings);
    let mut out = Vec::new();
    for (t, span) in root.tables(key[0]) {
        let before = root.findings.len();
        let mut f = Fields::new(src, 0, t, span, known, key[0], root.findings);
        let value = read(&mut f);
        f.finish();
        match value {
            Some(v) => out.push((v, root.findings.len() > before)),
            // Without a required value the entry is not a record at all: reported, and
            // counted among those the rates leave out.
            None => *left_out += 1,
        }
    }
    root.finish();
    out
}

/// The entries of a record file that were read without a finding: the others are reported
/// and left out of every later rule, like an entry without a required key.
fn sound<T>(entries: Vec<(T, bool)>, left_out: &mut u64) -> Vec<T> {
    let all = entries.len();
    let sound: Vec<T> = entries
        .into_iter()
        .filter_map(|(v, faulty)| (!faulty).then_some(v))
        .collect();
    *left_out += (all - sound.len()) as u64;
    sound
}

/// The file's path as one shared allocation for all its entries.
fn shared(src: &Source<'_>) -> crate::model::SharedPath {
    thread_local! {
        static LAST: std::cell::RefCell<Option<crate::model::SharedPath>> = const { std::cell::RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        match last.as_ref() {
            Some(p) if **p == *src.path => p.clone(),
            _ => {
                let p: crate::model::SharedPath = src.path.as_str().into();
                *last = Some(p.clone());
                p
            }
        }
    })
}

pub fn scope(
    src: &Source<'_>,
    key: &'static [&'static str],
    findings: &mut Vec<Finding>,
    left_out: &mut u64,
) -> Vec<ScopeItem> {
    // An entry without a name is reported, but keeps its id: what refers to it resolves.
    entries(
        src,
        key,
        *crate::schema::keys::SCOPE_ITEM,
        findings,
        left_out,
        |f| {
            let id = f.req_text("id");
            let name = f.req_text("name");
            let unit = f.string("unit").map(|u| u.value);
            Some(ScopeItem {
                id: id?,
                name: name.map(|n| n.value).unwrap_or_default(),
                unit,
                faulty: false,
            })
        },
    )
    .into_iter()
    .map(|(item, faulty)| ScopeItem { faulty, ..item })
    .collect()
}

pub fn staff(src: &Source<'_>, findings: &mut Vec<Finding>, left_out: &mut u64) -> Vec<Staff> {
    entries(
        src,
        STAFF,
        *crate::schema::keys::STAFF,
        findings,
        left_out,
        |f| {
            let id = f.req_text("id");
            let name = f.req_text("name");
            let unit = f.string("unit").map(|u| u.value);
            let post = f.string("post");
            Some(Staff {
                id: id?,
                name: name.map(|n| n.value).unwrap_or_default(),
                unit,
                post,
                faulty: false,
            })
        },
    )
    .into_iter()
    .map(|(staff, faulty)| Staff { faulty, ..staff })
    .collect()
}

pub fn inspections(
    src: &Source<'_>,
    findings: &mut Vec<Finding>,
    left_out: &mut u64,
) -> Vec<Inspection> {
    let read = entries(
        src,
        INSPECTION,
        *crate::schema::keys::INSPECTION,
        findings,
        left_out,
        |f| {
            let head = f.head();
            let date = f.req_date("date");
            let standard = f.req_text("standard");
            let inspector = f.req_text("inspector");
            let result = f.choice("result", true, Outcome::parse, Outcome::spellings);
            let finding = f.string("finding").map(|s| s.value);
            let rectified = f.date("rectified");
            Some(Inspection {
                path: shared(src),
                head,
                date: date?,
                standard: NoRef::new(standard?),
                inspector: inspector?.value,
                result: result?.value,
                finding,
                rectified,
            })
        },
    );
    sound(read, left_out)
}

pub fn trainings(
    src: &Source<'_>,
    findings: &mut Vec<Finding>,
    left_out: &mut u64,
) -> Vec<Training> {
    let read = entries(
        src,
        TRAINING,
        *crate::schema::keys::TRAINING,
        findings,
        left_out,
        |f| {
            let head = f.head();
            let date = f.req_date("date");
            let topic = f.req_text("topic");
            let standards = f.strings("standards");
            let present = f.table_has("attendees");
            let attendees = f.strings("attendees");
            if !present {
                f.missing("attendees");
            }
            Some(Training {
                path: shared(src),
                head,
                date: date?,
                topic: topic?.value,
                standards: standards.into_iter().map(NoRef::new).collect(),
                attendees,
            })
        },
    );
    sound(read, left_out)
}

pub fn surveys(src: &Source<'_>, findings: &mut Vec<Finding>, left_out: &mut u64) -> Vec<Survey> {
    let read = entries(
        src,
        SURVEY,
        *crate::schema::keys::SURVEY,
        findings,
        left_out,
        |f| {
            let head = f.head();
            let from = f.req_date("from");
            let to = f.req_date("to");
            let method = f.req_text("method");
            let responses = f.count("responses");
            let satisfied = f.count("satisfied");
            Some(Survey {
                path: shared(src),
                head,
                from: from?,
                to: to?,
                method: method?.value,
                responses: responses?,
                satisfied: satisfied?,
            })
        },
    );
    sound(read, left_out)
}

/// An audit report's front matter (the body is read again when the dossier prints it).
pub fn audit(src: &Source<'_>, findings: &mut Vec<Finding>) -> Option<Audit> {
    let Some(fm) = src.front_matter() else {
        findings.push(crate::finding::Finding::new(
            crate::finding::Code::FrontmatterMissing,
            src.location_at(crate::finding::Pos::START),
            crate::messages::frontmatter_audit(),
        ));
        return None;
    };
    let doc = fields::parse(src, fm.toml, fm.toml_offset, findings)?;
    let mut f = Fields::new(
        src,
        fm.toml_offset,
        doc.get_ref(),
        doc.span(),
        *crate::schema::keys::AUDIT,
        "",
        findings,
    );
    let title = f.req_text("title");
    let date = f.req_date("date");
    let auditors = f.strings("auditors").into_iter().map(|a| a.value).collect();
    f.finish();
    Some(Audit {
        path: src.path.clone(),
        title: title?.value,
        date: date?.value,
        auditors,
    })
}
