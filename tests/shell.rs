//! `stdkit completions SHELL` and `stdkit man`: generated from the command line itself, so every
//! command is in them, for every shell clap_complete knows.

mod common;

/// The commands of `stdkit --help`, in its order.
fn commands() -> Vec<String> {
    let out = run(&["--lang", "en", "--help"]);
    let mut names = Vec::new();
    let mut inside = false;
    for line in out.lines() {
        if line.ends_with(':') {
            inside = line.contains("ommands") || line.contains("命令");
            continue;
        }
        if inside
            && let Some(name) = line.split_whitespace().next()
            && name != "help"
        {
            names.push(name.to_owned());
        }
    }
    names
}

fn run(args: &[&str]) -> String {
    let o = common::bin().args(args).output().unwrap();
    assert!(o.status.success(), "{args:?}: {o:?}");
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn every_shell_completes_every_command() {
    let commands = commands();
    assert!(commands.len() >= 10, "{commands:?}");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = run(&["completions", shell]);
        for c in &commands {
            assert!(script.contains(c.as_str()), "{shell}: {c} missing");
        }
    }
    let bash = run(&["completions", "bash"]);
    assert!(bash.starts_with("_stdkit() {"), "{}", &bash[..80]);
    assert!(bash.contains("complete -F _stdkit"));
}

#[test]
fn the_man_page_names_every_command() {
    let page = run(&["man"]);
    assert!(page.contains(".TH stdkit 1"), "{}", &page[..200]);
    for c in commands() {
        assert!(page.contains(&format!("stdkit\\-{c}(1)")), "{c} missing");
    }
}

#[test]
fn every_command_has_the_man_page_the_main_page_refers_to() {
    for c in commands() {
        let page = run(&["man", &c]);
        assert!(
            page.contains(&format!(".TH stdkit-{c} 1")),
            "{c}: {}",
            &page[..200]
        );
        assert!(page.contains(".SH NAME"), "{c}");
        let english = run(&["--lang", "en", "man", &c]);
        assert!(
            english.contains(".SH Options") || english.contains(".SH OPTIONS"),
            "{c}"
        );
    }
    let o = common::bin().args(["man", "frobnicate"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let o = common::bin()
        .args(["completions", "cmd.exe"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn schema_writes_under_the_folder_given_with_dash_c() {
    let tmp = tempfile::tempdir().unwrap();
    let o = common::bin()
        .arg("-C")
        .arg(tmp.path())
        .arg("schema")
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    assert!(tmp.path().join("schema/standard.schema.json").is_file());
    let check = common::bin()
        .arg("-C")
        .arg(tmp.path())
        .args(["schema", "--check"])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{check:?}");
}
