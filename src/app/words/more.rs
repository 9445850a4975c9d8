//! The words of the lists and prompts: bookmarks, history, searches, « cité par »,
//! copying and the browser.

use super::{Keys, hint};
use crate::app::action::Action;
use crate::model::plural::count;
use crate::{tr, trf};

// Bookmarks and the articles read.

/// A file of the user's that did not read whole, moved out of the way (its readable
/// part saved in its place), with the name it is kept under: both file names only,
/// the data folder being `loi --paths`'s.
pub fn kept_aside(file: &std::path::Path, aside: &std::path::Path) -> String {
    let file = crate::saved::error::file_name(file);
    let aside = crate::saved::error::file_name(aside);
    trf!(
        "Damaged {file} kept as {aside}",
        "{file} abîmé, gardé sous {aside}"
    )
}

pub fn history_not_saved(why: &str) -> String {
    trf!(
        "The history of articles read was not saved: {why}",
        "L'historique des articles lus n'a pas été enregistré : {why}"
    )
}
pub fn no_bookmark_folder() -> &'static str {
    tr!(
        "No folder to keep bookmarks in (no home folder)",
        "Aucun dossier où garder les signets (pas de dossier personnel)"
    )
}
pub fn no_bookmarks_folder() -> &'static str {
    tr!(
        "No bookmarks: no folder to keep them in",
        "Pas de signets : aucun dossier où les garder"
    )
}

pub fn bookmarked(keys: &Keys, name: &str) -> String {
    hint(&[
        Some(trf!("Bookmarked {name}", "Signet posé : {name}")),
        keys.says(
            Action::Bookmarks,
            tr!("lists the bookmarks", "liste les signets"),
        ),
    ])
}
pub fn not_bookmarked(why: &str) -> String {
    trf!("Not bookmarked: {why}", "Signet non posé : {why}")
}
pub fn no_bookmarks_yet(keys: &Keys) -> String {
    match keys.of(Action::Bookmark) {
        Some(k) => trf!(
            "No bookmarks yet: {k} bookmarks the point under the cursor",
            "Pas encore de signet : {k} marque le point sous le curseur"
        ),
        None => tr!("No bookmarks yet", "Pas encore de signet").to_owned(),
    }
}
pub fn bookmarks_title(n: usize) -> String {
    trf!("Bookmarks · {n}", "Signets · {n}")
}
pub fn not_deleted(why: &str) -> String {
    trf!("Not deleted: {why}", "Non supprimé : {why}")
}
pub fn deleted(name: &str) -> String {
    trf!("Deleted the bookmark {name}", "Signet {name} supprimé")
}
/// `d` outside the list of bookmarks.
pub fn delete_where(keys: &Keys) -> String {
    match (keys.of(Action::Delete), keys.of(Action::Bookmarks)) {
        (Some(d), Some(list)) => trf!(
            "{d} deletes a bookmark in the list {list} opens",
            "{d} supprime un signet dans la liste qu'ouvre {list}"
        ),
        _ => tr!(
            "Bookmarks are deleted in their list",
            "Les signets se suppriment dans leur liste"
        )
        .to_owned(),
    }
}

pub fn no_history_folder() -> &'static str {
    tr!(
        "No history: no folder to keep it in",
        "Pas d'historique : aucun dossier où le garder"
    )
}
pub fn history_unreadable(why: &str) -> String {
    trf!(
        "The history cannot be read: {why}",
        "L'historique ne peut pas être lu : {why}"
    )
}
pub fn nothing_read() -> &'static str {
    tr!("No article read yet", "Aucun article lu pour l'instant")
}
pub fn history_title(n: usize) -> String {
    trf!("Articles read · {n}", "Articles lus · {n}")
}

// Searching this article (`/`).

pub fn no_search_yet(keys: &Keys) -> String {
    match (keys.of(Action::Find), keys.of(Action::SearchMirror)) {
        (Some(f), Some(s)) => trf!(
            "No search yet: {f} searches this article, {s} the mirror",
            "Pas encore de recherche : {f} cherche dans cet article, {s} dans le miroir"
        ),
        _ => tr!("No search yet", "Pas encore de recherche").to_owned(),
    }
}
pub fn no_match(typed: &str) -> String {
    trf!("no match for {typed}", "aucun résultat pour {typed}")
}
pub fn match_of(at: usize, of: usize, typed: &str) -> String {
    trf!(
        "match {at} of {of} for {typed}",
        "résultat {at} sur {of} pour {typed}"
    )
}
pub fn matches(n: usize, typed: &str) -> String {
    let n = count(n, tr!("match", "résultat"), tr!("matches", "résultats"));
    trf!("{n} for {typed}", "{n} pour {typed}")
}

