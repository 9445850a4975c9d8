//! Article numbers and the file names the mirror gives them: `l. 6123-1` →
//! `L6123-1` → `l6123-1.md`, and back for display.

/// `l. 6123-1` → `L6123-1`: the letters before the number in capitals, with no dot or
/// space; the rest as given (`L1234-5 A`). Anything else (`Annexe II`) is only trimmed.
pub fn normalize_number(num: &str) -> String {
    let num = num.trim();
    let split = num.find(|c: char| c.is_ascii_digit()).unwrap_or(num.len());
    let (prefix, rest) = num.split_at(split);
    let prefix: String = prefix
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    let letters = prefix.trim_end_matches('*');
    let is_code_prefix = letters.len() <= 3 && letters.chars().all(|c| c.is_ascii_alphabetic());
    if is_code_prefix && !rest.is_empty() {
        format!("{}{}", prefix.to_uppercase(), rest.to_uppercase())
    } else {
        num.to_owned()
    }
}

/// The number an article file is named for, as the text writes it: `l5214-1-a.md` →
/// `L5214-1 A`, `r-1234-5.md` → `R*1234-5`. File names are slugs, so this guesses
/// back what the slug rule dropped; it is for display, never for finding a file.
pub fn number_of_file(rel: &str) -> String {
    let stem = rel.rsplit('/').next().unwrap_or_default();
    let stem = stem.strip_suffix(".md").unwrap_or(stem);
    let letters = stem.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(0);
    let mut num = if letters > 0
        && stem[letters..].starts_with('-')
        && stem[letters + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        format!("{}*{}", &stem[..letters], &stem[letters + 1..])
    } else {
        stem.to_owned()
    };
    num = normalize_number(&num);
    let bytes = num.as_bytes();
    if let [.., d, b'-', letter] = bytes
        && d.is_ascii_digit()
        && letter.is_ascii_uppercase()
    {
        let cut = num.len() - 2;
        num.replace_range(cut..=cut, " ");
    }
    num
}

/// The file-name slug of an article number: lower case, accents dropped, every other
/// run of non-alphanumerics a `-` (`R*1234-5` → `r-1234-5`), as the mirror names files.
pub fn number_slug(num: &str) -> String {
    slug(&normalize_number(num))
}

/// The mirror's slug rule, for the names `loi import` gives and the reader guesses:
/// compatibility-decomposed (NFKD) with the accents dropped, lower case, apostrophes
/// dropped, every other run of non-alphanumerics a `-`, cut to 120 characters with no
/// `-` at either end. It is the rule the corpus mirrors were made with (the import
/// test reproduces them byte for byte): `Œ` is no letter to it, `²` is `2`.
pub fn slug(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    // Plain ASCII has nothing to decompose (most numbers, many titles).
    let mut out = if text.is_ascii() {
        slug_of(text.chars(), text.len())
    } else {
        slug_of(text.nfkd().filter(|c| !is_combining_mark(*c)), text.len())
    };
    // ASCII only by now: a byte is a character.
    out.truncate(120);
    out.trim_end_matches('-').to_owned()
}

/// The slug rule's runs over characters already decomposed.
fn slug_of(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len.min(120));
    let mut dash = false;
    for c in chars {
        for c in c.to_lowercase() {
            if c == '\'' || c == '’' {
                continue;
            }
            if c.is_ascii_alphanumeric() {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(c);
            } else {
                dash = true;
            }
        }
    }
    out
}
