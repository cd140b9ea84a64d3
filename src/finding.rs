//! Findings: faults in the user's files, as values with a stable code and a location.
//! This module only defines the types; rules live in `load` and `check`, printing in `report`.

use std::fmt;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $text:literal, $sev:ident, $zh:literal, $en:literal;)*) => {
        /// The stable code of a finding (SPEC §4.1). Codes never change with the language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant),* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $text),* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev),* }
            }

            /// A one-line description of the rule, used by SARIF and the docs.
            pub fn describe(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Code::$variant, Lang::Zh) => $zh, (Code::$variant, Lang::En) => $en),*
                }
            }
        }
    };
}

codes! {
    TomlSyntax = "toml/syntax", Error, "TOML 语法错误", "TOML that does not parse";
    TomlUnknownKey = "toml/unknown-key", Error, "格式未定义的键", "a key the format does not define";
    FieldMissing = "field/missing", Error, "缺少必填字段", "a required key is absent";
    FieldInvalid = "field/invalid", Error, "字段值无效", "a value of the wrong type, an unknown enum value or an impossible date";
    FrontmatterMissing = "frontmatter/missing", Error, "标准文件缺少 +++ 元数据头", "a Markdown standard without +++ front matter";
    FileEncoding = "file/encoding", Error, "文件不是 UTF-8 编码", "a file that is not UTF-8";
    FileName = "file/name", Warning, "文件名不以体系表编号开头", "a standard's file name does not start with its system number";
    CategoryMissingIndex = "category/missing-index", Error, "类目目录缺少 _index.md", "a category directory without _index.md";
    CategoryCode = "category/code", Error, "类目代码错误", "a category code that does not extend its parent's, does not match its directory, or is used twice";
    CategoryEmpty = "category/empty", Warning, "末级类目下没有标准", "a leaf category with no standard";
    NumberFormat = "number/format", Error, "体系表编号格式错误", "a system number not of the form <category>-<seq>";
    NumberCategory = "number/category", Error, "体系表编号与所在类目不符", "a system number whose category is not the containing category";
    NumberDuplicate = "number/duplicate", Error, "体系表编号重复", "two standards with one system number";
    NumberGap = "number/gap", Warning, "类目内编号不连续", "a gap in a category's sequence";
    CodeMissing = "code/missing", Error, "试行及以后状态的标准缺少标准编号", "a standard at trial or later without a code";
    CodeFormat = "code/format", Error, "标准编号格式错误或与级别不符", "a code that does not parse or does not fit the level";
    CodePrefix = "code/prefix", Error, "中心标准编号缺少本中心代号", "an internal standard whose code lacks the internal prefix";
    CodeYear = "code/year", Error, "标准编号年代号与发布日期不符", "the code's year differs from the year of `published`";
    CodeDuplicate = "code/duplicate", Error, "标准编号重复", "two standards with one code";
    CodeNonCanonical = "code/non-canonical", Warning, "标准编号写法不规范", "a code written in a non-canonical form";
    OriginLevel = "origin/level", Error, "来源与级别不符", "origin does not fit the level";
    DateOrder = "date/order", Error, "实施日期早于发布日期", "`effective` before `published`";
    RefDead = "ref/dead", Error, "引用了被代替或废止的标准", "a reference to a superseded or withdrawn standard";
    RefExternal = "ref/external", Warning, "引用的标准不在体系内", "a reference to a standard not in the system";
    ReplacesInForce = "replaces/in-force", Error, "被代替的标准状态不是被代替", "a replaced standard that is not superseded";
    ScopeDuplicate = "scope/duplicate", Error, "覆盖范围编号重复", "an id used twice in one scope file";
    ScopeUnknown = "scope/unknown", Error, "覆盖范围编号不存在", "an id that is not in the scope";
    RecordUnknownStandard = "record/unknown-standard", Error, "记录引用了不存在的体系表编号", "a record naming a system number that does not exist";
    RecordUnknownStaff = "record/unknown-staff", Error, "培训人员不在人员名册中", "a training attendee not in the staff roster";
    RecordInvalid = "record/invalid", Error, "记录内容不合理", "an inconsistent record";
    TaskOverdue = "task/overdue", Warning, "任务已逾期", "a task past its due date";
    TextStructure = "text/structure", Warning, "标准文本结构不符合 GB/T 1.1", "a text that breaks the GB/T 1.1 skeleton";
    TextModal = "text/modal", Warning, "标准文本使用了不规范的助动词", "必须, 不得 or 禁止 in a standard's text";
    TargetMissed = "target/missed", Error, "指标未达到目标值", "a rate below its target";
    DossierSection = "dossier/section", Error, "汇编章节无法识别或文件不存在", "an unknown dossier section or a missing chapter file";
    DossierLink = "dossier/link", Warning, "链接或图片指向标准库之外，已拒绝", "a link or image pointing outside the repository, refused";
    // Added after the first release: kept last so that SARIF rule indices stay stable.
    FileOutside = "file/outside", Error, "文件指向标准库之外，未读取", "a symlink or path leading outside the repository or into a hidden folder, not read";
    FileSpecial = "file/special", Error, "不是普通文件，未读取", "a FIFO, device, socket or directory where a file is expected, not read";
    FileTooLarge = "file/too-large", Error, "文件过大，未读取", "a file over 256 MiB, not read";
    FileUnreadable = "file/unreadable", Error, "文件无法读取", "a file that cannot be read: no permission, a dangling symlink or a loop";
    FileIgnored = "file/ignored", Error, "文件名不合要求，未读取", "a file whose name keeps it from being read: an upper-case extension or a name that is not UTF-8";
    DossierGlyph = "dossier/glyph", Warning, "字符不在汇编所用的字体中，PDF 中将印成方框", "a character no font of the dossier has, which the PDF would print as a box";
    // `stdkit import` of an Excel table: the location is the spreadsheet, the line its row, the
    // column its column number (A = 1).
    ImportDuplicate = "import/duplicate", Error, "表中体系表编号或标准编号重复，该行未导入", "a system number or code used twice in the table; the row is not imported";
    ImportCategory = "import/category", Error, "该行无法归入类目，未导入", "a row that cannot be placed in a category; not imported";
    ImportLevel = "import/level", Error, "级别无法识别或与标准编号不符，该行未导入", "a level that is unknown or does not fit the code; the row is not imported";
    ImportCode = "import/code", Error, "标准编号无法识别，该行未导入", "a standard number that does not parse; the row is not imported";
    ImportNumber = "import/number", Error, "体系表编号格式错误，该行未导入", "a system number that is not <category>-<seq>; the row is not imported";
    ImportStatus = "import/status", Error, "状态无法识别或与标准编号不符，该行未导入", "a status that is unknown or needs a code; the row is not imported";
    ImportDate = "import/date", Warning, "日期无法识别或不合理，未导入该日期", "a date that does not parse or does not fit; the date is left out";
    ImportSheet = "import/sheet", Warning, "工作表中没有找到表头，未导入", "a sheet with no header row; not imported";
    ImportLimit = "import/limit", Error, "超出导入的行数上限，其余行未读取", "rows past the import limit; not read";
    ImportExists = "import/exists", Warning, "标准库中已有该标准，未导入（--merge）", "a standard the repository already has; skipped (--merge)";
    ImportSuperseded = "import/superseded", Warning, "表中另一行代替了该标准，按被代替导入", "another row of the table replaces this standard; imported as superseded";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The language of messages meant for people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// A message in both languages; the report layer picks one. A message of the table in
/// `messages` also carries its name and the values it was made from, which is what findings
/// sort by when they share code and position (never the words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    pub zh: String,
    pub en: String,
    /// The name of the message in the table (`""` for words made elsewhere).
    pub key: &'static str,
    /// The values the message was made from (`{:?}`), in the order of its parameters.
    pub data: Vec<String>,
}

