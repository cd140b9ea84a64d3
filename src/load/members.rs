//! The member centres named in the manifest: each loaded from its own folder, and none that
//! is this repository itself.

use std::path::Path;

use super::{MANIFEST, load};
use crate::finding::Finding;
use crate::messages;
use crate::model::Repository;

/// The member centres of a loaded repository, each loaded from its own directory (no search
/// upward, which would find this centre's manifest), in the order of `[[member]]`.
pub fn members(root: &Path, repo: &Repository) -> Vec<crate::model::Member> {
    repo.manifest
        .members
        .iter()
        .map(|m| {
            let dir = root.join(&m.value);
            // (A member that is this centre itself was dropped, with a finding, by `load`.)
            let repo = if dir.join(MANIFEST).is_file() {
                load(&dir).map(|l| l.repo).map_err(|e| format!("{e:#}"))
            } else {
                Err(format!("member `{}` has no `{MANIFEST}`", m.value))
            };
            crate::model::Member {
                path: m.value.clone(),
                repo,
            }
        })
        .collect()
}

/// A member centre is another repository: one that resolves to this repository itself (or a
/// folder above it, which holds it) is a finding, and is dropped from the members.
pub(super) fn members_are_others(
    root: &Path,
    manifest: &mut crate::model::Manifest,
    findings: &mut Vec<Finding>,
) {
    let Ok(own) = root.canonicalize() else {
        return;
    };
    manifest.members.retain(|m| {
        let Ok(dir) = root.join(&m.value).canonicalize() else {
            return true;
        };
        let itself = own.starts_with(&dir);
        if itself {
            findings.push(Finding::new(
                crate::finding::Code::FieldInvalid,
                crate::finding::Location::new(MANIFEST, m.pos),
                messages::member_is_itself(&m.value),
            ));
        }
        !itself
    });
}
