//! Postings: for one word, the articles it is in and where (word positions), in
//! article order, as variable-length integers (7 bits a byte) with each article and
//! each position written as the distance from the one before.
//!
//! A [`Segment`] is the postings of a word for a stretch of articles; segments of
//! later stretches append to it, so that the index is built by chunks of articles
//! and runs on disk and merged without decoding.

/// Appends `v` as a variable-length integer.
pub fn put(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a variable-length integer at `*at`, moving past it; `None` past the end or
/// on a damaged one.
pub fn get(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut v: u32 = 0;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

/// A word's postings for articles `first..=last`: the first article's positions,
/// then for each later article its distance from the one before and its positions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segment {
    pub first: u32,
    pub last: u32,
    /// How many articles.
    pub docs: u32,
    pub bytes: Vec<u8>,
}

impl Segment {
    /// The positions of a word in article `doc`, which comes after every article
    /// already in (or is the first).
    pub fn push(&mut self, doc: u32, positions: &[u32]) {
        if self.docs == 0 {
            self.first = doc;
        } else {
            put(&mut self.bytes, doc - self.last);
        }
        self.last = doc;
        self.docs += 1;
        put(
            &mut self.bytes,
            u32::try_from(positions.len()).unwrap_or(u32::MAX),
        );
        let mut prev = 0;
        for &p in positions {
            put(&mut self.bytes, p - prev);
            prev = p;
        }
    }

    /// Appends the segment of a later stretch of articles.
    pub fn append(&mut self, later: &Segment) {
        if later.docs == 0 {
            return;
        }
        if self.docs == 0 {
            *self = later.clone();
            return;
        }
        put(&mut self.bytes, later.first - self.last);
        self.bytes.extend_from_slice(&later.bytes);
        self.last = later.last;
        self.docs += later.docs;
    }

    /// The postings as stored in the index: the first article's number, then the rest.
    pub fn write_to(&self, out: &mut Vec<u8>) {
        put(out, self.first);
        out.extend_from_slice(&self.bytes);
    }
}

/// Reads stored postings: each article, how many times the word is in it, and where
/// its positions start (decoded only when a phrase needs them).
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    doc: u32,
    started: bool,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader {
            bytes,
            at: 0,
            doc: 0,
            started: false,
        }
    }

    /// The next article: its number and its positions.
    pub fn next_doc(&mut self, positions: &mut Vec<u32>) -> Option<u32> {
        if self.at >= self.bytes.len() {
            return None;
        }
        let delta = get(self.bytes, &mut self.at)?;
        self.doc = if self.started {
            self.doc.checked_add(delta)?
        } else {
            delta
        };
        self.started = true;
        let n = get(self.bytes, &mut self.at)?;
        positions.clear();
        let mut p: u32 = 0;
        for _ in 0..n {
            p = p.checked_add(get(self.bytes, &mut self.at)?)?;
            positions.push(p);
        }
        Some(self.doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_append_and_read_back() {
        let mut a = Segment::default();
        a.push(3, &[0, 5, 200]);
        a.push(10, &[1]);
        let mut b = Segment::default();
        b.push(300, &[70_000]);
        a.append(&b);
        let mut stored = Vec::new();
        a.write_to(&mut stored);
        let mut r = Reader::new(&stored);
        let mut pos = Vec::new();
        let mut got = Vec::new();
        while let Some(doc) = r.next_doc(&mut pos) {
            got.push((doc, pos.clone()));
        }
        assert_eq!(
            got,
            [(3, vec![0, 5, 200]), (10, vec![1]), (300, vec![70_000])]
        );
        assert_eq!(a.docs, 3);
        // Damage stops the reading, never panics.
        let mut r = Reader::new(&[0xff, 0xff]);
        assert_eq!(r.next_doc(&mut pos), None);
    }
}
