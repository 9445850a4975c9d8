//! The legal order of sections from their folder names: `partie-legislative` before
//! `partie-reglementaire`, `premiere-partie` before `deuxieme-partie`, `preliminaire`
//! first, `ier` < `ii` < `iii`, `1` < `2` < `10`, `bis` and `ter` right after their base,
//! annexes and anything unnumbered last.

/// Sorts sibling sections: (unnumbered?, number, suffix, name).
pub fn key(slug: &str) -> (bool, u32, u32, String) {
    let words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    if let [first, "partie", ..] | ["partie", first, ..] = words.as_slice()
        && let Some(n) = part(first, words.get(2).copied())
    {
        return (false, n, 0, slug.to_owned());
    }
    // The number follows the section's word(s): `sous-section-2`, `chapitre-ii-bis`.
    let start = words
        .iter()
        .position(|w| !KINDS.contains(w))
        .unwrap_or(words.len());
    let number = words.get(start).and_then(|w| ordinal(w));
    match number {
        Some(n) => {
            let suffix = words
                .get(start + 1)
                .and_then(|w| {
                    crate::model::article::enumeration::INSERTS
                        .iter()
                        .position(|l| l == w)
                })
                .map_or(0, |p| u32::try_from(p).unwrap_or(0) + 1);
            (false, n, suffix, slug.to_owned())
        }
        None => (true, 0, 0, slug.to_owned()),
    }
}

const KINDS: &[&str] = &[
    "sous",
    "section",
    "paragraphe",
    "chapitre",
    "titre",
    "livre",
    "partie",
];

const ORDINALS: &[&str] = &[
    "premiere",
    "deuxieme",
    "troisieme",
    "quatrieme",
    "cinquieme",
    "sixieme",
    "septieme",
    "huitieme",
    "neuvieme",
    "dixieme",
];

/// The rank of a code's part: legislative, then regulatory, then the former ones kept
/// after them (`partie-legislative-ancienne`, `partie-reglementaire-ancienne-…`), then
/// arrêtés; `premiere-partie` … `huitieme-partie` by their ordinal.
fn part(word: &str, after: Option<&str>) -> Option<u32> {
    match (word, after) {
        ("legislative", Some("ancienne")) => Some(2),
        ("reglementaire", Some("ancienne")) => Some(3),
        ("legislative", _) => Some(0),
        ("reglementaire", _) => Some(1),
        ("arretes", _) => Some(4),
        _ => ORDINALS
            .iter()
            .position(|o| *o == word)
            .and_then(|p| u32::try_from(p + 1).ok()),
    }
}

/// `preliminaire` 0, `ier`/`premier`/`premiere`/`1er`/`unique` 1, Roman and Arabic
/// numerals, French ordinal words.
fn ordinal(word: &str) -> Option<u32> {
    match word {
        "preliminaire" => return Some(0),
        "ier" | "premier" | "premiere" | "1er" | "unique" => return Some(1),
        _ => {}
    }
    if let Ok(n) = word.parse::<u32>() {
        return Some(n);
    }
    if let Some(p) = ORDINALS.iter().position(|o| *o == word) {
        return u32::try_from(p + 1).ok();
    }
    roman(word)
}

fn roman(word: &str) -> Option<u32> {
    let value = |c| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        _ => None,
    };
    let digits: Vec<i64> = word.chars().map(value).collect::<Option<_>>()?;
    let mut total: i64 = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            total -= d;
        } else {
            total += d;
        }
    }
    u32::try_from(total).ok().filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(mut slugs: Vec<&str>) -> Vec<&str> {
        slugs.sort_by_key(|s| key(s));
        slugs
    }

    #[test]
    fn sections_sort_in_legal_order() {
        assert_eq!(
            sorted(vec![
                "partie-reglementaire",
                "partie-legislative-ancienne",
                "partie-reglementaire-ancienne-decrets-simples",
                "partie-legislative",
                "partie-reglementaire-ancienne-decrets-en-conseil-detat",
            ]),
            [
                "partie-legislative",
                "partie-reglementaire",
                "partie-legislative-ancienne",
                "partie-reglementaire-ancienne-decrets-en-conseil-detat",
                "partie-reglementaire-ancienne-decrets-simples"
            ]
        );
        assert_eq!(
            sorted(vec![
                "deuxieme-partie-les-relations",
                "huitieme-partie-controle",
                "premiere-partie-les"
            ]),
            [
                "premiere-partie-les",
                "deuxieme-partie-les-relations",
                "huitieme-partie-controle"
            ]
        );
        assert_eq!(
            sorted(vec![
                "chapitre-iv-x",
                "chapitre-ii-bis-x",
                "chapitre-ier-x",
                "chapitre-ii-x",
                "chapitre-preliminaire-x",
                "chapitre-ix-x",
                "chapitre-ii-ter-x",
            ]),
            [
                "chapitre-preliminaire-x",
                "chapitre-ier-x",
                "chapitre-ii-x",
                "chapitre-ii-bis-x",
                "chapitre-ii-ter-x",
                "chapitre-iv-x",
                "chapitre-ix-x"
            ]
        );
        assert_eq!(
            sorted(vec![
                "annexes",
                "section-10-x",
                "section-2-x",
                "section-premiere-x"
            ]),
            [
                "section-premiere-x",
                "section-2-x",
                "section-10-x",
                "annexes"
            ]
        );
        assert_eq!(
            sorted(vec![
                "sous-section-2",
                "sous-section-1-x",
                "sous-section-preliminaire"
            ]),
            [
                "sous-section-preliminaire",
                "sous-section-1-x",
                "sous-section-2"
            ]
        );
    }
}
