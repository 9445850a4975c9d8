//! An article through time, as the open data tells it: its state (`VIGUEUR`,
//! `ABROGE_DIFF`…), the dates it is in force, its Nota, its versions and the texts
//! that made or changed it; and which version is in force at a date. Plain data (a
//! mirror made by `loi import` keeps it in `.loi/`, see `mirror::import::meta`); the
//! words that say it are the app's.

use serde::{Deserialize, Serialize};

/// One line of `.loi/codes/FOLDER.jsonl`: an article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// From the mirror's root: `code-du-travail/…/l6123-1.md`.
    pub path: String,
    pub num: String,
    /// The LEGIARTI id of this version.
    pub id: String,
    /// The LEGIARTI id of its first version: the same article through its versions.
    pub cid: String,
    /// As LEGI says: `VIGUEUR`, `ABROGE_DIFF`, `VIGUEUR_DIFF`, `MODIFIE`…
    pub state: Option<String>,
    /// In force from (ISO date).
    pub since: Option<String>,
    /// In force until (ISO date); `None` for no end.
    pub until: Option<String>,
    /// The Nota, as HTML; absent when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nota: Option<String>,
    #[serde(default)]
    pub versions: Vec<VersionMeta>,
    /// The texts that created, changed or codified this version.
    #[serde(default)]
    pub changed_by: Vec<ChangeMeta>,
    /// From LEGI: its `CITATION` links (`kind` `CITATION`; `orientation` `source`: it
    /// cites the text or article named, `cible`: it is cited by it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<ChangeMeta>,
}

/// One version of an article (its text is not in the legi-data source; from LEGI it
/// is in `versions/FOLDER/ID.html` unless it is the version in force).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionMeta {
    pub id: String,
    pub state: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
}

/// A text that acted on the article: `CREE`, `MODIFIE`, `CODIFICATION`, `ABROGE`…
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeMeta {
    /// The link's type, as LEGI writes it.
    pub kind: String,
    /// `cible` (the text acted on this article) or `source`.
    pub orientation: Option<String>,
    /// `LOI n°2018-771 du 5 septembre 2018 - art. 36 (V)`.
    pub title: Option<String>,
    /// The text's id: `JORFTEXT…`.
    pub text: Option<String>,
    /// Its article's number and id.
    pub article: Option<String>,
    pub article_id: Option<String>,
    /// Published in the Journal officiel.
    pub published: Option<String>,
    /// Signed.
    pub signed: Option<String>,
    /// Took effect on this article.
    pub effective: Option<String>,
}

/// The mark of an article's Nota: the law's word, the same in every language.
pub const NOTA: &str = "Nota";

/// LEGI writes `2999-01-01` for « no end ».
const NO_END: &str = "2999-01-01";

/// An end date that is one: `None` for none or LEGI's `2999-01-01`.
pub fn end(until: Option<&str>) -> Option<&str> {
    until.filter(|u| !u.is_empty() && *u < NO_END)
}

impl VersionMeta {
    /// Whether this version is the law on `date` (`YYYY-MM-DD`): from its start, up to
    /// and not including its end. A version whose end is its start never was.
    pub fn in_force_on(&self, date: &str) -> bool {
        let Some(since) = self.since.as_deref() else {
            return false;
        };
        since <= date && end(self.until.as_deref()).is_none_or(|u| date < u)
    }

    pub fn until(&self) -> Option<&str> {
        end(self.until.as_deref())
    }
}

/// Where an article stands on a reading date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// The mirror has no dates for it (a mirror not made by `loi import`).
    Unknown,
    /// In force, in the version the mirror's file holds. `until`: the end already
    /// scheduled; `then_changed`: a later version follows it (else it is repealed).
    InForce {
        since: Option<String>,
        until: Option<String>,
        then_changed: bool,
    },
    /// In force in another version than the file's: `index` in [`ArticleMeta::versions`].
    Other {
        index: usize,
        since: Option<String>,
        until: Option<String>,
    },
    /// Not yet in force: its first version starts on `from`.
    NotYet { from: String },
    /// Repealed on `since` (and, when `back` is set, in force again from that date).
    Repealed {
        since: Option<String>,
        back: Option<String>,
    },
}

impl Standing {
    /// Whether the article is the law on the reading date (in some version).
    pub fn in_force(&self) -> bool {
        matches!(
            self,
            Standing::Unknown | Standing::InForce { .. } | Standing::Other { .. }
        )
    }
}

impl ArticleMeta {
    /// The versions, oldest first (the data lists them so; this does not rely on it).
    fn sorted(&self) -> Vec<(usize, &VersionMeta)> {
        let mut all: Vec<(usize, &VersionMeta)> = self.versions.iter().enumerate().collect();
        all.sort_by(|a, b| a.1.since.cmp(&b.1.since));
        all
    }

    /// The version in force on `date`, as an index in [`ArticleMeta::versions`].
    pub fn version_on(&self, date: &str) -> Option<usize> {
        self.sorted()
            .into_iter()
            .rev()
            .find(|(_, v)| v.in_force_on(date))
            .map(|(i, _)| i)
    }

    /// The index of the version the mirror's file holds, when the list has it.
    pub fn current(&self) -> Option<usize> {
        self.versions.iter().position(|v| v.id == self.id)
    }

    /// Where the article stands on `date` (`YYYY-MM-DD`).
    pub fn standing(&self, date: &str) -> Standing {
        if self.versions.is_empty() {
            // Only the file's own dates: enough to say whether it is in force.
            let version = VersionMeta {
                id: self.id.clone(),
                state: self.state.clone(),
                since: self.since.clone(),
                until: self.until.clone(),
            };
            return self.standing_in(&[(0, &version)], Some(0), date);
        }
        let sorted = self.sorted();
        self.standing_in(&sorted, self.current(), date)
    }

