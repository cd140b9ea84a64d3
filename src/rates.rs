//! The rates of SPEC §5, each with its definition, numerator and denominator. Pure: takes a
//! loaded repository, returns numbers.

use std::collections::{HashMap, HashSet};

use crate::finding::Msg;
use crate::messages;
use crate::model::{Outcome, Period, Repository, SystemNo, Targets};

/// Which rate a [`Rate`] is: the names of `rates --format json` and of `[targets]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RateKey {
    Completeness,
    Coverage,
    CoveragePosts,
    CoverageServices,
    CoverageAssets,
    Implementation,
    Training,
    Satisfaction,
    MemberAcceptance,
}

impl RateKey {
    /// The key as the machine formats write it.
    pub fn as_str(self) -> &'static str {
        match self {
            RateKey::Completeness => "completeness",
            RateKey::Coverage => "coverage",
            RateKey::CoveragePosts => "coverage-posts",
            RateKey::CoverageServices => "coverage-services",
            RateKey::CoverageAssets => "coverage-assets",
            RateKey::Implementation => "implementation",
            RateKey::Training => "training",
            RateKey::Satisfaction => "satisfaction",
            RateKey::MemberAcceptance => "member-acceptance",
        }
    }
}

impl std::fmt::Display for RateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rate.
#[derive(Clone, Debug, PartialEq)]
pub struct Rate {
    pub key: RateKey,
    pub name: Msg,
    pub numerator: u64,
    pub denominator: u64,
    pub target: Option<f64>,
    pub definition: Msg,
    /// Why the denominator can be 0, shown instead of a value.
    pub when_empty: Msg,
    /// What the denominator holds and the numerator does not, in a fixed order; their
    /// counts add up to `denominator - numerator` (see [`Rate::uncounted_count`]).
    pub uncounted: Vec<Uncounted>,
}

/// One entry of what a rate leaves out of its numerator: a standard (by system number, with
/// its title), a scope item or a member of staff (id and name), a member centre (its path,
/// and its name when known), or a survey's unsatisfied responses (the survey's place
/// `path:line`, and its method and dates).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Uncounted {
    pub id: String,
    pub name: String,
    /// For a survey, its unsatisfied responses (responses are no items one can name, so
    /// the survey stands for them); `None` for an entry that is one unit of the denominator.
    pub responses: Option<u64>,
}

impl Uncounted {
    fn one(id: impl Into<String>, name: impl Into<String>) -> Self {
        Uncounted {
            id: id.into(),
            name: name.into(),
            responses: None,
        }
    }

    /// How many units of the denominator the entry stands for.
    pub fn count(&self) -> u64 {
        self.responses.unwrap_or(1)
    }
}

/// A share as every output prints it: one decimal, rounded half up on the exact fraction
/// (73/80 = 91.25% prints 91.3%, as a person working it out by hand writes it); `None` when
/// the denominator is 0.
pub fn percent_of(numerator: u64, denominator: u64) -> Option<String> {
    if denominator == 0 {
        return None;
    }
    let (n, d) = (u128::from(numerator), u128::from(denominator));
    // Tenths of a percent: n/d × 1000, rounded half up.
    let tenths = (n * 2000 + d) / (2 * d);
    Some(format!("{}.{}%", tenths / 10, tenths % 10))
}

/// A target of the manifest (a fraction such as 0.95) in the same form: `95.0%`.
pub fn target_percent(target: f64) -> String {
    let tenths = (target * 1000.0).round().max(0.0) as u64;
    format!("{}.{}%", tenths / 10, tenths % 10)
}

impl Rate {
    /// The value in the printed form, `None` when the denominator is 0.
    pub fn percent(&self) -> Option<String> {
        percent_of(self.numerator, self.denominator)
    }

    /// `None` when the denominator is 0.
    pub fn value(&self) -> Option<f64> {
        (self.denominator > 0).then(|| self.numerator as f64 / self.denominator as f64)
    }

    /// `None` without a target or without a value.
    pub fn pass(&self) -> Option<bool> {
        let (target, value) = (self.target?, self.value()?);
        // A small tolerance, so that 19/20 meets 0.95 despite binary fractions.
        Some(value + 1e-12 >= target)
    }

    /// How many units of the denominator are not in the numerator, by the entries of
    /// `uncounted`: always `denominator - numerator`.
    pub fn uncounted_count(&self) -> u64 {
        total(self.uncounted.iter().map(Uncounted::count))
    }

