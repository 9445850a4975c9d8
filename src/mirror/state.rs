//! What a mirror made by `loi import` says of its articles through time: an article's
//! state, dates, Nota and versions (`.loi/codes/`), the text of a version not in
//! force (`.loi/versions/`, from LEGI), the date of each code's data. A mirror
//! without `.loi/` has none of it, and every answer is `None`.

use super::Mirror;
use super::error::Error;
use super::import::meta;
use crate::model::article::{Article, Citations};
use crate::model::state::ArticleMeta;

/// An article as it reads on a date: its text in the version in force that day when
/// the mirror has it, and what the mirror knows of it through time.
#[derive(Debug, Clone)]
pub struct Dated {
    pub article: Article,
    /// `None` for a mirror that keeps no dates (not made by `loi import`).
    pub state: Option<ArticleMeta>,
    pub shown: Shown,
}

/// Which text [`Dated::article`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// The file's: the version in force today (or no dates are known).
    Current,
    /// Another version, by its index in `versions`, read from `.loi/versions/`.
    Version(usize),
    /// The version in force on the date (this index) has no text in the mirror: the
    /// file's text is shown, and must be said to be the current one.
    Missing(usize),
}

impl Shown {
    /// How version `index` of the article is shown: the file's own, or another's.
    pub fn of(state: &ArticleMeta, index: usize) -> Shown {
        if state.versions.get(index).is_some_and(|v| v.id == state.id) {
            Shown::Current
        } else {
            Shown::Version(index)
        }
    }

    /// The index, in `state.versions`, of the version whose text this is (the file's
    /// for [`Shown::Missing`], which shows it for want of the day's).
    pub fn version(self, state: &ArticleMeta) -> Option<usize> {
        match self {
            Shown::Version(i) => Some(i),
            Shown::Current | Shown::Missing(_) => state.current(),
        }
    }
}

/// What changed in a version of an article: the comparison, and as an article to
/// read ([`Article::of_diff`]).
#[derive(Debug, Clone)]
pub struct Compared {
    pub article: Article,
    pub diff: crate::model::diff::Diff,
    /// The version compared with, by its index in `versions`.
    pub before: usize,
}

/// Why a version cannot be compared with the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uncompared {
    /// It is the article's first.
    First,
    /// The mirror lacks the text of this version (its index in `versions`).
    Missing(usize),
}

impl Mirror {
    /// What changed in version `index` of the article at `rel` (`state` is its
    /// metadata) against the version before it, word by word.
    pub fn compare(
        &self,
        rel: &str,
        state: &ArticleMeta,
        index: usize,
    ) -> Result<Compared, Uncompared> {
        let since = state
            .versions
            .get(index)
            .and_then(|v| v.since.clone())
            .ok_or(Uncompared::First)?;
        let before = state
            .versions
            .iter()
            .enumerate()
            .filter(|(_, v)| v.since.as_ref().is_some_and(|s| *s < since))
            .max_by(|a, b| a.1.since.cmp(&b.1.since))
            .map(|(i, _)| i)
            .ok_or(Uncompared::First)?;
        let text = |i: usize| {
            self.version(rel, state, &state.versions[i].id, Citations::Now)
                .ok_or(Uncompared::Missing(i))
        };
        let (old, new) = (text(before)?, text(index)?);
        let diff = crate::model::diff::diff(&old, &new);
        Ok(Compared {
            article: Article::of_diff(&new.num, &new.path, &diff),
            diff,
            before,
        })
    }

