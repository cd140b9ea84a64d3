//! CLI behaviour pinned by data-file cases: `tests/cmd/*.toml`, each running in its own tiny
//! repository `tests/cmd/<case>.in/`, and `tests/cmd/*.trycmd`, a few commands run one after
//! another in a copy of `<case>.in/` whose results `<case>.out/` pins (`new`, then `check`).
//! Bless new output with `TRYCMD=overwrite cargo test`.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        // The language of the cases is their `--lang`, Chinese without it, whatever the
        // locale of the machine (an empty variable counts as unset). These override a case's
        // own, so the locale's part is tested in tests/lang.rs.
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", "C.UTF-8")
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*.trycmd");
}
