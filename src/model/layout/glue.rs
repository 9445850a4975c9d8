//! Where a line must not break though the text has a plain space: `L.` and its
//! number, `article` and the number it introduces, a number and its thousands or its
//! unit (`9 378 euros`), a word and the `:` `;` `?` `!` `»` after it, `«` and the word
//! after it, as a careful French typesetter would keep them together.

use std::borrow::Cow;

use super::{Part, TextStyle, Token, Word};

/// Marks French sets after a space (`de :`, `non ?`, `mot »`) that must not start a
/// line: the space before them is, for the typesetter, a no-break space, though the
/// texts mostly write a plain one.
pub(super) const CLOSING: &[char] = &[':', ';', '?', '!', '»'];
/// The mark set before a space that must not end a line: `«` goes with the word after.
pub(super) const OPENING: char = '«';

/// Joins words a line must not separate: `L.` and its number, `article` and the number
/// it introduces, a number and `%` or `€`, a word and the closing mark after it, an
/// opening `«` and the word after it. The space stays, but as part of one word (a
/// part of its own, `" "`, which is how a word wider than its line finds it).
pub(super) fn glue(tokens: Vec<Token<'_>>) -> Vec<Token<'_>> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for token in tokens {
        if let (Some(Token::Word(prev)), Token::Word(next)) = (out.last_mut(), &token)
            && must_stay_together(&last_word(prev), &word_text(next))
        {
            let shared = prev
                .last()
                .and_then(|s| s.link)
                .filter(|l| next[0].link == Some(*l));
            prev.push(Part {
                text: " ",
                style: TextStyle::default(),
                link: shared,
            });
            prev.extend(next.iter().copied());
            continue;
        }
        out.push(token);
    }
    out
}

/// A word's text: borrowed when it has one style (almost always), so that gluing a
/// 10 MB paragraph does not copy every word.
fn word_text<'a>(word: &Word<'a>) -> Cow<'a, str> {
    match word.as_slice() {
        [one] => Cow::Borrowed(one.text),
        many => many.iter().map(|s| s.text).collect(),
    }
}

/// The text after the last space glued into `word`: only it decides what may be glued
/// next, and reading only it keeps a word glued to its mark from being copied again.
fn last_word<'a>(word: &Word<'a>) -> Cow<'a, str> {
    let from = word
        .iter()
        .rposition(|p| p.text == " ")
        .map_or(0, |i| i + 1);
    match &word[from..] {
        [one] => Cow::Borrowed(one.text),
        many => many.iter().map(|s| s.text).collect(),
    }
}

