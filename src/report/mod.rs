//! The report layer: the only code that turns results into text for people or machines.

pub mod findings;

/// Prints a failure of the tool to stderr: one line, with its causes, in `lang`. A closed
/// stderr is not a reason to panic: the exit code still tells.
pub fn error(error: &anyhow::Error, lang: crate::finding::Lang) {
    use std::io::Write;
    let line = crate::finding::describe_error(error, lang);
    let _ = writeln!(std::io::stderr().lock(), "error: {line}");
}

pub mod rates;
pub mod system;
pub mod table;
pub mod xlsx;
