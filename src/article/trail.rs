//! Turns the mirror's folder names back into readable section titles.

mod accents;

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

/// `livre-ier-principes-generaux` → `Livre Ier principes généraux`.
///
/// Slugs lost their accents, apostrophes and capitals. The capitals of the first word
/// and of the Roman numeral after a section word come back (`titre-ii` → `Titre II`,
/// `livre-ier` → `Livre Ier`); accents and apostrophes come back for the words of the
/// corpus's folders ([`accents`]: `lorientation` → `l'orientation`); any other word
/// stays as the slug writes it.
pub fn humanize_slug(slug: &str) -> String {
    let (head, rest) = match SECTION_WORDS
        .iter()
        .find(|w| slug.strip_prefix(**w).is_some_and(|r| r.starts_with('-')))
    {
        Some(word) => (*word, &slug[word.len() + 1..]),
        None => ("", slug),
    };
    let mut words: Vec<&str> = Vec::new();
    let mut numbered = String::new();
    for (i, word) in rest.split('-').enumerate() {
        if i == 0 && !head.is_empty() && is_numeral(word) {
            numbered = numeral(word);
            continue;
        }
        words.push(accents::restore(word).unwrap_or(word));
    }
    let mut parts: Vec<&str> = Vec::new();
    if !head.is_empty() {
        parts.push(head);
        if !numbered.is_empty() {
            parts.push(&numbered);
        }
    }
    parts.extend(words);
    let mut out = String::new();
    let mut previous = "";
    for part in parts {
        if !out.is_empty() {
            // An article's number, `r4312-1`, is one word again: `R4312-1`.
            let number = is_article_number(previous) && part.bytes().all(|b| b.is_ascii_digit());
            out.push(if number { '-' } else { ' ' });
        }
        if is_article_number(part) {
            out.push_str(&part.to_uppercase());
        } else {
            out.push_str(part);
        }
        previous = part;
    }
    capitalise_first(&out)
}

/// `l6123`, `r4312`, `d313`: the head of an article's number, before its `-`.
fn is_article_number(word: &str) -> bool {
    let mut bytes = word.bytes();
    matches!(bytes.next(), Some(b'l' | b'r' | b'd' | b'a'))
        && word.len() > 1
        && bytes.all(|b| b.is_ascii_digit())
}

fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The head of a section title, for a compact trail: `Livre Ier`, `Titre II`,
/// `Sixieme partie`, `Partie legislative`.
pub fn short_title(slug: &str) -> String {
    let full = humanize_slug(slug);
    full.split(' ').take(2).collect::<Vec<_>>().join(" ")
}

/// Whether a section's number: a Roman numeral (`ii`, `ier`) or digits (`1`).
fn is_numeral(word: &str) -> bool {
    word == "ier"
        || (!word.is_empty() && word.chars().all(|c| "ivxlc".contains(c)))
        || (!word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()))
}

/// A section's number as written: Roman numerals in capitals, `ier` as `Ier`.
fn numeral(word: &str) -> String {
    if word == "ier" {
        "Ier".to_owned()
    } else {
        word.to_uppercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_numbers_get_capitals() {
        assert_eq!(
            humanize_slug("livre-ier-principes-generaux"),
            "Livre Ier principes généraux"
        );
        assert_eq!(
            humanize_slug("titre-ii-role-des-regions"),
            "Titre II rôle des régions"
        );
        assert_eq!(
            humanize_slug("sous-section-1-missions"),
            "Sous-section 1 missions"
        );
        assert_eq!(humanize_slug("partie-legislative"), "Partie législative");
    }

    #[test]
    fn accents_and_elisions_come_back_for_the_corpus_words() {
        assert_eq!(
            humanize_slug("annexe-i-a-larticle-r4312-1"),
            "Annexe I à l'article R4312-1"
        );
        assert_eq!(
            humanize_slug("section-1-conseil-national-de-lorientation"),
            "Section 1 conseil national de l'orientation"
        );
        // A capital where the text writes one, after an elided article too.
        assert_eq!(
            humanize_slug("chapitre-iii-conseil-detat"),
            "Chapitre III conseil d'Etat"
        );
        // Names the text always writes with a capital.
        assert_eq!(
            humanize_slug("section-3-france-competences"),
            "Section 3 France compétences"
        );
        // A first word with an accent takes its capital with it.
        assert_eq!(humanize_slug("etablissements"), "Établissements");
        // Unknown words stay as they are.
        assert_eq!(
            humanize_slug("titre-ii-zzyzx-qwerty"),
            "Titre II zzyzx qwerty"
        );
    }

    #[test]
    fn other_slugs_only_capitalise_the_first_word() {
        assert_eq!(
            humanize_slug("sixieme-partie-la-formation"),
            "Sixième partie la formation"
        );
        assert_eq!(
            humanize_slug("chapitre-preliminaire-dialogue"),
            "Chapitre préliminaire dialogue"
        );
        assert_eq!(humanize_slug(""), "");
    }

    #[test]
    fn short_titles_keep_the_head() {
        assert_eq!(short_title("livre-ier-principes-generaux"), "Livre Ier");
        assert_eq!(short_title("sous-section-1-missions"), "Sous-section 1");
        assert_eq!(short_title("sixieme-partie-la-formation"), "Sixième partie");
        assert_eq!(short_title("partie-legislative"), "Partie législative");
    }
}
