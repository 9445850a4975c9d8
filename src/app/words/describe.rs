//! What each action does, as the help says it.

use super::Keys;
use crate::app::action::Action;
use crate::{tr, trf};

/// What `action` does, in the words of the help screen; a key it names is the one
/// in effect (`keys`: a list's Enter; a prompt's own, fixed, keys otherwise).
pub fn describe(action: Action, keys: &Keys) -> String {
    let open = keys
        .of(Action::Activate)
        .unwrap_or(Keys::typing(Action::Activate));
    let enter = Keys::typing(Action::Activate);
    let esc = Keys::typing(Action::Cancel);
    let said = match action {
        Action::Bookmarks => {
            return trf!(
                "List the bookmarks, newest first; {open} opens one at its point",
                "Lister les signets, les plus récents d'abord ; {open} en ouvre un à son point"
            );
        }
        Action::ReadHistory => {
            return trf!(
                "List the articles read, newest first; {open} opens one",
                "Lister les articles lus, les plus récents d'abord ; {open} en ouvre un"
            );
        }
        Action::Find => {
            return trf!(
                "Search this article: matches are highlighted as you type, {enter} keeps the search, {esc} puts the cursor back",
                "Chercher dans cet article : les résultats s'éclairent à la frappe, {enter} garde la recherche, {esc} remet le curseur"
            );
        }
        Action::Home => {
            return trf!(
                "Show the home: the mirror's codes; {open} opens one's contents",
                "Afficher l'accueil : les codes du miroir ; {open} ouvre le sommaire de l'un d'eux"
            );
        }
        Action::Versions => {
            return trf!(
                "List the article's versions and their dates; {open} opens one",
                "Lister les versions de l'article et leurs dates ; {open} en ouvre une"
            );
        }
        Action::SearchMirror => {
            return trf!(
                "Search the text of the whole mirror (case and accents aside, \"a phrase\"); {enter} opens an article at its match",
                "Chercher dans le texte de tout le miroir (sans égard à la casse ni aux accents, « une phrase ») ; {enter} ouvre un article à son résultat"
            );
        }
        Action::FollowHint => {
            return trf!(
                "Label the references on the screen; typing a label follows its reference, {esc} cancels",
                "Étiqueter les renvois à l'écran ; taper une étiquette suit son renvoi, {esc} annule"
            );
        }
        Action::PeekHint => {
            return trf!(
                "Label the references on the screen; typing a label peeks at its reference, {esc} cancels",
                "Étiqueter les renvois à l'écran ; taper une étiquette entrouvre son renvoi, {esc} annule"
            );
        }
        _ => fixed(action),
    };
    said.to_owned()
}

