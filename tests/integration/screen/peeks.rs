//! Peeks (`K`, issue 21, item 1) drawn: the seed article with the text of
//! L6123-1 quoted under its reference, and, inside that, the text of one L6123-1
//! cites, each level one bar and two columns further in.

use crate::support::screen::{SEED, sample, screen};

use loi::app::App;
use loi::app::action::Action;

/// Tab until a reference of the peek at depth `depth` (0: the article's own) is
/// selected, then `K`; again on the next one while it leads nowhere.
fn peek_at_depth(app: &mut App, depth: usize) {
    for _ in 0..60 {
        app.update(Action::NextReference);
        let entry = app.current();
        let Some(link) = entry.view.selected else {
            continue;
        };
        let chain = entry
            .spliced
            .as_ref()
            .map_or(0, |s| s.links[link].chain.len());
        if chain != depth {
            continue;
        }
        app.update(Action::Peek);
        if app.status().is_some_and(|s| !s.error) {
            return;
        }
    }
    panic!("no reference to peek at depth {depth}");
}

/// The seed with a peek, and one inside it, the cursor moved into the inner one.
fn nested(cols: u16, rows: u16) -> App {
    let mut app = sample(SEED, cols, rows);
    peek_at_depth(&mut app, 0);
    peek_at_depth(&mut app, 1);
    app.update(Action::Down);
    app.update(Action::Down);
    app
}

#[test]
fn a_peek_nested_twice_is_drawn_as_quotations_at_both_sizes() {
    for (cols, rows) in [(80, 24), (40, 12)] {
        let app = nested(cols, rows);
        let shown = screen(&app);
        // The inner peek's lines: two bars, the outer's and its own.
        assert!(
            shown.lines().any(|l| l.matches('│').count() == 2),
            "{shown}"
        );
        insta::assert_snapshot!(format!("peek_nested_twice_{cols}x{rows}"), shown);
    }
}
