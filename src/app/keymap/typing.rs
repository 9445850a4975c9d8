//! The keys of a prompt: one table, [`TYPING`], that reads a key pressed while a
//! prompt is open and lists them in the help, so that the two cannot disagree.

use crossterm::event::{KeyCode, KeyModifiers};

use super::{Binding, Key, bind};
use crate::app::action::Action;

use KeyCode as K;

/// A key with modifiers, as a prompt's table writes `Ctrl-←`.
const fn with(code: KeyCode, mods: KeyModifiers) -> Key {
    Key { code, mods }
}

use crate::app::prompt::Edit as E;

/// The keys of a prompt (go-to, `/`, `s`, `@`), in the order the help lists them:
/// a shell's (readline's emacs keys), so that the hands that edit a command line edit
/// these. Characters not listed are typed in. `↑`/`↓` move in the list of answers, or
/// recall earlier entries when there is none (`App` decides); `Ctrl-P`/`Ctrl-N`
/// always recall, as in fzf.
pub const TYPING: &[Binding] = &[
    bind(&[Key::plain(K::Enter)], "Enter", Action::Activate),
    bind(&[Key::plain(K::Esc)], "Esc", Action::Cancel),
    bind(&[Key::plain(K::Left)], "←", Action::Edit(E::Left)),
    bind(&[Key::ctrl('b')], "Ctrl-B", Action::Edit(E::Left)),
    bind(&[Key::plain(K::Right)], "→", Action::Edit(E::Right)),
    bind(&[Key::ctrl('f')], "Ctrl-F", Action::Edit(E::Right)),
    bind(
        &[Key::alt(K::Char('b'))],
        "Alt-B",
        Action::Edit(E::WordLeft),
    ),
    bind(
        &[with(K::Left, KeyModifiers::CONTROL)],
        "Ctrl-←",
        Action::Edit(E::WordLeft),
    ),
    bind(
        &[Key::alt(K::Char('f'))],
        "Alt-F",
        Action::Edit(E::WordRight),
    ),
    bind(
        &[with(K::Right, KeyModifiers::CONTROL)],
        "Ctrl-→",
        Action::Edit(E::WordRight),
    ),
    bind(&[Key::plain(K::Home)], "Home", Action::Edit(E::Home)),
    bind(&[Key::ctrl('a')], "Ctrl-A", Action::Edit(E::Home)),
    bind(&[Key::plain(K::End)], "End", Action::Edit(E::End)),
    bind(&[Key::ctrl('e')], "Ctrl-E", Action::Edit(E::End)),
    bind(&[Key::plain(K::Backspace)], "Backspace", Action::InputBack),
    bind(&[Key::ctrl('h')], "Ctrl-H", Action::InputBack),
    bind(&[Key::plain(K::Delete)], "Delete", Action::Edit(E::Delete)),
    bind(&[Key::ctrl('w')], "Ctrl-W", Action::Edit(E::KillWordBack)),
    bind(
        &[Key::alt(K::Backspace)],
        "Alt-Backspace",
        Action::Edit(E::KillWordBack),
    ),
    bind(
        &[Key::alt(K::Char('d'))],
        "Alt-D",
        Action::Edit(E::KillWordForward),
    ),
    bind(&[Key::ctrl('u')], "Ctrl-U", Action::Edit(E::KillToStart)),
    bind(&[Key::ctrl('k')], "Ctrl-K", Action::Edit(E::KillToEnd)),
    bind(&[Key::plain(K::Down)], "↓", Action::Down),
    bind(&[Key::plain(K::Tab)], "Tab", Action::Down),
    bind(&[Key::plain(K::Up)], "↑", Action::Up),
    bind(&[Key::plain(K::BackTab)], "Shift-Tab", Action::Up),
    bind(&[Key::ctrl('p')], "Ctrl-P", Action::Edit(E::Older)),
    bind(&[Key::ctrl('n')], "Ctrl-N", Action::Edit(E::Newer)),
    bind(&[Key::alt(K::Char('o'))], "Alt-O", Action::CodeOrder),
    bind(&[Key::alt(K::Char('c'))], "Alt-C", Action::KeepToCode),
    bind(&[Key::plain(K::PageDown)], "PgDn", Action::PageDown),
    bind(&[Key::plain(K::PageUp)], "PgUp", Action::PageUp),
    bind(&[Key::ctrl('c')], "Ctrl-C", Action::Quit),
    bind(&[Key::ctrl('z')], "Ctrl-Z", Action::Suspend),
];