    /// The article at `rel` as it reads on `date` (`YYYY-MM-DD`): the version in force
    /// that day, or the file's text when that day has none (not yet, or repealed: the
    /// header says so) or the mirror lacks it ([`Shown::Missing`]).
    pub fn dated(&self, rel: &str, date: &str, citations: Citations) -> Result<Dated, Error> {
        let clean =
            super::safe_relative(rel).ok_or_else(|| Error::OutsideMirror(rel.to_owned()))?;
        let state = self.state(&clean);
        // Another version that day, whose text the mirror has: that text only (the
        // file is not parsed for nothing), once the file is known to be there.
        if let Some(state) = &state
            && let Some(i) = other_version(state, date)
            && self.exists(&clean)
            && let Some(other) = self.version(&clean, state, &state.versions[i].id, citations)
        {
            return Ok(Dated {
                article: other,
                state: Some(state.clone()),
                shown: Shown::Version(i),
            });
        }
        let article = self.article(&clean, citations)?;
        Ok(self.at_date_with(article, state, date))
    }

    /// [`Mirror::dated`] for an article already read from its file (not parsed again
    /// when its own version is the one shown).
    pub fn at_date(&self, article: Article, date: &str) -> Dated {
        let state = self.state(&article.path);
        self.at_date_with(article, state, date)
    }

    /// [`Mirror::at_date`] with the article's metadata already looked up.
    pub fn at_date_with(&self, article: Article, state: Option<ArticleMeta>, date: &str) -> Dated {
        let Some(state) = state else {
            return Dated {
                article,
                state: None,
                shown: Shown::Current,
            };
        };
        let citations = if article.citations_pending {
            Citations::Later
        } else {
            Citations::Now
        };
        let shown = match other_version(&state, date) {
            Some(i) => {
                let id = state.versions[i].id.clone();
                if let Some(mut other) = self.version(&article.path, &state, &id, citations) {
                    other.note = article.note;
                    return Dated {
                        article: other,
                        state: Some(state),
                        shown: Shown::Version(i),
                    };
                }
                Shown::Missing(i)
            }
            None => Shown::Current,
        };
        Dated {
            article: with_nota(article, &state),
            state: Some(state),
            shown,
        }
    }

    /// The article at `rel` through time, when the mirror keeps it.
    pub fn state(&self, rel: &str) -> Option<ArticleMeta> {
        let rel = super::safe_relative(rel)?;
        meta::find(self.root()?, &rel)
    }

    /// The mirror's `.loi/mirror.json`: its codes and the dates of their data.
    pub fn imported(&self) -> Option<meta::MirrorMeta> {
        meta::read_mirror(self.root()?)
    }

    /// One version of the article at `rel` (`state`, its metadata), by its id, as an
    /// article: the file's own text for the version it holds, else the text
    /// `.loi/versions/` keeps (a LEGI import). `None` when the mirror does not have
    /// that version's text.
    pub fn version(
        &self,
        rel: &str,
        state: &ArticleMeta,
        id: &str,
        citations: Citations,
    ) -> Option<Article> {
        if state.id == id {
            return self.article(rel, citations).ok();
        }
        // An id is `LEGIARTI` and digits: nothing else may name a file.
        if !id.bytes().all(|b| b.is_ascii_alphanumeric()) || id.is_empty() {
            return None;
        }
        let rel = super::safe_relative(rel)?;
        let folder = rel.split('/').next()?;
        let file = self
            .root()?
            .join(meta::DIR)
            .join(meta::VERSIONS)
            .join(folder)
            .join(format!("{id}.html"));
        let html = super::read::read_file(&file, &rel).ok()?;
        let (html, _) = super::decode_owned(html);
        let source = format!("# Article {}\n\n{html}", state.num);
        Some(Article::parse(&rel, &source, citations))
    }
}

/// The file's text with the Nota of its version after it, when it has one.
pub fn with_nota(article: Article, state: &ArticleMeta) -> Article {
    match state.nota.as_deref() {
        Some(nota) if !nota.trim().is_empty() => article.with_nota(nota),
        _ => article,
    }
}

/// The version in force on `date` when it is not the one the file holds.
fn other_version(state: &ArticleMeta, date: &str) -> Option<usize> {
    state
        .version_on(date)
        .filter(|&i| state.versions[i].id != state.id)
}
