//! Whole-mirror search: the articles whose text answers a query (`query`), each with
//! its number, section and a snippet around the first match, given as they are found.
//!
//! With the word index in the cache (`words`, stamped with the mirror index's
//! content hash as `backlinks` is: its article numbers are positions in that index;
//! and with what each file was when read, so that a file written since answers from
//! its text as it is now) the answers come ranked, and only the files shown are
//! read, for their snippets. Without it, every file is read, in parallel, answers
//! given as they come (`scan`), and the caller then has the index built in the
//! background (`background`, `build`), so the first search costs what grep does and
//! the next ones a look-up.

pub mod background;
mod build;
mod normalised;
pub mod postings;
pub mod print;
pub mod query;
mod scan;
pub mod text;
pub mod words;

use std::path::{Path, PathBuf};

use serde::Serialize;

pub use query::Query;

use crate::mirror::Mirror;
use crate::mirror::index::{Bytes, Index};

/// How much text a snippet shows, in characters.
const SNIPPET: usize = 110;
/// How much of it comes before the match.
const BEFORE: usize = 35;

/// An article answering a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The article's path, relative to the mirror root.
    pub path: String,
    /// Its number, as its file name gives it.
    pub num: String,
    /// Its section trail: `Livre II › Titre II › Chapitre V …`.
    pub section: String,
    /// The text around the first match, on one line.
    pub snippet: String,
}

/// How a search was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    /// From the word index, best first.
    Index,
    /// By reading every file: `background::spawn` then builds the index.
    Scan,
}

/// Searches the mirror at `root` (`None`: the sample built into loi) for `query`,
/// calling `each` with every answer as it is found, until it returns false.
pub fn run(
    root: Option<&Path>,
    query: &Query,
    each: &mut dyn FnMut(Hit) -> bool,
) -> Result<Answered, crate::mirror::error::Error> {
    let mirror = match root {
        Some(root) => Mirror::open(root)?,
        None => Mirror::bundled(),
    };
    // A file added, removed or renamed since the index was read: read again, and the
    // word index, made for the old one, is then set aside below.
    mirror.refresh();
    let index = mirror.index();
    if query.is_empty() {
        return Ok(Answered::Index);
    }
    // A search is where a dead builder's lock and runs would be met: gone first.
    if let Some(dir) = cache_file(&mirror).as_deref().and_then(Path::parent) {
        crate::mirror::leftovers::sweep(dir);
    }
    if let Some((words, changed)) = open(&mirror, &index) {
        // The articles written since the index was built answer from their text.
        let fresh = changed
            .iter()
            .filter_map(|&doc| {
                let path = index.entry(doc as usize)?.path();
                Some((doc, words_now(&mirror, &path)))
            })
            .collect();
        for (doc, _) in words.search_patched(query, &fresh) {
            let Some(path) = index.entry(doc as usize).map(|e| e.path()) else {
                continue;
            };
            // Read again: the file may have changed since it was indexed.
            if let Some(hit) = read_hit(&mirror, &path, query)
                && !each(hit)
            {
                break;
            }
        }
        return Ok(Answered::Index);
    }
    scan::run(root, &index, query, each);
    Ok(Answered::Scan)
}

/// The answer of the article at `path`, when its text answers `query`.
pub fn read_hit(mirror: &Mirror, path: &str, query: &Query) -> Option<Hit> {
    let (file, _) = mirror.read_text(path).ok()?;
    let text = text::article_text(&file);
    let found = query.find_in_text(&text)?;
    Some(hit(path, &text, found.first().map_or(0, |r| r.start)))
}

/// An answer: the article at `path`, its text `text` matching at byte `at`.
fn hit(path: &str, text: &str, at: usize) -> Hit {
    Hit {
        path: path.to_owned(),
        num: crate::mirror::number_of_file(path),
        section: section_of(path),
        snippet: snippet(text, at),
    }
}

/// `Partie législative › Livre II › … › Section 1 protection de la grossesse`.
pub fn section_of(path: &str) -> String {
    crate::model::trail::of_path(path)
}

