//! Laying out whole articles for a width (issue 5: the largest, 122 KB, under 20 ms):
//! every block wrapped or, for a table, drawn, from a fresh layout each time, as
//! after a resize. Parsing is timed on its own: it happens once per article opened,
//! before its first screen.

use criterion::{Criterion, criterion_group, criterion_main};
use loi::model::article::{Article, Citations};
use loi::model::layout::Layout;

/// Lays out every block of `article` at `width`; returns the lines, so that nothing
/// is optimised away.
fn lay_out(article: &Article, width: u16) -> usize {
    let layout = Layout::new(article, width);
    (0..article.blocks.len())
        .map(|i| layout.lines(article, i).len())
        .sum()
}

fn bench(c: &mut Criterion) {
    let cases = [
        (
            "largest article (Annexe I à l'article R4312-1, 122 KB)",
            include_str!("../tests/fixtures/annexe-i-r4312-1.md"),
        ),
        (
            "table of 120 rows × 11 columns (R4412-149, 52 KB)",
            include_str!("../tests/fixtures/r4412-149.md"),
        ),
    ];
    for (name, source) in cases {
        // What the reader does before the first screen: citations come after it.
        c.bench_function(&format!("parse, links only, {name}"), |b| {
            b.iter(|| {
                Article::parse(
                    "code-du-travail/x/y.md",
                    std::hint::black_box(source),
                    Citations::Later,
                )
            })
        });
        let article = Article::parse("code-du-travail/x/y.md", source, Citations::Now);
        for width in [80, 40] {
            c.bench_function(&format!("layout {name} at {width} columns"), |b| {
                b.iter(|| lay_out(std::hint::black_box(&article), width))
            });
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
