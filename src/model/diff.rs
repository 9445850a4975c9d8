//! What changed between two versions of an article, word by word: its paragraphs
//! (blocks' plain text) as runs kept, deleted or inserted, which give back either text
//! exactly, and the same as text marked `[-…-]{+…+}` (as `git diff --word-diff=plain`)
//! that reads without colour. Pure, as the model is.
//!
//! Paragraphs are aligned first (the same paragraphs anchor the rest), then those that
//! differ are compared word by word, paragraph ends being tokens too, so that a
//! paragraph added or removed shows as one. The work is capped ([`BUDGET`]): past it,
//! what is left to compare is shown replaced whole, and [`Diff::coarse`] says so.

mod myers;
mod plain;
#[cfg(test)]
mod tests;
mod words;

use std::collections::HashMap;

use super::article::{Article, Block};
use myers::{Budget, Op};
use words::{Interner, PARAGRAPH};

/// The work one comparison may do, in diagonals tried and tokens compared. A word changed
/// all through the largest article spends a quarter to two thirds of it; two unrelated
/// texts of that size stop at it in about the time git takes for them (measured:
/// docs/BENCHMARKS.md, « the law at a date, part 3 »).
const BUDGET: usize = 1 << 21;

/// What became of a run of text, or of a paragraph, from the old version to the new.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Same,
    Deleted,
    Inserted,
}

/// Text with one fate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub change: Change,
    pub text: String,
}

impl Run {
    /// Whether a reader should mark it: a run deleted or inserted that holds more than
    /// white space (a space changed for another, or added before a sign, is no change:
    /// draw an Inserted run of spaces plainly and skip a Deleted one).
    pub fn is_change(&self) -> bool {
        self.change != Change::Same && !self.text.trim().is_empty()
    }
}

/// One paragraph of the comparison: in both versions (`Same`, its words maybe
/// changed), or only in the old (`Deleted`) or the new (`Inserted`), its runs then all
/// of that kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub change: Change,
    pub runs: Vec<Run>,
}

impl Paragraph {
    fn whole(change: Change, text: &str) -> Paragraph {
        let runs = if text.is_empty() {
            Vec::new()
        } else {
            vec![Run {
                change,
                text: text.to_owned(),
            }]
        };
        Paragraph { change, runs }
    }

    /// Its text in the old version, if it was there.
    pub fn old_text(&self) -> Option<String> {
        self.text(Change::Inserted)
    }

    /// Its text in the new version, if it is there.
    pub fn new_text(&self) -> Option<String> {
        self.text(Change::Deleted)
    }

    fn text(&self, without: Change) -> Option<String> {
        (self.change != without).then(|| {
            self.runs
                .iter()
                .filter(|r| r.change != without)
                .map(|r| r.text.as_str())
                .collect()
        })
    }
}

/// Two versions compared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    pub paragraphs: Vec<Paragraph>,
    /// The work ran out: some paragraphs are shown replaced whole, not word by word.
    pub coarse: bool,
}

/// How many words a comparison deletes and inserts, for a summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Words {
    pub inserted: usize,
    pub deleted: usize,
}

/// The word diff from `old` to `new`, paragraph by paragraph (a block's plain text).
pub fn diff(old: &Article, new: &Article) -> Diff {
    let text = |a: &Article| a.blocks.iter().map(Block::plain_text).collect::<Vec<_>>();
    texts(&text(old), &text(new))
}

/// The word diff from the paragraphs `old` to the paragraphs `new`.
pub fn texts<S: AsRef<str>>(old: &[S], new: &[S]) -> Diff {
    compare(old, new, BUDGET).0
}

