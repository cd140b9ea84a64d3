//! The clap definition in one language: every description from `messages::cli`, and the frame
//! around them (用法, 选项, 命令, 参数, the help and version flags, the `help` command, the
//! default and possible values) in the same language.

use std::ffi::{OsStr, OsString};

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;
use crate::finding::Lang;
use crate::messages::cli::{self as words, Frame};

/// The command line of stdkit, worded in `lang`: what parses the arguments, prints `--help`,
/// and makes the completions and the man page.
pub fn command(lang: Lang) -> Command {
    let frame = words::frame(lang);
    let mut cmd = localize(Cli::command(), "", lang, frame)
        .version(env!("CARGO_PKG_VERSION"))
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(frame.version_flag)
                .help_heading(frame.options)
                .display_order(GLOBAL_ORDER + 101),
        );
    // The usage lines are clap's, with the placeholders in the language, and the `help`
    // command clap adds is described: both exist only once the definition is built.
    cmd.build();
    reword_built(&mut cmd, frame);
    cmd
}

/// The language of `--lang` on the command line, if it is there and valid, else the language
/// of the environment. Read before the arguments are parsed, so that even the errors of the
/// parse are in the language asked for.
pub fn lang_from(
    args: impl IntoIterator<Item = OsString>,
    env: impl Fn(&str) -> Option<OsString>,
) -> Lang {
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        let value = match arg.to_str() {
            Some("--") => break,
            Some("--lang") => args.next(),
            Some(text) => match text.strip_prefix("--lang=") {
                Some(value) => Some(OsString::from(value)),
                None => continue,
            },
            None => continue,
        };
        match value.as_deref().and_then(OsStr::to_str) {
            Some("zh") => return Lang::Zh,
            Some("en") => return Lang::En,
            _ => break,
        }
    }
    lang_of_env(env)
}

/// The language of the locale: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set
/// decides; English for `en…`, Chinese (the tool's language) for anything else or nothing.
pub fn lang_of_env(env: impl Fn(&str) -> Option<OsString>) -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|key| env(key))
        .find(|value| !value.is_empty());
    match locale.as_deref().and_then(OsStr::to_str) {
        Some(locale) if locale.starts_with("en") => Lang::En,
        _ => Lang::Zh,
    }
}

/// Where the global options, then `--help` and `--version`, come in every help.
const GLOBAL_ORDER: usize = 1000;

/// The key of an argument or subcommand `name` below `path` in the table of descriptions.
fn key(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// The description of `key` in `lang`; empty for a key the table lacks (a test requires
/// every key).
fn description(key: &str, lang: Lang) -> &'static str {
    words::help(key).map_or("", |h| h.get(lang))
}

fn localize(mut cmd: Command, path: &str, lang: Lang, frame: &'static Frame) -> Command {
    let about = description(if path.is_empty() { "stdkit" } else { path }, lang);
    cmd = cmd
        .about(about)
        .long_about(None)
        .subcommand_help_heading(frame.commands)
        .subcommand_value_name(frame.command_value)
        .disable_help_flag(true);
    let ids: Vec<_> = cmd
        .get_arguments()
        .map(|arg| arg.get_id().as_str().to_owned())
        .collect();
    for (order, id) in ids.into_iter().enumerate() {
        let help = argument_help(&cmd, &id, &key(path, &id), lang, frame);
        cmd = cmd.mut_arg(&id, |arg| {
            // In the order they are declared, the global options after a command's own.
            let arg = if arg.is_global_set() {
                arg.display_order(GLOBAL_ORDER + order)
            } else {
                arg.display_order(order)
            };
            let heading = if arg.is_positional() {
                frame.arguments
            } else {
                frame.options
            };
            let arg = arg.help(help).help_heading(heading);
            if arg.get_action().takes_values() {
                arg.hide_default_value(true).hide_possible_values(true)
            } else {
                arg
            }
        });
    }
    cmd = cmd.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(frame.help_flag)
            .help_heading(frame.options)
            .display_order(GLOBAL_ORDER + 100),
    );
    let names: Vec<_> = cmd
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = key(path, &name);
        cmd = cmd.mut_subcommand(&name, |sub| localize(sub, &sub_path, lang, frame));
    }
    cmd
}

/// The description of argument `id` of `cmd`, with its default and possible values in the
/// frame's words (clap's own would be English).
fn argument_help(cmd: &Command, id: &str, key: &str, lang: Lang, frame: &Frame) -> String {
    let mut help = description(key, lang).to_owned();
    let Some(arg) = cmd.get_arguments().find(|a| a.get_id() == id) else {
        return help;
    };
    let defaults: Vec<_> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let takes_value = arg.get_action().takes_values();
    let possible: Vec<_> = if takes_value {
        arg.get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect()
    } else {
        Vec::new()
    };
    if takes_value && !defaults.is_empty() {
        help.push(' ');
        help.push_str(&frame.bracketed(frame.default, &defaults));
    }
    if !possible.is_empty() {
        help.push(' ');
        help.push_str(&frame.bracketed(frame.possible, &possible));
    }
    help
}

