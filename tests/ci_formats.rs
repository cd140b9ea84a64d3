//! The CI formats (`github`, `sarif`, `gitlab`, `junit`) name files relative to the git checkout
//! that holds the repository, so that the CI server can attach them; the others stay relative
//! to the repository. GitLab fingerprints survive an edit that only moves a finding.

mod common;

use std::path::Path;
use std::process::Command;

use common::{copy_dir, project, scratch, stdkit};

fn git_init(dir: &Path) {
    let o = Command::new("git")
        .args(["init", "-q", "--template="])
        .arg(dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
}

fn check(repo: &Path, format: &str) -> String {
    let o = stdkit(
        repo,
        &["check", "--as-of", "2014-12-31", "--format", format],
    );
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn ci_paths_are_relative_to_the_checkout() {
    let tmp = scratch("ci-prefix");
    let repo = tmp.join("city/standards");
    copy_dir(&project("tests/cmd/check-github-format.in"), &repo);
    git_init(&tmp.join("city"));
    let github = check(&repo, "github");
    assert!(
        github
            .lines()
            .all(|l| l.contains(" file=standards/system/")),
        "{github}"
    );
    let gitlab: serde_json::Value = serde_json::from_str(&check(&repo, "gitlab")).unwrap();
    for issue in gitlab.as_array().unwrap() {
        let path = issue["location"]["path"].as_str().unwrap();
        assert!(path.starts_with("standards/system/"), "{path}");
    }
    assert!(check(&repo, "junit").contains(r#"file="standards/system/"#));
    assert!(check(&repo, "sarif").contains(r#""uri": "standards/system/"#));
    // The formats for people and tools of the repository keep repository-relative paths.
    assert!(check(&repo, "short").starts_with("system/"));
    // `--path-prefix` overrides what git says.
    let o = stdkit(
        &repo,
        &[
            "check",
            "--as-of",
            "2014-12-31",
            "--format",
            "github",
            "--path-prefix",
            "a\\b/",
        ],
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains(" file=a/b/system/"));
}

#[test]
fn gitlab_fingerprints_follow_a_finding_that_moves() {
    let tmp = scratch("ci-fingerprint");
    let repo = tmp.join("repo");
    copy_dir(&project("tests/cmd/check-github-format.in"), &repo);
    let before: serde_json::Value = serde_json::from_str(&check(&repo, "gitlab")).unwrap();
    // A comment line above every finding: the lines move, the findings stay the same.
    for entry in walkdir::WalkDir::new(repo.join("system")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            std::fs::write(entry.path(), format!("# 注释\n{text}")).unwrap();
        }
    }
    let after: serde_json::Value = serde_json::from_str(&check(&repo, "gitlab")).unwrap();
    let prints = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(prints(&before), prints(&after));
    assert_eq!(
        before[0]["location"]["lines"]["begin"].as_u64().unwrap() + 1,
        after[0]["location"]["lines"]["begin"].as_u64().unwrap()
    );
    // Distinct findings have distinct fingerprints.
    let mut all = prints(&before);
    all.dedup();
    assert_eq!(all.len(), before.as_array().unwrap().len());
}

/// The SARIF 2.1.0 schema of OASIS (tests/fixtures/sarif), with its formats checked: a URI
/// that is not RFC 3986 (raw Chinese) fails it, as Microsoft's SARIF validator says (SARIF1002).
fn sarif_validator() -> jsonschema::Validator {
    let schema =
        std::fs::read_to_string(project("tests/fixtures/sarif/sarif-schema-2.1.0.json")).unwrap();
    // The schema's pattern for `run.language` has a stray `]` that a strict regex engine
    // refuses; it is read as it evidently means (stdkit writes no `language`).
    let bad = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(schema.contains(bad));
    let schema = schema.replace(bad, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn sarif_errors(validator: &jsonschema::Validator, doc: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_passes_the_sarif_2_1_0_schema() {
    let validator = sarif_validator();
    // Every fault of examples/broken, with Chinese file names, inside a git checkout.
    let tmp = scratch("ci-sarif");
    let repo = tmp.join("city/标准库");
    copy_dir(&project("examples/broken"), &repo);
    git_init(&tmp.join("city"));
    let text = check(&repo, "sarif");
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() > 20, "{}", results.len());
    let errors = sarif_errors(&validator, &doc);
    assert!(errors.is_empty(), "{errors:#?}");
    // Every location is relative to %SRCROOT%, which the run describes, and percent-encoded.
    assert!(doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"].is_object());
    for r in results {
        let location = &r["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(location["uriBaseId"], "%SRCROOT%");
        let uri = location["uri"].as_str().unwrap();
        assert!(uri.starts_with("%E6%A0%87%E5%87%86%E5%BA%93/"), "{uri}");
        assert!(uri.is_ascii(), "{uri}");
    }
    // The check has teeth: the same document with one raw Chinese URI fails it.
    let mut raw = doc.clone();
    raw["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        "标准库/system/a b.md".into();
    assert!(!sarif_errors(&validator, &raw).is_empty());
}

/// The JUnit report of every fault of examples/broken is well-formed XML (read with a
/// standard XML reader, end tags matched): one test case per finding, a failure per error,
/// the counts in the suite's attributes.
#[test]
fn junit_parses_as_xml_with_a_case_per_finding() {
    use quick_xml::events::{BytesStart, Event};
    let repo = project("examples/broken");
    let json: serde_json::Value = serde_json::from_str(&check(&repo, "json")).unwrap();
    let findings = json["findings"].as_array().unwrap().len();
    let errors = json["summary"]["errors"].as_u64().unwrap() as usize;
    let xml = check(&repo, "junit");
    let mut reader = quick_xml::Reader::from_str(&xml);
    reader.config_mut().check_end_names = true;
    let attr = |e: &BytesStart<'_>, name: &str| -> Option<String> {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .map(|a| a.value.to_string())
    };
    let (mut cases, mut failures, mut suite) = (0, 0, None);
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "testcase" => {
                    cases += 1;
                    assert!(attr(&e, "classname").is_some() && attr(&e, "name").is_some());
                }
                "failure" => failures += 1,
                "testsuite" => suite = attr(&e, "tests").map(|t| t.parse::<usize>().unwrap()),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(cases, findings);
    assert_eq!(suite, Some(findings));
    assert_eq!(failures, errors);
}

/// The GitLab report is a JSON array of Code Quality issues with the fields GitLab reads.
#[test]
fn gitlab_issues_have_the_fields_gitlab_reads() {
    let repo = project("examples/broken");
    let issues: serde_json::Value = serde_json::from_str(&check(&repo, "gitlab")).unwrap();
    let issues = issues.as_array().unwrap();
    assert!(issues.len() > 20);
    let mut prints = std::collections::BTreeSet::new();
    for i in issues {
        assert!(
            i["description"].as_str().is_some_and(|d| !d.is_empty()),
            "{i}"
        );
        assert!(
            i["check_name"].as_str().is_some_and(|c| c.contains('/')),
            "{i}"
        );
        let print = i["fingerprint"].as_str().unwrap();
        assert!(prints.insert(print.to_owned()), "fingerprint twice: {i}");
        let severity = i["severity"].as_str().unwrap();
        assert!(["info", "minor", "major", "critical", "blocker"].contains(&severity));
        assert!(i["location"]["path"].as_str().is_some(), "{i}");
        assert!(
            i["location"]["lines"]["begin"]
                .as_u64()
                .is_some_and(|l| l >= 1),
            "{i}"
        );
    }
}