// Searching the mirror (`s`). Its prompt's keys are the prompt's own (`Keys::typing`).

pub fn search_title() -> &'static str {
    tr!("Search the whole mirror", "Chercher dans tout le miroir")
}
pub fn search_prompt() -> String {
    let enter = Keys::typing(Action::Activate);
    trf!(
        "Words (all must be there, a word finds those it starts), \"a phrase\"; {enter} searches",
        "Des mots (tous présents, un mot trouve ceux qu'il commence), « une phrase » ; {enter} cherche"
    )
}
pub fn search_to_start() -> String {
    let enter = Keys::typing(Action::Activate);
    trf!(
        "{enter} searches the whole mirror",
        "{enter} cherche dans tout le miroir"
    )
}
/// `s` again: the last list, reopened where it was left.
pub fn search_again(keys: &Keys, n: usize, typed: &str) -> String {
    let n = count(n, "article", "articles");
    hint(&[
        Some(trf!("{n} for {typed}", "{n} pour {typed}")),
        keys.says(Action::Activate, tr!("opens", "ouvre")),
        Some(
            tr!(
                "new words search again",
                "d'autres mots cherchent à nouveau"
            )
            .to_owned(),
        ),
    ])
}
/// `code:…` naming no code.
pub fn search_no_such_code(named: &str) -> String {
    trf!(
        "No code is named {named}: code:css, code:C.trav., code:code-rural…",
        "Aucun code ne s'appelle {named} : code:css, code:C.trav., code:code-rural…"
    )
}
pub fn search_no_words() -> &'static str {
    tr!("Type words to search for", "Tapez les mots à chercher")
}
pub fn search_no_thread() -> &'static str {
    tr!(
        "Could not start the search (no thread left)",
        "Impossible de lancer la recherche (plus de fil d'exécution libre)"
    )
}
pub fn searching_now() -> &'static str {
    tr!("Searching…", "Recherche…")
}
pub fn searching(found: usize) -> String {
    trf!(
        "Searching… {found} found so far",
        "Recherche… {found} trouvés jusqu'ici"
    )
}
pub fn found_nothing() -> &'static str {
    tr!(
        "Nothing found: fewer words, or the start of a word?",
        "Rien trouvé : moins de mots, ou le début d'un mot ?"
    )
}
pub fn found_limit(limit: usize) -> String {
    trf!(
        "The first {limit} articles found: more words narrow it",
        "Les {limit} premiers articles trouvés : plus de mots affinent"
    )
}
/// The search's answers, best first when the word index ranked them.
/// With answers of several codes (`mixed`), the prompt's keys that order or keep them.
pub fn found(keys: &Keys, n: usize, ranked: bool, mixed: bool) -> String {
    let order = if ranked {
        tr!("best first", "les meilleurs d'abord")
    } else {
        tr!(
            "in mirror order (ranked once indexed)",
            "dans l'ordre du miroir (classés une fois indexé)"
        )
    };
    let n = count(n, "article", "articles");
    let typing = |action, what: &str| format!("{} {what}", Keys::typing(action));
    hint(&[
        Some(format!("{n}, {order}")),
        keys.says(Action::Activate, tr!("opens", "ouvre")),
        mixed.then(|| typing(Action::CodeOrder, tr!("codes' order", "ordre des codes"))),
        mixed.then(|| typing(Action::KeepToCode, tr!("this code only", "ce code seul"))),
    ])
}

// « Cité par » (`c`).

