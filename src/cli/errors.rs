//! Parsing the command line, with clap's usage errors worded in the language of the run:
//! the sentences are `messages::cli`'s, the parts (the argument, the value, the usage line)
//! clap's.

use std::ffi::OsString;
use std::fmt::Write as _;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use clap::{FromArgMatches, error::Error};

use super::{Cli, ValueError, command};
use crate::finding::Lang;
use crate::messages::cli::{self as words, Tip, UsageError};

/// The parsed command line of `args` (the program's name first), or where the parse stopped,
/// worded in `lang`: a usage error, or `--help` and `--version`.
pub fn parse(args: impl IntoIterator<Item = OsString>, lang: Lang) -> Result<Cli, Stop> {
    let mut cmd = command(lang);
    let worded = |error: Error| match lang {
        Lang::Zh => Stop::Zh(error.apply()),
        Lang::En => Stop::En(error.apply()),
    };
    let matches = cmd.try_get_matches_from_mut(args).map_err(worded)?;
    Cli::from_arg_matches(&matches).map_err(|e| worded(e.format(&mut cmd)))
}

/// Where parsing stopped: clap's error, worded by the formatter of the language.
pub enum Stop {
    Zh(Error<Zh>),
    En(Error<En>),
}

impl Stop {
    /// Prints it as clap does: help and the version to stdout, errors to stderr.
    pub fn print(&self) -> std::io::Result<()> {
        match self {
            Stop::Zh(e) => e.print(),
            Stop::En(e) => e.print(),
        }
    }

    /// An error of the command line, not help or the version asked for.
    pub fn is_error(&self) -> bool {
        match self {
            Stop::Zh(e) => e.use_stderr(),
            Stop::En(e) => e.use_stderr(),
        }
    }

    /// The text it prints, without styles.
    pub fn text(&self) -> String {
        match self {
            Stop::Zh(e) => e.render().to_string(),
            Stop::En(e) => e.render().to_string(),
        }
    }
}

/// Words clap's errors in Chinese.
pub struct Zh;
/// Words clap's errors in English, with stdkit's value errors in English.
pub struct En;

impl ErrorFormatter for Zh {
    fn format_error(error: &Error<Self>) -> StyledStr {
        StyledStr::from(format(error.kind(), &parts(error), Lang::Zh))
    }
}

impl ErrorFormatter for En {
    fn format_error(error: &Error<Self>) -> StyledStr {
        StyledStr::from(format(error.kind(), &parts(error), Lang::En))
    }
}

/// What clap knows of an error, as text.
#[derive(Default)]
struct Parts {
    arg: Option<String>,
    prior: Vec<String>,
    value: Option<String>,
    valid_values: Vec<String>,
    subcommand: Option<String>,
    valid_subcommands: Vec<String>,
    actual: Option<isize>,
    expected: Option<isize>,
    min: Option<isize>,
    similar: Vec<(&'static str, Vec<String>)>,
    suggested: Vec<String>,
    usage: Option<String>,
    /// A value parser's own words, in both languages.
    refusal: Option<crate::finding::Msg>,
    /// Any other cause, as its text.
    cause: Option<String>,
}

fn strings(value: Option<&ContextValue>) -> Vec<String> {
    match value {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(list)) => list.clone(),
        _ => Vec::new(),
    }
}

fn string(value: Option<&ContextValue>) -> Option<String> {
    strings(value).into_iter().next()
}

fn number(value: Option<&ContextValue>) -> Option<isize> {
    match value {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    }
}

fn parts<F: ErrorFormatter>(error: &Error<F>) -> Parts {
    let mut parts = Parts {
        arg: string(error.get(ContextKind::InvalidArg)),
        prior: strings(error.get(ContextKind::PriorArg)),
        value: string(error.get(ContextKind::InvalidValue)),
        valid_values: strings(error.get(ContextKind::ValidValue)),
        subcommand: string(error.get(ContextKind::InvalidSubcommand)),
        valid_subcommands: strings(error.get(ContextKind::ValidSubcommand)),
        actual: number(error.get(ContextKind::ActualNumValues)),
        expected: number(error.get(ContextKind::ExpectedNumValues)),
        min: number(error.get(ContextKind::MinValues)),
        ..Parts::default()
    };
    for (kind, name) in [
        (ContextKind::SuggestedSubcommand, "subcommand"),
        (ContextKind::SuggestedArg, "argument"),
        (ContextKind::SuggestedValue, "value"),
    ] {
        let names = strings(error.get(kind));
        if !names.is_empty() {
            parts.similar.push((name, names));
        }
    }
    if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
        parts.suggested = tips.iter().map(|t| t.to_string()).collect();
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        parts.usage = Some(usage.to_string());
    }
    let source = std::error::Error::source(error);
    match source.and_then(|s| s.downcast_ref::<ValueError>()) {
        Some(refused) => parts.refusal = Some(refused.0.clone()),
        None => parts.cause = source.map(|s| s.to_string()),
    }
    parts
}

