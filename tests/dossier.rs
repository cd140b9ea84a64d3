//! `dossier`: deterministic files listed in the manifest, an atomic swap that leaves the
//! previous dossier alone when a run fails, and sources never touched.

use std::path::Path;

mod common;
use common::{dossier, example_copy, scratch};

/// The run succeeded; its stderr otherwise.
fn assert_ok(o: &std::process::Output) {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn two_runs_give_identical_files_listed_in_the_manifest() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/huaining");
    let tmp = scratch("determinism");
    let (a, b) = (tmp.join("a"), tmp.join("b"));
    for out in [&a, &b] {
        let o = dossier(&repo, out);
        assert_ok(&o);
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(a.join("manifest.json")).unwrap()).unwrap();
    let files = manifest["files"].as_array().unwrap();
    assert!(files.iter().any(|f| f["path"] == "dossier.html"));
    assert!(files.iter().any(|f| f["path"] == "标准体系表.xlsx"));
    for f in files {
        let name = f["path"].as_str().unwrap();
        let bytes = std::fs::read(a.join(name)).unwrap();
        assert_eq!(
            bytes,
            std::fs::read(b.join(name)).unwrap(),
            "{name} differs between runs"
        );
        use sha2::Digest;
        let sum: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect();
        assert_eq!(f["sha256"], sum.as_str(), "{name}");
    }
    let html = std::fs::read_to_string(a.join("dossier.html")).unwrap();
    // The rates page names what each rate leaves out: here the one standard not yet in force.
    assert!(
        html.contains("<p>体系完整率未计入（1）：202-04 烟草专卖和住房公积金事项服务规范</p>"),
        "the rates page lists no uncounted standard"
    );
    // The only `http://` allowed is the SVG namespace, an identifier that is never fetched.
    let namespaces = html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count();
    assert_eq!(
        html.matches("http://").count(),
        namespaces,
        "the HTML names an external address"
    );
    assert!(
        !html.contains("https://"),
        "the HTML names an external address"
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn a_failed_run_leaves_the_previous_dossier_as_it_was() {
    let (tmp, repo) = example_copy("atomic", "examples/huaining");
    let out = tmp.join("out");
    let o = dossier(&repo, &out);
    assert_ok(&o);
    let before = std::fs::read(out.join("manifest.json")).unwrap();

    // A chapter saved as GB18030 cannot be printed: an error (dossier/section), so the run
    // writes nothing and exits 1.
    std::fs::create_dir_all(repo.join("dossier")).unwrap();
    let (bytes, _, _) = encoding_rs::GB18030.encode("# 工作总结\n\n本中心……\n");
    std::fs::write(repo.join("dossier/01-工作总结.md"), &bytes).unwrap();
    let manifest = std::fs::read_to_string(repo.join("stdkit.toml")).unwrap();
    let manifest = manifest.replacen(
        "sections = [",
        "sections = [\"dossier/01-工作总结.md\", ",
        1,
    );
    std::fs::write(repo.join("stdkit.toml"), manifest).unwrap();
    let sources_before = std::fs::read(repo.join("dossier/01-工作总结.md")).unwrap();
    let o = dossier(&repo, &out);
    assert_eq!(o.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains("error[dossier/section]") && stdout.contains("01-工作总结.md"),
        "{stdout}"
    );
    assert_eq!(std::fs::read(out.join("manifest.json")).unwrap(), before);
    assert_eq!(
        std::fs::read(repo.join("dossier/01-工作总结.md")).unwrap(),
        sources_before
    );
    let leftovers: Vec<_> = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "temporary directories left behind: {leftovers:?}"
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn the_workbook_is_written_even_when_the_volume_leaves_out_the_table() {
    let (tmp, repo) = example_copy("no-table", "examples/minimal");
    let mut manifest = std::fs::read_to_string(repo.join("stdkit.toml")).unwrap();
    manifest.push_str("\n[dossier]\nsections = [\"cover\", \"standards\"]\n");
    std::fs::write(repo.join("stdkit.toml"), manifest).unwrap();
    let out = tmp.join("out");
    let o = dossier(&repo, &out);
    assert_ok(&o);
    assert!(out.join("标准体系表.xlsx").is_file());
    let html = std::fs::read_to_string(out.join("dossier.html")).unwrap();
    assert!(
        !html.contains("标准明细表"),
        "the volume prints only the sections asked for"
    );
    let _ = std::fs::remove_dir_all(&tmp);
}
