//! An article file normalised for the scan: its words as `text` normalises them, each after
//! a space, in one string (` le contrat de travail`), made in one pass over the file
//! with no copy of its stripped text. A term is in the text exactly when ` ` and its
//! words joined by spaces are in this string: its first word starts one (a space
//! comes before), all but its last are whole (a space follows them). So the scan
//! matches with a substring search, as grep does, rather than word by word.

use super::text::{Sink, article_body, normalise_into, strip_html_into};

/// Folds article `file` into `out` (cleared first; the caller's, reused from file to
/// file).
pub fn normalise_article_into(file: &str, out: &mut String) {
    out.clear();
    let mut normalising = Normalising {
        out,
        in_word: false,
    };
    strip_html_into(article_body(file), &mut normalising);
}

/// What `text::each_word` does, but writing the words out as they come.
struct Normalising<'a> {
    out: &'a mut String,
    in_word: bool,
}

impl Sink for Normalising<'_> {
    fn push_str(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii_alphanumeric() {
                // A run of ASCII letters and digits at once: nearly all of the text.
                let end = bytes[at..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(bytes.len(), |n| at + n);
                if !self.in_word {
                    self.out.push(' ');
                    self.in_word = true;
                }
                let from = self.out.len();
                self.out.push_str(&s[at..end]);
                self.out[from..].make_ascii_lowercase();
                at = end;
            } else if b.is_ascii() {
                self.in_word = false;
                at += 1;
            } else {
                let Some(c) = s.get(at..).and_then(|rest| rest.chars().next()) else {
                    return;
                };
                at += c.len_utf8();
                self.push(c);
            }
        }
    }

    fn push(&mut self, c: char) {
        let before = self.out.len();
        if !self.in_word {
            self.out.push(' ');
        }
        if normalise_into(c, self.out) {
            self.in_word = true;
        } else {
            self.out.truncate(before);
            self.in_word = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::{article_text, tokens};
    use super::*;

    #[test]
    fn normalised_articles_are_their_words_each_after_a_space() {
        let file = "# Article L1\n\n<p>Égalité des PRUD’HOMMES, l'œuvre 1<sup>er</sup> \
                    &eacute;t&eacute; d&#233;j&#xE0; ½ x² Ⅻ 中文 Kelvin: \u{212a} \
                    <B>gras</B>suivi &bogus; 3&amp;4 fin</p><br/>dernier";
        let mut normalised = String::new();
        normalise_article_into(file, &mut normalised);
        let joined: String = tokens(&article_text(file))
            .iter()
            .map(|t| format!(" {}", t.word))
            .collect();
        assert_eq!(normalised, joined);
        assert!(normalised.starts_with(" egalite des prud hommes l oeuvre 1er ete deja"));
        normalise_article_into("", &mut normalised);
        assert_eq!(normalised, "");
    }
}
