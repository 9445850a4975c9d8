//! Go to: what a few typed characters name. A number in any usual form (`L6123-1`,
//! `L. 6123-1`, `l6123-1`, `6123-1`, or its start) lists the articles whose number
//! starts so, the exact one first; words list the articles of the sections whose
//! title holds them all. The code being read comes first: a number is in several
//! codes more often than not (R242-1 is in the sécurité sociale and the code rural),
//! and the reader of one most likely means its own. Answers come from the index, so
//! they are as quick at 300,000 articles as at 12,000.

use crate::mirror::index::{Entry, Index};
use crate::mirror::{self, order};

/// An article go-to names, and the section whose title the words matched, if they did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub path: String,
    pub section: Option<String>,
}

/// No more than this many answers: a list longer than a screen or two is not read.
pub const LIMIT: usize = 200;

/// How many files starting with what was typed are looked at before sorting them by
/// number: `L6` alone starts thousands.
const SCAN: usize = 4 * LIMIT;

/// The prefixes an article number may have, for a number typed bare (`6123-1`).
const PREFIXES: &[&str] = &["l", "r", "d", "a", "lo", "r-", "d-", "l-"];

/// The articles `query` names, best first, those of code `here` (a code's folder:
/// the article shown is in it) before the others'.
pub fn find(index: &Index, query: &str, here: Option<&str>) -> Vec<Answer> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let here = Here {
        index,
        code: here.and_then(|code| index.dir_id(code)),
    };
    if query.chars().any(|c| c.is_ascii_digit()) && !has_word(query) {
        by_number(index, query, &here)
    } else {
        by_words(index, query, &here)
    }
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
        // Up to the top folder: a folder's parent comes before it in the index.
        let mut dir = entry.dir;
        while let Some(parent) = self.index.dir_parent(dir).filter(|&p| p < dir) {
            dir = parent;
        }
        dir != code
    }
}

/// Whether `query` holds a word of three letters or more: words of a title, not the
/// `L.` or `LO` of a number.
fn has_word(query: &str) -> bool {
    query
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() >= 3)
}

