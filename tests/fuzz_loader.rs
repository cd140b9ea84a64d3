//! A bounded fuzz of the loader (proptest): arbitrary front matter, standard files and records
//! built from fragments of the format and raw bytes. Loading, checking and the rates never
//! panic, and every finding points inside the file it names. CI runs `FUZZ_CASES` cases
//! (default 200, a few seconds); raise it locally for a longer run.

use std::path::PathBuf;

mod common;

use proptest::prelude::*;

/// Pieces of the format mixed with odd text: the fuzzer builds files from these.
fn fragment() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"+++\n".to_vec()),
        Just(b"+++\r\n".to_vec()),
        Just(b"no = \"201-02\"\n".to_vec()),
        Just(b"title = \"\xE6\xA0\x87\xE5\x87\x86\"\n".to_vec()),
        Just(b"level = \"internal\"\norigin = \"own\"\nstatus = \"in-force\"\n".to_vec()),
        Just(b"code = \"Q/AQZW 101.2-2014\"\npublished = 2014-03-01\n".to_vec()),
        Just(b"[[training]]\ndate = 2014-03-01\ntopic = \"t\"\nattendees = [\"YG001\"]\n".to_vec()),
        Just(b"[[inspection]]\ndate = 2014-03-01\nstandard = \"201-02\"\nresult = \"conform\"\n".to_vec()),
        Just(b"[[survey]]\nfrom = 2014-01-01\nto = 2014-12-31\nresponses = 18446744073709551615\nsatisfied = 9\n".to_vec()),
        Just(b"[covers]\nposts = [\"GW01\"]\n".to_vec()),
        Just(b"## 1 \xE8\x8C\x83\xE5\x9B\xB4\n\n".to_vec()),
        Just(b"- - - - > > > [x](../../etc/passwd) ![](../.git/config)\n".to_vec()),
        Just(b"\xEF\xBB\xBF".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"\x1b[31m\n".to_vec()),
        Just(b"a = { b = { c = [[[[1]]]] } }\n".to_vec()),
        "[ -~\u{4e00}-\u{4e20}\n\"=\\[\\]{},.]{0,40}".prop_map(String::into_bytes),
        proptest::collection::vec(any::<u8>(), 0..16),
    ]
}

fn file() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(fragment(), 0..24).prop_map(|parts| parts.concat())
}

/// A scratch copy of `examples/huaining` (standards, scope and every kind of record), made once.
fn repository() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stdkit-fuzz-{}", std::process::id()));
    if dir.join("stdkit.toml").is_file() {
        return dir;
    }
    common::copy_dir(&common::project("examples/huaining"), &dir);
    dir
}

const FILES: [&str; 5] = [
    "system/2-服务提供标准体系/201-服务规范/201-09-模糊测试.md",
    "system/2-服务提供标准体系/201-服务规范/201-10-模糊测试.toml",
    "records/trainings/fuzz.toml",
    "records/inspections/fuzz.toml",
    "records/surveys/fuzz.toml",
];

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn the_loader_never_panics_and_points_inside_the_file(files in proptest::collection::vec(file(), FILES.len())) {
        let root = repository();
        for (rel, bytes) in FILES.iter().zip(&files) {
            std::fs::write(root.join(rel), bytes).unwrap();
        }
        let loaded = stdkit::load::load(&root).unwrap();
        let as_of: stdkit::model::Date = "2014-12-31".parse().unwrap();
        let mut findings = loaded.findings;
        findings.extend(stdkit::check::check(&loaded.repo, as_of));
        let rates = stdkit::rates::compute(&loaded.repo, None);
        for rate in &rates.rates {
            prop_assert!(rate.numerator <= rate.denominator, "{rate:?}");
        }
        for f in &findings {
            let pos = f.location.pos;
            prop_assert!(pos.line >= 1 && pos.column >= 1 && pos.len >= 1, "{f:?}");
            if let Some(i) = FILES.iter().position(|p| *p == f.location.path) {
                let lines = files[i].split(|b| *b == b'\n').count() as u32;
                prop_assert!(pos.line <= lines.max(1), "{f:?} beyond {lines} lines");
            }
        }
    }
}
