//! References to standards by system number, parsed once, and the one index that resolves
//! them: current numbers, former numbers (`formerly`, kept by `renumber`) and, for a standard
//! whose own `no` cannot be read, the number its file name starts with.

use std::collections::HashMap;

use super::{At, Standard, SystemNo};

/// A system number written in a record or in `formerly`: as written (for messages and
/// print) and parsed, once, when loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoRef {
    pub written: At<String>,
    pub no: Option<SystemNo>,
}

impl NoRef {
    pub fn new(written: At<String>) -> Self {
        let no = written.value.parse().ok();
        NoRef { written, no }
    }
}

/// How an index entry names its standard; a better kind replaces a worse one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum By {
    FileName,
    Former,
    Number,
}

/// System number → standard (its index in `Repository::standards`).
#[derive(Clone, Debug, Default)]
pub struct NumberIndex {
    map: HashMap<SystemNo, (usize, By)>,
}

impl NumberIndex {
    pub fn of(standards: &[Standard]) -> NumberIndex {
        let mut map: HashMap<SystemNo, (usize, By)> = HashMap::with_capacity(standards.len());
        let mut put = |no: SystemNo, i: usize, by: By| {
            let entry = map.entry(no).or_insert((i, by));
            // The first standard of a kind keeps a number; a better kind takes it over.
            if by > entry.1 {
                *entry = (i, by);
            }
        };
        for (i, s) in standards.iter().enumerate() {
            match s.system_no() {
                Some(no) => put(no.clone(), i, By::Number),
                None => {
                    if let Some(no) = s.file_no() {
                        put(no, i, By::FileName);
                    }
                }
            }
            for former in &s.formerly {
                if let Some(no) = &former.no {
                    put(no.clone(), i, By::Former);
                }
            }
        }
        NumberIndex { map }
    }

    /// The standard a reference names by its current or a former number.
    pub fn standard(&self, no: &SystemNo) -> Option<usize> {
        self.map
            .get(no)
            .filter(|(_, by)| *by != By::FileName)
            .map(|&(i, _)| i)
    }

    /// Whether some standard answers to the number: current, former, or its file name's.
    pub fn knows(&self, no: &SystemNo) -> bool {
        self.map.contains_key(no)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Pos, Status};

    fn no(s: &str) -> SystemNo {
        s.parse().unwrap()
    }

    #[test]
    fn current_numbers_win_over_former_ones_and_file_names_only_answer_to_knows() {
        let mut repo = crate::model::testing::Repo::new("安庆市政务服务中心")
            .standard("101-01", "首问负责制", Status::InForce)
            .standard("101-02", "限时办结制", Status::InForce)
            .build();
        // 101-02 was once 101-01 (renumbered): the current 101-01 keeps its number.
        repo.standards[1].formerly = vec![
            NoRef::new(At::new("101-1".into(), Pos::START)),
            NoRef::new(At::new("101-09".into(), Pos::START)),
        ];
        let mut unreadable = Standard::unreadable(
            "system/1/101/101-05-x.toml".into(),
            crate::model::FileKind::Toml,
        );
        unreadable.formerly = vec![NoRef::new(At::new("not a number".into(), Pos::START))];
        repo.standards.push(unreadable);
        let index = NumberIndex::of(&repo.standards);
        let path = |i: Option<usize>| i.map(|i| repo.standards[i].title.clone().unwrap());
        assert_eq!(path(index.standard(&no("101-01"))).unwrap(), "首问负责制");
        assert_eq!(path(index.standard(&no("101-09"))).unwrap(), "限时办结制");
        assert_eq!(index.standard(&no("101-05")), None);
        assert!(index.knows(&no("101-05")));
        assert!(!index.knows(&no("101-03")));
    }
}