fn by_number(index: &Index, query: &str, here: &Here) -> Vec<Answer> {
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
        found.extend(index.named(&exact).map(|e| (true, here.away(&e), e)));
        found.extend(
            index
                .starting_with(start)
                .filter(|e| e.name != exact)
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
    let words: Vec<String> = query
        .split_whitespace()
        .map(mirror::slug)
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let sections: Vec<u32> = (0..u32::try_from(index.dir_count()).unwrap_or(u32::MAX))
        .filter(|&d| {
            index
                .dir_name(d)
                .is_some_and(|name| words.iter().all(|w| name.contains(w.as_str())))
        })
        .collect();
    if sections.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(bool, Entry)> = index
        .entries()
        .filter(|e| sections.binary_search(&e.dir).is_ok())
        .map(|e| (here.away(&e), e))
        .collect();
    // The code being read first; sections in the order they were found (the
    // mirror's own), then number order.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> Index {
        Index::from_paths(0, |f| {
            let travail = "code-du-travail/partie-legislative/section-1-conseil-national";
            for name in ["l6123-1.md", "l6123-10.md", "l6123-2.md", "l6123-1-1.md"] {
                f(travail, name);
            }
            f(
                "code-du-travail/partie-reglementaire/section-1-comite",
                "r6123-1.md",
            );
            f(
                "code-du-travail/partie-reglementaire/section-1-comite",
                "r-6123-3.md",
            );
            f("code-autre/titre-ier", "l6123-1.md");
        })
    }

    fn labels(query: &str) -> Vec<String> {
        find(&index(), query, None)
            .into_iter()
            .map(|a| crate::app::picker::Item::found(a).label)
            .collect()
    }

    #[test]
    fn every_usual_form_of_a_number_finds_it_first() {
        for form in ["L6123-1", "L. 6123-1", "l6123-1", "L.6123-1", " l. 6123-1 "] {
            let found = labels(form);
            assert_eq!(found[0], "L6123-1 · Code du travail", "{form}");
            assert_eq!(found[1], "L6123-1 · Code autre", "{form}");
            // Then what starts so, in number order.
            assert_eq!(
                &found[2..],
                ["L6123-1-1 · Code du travail", "L6123-10 · Code du travail"],
                "{form}"
            );
        }
    }

    #[test]
    fn a_bare_number_finds_every_prefix() {
        let found = labels("6123-1");
        assert!(
            found.contains(&"R6123-1 · Code du travail".to_owned()),
            "{found:?}"
        );
        assert!(
            found.contains(&"L6123-1 · Code du travail".to_owned()),
            "{found:?}"
        );
        assert_eq!(labels("6123-3"), ["R*6123-3 · Code du travail"]);
        // Digits first, then L before R.
        assert_eq!(
            &labels("6123")[..3],
            [
                "L6123-1 · Code du travail",
                "L6123-1 · Code autre",
                "R6123-1 · Code du travail"
            ]
        );
    }

    #[test]
    fn the_start_of_a_number_lists_in_number_order() {
        assert_eq!(
            labels("L6123"),
            [
                "L6123-1 · Code du travail",
                "L6123-1 · Code autre",
                "L6123-1-1 · Code du travail",
                "L6123-2 · Code du travail",
                "L6123-10 · Code du travail",
            ]
        );
    }

    #[test]
    fn words_find_the_articles_of_a_section() {
        let found = labels("Conseil national");
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(found[0], "L6123-1 · section 1 conseil national");
        assert_eq!(
            labels("comité"),
            ["R6123-1 · section 1 comite", "R*6123-3 · section 1 comite"]
        );
        assert!(labels("introuvable").is_empty());
        assert!(labels("  ").is_empty());
    }

    /// Three codes holding the same numbers, and one number only one of them has.
    fn codes_alike() -> Index {
        Index::from_paths(0, |f| {
            for code in ["code-x", "code-y", "code-z"] {
                for name in ["r242-1.md", "r242-1-1.md", "r242-2.md", "r242-12.md"] {
                    f(
                        &format!("{code}/partie-reglementaire/section-1-regles"),
                        name,
                    );
                }
            }
            f("code-y/partie-reglementaire/section-2-autres", "r242-10.md");
        })
    }

    #[test]
    fn the_code_read_comes_first_then_the_others_as_before() {
        let index = codes_alike();
        let code = |item: &Answer| item.path.split('/').next().unwrap_or_default().to_owned();
        for here in ["code-x", "code-y", "code-z"] {
            for query in ["R242-1", "r. 242-1", "242-1", "R242"] {
                let found = find(&index, query, Some(here));
                let everywhere = find(&index, query, None);
                assert_eq!(found.len(), everywhere.len(), "{here} {query}");
                // The number typed, in every code, before what only starts so.
                let exact = if query == "R242" {
                    0
                } else {
                    found
                        .iter()
                        .take_while(|i| crate::mirror::number_of_file(&i.path) == "R242-1")
                        .count()
                };
                let expected = if query == "R242" { 0 } else { 3 };
                assert_eq!(exact, expected, "{here} {query}: {found:?}");
                // Within each of those two runs, the code read's articles first, and
                // the others in the order they have with no code read.
                for run in [&found[..exact], &found[exact..]] {
                    let mine = run.iter().take_while(|i| code(i) == here).count();
                    assert!(
                        run[mine..].iter().all(|i| code(i) != here),
                        "{here} {query}: {run:?}"
                    );
                    let others: Vec<&Answer> = run[mine..].iter().collect();
                    let before: Vec<&Answer> = everywhere
                        .iter()
                        .filter(|i| run.contains(i) && code(i) != here)
                        .collect();
                    assert_eq!(others, before, "{here} {query}");
                    assert!(run.is_empty() || mine > 0, "{here} {query}: {run:?}");
                }
            }
            // Words too: the sections of the code read first.
            let found = find(&index, "regles", Some(here));
            assert_eq!(code(&found[0]), here, "{found:?}");
        }
    }

    #[test]
    fn an_article_of_a_former_numbering_says_so_in_the_list() {
        let index = Index::from_paths(0, |f| {
            f("code-x/partie-legislative-ancienne/livre-i", "l1-1.md");
            f("code-y/partie-legislative/livre-i", "l1-1.md");
        });
        let found = find(&index, "L1-1", None);
        let labels: Vec<String> = found
            .into_iter()
            .map(|a| crate::app::picker::Item::found(a).label)
            .collect();
        assert_eq!(
            labels,
            ["L1-1 · Code x · Ancienne numérotation", "L1-1 · Code y"]
        );
    }

    #[test]
    fn the_number_typed_is_found_however_many_start_with_it() {
        let index = Index::from_paths(0, |f| {
            for i in 0..2 * SCAN {
                f("code-a/partie", &format!("l1-1-{i}.md"));
            }
            f("code-b/partie", "l1-1.md");
        });
        let found = find(&index, "L1-1", Some("code-a"));
        assert_eq!(found[0].path, "code-b/partie/l1-1.md", "{:?}", &found[..3]);
    }
}