fn must_stay_together(prev: &str, next: &str) -> bool {
    if next.starts_with(CLOSING) || prev.ends_with(OPENING) {
        return true;
    }
    let last = prev.rsplit(' ').next().unwrap_or(prev);
    let next_is_number = next.starts_with(|c: char| c.is_ascii_digit());
    let prefix = last.trim_end_matches('.');
    let is_article_prefix = matches!(prefix, "L" | "R" | "D" | "A" | "LO" | "R*" | "D*" | "L.O");
    let ends_with = |suffix: &str| {
        last.len() >= suffix.len()
            && last.is_char_boundary(last.len() - suffix.len())
            && last[last.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    let names_article = ends_with("article") || ends_with("articles");
    let next_is_prefix = matches!(
        next.trim_end_matches('.'),
        "L" | "R" | "D" | "A" | "LO" | "R*" | "D*"
    );
    (is_article_prefix && next_is_number)
        || (names_article && (next_is_prefix || next_is_number))
        || (is_number(last) && (is_thousands(next) || is_unit(next)))
}

/// `9`, `1,5`, `12.50`: a number as the text writes it.
fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// The three digits after a thousands separator the texts write as a plain space
/// (`9 378`, `1 500 000`, `12 000,50`), punctuation after them aside.
fn is_thousands(word: &str) -> bool {
    let word = word.trim_end_matches(PUNCTUATION);
    let (group, decimals) = word.split_once(',').unwrap_or((word, ""));
    group.len() == 3
        && group.bytes().all(|b| b.is_ascii_digit())
        && decimals.bytes().all(|b| b.is_ascii_digit())
}

/// A unit a number must not be parted from, punctuation after it aside.
fn is_unit(word: &str) -> bool {
    matches!(
        word.trim_end_matches(PUNCTUATION),
        "%" | "€"
            | "euros"
            | "euro"
            | "EUR"
            | "F"
            | "francs"
            | "m"
            | "m²"
            | "m2"
            | "m³"
            | "m3"
            | "cm"
            | "mm"
            | "km"
            | "km²"
            | "ha"
            | "are"
            | "g"
            | "kg"
            | "t"
            | "tonnes"
            | "l"
            | "litres"
            | "dB"
            | "°C"
            | "W"
            | "kW"
            | "kWh"
            | "V"
            | "h"
            | "heures"
            | "heure"
            | "min"
            | "minutes"
            | "jours"
            | "jour"
            | "semaines"
            | "semaine"
            | "mois"
            | "ans"
            | "an"
            | "années"
            | "année"
    )
}

const PUNCTUATION: &[char] = &[',', '.', ';', ':', ')', '»'];

#[cfg(test)]
mod tests {
    use super::super::{line_text, wrap};
    use crate::model::article::{Piece, TextStyle};

    #[test]
    fn numbers_keep_their_thousands_and_their_units() {
        let p = [Piece::Text {
            text: "une aide de 9 378 euros versée à 1 500 000 salariés, soit 12 000,50 € par an \
                   pour 35 heures et 2,5 m² de plus; le 3 000e cas"
                .to_owned(),
            style: TextStyle::default(),
            link: None,
        }];
        for width in 14..=60 {
            let lines: Vec<String> = wrap(&p, width).iter().map(line_text).collect();
            for kept in [
                "9 378 euros",
                "1 500 000",
                "12 000,50 €",
                "35 heures",
                "2,5 m²",
            ] {
                assert!(
                    lines.iter().any(|l| l.contains(kept)),
                    "width {width}: {kept:?} broken in {lines:?}"
                );
            }
            assert!(
                lines
                    .iter()
                    .all(|l| unicode_width::UnicodeWidthStr::width(l.as_str()) <= width)
            );
        }
    }

    #[test]
    fn closing_marks_stay_after_their_word_and_an_opening_one_before_it() {
        let p = [Piece::Text {
            text: "les missions suivantes : former ; conseiller ? aider ! le « conseil \
                   national » et « le\u{a0}comité » : fin"
                .to_owned(),
            style: TextStyle::default(),
            link: None,
        }];
        for width in 10..=40 {
            let lines: Vec<String> = wrap(&p, width).iter().map(line_text).collect();
            for (i, line) in lines.iter().enumerate() {
                assert!(
                    !line.starts_with([':', ';', '?', '!', '»']),
                    "width {width}, line {i}: {lines:?}"
                );
                assert!(!line.ends_with('«'), "width {width}, line {i}: {lines:?}");
            }
            // Nothing is lost or added (a word wider than the line is cut, not spaced).
            let letters = |s: &str| s.replace(' ', "");
            let Piece::Text { text, .. } = &p[0] else {
                unreachable!()
            };
            assert_eq!(letters(&lines.concat()), letters(text));
        }
    }

    #[test]
    fn words_and_numbers_that_are_not_a_quantity_still_break() {
        use super::must_stay_together;
        assert!(!must_stay_together("de", "378"));
        assert!(!must_stay_together("9", "salariés"));
        assert!(!must_stay_together("9", "3780"));
        assert!(!must_stay_together("L6123-1", "123"));
        assert!(must_stay_together("le 9", "378"));
        assert!(must_stay_together("9 378", "euros."));
        assert!(must_stay_together("suivantes", ":"));
        assert!(must_stay_together("conseil", "»,"));
        assert!(must_stay_together("«", "conseil"));
        assert!(!must_stay_together("»", "et"));
        assert!(!must_stay_together("et", "«"));
        assert!(!must_stay_together("suivantes :", "former"));
    }
}
