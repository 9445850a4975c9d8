//! What was entered in each prompt (go-to, `/`, `s`, `@`), for ↑ to recall it in a
//! later run, as a shell's history: one JSON object in the data folder, a list per
//! prompt, oldest first. Kept small (an entry once, the newest [`KEEP`], each at most
//! [`LONGEST`] characters, no control character), and read with suspicion: a file
//! that is not a plain file of a sane size is not read, nor written over; one that is
//! not such an object reads as what could be read of it, and the next entry keeps it
//! aside (`prompts.json.damaged-DATE`) before writing. Not said on the screen: the
//! status line is saying what the entry did, and a prompt's history is a convenience.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::saved::damaged::{self, Loaded};
use crate::saved::store;

/// Entries kept per prompt.
pub const KEEP: usize = 100;
/// Characters kept of an entry.
pub const LONGEST: usize = 300;
/// A file larger than this is no file of loi's (4 prompts × KEEP × LONGEST × 4 bytes
/// is under 500 kB): not read.
const MAX_BYTES: u64 = 1 << 20;

/// The entries of `prompt` in `file`, oldest first; none when the file is missing,
/// damaged or not loi's.
pub fn load(file: &Path, prompt: &str) -> Vec<String> {
    cleaned(read_all(file).get(prompt))
}

/// Adds `entry` as the newest of `prompt` (an equal older one removed, the oldest
/// dropped past [`KEEP`]), under the file's lock so that two `loi` at once lose
/// nothing; the other prompts' lists, and entries of the file loi does not know, are
/// kept as they were. An entry blank once cleaned is not kept. Where a damaged file
/// was kept aside, if one was.
pub fn add(file: &Path, prompt: &str, entry: &str) -> io::Result<Option<PathBuf>> {
    let Some(entry) = clean(entry) else {
        return Ok(None);
    };
    store::locked(file, || {
        if let Ok(m) = std::fs::metadata(file)
            && m.len() > MAX_BYTES
        {
            return Err(crate::saved::error::Error::too_large(file, m.len()));
        }
        let Loaded {
            value: mut all,
            aside,
        } = damaged::object(file)?;
        let mut list = cleaned(all.get(prompt));
        list.retain(|e| *e != entry);
        list.push(entry);
        let over = list.len().saturating_sub(KEEP);
        list.drain(..over);
        all.insert(prompt.to_owned(), Value::from(list));
        let text = serde_json::to_string_pretty(&all).map_err(io::Error::other)?;
        store::write_atomic(file, text.as_bytes())?;
        Ok(aside)
    })
}

/// `entry` as it is kept: control characters out (a tab or line break a space),
/// trimmed, cut to [`LONGEST`] characters; `None` when nothing is left.
fn clean(entry: &str) -> Option<String> {
    let kept: String = entry
        .chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    let kept: String = kept.trim().chars().take(LONGEST).collect();
    (!kept.is_empty()).then_some(kept)
}

/// The whole file, as far as it reads as an object (a damaged one up to its damage);
/// empty when it cannot be read.
fn read_all(file: &Path) -> Map<String, Value> {
    // Never opened unless it is a plain file of a sane size: a FIFO would block, a
    // link to /dev/zero would be read for ever.
    match std::fs::metadata(file) {
        Ok(m) if m.is_file() && m.len() <= MAX_BYTES => {}
        _ => return Map::new(),
    }
    let mut text = String::new();
    let read = std::fs::File::open(file).and_then(|f| f.take(MAX_BYTES).read_to_string(&mut text));
    if read.is_err() {
        return Map::new();
    }
    damaged::parse_object(&text).1
}

