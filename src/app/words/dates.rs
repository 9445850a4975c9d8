//! The law's words for time: a date as a lawyer writes it (« 1er janvier 2016 »), an
//! article's state on a date (« En vigueur depuis le… », « Abrogé depuis le… »), the
//! kinds of texts that acted on it (« Créé par », « Modifié par »). French, as on
//! Légifrance: they are the law's words, not the interface's.

use crate::model::state::changes::{Change, Kind};
use crate::model::state::{ArticleMeta, ChangeMeta, Standing};

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// LEGI's day for « a date to be set » (by a decree to come): not a day to name.
const UNSET: &str = "2222-02-22";

/// `au 1er mars 2029`, or `à une date à fixer` for LEGI's placeholder.
fn to_day(iso: &str) -> String {
    if iso == UNSET {
        "à une date à fixer".to_owned()
    } else {
        format!("au {}", date(iso))
    }
}

/// `le 1er mars 2029`, or `à une date à fixer`.
fn on_day(iso: &str) -> String {
    if iso == UNSET {
        "à une date à fixer".to_owned()
    } else {
        format!("le {}", date(iso))
    }
}

/// `2016-01-01` → `1er janvier 2016`; what is no date is given back as it is.
pub fn date(iso: &str) -> String {
    let mut parts = iso.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_owned();
    };
    let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.parse::<u32>()) else {
        return iso.to_owned();
    };
    let Some(month) = m.checked_sub(1).and_then(|m| MONTHS.get(m)) else {
        return iso.to_owned();
    };
    match d {
        1 => format!("1er {month} {y}"),
        _ => format!("{d} {month} {y}"),
    }
}

/// The state of a version as LEGI writes it, in words: `ABROGE_DIFF` → « abrogation
/// différée ».
pub fn state_word(state: Option<&str>) -> &'static str {
    match state {
        Some("VIGUEUR") => "en vigueur",
        Some("VIGUEUR_DIFF") => "à venir",
        Some("ABROGE_DIFF") => "en vigueur, abrogation différée",
        Some("ABROGE") => "abrogé",
        Some("MODIFIE") => "modifié",
        Some("MODIFIE_MORT_NE") => "modifié, jamais en vigueur",
        Some("ANNULE") => "annulé",
        Some("PERIME") => "périmé",
        Some("DISJOINT") => "disjoint",
        Some("TRANSFERE") => "transféré",
        _ => "état inconnu",
    }
}

/// Where an article stands, in one line: what the header says under its title. A
/// version still to come on `today` is said « à venir ».
pub fn standing(s: &Standing, meta: Option<&ArticleMeta>, today: &str) -> String {
    match s {
        Standing::Unknown => UNKNOWN.to_owned(),
        Standing::InForce {
            since, until: None, ..
        } => match since {
            Some(since) => format!("En vigueur depuis le {}", date(since)),
            None => "En vigueur".to_owned(),
        },
        Standing::InForce {
            until: Some(until),
            then_changed,
            ..
        } => format!(
            "En vigueur jusqu'{}, puis {}",
            to_day(until),
            if *then_changed { "modifié" } else { "abrogé" }
        ),
        Standing::Other {
            index,
            since,
            until,
        } => {
            let future = meta
                .and_then(|m| m.versions.get(*index))
                .is_some_and(|v| v.since.as_deref().is_some_and(|since| since > today));
            match (since, until) {
                (Some(s), _) if future => format!("Version à venir {}", to_day(s)),
                (Some(s), Some(u)) => format!("Version en vigueur du {} {}", date(s), to_day(u)),
                (Some(s), None) => format!("Version en vigueur depuis le {}", date(s)),
                (None, _) => "Version antérieure".to_owned(),
            }
        }
        Standing::NotYet { from } => format!("Pas encore en vigueur : le sera {}", on_day(from)),
        Standing::Repealed { since, back } => {
            let mut line = match since {
                Some(s) => format!("Abrogé depuis le {}", date(s)),
                None => "Abrogé".to_owned(),
            };
            if let Some(back) = back {
                line.push_str(&format!(", de nouveau en vigueur le {}", date(back)));
            }
            line
        }
    }
}

/// A word or two for where an article stands, after its number in a list: `en
/// vigueur`, `abrogé`, `à venir`.
pub fn short_standing(s: &Standing) -> String {
    match s {
        Standing::Unknown => "état inconnu",
        Standing::InForce { until: None, .. } | Standing::Other { .. } => "en vigueur",
        Standing::InForce { until: Some(_), .. } => "en vigueur, fin prévue",
        Standing::NotYet { .. } => "à venir",
        Standing::Repealed { .. } => "abrogé",
    }
    .to_owned()
}

