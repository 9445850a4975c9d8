//! What each [`Unresolved`] says, in English and in French.

use std::fmt;

use super::Unresolved;
use crate::{tr, trf};

impl fmt::Display for Unresolved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Unresolved::Outside(path) => trf!(
                "it leads outside the mirror ({path}), which is refused",
                "il mène hors du miroir ({path}), ce qui est refusé"
            ),
            Unresolved::CodeNotInMirror { title } => trf!(
                "{title} is not in this mirror",
                "{title} n'est pas dans ce miroir"
            ),
            Unresolved::NoArticle { title, .. } => trf!(
                "not in this mirror's {title} (repealed, renumbered, or never copied)",
                "absent du {title} de ce miroir (abrogé, renuméroté, ou jamais copié)"
            ),
            Unresolved::EmptyRange { from, to, title } => trf!(
                "no article from {from} to {to} in this mirror's {title}",
                "aucun article de {from} à {to} dans le {title} de ce miroir"
            ),
            Unresolved::UnknownCode(id) => trf!(
                "a Légifrance link to a code this reader does not know ({id})",
                "un lien Légifrance vers un code que ce lecteur ne connaît pas ({id})"
            ),
            Unresolved::UnknownCodeNamed(name) => trf!(
                "the {name}, which is not a code this reader knows",
                "le {name}, qui n'est pas un code que ce lecteur connaît"
            ),
            Unresolved::NoNumber => tr!(
                "a Légifrance link whose text names no article number",
                "un lien Légifrance dont le texte ne nomme aucun numéro d'article"
            )
            .to_owned(),
            Unresolved::NoNeighbour("last") => tr!(
                "the last article of its section: there is none",
                "le dernier article de sa section : il n'y en a pas"
            )
            .to_owned(),
            Unresolved::NoNeighbour(_) => tr!(
                "the first article of its section: there is none",
                "le premier article de sa section : il n'y en a pas"
            )
            .to_owned(),
            Unresolved::External(address) => trf!(
                "an address outside the codes: {address}",
                "une adresse hors des codes : {address}"
            ),
            Unresolved::Legacy(address) => trf!(
                "a Légifrance page, not an article of a code: {address}",
                "une page de Légifrance, pas un article de code : {address}"
            ),
            Unresolved::Other(href) => trf!(
                "a link of a kind the reader cannot follow: {href}",
                "un lien d'un genre que le lecteur ne sait pas suivre : {href}"
            ),
            Unresolved::NotAFile(why) => why.clone(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for Unresolved {}