/// What an action that names no key does.
fn fixed(action: Action) -> &'static str {
    match action {
        Action::Down => tr!(
            "Move to the next block, or read on through a long one",
            "Aller au bloc suivant, ou lire la suite d'un long bloc"
        ),
        Action::Up => tr!(
            "Move to the previous block, or read back up a long one",
            "Aller au bloc précédent, ou remonter dans un long bloc"
        ),
        Action::LineDown => tr!(
            "Scroll the text down a line, the cursor kept on screen",
            "Descendre le texte d'une ligne, le curseur gardé à l'écran"
        ),
        Action::LineUp => tr!(
            "Scroll the text up a line, the cursor kept on screen",
            "Remonter le texte d'une ligne, le curseur gardé à l'écran"
        ),
        Action::PageDown => tr!("Scroll one screen down", "Descendre d'un écran"),
        Action::PageUp => tr!("Scroll one screen up", "Remonter d'un écran"),
        Action::Top => tr!(
            "Go to the start of the article",
            "Aller au début de l'article"
        ),
        Action::Bottom => tr!(
            "Go to the end of the article",
            "Aller à la fin de l'article"
        ),
        Action::Unfold => tr!(
            "Unfold the item or table; scroll a wide table right",
            "Déplier l'élément ou le tableau ; faire défiler un large tableau à droite"
        ),
        Action::FoldOrParent => tr!(
            "Fold the item or table, or go up; scroll a wide table left",
            "Replier l'élément ou le tableau, ou remonter ; faire défiler un large tableau à gauche"
        ),
        Action::Activate => tr!(
            "Open the selected reference, or fold/unfold item or table",
            "Ouvrir le renvoi choisi, ou plier/déplier l'élément ou le tableau"
        ),
        Action::UnfoldAll => tr!(
            "Unfold every item and table",
            "Déplier tous les éléments et tableaux"
        ),
        Action::FoldAll => tr!(
            "Fold every item and table",
            "Replier tous les éléments et tableaux"
        ),
        Action::NextReference => tr!("Select the next reference", "Choisir le renvoi suivant"),
        Action::PrevReference => tr!(
            "Select the previous reference",
            "Choisir le renvoi précédent"
        ),
        Action::Back => tr!(
            "Go back to the previous article, as you left it",
            "Revenir à l'article précédent, tel que vous l'avez laissé"
        ),
        Action::Forward => tr!(
            "Go forward again after going back",
            "Repartir en avant après un retour"
        ),
        Action::OpenInBrowser => tr!(
            "Open the selected reference on Légifrance, in a browser",
            "Ouvrir le renvoi choisi sur Légifrance, dans un navigateur"
        ),
        Action::Copy => tr!(
            "Copy the reference, or the article, as a citation",
            "Copier le renvoi, ou l'article, sous forme de citation"
        ),
        Action::CopyText => tr!(
            "Copy the text of the item under the cursor, or of the whole article, plain",
            "Copier le texte de l'élément sous le curseur, ou de tout l'article, en texte brut"
        ),
        Action::Bookmark => tr!(
            "Bookmark the article at the point under the cursor",
            "Poser un signet sur l'article, au point sous le curseur"
        ),
        Action::Dossier => tr!(
            "Write the articles read since loi started as a Markdown file in the current folder (dossier-DATE-TIME.md), with their citations, dates, bookmarks and links between them",
            "Écrire les articles lus depuis le lancement de loi dans un fichier Markdown du dossier courant (dossier-DATE-HEURE.md), avec leurs citations, leurs dates, leurs signets et les liens entre eux"
        ),
        Action::Delete => tr!(
            "Delete the bookmark highlighted in the list of bookmarks",
            "Supprimer le signet choisi dans la liste des signets"
        ),
        Action::Contents => tr!(
            "Show the code's table of contents, open at this article",
            "Afficher le sommaire du code, ouvert à cet article"
        ),
        Action::Peek => tr!(
            "Peek: show the selected reference's text under it, as a quotation (again: close it)",
            "Entrouvrir : montrer le texte du renvoi choisi sous lui, en citation (à nouveau : le fermer)"
        ),
        Action::CitedBy => tr!(
            "List the articles that cite this one (\"cité par\"); in a list of articles, show them in the codes' order, again in their own",
            "Lister les articles qui citent celui-ci (« cité par ») ; dans une liste d'articles, les montrer dans l'ordre des codes, puis dans le leur"
        ),
        Action::Changes => tr!(
            "List the texts that created or changed the article",
            "Lister les textes qui ont créé ou modifié l'article"
        ),
        Action::Compare => tr!(
            "Show what changed in this version, word by word",
            "Montrer ce qui a changé dans cette version, mot à mot"
        ),
        Action::ReadAt => tr!(
            "Read the law as of a date (each article at its version then)",
            "Lire le droit à une date (chaque article dans sa version d'alors)"
        ),
        Action::NextArticle => tr!(
            "Open the next article of the code, in its table of contents' order",
            "Ouvrir l'article suivant du code, dans l'ordre de son sommaire"
        ),
        Action::PrevArticle => tr!(
            "Open the previous article of the code",
            "Ouvrir l'article précédent du code"
        ),
        Action::GoTo => tr!(
            "Go to an article by number or by words of a section's title",
            "Aller à un article par son numéro ou par des mots du titre d'une section"
        ),
        Action::NextMatch => tr!(
            "Go to the next match of the search (round the end)",
            "Aller au résultat suivant de la recherche (en bouclant)"
        ),
        Action::PrevMatch => tr!(
            "Go to the previous match of the search",
            "Aller au résultat précédent de la recherche"
        ),
        Action::Help => tr!("Show this list of keys", "Afficher cette liste des touches"),
        Action::Cancel => tr!(
            "Close the help, or drop the selected reference",
            "Fermer l'aide, ou lâcher le renvoi choisi"
        ),
        Action::Quit => tr!(
            "Quit loi (in the help: close it)",
            "Quitter loi (dans l'aide : la fermer)"
        ),
        Action::Suspend => tr!(
            "Suspend loi and give the terminal back to the shell; fg resumes it",
            "Suspendre loi et rendre le terminal au shell ; fg le reprend"
        ),
        // Sent by the event loop or typed into a prompt: no key is bound to them, and the help never lists them.
        Action::Input(_)
        | Action::InputBack
        | Action::Edit(_)
        | Action::Paste(_)
        | Action::Resize(..)
        | Action::Scroll(_)
        | Action::Click(..)
        | Action::Idle
        | Action::NotOpened(_) => "",
        // Keys of a prompt's list (`keymap::TYPING`), which config.toml may bind too.
        Action::CodeOrder | Action::KeepToCode => super::prompt::describe_typing(action),
        // Said by `describe`, with their keys.
        Action::Bookmarks
        | Action::ReadHistory
        | Action::Find
        | Action::SearchMirror
        | Action::FollowHint
        | Action::PeekHint
        | Action::Versions
        | Action::Home => "",
    }
}

#[cfg(test)]
mod tests {
    use super::describe;
    use crate::app::action::Action;

    #[test]
    fn every_action_a_key_can_have_is_described_once() {
        let bindable: Vec<Action> = <Action as strum::IntoEnumIterator>::iter()
            .filter(|a| a.bindable())
            .collect();
        let mut seen: Vec<String> = Vec::new();
        let map = crate::app::keymap::Keymap::default();
        for a in bindable {
            let text = describe(a, &super::Keys(&map));
            assert!(!text.is_empty(), "{a:?} has no description");
            assert!(!seen.contains(&text), "{a:?} says what another says");
            seen.push(text);
        }
    }
}
