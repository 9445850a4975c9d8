//! An index file read a page at a time, when a look-up first needs that page.
//!
//! Memory-mapping the file would be simpler, but the kernel maps 64 KB around each
//! page a program touches (fault-around): the few look-ups a reader makes at start-up
//! touched a handful of spots, yet made nearly all of a small index resident
//! (measured: docs/BENCHMARKS.md, « Figures behind the code »). Read here into
//! anonymous memory, a page costs 4 KB, and pages never asked for cost nothing.

use std::fs::File;
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

const PAGE: usize = 4096;

pub struct Paged {
    file: File,
    /// As long as the file; its pages are zero, and take no memory, until read.
    memory: memmap2::MmapMut,
    /// The start of `memory`, for writing pages in through `&self`.
    base: *mut u8,
    /// One bit per page: read in. Set only once the page is, and never cleared.
    read_in: Vec<AtomicU64>,
    /// Held while pages are read in: the search's threads share an index.
    reading: Mutex<()>,
}

// SAFETY: `base` points into `memory`, owned alongside it. Bytes are written only
// into pages not yet read in, under `reading`, and handed out only once read in (a
// bit set with Release, seen with Acquire), after which nothing writes them.
unsafe impl Send for Paged {}
unsafe impl Sync for Paged {}

impl Paged {
    /// `file`, whose length is `len`; `None` when memory cannot be reserved for it.
    pub fn new(file: File, len: usize) -> Option<Paged> {
        let mut memory = memmap2::MmapOptions::new().len(len).map_anon().ok()?;
        let base = memory.as_mut_ptr();
        let pages = len.div_ceil(PAGE);
        Some(Paged {
            file,
            memory,
            base,
            read_in: (0..pages.div_ceil(64)).map(|_| AtomicU64::new(0)).collect(),
            reading: Mutex::new(()),
        })
    }

    pub fn len(&self) -> usize {
        self.memory.len()
    }

    pub fn is_empty(&self) -> bool {
        self.memory.is_empty()
    }

    /// The bytes of `range`, read from the file first where they have not been;
    /// `None` past the end, or when the file cannot be read.
    pub fn get(&self, range: Range<usize>) -> Option<&[u8]> {
        if range.start > range.end || range.end > self.len() {
            return None;
        }
        if range.is_empty() {
            return Some(&[]);
        }
        let pages = range.start / PAGE..range.end.div_ceil(PAGE);
        if !pages.clone().all(|p| self.is_read_in(p)) {
            self.read_in(pages)?;
        }
        // SAFETY: inside `memory`, as checked above, and every page of it read in:
        // nothing writes these bytes again while `self` lives.
        Some(unsafe { std::slice::from_raw_parts(self.base.add(range.start), range.len()) })
    }
}

impl Paged {
    fn is_read_in(&self, page: usize) -> bool {
        self.read_in
            .get(page / 64)
            .is_some_and(|w| w.load(Ordering::Acquire) & (1 << (page % 64)) != 0)
    }

    /// Reads in the pages of `pages` not read yet, a run of them per read.
    fn read_in(&self, pages: Range<usize>) -> Option<()> {
        let _reading = self.reading.lock().unwrap_or_else(|e| e.into_inner());
        let mut page = pages.start;
        while page < pages.end {
            if self.is_read_in(page) {
                page += 1;
                continue;
            }
            let run_end = (page..pages.end)
                .find(|&p| self.is_read_in(p))
                .unwrap_or(pages.end);
            let start = page * PAGE;
            let end = (run_end * PAGE).min(self.len());
            // SAFETY: `start..end` lies inside `memory` (the caller checked the range
            // against its length), which lives as long as `self`. No reference to
            // these bytes exists: `get` hands out only pages already read in, and
            // these are not; `reading` is held, so no other thread writes them.
            let target =
                unsafe { std::slice::from_raw_parts_mut(self.base.add(start), end - start) };
            self.file.read_exact_at(target, start as u64).ok()?;
            for p in page..run_end {
                self.read_in[p / 64].fetch_or(1 << (p % 64), Ordering::Release);
            }
            page = run_end;
        }
        Some(())
    }
}

impl std::fmt::Debug for Paged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Paged({} bytes)", self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn paged(bytes: &[u8]) -> Paged {
        let mut file = tempfile::tempfile().expect("temp file");
        file.write_all(bytes).expect("written");
        Paged::new(file, bytes.len()).expect("mapped")
    }

    #[test]
    fn any_range_reads_what_the_file_holds() {
        let bytes: Vec<u8> = (0..3 * PAGE + 100).map(|i| (i * 7 % 251) as u8).collect();
        let paged = paged(&bytes);
        // Within a page, across pages, a page read before, the ragged end, all.
        for range in [
            10..20,
            PAGE - 3..PAGE + 5,
            5..PAGE * 2 + 1,
            3 * PAGE..3 * PAGE + 100,
            0..bytes.len(),
        ] {
            assert_eq!(
                paged.get(range.clone()),
                Some(&bytes[range.clone()]),
                "{range:?}"
            );
        }
        assert_eq!(paged.get(0..0), Some(&[][..]));
        assert_eq!(paged.get(0..bytes.len() + 1), None);
        #[allow(clippy::reversed_empty_ranges)]
        let backwards = 5..4;
        assert_eq!(paged.get(backwards), None);
    }

    #[test]
    fn only_the_pages_asked_for_are_read() {
        let bytes = vec![1u8; 10 * PAGE];
        let paged = paged(&bytes);
        paged.get(PAGE * 4 + 10..PAGE * 5 + 10);
        let bits = paged.read_in[0].load(Ordering::Relaxed);
        assert_eq!(bits, 0b11_0000, "pages 4 and 5 only");
    }

    #[test]
    fn a_file_shorter_than_promised_gives_nothing_not_zeros() {
        let paged = paged(&[9u8; 100]);
        let longer = Paged::new(paged.file.try_clone().expect("clone"), 2 * PAGE).expect("mapped");
        assert_eq!(longer.get(0..10), None);
        assert_eq!(paged.get(0..10), Some(&[9u8; 10][..]));
    }
}
