//! What the loader and the dossier read (src/load/input.rs): only regular files inside the
//! repository. Symlinks out, FIFOs, devices, huge files and odd names are findings naming
//! the file; nothing outside the repository reaches any output; nothing hangs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

mod common;

/// A scratch copy of `examples/minimal`: `(scratch, repository, category folder)`.
fn scratch(name: &str) -> (common::Scratch, PathBuf, PathBuf) {
    let (dir, repo) = common::example_copy(&format!("input-{name}"), "examples/minimal");
    let category = repo.join("system/1-通用基础标准体系/101-标准化导则");
    assert!(category.is_dir());
    (dir, repo, category)
}

/// Runs stdkit with a deadline: a run that hangs fails the test instead of the suite.
fn run(repo: &Path, args: &[&str], limit: Duration) -> Output {
    let mut child = common::bin()
        .arg("-C")
        .arg(repo)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("`stdkit {args:?}` did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(unix)]
#[test]
fn symlinks_out_special_files_and_huge_files_are_findings_never_read() {
    use std::os::unix::fs::symlink;
    let (tmp, repo, cat) = scratch("special");
    let secret = tmp.join("secret.md");
    std::fs::write(
        &secret,
        "+++\nno = \"101-02\"\ntitle = \"SECRET-TOKEN-4711\"\n+++\n",
    )
    .unwrap();
    symlink(&secret, cat.join("101-02-outside.md")).unwrap();
    symlink("/proc/self/environ", cat.join("101-03-environ.toml")).unwrap();
    symlink("/dev/zero", cat.join("101-04-zero.toml")).unwrap();
    symlink("nowhere.md", cat.join("101-05-dangling.md")).unwrap();
    symlink("101-06-loop.md", cat.join("101-06-loop.md")).unwrap();
    std::fs::create_dir(repo.join(".git")).unwrap();
    std::fs::write(repo.join(".git/config"), "[core]\n").unwrap();
    symlink(repo.join(".git/config"), cat.join("101-07-hidden.md")).unwrap();
    let status = Command::new("mkfifo")
        .arg(cat.join("101-08-fifo.md"))
        .status()
        .unwrap();
    assert!(status.success());
    let big = std::fs::File::create(cat.join("101-09-big.md")).unwrap();
    big.set_len(257 << 20).unwrap();
    std::fs::write(cat.join("101-10-upper.MD"), "+++\nno = \"101-10\"\n+++\n").unwrap();

    for format in ["short", "human", "json", "sarif", "github"] {
        let o = run(
            &repo,
            &["check", "--as-of", "2014-12-31", "--format", format],
            Duration::from_secs(20),
        );
        assert_eq!(o.status.code(), Some(1), "{format}: {}", text(&o.stderr));
        let out = text(&o.stdout);
        assert!(
            !out.contains("SECRET-TOKEN-4711"),
            "{format} leaked a file outside"
        );
        assert!(!out.contains("PATH="), "{format} leaked the environment");
        if format == "short" {
            for (file, code) in [
                ("101-02-outside.md", "file/outside"),
                ("101-03-environ.toml", "file/outside"),
                ("101-04-zero.toml", "file/outside"),
                ("101-05-dangling.md", "file/unreadable"),
                ("101-06-loop.md", "file/unreadable"),
                ("101-07-hidden.md", "file/outside"),
                ("101-08-fifo.md", "file/special"),
                ("101-09-big.md", "file/too-large"),
                ("101-10-upper.MD", "file/ignored"),
            ] {
                assert!(
                    out.lines()
                        .any(|l| l.contains(file) && l.contains(&format!("error[{code}]"))),
                    "{file} is not reported as {code}:\n{out}"
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

#[cfg(unix)]
#[test]
fn a_symlink_inside_the_repository_is_followed() {
    use std::os::unix::fs::symlink;
    let (tmp, repo, cat) = scratch("inside");
    let file = std::fs::read_dir(&cat)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "toml"))
        .unwrap();
    let kept = repo.join("kept.toml");
    std::fs::rename(&file, &kept).unwrap();
    symlink(&kept, &file).unwrap();
    let o = run(
        &repo,
        &["check", "--as-of", "2014-12-31"],
        Duration::from_secs(20),
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    let _ = std::fs::remove_dir_all(&tmp);
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_reported() {
    use std::os::unix::ffi::OsStrExt;
    let (tmp, repo, cat) = scratch("name");
    let name = std::ffi::OsStr::from_bytes(b"101-02-\xB1\xEA\xD7\xBC.md");
    std::fs::write(cat.join(name), "+++\nno = \"101-02\"\n+++\n").unwrap();
    let o = run(
        &repo,
        &["check", "--format", "short"],
        Duration::from_secs(20),
    );
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    assert!(
        out.lines()
            .any(|l| l.contains("101-02-") && l.contains("error[file/ignored]")),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn a_repository_without_system_or_with_a_manifest_folder_is_an_error() {
    let (tmp, repo, _) = scratch("nosystem");
    std::fs::remove_dir_all(repo.join("system")).unwrap();
    let o = run(&repo, &["check"], Duration::from_secs(20));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("没有 `system/` 目录"),
        "{}",
        text(&o.stderr)
    );

    let odd = tmp.join("odd");
    std::fs::create_dir_all(odd.join("stdkit.toml")).unwrap();
    let o = run(&odd, &["check"], Duration::from_secs(20));
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("不是文件"), "{}", text(&o.stderr));
    let _ = std::fs::remove_dir_all(&tmp);
}

#[cfg(unix)]
#[test]
fn the_dossier_prints_nothing_from_outside_the_repository_or_from_git() {
    use std::os::unix::fs::symlink;
    let (tmp, repo, _) = scratch("dossier");
    let secret = tmp.join("secret.md");
    std::fs::write(&secret, "# 外部\n\nSECRET-TOKEN-4711\n").unwrap();
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    std::fs::write(repo.join(".git/config"), "[core]\n\tSECRET-GIT-CONFIG\n").unwrap();
    std::fs::create_dir_all(repo.join("dossier")).unwrap();
    symlink(&secret, repo.join("dossier/02-链接.md")).unwrap();
    std::fs::write(
        repo.join("dossier/01-工作总结.md"),
        "# 工作总结\n\n![配置](../.git/config)\n\n![口令](../../secret.md)\n",
    )
    .unwrap();
    let mut manifest = std::fs::read_to_string(repo.join("stdkit.toml")).unwrap();
    manifest.push_str(&format!(
        "\n[dossier]\nsections = [\"cover\", \"dossier/01-工作总结.md\", \"dossier/02-链接.md\", \
         \"../secret.md\", \"{}\"]\n",
        secret.display()
    ));
    std::fs::write(repo.join("stdkit.toml"), manifest).unwrap();
    let out = tmp.join("out");
    let args = [
        "dossier",
        "--as-of",
        "2014-12-31",
        "-o",
        out.to_str().unwrap(),
    ];
    // The refused sections are errors: no volume, unless a draft is asked for.
    let o = run(&repo, &args, Duration::from_secs(120));
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(!out.exists(), "a volume was written despite the errors");
    let mut draft = args.to_vec();
    draft.push("--draft");
    let o = run(&repo, &draft, Duration::from_secs(120));
    let stdout = text(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{stdout}{}", text(&o.stderr));
    assert!(
        stdout.contains("汇编章节 `dossier/02-链接.md`：文件指向标准库之外"),
        "{stdout}"
    );
    assert!(stdout.contains("`../secret.md` 不在标准库之内"), "{stdout}");
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let shown = text(&bytes);
        assert!(
            !shown.contains("SECRET-TOKEN-4711"),
            "{} leaked",
            path.display()
        );
        assert!(
            !shown.contains("SECRET-GIT-CONFIG"),
            "{} leaked",
            path.display()
        );
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
