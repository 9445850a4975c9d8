//! The words of the lists and prompts: bookmarks, history, searches, « cité par »,
//! copying and the browser.

use super::{Keys, hint};
use crate::app::action::Action;
use crate::model::plural::count;

// Bookmarks and the articles read.

pub fn history_not_saved(why: &str) -> String {
    format!("The history of articles read was not saved: {why}")
}
pub const NO_BOOKMARK_FOLDER: &str = "No folder to keep bookmarks in (no home folder)";
pub const NO_BOOKMARKS_FOLDER: &str = "No bookmarks: no folder to keep them in";

pub fn bookmarked(keys: &Keys, name: &str) -> String {
    hint(&[
        Some(format!("Bookmarked {name}")),
        keys.says(Action::Bookmarks, "lists the bookmarks"),
    ])
}
pub fn not_bookmarked(why: &str) -> String {
    format!("Not bookmarked: {why}")
}
pub fn no_bookmarks_yet(keys: &Keys) -> String {
    match keys.of(Action::Bookmark) {
        Some(k) => format!("No bookmarks yet: {k} bookmarks the point under the cursor"),
        None => "No bookmarks yet".to_owned(),
    }
}
pub fn bookmarks_title(n: usize) -> String {
    format!("Bookmarks · {n}")
}
pub fn not_deleted(why: &str) -> String {
    format!("Not deleted: {why}")
}
pub fn deleted(name: &str) -> String {
    format!("Deleted the bookmark {name}")
}
/// `d` outside the list of bookmarks.
pub fn delete_where(keys: &Keys) -> String {
    match (keys.of(Action::Delete), keys.of(Action::Bookmarks)) {
        (Some(d), Some(list)) => format!("{d} deletes a bookmark in the list {list} opens"),
        _ => "Bookmarks are deleted in their list".to_owned(),
    }
}

pub const NO_HISTORY_FOLDER: &str = "No history: no folder to keep it in";
pub fn history_unreadable(why: &str) -> String {
    format!("The history cannot be read: {why}")
}
pub const NOTHING_READ: &str = "No article read yet";
pub fn history_title(n: usize) -> String {
    format!("Articles read · {n}")
}

// Searching this article (`/`).

pub fn no_search_yet(keys: &Keys) -> String {
    match (keys.of(Action::Find), keys.of(Action::SearchMirror)) {
        (Some(f), Some(s)) => format!("No search yet: {f} searches this article, {s} the mirror"),
        _ => "No search yet".to_owned(),
    }
}
pub fn no_match(typed: &str) -> String {
    format!("no match for {typed}")
}
pub fn match_of(at: usize, of: usize, typed: &str) -> String {
    format!("match {at} of {of} for {typed}")
}
pub fn matches(n: usize, typed: &str) -> String {
    format!("{} for {typed}", count(n, "match", "matches"))
}

// Searching the mirror (`s`). Its prompt's keys are the prompt's own (`Keys::typing`).

pub const SEARCH_TITLE: &str = "Search the whole mirror";
pub fn search_prompt() -> String {
    format!(
        "Words (all must be there, a word finds those it starts), \"a phrase\"; {} searches",
        Keys::typing(Action::Activate)
    )
}
pub fn search_to_start() -> String {
    format!(
        "{} searches the whole mirror",
        Keys::typing(Action::Activate)
    )
}
pub const SEARCH_NO_WORDS: &str = "Type words to search for";
pub const SEARCH_NO_THREAD: &str = "Could not start the search (no thread left)";
pub const SEARCHING: &str = "Searching…";
pub fn searching(found: usize) -> String {
    format!("Searching… {found} found so far")
}
pub const FOUND_NOTHING: &str = "Nothing found: fewer words, or the start of a word?";
pub fn found_limit(limit: usize) -> String {
    format!("The first {limit} articles found: more words narrow it")
}
/// The search's answers, best first when the word index ranked them.
pub fn found(keys: &Keys, n: usize, ranked: bool) -> String {
    let order = if ranked {
        "best first"
    } else {
        "in mirror order (ranked once indexed)"
    };
    hint(&[
        Some(format!("{}, {order}", count(n, "article", "articles"))),
        keys.says(Action::Activate, "opens"),
    ])
}

// « Cité par » (`c`).

pub const CITED_BY_NO_THREAD: &str = "Could not start reading the mirror (no thread left)";
pub const CITED_BY_FAILED: &str = "Cité par: reading the mirror failed";
pub fn cited_by_ready(keys: &Keys) -> String {
    match keys.of(Action::CitedBy) {
        Some(c) => format!("Cité par is ready: {c} lists the citing articles"),
        None => "Cité par is ready".to_owned(),
    }
}
pub fn cited_by_progress(percent: usize) -> String {
    format!("Cité par: reading every article of the mirror once, {percent}% (keys still work)")
}
pub fn cited_by_none(num: &str) -> String {
    format!("No article of this mirror cites {num}")
}
/// The list's title: `places` is more than `articles` when one cites it twice.
pub fn cited_by_title(num: &str, articles: usize, places: usize) -> String {
    let places = match places - articles.min(places) {
        0 => String::new(),
        _ => format!(", in {}", count(places, "place", "places")),
    };
    format!(
        "{num} is cited by {}{places}",
        count(articles, "article", "articles")
    )
}

// Copying and the browser.

pub const NO_ADDRESS: &str = "No Légifrance address for this";
pub fn opening(address: &str, program: &str) -> String {
    format!("Opening {address} with {program}")
}
pub fn no_browser(keys: &Keys, address: &str) -> String {
    match keys.of(Action::Copy) {
        Some(y) => format!("No browser here (set BROWSER); {y} copies the address: {address}"),
        None => format!("No browser here (set BROWSER): {address}"),
    }
}
pub fn copied(text: &str) -> String {
    format!("Copied: {text}")
}
pub fn copied_lines(lines: usize, what: &str) -> String {
    format!("Copied {}: {what}", count(lines, "line", "lines"))
}
/// What `Y` copied: a table, an item of an article, a whole article.
pub const A_TABLE: &str = "a table";
pub fn item_of(item: &str, num: &str) -> String {
    format!("{item} of {num}")
}
pub fn whole_of(num: &str) -> String {
    format!("the whole of {num}")
}
