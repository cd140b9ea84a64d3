//! The words of the command line in both languages: the description of every command and
//! argument (`--help`, the man page, the completions), the frame clap puts around them
//! (用法, 选项, 命令 …) and the sentences of its usage errors. `cli::localize` applies them to
//! the clap definition, `cli::errors` words the errors; the derive types in `cli` carry no
//! text of their own, so each description is written here once, its two languages side by side.

use crate::finding::{Lang, Msg};

/// The description of one command or argument. `key` is the path of subcommand names and
/// the argument's id joined by `.` (`check.format`); the global arguments and the tool itself
/// (`stdkit`) are keyed at the root.
pub struct Help {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

impl Help {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

macro_rules! help {
    ($($key:literal => $zh:literal / $en:literal;)*) => {
        /// Every description, in the order of `stdkit --help`.
        pub const HELP: &[Help] = &[$(Help { key: $key, zh: $zh, en: $en }),*];
    };
}

help! {
    "stdkit" =>
        "政务服务中心标准体系工具：检查编号与引用、输出标准体系表、计算各项指标、汇编验收材料。" /
        "The standard system of a government service centre: checks its numbers and references, prints the standard-system table, computes the plan's rates and compiles the acceptance dossier.";
    "repo" =>
        "标准库目录（默认从当前目录向上查找 stdkit.toml）" /
        "the repository directory (default: the nearest directory upwards holding stdkit.toml)";
    "color" => "何时使用颜色（遵从 NO_COLOR）" / "when to use colour (NO_COLOR is honoured)";
    "lang" =>
        "提示语言，代码不随语言变化（默认按 LC_ALL、LC_MESSAGES、LANG：en 开头为英文，否则中文）" /
        "language of the messages; codes do not change (default from LC_ALL, LC_MESSAGES, LANG: English for en*, else Chinese)";
    "as_of" =>
        "作为“今天”的日期（YYYY-MM-DD），用于逾期判断；默认为当天" /
        "the date taken as today (YYYY-MM-DD) for overdue checks; default: today";

    "check" =>
        "检查标准库：编号、代码、引用、记录与文本，一次报告全部问题" /
        "check the repository: numbers, codes, references, records and texts, every finding at once";
    "check.format" => "输出格式" / "output format";
    "check.targets" =>
        "同时检查各项指标是否达到目标值（未达标即为错误）" /
        "also check that every rate meets its target (a missed target is an error)";
    "check.path_prefix" =>
        "CI 格式（github、sarif、gitlab、junit）中路径的前缀（默认：标准库在 git 仓库中的位置，如 standards/）" /
        "prefix of the paths in the CI formats (github, sarif, gitlab, junit) (default: where the repository is in its git checkout, like standards/)";
    "check.deny" => "将警告视为错误（`--deny warnings`）" / "treat warnings as errors (`--deny warnings`)";

    "rates" =>
        "计算覆盖率、实施率、参训率、满意率及下属中心验收通过率" /
        "compute coverage, implementation, training, satisfaction and member-centre acceptance";
    "rates.format" => "输出格式" / "output format";
    "rates.period" =>
        "评价期 FROM..TO（覆盖 stdkit.toml 的 [period]）" /
        "the period judged, FROM..TO (overrides [period] of stdkit.toml)";
    "rates.details" =>
        "在每项指标下列出计入分母而未计入分子的项目（标准、岗位、事项、设施、人员等）" /
        "list under each rate what counts in its denominator but not in its numerator (standards, posts, service items, assets, staff …)";

    "table" =>
        "标准体系表：明细表（默认）、结构图（--tree）、统计表（--stats）" /
        "the standard-system table: the list (default), the structure diagram (--tree), the statistics (--stats)";
    "table.format" => "输出格式" / "output format";
    "table.tree" => "输出结构图" / "print the structure diagram";
    "table.stats" =>
        "输出统计表（子体系 × 级别：应有数、现有数、现有率）" /
        "print the statistics (subsystem × level: required, existing, existing rate)";
    "table.output" => "写入文件（xlsx 必须指定）" / "write to FILE (needed for xlsx)";
    "table.wide" =>
        "不截断、不省略列，按内容宽度输出" /
        "print every column and every cell whole, whatever the width of the terminal";

    "tasks" =>
        "尚未实施的标准（任务分解），按责任科室分组，逾期在前" /
        "the standards not yet in force (the task list), by responsible unit, overdue first";
    "tasks.format" => "输出格式" / "output format";
    "tasks.wide" =>
        "不截断、不省略列，按内容宽度输出" /
        "print every column and every cell whole, whatever the width of the terminal";

    "dossier" =>
        "汇编验收材料：HTML、PDF、标准体系表 xlsx 与清单 manifest.json" /
        "compile the acceptance dossier: HTML, PDF, the standard-system table as xlsx, and manifest.json";
    "dossier.output" =>
        "输出目录：须不存在、为空，或是上次生成的汇编目录（整体替换，失败时保留原有内容）" /
        "output directory: absent, empty, or a dossier written before (replaced whole; kept as it was if the run fails)";
    "dossier.font_path" =>
        "另外使用的字体目录（如仿宋_GB2312、SimSun、SimHei 所在目录），优先于内置字体，并记入 manifest.json；默认只用内置字体" /
        "a directory of further fonts (such as FangSong_GB2312, SimSun, SimHei), used before the bundled fonts and listed in manifest.json; default: the bundled fonts only";
    "dossier.draft" =>
        "标准库检查有错误时仍然汇编：每页标注“草稿 未通过检查”，不作正式验收材料" /
        "compile even when the check finds errors: every page is marked as a draft that failed the check, not for acceptance";

    "schema" =>
        "将 JSON Schema 写入目录（默认 schema/），供编辑器校验与补全" /
        "write the JSON Schemas into a directory (default schema/) for editors to validate and complete";
    "schema.out" => "输出目录" / "output directory";
    "schema.check" =>
        "只比较，不写入：目录中的 schema 过期时以退出码 1 结束" /
        "compare only, write nothing: exit 1 when the schemas in the directory are stale";

    "completions" =>
        "输出 shell 补全脚本（bash、zsh、fish、powershell、elvish）" /
        "print a shell completion script (bash, zsh, fish, powershell, elvish)";
    "completions.shell" => "目标 shell" / "the shell";

    "man" =>
        "输出 man 手册页（roff 格式）：stdkit(1)，或某一命令的 stdkit-COMMAND(1)" /
        "print a man page (roff): stdkit(1), or stdkit-COMMAND(1) of one command";
    "man.command" =>
        "某一命令的手册页 stdkit-COMMAND(1)（缺省为 stdkit(1)）" /
        "the page of one command, stdkit-COMMAND(1) (default: stdkit(1))";

    "import" =>
        "导入已有材料：Word 标准文本（.docx）、Excel 标准明细表（.xlsx/.xls）" /
        "import what a centre has: Word texts of standards (.docx), Excel standard lists (.xlsx/.xls)";
    "import.files" =>
        "要导入的文件：标准明细表 .xlsx/.xls/.xlsm/.ods，或 .docx（目录即其中全部 .docx）" /
        "the files to import: a standard list .xlsx/.xls/.xlsm/.ods, or .docx (a directory: every .docx in it)";
    "import.into" =>
        "写入的标准库（须已由 stdkit init 建立；默认同其他命令，由 -C 或当前目录查找）" /
        "the repository to write into (made by stdkit init; default: found from -C or the current directory, as for the other commands)";
    "import.dry_run" => "只列出将写入的文件，不写入" / "list the files it would write, write nothing";
    "import.merge" =>
        "标准库中已有文件时，只添加体系表编号和标准编号都是新的标准，并列出跳过的" /
        "into a repository that has files: add only standards whose system number and standard number are both new, and list those skipped";
    "import.no" =>
        "仅 .docx：导入后的体系表编号，如 201-03" /
        ".docx only: the system number to give the imported standard, like 201-03";

    "init" =>
        "新建标准库：规划的四个子体系及其类目、清单与记录模板、验收材料章节、CI 配置" /
        "start a repository: the plan's four subsystems and their categories, scope and record templates, dossier chapters, CI definitions";
    "init.dir" =>
        "新标准库的目录（相对路径从 -C 所给目录或当前目录算起）：须为空目录，或尚不存在而其上级目录存在" /
        "the directory of the new repository (relative to -C or the current directory): empty, or absent with its parent present";
    "init.name" => "中心名称，如“安庆市政务服务中心”" / "the centre's name, as written in Chinese";
    "init.prefix" =>
        "中心标准编号的代号（Q/ 加中心代号），如 Q/AQZW" /
        "the prefix of the centre's standard numbers (Q/ and the centre's code), like Q/AQZW";
    "init.level" =>
        "中心级别：city（市级）或 county（县级）" / "the centre's level: city or county";

    "log" =>
        "标准的修订历史：git 中触及标准文件的提交（跟随改名，截至 --as-of）及标准所载的修订记录" /
        "the history of standards: the git commits touching their files (renames followed, up to --as-of) and their own revision records";
    "log.no" =>
        "体系表编号（现用或曾用）；缺省列出全部标准" /
        "a system number (current or former); default: every standard";
    "log.format" => "输出格式" / "output format";

    "new" =>
        "在类目中新建一项标准，使用下一个空闲的体系表编号，并输出所写文件的路径" /
        "write a new standard into a category with its next free system number, and print the path written";
    "new.category" => "类目代码（如 201）或类目目录" / "a category code (like 201) or its directory";
    "new.title" => "标准名称" / "the standard's title";
    "new.level" =>
        "级别：national、industry、local、group 或 internal（默认：有 --code 时按编号的代号判断，否则为 internal 中心标准）" /
        "level: national, industry, local, group or internal (default: from the prefix of --code, else internal)";
    "new.code" =>
        "标准编号，如 GB/T 24421.1-2009、Q/AQZW 20103-2014" /
        "the standard number, like GB/T 24421.1-2009 or Q/AQZW 20103-2014";
    "new.status" =>
        "状态（默认 planned 待制定）；试行（trial）及以后的状态须有 --code" /
        "status (default planned); trial and later need --code";

    "renumber" =>
        "重编号：将标准移到新的体系表编号（可移入另一类目），改写全部引用，原编号记入 formerly" /
        "renumber: move a standard to a new system number (into another category too), rewrite every reference, keep the old number in formerly";
    "renumber.old" =>
        "原体系表编号，如 201-03（与 --shift 二选一）" /
        "the old system number, like 201-03 (or --shift)";
    "renumber.new" =>
        "新体系表编号，如 201-09；其类目须已存在" /
        "the new system number, like 201-09; its category must exist";
    "renumber.shift" =>
        "将整个类目按现有顺序重编为 01、02、03……，消除空号" /
        "renumber a whole category 01, 02, 03 … in its present order, closing the gaps";
    "renumber.dry_run" => "只列出计划，不写入" / "show the plan, write nothing";

    "diff" =>
        "标准体系的变化：某一 git 版本与工作区（或两个版本）之间新增、删除、重新编号、状态、新版本、正文章条与指标" /
        "what changed in the standard system between a git revision and the work tree (or two revisions): added, removed, renumbered, status, new editions, clauses and rates";
    "diff.rev" => "旧版本（git 提交、分支或标签）" / "the old revision (a git commit, branch or tag)";
    "diff.rev2" => "新版本（省略时为工作区）" / "the new revision (default: the work tree)";
    "diff.format" => "输出格式" / "output format";
}

/// The description of `key`, if it has one.
pub fn help(key: &str) -> Option<&'static Help> {
    HELP.iter().find(|h| h.key == key)
}

/// The words clap puts around the descriptions, and those of its usage errors.
pub struct Frame {
    /// Before the usage line, with its separator.
    pub usage: &'static str,
    pub commands: &'static str,
    /// What the usage line calls a subcommand (`<命令>`).
    pub command_value: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    /// The usage line's placeholder for the options.
    pub options_value: &'static str,
    pub default: &'static str,
    pub possible: &'static str,
    /// The language's punctuation (`messages::punct`).
    pub punct: super::Punct,
    pub help_flag: &'static str,
    pub version_flag: &'static str,
    pub help_command: &'static str,
    pub help_command_name: &'static str,
    /// Before every error of the tool.
    pub error: &'static str,
}

pub const ZH: Frame = Frame {
    usage: "用法：",
    commands: "命令",
    command_value: "命令",
    arguments: "参数",
    options: "选项",
    options_value: "[选项]",
    default: "默认",
    possible: "可选",
    punct: super::punct(Lang::Zh),
    help_flag: "显示帮助",
    version_flag: "显示版本",
    help_command: "显示本帮助，或所给命令的帮助",
    help_command_name: "命令",
    error: "错误：",
};

pub const EN: Frame = Frame {
    usage: "Usage: ",
    commands: "Commands",
    command_value: "COMMAND",
    arguments: "Arguments",
    options: "Options",
    options_value: "[OPTIONS]",
    default: "default",
    possible: "possible values",
    punct: super::punct(Lang::En),
    help_flag: "Print help",
    version_flag: "Print version",
    help_command: "Print this message or the help of the given subcommand(s)",
    help_command_name: "COMMAND",
    error: "error: ",
};

impl Frame {
    /// `[label：a、b]` (`[label: a, b]` in English): a list of values after a help text or an
    /// error, as clap brackets its own.
    pub fn bracketed(&self, label: &str, items: &[String]) -> String {
        format!(
            "[{label}{}{}]",
            self.punct.colon,
            items.join(self.punct.list)
        )
    }
}

pub fn frame(lang: Lang) -> &'static Frame {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// One usage error of clap, in words; the parts are filled in by `cli::errors`.
pub enum UsageError<'a> {
    UsedTwice(&'a str),
    Conflict(&'a str, &'a str),
    ConflictMany(&'a str),
    NoEquals(&'a str),
    Empty(&'a str),
    Invalid(&'a str, &'a str),
    /// A value the argument's own parser refused, and why (already in the language).
    Refused(&'a str, &'a str, &'a str),
    UnknownCommand(&'a str),
    Missing,
    MissingCommand(&'a str),
    TooMany(&'a str, &'a str),
    TooFew(&'a str, isize, isize),
    WrongNumber(&'a str, isize, isize),
    Unknown(&'a str),
    NotUtf8,
    Other,
}

impl UsageError<'_> {
    pub fn words(&self, lang: Lang) -> String {
        use UsageError::*;
        match (self, lang) {
            (UsedTwice(a), Lang::Zh) => format!("参数 '{a}' 只能使用一次"),
            (UsedTwice(a), Lang::En) => format!("the argument '{a}' cannot be used multiple times"),
            (Conflict(a, b), Lang::Zh) => format!("参数 '{a}' 不能与 '{b}' 同时使用"),
            (Conflict(a, b), Lang::En) => format!("the argument '{a}' cannot be used with '{b}'"),
            (ConflictMany(a), Lang::Zh) => format!("参数 '{a}' 不能与以下参数同时使用："),
            (ConflictMany(a), Lang::En) => format!("the argument '{a}' cannot be used with:"),
            (NoEquals(a), Lang::Zh) => format!("给 '{a}' 赋值须用等号"),
            (NoEquals(a), Lang::En) => {
                format!("equal sign is needed when assigning values to '{a}'")
            }
            (Empty(a), Lang::Zh) => format!("'{a}' 需要一个值，但没有给出"),
            (Empty(a), Lang::En) => {
                format!("a value is required for '{a}' but none was supplied")
            }
            (Invalid(a, v), Lang::Zh) => format!("'{v}' 不是 '{a}' 的有效值"),
            (Invalid(a, v), Lang::En) => format!("invalid value '{v}' for '{a}'"),
            (Refused(a, v, why), Lang::Zh) => format!("'{a}' 的值 '{v}' 无效：{why}"),
            (Refused(a, v, why), Lang::En) => format!("invalid value '{v}' for '{a}': {why}"),
            (UnknownCommand(c), Lang::Zh) => format!("没有命令 '{c}'"),
            (UnknownCommand(c), Lang::En) => format!("unrecognized subcommand '{c}'"),
            (Missing, Lang::Zh) => "缺少以下必需的参数：".to_owned(),
            (Missing, Lang::En) => "the following required arguments were not provided:".to_owned(),
            (MissingCommand(c), Lang::Zh) => format!("'{c}' 后须有一个命令"),
            (MissingCommand(c), Lang::En) => {
                format!("'{c}' requires a subcommand but one was not provided")
            }
            (TooMany(a, v), Lang::Zh) => format!("'{a}' 不再接受值，多出了 '{v}'"),
            (TooMany(a, v), Lang::En) => {
                format!("unexpected value '{v}' for '{a}' found; no more were expected")
            }
            (TooFew(a, min, n), Lang::Zh) => format!("'{a}' 至少需要 {min} 个值，只给了 {n} 个"),
            (TooFew(a, min, n), Lang::En) => {
                format!("{min} values required by '{a}'; only {n} provided")
            }
            (WrongNumber(a, want, n), Lang::Zh) => format!("'{a}' 需要 {want} 个值，给了 {n} 个"),
            (WrongNumber(a, want, n), Lang::En) => {
                format!("{want} values required for '{a}' but {n} provided")
            }
            (Unknown(a), Lang::Zh) => format!("不认识的参数 '{a}'"),
            (Unknown(a), Lang::En) => format!("unexpected argument '{a}' found"),
            (NotUtf8, Lang::Zh) => "参数不是有效的 UTF-8 文本".to_owned(),
            (NotUtf8, Lang::En) => "invalid UTF-8 was detected in one or more arguments".to_owned(),
            (Other, Lang::Zh) => "命令行有误".to_owned(),
            (Other, Lang::En) => "the command line is not valid".to_owned(),
        }
    }
}

/// A hint under a usage error.
pub enum Tip<'a> {
    /// A name close to the one given: what kind of name (`command`, `argument`, `value`) and
    /// the names.
    Similar(&'a str, &'a [String]),
    /// An argument that starts with `-` but is meant as a value.
    AsValue(&'a str, &'a str),
    /// An option that belongs to a subcommand.
    OfCommand(&'a str),
    /// A subcommand written after `--`.
    AfterDashes(&'a str),
    /// Where to read more.
    MoreWith(&'a str),
}

impl Tip<'_> {
    pub fn words(&self, lang: Lang) -> String {
        match (self, lang) {
            (Tip::Similar(kind, names), Lang::Zh) => {
                let kind = match *kind {
                    "subcommand" => "命令",
                    "argument" => "参数",
                    _ => "值",
                };
                let names = quoted(names, "、");
                format!("提示：有相近的{kind} {names}")
            }
            (Tip::Similar(kind, names), Lang::En) => {
                let list = quoted(names, ", ");
                if names.len() == 1 {
                    format!("tip: a similar {kind} exists: {list}")
                } else {
                    format!("tip: some similar {kind}s exist: {list}")
                }
            }
            (Tip::AsValue(arg, how), Lang::Zh) => {
                format!("提示：若要把 '{arg}' 作为值，请写 '{how}'")
            }
            (Tip::AsValue(arg, how), Lang::En) => {
                format!("tip: to pass '{arg}' as a value, use '{how}'")
            }
            (Tip::OfCommand(how), Lang::Zh) => format!("提示：'{how}' 是有的"),
            (Tip::OfCommand(how), Lang::En) => format!("tip: '{how}' exists"),
            (Tip::AfterDashes(sub), Lang::Zh) => {
                format!("提示：有命令 '{sub}'；要用它，请去掉它前面的 '--'")
            }
            (Tip::AfterDashes(sub), Lang::En) => {
                format!("tip: subcommand '{sub}' exists; to use it, remove the '--' before it")
            }
            (Tip::MoreWith(flag), Lang::Zh) => format!("详细说明请用 '{flag}' 查看。"),
            (Tip::MoreWith(flag), Lang::En) => format!("For more information, try '{flag}'."),
        }
    }
}

fn quoted(names: &[String], comma: &str) -> String {
    names
        .iter()
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>()
        .join(comma)
}

messages! {
    /// `man COMMAND` naming no command.
    man_unknown_command(name: &str) =>
        "没有命令 `{name}`（stdkit --help 列出全部命令）" /
        "there is no command `{name}` (stdkit --help lists them all)";
    /// A value of `--level`/`--status` that is none of the spellings.
    not_one_of(text: &str, spellings: &[&str]) {
        let zh = spellings.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join("、");
        let en = spellings.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ");
    } => "`{text}` 不是可用的值，可选 {zh}" / "`{text}` must be one of {en}";
    /// `--as-of` and the ends of `--period` that are not dates.
    not_a_date(text: &str) =>
        "`{text}` 不是日期，应写作 2014-12-31 这样的形式" / "`{text}` is not a date like 2014-12-31";
    /// A `--period` without `..`.
    not_a_period(text: &str) =>
        "`{text}` 应写作 FROM..TO，如 2014-01-01..2014-12-31" /
        "`{text}` must be FROM..TO, like 2014-01-01..2014-12-31";
    /// A `--period` that ends before it starts.
    period_backwards(text: &str) => "`{text}` 结束早于开始" / "`{text}` ends before it starts";
}
