//! Scope, records and tasks: duplicate and dangling ids, inconsistent records, overdue work.

use std::collections::{HashMap, HashSet};

use crate::finding::{Code, Finding, Location, Msg};
use crate::model::{At, Date, Outcome, Repository, ScopeFile, Status, SystemNo};

pub fn check(repo: &Repository, as_of: Date, out: &mut Vec<Finding>) {
    let posts = ids(&repo.scope.posts, out);
    let services = ids(&repo.scope.services, out);
    let assets = ids(&repo.scope.assets, out);
    for s in &repo.standards {
        for (list, known, file) in [
            (&s.covers.posts, &posts, &repo.scope.posts.path),
            (&s.covers.services, &services, &repo.scope.services.path),
            (&s.covers.assets, &assets, &repo.scope.assets.path),
        ] {
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
            Location::new(crate::load::MANIFEST, crate::finding::Pos::START),
            Msg::new(
                "有记录时 stdkit.toml 应有 `[period]`（评价期 `from`、`to`）",
                "`[period]` (`from`, `to`) is required in stdkit.toml when records exist",
            ),
        ));
    }
    if let Some(p) = repo.manifest.period
        && p.to < p.from
    {
        out.push(Finding::new(
            Code::FieldInvalid,
            Location::new(crate::load::MANIFEST, crate::finding::Pos::START),
            Msg::new(
                format!("评价期结束日期 {} 早于开始日期 {}", p.to, p.from),
                format!("`[period]` ends ({}) before it starts ({})", p.to, p.from),
            ),
        ));
    }
    let numbers = system_numbers(repo);
    let mut staff: HashMap<&str, Location> = HashMap::new();
    for p in &repo.records.staff {
        let here = Location::new(repo.records.staff_path.clone(), p.id.pos);
        if let Some(first) = staff.get(p.id.value.as_str()) {
            out.push(
                Finding::new(
                    Code::RecordInvalid,
                    here,
                    Msg::new(
                        format!("人员编号 `{}` 重复", p.id.value),
                        format!("staff id `{}` is used twice", p.id.value),
                    ),
                )
                .related(first.clone(), Msg::new("首次使用于此", "first used here")),
            );
            continue;
        }
        staff.insert(p.id.value.as_str(), here);
        if let Some(post) = &p.post
            && !posts.contains(post.value.as_str())
        {
            out.push(unknown_scope(
                Location::new(repo.records.staff_path.clone(), post.pos),
                &post.value,
                &repo.scope.posts.path,
            ));
        }
    }

    for i in &repo.records.inspections {
        known_standard(&numbers, &i.path, &i.standard, out);
        let here = |pos| Location::new(&*i.path, pos);
        if i.result == Outcome::Nonconform
            && i.finding.as_deref().is_none_or(|f| f.trim().is_empty())
        {
            out.push(Finding::new(
                Code::RecordInvalid,
                here(i.head),
                Msg::new(
                    "检查结果为“不符合”的记录应写明 `finding`（问题描述）",
                    "a `nonconform` inspection needs a `finding`",
                ),
            ));
        }
        if let Some(r) = &i.rectified
            && r.value < i.date.value
        {
            out.push(
                Finding::new(
                    Code::RecordInvalid,
                    here(r.pos),
                    Msg::new(
                        format!("整改完成日期 {} 早于检查日期 {}", r.value, i.date.value),
                        format!(
                            "`rectified` {} is before the inspection date {}",
                            r.value, i.date.value
                        ),
                    ),
                )
                .related(
                    here(i.date.pos),
                    Msg::new("检查日期在此", "inspection date here"),
                ),
            );
        }
    }
    for t in &repo.records.trainings {
        for n in &t.standards {
            known_standard(&numbers, &t.path, n, out);
        }
        for a in &t.attendees {
            if !staff.contains_key(a.value.as_str()) {
                out.push(Finding::new(
                    Code::RecordUnknownStaff,
                    Location::new(&*t.path, a.pos),
                    Msg::new(
                        format!(
                            "参训人员 `{}` 不在人员名册 `{}` 中",
                            a.value, repo.records.staff_path
                        ),
                        format!(
                            "attendee `{}` is not in `{}`",
                            a.value, repo.records.staff_path
                        ),
                    ),
                ));
            }
        }
    }
    for s in &repo.records.surveys {
        let here = |pos| Location::new(&*s.path, pos);
        if s.satisfied.value > s.responses.value {
            out.push(
                Finding::new(
                    Code::RecordInvalid,
                    here(s.satisfied.pos),
                    Msg::new(
                        format!(
                            "满意数 {} 大于有效答复数 {}",
                            s.satisfied.value, s.responses.value
                        ),
                        format!(
                            "`satisfied` {} exceeds `responses` {}",
                            s.satisfied.value, s.responses.value
                        ),
                    ),
                )
                .related(
                    here(s.responses.pos),
                    Msg::new("答复数在此", "responses here"),
                ),
            );
        }
        if s.to.value < s.from.value {
            out.push(
                Finding::new(
                    Code::RecordInvalid,
                    here(s.to.pos),
                    Msg::new(
                        format!("调查截止日期 {} 早于开始日期 {}", s.to.value, s.from.value),
                        format!("`to` {} is before `from` {}", s.to.value, s.from.value),
                    ),
                )
                .related(here(s.from.pos), Msg::new("开始日期在此", "from here")),
            );
        }
    }
}

