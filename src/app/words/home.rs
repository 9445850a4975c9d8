//! The words of the home: the list of the mirror's codes (`app::home`).

use super::{Keys, dates, hint};
use crate::app::action::Action;
use crate::model::plural::count;

/// The header's first row: whose codes these are (`mirror` as `Mirror::name` says).
pub fn home_heading(mirror: &str) -> String {
    format!("Codes of {mirror}")
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
/// the home say it.
pub fn data_of(iso: &str) -> String {
    format!("données au {}", dates::date(iso))
}

/// What the status line says on the home.
pub fn home_hint(keys: &Keys) -> String {
    hint(&[
        keys.says(Action::Activate, "contents"),
        keys.says(Action::GoTo, "go to"),
        keys.says(Action::SearchMirror, "search"),
        keys.says(Action::Help, "keys"),
        keys.says(Action::Quit, "quit"),
    ])
}

/// Leaving the home with nothing read to go back to.
pub fn home_nothing_read(keys: &Keys) -> String {
    match keys.of(Action::Activate) {
        Some(k) => format!("Nothing read yet: {k} opens a code's contents"),
        None => "Nothing read yet".to_owned(),
    }
}

/// The home of a mirror whose index lists no article in a code's folder.
pub const HOME_EMPTY: &str = "No code in this mirror";
