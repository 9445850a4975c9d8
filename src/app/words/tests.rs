use super::*;
use crate::app::keymap::{Key, Keymap};

fn rebound(pairs: &[(Action, &[(&str, char)])]) -> Keymap {
    let overrides: Vec<crate::app::keymap::Override> = pairs
        .iter()
        .map(|(action, keys)| {
            let keys = keys
                .iter()
                .map(|(label, c)| ((*label).to_owned(), vec![Key::ch(*c)]))
                .collect();
            (*action, keys)
        })
        .collect();
    Keymap::with_overrides(&overrides)
}

#[test]
fn the_default_hints_read_as_they_always_have() {
    let map = Keymap::default();
    let keys = Keys(&map);
    assert_eq!(
        reader_hint(&keys),
        "Tab references · Enter open/unfold · Backspace back · ? keys · q quit"
    );
    assert_eq!(
        table_hint(&keys),
        "← → or h l scroll the table · Enter folds it · ? keys"
    );
    assert_eq!(
        contents_footer(&keys),
        " Enter opens · ←/→ fold · t or Esc closes "
    );
    assert_eq!(
        bookmarks_hint(&keys),
        "↑↓ choose · Enter opens · d deletes · Esc closes"
    );
    assert_eq!(
        link_dead(&keys, "L. 1", "not here", true),
        "L. 1 (o: Légifrance · y: copy address): not here"
    );
}

#[test]
fn every_hint_names_the_keys_the_user_bound() {
    let map = rebound(&[
        (Action::NextReference, &[("x", 'x')]),
        (Action::Activate, &[("e", 'e')]),
        (Action::Quit, &[("Q", 'Q')]),
        (Action::Help, &[("H", 'H')]),
        (Action::Delete, &[("D", 'D')]),
        (Action::Bookmark, &[("M", 'M')]),
        (Action::Copy, &[("C", 'C')]),
        (Action::CitedBy, &[("R", 'R')]),
        (Action::Find, &[("F", 'F')]),
        (Action::Cancel, &[("Z", 'Z')]),
        (Action::Down, &[("J", 'J')]),
        (Action::Up, &[("K", 'K')]),
    ]);
    let keys = Keys(&map);
    assert_eq!(
        reader_hint(&keys),
        "x references · e open/unfold · Backspace back · H keys · Q quit"
    );
    assert_eq!(
        bookmarks_hint(&keys),
        "KJ choose · e opens · D deletes · Z closes"
    );
    assert_eq!(
        no_bookmarks_yet(&keys),
        "No bookmarks yet: M bookmarks the point under the cursor"
    );
    assert_eq!(
        no_browser(&keys, "https://x"),
        "No browser here (set BROWSER); C copies the address: https://x"
    );
    assert_eq!(
        cited_by_ready(&keys),
        "Cité par is ready: R lists the citing articles"
    );
    assert_eq!(
        no_search_yet(&keys),
        "No search yet: F searches this article, s the mirror"
    );
    assert_eq!(help_status(&keys), "Keys of loi · Q or Z closes");
    assert_eq!(
        delete_where(&keys),
        "D deletes a bookmark in the list ' opens"
    );
}

#[test]
fn an_action_left_without_a_key_drops_out_of_the_hints() {
    let map = Keymap::with_overrides(&[(Action::Help, Vec::new()), (Action::Back, Vec::new())]);
    let keys = Keys(&map);
    assert_eq!(
        reader_hint(&keys),
        "Tab references · Enter open/unfold · q quit"
    );
}

#[test]
fn lists_name_the_arrows_while_they_are_bound() {
    let map = Keymap::default();
    assert_eq!(Keys(&map).up_down().as_deref(), Some("↑↓"));
    let map = rebound(&[(Action::Down, &[("n", 'n')])]);
    assert_eq!(Keys(&map).up_down().as_deref(), Some("↑n"));
}

#[test]
fn a_prompt_names_the_keys_it_reads() {
    for action in [Action::Activate, Action::Cancel, Action::Down, Action::Up] {
        let label = Keys::typing(action);
        let keys =
            crate::app::keymap::names::parse_keys(label).unwrap_or_else(|e| panic!("{label}: {e}"));
        let [key] = keys[..] else {
            panic!("{label} is not one key")
        };
        assert_eq!(
            crate::app::keymap::lookup_typing(key),
            Some(action),
            "{label}"
        );
    }
}
