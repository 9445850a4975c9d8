use super::myers::{self, Budget, Op};
use super::*;
use crate::model::article::Citations;
use proptest::prelude::*;

fn run(change: Change, text: &str) -> Run {
    Run {
        change,
        text: text.to_owned(),
    }
}

use Change::{Deleted, Inserted, Same};

fn counted(inserted: usize, deleted: usize) -> Words {
    Words { inserted, deleted }
}

fn one(old: &str, new: &str) -> Diff {
    texts(&[old], &[new])
}

/// Same and Deleted give back `old`, Same and Inserted `new`, paragraph by paragraph;
/// no empty run, no two runs of a kind side by side, Deleted before Inserted.
fn assert_exact<S: AsRef<str> + std::fmt::Debug>(old: &[S], new: &[S], diff: &Diff) {
    let strings = |v: &[S]| v.iter().map(|s| s.as_ref().to_owned()).collect::<Vec<_>>();
    assert_eq!(diff.old_paragraphs(), strings(old), "{diff:#?}");
    assert_eq!(diff.new_paragraphs(), strings(new), "{diff:#?}");
    for p in &diff.paragraphs {
        assert!(p.runs.iter().all(|r| !r.text.is_empty()), "{p:?}");
        for w in p.runs.windows(2) {
            assert_ne!(w[0].change, w[1].change, "{p:?}");
            assert!((w[0].change, w[1].change) != (Inserted, Deleted), "{p:?}");
        }
        if p.change != Same {
            assert!(p.runs.iter().all(|r| r.change == p.change), "{p:?}");
        }
    }
}

fn article(num: &str, html: &str) -> Article {
    Article::parse(
        "code/x.md",
        &format!("# Article {num}\n\n{html}"),
        Citations::Now,
    )
}

fn plain_texts(a: &Article) -> Vec<String> {
    a.blocks.iter().map(Block::plain_text).collect()
}

/// The text of a LEGI article file of tests/fixtures/legi/.
fn legi(id: &str) -> Article {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/legi/global/legi/global/code_et_TNC_en_vigueur/code_en_vigueur/",
        "LEGI/TEXT/00/00/31/36/63/LEGITEXT000031366350/article/LEGI/ARTI/00/00/"
    );
    let path = format!(
        "{dir}{}/{}/{}/LEGIARTI{id}.xml",
        &id[4..6],
        &id[6..8],
        &id[8..10]
    );
    let xml = std::fs::read_to_string(&path).expect(&path);
    let start = xml.find("<CONTENU>").expect("CONTENU") + "<CONTENU>".len();
    let end = xml.find("</CONTENU>").expect("/CONTENU");
    article("X", &xml[start..end])
}

const L6123_1: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/l6123-1.md"
));

#[test]
fn the_same_article_is_one_same_run_per_paragraph() {
    let a = Article::parse("code/x.md", L6123_1, Citations::Now);
    let d = diff(&a, &a);
    assert_eq!(d.paragraphs.len(), a.blocks.len());
    for (p, b) in d.paragraphs.iter().zip(&a.blocks) {
        assert_eq!(p.change, Same);
        assert_eq!(p.runs, [run(Same, &b.plain_text())]);
    }
    assert!(!d.changed() && !d.coarse);
    assert_eq!(d.words(), Words::default());
    assert_eq!(d.plain(), d.new_paragraphs().join("\n\n"));
}

#[test]
fn a_word_replaced() {
    let d = one("Le ministre fixe la liste.", "Le préfet fixe la liste.");
    assert_eq!(
        d.paragraphs[0].runs,
        [
            run(Same, "Le "),
            run(Deleted, "ministre"),
            run(Inserted, "préfet"),
            run(Same, " fixe la liste.")
        ]
    );
    assert_eq!(d.plain(), "Le [-ministre-]{+préfet+} fixe la liste.");
    assert_eq!(d.words(), counted(1, 1));
}