    fn standing_in(
        &self,
        sorted: &[(usize, &VersionMeta)],
        current: Option<usize>,
        date: &str,
    ) -> Standing {
        if sorted.iter().all(|(_, v)| v.since.is_none()) {
            return Standing::Unknown;
        }
        if let Some(&(i, v)) = sorted.iter().rev().find(|(_, v)| v.in_force_on(date)) {
            let until = v.until().map(str::to_owned);
            if Some(i) == current || (current.is_none() && v.id == self.id) {
                let then_changed = until.as_deref().is_some_and(|u| {
                    sorted
                        .iter()
                        .any(|(_, w)| w.since.as_deref().is_some_and(|s| s >= u))
                });
                return Standing::InForce {
                    since: v.since.clone(),
                    until,
                    then_changed,
                };
            }
            return Standing::Other {
                index: i,
                since: v.since.clone(),
                until,
            };
        }
        let first = sorted.iter().find_map(|(_, v)| v.since.as_deref());
        if let Some(first) = first.filter(|f| date < *f) {
            return Standing::NotYet {
                from: first.to_owned(),
            };
        }
        // After some version ended and before the next began (or for good).
        let since = sorted
            .iter()
            .filter_map(|(_, v)| v.until())
            .filter(|u| *u <= date)
            .max()
            .map(str::to_owned);
        let back = sorted
            .iter()
            .filter_map(|(_, v)| v.since.as_deref())
            .filter(|s| *s > date)
            .min()
            .map(str::to_owned);
        Standing::Repealed { since, back }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(id: &str, state: &str, since: &str, until: Option<&str>) -> VersionMeta {
        VersionMeta {
            id: id.into(),
            state: Some(state.into()),
            since: Some(since.into()),
            until: until.map(Into::into),
        }
    }

    /// L6123-1 as the data of March 2026 has it: repealed in 2019, back in 2026.
    fn l6123_1() -> ArticleMeta {
        ArticleMeta {
            id: "C".into(),
            state: Some("VIGUEUR".into()),
            since: Some("2026-01-01".into()),
            versions: vec![
                v("A", "MODIFIE", "2008-03-01", Some("2016-12-11")),
                v("B", "ABROGE", "2016-12-11", Some("2019-01-01")),
                v("C", "VIGUEUR", "2026-01-01", Some("2999-01-01")),
            ],
            ..ArticleMeta::default()
        }
    }

    #[test]
    fn each_date_finds_its_version_or_its_absence() {
        let a = l6123_1();
        assert_eq!(
            a.standing("2026-12-07"),
            Standing::InForce {
                since: Some("2026-01-01".into()),
                until: None,
                then_changed: false
            }
        );
        // The first day of a version is its own; the last day of the one before is not.
        assert_eq!(
            a.standing("2016-12-11"),
            Standing::Other {
                index: 1,
                since: Some("2016-12-11".into()),
                until: Some("2019-01-01".into())
            }
        );
        assert!(matches!(
            a.standing("2016-12-10"),
            Standing::Other { index: 0, .. }
        ));
        assert_eq!(
            a.standing("2020-05-05"),
            Standing::Repealed {
                since: Some("2019-01-01".into()),
                back: Some("2026-01-01".into())
            }
        );
        assert_eq!(
            a.standing("2001-01-01"),
            Standing::NotYet {
                from: "2008-03-01".into()
            }
        );
        assert!(!a.standing("2020-05-05").in_force());
        assert!(a.standing("2010-01-01").in_force());
    }

    #[test]
    fn a_scheduled_end_says_whether_a_version_follows() {
        let mut a = ArticleMeta {
            id: "A".into(),
            state: Some("ABROGE_DIFF".into()),
            since: Some("2016-01-01".into()),
            until: Some("2029-03-01".into()),
            versions: vec![v("A", "ABROGE_DIFF", "2016-01-01", Some("2029-03-01"))],
            ..ArticleMeta::default()
        };
        let repealed = a.standing("2026-01-01");
        assert!(
            matches!(repealed, Standing::InForce { then_changed: false, until: Some(ref u), .. } if u == "2029-03-01")
        );
        assert!(matches!(
            a.standing("2029-03-01"),
            Standing::Repealed { back: None, .. }
        ));
        a.versions.push(v("B", "VIGUEUR_DIFF", "2029-03-01", None));
        assert!(matches!(
            a.standing("2026-01-01"),
            Standing::InForce {
                then_changed: true,
                ..
            }
        ));
        assert!(matches!(
            a.standing("2030-01-01"),
            Standing::Other { index: 1, .. }
        ));
    }

    #[test]
    fn no_versions_listed_reads_the_files_own_dates_and_none_is_unknown() {
        let mut a = ArticleMeta {
            id: "A".into(),
            since: Some("2016-01-01".into()),
            until: Some("2020-01-01".into()),
            ..ArticleMeta::default()
        };
        assert!(matches!(a.standing("2017-01-01"), Standing::InForce { .. }));
        assert!(matches!(
            a.standing("2021-01-01"),
            Standing::Repealed { .. }
        ));
        a.since = None;
        assert_eq!(a.standing("2017-01-01"), Standing::Unknown);
    }

    #[test]
    fn a_version_that_ends_where_it_starts_never_was() {
        let never = v("A", "MODIFIE", "2010-01-01", Some("2010-01-01"));
        assert!(!never.in_force_on("2010-01-01"));
        assert!(v("A", "VIGUEUR", "2010-01-01", Some("2999-01-01")).in_force_on("2500-01-01"));
    }
}

pub mod changes;
