//! A reader that goes away: stdout or stderr closed before stdkit writes a byte. The run ends
//! quietly with the code it would have had (0 clean, 1 findings, 2 failure), and never panics
//! (101).

#![cfg(unix)]

mod common;

use std::os::fd::OwnedFd;
use std::os::unix::net::UnixStream;
use std::process::{Command, Output, Stdio};

/// One end of a connected pair whose other end is already closed: every write to it fails
/// with a broken pipe, deterministically, whenever the program writes.
fn closed() -> Stdio {
    let (ours, theirs) = UnixStream::pair().expect("a socket pair");
    drop(theirs);
    Stdio::from(OwnedFd::from(ours))
}

fn stdkit(args: &[&str]) -> Command {
    let mut cmd = common::bin();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    cmd
}

/// Runs with stdout closed, stderr captured.
fn stdout_closed(args: &[&str]) -> Output {
    stdkit(args)
        .stdout(closed())
        .stderr(Stdio::piped())
        .output()
        .expect("stdkit runs")
}

/// Runs with stderr closed, stdout discarded.
fn stderr_closed(args: &[&str]) -> Output {
    stdkit(args)
        .stdout(Stdio::null())
        .stderr(closed())
        .output()
        .expect("stdkit runs")
}

#[test]
fn a_closed_stdout_ends_a_clean_run_quietly_with_0() {
    for args in [
        &["-C", "standards", "table"][..],
        &["-C", "standards", "table", "--format", "csv"],
        &["-C", "standards", "table", "--tree"],
        &["-C", "standards", "tasks", "--as-of", "2014-12-31"],
        &["-C", "standards", "rates"],
        &["-C", "examples/minimal", "check", "--as-of", "2014-12-31"],
    ] {
        let out = stdout_closed(args);
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "",
            "stdkit {}",
            args.join(" ")
        );
        assert_eq!(out.status.code(), Some(0), "stdkit {}", args.join(" "));
    }
}

#[test]
fn a_closed_stdout_keeps_the_findings_exit_code_1() {
    for format in ["human", "short", "json", "github", "sarif"] {
        let out = stdout_closed(&[
            "-C",
            "examples/broken",
            "check",
            "--as-of",
            "2014-12-31",
            "--format",
            format,
        ]);
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{format}");
        assert_eq!(out.status.code(), Some(1), "{format}");
    }
}

#[test]
fn a_closed_stderr_never_panics() {
    // A failure of the tool: its one line goes to the closed stderr; the code still says 2.
    let out = stderr_closed(&["-C", "tests/no-such-directory", "check"]);
    assert_eq!(out.status.code(), Some(2));
    // Findings and a closed stdout as well.
    let out = stdkit(&["-C", "examples/broken", "check", "--as-of", "2014-12-31"])
        .stdout(closed())
        .stderr(closed())
        .output()
        .expect("stdkit runs");
    assert_eq!(out.status.code(), Some(1));
}
