//! clap's own words, in French when loi speaks French: the headings and `Usage:` of
//! the help (a template), `-h`/`--help`/`-V`, the `help` command, the value names, the
//! `[default: …]` clap appends, and its errors. The helps themselves are written in
//! both languages where they are declared (`cli/args.rs`).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory};

use super::Cli;
use crate::model::lang::{self, Lang};
use crate::{tr, trf};

/// The command line as loi parses it and shows it: the derive's, and in French, with
/// clap's words in French too. Parsing is the same in both: only texts change.
pub fn command() -> Command {
    let mut command = Cli::command();
    if lang::current() == Lang::Fr {
        // Built first, so that clap's own `--help`, `--version` and `help` command exist
        // and can be given French words too.
        command.build();
        command = french(command);
    }
    command
}

/// The `Cli` a command line asks for, parsed with [`command`].
///
/// The derive's own command reads a command line as the French one does (a test
/// says so): only what clap then writes (help, version, a mistake) needs the French
/// words, which cost a fifth of the first frame's instructions to put in; so they are
/// put in only then.
pub fn parse(args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    match Cli::command().try_get_matches_from(args) {
        Ok(matches) => Cli::from_arg_matches(&matches),
        Err(_) if lang::current() == Lang::Fr => {
            let matches = command().try_get_matches_from(args)?;
            Cli::from_arg_matches(&matches)
        }
        Err(e) => Err(e),
    }
}

/// What clap writes in English and loi in French: the words of its own arguments and
/// command. `None` for a text loi wrote (already in the language spoken).
fn clap_text(english: &str) -> Option<&'static str> {
    Some(match english {
        "Print help" => "Affiche l'aide",
        "Print help (see more with '--help')" => "Affiche l'aide (plus détaillée avec --help)",
        "Print help (see a summary with '-h')" => "Affiche l'aide (résumée avec -h)",
        "Print version" => "Affiche la version",
        "Print this message or the help of the given subcommand(s)" => {
            "Affiche ce message, ou l'aide des commandes données"
        }
        _ => return None,
    })
}

/// A value's name as the help shows it (`--date <AAAA-MM-JJ>`).
fn value_name(english: &str) -> Option<&'static str> {
    Some(match english {
        "DIR" => "DOSSIER",
        "YYYY-MM-DD" => "AAAA-MM-JJ",
        "THEME" => "THÈME",
        "LANG" => "LANGUE",
        "QUERY" => "RECHERCHE",
        "WHEN" => "QUAND",
        "COMMAND" => "COMMANDE",
        _ => return None,
    })
}

/// The help's layout, clap's default with its headings in French, each only when the
/// command has something under it.
fn template(command: &Command) -> String {
    let mut out = String::from("{before-help}{about-with-newline}\nUtilisation\u{a0}: {usage}");
    if command.get_subcommands().any(|s| !s.is_hide_set()) {
        out.push_str("\n\nCommandes\u{a0}:\n{subcommands}");
    }
    if command.get_positionals().any(|a| !a.is_hide_set()) {
        out.push_str("\n\nArguments\u{a0}:\n{positionals}");
    }
    if command
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        out.push_str("\n\nOptions\u{a0}:\n{options}");
    }
    out.push_str("{after-help}");
    out
}

fn french(command: Command) -> Command {
    let template = template(&command);
    let about = command.get_about().map(ToString::to_string);
    let mut command = command
        .help_template(template)
        .subcommand_value_name("COMMANDE")
        .mut_args(french_arg)
        .mut_subcommands(french);
    if let Some(fr) = about.as_deref().and_then(clap_text) {
        command = command.about(fr);
    }
    command
}

