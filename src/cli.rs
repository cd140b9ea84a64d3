//! The command line, as clap derive types only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::finding::Lang;
use crate::model::{CenterLevel, Date, Level, Period, Status};
use crate::report::findings::Format as CheckFormat;

/// 政务服务中心标准体系工具：检查编号与引用、输出标准体系表、计算各项指标、汇编验收材料。
#[derive(Debug, Parser)]
#[command(name = "stdkit", version, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// 标准库目录（默认从当前目录向上查找 stdkit.toml）
    #[arg(short = 'C', long = "repo", global = true, value_name = "DIR")]
    pub repo: Option<PathBuf>,
    /// 何时使用颜色
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// 提示语言（代码不随语言变化）
    #[arg(long, global = true, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    /// 作为“今天”的日期（YYYY-MM-DD），用于逾期判断；默认为当天
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查标准库：编号、代码、引用、记录与文本，一次报告全部问题
    Check(CheckArgs),
    /// 计算覆盖率、实施率、参训率、满意率及下属中心验收通过率
    Rates(RatesArgs),
    /// 标准体系表：明细表（默认）、结构图（--tree）、统计表（--stats）
    Table(TableArgs),
    /// 尚未实施的标准（任务分解），按责任科室分组，逾期在前
    Tasks(TasksArgs),
    /// 汇编验收材料：HTML、PDF、标准体系表 xlsx 与清单 manifest.json
    Dossier(DossierArgs),
    /// 将 JSON Schema 写入目录（默认 schema/），供编辑器校验与补全
    Schema(SchemaArgs),
    /// 输出 shell 补全脚本（bash、zsh、fish、powershell、elvish）
    Completions(CompletionsArgs),
    /// 输出 man 手册页（roff 格式），如 `stdkit man > stdkit.1`
    Man,
    /// 导入已有材料：Word 标准文本（.docx）、Excel 标准明细表（.xlsx/.xls）
    Import(ImportArgs),
    /// 新建标准库：规划的四个子体系及其类目、清单与记录模板、验收材料章节、CI 配置
    Init(InitArgs),
    /// 标准的修订历史：git 中触及标准文件的提交（跟随改名，截至 --as-of）及标准所载的修订记录
    Log(LogArgs),
    /// 在类目中新建一项标准，使用下一个空闲的体系表编号，并输出所写文件的路径
    New(NewArgs),
    /// 重编号：将标准移到新的体系表编号（可移入另一类目），改写全部引用，原编号记入 formerly
    Renumber(RenumberArgs),
    /// 标准体系的变化：某一 git 版本与工作区（或两个版本）之间新增、删除、重新编号、状态、新版本、正文章条与指标
    Diff(DiffArgs),
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// 目标 shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// 新标准库的目录（相对路径从 -C 所给目录或当前目录算起）：须为空目录，或尚不存在而其上级目录存在
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// 中心名称，如“安庆市政务服务中心”
    #[arg(long)]
    pub name: String,
    /// 中心标准编号的代号（Q/ 加中心代号），如 Q/AQZW
    #[arg(long, value_name = "PREFIX")]
    pub prefix: String,
    /// 中心级别：city（市级）或 county（县级）
    #[arg(long, value_name = "LEVEL", default_value = "city", value_parser = parse_center_level)]
    pub level: CenterLevel,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// 类目代码（如 201）或类目目录
    #[arg(value_name = "CATEGORY")]
    pub category: String,
    /// 标准名称
    #[arg(long)]
    pub title: String,
    /// 级别：national、industry、local、group 或 internal（默认：有 --code 时按编号的代号判断，否则为 internal 中心标准）
    #[arg(long, value_name = "LEVEL", value_parser = parse_level)]
    pub level: Option<Level>,
    /// 标准编号，如 GB/T 24421.1-2009、Q/AQZW 20103-2014
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    /// 状态（默认 planned 待制定）；试行（trial）及以后的状态须有 --code
    #[arg(long, value_name = "STATUS", value_parser = parse_status)]
    pub status: Option<Status>,
}

