//! An article's diff as text that reads without colour, in `loi print` or under
//! NO_COLOR: `[-deleted words-]{+inserted words+}`, as `git diff --word-diff=plain`.

use super::{Change, Diff};

impl Diff {
    /// The new text with `[-deleted words-]` and `{+inserted words+}` in it, as `git
    /// diff --word-diff=plain` writes them, a blank line between two paragraphs. White
    /// space at the edge of a change is written outside its marks, and a change of white
    /// space alone is no change: the new spaces, unmarked.
    pub fn plain(&self) -> String {
        let mut paragraphs = Vec::new();
        for p in &self.paragraphs {
            let mut out = String::new();
            let mut runs = p.runs.iter().peekable();
            while let Some(run) = runs.next() {
                match run.change {
                    Change::Same => out.push_str(&run.text),
                    Change::Deleted => {
                        let inserted = runs.next_if(|r| r.change == Change::Inserted);
                        let inserted = inserted.map_or("", |r| r.text.as_str());
                        marked(&mut out, &run.text, inserted);
                    }
                    Change::Inserted => marked(&mut out, "", &run.text),
                }
            }
            if !out.trim().is_empty() {
                paragraphs.push(out);
            }
        }
        paragraphs.join("\n\n")
    }
}

/// One change written with its marks: `deleted` then `inserted`.
fn marked(out: &mut String, deleted: &str, inserted: &str) {
    let (lead, core, trail) = edges(inserted);
    let gone = deleted.trim();
    if inserted.is_empty() {
        // Only deleted: its spaces stand for it in the new text.
        if !gone.is_empty() {
            let (lead, _, trail) = edges(deleted);
            out.extend([lead, "[-", gone, "-]", trail]);
        }
        return;
    }
    out.push_str(lead);
    if !gone.is_empty() {
        out.extend(["[-", gone, "-]"]);
    }
    if !core.is_empty() {
        out.extend(["{+", core, "+}"]);
    }
    out.push_str(trail);
}

/// `text` as its leading white space, the rest, and its trailing white space.
fn edges(text: &str) -> (&str, &str, &str) {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len().max(start);
    (&text[..start], &text[start..end], &text[end..])
}