/// About `SNIPPET` characters of `text` around byte `at`, on one line, cut at words.
pub fn snippet(text: &str, at: usize) -> String {
    let at = (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before: Vec<&str> = text[..at].split_whitespace().collect();
    let after: Vec<&str> = text[at..].split_whitespace().collect();
    let mut start = before.len();
    let mut used = 0;
    while start > 0 && used + before[start - 1].chars().count() < BEFORE {
        start -= 1;
        used += before[start].chars().count() + 1;
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&before[start..].join(" "));
    if !out.is_empty() && !out.ends_with('…') && text[..at].ends_with(char::is_whitespace) {
        out.push(' ');
    }
    let mut taken = 0;
    for w in &after {
        if out.chars().count() + w.chars().count() > SNIPPET {
            break;
        }
        if taken > 0 {
            out.push(' ');
        }
        out.push_str(w);
        taken += 1;
    }
    if taken < after.len() {
        out.push('…');
    }
    crate::model::sanitize::clean(&out).into_owned()
}

/// `…/loi/words-HASH.bin`, beside the mirror's index.
pub fn cache_file(mirror: &Mirror) -> Option<PathBuf> {
    let index = crate::mirror::index::cache::cache_file(mirror.root()?)?;
    let name = index.file_name()?.to_str()?.replace("index-", "words-");
    Some(index.with_file_name(name))
}

/// An article's normalised words as its file reads now (none when it cannot be read).
fn words_now(mirror: &Mirror, path: &str) -> Vec<String> {
    let mut normalised = String::new();
    if let Ok((file, _)) = mirror.read_text(path) {
        normalised::normalise_article_into(&file, &mut normalised);
    }
    normalised.split(' ').skip(1).map(str::to_owned).collect()
}

/// The word index of `mirror`, when one was built for its present index and at most
/// [`PATCHED`] of its articles' files were written since.
pub fn load(mirror: &Mirror, index: &Index) -> Option<words::Words> {
    open(mirror, index).map(|(words, _)| words)
}

/// The word index of `mirror` built for its present index, and the articles whose
/// files were written since it was (a stat of each file: `index::stamps`); `None`
/// when there is none, or too many changed to read them at each search (it is then
/// built again).
fn open(mirror: &Mirror, index: &Index) -> Option<(words::Words, Vec<u32>)> {
    let words = mapped(mirror, index)?;
    let now = crate::mirror::index::stamps::files(mirror.root()?, index, None);
    let changed = crate::mirror::index::stamps::changed(words.stamps(), &now);
    (changed.len() <= PATCHED).then_some((words, changed))
}

/// How many articles written since the word index was built a search reads rather
/// than have the index built again: a few milliseconds of reading.
const PATCHED: usize = 256;

/// The word index file of `mirror`, when one was built for its present index.
fn mapped(mirror: &Mirror, index: &Index) -> Option<words::Words> {
    let f = std::fs::File::open(cache_file(mirror)?).ok()?;
    // SAFETY: a mapped file changed under us would change these bytes; but loi's cache
    // files are only ever replaced by a rename (index::cache::save_with), never written
    // in place, and every read of the mapping is bounds-checked.
    let mapped = unsafe { memmap2::Mmap::map(&f) }.ok()?;
    #[cfg(unix)]
    let _ = mapped.advise(memmap2::Advice::Random);
    words::Words::from_bytes(Bytes::Mapped(mapped))
        .filter(|w| w.index_hash() == index.content_hash() && w.files() == index.len())
}

/// Every answer at once, for tests and small mirrors.
pub fn all(root: Option<&Path>, query: &Query) -> Vec<Hit> {
    let mut hits = Vec::new();
    let _ = run(root, query, &mut |h| {
        hits.push(h);
        true
    });
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_show_the_match_with_some_text_before() {
        let text = "Un deux trois quatre cinq six sept huit neuf dix onze douze treize \
                    quatorze quinze la salariée enceinte ne peut être licenciée";
        let at = text.find("salariée").expect("there");
        let s = snippet(text, at);
        assert!(s.starts_with('…'), "{s}");
        assert!(s.contains("la salariée enceinte ne peut"), "{s}");
        assert!(s.chars().count() <= SNIPPET + 2, "{s}");
        assert_eq!(snippet("court", 0), "court");
    }

    #[test]
    fn sections_read_from_the_path() {
        assert_eq!(
            section_of("code-du-travail/partie-legislative/livre-ii-le-contrat/l1.md"),
            "Partie législative › Livre II le contrat"
        );
        assert_eq!(section_of("l1.md"), "");
    }
}
