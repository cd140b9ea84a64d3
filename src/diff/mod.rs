//! What changed in the standard system between two loaded repositories (a git revision and
//! the working tree, or two revisions): standards added, removed and renumbered, status
//! changes, new editions, changed metadata, changed clauses of the centre's texts, and the
//! rates before and after. Pure: takes two repositories and their texts, returns a value.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::{Repository, Standard};
use crate::rates::{self, RateKey};

/// The Markdown bodies of standards, by path.
pub type Texts = BTreeMap<String, String>;

/// What changed, every list sorted.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Diff {
    pub added: Vec<Entry>,
    pub removed: Vec<Entry>,
    pub renumbered: Vec<Renumbered>,
    pub status: Vec<StatusChange>,
    pub editions: Vec<Edition>,
    pub fields: Vec<Fields>,
    pub clauses: Vec<Clauses>,
    pub rates: Vec<RateChange>,
}

/// A standard added or removed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Entry {
    pub no: String,
    pub code: String,
    pub title: String,
    pub status: String,
}

/// A standard that moved to another system number.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Renumbered {
    pub old: String,
    pub new: String,
    pub title: String,
    /// How it was recognised: `formerly`, `code` or `title`.
    pub by: String,
}

/// A standard whose status changed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct StatusChange {
    pub no: String,
    pub title: String,
    pub old: String,
    pub new: String,
}

/// A standard whose `replaces` names the code of a standard of the old side.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Edition {
    pub no: String,
    pub code: String,
    pub title: String,
    pub replaces: String,
    pub replaced_no: String,
}

/// The metadata fields of one standard that changed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Fields {
    pub no: String,
    pub title: String,
    pub changes: Vec<Field>,
}

/// One field, old → new (empty when absent).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Field {
    pub field: String,
    pub old: String,
    pub new: String,
}

/// The clauses of one standard's text that changed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Clauses {
    pub no: String,
    pub title: String,
    pub changes: Vec<Clause>,
}

/// One clause, by its heading as written (`## 4 服务要求`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Clause {
    pub heading: String,
    /// `added`, `removed` or `changed`.
    pub change: String,
}

/// One rate before and after, as percentages (`None` when its denominator is 0).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RateChange {
    pub key: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The rates a diff shows.
const RATES: [RateKey; 3] = [
    RateKey::Coverage,
    RateKey::Implementation,
    RateKey::Completeness,
];

/// What changed from `old` to `new`.
pub fn diff(old: &Repository, old_texts: &Texts, new: &Repository, new_texts: &Texts) -> Diff {
    let mut d = Diff::default();
    let pairs = pair(old, new, &mut d);
    for &(o, n) in &pairs {
        let (a, b) = (&old.standards[o], &new.standards[n]);
        let (sa, sb) = (status(a), status(b));
        if sa != sb {
            d.status.push(StatusChange {
                no: b.no_written(),
                title: title(b),
                old: sa,
                new: sb,
            });
        }
        let changes: Vec<Field> = fields(a)
            .into_iter()
            .zip(fields(b))
            .filter(|(x, y)| x.1 != y.1)
            .map(|((field, old), (_, new))| Field {
                field: field.to_owned(),
                old,
                new,
            })
            .collect();
        if !changes.is_empty() {
            d.fields.push(Fields {
                no: b.no_written(),
                title: title(b),
                changes,
            });
        }
        let empty = String::new();
        let ta = old_texts.get(&a.path).unwrap_or(&empty);
        let tb = new_texts.get(&b.path).unwrap_or(&empty);
        if ta != tb {
            let changes = clauses(ta, tb);
            if !changes.is_empty() {
                d.clauses.push(Clauses {
                    no: b.no_written(),
                    title: title(b),
                    changes,
                });
            }
        }
    }
    editions(old, new, &pairs, &mut d);
    let (ra, rb) = (rates::compute(old, None), rates::compute(new, None));
    for key in RATES {
        let percent = |r: &rates::CenterRates| r.get(key).and_then(|r| r.percent());
        d.rates.push(RateChange {
            key: key.as_str().to_owned(),
            old: percent(&ra),
            new: percent(&rb),
        });
    }
    d.added.sort();
    d.removed.sort();
    d.renumbered.sort();
    d.status.sort();
    d.editions.sort();
    d.fields.sort();
    d.clauses.sort();
    d
}

