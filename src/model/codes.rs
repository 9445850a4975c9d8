//! The table of French codes (from Légifrance's list, shipped in `assets/codes.tsv`):
//! a mirror folder's name ↔ the code's title ↔ the `cidTexte` of legacy links ↔ the
//! abbreviations lawyers cite it by (`C. trav.`, `CSS`; sources in
//! docs/ABBREVIATIONS.md).

mod nearest;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use nearest::closest;

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
    /// How citations abbreviate it, the usual form first, separated by ` | `:
    /// `C. rur. | C. rur. pêche marit. | CRPM`. Empty for a code no one abbreviates.
    pub abbreviations: &'static str,
}

const TABLE: &str = include_str!("../../assets/codes.tsv");

/// Every code of the table, parsed once.
pub fn all() -> &'static [Code] {
    static CODES: OnceLock<Vec<Code>> = OnceLock::new();
    CODES.get_or_init(|| TABLE.lines().skip(1).filter_map(parse_line).collect())
}

fn parse_line(line: &'static str) -> Option<Code> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let mut cols = line.split('\t');
    Some(Code {
        legitext: cols.next()?,
        title: cols.next()?,
        state: cols.next()?,
        slug: cols.next()?,
        // The column came last, after the four others: a table without it still reads.
        abbreviations: cols.next().unwrap_or(""),
    })
}

/// The code kept in mirror folder `slug`. A repealed code and the one that replaced
/// it can share a title, hence a slug: the one in force wins.
pub fn by_slug(slug: &str) -> Option<Code> {
    // The heading of every article opened asks this: its line is found in the table's
    // text, as parsing all 107 lines for one title weighed on every first screen
    // (measured: docs/BENCHMARKS.md, « Figures behind the code »).
    let line_of = |at: usize| {
        let start = TABLE[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = TABLE[at..].find('\n').map_or(TABLE.len(), |i| at + i);
        parse_line(&TABLE[start..end])
    };
    // The slug is the fourth column: a tab before it, and after it the tab of the
    // abbreviations or the end of the line.
    let needle = format!("\t{slug}");
    let mut matching = memchr::memmem::find_iter(TABLE.as_bytes(), needle.as_bytes())
        .filter(|&at| {
            matches!(
                TABLE.as_bytes().get(at + needle.len()),
                None | Some(b'\t' | b'\n' | b'\r')
            )
        })
        .filter_map(line_of)
        .filter(|c| c.slug == slug);
    let first = matching.next()?;
    if first.is_in_force() {
        return Some(first);
    }
    Some(matching.find(Code::is_in_force).unwrap_or(first))
}

/// The code a legacy link's `cidTexte` names. A code renamed keeps its id (the code
/// rural became the code rural et de la pêche maritime in 2010, both
/// `LEGITEXT000006071367`): the name in force is the one meant.
pub fn by_legitext(legitext: &str) -> Option<&'static Code> {
    let mut named = all().iter().filter(|c| c.legitext == legitext);
    let first = named.next()?;
    Some(if first.is_in_force() {
        first
    } else {
        named.find(|c| c.is_in_force()).unwrap_or(first)
    })
}

/// Every code that is the same text as the one in folder `slug` under another name
/// (the codes of the table sharing an id with it), the name in force first: where a
/// mirror keeps a code under its old name, or its new one, either is it.
pub fn same_text(slug: &str) -> Vec<&'static Code> {
    let ids: Vec<&str> = all()
        .iter()
        .filter(|c| c.slug == slug)
        .map(|c| c.legitext)
        .collect();
    let mut found: Vec<&'static Code> =
        all().iter().filter(|c| ids.contains(&c.legitext)).collect();
    found.sort_by_key(|c| !c.is_in_force());
    found
}

impl Code {
    /// Whether Légifrance lists it as in force (`VIGUEUR`, not `MODIFIE` or `ABROGE`).
    pub fn is_in_force(&self) -> bool {
        self.state.starts_with("VIGUEUR")
    }

    /// The usual abbreviation, as a brief writes it (`C. trav.`), if it has one.
    pub fn abbreviation(&self) -> Option<&'static str> {
        self.each_abbreviation().next()
    }

    /// Every abbreviation of the code, the usual one first.
    pub fn each_abbreviation(&self) -> impl Iterator<Item = &'static str> + use<> {
        let abbreviations: &'static str = self.abbreviations;
        abbreviations
            .split(" | ")
            .map(str::trim)
            .filter(|a| !a.is_empty())
    }
}

/// The code an abbreviation names, however it is typed: case, dots, spaces and
/// accents aside (`C. trav.`, `c trav`, `C.trav.`, `ctrav`; `c. pen.` for `C. pén.`).
/// Where a repealed code and one in force share one (`C. rur.`: the code rural and
/// the code rural et de la pêche maritime), the one in force.
pub fn by_abbreviation(text: &str) -> Option<&'static Code> {
    static KEYS: OnceLock<HashMap<String, &'static Code>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        let mut keys: HashMap<String, &'static Code> = HashMap::new();
        for code in all() {
            for abbreviation in code.each_abbreviation() {
                let held = keys.entry(abbreviation_key(abbreviation)).or_insert(code);
                if !held.is_in_force() && code.is_in_force() {
                    *held = code;
                }
            }
        }
        keys
    });
    let key = abbreviation_key(text);
    if key.is_empty() {
        return None;
    }
    keys.get(&key).copied()
}

/// The code `text` names as someone would type it: an abbreviation (`C. trav.`,
/// `css`), its title (`code de la securite sociale`: case, accents and punctuation
/// aside) or its folder's name (`code-du-travail`). A former name means the code it
/// became (`code rural`: the code rural et de la pêche maritime).
pub fn by_name(text: &str) -> Option<&'static Code> {
    if let Some(code) = by_abbreviation(text) {
        return Some(code);
    }
    static TITLES: OnceLock<HashMap<String, &'static Code>> = OnceLock::new();
    let titles = TITLES.get_or_init(|| {
        let mut keys: HashMap<String, &'static Code> = HashMap::new();
        for code in all() {
            for key in [abbreviation_key(code.title), abbreviation_key(code.slug)] {
                let held = keys.entry(key).or_insert(code);
                if !held.is_in_force() && code.is_in_force() {
                    *held = code;
                }
            }
        }
        keys
    });
    let named = *titles.get(&abbreviation_key(text))?;
    if named.is_in_force() {
        return Some(named);
    }
    by_legitext(named.legitext).or(Some(named))
}

/// An abbreviation as compared: its letters and digits, lower case, without accents
/// (`C. pén.` and `cpen` are `cpen`; `CGI, ann. II` is `cgiannii`).
pub(crate) fn abbreviation_key(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| {
            Some(match c {
                'à' | 'â' | 'ä' | 'á' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'î' | 'ï' | 'í' => 'i',
                'ô' | 'ö' | 'ó' => 'o',
                'ù' | 'û' | 'ü' | 'ú' => 'u',
                'ç' => 'c',
                'ÿ' => 'y',
                c if c.is_alphanumeric() => c,
                _ => return None,
            })
        })
        .collect()
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
    let named = titles
        .iter()
        .filter(|(title, _)| {
            head.strip_prefix(title.as_str())
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
        .map(|(_, code)| *code)
        .max_by_key(|code| (code.title.len(), code.is_in_force()))?;
    // `du code rural` is the code rural et de la pêche maritime: an old name means the
    // code it was renamed into.
    by_legitext(named.legitext)
        .filter(|_| !named.is_in_force())
        .or(Some(named))
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
        None => crate::model::trail::humanize_slug(slug),
    }
}

#[cfg(test)]
mod tests;