#[test]
fn a_word_inserted_at_the_start_and_at_the_end() {
    let d = one("conseil national", "Le conseil national");
    assert_eq!(d.plain(), "{+Le+} conseil national");
    assert_exact(&["conseil national"], &["Le conseil national"], &d);
    let d = one("conseil national", "conseil national paritaire");
    assert_eq!(d.plain(), "conseil national {+paritaire+}");
    let d = one("Le conseil national", "conseil national");
    assert_eq!(d.plain(), "[-Le-] conseil national");
    assert_eq!(d.words().deleted, 1);
}

#[test]
fn words_changed_side_by_side_are_one_change() {
    let d = one("il a le droit", "il x y z droit");
    assert_eq!(d.plain(), "il [-a le-]{+x y z+} droit");
    assert_eq!(d.words(), counted(3, 2));
}

#[test]
fn a_paragraph_added_or_removed_is_one() {
    let old = ["Premier alinéa.", "Troisième alinéa."];
    let new = ["Premier alinéa.", "Un alinéa nouveau.", "Troisième alinéa."];
    let d = texts(&old, &new);
    assert_exact(&old, &new, &d);
    assert_eq!(d.paragraphs[1], Paragraph::whole(Inserted, new[1]));
    assert_eq!(
        d.plain(),
        "Premier alinéa.\n\n{+Un alinéa nouveau.+}\n\nTroisième alinéa."
    );
    let d = texts(&new, &old);
    assert_eq!(d.paragraphs[1], Paragraph::whole(Deleted, new[1]));
    assert_eq!(d.words().deleted, 3);
    // At the very end, and when all of a paragraph is rewritten.
    let d = texts(&["A b c."], &["A b c.", "D e."]);
    assert_eq!(d.plain(), "A b c.\n\n{+D e.+}");
    let d = texts(&["Tout ceci."], &["Autre chose."]);
    assert_eq!(d.plain(), "[-Tout ceci.-]\n\n{+Autre chose.+}");
}

#[test]
fn paragraphs_are_matched_with_their_new_words() {
    let old = [
        "Le ministre fixe la liste des pièces.",
        "Un décret précise.",
    ];
    let new = [
        "Nouveau premier.",
        "Le ministre fixe la liste complète des pièces.",
        "Un décret en Conseil d'Etat précise.",
    ];
    let d = texts(&old, &new);
    assert_exact(&old, &new, &d);
    assert_eq!(
        d.plain(),
        "{+Nouveau premier.+}\n\nLe ministre fixe la liste {+complète+} des pièces.\n\n\
         Un décret {+en Conseil d'Etat+} précise."
    );
}

#[test]
fn french_signs_and_spaces_are_kept_and_a_space_alone_is_no_change() {
    let old = "L’article « L. 6123-1 » : aujourd’hui ; l'Etat\u{a0}!";
    let new = "L’article « L. 6123-2 » : aujourd’hui ; l'Etat !";
    let d = one(old, new);
    assert_exact(&[old], &[new], &d);
    assert_eq!(
        d.plain(),
        "L’article « L. [-6123-1-]{+6123-2+} » : aujourd’hui ; l'Etat !"
    );
    assert_eq!(d.words(), counted(1, 1));
    // Spaces alone: the runs still give both texts, but nothing is a change.
    for (old, new) in [("a\u{a0}: b", "a : b"), ("foo.", "foo ."), ("x  y ", "x y")] {
        let d = one(old, new);
        assert_exact(&[old], &[new], &d);
        assert!(!d.changed(), "{d:?}");
        assert_eq!(d.paragraphs.len(), 1);
        assert_eq!(d.plain(), new.trim_end());
        assert_eq!(d.words(), Words::default());
    }
    // Nor does a space alone draw the signs before it into a change.
    let d = one("le « ministre ». Fin", "le « préfet » . Fin");
    assert_eq!(d.plain(), "le « [-ministre-]{+préfet+} » . Fin");
}

