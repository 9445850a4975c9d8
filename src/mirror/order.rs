//! The order of article numbers: `L6123-2` before `L6123-10`, as a code lists them.

use std::cmp::Ordering;

/// A number's sort key from its file name or its text (`l6123-10.md`, `L. 6123-10`):
/// the letters before the digits, then each hyphen-separated part as a number.
pub fn key(num: &str) -> Option<(String, Vec<u32>)> {
    let num = num.trim_end_matches(".md");
    let split = num.find(|c: char| c.is_ascii_digit())?;
    let prefix: String = num[..split]
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let parts = num[split..]
        .split('-')
        .map(|p| p.parse().ok())
        .collect::<Option<Vec<u32>>>()?;
    Some((prefix, parts))
}

/// Compares two numbers in code order; numbers that do not parse come last.
pub fn compare(a: &str, b: &str) -> Ordering {
    match (key(a), key(b)) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_compare_as_numbers() {
        assert_eq!(compare("l6123-2.md", "l6123-10.md"), Ordering::Less);
        assert_eq!(compare("L. 6123-19", "l6123-2.md"), Ordering::Greater);
        assert_eq!(compare("L6123-1", "l6123-1-1.md"), Ordering::Less);
        assert_eq!(key("D. 6123-21"), Some(("d".into(), vec![6123, 21])));
        assert_eq!(key("annexe.md"), None);
    }
}