/// A prompt's list cleaned as [`add`] keeps it (a file written by hand, or by another
/// program, holds what it likes): strings only, each once, the newest [`KEEP`].
fn cleaned(list: Option<&Value>) -> Vec<String> {
    let Some(Value::Array(list)) = list else {
        return Vec::new();
    };
    let mut kept: Vec<String> = Vec::new();
    for entry in list.iter().filter_map(|e| e.as_str()).filter_map(clean) {
        kept.retain(|e| *e != entry);
        kept.push(entry);
    }
    let over = kept.len().saturating_sub(KEEP);
    kept.drain(..over);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_come_back_oldest_first_each_once_per_prompt() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("prompts.json");
        assert!(load(&file, "go-to").is_empty(), "no file yet");
        for e in ["L6123-1", "D313-14", "L6123-1", "  ", "\u{1b}[2J"] {
            add(&file, "go-to", e).expect("add");
        }
        add(&file, "find", "formation\tprofessionnelle\n").expect("add");
        assert_eq!(load(&file, "go-to"), ["D313-14", "L6123-1", "[2J"]);
        assert_eq!(load(&file, "find"), ["formation professionnelle"]);
        assert!(load(&file, "read-at").is_empty());
    }

    #[test]
    fn the_file_stays_small() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("prompts.json");
        for i in 0..KEEP + 20 {
            add(&file, "go-to", &format!("L{i}")).expect("add");
        }
        add(&file, "go-to", &"x".repeat(5 * LONGEST)).expect("add");
        let kept = load(&file, "go-to");
        assert_eq!(kept.len(), KEEP);
        assert_eq!(kept[0], "L21", "the oldest dropped");
        assert_eq!(kept[KEEP - 1].chars().count(), LONGEST);
    }

    #[test]
    fn a_damaged_or_hostile_file_reads_as_far_as_it_can_and_is_kept_aside_not_written_over() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("prompts.json");
        for text in [
            "{not json",
            "[1, 2]",
            "{\"go-to\": 5}",
            "\u{0}\u{ff}garbage",
        ] {
            std::fs::write(&file, text).expect("write");
            assert!(load(&file, "go-to").is_empty(), "{text}");
        }
        // Kept as far as it is loi's: strings cleaned, the rest dropped.
        std::fs::write(
            &file,
            r#"{"go-to": ["a\u001bb", 3, "a\u001bb", "c"], "find": {}}"#,
        )
        .expect("write");
        assert_eq!(load(&file, "go-to"), ["ab", "c"]);
        std::fs::write(&file, r#"{"find": ["f"], "go-to": ["a", "b"#).expect("write");
        assert!(load(&file, "go-to").is_empty());
        assert_eq!(load(&file, "find"), ["f"], "read up to the damage");
        let aside = add(&file, "go-to", "L1").expect("add").expect("kept aside");
        assert_eq!(
            std::fs::read_to_string(&aside).expect("aside"),
            r#"{"find": ["f"], "go-to": ["a", "b"#
        );
        assert_eq!(load(&file, "go-to"), ["L1"]);
        assert_eq!(load(&file, "find"), ["f"]);
        // Too large: not read at all, nor written over.
        let big = format!("{{\"go-to\": [\"{}\"]}}", "y".repeat(MAX_BYTES as usize));
        std::fs::write(&file, &big).expect("write");
        assert!(load(&file, "go-to").is_empty());
        assert!(add(&file, "go-to", "L2").is_err());
        assert_eq!(std::fs::read_to_string(&file).expect("read"), big);
    }

    #[test]
    fn an_unreadable_file_is_never_written_over_and_unknown_entries_stay() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("prompts.json");
        std::fs::create_dir(&file).expect("a folder in its place");
        assert!(add(&file, "go-to", "L1").is_err());
        assert!(file.is_dir());
        std::fs::remove_dir(&file).expect("remove");
        std::fs::write(&file, r#"{"version": 2, "go-to": ["L1"]}"#).expect("write");
        add(&file, "find", "mot").expect("add");
        let all: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("JSON");
        assert_eq!(all["version"], 2);
        assert_eq!(load(&file, "go-to"), ["L1"]);
    }

    #[test]
    fn a_fifo_is_never_opened() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("prompts.json");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        // Opened, a FIFO with no writer would block for ever: this returns at once.
        assert!(load(&fifo, "go-to").is_empty());
    }
}
