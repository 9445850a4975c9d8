//! The command line in the language chosen (issue 20): French when the locale says
//! French, English otherwise; `--lang` beats config.toml, which beats the locale.

use std::process::Output;

/// `loi ARGS` with only the locale variables of `env` set (the developer's own
/// removed), its config.toml in `config` when given.
fn loi(args: &[&str], env: &[(&str, &str)], config: Option<&str>) -> Output {
    let home = tempfile::tempdir().expect("home");
    if let Some(text) = config {
        let dir = home.path().join("config/loi");
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join("config.toml"), text).expect("config.toml");
    }
    let mut command = crate::support::loi();
    for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "LOI_MIRROR"] {
        command.env_remove(name);
    }
    command
        .args(args)
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .envs(env.iter().copied())
        .output()
        .expect("run loi")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

const FR: &[(&str, &str)] = &[("LANG", "fr_FR.UTF-8")];
const C: &[(&str, &str)] = &[("LANG", "C")];

#[test]
fn help_is_french_under_a_french_locale_and_english_under_c() {
    let fr = loi(&["--help"], FR, None);
    assert_eq!(fr.status.code(), Some(0));
    let fr = text(&fr);
    for word in [
        "Lire les codes juridiques",
        "Utilisation\u{a0}: loi [OPTIONS] [ARTICLE]... [COMMANDE]",
        "Commandes\u{a0}:",
        "Options\u{a0}:",
        "Affiche la version",
        "Codes de retour",
    ] {
        assert!(fr.contains(word), "{word:?} not in:\n{fr}");
    }
    assert!(!fr.contains("Usage") && !fr.contains("Print help"), "{fr}");
    let en = text(&loi(&["--help"], C, None));
    assert!(
        en.contains("Usage: loi") && en.contains("Commands:"),
        "{en}"
    );
    assert!(!en.contains("Utilisation"), "{en}");

    let print = text(&loi(&["print", "--help"], FR, None));
    assert!(
        print.contains("Utilisation\u{a0}: loi print [OPTIONS] <ARTICLE>...")
            && print.contains("--width <N>")
            && print.contains("--date <AAAA-MM-JJ>")
            && print.contains("[défaut\u{a0}: auto]"),
        "{print}"
    );
}

#[test]
fn command_line_mistakes_are_said_in_french_with_the_same_exit_code() {
    let fr = loi(&["--nope"], FR, None);
    assert_eq!(fr.status.code(), Some(2));
    let said = String::from_utf8_lossy(&fr.stderr);
    assert!(
        said.starts_with("erreur\u{a0}: argument inattendu «\u{a0}--nope\u{a0}»"),
        "{said}"
    );
    assert!(said.contains("essayez «\u{a0}--help\u{a0}»"), "{said}");
    let en = loi(&["--nope"], C, None);
    assert_eq!(en.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&en.stderr).starts_with("error: unexpected argument"));
    // An escape sequence in the argument is cleaned out in French too.
    let hostile = loi(&["--\x1b]0;pwned\x07"], FR, None);
    assert!(!String::from_utf8_lossy(&hostile.stderr).contains('\x1b'));
}

#[test]
fn print_speaks_french_its_errors_and_its_words() {
    let missing = loi(&["print", "L9999-9"], FR, None);
    assert_eq!(missing.status.code(), Some(2));
    let said = String::from_utf8_lossy(&missing.stderr);
    assert!(said.contains("pas d'article L9999-9"), "{said}");
    let missing = loi(&["print", "L9999-9"], C, None);
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no article L9999-9"));

    let fr = loi(&["print", "--width", "80", "L6123-1"], FR, None);
    assert_eq!(fr.status.code(), Some(0));
    let fr = String::from_utf8_lossy(&fr.stdout);
    assert!(
        fr.contains("\nRenvois\n") && !fr.contains("References"),
        "{fr}"
    );
    let en = loi(&["print", "--width", "80", "L6123-1"], C, None);
    assert!(String::from_utf8_lossy(&en.stdout).contains("\nReferences\n"));

    let folded = loi(&["print", "--folded", "--width", "60", "D313-14"], FR, None);
    let folded = String::from_utf8_lossy(&folded.stdout);
    assert!(
        folded.contains(" lignes)") || folded.contains(" ligne)"),
        "{folded}"
    );
}

#[test]
fn lang_beats_the_locale_and_config_toml_beats_it_too() {
    let en = text(&loi(&["--lang", "en", "--help"], FR, None));
    assert!(
        en.contains("Usage: loi"),
        "--lang en beats a French LANG:\n{en}"
    );
    let fr = text(&loi(&["--lang=fr", "--help"], C, None));
    assert!(fr.contains("Utilisation"), "--lang fr beats LANG=C:\n{fr}");
    let config = text(&loi(&["--help"], C, Some("lang = \"fr\"\n")));
    assert!(
        config.contains("Utilisation"),
        "lang in config.toml:\n{config}"
    );
    let both = text(&loi(
        &["--lang", "en", "--help"],
        C,
        Some("lang = \"fr\"\n"),
    ));
    assert!(
        both.contains("Usage: loi"),
        "--lang beats config.toml:\n{both}"
    );
    // LANGUAGE, a list, comes before LANG.
    let list = text(&loi(
        &["--help"],
        &[("LANGUAGE", "de:fr"), ("LANG", "C")],
        None,
    ));
    assert!(list.contains("Utilisation"), "{list}");
}

#[test]
fn paths_and_links_speak_french() {
    let paths = text(&loi(&["--paths"], FR, None));
    assert!(paths.starts_with("configuration\t"), "{paths}");
    let links = text(&loi(&["links", "D313-14"], FR, None));
    assert!(
        links.contains("renvois\u{a0}:") && links.contains("trouvés"),
        "{links}"
    );
}
