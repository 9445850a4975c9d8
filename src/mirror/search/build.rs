//! Builds the word index with bounded memory: workers turn chunks of articles into
//! postings ([`Chunk`]), the builder appends them in article order, and whenever what
//! it holds passes a budget it writes it out as a run sorted by word; at the end the
//! runs are merged into the index file, a word at a time. At 300,000 articles the
//! postings are far larger than the memory a search may take.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::postings::Segment;
use super::words::{HEADER, MAGIC, VOCAB_ROW};

/// What the builder holds before writing a run. Its hash map, the chunks in flight
/// and the mapped mirror index come on top: with this the build keeps within issue
/// 4's 50 MB at 300,000 articles
/// (measured: docs/BENCHMARKS.md, « Figures behind the code »).
const BUDGET: usize = 8 << 20;

/// The postings of a chunk of consecutive articles, made by one worker.
#[derive(Default)]
pub struct Chunk {
    ids: HashMap<String, u32>,
    segments: Vec<(String, Segment)>,
    /// Each article's number and its length in words.
    pub lengths: Vec<(u32, u32)>,
    pairs: Vec<(u32, u32)>,
}

impl Chunk {
    /// Adds article `doc` (after every article already in) with its normalised words.
    pub fn add<S: AsRef<str>>(&mut self, doc: u32, words: &[S]) {
        self.pairs.clear();
        for (pos, w) in words.iter().enumerate() {
            let w = w.as_ref();
            let id = match self.ids.get(w) {
                Some(id) => *id,
                None => {
                    let id = u32::try_from(self.segments.len()).unwrap_or(u32::MAX);
                    self.ids.insert(w.to_owned(), id);
                    self.segments.push((w.to_owned(), Segment::default()));
                    id
                }
            };
            self.pairs
                .push((id, u32::try_from(pos).unwrap_or(u32::MAX)));
        }
        self.pairs.sort_unstable();
        let mut positions = Vec::new();
        let mut i = 0;
        while i < self.pairs.len() {
            let id = self.pairs[i].0;
            positions.clear();
            while i < self.pairs.len() && self.pairs[i].0 == id {
                positions.push(self.pairs[i].1);
                i += 1;
            }
            if let Some((_, seg)) = self.segments.get_mut(id as usize) {
                seg.push(doc, &positions);
            }
        }
        self.lengths
            .push((doc, u32::try_from(words.len()).unwrap_or(u32::MAX)));
    }
}

/// Collects chunks in article order, spilling runs to disk past the budget.
pub struct Builder {
    words: HashMap<Box<str>, Segment>,
    held: usize,
    runs: Vec<PathBuf>,
    runs_dir: PathBuf,
    lengths: Vec<u32>,
    /// [`BUDGET`], smaller in tests that want runs from a few articles.
    budget: usize,
    /// What each article's file was before it was read (`index::stamps::files`).
    stamps: Vec<u8>,
}

impl Builder {
    /// A builder for a mirror of `files` articles, keeping its runs in `runs_dir`.
    pub fn new(files: usize, runs_dir: PathBuf) -> Builder {
        Builder {
            words: HashMap::new(),
            held: 0,
            runs: Vec::new(),
            runs_dir,
            lengths: vec![0; files],
            budget: BUDGET,
            stamps: Vec::new(),
        }
    }

    /// This builder, writing a run whenever it holds more than `budget` bytes.
    #[cfg(test)]
    pub fn with_budget(mut self, budget: usize) -> Builder {
        self.budget = budget;
        self
    }

    /// Keeps what the articles' files are, read before the articles are: a file
    /// written after this is seen changed at the next search.
    pub fn stamp(&mut self, root: &Path, index: &crate::mirror::index::Index) {
        let clock = crate::mirror::index::stamps::Clock::start();
        self.stamps = crate::mirror::index::stamps::files(root, index, Some(&clock));
    }

