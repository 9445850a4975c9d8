//! What happened to an article on or after a date, as its versions tell it: a version
//! that starts (the article created, changed, or in force again after a gap) and an
//! end that nothing follows (a repeal, a transfer…), past or to come. Plain data for
//! `loi changes`; the words are the command's.

use super::{ArticleMeta, VersionMeta, end};

/// One change of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// When (`YYYY-MM-DD`).
    pub date: String,
    pub kind: Kind,
    /// After the day given as today: scheduled, not yet the law.
    pub future: bool,
}

/// What a change is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Its first version starts.
    Created,
    /// A version starts where another was in force the day before.
    Modified,
    /// A version starts after a time when none was in force.
    Restored,
    /// A version ends and none is in force from that day: repealed, or what the ended
    /// version's state says (`TRANSFERE`, `ANNULE`, `PERIME`…), as LEGI writes it.
    Ended(Option<String>),
}

/// The changes of `meta` dated on or after `from`, oldest first; each later than
/// `today` is `future`. A version that never was in force (it ends where it starts,
/// or LEGI says `MODIFIE_MORT_NE`) is no change, and ends nothing. An article whose
/// metadata lists no versions is read as one version, its own dates.
pub fn since(meta: &ArticleMeta, from: &str, today: &str) -> Vec<Change> {
    let own;
    let versions: &[VersionMeta] = if meta.versions.is_empty() {
        own = [VersionMeta {
            id: meta.id.clone(),
            state: meta.state.clone(),
            since: meta.since.clone(),
            until: meta.until.clone(),
        }];
        &own
    } else {
        &meta.versions
    };
    let real: Vec<(&str, Option<&str>, &VersionMeta)> = versions
        .iter()
        .filter(|v| v.state.as_deref() != Some("MODIFIE_MORT_NE"))
        .filter_map(|v| {
            let since = v.since.as_deref().filter(|s| !s.is_empty())?;
            let until = end(v.until.as_deref());
            (until != Some(since)).then_some((since, until, v))
        })
        .collect();
    // In force on `day`, by a version other than the `i`-th.
    let covered = |day: &str, but: usize| {
        real.iter()
            .enumerate()
            .any(|(j, (s, u, _))| j != but && *s <= day && u.is_none_or(|u| day < u))
    };
    let mut out = Vec::new();
    for (i, (since, until, v)) in real.iter().enumerate() {
        if *since >= from {
            let earlier = real
                .iter()
                .enumerate()
                .filter(|(j, (s, _, _))| *j != i && s < since);
            let mut before = false;
            let mut touching = false;
            for (_, (_, u, _)) in earlier {
                before = true;
                // In force the day before this one starts: up to it, or past it.
                touching |= u.is_none_or(|u| u >= *since);
            }
            let kind = match (before, touching) {
                (false, _) => Kind::Created,
                (true, true) => Kind::Modified,
                (true, false) => Kind::Restored,
            };
            out.push(change(since, kind, today));
        }
        if let Some(until) = until.filter(|u| *u >= from)
            && !covered(until, i)
        {
            out.push(change(until, Kind::Ended(v.state.clone()), today));
        }
    }
    out.sort_by(|a, b| a.date.cmp(&b.date));
    out.dedup();
    out
}

