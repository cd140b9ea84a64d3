//! Where an imported Word standard goes and what it says above its text: the system
//! number (from `--no`, from a metadata file of the same code, or derived from the code
//! where the repository's numbering makes that unambiguous), the category directory, the
//! file name, the front matter, and the pictures beside it — all added to one
//! `edit::Changeset`. Pure: the repository is the loaded one, and a metadata file's text is
//! asked for through `source`.

use std::collections::BTreeMap;

use crate::edit::Changeset;
use crate::finding::Msg;
use crate::messages;
use crate::model::{Date, FileKind, Repository, Standard, StdCode, SystemNo};

use super::Parsed;
use super::cover::{Cover, Stage};

/// One Word file planned for import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The Markdown file, repository-relative.
    pub path: String,
    /// The metadata file it replaces, if any.
    pub replaces: Option<String>,
    /// The pictures copied beside it, repository-relative.
    pub pictures: Vec<String>,
    /// `--merge`: the Word file, when its standard has a text already (at `path`), which is
    /// kept; nothing of the file is planned.
    pub kept: Option<String>,
}

/// What the plan needs besides the document.
pub struct Options<'a> {
    /// `--no`
    pub no: Option<&'a str>,
    pub as_of: Date,
    /// `--merge`: a standard whose text exists is left as it is, not refused.
    pub merge: bool,
}

/// The numbers and paths already planned in this run (several files at once).
#[derive(Default)]
pub struct Planned {
    numbers: BTreeMap<String, String>,
}

/// Plans the import of the Word file `file` into `repo`, adding its files to `set`.
pub fn plan(
    repo: &Repository,
    file: &str,
    parsed: &Parsed,
    opts: &Options<'_>,
    source: &dyn Fn(&str) -> Result<Vec<u8>, Msg>,
    planned: &mut Planned,
    set: &mut Changeset,
) -> Result<Imported, Msg> {
    let doc = parsed.document();
    let cover = doc.cover();
    let code = cover.code.as_ref().map(|(_, c)| c);
    let existing = code.and_then(|c| {
        repo.standards
            .iter()
            .find(|s| s.code.as_ref().is_some_and(|r| &r.code == c))
    });
    // A Markdown standard with a text of its own is not replaced; one with front matter
    // only (as the Excel import writes a centre standard) receives the Word file's text.
    if let (Some(s), Some(c)) = (existing, code)
        && s.file == FileKind::Markdown
        && s.has_text
    {
        if opts.merge {
            return Ok(Imported {
                path: s.path.clone(),
                replaces: None,
                pictures: Vec::new(),
                kept: Some(file.to_owned()),
            });
        }
        return Err(messages::import_text_exists(file, c, &s.path));
    }
    let width = repo.manifest.seq_width.max(1);
    let no = match (existing.and_then(|s| s.no.as_ref()), opts.no, code) {
        (Some(no), _, _) => no.written.value.clone(),
        (None, Some(no), _) => {
            let parsed: SystemNo = no
                .parse()
                .ok()
                .filter(|n: &SystemNo| n.width() == width)
                .ok_or_else(|| messages::import_bad_no(no, width))?;
            parsed.to_string()
        }
        (None, None, Some(code)) => {
            derive(repo, code, width).ok_or_else(|| messages::import_no_number(file, code))?
        }
        (None, None, None) => return Err(messages::import_no_code(file)),
    };
    let sysno: SystemNo = no
        .parse()
        .map_err(|_| messages::import_bad_no(&no, width))?;
    if let Some(other) = repo
        .standards
        .iter()
        .find(|s| s.system_no() == Some(&sysno) && existing.is_none_or(|e| !std::ptr::eq(e, *s)))
    {
        return Err(messages::import_number_used(file, &no, &other.path));
    }
    if let Some(other) = planned.numbers.get(&no) {
        return Err(messages::import_number_used(file, &no, other));
    }
    let dir = match existing {
        Some(s) => s.dir().to_owned(),
        None => repo
            .categories
            .iter()
            .find(|c| c.code.as_ref().is_some_and(|k| k.value == sysno.category()))
            .map(|c| c.dir.clone())
            .ok_or_else(|| messages::import_no_category(file, &no, sysno.category()))?,
    };
    let title = cover
        .title
        .clone()
        .or_else(|| existing.and_then(|s| s.title.clone()))
        .unwrap_or_else(|| stem(file));
    let stem = format!("{no}-{}", file_title(&title));
    let path = format!("{dir}/{stem}.md");
    let converted = doc.markdown(&title, &stem);
    match existing {
        Some(s) => {
            let old = source(&s.path)?;
            let text = String::from_utf8_lossy(&old);
            let text = text.trim_start_matches('\u{feff}');
            let toml = match s.file {
                FileKind::Markdown => front_matter_of(text).unwrap_or_default(),
                FileKind::Toml => text,
            };
            let bytes = format!(
                "+++\n{}+++\n\n{}",
                taken_over(toml, s, &cover),
                converted.text
            );
            if s.path == path {
                set.rewrite(&s.path, old, bytes);
            } else {
                set.relocate(&s.path, &path, old, bytes);
            }
        }
        None => {
            let head = front_matter(&no, &title, &cover, opts.as_of);
            set.create(&path, format!("+++\n{head}+++\n\n{}", converted.text));
        }
    }
    let mut pictures = Vec::new();
    for (part, name) in &converted.pictures {
        if let Some(data) = parsed.package.media.get(part) {
            let rel = format!("{dir}/{stem}/{name}");
            set.create(&rel, data.clone());
            pictures.push(rel);
        }
    }
    planned.numbers.insert(no, file.to_owned());
    Ok(Imported {
        path,
        replaces: existing.map(|s| s.path.clone()),
        pictures,
        kept: None,
    })
}