    /// The uncounted units one by one, as `(id, name)`: an entry per standard, item, person
    /// or centre, and for a survey one per unsatisfied response, numbered after its place
    /// (`records/surveys/2014.toml:3#1`, `#2`, …). Exactly `denominator - numerator` of them.
    pub fn uncounted_units(&self) -> impl Iterator<Item = (String, &str)> + '_ {
        self.uncounted.iter().flat_map(|u| {
            let numbered = u.responses.is_some();
            (1..=u.count()).map(move |k| {
                let id = if numbered {
                    format!("{}#{k}", u.id)
                } else {
                    u.id.clone()
                };
                (id, u.name.as_str())
            })
        })
    }
}

/// Numerator, denominator and what is left out, from one pass over the denominator's
/// members (each with whether it counts), so that they cannot disagree; `entry` describes a
/// member that does not count.
fn tally<T>(
    members: impl IntoIterator<Item = (bool, T)>,
    entry: impl Fn(T) -> Uncounted,
) -> (u64, u64, Vec<Uncounted>) {
    let (mut numerator, mut denominator, mut uncounted) = (0, 0, Vec::new());
    for (counts, member) in members {
        denominator += 1;
        if counts {
            numerator += 1;
        } else {
            uncounted.push(entry(member));
        }
    }
    (numerator, denominator, uncounted)
}

/// A standard as an uncounted entry: its system number (else its file) and its title.
fn standard_entry(s: &crate::model::Standard) -> Uncounted {
    let id = match (s.system_no(), &s.no) {
        (Some(no), _) => no.to_string(),
        (None, Some(raw)) => raw.written.value.clone(),
        (None, None) => s.path.clone(),
    };
    Uncounted::one(id, s.title.clone().unwrap_or_default())
}

/// Standards in system-number order (those without a valid number last, by file).
fn by_number<'r>(
    standards: impl Iterator<Item = &'r crate::model::Standard>,
) -> Vec<&'r crate::model::Standard> {
    let mut list: Vec<_> = standards.collect();
    list.sort_by_cached_key(|s| number_key(s));
    list
}

fn number_key(s: &crate::model::Standard) -> (bool, Option<&SystemNo>, &str) {
    let no = s.system_no();
    (no.is_none(), no, s.path.as_str())
}

/// The rates of one centre.
#[derive(Clone, Debug, PartialEq)]
pub struct CenterRates {
    pub center: String,
    pub period: Option<Period>,
    pub rates: Vec<Rate>,
    /// Records left out of every rate as invalid (the ones `check` rejects, and entries the
    /// loader could not read as records).
    pub excluded: u64,
}

impl CenterRates {
    /// A centre passes when every rate with a target meets it.
    pub fn passes(&self) -> bool {
        self.rates
            .iter()
            .filter(|r| r.target.is_some())
            .all(|r| r.pass() == Some(true))
    }

    pub fn get(&self, key: RateKey) -> Option<&Rate> {
        self.rates.iter().find(|r| r.key == key)
    }
}

/// Computes the rates of one repository for `period` (else its manifest's; without one,
/// every record counts). Records that break a rule count nowhere.
pub fn compute(repo: &Repository, period: Option<Period>) -> CenterRates {
    compute_excluding(repo, period).0
}