#[test]
fn a_number_or_an_elided_word_is_one_word() {
    let tokens = |t: &str| {
        words::tokens(t)
            .into_iter()
            .map(|r| t[r].to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        tokens("l'article L. 6123-1,"),
        ["l'article", " ", "L", ".", " ", "6123-1", ","]
    );
    assert_eq!(tokens("« 1,5 % »"), ["«", " ", "1,5", " ", "%", " ", "»"]);
}

#[test]
fn l300_2_gains_codes_sources() {
    // tests/fixtures/legi: L300-2 before and after the law that added « codes sources ».
    let (old, new) = (legi("000031367689"), legi("000033218936"));
    let d = diff(&old, &new);
    assert_exact(&plain_texts(&old), &plain_texts(&new), &d);
    assert!(
        d.plain()
            .contains("avis, prévisions{+, codes sources+} et décisions."),
        "{}",
        d.plain()
    );
    assert_eq!(d.words(), counted(2, 0));
    assert_eq!(d.paragraphs.iter().filter(|p| p.runs.len() > 1).count(), 1);
}

#[test]
fn d324_5_1_gains_a_row_and_its_new_line_is_no_change() {
    // The table's new row is inserted; the line break and tabs of its first cell in the
    // new version are white space only.
    let (old, new) = (legi("000033502471"), legi("000033504821"));
    let d = diff(&old, &new);
    let plain = d.plain();
    assert_eq!(plain.matches("{+").count(), 1, "{plain}");
    assert!(!plain.contains("[-"), "{plain}");
    assert!(
        plain.contains("{+Informations issues d'opérations de numérisation"),
        "{plain}"
    );
    assert!(plain.ends_with("caractère administratif+}"), "{plain}");
}

#[test]
fn real_text_with_a_word_and_a_paragraph_changed() {
    let old = Article::parse("code/x.md", L6123_1, Citations::Now);
    let edited = L6123_1
        .replace("Chaque collège dispose", "Chaque collège détient")
        .replacen("<p>", "<p>Un alinéa de tête.</p><p>", 1);
    let new = Article::parse("code/x.md", &edited, Citations::Now);
    let d = diff(&old, &new);
    assert_exact(&plain_texts(&old), &plain_texts(&new), &d);
    assert!(
        d.plain()
            .starts_with("{+Un alinéa de tête.+}\n\nI.-Le Conseil")
    );
    assert!(
        d.plain()
            .contains("Chaque collège [-dispose-]{+détient+} d'un")
    );
    assert_eq!(d.words(), counted(5, 1));
}

#[test]
fn each_paragraph_is_paired_once_the_heaviest_way() {
    // Old 0 shares 5 with new 0 and 10 with new 1; old 1 shares 4 with new 1: old 0
    // becomes new 1 (10) rather than new 0 and old 1 new 1 (9).
    assert_eq!(heaviest(&[(0, 0, 5), (0, 1, 10), (1, 1, 4)]), [(0, 1)]);
    assert_eq!(
        heaviest(&[(0, 0, 5), (0, 1, 3), (1, 1, 4)]),
        [(0, 0), (1, 1)]
    );
    assert_eq!(heaviest(&[]), []);
}

/// The largest article's words shuffled: as long, the same words, no order in common.
fn shuffled(paragraphs: &[String]) -> Vec<String> {
    let mut words: Vec<&str> = paragraphs.iter().flat_map(|p| p.split(' ')).collect();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for i in (1..words.len()).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        words.swap(i, (seed % (i as u64 + 1)) as usize);
    }
    let mut rest = words.as_slice();
    let mut out = Vec::new();
    for p in paragraphs {
        let (here, next) = rest.split_at(p.split(' ').count());
        out.push(here.join(" "));
        rest = next;
    }
    out
}

