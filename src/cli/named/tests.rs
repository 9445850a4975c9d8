use super::*;

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// What `read` makes of `list`, errors as their messages.
fn named(list: &[&str]) -> Vec<String> {
    let list = args(list);
    read(&Mirror::bundled(), &list)
        .into_iter()
        .map(|n| match n {
            Ok(Named::Path(p)) => format!("path {p}"),
            Ok(Named::Number { code, num, point }) => {
                let labels: Vec<String> = point.iter().map(Marker::label).collect();
                format!(
                    "{} {num} {}",
                    code.as_deref().unwrap_or("-"),
                    labels.join(" ")
                )
                .trim_end()
                .to_owned()
            }
            Err(e) => format!("error {e}"),
        })
        .collect()
}

#[test]
fn a_code_applies_to_the_numbers_after_it_until_another() {
    assert_eq!(
        named(&[
            "L1",
            "code-du-travail",
            "L2",
            "R3",
            "code-de-la-securite-sociale/",
            "L4"
        ]),
        [
            "- L1",
            "code-du-travail L2",
            "code-du-travail R3",
            "code-de-la-securite-sociale L4"
        ]
    );
    // A path says its own code, and does not end the code's run.
    assert_eq!(
        named(&["code-du-travail", "a/l1.md", "L2"]),
        ["path a/l1.md", "code-du-travail L2"]
    );
}

#[test]
fn a_code_that_no_number_follows_is_an_error_in_its_place() {
    let got = named(&[
        "code-du-travail",
        "code-rural-et-de-la-peche-maritime",
        "L1",
    ]);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].starts_with("error code-du-travail "), "{got:?}");
    assert_eq!(got[1], "code-rural-et-de-la-peche-maritime L1");
    let got = named(&["L1", "code-du-travail"]);
    assert!(got[1].starts_with("error code-du-travail "), "{got:?}");
    assert!(named(&[]).is_empty());
}

#[test]
fn codes_are_told_from_numbers_by_the_mirror_and_the_table() {
    // The bundled mirror's folder, the table's codes (one with digits in its
    // name), a name of a code's form; numbers, with or without a digit.
    for code in [
        "code-de-leducation",
        "code-de-procedure-civile-1807",
        "livre-des-procedures-fiscales",
        "code-qui-nexiste-pas",
    ] {
        assert_eq!(
            named(&[code, "L1"]),
            [format!("{code} L1")],
            "{code} is a code"
        );
    }
    for (num, read) in [
        ("L6123-1", "L6123-1"),
        ("l. 6123-1", "L6123-1"),
        ("6123-1", "6123-1"),
        ("annexe-i", "annexe-i"),
        ("R*6123-3", "R*6123-3"),
    ] {
        assert_eq!(named(&[num]), [format!("- {read}")], "{num} is a number");
    }
}

/// A citation as one argument or as several words, each in the mirror's folder of
/// the code it names; several in a row, each a code of its own.
#[test]
fn citations_name_their_code_and_point_however_the_shell_splits_them() {
    let travail = "code-du-travail L6123-1 II 3°";
    assert_eq!(named(&["C. trav., art. L. 6123-1, II, 3°"]), [travail]);
    assert_eq!(
        named(&["C.", "trav.,", "art.", "L.", "6123-1,", "II,", "3°"]),
        [travail]
    );
    assert_eq!(
        named(&[
            "3°",
            "du",
            "II",
            "de",
            "l'article",
            "L.",
            "6123-1",
            "du",
            "code",
            "du",
            "travail"
        ]),
        [travail]
    );
    assert_eq!(
        named(&[
            "art.", "L.", "6123-1", "C.", "trav.", "L6123-2", "C.", "trav."
        ]),
        ["code-du-travail L6123-1", "code-du-travail L6123-2"]
    );
    // The sample has no code de la sécurité sociale's folder: its folder is named.
    let absent = named(&["CSS", "L.", "242-1"]);
    assert!(
        absent[0].starts_with("error no code folder code-de-la-securite-sociale"),
        "{absent:?}"
    );
    let wrong = named(&["art. L. 6123-1 C. trv."]);
    assert!(
        wrong[0].contains("C. trv.")
            && wrong[0].contains("did you mean C. trav. (Code du travail)?"),
        "{wrong:?}"
    );
    let alone = named(&["C. trav."]);
    assert!(
        alone[0].starts_with("error C. trav. is a code"),
        "{alone:?}"
    );
}

#[test]
fn one_article_or_an_error_naming_the_second() {
    let mirror = Mirror::bundled();
    let two = args(&["code-du-travail", "L6123-1", "L6123-2"]);
    match one(&mirror, &two) {
        Err(Error::OneArticle(extra)) => assert_eq!(extra, "L6123-2"),
        other => panic!("{other:?}"),
    }
    let single = args(&["code-du-travail", "L6123-1"]);
    assert_eq!(
        one(&mirror, &single).ok().flatten(),
        Some(Named::Number {
            code: Some("code-du-travail".to_owned()),
            num: "L6123-1".to_owned(),
            point: Vec::new(),
        })
    );
    assert!(matches!(one(&mirror, &[]), Ok(None)));
    let alone = args(&["code-du-travail"]);
    assert!(matches!(
        one(&mirror, &alone),
        Err(Error::CodeWithoutNumber(_))
    ));
}
