//! `target/missed`: a rate below the target the manifest sets for it (with `check --targets`).
//! Pure: from computed rates to findings.

use crate::finding::{Code, Finding, Location, Pos};
use crate::messages;
use crate::rates::CenterRates;

/// One `target/missed` finding per rate below its target, pointing at the manifest.
pub fn missed(rates: &CenterRates) -> Vec<Finding> {
    rates
        .rates
        .iter()
        .filter(|r| r.target.is_some() && r.pass() != Some(true))
        .map(|r| {
            let target = crate::rates::target_percent(r.target.unwrap_or_default());
            let value = r.percent().unwrap_or("—".to_owned());
            Finding::new(
                Code::TargetMissed,
                Location::new(crate::model::MANIFEST, Pos::START),
                messages::target_missed(&r.name, &value, r.numerator, r.denominator, &target),
            )
        })
        .collect()
}
