//! Cuts a text into the words, article numbers and punctuation the citation grammar
//! reads, each with its place in the text.

use std::borrow::Cow;
use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenKind {
    /// An article number, normalised: `L. 6123-1` → `L6123-1`.
    Num(String),
    /// Letters or digits (`article`, `l'`, `3°`, `II`, `ci-dessus`).
    Word,
    /// Any other character that is not a space; a line break is one too.
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: TokenKind,
    /// Bytes of the text it covers.
    pub range: Range<usize>,
    /// The text, lower-cased, with `’` read as `'` (borrowed when it already is: most
    /// words are, and a 122 KB article has 20,000 of them).
    pub lower: Cow<'a, str>,
    /// Whether the text was all capitals (roman numerals, `A`).
    pub upper: bool,
}

impl Token<'_> {
    pub fn is(&self, word: &str) -> bool {
        self.lower == word
    }

    /// The number of a [`TokenKind::Num`]; empty for other tokens.
    pub fn num(&self) -> &str {
        match &self.kind {
            TokenKind::Num(n) => n,
            _ => "",
        }
    }

    /// What may stand between two numbers of one citation: `, `, `et`, `ou`, `à`,
    /// `et à l'article`.
    pub fn is_connector(&self) -> bool {
        matches!(
            &*self.lower,
            "," | "et" | "ou" | "à" | "l'" | "article" | "articles" | "aux"
        )
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2007}' | '\t' | '\r')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The tokens of `text`, in order.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    tokenize_with(text, false)
}

/// The tokens of a citation someone typed (`l242-1 css`, `C. rur. L. 1`): a number
/// counts without a hyphen or `article` before it, and its letter may be lower case,
/// as nothing else in a line typed to name an article looks like one.
pub fn tokenize_typed(text: &str) -> Vec<Token<'_>> {
    tokenize_with(text, true)
}

fn tokenize_with(text: &str, typed: bool) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
    let mut toks: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if is_space(c) {
            i += 1;
            continue;
        }
        let boundary = i == 0 || !chars[i - 1].1.is_alphanumeric();
        // `article L. 1`, or `L. 1-1 et L. 2` (the second number of a list).
        let after_article = typed
            || toks
                .last()
                .is_some_and(|t| t.is("article") || t.is("articles"))
            || (toks.last().is_some_and(Token::is_connector)
                && toks.iter().rev().take(5).any(|t| !t.num().is_empty()));
        if boundary && let Some((end, num)) = number_at(&chars, i, after_article, typed) {
            toks.push(Token {
                kind: TokenKind::Num(num),
                range: byte(i)..byte(end),
                lower: Cow::Borrowed(""),
                upper: true,
            });
            i = end;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            i += 1;
            while i < chars.len() {
                let c = chars[i].1;
                let inner_hyphen = c == '-'
                    && chars.get(i + 1).is_some_and(|n| n.1.is_alphabetic())
                    && chars[i - 1].1.is_alphabetic();
                if c.is_alphanumeric() || c == '°' || inner_hyphen {
                    i += 1;
                } else {
                    break;
                }
            }
            // Elision: `l'`, `d'`, `qu'` end their word at the apostrophe.
            if i - start <= 3 && chars.get(i).is_some_and(|c| is_apostrophe(c.1)) {
                i += 1;
            }
        } else {
            i += 1;
        }
        let raw = &text[byte(start)..byte(i)];
        toks.push(Token {
            kind: if c.is_alphanumeric() {
                TokenKind::Word
            } else {
                TokenKind::Punct
            },
            range: byte(start)..byte(i),
            lower: lower(raw),
            upper: raw.chars().any(char::is_uppercase) && !raw.chars().any(char::is_lowercase),
        });
    }
    toks
}

fn lower(raw: &str) -> Cow<'_, str> {
    if raw.chars().any(|c| c.is_uppercase() || c == '’') {
        Cow::Owned(raw.to_lowercase().replace('’', "'"))
    } else {
        Cow::Borrowed(raw)
    }
}

/// An article number starting at `i`: `L`, `R`, `D`, `A`, `LO`, with `*` and `.`
/// allowed, spaces, then digits joined by hyphens. A number without a hyphen
/// (`L. 1`) counts only right after `article`: alone it is too often something else.
/// A `typed` one may have its letter in lower case when a digit, a dot or a star
/// follows it (`l242-1`, `r. 1`), not a space (`a 3°` is a word and a point).
fn number_at(
    chars: &[(usize, char)],
    i: usize,
    after_article: bool,
    typed: bool,
) -> Option<(usize, String)> {
    let at = |k: usize| chars.get(k).map(|c| c.1);
    let lower_ok = typed && at(i + 1).is_some_and(|n| n.is_ascii_digit() || n == '.' || n == '*');
    let letter = at(i).filter(|c| {
        matches!(c, 'L' | 'R' | 'D' | 'A') || (lower_ok && matches!(c, 'l' | 'r' | 'd' | 'a'))
    })?;
    let mut prefix = String::from(letter.to_ascii_uppercase());
    let mut k = i + 1;
    if prefix == "L"
        && let Some(o) = organic_o(chars.get(k..).unwrap_or_default().iter().map(|c| c.1))
    {
        prefix.push('O');
        k += o;
    }
    // `R*343-4`, `R. 343-4`, `R. * 343-4`, `R.*343-4`: dot, star and spaces as they come.
    while let Some(c) = at(k).filter(|c| *c == '.' || *c == '*' || is_space(*c)) {
        if c == '*' {
            prefix.push('*');
        }
        k += 1;
    }
    let digits_start = k;
    let mut hyphen = false;
    while let Some(c) = at(k) {
        if c.is_ascii_digit() {
            k += 1;
        } else if c == '-' && at(k + 1).is_some_and(|n| n.is_ascii_digit()) && k > digits_start {
            hyphen = true;
            k += 1;
        } else {
            break;
        }
    }
    // A lower-case word glued on (`L. 3121-12en cas`, a missing space after a link) ends
    // the number; a capital or a degree sign means it was not one.
    if k == digits_start || at(k).is_some_and(|c| c.is_uppercase() || c == '°') {
        return None;
    }
    if !hyphen && !after_article {
        return None;
    }
    let mut digits: String = chars[digits_start..k].iter().map(|c| c.1).collect();
    // A capital letter set apart ends some numbers: `L. 5214-1 A`, `150-0 A`.
    // Not in a typed citation when a dot follows: `L. 1234-9 C. trav.` names a code.
    if hyphen
        && !(typed && at(k + 2) == Some('.'))
        && at(k).is_some_and(is_space)
        && let Some(letter) = at(k + 1).filter(char::is_ascii_uppercase)
        && !at(k + 2).is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’' || c == '°')
    {
        digits.push(' ');
        digits.push(letter);
        k += 2;
    }
    Some((k, format!("{prefix}{digits}")))
}

/// Where the `O` of an organic law's `LO` ends, counted from just after its `L`: `LO`,
/// and `L. O.`, `L.O.` as some texts write it (an `O` alone, followed by a dot, a
/// space or a digit). `None` when no such `O` follows.
pub fn organic_o(after_l: impl Iterator<Item = char>) -> Option<usize> {
    let mut after = after_l
        .enumerate()
        .skip_while(|(_, c)| *c == '.' || is_space(*c));
    let (at, o) = after.next()?;
    let (_, next) = after.next().unwrap_or((0, ' '));
    let glued = at == 0 || next == '.';
    (o == 'O' && glued && (next == '.' || is_space(next) || next.is_ascii_digit()))
        .then_some(at + 1)
}