/// The rates, and how many records they leave out because `check` rejects them.
pub fn compute_excluding(repo: &Repository, period: Option<Period>) -> (CenterRates, u64) {
    let rejected = crate::check::rejected(repo);
    let period = period.or(repo.manifest.period);
    let t = repo.manifest.targets;
    let in_period = |d| period.is_none_or(|p: Period| p.contains(d));
    let mut rates = Vec::new();

    let live = by_number(
        repo.standards
            .iter()
            .filter(|s| s.status().is_some_and(|st| !st.retired())),
    );
    let (numerator, denominator, uncounted) =
        tally(live.iter().map(|s| (s.in_force(), *s)), standard_entry);
    rates.push(Rate {
        key: RateKey::Completeness,
        name: messages::rate_completeness(),
        numerator,
        denominator,
        target: None,
        definition: messages::rate_completeness_definition(),
        when_empty: messages::rate_completeness_when_empty(),
        uncounted,
    });

    let covered =
        |pick: fn(&crate::model::Covers) -> &Vec<crate::model::At<String>>| -> HashSet<&str> {
            repo.standards
                .iter()
                .filter(|s| s.in_force())
                .flat_map(|s| pick(&s.covers).iter().map(|id| id.value.as_str()))
                .collect()
        };
    let part = |file: &crate::model::ScopeFile,
                rejected: &HashSet<usize>,
                set: &HashSet<&str>|
     -> (u64, u64, Vec<Uncounted>) {
        // Each id once, in the order of the file.
        let mut seen = HashSet::new();
        tally(
            sound(&file.items, rejected)
                .filter(|i| seen.insert(i.id.value.as_str()))
                .map(|i| (set.contains(i.id.value.as_str()), i)),
            |i| Uncounted::one(i.id.value.as_str(), i.name.as_str()),
        )
    };
    let posts = part(&repo.scope.posts, &rejected.posts, &covered(|c| &c.posts));
    let services = part(
        &repo.scope.services,
        &rejected.services,
        &covered(|c| &c.services),
    );
    let assets = part(
        &repo.scope.assets,
        &rejected.assets,
        &covered(|c| &c.assets),
    );
    rates.push(Rate {
        key: RateKey::Coverage,
        name: messages::rate_coverage(),
        numerator: posts.0 + services.0 + assets.0,
        denominator: posts.1 + services.1 + assets.1,
        uncounted: [&posts.2, &services.2, &assets.2]
            .into_iter()
            .flatten()
            .cloned()
            .collect(),
        target: Some(t.coverage),
        definition: messages::rate_coverage_definition(),
        when_empty: messages::rate_coverage_when_empty(),
    });
    for (key, name, definition, when_empty, (n, d, uncounted)) in [
        (
            RateKey::CoveragePosts,
            messages::rate_coverage_posts(),
            messages::rate_coverage_posts_definition(),
            messages::rate_coverage_posts_when_empty(),
            posts,
        ),
        (
            RateKey::CoverageServices,
            messages::rate_coverage_services(),
            messages::rate_coverage_services_definition(),
            messages::rate_coverage_services_when_empty(),
            services,
        ),
        (
            RateKey::CoverageAssets,
            messages::rate_coverage_assets(),
            messages::rate_coverage_assets_definition(),
            messages::rate_coverage_assets_when_empty(),
            assets,
        ),
    ] {
        rates.push(Rate {
            key,
            name,
            numerator: n,
            denominator: d,
            target: None,
            definition,
            when_empty,
            uncounted,
        });
    }

    rates.push(implementation(repo, &rejected, period, &in_period, t));

    let trained: HashSet<&str> = sound(&repo.records.trainings, &rejected.trainings)
        .filter(|tr| in_period(tr.date.value))
        .flat_map(|tr| tr.attendees.iter().map(|a| a.value.as_str()))
        .collect();
    // Each person once, in the order of the roster.
    let mut seen = HashSet::new();
    let (numerator, denominator, uncounted) = tally(
        sound(&repo.records.staff, &rejected.staff)
            .filter(|p| seen.insert(p.id.value.as_str()))
            .map(|p| (trained.contains(p.id.value.as_str()), p)),
        |p| Uncounted::one(p.id.value.as_str(), p.name.as_str()),
    );
    rates.push(Rate {
        key: RateKey::Training,
        name: messages::rate_training(),
        numerator,
        denominator,
        target: Some(t.training),
        definition: messages::rate_training_definition(),
        when_empty: messages::rate_training_when_empty(),
        uncounted,
    });

    let surveys: Vec<_> = sound(&repo.records.surveys, &rejected.surveys)
        .filter(|s| period.is_none_or(|p| p.overlaps(s.from.value, s.to.value)))
        .collect();
    // The rules keep `satisfied` within `responses`, so the unsatisfied responses of the
    // surveys add up to the denominator less the numerator.
    let uncounted = surveys
        .iter()
        .filter(|s| s.responses.value > s.satisfied.value)
        .map(|s| Uncounted {
            id: format!("{}:{}", s.path, s.head.line),
            name: format!("{} {}..{}", s.method, s.from.value, s.to.value),
            responses: Some(s.responses.value - s.satisfied.value),
        })
        .collect();
    rates.push(Rate {
        key: RateKey::Satisfaction,
        name: messages::rate_satisfaction(),
        numerator: total(surveys.iter().map(|s| s.satisfied.value)),
        denominator: total(surveys.iter().map(|s| s.responses.value)),
        target: Some(t.satisfaction),
        definition: messages::rate_satisfaction_definition(),
        when_empty: messages::rate_satisfaction_when_empty(),
        uncounted,
    });

    let excluded = rejected.count() + repo.records.left_out;
    let center = CenterRates {
        center: repo.manifest.center.clone().unwrap_or_default(),
        period,
        rates,
        excluded,
    };
    (center, excluded)
}

