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
            // A rate of nothing is not below its target: it cannot be judged, and a centre
            // is not shown to meet it, so it is reported in the words `rates` uses.
            let message = match r.percent() {
                Some(value) => {
                    messages::target_missed(&r.name, &value, r.numerator, r.denominator, &target)
                }
                None => messages::unjudged(&r.name, &r.when_empty, &target),
            };
            Finding::new(
                Code::TargetMissed,
                Location::new(crate::model::MANIFEST, Pos::START),
                message,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;
    use crate::model::testing::Repo;

    #[test]
    fn a_rate_of_nothing_cannot_be_judged_and_is_not_said_to_be_below() {
        // No staff: the training rate has no denominator.
        let repo = Repo::new("安庆市政务服务中心")
            .standard("101-01", "首问负责制", Status::InForce)
            .build();
        let found = missed(&crate::rates::compute(&repo, None));
        let training = found
            .iter()
            .find(|f| f.message.zh.starts_with("全员参训率"))
            .expect("the training rate is reported");
        assert_eq!(training.message.key, "unjudged");
        assert!(
            training.message.zh.contains("无法判断"),
            "{}",
            training.message.zh
        );
        assert!(
            !training.message.zh.contains("未达到"),
            "{}",
            training.message.zh
        );
    }
}