fn change(date: &str, kind: Kind, today: &str) -> Change {
    Change {
        date: date.to_owned(),
        kind,
        future: date > today,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(state: &str, since: &str, until: Option<&str>) -> VersionMeta {
        VersionMeta {
            id: format!("{state}{since}"),
            state: Some(state.into()),
            since: Some(since.into()),
            until: until.map(Into::into),
        }
    }

    fn article(versions: Vec<VersionMeta>) -> ArticleMeta {
        ArticleMeta {
            versions,
            ..ArticleMeta::default()
        }
    }

    fn kinds(changes: &[Change]) -> Vec<(&str, &Kind, bool)> {
        changes
            .iter()
            .map(|c| (c.date.as_str(), &c.kind, c.future))
            .collect()
    }

    /// L6123-1 as the data of March 2026 has it: created 2008, changed 2016, repealed
    /// 2019, back in 2026.
    #[test]
    fn each_start_and_each_end_nothing_follows_is_a_change() {
        let a = article(vec![
            v("MODIFIE", "2008-03-01", Some("2016-12-11")),
            v("ABROGE", "2016-12-11", Some("2019-01-01")),
            v("VIGUEUR", "2026-01-01", Some("2999-01-01")),
        ]);
        let all = since(&a, "2000-01-01", "2026-12-07");
        let abroge = Kind::Ended(Some("ABROGE".into()));
        assert_eq!(
            kinds(&all),
            [
                ("2008-03-01", &Kind::Created, false),
                ("2016-12-11", &Kind::Modified, false),
                ("2019-01-01", &abroge, false),
                ("2026-01-01", &Kind::Restored, false),
            ]
        );
        // On the day itself, and not before it.
        assert_eq!(
            kinds(&since(&a, "2019-01-01", "2026-12-07")),
            [
                ("2019-01-01", &abroge, false),
                ("2026-01-01", &Kind::Restored, false)
            ]
        );
        assert!(since(&a, "2026-01-02", "2026-12-07").is_empty());
        // Seen from 2020, the return is to come.
        assert!(since(&a, "2019-06-01", "2020-01-01")[0].future);
    }

    #[test]
    fn a_scheduled_repeal_and_a_future_version() {
        let mut a = article(vec![v("ABROGE_DIFF", "2016-10-09", Some("2031-01-01"))]);
        assert_eq!(
            kinds(&since(&a, "2025-01-01", "2026-12-07")),
            [("2031-01-01", &Kind::Ended(Some("ABROGE_DIFF".into())), true)]
        );
        // A version follows it: a change to come, no repeal.
        a.versions.push(v("VIGUEUR_DIFF", "2031-01-01", None));
        assert_eq!(
            kinds(&since(&a, "2025-01-01", "2026-12-07")),
            [("2031-01-01", &Kind::Modified, true)]
        );
    }

    #[test]
    fn what_never_was_in_force_is_no_change() {
        let a = article(vec![
            v("MODIFIE", "2010-01-01", Some("2012-01-01")),
            v("MODIFIE_MORT_NE", "2011-01-01", Some("2011-06-01")),
            v("MODIFIE", "2012-01-01", Some("2012-01-01")),
            v("VIGUEUR", "2012-01-01", None),
        ]);
        assert_eq!(
            kinds(&since(&a, "2010-06-01", "2026-12-07")),
            [("2012-01-01", &Kind::Modified, false)]
        );
    }

    #[test]
    fn overlapping_versions_end_nothing_and_no_versions_reads_the_articles_dates() {
        // As the data has L182-3: a transferred version inside another.
        let a = article(vec![
            v("MODIFIE", "2011-06-02", Some("2016-07-01")),
            v("TRANSFERE", "2011-07-24", Some("2012-06-02")),
            v("VIGUEUR", "2016-07-01", None),
        ]);
        assert_eq!(
            kinds(&since(&a, "2011-07-01", "2026-12-07")),
            [
                ("2011-07-24", &Kind::Modified, false),
                ("2016-07-01", &Kind::Modified, false)
            ]
        );
        let own = ArticleMeta {
            state: Some("ABROGE_DIFF".into()),
            since: Some("2016-01-01".into()),
            until: Some("2029-03-01".into()),
            ..ArticleMeta::default()
        };
        assert_eq!(
            kinds(&since(&own, "2016-01-01", "2026-12-07")),
            [
                ("2016-01-01", &Kind::Created, false),
                ("2029-03-01", &Kind::Ended(Some("ABROGE_DIFF".into())), true)
            ]
        );
        assert!(since(&ArticleMeta::default(), "2000-01-01", "2026-12-07").is_empty());
    }
}
