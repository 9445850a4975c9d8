//! Words of citations typed and copied (issue 20, items 2 and 3): what go-to says of
//! a code it cannot look in.

use crate::model::codes::Code;

/// A code as a « did you mean » offers it: `C. trav. (Code du travail)`.
pub fn code_offered(code: &Code) -> String {
    let title = code.title.trim_end_matches('.');
    match code.abbreviation() {
        Some(abbreviation) => format!("{abbreviation} ({title})"),
        None => title.to_owned(),
    }
}

/// No code has the name typed: the nearest ones, if any.
pub fn unknown_code(typed: &str, closest: &[&Code]) -> String {
    let offered: Vec<String> = closest.iter().map(|c| code_offered(c)).collect();
    match offered.as_slice() {
        [] => format!("No code is called « {typed} »: write its abbreviation or its title"),
        [one] => format!("No code « {typed} »: did you mean {one}?"),
        [first @ .., last] => format!(
            "No code « {typed} »: did you mean {} or {last}?",
            first.join(", ")
        ),
    }
}

/// A code of the citation that the mirror does not hold.
pub fn code_absent(code: &Code) -> String {
    format!("{} is not in this mirror", code.title.trim_end_matches('.'))
}
