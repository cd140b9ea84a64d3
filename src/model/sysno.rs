//! `SystemNo`, the 体系表编号 that places a standard in the tree: `<category code>-<seq>`.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A system number such as `101-02`. Equality and order compare the category code and the
/// sequence as a number, so `101-2` and `101-02` name the same standard; `Display` keeps the
/// digits as written.
#[derive(Clone, Debug)]
pub struct SystemNo {
    category: String,
    seq: u32,
    width: u8,
}

/// Why a text is not a system number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SystemNoError;

impl fmt::Display for SystemNoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not of the form <category>-<seq>")
    }
}

impl std::error::Error for SystemNoError {}

impl SystemNo {
    pub fn new(category: &str, seq: u32, width: u8) -> Self {
        SystemNo {
            category: category.to_owned(),
            seq,
            width,
        }
    }

    /// The category code, e.g. `101`.
    pub fn category(&self) -> &str {
        &self.category
    }

    pub fn seq(&self) -> u32 {
        self.seq
    }

    /// How many digits the sequence was written with.
    pub fn width(&self) -> u8 {
        self.width
    }
}

impl FromStr for SystemNo {
    type Err = SystemNoError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (category, seq) = s.split_once('-').ok_or(SystemNoError)?;
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(category) || !digits(seq) || seq.len() > 9 {
            return Err(SystemNoError);
        }
        Ok(SystemNo {
            category: category.to_owned(),
            seq: seq.parse().map_err(|_| SystemNoError)?,
            width: seq.len() as u8,
        })
    }
}

impl fmt::Display for SystemNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{:0width$}",
            self.category,
            self.seq,
            width = self.width as usize
        )
    }
}

impl PartialEq for SystemNo {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for SystemNo {}

impl std::hash::Hash for SystemNo {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.category.hash(state);
        self.seq.hash(state);
    }
}

impl PartialOrd for SystemNo {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SystemNo {
    /// Category codes sort as the tree does (`1` < `101` < `102` < `2`), then by sequence.
    fn cmp(&self, other: &Self) -> Ordering {
        (self.category.as_str(), self.seq).cmp(&(other.category.as_str(), other.seq))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_displays_as_written() {
        let n: SystemNo = "101-02".parse().unwrap();
        assert_eq!((n.category(), n.seq(), n.width()), ("101", 2, 2));
        assert_eq!(n.to_string(), "101-02");
        assert_eq!("3-001".parse::<SystemNo>().unwrap().to_string(), "3-001");
    }

    #[test]
    fn rejects_what_is_not_a_system_number() {
        for bad in [
            "",
            "101",
            "101-",
            "-02",
            "10a-02",
            "101-0x",
            "101—02",
            "101-02-03",
        ] {
            assert!(bad.parse::<SystemNo>().is_err(), "{bad}");
        }
    }

    #[test]
    fn sorts_by_tree_then_number() {
        let mut v: Vec<SystemNo> = ["2-01", "101-10", "101-02", "102-01", "101-2"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        v.sort();
        let shown: Vec<String> = v.iter().map(|n| n.to_string()).collect();
        assert_eq!(shown, ["101-02", "101-2", "101-10", "102-01", "2-01"]);
        assert_eq!(v[0], v[1]);
    }
}
