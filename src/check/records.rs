//! Scope, records and tasks: duplicate and dangling ids, inconsistent records, overdue work.
//! The record rules also say which records they reject, so that the rates leave those out.

use std::collections::{HashMap, HashSet};

use crate::finding::{Code, Finding, Location};
use crate::messages;
use crate::model::{
    Date, MAX_RESPONSES, NoRef, NumberIndex, Outcome, Repository, ScopeFile, Status,
};

pub fn check(repo: &Repository, as_of: Date, out: &mut Vec<Finding>) {
    let mut rules = Rules {
        out: Some(out),
        rejected: Rejected::default(),
    };
    let known = scope(repo, &mut rules);
    records(repo, &known[0], &mut rules);
    let Some(out) = rules.out else {
        return;
    };
    for s in &repo.standards {
        for ((list, file), known) in [
            (&s.covers.posts, &repo.scope.posts.path),
            (&s.covers.services, &repo.scope.services.path),
            (&s.covers.assets, &repo.scope.assets.path),
        ]
        .into_iter()
        .zip(&known)
        {
            for id in list {
                if !known.contains(id.value.as_str()) {
                    out.push(unknown_scope(s.location(id.pos), &id.value, file));
                }
            }
        }
        overdue(s, as_of, out);
    }

    if repo.manifest.parsed && repo.manifest.period.is_none() && !repo.records.is_empty() {
        out.push(Finding::new(
            Code::FieldMissing,
            Location::new(crate::model::MANIFEST, crate::finding::Pos::START),
            messages::period_missing(),
        ));
    }
    if let Some(p) = repo.manifest.period
        && p.to < p.from
    {
        out.push(Finding::new(
            Code::FieldInvalid,
            Location::new(crate::model::MANIFEST, crate::finding::Pos::START),
            messages::period_order(p.to, p.from),
        ));
    }
}

/// The records each record rule rejects, by index in their lists: scope entries, staff,
/// inspections, trainings and surveys that are reported, or were reported while loading.
/// The rates count none of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rejected {
    pub posts: HashSet<usize>,
    pub services: HashSet<usize>,
    pub assets: HashSet<usize>,
    pub staff: HashSet<usize>,
    pub inspections: HashSet<usize>,
    pub trainings: HashSet<usize>,
    pub surveys: HashSet<usize>,
}

/// One of the lists of records in [`Rejected`].
#[derive(Clone, Copy)]
enum List {
    Posts,
    Services,
    Assets,
    Staff,
    Inspections,
    Trainings,
    Surveys,
}

impl Rejected {
    fn list(&mut self, list: List) -> &mut HashSet<usize> {
        match list {
            List::Posts => &mut self.posts,
            List::Services => &mut self.services,
            List::Assets => &mut self.assets,
            List::Staff => &mut self.staff,
            List::Inspections => &mut self.inspections,
            List::Trainings => &mut self.trainings,
            List::Surveys => &mut self.surveys,
        }
    }

    /// How many records are rejected.
    pub fn count(&self) -> u64 {
        [
            &self.posts,
            &self.services,
            &self.assets,
            &self.staff,
            &self.inspections,
            &self.trainings,
            &self.surveys,
        ]
        .iter()
        .map(|set| set.len() as u64)
        .sum()
    }
}

/// The records of `repo` that `check` rejects, without building its findings.
pub fn rejected(repo: &Repository) -> Rejected {
    let mut rules = Rules {
        out: None,
        rejected: Rejected::default(),
    };
    let known = scope(repo, &mut rules);
    records(repo, &known[0], &mut rules);
    rules.rejected
}

/// The known ids of the three scope files (posts, services, assets).
fn scope<'r>(repo: &'r Repository, rules: &mut Rules<'_>) -> [HashSet<&'r str>; 3] {
    [
        ids(&repo.scope.posts, rules, List::Posts),
        ids(&repo.scope.services, rules, List::Services),
        ids(&repo.scope.assets, rules, List::Assets),
    ]
}

/// Where the record rules put what they find: the findings (for `check`) and the rejected
/// records (for the rates).
struct Rules<'o> {
    out: Option<&'o mut Vec<Finding>>,
    rejected: Rejected,
}

impl Rules<'_> {
    /// Rejects record `index` of `list`, reporting `finding` when findings are kept.
    fn reject(&mut self, list: List, index: usize, finding: impl FnOnce() -> Finding) {
        self.rejected.list(list).insert(index);
        if let Some(out) = self.out.as_deref_mut() {
            out.push(finding());
        }
    }

    /// Rejects a record that the loader already reported.
    fn reported(&mut self, list: List, index: usize) {
        self.rejected.list(list).insert(index);
    }
}

