//! The reader's language, end to end (issue 20): chosen from the locale as GNU
//! programs read it, from `lang` in config.toml, from `--lang`, in that order of
//! strength reversed; the first screen says it.

use std::path::Path;
use std::time::Duration;

use crate::support::pty::{Key, Pty};

const TIMEOUT: Duration = Duration::from_secs(10);
const FRENCH_HINT: &str = "(+7 lignes)";
const ENGLISH_HINT: &str = "(+7 lines)";

/// The reader on the bundled sample, every locale variable unset but `env`'s.
fn reader(args: &[&str], env: &[(&str, &str)]) -> Pty {
    let mut all: Vec<(&str, &str)> = ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .map(|name| (*name, ""))
        .collect();
    all.extend_from_slice(env);
    Pty::spawn(Path::new(env!("CARGO_BIN_EXE_loi")), args, &all, 80, 24)
}

fn quit(mut p: Pty) {
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn a_french_locale_gets_the_french_reader_and_help() {
    let mut p = reader(&[], &[("LANG", "fr_FR.UTF-8")]);
    p.wait_for(FRENCH_HINT, TIMEOUT);
    p.key(Key::Char('?'));
    let help = p.wait_for("Touches de loi", TIMEOUT);
    assert!(help.contains("Aller au bloc suivant"), "{help}");
    // In the help, q closes it.
    p.key(Key::Char('q'));
    p.wait_for(FRENCH_HINT, TIMEOUT);
    quit(p);
}

#[test]
fn no_locale_or_another_language_gets_english() {
    let mut p = reader(&[], &[]);
    p.wait_for(ENGLISH_HINT, TIMEOUT);
    quit(p);
    let mut p = reader(&[], &[("LANG", "de_DE.UTF-8")]);
    p.wait_for(ENGLISH_HINT, TIMEOUT);
    quit(p);
}

#[test]
fn language_and_lc_all_come_before_lang() {
    let mut p = reader(&[], &[("LANGUAGE", "de:fr"), ("LANG", "C")]);
    p.wait_for(FRENCH_HINT, TIMEOUT);
    quit(p);
    let mut p = reader(&[], &[("LC_ALL", "C.UTF-8"), ("LANG", "fr_FR.UTF-8")]);
    p.wait_for(ENGLISH_HINT, TIMEOUT);
    quit(p);
}

#[test]
fn the_flag_beats_the_config_which_beats_the_locale() {
    let home = tempfile::tempdir().expect("home");
    let config = home.path().join("config");
    std::fs::create_dir_all(config.join("loi")).expect("mkdir");
    std::fs::write(config.join("loi/config.toml"), "lang = \"fr\"\n").expect("config");
    let config = config.to_str().expect("utf-8");
    let mut p = reader(&[], &[("LANG", "C"), ("XDG_CONFIG_HOME", config)]);
    p.wait_for(FRENCH_HINT, TIMEOUT);
    quit(p);
    let mut p = reader(
        &["--lang", "en"],
        &[("LANG", "fr_FR.UTF-8"), ("XDG_CONFIG_HOME", config)],
    );
    p.wait_for(ENGLISH_HINT, TIMEOUT);
    quit(p);
    let mut p = reader(&["--lang=fr"], &[("LANG", "C")]);
    p.wait_for(FRENCH_HINT, TIMEOUT);
    quit(p);
}

#[test]
fn a_language_loi_does_not_speak_in_the_config_is_said_and_dropped() {
    let home = tempfile::tempdir().expect("home");
    let config = home.path().join("config");
    std::fs::create_dir_all(config.join("loi")).expect("mkdir");
    std::fs::write(config.join("loi/config.toml"), "lang = \"de\"\n").expect("config");
    let config = config.to_str().expect("utf-8");
    let mut p = reader(&[], &[("LANG", "fr_FR.UTF-8"), ("XDG_CONFIG_HOME", config)]);
    let screen = p.wait_for("n'est pas une lang", TIMEOUT);
    assert!(screen.contains("config.toml:1"), "{screen}");
    quit(p);
}