#[test]
fn two_unrelated_long_texts_stay_within_the_budget() {
    let source = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/annexe-i-r4312-1.md"
    ));
    let a = Article::parse("code/x.md", source, Citations::Now);
    let old = plain_texts(&a);
    let new = shuffled(&old);
    let (d, spent) = compare(&old, &new, BUDGET);
    assert!(d.coarse);
    // One diagonal's search past the cap at most: bounded by the texts' length.
    assert!(spent.spent() < BUDGET + 200_000, "{}", spent.spent());
    assert_exact(&old, &new, &d);
}

#[test]
fn a_spent_budget_gives_paragraphs_replaced_whole() {
    // Common starts and ends are still found (they cost a pass, no search): the first
    // paragraphs, matched by their first words, differ by one word between them; the
    // words of the second pair would need a search, so they are replaced whole.
    let old = ["a b c d e f", "g h"];
    let new = ["a b x d e f", "g h i"];
    let (d, _) = compare(&old, &new, 0);
    assert!(d.coarse);
    assert_exact(&old, &new, &d);
    assert_eq!(d.plain(), "a b [-c-]{+x+} d e f\n\n[-g h-]\n\n{+g h i+}");
    let (d, _) = compare(&old, &new, BUDGET);
    assert!(!d.coarse);
    assert_eq!(d.plain(), "a b [-c-]{+x+} d e f\n\ng h {+i+}");
}

/// The length of a longest common subsequence, the slow way.
fn lcs(a: &[u32], b: &[u32]) -> usize {
    let mut row = vec![0; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

const VOCABULARY: &[&str] = &[
    "le",
    "la",
    "de",
    "l'article",
    "L. 6123-1",
    "é",
    "Œuvre",
    "«",
    "»",
    "’",
    ",",
    ".",
    ";",
    " ",
    " ",
    "\u{a0}",
    "  ",
    "\u{202f}",
    "1°",
    "(",
    ")",
    "aujourd’hui",
    "-",
    "",
];

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCABULARY), 0..12).prop_map(|w| w.concat())
}

proptest! {
    #[test]
    fn myers_finds_a_shortest_script(
        a in prop::collection::vec(0u32..4, 0..30),
        b in prop::collection::vec(0u32..4, 0..30),
    ) {
        let ops = myers::diff(&a, &b, &mut Budget::new(usize::MAX));
        let (mut rebuilt, mut kept) = (Vec::new(), 0);
        for op in ops {
            match op {
                Op::Equal { old, new, len } => {
                    prop_assert_eq!(&a[old..old + len], &b[new..new + len]);
                    rebuilt.extend_from_slice(&a[old..old + len]);
                    kept += len;
                }
                Op::Insert { new, len } => rebuilt.extend_from_slice(&b[new..new + len]),
                Op::Delete { .. } => {}
            }
        }
        prop_assert_eq!(rebuilt, b.clone());
        prop_assert_eq!(kept, lcs(&a, &b));
    }

    #[test]
    fn the_runs_give_back_both_texts(
        old in prop::collection::vec(paragraph(), 0..6),
        new in prop::collection::vec(paragraph(), 0..6),
        cap in prop::sample::select(vec![0, 50, BUDGET]),
    ) {
        assert_exact(&old, &new, &compare(&old, &new, cap).0);
    }

    #[test]
    fn the_runs_give_back_an_edited_text(
        old in prop::collection::vec(paragraph(), 1..6),
        edits in prop::collection::vec((0usize..6, 0usize..40, paragraph()), 0..5),
    ) {
        let mut new = old.clone();
        for (p, at, words) in edits {
            let p = p % new.len();
            let text = &mut new[p];
            let at = (0..=at.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            match words.len() % 3 {
                0 => text.insert_str(at, &words),
                1 => new.insert(p, words),
                _ => text.truncate(at),
            }
        }
        assert_exact(&old, &new, &texts(&old, &new));
    }
}