/// The records of a list that no rule rejects.
fn sound<'r, T>(list: &'r [T], rejected: &HashSet<usize>) -> impl Iterator<Item = &'r T> {
    list.iter()
        .enumerate()
        .filter(move |(n, _)| !rejected.contains(n))
        .map(|(_, r)| r)
}

/// A sum of counts, exact: the rules keep the counts they accept within `MAX_COUNT` in all,
/// so the sum always fits; were it ever not to, it would stop at the largest `u64`.
fn total(counts: impl Iterator<Item = u64>) -> u64 {
    let sum: u128 = counts.map(u128::from).sum();
    u64::try_from(sum).unwrap_or(u64::MAX)
}

fn implementation(
    repo: &Repository,
    rejected: &crate::check::Rejected,
    period: Option<Period>,
    in_period: &dyn Fn(crate::model::Date) -> bool,
    t: Targets,
) -> Rate {
    let index = repo.numbers();
    let mut latest: HashMap<usize, &crate::model::Inspection> = HashMap::new();
    for ins in sound(&repo.records.inspections, &rejected.inspections) {
        if !in_period(ins.date.value) {
            continue;
        }
        let Some(i) = ins.standard.no.as_ref().and_then(|n| index.standard(n)) else {
            continue;
        };
        match latest.get(&i) {
            Some(prev) if prev.date.value > ins.date.value => {}
            _ => {
                latest.insert(i, ins);
            }
        }
    }
    let end = period.map(|p| p.to);
    let mut in_force: Vec<(usize, &crate::model::Standard)> = repo
        .standards
        .iter()
        .enumerate()
        .filter(|(_, s)| s.in_force())
        .collect();
    in_force.sort_by_cached_key(|(_, s)| number_key(s));
    let (numerator, denominator, uncounted) = tally(
        in_force.iter().map(|&(i, s)| {
            let implemented = latest.get(&i).is_some_and(|ins| match ins.result {
                Outcome::Conform => true,
                Outcome::Nonconform => ins
                    .rectified
                    .as_ref()
                    .is_some_and(|r| end.is_none_or(|e| r.value <= e)),
            });
            (implemented, s)
        }),
        standard_entry,
    );
    Rate {
        key: RateKey::Implementation,
        name: messages::rate_implementation(),
        numerator,
        denominator,
        target: Some(t.implementation),
        definition: messages::rate_implementation_definition(),
        when_empty: messages::rate_implementation_when_empty(),
        uncounted,
    }
}

/// How many records the rates of a centre, and of each of its members in order, leave out
/// because `check` rejects them (0 for a member that could not be loaded).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Excluded {
    pub center: u64,
    pub members: Vec<u64>,
}

/// The rates of a centre and of each of its members (member acceptance added when it has
/// any), and how many invalid records each left out.
pub fn with_members(
    repo: &Repository,
    members: &[crate::model::Member],
    period: Option<Period>,
) -> (CenterRates, Vec<MemberRates>, Excluded) {
    let (mut city, center) = compute_excluding(repo, period);
    let mut excluded = Excluded {
        center,
        members: Vec::new(),
    };
    let members: Vec<MemberRates> = members
        .iter()
        .map(|m| {
            let rates = m
                .repo
                .as_ref()
                .map(|r| compute_excluding(r, period))
                .map_err(Clone::clone);
            excluded.members.push(rates.as_ref().map_or(0, |(_, n)| *n));
            MemberRates {
                path: m.path.clone(),
                rates: rates.map(|(r, _)| r),
            }
        })
        .collect();
    if !members.is_empty() {
        city.rates
            .push(member_acceptance(&members, repo.manifest.targets));
    }
    (city, members, excluded)
}

/// A member centre as listed in `[[member]]`: its path, and its rates or why they could not
/// be computed.
#[derive(Clone, Debug)]
pub struct MemberRates {
    pub path: String,
    pub rates: Result<CenterRates, String>,
}

