//! Repositories built in memory for the tests of rules and rates: no files, no loader, only
//! the values a test is about.
//!
//! ```ignore
//! let repo = Repo::new("安庆市政务服务中心")
//!     .standard("101-01", "首问负责制", Status::InForce)
//!     .post("GW01", "综合受理员")
//!     .build();
//! ```

use super::*;

/// A repository under construction.
pub struct Repo(Repository);

fn at<T>(value: T) -> At<T> {
    At::new(value, Pos::START)
}

fn date(text: &str) -> Date {
    text.parse().expect("a test date like 2014-12-31")
}

impl Repo {
    /// An empty repository of a centre (city level, the default targets).
    pub fn new(center: &str) -> Repo {
        let mut repo = Repository::default();
        repo.manifest.center = Some(center.to_owned());
        repo.manifest.parsed = true;
        repo.manifest.seq_width = 2;
        repo.scope.posts.path = "scope/posts.toml".into();
        repo.scope.services.path = "scope/services.toml".into();
        repo.scope.assets.path = "scope/assets.toml".into();
        repo.records.staff_path = "records/staff.toml".into();
        Repo(repo)
    }

    /// A centre standard with a system number, a title and a status, in its category's folder.
    pub fn standard(self, no: &str, title: &str, status: Status) -> Repo {
        self.standard_with(no, title, status, |_| {})
    }

    /// A standard, changed by `edit` (its covers, level, code …) before it is added.
    pub fn standard_with(
        mut self,
        no: &str,
        title: &str,
        status: Status,
        edit: impl FnOnce(&mut Standard),
    ) -> Repo {
        let category = no.split('-').next().unwrap_or(no);
        let mut s = Standard::unreadable(
            format!("system/{category}/{no}-{title}.md"),
            FileKind::Markdown,
        );
        s.set_no(Some(at(no.to_owned())));
        s.title = Some(title.to_owned());
        s.level = Some(at(Level::Internal));
        s.origin = Some(at(Origin::Formulated));
        s.status = Some(at(status));
        edit(&mut s);
        self.0.standards.push(s);
        self
    }

    /// A post of `scope/posts.toml`.
    pub fn post(mut self, id: &str, name: &str) -> Repo {
        self.0.scope.posts.items.push(ScopeItem {
            id: at(id.to_owned()),
            name: name.to_owned(),
            unit: None,
            faulty: false,
        });
        self
    }

    /// A member of staff of `records/staff.toml`.
    pub fn staff(mut self, id: &str, name: &str) -> Repo {
        self.0.records.staff.push(Staff {
            id: at(id.to_owned()),
            name: name.to_owned(),
            unit: None,
            post: None,
            faulty: false,
        });
        self
    }

    /// A training on `on` of the standards `nos`, attended by `attendees`.
    pub fn training(mut self, on: &str, nos: &[&str], attendees: &[&str]) -> Repo {
        self.0.records.trainings.push(Training {
            path: "records/trainings/2014.toml".into(),
            head: Pos::START,
            date: at(date(on)),
            topic: format!("{on} 标准宣贯"),
            standards: nos
                .iter()
                .map(|n| NoRef::new(at((*n).to_owned())))
                .collect(),
            attendees: attendees.iter().map(|a| at((*a).to_owned())).collect(),
        });
        self
    }

    /// The evaluation period, `from` to `to`.
    pub fn period(mut self, from: &str, to: &str) -> Repo {
        self.0.manifest.period = Some(Period {
            from: date(from),
            to: date(to),
        });
        self
    }

    pub fn build(self) -> Repository {
        self.0
    }
}
