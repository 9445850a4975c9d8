//! The help screen's lines, built from the keymap in effect so that it always says what
//! the keys do. Descriptions wrap to the screen: beside their keys when there is room,
//! under them on a narrow screen (below 60 columns), so that 40 columns still read
//! whole. `screen::help` draws them; the app scrolls through them.

use unicode_width::UnicodeWidthStr;

use crate::app::keymap::Keymap;
use crate::app::words;

/// Below this width, each description goes under its keys.
const NARROW: usize = 60;

/// One line of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// The help's title.
    Title(&'static str),
    Blank,
    /// Keys at the left margin, then `gap` spaces and the first line of what they do
    /// (empty on a narrow screen, where it goes under them).
    Keys {
        keys: String,
        gap: usize,
        text: String,
    },
    /// More of a description, `indent` columns in.
    More {
        indent: usize,
        text: String,
    },
}

/// The help's lines at `width` columns: the reader's keys, then a prompt's, then what
/// a paste does.
pub fn lines(keymap: &Keymap, width: usize) -> Vec<Line> {
    use crate::app::words::prompt;
    let keys = words::Keys(keymap);
    let mut lines = vec![Line::Title(words::help_title()), Line::Blank];
    section(&mut lines, keymap.help_rows(), width, |a| {
        words::describe(a, &keys)
    });
    lines.extend([
        Line::Blank,
        Line::Title(prompt::prompt_keys_title()),
        Line::Blank,
    ]);
    section(&mut lines, crate::app::keymap::typing_rows(), width, |a| {
        prompt::describe_typing(a).to_owned()
    });
    lines.push(Line::Blank);
    for part in wrap(prompt::paste_help(), width.saturating_sub(2)) {
        lines.push(Line::More {
            indent: 2,
            text: part,
        });
    }
    lines
}

/// The lines of `rows` (the keys' labels, the action), each action said by
/// `describe`, each key named as the language spoken names it.
fn section(
    lines: &mut Vec<Line>,
    rows: Vec<(Vec<&str>, crate::app::action::Action)>,
    width: usize,
    describe: impl Fn(crate::app::action::Action) -> String,
) {
    let rows: Vec<(String, _)> = rows
        .into_iter()
        .map(|(labels, action)| {
            let labels: Vec<&str> = labels.into_iter().map(words::keys::shown).collect();
            (labels.join(", "), action)
        })
        .collect();
    let key_width = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    for (keys, action) in rows {
        let what = describe(action);
        if width < NARROW {
            lines.push(Line::Keys {
                keys: keys.clone(),
                gap: 0,
                text: String::new(),
            });
            for part in wrap(&what, width.saturating_sub(6)) {
                lines.push(Line::More {
                    indent: 6,
                    text: part,
                });
            }
            continue;
        }
        let column = 2 + key_width + 2;
        let gap = key_width.saturating_sub(keys.width()) + 2;
        let mut parts = wrap(&what, width.saturating_sub(column)).into_iter();
        lines.push(Line::Keys {
            keys: keys.clone(),
            gap,
            text: parts.next().unwrap_or_default(),
        });
        for part in parts {
            lines.push(Line::More {
                indent: column,
                text: part,
            });
        }
    }
}

/// How many lines the help takes at `width` columns: how far it scrolls.
pub fn height(keymap: &Keymap, width: u16) -> usize {
    lines(keymap, usize::from(width)).len()
}

/// `text` cut into lines of at most `width` columns, at spaces (a word longer than
/// the width is a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > width.max(1) {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_lists_a_prompts_editing_keys_each_said() {
        for (keys, action) in crate::app::keymap::typing_rows() {
            let what = crate::app::words::prompt::describe_typing(action);
            assert!(!what.is_empty(), "{keys:?}: {action:?} is not described");
        }
        let text: Vec<String> = lines(&Keymap::default(), 80)
            .into_iter()
            .filter_map(|l| match l {
                Line::Keys { keys, text, .. } => Some(format!("{keys} {text}")),
                _ => None,
            })
            .collect();
        let has = |start: &str| text.iter().any(|l| l.starts_with(start));
        assert!(has("Ctrl-U Delete from the start"), "{text:?}");
        assert!(has("Home, Ctrl-A Move the cursor"), "{text:?}");
        assert!(has("Home, < Go to the start"), "{text:?}");
    }

    #[test]
    fn wrapping_at_spaces() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("", 6), [""]);
        assert_eq!(wrap("unmotlong", 4), ["unmotlong"]);
    }

    #[test]
    fn every_line_fits_at_40_and_80_columns() {
        for width in [40, 80] {
            for line in lines(&Keymap::default(), width) {
                let used = match &line {
                    Line::Title(t) => 1 + t.width(),
                    Line::Blank => 0,
                    Line::Keys { keys, gap, text } => 2 + keys.width() + gap + text.width(),
                    Line::More { indent, text } => indent + text.width(),
                };
                assert!(used <= width, "{width}: {line:?}");
            }
        }
        let keys = Keymap::default();
        assert!(height(&keys, 40) > height(&keys, 80));
    }
}
