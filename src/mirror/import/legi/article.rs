//! What an article version file becomes: whether it is in force on the archive's
//! date, its code's title and the titles of its sections (from its own `CONTEXTE`:
//! each file says where it sits, so that a file can be placed when it is read, in
//! whatever order the archive holds them), and its metadata line.

use super::read::{Article, Dated};
use crate::mirror::import::meta::{ArticleMeta, ChangeMeta, VersionMeta};

/// States of a version that never is or no longer is law, whatever its dates.
const DEAD: [&str; 10] = [
    "",
    "ABROGE",
    "ANNULE",
    "PERIME",
    "TRANSFERE",
    "DISJOINT",
    "DENONCE",
    "REMPLACE",
    "MODIFIE_MORT_NE",
    "ABROGE_MORT_NE",
];

/// In force on `date` (`YYYY-MM-DD`): a live state and `debut <= date < fin`
/// (`VIGUEUR`, `ABROGE_DIFF` until its end; not `VIGUEUR_DIFF` before its start).
pub fn in_force(debut: &str, fin: &str, state: &str, date: &str) -> bool {
    !is_dead(state) && debut <= date && (fin.is_empty() || date < fin)
}

/// Repealed, cancelled, never in force…: its text is not kept as a version.
pub fn is_dead(state: &str) -> bool {
    DEAD.contains(&state.trim())
}

/// White space collapsed (titles may hold `&#13;`, line breaks and tabs).
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The one of several dated titles in force on `date`, else the last.
pub fn pick<'a>(titles: &'a [Dated], date: &str) -> Option<&'a str> {
    titles
        .iter()
        .find(|t| t.debut.as_str() <= date && (t.fin.is_empty() || date < t.fin.as_str()))
        .or(titles.last())
        .map(|t| t.text.as_str())
}

/// The code's title as the article names it (`TITRE_TXT`).
pub fn code_title(a: &Article, date: &str) -> Option<String> {
    pick(&a.titles, date).map(clean).filter(|t| !t.is_empty())
}

/// The titles of the sections holding the article, outermost first.
pub fn trail(a: &Article, date: &str) -> Vec<String> {
    a.sections
        .iter()
        .filter_map(|level| pick(level, date).map(clean))
        .collect()
}

/// A LEGI date as the metadata keeps it: `2999-01-01` (none) and empty are `None`.
pub fn date(d: &str) -> Option<String> {
    let d = d.trim();
    (!d.is_empty() && !d.starts_with("2999-")).then(|| d.to_owned())
}

/// The article's cid: its first version's id (docs/LEGI.md), else its own.
pub fn cid(a: &Article) -> &str {
    a.versions
        .first()
        .map(|v| v.id.as_str())
        .filter(|id| !id.is_empty())
        .unwrap_or(&a.id)
}

/// Every id the article is known by: this version's and each version's.
pub fn ids(a: &Article) -> Vec<String> {
    let mut ids = vec![a.id.clone()];
    for v in &a.versions {
        if !v.id.is_empty() && !ids.contains(&v.id) {
            ids.push(v.id.clone());
        }
    }
    ids
}

/// The article's line of `.loi/codes/FOLDER.jsonl`.
pub fn meta(a: &Article, path: String) -> ArticleMeta {
    let link = |l: &super::read::Lien| ChangeMeta {
        kind: l.kind.clone(),
        orientation: Some(l.sens.clone()).filter(|s| !s.is_empty()),
        title: Some(clean(&l.title)).filter(|s| !s.is_empty()),
        text: Some(l.text_cid.clone()).filter(|s| !s.is_empty()),
        article: Some(l.num.clone()).filter(|s| !s.is_empty()),
        article_id: Some(l.id.clone()).filter(|s| !s.is_empty()),
        published: None,
        signed: date(&l.signed),
        effective: None,
    };
    ArticleMeta {
        path,
        num: a.num.trim().to_owned(),
        id: a.id.clone(),
        cid: cid(a).to_owned(),
        state: Some(a.state.clone()).filter(|s| !s.is_empty()),
        since: date(&a.debut),
        until: date(&a.fin),
        nota: Some(a.nota.clone()).filter(|n| !n.trim().is_empty()),
        versions: a
            .versions
            .iter()
            .map(|v| VersionMeta {
                id: v.id.clone(),
                state: Some(v.state.clone()).filter(|s| !s.is_empty()),
                since: date(&v.debut),
                until: date(&v.fin),
            })
            .collect(),
        changed_by: a
            .liens
            .iter()
            .filter(|l| l.kind != "CITATION")
            .map(link)
            .collect(),
        citations: a
            .liens
            .iter()
            .filter(|l| l.kind == "CITATION")
            .map(link)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_force_on_the_archives_date() {
        let d = "2025-07-13";
        assert!(in_force("2016-01-01", "2999-01-01", "VIGUEUR", d));
        assert!(in_force("2016-01-01", "2031-01-01", "ABROGE_DIFF", d));
        assert!(!in_force("2030-01-01", "2999-01-01", "VIGUEUR_DIFF", d));
        assert!(!in_force("2016-01-01", "2016-10-09", "MODIFIE", d));
        assert!(!in_force("2016-01-01", "2999-01-01", "ABROGE", d));
        assert!(!in_force("2999-01-01", "2999-01-01", "", d));
        // The day a version ends, the next one is in force.
        assert!(!in_force("2016-01-01", "2025-07-13", "MODIFIE", d));
        assert!(in_force("2025-07-13", "2999-01-01", "VIGUEUR", d));
    }

    #[test]
    fn a_title_is_the_one_in_force_with_its_white_space_collapsed() {
        let t = |debut: &str, fin: &str, text: &str| Dated {
            debut: debut.into(),
            fin: fin.into(),
            text: text.into(),
        };
        let titles = [
            t("2000-01-01", "2010-01-01", "Ancien"),
            t("2010-01-01", "2999-01-01", "Livre Ier :\r\n\tNouveau"),
        ];
        assert_eq!(
            pick(&titles, "2025-01-01").map(clean).as_deref(),
            Some("Livre Ier : Nouveau")
        );
        assert_eq!(pick(&titles, "2005-01-01"), Some("Ancien"));
        assert_eq!(
            pick(&titles, "1990-01-01"),
            Some("Livre Ier :\r\n\tNouveau")
        );
        assert_eq!(date("2999-01-01"), None);
    }
}