/// The error, its tips, the usage line and where to read more, in `lang`.
fn format(kind: ErrorKind, p: &Parts, lang: Lang) -> String {
    let frame = words::frame(lang);
    let arg = p.arg.as_deref().unwrap_or("");
    let value = p.value.as_deref().unwrap_or("");
    let error = match kind {
        ErrorKind::ArgumentConflict => match p.prior.as_slice() {
            [prior] if prior == arg => UsageError::UsedTwice(arg),
            [prior] => UsageError::Conflict(arg, prior),
            _ => UsageError::ConflictMany(arg),
        },
        ErrorKind::NoEquals => UsageError::NoEquals(arg),
        ErrorKind::InvalidValue if value.is_empty() => UsageError::Empty(arg),
        ErrorKind::InvalidValue => UsageError::Invalid(arg, value),
        ErrorKind::ValueValidation => {
            return finish(p, lang, &refused(arg, value, p, lang), frame);
        }
        ErrorKind::InvalidSubcommand => {
            UsageError::UnknownCommand(p.subcommand.as_deref().unwrap_or(""))
        }
        ErrorKind::MissingRequiredArgument => UsageError::Missing,
        ErrorKind::MissingSubcommand => {
            UsageError::MissingCommand(p.subcommand.as_deref().unwrap_or(""))
        }
        ErrorKind::TooManyValues => UsageError::TooMany(arg, value),
        ErrorKind::TooFewValues => {
            UsageError::TooFew(arg, p.min.unwrap_or(0), p.actual.unwrap_or(0))
        }
        ErrorKind::WrongNumberOfValues => {
            UsageError::WrongNumber(arg, p.expected.unwrap_or(0), p.actual.unwrap_or(0))
        }
        ErrorKind::UnknownArgument => UsageError::Unknown(arg),
        ErrorKind::InvalidUtf8 => UsageError::NotUtf8,
        _ => UsageError::Other,
    };
    let mut text = error.words(lang);
    if let Some(cause) = &p.cause
        && matches!(error, UsageError::Other)
    {
        let _ = write!(text, "{}{cause}", frame.punct.colon);
    }
    let list = match kind {
        ErrorKind::ArgumentConflict if p.prior.len() > 1 => &p.prior,
        ErrorKind::MissingRequiredArgument => &strings_of(arg, p),
        _ => &Vec::new(),
    };
    for item in list {
        let _ = write!(text, "\n  {item}");
    }
    let values = match kind {
        ErrorKind::InvalidValue => &p.valid_values,
        ErrorKind::MissingSubcommand => &p.valid_subcommands,
        _ => &Vec::new(),
    };
    if !values.is_empty() {
        let _ = write!(text, "\n  {}", frame.bracketed(frame.possible, values));
    }
    finish(p, lang, &text, frame)
}

/// The arguments a `MissingRequiredArgument` names (clap gives them as the invalid argument).
fn strings_of(arg: &str, p: &Parts) -> Vec<String> {
    if p.prior.is_empty() && !arg.is_empty() {
        arg.split('\n').map(str::to_owned).collect()
    } else {
        Vec::new()
    }
}

/// A value the argument's parser refused: its own words in the language.
fn refused(arg: &str, value: &str, p: &Parts, lang: Lang) -> String {
    let why = match (&p.refusal, &p.cause) {
        (Some(msg), _) => msg.get(lang).to_owned(),
        (None, Some(cause)) => cause.clone(),
        (None, None) => String::new(),
    };
    UsageError::Refused(arg, value, &why).words(lang)
}

