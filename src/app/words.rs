//! Every word the reader shows: statuses, hints, titles, list footers and the help's
//! descriptions (`describe`), in one place, so that a second language is a second
//! copy of this folder and nothing else. A text that names a key takes it from the
//! keymap in effect ([`Keys`]), never writes it: a user who rebinds `q` reads the new
//! key in every hint. Uses the app's keymap and actions, and nothing else.
//!
//! Not here: the messages of errors from the mirror and the saved files, which their
//! `thiserror` types write (where the failure is known), and the law's own words
//! (citations as `y` copies them, section titles).

use crate::app::action::Action;
use crate::model::plural::count;

pub mod cite;
pub mod dates;
mod describe;
mod keys;
pub use describe::describe;
pub use keys::Keys;

/// `text` and, after ` · `, the clauses whose key is bound (a hint never names a key
/// the user unbound).
fn hint(clauses: &[Option<String>]) -> String {
    clauses
        .iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ")
}

// The status line.

/// What the status line says when there is nothing else to say.
pub fn reader_hint(keys: &Keys) -> String {
    hint(&[
        keys.says(Action::NextReference, "references"),
        keys.says(Action::Activate, "open/unfold"),
        keys.says(Action::Back, "back"),
        keys.says(Action::Help, "keys"),
        keys.says(Action::Quit, "quit"),
    ])
}

/// What it says when the cursor is on a table wider than the screen.
pub fn table_hint(keys: &Keys) -> String {
    hint(&[
        keys.pairs(Action::FoldOrParent, Action::Unfold)
            .map(|k| format!("{k} scroll the table")),
        keys.says(Action::Activate, "folds it"),
        keys.says(Action::Help, "keys"),
    ])
}

/// The status line under the help.
pub fn help_status(keys: &Keys) -> String {
    match keys.either(&[Action::Quit, Action::Cancel]) {
        Some(k) => format!("Keys of loi · {k} closes"),
        None => "Keys of loi".to_owned(),
    }
}

/// The help's title.
pub const HELP_TITLE: &str = "Keys";

/// Said at start on the sample built into loi: how to have a mirror of one's own.
pub const SAMPLE_NOTE: &str =
    "Sample mirror · yours: npm pack @socialgouv/legi-data, loi import *.tgz";

/// Where the text is: all of it on screen, its top, its bottom.
pub const POSITION_ALL: &str = "All";
pub const POSITION_TOP: &str = "Top";
pub const POSITION_BOTTOM: &str = "Bot";

/// Which of a wide table's columns are in view (`‹`, `›`: more on that side).
pub fn columns_seen(first: usize, last: usize, of: usize, left: bool, right: bool) -> String {
    let seen = if first == last {
        format!("column {first}")
    } else {
        format!("columns {first}–{last}")
    };
    let left = if left { "‹ " } else { "" };
    let right = if right { " ›" } else { "" };
    format!("{left}{seen} of {of}{right}")
}

/// A folded item's size, after its first line.
pub fn hidden_lines(n: usize) -> String {
    format!(" (+{})", count(n, "line", "lines"))
}

// Moving in an article.

pub const NO_TEXT: &str = "This article has no text";
pub const RIGHT_EDGE: &str = "The table's right edge";
pub fn left_edge(keys: &Keys) -> String {
    hint(&[
        Some("The table's left edge".to_owned()),
        keys.says(Action::Activate, "folds it"),
    ])
}
pub const NO_MORE_REFERENCES: &str = "No more references this way";
pub const NOTHING_BACK: &str = "This is the first article: nothing to go back to";
pub const NOTHING_FORWARD: &str = "Nothing to go forward to";

// References.

/// The labels of a point, innermost first: `3° of II`.
pub fn point(labels: &[String]) -> String {
    labels.join(" of ")
}

/// A selected reference that leads to an article (`at`: `, 3° of II` or nothing;
/// `doubt`: where its text and its address disagree).
pub fn link_to(keys: &Keys, text: &str, num: &str, at: &str, doubt: Option<&str>) -> String {
    let doubt = doubt.map(|d| format!(", {d}")).unwrap_or_default();
    let open = keys.says(Action::Activate, "opens it");
    hint(&[Some(format!("{text} → {num}{at}{doubt}")), open])
}

