//! The language of the command line: every help and every tool error reads in Chinese by
//! default and in English with `--lang en` or an English locale, clap's frame included.

use std::path::Path;
use std::process::{Command, Output};

fn stdkit(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stdkit"));
    cmd.current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn is_cjk(c: char) -> bool {
    ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// `text` without what is quoted (`…` and '…'): the user's own words and values.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut quote = None;
    for c in text.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '`' || c == '\'' => quote = Some(c),
            None => out.push(c),
        }
    }
    out
}

/// English words clap or the system would put in a Chinese run.
const ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Print",
    "error",
    "default",
    "possible",
    "invalid",
    "unexpected",
    "required",
    "For more",
    "tip",
    "cannot",
    "No such",
    "os error",
    "needs",
    "found",
    "not ",
];

fn assert_chinese(what: &str, out: &str) {
    let plain = unquoted(out);
    for word in ENGLISH {
        assert!(!plain.contains(word), "{what}: `{word}` in\n{out}");
    }
    assert!(plain.chars().any(is_cjk), "{what}: no Chinese in\n{out}");
}

fn assert_english(what: &str, out: &str) {
    let plain = unquoted(out);
    assert!(!plain.chars().any(is_cjk), "{what}: Chinese in\n{out}");
}

/// The commands `stdkit --help` lists.
fn commands(dir: &Path) -> Vec<String> {
    let out = text(&stdkit(dir, &["--lang", "en", "--help"], &[]).stdout);
    let list = out.split("Commands:\n").nth(1).unwrap();
    list.lines()
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_help_is_in_one_language() {
    let dir = tempfile::tempdir().unwrap();
    let commands = commands(dir.path());
    assert!(commands.len() >= 14, "{commands:?}");
    let mut helps = vec![vec!["--help".to_owned()]];
    helps.extend(
        commands
            .iter()
            .filter(|c| *c != "help")
            .map(|c| vec![c.clone(), "--help".to_owned()]),
    );
    helps.push(vec!["help".to_owned(), "check".to_owned()]);
    for args in &helps {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let zh = stdkit(dir.path(), &args, &[]);
        assert!(zh.status.success(), "{args:?}: {zh:?}");
        let zh = text(&zh.stdout);
        assert!(zh.contains("用法："), "{args:?}:\n{zh}");
        assert_chinese(&format!("{args:?}"), &zh);

        let mut en_args = vec!["--lang", "en"];
        en_args.extend(&args);
        let en = text(&stdkit(dir.path(), &en_args, &[]).stdout);
        assert!(en.contains("Usage: "), "{args:?}:\n{en}");
        assert_english(&format!("--lang en {args:?}"), &en);

        let locale = text(&stdkit(dir.path(), &args, &[("LANG", "en_US.UTF-8")]).stdout);
        assert_eq!(locale, en, "LANG=en_US.UTF-8 {args:?}");
    }
}

#[test]
fn every_tool_error_is_in_one_language() {
    let dir = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("standards");
    let repo = repo.to_str().unwrap();
    let cases: &[&[&str]] = &[
        &["check"],
        &["-C", "nowhere", "check"],
        &["--as-of", "2014-13-01", "check"],
        &["-C", repo, "rates", "--period", "2014"],
        &["-C", repo, "rates", "--period", "2014-12-31..2014-01-01"],
        &["-C", repo, "table", "--format", "xlsx"],
        &["-C", repo, "table", "--tree", "--format", "csv"],
        &["-C", repo, "table", "--tree", "--stats"],
        &["-C", repo, "check", "--format", "jsn"],
        &["-C", repo, "check", "--frob"],
        &["chek"],
        &["new", "201"],
        &["-C", repo, "new", "999", "--title", "x"],
        &["-C", repo, "log", "x-1"],
        &["-C", repo, "renumber", "999-01", "101-09"],
        &["init", "x", "--name", "n", "--prefix", "GB/T"],
        &["completions", "tcsh"],
        &["import", "nothing.xlsx"],
    ];
    for args in cases {
        let zh = stdkit(dir.path(), args, &[]);
        assert_eq!(zh.status.code(), Some(2), "{args:?}: {zh:?}");
        let zh = text(&zh.stderr);
        assert!(zh.starts_with("错误："), "{args:?}:\n{zh}");
        // The usage line is the command line's own words.
        let body: String = zh
            .lines()
            .filter(|l| !l.starts_with("用法："))
            .collect::<Vec<_>>()
            .join("\n");
        assert_chinese(&format!("{args:?}"), &body);

        let mut en_args = vec!["--lang", "en"];
        en_args.extend(args.iter());
        let en = text(&stdkit(dir.path(), &en_args, &[]).stderr);
        assert!(en.starts_with("error: "), "{args:?}:\n{en}");
        assert_english(&format!("--lang en {args:?}"), &en);
    }
}