    /// Adds a chunk; chunks must come in article order.
    pub fn add(&mut self, chunk: Chunk) -> io::Result<()> {
        for (doc, len) in chunk.lengths {
            if let Some(l) = self.lengths.get_mut(doc as usize) {
                *l = len;
            }
        }
        for (word, seg) in chunk.segments {
            self.held += seg.bytes.len() + 8;
            match self.words.get_mut(word.as_str()) {
                Some(have) => have.append(&seg),
                None => {
                    self.held += word.len() + 64;
                    self.words.insert(word.into_boxed_str(), seg);
                }
            }
        }
        if self.held > self.budget {
            self.spill()?;
        }
        Ok(())
    }

    /// Writes what is held as a run sorted by word.
    fn spill(&mut self) -> io::Result<()> {
        // Not `create_dir_all`: if the cache folder is gone (a test's, removed), the
        // build gives up rather than make it again.
        if !self.runs_dir.is_dir() {
            fs::create_dir(&self.runs_dir)?;
        }
        let path = self.runs_dir.join(format!("run-{}", self.runs.len()));
        let mut out = BufWriter::new(File::create(&path)?);
        for (word, seg) in sorted(std::mem::take(&mut self.words)) {
            out.write_all(&(word.len() as u32).to_le_bytes())?;
            out.write_all(word.as_bytes())?;
            for w in [seg.first, seg.last, seg.docs, seg.bytes.len() as u32] {
                out.write_all(&w.to_le_bytes())?;
            }
            out.write_all(&seg.bytes)?;
        }
        out.flush()?;
        self.runs.push(path);
        self.held = 0;
        Ok(())
    }

    /// Writes the index to `file` (beside it, then renamed), stamped with the mirror
    /// index's content hash, `fingerprint`.
    pub fn finish(mut self, file: &Path, fingerprint: u64) -> io::Result<()> {
        let dir = file.parent().unwrap_or(Path::new("."));
        let tmp = dir.join(format!(".words.{}.tmp", std::process::id()));
        let written = self.write(&tmp, fingerprint);
        let _ = fs::remove_dir_all(&self.runs_dir);
        match written {
            Ok(()) => fs::rename(&tmp, file).inspect_err(|_| {
                let _ = fs::remove_file(&tmp);
            }),
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                Err(e)
            }
        }
    }

    fn write(&mut self, tmp: &Path, fingerprint: u64) -> io::Result<()> {
        let mut out = Out::create(tmp)?;
        out.put(&[0; HEADER])?;
        if self.runs.is_empty() {
            for (word, seg) in sorted(std::mem::take(&mut self.words)) {
                out.word(&word, &seg)?;
            }
        } else {
            if !self.words.is_empty() {
                self.spill()?;
            }
            merge(&self.runs, &mut out)?;
        }
        // Unstamped (zero times), every article reads as changed: never current.
        self.stamps
            .resize(self.lengths.len() * crate::mirror::index::stamps::ROW, 0);
        out.finish(fingerprint, &self.lengths, &self.stamps)
    }
}

fn sorted(words: HashMap<Box<str>, Segment>) -> Vec<(Box<str>, Segment)> {
    let mut all: Vec<(Box<str>, Segment)> = words.into_iter().collect();
    all.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    all
}

/// One run being read back, a word at a time.
struct Run {
    input: BufReader<File>,
    head: Option<(Box<str>, Segment)>,
}

impl Run {
    fn advance(&mut self) -> io::Result<()> {
        let mut len = [0u8; 4];
        if let Err(e) = self.input.read_exact(&mut len) {
            if e.kind() == io::ErrorKind::UnexpectedEof {
                self.head = None;
                return Ok(());
            }
            return Err(e);
        }
        let mut word = vec![0u8; u32::from_le_bytes(len) as usize];
        self.input.read_exact(&mut word)?;
        let mut w = [0u32; 4];
        for v in &mut w {
            self.input.read_exact(&mut len)?;
            *v = u32::from_le_bytes(len);
        }
        let mut bytes = vec![0u8; w[3] as usize];
        self.input.read_exact(&mut bytes)?;
        let word = String::from_utf8(word).map_err(io::Error::other)?;
        self.head = Some((
            word.into_boxed_str(),
            Segment {
                first: w[0],
                last: w[1],
                docs: w[2],
                bytes,
            },
        ));
        Ok(())
    }
}

