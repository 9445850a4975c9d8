//! The codes a mistyped name was most likely meant for: `C. trv.` → `C. trav.`, `code du
//! travial` → the code du travail, for a « did you mean » rather than a bare « no such
//! code ».

use super::{Code, abbreviation_key, all};

/// Up to `n` codes in force whose abbreviation or title is nearest to `typed` (those
/// equally near, by title); none when nothing is near enough to be a slip of the fingers.
pub fn closest(typed: &str, n: usize) -> Vec<&'static Code> {
    let key: Vec<char> = abbreviation_key(typed).chars().collect();
    if key.is_empty() {
        return Vec::new();
    }
    // One slip in a short abbreviation, more in a longer name: `ctrv` is one edit from
    // `ctrav`, and `codedutravial` two from `codedutravail`.
    let allowed = match key.len() {
        0..=3 => 1,
        4..=9 => 2,
        k => k / 4,
    };
    let mut scored: Vec<(usize, &'static Code)> = all()
        .iter()
        .filter(|c| c.is_in_force())
        .filter_map(|code| {
            let names = code
                .each_abbreviation()
                .map(|a| (abbreviation_key(a), true))
                .chain([(abbreviation_key(code.title), false)]);
            let best = names
                .map(|(name, abbreviated)| {
                    let name: Vec<char> = name.chars().collect();
                    // The start of a long title (`code de la secu`) is as good as a slip.
                    if !abbreviated && key.len() >= 8 && name.starts_with(&key) {
                        return 1;
                    }
                    distance(&key, &name)
                })
                .min()?;
            (best <= allowed).then_some((best, code))
        })
        .collect();
    scored.sort_by_key(|(d, code)| (*d, code.title));
    scored.dedup_by_key(|(_, code)| code.legitext);
    // The nearest only: `C. trv.` is one slip from `C. trav.`, two from `C. civ.`.
    let best = scored.first().map_or(0, |(d, _)| *d);
    scored
        .into_iter()
        .take_while(|(d, _)| *d == best)
        .take(n)
        .map(|(_, code)| code)
        .collect()
}

/// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(typed: &str) -> Vec<&'static str> {
        closest(typed, 3).iter().map(|c| c.title).collect()
    }

    #[test]
    fn a_slip_in_an_abbreviation_or_a_title_finds_the_code_meant_first() {
        for (typed, meant) in [
            ("C. trv.", "Code du travail"),
            ("C. tarv.", "Code du travail"),
            ("CSSS", "Code de la sécurité sociale"),
            (
                "CPRA",
                "Code des relations entre le public et l'administration",
            ),
            ("C. rurr.", "Code rural et de la pêche maritime"),
            ("code du travial", "Code du travail"),
            ("code de la securite socilae", "Code de la sécurité sociale"),
        ] {
            assert_eq!(
                titles(typed).first().map(|t| t.trim_end_matches('.')),
                Some(meant),
                "{typed}"
            );
        }
    }

    #[test]
    fn nothing_near_is_nothing() {
        for typed in ["", "...", "zzzzzz", "bibliothèque nationale"] {
            assert!(titles(typed).is_empty(), "{typed}: {:?}", titles(typed));
        }
        assert!(closest("C. trv.", 3).len() <= 3);
        // The start of a title offers each code it starts.
        let secu = titles("code de la securite");
        assert!(secu.contains(&"Code de la sécurité sociale."), "{secu:?}");
        assert!(secu.contains(&"Code de la sécurité intérieure"), "{secu:?}");
    }

    #[test]
    fn distance_counts_a_swap_as_one_edit() {
        let d = |a: &str, b: &str| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            distance(&a, &b)
        };
        assert_eq!(d("travial", "travail"), 1);
        assert_eq!(d("ctrv", "ctrav"), 1);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("abc", "abc"), 0);
    }
}
