//! Every word the reader shows: statuses, hints, titles, list footers and the help's
//! descriptions (`describe`), in one place, each in English and French side by side
//! ([`tr!`](crate::tr), [`trf!`](crate::trf): the compiler refuses a text without its
//! French, the house's test one whose French is the English or breaks French
//! typography). A text that names a key takes it from the
//! keymap in effect ([`Keys`]), never writes it: a user who rebinds `q` reads the new
//! key in every hint. Uses the app's keymap and actions, and nothing else.
//!
//! Not here: the messages of errors from the mirror and the saved files, which their
//! `thiserror` types write (where the failure is known), and the law's own words
//! (citations as `y` copies them, section titles).

use crate::app::action::Action;
use crate::model::plural::count;
use crate::{tr, trf};

pub mod cite;
pub mod dates;
mod describe;
pub mod dossier;
pub mod hints;
pub mod keys;
pub mod peek;
pub mod prompt;
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
        keys.says(Action::NextReference, tr!("references", "renvois")),
        keys.says(Action::Activate, tr!("open/unfold", "ouvrir/déplier")),
        keys.says(Action::Back, tr!("back", "retour")),
        keys.says(Action::Help, tr!("keys", "touches")),
        keys.says(Action::Quit, tr!("quit", "quitter")),
    ])
}

/// What it says when the cursor is on a table wider than the screen.
pub fn table_hint(keys: &Keys) -> String {
    hint(&[
        keys.pairs(Action::FoldOrParent, Action::Unfold)
            .map(|k| trf!("{k} scroll the table", "{k} font défiler le tableau")),
        keys.says(Action::Activate, tr!("folds it", "le replie")),
        keys.says(Action::Help, tr!("keys", "touches")),
    ])
}

/// The status line under the help.
pub fn help_status(keys: &Keys) -> String {
    match keys.either(&[Action::Quit, Action::Cancel]) {
        Some(k) => trf!("Keys of loi · {k} closes", "Touches de loi · {k} ferme"),
        None => tr!("Keys of loi", "Touches de loi").to_owned(),
    }
}

/// The help's title.
pub fn help_title() -> &'static str {
    tr!("Keys", "Touches")
}

/// Said at start on the sample built into loi: how to have a mirror of one's own.
pub fn sample_note() -> &'static str {
    tr!(
        "Sample mirror · yours: npm pack @socialgouv/legi-data, loi import *.tgz",
        "Miroir d'exemple · le vôtre : npm pack @socialgouv/legi-data, loi import *.tgz"
    )
}

/// Where the text is: all of it on screen, its top, its bottom.
pub fn position_all() -> &'static str {
    tr!("All", "Tout")
}
pub fn position_top() -> &'static str {
    tr!("Top", "Début")
}
pub fn position_bottom() -> &'static str {
    tr!("Bot", "Fin")
}

/// Which of a wide table's columns are in view (`‹`, `›`: more on that side).
pub fn columns_seen(first: usize, last: usize, of: usize, left: bool, right: bool) -> String {
    let seen = if first == last {
        trf!("column {first}", "colonne {first}")
    } else {
        trf!("columns {first}–{last}", "colonnes {first} à {last}")
    };
    let left = if left { "‹ " } else { "" };
    let right = if right { " ›" } else { "" };
    trf!(
        "{left}{seen} of {of}{right}",
        "{left}{seen} sur {of}{right}"
    )
}

/// A folded item's size, after its first line.
pub fn hidden_lines(n: usize) -> String {
    format!(
        " (+{})",
        count(n, tr!("line", "ligne"), tr!("lines", "lignes"))
    )
}

// Moving in an article.

pub fn no_text() -> &'static str {
    tr!("This article has no text", "Cet article n'a pas de texte")
}
pub fn right_edge() -> &'static str {
    tr!("The table's right edge", "Bord droit du tableau")
}
pub fn left_edge(keys: &Keys) -> String {
    hint(&[
        Some(tr!("The table's left edge", "Bord gauche du tableau").to_owned()),
        keys.says(Action::Activate, tr!("folds it", "le replie")),
    ])
}
pub fn no_more_references() -> &'static str {
    tr!("No more references this way", "Plus de renvoi dans ce sens")
}
pub fn nothing_back() -> &'static str {
    tr!(
        "This is the first article: nothing to go back to",
        "C'est le premier article : rien avant lui"
    )
}
pub fn nothing_forward() -> &'static str {
    tr!(
        "Nothing to go forward to",
        "Rien après : aucun article à rouvrir"
    )
}

