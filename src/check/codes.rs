//! Standard numbers and what hangs on them: presence, fit to the level, prefix, year,
//! duplicates, origin, dates, `replaces` and `references`.

use std::collections::HashMap;

use crate::finding::{Code, Finding};
use crate::messages;
use crate::model::{CodeKind, CodeRef, Date, Level, Origin, Repository, Standard, Status, StdCode};

pub fn check(repo: &Repository, as_of: Date, out: &mut Vec<Finding>) {
    let prefix = repo.manifest.internal_prefix.as_deref();
    let mut by_code: HashMap<&StdCode, &Standard> = HashMap::new();
    for s in &repo.standards {
        own_code(s, prefix, as_of, out);
        origin(s, out);
        dates(s, out);
        if let Some(c) = &s.code {
            match by_code.get(&c.code) {
                Some(first) => out.push(
                    Finding::new(
                        Code::CodeDuplicate,
                        s.location(c.pos),
                        messages::code_duplicate(&c.code),
                    )
                    .related(
                        first.location(first.code.as_ref().map_or(first.head, |c| c.pos)),
                        messages::first_used_here(),
                    ),
                ),
                None => {
                    by_code.insert(&c.code, s);
                }
            }
        }
    }
    for s in &repo.standards {
        for r in &s.replaces {
            future_year(s, r, "replaces", as_of, out);
            if let Some(old) = by_code.get(&r.code)
                && old.status() != Some(Status::Superseded)
            {
                let status = old.status().map_or("?", |st| st.as_str());
                out.push(
                    Finding::new(
                        Code::ReplacesInForce,
                        s.location(r.pos),
                        messages::replaces_in_force(&r.code, status),
                    )
                    .related(
                        old.location(old.status.as_ref().map_or(old.head, |st| st.pos)),
                        messages::its_status_here(),
                    ),
                );
            }
        }
        for r in &s.references {
            future_year(s, r, "references", as_of, out);
            match by_code.get(&r.code) {
                Some(target) => {
                    let Some(status) = target.status().filter(|st| st.retired()) else {
                        continue;
                    };
                    let mut f = Finding::new(
                        Code::RefDead,
                        s.location(r.pos),
                        messages::ref_dead(&r.code, status),
                    )
                    .related(target.location(target.head), messages::that_standard_here());
                    if let Some(new) = repo
                        .standards
                        .iter()
                        .find(|n| n.replaces.iter().any(|x| x.code == r.code) && n.code.is_some())
                    {
                        let code = &new
                            .code
                            .as_ref()
                            .map(|c| c.code.to_string())
                            .unwrap_or_default();
                        f = f.help(messages::ref_dead_help(code));
                    }
                    out.push(f);
                }
                None => out.push(Finding::new(
                    Code::RefExternal,
                    s.location(r.pos),
                    messages::ref_external(&r.code),
                )),
            }
        }
    }
}

fn own_code(s: &Standard, prefix: Option<&str>, as_of: Date, out: &mut Vec<Finding>) {
    let status = s.status();
    let Some(c) = &s.code else {
        if let Some(st) = status
            && st.needs_code()
            && !s.code_invalid
        {
            let pos = s.status.as_ref().map_or(s.head, |x| x.pos);
            out.push(Finding::new(
                Code::CodeMissing,
                s.location(pos),
                messages::code_missing(st),
            ));
        }
        return;
    };
    if let Some(level) = &s.level {
        let kind = c.code.kind();
        if level.value == Level::Internal {
            if let Some(prefix) = prefix
                && !same_prefix(c.code.prefix(), prefix)
            {
                out.push(
                    Finding::new(
                        Code::CodePrefix,
                        s.location(c.pos),
                        messages::code_prefix(&c.written, prefix),
                    )
                    .related(s.location(level.pos), messages::level_declared_here()),
                );
            }
        } else if kind != expected_kind(level.value) {
            out.push(
                Finding::new(
                    Code::CodeFormat,
                    s.location(c.pos),
                    messages::code_level(&c.written, kind, level.value),
                )
                .related(s.location(level.pos), messages::level_declared_here()),
            );
        }
    }
    future_year(s, c, "code", as_of, out);
    if let Some(published) = &s.published
        && i32::from(published.value.year()) != i32::from(c.code.year())
    {
        out.push(
            Finding::new(
                Code::CodeYear,
                s.location(c.pos),
                messages::code_year(&c.written, c.code.year(), published.value),
            )
            .related(s.location(published.pos), messages::published_here()),
        );
    }
}

/// A year later than the year after `as_of` is impossible.
fn future_year(s: &Standard, c: &CodeRef, key: &str, as_of: Date, out: &mut Vec<Finding>) {
    let limit = i32::from(as_of.year()) + 1;
    if i32::from(c.code.year()) > limit {
        out.push(Finding::new(
            Code::CodeFormat,
            s.location(c.pos),
            messages::code_future_year(key, &c.written, c.code.year(), limit),
        ));
    }
}

/// Whether a code's prefix is the manifest's `internal-prefix` (spaces and case aside).
pub fn same_prefix(code_prefix: &str, internal: &str) -> bool {
    let norm = |p: &str| {
        p.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase()
    };
    norm(code_prefix) == norm(internal)
}

/// The kind of code a level's standards carry.
pub fn expected_kind(level: Level) -> CodeKind {
    match level {
        Level::National => CodeKind::National,
        Level::Industry => CodeKind::Industry,
        Level::Local => CodeKind::Local,
        Level::Group => CodeKind::Group,
        Level::Internal => CodeKind::Enterprise,
    }
}

fn origin(s: &Standard, out: &mut Vec<Finding>) {
    let (Some(level), Some(origin)) = (&s.level, &s.origin) else {
        return;
    };
    let external = level.value != Level::Internal;
    let adopted = origin.value == Origin::Adopted;
    if external != adopted {
        let message = if external {
            messages::origin_not_adopted(level.value, origin.value)
        } else {
            messages::origin_internal_adopted()
        };
        out.push(
            Finding::new(Code::OriginLevel, s.location(origin.pos), message)
                .related(s.location(level.pos), messages::level_declared_here()),
        );
    }
}

fn dates(s: &Standard, out: &mut Vec<Finding>) {
    if let (Some(p), Some(e)) = (&s.published, &s.effective)
        && e.value < p.value
    {
        out.push(
            Finding::new(
                Code::DateOrder,
                s.location(e.pos),
                messages::date_order(e.value, p.value),
            )
            .related(s.location(p.pos), messages::published_here()),
        );
    }
}
