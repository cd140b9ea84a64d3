//! The command line, as clap derive types only. They carry no words: the description of
//! every command and argument, in both languages, is in `messages::cli`, and `localize`
//! puts them, and clap's frame in the same language, on the definition (`command`).

mod errors;
mod localize;

pub use errors::{Stop, parse};
pub use localize::{command, lang_from, lang_of_env};

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::finding::Lang;
use crate::messages::cli as words;
use crate::model::{CenterLevel, Date, Level, Period, Status};
use crate::report::findings::Format as CheckFormat;

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
    #[arg(short = 'C', long = "repo", global = true, value_name = "DIR")]
    pub repo: Option<PathBuf>,
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

impl GlobalArgs {
    /// `--lang`, else the language of the environment (`lang_of_env`).
    pub fn lang(&self) -> Lang {
        self.lang
            .unwrap_or_else(|| lang_of_env(|key| std::env::var_os(key)))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Check(CheckArgs),
    Rates(RatesArgs),
    Table(TableArgs),
    Tasks(TasksArgs),
    Dossier(DossierArgs),
    Schema(SchemaArgs),
    Completions(CompletionsArgs),
    Man(ManArgs),
    Import(ImportArgs),
    Init(InitArgs),
    Log(LogArgs),
    New(NewArgs),
    Renumber(RenumberArgs),
    Diff(DiffArgs),
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    #[arg(long)]
    pub name: String,
    #[arg(long, value_name = "PREFIX")]
    pub prefix: String,
    #[arg(long, value_name = "LEVEL", default_value = "city", value_parser = parse_center_level)]
    pub level: CenterLevel,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    #[arg(value_name = "CATEGORY")]
    pub category: String,
    #[arg(long)]
    pub title: String,
    #[arg(long, value_name = "LEVEL", value_parser = parse_level)]
    pub level: Option<Level>,
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    #[arg(long, value_name = "STATUS", value_parser = parse_status)]
    pub status: Option<Status>,
}

#[derive(Debug, Args)]
pub struct RenumberArgs {
    #[arg(
        value_name = "OLD",
        required_unless_present = "shift",
        conflicts_with = "shift"
    )]
    pub old: Option<String>,
    #[arg(
        value_name = "NEW",
        required_unless_present = "shift",
        conflicts_with = "shift"
    )]
    pub new: Option<String>,
    #[arg(long, value_name = "CATEGORY")]
    pub shift: Option<String>,
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    #[arg(long)]
    pub targets: bool,
    #[arg(long, value_name = "P")]
    pub path_prefix: Option<String>,
    #[arg(long, value_enum, value_name = "WHAT")]
    pub deny: Option<Deny>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    #[arg(short, long, default_value = "schema")]
    pub out: PathBuf,
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, Args)]
pub struct RatesArgs {
    #[arg(long, value_enum, default_value_t = RatesFormat::Terminal)]
    pub format: RatesFormat,
    #[arg(long, value_name = "FROM..TO", value_parser = parse_period)]
    pub period: Option<Period>,
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
    #[arg(long, value_enum, default_value_t = TableFormat::Terminal)]
    pub format: TableFormat,
    #[arg(long, conflicts_with = "stats")]
    pub tree: bool,
    #[arg(long)]
    pub stats: bool,
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
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
    #[arg(long, value_enum, default_value_t = TasksFormat::Terminal)]
    pub format: TasksFormat,
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
    #[arg(value_name = "NO")]
    pub no: Option<String>,
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
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    #[arg(long = "font-path", value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
    #[arg(long)]
    pub draft: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(long, value_name = "DIR")]
    pub into: Option<PathBuf>,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub merge: bool,
    #[arg(long, value_name = "NO")]
    pub no: Option<String>,
}

/// `--level` of `init`: `city` or `county`, or their Chinese words.
fn parse_center_level(text: &str) -> Result<CenterLevel, ValueError> {
    CenterLevel::parse(text).ok_or_else(|| one_of(text, &CenterLevel::spellings()))
}

/// `--level` of `new`: a standard's level, in English or Chinese.
fn parse_level(text: &str) -> Result<Level, ValueError> {
    Level::parse(text).ok_or_else(|| one_of(text, &Level::spellings()))
}

/// `--status` of `new`: a standard's status, in English or Chinese.
fn parse_status(text: &str) -> Result<Status, ValueError> {
    Status::parse(text).ok_or_else(|| one_of(text, &Status::spellings()))
}

fn one_of(text: &str, spellings: &[&str]) -> ValueError {
    ValueError(words::not_one_of(text, spellings))
}

/// `--as-of`: a date like 2014-12-31; anything else is a usage error (exit 2).
fn parse_date(text: &str) -> Result<Date, ValueError> {
    text.trim()
        .parse::<Date>()
        .map_err(|_| ValueError(words::not_a_date(text)))
}

/// `--period FROM..TO`, both dates included.
fn parse_period(text: &str) -> Result<Period, ValueError> {
    let Some((from, to)) = text.split_once("..") else {
        return Err(ValueError(words::not_a_period(text)));
    };
    let period = Period {
        from: parse_date(from)?,
        to: parse_date(to)?,
    };
    if period.to < period.from {
        return Err(ValueError(words::period_backwards(text)));
    }
    Ok(period)
}

/// Why a value parser refused a value, in both languages; `errors` picks the language.
#[derive(Debug)]
pub struct ValueError(pub crate::finding::Msg);

impl std::fmt::Display for ValueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.get(Lang::En))
    }
}

impl std::error::Error for ValueError {}

#[derive(Debug, Args)]
pub struct DiffArgs {
    pub rev: String,
    pub rev2: Option<String>,
    #[arg(long, value_enum, default_value_t = DiffFormat::Terminal)]
    pub format: DiffFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Terminal,
    Md,
    Json,
}
