//! Go to: what a few typed characters name. A number in any usual form (`L6123-1`,
//! `L. 6123-1`, `l6123-1`, `6123-1`, or its start) lists the articles whose number
//! starts so, the exact one first; words list the articles of the sections whose
//! title holds them all; `annexe II`, `tableau 57` the annexes and tables of that name
//! (`goto/annexes`). The code being read comes first: a number is in several
//! codes more often than not (R242-1 is in the sécurité sociale and the code rural),
//! and the reader of one most likely means its own. Answers come from the index, so
//! they are as quick at 300,000 articles as at 12,000.

mod annexes;
#[cfg(test)]
mod tests;

use crate::mirror::index::{Entry, Index};
use crate::mirror::{self, order};
use crate::model::article::citation::typed::{self, CodeNamed};
use crate::model::article::enumeration::Marker;
use crate::model::codes::{self, Code};

/// An article go-to names, and the section whose title the words matched, if they did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub path: String,
    pub section: Option<String>,
}

/// No more than this many answers: a list longer than a screen or two is not read.
pub const LIMIT: usize = 200;

/// The most characters go-to looks up. The longest citation written out in full (`3°
/// du II de l'article L. 6123-1 du code de la sécurité sociale`) or a section's title
/// is well within it; a longer text is a paste of something else, and reading it as a
/// citation would cost in its length for no answer.
pub const LOOK_CHARS: usize = 200;

/// How many files starting with what was typed are looked at before sorting them by
/// number: `L6` alone starts thousands.
const SCAN: usize = 4 * LIMIT;

/// The prefixes an article number may have, for a number typed bare (`6123-1`).
/// Last, none: the code civil's numbers have no letter (`1240`).
const PREFIXES: &[&str] = &["l", "r", "d", "a", "lo", "r-", "d-", "l-", ""];

/// What go-to makes of what was typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Look {
    /// The articles it names, best first.
    pub answers: Vec<Answer>,
    /// The point a citation names inside its article (`L. 1233-3, 2°`), outermost
    /// first: where the article chosen opens.
    pub point: Vec<Marker>,
    /// How many answers, from the first, are the number typed itself (the others
    /// only start so): one, with a code named, is the article a citation names.
    pub exact: usize,
    /// A code named that is not to be found, to say so rather than list nothing.
    pub trouble: Option<Trouble>,
}

/// A code a citation names that go-to cannot look in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// No code has that name (`C. trv.`): the nearest, to ask « did you mean ».
    Unknown {
        typed: String,
        closest: Vec<&'static Code>,
    },
    /// A code of the table that this mirror does not hold.
    Absent(&'static Code),
    /// More than [`LOOK_CHARS`] characters: not looked up.
    TooLong,
}

/// The articles `query` names, best first, those of code `here` (a code's folder:
/// the article shown is in it) before the others'.
pub fn find(index: &Index, query: &str, here: Option<&str>) -> Vec<Answer> {
    look(index, query, here).answers
}

