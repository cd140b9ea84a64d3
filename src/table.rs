//! The standard-system table (标准体系表): detail rows, the structure tree and the statistics
//! by subsystem and level. Pure.

use std::collections::BTreeMap;

use crate::model::{Category, Level, Repository, Standard, StdCode, SystemNo};

/// A code in the JSON table as it is written: `GB/T 24421.1-2009`.
fn as_text<S: serde::Serializer>(code: &Option<StdCode>, s: S) -> Result<S::Ok, S::Error> {
    match code {
        Some(code) => s.collect_str(code),
        None => s.serialize_none(),
    }
}

/// Codes as they are written, joined by `sep`.
pub fn joined(codes: &[StdCode], sep: &str) -> String {
    codes
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(sep)
}

/// Codes in the JSON table as they are written.
fn all_as_text<S: serde::Serializer>(codes: &[StdCode], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(codes.iter().map(ToString::to_string))
}

/// One row of the detail table (标准明细表).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Row {
    /// 序号, from 1.
    pub index: usize,
    pub no: String,
    #[serde(serialize_with = "as_text")]
    pub code: Option<StdCode>,
    pub title: String,
    pub level: Option<Level>,
    pub origin: Option<crate::model::Origin>,
    pub status: Option<crate::model::Status>,
    pub effective: Option<String>,
    #[serde(serialize_with = "all_as_text")]
    pub replaces: Vec<StdCode>,
    pub unit: Option<String>,
    pub path: String,
}

/// A category in the structure diagram.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Node {
    pub code: String,
    pub title: String,
    pub depth: usize,
    /// Standards directly in this category.
    pub own: usize,
    /// Standards in this category and below.
    pub total: usize,
    /// 应有数 of this category and below: its standards not superseded or withdrawn, counted
    /// as the statistics count them (see [`counts_as_planned`]).
    pub planned: usize,
}

/// One line of the statistics table.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Stat {
    /// The subsystem's code and title, or `None` for the grand total.
    pub subsystem: Option<String>,
    /// The level, or `None` for a subtotal.
    pub level: Option<Level>,
    /// 应有数: standards not superseded or withdrawn.
    pub planned: usize,
    /// 现有数: standards in force.
    pub existing: usize,
}

