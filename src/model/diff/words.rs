//! One paragraph against another, word by word: the text cut into tokens (words,
//! runs of white space, single signs), the tokens compared, and the result made into
//! runs that read well: whole words, a change that only touches spaces no change, a
//! few words kept between two changes folded into them.

use std::collections::HashMap;
use std::ops::Range;

use super::myers::{self, Budget, Op};
use super::{Change, Run};

/// The id of a paragraph's end, in the texts of several paragraphs compared at once.
pub(super) const PARAGRAPH: u32 = 0;
/// The id of every run of white space: a space, a non-breaking space or two spaces
/// never make a change by themselves.
const SPACE: u32 = 1;

/// Token ids, one per distinct text, shared by all the diffs of one comparison.
#[derive(Default)]
pub(super) struct Interner<'a> {
    ids: HashMap<&'a str, u32, foldhash::fast::RandomState>,
}

impl<'a> Interner<'a> {
    pub(super) fn id(&mut self, token: &'a str) -> u32 {
        if token.starts_with(char::is_whitespace) {
            return SPACE;
        }
        let next = self.ids.len() as u32 + 2;
        *self.ids.entry(token).or_insert(next)
    }
}

/// A letter or digit, accented or not (a combining accent too, for decomposed text).
pub(super) fn is_word_char(c: char) -> bool {
    match c {
        '0'..='9' | 'a'..='z' | 'A'..='Z' => true,
        // French letters without the look-up in Unicode's tables: Latin-1 but × and ÷.
        'À'..='ÿ' => c != '×' && c != '÷',
        c if c.is_ascii() => false,
        c => c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c),
    }
}

/// What stays inside a word between two of its letters: `l'article`, `aujourd’hui`,
/// `L. 6123-1`'s number, `1,5`, `A.-`'s nothing (it comes last).
fn joins(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | ',' | '/' | '\u{2011}')
}

pub(super) fn has_word(text: &str) -> bool {
    text.chars().any(is_word_char)
}

/// The tokens of `text` as byte ranges, in order and covering it: a word (letters and
/// digits, with `joins` signs between two of them), a run of white space, or any other
/// character alone (`«`, `(`, `°`, `;`).
pub(super) fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(text.len() / 3);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        if c.is_whitespace() {
            while let Some(&(i, d)) = chars.peek().filter(|(_, d)| d.is_whitespace()) {
                chars.next();
                end = i + d.len_utf8();
            }
        } else if is_word_char(c) {
            while let Some(&(i, d)) = chars.peek() {
                let inside = is_word_char(d)
                    || (joins(d) && text[i + d.len_utf8()..].starts_with(is_word_char));
                if !inside {
                    break;
                }
                chars.next();
                end = i + d.len_utf8();
            }
        }
        out.push(start..end);
    }
    out
}

/// How many words `text` holds.
pub(super) fn count(text: &str) -> usize {
    tokens(text)
        .into_iter()
        .filter(|t| text[t.clone()].starts_with(is_word_char))
        .count()
}

/// A stretch of both texts, as byte ranges: the same in both (but for white space), or
/// changed.
#[derive(Debug, Clone)]
struct Chunk {
    same: bool,
    old: Range<usize>,
    new: Range<usize>,
}

/// The runs from `old` to `new`: Same and Deleted give back `old`, Same and Inserted
/// `new`, exactly.
pub(super) fn runs<'a>(
    old: &'a str,
    new: &'a str,
    interner: &mut Interner<'a>,
    budget: &mut Budget,
) -> Vec<Run> {
    let (old_spans, new_spans) = (tokens(old), tokens(new));
    let old_ids: Vec<u32> = old_spans
        .iter()
        .map(|s| interner.id(&old[s.clone()]))
        .collect();
    let new_ids: Vec<u32> = new_spans
        .iter()
        .map(|s| interner.id(&new[s.clone()]))
        .collect();
    let ops = myers::diff(&old_ids, &new_ids, budget);
    let chunks = chunks(&ops, &old_spans, &new_spans);
    let chunks = no_blank_changes(chunks, old, new);
    let chunks = fold_small_kept(chunks, old, new);
    let mut out = Vec::new();
    for c in chunks {
        let (o, n) = (&old[c.old], &new[c.new]);
        if !c.same {
            push(&mut out, Change::Deleted, o);
            push(&mut out, Change::Inserted, n);
        } else if o == n {
            push(&mut out, Change::Same, o);
        } else {
            spaced(&mut out, o, n);
        }
    }
    out
}