/// What `query` names: a citation as lawyers write it (`art. L. 1234-9 C. trav.`,
/// `L242-1 css`, `2° de l'article L. 1233-3`: its code's articles only, and its point),
/// a number or its start, or words of sections' titles.
pub fn look(index: &Index, query: &str, here: Option<&str>) -> Look {
    let query = query.trim();
    if query.is_empty() {
        return Look::default();
    }
    if too_long(query) {
        return Look {
            trouble: Some(Trouble::TooLong),
            ..Look::default()
        };
    }
    let here = Here {
        index,
        code: here.and_then(|code| index.dir_id(code)),
    };
    if let Some((answers, exact)) = annexes::by_name(index, query, &here) {
        return Look {
            answers,
            exact,
            ..Look::default()
        };
    }
    let Some(cited) = citation(query) else {
        let answers = if query.chars().any(|c| c.is_ascii_digit()) && !has_word(query) {
            by_number(index, query, &here, None)
        } else {
            by_words(index, query, &here)
        };
        return Look {
            exact: 0,
            answers,
            ..Look::default()
        };
    };
    // The code under the name the mirror keeps it by (a mirror made before the code
    // rural was renamed has it under its old name).
    let held = |code: &Code| -> Vec<u32> {
        std::iter::once(code)
            .chain(codes::same_text(code.slug))
            .filter_map(|c| index.dir_id(c.slug))
            .collect()
    };
    let within: Option<Vec<u32>> = match &cited.code {
        CodeNamed::Unsaid => None,
        CodeNamed::Known(code) => {
            let folders = held(code);
            if folders.is_empty() {
                return Look {
                    trouble: Some(Trouble::Absent(code)),
                    ..Look::default()
                };
            }
            Some(folders)
        }
        // A slip in the code's name: the number in the codes it most likely meant, to
        // choose from, none of them taken for the one named.
        CodeNamed::Unknown(typed) => {
            let closest = codes::closest(typed, 3);
            let folders: Vec<u32> = closest.iter().flat_map(|c| held(c)).collect();
            let answers = if folders.is_empty() {
                Vec::new()
            } else {
                by_number(index, &cited.num, &here, Some(&folders))
            };
            return Look {
                answers,
                point: cited.point,
                exact: 0,
                trouble: Some(Trouble::Unknown {
                    closest,
                    typed: typed.clone(),
                }),
            };
        }
    };
    let answers = by_number(index, &cited.num, &here, within.as_deref());
    let file = format!("{}.md", mirror::number_slug(&cited.num));
    let exact = answers
        .iter()
        .take_while(|a| a.path.rsplit('/').next() == Some(file.as_str()))
        .count();
    Look {
        answers,
        point: cited.point,
        exact,
        trouble: None,
    }
}

/// The citation `text` is (`art. L. 1234-9 C. trav.`), read only when go-to would look
/// it up: what opens the article chosen at its point, and a paste at once.
pub fn citation(text: &str) -> Option<typed::Typed> {
    if too_long(text.trim()) {
        return None;
    }
    typed::parse(text)
}

/// Whether `text` holds more than [`LOOK_CHARS`] characters, found without counting
/// them all.
fn too_long(text: &str) -> bool {
    text.chars().nth(LOOK_CHARS).is_some()
}

/// The code being read, to rank its articles first.
struct Here<'a> {
    index: &'a Index,
    /// Its folder's number in the index; `None` for an article in no code's folder.
    code: Option<u32>,
}

impl Here<'_> {
    /// Whether the article is elsewhere than in the code being read: `false` sorts
    /// first.
    fn away(&self, entry: &Entry) -> bool {
        let Some(code) = self.code else {
            return false;
        };
        top(self.index, entry) != code
    }
}

/// The code's folder an entry is in: its top folder.
fn top(index: &Index, entry: &Entry) -> u32 {
    top_of(index, entry.dir)
}

/// The code's folder that folder `dir` is in: its top folder.
fn top_of(index: &Index, mut dir: u32) -> u32 {
    // A folder's parent comes before it in the index.
    while let Some(parent) = index.dir_parent(dir).filter(|&p| p < dir) {
        dir = parent;
    }
    dir
}

/// Whether `query` holds a word of three letters or more: words of a title, not the
/// `L.` or `LO` of a number.
fn has_word(query: &str) -> bool {
    query
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() >= 3)
}

