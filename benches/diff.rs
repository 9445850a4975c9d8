//! The word diff of two versions of an article (issue 19: the largest, 122 KB, under
//! 20 ms): with a few changes, as real versions differ, with a word changed all
//! through, and with nothing in common, which the work budget bounds. `LOI_BENCH_TEXTS=DIR` also writes each pair of texts
//! there (`NAME.old`, `NAME.new`, a blank line between paragraphs), for `git diff
//! --no-index --word-diff=plain` to be timed on the same texts.

use criterion::{Criterion, criterion_group, criterion_main};
use loi::model::article::{Article, Block, Citations};
use loi::model::diff;

const LARGEST: &str = include_str!("../tests/fixtures/annexe-i-r4312-1.md");

fn parse(source: &str) -> Article {
    Article::parse("code-du-travail/x/y.md", source, Citations::Now)
}

fn paragraphs(article: &Article) -> Vec<String> {
    article.blocks.iter().map(Block::plain_text).collect()
}

/// The largest article as a later version might have it: 20 words changed, spread
/// over the text (every n-th « la » of the text becomes « une »), and a paragraph
/// inserted in the middle.
fn amended(source: &str) -> String {
    let at: Vec<usize> = source.match_indices(" la ").map(|(i, _)| i).collect();
    let step = at.len() / 20;
    let mut out = source.to_owned();
    for &i in at.iter().step_by(step).take(20).rev() {
        out.replace_range(i..i + 4, " une ");
    }
    let middle = out.len() / 2 + out[out.len() / 2..].find("<p>").unwrap_or(0);
    out.insert_str(
        middle,
        "<p>Les équipements de protection mentionnés au présent titre font l'objet \
         d'une vérification périodique dans des conditions fixées par arrêté.</p>",
    );
    out
}

/// As long, the same words, no order in common: the largest article's words shuffled
/// (xorshift, fixed seed), each paragraph as many words as before.
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

fn write(name: &str, old: &[String], new: &[String]) {
    let Some(dir) = std::env::var_os("LOI_BENCH_TEXTS") else {
        return;
    };
    let dir = std::path::Path::new(&dir);
    let _ = std::fs::create_dir_all(dir);
    for (ext, text) in [("old", old), ("new", new)] {
        let path = dir.join(format!("{name}.{ext}"));
        let _ = std::fs::write(path, text.join("\n\n") + "\n");
    }
}

fn bench(c: &mut Criterion) {
    let old = parse(LARGEST);
    let new = parse(&amended(LARGEST));
    let found = diff::diff(&old, &new);
    // 20 « une » and the paragraph's 19 words in, 20 « la » out.
    let words = found.words();
    assert!(
        !found.coarse && (words.inserted, words.deleted) == (39, 20),
        "{words:?}"
    );
    write("amended", &paragraphs(&old), &paragraphs(&new));
    let name = "largest article (122 KB), 20 words and a paragraph changed";
    c.bench_function(&format!("diff, {name}"), |b| {
        b.iter(|| diff::diff(std::hint::black_box(&old), std::hint::black_box(&new)))
    });
    c.bench_function(&format!("diff and plain text, {name}"), |b| {
        b.iter(|| diff::diff(std::hint::black_box(&old), &new).plain())
    });

    // A word changed all through the text, as when a law renames something: 318 of the
    // 762 paragraphs changed, most next to another.
    let everywhere = parse(&LARGEST.replace(" la ", " une "));
    let found = diff::diff(&old, &everywhere);
    assert!(
        !found.coarse && found.words().inserted == 536,
        "{:?}",
        found.words()
    );
    write("everywhere", &paragraphs(&old), &paragraphs(&everywhere));
    c.bench_function("diff, largest article, every « la » an « une »", |b| {
        b.iter(|| diff::diff(std::hint::black_box(&old), &everywhere))
    });

    let unrelated = [
        include_str!("../tests/fixtures/annexe-r1422-4.md"),
        include_str!("../tests/fixtures/annexe-iii-rayonnements.md"),
        include_str!("../tests/fixtures/r2312-9.md"),
    ]
    .map(|s| paragraphs(&parse(s)))
    .concat();
    let worst = [
        (
            "shuffled",
            "largest article against its words shuffled",
            shuffled(&paragraphs(&old)),
        ),
        (
            "unrelated",
            "largest article against three others (141 KB)",
            unrelated,
        ),
    ];
    let old = paragraphs(&old);
    for (file, name, new) in worst {
        write(file, &old, &new);
        c.bench_function(&format!("diff, {name}"), |b| {
            b.iter(|| diff::texts(std::hint::black_box(&old), std::hint::black_box(&new)))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
