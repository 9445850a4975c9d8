//! The words of the home: the list of the mirror's codes (`app::home`).

use super::{Keys, dates, hint};
use crate::app::action::Action;
use crate::model::plural::count;
use crate::{tr, trf};

/// The header's first row: whose codes these are (the mirror's folder; `None` for
/// the sample built into loi).
pub fn home_heading(mirror: Option<&str>) -> String {
    match mirror {
        Some(mirror) => trf!("Codes of {mirror}", "Codes de {mirror}"),
        None => tr!(
            "Codes of the sample mirror built into loi",
            "Codes du miroir d'exemple intégré à loi"
        )
        .to_owned(),
    }
}

/// The header's second row: how many codes and articles in all.
pub fn home_summary(codes: usize, articles: usize) -> String {
    format!(
        "{} · {}",
        count(codes, "code", "codes"),
        count(articles, "article", "articles")
    )
}

/// A code's second row: its articles, and the date of its data when known.
pub fn home_figures(articles: usize, data_date: Option<&str>) -> String {
    let articles = count(articles, "article", "articles");
    match data_date {
        Some(d) => format!("{articles} · {}", data_of(d)),
        None => articles,
    }
}

/// `données au 27 mars 2026`: the date of a code's data, as the contents' title and
/// the home say it (the law's words, French in both languages, as Légifrance says it).
pub fn data_of(iso: &str) -> String {
    format!("données au {}", dates::date(iso))
}

/// What the status line says on the home.
pub fn home_hint(keys: &Keys) -> String {
    hint(&[
        keys.says(Action::Activate, tr!("contents", "sommaire")),
        keys.says(Action::GoTo, tr!("go to", "aller à")),
        keys.says(Action::SearchMirror, tr!("search", "chercher")),
        keys.says(Action::Help, tr!("keys", "touches")),
        keys.says(Action::Quit, tr!("quit", "quitter")),
    ])
}

/// Leaving the home with nothing read to go back to.
pub fn home_nothing_read(keys: &Keys) -> String {
    match keys.of(Action::Activate) {
        Some(k) => trf!(
            "Nothing read yet: {k} opens a code's contents",
            "Rien de lu pour l'instant : {k} ouvre le sommaire d'un code"
        ),
        None => tr!("Nothing read yet", "Rien de lu pour l'instant").to_owned(),
    }
}

/// The home of a mirror whose index lists no article in a code's folder.
pub fn home_empty() -> &'static str {
    tr!("No code in this mirror", "Aucun code dans ce miroir")
}
