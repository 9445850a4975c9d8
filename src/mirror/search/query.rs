//! What a search asks for, and where a text answers it. A query is terms: a word
//! alone matches the words it starts (`prud` finds `prudence`), a quoted phrase
//! (`"contrat de travail"`) or a word with an apostrophe or a hyphen in it
//! (`prud'homme`) matches consecutive words, whole but for the last, which it starts.
//! A text answers when every term is in it.

use std::ops::Range;

use super::text;

/// One term: a word, or the words of a phrase in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Folded words; all but the last must match whole, the last starts a word.
    pub words: Vec<String>,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub terms: Vec<Term>,
    /// What was typed, for messages.
    pub typed: String,
}

impl Term {
    /// Whether normalised word `word` matches the term's word `i`.
    pub fn word_matches(&self, i: usize, word: &str) -> bool {
        let want = &self.words[i];
        if i + 1 == self.words.len() {
            word.starts_with(want.as_str())
        } else {
            word == want
        }
    }

    /// Whether the term starts at word `at` of `words`.
    pub(super) fn matches_at<S: AsRef<str>>(&self, words: &[S], at: usize) -> bool {
        self.words.len() <= words.len() - at
            && (0..self.words.len()).all(|i| self.word_matches(i, words[at + i].as_ref()))
    }
}

impl Query {
    /// Reads what the user typed: words, and phrases in double quotes (typographic
    /// quotes too). An unclosed quote runs to the end.
    pub fn parse(typed: &str) -> Query {
        let mut terms: Vec<Term> = Vec::new();
        let mut add = |piece: &str| {
            let words: Vec<String> = text::tokens(piece).into_iter().map(|t| t.word).collect();
            let term = Term { words };
            if !term.words.is_empty() && !terms.contains(&term) {
                terms.push(term);
            }
        };
        // Between quotes every other piece: the odd ones are phrases.
        for (i, part) in typed.split(['"', '“', '”', '«', '»']).enumerate() {
            if i % 2 == 1 {
                add(part);
            } else {
                part.split_whitespace().for_each(&mut add);
            }
        }
        Query {
            terms,
            typed: typed.trim().to_owned(),
        }
    }

    /// Reads what is typed as one phrase, its words in order and next to each other
    /// (quotes aside), as `less` and a browser's find read it: `/` in an article.
    pub fn phrase(typed: &str) -> Query {
        let words: Vec<String> = text::tokens(&typed.replace(['"', '“', '”', '«', '»'], " "))
            .into_iter()
            .map(|t| t.word)
            .collect();
        Query {
            terms: (!words.is_empty())
                .then_some(Term { words })
                .into_iter()
                .collect(),
            typed: typed.trim().to_owned(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// What to look for in a text normalised by `normalised::normalise_article_into`, one string a
    /// term: ` ` and its words joined by spaces.
    pub fn needles(&self) -> Vec<String> {
        self.terms
            .iter()
            .map(|t| format!(" {}", t.words.join(" ")))
            .collect()
    }

    /// Where the terms occur among `words` (a text's normalised words in order): ranges
    /// of word positions, in order, when every term occurs somewhere; `None` when one
    /// does not. (Each term is looked for on its own, as the index does: `travail`
    /// is there in `contrat de travail` even when that phrase is a term too.)
    pub fn find<S: AsRef<str>>(&self, words: &[S]) -> Option<Vec<Range<usize>>> {
        let all = !self.is_empty()
            && self
                .terms
                .iter()
                .all(|t| (0..words.len()).any(|at| t.matches_at(words, at)));
        all.then(|| self.spans(words))
    }

    /// Every occurrence of any term, the longest where several start at one word.
    fn spans<S: AsRef<str>>(&self, words: &[S]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < words.len() {
            let longest = self
                .terms
                .iter()
                .filter(|t| t.matches_at(words, at))
                .map(|t| t.words.len())
                .max();
            match longest {
                Some(n) => {
                    out.push(at..at + n);
                    at += n;
                }
                None => at += 1,
            }
        }
        out
    }

    /// The byte ranges of the matches in `text`, when it answers the query.
    pub fn find_in_text(&self, text: &str) -> Option<Vec<Range<usize>>> {
        let tokens = text::tokens(text);
        let words: Vec<&str> = tokens.iter().map(|t| t.word.as_str()).collect();
        let found = self.find(&words)?;
        Some(
            found
                .into_iter()
                .map(|r| tokens[r.start].span.start..tokens[r.end - 1].span.end)
                .collect(),
        )
    }

    /// Every occurrence of any term in `text` (bytes), whether or not all terms are
    /// there: what a block of an answering article highlights.
    pub fn occurrences(&self, text: &str) -> Vec<Range<usize>> {
        let tokens = text::tokens(text);
        let words: Vec<&str> = tokens.iter().map(|t| t.word.as_str()).collect();
        self.spans(&words)
            .into_iter()
            .map(|r| tokens[r.start].span.start..tokens[r.end - 1].span.end)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(query: &str, text: &str) -> bool {
        Query::parse(query).find_in_text(text).is_some()
    }

    #[test]
    fn a_phrase_is_its_words_in_order_and_together() {
        let q = Query::phrase("Acrylate de \"méthyle");
        let text = "Acrylate d'éthyle, de méthyle ; acrylate de méthyle.";
        let found = q.occurrences(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&text[found[0].clone()], "acrylate de méthyle");
        assert!(Query::phrase(" \" ").is_empty());
        assert_eq!(
            Query::parse("Acrylate de méthyle").occurrences(text).len(),
            6
        );
    }

    #[test]
    fn words_phrases_and_apostrophes_parse() {
        let q = Query::parse("Égalité \"contrat de travail\" prud’homme");
        let terms: Vec<Vec<&str>> = q
            .terms
            .iter()
            .map(|t| t.words.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            terms,
            [
                vec!["egalite"],
                vec!["contrat", "de", "travail"],
                vec!["prud", "homme"]
            ]
        );
        assert!(Query::parse("  \" ' ").is_empty());
    }

    #[test]
    fn every_term_must_be_there_accents_and_case_aside() {
        assert!(answers("egalite", "l'Égalité professionnelle"));
        assert!(answers("prud'homme", "le conseil de prud'hommes"));
        assert!(answers("PRUD’HOMME", "le conseil de prud'hommes"));
        assert!(answers(
            "salarie enceinte",
            "La salariée en état de grossesse… enceinte"
        ));
        assert!(!answers("salarie absent", "La salariée enceinte"));
    }

    #[test]
    fn a_phrase_needs_its_words_next_to_each_other() {
        let q = "\"contrat de travail\"";
        assert!(answers(q, "Le contrat de travail est suspendu"));
        assert!(answers(q, "le contrat de travailleur"));
        assert!(!answers(q, "le contrat, et de même le travail"));
        assert!(
            !answers(q, "les contrats de travail"),
            "whole words but the last"
        );
    }

    #[test]
    fn matches_are_byte_ranges_of_the_text() {
        let text = "Égalité et égalités";
        let found = Query::parse("egalite").find_in_text(text).expect("found");
        let shown: Vec<&str> = found.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(shown, ["Égalité", "égalités"]);
        let q = Query::parse("absent egalite");
        assert!(q.find_in_text(text).is_none());
        assert_eq!(q.occurrences(text).len(), 2);
    }
}