/// The ids of one scope file, reporting ids used twice.
fn ids<'r>(file: &'r ScopeFile, out: &mut Vec<Finding>) -> HashSet<&'r str> {
    let mut first: HashMap<&str, Location> = HashMap::new();
    for item in &file.items {
        let here = Location::new(file.path.clone(), item.id.pos);
        match first.get(item.id.value.as_str()) {
            Some(prev) => out.push(
                Finding::new(
                    Code::ScopeDuplicate,
                    here,
                    Msg::new(
                        format!("编号 `{}` 在 `{}` 中重复", item.id.value, file.path),
                        format!("id `{}` is used twice in `{}`", item.id.value, file.path),
                    ),
                )
                .related(prev.clone(), Msg::new("首次使用于此", "first used here")),
            ),
            None => {
                first.insert(item.id.value.as_str(), here);
            }
        }
    }
    first.into_keys().collect()
}

fn unknown_scope(at: Location, id: &str, file: &str) -> Finding {
    Finding::new(
        Code::ScopeUnknown,
        at,
        Msg::new(
            format!("`{id}` 不在 `{file}` 中"),
            format!("`{id}` is not in `{file}`"),
        ),
    )
}

/// Every system number of the repository, current and former.
fn system_numbers(repo: &Repository) -> HashSet<SystemNo> {
    let mut set = HashSet::new();
    for s in &repo.standards {
        set.extend(s.system_no().or_else(|| s.file_no()));
        set.extend(
            s.formerly
                .iter()
                .filter_map(|f| f.value.parse::<SystemNo>().ok()),
        );
    }
    set
}

fn known_standard(
    numbers: &HashSet<SystemNo>,
    path: &str,
    no: &At<String>,
    out: &mut Vec<Finding>,
) {
    let known = no
        .value
        .parse::<SystemNo>()
        .is_ok_and(|n| numbers.contains(&n));
    if !known {
        out.push(Finding::new(
            Code::RecordUnknownStandard,
            Location::new(path.to_owned(), no.pos),
            Msg::new(
                format!("记录中的体系表编号 `{}` 不存在", no.value),
                format!("system number `{}` does not exist", no.value),
            ),
        ));
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
            Msg::new(
                format!(
                    "任务已逾期：完成时限 {}，状态仍为“{}”（{unit}，{owner}）",
                    due.value,
                    status.zh()
                ),
                format!(
                    "overdue: due {} but still `{status}` ({unit}, {owner})",
                    due.value
                ),
            ),
        ));
    }
}