/// The share of member centres that pass.
pub fn member_acceptance(members: &[MemberRates], targets: Targets) -> Rate {
    // In the order of `[[member]]`, by path, with the centre's name when it could be read.
    let (numerator, denominator, uncounted) = tally(
        members
            .iter()
            .map(|m| (m.rates.as_ref().is_ok_and(CenterRates::passes), m)),
        |m| {
            let name = m.rates.as_ref().map_or("", |r| r.center.as_str());
            Uncounted::one(m.path.as_str(), name)
        },
    );
    Rate {
        key: RateKey::MemberAcceptance,
        name: messages::rate_member_acceptance(),
        numerator,
        denominator,
        target: Some(targets.member_acceptance),
        definition: messages::rate_member_acceptance_definition(),
        when_empty: messages::rate_member_acceptance_when_empty(),
        uncounted,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_repository_built_in_memory_gives_its_rates_and_what_they_leave_out() {
        use crate::model::Status;
        use crate::model::testing::Repo;
        let repo = Repo::new("安庆市政务服务中心")
            .period("2014-01-01", "2014-12-31")
            .standard_with("101-01", "首问负责制", Status::InForce, |s| {
                s.covers.posts = vec![crate::model::At::new(
                    "GW01".into(),
                    crate::finding::Pos::START,
                )];
            })
            .standard("101-02", "限时办结制", Status::Drafting)
            .post("GW01", "综合受理员")
            .post("GW02", "帮办代办员")
            .staff("E01", "王喆")
            .staff("E02", "李堃")
            .training("2014-05-01", &["101-01"], &["E01"])
            .build();
        let rates = super::compute(&repo, None);
        let posts = rates.get(RateKey::CoveragePosts).unwrap();
        assert_eq!((posts.numerator, posts.denominator), (1, 2));
        assert_eq!(
            posts.uncounted_units().collect::<Vec<_>>(),
            [("GW02".to_owned(), "帮办代办员")]
        );
        let training = rates.get(RateKey::Training).unwrap();
        assert_eq!((training.numerator, training.denominator), (1, 2));
        assert_eq!(
            training.uncounted_units().collect::<Vec<_>>(),
            [("E02".to_owned(), "李堃")]
        );
        // 101-02 is still being drafted: planned, not yet in force.
        let completeness = rates.get(RateKey::Completeness).unwrap();
        assert_eq!((completeness.numerator, completeness.denominator), (1, 2));
        assert_eq!(completeness.percent().as_deref(), Some("50.0%"));
    }

    use super::*;
    use crate::finding::Pos;
    use crate::model::{At, MAX_COUNT, MAX_RESPONSES, Survey};

    fn survey(responses: u64, satisfied: u64) -> Survey {
        let date = |s: &str| At::new(s.parse().unwrap(), Pos::START);
        Survey {
            path: "records/surveys/2014.toml".into(),
            head: Pos::START,
            from: date("2014-03-01"),
            to: date("2014-03-31"),
            method: "问卷".into(),
            responses: At::new(responses, Pos::START),
            satisfied: At::new(satisfied, Pos::START),
        }
    }

    fn satisfaction(surveys: Vec<Survey>) -> (u64, u64, u64) {
        let mut repo = Repository::default();
        repo.records.surveys = surveys;
        let (rates, excluded) = compute_excluding(&repo, None);
        let r = rates.get(RateKey::Satisfaction).unwrap();
        (r.numerator, r.denominator, excluded)
    }

    #[test]
    fn a_survey_with_more_satisfied_than_responses_counts_nowhere() {
        assert_eq!(
            satisfaction(vec![survey(1000, 900), survey(10, 200)]),
            (900, 1000, 1)
        );
    }

    #[test]
    fn survey_sums_never_wrap() {
        // The first survey fills the total the rules accept, the others would take it past
        // it and are rejected instead of wrapping or listing without end.
        let at_limit = || survey(MAX_RESPONSES, MAX_RESPONSES - 1);
        assert_eq!(
            satisfaction(vec![at_limit(), at_limit(), at_limit()]),
            (MAX_RESPONSES - 1, MAX_RESPONSES, 2)
        );
        // A survey claiming the largest exact count, none satisfied, is rejected: its list of
        // unsatisfied responses would be endless.
        let (rates, excluded) = {
            let mut repo = Repository::default();
            repo.records.surveys = vec![survey(MAX_COUNT, 0)];
            compute_excluding(&repo, None)
        };
        let r = rates.get(RateKey::Satisfaction).unwrap();
        assert_eq!((r.denominator, r.uncounted_count(), excluded), (0, 0, 1));
        assert_eq!(total([u64::MAX, u64::MAX].into_iter()), u64::MAX);
        assert_eq!(total([u64::MAX - 1, 1].into_iter()), u64::MAX);
    }

    #[test]
    fn every_shipped_repository_lists_exactly_what_each_rate_leaves_out() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("standards")];
        let mut examples: Vec<_> = std::fs::read_dir(root.join("examples"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.join(crate::load::MANIFEST).is_file())
            .collect();
        examples.sort();
        assert!(examples.len() >= 5, "{examples:?}");
        dirs.extend(examples);
        let mut satisfaction = 0;
        for dir in dirs {
            let loaded = crate::load::load(&dir).unwrap();
            let (city, members, _) = with_members(
                &loaded.repo,
                &crate::load::members(&dir, &loaded.repo),
                None,
            );
            let centres =
                std::iter::once(&city).chain(members.iter().filter_map(|m| m.rates.as_ref().ok()));
            for c in centres {
                for r in &c.rates {
                    let what = format!("{} {} {}", dir.display(), c.center, r.key);
                    assert_eq!(r.uncounted_count(), r.denominator - r.numerator, "{what}");
                    assert_eq!(
                        r.uncounted_units().count() as u64,
                        r.uncounted_count(),
                        "{what}"
                    );
                    if matches!(r.key, RateKey::Completeness | RateKey::Implementation) {
                        let numbers: Vec<SystemNo> =
                            r.uncounted.iter().map(|u| u.id.parse().unwrap()).collect();
                        assert!(numbers.is_sorted(), "{what}");
                    }
                    if r.key == RateKey::Satisfaction {
                        satisfaction += r.uncounted.len();
                    } else {
                        assert!(r.uncounted.iter().all(|u| u.responses.is_none()), "{what}");
                    }
                }
            }
        }
        assert!(satisfaction > 0);
    }

    #[test]
    fn a_survey_stands_for_its_unsatisfied_responses_one_unit_each() {
        let mut repo = Repository::default();
        repo.records.surveys = vec![survey(100, 97), survey(10, 10)];
        let (rates, _) = compute_excluding(&repo, None);
        let r = rates.get(RateKey::Satisfaction).unwrap();
        assert_eq!(r.uncounted.len(), 1);
        assert_eq!(r.uncounted[0].responses, Some(3));
        let units: Vec<_> = r.uncounted_units().map(|(id, _)| id).collect();
        assert_eq!(
            units,
            [
                "records/surveys/2014.toml:1#1",
                "records/surveys/2014.toml:1#2",
                "records/surveys/2014.toml:1#3"
            ]
        );
    }

    #[test]
    fn nothing_is_excluded_from_a_clean_repository() {
        assert_eq!(satisfaction(vec![survey(800, 787)]), (787, 800, 0));
    }

    #[test]
    fn percentages_round_half_up_on_the_exact_fraction() {
        assert_eq!(super::percent_of(73, 80).as_deref(), Some("91.3%"));
        assert_eq!(super::percent_of(1, 3).as_deref(), Some("33.3%"));
        assert_eq!(super::percent_of(2, 3).as_deref(), Some("66.7%"));
        assert_eq!(super::percent_of(19, 20).as_deref(), Some("95.0%"));
        assert_eq!(super::percent_of(0, 7).as_deref(), Some("0.0%"));
        assert_eq!(super::percent_of(7, 7).as_deref(), Some("100.0%"));
        assert_eq!(super::percent_of(1, 0), None);
        assert_eq!(
            super::percent_of(u64::MAX, u64::MAX).as_deref(),
            Some("100.0%")
        );
        // 165249/167522 = 98.643…%
        assert_eq!(
            super::percent_of(165_249, 167_522).as_deref(),
            Some("98.6%")
        );
        assert_eq!(super::target_percent(0.95), "95.0%");
        assert_eq!(super::target_percent(0.9), "90.0%");
        assert_eq!(super::target_percent(0.985), "98.5%");
    }
}
