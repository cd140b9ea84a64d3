//! The report layer: the only code that turns results into text for people or machines.

pub mod findings;

/// Prints a failure of the tool to stderr: one line, with its causes.
#[allow(
    clippy::print_stderr,
    reason = "the report layer is where output happens"
)]
pub fn error(error: &anyhow::Error) {
    let mut line = format!("error: {error}");
    for cause in error.chain().skip(1) {
        line.push_str(&format!(": {cause}"));
    }
    eprintln!("{line}");
}

pub mod rates;
pub mod system;
pub mod table;
pub mod xlsx;