/// The diff, and the work it cost.
fn compare<S: AsRef<str>>(old: &[S], new: &[S], cap: usize) -> (Diff, Budget) {
    let old: Vec<&str> = old.iter().map(AsRef::as_ref).collect();
    let new: Vec<&str> = new.iter().map(AsRef::as_ref).collect();
    let mut d = Differ {
        interner: Interner::default(),
        budget: Budget::new(cap),
        out: Vec::new(),
    };
    let (old_ids, new_ids) = paragraph_ids(&old, &new);
    let (mut i, mut j) = (0, 0);
    for op in myers::diff(&old_ids, &new_ids, &mut d.budget) {
        if let Op::Equal {
            old: o,
            new: n,
            len,
        } = op
        {
            d.gap(&old[i..o], &new[j..n]);
            for k in 0..len {
                d.pair(old[o + k], new[n + k]);
            }
            (i, j) = (o + len, n + len);
        }
    }
    d.gap(&old[i..], &new[j..]);
    let diff = Diff {
        paragraphs: d.out,
        coarse: d.budget.exhausted(),
    };
    (diff, d.budget)
}

/// Ids of paragraphs, the same for the same text. One whose spaces alone changed gets
/// its own, and is then compared word by word with the one it stands for, to no change.
fn paragraph_ids<'a>(old: &[&'a str], new: &[&'a str]) -> (Vec<u32>, Vec<u32>) {
    let mut ids: HashMap<&'a str, u32, foldhash::fast::RandomState> = HashMap::default();
    let mut id = |text: &&'a str| {
        let next = ids.len() as u32;
        *ids.entry(*text).or_insert(next)
    };
    let old = old.iter().map(&mut id).collect();
    let new = new.iter().map(&mut id).collect();
    (old, new)
}

struct Differ<'a> {
    interner: Interner<'a>,
    budget: Budget,
    out: Vec<Paragraph>,
}

impl<'a> Differ<'a> {
    /// One paragraph against another. When nothing worth a word is kept (all of it
    /// rewritten, or the work spent), it is shown removed and the new one added.
    fn pair(&mut self, old: &'a str, new: &'a str) {
        if old == new {
            self.out.push(Paragraph::whole(Change::Same, old));
            return;
        }
        let runs = words::runs(old, new, &mut self.interner, &mut self.budget);
        let changed = runs.iter().any(Run::is_change);
        let kept = runs
            .iter()
            .any(|r| r.change == Change::Same && words::has_word(&r.text));
        if changed && !kept {
            self.out.push(Paragraph::whole(Change::Deleted, old));
            self.out.push(Paragraph::whole(Change::Inserted, new));
        } else {
            self.out.push(Paragraph {
                change: Change::Same,
                runs,
            });
        }
    }

    /// Paragraphs between two kept ones: those that match are compared, the others
    /// removed or added whole.
    fn gap(&mut self, old: &[&'a str], new: &[&'a str]) {
        let pairs = match (old.len(), new.len()) {
            (0, _) | (_, 0) => Vec::new(),
            (1, 1) => vec![(0, 0)],
            _ => self.pairing(old, new),
        };
        let (mut i, mut j) = (0, 0);
        for (o, n) in pairs.into_iter().chain([(old.len(), new.len())]) {
            for text in &old[i..o] {
                self.out.push(Paragraph::whole(Change::Deleted, text));
            }
            for text in &new[j..n] {
                self.out.push(Paragraph::whole(Change::Inserted, text));
            }
            if let (Some(a), Some(b)) = (old.get(o), new.get(n)) {
                self.pair(a, b);
            }
            (i, j) = (o + 1, n + 1);
        }
    }