/// The status a cover gives: in force once its 实施 date is past, else the stage it names
/// (征求意见稿 drafting, 送审稿 and 报批稿 review); a standard published but not yet in effect is
/// at review, one with no date and no stage is drafting.
pub fn status(cover: &Cover, as_of: Date) -> &'static str {
    match (cover.stage, cover.effective.or(cover.published)) {
        (Some(Stage::Consultation), _) => "drafting",
        (Some(Stage::Review), _) => "review",
        (None, Some(d)) if d <= as_of => "in-force",
        (None, Some(_)) => "review",
        (None, None) => "drafting",
    }
}

fn front_matter(no: &str, title: &str, cover: &Cover, as_of: Date) -> String {
    let mut s = String::new();
    s.push_str(&format!("no = {}\n", quoted(no)));
    s.push_str(&format!("title = {}\n", quoted(title)));
    s.push_str("level = \"internal\"\norigin = \"formulated\"\n");
    s.push_str(&format!("status = \"{}\"\n", status(cover, as_of)));
    if let Some((_, code)) = &cover.code {
        s.push_str(&format!("code = {}\n", quoted(&code.to_string())));
    }
    dates(&mut s, cover, None);
    replaces(&mut s, cover, None);
    s
}

/// The TOML between the `+++` lines that open a Markdown standard.
fn front_matter_of(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("+++\r\n")
        .or_else(|| text.strip_prefix("+++\n"))?;
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Some(&rest[..at]);
        }
        at += line.len();
    }
    None
}

/// A metadata file's TOML kept as it is (comments too), with the cover's dates added where
/// it has none.
fn taken_over(text: &str, s: &Standard, cover: &Cover) -> String {
    let mut head = text.trim_end().to_owned();
    head.push('\n');
    dates(&mut head, cover, Some(s));
    replaces(&mut head, cover, Some(s));
    head
}

/// `replaces`, from the codes after 代替 on the cover, where the file has none.
fn replaces(out: &mut String, cover: &Cover, existing: Option<&Standard>) {
    if cover.replaces.is_empty() || existing.is_some_and(|s| !s.replaces.is_empty()) {
        return;
    }
    let codes: Vec<String> = cover
        .replaces
        .iter()
        .map(|c| quoted(&c.to_string()))
        .collect();
    out.push_str(&format!("replaces = [{}]\n", codes.join(", ")));
}

fn dates(out: &mut String, cover: &Cover, existing: Option<&Standard>) {
    if let Some(d) = cover.published
        && existing.is_none_or(|s| s.published.is_none())
    {
        out.push_str(&format!("published = {d}\n"));
    }
    if let Some(d) = cover.effective
        && existing.is_none_or(|s| s.effective.is_none())
    {
        out.push_str(&format!("effective = {d}\n"));
    }
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// A title as part of a file name: no whitespace, no character a file system or a shell
/// trips on.
fn file_title(title: &str) -> String {
    let t: String = title
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '-'
            } else {
                c
            }
        })
        .take(60)
        .collect();
    let t = t.trim_start_matches('.').to_owned();
    if t.is_empty() { "标准".to_owned() } else { t }
}

fn stem(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    name.rsplit_once('.').map_or(name, |(s, _)| s).to_owned()
}