/// What the header says of an article whose mirror keeps no dates.
pub const UNKNOWN: &str = "Dates inconnues";

/// The banner over an article that is not the law on the reading date: in capitals,
/// so that it reads without colour (the date follows, `lu au…`, when it is not
/// today's).
pub const NOT_IN_FORCE: &str = "NON EN VIGUEUR";

/// The banner's words over the current text shown for want of the version of the
/// reading date.
pub fn current_text(on: &str) -> String {
    format!("TEXTE ACTUEL : CELUI DU {} MANQUE", date(on).to_uppercase())
}

/// The banner's words over a version chosen that is not the one of the reading date.
pub fn other_version(on: &str) -> String {
    format!("PAS LA VERSION DU {}", date(on).to_uppercase())
}

/// The header of what changed in a version, by the day it took effect:
/// `Modifications du 9 octobre 2016`.
pub fn compared(since: &str) -> String {
    format!("Modifications du {}", date(since))
}

/// How many words a version inserted and deleted, under the heading of `loi print
/// --diff`.
pub fn counted(inserted: usize, deleted: usize) -> String {
    let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k < 2 { one } else { many });
    format!(
        "{} {{+…+}}, {} [-…-]",
        n(inserted, "mot inséré", "mots insérés"),
        n(deleted, "mot supprimé", "mots supprimés")
    )
}

/// The article's first version: nothing before it.
pub const FIRST_VERSION: &str = "première version de l'article : rien à comparer";

/// The mirror lacks the text of a version to compare.
pub fn version_text_missing(label: &str) -> String {
    format!("le texte de la version {label} n'est pas dans ce miroir : rien à comparer")
}

/// Said beside the state when the reading date is not today.
pub fn read_on(on: &str) -> String {
    format!("lu au {}", date(on))
}

/// The version in force on the reading date has no text in this mirror.
pub fn version_missing(on: &str) -> String {
    format!(
        "Le texte en vigueur le {} n'est pas dans ce miroir : texte actuel affiché",
        date(on)
    )
}

/// The Nota's mark, before its text.
pub use crate::model::state::NOTA;

/// How Légifrance names what a text did to the article: `MODIFIE` → « Modifié par ».
pub fn changed_by(kind: &str) -> String {
    let verb = match kind {
        "CREE" | "CREATION" => "Créé par",
        "MODIFIE" | "MODIFICATION" => "Modifié par",
        "CODIFICATION" => "Codifié par",
        "ABROGE" | "ABROGATION" => "Abrogé par",
        "DEPLACE" | "DEPLACEMENT" => "Déplacé par",
        "TRANSFERE" | "TRANSFERT" => "Transféré par",
        "RECTIFICATION" => "Rectifié par",
        "ANNULATION" => "Annulé par",
        "CITATION" => "Cité par",
        other => return format!("{} par", capitalized(&other.to_lowercase())),
    };
    verb.to_owned()
}

