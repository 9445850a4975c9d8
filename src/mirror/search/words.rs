//! The word index, used where it lies (memory-mapped from the cache): the sorted
//! vocabulary of the mirror's normalised words, each with its postings, and each article's
//! length in words. Articles are numbered by their position in the mirror's index
//! (`crate::mirror::index`), whose fingerprint stamps this file.
//!
//! Layout (little-endian): magic, fingerprint (u64), articles and words (u32), then
//! the offsets (u64) of the vocabulary, its strings, the lengths, the articles' stamps
//! (`index::stamps`: what each file was when read) and the end; the postings follow
//! the header. A vocabulary row: string offset and length (u32),
//! postings offset (u64) and length (u32), articles (u32). Every read is
//! bounds-checked: a damaged file gives fewer answers, never a panic.

use std::collections::HashMap;
use std::ops::Range;

use super::postings::Reader;
use super::query::{Query, Term};
use crate::mirror::index::Bytes;
use crate::mirror::index::stamps::ROW as STAMP;

pub const MAGIC: &[u8; 8] = b"LOIWORD2";
pub const HEADER: usize = 8 + 8 + 4 + 4 + 5 * 8;
pub const VOCAB_ROW: usize = 24;

/// A word index, checked once when opened.
#[derive(Debug)]
pub struct Words {
    bytes: Bytes,
    files: usize,
    words: usize,
    vocab_at: usize,
    strings_at: usize,
    lengths_at: usize,
    stamps_at: usize,
}

