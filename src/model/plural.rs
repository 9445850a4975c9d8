//! Counts said in words: `1 article`, `3 articles`. Every count the program says goes
//! through [`count`], so that none says `1 articles`, and so that the French interface
//! (a later issue: French puts 0 and 1 in the singular) has one place to change.

/// `n` and its noun: `one` when `n` is 1, else `many` (`0 articles`, as English says).
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "article", "articles"), "1 article");
        assert_eq!(count(0, "article", "articles"), "0 articles");
        assert_eq!(count(2, "match", "matches"), "2 matches");
        assert_eq!(count(12_019, "article", "articles"), "12019 articles");
    }
}