/// The edit script as chunks of bytes, each as long as it can be.
fn chunks(ops: &[Op], old: &[Range<usize>], new: &[Range<usize>]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let (mut o, mut n) = (0, 0);
    for op in ops {
        let (same, o_end, n_end) = match *op {
            Op::Equal {
                old: i,
                new: j,
                len,
            } if len > 0 => (true, old[i + len - 1].end, new[j + len - 1].end),
            Op::Delete { old: i, len } if len > 0 => (false, old[i + len - 1].end, n),
            Op::Insert { new: j, len } if len > 0 => (false, o, new[j + len - 1].end),
            _ => continue,
        };
        add(
            &mut out,
            Chunk {
                same,
                old: o..o_end,
                new: n..n_end,
            },
        );
        (o, n) = (o_end, n_end);
    }
    out
}

/// Adds a chunk, joined to the last when it is of the same kind.
fn add(out: &mut Vec<Chunk>, chunk: Chunk) {
    match out.last_mut() {
        Some(last) if last.same == chunk.same => {
            last.old.end = chunk.old.end;
            last.new.end = chunk.new.end;
        }
        _ => out.push(chunk),
    }
}

/// A change of white space alone (`foo .` for `foo.`) is kept text.
fn no_blank_changes(chunks: Vec<Chunk>, old: &str, new: &str) -> Vec<Chunk> {
    let mut out = Vec::with_capacity(chunks.len());
    for mut c in chunks {
        c.same |= old[c.old.clone()].trim().is_empty() && new[c.new.clone()].trim().is_empty();
        add(&mut out, c);
    }
    out
}

/// Kept text between two changes goes into them when it holds no word (`a b c` for
/// `x y z` is one change, not three), or when it is no longer than what changes on
/// either side of it (as diff-match-patch's semantic clean-up does): a reader sees a
/// phrase replaced rather than its words picked apart.
fn fold_small_kept(chunks: Vec<Chunk>, old: &str, new: &str) -> Vec<Chunk> {
    let size = |c: &Chunk| {
        let o = old[c.old.clone()].chars().count();
        o.max(new[c.new.clone()].chars().count())
    };
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len());
    for c in chunks {
        add(&mut out, c);
        while let [.., a, s, b] = out.as_slice() {
            let kept = &new[s.new.clone()];
            let small = !has_word(kept) || {
                let len = kept.chars().count();
                len <= size(a) && len <= size(b)
            };
            if a.same || !s.same || b.same || !small {
                break;
            }
            let merged = Chunk {
                same: false,
                old: a.old.start..b.old.end,
                new: a.new.start..b.new.end,
            };
            out.truncate(out.len() - 3);
            add(&mut out, merged);
        }
    }
    out
}

/// Kept text whose white space differs: the same words as Same runs, each space that
/// differs as a Deleted and an Inserted run of white space only (no change to a
/// reader, see [`Run::is_change`]).
fn spaced(out: &mut Vec<Run>, old: &str, new: &str) {
    let (mut o, mut n) = (old, new);
    loop {
        let (a, b) = (o.chars().next(), n.chars().next());
        if a.is_none() && b.is_none() {
            return;
        }
        if a.is_some_and(char::is_whitespace) || b.is_some_and(char::is_whitespace) {
            let i = o.find(|c: char| !c.is_whitespace()).unwrap_or(o.len());
            let j = n.find(|c: char| !c.is_whitespace()).unwrap_or(n.len());
            if o[..i] == n[..j] {
                push(out, Change::Same, &o[..i]);
            } else {
                push(out, Change::Deleted, &o[..i]);
                push(out, Change::Inserted, &n[..j]);
            }
            (o, n) = (&o[i..], &n[j..]);
            continue;
        }
        let same: usize = o
            .chars()
            .zip(n.chars())
            .take_while(|(x, y)| x == y && !x.is_whitespace())
            .map(|(x, _)| x.len_utf8())
            .sum();
        if same == 0 {
            // Not the same but for spaces, which the chunks promise: still exact.
            push(out, Change::Deleted, o);
            push(out, Change::Inserted, n);
            return;
        }
        push(out, Change::Same, &o[..same]);
        (o, n) = (&o[same..], &n[same..]);
    }
}

/// Adds a run, joined to the last of its kind; between two kept runs, what is deleted
/// comes before what is inserted.
fn push(out: &mut Vec<Run>, change: Change, text: &str) {
    if text.is_empty() {
        return;
    }
    let run = || Run {
        change,
        text: text.to_owned(),
    };
    let len = out.len();
    if change == Change::Deleted && len > 0 && out[len - 1].change == Change::Inserted {
        if len > 1 && out[len - 2].change == Change::Deleted {
            out[len - 2].text.push_str(text);
        } else {
            out.insert(len - 1, run());
        }
        return;
    }
    match out.last_mut() {
        Some(last) if last.change == change => last.text.push_str(text),
        _ => out.push(run()),
    }
}
