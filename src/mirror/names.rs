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

/// The mirror's slug rule, for names the reader has to guess.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        if c == '\'' || c == '’' {
            continue;
        }
        match fold_accent(c.to_lowercase().next().unwrap_or(c)) {
            Some(c) if c.is_ascii_alphanumeric() => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(c);
            }
            _ => dash = true,
        }
    }
    out.chars().take(120).collect()
}

fn fold_accent(c: char) -> Option<char> {
    Some(match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        c if c.is_ascii() => c,
        _ => return None,
    })
}