/// An argument in French: clap's own texts replaced, its value names, and what clap
/// appends to a help (`[env: …]`, `[default: …]`, `[possible values: …]`) written
/// into it in French, clap's own hidden.
fn french_arg(arg: Arg) -> Arg {
    let mut help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let long = arg.get_long_help().map(ToString::to_string);
    if let Some(fr) = clap_text(&help) {
        help = fr.to_owned();
    }
    let said: Vec<String> = said_of(&arg);
    if !said.is_empty() {
        if !help.is_empty() {
            help.push(' ');
        }
        help.push_str(&said.join(" "));
    }
    let names: Option<Vec<clap::builder::Str>> = arg.get_value_names().map(|names| {
        names
            .iter()
            .map(|n| value_name(n).map_or_else(|| n.clone(), Into::into))
            .collect()
    });
    let mut arg = arg
        .help(help)
        .hide_env(true)
        .hide_default_value(true)
        .hide_possible_values(true);
    if let Some(fr) = long.as_deref().and_then(clap_text) {
        arg = arg.long_help(fr);
    }
    if let Some(names) = names {
        arg = arg.value_names(names);
    }
    arg
}

/// What clap would append to an argument's help, in French.
fn said_of(arg: &Arg) -> Vec<String> {
    let mut said = Vec::new();
    if let Some(name) = arg.get_env()
        && !arg.is_hide_env_set()
    {
        let name = name.to_string_lossy();
        let value = std::env::var_os(&*name)
            .map(|v| v.to_string_lossy().into_owned())
            .unwrap_or_default();
        said.push(format!("[env\u{a0}: {name}={value}]"));
    }
    let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values());
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_value && !arg.is_hide_default_value_set() && !defaults.is_empty() {
        said.push(format!("[défaut\u{a0}: {}]", defaults.join(" ")));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if takes_value && !arg.is_hide_possible_values_set() && !possible.is_empty() {
        said.push(format!(
            "[valeurs possibles\u{a0}: {}]",
            possible.join(", ")
        ));
    }
    said
}

/// clap's error as loi says it: clap's own in English, the usual kinds in French (the
/// rest, rare, as clap says them). Help and version are no errors: they come as they
/// are, already in the language spoken.
pub fn error_text(e: &clap::Error) -> String {
    let english = e.render().to_string();
    if lang::current() == Lang::En {
        return english;
    }
    let Some(what) = french_error(e) else {
        return english;
    };
    let mut out = trf!("error: {what}", "erreur : {what}");
    for tip in tips(e) {
        out.push_str(&format!("\n\n  {tip}"));
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim_start_matches("Usage:").trim();
        out.push_str(&format!("\n\nUtilisation\u{a0}: {usage}"));
    }
    out.push_str(tr!(
        "\n\nFor more information, try '--help'.\n",
        "\n\nPour en savoir plus, essayez « --help ».\n"
    ));
    out
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(s) => Some(s.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(s)) => s.clone(),
        _ => Vec::new(),
    }
}

/// The first line of a clap error, in French; `None` for a kind loi leaves to clap.
fn french_error(e: &clap::Error) -> Option<String> {
    let arg = string(e, ContextKind::InvalidArg);
    let value = string(e, ContextKind::InvalidValue);
    let quoted = |v: &str| format!("«\u{a0}{v}\u{a0}»");
    Some(match e.kind() {
        ErrorKind::UnknownArgument => format!("argument inattendu {}", quoted(&arg?)),
        ErrorKind::InvalidSubcommand => {
            let sub = string(e, ContextKind::InvalidSubcommand)?;
            format!("commande inconnue {}", quoted(&sub))
        }
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg?, value?);
            let mut line = if value.is_empty() {
                format!("{} attend une valeur, et n'en a pas reçu", quoted(&arg))
            } else {
                format!("valeur {} invalide pour {}", quoted(&value), quoted(&arg))
            };
            let valid = strings(e, ContextKind::ValidValue);
            if !valid.is_empty() {
                line.push_str(&format!(
                    "\n  [valeurs possibles\u{a0}: {}]",
                    valid.join(", ")
                ));
            }
            line
        }
        ErrorKind::ValueValidation => {
            let mut line = format!("valeur {} invalide pour {}", quoted(&value?), quoted(&arg?));
            if let Some(source) = std::error::Error::source(e) {
                line.push_str(&format!("\u{a0}: {}", french_range(&source.to_string())));
            }
            line
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(e, ContextKind::InvalidArg);
            let mut line = String::from("ces arguments obligatoires manquent\u{a0}:");
            for m in missing {
                line.push_str(&format!("\n  {m}"));
            }
            line
        }
        ErrorKind::ArgumentConflict => {
            let arg = arg?;
            match string(e, ContextKind::PriorArg) {
                Some(prior) if prior == arg => {
                    format!("l'argument {} ne peut être donné qu'une fois", quoted(&arg))
                }
                Some(prior) => format!(
                    "l'argument {} ne peut pas être donné avec {}",
                    quoted(&arg),
                    quoted(&prior)
                ),
                None => format!(
                    "l'argument {} ne peut pas être donné avec les autres",
                    quoted(&arg)
                ),
            }
        }
        ErrorKind::TooManyValues => {
            format!("valeur {} de trop pour {}", quoted(&value?), quoted(&arg?))
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("nombre de valeurs incorrect pour {}", quoted(&arg?))
        }
        ErrorKind::NoEquals => format!(
            "il faut un signe = pour donner une valeur à {}",
            quoted(&arg?)
        ),
        ErrorKind::InvalidUtf8 => "un argument n'est pas de l'UTF-8 valide".to_owned(),
        ErrorKind::MissingSubcommand => {
            let sub = string(e, ContextKind::InvalidSubcommand)?;
            format!("{} attend une commande", quoted(&sub))
        }
        _ => return None,
    })
}

