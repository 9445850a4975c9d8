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

/// What the header and `loi print` say of an article of a former numbering.
pub const FORMER_NUMBERING: &str = "Ancienne numérotation";

/// The kinds of a code's unnumbered parts, as folder names and as written:
/// `partie-legislative`, `partie-reglementaire-decrets-simples`.
const PART_KINDS: &[(&str, &str)] = &[
    ("legislative", "législative"),
    ("reglementaire", "réglementaire"),
];

/// Whether folder `slug` is a part of a code kept in its former, pre-recodification
/// numbering: `partie-legislative-ancienne`, `partie-reglementaire-ancienne-…`
/// (`ancienne` right after the part's name, as Légifrance titles them; a numbered part
/// would read `premiere-partie-ancienne`). Its articles' numbers are not today's law's.
pub fn is_former_part(slug: &str) -> bool {
    let mut words = slug.split('-');
    matches!(
        (words.next(), words.next(), words.next()),
        (Some("partie"), Some(_), Some("ancienne")) | (Some(_), Some("partie"), Some("ancienne"))
    )
}

/// Whether the article at mirror path `path` is in a part of a former numbering:
/// its number is not the one today's law gives (see [`is_former_part`]).
pub fn is_former_numbering(path: &str) -> bool {
    // Asked at every draw: most paths are told by one search for the word.
    if !path.contains("-ancienne") {
        return false;
    }
    // The code's folder and the file are no part; every folder between may be.
    let mut folders: Vec<&str> = path.split('/').skip(1).collect();
    folders.pop();
    folders.into_iter().any(is_former_part)
}

/// `partie-reglementaire-ancienne-decrets-simples` → (`Partie réglementaire
/// ancienne`, `decrets-simples`): a code's unnumbered part and the subtitle its folder
/// name runs on with, which Légifrance writes after a dash.
fn split_part(slug: &str) -> Option<(String, &str)> {
    let rest = slug.strip_prefix("partie-")?;
    let (kind, rest) = rest.split_once('-').unwrap_or((rest, ""));
    let &(_, kind) = PART_KINDS.iter().find(|(slug, _)| *slug == kind)?;
    let (former, rest) = match rest.strip_prefix("ancienne") {
        Some(after) if after.is_empty() || after.starts_with('-') => {
            (true, after.trim_start_matches('-'))
        }
        _ => (false, rest),
    };
    let name = if former {
        format!("Partie {kind} ancienne")
    } else {
        format!("Partie {kind}")
    };
    Some((name, rest))
}

