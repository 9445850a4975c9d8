//! The table of French codes (from Légifrance's list, shipped in `assets/codes.tsv`):
//! a mirror folder's name ↔ the code's title ↔ the `cidTexte` of legacy links.

use std::sync::OnceLock;

/// One code of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    /// `LEGITEXT000006072050`, as in legacy links' `cidTexte`.
    pub legitext: &'static str,
    /// `Code du travail`.
    pub title: &'static str,
    /// `VIGUEUR` (in force) or `ABROGE` (repealed), as Légifrance says.
    pub state: &'static str,
    /// The mirror folder: `code-du-travail`.
    pub slug: &'static str,
}

const TABLE: &str = include_str!("../assets/codes.tsv");

/// Every code of the table, parsed once.
pub fn all() -> &'static [Code] {
    static CODES: OnceLock<Vec<Code>> = OnceLock::new();
    CODES.get_or_init(|| TABLE.lines().skip(1).filter_map(parse_line).collect())
}

fn parse_line(line: &'static str) -> Option<Code> {
    let mut cols = line.split('\t');
    Some(Code {
        legitext: cols.next()?,
        title: cols.next()?,
        state: cols.next()?,
        slug: cols.next()?,
    })
}

/// The code kept in mirror folder `slug`. A repealed code and the one that replaced
/// it can share a title, hence a slug: the one in force wins.
pub fn by_slug(slug: &str) -> Option<Code> {
    // The heading of every article opened asks this: the table is not parsed for it
    // (its 107 lines took as long as drawing the first screen's text).
    let line_of = |at: usize| {
        let start = TABLE[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = TABLE[at..].find('\n').map_or(TABLE.len(), |i| at + i);
        parse_line(&TABLE[start..end])
    };
    let needle = format!("\t{slug}");
    let mut matching = memchr::memmem::find_iter(TABLE.as_bytes(), needle.as_bytes())
        .filter(|&at| {
            matches!(
                TABLE.as_bytes().get(at + needle.len()),
                None | Some(b'\n' | b'\r')
            )
        })
        .filter_map(line_of)
        .filter(|c| c.slug == slug);
    let first = matching.next()?;
    if first.state.starts_with("VIGUEUR") {
        return Some(first);
    }
    Some(
        matching
            .find(|c| c.state.starts_with("VIGUEUR"))
            .unwrap_or(first),
    )
}

/// The code a legacy link's `cidTexte` names.
pub fn by_legitext(legitext: &str) -> Option<&'static Code> {
    all().iter().find(|c| c.legitext == legitext)
}

/// The code whose title `text` opens with (`code de la sécurité sociale, …`), ignoring
/// case: the longest title that matches a whole phrase, the one in force first.
pub fn by_title_prefix(text: &str) -> Option<&'static Code> {
    let head: String = text
        .chars()
        .take(120)
        .map(|c| match c {
            '’' => '\'',
            '\u{a0}' | '\u{202f}' => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    static TITLES: OnceLock<Vec<(String, &'static Code)>> = OnceLock::new();
    let titles = TITLES.get_or_init(|| {
        all()
            .iter()
            .map(|c| {
                (
                    c.title
                        .trim_end_matches('.')
                        .to_lowercase()
                        .replace('’', "'"),
                    c,
                )
            })
            .collect()
    });
    titles
        .iter()
        .filter(|(title, _)| {
            head.strip_prefix(title.as_str())
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
        .map(|(_, code)| *code)
        .max_by_key(|code| (code.title.len(), code.state.starts_with("VIGUEUR")))
}

/// The title to show for a mirror folder: the code's own title when the table knows
/// it (`CODE PENAL` is shown as `Code penal`), else the folder name made readable.
pub fn title_for(slug: &str) -> String {
    match by_slug(slug) {
        Some(code) if code.title.chars().any(char::is_lowercase) => {
            code.title.trim_end_matches('.').to_owned()
        }
        Some(code) => {
            let lower = code.title.to_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        None => crate::article::humanize_slug(slug),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_finds_the_code_the_whole_table_gives() {
        for code in all() {
            let mut matching = all().iter().filter(|c| c.slug == code.slug);
            let first = matching.clone().next().copied();
            let expected = matching
                .find(|c| c.state.starts_with("VIGUEUR"))
                .copied()
                .or(first);
            assert_eq!(by_slug(code.slug), expected, "{}", code.slug);
        }
        assert_eq!(by_slug("code-du"), None);
        assert_eq!(by_slug("du-travail"), None);
    }

    #[test]
    fn the_table_has_every_code() {
        assert_eq!(all().len(), 107);
        let travail = by_slug("code-du-travail").expect("code du travail");
        assert_eq!(travail.legitext, "LEGITEXT000006072050");
        assert_eq!(by_legitext("LEGITEXT000006072050"), Some(&travail));
    }

    #[test]
    fn titles_read_well() {
        assert_eq!(title_for("code-du-travail"), "Code du travail");
        assert_eq!(
            title_for("code-penal"),
            "Code pénal",
            "the code in force, not CODE PENAL"
        );
        assert_eq!(
            title_for("code-du-travail-applicable-a-mayotte"),
            "Code du travail applicable à Mayotte"
        );
        assert_eq!(title_for("code-inconnu"), "Code inconnu");
    }
}