pub fn cited_by_no_thread() -> &'static str {
    tr!(
        "Could not start reading the mirror (no thread left)",
        "Impossible de lancer la lecture du miroir (plus de fil d'exécution libre)"
    )
}
pub fn cited_by_failed() -> &'static str {
    tr!(
        "Cité par: reading the mirror failed",
        "Cité par : la lecture du miroir a échoué"
    )
}
pub fn cited_by_ready(keys: &Keys) -> String {
    match keys.of(Action::CitedBy) {
        Some(c) => trf!(
            "Cité par is ready: {c} lists the citing articles",
            "Cité par est prêt : {c} liste les articles qui citent"
        ),
        None => tr!("Cité par is ready", "Cité par est prêt").to_owned(),
    }
}
pub fn cited_by_progress(percent: usize) -> String {
    trf!(
        "Cité par: reading every article of the mirror once, {percent}% (keys still work)",
        "Cité par : lecture unique de tous les articles du miroir, {percent} % (les touches répondent)"
    )
}
pub fn cited_by_none(num: &str) -> String {
    trf!(
        "No article of this mirror cites {num}",
        "Aucun article de ce miroir ne cite {num}"
    )
}
/// The list's title: `places` is more than `articles` when one cites it twice.
pub fn cited_by_title(num: &str, articles: usize, places: usize) -> String {
    let places = match places - articles.min(places) {
        0 => String::new(),
        _ => {
            let places = count(places, tr!("place", "endroit"), tr!("places", "endroits"));
            trf!(", in {places}", ", en {places}")
        }
    };
    let articles = count(articles, "article", "articles");
    trf!(
        "{num} is cited by {articles}{places}",
        "{num} est cité par {articles}{places}"
    )
}

// Copying and the browser.

pub fn no_address() -> &'static str {
    tr!(
        "No Légifrance address for this",
        "Pas d'adresse Légifrance pour ceci"
    )
}
/// Said before the browser starts: the address exactly as it gets it.
pub fn opening(address: &str) -> String {
    trf!("Opening {address}", "Ouverture de {address}")
}
/// `o` on a link whose href loi will not hand to a browser (`href` made harmless).
pub fn not_opened(href: &str) -> String {
    trf!(
        "Not opened: loi opens only https:// addresses it can check, not {href}",
        "Non ouvert : loi n'ouvre que des adresses https:// qu'il peut vérifier, pas {href}"
    )
}
/// No browser of the list opened `address`: the last one tried, and why.
pub fn browser_failed(
    keys: &Keys,
    program: &str,
    why: crate::app::effect::Why,
    address: &str,
) -> String {
    use crate::app::effect::Why;
    let why = match why {
        Why::NotFound => tr!("no such program", "programme introuvable").to_owned(),
        Why::CannotRun => tr!("it cannot be run", "impossible de le lancer").to_owned(),
        Why::Exited(code) => trf!("exit status {code}", "code de sortie {code}"),
        Why::Killed(signal) => trf!("killed by signal {signal}", "tué par le signal {signal}"),
    };
    match keys.of(Action::Copy) {
        Some(y) => trf!(
            "{program} did not open the address ({why}); {y} copies it: {address}",
            "{program} n'a pas ouvert l'adresse ({why}) ; {y} la copie : {address}"
        ),
        None => trf!(
            "{program} did not open the address ({why}): {address}",
            "{program} n'a pas ouvert l'adresse ({why}) : {address}"
        ),
    }
}
pub fn no_browser(keys: &Keys, address: &str) -> String {
    match keys.of(Action::Copy) {
        Some(y) => trf!(
            "No browser here (set BROWSER); {y} copies the address: {address}",
            "Pas de navigateur ici (réglez BROWSER) ; {y} copie l'adresse : {address}"
        ),
        None => trf!(
            "No browser here (set BROWSER): {address}",
            "Pas de navigateur ici (réglez BROWSER) : {address}"
        ),
    }
}
pub fn copied(text: &str) -> String {
    trf!("Copied: {text}", "Copié : {text}")
}
pub fn copied_lines(lines: usize, what: &str) -> String {
    let lines = count(lines, tr!("line", "ligne"), tr!("lines", "lignes"));
    trf!("Copied {lines}: {what}", "Copié {lines} : {what}")
}
/// What `Y` copied: a table, an item of an article, a whole article.
pub fn a_table() -> &'static str {
    tr!("a table", "un tableau")
}
pub fn item_of(item: &str, num: &str) -> String {
    trf!("{item} of {num}", "{item} de {num}")
}
pub fn whole_of(num: &str) -> String {
    trf!("the whole of {num}", "l'article {num} entier")
}
