//! Turns the mirror's folder names back into readable section titles.

/// Words that open a section title and are followed by its number.
const SECTION_WORDS: &[&str] = &[
    "livre",
    "titre",
    "chapitre",
    "section",
    "sous-section",
    "paragraphe",
    "sous-paragraphe",
    "partie",
    "annexe",
];

/// `livre-ier-principes-generaux` → `Livre Ier principes generaux`.
///
/// Slugs lost their accents and punctuation, so this can only restore capitals: the
/// first word, and the Roman numeral that follows a section word (`titre-ii` → `Titre II`,
/// `livre-ier` → `Livre Ier`).
pub fn humanize_slug(slug: &str) -> String {
    let (head, rest) = match SECTION_WORDS
        .iter()
        .find(|w| slug.strip_prefix(**w).is_some_and(|r| r.starts_with('-')))
    {
        Some(word) => (*word, &slug[word.len() + 1..]),
        None => ("", slug),
    };
    let mut words: Vec<String> = rest.split('-').map(str::to_owned).collect();
    if !head.is_empty() {
        if let Some(first) = words.first_mut() {
            *first = numeral(first);
        }
        words.insert(0, head.to_owned());
    }
    let mut out = words.join(" ");
    if let Some(first) = out.get(..1) {
        out = first.to_uppercase() + &out[1..];
    }
    out
}

/// The head of a section title, for a compact trail: `Livre Ier`, `Titre II`,
/// `Sixieme partie`, `Partie legislative`.
pub fn short_title(slug: &str) -> String {
    let full = humanize_slug(slug);
    full.split(' ').take(2).collect::<Vec<_>>().join(" ")
}

/// Roman numerals in capitals, `ier` as `Ier`, anything else unchanged.
fn numeral(word: &str) -> String {
    if word == "ier" {
        return "Ier".to_owned();
    }
    let is_roman = !word.is_empty() && word.chars().all(|c| "ivxlc".contains(c));
    if is_roman {
        word.to_uppercase()
    } else {
        word.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_numbers_get_capitals() {
        assert_eq!(
            humanize_slug("livre-ier-principes-generaux"),
            "Livre Ier principes generaux"
        );
        assert_eq!(
            humanize_slug("titre-ii-role-des-regions"),
            "Titre II role des regions"
        );
        assert_eq!(
            humanize_slug("sous-section-1-missions"),
            "Sous-section 1 missions"
        );
        assert_eq!(humanize_slug("partie-legislative"), "Partie legislative");
    }

    #[test]
    fn other_slugs_only_capitalise_the_first_word() {
        assert_eq!(
            humanize_slug("sixieme-partie-la-formation"),
            "Sixieme partie la formation"
        );
        assert_eq!(
            humanize_slug("chapitre-preliminaire-dialogue"),
            "Chapitre preliminaire dialogue"
        );
        assert_eq!(humanize_slug(""), "");
    }

    #[test]
    fn short_titles_keep_the_head() {
        assert_eq!(short_title("livre-ier-principes-generaux"), "Livre Ier");
        assert_eq!(short_title("sous-section-1-missions"), "Sous-section 1");
        assert_eq!(short_title("sixieme-partie-la-formation"), "Sixieme partie");
        assert_eq!(short_title("partie-legislative"), "Partie legislative");
    }
}
