//! Time is linear in line length: thousands of scope entries and of training attendees on one
//! line each are checked as fast as the same data one item per line, and the positions of the
//! findings at the far end of those lines are exact.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod common;
use common::copy_dir;

/// Scope entries on the one line of `scope/posts.toml`.
const POSTS: usize = 3_000;
/// Trainings on the one line of a training file, and attendees of each.
const TRAININGS: usize = 300;
const ATTENDEES: usize = 100;
/// Counting each position from its line start took minutes here in a debug build; linear
/// work takes well under a second. The bound leaves room for a slow, busy machine.
const BOUND: Duration = Duration::from_secs(10);

/// A valid repository whose posts, staff and one training file are each written on one line,
/// with one unknown attendee at the very end of the training line.
fn one_line_repository(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stdkit-linear-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd/check-accepts-a-valid-repository.in");
    copy_dir(&fixture, &dir);

    let posts: Vec<String> = (0..POSTS)
        .map(|i| format!("{{id = \"P{i}\", name = \"岗位é{i}😀\", unit = \"窗口\"}}"))
        .collect();
    std::fs::write(
        dir.join("scope/posts.toml"),
        format!("post = [{}]\n", posts.join(", ")),
    )
    .unwrap();

    let staff: Vec<String> = (0..ATTENDEES)
        .map(|i| format!("{{id = \"E{i}\", name = \"人员{i}\", post = \"P{i}\"}}"))
        .collect();
    std::fs::write(
        dir.join("records/staff.toml"),
        format!("staff = [{}]\n", staff.join(", ")),
    )
    .unwrap();

    let trainings: Vec<String> = (0..TRAININGS)
        .map(|t| {
            let mut attendees: Vec<String> = (0..ATTENDEES).map(|i| format!("\"E{i}\"")).collect();
            if t == TRAININGS - 1 {
                attendees.push("\"无名氏\"".to_owned());
            }
            format!(
                "{{date = 2014-05-{:02}, topic = \"培训{t}\", standards = [\"201-01\"], attendees = [{}]}}",
                t % 28 + 1,
                attendees.join(", ")
            )
        })
        .collect();
    std::fs::write(
        dir.join("records/trainings/2014.toml"),
        format!("training = [{}]\n", trainings.join(", ")),
    )
    .unwrap();
    dir
}

#[test]
fn thousands_of_values_on_one_line_are_checked_in_linear_time() {
    let dir = one_line_repository("check");
    let started = Instant::now();
    let out = common::bin()
        .arg("-C")
        .arg(&dir)
        .args([
            "--lang",
            "en",
            "check",
            "--as-of",
            "2014-12-31",
            "--format",
            "short",
        ])
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let stdout = String::from_utf8(out.stdout).unwrap();

    let line = std::fs::read_to_string(dir.join("records/trainings/2014.toml")).unwrap();
    let column = line[..line.find("\"无名氏\"").unwrap()].chars().count() + 1;
    let expected = format!(
        "records/trainings/2014.toml:1:{column}: error[record/unknown-staff]: attendee `无名氏` is not in `records/staff.toml`\n\
         scope/posts.toml:1:33: warning[dossier/glyph]: character '😀' U+1F600 is in no font of the dossier and would print as a box (3000 times in this file)\n\
         1 error, 1 warning (5 standards checked)\n"
    );
    assert_eq!(
        stdout,
        expected,
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(elapsed < BOUND, "check took {elapsed:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn rates_of_thousands_of_values_on_one_line_take_linear_time() {
    let dir = one_line_repository("rates");
    let started = Instant::now();
    let out = common::bin()
        .arg("-C")
        .arg(&dir)
        .args(["rates", "--format", "json"])
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    assert!(out.status.success() || out.status.code() == Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let training = doc["rates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "training")
        .unwrap();
    assert_eq!(training["numerator"], ATTENDEES);
    assert!(elapsed < BOUND, "rates took {elapsed:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
