use super::*;

fn index() -> Index {
    Index::from_paths(0, |f| {
        let travail = "code-du-travail/partie-legislative/section-1-conseil-national";
        for name in ["l6123-1.md", "l6123-10.md", "l6123-2.md", "l6123-1-1.md"] {
            f(travail, name);
        }
        f(
            "code-du-travail/partie-reglementaire/section-1-comite",
            "r6123-1.md",
        );
        f(
            "code-du-travail/partie-reglementaire/section-1-comite",
            "r-6123-3.md",
        );
        f("code-autre/titre-ier", "l6123-1.md");
    })
}

fn labels(query: &str) -> Vec<String> {
    find(&index(), query, None)
        .into_iter()
        .map(|a| crate::app::picker::Item::found(a).label)
        .collect()
}

#[test]
fn every_usual_form_of_a_number_finds_it_first() {
    for form in ["L6123-1", "L. 6123-1", "l6123-1", "L.6123-1", " l. 6123-1 "] {
        let found = labels(form);
        assert_eq!(found[0], "L6123-1 · Code du travail", "{form}");
        assert_eq!(found[1], "L6123-1 · Code autre", "{form}");
        // Then what starts so, in number order.
        assert_eq!(
            &found[2..],
            ["L6123-1-1 · Code du travail", "L6123-10 · Code du travail"],
            "{form}"
        );
    }
}

#[test]
fn a_bare_number_finds_every_prefix() {
    let found = labels("6123-1");
    assert!(
        found.contains(&"R6123-1 · Code du travail".to_owned()),
        "{found:?}"
    );
    assert!(
        found.contains(&"L6123-1 · Code du travail".to_owned()),
        "{found:?}"
    );
    assert_eq!(labels("6123-3"), ["R*6123-3 · Code du travail"]);
    // Digits first, then L before R.
    assert_eq!(
        &labels("6123")[..3],
        [
            "L6123-1 · Code du travail",
            "L6123-1 · Code autre",
            "R6123-1 · Code du travail"
        ]
    );
}

#[test]
fn the_start_of_a_number_lists_in_number_order() {
    assert_eq!(
        labels("L6123"),
        [
            "L6123-1 · Code du travail",
            "L6123-1 · Code autre",
            "L6123-1-1 · Code du travail",
            "L6123-2 · Code du travail",
            "L6123-10 · Code du travail",
        ]
    );
}

#[test]
fn words_find_the_articles_of_a_section() {
    let found = labels("Conseil national");
    assert_eq!(found.len(), 4, "{found:?}");
    assert_eq!(found[0], "L6123-1 · section 1 conseil national");
    assert_eq!(
        labels("comité"),
        ["R6123-1 · section 1 comite", "R*6123-3 · section 1 comite"]
    );
    assert!(labels("introuvable").is_empty());
    assert!(labels("  ").is_empty());
}

/// Three codes holding the same numbers, and one number only one of them has.
fn codes_alike() -> Index {
    Index::from_paths(0, |f| {
        for code in ["code-x", "code-y", "code-z"] {
            for name in ["r242-1.md", "r242-1-1.md", "r242-2.md", "r242-12.md"] {
                f(
                    &format!("{code}/partie-reglementaire/section-1-regles"),
                    name,
                );
            }
        }
        f("code-y/partie-reglementaire/section-2-autres", "r242-10.md");
    })
}

#[test]
fn the_code_read_comes_first_then_the_others_as_before() {
    let index = codes_alike();
    let code = |item: &Answer| item.path.split('/').next().unwrap_or_default().to_owned();
    for here in ["code-x", "code-y", "code-z"] {
        for query in ["R242-1", "r. 242-1", "242-1", "R242"] {
            let found = find(&index, query, Some(here));
            let everywhere = find(&index, query, None);
            assert_eq!(found.len(), everywhere.len(), "{here} {query}");
            // The number typed, in every code, before what only starts so.
            let exact = if query == "R242" {
                0
            } else {
                found
                    .iter()
                    .take_while(|i| crate::mirror::number_of_file(&i.path) == "R242-1")
                    .count()
            };
            let expected = if query == "R242" { 0 } else { 3 };
            assert_eq!(exact, expected, "{here} {query}: {found:?}");
            // Within each of those two runs, the code read's articles first, and
            // the others in the order they have with no code read.
            for run in [&found[..exact], &found[exact..]] {
                let mine = run.iter().take_while(|i| code(i) == here).count();
                assert!(
                    run[mine..].iter().all(|i| code(i) != here),
                    "{here} {query}: {run:?}"
                );
                let others: Vec<&Answer> = run[mine..].iter().collect();
                let before: Vec<&Answer> = everywhere
                    .iter()
                    .filter(|i| run.contains(i) && code(i) != here)
                    .collect();
                assert_eq!(others, before, "{here} {query}");
                assert!(run.is_empty() || mine > 0, "{here} {query}: {run:?}");
            }
        }
        // Words too: the sections of the code read first.
        let found = find(&index, "regles", Some(here));
        assert_eq!(code(&found[0]), here, "{found:?}");
    }
}

