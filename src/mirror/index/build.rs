//! Building an index: folders and files collected, sorted by name, and laid out in
//! the bytes `Index` reads (the layout is described in `index`).

use std::collections::HashMap;

use super::{Bytes, HEADER, Index, MAGIC, NO_PARENT, ROW, SAMPLE, to_u32};

/// Collects folders and files, then lays them out as an index.
#[derive(Default)]
pub struct Builder {
    dirs: Vec<(u32, String)>,
    files: Vec<(String, u32)>,
    /// The mirror's import generation (`loi import` bumps it): part of the content
    /// hash, so that the caches stamped with it (words, backlinks) are built again
    /// when an import changed the articles' text but not their names.
    pub generation: u64,
    /// What the mirror's folders were when walked ([`super::stamps::of_dirs`]).
    pub dirs_stamp: u64,
}

impl Builder {
    /// A folder named `name` inside folder `parent` (`None`: at the root); its number.
    pub fn dir(&mut self, parent: Option<u32>, name: &str) -> u32 {
        self.dirs
            .push((parent.unwrap_or(NO_PARENT), name.to_owned()));
        to_u32(self.dirs.len() - 1)
    }

    /// An article file named `name` in folder `dir` (`None`: at the root).
    pub fn file(&mut self, dir: Option<u32>, name: &str) {
        self.files.push((name.to_owned(), dir.unwrap_or(NO_PARENT)));
    }

    /// The index, files sorted by name (files of the same name, in several folders,
    /// in no set order: callers sort the few they get).
    pub fn finish(mut self, fingerprint: u64) -> Index {
        self.files.sort_unstable();
        Index::from_bytes(Bytes::Owned(encode(
            fingerprint,
            self.generation,
            self.dirs_stamp,
            &self.files,
            &self.dirs,
        )))
        .unwrap_or_else(Index::empty)
    }
}

impl Index {
    /// The index of the files `walk` gives (it calls its argument with each file's
    /// folder path and name), for small mirrors and tests.
    pub fn from_paths(fingerprint: u64, walk: impl FnOnce(&mut dyn FnMut(&str, &str))) -> Index {
        let mut builder = Builder::default();
        let mut ids: HashMap<String, u32> = HashMap::new();
        walk(&mut |dir: &str, name: &str| {
            let id = folder_id(&mut builder, &mut ids, dir);
            builder.file(id, name);
        });
        builder.finish(fingerprint)
    }
}

/// The number of folder `path`, adding it and its parents to `builder` as needed.
fn folder_id(builder: &mut Builder, ids: &mut HashMap<String, u32>, path: &str) -> Option<u32> {
    if path.is_empty() {
        return None;
    }
    if let Some(id) = ids.get(path) {
        return Some(*id);
    }
    let (parent, name) = match path.rsplit_once('/') {
        Some((parent, name)) => (folder_id(builder, ids, parent), name),
        None => (None, path),
    };
    let id = builder.dir(parent, name);
    ids.insert(path.to_owned(), id);
    Some(id)
}

pub(super) fn encode(
    fingerprint: u64,
    generation: u64,
    dirs_stamp: u64,
    files: &[(String, u32)],
    dirs: &[(u32, String)],
) -> Vec<u8> {
    let mut strings: Vec<u8> = Vec::new();
    let mut put = |s: &str| {
        let off = to_u32(strings.len());
        strings.extend_from_slice(s.as_bytes());
        (off, to_u32(s.len()))
    };
    let mut file_rows = Vec::with_capacity(files.len() * ROW);
    for (name, dir) in files {
        let (off, len) = put(name);
        for w in [off, len, *dir] {
            file_rows.extend_from_slice(&w.to_le_bytes());
        }
    }
    let mut dir_rows = Vec::with_capacity(dirs.len() * ROW);
    for (parent, name) in dirs {
        let (off, len) = put(name);
        for w in [*parent, off, len] {
            dir_rows.extend_from_slice(&w.to_le_bytes());
        }
    }
    let mut samples = Vec::new();
    let mut sample_strings = Vec::new();
    samples.extend_from_slice(&to_u32(files.len().div_ceil(SAMPLE)).to_le_bytes());
    for (name, _) in files.iter().step_by(SAMPLE) {
        samples.extend_from_slice(&to_u32(sample_strings.len()).to_le_bytes());
        samples.extend_from_slice(&to_u32(name.len()).to_le_bytes());
        sample_strings.extend_from_slice(name.as_bytes());
    }
    samples.extend_from_slice(&sample_strings);
    let dirs_at = HEADER + file_rows.len();
    let strings_at = dirs_at + dir_rows.len();
    let samples_at = strings_at + strings.len();
    let len = samples_at + samples.len() + 8;
    let mut out = Vec::with_capacity(len);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&fingerprint.to_le_bytes());
    // Generation 0 (a mirror not imported) leaves the hash as it always was.
    let start = if generation == 0 {
        0xcbf2_9ce4_8422_2325_u64
    } else {
        (0xcbf2_9ce4_8422_2325_u64 ^ generation).wrapping_mul(0x0100_0000_01b3)
    };
    let content = [file_rows.as_slice(), &dir_rows, &strings]
        .iter()
        .flat_map(|part| part.iter())
        .fold(start, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    out.extend_from_slice(&content.to_le_bytes());
    for w in [
        files.len(),
        dirs.len(),
        dirs_at,
        strings_at,
        len,
        samples_at,
    ] {
        out.extend_from_slice(&to_u32(w).to_le_bytes());
    }
    out.extend_from_slice(&file_rows);
    out.extend_from_slice(&dir_rows);
    out.extend_from_slice(&strings);
    out.extend_from_slice(&samples);
    out.extend_from_slice(&dirs_stamp.to_le_bytes());
    out
}
