//! A mirror of every code issue 20 names, each holding the same few numbers, and the
//! citations a lawyer writes of them: what go-to and `loi print` must both open, each
//! in its own code (the same number in every code, so a wrong code shows).

use std::path::Path;

/// The usual abbreviation of each code of issue 20's list.
pub const ABBREVIATIONS: &[&str] = &[
    "C. civ.",
    "C. com.",
    "C. trav.",
    "CSS",
    "CGI",
    "LPF",
    "CPC",
    "CPP",
    "C. pén.",
    "CRPA",
    "C. rur.",
    "CASF",
    "CSP",
    "C. env.",
    "C. consom.",
    "C. éduc.",
    "CGCT",
    "C. urb.",
    "CCH",
    "CPI",
    "C. assur.",
    "C. mon. fin.",
    "CJA",
    "CESEDA",
    "C. route",
];

/// A citation, and what it opens: the code (by abbreviation; empty for none named,
/// which then means the code being read, the code du travail), the number, the point's
/// labels.
pub struct Form {
    pub text: String,
    pub code: &'static str,
    pub num: &'static str,
    pub point: &'static [&'static str],
}

fn form(text: &str, code: &'static str, num: &'static str, point: &'static [&'static str]) -> Form {
    Form {
        text: text.to_owned(),
        code,
        num,
        point,
    }
}

/// Every form tested: issue 20's, their variants (dots, spaces, case, a code's title
/// with and without accents), and each abbreviation of the list.
pub fn forms() -> Vec<Form> {
    let mut all = vec![
        form("art. L. 1234-9 C. trav.", "C. trav.", "L1234-9", &[]),
        form("C. trav., art. L. 1234-9", "C. trav.", "L1234-9", &[]),
        form("L. 1234-9 du code du travail", "C. trav.", "L1234-9", &[]),
        form("article L1234-9", "", "L1234-9", &[]),
        form("CSS L. 242-1", "CSS", "L242-1", &[]),
        form("L242-1 css", "CSS", "L242-1", &[]),
        form("C. rur. L. 1", "C. rur.", "L1", &[]),
        form("code rural L. 1", "C. rur.", "L1", &[]),
        form(
            "R. 4412-149 du code du travail",
            "C. trav.",
            "R4412-149",
            &[],
        ),
        form("L. 1233-3, 2°", "", "L1233-3", &["2°"]),
        form("2° de l'article L. 1233-3", "", "L1233-3", &["2°"]),
        form("art. R*. 123", "", "R*123", &[]),
        // What `y` copies, short and long.
        form(
            "C. trav., art. L. 6123-1, II, 3°",
            "C. trav.",
            "L6123-1",
            &["II", "3°"],
        ),
        form(
            "3° du II de l'article L. 6123-1 du code du travail",
            "C. trav.",
            "L6123-1",
            &["II", "3°"],
        ),
        form(
            "article L. 6123-1 du code du travail",
            "C. trav.",
            "L6123-1",
            &[],
        ),
        form("CSS, art. L. 242-1", "CSS", "L242-1", &[]),
        // Variants.
        form(
            "L. 242-1 du code de la sécurité sociale",
            "CSS",
            "L242-1",
            &[],
        ),
        form(
            "L. 242-1 du code de la securite sociale",
            "CSS",
            "L242-1",
            &[],
        ),
        form("l. 242-1 CSS", "CSS", "L242-1", &[]),
        form("C.trav. L1234-9", "C. trav.", "L1234-9", &[]),
        form("c. trav. l. 1234-9", "C. trav.", "L1234-9", &[]),
        form("ctrav L1234-9", "C. trav.", "L1234-9", &[]),
        form("ART. L. 1234-9 C. TRAV.", "C. trav.", "L1234-9", &[]),
        form("Art. L.1234-9 C. trav.", "C. trav.", "L1234-9", &[]),
        form(
            "article L. 1234-9 du Code du travail",
            "C. trav.",
            "L1234-9",
            &[],
        ),
        form("L1234-9 C trav", "C. trav.", "L1234-9", &[]),
        form("C. civ., art. 1240", "C. civ.", "1240", &[]),
        form("article 1240 du code civil", "C. civ.", "1240", &[]),
        form("CRPM L. 1", "C. rur.", "L1", &[]),
        form(
            "L. 1 du code rural et de la pêche maritime",
            "C. rur.",
            "L1",
            &[],
        ),
        form("C. pen. L. 1", "C. pén.", "L1", &[]),
        form("L. 1233-3, 2°, a)", "", "L1233-3", &["2°", "a)"]),
        form(
            "a) du 2° de l'article L. 1233-3",
            "",
            "L1233-3",
            &["2°", "a)"],
        ),
    ];
    for abbreviation in ABBREVIATIONS {
        all.push(Form {
            text: format!("{abbreviation}, art. L. 1"),
            code: abbreviation,
            num: "L1",
            point: &[],
        });
    }
    all
}

