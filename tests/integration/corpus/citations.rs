//! What `y` copies opens the same place (issue 20, item 3): for every article of the
//! bundled sample and a sample of the four-code mirror, and for every point a cursor
//! can be on in it, the citation `y` writes (short and long), typed into go-to or given
//! to the command line (as one argument, and as the shell splits it), names that
//! article and that point.

use loi::cli::named;
use loi::mirror::Mirror;
use loi::model::article::Citations;
use loi::model::article::citation::written::{self, Form};
use loi::model::article::enumeration::Marker;

/// What was checked, and what could not be.
#[derive(Debug, Default)]
struct Tally {
    citations: usize,
    /// Cursors in an item whose point the citation names (not the article's top).
    with_point: usize,
    /// Cursors in an item with a marker at all.
    in_items: usize,
    /// Articles whose number is not one a citation reads (`Annexe I`).
    unnumbered: usize,
    /// A number the code has twice (today's and its former numbering): a citation
    /// names today's, as a brief means it.
    twice: usize,
}

fn check(mirror: &Mirror, paths: &[String]) -> Tally {
    let index = mirror.index();
    let mut tally = Tally::default();
    let mut failed = Vec::new();
    for path in paths {
        let Ok(article) = mirror.article(path, Citations::Later) else {
            continue;
        };
        // `Annexe I`, `Annexe (1) à l'art. A931-11-11`: no number to cite it by.
        let by_number = loi::model::article::citation::typed::parse(&article.num)
            .is_some_and(|t| t.num == article.num);
        if !by_number {
            tally.unnumbered += 1;
            continue;
        }
        let same_number = mirror
            .find_named(
                article.code_slug(),
                &format!("{}.md", loi::mirror::number_slug(&article.num)),
            )
            .len();
        if same_number > 1 {
            tally.twice += 1;
            continue;
        }
        // Each point once: most blocks of an article share their item's.
        let mut points: Vec<(Vec<Marker>, usize)> = Vec::new();
        for cursor in 0..article.blocks.len().max(1) {
            let point = loi::app::point_under(&article, cursor);
            let in_item = article
                .ancestors(cursor)
                .iter()
                .chain([&cursor])
                .any(|&b| article.blocks.get(b).is_some_and(|b| b.marker.is_some()));
            tally.in_items += usize::from(in_item);
            tally.with_point += usize::from(!point.is_empty());
            if !points.iter().any(|(p, _)| *p == point) {
                points.push((point, cursor));
            }
        }
        for (point, cursor) in points {
            for form in [Form::Short, Form::Long] {
                let text = written::write(&article.num, article.code_slug(), &point, form);
                tally.citations += 1;
                // Go-to: the article first, the only one of its number, at the point.
                let look = loi::mirror::goto::look(&index, &text, None);
                let first = look.answers.first().map(|a| a.path.as_str());
                if first != Some(path.as_str()) || look.exact != 1 || look.point != point {
                    failed.push(format!(
                        "g {text:?}: {first:?} {} {:?}",
                        look.exact, look.point
                    ));
                }
                // The point leads to the item the cursor is in.
                if let Some(block) = article.point_block(&look.point) {
                    let around = article.ancestors(cursor);
                    if block != cursor && !around.contains(&block) {
                        failed.push(format!("{text:?}: block {block}, cursor {cursor}"));
                    }
                }
                // The command line, quoted and not.
                let words: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
                for args in [vec![text.clone()], words] {
                    let named = named::read(mirror, &args);
                    let found = match named.as_slice() {
                        [Ok(one)] => one.path(mirror).ok().map(|p| (p, one.point().to_vec())),
                        _ => None,
                    };
                    if found != Some((path.clone(), point.clone())) {
                        failed.push(format!("loi {args:?}: {found:?}"));
                    }
                }
            }
        }
        assert!(failed.len() < 20, "{failed:#?}");
    }
    assert!(failed.is_empty(), "{failed:#?}");
    tally
}

#[test]
fn what_y_copies_opens_the_same_place_in_the_sample() {
    let mirror = Mirror::bundled();
    let paths = mirror.all_files();
    let tally = check(&mirror, &paths);
    assert!(tally.citations >= 2 * paths.len(), "{tally:?}");
    // Nearly every cursor in an item is cited with its point (not a dash's, `1)`…).
    assert!(tally.with_point * 100 >= tally.in_items * 90, "{tally:?}");
    // Its one `Annexe` aside.
    assert_eq!((tally.unnumbered, tally.twice), (1, 0), "{tally:?}");
}

#[test]
fn what_y_copies_opens_the_same_place_in_the_four_codes() {
    let mirror = Mirror::open(crate::support::corpus::corpus()).expect("mirror");
    let all = crate::support::corpus::articles();
    // Every 50th article: about 580 of 29,115, each code's parts all sampled.
    let paths: Vec<String> = all.into_iter().step_by(50).collect();
    let tally = check(&mirror, &paths);
    println!("{tally:?}");
    assert!(tally.citations >= paths.len(), "{tally:?}");
    assert!(tally.with_point * 100 >= tally.in_items * 80, "{tally:?}");
    // Few articles are out of reach of a citation.
    assert!(
        (tally.unnumbered + tally.twice) * 20 <= paths.len(),
        "{tally:?}"
    );
}