/// A selected reference to a point of this article.
pub fn link_here(keys: &Keys, text: &str, point: &str) -> String {
    hint(&[
        Some(format!("{text} → {point} of this article")),
        keys.says(Action::Activate, "goes there"),
    ])
}

/// A selected reference to several articles (a range).
pub fn link_to_many(keys: &Keys, text: &str, n: usize) -> String {
    hint(&[
        Some(format!("{text} → {}", count(n, "article", "articles"))),
        keys.says(Action::Activate, "lists them"),
    ])
}

/// A selected reference that leads nowhere in the mirror: the way out first (the
/// reason is long and the line may cut it), when it has a Légifrance address.
pub fn link_dead(keys: &Keys, text: &str, why: &str, on_the_web: bool) -> String {
    let web = [
        keys.says(Action::OpenInBrowser, "Légifrance"),
        keys.says(Action::Copy, "copy address"),
    ];
    let web: Vec<String> = web
        .into_iter()
        .flatten()
        .map(|s| s.replacen(' ', ": ", 1))
        .collect();
    if on_the_web && !web.is_empty() {
        format!("{text} ({}): {why}", web.join(" · "))
    } else {
        format!("{text}: {why}")
    }
}

/// Enter on a reference that leads nowhere.
pub fn followed_dead(keys: &Keys, text: &str, why: &str, on_the_web: bool) -> String {
    let web = [
        keys.says(Action::OpenInBrowser, "opens it on Légifrance"),
        keys.says(Action::Copy, "copies its address"),
    ];
    let web: Vec<String> = web.into_iter().flatten().collect();
    if on_the_web && !web.is_empty() {
        format!("{text}: {why} · {}", web.join(", "))
    } else {
        format!("{text}: {why}")
    }
}

/// The list of a range's articles.
pub fn range_title(text: &str, n: usize) -> String {
    match n {
        1 => format!("{text} · 1 article here"),
        n => format!("{text} · {}", count(n, "article", "articles")),
    }
}

/// Opened at a point the article does not have.
pub fn no_such_point(point: &str, num: &str) -> String {
    format!("No {point} in {num}: showing the whole article")
}

/// Opened at a point.
pub fn at_point(point: &str, num: &str) -> String {
    format!("{point} of {num}")
}

// Lists.

/// Under the list of a range's articles.
pub fn range_hint(keys: &Keys) -> String {
    list_hint(keys, "opens", false, "closes the list")
}

/// Under the list of bookmarks.
pub fn bookmarks_hint(keys: &Keys) -> String {
    list_hint(keys, "opens", true, "closes")
}

/// Under the list of articles read.
pub fn history_hint(keys: &Keys) -> String {
    list_hint(keys, "opens", false, "closes")
}

/// Under the list of citing articles.
pub fn cited_by_hint(keys: &Keys) -> String {
    list_hint(keys, "opens at the citing sentence", false, "closes")
}

/// Under a list opened from the reader: how to choose, open, close.
fn list_hint(keys: &Keys, opens: &str, deletes: bool, closes: &str) -> String {
    hint(&[
        keys.up_down().map(|k| format!("{k} choose")),
        keys.says(Action::Activate, opens),
        deletes
            .then(|| keys.says(Action::Delete, "deletes"))
            .flatten(),
        keys.says(Action::Cancel, closes),
    ])
}

/// The frame's foot of a list.
pub fn list_footer(keys: &Keys, deletes: bool) -> String {
    let clauses = hint(&[
        keys.says(Action::Activate, "opens"),
        deletes
            .then(|| keys.says(Action::Delete, "deletes"))
            .flatten(),
        keys.says(Action::Cancel, "closes"),
    ]);
    format!(" {clauses} ")
}

/// The frame's foot of the reading date's prompt.
pub fn date_footer(keys: &Keys) -> String {
    let clauses = hint(&[
        keys.says(Action::Activate, "reads the law that day"),
        keys.says(Action::Cancel, "closes"),
    ]);
    format!(" {clauses} ")
}