/// What exists only in the built definition: clap's usage lines, put into the help with the
/// options placeholder in `frame`'s words (errors keep clap's usage line, which names the
/// arguments given, and `errors` rewords it the same way), and the `help` command clap adds.
fn reword_built(cmd: &mut Command, frame: &'static Frame) {
    let usage = cmd.render_usage().to_string();
    let usage = usage_in(usage.strip_prefix("Usage: ").unwrap_or(&usage), frame);
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{usage}\n\n{{all-args}}{{after-help}}",
        frame.usage
    );
    *cmd = std::mem::take(cmd).help_template(template);
    for sub in cmd.get_subcommands_mut() {
        if sub.get_name() == "help" {
            *sub = std::mem::take(sub)
                .about(frame.help_command)
                .subcommand_value_name(frame.help_command_name);
        }
        reword_built(sub, frame);
    }
}

/// A usage line of clap with its options placeholder in `frame`'s words.
pub fn usage_in(usage: &str, frame: &Frame) -> String {
    usage.replace("[OPTIONS]", frame.options_value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |key| {
            vars.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| OsString::from(v))
        }
    }

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_comes_from_lang_then_the_locale() {
        let none: &[(&str, &str)] = &[];
        assert_eq!(lang_from(args(&["stdkit", "check"]), env(none)), Lang::Zh);
        let en = [("LANG", "en_US.UTF-8")];
        assert_eq!(lang_from(args(&["stdkit", "check"]), env(&en)), Lang::En);
        assert_eq!(
            lang_from(args(&["stdkit", "--lang", "zh", "check"]), env(&en)),
            Lang::Zh
        );
        assert_eq!(
            lang_from(args(&["stdkit", "check", "--lang=en"]), env(none)),
            Lang::En
        );
        // LC_ALL before LANG; an empty value is no value; C and zh_CN are Chinese.
        let all = [("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_GB.UTF-8")];
        assert_eq!(lang_of_env(env(&all)), Lang::Zh);
        let empty = [("LC_ALL", ""), ("LANG", "en_GB.UTF-8")];
        assert_eq!(lang_of_env(env(&empty)), Lang::En);
        assert_eq!(lang_of_env(env(&[("LANG", "C.UTF-8")])), Lang::Zh);
        // After `--` it is a value, not the option.
        assert_eq!(
            lang_from(args(&["stdkit", "import", "--", "--lang", "en"]), env(none)),
            Lang::Zh
        );
    }

    /// Every command and argument is described in both languages, and every description
    /// describes something.
    #[test]
    fn every_command_and_argument_has_its_words() {
        fn walk(cmd: &Command, path: &str, keys: &mut Vec<String>) {
            keys.push(if path.is_empty() {
                "stdkit".to_owned()
            } else {
                path.to_owned()
            });
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if !arg.is_global_set() || path.is_empty() {
                    keys.push(key(path, id));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &key(path, sub.get_name()), keys);
            }
        }
        let mut keys = Vec::new();
        walk(&Cli::command(), "", &mut keys);
        for k in &keys {
            let help = words::help(k).unwrap_or_else(|| panic!("no words for `{k}`"));
            assert!(!help.zh.is_empty() && !help.en.is_empty(), "{k}");
        }
        for h in words::HELP {
            assert!(
                keys.iter().any(|k| k == h.key),
                "`{}` describes nothing",
                h.key
            );
        }
    }

    fn help_of(lang: Lang, path: &[&str]) -> String {
        let mut cmd = command(lang);
        let mut sub = &mut cmd;
        for name in path {
            sub = sub.find_subcommand_mut(name).unwrap();
        }
        sub.render_help().to_string()
    }

    #[test]
    fn the_help_is_in_one_language() {
        let zh = help_of(Lang::Zh, &["check"]);
        for word in [
            "用法：stdkit check [选项]",
            "选项:",
            "显示帮助",
            "[默认：human]",
        ] {
            assert!(zh.contains(word), "{word} in\n{zh}");
        }
        for word in ["Usage", "Options", "Print help", "default", "possible"] {
            assert!(!zh.contains(word), "{word} in\n{zh}");
        }
        let en = help_of(Lang::En, &["check"]);
        for word in [
            "Usage: stdkit check [OPTIONS]",
            "Options:",
            "Print help",
            "output format",
        ] {
            assert!(en.contains(word), "{word} in\n{en}");
        }
        assert!(
            !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{en}"
        );
        let root = help_of(Lang::Zh, &[]);
        assert!(root.contains("命令:") && root.contains("<命令>"), "{root}");
        assert!(root.contains("显示本帮助"), "{root}");
    }
}