impl Stat {
    /// 现有率, `None` when nothing is planned.
    pub fn rate(&self) -> Option<f64> {
        (self.planned > 0).then(|| self.existing as f64 / self.planned as f64)
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct SystemTable {
    pub center: String,
    pub rows: Vec<Row>,
    pub tree: Vec<Node>,
    pub stats: Vec<Stat>,
}

pub fn build(repo: &Repository) -> SystemTable {
    let mut standards: Vec<&Standard> = repo.standards.iter().collect();
    standards.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
    let rows = standards
        .iter()
        .enumerate()
        .map(|(i, s)| Row {
            index: i + 1,
            no: s.no_written(),
            code: s.code.as_ref().map(|c| c.code.clone()),
            title: s.title.clone().unwrap_or_default(),
            level: s.level.as_ref().map(|l| l.value),
            origin: s.origin.as_ref().map(|o| o.value),
            status: s.status(),
            effective: s.effective.as_ref().map(|d| d.value.to_string()),
            replaces: s.replaces.iter().map(|r| r.code.clone()).collect(),
            unit: s.unit.clone(),
            path: s.path.clone(),
        })
        .collect();

    let mut cats: Vec<&Category> = repo
        .categories
        .iter()
        .filter(|c| c.code.is_some())
        .collect();
    cats.sort_by(|a, b| code_of(a).cmp(code_of(b)));
    // Per directory: its standards, and those of them that count as planned.
    let mut own: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for s in &repo.standards {
        let entry = own.entry(s.dir()).or_default();
        entry.0 += 1;
        entry.1 += usize::from(counts_as_planned(s));
    }
    let tree = cats
        .iter()
        .map(|c| {
            let dir = c.dir.as_str();
            // `own` is sorted by path: a category's subtree is the run of paths from its own.
            let (total, planned) = own
                .range(dir..)
                .take_while(|(d, _)| d.starts_with(dir))
                .filter(|(d, _)| **d == dir || d[dir.len()..].starts_with('/'))
                .fold((0, 0), |(t, p), (_, (n, m))| (t + n, p + m));
            Node {
                code: code_of(c).to_owned(),
                title: c.title.clone().unwrap_or_default(),
                depth: c.depth,
                own: own.get(dir).map_or(0, |(n, _)| *n),
                total,
                planned,
            }
        })
        .collect();

    SystemTable {
        center: repo.manifest.center.clone().unwrap_or_default(),
        rows,
        tree,
        stats: stats(repo, &cats),
    }
}

/// Whether a standard counts towards 应有数 (the statistics' `planned`): it has a level and a
/// status, and is neither superseded nor withdrawn.
pub fn counts_as_planned(s: &Standard) -> bool {
    s.level.is_some() && s.status().is_some_and(|st| !st.retired())
}

fn code_of(c: &Category) -> &str {
    c.code.as_ref().map_or("", |c| c.value.as_str())
}

fn sort_key(s: &Standard) -> (Option<&SystemNo>, &str) {
    (s.system_no(), s.path.as_str())
}

fn stats(repo: &Repository, cats: &[&Category]) -> Vec<Stat> {
    let subsystems: Vec<&&Category> = cats.iter().filter(|c| c.depth == 0).collect();
    let mut out = Vec::new();
    let mut total = Stat {
        subsystem: None,
        level: None,
        planned: 0,
        existing: 0,
    };
    for sub in subsystems {
        let name = format!("{} {}", code_of(sub), sub.title.as_deref().unwrap_or(""));
        let inside: Vec<&Standard> = repo
            .standards
            .iter()
            .filter(|s| s.path.starts_with(&format!("{}/", sub.dir)))
            .collect();
        let mut subtotal = Stat {
            subsystem: Some(name.clone()),
            level: None,
            planned: 0,
            existing: 0,
        };
        for level in Level::ALL {
            let of_level = inside
                .iter()
                .filter(|s| s.level.as_ref().map(|l| l.value) == Some(*level));
            let planned = of_level.clone().filter(|s| counts_as_planned(s)).count();
            let existing = of_level.filter(|s| s.in_force()).count();
            subtotal.planned += planned;
            subtotal.existing += existing;
            out.push(Stat {
                subsystem: Some(name.clone()),
                level: Some(*level),
                planned,
                existing,
            });
        }
        total.planned += subtotal.planned;
        total.existing += subtotal.existing;
        out.push(subtotal);
    }
    out.push(total);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Repository {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/minimal");
        crate::load::load(&root)
            .expect("examples/minimal loads")
            .repo
    }

    #[test]
    fn statistics_sum_to_the_detail_rows() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("standards");
        let repo = crate::load::load(&root).unwrap().repo;
        let t = build(&repo);
        let grand = t.stats.last().unwrap();
        let live = t
            .rows
            .iter()
            .filter(|r| r.status.is_some_and(|s| !s.retired()))
            .count();
        let in_force = t
            .rows
            .iter()
            .filter(|r| r.status.is_some_and(|s| s.in_force()))
            .count();
        assert_eq!((grand.planned, grand.existing), (live, in_force));
        let subtotals: usize = t
            .stats
            .iter()
            .filter(|s| s.subsystem.is_some() && s.level.is_none())
            .map(|s| s.planned)
            .sum();
        assert_eq!(subtotals, grand.planned);
        let by_level: usize = t
            .stats
            .iter()
            .filter(|s| s.level.is_some())
            .map(|s| s.existing)
            .sum();
        assert_eq!(by_level, grand.existing);
        let top: usize = t
            .tree
            .iter()
            .filter(|n| n.depth == 0)
            .map(|n| n.total)
            .sum();
        assert_eq!(top, t.rows.len());
        let top_planned: usize = t
            .tree
            .iter()
            .filter(|n| n.depth == 0)
            .map(|n| n.planned)
            .sum();
        assert_eq!(top_planned, grand.planned);
        assert!(
            top_planned < top,
            "the reference repository has superseded standards"
        );
        for (sub, stat) in t.tree.iter().filter(|n| n.depth == 0).zip(
            t.stats
                .iter()
                .filter(|s| s.subsystem.is_some() && s.level.is_none()),
        ) {
            assert_eq!(
                stat.subsystem.as_deref(),
                Some(format!("{} {}", sub.code, sub.title).as_str())
            );
            assert_eq!(sub.planned, stat.planned, "{}", sub.code);
        }
    }

    #[test]
    fn rows_are_numbered_in_system_order() {
        let t = build(&fixture());
        assert!(!t.rows.is_empty());
        for (i, r) in t.rows.iter().enumerate() {
            assert_eq!(r.index, i + 1);
        }
        let nos: Vec<SystemNo> = t.rows.iter().filter_map(|r| r.no.parse().ok()).collect();
        assert!(nos.windows(2).all(|w| w[0] <= w[1]));
    }
}