/// The frame's foot of the texts that changed an article.
pub fn changes_footer(keys: &Keys) -> String {
    let clauses = hint(&[
        keys.says(Action::Activate, "on Légifrance"),
        keys.says(Action::Copy, "copies its address"),
        keys.says(Action::Cancel, "closes"),
    ]);
    format!(" {clauses} ")
}

/// A number that is in several codes.
pub fn which_code(num: &str, codes: usize) -> String {
    format!("{num} is in {}: which one?", count(codes, "code", "codes"))
}

pub const GOTO_TITLE: &str = "Go to";
pub const GOTO_PROMPT: &str = "Type a number (L6123-1, 6123-1) or words of a section's title";
pub const NOTHING_MATCHES: &str = "Nothing matches";

/// The go-to answers stopped at `limit`.
pub fn goto_limit(limit: usize) -> String {
    format!("The first {limit} matches: type more to narrow")
}

// The table of contents.

/// The contents' frame: its title, its foot, and the mark of the article read.
pub fn contents_title(code: &str, consolidated: Option<&str>) -> String {
    match consolidated {
        Some(d) => format!(" Contents · {code} · données au {} ", dates::date(d)),
        None => format!(" Contents · {code} "),
    }
}

pub fn contents_footer(keys: &Keys) -> String {
    let clauses = hint(&[
        keys.says(Action::Activate, "opens"),
        keys.slashed(Action::FoldOrParent, Action::Unfold)
            .map(|k| format!("{k} fold")),
        keys.either(&[Action::Contents, Action::Cancel])
            .map(|k| format!("{k} closes")),
    ]);
    format!(" {clauses} ")
}

// The law at a date.

/// Said when the reading date changes: `Reading the law as of 1er mars 2020`.
pub fn reading_on(date: &str, today: bool) -> String {
    if today {
        format!("Reading the law as of today, {date}")
    } else {
        format!("Reading the law as of {date}")
    }
}

/// The reading date's prompt.
pub const DATE_TITLE: &str = "Read the law as of";
pub const DATE_PROMPT: &str = "A date, YYYY-MM-DD (empty: today)";

/// A date typed that is none.
pub fn not_a_date(text: &str) -> String {
    format!("“{text}” is no date: type it as YYYY-MM-DD, such as 2020-03-01")
}

/// Under the list of versions.
pub fn versions_hint(keys: &Keys) -> String {
    hint(&[
        keys.says(Action::Activate, "opens a version"),
        keys.says(Action::OpenInBrowser, "on Légifrance"),
        keys.says(Action::Copy, "copies its address"),
    ])
}

/// A version whose text the mirror lacks.
pub fn version_elsewhere(keys: &Keys, label: &str) -> String {
    let web = hint(&[
        keys.says(Action::OpenInBrowser, "opens it on Légifrance"),
        keys.says(Action::Copy, "copies its address"),
    ]);
    format!("Version {label}: its text is not in this mirror · {web}")
}

/// The versions compared have no text here.
pub fn nothing_to_compare(which: &str) -> String {
    format!("No comparison: this mirror lacks the text of the version {which}")
}

/// Over what changed in a version: how many words, how to go back.
pub fn compared(inserted: usize, deleted: usize, coarse: bool, keys: &Keys) -> String {
    let rough = if coarse {
        " (too many changes: some paragraphs shown replaced whole)"
    } else {
        ""
    };
    hint(&[
        Some(format!(
            "{} inserted {{+…+}}, {} deleted [-…-]{rough}",
            count(inserted, "word", "words"),
            count(deleted, "word", "words")
        )),
        keys.says(Action::Back, "back to the article"),
    ])
}

/// There is no version before the one shown.
pub const FIRST_VERSION: &str = "This is the article's first version: nothing before it to compare";

pub const CONTENTS_HERE: &str = "  ◂ here";
pub const NO_CONTENTS: &str = "This article's code has no table of contents here";
pub const NOT_IN_CONTENTS: &str = "This article is not in its code's table of contents";
pub const LAST_OF_CODE: &str = "This is the last article of the code";
pub const FIRST_OF_CODE: &str = "This is the first article of the code";

mod more;
pub use more::*;

#[cfg(test)]
mod tests;
