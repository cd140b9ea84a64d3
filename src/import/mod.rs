//! Importing what a centre already has into a repository: its Word standards (`docx`).
//! Each importer is pure over the bytes it is given, and plans its writes as an
//! `edit::Changeset`; the command (`commands::import`) reads the files and applies the plan.

pub mod docx;
