//! `loi links`: every reference of some articles, or of the whole mirror, with where it
//! leads or why it leads nowhere; a link checker for whoever maintains a mirror.

use std::io::{self, Write};

use serde::Serialize;

use crate::article::Article;
use crate::mirror::Mirror;
use crate::reference::{self, Unresolved};

/// One reference, as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The citing file, relative to the mirror root.
    pub article: String,
    /// `link` (a mirror path), `legacy` (a Légifrance address), `external` (any other
    /// address).
    pub kind: &'static str,
    /// The reference's text as the article shows it.
    pub text: String,
    /// The target file relative to the mirror root; `None` when unresolved.
    pub target: Option<String>,
    /// Why there is no target; `None` when resolved.
    pub reason: Option<String>,
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
    article
        .links
        .iter()
        .map(|link| {
            let resolved = reference::resolve(mirror, link);
            Row {
                article: article.path.clone(),
                kind: kind(&link.href),
                text: link.text.clone(),
                reason: resolved.as_ref().err().map(Unresolved::to_string),
                target: resolved.ok(),
            }
        })
        .collect()
}

fn kind(href: &str) -> &'static str {
    if href.contains(".do?") || href.contains(".do;") {
        "legacy"
    } else if href.ends_with(".md") && !href.contains("://") {
        "link"
    } else {
        "external"
    }
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
        let Ok(article) = mirror.load(path) else {
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
                let target = row.target.as_deref().unwrap_or("-");
                let reason = row.reason.as_deref().unwrap_or("");
                writeln!(
                    out,
                    "{}\t{}\t{}\t{target}\t{reason}",
                    row.article, row.kind, row.text
                )?;
            }
        }
    }
    let summary = format!(
        "{} articles, {} references: {} resolved, {} not",
        totals.articles,
        totals.references,
        totals.resolved,
        totals.references - totals.resolved
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
        let article = mirror.load(&seed).expect("seed");
        let rows = rows(&mirror, &article);
        assert_eq!(rows.len(), 10);
        let l6123 = rows
            .iter()
            .find(|r| r.text == "articles L. 6123-1, L. 6123-2")
            .expect("row");
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
        assert_eq!(totals.references, 10);
        let text = String::from_utf8(out).expect("utf-8");
        let first: serde_json::Value =
            serde_json::from_str(text.lines().next().expect("a line")).expect("json");
        assert_eq!(first["text"], "L. 313-6");
        assert_eq!(first["target"], serde_json::Value::Null);
        assert_eq!(text.lines().count(), 10);
    }
}
