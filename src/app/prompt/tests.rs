use super::*;
use proptest::prelude::*;

/// A prompt holding `text`, the cursor where `|` is in it.
fn at(text: &str) -> Prompt {
    let cursor = text.find('|').expect("a | for the cursor");
    let mut p = Prompt::with_text(&text.replace('|', ""));
    p.cursor = cursor;
    p
}

/// The prompt's text with `|` where the cursor is.
fn shown(p: &Prompt) -> String {
    format!("{}|{}", &p.text[..p.cursor], &p.text[p.cursor..])
}

fn after(text: &str, edits: &[Edit]) -> String {
    let mut p = at(text);
    for e in edits {
        p.edit(*e);
    }
    shown(&p)
}

#[test]
fn typing_goes_where_the_cursor_is() {
    let mut p = at("L. 63-1|");
    p.edit(Edit::Left);
    p.edit(Edit::Left);
    p.edit(Edit::Left);
    assert!(p.insert('1'));
    assert!(p.insert('2'));
    assert_eq!(shown(&p), "L. 612|3-1");
    assert!(!p.insert('\u{1b}'), "a control character is no text");
    assert!(!p.insert('\n'));
    assert_eq!(p.text(), "L. 6123-1");
}

#[test]
fn moves_by_character_and_to_the_ends() {
    assert_eq!(after("aé|b", &[Edit::Left]), "a|éb");
    assert_eq!(after("a|éb", &[Edit::Right]), "aé|b");
    assert_eq!(after("|ab", &[Edit::Left]), "|ab", "stops at the start");
    assert_eq!(after("ab|", &[Edit::Right]), "ab|", "stops at the end");
    assert_eq!(after("ab|cd", &[Edit::Home]), "|abcd");
    assert_eq!(after("ab|cd", &[Edit::End]), "abcd|");
}

#[test]
fn words_as_readline_has_them() {
    assert_eq!(
        after("art. L. 6123-1|", &[Edit::WordLeft]),
        "art. L. 6123-|1"
    );
    assert_eq!(
        after("art. L. 6123-1|", &[Edit::WordLeft, Edit::WordLeft]),
        "art. L. |6123-1"
    );
    assert_eq!(
        after("|art. L. 6123-1", &[Edit::WordRight]),
        "art|. L. 6123-1"
    );
    assert_eq!(
        after("art|. L. 6123-1", &[Edit::WordRight]),
        "art. L|. 6123-1"
    );
    assert_eq!(
        after("code du |travail", &[Edit::WordLeft]),
        "code |du travail"
    );
    assert_eq!(after("élève  |", &[Edit::WordLeft]), "|élève  ");
}

#[test]
fn deletions_around_the_cursor() {
    let mut p = at("ab|c");
    assert!(p.backspace());
    assert_eq!(shown(&p), "a|c");
    assert!(!at("|ac").backspace(), "nothing before the cursor");
    assert_eq!(after("a|éc", &[Edit::Delete]), "a|c");
    assert_eq!(after("ac|", &[Edit::Delete]), "ac|");
    assert_eq!(after("L. 61|23-1", &[Edit::KillToStart]), "|23-1");
    assert_eq!(after("L. 61|23-1", &[Edit::KillToEnd]), "L. 61|");
    // Ctrl-W goes back to a space, as bash's: `6123-1` is one word to it.
    assert_eq!(after("art. L. 6123-1|", &[Edit::KillWordBack]), "art. L. |");
    assert_eq!(after("code du  |", &[Edit::KillWordBack]), "code |");
    assert_eq!(after("élève|", &[Edit::KillWordBack]), "|");
    assert_eq!(
        after("art|. L. 6123", &[Edit::KillWordForward]),
        "art|. 6123"
    );
}

#[test]
fn a_move_says_the_text_did_not_change_and_an_edit_that_it_did() {
    let mut p = at("ab|c");
    assert!(!p.edit(Edit::Left));
    assert!(p.edit(Edit::KillToStart));
    assert_eq!(shown(&p), "|bc");
    let mut p = at("|abc");
    assert!(!p.edit(Edit::KillToStart), "nothing before the cursor");
    assert!(p.edit(Edit::KillToEnd));
    assert!(!p.edit(Edit::KillToEnd));
}

#[test]
fn up_and_down_walk_the_entries_and_give_the_line_back() {
    let mut p = Prompt::new(vec!["L6123-1".into(), "D313-14".into()]);
    p.insert_text("L. 12");
    p.edit(Edit::Left);
    assert!(p.edit(Edit::Older));
    assert_eq!(shown(&p), "D313-14|", "newest first, the cursor at the end");
    assert!(p.edit(Edit::Older));
    assert_eq!(p.text(), "L6123-1");
    assert!(!p.edit(Edit::Older), "no older entry");
    assert_eq!(p.text(), "L6123-1");
    assert!(p.edit(Edit::Newer));
    assert_eq!(p.text(), "D313-14");
    assert!(p.edit(Edit::Newer));
    assert_eq!(shown(&p), "L. 12|", "past the newest: the line being typed");
    assert!(!p.edit(Edit::Newer));
    // Editing a recalled entry makes it the line being typed.
    p.edit(Edit::Older);
    p.insert('5');
    p.edit(Edit::Older);
    p.edit(Edit::Newer);
    assert_eq!(p.text(), "D313-145");
    assert!(
        !Prompt::new(Vec::new()).edit(Edit::Older),
        "nothing to recall"
    );
}

