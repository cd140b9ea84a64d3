//! Parsing one file: the jobs the walk queues, what each gives, and what a file that cannot
//! be read still is.

use anyhow::Result;

use super::{Body, Input, Refusal, Source, TextRules, records, standard};
use crate::finding::Finding;
use crate::model::{Category, FileKind};

/// One file to parse.
pub(super) enum Job {
    Category { dir: String, depth: usize },
    Standard { path: String, kind: FileKind },
    Scope(usize),
    Staff,
    Inspections(String),
    Trainings(String),
    Surveys(String),
    Audit(String),
}

/// What parsing one file gave.
pub(super) enum Parsed {
    Category(Category),
    Standard(Box<crate::model::Standard>),
    Scope(usize, Vec<crate::model::ScopeItem>),
    Staff(Vec<crate::model::Staff>),
    Inspections(Vec<crate::model::Inspection>),
    Trainings(Vec<crate::model::Training>),
    Surveys(Vec<crate::model::Survey>),
    Audit(Option<crate::model::Audit>),
    Nothing,
}

/// What reading one file gave: its value, its findings, and how many of its entries could not
/// be read as records.
pub(super) struct Read {
    pub(super) parsed: Parsed,
    pub(super) findings: Vec<Finding>,
    pub(super) left_out: u64,
}

impl Read {
    fn of(parsed: Parsed, findings: Vec<Finding>) -> Read {
        Read {
            parsed,
            findings,
            left_out: 0,
        }
    }
}

pub(super) const SCOPE_FILES: [(&str, &[&str]); 3] = [
    ("scope/posts.toml", records::POST),
    ("scope/services.toml", records::SERVICE),
    ("scope/assets.toml", records::ASSET),
];

pub(super) fn parse_job(input: &Input, job: Job, rules: &dyn TextRules) -> Result<Read> {
    let mut findings = Vec::new();
    let mut left_out = 0;
    let path = match &job {
        Job::Category { dir, .. } => format!("{dir}/_index.md"),
        Job::Standard { path, .. } => path.clone(),
        Job::Scope(i) => SCOPE_FILES[*i].0.to_owned(),
        Job::Staff => "records/staff.toml".to_owned(),
        Job::Inspections(p) | Job::Trainings(p) | Job::Surveys(p) | Job::Audit(p) => p.clone(),
    };
    let bytes = match input.read(&path) {
        Ok(bytes) => bytes,
        Err(Refusal::Missing) => return Ok(Read::of(Parsed::Nothing, findings)),
        Err(refusal) => {
            findings.extend(refusal.finding(&path));
            return Ok(Read::of(unreadable(job, path), findings));
        }
    };
    let src = match Source::decode(path.clone(), &bytes) {
        Ok(src) => src,
        Err(f) => {
            findings.push(*f);
            return Ok(Read::of(unreadable(job, path), findings));
        }
    };
    rules.file(&path, src.text, &mut findings);
    let body = match &job {
        Job::Standard { .. } if path.ends_with(".md") => Some(Body::Standard),
        Job::Audit(_) => Some(Body::Audit),
        _ => None,
    };
    let parsed = match job {
        Job::Category { dir, depth } => {
            Parsed::Category(standard::category(&src, dir, depth, &mut findings))
        }
        Job::Standard { kind, .. } => {
            let s = standard::standard(&src, kind, &mut findings);
            if let (Some(of), Some(fm)) = (body, src.front_matter())
                && s.has_text
            {
                rules.body(&path, fm.body, fm.body_line, of, &mut findings);
            }
            Parsed::Standard(Box::new(s))
        }
        Job::Scope(i) => Parsed::Scope(
            i,
            records::scope(&src, SCOPE_FILES[i].1, &mut findings, &mut left_out),
        ),
        Job::Staff => Parsed::Staff(records::staff(&src, &mut findings, &mut left_out)),
        Job::Inspections(_) => {
            Parsed::Inspections(records::inspections(&src, &mut findings, &mut left_out))
        }
        Job::Trainings(_) => {
            Parsed::Trainings(records::trainings(&src, &mut findings, &mut left_out))
        }
        Job::Surveys(_) => Parsed::Surveys(records::surveys(&src, &mut findings, &mut left_out)),
        Job::Audit(_) => {
            if let (Some(of), Some(fm)) = (body, src.front_matter()) {
                rules.body(&path, fm.body, fm.body_line, of, &mut findings);
            }
            Parsed::Audit(records::audit(&src, &mut findings))
        }
    };
    Ok(Read {
        parsed,
        findings,
        left_out,
    })
}

/// What a file that could not be read still is: a category whose index cannot be read is
/// still a category, and a standard file that cannot be read is still a standard.
fn unreadable(job: Job, path: String) -> Parsed {
    match job {
        Job::Category { dir, depth } => Parsed::Category(Category {
            dir,
            index: Some(path),
            code: None,
            title: None,
            depth,
        }),
        Job::Standard { path, kind } => {
            Parsed::Standard(Box::new(crate::model::Standard::unreadable(path, kind)))
        }
        _ => Parsed::Nothing,
    }
}