/// The numbers every code of the mirror holds, with their text: the code's folder
/// named in it, to tell which code opened.
const ARTICLES: &[(&str, &str, &str)] = &[
    ("l1234-9.md", "L1234-9", "<p>Texte de {code}.</p>"),
    ("l242-1.md", "L242-1", "<p>Texte de {code}.</p>"),
    ("l1.md", "L1", "<p>Texte de {code}.</p>"),
    ("r4412-149.md", "R4412-149", "<p>Texte de {code}.</p>"),
    ("r-123.md", "R*123", "<p>Texte de {code}.</p>"),
    ("1240.md", "1240", "<p>Texte de {code}.</p>"),
    (
        "l1233-3.md",
        "L1233-3",
        "<p>Texte de {code} :</p><p>1° un ;</p><p>2° deux :</p>\
         <p>a) lettre a ;</p><p>b) lettre b.</p><p>3° trois.</p>",
    ),
    (
        "l6123-1.md",
        "L6123-1",
        "<p>I.-Texte de {code}.</p><p>II.-Second :</p><p>1° un ;</p>\
         <p>2° deux ;</p><p>3° trois.</p>",
    ),
];

/// The folder of the code `abbreviation` names.
pub fn slug(abbreviation: &str) -> &'static str {
    loi::model::codes::by_abbreviation(abbreviation)
        .unwrap_or_else(|| panic!("{abbreviation} names no code"))
        .slug
}

/// Where an article of the mirror is: `code-du-travail/partie-legislative/livre-i/l1.md`.
pub fn path(slug: &str, file: &str) -> String {
    format!("{slug}/partie-legislative/livre-i/{file}")
}

/// The file name of number `num` in the mirror.
pub fn file(num: &str) -> &'static str {
    ARTICLES
        .iter()
        .find(|(_, n, _)| *n == num)
        .map(|(f, _, _)| *f)
        .unwrap_or_else(|| panic!("no article {num}"))
}

/// The mirror: every code of [`ABBREVIATIONS`], each with every article of `ARTICLES`.
pub fn mirror() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for abbreviation in ABBREVIATIONS {
        let code = slug(abbreviation);
        for (name, num, body) in ARTICLES {
            let file = dir.path().join(path(code, name));
            std::fs::create_dir_all(file.parent().expect("folder")).expect("mkdir");
            let text = format!("# Article {num}\n\n{}", body.replace("{code}", code));
            std::fs::write(&file, text).expect("write");
        }
    }
    dir
}

/// Whether `printed` (by `loi print`) shows article `num` of the code in folder `code`:
/// its heading, and its text naming its folder (`Texte de code-civil`).
pub fn shows(printed: &str, num: &str, code: &str) -> bool {
    printed.contains(&format!("Article {num} · ")) && printed.contains(&says(code))
}

/// The text every article of code `code` holds: `Texte de code-civil`.
pub fn says(code: &str) -> String {
    format!("Texte de {code}")
}

#[test]
fn there_are_forty_forms_and_more() {
    assert!(forms().len() >= 40, "{}", forms().len());
    let dir = mirror();
    assert!(Path::new(&dir.path().join(path(slug("CSS"), "l242-1.md"))).is_file());
}