impl Msg {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Msg {
            zh: zh.into(),
            en: en.into(),
            key: "",
            data: Vec::new(),
        }
    }

    /// A message of the table: its name and values beside its words.
    pub fn keyed(key: &'static str, data: Vec<String>, zh: String, en: String) -> Self {
        Msg { zh, en, key, data }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// The lines of the files findings point at, by path and line number: what a report shows
/// under a finding (read by the loader, printed by the report layer).
pub type Snippets = std::collections::BTreeMap<String, std::collections::BTreeMap<u32, String>>;

/// A position in a source file: 1-based line and column, the column counted in characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
    /// Width of the pointed-at text in characters (at least 1).
    pub len: u32,
}

impl Pos {
    pub const START: Pos = Pos {
        line: 1,
        column: 1,
        len: 1,
    };
}

/// A place in the repository: a repository-relative path with `/` separators and a position.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub path: String,
    pub pos: Pos,
}

impl Location {
    pub fn new(path: impl Into<String>, pos: Pos) -> Self {
        Location {
            path: path.into(),
            pos,
        }
    }
}

/// A related place shown with a finding ("first used here").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub location: Location,
    pub message: Msg,
}

/// One fault in the user's files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub location: Location,
    pub message: Msg,
    pub related: Vec<Related>,
    /// A suggested replacement for the pointed-at text, if any.
    pub help: Option<Msg>,
}