/// `livre-ier-principes-generaux` → `Livre Ier principes généraux`.
///
/// Slugs lost their accents, apostrophes and capitals. The capitals of the first word
/// and of the Roman numeral after a section word come back (`titre-ii` → `Titre II`,
/// `livre-ier` → `Livre Ier`); accents and apostrophes come back for the words of the
/// corpus's folders ([`accents`]: `lorientation` → `l'orientation`); any other word
/// stays as the slug writes it.
pub fn humanize_slug(slug: &str) -> String {
    // `Partie réglementaire ancienne - Décrets en Conseil d'Etat`, as Légifrance
    // titles a part: the dash and the capital are not in the folder name.
    if let Some((part, subtitle)) = split_part(slug) {
        return match subtitle {
            "" => part,
            _ => format!("{part} - {}", humanize_slug(subtitle)),
        };
    }
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
    // The Conseil d'Etat is an institution, always written with its capital; a
    // conseil of anything else is not.
    for i in 1..words.len() {
        if words[i - 1] == "conseil" && matches!(words[i], "d'Etat" | "d'État") {
            words[i - 1] = "Conseil";
        }
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

/// `Partie législative › Sixième partie › Livre Ier › … › Section 1 conseil
/// national…`: the section trail of the article at `path` (the heads of the enclosing
/// sections, the nearest one in full). Empty for an article at the top of its code.
pub fn of_path(path: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    let sections = parts.get(1..parts.len().saturating_sub(1)).unwrap_or(&[]);
    let Some((last, outer)) = sections.split_last() else {
        return String::new();
    };
    let mut out: Vec<String> = outer.iter().map(|s| short_title(s)).collect();
    out.push(humanize_slug(last));
    out.join(" › ")
}

/// The head of a section title, for a compact trail: `Livre Ier`, `Titre II`,
/// `Sixieme partie`; a code's unnumbered part in full (`Partie législative ancienne`,
/// `Partie réglementaire - Arrêtés`), as its name is all that tells it from the others.
pub fn short_title(slug: &str) -> String {
    let full = humanize_slug(slug);
    if split_part(slug).is_some() {
        return full;
    }
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
        // A capital where the text writes one, after an elided article too, and on
        // the institution the Conseil d'Etat is, not on any conseil.
        assert_eq!(
            humanize_slug("chapitre-iii-conseil-detat"),
            "Chapitre III Conseil d'Etat"
        );
        assert_eq!(
            humanize_slug("section-2-conseil-dadministration"),
            "Section 2 conseil d'administration"
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
    fn a_part_is_titled_as_legifrance_titles_it() {
        assert_eq!(
            humanize_slug("partie-legislative-ancienne"),
            "Partie législative ancienne"
        );
        assert_eq!(
            humanize_slug("partie-reglementaire-ancienne-decrets-en-conseil-detat"),
            "Partie réglementaire ancienne - Décrets en Conseil d'Etat"
        );
        assert_eq!(
            humanize_slug("partie-reglementaire-decrets-simples"),
            "Partie réglementaire - Décrets simples"
        );
        // A word that only starts like `ancienne` is the subtitle's.
        assert!(
            humanize_slug("partie-reglementaire-anciennete")
                .starts_with("Partie réglementaire - A"),
            "{}",
            humanize_slug("partie-reglementaire-anciennete")
        );
        // Not a part's kind: the usual rule.
        assert_eq!(
            humanize_slug("partie-speciale-regles"),
            "Partie spéciale règles"
        );
    }

    #[test]
    fn every_part_of_a_former_numbering_is_told_and_no_other_folder() {
        for slug in [
            "partie-legislative-ancienne",
            "partie-reglementaire-ancienne-decrets-en-conseil-detat",
            "partie-reglementaire-ancienne-decrets-simples",
            "partie-reglementaire-ancienne-arretes",
            "premiere-partie-ancienne",
        ] {
            assert!(is_former_part(slug), "{slug}");
        }
        for slug in [
            "partie-legislative",
            "partie-reglementaire-decrets-en-conseil-detat",
            "premiere-partie-les-relations-individuelles-de-travail",
            // A section about former members is no former numbering.
            "sous-section-1-membre-et-ancien-membre-de-la-delegation",
            "section-2-anciennes-dispositions",
            "partie-reglementaire-anciennete",
            "",
        ] {
            assert!(!is_former_part(slug), "{slug}");
        }
    }

    #[test]
    fn an_article_is_of_a_former_numbering_when_a_folder_of_it_is() {
        assert!(is_former_numbering(
            "code-du-travail/partie-legislative-ancienne/livre-iii/l351-5-1.md"
        ));
        assert!(is_former_numbering(
            "code-x/partie-reglementaire-ancienne-decrets-simples/d1.md"
        ));
        assert!(!is_former_numbering(
            "code-du-travail/partie-legislative/livre-iii/l3511-1.md"
        ));
        // Neither the code's folder nor the file's name is a part.
        assert!(!is_former_numbering("partie-legislative-ancienne/x/l1.md"));
        assert!(!is_former_numbering(
            "code-x/partie-legislative/partie-legislative-ancienne.md"
        ));
        assert!(!is_former_numbering("l1.md"));
    }

    #[test]
    fn short_titles_keep_the_head() {
        assert_eq!(short_title("livre-ier-principes-generaux"), "Livre Ier");
        assert_eq!(short_title("sous-section-1-missions"), "Sous-section 1");
        assert_eq!(short_title("sixieme-partie-la-formation"), "Sixième partie");
        assert_eq!(short_title("partie-legislative"), "Partie législative");
        // A code's parts differ only after their first two words: kept whole.
        assert_eq!(
            short_title("partie-legislative-ancienne"),
            "Partie législative ancienne"
        );
        assert_eq!(
            short_title("partie-reglementaire-ancienne-decrets-simples"),
            "Partie réglementaire ancienne - Décrets simples"
        );
    }
}
