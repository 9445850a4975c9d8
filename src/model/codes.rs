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
mod tests {
    use super::*;

    #[test]
    fn a_slug_finds_the_code_the_whole_table_gives() {
        for code in all() {
            let mut matching = all().iter().filter(|c| c.slug == code.slug);
            let first = matching.clone().next().copied();
            let expected = matching.find(|c| c.is_in_force()).copied().or(first);
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

    /// A code renamed keeps its id: by id, by its old name in a text and by its folder,
    /// each old name leads to the code in force (the code rural, the code des pensions
    /// militaires, the code de la Légion d'honneur…).
    #[test]
    fn an_old_name_means_the_code_it_was_renamed_into() {
        let mut renamed = 0;
        for old in all().iter().filter(|c| !c.is_in_force()) {
            let Some(new) = all()
                .iter()
                .find(|c| c.legitext == old.legitext && c.is_in_force())
            else {
                continue;
            };
            renamed += 1;
            assert_eq!(by_legitext(old.legitext), Some(new), "{}", old.title);
            let text = format!("{}, dans sa rédaction", old.title.trim_end_matches('.'));
            assert_eq!(by_title_prefix(&text), Some(new), "{text}");
            let same = same_text(old.slug);
            assert_eq!(same.first(), Some(&new), "{}", old.slug);
            assert!(same.contains(&old), "{}", old.slug);
        }
        assert!(renamed >= 3, "{renamed} renamed codes");
        let rural = |t: &str| by_title_prefix(t).map(|c| c.slug);
        assert_eq!(
            rural("code rural et de la pêche maritime"),
            Some("code-rural-et-de-la-peche-maritime")
        );
        assert_eq!(
            rural("code rural."),
            Some("code-rural-et-de-la-peche-maritime")
        );
        assert_eq!(rural("code rural ancien"), Some("code-rural-ancien"));
        // A code with one name is itself alone.
        assert_eq!(
            same_text("code-du-travail")
                .iter()
                .map(|c| c.slug)
                .collect::<Vec<_>>(),
            ["code-du-travail"]
        );
    }

    /// Every abbreviation of a code in force finds it, as written and as typed in a hurry:
    /// without dots or spaces, in lower case.
    #[test]
    fn every_code_in_force_is_found_by_each_of_its_abbreviations() {
        let mut found = 0;
        for code in all().iter().filter(|c| c.is_in_force()) {
            for abbreviation in code.each_abbreviation() {
                let bare: String = abbreviation
                    .chars()
                    .filter(|c| !matches!(c, '.' | ' ' | ','))
                    .collect();
                for typed in [abbreviation, &bare, &bare.to_lowercase()] {
                    assert_eq!(by_abbreviation(typed), Some(code), "{typed}");
                }
                found += 1;
            }
        }
        assert!(found >= 60, "{found} abbreviations of codes in force");
    }

    /// An abbreviation names one code in force, or a citation would open the wrong one.
    #[test]
    fn no_two_codes_in_force_share_an_abbreviation() {
        let mut named: HashMap<String, &Code> = HashMap::new();
        let mut shared = Vec::new();
        for code in all().iter().filter(|c| c.is_in_force()) {
            for abbreviation in code.each_abbreviation() {
                if let Some(other) = named.insert(abbreviation_key(abbreviation), code)
                    && other.legitext != code.legitext
                {
                    shared.push(format!("{abbreviation}: {} and {}", other.slug, code.slug));
                }
            }
        }
        assert!(shared.is_empty(), "{shared:#?}");
    }

    #[test]
    fn the_usual_abbreviations_name_their_codes() {
        let slug = |typed: &str| by_abbreviation(typed).map(|c| c.slug);
        for (typed, code) in [
            ("C. civ.", "code-civil"),
            ("C. com.", "code-de-commerce"),
            ("C. trav.", "code-du-travail"),
            ("c trav", "code-du-travail"),
            ("C.trav.", "code-du-travail"),
            ("ctrav", "code-du-travail"),
            ("CSS", "code-de-la-securite-sociale"),
            ("css", "code-de-la-securite-sociale"),
            ("CGI", "code-general-des-impots-cgi"),
            ("CGI, ann. II", "code-general-des-impots-annexe-2-cgian2"),
            ("CGI ann. 4", "code-general-des-impots-annexe-4-cgian4"),
            ("LPF", "livre-des-procedures-fiscales"),
            ("CPC", "code-de-procedure-civile"),
            ("C. pr. civ.", "code-de-procedure-civile"),
            ("NCPC", "code-de-procedure-civile"),
            ("CPP", "code-de-procedure-penale"),
            ("C. pén.", "code-penal"),
            ("c. pen.", "code-penal"),
            (
                "CRPA",
                "code-des-relations-entre-le-public-et-ladministration",
            ),
            ("C. rur.", "code-rural-et-de-la-peche-maritime"),
            ("c. rur.", "code-rural-et-de-la-peche-maritime"),
            ("C. rur. pêche marit.", "code-rural-et-de-la-peche-maritime"),
            ("CRPM", "code-rural-et-de-la-peche-maritime"),
            ("CASF", "code-de-laction-sociale-et-des-familles"),
            ("CSP", "code-de-la-sante-publique"),
            ("C. env.", "code-de-lenvironnement"),
            ("C. envir.", "code-de-lenvironnement"),
            ("C. consom.", "code-de-la-consommation"),
            ("C. éduc.", "code-de-leducation"),
            ("CGCT", "code-general-des-collectivites-territoriales"),
            ("C. urb.", "code-de-lurbanisme"),
            ("CCH", "code-de-la-construction-et-de-lhabitation"),
            ("CPI", "code-de-la-propriete-intellectuelle"),
            ("C. assur.", "code-des-assurances"),
            ("C. mon. fin.", "code-monetaire-et-financier"),
            ("CMF", "code-monetaire-et-financier"),
            ("CJA", "code-de-justice-administrative"),
            (
                "CESEDA",
                "code-de-lentree-et-du-sejour-des-etrangers-et-du-droit-dasile",
            ),
            (
                "Ceseda",
                "code-de-lentree-et-du-sejour-des-etrangers-et-du-droit-dasile",
            ),
            ("C. route", "code-de-la-route"),
            ("C. for.", "code-forestier-nouveau"),
            ("C. mut.", "code-de-la-mutualite"),
            ("C. transp.", "code-des-transports"),
            ("C. énergie", "code-de-lenergie"),
            ("C. sport", "code-du-sport"),
            ("C. tourisme", "code-du-tourisme"),
            ("C. défense", "code-de-la-defense"),
            ("CSI", "code-de-la-securite-interieure"),
            (
                "CPCE",
                "code-des-postes-et-des-communications-electroniques",
            ),
            ("C. pr. exéc.", "code-des-procedures-civiles-dexecution"),
            (
                "CGPPP",
                "code-general-de-la-propriete-des-personnes-publiques",
            ),
            ("C. patr.", "code-du-patrimoine"),
            ("C. cinéma", "code-du-cinema-et-de-limage-animee"),
            ("CCP", "code-de-la-commande-publique"),
            ("C. minier", "code-minier-nouveau"),
        ] {
            assert_eq!(slug(typed), Some(code), "{typed}");
        }
        // Neither is in the table (both came after it): no code rather than a wrong one.
        assert_eq!(slug("CJPM"), None);
        assert_eq!(slug("CGFP"), None);
        for nothing in ["", " . ", "C.", "code", "C. trav. art."] {
            assert_eq!(slug(nothing), None, "{nothing:?}");
        }
    }

    /// A repealed code keeps the abbreviation of its day when no code in force took it.
    #[test]
    fn a_repealed_code_is_found_by_its_own_abbreviation() {
        let code = |typed: &str| by_abbreviation(typed).copied();
        let cmp = code("CMP").expect("code des marchés publics");
        assert_eq!(cmp.legitext, "LEGITEXT000005627819");
        assert!(!cmp.is_in_force());
        let old = code("anc. C. pén.").expect("the code pénal of 1810");
        assert_eq!((old.slug, old.state), ("code-penal", "ABROGE"));
        assert_eq!(
            code("C. nat.").map(|c| c.slug),
            Some("code-de-la-nationalite-francaise")
        );
    }

    #[test]
    fn the_table_gives_abbreviations_in_a_fifth_column() {
        assert_eq!(
            TABLE.lines().next(),
            Some("legitext\ttitle\tstate\tslug\tabbreviations")
        );
        assert!(TABLE.lines().all(|l| l.split('\t').count() == 5));
        let travail = by_slug("code-du-travail").expect("code du travail");
        assert_eq!(travail.abbreviation(), Some("C. trav."));
        let rural = by_slug("code-rural-et-de-la-peche-maritime").expect("code rural");
        assert_eq!(
            rural.each_abbreviation().collect::<Vec<_>>(),
            ["C. rur.", "C. rur. pêche marit.", "CRPM"]
        );
        // A line of the four first columns only, or ending in \r, still reads.
        let four = parse_line("LEGITEXT1\tCode\tVIGUEUR\tcode\r").expect("four columns");
        assert_eq!((four.slug, four.abbreviations), ("code", ""));
        assert_eq!(four.abbreviation(), None);
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
