//! Categories and system numbers: indexes, category codes, number format, duplicates, gaps,
//! file names.

use std::collections::{BTreeMap, HashMap};

use crate::finding::{Code, Finding, Location, Pos};
use crate::messages;
use crate::model::{NoRef, Repository, SystemNo};

pub fn check(repo: &Repository, out: &mut Vec<Finding>) {
    categories(repo, out);
    numbers(repo, out);
}

fn categories(repo: &Repository, out: &mut Vec<Finding>) {
    let by_dir: HashMap<&str, usize> = repo
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| (c.dir.as_str(), i))
        .collect();
    let mut first_use: HashMap<&str, Location> = HashMap::new();
    let mut has_child: HashMap<&str, bool> = HashMap::new();
    for c in &repo.categories {
        if let Some((parent, _)) = c.dir.rsplit_once('/') {
            has_child.insert(parent, true);
        }
    }
    for s in &repo.standards {
        has_child.insert(s.dir(), true);
    }
    for cat in &repo.categories {
        let Some(index) = &cat.index else {
            out.push(
                Finding::new(
                    Code::CategoryMissingIndex,
                    Location::new(cat.dir.clone(), Pos::START),
                    messages::category_missing_index(&cat.dir),
                )
                .help(messages::category_missing_index_help()),
            );
            continue;
        };
        let Some(code) = &cat.code else { continue };
        let here = Location::new(index.clone(), code.pos);
        let name = cat.dir.rsplit('/').next().unwrap_or("");
        if !code.value.bytes().all(|b| b.is_ascii_digit()) || code.value.is_empty() {
            out.push(Finding::new(
                Code::CategoryCode,
                here.clone(),
                messages::category_code_digits(&code.value),
            ));
            continue;
        }
        if !name.starts_with(&format!("{}-", code.value)) && name != code.value {
            out.push(Finding::new(
                Code::CategoryCode,
                here.clone(),
                messages::category_code_dir(name, &code.value),
            ));
        }
        let parent = cat
            .dir
            .rsplit_once('/')
            .and_then(|(p, _)| by_dir.get(p))
            .map(|&i| &repo.categories[i]);
        if let Some(parent_code) = parent.and_then(|p| p.code.as_ref())
            && (!code.value.starts_with(&parent_code.value)
                || code.value.len() <= parent_code.value.len())
        {
            out.push(Finding::new(
                Code::CategoryCode,
                here.clone(),
                messages::category_code_parent(&code.value, &parent_code.value),
            ));
        }
        match first_use.get(code.value.as_str()) {
            Some(first) => out.push(
                Finding::new(
                    Code::CategoryCode,
                    here.clone(),
                    messages::category_code_duplicate(&code.value),
                )
                .related(first.clone(), messages::first_used_here()),
            ),
            None => {
                first_use.insert(code.value.as_str(), here.clone());
            }
        }
        // A repository with no standard yet (as `stdkit init` leaves it) is its plan: every
        // category is empty, and none is left behind.
        if !repo.standards.is_empty() && !has_child.get(cat.dir.as_str()).copied().unwrap_or(false)
        {
            out.push(Finding::new(
                Code::CategoryEmpty,
                here,
                messages::category_empty(&code.value),
            ));
        }
    }
}

/// A standard whose own number is missing or malformed still holds the place its file name
/// gives it, so that it does not also open a gap.
fn hold_place(
    s: &crate::model::Standard,
    per_category: &mut BTreeMap<String, Vec<(u32, Location)>>,
) {
    if let Some(f) = s.file_no() {
        per_category
            .entry(f.category().to_owned())
            .or_default()
            .push((f.seq(), s.location(s.head)));
    }
}

fn numbers(repo: &Repository, out: &mut Vec<Finding>) {
    let width = repo.manifest.seq_width as usize;
    let cat_code: HashMap<&str, &str> = repo
        .categories
        .iter()
        .filter_map(|c| Some((c.dir.as_str(), c.code.as_ref()?.value.as_str())))
        .collect();
    let mut seen: HashMap<SystemNo, Location> = HashMap::new();
    let mut per_category: BTreeMap<String, Vec<(u32, Location)>> = BTreeMap::new();
    for s in &repo.standards {
        let Some(NoRef {
            written: no,
            no: parsed,
        }) = &s.no
        else {
            hold_place(s, &mut per_category);
            continue;
        };
        let here = s.location(no.pos);
        let Some(parsed) = parsed.clone().filter(|p| p.width() as usize == width) else {
            hold_place(s, &mut per_category);
            let example = format!(
                "{}-{:0width$}",
                cat_code.get(s.dir()).copied().unwrap_or("101"),
                1
            );
            out.push(Finding::new(
                Code::NumberFormat,
                here,
                messages::number_format(&no.value, width, &example),
            ));
            continue;
        };
        match cat_code.get(s.dir()) {
            Some(&code) if code != parsed.category() => out.push(Finding::new(
                Code::NumberCategory,
                here.clone(),
                messages::number_category(&no.value, code),
            )),
            _ => {}
        }
        let stem = s.path.rsplit('/').next().unwrap_or("");
        let prefix = parsed.to_string();
        if !(stem.starts_with(&format!("{prefix}-"))
            || stem.starts_with(&format!("{prefix}."))
            || stem.starts_with(&format!("{prefix}_")))
        {
            out.push(
                Finding::new(
                    Code::FileName,
                    here.clone(),
                    messages::file_name(stem, &prefix),
                )
                .help(messages::file_name_help(&prefix)),
            );
        }
        match seen.get(&parsed) {
            Some(first) => {
                out.push(
                    Finding::new(
                        Code::NumberDuplicate,
                        here,
                        messages::number_duplicate(&no.value),
                    )
                    .related(first.clone(), messages::first_used_here()),
                );
            }
            None => {
                per_category
                    .entry(parsed.category().to_owned())
                    .or_default()
                    .push((parsed.seq(), here.clone()));
                seen.insert(parsed, here);
            }
        }
    }
    // A former number holds its place: `new` never gives it again, so it is no gap.
    for s in &repo.standards {
        for former in &s.formerly {
            if let Some(no) = former.no.as_ref().filter(|n| n.width() as usize == width) {
                per_category
                    .entry(no.category().to_owned())
                    .or_default()
                    .push((no.seq(), s.location(former.written.pos)));
            }
        }
    }
    for (category, mut seqs) in per_category {
        seqs.sort_by_key(|(n, _)| *n);
        let mut expected = 1;
        for (n, loc) in seqs {
            if n > expected {
                let missing = if n == expected + 1 {
                    format!("{category}-{expected:0width$}")
                } else {
                    format!(
                        "{category}-{expected:0width$} … {category}-{:0width$}",
                        n - 1
                    )
                };
                out.push(Finding::new(
                    Code::NumberGap,
                    loc,
                    messages::number_gap(&category, &missing),
                ));
            }
            expected = n + 1;
        }
    }
}