    /// Which old paragraph becomes which new one: the words of all of them compared at
    /// once, paragraph ends as tokens; each pair weighs the letters of the words they
    /// share, and the pairs kept are the heaviest set in order, one each at most.
    fn pairing(&mut self, old: &[&'a str], new: &[&'a str]) -> Vec<(usize, usize)> {
        let (old_ids, old_at) = self.words_of(old);
        let (new_ids, new_at) = self.words_of(new);
        // Shared words by pair, in the order of the edit script: i and j never go back.
        let mut shared: Vec<(usize, usize, usize)> = Vec::new();
        for op in myers::diff(&old_ids, &new_ids, &mut self.budget) {
            let Op::Equal {
                old: o,
                new: n,
                len,
            } = op
            else {
                continue;
            };
            for k in 0..len {
                let ((i, weight), (j, _)) = (old_at[o + k], new_at[n + k]);
                match shared.last_mut() {
                    Some(last) if (last.0, last.1) == (i, j) => last.2 += weight,
                    _ if weight > 0 => shared.push((i, j, weight)),
                    _ => {}
                }
            }
        }
        heaviest(&shared)
    }

    /// The word ids of `paragraphs` with a [`PARAGRAPH`] between two, and for each its
    /// paragraph and its length (none for a paragraph's end).
    fn words_of(&mut self, paragraphs: &[&'a str]) -> (Vec<u32>, Vec<(usize, usize)>) {
        let (mut ids, mut at) = (Vec::new(), Vec::new());
        for (p, text) in paragraphs.iter().enumerate() {
            if p > 0 {
                ids.push(PARAGRAPH);
                at.push((p, 0));
            }
            for span in words::tokens(text) {
                let word = &text[span];
                if word.starts_with(words::is_word_char) {
                    ids.push(self.interner.id(word));
                    at.push((p, word.len()));
                }
            }
        }
        (ids, at)
    }
}

/// The heaviest set of pairs with no old and no new paragraph twice, from `(old, new,
/// weight)` in an order where neither index goes back (so the pairs that share one are
/// next to each other, and any set without a shared index is in order).
fn heaviest(pairs: &[(usize, usize, usize)]) -> Vec<(usize, usize)> {
    // first[k]: the first pair sharing an index with pair k; before it, all are free.
    let mut first = vec![0; pairs.len()];
    let (mut by_old, mut by_new) = (0, 0);
    for (k, &(i, j, _)) in pairs.iter().enumerate() {
        if pairs[by_old].0 != i {
            by_old = k;
        }
        if pairs[by_new].1 != j {
            by_new = k;
        }
        first[k] = by_old.min(by_new);
    }
    // best[k]: the heaviest set among the first k pairs; with[k], pair k taken.
    let mut best = vec![0; pairs.len() + 1];
    let mut with = vec![0; pairs.len()];
    for (k, &(_, _, w)) in pairs.iter().enumerate() {
        with[k] = w + best[first[k]];
        best[k + 1] = best[k].max(with[k]);
    }
    let mut chosen = Vec::new();
    let mut k = pairs.len();
    while k > 0 {
        if with[k - 1] == best[k] && with[k - 1] > best[k - 1] {
            chosen.push((pairs[k - 1].0, pairs[k - 1].1));
            k = first[k - 1];
        } else {
            k -= 1;
        }
    }
    chosen.reverse();
    chosen
}

impl Diff {
    /// Whether anything changed but white space.
    pub fn changed(&self) -> bool {
        self.paragraphs
            .iter()
            .flat_map(|p| &p.runs)
            .any(Run::is_change)
    }

    /// The words deleted and inserted, whole paragraphs included.
    pub fn words(&self) -> Words {
        let mut count = Words::default();
        for run in self.paragraphs.iter().flat_map(|p| &p.runs) {
            match run.change {
                Change::Same => {}
                Change::Deleted => count.deleted += words::count(&run.text),
                Change::Inserted => count.inserted += words::count(&run.text),
            }
        }
        count
    }

    /// The old version's paragraphs, as they were given.
    pub fn old_paragraphs(&self) -> Vec<String> {
        self.paragraphs
            .iter()
            .filter_map(Paragraph::old_text)
            .collect()
    }

    /// The new version's paragraphs, as they were given.
    pub fn new_paragraphs(&self) -> Vec<String> {
        self.paragraphs
            .iter()
            .filter_map(Paragraph::new_text)
            .collect()
    }
}