/// Merges the runs (each sorted by word, and each later in article order than the one
/// before) into `out`.
fn merge(runs: &[PathBuf], out: &mut Out) -> io::Result<()> {
    let mut open = Vec::new();
    for path in runs {
        let mut run = Run {
            input: BufReader::with_capacity(64 << 10, File::open(path)?),
            head: None,
        };
        run.advance()?;
        open.push(run);
    }
    loop {
        // Few runs: a scan for the smallest word costs less than a heap here.
        let Some(word) = open
            .iter()
            .filter_map(|r| r.head.as_ref().map(|h| h.0.clone()))
            .min()
        else {
            return Ok(());
        };
        let mut whole = Segment::default();
        for run in &mut open {
            if run.head.as_ref().is_some_and(|h| h.0 == word) {
                if let Some((_, seg)) = run.head.take() {
                    whole.append(&seg);
                }
                run.advance()?;
            }
        }
        out.word(&word, &whole)?;
    }
}

/// The index file being written: postings first, as they come, then the vocabulary,
/// its strings and the articles' lengths, then the header at the start.
struct Out {
    file: BufWriter<Pages>,
    at: u64,
    vocab: Vec<u8>,
    strings: Vec<u8>,
    words: u32,
    scratch: Vec<u8>,
}

impl Out {
    fn create(path: &Path) -> io::Result<Out> {
        Ok(Out {
            file: BufWriter::with_capacity(4096, Pages(File::create(path)?)),
            at: 0,
            vocab: Vec::new(),
            strings: Vec::new(),
            words: 0,
            scratch: Vec::new(),
        })
    }

    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.write_all(bytes)?;
        self.at += bytes.len() as u64;
        Ok(())
    }

    fn word(&mut self, word: &str, seg: &Segment) -> io::Result<()> {
        let mut postings = std::mem::take(&mut self.scratch);
        postings.clear();
        seg.write_to(&mut postings);
        let row_at = self.at;
        self.put(&postings)?;
        self.scratch = postings;
        let mut row = [0u8; VOCAB_ROW];
        row[0..4].copy_from_slice(&(self.strings.len() as u32).to_le_bytes());
        row[4..8].copy_from_slice(&(word.len() as u32).to_le_bytes());
        row[8..16].copy_from_slice(&row_at.to_le_bytes());
        row[16..20].copy_from_slice(&(self.scratch.len() as u32).to_le_bytes());
        row[20..24].copy_from_slice(&seg.docs.to_le_bytes());
        self.vocab.extend_from_slice(&row);
        self.strings.extend_from_slice(word.as_bytes());
        self.words += 1;
        Ok(())
    }

    fn finish(mut self, fingerprint: u64, lengths: &[u32], stamps: &[u8]) -> io::Result<()> {
        let vocab_at = self.at;
        let vocab = std::mem::take(&mut self.vocab);
        self.put(&vocab)?;
        let strings_at = self.at;
        let strings = std::mem::take(&mut self.strings);
        self.put(&strings)?;
        let lengths_at = self.at;
        for l in lengths {
            self.put(&l.to_le_bytes())?;
        }
        let stamps_at = self.at;
        self.put(stamps)?;
        let len = self.at;
        let mut header = Vec::with_capacity(HEADER);
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&fingerprint.to_le_bytes());
        header.extend_from_slice(&(lengths.len() as u32).to_le_bytes());
        header.extend_from_slice(&self.words.to_le_bytes());
        for w in [vocab_at, strings_at, lengths_at, stamps_at, len] {
            header.extend_from_slice(&w.to_le_bytes());
        }
        self.file.flush()?;
        let mut file = self.file.into_inner().map_err(|e| e.into_error())?.0;
        file.seek(io::SeekFrom::Start(0))?;
        file.write_all(&header)
    }
}

/// Writes in page-sized pieces: a large write sits in the page cache as large folios,
/// which a mapping then maps whole (see `index::cache::save`).
struct Pages(File);

impl Write for Pages {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(&buf[..buf.len().min(4096)])
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}
