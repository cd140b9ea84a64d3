//! The task list: standards not yet in force, by unit, overdue first. Pure.

use crate::model::{Date, Repository, Status};

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Task {
    pub no: String,
    pub title: String,
    pub status: Status,
    pub unit: Option<String>,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub overdue: bool,
    /// Days past due (positive) or left (negative), relative to the as-of date.
    pub days_overdue: Option<i64>,
    pub path: String,
}

/// Tasks grouped by unit (units sorted, "no unit" last); in each group overdue first, then
/// by due date, then by system number.
pub fn build(repo: &Repository, as_of: Date) -> Vec<(Option<String>, Vec<Task>)> {
    let mut tasks: Vec<Task> = repo
        .standards
        .iter()
        .filter(|s| s.status().is_some_and(Status::pending))
        .map(|s| {
            let due = s.due.as_ref().map(|d| d.value);
            let days = due.map(|d| i64::from((as_of - d).get_days()));
            Task {
                no: s.no_written(),
                title: s.title.clone().unwrap_or_default(),
                status: s.status().unwrap_or(Status::Planned),
                unit: s.unit.clone(),
                owner: s.owner.clone(),
                due: due.map(|d| d.to_string()),
                overdue: due.is_some_and(|d| d < as_of),
                days_overdue: days,
                path: s.path.clone(),
            }
        })
        .collect();
    tasks.sort_by(|a, b| {
        (
            a.unit.is_none(),
            &a.unit,
            !a.overdue,
            a.due.is_none(),
            &a.due,
            &a.no,
        )
            .cmp(&(
                b.unit.is_none(),
                &b.unit,
                !b.overdue,
                b.due.is_none(),
                &b.due,
                &b.no,
            ))
    });
    let mut groups: Vec<(Option<String>, Vec<Task>)> = Vec::new();
    for t in tasks {
        match groups.last_mut() {
            Some((unit, list)) if *unit == t.unit => list.push(t),
            _ => groups.push((t.unit.clone(), vec![t])),
        }
    }
    groups
}
