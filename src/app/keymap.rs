//! The keys: one table that both reads key presses into actions and builds the help
//! screen, so the two cannot disagree. [`BINDINGS`] holds the defaults; a [`Keymap`]
//! is them with the user's overrides from `config.toml`, parsed by [`parse_keys`].

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::action::Action;

pub(crate) mod names;
pub mod settings;
mod typing;
pub use names::parse_keys;
pub use typing::{TYPING, lookup_typing, typing_label, typing_rows};

/// A key press as the table knows it: a key code and its modifiers (Shift is folded
/// into characters, so `G` is just `'G'`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub(crate) const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    pub(crate) const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub(crate) const fn alt(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::ALT,
        }
    }

    /// Ctrl and a letter, as `config.toml` writes `Ctrl-e`.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// The table's form of a crossterm key event; `None` for releases and repeats of
    /// kinds the reader ignores.
    pub fn from_event(event: KeyEvent) -> Option<Key> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let mut mods = event.modifiers;
        if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Some(Key {
            code: event.code,
            mods,
        })
    }
}

/// One line of the table: the keys to press in order, how the help writes them, and
/// what they do.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    pub label: &'static str,
    pub action: Action,
}

pub(crate) const fn bind(keys: &'static [Key], label: &'static str, action: Action) -> Binding {
    Binding {
        keys,
        label,
        action,
    }
}

use KeyCode as K;

/// Every key of the reader, in the order the help lists them.
pub const BINDINGS: &[Binding] = &[
    bind(&[Key::ch('j')], "j", Action::Down),
    bind(&[Key::plain(K::Down)], "↓", Action::Down),
    bind(&[Key::ch('k')], "k", Action::Up),
    bind(&[Key::plain(K::Up)], "↑", Action::Up),
    bind(&[Key::ctrl('e')], "Ctrl-E", Action::LineDown),
    bind(&[Key::ctrl('y')], "Ctrl-Y", Action::LineUp),
    bind(&[Key::ch(' ')], "Space", Action::PageDown),
    bind(&[Key::plain(K::PageDown)], "PgDn", Action::PageDown),
    bind(&[Key::ch('b')], "b", Action::PageUp),
    bind(&[Key::plain(K::PageUp)], "PgUp", Action::PageUp),
    bind(&[Key::plain(K::Home)], "Home", Action::Top),
    bind(&[Key::ch('<')], "<", Action::Top),
    bind(&[Key::ch('G')], "G", Action::Bottom),
    bind(&[Key::plain(K::End)], "End", Action::Bottom),
    bind(&[Key::ch('>')], ">", Action::Bottom),
    bind(&[Key::plain(K::Right)], "→", Action::Unfold),
    bind(&[Key::ch('l')], "l", Action::Unfold),
    bind(&[Key::plain(K::Left)], "←", Action::FoldOrParent),
    bind(&[Key::ch('h')], "h", Action::FoldOrParent),
    bind(&[Key::plain(K::Enter)], "Enter", Action::Activate),
    bind(&[Key::ch('z'), Key::ch('R')], "zR", Action::UnfoldAll),
    bind(&[Key::ch('+')], "+", Action::UnfoldAll),
    bind(&[Key::ch('z'), Key::ch('M')], "zM", Action::FoldAll),
    bind(&[Key::ch('-')], "-", Action::FoldAll),
    bind(&[Key::plain(K::Tab)], "Tab", Action::NextReference),
    bind(
        &[Key::plain(K::BackTab)],
        "Shift-Tab",
        Action::PrevReference,
    ),
    bind(&[Key::ch('K')], "K", Action::Peek),
    bind(&[Key::plain(K::Backspace)], "Backspace", Action::Back),
    bind(&[Key::alt(K::Left)], "Alt-←", Action::Back),
    bind(&[Key::alt(K::Right)], "Alt-→", Action::Forward),
    bind(&[Key::ch('o')], "o", Action::OpenInBrowser),
    bind(&[Key::ch('y')], "y", Action::Copy),
    bind(&[Key::ch('Y')], "Y", Action::CopyText),
    bind(&[Key::ch('m')], "m", Action::Bookmark),
    bind(&[Key::ch('\'')], "'", Action::Bookmarks),
    bind(&[Key::ch('H')], "H", Action::ReadHistory),
    bind(&[Key::ch('D')], "D", Action::Dossier),
    bind(&[Key::ch('d')], "d", Action::Delete),
    bind(&[Key::ch('t')], "t", Action::Contents),
    // Lynx's key for its main screen (`m`, its other one, is vim's mark here).
    bind(&[Key::ch('M')], "M", Action::Home),
    bind(&[Key::ch('c')], "c", Action::CitedBy),
    bind(&[Key::ch('V')], "V", Action::Versions),
    bind(&[Key::ch('i')], "i", Action::Changes),
    bind(&[Key::ch('=')], "=", Action::Compare),
    bind(&[Key::ch('@')], "@", Action::ReadAt),
    bind(&[Key::ch(']')], "]", Action::NextArticle),
    bind(&[Key::ch('[')], "[", Action::PrevArticle),
    bind(&[Key::ch('g')], "g", Action::GoTo),
    bind(&[Key::ch(':')], ":", Action::GoTo),
    bind(&[Key::ch('/')], "/", Action::Find),
    bind(&[Key::ch('n')], "n", Action::NextMatch),
    bind(&[Key::ch('N')], "N", Action::PrevMatch),
    bind(&[Key::ch('s')], "s", Action::SearchMirror),
    // Vimium's keys for its link hints (`f` was a page down, as in less: Space and
    // PgDn remain).
    bind(&[Key::ch('f')], "f", Action::FollowHint),
    bind(&[Key::ch('F')], "F", Action::PeekHint),
    bind(&[Key::ch('?')], "?", Action::Help),
    bind(&[Key::plain(K::Esc)], "Esc", Action::Cancel),
    bind(&[Key::ch('q')], "q", Action::Quit),
    bind(&[Key::ctrl('c')], "Ctrl-C", Action::Quit),
    bind(&[Key::ctrl('z')], "Ctrl-Z", Action::Suspend),
];