/// The rules over staff, inspections, trainings and surveys.
fn records(repo: &Repository, posts: &HashSet<&str>, rules: &mut Rules<'_>) {
    let numbers = repo.numbers();
    let mut staff: HashMap<&str, Location> = HashMap::new();
    for (n, p) in repo.records.staff.iter().enumerate() {
        let here = || Location::new(repo.records.staff_path.clone(), p.id.pos);
        if p.faulty {
            rules.reported(List::Staff, n);
        }
        if let Some(first) = staff.get(p.id.value.as_str()) {
            rules.reject(List::Staff, n, || {
                Finding::new(
                    Code::RecordInvalid,
                    here(),
                    messages::staff_duplicate(&p.id.value),
                )
                .related(first.clone(), messages::first_used_here())
            });
            continue;
        }
        staff.insert(p.id.value.as_str(), here());
        if let Some(post) = &p.post
            && !posts.contains(post.value.as_str())
        {
            rules.reject(List::Staff, n, || {
                unknown_scope(
                    Location::new(repo.records.staff_path.clone(), post.pos),
                    &post.value,
                    &repo.scope.posts.path,
                )
            });
        }
    }

    for (n, i) in repo.records.inspections.iter().enumerate() {
        let pick = List::Inspections;
        known_standard(numbers, &i.path, &i.standard, rules, pick, n);
        let here = |pos| Location::new(&*i.path, pos);
        if i.result == Outcome::Nonconform
            && i.finding.as_deref().is_none_or(|f| f.trim().is_empty())
        {
            rules.reject(pick, n, || {
                Finding::new(
                    Code::RecordInvalid,
                    here(i.head),
                    messages::inspection_needs_finding(),
                )
            });
        }
        if let Some(r) = &i.rectified
            && r.value < i.date.value
        {
            rules.reject(pick, n, || {
                Finding::new(
                    Code::RecordInvalid,
                    here(r.pos),
                    messages::rectified_order(r.value, i.date.value),
                )
                .related(here(i.date.pos), messages::inspection_date_here())
            });
        }
    }
    for (n, t) in repo.records.trainings.iter().enumerate() {
        let pick = List::Trainings;
        for no in &t.standards {
            known_standard(numbers, &t.path, no, rules, pick, n);
        }
        for a in &t.attendees {
            if !staff.contains_key(a.value.as_str()) {
                rules.reject(pick, n, || {
                    Finding::new(
                        Code::RecordUnknownStaff,
                        Location::new(&*t.path, a.pos),
                        messages::attendee_unknown(&a.value, &repo.records.staff_path),
                    )
                });
            }
        }
    }
    surveys(repo, rules);
}

/// Each survey on its own, then their totals: the surveys accepted so far may not add up to
/// more than [`MAX_RESPONSES`] answers, so that the rates' sums stay exact and what they list
/// stays bounded.
fn surveys(repo: &Repository, rules: &mut Rules<'_>) {
    let pick = List::Surveys;
    let mut total: u128 = 0;
    for (n, s) in repo.records.surveys.iter().enumerate() {
        let here = |pos| Location::new(&*s.path, pos);
        let before = rules.rejected.surveys.len();
        if s.satisfied.value > s.responses.value {
            rules.reject(pick, n, || {
                Finding::new(
                    Code::RecordInvalid,
                    here(s.satisfied.pos),
                    messages::survey_satisfied(s.satisfied.value, s.responses.value),
                )
                .related(here(s.responses.pos), messages::responses_here())
            });
        }
        if s.to.value < s.from.value {
            rules.reject(pick, n, || {
                Finding::new(
                    Code::RecordInvalid,
                    here(s.to.pos),
                    messages::survey_order(s.to.value, s.from.value),
                )
                .related(here(s.from.pos), messages::from_here())
            });
        }
        if rules.rejected.surveys.len() > before {
            continue;
        }
        let sum = total + u128::from(s.responses.value);
        if sum > u128::from(MAX_RESPONSES) {
            rules.reject(pick, n, || {
                Finding::new(
                    Code::RecordInvalid,
                    here(s.responses.pos),
                    messages::survey_over_limit(),
                )
            });
            continue;
        }
        total = sum;
    }
}

/// The ids of one scope file, reporting ids used twice; the later uses are rejected.
fn ids<'r>(file: &'r ScopeFile, rules: &mut Rules<'_>, pick: List) -> HashSet<&'r str> {
    let mut first: HashMap<&str, Location> = HashMap::new();
    for (n, item) in file.items.iter().enumerate() {
        let here = || Location::new(file.path.clone(), item.id.pos);
        if item.faulty {
            rules.reported(pick, n);
        }
        match first.get(item.id.value.as_str()) {
            Some(prev) => rules.reject(pick, n, || {
                Finding::new(
                    Code::ScopeDuplicate,
                    here(),
                    messages::scope_duplicate(&item.id.value, &file.path),
                )
                .related(prev.clone(), messages::first_used_here())
            }),
            None => {
                first.insert(item.id.value.as_str(), here());
            }
        }
    }
    first.into_keys().collect()
}

fn unknown_scope(at: Location, id: &str, file: &str) -> Finding {
    Finding::new(Code::ScopeUnknown, at, messages::scope_unknown(id, file))
}

fn known_standard(
    numbers: &NumberIndex,
    path: &str,
    no: &NoRef,
    rules: &mut Rules<'_>,
    list: List,
    index: usize,
) {
    if !no.no.as_ref().is_some_and(|n| numbers.knows(n)) {
        rules.reject(list, index, || {
            Finding::new(
                Code::RecordUnknownStandard,
                Location::new(path.to_owned(), no.written.pos),
                messages::record_unknown_standard(&no.written.value),
            )
        });
    }
}

fn overdue(s: &crate::model::Standard, as_of: Date, out: &mut Vec<Finding>) {
    let (Some(due), Some(status)) = (&s.due, s.status()) else {
        return;
    };
    if matches!(status, Status::Planned | Status::Drafting | Status::Review) && due.value < as_of {
        let owner = s.owner.as_deref().unwrap_or("—");
        let unit = s.unit.as_deref().unwrap_or("—");
        out.push(Finding::new(
            Code::TaskOverdue,
            s.location(due.pos),
            messages::task_overdue(due.value, status, unit, owner),
        ));
    }
}