/// How a hint names the key of `action` while a prompt is typed into (the first of
/// [`TYPING`]'s); empty when no key does it there.
pub fn typing_label(action: Action) -> &'static str {
    TYPING
        .iter()
        .find(|b| b.action == action)
        .map_or("", |b| b.label)
}

/// What a key means while a prompt is open: a key of [`TYPING`], else a character
/// typed in (Shift aside; Ctrl or Alt with a character not listed is nothing).
pub fn lookup_typing(key: Key) -> Option<Action> {
    if let Some(b) = TYPING.iter().find(|b| b.keys == [key]) {
        return Some(b.action);
    }
    let plain = key.mods.difference(KeyModifiers::SHIFT).is_empty();
    match key.code {
        KeyCode::Char(c) if plain && !c.is_control() => Some(Action::Input(c)),
        _ => None,
    }
}

/// The help's rows for a prompt: each action of [`TYPING`] once, in table order, with
/// all its keys.
pub fn typing_rows() -> Vec<(Vec<&'static str>, Action)> {
    let mut rows: Vec<(Action, Vec<&'static str>)> = Vec::new();
    for b in TYPING {
        match rows.iter_mut().find(|(a, _)| *a == b.action) {
            Some((_, labels)) => labels.push(b.label),
            None => rows.push((b.action, vec![b.label])),
        }
    }
    rows.into_iter()
        .map(|(action, labels)| (labels, action))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEvent;

    #[test]
    fn a_prompt_reads_a_shells_editing_keys_and_types_the_rest() {
        let ev = |code, mods| Key::from_event(KeyEvent::new(code, mods)).expect("a press");
        let cases = [
            (
                ev(K::Char('a'), KeyModifiers::CONTROL),
                Action::Edit(E::Home),
            ),
            (
                ev(K::Char('e'), KeyModifiers::CONTROL),
                Action::Edit(E::End),
            ),
            (
                ev(K::Char('u'), KeyModifiers::CONTROL),
                Action::Edit(E::KillToStart),
            ),
            (
                ev(K::Char('w'), KeyModifiers::CONTROL),
                Action::Edit(E::KillWordBack),
            ),
            (
                ev(K::Char('k'), KeyModifiers::CONTROL),
                Action::Edit(E::KillToEnd),
            ),
            (
                ev(K::Char('b'), KeyModifiers::ALT),
                Action::Edit(E::WordLeft),
            ),
            (
                ev(K::Char('f'), KeyModifiers::ALT),
                Action::Edit(E::WordRight),
            ),
            (ev(K::Left, KeyModifiers::NONE), Action::Edit(E::Left)),
            (ev(K::Delete, KeyModifiers::NONE), Action::Edit(E::Delete)),
            (ev(K::Backspace, KeyModifiers::NONE), Action::InputBack),
            (
                ev(K::Char('p'), KeyModifiers::CONTROL),
                Action::Edit(E::Older),
            ),
            (ev(K::Char('q'), KeyModifiers::NONE), Action::Input('q')),
            (ev(K::Char('É'), KeyModifiers::SHIFT), Action::Input('É')),
            (ev(K::Char('c'), KeyModifiers::CONTROL), Action::Quit),
        ];
        for (key, action) in cases {
            assert_eq!(lookup_typing(key), Some(action), "{key:?}");
        }
        assert_eq!(
            lookup_typing(Key::ctrl('x')),
            None,
            "Ctrl and a letter not listed"
        );
        // Every key of the table is found as itself, none hidden by another.
        for b in TYPING {
            assert_eq!(lookup_typing(b.keys[0]), Some(b.action), "{}", b.label);
        }
        let rows = typing_rows();
        let home = rows.iter().find(|(_, a)| *a == Action::Edit(E::Home));
        assert_eq!(home.map(|r| r.0.clone()), Some(vec!["Home", "Ctrl-A"]));
    }
}
