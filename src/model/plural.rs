//! Counts said in words: `1 article`, `3 articles`. Every count the program says goes
//! through [`count`], so that none says `1 articles`, and so that each language's
//! rule is in one place: English puts 1 alone in the singular, French 0 and 1
//! (`0 article`, `1 article`, `2 articles`).

use crate::model::lang::{self, Lang};

/// `n` and its noun: `one` in the singular, `many` in the plural, by the rule of the
/// language spoken. The caller gives both nouns in that language
/// (`count(n, tr!("match", "résultat"), tr!("matches", "résultats"))`).
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", number(n), if singular(n) { one } else { many })
}

/// `n` as the language spoken writes it: French groups thousands with a narrow
/// no-break space from five digits on (`29 115`), English as before
/// (`29115`).
pub fn number(n: usize) -> String {
    let digits = n.to_string();
    if lang::current() == Lang::En || digits.len() < 5 {
        // Four digits stay whole (`1234 articles`), as French typography allows.
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

/// Whether `n` takes the singular in the language spoken.
pub fn singular(n: usize) -> bool {
    match lang::current() {
        Lang::En => n == 1,
        Lang::Fr => n < 2,
    }
}

#[cfg(test)]
mod tests {
    use super::count;
    use crate::model::lang::{Lang, set_here};

    #[test]
    fn english_puts_one_alone_in_the_singular() {
        set_here(Lang::En);
        assert_eq!(count(1, "article", "articles"), "1 article");
        assert_eq!(count(0, "article", "articles"), "0 articles");
        assert_eq!(count(2, "match", "matches"), "2 matches");
        assert_eq!(count(12_019, "article", "articles"), "12019 articles");
    }

    #[test]
    fn french_puts_zero_and_one_in_the_singular() {
        set_here(Lang::Fr);
        assert_eq!(count(0, "article", "articles"), "0 article");
        assert_eq!(count(1, "résultat", "résultats"), "1 résultat");
        assert_eq!(count(2, "ligne", "lignes"), "2 lignes");
        assert_eq!(
            count(29_115, "article", "articles"),
            "29\u{202f}115 articles"
        );
        assert_eq!(count(1234, "article", "articles"), "1234 articles");
        assert_eq!(super::number(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(super::number(12_345), "12\u{202f}345");
    }
}