/// clap's one English reason loi lets through, a number out of range (`5 is not in
/// 20..=10000`), in French; loi's own reasons are in the language spoken already.
fn french_range(reason: &str) -> String {
    let range = reason
        .split_once(" is not in ")
        .and_then(|(n, range)| Some((n, range.split_once("..=")?)));
    match range {
        Some((n, (low, high))) => format!("{n} n'est pas entre {low} et {high}"),
        None => reason.to_owned(),
    }
}

/// clap's tips (`a similar argument exists`), in French.
fn tips(e: &clap::Error) -> Vec<String> {
    let quoted = |v: &str| format!("«\u{a0}{v}\u{a0}»");
    let mut out = Vec::new();
    let similar = strings(e, ContextKind::SuggestedArg)
        .into_iter()
        .chain(strings(e, ContextKind::SuggestedSubcommand))
        .chain(strings(e, ContextKind::SuggestedValue));
    for s in similar {
        out.push(format!("conseil\u{a0}: il existe {}", quoted(&s)));
    }
    if let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) {
        for tip in tips {
            let tip = tip.to_string();
            // clap's one usual tip: "to pass '-x' as a value, use '-- -x'".
            if let Some(rest) = tip.strip_prefix("to pass '")
                && let Some((arg, _)) = rest.split_once('\'')
            {
                out.push(format!(
                    "conseil\u{a0}: pour passer {} comme valeur, écrivez {}",
                    quoted(arg),
                    quoted(&format!("-- {arg}"))
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every argument and command of the tree, with its path (`loi print --width`).
    fn walk(command: &Command, path: &str, out: &mut Vec<(String, String)>) {
        for arg in command.get_arguments() {
            let help = arg
                .get_long_help()
                .or(arg.get_help())
                .map(ToString::to_string)
                .unwrap_or_default();
            out.push((format!("{path} {}", arg.get_id()), help));
        }
        for sub in command.get_subcommands() {
            let name = format!("{path} {}", sub.get_name());
            let about = sub
                .get_long_about()
                .or(sub.get_about())
                .map(ToString::to_string)
                .unwrap_or_default();
            out.push((name.clone(), about));
            // The `help` command holds a copy of the tree, with no texts of its own.
            if sub.get_name() != "help" {
                walk(sub, &name, out);
            }
        }
    }

    fn tree(lang: Lang) -> Vec<(String, String)> {
        lang::set_here(lang);
        let mut command = command();
        command.build();
        let mut out = vec![(
            "loi".to_owned(),
            command
                .get_long_about()
                .map(ToString::to_string)
                .unwrap_or_default(),
        )];
        walk(&command, "loi", &mut out);
        lang::set_here(Lang::En);
        out
    }

    #[test]
    fn every_argument_and_command_has_its_help_in_french() {
        let (en, fr) = (tree(Lang::En), tree(Lang::Fr));
        assert_eq!(
            en.iter().map(|e| &e.0).collect::<Vec<_>>(),
            fr.iter().map(|f| &f.0).collect::<Vec<_>>(),
            "the same tree in both languages"
        );
        let missing: Vec<&String> = en
            .iter()
            .zip(&fr)
            .filter(|(e, f)| f.1.is_empty() || e.1 == f.1)
            .map(|(e, _)| &e.0)
            .collect();
        assert!(missing.is_empty(), "no French help: {missing:?}");
        assert!(en.len() > 40, "the whole tree is walked: {}", en.len());
    }

    #[test]
    fn the_french_help_has_clap_words_in_french_and_parses_the_same() {
        lang::set_here(Lang::Fr);
        let mut command = command();
        let help = command.render_long_help().to_string();
        let print = command
            .find_subcommand_mut("print")
            .expect("print")
            .render_help()
            .to_string();
        lang::set_here(Lang::En);
        for word in [
            "Utilisation\u{a0}: loi [OPTIONS] [ARTICLE]... [COMMANDE]",
            "Commandes\u{a0}:",
            "Arguments\u{a0}:",
            "Options\u{a0}:",
            "--mirror <DOSSIER>",
            "[env\u{a0}: LOI_MIRROR=",
            "[valeurs possibles\u{a0}: dark, light]",
            "Affiche l'aide (résumée avec -h)",
            "Affiche la version",
            "Affiche ce message",
            "Codes de retour",
        ] {
            assert!(help.contains(word), "{word:?} not in:\n{help}");
        }
        for english in [
            "Usage",
            "Commands:",
            "Print help",
            "[default",
            "possible values",
        ] {
            assert!(!help.contains(english), "{english:?} in:\n{help}");
            assert!(!print.contains(english), "{english:?} in:\n{print}");
        }
        assert!(print.contains("[défaut\u{a0}: auto]"), "{print}");
        let args =
            |line: &str| -> Vec<std::ffi::OsString> { line.split(' ').map(Into::into).collect() };
        lang::set_here(Lang::Fr);
        let fr = parse(&args(
            "loi --lang fr print --width 30 --color never L6123-1",
        ));
        lang::set_here(Lang::En);
        let en = parse(&args(
            "loi --lang fr print --width 30 --color never L6123-1",
        ));
        assert_eq!(format!("{fr:?}"), format!("{en:?}"));
    }

    #[test]
    fn clap_errors_are_said_in_french() {
        lang::set_here(Lang::Fr);
        let said = |line: &str| {
            let args: Vec<std::ffi::OsString> = line.split(' ').map(Into::into).collect();
            error_text(&parse(&args).expect_err(line))
        };
        let unknown = said("loi --nope");
        assert!(unknown.starts_with("erreur\u{a0}: argument inattendu «\u{a0}--nope\u{a0}»"));
        assert!(unknown.contains("Utilisation\u{a0}: loi"), "{unknown}");
        assert!(
            unknown.contains("essayez «\u{a0}--help\u{a0}»"),
            "{unknown}"
        );
        let value = said("loi --theme blue");
        assert!(
            value.contains("valeur «\u{a0}blue\u{a0}» invalide pour «\u{a0}--theme <THÈME>\u{a0}»")
                && value.contains("dark, light"),
            "{value}"
        );
        let width = said("loi print --width 5 L1");
        assert!(width.contains("5 n'est pas entre 20 et 10000"), "{width}");
        let date = said("loi --date demain");
        assert!(date.contains("AAAA-MM-JJ"), "{date}");
        let missing = said("loi print");
        assert!(
            missing.contains("arguments obligatoires manquent"),
            "{missing}"
        );
        let similar = said("loi print --jsn L1");
        assert!(
            similar.contains("il existe «\u{a0}--json\u{a0}»"),
            "{similar}"
        );
        lang::set_here(Lang::En);
        let english = said("loi --nope");
        assert!(
            english.starts_with("error: unexpected argument '--nope'"),
            "{english}"
        );
    }
}
