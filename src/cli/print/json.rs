//! `loi print --json`: an article as one line of JSON, for scripts: its number, code
//! and path, its state and dates as LEGI gives them (ISO dates, `null` for none, LEGI's
//! `2999-01-01` included), its Nota and text as plain text, its versions and the texts
//! that changed it. A mirror that keeps no dates gives `null` and empty lists.

use std::io::{self, Write};

use serde::Serialize;

use crate::mirror::state::{Dated, Shown};
use crate::model::article::{Article, Citations};
use crate::model::codes;
use crate::model::state::{ArticleMeta, ChangeMeta, VersionMeta, end};

/// One article's line.
#[derive(Debug, Serialize)]
struct Line<'a> {
    num: &'a str,
    /// The code's title.
    code: String,
    /// From the mirror's root.
    path: &'a str,
    /// The LEGIARTI id of the version the mirror's file holds.
    id: Option<&'a str>,
    state: Option<&'a str>,
    since: Option<&'a str>,
    until: Option<&'a str>,
    nota: Option<String>,
    versions: Vec<Version<'a>>,
    changed_by: Vec<Changed<'a>>,
    /// The index in `versions` of the version `text` is; `null` when not known.
    text_version: Option<usize>,
    text: String,
}

#[derive(Debug, Serialize)]
struct Version<'a> {
    state: Option<&'a str>,
    since: Option<&'a str>,
    until: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct Changed<'a> {
    title: Option<&'a str>,
    kind: &'a str,
    /// When it took effect on the article, else when the text was signed, else
    /// published.
    date: Option<&'a str>,
}

/// Writes `dated` as one line of JSON.
pub fn write(dated: &Dated, out: &mut impl Write) -> io::Result<()> {
    let article = &dated.article;
    let meta = dated.state.as_ref();
    let line = Line {
        num: &article.num,
        code: codes::title_for(article.code_slug()),
        path: &article.path,
        id: meta.and_then(|m| some(Some(m.id.as_str()))),
        state: meta.and_then(|m| some(m.state.as_deref())),
        since: meta.and_then(|m| some(m.since.as_deref())),
        until: meta.and_then(|m| end(m.until.as_deref())),
        nota: meta.and_then(|m| nota(article, m)),
        versions: meta.map_or_else(Vec::new, |m| m.versions.iter().map(version).collect()),
        changed_by: meta.map_or_else(Vec::new, |m| m.changed_by.iter().map(changed).collect()),
        text_version: meta.and_then(|m| match dated.shown {
            Shown::Version(i) => Some(i),
            Shown::Current | Shown::Missing(_) => m.current(),
        }),
        text: super::plain_text(article),
    };
    serde_json::to_writer(&mut *out, &line).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// A value that is one: an empty string is none.
fn some(s: Option<&str>) -> Option<&str> {
    s.filter(|s| !s.is_empty())
}

fn version(v: &VersionMeta) -> Version<'_> {
    Version {
        state: some(v.state.as_deref()),
        since: some(v.since.as_deref()),
        until: v.until(),
    }
}

fn changed(c: &ChangeMeta) -> Changed<'_> {
    Changed {
        title: some(c.title.as_deref()),
        kind: &c.kind,
        date: some(c.effective.as_deref())
            .or_else(|| some(c.signed.as_deref()))
            .or_else(|| some(c.published.as_deref())),
    }
}

/// The Nota as plain text, a paragraph a line; `None` when it has none.
fn nota(article: &Article, meta: &ArticleMeta) -> Option<String> {
    let html = meta.nota.as_deref()?;
    let source = format!("# Article {}\n\n{html}", article.num);
    let parsed = Article::parse(&article.path, &source, Citations::Later);
    Some(super::plain_text(&parsed)).filter(|t| !t.is_empty())
}
