//! A repository with a scripted git history for the history tests: every commit with a fixed
//! date, author and committer, no user or system git configuration, no signing, so that the
//! commits (and their hashes) are the same on every machine.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A work tree whose commits the test writes one by one.
pub struct Scripted {
    pub root: PathBuf,
}

/// Who wrote a commit: name and email as the commit records them.
pub struct Author<'a>(pub &'a str, pub &'a str);

impl Scripted {
    /// `git init` in `root` (created).
    pub fn init(root: &Path) -> Scripted {
        std::fs::create_dir_all(root).unwrap();
        let s = Scripted {
            root: root.to_path_buf(),
        };
        s.git(&["init", "-q", "-b", "main"]);
        s
    }

    /// Writes a file (its directories created).
    pub fn write(&self, rel: impl AsRef<str>, bytes: impl AsRef<[u8]>) {
        let path = self.root.join(rel.as_ref());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    /// `git mv from to`.
    pub fn mv(&self, from: &str, to: &str) {
        self.git(&["mv", from, to]);
    }

    /// Commits everything with the message `message` (bytes as given, from a file) on `date`
    /// (`YYYY-MM-DD`, noon UTC+8). With `encoding`, the commit says its message is in it
    /// (`i18n.commitEncoding`), as old Windows clients wrote GBK commits.
    pub fn commit(&self, date: &str, who: Author<'_>, message: &[u8], encoding: Option<&str>) {
        self.git(&["add", "-A"]);
        let file = self.root.join(".git").join("stdkit-test-message");
        std::fs::write(&file, message).unwrap();
        let stamp = format!("{date}T12:00:00+08:00");
        let mut args = vec![
            "-c".to_owned(),
            format!("user.name={}", who.0),
            "-c".to_owned(),
            format!("user.email={}", who.1),
            "-c".to_owned(),
            "commit.gpgsign=false".to_owned(),
        ];
        if let Some(e) = encoding {
            args.extend(["-c".to_owned(), format!("i18n.commitEncoding={e}")]);
        }
        args.extend(
            ["commit", "-q", "--allow-empty", "--cleanup=verbatim", "-F"].map(str::to_owned),
        );
        args.push(file.display().to_string());
        let out = self
            .command()
            .args(&args)
            .env("GIT_AUTHOR_NAME", who.0)
            .env("GIT_AUTHOR_EMAIL", who.1)
            .env("GIT_COMMITTER_NAME", who.0)
            .env("GIT_COMMITTER_EMAIL", who.1)
            .env("GIT_AUTHOR_DATE", &stamp)
            .env("GIT_COMMITTER_DATE", &stamp)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git commit: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Commits everything with `message` stored byte for byte, without an `encoding` header,
    /// as some old clients did: `git commit` would mend bytes that are not UTF-8 (reading them
    /// as Latin-1), so the commit object is written by hand.
    pub fn commit_raw(&self, date: &str, who: Author<'_>, message: &[u8]) {
        self.git(&["add", "-A"]);
        let tree = self.git_out(&["write-tree"], None);
        let parent = self.git_out(&["rev-parse", "HEAD"], None);
        let stamp: jiff::Timestamp = format!("{date}T12:00:00+08:00").parse().unwrap();
        let person = format!("{} <{}> {} +0800", who.0, who.1, stamp.as_second());
        let mut object =
            format!("tree {tree}\nparent {parent}\nauthor {person}\ncommitter {person}\n\n")
                .into_bytes();
        object.extend_from_slice(message);
        let hash = self.git_out(
            &["hash-object", "-t", "commit", "-w", "--stdin"],
            Some(&object),
        );
        self.git(&["update-ref", "HEAD", &hash]);
    }

    /// Runs git in the work tree, asserting that it succeeds.
    pub fn git(&self, args: &[&str]) {
        let out = self.command().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The trimmed output of a git command given `input` (bytes that are not UTF-8 mended).
    pub fn git_out(&self, args: &[&str], input: Option<&[u8]>) -> String {
        use std::io::Write;
        let mut child = self
            .command()
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(input.unwrap_or_default()).unwrap();
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "git {args:?}");
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    fn command(&self) -> Command {
        let mut c = Command::new("git");
        c.current_dir(&self.root)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("LC_ALL", "C")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE");
        c
    }
}
