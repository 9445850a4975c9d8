//! The keys a text names, read from the keymap in effect: a hint says the key the
//! user has, not the default.

use crate::app::action::Action;
use crate::app::keymap::Keymap;
use crate::model::lang::{self, Lang};
use crate::{tr, trf};

/// The keymap in effect, as the words read it.
#[derive(Clone, Copy)]
pub struct Keys<'a>(pub &'a Keymap);

impl Keys<'_> {
    /// How the first key bound to `action` is written, if any is, in the language
    /// spoken (`Entrée` for `Enter`).
    pub fn of(&self, action: Action) -> Option<&str> {
        self.0.label_of(action).map(shown)
    }

    /// `Enter opens`: the key, a space, what it does; `None` when no key does it.
    pub fn says(&self, action: Action, what: &str) -> Option<String> {
        self.of(action).map(|k| format!("{k} {what}"))
    }

    /// `o: Légifrance`: the key, a colon, what it does.
    pub fn colon(&self, action: Action, what: &str) -> Option<String> {
        self.of(action).map(|k| trf!("{k}: {what}", "{k} : {what}"))
    }

    /// `q or Esc`: the first key of each action that has one.
    pub fn either(&self, actions: &[Action]) -> Option<String> {
        let keys: Vec<&str> = actions.iter().filter_map(|a| self.of(*a)).collect();
        (!keys.is_empty()).then(|| keys.join(tr!(" or ", " ou ")))
    }

    /// `←/→`: the first keys of two opposite actions.
    pub fn slashed(&self, one: Action, other: Action) -> Option<String> {
        Some(format!("{}/{}", self.of(one)?, self.of(other)?))
    }

    /// `← → or h l`: every pair of keys of two opposite actions, in table order.
    pub fn pairs(&self, one: Action, other: Action) -> Option<String> {
        let pairs: Vec<String> = self
            .0
            .labels_of(one)
            .zip(self.0.labels_of(other))
            .map(|(a, b)| format!("{} {}", shown(a), shown(b)))
            .collect();
        (!pairs.is_empty()).then(|| pairs.join(tr!(" or ", " ou ")))
    }

    /// `↑↓`: the keys that move in a list, the arrows when they are bound (a list is
    /// where arrows come to mind first), else the first keys.
    pub fn up_down(&self) -> Option<String> {
        let pick = |action: Action, arrow: &str| -> Option<String> {
            let mut labels = self.0.labels_of(action).map(shown).peekable();
            let first = labels.peek().copied()?.to_owned();
            Some(if labels.any(|l| l == arrow) {
                arrow.to_owned()
            } else {
                first
            })
        };
        Some(format!(
            "{}{}",
            pick(Action::Up, "↑")?,
            pick(Action::Down, "↓")?
        ))
    }
}

impl Keys<'static> {
    /// The key of `action` while a prompt is typed into: fixed, as
    /// `keymap::lookup_typing` reads them (letters are text there).
    pub fn typing(action: Action) -> &'static str {
        shown(crate::app::keymap::typing_label(action))
    }
}

/// A key's label as the language spoken writes it: French keyboards and manuals say
/// `Entrée`, `Échap`, `Espace`, `Retour arrière`, `Maj-Tab`, `Début`, `Fin`, `Suppr`,
/// `Pg préc`, `Pg suiv` (LibreOffice's French names); config.toml still takes the
/// English names, which every keymap reads.
pub fn shown(label: &str) -> &str {
    const FRENCH: &[(&str, &str)] = &[
        ("Enter", "Entrée"),
        ("Esc", "Échap"),
        ("Space", "Espace"),
        ("Backspace", "Retour arrière"),
        ("Shift-Tab", "Maj-Tab"),
        ("Home", "Début"),
        ("End", "Fin"),
        ("Delete", "Suppr"),
        ("Del", "Suppr"),
        ("PgUp", "Pg préc"),
        ("PgDn", "Pg suiv"),
        ("Insert", "Inser"),
    ];
    match lang::current() {
        Lang::En => label,
        Lang::Fr => FRENCH
            .iter()
            .find(|(en, _)| *en == label)
            .map_or(label, |(_, fr)| fr),
    }
}
