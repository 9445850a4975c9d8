//! `config.toml`: the mirror, the theme, the mouse, hyperlinks, the citation's form and key overrides. A file that
//! cannot be read leaves loi with its defaults and a message naming the file, the line
//! and the problem; one bad entry is warned about and only that entry is dropped. The
//! `[keys]` are kept as written: the keymap (`app::keymap::settings`) reads them, and
//! says which it cannot use.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::lang::Lang;
use crate::trf;

/// What the user set. `None` (or no key overrides) means loi's default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The mirror, when neither `--mirror` nor `LOI_MIRROR` names one.
    pub mirror: Option<PathBuf>,
    /// `dark` or `light`.
    pub theme: Option<String>,
    /// Whether the mouse is used.
    pub mouse: Option<bool>,
    /// Whether the heading and references on screen are OSC 8 hyperlinks (off unless
    /// `true`: mosh strips them, and some terminals show them oddly).
    pub hyperlinks: Option<bool>,
    /// The language of the interface, when neither `--lang` nor the locale's is meant.
    pub lang: Option<Lang>,
    /// How `y` writes a citation: `short` (`C. trav., art. L. 6123-1`) or `long`.
    pub citation: Option<crate::model::article::citation::written::Form>,
    /// `[keys]`: actions bound to other keys, as written.
    pub keys: Vec<KeySetting>,
    /// The file read, to name in a problem with one of its settings.
    pub file: PathBuf,
}

/// One line of `[keys]`: an action's name and the keys given it, as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeySetting {
    pub action: String,
    pub keys: Vec<String>,
    /// Where it is written, from 1.
    pub line: usize,
}

impl KeySetting {
    /// A problem with this setting, on its line of `file`.
    pub fn problem(&self, file: &Path, problem: String) -> Problem {
        Problem {
            file: file.to_owned(),
            line: self.line,
            problem,
        }
    }
}

/// Why `config.toml` was not used, or one of its entries dropped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {problem}", file.display())]
pub struct Problem {
    pub file: PathBuf,
    /// From 1; 0 when the problem is not on a line (the file cannot be read).
    pub line: usize,
    pub problem: String,
}

/// The file as TOML sees it.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(skip_serializing_if = "Option::is_none")]
    mirror: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    theme: Option<toml::Spanned<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mouse: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hyperlinks: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<toml::Spanned<String>>,
    citation: Option<toml::Spanned<String>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    keys: BTreeMap<String, toml::Spanned<Keys>>,
}

/// `"Y"` or `["j", "Down"]`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

/// A `config.toml` past this size is refused unread: a real one is a few lines.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

