//! Key names as `config.toml` writes them (`j`, `PgDn`, `Ctrl-d`, `zR`, `g Home`),
//! read into keys; the help screen's labels read back the same way.

use crossterm::event::{KeyCode as K, KeyCode, KeyModifiers};

use super::Key;

/// The keys a `config.toml` string names: one key (`j`, `G`, `Down`, `PgDn`,
/// `Ctrl-d`, `Alt-Left`, `F5`, `'`), a sequence of characters (`zR`), or keys apart
/// with spaces (`g Home`). An error says what could not be read.
pub fn parse_keys(text: &str) -> Result<Vec<Key>, String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [] if text.contains(' ') => Ok(vec![Key::ch(' ')]),
        [] => Err(crate::tr!("an empty key", "une touche vide").to_owned()),
        [one] => match parse_key(one) {
            Some(key) => Ok(vec![key]),
            // `zR`, `gg`: short, and not like a name mistyped (`Dwon`, `Ctrl-Nope`).
            None if (2..=3).contains(&one.chars().count())
                && !one.starts_with(|c: char| c.is_ascii_uppercase())
                && one.chars().all(|c| c != '-' && !c.is_control()) =>
            {
                Ok(one.chars().map(Key::ch).collect())
            }
            None => Err(crate::trf!(
                "no key is called {one:?}",
                "aucune touche ne s'appelle « {one} »"
            )),
        },
        several => several
            .iter()
            .map(|w| {
                parse_key(w).ok_or_else(|| {
                    crate::trf!(
                        "no key is called {w:?}",
                        "aucune touche ne s'appelle « {w} »"
                    )
                })
            })
            .collect(),
    }
}

/// One key by its name, or a single character; `Ctrl-` and `Alt-` before it.
fn parse_key(word: &str) -> Option<Key> {
    let lower = word.to_lowercase();
    for (prefix, mods) in [
        ("ctrl-", KeyModifiers::CONTROL),
        ("c-", KeyModifiers::CONTROL),
        ("alt-", KeyModifiers::ALT),
        ("m-", KeyModifiers::ALT),
    ] {
        if lower.starts_with(prefix) && word.len() > prefix.len() {
            let mut key = parse_key(&word[prefix.len()..])?;
            if mods == KeyModifiers::CONTROL
                && let KeyCode::Char(c) = key.code
            {
                key.code = KeyCode::Char(c.to_ascii_lowercase());
            }
            key.mods |= mods;
            return Some(key);
        }
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(match c {
            '↓' => Key::plain(K::Down),
            '↑' => Key::plain(K::Up),
            '←' => Key::plain(K::Left),
            '→' => Key::plain(K::Right),
            c if c.is_control() => return None,
            c => Key::ch(c),
        });
    }
    let code = match lower.as_str() {
        "down" => K::Down,
        "up" => K::Up,
        "left" => K::Left,
        "right" => K::Right,
        "enter" | "return" => K::Enter,
        "esc" | "escape" => K::Esc,
        "tab" => K::Tab,
        "shift-tab" | "backtab" => K::BackTab,
        "backspace" | "bs" => K::Backspace,
        "space" => K::Char(' '),
        "pgdn" | "pagedown" => K::PageDown,
        "pgup" | "pageup" => K::PageUp,
        "home" => K::Home,
        "end" => K::End,
        "delete" | "del" => K::Delete,
        "insert" | "ins" => K::Insert,
        f if f.starts_with('f') => K::F(f[1..].parse().ok().filter(|n| (1..=24).contains(n))?),
        _ => return None,
    };
    Some(Key::plain(code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::BINDINGS;

    #[test]
    fn key_names_are_read_as_people_write_them() {
        assert_eq!(parse_keys("G"), Ok(vec![Key::ch('G')]));
        assert_eq!(parse_keys("PgDn"), Ok(vec![Key::plain(K::PageDown)]));
        assert_eq!(parse_keys("ctrl-D"), Ok(vec![Key::ctrl('d')]));
        assert_eq!(parse_keys("Alt-Left"), Ok(vec![Key::alt(K::Left)]));
        assert_eq!(parse_keys("zR"), Ok(vec![Key::ch('z'), Key::ch('R')]));
        assert_eq!(parse_keys(" "), Ok(vec![Key::ch(' ')]));
        assert_eq!(parse_keys("F5"), Ok(vec![Key::plain(K::F(5))]));
        assert!(parse_keys("").is_err());
        assert!(parse_keys("Ctrl-Nope").is_err());
        assert!(parse_keys("Dwon").is_err());
        // Every default label reads back as its keys.
        for b in BINDINGS {
            assert_eq!(parse_keys(b.label).as_deref(), Ok(b.keys), "{}", b.label);
        }
    }
}
