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

/// Below this many articles one thread is done before several would have started.
const PARALLEL_FROM: usize = 2000;

/// Articles a thread takes at a time: enough that taking them costs nothing, few
/// enough that the rows waiting to be written in order stay few.
const CHUNK: usize = 64;

/// What a thread made of one article: its rows, or that it needs the mirror's legacy
/// ids, which the thread writing the rows reads once (the others leave it such
/// articles).
enum Made {
    Unreadable,
    Rows(Vec<Row>),
    NeedsIds,
}

/// Gives `write` the rows of each readable article of `paths`, in their order. On a
/// whole mirror the articles are read and their references resolved on every core,
/// each thread with its own mirror (the index is shared by copy), and written in
/// order as they come; an article whose legacy links need the mirror's legacy ids
/// is done here, after they are read once.
fn each_article_rows(
    mirror: &Mirror,
    paths: &[String],
    threads: usize,
    write: &mut dyn FnMut(Vec<Row>) -> io::Result<()>,
) -> io::Result<()> {
    if paths.len() < PARALLEL_FROM || threads < 2 {
        for path in paths {
            if let Some(rows) = article_rows(mirror, path) {
                write(rows)?;
            }
        }
        return Ok(());
    }
    let frozen = mirror.frozen();
    let ids_known = mirror.legacy_ids().is_some();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, Vec<Made>)>(threads * 4);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let (tx, frozen, next) = (tx.clone(), frozen.clone(), &next);
            scope.spawn(move || {
                let mirror = frozen.open();
                loop {
                    let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let start = k * CHUNK;
                    let Some(chunk) = paths.get(start..paths.len().min(start + CHUNK)) else {
                        break;
                    };
                    if chunk.is_empty() {
                        break;
                    }
                    let made = chunk
                        .iter()
                        .map(|path| match mirror.article(path, Citations::Now) {
                            Err(_) => Made::Unreadable,
                            Ok(a) if !ids_known && reference::needs_evidence(&mirror, &a) => {
                                Made::NeedsIds
                            }
                            Ok(a) => Made::Rows(rows(&mirror, &a)),
                        })
                        .collect();
                    // The writer gone (an error, a closed pipe): nothing more to do.
                    if tx.send((k, made)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut waiting = std::collections::BTreeMap::new();
        let mut due = 0;
        for (k, made) in rx {
            waiting.insert(k, made);
            while let Some(made) = waiting.remove(&due) {
                for (m, path) in made.into_iter().zip(paths.iter().skip(due * CHUNK)) {
                    match m {
                        Made::Unreadable => {}
                        Made::Rows(rows) => write(rows)?,
                        Made::NeedsIds => {
                            if let Some(rows) = article_rows(mirror, path) {
                                write(rows)?;
                            }
                        }
                    }
                }
                due += 1;
            }
        }
        Ok(())
    })
}

/// The rows of the article at `path`, when it can be read.
fn article_rows(mirror: &Mirror, path: &str) -> Option<Vec<Row>> {
    let article = mirror.article(path, Citations::Now).ok()?;
    Some(rows(mirror, &article))
}

/// Writes the rows of `paths` (every article when empty), then the totals: as
/// tab-separated lines and a summary, or as JSON lines with the summary on stderr.
pub fn run(
    mirror: &Mirror,
    paths: &[String],
    json: bool,
    out: &mut impl Write,
) -> io::Result<Totals> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    run_on(mirror, paths, json, out, threads)
}

/// [`run`] on at most `threads` threads (one below [`PARALLEL_FROM`] articles).
pub fn run_on(
    mirror: &Mirror,
    paths: &[String],
    json: bool,
    out: &mut impl Write,
    threads: usize,
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
    each_article_rows(mirror, paths, threads, &mut |rows| {
        totals.articles += 1;
        for row in rows {
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
        Ok(())
    })?;
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
