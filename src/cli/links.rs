//! `loi links`: every reference of some articles, or of the whole mirror, with where it
//! leads or why it leads nowhere; a link checker for whoever maintains a mirror.

use std::io::{self, Write};

use serde::Serialize;

use crate::mirror::Mirror;
use crate::mirror::reference::{self, Kind, Target, Unresolved};
use crate::model::article::enumeration::Marker;
use crate::model::article::{Article, Citations};
use crate::model::plural::count;

/// One reference, as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The citing file, relative to the mirror root.
    pub article: String,
    /// `link` (a mirror path), `legacy` (a Légifrance address), `text` (a citation with
    /// no link), `external` (any other address).
    pub kind: &'static str,
    /// The reference's text as the article shows it.
    pub text: String,
    /// The target file relative to the mirror root (the first, for a range); `None`
    /// when unresolved.
    pub target: Option<String>,
    /// The point inside the target the citation names (`II 3°`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point: Option<String>,
    /// Every article of a range, in number order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<String>,
    /// Why there is no target; `None` when resolved.
    pub reason: Option<String>,
    /// When the link's text and its address disagree: what each names, and which was
    /// followed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Counts for the closing summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Totals {
    pub articles: usize,
    pub references: usize,
    pub resolved: usize,
}

/// The rows of one article.
pub fn rows(mirror: &Mirror, article: &Article) -> Vec<Row> {
    reference::read_evidence(mirror, article);
    article
        .links
        .iter()
        .map(|link| {
            let resolved = reference::resolve(mirror, &article.path, link);
            let mut row = Row {
                article: article.path.clone(),
                kind: Kind::of(link).name(),
                text: link.text.clone(),
                reason: resolved.as_ref().err().map(Unresolved::to_string),
                target: None,
                point: None,
                targets: Vec::new(),
                note: resolved
                    .is_ok()
                    .then(|| reference::disagreement(mirror, link))
                    .flatten()
                    .map(|d| d.to_string()),
            };
            let labels = |point: &[Marker]| {
                let labels: Vec<String> = point.iter().map(Marker::label).collect();
                (!labels.is_empty()).then(|| labels.join(" "))
            };
            match resolved {
                Ok(Target::Article { path, point }) => {
                    row.target = Some(path);
                    row.point = labels(&point);
                }
                Ok(Target::Here { point }) => {
                    row.target = Some(article.path.clone());
                    row.point = labels(&point);
                }
                Ok(Target::Many(paths)) => {
                    row.target = paths.first().cloned();
                    row.targets = paths;
                }
                Err(_) => {}
            }
            row
        })
        .collect()
}

/// Writes the rows of `paths` (every article when empty), then the totals: as
/// tab-separated lines and a summary, or as JSON lines with the summary on stderr.
pub fn run(
    mirror: &Mirror,
    paths: &[String],
    json: bool,
    out: &mut impl Write,
) -> io::Result<Totals> {
    let mut all;
    let paths = if paths.is_empty() {
        all = mirror.all_files();
        all.sort();
        &all[..]
    } else {
        paths
    };
    let mut totals = Totals::default();
    for path in paths {
        let Ok(article) = mirror.article(path, Citations::Now) else {
            continue;
        };
        totals.articles += 1;
        for row in rows(mirror, &article) {
            totals.references += 1;
            totals.resolved += usize::from(row.target.is_some());
            if json {
                serde_json::to_writer(&mut *out, &row)?;
                writeln!(out)?;
            } else {
                let target = match (&row.target, &row.point) {
                    _ if row.targets.len() > 1 => row.targets.join(" "),
                    (Some(t), Some(p)) => format!("{t} ({p})"),
                    (Some(t), None) => t.clone(),
                    (None, _) => "-".to_owned(),
                };
                let reason = row.reason.as_deref().or(row.note.as_deref()).unwrap_or("");
                writeln!(
                    out,
                    "{}\t{}\t{}\t{target}\t{reason}",
                    row.article, row.kind, row.text
                )?;
            }
        }
    }
    let articles = count(totals.articles, "article", "articles");
    let references = count(
        totals.references,
        crate::tr!("reference", "renvoi"),
        crate::tr!("references", "renvois"),
    );
    let (resolved, not) = (totals.resolved, totals.references - totals.resolved);
    let summary = crate::trf!(
        "{articles}, {references}: {resolved} resolved, {not} not",
        "{articles}, {references} : {resolved} trouvés, {not} non"
    );
    if json {
        eprintln!("{summary}");
    } else {
        writeln!(out, "{summary}")?;
    }
    Ok(totals)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_s_references_and_why_some_lead_nowhere() {
        let mirror = Mirror::bundled();
        let seed = mirror.find_named("", "d313-14.md").remove(0);
        let article = mirror.article(&seed, Citations::Now).expect("seed");
        let rows = rows(&mirror, &article);
        assert_eq!(rows.len(), 12);
        // One link naming two articles is two references.
        let l6123 = rows
            .iter()
            .find(|r| r.text == "articles L. 6123-1")
            .expect("row");
        let second = rows.iter().find(|r| r.text == "L. 6123-2").expect("row");
        assert_eq!(second.kind, "link");
        assert!(
            second
                .reason
                .as_deref()
                .is_some_and(|r| r.contains("not in this mirror"))
        );
        let text = rows.iter().find(|r| r.text == "R. 6123-2").expect("row");
        assert_eq!(text.kind, "text");
        let range = rows
            .iter()
            .find(|r| r.text == "D. 6123-25 à D. 6123-27")
            .expect("row");
        assert_eq!(range.targets.len(), 1, "only D6123-26-1 is in the sample");
        assert_eq!(l6123.kind, "link");
        assert!(
            l6123
                .target
                .as_deref()
                .is_some_and(|t| t.ends_with("/l6123-1.md"))
        );
        let legacy = rows.iter().find(|r| r.text == "R. 6521-1").expect("row");
        assert_eq!(legacy.kind, "legacy");
        assert_eq!(legacy.target, None);
        assert!(
            legacy
                .reason
                .as_deref()
                .is_some_and(|r| r.contains("Code du travail"))
        );
        let mut out = Vec::new();
        let totals = run(&mirror, &[seed], true, &mut out).expect("run");
        assert_eq!(totals.references, 12);
        let text = String::from_utf8(out).expect("utf-8");
        let first: serde_json::Value =
            serde_json::from_str(text.lines().next().expect("a line")).expect("json");
        assert_eq!(first["text"], "L. 313-6");
        assert_eq!(first["target"], serde_json::Value::Null);
        assert_eq!(text.lines().count(), 12);
    }
}
