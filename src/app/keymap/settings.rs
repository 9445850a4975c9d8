//! The `[keys]` of `config.toml` read into the keymap: each setting's action and keys
//! checked, and a problem, on the setting's line, for one that cannot be used (which is
//! then left out, the others kept).

use super::{Keymap, Override, parse_keys};
use crate::app::action::Action;
use crate::saved::config::{Config, Problem};
use crate::{tr, trf};

/// The keys in effect with `config`'s overrides, and the problems of those it drops.
pub fn keymap(config: &Config) -> (Keymap, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut overrides: Vec<Override> = Vec::new();
    for setting in &config.keys {
        let name = &setting.action;
        let Some(action) = Action::from_name(name) else {
            problems.push(setting.problem(
                &config.file,
                trf!(
                    "no action is called {name:?} (the names are in README.md: down, copy-text…)",
                    "aucune action ne s'appelle « {name} » (les noms sont dans README.md : down, copy-text…)"
                ),
            ));
            continue;
        };
        let parsed: Result<Vec<_>, String> = setting
            .keys
            .iter()
            .map(|label| parse_keys(label).map(|k| (label.clone(), k)))
            .collect();
        match parsed {
            Ok(bound) if bound.is_empty() && action == Action::Quit => {
                problems.push(
                    setting.problem(
                        &config.file,
                        tr!(
                            "quit cannot be left without a key: Ctrl-C still quits",
                            "quit ne peut rester sans touche : Ctrl-C quitte toujours"
                        )
                        .to_owned(),
                    ),
                );
                overrides.push((action, bound));
            }
            Ok(bound) => overrides.push((action, bound)),
            Err(why) => problems.push(setting.problem(
                &config.file,
                trf!(
                    "{why} for {name} (write j, G, Down, PgDn, Ctrl-d, Alt-Left, zR…)",
                    "{why} pour {name} (écrivez j, G, Down, PgDn, Ctrl-d, Alt-Left, zR…)"
                ),
            )),
        }
    }
    problems.sort_by_key(|p| p.line);
    (Keymap::with_overrides(&overrides), problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::{Key, Lookup};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use std::path::Path;

    fn read(text: &str) -> (Keymap, Vec<Problem>) {
        let (config, problems) = Config::parse(Path::new("/home/u/.config/loi/config.toml"), text);
        assert_eq!(problems, [], "the file itself reads");
        keymap(&config)
    }

    fn press(map: &Keymap, event: KeyEvent) -> Lookup {
        map.lookup(&[], Key::from_event(event).expect("press"))
    }

    #[test]
    fn a_key_setting_binds_its_action() {
        let (map, problems) = read("[keys]\ndown = [\"j\", \"Down\"]\ncopy-text = \"Ctrl-y\"\n");
        assert_eq!(problems, []);
        assert_eq!(
            press(
                &map,
                KeyEvent::new(KeyCode::Char('y'), KeyModifiers::CONTROL)
            ),
            Lookup::Action(Action::CopyText)
        );
    }

    #[test]
    fn a_bad_key_setting_is_dropped_on_its_line_and_the_rest_kept() {
        let (map, problems) =
            read("mirror = \"/m\"\n[keys]\nfly = \"x\"\ndown = \"Ctrl-Nope\"\nup = \"i\"\n");
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [3, 4], "in the file's order: {problems:?}");
        assert!(problems[0].problem.contains("fly"));
        assert!(problems[1].problem.contains("Ctrl-Nope"));
        assert!(
            problems[1]
                .to_string()
                .starts_with("/home/u/.config/loi/config.toml:4: ")
        );
        assert_eq!(
            press(&map, KeyEvent::from(KeyCode::Char('j'))),
            Lookup::Action(Action::Down),
            "down keeps its keys"
        );
        assert_eq!(
            press(&map, KeyEvent::from(KeyCode::Char('i'))),
            Lookup::Action(Action::Up),
            "up is kept"
        );
    }

    #[test]
    fn quit_without_a_key_is_said_and_ctrl_c_quits() {
        let (map, problems) = read("[keys]\nquit = []\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].problem.contains("Ctrl-C"));
        assert_eq!(
            press(
                &map,
                KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Lookup::Action(Action::Quit)
        );
    }
}