/// Pairs the standards of both sides (index in `old`, index in `new`). First a new standard
/// whose `formerly` names an old number it did not name at that number on the old side (a
/// renumbering made since; this comes first, so that a category renumbered to close its gaps
/// pairs each standard with itself, not with the one that held its new number); then the
/// same system number, unless both sides give it different codes and either code is met on
/// the other side (another standard took the number); then, among the old standards still
/// unpaired, the one with the same code, else the same title in the same category. The
/// unpaired are added and removed.
fn pair(old: &Repository, new: &Repository, d: &mut Diff) -> Vec<(usize, usize)> {
    let key = |s: &Standard| {
        let no = s.no_written();
        if no.is_empty() { s.path.clone() } else { no }
    };
    let mut old_left: BTreeMap<String, usize> = BTreeMap::new();
    for (i, s) in old.standards.iter().enumerate() {
        old_left.entry(key(s)).or_insert(i);
    }
    let old_at = old_left.clone();
    let codes = |repo: &Repository| -> BTreeSet<String> {
        repo.standards
            .iter()
            .map(code)
            .filter(|c| !c.is_empty())
            .collect()
    };
    let (old_codes, new_codes) = (codes(old), codes(new));
    let mut pairs = Vec::new();
    let renumbered = |d: &mut Diff, o: usize, s: &Standard, by: &str| {
        d.renumbered.push(Renumbered {
            old: old.standards[o].no_written(),
            new: s.no_written(),
            title: title(s),
            by: by.to_owned(),
        });
    };

    let mut left = Vec::new();
    for (i, s) in new.standards.iter().enumerate() {
        let own = key(s);
        let had: BTreeSet<&str> = old_at
            .get(&own)
            .map(|&o| {
                old.standards[o]
                    .formerly
                    .iter()
                    .map(|f| f.written.value.as_str())
                    .collect()
            })
            .unwrap_or_default();
        let claim = s
            .formerly
            .iter()
            .map(|f| f.written.value.as_str())
            .find(|f| *f != own && !had.contains(f) && old_left.contains_key(*f))
            .map(str::to_owned);
        match claim {
            Some(no) => {
                let o = old_left.remove(&no).expect("unpaired");
                renumbered(d, o, s, "formerly");
                pairs.push((o, i));
            }
            None => left.push(i),
        }
    }

    let mut new_left = Vec::new();
    for i in left {
        let s = &new.standards[i];
        let same = old_left.get(&key(s)).copied().filter(|&o| {
            let (a, b) = (code(&old.standards[o]), code(s));
            a.is_empty()
                || b.is_empty()
                || a == b
                || !(new_codes.contains(&a) || old_codes.contains(&b))
        });
        match same {
            Some(o) => {
                old_left.remove(&key(s));
                pairs.push((o, i));
            }
            None => new_left.push(i),
        }
    }

    // The unpaired old standards by code and by (category, title), each list in reverse
    // order of number so that the first still unpaired is popped: linear in all.
    let mut by_code: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut by_title: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for (no, &o) in old_left.iter().rev() {
        let s = &old.standards[o];
        let c = code(s);
        if !c.is_empty() {
            by_code.entry(c).or_default().push(no.clone());
        }
        let t = title(s);
        if !t.is_empty() {
            by_title
                .entry((category(s), t))
                .or_default()
                .push(no.clone());
        }
    }
    let first_unpaired = |list: Option<&mut Vec<String>>, left: &BTreeMap<String, usize>| {
        let list = list?;
        while let Some(no) = list.last() {
            if left.contains_key(no) {
                return Some(no.clone());
            }
            list.pop();
        }
        None
    };
    let mut still = Vec::new();
    for i in new_left {
        let s = &new.standards[i];
        let found = first_unpaired(by_code.get_mut(&code(s)), &old_left)
            .map(|no| (no, "code"))
            .or_else(|| {
                first_unpaired(by_title.get_mut(&(category(s), title(s))), &old_left)
                    .map(|no| (no, "title"))
            });
        match found {
            Some((no, by)) => {
                let o = old_left.remove(&no).expect("unpaired");
                renumbered(d, o, s, by);
                pairs.push((o, i));
            }
            None => still.push(i),
        }
    }
    d.added = still.iter().map(|&i| entry(&new.standards[i])).collect();
    d.removed = old_left
        .values()
        .map(|&o| entry(&old.standards[o]))
        .collect();
    pairs
}