/// What a key means after the keys already pending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    /// The keys so far make this action.
    Action(Action),
    /// The keys so far start a longer binding (`z` of `zR`): wait for the next.
    Pending,
    /// Nothing is bound to these keys.
    Unbound,
}

/// An action bound to other keys than its own: each key's label and keys
/// (`("zR", [z, R])`), as `config.toml` names them.
pub type Override = (Action, Vec<(String, Vec<Key>)>);

/// The keys in effect: the defaults with the user's overrides. A value the app holds;
/// reading a key with it is a pure look-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bound: Vec<Bound>,
}

/// One binding of a [`Keymap`]: keys in order, how the help writes them, the action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    pub keys: Vec<Key>,
    pub label: String,
    pub action: Action,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bound: BINDINGS
                .iter()
                .map(|b| Bound {
                    keys: b.keys.to_vec(),
                    label: b.label.to_owned(),
                    action: b.action,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// The defaults, with each action named in `overrides` bound to exactly the keys
    /// given (label, keys) instead of its own. The keys given are taken from whatever
    /// they did before (and a sequence they start, or that starts them, is dropped,
    /// since it could no longer be typed); every other key keeps its meaning.
    pub fn with_overrides(overrides: &[Override]) -> Keymap {
        let mut map = Keymap::default();
        for (action, keys) in overrides {
            let at = map.bound.iter().position(|b| b.action == *action);
            map.bound.retain(|b| b.action != *action);
            let clashes = |b: &Bound| {
                keys.iter()
                    .any(|(_, k)| b.keys.starts_with(k) || k.starts_with(&b.keys))
            };
            map.bound.retain(|b| !clashes(b));
            let at = at.unwrap_or(map.bound.len()).min(map.bound.len());
            let new = keys.iter().map(|(label, keys)| Bound {
                keys: keys.clone(),
                label: label.clone(),
                action: *action,
            });
            map.bound.splice(at..at, new);
        }
        // There is always a way out: with no key left to quit (`quit = []`, or its
        // keys given to other actions), Ctrl-C quits, whatever it was given to.
        if !map.bound.iter().any(|b| b.action == Action::Quit) {
            let ctrl_c = vec![Key::ctrl('c')];
            map.bound
                .retain(|b| !b.keys.starts_with(&ctrl_c) && !ctrl_c.starts_with(&b.keys));
            map.bound.push(Bound {
                keys: ctrl_c,
                label: "Ctrl-C".to_owned(),
                action: Action::Quit,
            });
        }
        map
    }

    pub fn bindings(&self) -> &[Bound] {
        &self.bound
    }

    /// Reads `key`, pressed after `pending`, against the map. Pure.
    pub fn lookup(&self, pending: &[Key], key: Key) -> Lookup {
        let typed: Vec<Key> = pending.iter().copied().chain([key]).collect();
        if let Some(b) = self.bound.iter().find(|b| b.keys == typed) {
            return Lookup::Action(b.action);
        }
        if self.bound.iter().any(|b| b.keys.starts_with(&typed)) {
            return Lookup::Pending;
        }
        Lookup::Unbound
    }

    /// How the first key bound to `action` is written, if any is.
    pub fn label_of(&self, action: Action) -> Option<&str> {
        self.bound
            .iter()
            .find(|b| b.action == action)
            .map(|b| b.label.as_str())
    }

    /// How each key bound to `action` is written, in table order.
    pub fn labels_of(&self, action: Action) -> impl Iterator<Item = &str> {
        self.bound
            .iter()
            .filter(move |b| b.action == action)
            .map(|b| b.label.as_str())
    }

    /// The help screen's rows: each action once, in table order, with all its keys.
    pub fn help_rows(&self) -> Vec<(Vec<&str>, Action)> {
        let mut rows: Vec<(Action, Vec<&str>)> = Vec::new();
        for b in &self.bound {
            match rows.iter_mut().find(|(a, _)| *a == b.action) {
                Some((_, labels)) => labels.push(&b.label),
                None => rows.push((b.action, vec![&b.label])),
            }
        }
        rows.into_iter()
            .map(|(action, labels)| (labels, action))
            .collect()
    }
}

/// Reads `key`, pressed after `pending`, against the default keys. Pure.
pub fn lookup(pending: &[Key], key: Key) -> Lookup {
    Keymap::default().lookup(pending, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_keys_and_sequences() {
        assert_eq!(lookup(&[], Key::ch('j')), Lookup::Action(Action::Down));
        assert_eq!(lookup(&[], Key::ch('z')), Lookup::Pending);
        assert_eq!(
            lookup(&[Key::ch('z')], Key::ch('R')),
            Lookup::Action(Action::UnfoldAll)
        );
        assert_eq!(lookup(&[Key::ch('z')], Key::ch('x')), Lookup::Unbound);
        assert_eq!(lookup(&[], Key::ch('Q')), Lookup::Unbound);
    }

    #[test]
    fn shift_is_part_of_the_character() {
        let g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        let key = Key::from_event(g).expect("a press");
        assert_eq!(lookup(&[], key), Lookup::Action(Action::Bottom));
        let back = KeyEvent::new(KeyCode::Left, KeyModifiers::ALT);
        assert_eq!(
            lookup(&[], Key::from_event(back).expect("press")),
            Lookup::Action(Action::Back)
        );
    }

    #[test]
    fn help_lists_every_bound_action_once_with_all_its_keys() {
        let map = Keymap::default();
        let rows = map.help_rows();
        let down = rows.iter().find(|(_, d)| *d == Action::Down).expect("Down");
        assert_eq!(down.0, ["j", "↓"]);
        let actions: Vec<Action> = rows.iter().map(|(_, a)| *a).collect();
        let mut unique = actions.clone();
        unique.dedup();
        assert_eq!(actions.len(), unique.len());
        assert!(rows.iter().all(|(keys, _)| !keys.is_empty()));
        assert_eq!(
            rows.len(),
            BINDINGS
                .iter()
                .map(|b| b.action)
                .fold(Vec::new(), |mut v, a| {
                    if !v.contains(&a) {
                        v.push(a);
                    }
                    v
                })
                .len()
        );
    }

    #[test]
    fn no_binding_hides_another() {
        for a in BINDINGS {
            for b in BINDINGS {
                if !std::ptr::eq(a, b) {
                    assert!(!b.keys.starts_with(a.keys), "{} hides {}", a.label, b.label);
                }
            }
        }
    }

    #[test]
    fn quit_always_keeps_a_key() {
        let keys = |s: &str| (s.to_owned(), parse_keys(s).expect("keys"));
        let none = Keymap::with_overrides(&[(Action::Quit, vec![])]);
        assert_eq!(
            none.lookup(&[], Key::ctrl('c')),
            Lookup::Action(Action::Quit)
        );
        assert_eq!(none.lookup(&[], Key::ch('q')), Lookup::Unbound);
        // Its keys taken by other actions: Ctrl-C is taken back.
        let taken = Keymap::with_overrides(&[
            (Action::Bookmark, vec![keys("q")]),
            (Action::Help, vec![keys("Ctrl-c")]),
        ]);
        assert_eq!(
            taken.lookup(&[], Key::ctrl('c')),
            Lookup::Action(Action::Quit)
        );
        assert_eq!(
            taken.lookup(&[], Key::ch('q')),
            Lookup::Action(Action::Bookmark)
        );
        // Quit on other keys: Ctrl-C is left to what it was given.
        let moved = Keymap::with_overrides(&[
            (Action::Quit, vec![keys("Q")]),
            (Action::Help, vec![keys("Ctrl-c")]),
        ]);
        assert_eq!(
            moved.lookup(&[], Key::ctrl('c')),
            Lookup::Action(Action::Help)
        );
    }

    #[test]
    fn overrides_change_only_the_actions_and_keys_they_name() {
        let keys = |s: &str| (s.to_owned(), parse_keys(s).expect("keys"));
        let map = Keymap::with_overrides(&[
            (Action::Down, vec![keys("n"), keys("Down")]),
            (Action::CopyText, vec![keys("Ctrl-t")]),
        ]);
        assert_eq!(map.lookup(&[], Key::ch('n')), Lookup::Action(Action::Down));
        assert_eq!(map.lookup(&[], Key::ch('j')), Lookup::Unbound);
        assert_eq!(
            map.lookup(&[], Key::ctrl('t')),
            Lookup::Action(Action::CopyText)
        );
        assert_eq!(map.lookup(&[], Key::ch('Y')), Lookup::Unbound);
        // `n` was the next match's: it has only `N`'s neighbour left, nothing else moved.
        let rows = map.help_rows();
        assert!(rows.iter().all(|(_, d)| *d != Action::NextMatch));
        let down = rows.iter().find(|(_, d)| *d == Action::Down);
        assert_eq!(down.map(|r| r.0.join(", ")).as_deref(), Some("n, Down"));
        for b in BINDINGS {
            let untouched =
                ![Action::Down, Action::CopyText, Action::NextMatch].contains(&b.action);
            if untouched {
                assert_eq!(
                    map.lookup(&[], b.keys[0]),
                    Keymap::default().lookup(&[], b.keys[0])
                );
            }
        }
    }
}
