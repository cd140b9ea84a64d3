//! `stdkit import`: turning what a centre already has into a repository's sources. Each
//! format has its own module (read → rows → plan → `Changeset`); the command in
//! `commands::import` only picks the module by the file's extension and applies the plan.

pub mod xlsx;