// References.

/// The labels of a point, innermost first: `3° of II`.
pub fn point(labels: &[String]) -> String {
    labels.join(tr!(" of ", " du "))
}

/// A selected reference that leads to an article (`at`: `, 3° of II` or nothing;
/// `doubt`: where its text and its address disagree).
pub fn link_to(keys: &Keys, text: &str, num: &str, at: &str, doubt: Option<&str>) -> String {
    let doubt = doubt.map(|d| format!(", {d}")).unwrap_or_default();
    let open = keys.says(Action::Activate, tr!("opens it", "l'ouvre"));
    hint(&[Some(format!("{text} → {num}{at}{doubt}")), open])
}

/// A selected reference to a point of this article.
pub fn link_here(keys: &Keys, text: &str, point: &str) -> String {
    hint(&[
        Some(trf!(
            "{text} → {point} of this article",
            "{text} → {point} de cet article"
        )),
        keys.says(Action::Activate, tr!("goes there", "y va")),
    ])
}

/// A selected reference to several articles (a range).
pub fn link_to_many(keys: &Keys, text: &str, n: usize) -> String {
    let n = count(n, "article", "articles");
    hint(&[
        Some(format!("{text} → {n}")),
        keys.says(Action::Activate, tr!("lists them", "les liste")),
    ])
}

/// A selected reference that leads nowhere in the mirror: the way out first (the
/// reason is long and the line may cut it), when it has a Légifrance address.
pub fn link_dead(keys: &Keys, text: &str, why: &str, on_the_web: bool) -> String {
    let web = [
        keys.colon(Action::OpenInBrowser, "Légifrance"),
        keys.colon(Action::Copy, tr!("copy address", "copier l'adresse")),
    ];
    let web: Vec<String> = web.into_iter().flatten().collect();
    if on_the_web && !web.is_empty() {
        let web = web.join(" · ");
        trf!("{text} ({web}): {why}", "{text} ({web}) : {why}")
    } else {
        trf!("{text}: {why}", "{text} : {why}")
    }
}

/// Enter on a reference that leads nowhere.
pub fn followed_dead(keys: &Keys, text: &str, why: &str, on_the_web: bool) -> String {
    let web = [
        keys.says(
            Action::OpenInBrowser,
            tr!("opens it on Légifrance", "l'ouvre sur Légifrance"),
        ),
        keys.says(Action::Copy, tr!("copies its address", "copie son adresse")),
    ];
    let web: Vec<String> = web.into_iter().flatten().collect();
    if on_the_web && !web.is_empty() {
        let web = web.join(", ");
        trf!("{text}: {why} · {web}", "{text} : {why} · {web}")
    } else {
        trf!("{text}: {why}", "{text} : {why}")
    }
}

/// The list of a range's articles.
pub fn range_title(text: &str, n: usize) -> String {
    match n {
        1 => trf!("{text} · 1 article here", "{text} · 1 article ici"),
        n => format!("{text} · {}", count(n, "article", "articles")),
    }
}

/// Opened at a point the article does not have.
pub fn no_such_point(point: &str, num: &str) -> String {
    trf!(
        "No {point} in {num}: showing the whole article",
        "Pas de {point} dans {num} : l'article entier est affiché"
    )
}

/// Opened at a point.
pub fn at_point(point: &str, num: &str) -> String {
    trf!("{point} of {num}", "{point} de {num}")
}

// Lists.

/// Under the list of a range's articles.
pub fn range_hint(keys: &Keys) -> String {
    list_hint(
        keys,
        tr!("opens", "ouvre"),
        false,
        tr!("closes the list", "ferme la liste"),
    )
}

/// Under the list of bookmarks.
pub fn bookmarks_hint(keys: &Keys) -> String {
    list_hint(keys, tr!("opens", "ouvre"), true, tr!("closes", "ferme"))
}

/// Under the list of articles read.
pub fn history_hint(keys: &Keys) -> String {
    list_hint(keys, tr!("opens", "ouvre"), false, tr!("closes", "ferme"))
}

/// Under the list of citing articles.
pub fn cited_by_hint(keys: &Keys) -> String {
    list_hint(
        keys,
        tr!("opens at the citing sentence", "ouvre à la phrase qui cite"),
        false,
        tr!("closes", "ferme"),
    )
}

