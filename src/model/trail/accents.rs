//! The accents and apostrophes the mirror's folder names dropped, by word
//! (`reglementaire` → `réglementaire`, `lorientation` → `l'orientation`), from
//! `assets/accents.tsv`: `python3 scripts/make-accents.py MIRROR_DIR` draws it from the
//! words of the corpus's articles. A word it does not know is shown as the folder
//! writes it.
//!
//! The table is searched where it lies in the binary, a binary search over its lines:
//! nothing is parsed at start-up, though the first screen's header asks it.

const TABLE: &str = include_str!("../../../assets/accents.tsv");

/// The written form of folder word `word`, if it is not the folder's own.
pub fn restore(word: &str) -> Option<&'static str> {
    // The lines after the heading, sorted by folder word.
    let body = TABLE.split_once('\n').map_or("", |(_, rest)| rest);
    let bytes = body.as_bytes();
    let (mut lo, mut hi) = (0, bytes.len());
    // Invariant: the line holding `word`, if any, starts in lo..hi at a line start.
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        // Bytes, not chars: `mid` may fall inside a letter; a line starts after a
        // newline, which is a char boundary.
        let start = memchr::memrchr(b'\n', &bytes[..mid])
            .map_or(0, |i| i + 1)
            .max(lo);
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let (key, written) = body[start..end].split_once('\t')?;
        match key.cmp(word) {
            std::cmp::Ordering::Equal => return Some(written),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of the table is found by its word, and nothing else is.
    #[test]
    fn every_word_of_the_table_and_no_other_is_found() {
        let lines: Vec<(&str, &str)> = TABLE
            .lines()
            .skip(1)
            .map(|l| l.split_once('\t').expect("word and written form"))
            .collect();
        assert!(lines.len() > 900, "{} words", lines.len());
        assert!(
            lines.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, once each"
        );
        for (word, written) in &lines {
            assert_eq!(restore(word), Some(*written), "{word}");
        }
        for absent in ["", "zzz", "0", "reglementair", "a-b"] {
            assert_eq!(restore(absent), None, "{absent}");
        }
    }
}
