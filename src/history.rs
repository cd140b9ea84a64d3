//! Each standard's history: the commits git lists for its file (renames followed, on or
//! before the as-of date) beside the standard's own `[[revision]]` rows. Pure: the log comes
//! from `load::git`, the printing is `report::history`'s and the dossier view's.

use std::collections::BTreeMap;

use crate::model::{Commit, Date, Repository, Revision, Standard};

/// The history of one standard.
#[derive(Clone, Debug, Default)]
pub struct StandardHistory {
    /// The system number as written.
    pub no: String,
    pub title: String,
    pub path: String,
    /// Newest first, none after the as-of date.
    pub commits: Vec<Commit>,
    /// The standard's own 修订记录, as written.
    pub revisions: Vec<Revision>,
}

impl StandardHistory {
    /// Whether there is anything to tell.
    pub fn is_empty(&self) -> bool {
        self.commits.is_empty() && self.revisions.is_empty()
    }
}

/// The history of every standard in system-number order (of `only` alone when given): a
/// volume dated 2014-12-31 tells the history up to that day, not what was committed since.
pub fn build(
    repo: &Repository,
    log: &BTreeMap<String, Vec<Commit>>,
    as_of: Date,
    only: Option<&Standard>,
) -> Vec<StandardHistory> {
    let until = as_of.to_string();
    let mut standards: Vec<&Standard> = match only {
        Some(s) => vec![s],
        None => repo.standards.iter().collect(),
    };
    standards.sort_by(|a, b| (a.system_no(), &a.path).cmp(&(b.system_no(), &b.path)));
    standards
        .into_iter()
        .map(|s| StandardHistory {
            no: s.no_written(),
            title: s.title.clone().unwrap_or_default(),
            path: s.path.clone(),
            commits: log
                .get(&s.path)
                .map(|commits| {
                    commits
                        .iter()
                        // `--date=short` dates compare as text.
                        .filter(|c| c.date.as_str() <= until.as_str())
                        .cloned()
                        .collect()
                })
                .unwrap_or_default(),
            revisions: s.revisions.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Pos;
    use crate::model::{At, FileKind};

    #[test]
    fn history_ends_at_the_as_of_date_and_keeps_the_revision_rows() {
        let mut repo = Repository::default();
        let mut s = Standard::unreadable("system/1/101/101-01.md".into(), FileKind::Markdown);
        s.set_no(Some(At::new("101-01".into(), Pos::START)));
        s.revisions.push(Revision {
            version: Some("A/0".into()),
            date: "2014-03-01".parse().ok(),
            note: Some("首次发布".into()),
        });
        repo.standards.push(s);
        let commit = |date: &str| Commit {
            date: date.into(),
            author: "王芳".into(),
            subject: format!("修订 {date}"),
            ..Default::default()
        };
        let log = BTreeMap::from([(
            "system/1/101/101-01.md".to_owned(),
            vec![
                commit("2026-12-01"),
                commit("2014-12-31"),
                commit("2014-03-01"),
            ],
        )]);
        let h = build(&repo, &log, "2014-12-31".parse().unwrap(), None);
        let dates: Vec<&str> = h[0].commits.iter().map(|c| c.date.as_str()).collect();
        assert_eq!(dates, ["2014-12-31", "2014-03-01"]);
        assert_eq!(h[0].revisions.len(), 1);
        let none = build(&repo, &log, "2013-12-31".parse().unwrap(), None);
        assert!(none[0].commits.is_empty());
        assert!(!none[0].is_empty());
    }
}
