//! The article files of the new mirror, written by a thread of their own: reading the
//! source and rewriting links keeps one core busy, creating files the other (the
//! file system's part of an import is as large as the rest; docs/BENCHMARKS.md,
//! « loi import »). A file whose bytes the old mirror already has is linked from it.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

/// What was written.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
}

/// The thread and the way to it.
pub struct Files {
    jobs: Option<SyncSender<(String, String)>>,
    thread: Option<JoinHandle<std::io::Result<Counts>>>,
}

/// Articles waiting to be written: enough to keep the writer busy, few enough that
/// memory holds a few of the largest.
const QUEUE: usize = 256;

impl Files {
    /// Writes under `stage`, linking unchanged files from `old`.
    pub fn start(stage: &Path, old: &Path) -> Files {
        let (tx, rx) = sync_channel(QUEUE);
        let (stage, old) = (stage.to_owned(), old.to_owned());
        let thread = std::thread::Builder::new()
            .name("import-files".into())
            .spawn(move || write_all(&stage, &old, &rx))
            .ok();
        Files {
            jobs: Some(tx).filter(|_| thread.is_some()),
            thread,
        }
    }

    /// No thread: what is left in place of one that was finished.
    pub fn idle() -> Files {
        Files {
            jobs: None,
            thread: None,
        }
    }

    /// Hands over the article at `path` (from the root) with its bytes. `false` when
    /// the writer has stopped on an error: [`Files::finish`] says which.
    pub fn send(&self, path: String, text: String) -> bool {
        self.jobs
            .as_ref()
            .is_some_and(|jobs| jobs.send((path, text)).is_ok())
    }

    /// Waits for every file to be written.
    pub fn finish(mut self) -> std::io::Result<Counts> {
        self.jobs = None;
        match self.thread.take() {
            Some(thread) => thread
                .join()
                .unwrap_or_else(|_| Err(std::io::Error::other("the writer thread failed"))),
            None => Err(std::io::Error::other("no thread to write files")),
        }
    }
}

fn write_all(
    stage: &Path,
    old: &Path,
    jobs: &Receiver<(String, String)>,
) -> std::io::Result<Counts> {
    let mut counts = Counts::default();
    let mut made: HashSet<PathBuf> = HashSet::new();
    for (path, text) in jobs {
        let file = stage.join(&path);
        if let Some(dir) = file.parent()
            && !made.contains(dir)
        {
            fs::create_dir_all(dir)?;
            made.insert(dir.to_owned());
        }
        let before = old.join(&path);
        match fs::read(&before) {
            Ok(bytes) if bytes == text.as_bytes() => {
                counts.unchanged += 1;
                fs::hard_link(&before, &file).or_else(|_| fs::write(&file, &text))?;
            }
            Ok(_) => {
                counts.changed += 1;
                fs::write(&file, &text)?;
            }
            Err(_) => {
                counts.new += 1;
                fs::write(&file, &text)?;
            }
        }
    }
    Ok(counts)
}
