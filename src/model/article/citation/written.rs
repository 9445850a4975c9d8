//! A citation as a brief writes it, for `y` to copy: short, `C. trav., art. L. 6123-1,
//! II, 3°`, or long, `3° du II de l'article L. 6123-1 du code du travail`. Both read
//! back through [`super::typed`] to the same article and point.

use crate::model::article::enumeration::{Marker, MarkerKind};
use crate::model::codes;

/// Which way `y` writes a citation (`citation =` in config.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Form {
    /// `C. trav., art. L. 6123-1, II, 3°`: the code's usual abbreviation first.
    #[default]
    Short,
    /// `3° du II de l'article L. 6123-1 du code du travail`.
    Long,
}

impl Form {
    /// The form a setting names: `short` or `long`.
    pub fn named(name: &str) -> Option<Form> {
        match name {
            "short" => Some(Form::Short),
            "long" => Some(Form::Long),
            _ => None,
        }
    }
}

/// Article `num` of the code in folder `code_slug`, at `point` (outermost first), as
/// `form` writes it. A code without an abbreviation is named as the long form names it.
pub fn write(num: &str, code_slug: &str, point: &[Marker], form: Form) -> String {
    let num = spaced(num);
    let title = code_name(code_slug);
    let abbreviation = codes::by_slug(code_slug).and_then(|c| c.abbreviation());
    match (form, abbreviation) {
        (Form::Short, code) => {
            let mut out = format!("{}, art. {num}", code.unwrap_or(&title));
            for marker in point {
                out.push_str(", ");
                out.push_str(&marker.label());
            }
            out
        }
        (Form::Long, _) if point.is_empty() => format!("article {num} du {title}"),
        (Form::Long, _) => {
            let points: Vec<String> = point.iter().rev().map(Marker::label).collect();
            format!("{} de l'article {num} du {title}", points.join(" du "))
        }
    }
}

/// Whether a marker can be written in a citation and read back as the same: not a
/// dash nor a Nota, which no one cites; not `1.` or `1)`, which read as numbers; not
/// the letters `I`, `V`, `X`, which read as Roman numerals.
pub fn citable(marker: &Marker) -> bool {
    match marker.kind {
        MarkerKind::Roman | MarkerKind::Degree | MarkerKind::LowerLetter => true,
        MarkerKind::UpperLetter => !matches!(marker.value, 9 | 22 | 24),
        _ => false,
    }
}

/// `L. 6123-1`, `R*. 123`: the number with the dot a brief puts after its letters.
fn spaced(num: &str) -> String {
    let split = num.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    let (prefix, rest) = num.split_at(split);
    if prefix.is_empty() || prefix.contains(' ') {
        num.to_owned()
    } else {
        format!("{prefix}. {rest}")
    }
}

/// `code du travail`: the code's title, its first letter in lower case.
fn code_name(code_slug: &str) -> String {
    let title = codes::title_for(code_slug);
    let mut chars = title.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(kind: MarkerKind, value: u32) -> Marker {
        Marker { kind, value }
    }

    #[test]
    fn short_and_long_as_briefs_write_them() {
        let point = [marker(MarkerKind::Roman, 2), marker(MarkerKind::Degree, 3)];
        let travail = "code-du-travail";
        assert_eq!(
            write("L6123-1", travail, &point, Form::Short),
            "C. trav., art. L. 6123-1, II, 3°"
        );
        assert_eq!(
            write("L6123-1", travail, &point, Form::Long),
            "3° du II de l'article L. 6123-1 du code du travail"
        );
        assert_eq!(
            write("L6123-1", travail, &[], Form::Long),
            "article L. 6123-1 du code du travail"
        );
        assert_eq!(
            write("R*123", travail, &[], Form::Short),
            "C. trav., art. R*. 123"
        );
        assert_eq!(
            write("1240", "code-civil", &[], Form::Short),
            "C. civ., art. 1240"
        );
        // No abbreviation: the long form's name.
        assert_eq!(
            write("1", "code-de-lartisanat", &[], Form::Short),
            "code de l'artisanat, art. 1"
        );
    }

    #[test]
    fn what_is_written_reads_back_as_the_same() {
        use super::super::typed::parse;
        let points = [
            vec![],
            vec![marker(MarkerKind::Degree, 2)],
            vec![
                marker(MarkerKind::Roman, 4),
                marker(MarkerKind::UpperLetter, 2),
                marker(MarkerKind::Degree, 12),
                marker(MarkerKind::LowerLetter, 3),
            ],
        ];
        for code in crate::model::codes::all()
            .iter()
            .filter(|c| c.is_in_force())
        {
            for num in ["L6123-1", "R*123", "D1-1-1", "1240", "LO141"] {
                for point in &points {
                    for form in [Form::Short, Form::Long] {
                        let text = write(num, code.slug, point, form);
                        let read = parse(&text).unwrap_or_else(|| panic!("{text}"));
                        assert_eq!(read.num, num, "{text}");
                        assert_eq!(&read.point, point, "{text}");
                        let named = read.known_code().map(|c| c.legitext);
                        assert_eq!(named, Some(code.legitext), "{text}");
                    }
                }
            }
        }
    }
}