/// Where an article stands, to follow its number in parentheses: `abrogé depuis le
/// 1er septembre 2026`.
pub fn aside(s: &Standing, meta: &ArticleMeta, today: &str) -> String {
    let said = standing(s, Some(meta), today);
    let mut c = said.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// What happened, as the law says it: « modifié », or for what is to come, its noun
/// and « à venir » (« abrogation à venir »).
pub fn what_happened(change: &Change) -> String {
    let (done, coming) = match &change.kind {
        Kind::Created => ("créé", "création"),
        Kind::Modified => ("modifié", "modification"),
        Kind::Restored => ("rétabli", "rétablissement"),
        Kind::Ended(state) => match state.as_deref() {
            Some("TRANSFERE") => ("transféré", "transfert"),
            Some("ANNULE") => ("annulé", "annulation"),
            Some("PERIME") => ("périmé", "péremption"),
            Some("DISJOINT") => ("disjoint", "disjonction"),
            Some("DEPLACE") => ("déplacé", "déplacement"),
            _ => ("abrogé", "abrogation"),
        },
    };
    if change.future {
        format!("{coming} à venir")
    } else {
        done.to_owned()
    }
}

/// What is said when the mirror keeps no dates for the article shown.
pub const NO_VERSIONS: &str =
    "Ce miroir ne connaît pas les versions de cet article (loi import les apporte)";

/// What is said when no text is known to have changed the article.
pub const NO_CHANGES: &str = "Aucun texte modificateur connu pour cet article";

/// The title of an article's versions.
pub fn versions_title(num: &str, n: usize) -> String {
    format!("Versions de l'article {num} ({n})")
}

/// One version in the list: `du 1er mars 2008 au 1er mai 2008 · modifié`, the one
/// shown marked (`affichée : depuis le…`). Its state is said as of `today`, from its
/// dates, not as LEGI wrote it when the data was made (a repeal then « différée »
/// may have come since).
pub fn version_label(meta: &ArticleMeta, index: usize, shown: bool, today: &str) -> String {
    let Some(v) = meta.versions.get(index) else {
        return String::new();
    };
    let since = v
        .since
        .as_deref()
        .map(date)
        .unwrap_or_else(|| "?".to_owned());
    let span = match v.until() {
        Some(u) => format!("du {since} {}", to_day(u)),
        None => format!("depuis le {since}"),
    };
    let state = if v.since.as_deref().is_some_and(|s| s > today) {
        "à venir"
    } else if v.in_force_on(today) {
        "en vigueur"
    } else if let Some(until) = v.until() {
        let followed = meta
            .versions
            .iter()
            .any(|w| w.since.as_deref().is_some_and(|s| s >= until));
        if followed { "modifié" } else { "abrogé" }
    } else {
        state_word(v.state.as_deref())
    };
    // The mark first: a narrow list cuts the end of a line.
    let mark = if shown { "affichée : " } else { "" };
    format!("{mark}{span} · {state}")
}

/// The title of the texts that acted on an article.
pub fn changes_title(num: &str) -> String {
    format!("Textes de l'article {num}")
}

/// One of them: `Modifié par LOI n°2025-989 du 24 octobre 2025 - art. 12 (V) · effet
/// le 26 octobre 2025`.
pub fn change_label(c: &ChangeMeta) -> String {
    let title = c.title.as_deref().unwrap_or("texte sans titre");
    let mut label = format!("{} {title}", changed_by(&c.kind));
    if let Some(d) = c.effective.as_deref().or(c.signed.as_deref()) {
        label.push_str(&format!(" · effet le {}", date(d)));
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_a_lawyer_writes_them() {
        assert_eq!(date("2016-01-01"), "1er janvier 2016");
        assert_eq!(date("2029-03-05"), "5 mars 2029");
        assert_eq!(date("2025-08-31"), "31 août 2025");
        assert_eq!(date("2025-13-01"), "2025-13-01");
        assert_eq!(date("hier"), "hier");
    }

    #[test]
    fn each_standing_has_its_words() {
        let s = |x| standing(&x, None, "2026-12-07");
        assert_eq!(
            s(Standing::InForce {
                since: Some("2016-01-01".into()),
                until: None,
                then_changed: false
            }),
            "En vigueur depuis le 1er janvier 2016"
        );
        assert_eq!(
            s(Standing::InForce {
                since: Some("2016-01-01".into()),
                until: Some("2029-03-01".into()),
                then_changed: true
            }),
            "En vigueur jusqu'au 1er mars 2029, puis modifié"
        );
        assert_eq!(
            s(Standing::Repealed {
                since: Some("2019-01-01".into()),
                back: None
            }),
            "Abrogé depuis le 1er janvier 2019"
        );
        assert_eq!(
            s(Standing::Other {
                index: 0,
                since: Some("2008-03-01".into()),
                until: Some("2016-12-11".into())
            }),
            "Version en vigueur du 1er mars 2008 au 11 décembre 2016"
        );
        assert_eq!(s(Standing::Unknown), UNKNOWN);
        // LEGI's day for a date to be set is not named as a day.
        assert_eq!(
            s(Standing::InForce {
                since: None,
                until: Some(UNSET.into()),
                then_changed: false
            }),
            "En vigueur jusqu'à une date à fixer, puis abrogé"
        );
        assert_eq!(
            s(Standing::NotYet { from: UNSET.into() }),
            "Pas encore en vigueur : le sera à une date à fixer"
        );
        assert_eq!(
            current_text("2026-12-07"),
            "TEXTE ACTUEL : CELUI DU 7 DÉCEMBRE 2026 MANQUE"
        );
        assert_eq!(changed_by("CREATION"), "Créé par");
        assert_eq!(changed_by("NOUVEAU"), "Nouveau par");
    }
}
