//! Git repositories with scripted commits for the tests of `diff`: every commit with a fixed
//! author, committer and date, and git run without the user's or the system's configuration,
//! so that the same script gives the same commits everywhere.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A git work tree whose commits are made one by one at fixed dates.
pub struct ScriptedGit {
    top: PathBuf,
    /// Commits made so far (each one day after the last).
    commits: u32,
}

impl ScriptedGit {
    /// `git init` in `top` (which exists), with `main` as the first branch.
    pub fn init(top: &Path) -> ScriptedGit {
        let repo = ScriptedGit {
            top: top.to_path_buf(),
            commits: 0,
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    /// Runs git in the work tree; panics when it fails. Its standard output.
    pub fn git(&self, args: &[&str]) -> String {
        let date = format!("2014-01-{:02}T09:00:00+08:00", self.commits + 1);
        let out = Command::new("git")
            .current_dir(&self.top)
            .args([
                "-c",
                "user.name=张三",
                "-c",
                "user.email=zhangsan@example.cn",
            ])
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "core.hooksPath=/dev/null",
            ])
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "张三")
            .env("GIT_AUTHOR_EMAIL", "zhangsan@example.cn")
            .env("GIT_COMMITTER_NAME", "张三")
            .env("GIT_COMMITTER_EMAIL", "zhangsan@example.cn")
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_DATE", &date)
            .env("LC_ALL", "C")
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Commits everything in the work tree with `message`, tags it `tag`; the commit's id.
    pub fn commit_all(&mut self, message: &str, tag: &str) -> String {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
        self.git(&["tag", tag]);
        self.commits += 1;
        self.git(&["rev-parse", "HEAD"]).trim().to_owned()
    }
}