/// Under a list opened from the reader: how to choose, open, close.
fn list_hint(keys: &Keys, opens: &str, deletes: bool, closes: &str) -> String {
    hint(&[
        keys.up_down().map(|k| trf!("{k} choose", "{k} choisir")),
        keys.says(Action::Activate, opens),
        deletes
            .then(|| keys.says(Action::Delete, tr!("deletes", "supprime")))
            .flatten(),
        keys.says(Action::Cancel, closes),
    ])
}

/// The frame's foot of a list; one of articles of several codes (`mixed`) says the
/// key that puts them in the codes' order.
pub fn list_footer(keys: &Keys, deletes: bool, mixed: bool) -> String {
    let clauses = hint(&[
        keys.says(Action::Activate, tr!("opens", "ouvre")),
        deletes
            .then(|| keys.says(Action::Delete, tr!("deletes", "supprime")))
            .flatten(),
        keys.says(Action::Cancel, tr!("closes", "ferme")),
        // Last: on a narrow screen the foot is cut, and closing matters more.
        mixed
            .then(|| keys.says(Action::CitedBy, tr!("codes' order", "ordre des codes")))
            .flatten(),
    ]);
    format!(" {clauses} ")
}

/// The frame's foot of the reading date's prompt.
pub fn date_footer(keys: &Keys) -> String {
    let clauses = hint(&[
        keys.says(
            Action::Activate,
            tr!("reads the law that day", "lit le droit à cette date"),
        ),
        keys.says(Action::Cancel, tr!("closes", "ferme")),
    ]);
    format!(" {clauses} ")
}

/// The frame's foot of the texts that changed an article.
pub fn changes_footer(keys: &Keys) -> String {
    let clauses = hint(&[
        keys.says(Action::Activate, tr!("on Légifrance", "sur Légifrance")),
        keys.says(Action::Copy, tr!("copies its address", "copie son adresse")),
        keys.says(Action::Cancel, tr!("closes", "ferme")),
    ]);
    format!(" {clauses} ")
}

/// A number that is in several codes.
pub fn which_code(num: &str, codes: usize) -> String {
    let codes = count(codes, "code", "codes");
    trf!(
        "{num} is in {codes}: which one?",
        "{num} est dans {codes} : lequel ?"
    )
}

pub fn goto_title() -> &'static str {
    tr!("Go to", "Aller à")
}
pub fn goto_prompt() -> &'static str {
    tr!(
        "Type a number (L6123-1, 6123-1) or words of a section's title",
        "Tapez un numéro (L6123-1, 6123-1) ou des mots du titre d'une section"
    )
}
pub fn nothing_matches() -> &'static str {
    tr!("Nothing matches", "Aucune correspondance")
}

/// The go-to answers stopped at `limit`.
pub fn goto_limit(limit: usize) -> String {
    trf!(
        "The first {limit} matches: type more to narrow",
        "Les {limit} premières réponses : tapez-en plus pour affiner"
    )
}

/// A go-to text longer than go-to looks up (`max` characters).
pub fn goto_too_long(max: usize) -> String {
    trf!(
        "Too long to look up: go-to reads at most {max} characters, a citation or words of a title",
        "Trop long pour être cherché : « aller à » lit au plus {max} caractères, une citation ou des mots d'un titre"
    )
}

// The table of contents.

/// The contents' frame: its title, its foot, and the mark of the article read.
pub fn contents_title(code: &str, consolidated: Option<&str>) -> String {
    match consolidated {
        Some(d) => {
            let d = data_of(d);
            trf!(" Contents · {code} · {d} ", " Sommaire · {code} · {d} ")
        }
        None => trf!(" Contents · {code} ", " Sommaire · {code} "),
    }
}

pub fn contents_footer(keys: &Keys) -> String {
    let clauses = hint(&[
        keys.says(Action::Activate, tr!("opens", "ouvre")),
        keys.slashed(Action::FoldOrParent, Action::Unfold)
            .map(|k| trf!("{k} fold", "{k} plier")),
        keys.either(&[Action::Contents, Action::Cancel])
            .map(|k| trf!("{k} closes", "{k} ferme")),
    ]);
    format!(" {clauses} ")
}

// The law at a date.

/// Said when the reading date changes: `Reading the law as of 1er mars 2020`.
pub fn reading_on(date: &str, today: bool) -> String {
    if today {
        trf!(
            "Reading the law as of today, {date}",
            "Lecture du droit à ce jour, le {date}"
        )
    } else {
        trf!("Reading the law as of {date}", "Lecture du droit au {date}")
    }
}