impl Config {
    /// Reads `file`: no file is no configuration. A file that cannot be used gives the
    /// defaults and the problem; entries that cannot be used are dropped, each with
    /// its problem.
    pub fn load(file: &Path) -> (Config, Vec<Problem>) {
        let refused = |why: String| {
            (
                Config::default(),
                vec![Problem {
                    file: file.to_owned(),
                    line: 0,
                    problem: why,
                }],
            )
        };
        // Never opened unless it is a plain file of a sane size: a FIFO would block
        // the start, a link to /dev/zero would be read for ever.
        match std::fs::metadata(file) {
            Ok(m) if !m.is_file() => {
                return refused(trf!(
                    "is not a plain file: not read",
                    "n'est pas un fichier ordinaire : non lu"
                ));
            }
            Ok(m) if m.len() > MAX_CONFIG_BYTES => {
                let (size, max) = (m.len(), MAX_CONFIG_BYTES);
                return refused(trf!(
                    "is {size} bytes, over the {max} a configuration may have: not read",
                    "fait {size} octets, plus que les {max} permis à une configuration : non lu"
                ));
            }
            _ => {}
        }
        match std::fs::read_to_string(file) {
            Ok(text) => Config::parse(file, &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), vec![]),
            Err(e) => (
                Config::default(),
                vec![Problem {
                    file: file.to_owned(),
                    line: 0,
                    problem: trf!("cannot be read ({e})", "ne peut pas être lu ({e})"),
                }],
            ),
        }
    }

    /// Reads the text of `file` (named in the problems).
    pub fn parse(file: &Path, text: &str) -> (Config, Vec<Problem>) {
        let problem = |span: Option<std::ops::Range<usize>>, problem: String| Problem {
            file: file.to_owned(),
            line: span.map_or(0, |s| line_of(text, s.start)),
            problem,
        };
        // A setting loi does not know is dropped with its line, and the rest read
        // again (blanked, not removed, so that lines and offsets stay the same).
        let mut problems = Vec::new();
        let mut kept = text.to_owned();
        let raw: Raw = loop {
            match toml::from_str(&kept) {
                Ok(raw) => break raw,
                Err(e) => {
                    let what = e.message().trim().to_owned();
                    let unknown = what.starts_with("unknown field");
                    // A value of the wrong kind (`mouse = "yes"`, `down = 5`) is one
                    // entry loi cannot use, not a file it cannot read: that entry goes.
                    let wrong = what.starts_with("invalid type")
                        || what.starts_with("invalid value")
                        || what.contains("did not match any variant");
                    let entry = (unknown || wrong) && problems.len() < 20;
                    match e.span().filter(|_| entry) {
                        Some(span) => {
                            let start = kept[..span.start].rfind('\n').map_or(0, |i| i + 1);
                            let end = kept[span.start..]
                                .find('\n')
                                .map_or(kept.len(), |i| span.start + i);
                            kept.replace_range(start..end, &" ".repeat(end - start));
                            let why = if unknown {
                                trf!(
                                    "{what} (ignored: the settings are mirror, theme, mouse, hyperlinks, lang, citation and [keys])",
                                    "{what} (ignoré : les réglages sont mirror, theme, mouse, hyperlinks, lang, citation et [keys])"
                                )
                            } else {
                                trf!(
                                    "{what} (this entry ignored, the others kept)",
                                    "{what} (cette entrée ignorée, les autres gardées)"
                                )
                            };
                            problems.push(problem(Some(span), why));
                        }
                        None => {
                            problems.push(problem(e.span(), what));
                            return (Config::default(), problems);
                        }
                    }
                }
            }
        };
        let theme = raw.theme.and_then(|t| {
            let span = t.span();
            let name = t.into_inner();
            if matches!(name.as_str(), "dark" | "light") {
                Some(name)
            } else {
                let why = trf!(
                    "theme {name:?} is not one loi has: write \"dark\" or \"light\"",
                    "theme « {name} » n'est pas un thème de loi : écrivez \"dark\" ou \"light\""
                );
                problems.push(problem(Some(span), why));
                None
            }
        });
        let lang = raw.lang.and_then(|l| {
            let span = l.span();
            let name = l.into_inner();
            let lang = Lang::parse(&name);
            if lang.is_none() {
                let why = trf!(
                    "lang {name:?} is not one loi speaks: write \"fr\" or \"en\"",
                    "lang « {name} » n'est pas une langue de loi : écrivez \"fr\" ou \"en\""
                );
                problems.push(problem(Some(span), why));
            }
            lang
        });
        let citation = raw.citation.and_then(|c| {
            use crate::model::article::citation::written::Form;
            let span = c.span();
            let name = c.into_inner();
            let form = Form::named(&name);
            if form.is_none() {
                let why = trf!(
                    "citation {name:?} is not a form loi has: write \"short\" or \"long\"",
                    "citation « {name} » n'est pas une forme de loi : écrivez \"short\" ou \"long\""
                );
                problems.push(problem(Some(span), why));
            }
            form
        });
        let keys = raw
            .keys
            .into_iter()
            .map(|(action, list)| KeySetting {
                action,
                line: line_of(text, list.span().start),
                keys: match list.into_inner() {
                    Keys::One(one) => vec![one],
                    Keys::Many(many) => many,
                },
            })
            .collect();
        let config = Config {
            mirror: raw.mirror,
            theme,
            mouse: raw.mouse,
            hyperlinks: raw.hyperlinks,
            lang,
            citation,
            keys,
            file: file.to_owned(),
        };
        problems.sort_by_key(|p| p.line);
        (config, problems)
    }

    /// The configuration as `config.toml` text, which reads back as the same.
    pub fn to_toml(&self) -> String {
        let raw = Raw {
            mirror: self.mirror.clone(),
            theme: self.theme.clone().map(|t| toml::Spanned::new(0..0, t)),
            mouse: self.mouse,
            hyperlinks: self.hyperlinks,
            lang: self
                .lang
                .map(|l| toml::Spanned::new(0..0, l.code().to_owned())),
            citation: self.citation.map(|form| {
                let name = match form {
                    crate::model::article::citation::written::Form::Short => "short",
                    crate::model::article::citation::written::Form::Long => "long",
                };
                toml::Spanned::new(0..0, name.to_owned())
            }),
            keys: self
                .keys
                .iter()
                .map(|k| {
                    let keys = Keys::Many(k.keys.clone());
                    (k.action.clone(), toml::Spanned::new(0..0, keys))
                })
                .collect(),
        };
        toml::to_string(&raw).unwrap_or_default()
    }

    /// The theme to ask for: `flag` (--theme), else none when LOI_THEME is set (the
    /// environment wins over the file), else `theme` of this file.
    pub fn theme_choice(&self, flag: Option<&str>, env_set: bool) -> Option<String> {
        match (flag, env_set) {
            (Some(flag), _) => Some(flag.to_owned()),
            (None, true) => None,
            (None, false) => self.theme.clone(),
        }
    }

    /// Whether the reader's heading and references are hyperlinks: `hyperlinks = true`.
    pub fn hyperlinks(&self) -> bool {
        self.hyperlinks == Some(true)
    }

    /// Whether loi takes the mouse: not with --no-mouse, nor with `mouse = false`.
    pub fn mouse(&self, no_mouse_flag: bool) -> bool {
        !no_mouse_flag && self.mouse != Some(false)
    }
}