#[test]
fn an_article_of_a_former_numbering_says_so_in_the_list() {
    let index = Index::from_paths(0, |f| {
        f("code-x/partie-legislative-ancienne/livre-i", "l1-1.md");
        f("code-y/partie-legislative/livre-i", "l1-1.md");
    });
    let found = find(&index, "L1-1", None);
    let labels: Vec<String> = found
        .into_iter()
        .map(|a| crate::app::picker::Item::found(a).label)
        .collect();
    assert_eq!(
        labels,
        ["L1-1 · Code x · Ancienne numérotation", "L1-1 · Code y"]
    );
}

#[test]
fn the_number_typed_is_found_however_many_start_with_it() {
    let index = Index::from_paths(0, |f| {
        for i in 0..2 * SCAN {
            f("code-a/partie", &format!("l1-1-{i}.md"));
        }
        f("code-b/partie", "l1-1.md");
    });
    let found = find(&index, "L1-1", Some("code-a"));
    assert_eq!(found[0].path, "code-b/partie/l1-1.md", "{:?}", &found[..3]);
}

/// What hostile pastes and long typing bring (issue 22, item 7), `chars` long.
fn attacks(chars: usize) -> Vec<String> {
    [
        "1-",
        "1",
        "L. 1 ",
        "art. L. 6123-1 C. trav. ",
        "L. 1 xyzzy ",
        "article ",
        "section ",
        "conseil national ",
        "abcdefghij",
        "é€漢🙂\u{301}",
        "code du travail ",
        "1° a) II ",
        ". ",
    ]
    .iter()
    .map(|unit| unit.chars().cycle().take(chars).collect())
    .collect()
}

#[test]
fn a_text_past_the_cap_is_not_looked_up() {
    let index = index();
    // Past the cap once the ends' spaces are trimmed.
    for chars in [LOOK_CHARS + 2, 1000, 100_000] {
        for text in attacks(chars) {
            let look = look(&index, &text, Some("code-du-travail"));
            let shape: String = text.chars().take(12).collect();
            assert_eq!(
                look,
                Look {
                    trouble: Some(Trouble::TooLong),
                    ..Look::default()
                },
                "{chars} × {shape:?}"
            );
            assert_eq!(citation(&text), None, "{chars} × {shape:?}");
        }
    }
    // Up to the cap, looked up as ever: spaces around do not count.
    let words: String = "conseil national "
        .chars()
        .cycle()
        .take(LOOK_CHARS)
        .collect();
    let look = look(&index, &format!("  {words}  "), None);
    assert_eq!(look.trouble, None);
    assert_eq!(look.answers.len(), 4, "{look:?}");
    let cited = format!("{:>width$}", "L. 6123-1 C. trav.", width = LOOK_CHARS);
    assert!(citation(&cited).is_some());
}

#[test]
fn words_in_most_titles_list_the_first_answers_as_a_whole_sort_would() {
    // More articles in matching sections than go-to lists, in three codes.
    let index = Index::from_paths(0, |f| {
        for code in ["code-x", "code-y", "code-z"] {
            for s in 0..30 {
                for n in (0..12).rev() {
                    f(
                        &format!("{code}/partie/section-{s}-regles"),
                        &format!("l{s}-{n}.md"),
                    );
                }
            }
        }
    });
    for here in [None, Some("code-y")] {
        let found = find(&index, "section regles section", here);
        assert_eq!(found.len(), LIMIT);
        let code = here.and_then(|h| index.dir_id(h));
        let mut all: Vec<Entry> = index.entries().collect();
        let away = |e: &Entry| code.is_some_and(|c| top(&index, e) != c);
        all.sort_by(|a, b| {
            away(a)
                .cmp(&away(b))
                .then(a.dir.cmp(&b.dir))
                .then_with(|| order::compare(a.name, b.name))
        });
        let expected: Vec<String> = all.iter().take(LIMIT).map(|e| e.path()).collect();
        let paths: Vec<String> = found.into_iter().map(|a| a.path).collect();
        assert_eq!(paths, expected, "{here:?}");
    }
}