/// The reading date's prompt.
pub fn date_title() -> &'static str {
    tr!("Read the law as of", "Lire le droit au")
}
pub fn date_prompt() -> &'static str {
    tr!(
        "A date, YYYY-MM-DD (empty: today)",
        "Une date, AAAA-MM-JJ (vide : aujourd'hui)"
    )
}

/// A date typed that is none.
pub fn not_a_date(text: &str) -> String {
    trf!(
        "“{text}” is no date: type it as YYYY-MM-DD, such as 2020-03-01",
        "« {text} » n'est pas une date : tapez-la AAAA-MM-JJ, comme 2020-03-01"
    )
}

/// Under the list of versions.
pub fn versions_hint(keys: &Keys) -> String {
    hint(&[
        keys.says(
            Action::Activate,
            tr!("opens a version", "ouvre une version"),
        ),
        keys.says(
            Action::OpenInBrowser,
            tr!("on Légifrance", "sur Légifrance"),
        ),
        keys.says(Action::Copy, tr!("copies its address", "copie son adresse")),
    ])
}

/// A version whose text the mirror lacks.
pub fn version_elsewhere(keys: &Keys, label: &str) -> String {
    let web = hint(&[
        keys.says(
            Action::OpenInBrowser,
            tr!("opens it on Légifrance", "l'ouvre sur Légifrance"),
        ),
        keys.says(Action::Copy, tr!("copies its address", "copie son adresse")),
    ]);
    trf!(
        "Version {label}: its text is not in this mirror · {web}",
        "Version {label} : son texte n'est pas dans ce miroir · {web}"
    )
}

/// The versions compared have no text here.
pub fn nothing_to_compare(which: &str) -> String {
    trf!(
        "No comparison: this mirror lacks the text of the version {which}",
        "Pas de comparaison : ce miroir n'a pas le texte de la version {which}"
    )
}

/// Over what changed in a version: how many words, how to go back.
pub fn compared(inserted: usize, deleted: usize, coarse: bool, keys: &Keys) -> String {
    let rough = if coarse {
        tr!(
            " (too many changes: some paragraphs shown replaced whole)",
            " (trop de changements : des alinéas sont montrés remplacés en entier)"
        )
    } else {
        ""
    };
    let inserted = count(inserted, tr!("word", "mot"), tr!("words", "mots"));
    let deleted = count(deleted, tr!("word", "mot"), tr!("words", "mots"));
    hint(&[
        Some(trf!(
            "{inserted} inserted {{+…+}}, {deleted} deleted [-…-]{rough}",
            "{inserted} ajoutés {{+…+}}, {deleted} supprimés [-…-]{rough}"
        )),
        keys.says(
            Action::Back,
            tr!("back to the article", "retour à l'article"),
        ),
    ])
}

/// There is no version before the one shown.
pub fn first_version() -> &'static str {
    tr!(
        "This is the article's first version: nothing before it to compare",
        "C'est la première version de l'article : rien avant elle à comparer"
    )
}

pub fn contents_here() -> &'static str {
    tr!("  ◂ here", "  ◂ ici")
}
pub fn no_contents() -> &'static str {
    tr!(
        "This article's code has no table of contents here",
        "Le code de cet article n'a pas de sommaire ici"
    )
}
pub fn not_in_contents() -> &'static str {
    tr!(
        "This article is not in its code's table of contents",
        "Cet article n'est pas dans le sommaire de son code"
    )
}
pub fn last_of_code() -> &'static str {
    tr!(
        "This is the last article of the code",
        "C'est le dernier article du code"
    )
}
pub fn first_of_code() -> &'static str {
    tr!(
        "This is the first article of the code",
        "C'est le premier article du code"
    )
}

mod home;
mod more;
pub use home::*;
pub use more::*;

#[cfg(test)]
mod tests;

/// After the key that puts a list in the codes' order (`sorted`) or back in its own.
pub fn code_order(sorted: bool) -> &'static str {
    if sorted {
        tr!(
            "In the codes' order: the code read first, each in the order of its contents",
            "Dans l'ordre des codes : le code lu d'abord, chacun dans l'ordre de son sommaire"
        )
    } else {
        tr!("In the list's own order", "Dans l'ordre de la liste")
    }
}

/// Alt-C with no answer highlighted.
pub fn keep_to_code_nothing() -> &'static str {
    tr!(
        "No answer highlighted: search first, then keep to its code",
        "Aucune réponse choisie : cherchez d'abord, puis gardez son code"
    )
}
