//! The words of the dossier (`D`, `loi dossier`): its title, what it holds, the
//! bookmarked points, and what the status line says of it.

use crate::model::plural::count;
use crate::{tr, trf};

/// The file's title.
pub fn title() -> &'static str {
    tr!("Reading trail", "Dossier de lecture")
}

fn articles(n: usize) -> String {
    count(n, "article", "articles")
}

/// What the file holds, under its title: `n` articles of the last reading session,
/// as they read on `date` (`YYYY-MM-DD`).
pub fn of_session(n: usize, date: &str) -> String {
    if n == 1 {
        return trf!(
            "The article read in the reader's session, as in force on {date}.",
            "L'article lu dans la séance du lecteur, tel qu'en vigueur le {date}."
        );
    }
    let n = articles(n);
    trf!(
        "The {n} read in the reader's session, in the order read, as in force on {date}.",
        "Les {n} lus dans la séance du lecteur, dans l'ordre de lecture, tels qu'en vigueur le {date}."
    )
}

/// The same for the articles read since a day.
pub fn of_since(n: usize, since: &str, date: &str) -> String {
    if n == 1 {
        return trf!(
            "The article read since {since}, as in force on {date}.",
            "L'article lu depuis le {since}, tel qu'en vigueur le {date}."
        );
    }
    let n = articles(n);
    trf!(
        "The {n} read since {since}, in the order read, as in force on {date}.",
        "Les {n} lus depuis le {since}, dans l'ordre de lecture, tels qu'en vigueur le {date}."
    )
}

/// The same for the bookmarks.
pub fn of_bookmarks(n: usize, date: &str) -> String {
    if n == 1 {
        return trf!(
            "The article bookmarked, as in force on {date}.",
            "L'article en signet, tel qu'en vigueur le {date}."
        );
    }
    let n = articles(n);
    trf!(
        "The {n} bookmarked, in the order bookmarked, as in force on {date}.",
        "Les {n} en signet, dans l'ordre où ils ont été marqués, tels qu'en vigueur le {date}."
    )
}

/// A note under the list of articles: what a link within the file is, and what the
/// quoted passages are.
pub fn how_to_read() -> &'static str {
    tr!(
        "A reference to another article of this file links to it; the others are left as text. Bookmarked passages are quoted.",
        "Un renvoi à un autre article de ce dossier y mène par un lien ; les autres restent du texte. Les passages en signet sont cités."
    )
}

/// `Bookmarked: II 3°, the whole article`, under an article's heading.
pub fn bookmarked(points: &[String]) -> String {
    let points: Vec<&str> = points
        .iter()
        .map(|p| {
            if p.is_empty() {
                tr!("the article", "l'article")
            } else {
                p.as_str()
            }
        })
        .collect();
    let points = points.join(", ");
    trf!("Bookmarked: {points}", "En signet : {points}")
}

/// An article of the trail that could not be read any more.
pub fn unreadable(why: &str) -> String {
    trf!("Not read: {why}", "Non lu : {why}")
}

/// The status line once `D` wrote the file `path` (in the current folder: `./…`),
/// the path first, so that a narrow screen cuts the count rather than the name.
pub fn wrote(n: usize, path: &str) -> String {
    let n = articles(n);
    trf!("{path} written ({n})", "{path} écrit ({n})")
}

/// What `loi dossier` says once it wrote a file.
pub fn written(n: usize, path: &str) -> String {
    let n = articles(n);
    trf!(
        "Dossier of {n} written to {path}",
        "Dossier de {n} écrit dans {path}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_article_is_said_in_the_singular() {
        for said in [
            of_session(1, "2026-12-08"),
            of_since(1, "2026-12-01", "2026-12-08"),
            of_bookmarks(1, "2026-12-08"),
        ] {
            assert!(!said.contains(" 1 "), "{said}");
            assert!(said.starts_with("The article "), "{said}");
        }
        assert!(of_session(3, "2026-12-08").starts_with("The 3 articles read"));
    }
}