#[test]
fn a_paste_is_text() {
    let mut p = at("a|b");
    assert!(p.insert_text("L. 6123-1\tdu\ncode\r\n"));
    assert_eq!(shown(&p), "aL. 6123-1 du code|b");
    let mut p = Prompt::default();
    assert!(p.insert_text("\nq\u{1b}[A\u{9b}2J:q!\u{7f}\n"));
    assert_eq!(p.text(), "q[A2J:q!");
    assert!(!Prompt::default().insert_text("\u{1b}\r\n"));
    let long = "x".repeat(3 * MAX_CHARS);
    let mut p = at("ab|");
    p.insert_text(&long);
    assert_eq!(p.text().chars().count(), MAX_CHARS);
    assert!(!p.insert('y'), "full");
}

#[test]
fn a_text_that_fits_shows_whole() {
    let w = at("L. 61|23-1").window(40);
    assert_eq!((w.before.as_str(), w.after.as_str()), ("L. 61", "23-1"));
    assert!(!w.more_left && !w.more_right);
}

#[test]
fn a_long_text_scrolls_by_half_widths_the_cursor_in_view() {
    let text: String = (0..60).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
    let mut p = Prompt::with_text(&text);
    let w = p.window(20);
    assert!(w.more_left && !w.more_right);
    assert_eq!(w.after, "");
    assert!(w.before.len() <= 17 && text.ends_with(&w.before), "{w:?}");
    p.edit(Edit::Home);
    let w = p.window(20);
    assert!(!w.more_left && w.more_right);
    assert_eq!(w.before, "");
    assert_eq!(w.after, text[..17]);
    // A step right from the start moves the cursor, not the text.
    p.edit(Edit::Right);
    assert_eq!(p.window(20).after, text[1..17]);
}

#[test]
fn wide_characters_are_shown_whole() {
    let mut p = Prompt::with_text(&"法".repeat(30));
    p.edit(Edit::Home);
    for _ in 0..12 {
        p.edit(Edit::Right);
    }
    let w = p.window(20);
    use unicode_width::UnicodeWidthStr;
    let used = w.before.width() + w.after.width() + 1 + 2;
    assert!(used <= 20, "{w:?}");
    assert!(w.before.ends_with('法') && !w.before.is_empty());
}

fn any_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        Just(Edit::Left),
        Just(Edit::Right),
        Just(Edit::Home),
        Just(Edit::End),
        Just(Edit::WordLeft),
        Just(Edit::WordRight),
        Just(Edit::Delete),
        Just(Edit::KillToStart),
        Just(Edit::KillToEnd),
        Just(Edit::KillWordBack),
        Just(Edit::KillWordForward),
        Just(Edit::Older),
        Just(Edit::Newer),
    ]
}

#[derive(Debug, Clone)]
enum Step {
    Edit(Edit),
    Type(char),
    Paste(String),
    Back,
}

fn any_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        any_edit().prop_map(Step::Edit),
        any::<char>().prop_map(Step::Type),
        ".{0,12}".prop_map(Step::Paste),
        Just(Step::Back),
    ]
}

proptest! {
    /// Any edits of any Unicode text: never a panic, the cursor on a character
    /// boundary, no control character in the text, never more than MAX_CHARS, and a
    /// window that fits its width with the cursor's column.
    #[test]
    fn any_edits_keep_the_prompt_whole(
        history in prop::collection::vec(".{0,10}", 0..4),
        steps in prop::collection::vec(any_step(), 0..60),
        width in 0usize..50,
    ) {
        let mut p = Prompt::new(history);
        for step in steps {
            match step {
                Step::Edit(e) => { p.edit(e); }
                Step::Type(c) => { p.insert(c); }
                Step::Paste(s) => { p.insert_text(&s); }
                Step::Back => { p.backspace(); }
            }
            prop_assert!(p.text().is_char_boundary(p.cursor()));
            prop_assert!(p.cursor() <= p.text().len());
            prop_assert!(p.text().chars().count() <= MAX_CHARS);
            prop_assert!(!p.text().chars().any(char::is_control));
            let w = p.window(width);
            use unicode_width::UnicodeWidthStr;
            if width >= 8 {
                let used = w.before.width() + w.after.width() + 1
                    + usize::from(w.more_left) + usize::from(w.more_right);
                prop_assert!(used <= width, "{:?} at {}", w, width);
            }
            let seen = format!("{}{}", w.before, w.after);
            prop_assert!(p.text().contains(&seen));
        }
    }

    /// Typed text comes out as typed, whatever moves came between.
    #[test]
    fn typing_at_the_end_is_appending(text in "\\PC{0,30}") {
        let mut p = Prompt::default();
        for c in text.chars() {
            p.insert(c);
        }
        prop_assert_eq!(p.text(), text.as_str());
        prop_assert_eq!(p.cursor(), text.len());
    }
}
