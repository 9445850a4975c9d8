//! The words of the prompts' editing keys and of a paste: the help's section on the
//! keys of a prompt, and what the status line says of a paste.

use crate::app::action::Action;
use crate::app::prompt::Edit;
use crate::app::words::Keys;
use crate::{tr, trf};

/// The title of the help's section on a prompt's keys.
pub fn prompt_keys_title() -> &'static str {
    tr!(
        "In a prompt (go-to, search, date)",
        "Dans une invite (aller à, recherche, date)"
    )
}

/// What a key of a prompt does, in the words of the help (see `keymap::TYPING`).
pub fn describe_typing(action: Action) -> &'static str {
    match action {
        Action::Activate => tr!(
            "Go, search or set the date, as the prompt asks",
            "Aller, chercher ou fixer la date, selon l'invite"
        ),
        Action::Cancel => tr!("Close the prompt", "Fermer l'invite"),
        Action::Edit(Edit::Left) => tr!(
            "Move the cursor a character left",
            "Reculer le curseur d'un caractère"
        ),
        Action::Edit(Edit::Right) => tr!(
            "Move the cursor a character right",
            "Avancer le curseur d'un caractère"
        ),
        Action::Edit(Edit::WordLeft) => tr!(
            "Move the cursor to the start of the word before it",
            "Mettre le curseur au début du mot d'avant"
        ),
        Action::Edit(Edit::WordRight) => tr!(
            "Move the cursor to the end of the word after it",
            "Mettre le curseur à la fin du mot d'après"
        ),
        Action::Edit(Edit::Home) => {
            tr!("Move the cursor to the start", "Mettre le curseur au début")
        }
        Action::Edit(Edit::End) => tr!("Move the cursor to the end", "Mettre le curseur à la fin"),
        Action::InputBack => tr!(
            "Delete the character before the cursor",
            "Effacer le caractère avant le curseur"
        ),
        Action::Edit(Edit::Delete) => tr!(
            "Delete the character under the cursor",
            "Effacer le caractère sous le curseur"
        ),
        Action::Edit(Edit::KillWordBack) => tr!(
            "Delete the word before the cursor",
            "Effacer le mot avant le curseur"
        ),
        Action::Edit(Edit::KillWordForward) => tr!(
            "Delete the word after the cursor",
            "Effacer le mot après le curseur"
        ),
        Action::Edit(Edit::KillToStart) => tr!(
            "Delete from the start to the cursor",
            "Effacer du début jusqu'au curseur"
        ),
        Action::Edit(Edit::KillToEnd) => tr!(
            "Delete from the cursor to the end",
            "Effacer du curseur jusqu'à la fin"
        ),
        Action::Down => tr!(
            "Next answer in the list; with no answer listed, a later entry of this prompt",
            "Réponse suivante de la liste ; sans réponse listée, une entrée plus récente de cette invite"
        ),
        Action::Up => tr!(
            "Previous answer in the list; with no answer listed, an earlier entry of this prompt (kept across runs)",
            "Réponse précédente de la liste ; sans réponse listée, une entrée plus ancienne de cette invite (gardée d'une fois sur l'autre)"
        ),
        Action::Edit(Edit::Older) => tr!(
            "An earlier entry of this prompt, even with answers listed",
            "Une entrée plus ancienne de cette invite, même avec des réponses listées"
        ),
        Action::Edit(Edit::Newer) => tr!(
            "A later entry, then back to the line being typed",
            "Une entrée plus récente, puis la ligne en cours de frappe"
        ),
        Action::PageDown => tr!(
            "A page down the list of answers",
            "Une page plus bas dans les réponses"
        ),
        Action::PageUp => tr!(
            "A page up the list of answers",
            "Une page plus haut dans les réponses"
        ),
        Action::CodeOrder => tr!(
            "List the answers in the codes' order (the code read first, each in the order of its contents); again, back in their own order",
            "Lister les réponses dans l'ordre des codes (le code lu d'abord, chacun dans l'ordre de son sommaire) ; une seconde fois, dans leur ordre"
        ),
        Action::KeepToCode => tr!(
            "Search again in the highlighted answer's code only (code:…)",
            "Chercher à nouveau dans le seul code de la réponse choisie (code:…)"
        ),
        Action::Quit => tr!(
            "Close the prompt too (pressed again, quit loi)",
            "Fermer aussi l'invite (une seconde fois, quitter loi)"
        ),
        Action::Suspend => tr!(
            "Suspend loi, as outside a prompt",
            "Suspendre loi, comme hors d'une invite"
        ),
        _ => "",
    }
}

/// The help's line on pasting.
pub fn paste_help() -> &'static str {
    tr!(
        "A paste is text, never keys: in a prompt it goes where the cursor is; on the article it opens go-to with it, and the article it names if only one",
        "Un collage est du texte, jamais des touches : dans une invite, il va au curseur ; sur l'article, il ouvre « aller à » avec ce texte, et l'article qu'il désigne s'il est seul"
    )
}

/// A paste where nothing takes text (a list, the help, the contents).
pub fn paste_nowhere(keys: &Keys) -> String {
    match keys.of(Action::Cancel) {
        Some(k) => trf!(
            "A paste goes into a prompt or onto the article: {k} closes this first",
            "Un collage va dans une invite ou sur l'article : {k} ferme d'abord ceci"
        ),
        None => tr!(
            "A paste goes into a prompt or onto the article",
            "Un collage va dans une invite ou sur l'article"
        )
        .to_owned(),
    }
}