/// New editions: a standard of the new side whose `replaces` gained the code of a standard
/// of the old side.
fn editions(old: &Repository, new: &Repository, pairs: &[(usize, usize)], d: &mut Diff) {
    let by_code: BTreeMap<String, &Standard> = old
        .standards
        .iter()
        .filter(|s| s.code.is_some())
        .map(|s| (code(s), s))
        .collect();
    let before: BTreeMap<usize, usize> = pairs.iter().map(|&(o, n)| (n, o)).collect();
    for (i, s) in new.standards.iter().enumerate() {
        let had: BTreeSet<String> = before
            .get(&i)
            .map(|&o| old.standards[o].replaces.iter().map(|c| c.code.to_string()))
            .into_iter()
            .flatten()
            .collect();
        for r in &s.replaces {
            let replaced = r.code.to_string();
            if had.contains(&replaced) {
                continue;
            }
            if let Some(o) = by_code.get(&replaced) {
                d.editions.push(Edition {
                    no: s.no_written(),
                    code: code(s),
                    title: title(s),
                    replaces: replaced,
                    replaced_no: o.no_written(),
                });
            }
        }
    }
}

fn entry(s: &Standard) -> Entry {
    Entry {
        no: s.no_written(),
        code: code(s),
        title: title(s),
        status: status(s),
    }
}

fn title(s: &Standard) -> String {
    s.title.clone().unwrap_or_default()
}

fn code(s: &Standard) -> String {
    s.code
        .as_ref()
        .map(|c| c.code.to_string())
        .unwrap_or_default()
}

fn status(s: &Standard) -> String {
    s.status
        .as_ref()
        .map(|st| st.value.as_str().to_owned())
        .unwrap_or_default()
}

/// The category a standard's number is in (its folder when the number does not parse).
fn category(s: &Standard) -> String {
    s.system_no()
        .map(|n| n.category().to_owned())
        .unwrap_or_else(|| s.dir().to_owned())
}

/// The metadata fields compared, in a fixed order, as text.
fn fields(s: &Standard) -> Vec<(&'static str, String)> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let date = |d: &Option<crate::model::At<crate::model::Date>>| {
        d.as_ref().map(|d| d.value.to_string()).unwrap_or_default()
    };
    let codes = |v: &[crate::model::CodeRef]| {
        v.iter()
            .map(|c| c.code.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let list = |v: &[crate::model::At<String>]| {
        v.iter()
            .map(|x| x.value.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let covers = [
        ("posts", list(&s.covers.posts)),
        ("services", list(&s.covers.services)),
        ("assets", list(&s.covers.assets)),
    ]
    .iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k}: {v}"))
    .collect::<Vec<_>>()
    .join("; ");
    vec![
        ("title", title(s)),
        ("code", code(s)),
        (
            "level",
            s.level
                .as_ref()
                .map(|l| l.value.as_str().to_owned())
                .unwrap_or_default(),
        ),
        ("unit", opt(&s.unit)),
        ("owner", opt(&s.owner)),
        ("published", date(&s.published)),
        ("effective", date(&s.effective)),
        ("due", date(&s.due)),
        ("replaces", codes(&s.replaces)),
        ("references", codes(&s.references)),
        ("covers", covers),
    ]
}

/// The clauses of a Markdown text: each ATX heading (outside fenced code) as written, with
/// the text under it up to the next heading; a heading met again is told apart by a count.
fn sections(text: &str) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut current: Option<String> = None;
    let mut fence = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = !fence;
        }
        let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
        let heading =
            !fence && (1..=6).contains(&hashes) && trimmed[hashes..].starts_with([' ', '\t']);
        if heading {
            let written = trimmed.trim_end().to_owned();
            let n = seen.entry(written.clone()).or_insert(0);
            *n += 1;
            let name = if *n == 1 {
                written
            } else {
                format!("{written} ({n})")
            };
            out.insert(name.clone(), String::new());
            current = Some(name);
        } else if let Some(name) = &current {
            let body = out.get_mut(name).expect("inserted");
            body.push_str(line.trim_end());
            body.push('\n');
        }
    }
    for body in out.values_mut() {
        let len = body.trim_end().len();
        body.truncate(len);
    }
    out
}

