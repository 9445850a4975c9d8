//! The words of peeks (`K`): the line above a quoted text, and what the status line
//! says when one opens or closes.

use super::{Keys, hint};
use crate::app::action::Action;
use crate::{tr, trf};

/// The line above a peek of a point (the whole article's is the law's own heading,
/// [`crate::model::peek::heading`]).
pub fn heading(num: &str, point: &str) -> String {
    trf!("{point} of article {num}", "{point} de l'article {num}")
}

/// The line above a range's peek: the reference's text and how many articles.
pub fn range_heading(text: &str, shown: usize, all: usize) -> String {
    if shown < all {
        trf!(
            "{text}: the first {shown} of {all} articles, their first lines",
            "{text} : les {shown} premiers de {all} articles, leurs premières lignes"
        )
    } else {
        trf!(
            "{text}: {all} articles, their first lines",
            "{text} : {all} articles, leurs premières lignes"
        )
    }
}

/// A peek just opened under its reference.
pub fn opened(keys: &Keys, heading: &str) -> String {
    let close = keys
        .either(&[Action::Peek, Action::Cancel])
        .map(|k| trf!("{k} closes it", "{k} le ferme"));
    let open = keys.says(Action::Activate, tr!("opens it", "l'ouvre"));
    hint(&[
        Some(trf!("{heading}, below", "{heading}, ci-dessous")),
        close,
        open,
    ])
}

/// A peek closed.
pub fn closed(heading: &str) -> String {
    trf!("{heading}: closed", "{heading} : fermé")
}

/// `K` with no reference selected.
pub fn nothing_to_peek(keys: &Keys) -> String {
    let select = keys
        .of(Action::NextReference)
        .map(|k| trf!("{k} selects one", "{k} en choisit un"));
    hint(&[
        Some(
            tr!(
                "No reference selected to peek at",
                "Aucun renvoi choisi à entrouvrir"
            )
            .to_owned(),
        ),
        select,
    ])
}
