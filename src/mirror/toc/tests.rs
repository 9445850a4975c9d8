//! The table of contents of small mirrors laid out as the corpus names folders.

use super::*;

fn index() -> Index {
    Index::from_paths(0, |f| {
        let leg = "code-du-travail/partie-legislative";
        let reg = "code-du-travail/partie-reglementaire";
        f(&format!("{reg}/livre-ier-x/chapitre-ier-y"), "r1-1.md");
        f(&format!("{leg}/livre-ii-b/chapitre-ier-c"), "l2-1.md");
        f(&format!("{leg}/livre-ier-a/chapitre-ii-c"), "l1-10.md");
        f(&format!("{leg}/livre-ier-a/chapitre-ii-c"), "l1-2.md");
        f(
            &format!("{leg}/livre-ier-a/chapitre-preliminaire-d"),
            "l1-1.md",
        );
        f(&format!("{leg}/livre-ier-a/chapitre-ii-bis-e"), "l1-20.md");
        f(&format!("{leg}/chapitre-preliminaire-dialogue"), "l1.md");
        f("code-autre/titre-ier", "l1.md");
    })
}

fn labels(toc: &Toc) -> Vec<String> {
    toc.rows
        .iter()
        .map(|r| format!("{}{}", "  ".repeat(r.depth), r.label))
        .collect()
}

#[test]
fn a_code_in_legal_order() {
    let toc = Toc::of_code(&index(), "code-du-travail");
    assert_eq!(
        labels(&toc),
        [
            "Partie législative",
            "  Chapitre préliminaire dialogue",
            "    L1",
            "  Livre Ier à",
            "    Chapitre préliminaire d",
            "      L1-1",
            "    Chapitre II c",
            "      L1-2",
            "      L1-10",
            "    Chapitre II bis e",
            "      L1-20",
            "  Livre II b",
            "    Chapitre Ier c",
            "      L2-1",
            "Partie réglementaire",
            "  Livre Ier x",
            "    Chapitre Ier y",
            "      R1-1",
        ]
    );
    // A section's end is the row after all it holds.
    assert_eq!(toc.rows[0].end, 14);
    assert_eq!(toc.rows[3].end, 11);
    assert_eq!(toc.rows[6].end, 9);
    assert_eq!(toc.rows[7].end, 8);
}

#[test]
fn next_and_previous_cross_sections() {
    let toc = Toc::of_code(&index(), "code-du-travail");
    let leg = "code-du-travail/partie-legislative";
    let l1_10 = format!("{leg}/livre-ier-a/chapitre-ii-c/l1-10.md");
    assert_eq!(
        toc.neighbour(&l1_10, true),
        Some(format!("{leg}/livre-ier-a/chapitre-ii-bis-e/l1-20.md").as_str())
    );
    assert_eq!(
        toc.neighbour(
            &format!("{leg}/livre-ier-a/chapitre-preliminaire-d/l1-1.md"),
            false
        ),
        Some(format!("{leg}/chapitre-preliminaire-dialogue/l1.md").as_str())
    );
    assert_eq!(
        toc.neighbour(
            &format!("{leg}/chapitre-preliminaire-dialogue/l1.md"),
            false
        ),
        None
    );
    let last = "code-du-travail/partie-reglementaire/livre-ier-x/chapitre-ier-y/r1-1.md";
    assert_eq!(toc.neighbour(last, true), None);
}

#[test]
fn another_code_is_not_mixed_in() {
    let toc = Toc::of_code(&index(), "code-autre");
    assert_eq!(labels(&toc), ["Titre Ier", "  L1"]);
    assert!(Toc::of_code(&index(), "code-absent").rows.is_empty());
}

#[test]
fn articles_of_several_codes_in_the_codes_order_the_code_read_first() {
    let leg = "code-du-travail/partie-legislative";
    let paths = [
        "code-autre/titre-ier/l1.md".to_owned(),
        format!("{leg}/livre-ii-b/chapitre-ier-c/l2-1.md"),
        "code-du-travail/partie-reglementaire/livre-ier-x/chapitre-ier-y/r1-1.md".to_owned(),
        format!("{leg}/livre-ier-a/chapitre-ii-c/l1-10.md"),
        "code-du-travail/gone/l9.md".to_owned(),
        format!("{leg}/livre-ier-a/chapitre-ii-c/l1-2.md"),
        format!("{leg}/chapitre-preliminaire-dialogue/l1.md"),
    ];
    let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
    let nums = |order: Vec<usize>| -> Vec<String> {
        order
            .into_iter()
            .map(|i| crate::mirror::number_of_file(refs[i]))
            .collect()
    };
    assert_eq!(
        nums(in_code_order(&index(), &refs, "code-du-travail")),
        ["L1", "L1-2", "L1-10", "L2-1", "R1-1", "L9", "L1"],
        "the code read first, in its contents' order (livre Ier before II, 2 before 10), \
         a path the index lacks last of its code"
    );
    assert_eq!(
        nums(in_code_order(&index(), &refs, "code-autre")),
        ["L1", "L1", "L1-2", "L1-10", "L2-1", "R1-1", "L9"]
    );
}
