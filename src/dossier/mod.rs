//! The acceptance dossier (验收材料汇编): `compile` gathers the volume from the repository
//! (pure, apart from the git history it is handed), the writers render it.

pub mod model;

pub use model::{Commit, Dossier, MemberRates, Section, StandardHistory, StandardText};
pub mod compile;
pub mod files;
pub mod html;
pub mod html_diagram;
pub mod view;

#[cfg(feature = "pdf")]
pub mod pdf;