impl Words {
    /// Checks the header and the tables' bounds; `None` for bytes that are no index.
    pub fn from_bytes(bytes: Bytes) -> Option<Words> {
        if bytes.get(..8)? != MAGIC {
            return None;
        }
        let u32_at = |at: usize| -> Option<usize> {
            Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize)
        };
        let u64_at = |at: usize| -> Option<usize> {
            usize::try_from(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?)).ok()
        };
        let (files, words) = (u32_at(16)?, u32_at(20)?);
        let (vocab_at, strings_at, lengths_at, stamps_at, len) = (
            u64_at(24)?,
            u64_at(32)?,
            u64_at(40)?,
            u64_at(48)?,
            u64_at(56)?,
        );
        let fits = len == bytes.len()
            && vocab_at.checked_add(words.checked_mul(VOCAB_ROW)?)? == strings_at
            && strings_at <= lengths_at
            && lengths_at.checked_add(files.checked_mul(4)?)? == stamps_at
            && stamps_at.checked_add(files.checked_mul(STAMP)?)? == len;
        fits.then_some(Words {
            bytes,
            files,
            words,
            vocab_at,
            strings_at,
            lengths_at,
            stamps_at,
        })
    }

    /// What each article's file was when it was read for this index
    /// (`index::stamps::files`).
    pub fn stamps(&self) -> &[u8] {
        self.bytes.get(self.stamps_at..).unwrap_or_default()
    }

    /// The content hash of the mirror index it was built with.
    pub fn index_hash(&self) -> u64 {
        self.bytes
            .get(8..16)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    }

    /// How many articles it was built for.
    pub fn files(&self) -> usize {
        self.files
    }

    fn u32_at(&self, at: usize) -> u32 {
        self.bytes
            .get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u32::from_le_bytes)
    }

    fn row(&self, i: usize) -> usize {
        self.vocab_at + VOCAB_ROW * i
    }

    /// Word `i` of the sorted vocabulary.
    fn word(&self, i: usize) -> &str {
        let row = self.row(i);
        let (off, len) = (self.u32_at(row) as usize, self.u32_at(row + 4) as usize);
        let start = self.strings_at.saturating_add(off);
        self.bytes
            .get(start..start.saturating_add(len).min(self.lengths_at))
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }

    fn postings(&self, i: usize) -> &[u8] {
        let row = self.row(i);
        let lo = u64::from(self.u32_at(row + 8)) | (u64::from(self.u32_at(row + 12)) << 32);
        let start = usize::try_from(lo).unwrap_or(usize::MAX);
        let len = self.u32_at(row + 16) as usize;
        self.bytes
            .get(start..start.saturating_add(len).min(self.vocab_at))
            .unwrap_or_default()
    }

    fn docs(&self, i: usize) -> u32 {
        self.u32_at(self.row(i) + 20)
    }

    /// Article `doc`'s length in words.
    fn length(&self, doc: u32) -> u32 {
        self.u32_at(self.lengths_at + 4 * doc as usize)
    }

    fn lower_bound(&self, word: &str) -> usize {
        let (mut lo, mut hi) = (0, self.words);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.word(mid) < word {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The vocabulary rows a word of a term matches: the one word, or the range of
    /// those it starts.
    fn rows(&self, term: &Term, i: usize) -> Range<usize> {
        let want = term.words[i].as_str();
        let start = self.lower_bound(want);
        let mut end = start;
        while end < self.words && term.word_matches(i, self.word(end)) {
            end += 1;
        }
        start..end
    }

    /// How many times `term` is in each article (zero where it is not).
    fn counts(&self, term: &Term) -> Vec<u32> {
        let mut counts = vec![0u32; self.files];
        let mut positions = Vec::new();
        if term.words.len() == 1 {
            for row in self.rows(term, 0) {
                let mut r = Reader::new(self.postings(row));
                while let Some(doc) = r.next_doc(&mut positions) {
                    if let Some(c) = counts.get_mut(doc as usize) {
                        *c += positions.len() as u32;
                    }
                }
            }
            return counts;
        }
        // A phrase: start from its rarest word, keep where each other word follows.
        let slots: Vec<Range<usize>> = (0..term.words.len()).map(|i| self.rows(term, i)).collect();
        let rarest = (0..slots.len())
            .min_by_key(|&i| slots[i].clone().map(|r| self.docs(r) as u64).sum::<u64>())
            .unwrap_or(0);
        // Per article, the positions where the phrase would start.
        let mut starts: HashMap<u32, Vec<u32>> = HashMap::new();
        for row in slots[rarest].clone() {
            let mut r = Reader::new(self.postings(row));
            while let Some(doc) = r.next_doc(&mut positions) {
                let at = starts.entry(doc).or_default();
                at.extend(
                    positions
                        .iter()
                        .filter_map(|p| p.checked_sub(rarest as u32)),
                );
            }
        }
        for (slot, rows) in slots.iter().enumerate() {
            if slot == rarest {
                continue;
            }
            let mut kept: HashMap<u32, Vec<u32>> = HashMap::new();
            for row in rows.clone() {
                let mut r = Reader::new(self.postings(row));
                while let Some(doc) = r.next_doc(&mut positions) {
                    let Some(candidates) = starts.get(&doc) else {
                        continue;
                    };
                    let here = candidates
                        .iter()
                        .filter(|s| positions.binary_search(&(*s + slot as u32)).is_ok());
                    kept.entry(doc).or_default().extend(here);
                }
            }
            kept.retain(|_, v| !v.is_empty());
            starts = kept;
        }
        for (doc, mut at) in starts {
            at.sort_unstable();
            at.dedup();
            if let Some(c) = counts.get_mut(doc as usize) {
                *c = at.len() as u32;
            }
        }
        counts
    }

    /// The articles answering `query`, best first: each term weighs by how rare it is
    /// and how often it comes, in an article's length (BM25, the usual ranking of
    /// search engines).
    pub fn search(&self, query: &Query) -> Vec<(u32, f32)> {
        self.search_patched(query, &HashMap::new())
    }

    /// As [`Words::search`], the articles of `fresh` answered from their words as they
    /// are now (their files changed since the index was built), not from the index.
    pub fn search_patched(
        &self,
        query: &Query,
        fresh: &HashMap<u32, Vec<String>>,
    ) -> Vec<(u32, f32)> {
        if query.is_empty() || self.files == 0 {
            return Vec::new();
        }
        let length = |d: u32| {
            fresh
                .get(&d)
                .map_or_else(|| self.length(d), |w| w.len() as u32)
        };
        let total: u64 = (0..self.files as u32).map(|d| u64::from(length(d))).sum();
        let average = (total as f32 / self.files as f32).max(1.0);
        let mut scores = vec![0f32; self.files];
        let mut alive = vec![true; self.files];
        for term in &query.terms {
            let mut counts = self.counts(term);
            for (&doc, words) in fresh {
                if let Some(c) = counts.get_mut(doc as usize) {
                    *c = (0..words.len())
                        .filter(|&at| term.matches_at(words, at))
                        .count() as u32;
                }
            }
            let df = counts.iter().filter(|c| **c > 0).count() as f32;
            let idf = (1.0 + (self.files as f32 - df + 0.5) / (df + 0.5)).ln();
            for (doc, &tf) in counts.iter().enumerate() {
                if tf == 0 {
                    alive[doc] = false;
                    continue;
                }
                let tf = tf as f32;
                let norm = 0.25 + 0.75 * length(doc as u32) as f32 / average;
                scores[doc] += idf * tf * 2.2 / (tf + 1.2 * norm);
            }
        }
        let mut found: Vec<(u32, f32)> = (0..self.files)
            .filter(|&d| alive[d])
            .map(|d| (d as u32, scores[d]))
            .collect();
        found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        found
    }
}