/// The line, from 1, of byte `at` of `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "/home/u/.config/loi/config.toml";

    fn parse(text: &str) -> (Config, Vec<Problem>) {
        Config::parse(Path::new(FILE), text)
    }

    #[test]
    fn a_config_reads_back_as_written() {
        let text = r#"
mirror = "/srv/legi"
theme = "light"
mouse = false

[keys]
down = ["j", "Down"]
copy-text = "Ctrl-y"
"#;
        let (config, problems) = parse(text);
        assert_eq!(problems, []);
        assert_eq!(config.mirror, Some(PathBuf::from("/srv/legi")));
        assert_eq!(config.theme.as_deref(), Some("light"));
        assert_eq!(config.mouse, Some(false));
        let written: Vec<(&str, Vec<&str>, usize)> = config
            .keys
            .iter()
            .map(|k| {
                (
                    k.action.as_str(),
                    k.keys.iter().map(String::as_str).collect(),
                    k.line,
                )
            })
            .collect();
        assert_eq!(
            written,
            [
                ("copy-text", vec!["Ctrl-y"], 8),
                ("down", vec!["j", "Down"], 7)
            ]
        );
        let (again, problems) = parse(&config.to_toml());
        assert_eq!(problems, []);
        let (mut a, mut b) = (again.clone(), config.clone());
        a.keys
            .iter_mut()
            .chain(b.keys.iter_mut())
            .for_each(|k| k.line = 0);
        assert_eq!(a, b, "{}", config.to_toml());
    }

    /// `hyperlinks` is off unless `true`; a value that is no boolean is dropped with
    /// its line, the rest kept; written back as read.
    #[test]
    fn hyperlinks_are_off_unless_asked() {
        assert!(!parse("").0.hyperlinks());
        assert!(!parse("hyperlinks = false\n").0.hyperlinks());
        let (config, problems) = parse("mouse = false\nhyperlinks = true\n");
        assert_eq!(problems, []);
        assert!(config.hyperlinks());
        assert_eq!(parse(&config.to_toml()).0, config);
        let (config, problems) = parse("hyperlinks = \"yes\"\nmouse = false\n");
        assert!(!config.hyperlinks());
        assert_eq!(config.mouse, Some(false));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 1);
    }

    /// `citation` chooses how `y` writes: short or long, anything else dropped with
    /// its line, the other settings kept; written back as read.
    #[test]
    fn citation_is_short_or_long() {
        use crate::model::article::citation::written::Form;
        let (config, problems) = parse("citation = \"long\"\n");
        assert_eq!((config.citation, problems), (Some(Form::Long), vec![]));
        assert_eq!(parse(&config.to_toml()).0.citation, Some(Form::Long));
        let (config, problems) = parse("mouse = false\ncitation = \"court\"\n");
        assert_eq!((config.citation, config.mouse), (None, Some(false)));
        let [p] = problems.as_slice() else {
            panic!("{problems:?}")
        };
        assert_eq!(p.line, 2);
        assert!(p.problem.contains("\"short\" or \"long\""), "{p}");
        assert_eq!(parse("").0.citation.unwrap_or_default(), Form::Short);
    }

    #[test]
    fn an_empty_or_missing_file_is_the_defaults() {
        let none = Config {
            file: PathBuf::from(FILE),
            ..Config::default()
        };
        assert_eq!(parse(""), (none, vec![]));
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(
            Config::load(&dir.path().join("config.toml")),
            (Config::default(), vec![])
        );
    }

    #[test]
    fn a_broken_file_names_file_line_and_problem_and_gives_the_defaults() {
        let (config, problems) = parse("theme = \"dark\"\nmouse = tru\n");
        assert_eq!(config, Config::default());
        let [p] = problems.as_slice() else {
            panic!("one problem: {problems:?}")
        };
        assert_eq!(p.line, 2);
        let message = p.to_string();
        assert!(message.starts_with(&format!("{FILE}:2: ")), "{message}");
        assert!(message.len() > FILE.len() + 5, "{message}");

        let (_, problems) = parse("mirorr = \"/x\"\n");
        assert_eq!(problems[0].line, 1);
        assert!(problems[0].problem.contains("mirorr"), "{:?}", problems[0]);
    }

    #[test]
    fn an_unknown_setting_is_dropped_and_the_rest_kept() {
        let (config, problems) =
            parse("theme = \"light\"\ncolour = 3\nmirror = \"/m\"\nzoom = [1,\n  2]\n");
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        // The second unknown setting spans two lines: blanking its first leaves a
        // file TOML cannot read (line 5), which then gives the defaults.
        assert_eq!(lines, [2, 4, 5], "{problems:?}");
        assert!(problems[0].problem.contains("colour"), "{problems:?}");
        assert_eq!(config, Config::default());
        let (config, problems) = parse("theme = \"light\"\ncolour = 3\nmirror = \"/m\"\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 2);
        assert_eq!(config.theme.as_deref(), Some("light"));
        assert_eq!(config.mirror, Some(PathBuf::from("/m")));
    }

    #[test]
    fn a_bad_entry_is_dropped_and_the_rest_kept() {
        let text = "theme = \"blue\"\nmirror = \"/m\"\n[keys]\nup = \"i\"\n";
        let (config, problems) = parse(text);
        assert_eq!(config.mirror, Some(PathBuf::from("/m")));
        assert_eq!(config.theme, None);
        assert_eq!(config.keys.len(), 1, "up is kept");
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1], "{problems:?}");
        assert!(problems[0].problem.contains("\"dark\" or \"light\""));
    }

    #[test]
    fn the_flag_then_the_environment_then_the_file_choose_theme_and_mouse() {
        let (file, _) = Config::parse(Path::new("c.toml"), "theme = \"light\"\nmouse = false\n");
        assert_eq!(
            file.theme_choice(Some("dark"), true).as_deref(),
            Some("dark")
        );
        assert_eq!(file.theme_choice(None, true), None, "LOI_THEME decides");
        assert_eq!(file.theme_choice(None, false).as_deref(), Some("light"));
        assert_eq!(Config::default().theme_choice(None, false), None);
        assert!(!file.mouse(false), "mouse = false");
        assert!(Config::default().mouse(false));
        assert!(!Config::default().mouse(true), "--no-mouse");
    }

    #[test]
    fn a_value_of_the_wrong_kind_drops_its_entry_and_keeps_the_others() {
        let text = "mirror = \"/srv/legi\"\nmouse = \"yes\"\ntheme = \"light\"\n[keys]\ndown = 5\nup = \"K\"\n";
        let (config, problems) = parse(text);
        assert_eq!(config.mirror.as_deref(), Some(Path::new("/srv/legi")));
        assert_eq!(config.theme.as_deref(), Some("light"));
        assert_eq!(config.mouse, None);
        let actions: Vec<&str> = config.keys.iter().map(|k| k.action.as_str()).collect();
        assert_eq!(actions, ["up"]);
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [2, 5], "{problems:?}");
        assert!(
            problems[0].problem.contains("the others kept"),
            "{problems:?}"
        );
        // A file TOML cannot read at all is still refused whole, with its line.
        let (config, problems) = parse("mirror = \"/srv\nmouse = true\n");
        assert!(config.mirror.is_none() && config.mouse.is_none());
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn a_special_or_huge_file_is_never_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("fifo.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        // Read, a FIFO with no writer would block for ever: this returns at once.
        let (config, problems) = Config::load(&fifo);
        assert!(config.mirror.is_none());
        assert!(
            problems[0].problem.contains("not a plain file"),
            "{problems:?}"
        );
        let zero = dir.path().join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
        let (_, problems) = Config::load(&zero);
        assert!(
            problems[0].problem.contains("not a plain file"),
            "{problems:?}"
        );
        let big = dir.path().join("big.toml");
        let mut text = "mirror = \"/srv\"\n".to_owned();
        text.push_str(&"# ".repeat(600_000));
        std::fs::write(&big, text).expect("write");
        let (config, problems) = Config::load(&big);
        assert!(config.mirror.is_none());
        assert!(problems[0].problem.contains("over the"), "{problems:?}");
    }
}
