//! What the status line says while labels are shown over the references (`f`, `F`),
//! and when they close.

use crate::app::action::Action;
use crate::app::words::Keys;
use crate::model::plural::count;
use crate::{tr, trf};

/// The status line while labels are shown: how many, what typing one does, how to
/// close them; once a label's first letter is typed, what is left to type. The keys
/// are read as text then, so the key that closes is the prompt's own. `key`, the
/// action that showed them: `f`'s, or `F`'s.
pub fn status(key: Action, labels: usize, typed: &str) -> String {
    let esc = Keys::typing(Action::Cancel);
    if !typed.is_empty() {
        return trf!(
            "{typed}… · type the rest of its label · {esc} cancels",
            "{typed}… · tapez la suite de son étiquette · {esc} annule"
        );
    }
    let n = count(
        labels,
        tr!("label", "étiquette"),
        tr!("labels", "étiquettes"),
    );
    match key {
        Action::PeekHint => trf!(
            "{n} · type one to select its reference · {esc} cancels",
            "{n} · tapez-en une pour choisir son renvoi · {esc} annule"
        ),
        _ => trf!(
            "{n} · type one to follow its reference · {esc} cancels",
            "{n} · tapez-en une pour suivre son renvoi · {esc} annule"
        ),
    }
}

/// `f` with no reference on the screen.
pub fn none_on_screen() -> &'static str {
    tr!("No reference on the screen", "Aucun renvoi à l'écran")
}

/// A key that starts no label: the labels are gone. `c`, the key when it is a
/// character.
pub fn no_such_label(c: Option<char>) -> String {
    match c {
        Some(c) => trf!(
            "No label starts with « {c} »: labels closed",
            "Aucune étiquette ne commence par « {c} » : étiquettes fermées"
        ),
        None => tr!(
            "That key starts no label: labels closed",
            "Cette touche ne commence aucune étiquette : étiquettes fermées"
        )
        .to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_says_what_is_left_to_type() {
        assert_eq!(
            status(Action::FollowHint, 12, ""),
            "12 labels · type one to follow its reference · Esc cancels"
        );
        assert_eq!(
            status(Action::FollowHint, 12, ";"),
            ";… · type the rest of its label · Esc cancels"
        );
        assert!(status(Action::PeekHint, 1, "").starts_with("1 label · "));
    }
}