impl Finding {
    pub fn new(code: Code, location: Location, message: Msg) -> Self {
        Finding {
            code,
            severity: code.severity(),
            location,
            message,
            related: Vec::new(),
            help: None,
        }
    }

    pub fn related(mut self, location: Location, message: Msg) -> Self {
        self.related.push(Related { location, message });
        self
    }

    pub fn help(mut self, help: Msg) -> Self {
        self.help = Some(help);
        self
    }
}

/// Sorts findings by path, line, column and code: the one order every format prints.
pub fn sort(findings: &mut [Finding]) {
    // Stable: findings equal in all of these keep the order the rules made them in.
    findings.sort_by(|a, b| {
        (&a.location, a.code, a.message.key, &a.message.data).cmp(&(
            &b.location,
            b.code,
            b.message.key,
            &b.message.data,
        ))
    });
}

/// Counts of a set of findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn of(findings: &[Finding]) -> Tally {
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        Tally {
            errors,
            warnings: findings.len() - errors,
        }
    }
}

/// A failure of the tool (not a fault in the user's files) in both languages, with the
/// system error behind it: carried inside an `anyhow::Error` so that the report layer prints
/// it in the chosen language.
#[derive(Debug)]
pub struct Failure {
    pub message: Msg,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for Failure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_deref().map(|e| e as _)
    }
}

/// A tool failure with its message in both languages.
pub fn failure(zh: impl Into<String>, en: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(Failure {
        message: Msg::new(zh, en),
        source: None,
    })
}

/// A tool failure in the words of a message of the table.
pub fn fail(message: Msg) -> anyhow::Error {
    anyhow::Error::new(Failure {
        message,
        source: None,
    })
}

/// Turns a system error into a tool failure that says, in both languages, what was being done.
/// The words are made only when it fails: `.fail_with(|| (zh, en))`.
pub trait FailWith<T> {
    fn fail_with<Z: Into<String>, N: Into<String>>(
        self,
        words: impl FnOnce() -> (Z, N),
    ) -> anyhow::Result<T>;

    /// The same, in the words of a message of the table: `.fail_as(|| messages::…)`.
    fn fail_as(self, message: impl FnOnce() -> Msg) -> anyhow::Result<T>;
}

impl<T, E: std::error::Error + Send + Sync + 'static> FailWith<T> for Result<T, E> {
    fn fail_with<Z: Into<String>, N: Into<String>>(
        self,
        words: impl FnOnce() -> (Z, N),
    ) -> anyhow::Result<T> {
        self.fail_as(|| {
            let (zh, en) = words();
            Msg::new(zh, en)
        })
    }

    fn fail_as(self, message: impl FnOnce() -> Msg) -> anyhow::Result<T> {
        self.map_err(|e| {
            anyhow::Error::new(Failure {
                message: message(),
                source: Some(Box::new(e)),
            })
        })
    }
}

/// The text of an error chain in one language: a `Failure` in the chain speaks the language,
/// any other error (from the system or a library) is given as it is.
pub fn describe_error(error: &anyhow::Error, lang: Lang) -> String {
    let mut line = String::new();
    for (i, cause) in error.chain().enumerate() {
        if i > 0 {
            line.push_str(crate::messages::punct(lang).colon);
        }
        if let Some(f) = cause.downcast_ref::<Failure>() {
            line.push_str(f.message.get(lang));
        } else if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            line.push_str(crate::messages::system_error(io).get(lang));
        } else {
            line.push_str(&cause.to_string());
        }
    }
    line
}