/// The clauses added, removed and changed from `old` to `new`, by heading.
fn clauses(old: &str, new: &str) -> Vec<Clause> {
    let (a, b) = (sections(old), sections(new));
    let mut out = Vec::new();
    for (heading, text) in &a {
        let change = match b.get(heading) {
            None => "removed",
            Some(t) if t != text => "changed",
            Some(_) => continue,
        };
        out.push(Clause {
            heading: heading.clone(),
            change: change.to_owned(),
        });
    }
    for heading in b.keys().filter(|h| !a.contains_key(*h)) {
        out.push(Clause {
            heading: heading.clone(),
            change: "added".to_owned(),
        });
    }
    out.sort_by(|x, y| x.heading.cmp(&y.heading));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Pos;
    use crate::model::testing::Repo;
    use crate::model::{At, NoRef, Status};

    fn formerly(no: &str) -> NoRef {
        NoRef::new(At::new(no.to_owned(), Pos::START))
    }

    fn renumbered(d: &Diff) -> Vec<(String, String, String)> {
        d.renumbered
            .iter()
            .map(|r| (r.old.clone(), r.new.clone(), r.by.clone()))
            .collect()
    }

    #[test]
    fn a_category_shifted_to_close_a_gap_pairs_each_standard_with_itself() {
        let old = Repo::new("中心")
            .standard("201-01", "甲", Status::InForce)
            .standard("201-03", "乙", Status::InForce)
            .standard("201-04", "丙", Status::InForce)
            .build();
        let new = Repo::new("中心")
            .standard("201-01", "甲", Status::InForce)
            .standard_with("201-02", "乙", Status::InForce, |s| {
                s.formerly = vec![formerly("201-03")]
            })
            .standard_with("201-03", "丙", Status::InForce, |s| {
                s.formerly = vec![formerly("201-04")]
            })
            .build();
        let d = diff(&old, &Texts::new(), &new, &Texts::new());
        assert_eq!(
            renumbered(&d),
            vec![
                ("201-03".into(), "201-02".into(), "formerly".into()),
                ("201-04".into(), "201-03".into(), "formerly".into()),
            ]
        );
        assert!(d.added.is_empty() && d.removed.is_empty() && d.fields.is_empty());
    }

    #[test]
    fn a_renumbering_kept_in_formerly_from_before_is_not_a_new_one() {
        let old = Repo::new("中心")
            .standard("201-02", "丁", Status::InForce)
            .standard_with("201-03", "乙", Status::InForce, |s| {
                s.formerly = vec![formerly("201-02")]
            })
            .build();
        let d = diff(&old, &Texts::new(), &old.clone(), &Texts::new());
        assert_eq!(
            d,
            Diff {
                rates: d.rates.clone(),
                ..Diff::default()
            }
        );
    }

    #[test]
    fn a_standard_moved_without_formerly_is_found_by_its_title_in_its_category() {
        let old = Repo::new("中心")
            .standard("201-01", "甲", Status::InForce)
            .standard("202-01", "乙", Status::InForce)
            .build();
        let new = Repo::new("中心")
            .standard("201-05", "甲", Status::Trial)
            .standard("203-01", "乙", Status::InForce)
            .build();
        let d = diff(&old, &Texts::new(), &new, &Texts::new());
        assert_eq!(
            renumbered(&d),
            vec![("201-01".into(), "201-05".into(), "title".into())]
        );
        assert_eq!(d.added.len(), 1);
        assert_eq!(d.removed.len(), 1);
        assert_eq!(d.status.len(), 1);
    }

    #[test]
    fn clauses_by_heading() {
        let old = "## 1 范围\n\n本标准规定。\n\n## 4 服务要求\n\n### 4.1 接待\n\n微笑。\n";
        let new = "## 1 范围\n\n本标准规定。\n\n## 4 服务要求\n\n### 4.1 接待\n\n起身微笑。\n\n### 4.2 记录\n\n登记。\n";
        let got = clauses(old, new);
        assert_eq!(
            got,
            vec![
                Clause {
                    heading: "### 4.1 接待".into(),
                    change: "changed".into()
                },
                Clause {
                    heading: "### 4.2 记录".into(),
                    change: "added".into()
                },
            ]
        );
    }

    #[test]
    fn headings_in_code_are_not_clauses() {
        let s = sections("## A\n```\n## B\n```\n");
        assert_eq!(s.keys().collect::<Vec<_>>(), vec!["## A"]);
    }
}
