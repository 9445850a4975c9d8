//! A word wider than its line (a chemical name in a narrow column, a compound place
//! name, a glued `article L. 6323-17-5-1`) must be cut. A typesetter cuts a compound
//! word at its hyphens before anywhere else, and never so that a line starts with a
//! closing mark or a space, or ends with `«`.

use unicode_width::UnicodeWidthChar;

use super::{Part, VLine, Word, glue, push_seg};

/// One character of a word being cut: its part, where it is in that part's text, its
/// columns.
#[derive(Clone, Copy)]
struct Char {
    part: usize,
    at: usize,
    c: char,
    columns: usize,
}

/// Places `word`, wider than `width`, from the start of a fresh line: as many of its
/// characters on each line as fit, each line ending at the word's last hyphen that fits
/// when it has one, else where a cut reads least badly. Returns the columns used on the
/// last line.
pub(super) fn place(lines: &mut Vec<VLine>, line: &mut VLine, word: &Word, width: usize) -> usize {
    let chars = chars(word);
    let mut start = 0;
    loop {
        let mut used = 0;
        let mut end = start;
        while end < chars.len() && used + chars[end].columns <= width {
            used += chars[end].columns;
            end += 1;
        }
        // Zero-width characters (combining accents) stay with the letter before them.
        while end < chars.len() && chars[end].columns == 0 {
            end += 1;
        }
        if end == chars.len() {
            emit(line, word, &chars[start..]);
            return used;
        }
        let cut = (start + 1..=end)
            .rev()
            .find(|&i| hyphen_break(&chars, i))
            .or_else(|| (start + 1..=end).rev().find(|&i| may_cut(&chars, i)))
            .unwrap_or(end.max(start + 1));
        emit(line, word, &chars[start..cut]);
        lines.push(std::mem::take(line));
        start = cut;
    }
}

/// The columns of the widest piece of `word` between the hyphens it may be cut at.
pub(super) fn widest_piece(word: &Word) -> usize {
    let chars = chars(word);
    let (mut widest, mut piece) = (0, 0);
    for i in 0..chars.len() {
        if hyphen_break(&chars, i) {
            piece = 0;
        }
        piece += chars[i].columns;
        widest = widest.max(piece);
    }
    widest
}

fn chars(word: &Word) -> Vec<Char> {
    let mut out = Vec::new();
    for (part, p) in word.iter().enumerate() {
        out.extend(p.text.char_indices().map(|(at, c)| Char {
            part,
            at,
            c,
            columns: c.width().unwrap_or(0),
        }));
    }
    out
}

/// Whether a line may end before `chars[i]` just after a hyphen of a compound word
/// (`Bourgogne-`, `1,2-` before `difluoroéthane`): a letter on one side at least, so
/// that the numbers of `6323-17-5-1` stay whole.
fn hyphen_break(chars: &[Char], i: usize) -> bool {
    let (Some(before), Some(after)) = (i.checked_sub(2).map(|j| chars[j].c), chars.get(i)) else {
        return false;
    };
    matches!(chars[i - 1].c, '-' | '\u{2010}')
        && (before.is_alphabetic() || after.c.is_alphabetic())
}

/// Whether a line may end before `chars[i]` when the word has no hyphen to end it at:
/// not before a space, a closing mark or an accent, not after a space or `«`.
fn may_cut(chars: &[Char], i: usize) -> bool {
    let (before, after) = (chars[i - 1], chars[i]);
    after.columns > 0
        && !glue::CLOSING.contains(&after.c)
        && after.c != ' '
        && !matches!(before.c, ' ' | glue::OPENING)
}

/// Appends `chars` of `word` to the line, a segment per part they come from.
fn emit(line: &mut VLine, word: &Word, chars: &[Char]) {
    let mut i = 0;
    while i < chars.len() {
        let part = chars[i].part;
        let n = chars[i..].iter().take_while(|c| c.part == part).count();
        let Part { text, style, link } = word[part];
        let last = chars[i + n - 1];
        push_seg(
            line,
            &text[chars[i].at..last.at + last.c.len_utf8()],
            style,
            link,
        );
        i += n;
    }
}

#[cfg(test)]
mod tests {
    use super::super::{line_text, wrap};
    use crate::model::article::{Piece, TextStyle};

    fn wrapped(text: &str, width: usize) -> Vec<String> {
        let p = [Piece::Text {
            text: text.to_owned(),
            style: TextStyle::default(),
            link: None,
        }];
        wrap(&p, width).iter().map(line_text).collect()
    }

    #[test]
    fn a_compound_word_is_cut_at_its_hyphens_first() {
        assert_eq!(
            wrapped("Bourgogne-Beaujolais-Savoie-Jura", 30),
            ["Bourgogne-Beaujolais-Savoie-", "Jura"]
        );
        assert_eq!(
            wrapped("Bourgogne-Beaujolais-Savoie-Jura", 12),
            ["Bourgogne-", "Beaujolais-", "Savoie-Jura"]
        );
        assert_eq!(
            wrapped("1,1,2,2-tétrachloro-1,2-difluoroéthane,", 20),
            ["1,1,2,2-tétrachloro-", "1,2-difluoroéthane,"]
        );
        // Between two digits a hyphen is part of a number: cut elsewhere.
        assert_eq!(wrapped("6323-17-5-1", 8), ["6323-17-", "5-1"]);
    }

    #[test]
    fn a_cut_never_leaves_a_mark_or_a_space_at_a_line_s_edge() {
        // `suivantes :` is one word (glued), wider than 10 columns.
        assert_eq!(wrapped("suivantes :", 10), ["suivante", "s :"]);
        assert_eq!(
            wrapped("« anticonstitutionnel", 10),
            ["« anticons", "titutionne", "l"]
        );
        // Where no cut reads well, the line is still cut rather than overflowed.
        assert_eq!(wrapped(":::::", 2), ["::", "::", ":"]);
    }

    #[test]
    fn the_widest_piece_is_between_hyphens() {
        use super::super::{Token, tokens};
        let p = [Piece::Text {
            text: "Villeneuve-Saint-Vistre-et-Villevotte".to_owned(),
            style: TextStyle::default(),
            link: None,
        }];
        let Some(Token::Word(word)) = tokens(&p).into_iter().next() else {
            panic!("a word");
        };
        assert_eq!(super::widest_piece(&word), "Villeneuve-".len());
    }
}