#[derive(Debug, Args)]
pub struct RenumberArgs {
    /// 原体系表编号，如 201-03（与 --shift 二选一）
    #[arg(
        value_name = "OLD",
        required_unless_present = "shift",
        conflicts_with = "shift"
    )]
    pub old: Option<String>,
    /// 新体系表编号，如 201-09；其类目须已存在
    #[arg(
        value_name = "NEW",
        required_unless_present = "shift",
        conflicts_with = "shift"
    )]
    pub new: Option<String>,
    /// 将整个类目按现有顺序重编为 01、02、03……，消除空号
    #[arg(long, value_name = "CATEGORY")]
    pub shift: Option<String>,
    /// 只列出计划，不写入
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 输出格式
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// 同时检查各项指标是否达到目标值（未达标即为错误）
    #[arg(long)]
    pub targets: bool,
    /// CI 格式（github、sarif、gitlab、junit）中路径的前缀（默认：标准库在 git 仓库中的位置，如 standards/）
    #[arg(long, value_name = "P")]
    pub path_prefix: Option<String>,
    /// 将警告视为错误（`--deny warnings`）
    #[arg(long, value_enum, value_name = "WHAT")]
    pub deny: Option<Deny>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// 输出目录
    #[arg(short, long, default_value = "schema")]
    pub out: PathBuf,
    /// 只比较，不写入：目录中的 schema 过期时以退出码 1 结束
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, Args)]
pub struct RatesArgs {
    /// 输出格式
    #[arg(long, value_enum, default_value_t = RatesFormat::Terminal)]
    pub format: RatesFormat,
    /// 评价期 FROM..TO（覆盖 stdkit.toml 的 [period]）
    #[arg(long, value_name = "FROM..TO", value_parser = parse_period)]
    pub period: Option<Period>,
    /// 在每项指标下列出计入分母而未计入分子的项目（标准、岗位、事项、设施、人员等）
    #[arg(long)]
    pub details: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RatesFormat {
    Terminal,
    Json,
}

#[derive(Debug, Args)]
pub struct TableArgs {
    /// 输出格式
    #[arg(long, value_enum, default_value_t = TableFormat::Terminal)]
    pub format: TableFormat,
    /// 输出结构图
    #[arg(long, conflicts_with = "stats")]
    pub tree: bool,
    /// 输出统计表（子体系 × 级别：应有数、现有数、现有率）
    #[arg(long)]
    pub stats: bool,
    /// 写入文件（xlsx 必须指定）
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 不截断、不省略列，按内容宽度输出
    #[arg(long)]
    pub wide: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Terminal,
    Md,
    Csv,
    Json,
    Xlsx,
}

#[derive(Debug, Args)]
pub struct TasksArgs {
    /// 输出格式
    #[arg(long, value_enum, default_value_t = TasksFormat::Terminal)]
    pub format: TasksFormat,
    /// 不截断、不省略列，按内容宽度输出
    #[arg(long)]
    pub wide: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TasksFormat {
    Terminal,
    Md,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// 体系表编号（现用或曾用）；缺省列出全部标准
    #[arg(value_name = "NO")]
    pub no: Option<String>,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = LogFormat::Terminal)]
    pub format: LogFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Terminal,
    Json,
}

#[derive(Debug, Args)]
pub struct DossierArgs {
    /// 输出目录：须不存在、为空，或是上次生成的汇编目录（整体替换，失败时保留原有内容）
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// 另外使用的字体目录（如仿宋_GB2312、SimSun、SimHei 所在目录），优先于内置字体，并记入 manifest.json；默认只用内置字体
    #[arg(long = "font-path", value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
    /// 标准库检查有错误时仍然汇编：每页标注“草稿 未通过检查”，不作正式验收材料
    #[arg(long)]
    pub draft: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// 要导入的文件：标准明细表 .xlsx/.xls/.xlsm/.ods，或 .docx（目录即其中全部 .docx）
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// 写入的标准库（须已由 stdkit init 建立；默认同其他命令，由 -C 或当前目录查找）
    #[arg(long, value_name = "DIR")]
    pub into: Option<PathBuf>,
    /// 只列出将写入的文件，不写入
    #[arg(long)]
    pub dry_run: bool,
    /// 标准库中已有文件时，只添加体系表编号和标准编号都是新的标准，并列出跳过的
    #[arg(long)]
    pub merge: bool,
    /// 仅 .docx：导入后的体系表编号，如 201-03
    #[arg(long, value_name = "NO")]
    pub no: Option<String>,
}

/// `--level` of `init`: `city` or `county`, or their Chinese words.
fn parse_center_level(text: &str) -> Result<CenterLevel, String> {
    CenterLevel::parse(text).ok_or_else(|| one_of(text, &CenterLevel::spellings()))
}

/// `--level` of `new`: a standard's level, in English or Chinese.
fn parse_level(text: &str) -> Result<Level, String> {
    Level::parse(text).ok_or_else(|| one_of(text, &Level::spellings()))
}

/// `--status` of `new`: a standard's status, in English or Chinese.
fn parse_status(text: &str) -> Result<Status, String> {
    Status::parse(text).ok_or_else(|| one_of(text, &Status::spellings()))
}

/// The words of a value that is not one of `spellings`.
fn one_of(text: &str, spellings: &[&str]) -> String {
    let list = spellings
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ");
    format!("`{text}` 无效，可选 {list}（must be one of {list}）")
}

/// `--as-of`: a date like 2014-12-31; anything else is a usage error (exit 2).
fn parse_date(text: &str) -> Result<Date, String> {
    text.trim().parse::<Date>().map_err(|_| {
        format!("`{text}` 不是日期，应写作 2014-12-31 这样的形式（not a date like 2014-12-31）")
    })
}

/// `--period FROM..TO`, both dates included.
fn parse_period(text: &str) -> Result<Period, String> {
    let Some((from, to)) = text.split_once("..") else {
        return Err(format!(
            "`{text}` 应写作 FROM..TO，如 2014-01-01..2014-12-31（must be FROM..TO, like 2014-01-01..2014-12-31）"
        ));
    };
    let period = Period {
        from: parse_date(from)?,
        to: parse_date(to)?,
    };
    if period.to < period.from {
        return Err(format!("`{text}` 结束早于开始（ends before it starts）"));
    }
    Ok(period)
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// 旧版本（git 提交、分支或标签）
    pub rev: String,
    /// 新版本（省略时为工作区）
    pub rev2: Option<String>,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = DiffFormat::Terminal)]
    pub format: DiffFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Terminal,
    Md,
    Json,
}
