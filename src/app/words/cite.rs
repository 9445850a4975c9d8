//! Words of citations typed and copied (issue 20, items 2 and 3): what go-to says of
//! a code it cannot look in.

use crate::model::codes::Code;
use crate::trf;

/// A code as a « did you mean » offers it: `C. trav. (Code du travail)`.
pub fn code_offered(code: &Code) -> String {
    let title = code.title.trim_end_matches('.');
    match code.abbreviation() {
        Some(abbreviation) => format!("{abbreviation} ({title})"),
        None => title.to_owned(),
    }
}

/// No code has the name typed: the nearest ones, if any.
pub fn unknown_code(typed: &str, closest: &[&Code]) -> String {
    let offered: Vec<String> = closest.iter().map(|c| code_offered(c)).collect();
    match offered.as_slice() {
        [] => trf!(
            "No code is called « {typed} »: write its abbreviation or its title",
            "Aucun code ne s'appelle « {typed} » : écrivez son abréviation ou son titre"
        ),
        [one] => trf!(
            "No code « {typed} »: did you mean {one}?",
            "Pas de code « {typed} » : vouliez-vous dire {one} ?"
        ),
        [first @ .., last] => {
            let first = first.join(", ");
            trf!(
                "No code « {typed} »: did you mean {first} or {last}?",
                "Pas de code « {typed} » : vouliez-vous dire {first} ou {last} ?"
            )
        }
    }
}

/// A code of the citation that the mirror does not hold.
pub fn code_absent(code: &Code) -> String {
    let title = code.title.trim_end_matches('.');
    trf!(
        "{title} is not in this mirror",
        "{title} n'est pas dans ce miroir"
    )
}

/// What the command line says after « no code is called … »: the nearest codes, or
/// how to name one.
pub fn code_hint(closest: &[String]) -> String {
    if closest.is_empty() {
        crate::tr!(
            "name a code by its usual abbreviation (C. trav., CSS), its title or its folder",
            "nommez un code par son abréviation usuelle (C. trav., CSS), son titre ou son dossier"
        )
        .to_owned()
    } else {
        let or = crate::tr!(" or ", " ou ");
        let closest = closest.join(or);
        trf!("did you mean {closest}?", "vouliez-vous dire {closest} ?")
    }
}
