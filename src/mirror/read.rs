//! Reading one article file: only a regular file under the size limit, never waiting
//! on a FIFO, and its bytes decoded (UTF-8, or Windows-1252 for older files).

use std::fs;
use std::path::Path;

use super::MAX_ARTICLE_BYTES;
use crate::mirror::error::Error;

/// Reads a file that is an article candidate: a regular file under the size limit.
///
/// Its type is checked before it is opened: opening a FIFO for reading waits for a
/// writer, forever. It is opened non-blocking too, and checked again once open, in
/// case it was swapped for a FIFO in between; and never more than the limit is read.
pub(super) fn read_file(path: &Path, shown: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    read_file_into(path, shown, &mut bytes)?;
    Ok(bytes)
}

/// [`read_file`] into `bytes`, which must be empty.
pub(super) fn read_file_into(path: &Path, shown: &str, bytes: &mut Vec<u8>) -> Result<(), Error> {
    use std::io::Read;
    let read_error = |source| Error::Read {
        path: shown.to_owned(),
        source,
    };
    let check = |meta: fs::Metadata| {
        if !meta.is_file() {
            return Err(Error::NotAFile {
                path: shown.to_owned(),
                kind: kind_of(&meta),
            });
        }
        if meta.len() > MAX_ARTICLE_BYTES {
            return Err(too_large(shown, meta.len()));
        }
        Ok(meta.len())
    };
    check(fs::metadata(path).map_err(read_error)?)?;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(read_error)?;
    let len = check(file.metadata().map_err(read_error)?)?;
    bytes.reserve(usize::try_from(len).unwrap_or(0));
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(bytes)
        .map_err(read_error)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_ARTICLE_BYTES {
        return Err(too_large(shown, read));
    }
    Ok(())
}

pub(super) fn too_large(shown: &str, size: u64) -> Error {
    Error::TooLarge {
        path: shown.to_owned(),
        size,
        limit: MAX_ARTICLE_BYTES,
    }
}

/// What a file that is not a regular file is, for a message.
pub(super) fn kind_of(meta: &fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "FIFO (named pipe)";
        }
        if kind.is_socket() {
            return "socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "device";
        }
    }
    "special file"
}

/// A note for the status line when a file is not UTF-8.
pub fn note_windows_1252() -> &'static str {
    crate::tr!(
        "This file is not UTF-8: read as Windows-1252 (Latin-1), its characters may be wrong",
        "Ce fichier n'est pas en UTF-8 : lu comme Windows-1252 (Latin-1), ses caractères peuvent être faux"
    )
}
/// A note for the status line when a file is UTF-8 with bad bytes.
pub fn note_bad_utf8() -> &'static str {
    crate::tr!(
        "This file is not valid UTF-8: the bad bytes show as �",
        "Ce fichier n'est pas un UTF-8 valide : les octets fautifs s'affichent �"
    )
}

/// [`decode`] of bytes the caller gives up: valid UTF-8, the usual case, becomes the
/// string in place, with no copy.
pub fn decode_owned(bytes: Vec<u8>) -> (String, Option<&'static str>) {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return decode(&bytes);
    }
    // SAFETY: simdutf8 has just checked that the bytes are UTF-8.
    (unsafe { String::from_utf8_unchecked(bytes) }, None)
}

/// A file's bytes as text, and a note when they were not UTF-8. A file with bad bytes
/// but no valid multi-byte UTF-8 sequence is read as Windows-1252, as older French
/// files were written (`é` is the byte 0xE9); any other is read as UTF-8, with U+FFFD
/// for each bad byte.
pub fn decode(bytes: &[u8]) -> (String, Option<&'static str>) {
    // Every file of the mirror is UTF-8: checked in one fast pass, and walked chunk by
    // chunk, which is far slower, only when it is not
    // (measured: docs/BENCHMARKS.md, « Figures behind the code »).
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return (text.to_owned(), None);
    }
    let mut multibyte = false;
    let mut bad = false;
    for chunk in bytes.utf8_chunks() {
        multibyte |= !chunk.valid().is_ascii();
        bad |= !chunk.invalid().is_empty();
    }
    if !bad {
        return (String::from_utf8_lossy(bytes).into_owned(), None);
    }
    if multibyte {
        return (
            String::from_utf8_lossy(bytes).into_owned(),
            Some(note_bad_utf8()),
        );
    }
    let text = bytes.iter().map(|&b| windows_1252(b)).collect();
    (text, Some(note_windows_1252()))
}

/// One byte of Windows-1252: Latin-1, but for 0x80-0x9F (typographic quotes, `€`,
/// `œ`…), five of which are undefined and become U+FFFD.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{fffd}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{fffd}', 'Ž',
        '\u{fffd}', '\u{fffd}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{fffd}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}