/// The system number a centre code gives, where the repository's numbering makes it
/// unambiguous: the code's sequence is a category code followed by `seq-width` digits
/// (`Q/AQZW 20103` → `201-03`), exactly one category fits, and no internal standard of the
/// repository is numbered otherwise.
pub fn derive(repo: &Repository, code: &StdCode, width: u8) -> Option<String> {
    if repo.manifest.internal_prefix.as_deref() != Some(code.prefix()) {
        return None;
    }
    let seq = sequence(code)?;
    let follows = repo.standards.iter().all(|s| {
        let (Some(c), Some(n)) = (s.code.as_ref(), s.system_no()) else {
            return true;
        };
        c.code.prefix() != code.prefix()
            || sequence(&c.code).is_none_or(|q| {
                q == format!("{}{:0w$}", n.category(), n.seq(), w = n.width() as usize)
            })
    });
    if !follows {
        return None;
    }
    let w = width as usize;
    let fits: Vec<String> = repo
        .categories
        .iter()
        .filter_map(|c| c.code.as_ref().map(|k| k.value.as_str()))
        .filter(|c| seq.len() == c.len() + w && seq.starts_with(c))
        .filter(|c| seq[c.len()..].parse::<u32>().is_ok_and(|n| n > 0))
        .map(|c| format!("{c}-{}", &seq[c.len()..]))
        .collect();
    match fits.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// The digits of a code's sequence (`20103` of `Q/AQZW 20103-2014`); `None` for a code with
/// a part, which a system number cannot carry.
fn sequence(code: &StdCode) -> Option<String> {
    let shown = code.to_string();
    let rest = shown.strip_prefix(code.prefix())?.trim_start();
    let (seq, _) = rest.rsplit_once('-')?;
    seq.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| seq.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Change;
    use crate::finding::Pos;
    use crate::model::testing::Repo;
    use crate::model::{At, Category, CodeRef, Status};

    use super::super::word::{Block, Numbering, Para};

    fn code(s: &str) -> StdCode {
        s.parse().unwrap()
    }

    fn repo(edit: impl FnOnce(Repo) -> Repo) -> Repository {
        let mut r = edit(Repo::new("安庆市政务服务中心")).build();
        r.manifest.internal_prefix = Some("Q/AQZW".into());
        for (dir, c) in [
            ("system/2-服务提供", "2"),
            ("system/2-服务提供/201-服务规范", "201"),
        ] {
            r.categories.push(Category {
                dir: dir.into(),
                index: Some(format!("{dir}/_index.md")),
                code: Some(At::new(c.into(), Pos::START)),
                title: None,
                depth: 0,
            });
        }
        r
    }

    fn coded(c: &str) -> impl FnOnce(&mut Standard) {
        let c = c.to_owned();
        move |s: &mut Standard| {
            s.code = Some(CodeRef {
                code: code(&c),
                written: c.clone(),
                pos: Pos::START,
            });
        }
    }

    #[test]
    fn the_number_is_derived_only_where_the_numbering_says_so() {
        let plain = repo(|r| r);
        assert_eq!(
            derive(&plain, &code("Q/AQZW 20103-2014"), 2).as_deref(),
            Some("201-03")
        );
        // No such category, another organisation's code, a part, a zero sequence.
        for c in [
            "Q/AQZW 30103-2014",
            "Q/XYZ 20103-2014",
            "Q/AQZW 20103.1-2014",
            "Q/AQZW 20100-2014",
        ] {
            assert_eq!(derive(&plain, &code(c), 2), None, "{c}");
        }
        // A repository whose internal standards are numbered otherwise.
        let other = repo(|r| {
            r.standard_with(
                "201-01",
                "首问负责制",
                Status::InForce,
                coded("Q/AQZW 20105-2014"),
            )
        });
        assert_eq!(derive(&other, &code("Q/AQZW 20103-2014"), 2), None);
        let same = repo(|r| {
            r.standard_with(
                "201-05",
                "首问负责制",
                Status::InForce,
                coded("Q/AQZW 20105-2014"),
            )
        });
        assert_eq!(
            derive(&same, &code("Q/AQZW 20103-2014"), 2).as_deref(),
            Some("201-03")
        );
    }

    #[test]
    fn the_status_follows_the_dates_and_the_stage() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let as_of = d("2014-12-31");
        let cover = |effective: Option<&str>, stage| Cover {
            effective: effective.map(d),
            stage,
            ..Cover::default()
        };
        assert_eq!(status(&cover(Some("2014-04-01"), None), as_of), "in-force");
        assert_eq!(status(&cover(Some("2015-06-01"), None), as_of), "review");
        assert_eq!(status(&cover(None, None), as_of), "drafting");
        assert_eq!(
            status(&cover(Some("2014-04-01"), Some(Stage::Consultation)), as_of),
            "drafting"
        );
        assert_eq!(status(&cover(None, Some(Stage::Review)), as_of), "review");
    }

    fn parsed(lines: &[&str]) -> Parsed {
        Parsed {
            package: super::super::package::Package::default(),
            blocks: lines
                .iter()
                .map(|t| {
                    Block::Para(Para {
                        text: (*t).to_owned(),
                        ..Para::default()
                    })
                })
                .collect(),
            numbering: Numbering::default(),
            media: std::collections::HashMap::new(),
        }
    }

    const DOC: [&str; 5] = [
        "Q/AQZW 20103—2014 代替 Q/AQZW 20103—2012",
        "一次性告知制",
        "2014-03-25 发布 2014-04-01 实施",
        "1 范围",
        "本文件规定了一次性告知的要求。",
    ];

    fn run(repo: &Repository, no: Option<&str>) -> (Result<Imported, Msg>, Changeset) {
        run_with(repo, no, false)
    }

    fn run_with(
        repo: &Repository,
        no: Option<&str>,
        merge: bool,
    ) -> (Result<Imported, Msg>, Changeset) {
        let mut set = Changeset::new();
        let opts = Options {
            no,
            as_of: "2014-12-31".parse().unwrap(),
            merge,
        };
        let source = |_: &str| {
            Ok("no = \"201-03\"\n# 明细表\nunit = \"窗口管理科\"\n"
                .as_bytes()
                .to_vec())
        };
        let got = plan(
            repo,
            "a.docx",
            &parsed(&DOC),
            &opts,
            &source,
            &mut Planned::default(),
            &mut set,
        );
        (got, set)
    }

    #[test]
    fn a_new_standard_gets_its_front_matter_and_path() {
        let (got, set) = run(&repo(|r| r), None);
        let path = "system/2-服务提供/201-服务规范/201-03-一次性告知制.md";
        assert_eq!(got.unwrap().path, path);
        let [Change::Create { bytes, .. }] = set.changes() else {
            panic!("{:?}", set.changes())
        };
        assert_eq!(
            String::from_utf8_lossy(bytes),
            "+++\nno = \"201-03\"\ntitle = \"一次性告知制\"\nlevel = \"internal\"\norigin = \"formulated\"\nstatus = \"in-force\"\ncode = \"Q/AQZW 20103-2014\"\npublished = 2014-03-25\neffective = 2014-04-01\nreplaces = [\"Q/AQZW 20103-2012\"]\n+++\n\n# 一次性告知制\n\n## 1 范围\n\n本文件规定了一次性告知的要求。\n"
        );
        // --no wins over the code.
        let (got, _) = run(&repo(|r| r), Some("201-07"));
        assert!(got.unwrap().path.ends_with("/201-07-一次性告知制.md"));
        let (got, _) = run(&repo(|r| r), Some("201-7"));
        assert!(
            got.unwrap_err()
                .en
                .contains("`--no 201-7` is not a system number")
        );
    }

    #[test]
    fn a_taken_number_and_an_existing_text_are_refused_and_a_metadata_file_is_taken_over() {
        let taken = repo(|r| r.standard("201-03", "首问负责制", Status::InForce));
        let (got, set) = run(&taken, None);
        assert!(
            got.unwrap_err()
                .en
                .contains("`201-03` is already used by `system/201/201-03-首问负责制.md`")
        );
        assert!(set.is_empty());
        let text = repo(|r| {
            r.standard_with("201-05", "一次性告知制", Status::InForce, |s| {
                coded("Q/AQZW 20103-2014")(s);
                s.has_text = true;
            })
        });
        let (got, _) = run(&text, None);
        assert!(
            got.unwrap_err()
                .en
                .contains("is already at `system/201/201-05-一次性告知制.md`")
        );
        // With --merge the text is kept: the file is listed as kept and nothing is planned.
        let (got, set) = run_with(&text, None, true);
        let got = got.unwrap();
        assert_eq!(got.kept.as_deref(), Some("a.docx"));
        assert_eq!(got.path, "system/201/201-05-一次性告知制.md");
        assert!(set.is_empty());
        let toml = repo(|r| {
            r.standard_with("201-05", "一次性告知制", Status::InForce, |s| {
                coded("Q/AQZW 20103-2014")(s);
                s.path = "system/2-服务提供/201-服务规范/201-05-一次性告知制.toml".into();
                s.file = FileKind::Toml;
            })
        });
        let (got, set) = run(&toml, None);
        let got = got.unwrap();
        assert_eq!(
            got.path,
            "system/2-服务提供/201-服务规范/201-05-一次性告知制.md"
        );
        let [Change::Move { from, bytes, .. }] = set.changes() else {
            panic!("{:?}", set.changes())
        };
        assert_eq!(
            from.to_str(),
            Some("system/2-服务提供/201-服务规范/201-05-一次性告知制.toml")
        );
        assert!(String::from_utf8_lossy(bytes).starts_with(
            "+++\nno = \"201-03\"\n# 明细表\nunit = \"窗口管理科\"\npublished = 2014-03-25\neffective = 2014-04-01\nreplaces = [\"Q/AQZW 20103-2012\"]\n+++\n"
        ));
    }
}
