//! CLI behaviour pinned by data-file cases: `tests/cmd/*.toml`, each running in its own tiny
//! repository `tests/cmd/<case>.in/`. Bless new output with `TRYCMD=overwrite cargo test`.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.toml");
}
