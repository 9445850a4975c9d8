//! `K` beyond reading the target (issue 21: at most 1 ms): the article read with the
//! peek spliced in, the view carried over to the new page, and the screen's lines
//! laid out, as the first frame after `K` needs them. Reading and parsing the
//! target's file is timed apart, for comparison. Hosts: a typical article (D313-14,
//! peeking L6123-1) and the largest (122 KB), whose every block is copied.

use std::rc::Rc;

use criterion::{Criterion, criterion_group, criterion_main};
use loi::app::view::{Page, View};
use loi::model::article::{Article, Citations};
use loi::model::layout::Layout;
use loi::model::peek::{Peek, splice};

/// What `K` does once the target is read: splice, carry the view, lay out a screen.
fn peek(host: &Article, view: &View, target: &Rc<Article>, link: usize) -> usize {
    let mut view = view.clone();
    view.peeks.push(Peek {
        link,
        href: String::new(),
        text_of_link: String::new(),
        heading: format!("Article {}", target.num),
        text: Rc::clone(target),
        clipped: false,
        inner: Vec::new(),
    });
    let spliced = splice(host, &view.peeks);
    view.respliced(None, Some(&spliced), &spliced.article);
    let layout = Layout::new(&spliced.article, 80).clipping(spliced.clipped());
    let page = Page {
        article: &spliced.article,
        layout: &layout,
        height: 20,
    };
    view.refit(page);
    view.visible_lines(page).len()
}

fn bench(c: &mut Criterion) {
    let target_source = include_str!("../tests/fixtures/l6123-1.md");
    let hosts = [
        (
            "D313-14 (typical, 2 KB)",
            include_str!("../tests/fixtures/d313-14.md"),
        ),
        (
            "Annexe I à l'article R4312-1 (largest, 122 KB)",
            include_str!("../tests/fixtures/annexe-i-r4312-1.md"),
        ),
    ];
    c.bench_function("read target: parse L6123-1 with its citations", |b| {
        b.iter(|| {
            Article::parse(
                "code-du-travail/x/l6123-1.md",
                std::hint::black_box(target_source),
                Citations::Now,
            )
        })
    });
    let target = Rc::new(Article::parse(
        "code-du-travail/x/l6123-1.md",
        target_source,
        Citations::Now,
    ));
    for (name, source) in hosts {
        let host = Article::parse("code-du-travail/x/host.md", source, Citations::Now);
        let view = View::new(&host);
        // The last reference: its peek goes furthest down, all the blocks before it
        // numbered anew.
        let link = host.links.len().saturating_sub(1);
        c.bench_function(&format!("K beyond reading, host {name}"), |b| {
            b.iter(|| peek(std::hint::black_box(&host), &view, &target, link))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