/// The articles numbered `query` or starting so; only those of the codes whose folders
/// are `within`, when given.
fn by_number(index: &Index, query: &str, here: &Here, within: Option<&[u32]>) -> Vec<Answer> {
    let slug = mirror::number_slug(query);
    let bare = slug.starts_with(|c: char| c.is_ascii_digit());
    let starts: Vec<String> = if bare {
        PREFIXES.iter().map(|p| format!("{p}{slug}")).collect()
    } else {
        vec![slug]
    };
    // (exact, away, entry): whether it is the number typed, and whether it is in
    // another code than the one read, worked out once, not at each comparison.
    let mut found: Vec<(bool, bool, Entry)> = Vec::new();
    for start in &starts {
        let exact = format!("{start}.md");
        // The number itself in every code, however many longer numbers start with it
        // (`l6123-1-1.md` sorts before `l6123-1.md`), then what starts so.
        let inside = |e: &Entry| within.is_none_or(|codes| codes.contains(&top(index, e)));
        found.extend(
            index
                .named(&exact)
                .filter(inside)
                .map(|e| (true, here.away(&e), e)),
        );
        found.extend(
            index
                .starting_with(start)
                .filter(|e| e.name != exact && inside(e))
                .take(SCAN)
                .map(|e| (false, here.away(&e), e)),
        );
    }
    // A bare number lists by its digits, then L before R before D as codes do.
    let rank = |name: &str| {
        let key = order::key(name);
        let prefix = key.as_ref().map_or("", |k| k.0.as_str());
        let letter = ["l", "lo", "r", "d", "a"]
            .iter()
            .position(|p| *p == prefix)
            .unwrap_or(5);
        (key.map(|k| k.1), letter)
    };
    found.sort_by(|(a_exact, a_away, a), (b_exact, b_away, b)| {
        let by_number = if bare {
            rank(a.name).cmp(&rank(b.name))
        } else {
            order::compare(a.name, b.name)
        };
        b_exact
            .cmp(a_exact)
            .then(a_away.cmp(b_away))
            .then(by_number)
            .then_with(|| a.dir.cmp(&b.dir))
    });
    found
        .into_iter()
        .take(LIMIT)
        .map(|(_, _, e)| item(&e.path(), None))
        .collect()
}

fn by_words(index: &Index, query: &str, here: &Here) -> Vec<Answer> {
    let mut words: Vec<String> = query
        .split_whitespace()
        .map(mirror::slug)
        .filter(|w| !w.is_empty())
        .collect();
    // A word said twice asks nothing more of a title.
    words.sort_unstable();
    words.dedup();
    if words.is_empty() {
        return Vec::new();
    }
    // (folder, whether it is away from the code read), in folder order.
    let sections: Vec<(u32, bool)> = (0..u32::try_from(index.dir_count()).unwrap_or(u32::MAX))
        .filter(|&d| {
            index
                .dir_name(d)
                .is_some_and(|name| words.iter().all(|w| name.contains(w.as_str())))
        })
        .map(|d| (d, here.code.is_some_and(|code| top_of(index, d) != code)))
        .collect();
    if sections.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(bool, Entry)> = index
        .entries()
        .filter_map(|e| {
            let at = sections.binary_search_by_key(&e.dir, |s| s.0).ok()?;
            Some((sections[at].1, e))
        })
        .collect();
    // The code being read first; sections in the order they were found (the
    // mirror's own), then number order. Only the sections that hold the first
    // answers are sorted by number: a word in most titles (`section`) matches most
    // of the mirror.
    if found.len() > LIMIT {
        found.select_nth_unstable_by_key(LIMIT - 1, |(away, e)| (*away, e.dir));
        let last = (found[LIMIT - 1].0, found[LIMIT - 1].1.dir);
        found.retain(|(away, e)| (*away, e.dir) <= last);
    }
    found.sort_by(|(a_away, a), (b_away, b)| {
        a_away
            .cmp(b_away)
            .then(a.dir.cmp(&b.dir))
            .then_with(|| order::compare(a.name, b.name))
    });
    found
        .into_iter()
        .take(LIMIT)
        .map(|(_, e)| {
            let section = index.dir_name(e.dir).unwrap_or_default();
            item(&e.path(), Some(section))
        })
        .collect()
}

fn item(path: &str, section: Option<&str>) -> Answer {
    Answer {
        path: path.to_owned(),
        section: section.map(str::to_owned),
    }
}