/// `text` with the prefix, the tips, the usage line and the pointer to `--help`.
fn finish(p: &Parts, lang: Lang, text: &str, frame: &words::Frame) -> String {
    let mut out = format!("{}{text}", frame.error);
    let mut tips: Vec<String> = p
        .similar
        .iter()
        .map(|(kind, names)| Tip::Similar(kind, names).words(lang))
        .collect();
    tips.extend(p.suggested.iter().filter_map(|s| suggestion(s, lang)));
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            let _ = write!(out, "\n  {tip}");
        }
    }
    if let Some(usage) = &p.usage {
        let usage = usage.strip_prefix("Usage: ").unwrap_or(usage);
        let _ = write!(
            out,
            "\n\n{}{}",
            frame.usage,
            super::localize::usage_in(usage, frame)
        );
    }
    let _ = writeln!(out, "\n\n{}", Tip::MoreWith("--help").words(lang));
    out
}

/// One of clap's English tips, reworded: the three clap makes are known by their shape.
fn suggestion(tip: &str, lang: Lang) -> Option<String> {
    let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
    if tip.starts_with("to pass ") {
        let [arg, how] = quoted.as_slice() else {
            return None;
        };
        Some(Tip::AsValue(arg, how).words(lang))
    } else if tip.starts_with("subcommand ") {
        Some(Tip::AfterDashes(quoted.first()?).words(lang))
    } else if tip.ends_with(" exists") {
        Some(Tip::OfCommand(quoted.first()?).words(lang))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(args: &[&str], lang: Lang) -> String {
        let args = std::iter::once("stdkit").chain(args.iter().copied());
        let Err(stop) = parse(args.map(OsString::from), lang) else {
            panic!("parsed");
        };
        assert!(stop.is_error());
        stop.text()
    }

    #[test]
    fn an_unknown_argument_is_worded_in_the_language() {
        let zh = error_of(&["check", "--frob"], Lang::Zh);
        assert_eq!(
            zh,
            "错误：不认识的参数 '--frob'\n\n用法：stdkit check [选项]\n\n详细说明请用 '--help' 查看。\n"
        );
        let zh = error_of(&["import", "-x"], Lang::Zh);
        assert!(
            zh.contains("提示：若要把 '-x' 作为值，请写 '-- -x'"),
            "{zh}"
        );
        let en = error_of(&["check", "--frob"], Lang::En);
        assert!(
            en.starts_with("error: unexpected argument '--frob' found"),
            "{en}"
        );
        assert!(en.contains("Usage: stdkit check [OPTIONS]"), "{en}");
    }

    #[test]
    fn a_refused_value_gives_the_parser_s_words_in_the_language() {
        let zh = error_of(&["--as-of", "2014-13-01", "check"], Lang::Zh);
        assert!(
            zh.starts_with("错误：'--as-of <DATE>' 的值 '2014-13-01' 无效：`2014-13-01` 不是日期"),
            "{zh}"
        );
        assert!(!zh.contains("not a date"), "{zh}");
        let en = error_of(&["--as-of", "x", "check"], Lang::En);
        assert!(
            en.starts_with("error: invalid value 'x' for '--as-of <DATE>': `x` is not a date"),
            "{en}"
        );
    }

    #[test]
    fn possible_values_similar_names_and_missing_arguments() {
        let zh = error_of(&["check", "--format", "jsn"], Lang::Zh);
        assert!(
            zh.contains("'jsn' 不是 '--format <FORMAT>' 的有效值"),
            "{zh}"
        );
        assert!(zh.contains("[可选：human、short、json"), "{zh}");
        assert!(zh.contains("提示：有相近的值 'json'"), "{zh}");
        let zh = error_of(&["chek"], Lang::Zh);
        assert!(
            zh.contains("没有命令 'chek'") && zh.contains("有相近的命令 'schema'、'check'"),
            "{zh}"
        );
        let zh = error_of(&["new", "201"], Lang::Zh);
        assert!(
            zh.contains("缺少以下必需的参数：\n  --title <TITLE>"),
            "{zh}"
        );
        let zh = error_of(&["table", "--tree", "--stats"], Lang::Zh);
        assert!(
            zh.contains("参数 '--tree' 不能与 '--stats' 同时使用"),
            "{zh}"
        );
    }
}
