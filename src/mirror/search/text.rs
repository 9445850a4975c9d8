//! The words of a text as search sees them: HTML tags and entities stripped, case and
//! accents normalised (`Égalité` → `egalite`, `œuvre` → `oeuvre`, `1ᵉʳ` → `1er`), and cut at
//! everything that is not a letter or a digit (so `prud'hommes` is `prud` `hommes`,
//! whichever apostrophe it is written with). The index, the scan and the reader's `/`
//! all go through here, so that they agree.

use std::ops::Range;

/// A word of a text: its normalised form and where it lies in the text (bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub word: String,
    pub span: Range<usize>,
}

/// The words of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    each_word(text, |word, span| {
        out.push(Token {
            word: word.to_owned(),
            span,
        });
    });
    out
}

/// Calls `f` with each normalised word of `text` and its byte range, without allocating a
/// string per word (the index builder sees millions).
pub fn each_word(text: &str, mut f: impl FnMut(&str, Range<usize>)) {
    let mut word = String::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let opening = word.is_empty();
        if normalise_into(c, &mut word) {
            if opening {
                start = i;
            }
            continue;
        }
        if !word.is_empty() {
            f(&word, start..i);
            word.clear();
        }
    }
    if !word.is_empty() {
        f(&word, start..text.len());
    }
}

/// Appends the normalised form of `c` to `out`; false (and nothing appended) when `c` is
/// no letter or digit.
pub fn normalise_into(c: char, out: &mut String) -> bool {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            return true;
        }
        return false;
    }
    let normalised: &str = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' | 'ª' => {
            "a"
        }
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' | 'ᵉ' => "e",
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' | 'ⁱ' => "i",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' | 'º' | 'ᵒ' => "o",
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => "u",
        'ç' | 'Ç' => "c",
        'ÿ' | 'Ÿ' => "y",
        'ñ' | 'Ñ' | 'ⁿ' => "n",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ʳ' => "r",
        'ˢ' => "s",
        'ᵈ' => "d",
        'ᵗ' => "t",
        'ˡ' => "l",
        'ᵐ' => "m",
        '⁰' | '₀' => "0",
        '¹' | '₁' => "1",
        '²' | '₂' => "2",
        '³' | '₃' => "3",
        '⁴' | '₄' => "4",
        '⁵' | '₅' => "5",
        '⁶' | '₆' => "6",
        '⁷' | '₇' => "7",
        '⁸' | '₈' => "8",
        '⁹' | '₉' => "9",
        c if c.is_alphanumeric() => {
            out.extend(c.to_lowercase());
            return true;
        }
        _ => return false,
    };
    out.push_str(normalised);
    true
}

/// `text` normalised as a whole (case and accents), for comparing a typed word.
pub fn normalise(text: &str) -> String {
    let mut out = String::new();
    each_word(text, |w, _| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
    out
}

/// The text of an article file as search reads it: the heading line dropped, tags
/// removed (inline ones such as `<sup>` glue, block ones separate words), entities
/// decoded. Much quicker than parsing the HTML, which matters for a scan of the
/// whole mirror.
pub fn article_text(file: &str) -> String {
    let mut out = String::with_capacity(file.len());
    strip_html_into(article_body(file), &mut out);
    out
}

/// The part of an article file after its heading line.
pub(super) fn article_body(file: &str) -> &str {
    match file
        .trim_start_matches('\u{feff}')
        .strip_prefix("# Article")
    {
        Some(rest) => rest.split_once('\n').map_or("", |(_, body)| body),
        None => file,
    }
}

/// `html` with its tags removed and its entities decoded.
pub fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    strip_html_into(html, &mut out);
    out
}

/// Where the text of stripped HTML goes: a string, or the scan's normalising
/// (`normalised::Normalising`), which then needs no copy of the text.
pub(super) trait Sink {
    fn push_str(&mut self, s: &str);
    fn push(&mut self, c: char);
}

impl Sink for String {
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
    fn push(&mut self, c: char) {
        String::push(self, c);
    }
}

/// [`strip_html`], given to `out`.
pub(super) fn strip_html_into(html: &str, out: &mut impl Sink) {
    let mut rest = html;
    // memchr: a scan strips every file of the mirror, and this is its inner loop.
    while let Some(at) = memchr::memchr2(b'<', b'&', rest.as_bytes()) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('<') {
            let end = memchr::memchr(b'>', rest.as_bytes()).map_or(rest.len(), |e| e + 1);
            if !is_inline(&rest[1..end]) {
                out.push(' ');
            }
            rest = &rest[end..];
        } else {
            let end = rest
                .char_indices()
                .take(12)
                .find(|(_, c)| *c == ';')
                .map(|(i, _)| i);
            match end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e))) {
                Some((c, e)) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
}

/// Whether a tag (its text between `<` and `>`) is one that sits inside a word.
fn is_inline(tag: &str) -> bool {
    let name = tag.trim_start_matches('/');
    let name = name
        .split(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .next()
        .unwrap_or_default();
    // Compared in place: a lower-cased copy per tag was a scan's busiest allocation.
    [
        "a", "sup", "sub", "strong", "b", "i", "em", "u", "span", "font",
    ]
    .iter()
    .any(|inline| name.eq_ignore_ascii_case(inline))
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "ccedil" => 'ç',
        "rsquo" => '’',
        "laquo" => '«',
        "raquo" => '»',
        "deg" => '°',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.word).collect()
    }

    #[test]
    fn case_accents_ligatures_and_apostrophes_are_normalised() {
        assert_eq!(
            words("Égalité des PRUD’HOMMES, l'œuvre 1ᵉʳ"),
            ["egalite", "des", "prud", "hommes", "l", "oeuvre", "1er"]
        );
        assert_eq!(normalise("Prud'homme"), "prud homme");
    }

    #[test]
    fn spans_point_at_the_words_in_the_text() {
        let text = "« Égalité », dit-il";
        let t = tokens(text);
        assert_eq!(&text[t[0].span.clone()], "Égalité");
        assert_eq!(&text[t[2].span.clone()], "il");
    }

    #[test]
    fn html_is_stripped_inline_tags_glue() {
        let file =
            "# Article L1\n\n<p>Le 1<sup>er</sup> &amp; <a href='/x'>L. 1</a></p><p>fin&nbsp;!</p>";
        let text = article_text(file);
        assert_eq!(words(&text), ["le", "1er", "l", "1", "fin"]);
        assert!(text.contains("1er & L. 1"), "{text}");
        assert_eq!(strip_html("a &bogus; b &#233;"), "a &bogus; b é");
    }
}
