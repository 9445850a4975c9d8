//! The Légifrance API's JSON of a code, as `@socialgouv/legi-data` ships it: a tree of
//! `{"data": {…}, "type": "code" | "section" | "article", "children": […]}`, read as a
//! stream. Each article is handed over with the titles of the sections above it as
//! soon as its object closes, so memory holds one article, never the code.

use std::fmt;
use std::io::Read;

use serde::de::{self, DeserializeOwned, Visitor};
use serde::{Deserialize, Deserializer};

/// What the reader meets, in order: the code first, then its articles.
pub enum Event<'a, D> {
    /// The code's own data; its articles follow unless the answer is [`Flow::Skip`].
    Code(&'a D),
    /// An article and the titles of the sections that hold it, outermost first.
    Article(D, &'a [String]),
}

/// Whether to read on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Go,
    /// Skip this code's articles (it was not asked for).
    Skip,
}

/// What a node's data must say for the tree to be walked: a section's title.
pub trait Titled {
    fn title(&self) -> Option<&str>;
}

/// Why a code's JSON could not be read: the caller's own error stops the reading
/// and comes back as it was.
pub enum ReadError<E> {
    /// Not JSON, or not a legi-data code: the message says where (line, column).
    Shape(String),
    /// The stream failed (a damaged archive, a file cut short).
    Io(String),
    /// What `on` returned.
    Stopped(E),
}

/// Reads one code's JSON from `input`, calling `on` for the code and each article.
///
/// The tree's skeleton (keys, `children` lists) is walked by hand over a buffer, and
/// each `data` object, once its bytes are gathered, is read by serde_json from that
/// slice: serde_json reading a stream asks for one byte at a time, which made it
/// most of an import's time (docs/BENCHMARKS.md, « loi import »).
pub fn read<D, E>(
    input: &mut dyn Read,
    on: &mut dyn FnMut(Event<'_, D>) -> Result<Flow, E>,
) -> Result<(), ReadError<E>>
where
    D: DeserializeOwned + Titled,
{
    let mut scan = Scanner::new(input);
    let mut trail = Vec::new();
    scan.ws().map_err(ReadError::Io)?;
    node(&mut scan, 0, &mut trail, on)?;
    scan.ws().map_err(ReadError::Io)?;
    match scan.peek().map_err(ReadError::Io)? {
        None => Ok(()),
        Some(_) => Err(scan.shape("something follows the code's closing brace")),
    }
}

fn node<D, E>(
    scan: &mut Scanner<'_>,
    depth: usize,
    trail: &mut Vec<String>,
    on: &mut dyn FnMut(Event<'_, D>) -> Result<Flow, E>,
) -> Result<(), ReadError<E>>
where
    D: DeserializeOwned + Titled,
{
    if depth > MAX_DEPTH {
        return Err(scan.shape("sections nested deeper than any code's"));
    }
    scan.expect(b'{', "a node ({\"data\", \"type\", \"children\"})")?;
    let mut data: Option<D> = None;
    let mut kind: Option<String> = None;
    let mut first = true;
    loop {
        scan.ws().map_err(ReadError::Io)?;
        if scan.eat(b'}').map_err(ReadError::Io)? {
            break;
        }
        if !first {
            scan.expect(b',', "a comma between a node's keys")?;
            scan.ws().map_err(ReadError::Io)?;
        }
        first = false;
        let key: String = scan.value("a key")?;
        scan.ws().map_err(ReadError::Io)?;
        scan.expect(b':', "a colon after a key")?;
        scan.ws().map_err(ReadError::Io)?;
        match key.as_str() {
            "data" => data = Some(scan.value("a node's data")?),
            "type" => kind = scan.value("a node's type")?,
            "children" => {
                let Some(this) = data.as_ref() else {
                    return Err(scan.shape("a node's \"children\" come before its \"data\""));
                };
                let mut skip = false;
                if depth == 0 {
                    match on(Event::Code(this)) {
                        Ok(Flow::Go) => {}
                        Ok(Flow::Skip) => skip = true,
                        Err(e) => return Err(ReadError::Stopped(e)),
                    }
                } else {
                    trail.push(this.title().unwrap_or_default().to_owned());
                }
                if skip {
                    scan.skip()?;
                } else {
                    children(scan, depth + 1, trail, on)?;
                }
                if depth > 0 {
                    trail.pop();
                }
            }
            _ => scan.skip()?,
        }
    }
    if depth == 0 && kind.as_deref() != Some("code") {
        return Err(scan.shape("the top node is not a code (\"type\": \"code\")"));
    }
    if kind.as_deref() == Some("article") {
        let Some(article) = data else {
            return Err(scan.shape("an article without \"data\""));
        };
        on(Event::Article(article, trail)).map_err(ReadError::Stopped)?;
    }
    Ok(())
}

fn children<D, E>(
    scan: &mut Scanner<'_>,
    depth: usize,
    trail: &mut Vec<String>,
    on: &mut dyn FnMut(Event<'_, D>) -> Result<Flow, E>,
) -> Result<(), ReadError<E>>
where
    D: DeserializeOwned + Titled,
{
    scan.expect(b'[', "a list of children")?;
    let mut first = true;
    loop {
        scan.ws().map_err(ReadError::Io)?;
        if scan.eat(b']').map_err(ReadError::Io)? {
            return Ok(());
        }
        if !first {
            scan.expect(b',', "a comma between children")?;
            scan.ws().map_err(ReadError::Io)?;
        }
        first = false;
        node(scan, depth, trail, on)?;
    }
}

/// Deeper than partie, livre, titre, chapitre, section, sous-section, paragraphe…
/// with room to spare: a file nested past it is not a code, and is not recursed into.
const MAX_DEPTH: usize = 40;

/// A buffered reader of JSON's bytes that gathers whole values for serde_json.
struct Scanner<'a> {
    input: &'a mut dyn Read,
    buf: Vec<u8>,
    at: usize,
    len: usize,
    /// Bytes consumed before `buf`: where an error is, for the message.
    offset: u64,
    value: Vec<u8>,
}

impl<'a> Scanner<'a> {
    fn new(input: &'a mut dyn Read) -> Scanner<'a> {
        Scanner {
            input,
            buf: vec![0; 1 << 16],
            at: 0,
            len: 0,
            offset: 0,
            value: Vec::new(),
        }
    }

    /// The next byte, not consumed; `None` at the end.
    fn peek(&mut self) -> Result<Option<u8>, String> {
        if self.at == self.len {
            self.offset += self.len as u64;
            self.at = 0;
            self.len = loop {
                match self.input.read(&mut self.buf) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e.to_string()),
                }
            };
            if self.len == 0 {
                return Ok(None);
            }
        }
        Ok(Some(self.buf[self.at]))
    }

    fn ws(&mut self) -> Result<(), String> {
        while let Some(b) = self.peek()? {
            if !b.is_ascii_whitespace() {
                break;
            }
            self.at += 1;
        }
        Ok(())
    }

    fn eat(&mut self, want: u8) -> Result<bool, String> {
        if self.peek()? == Some(want) {
            self.at += 1;
            return Ok(true);
        }
        Ok(false)
    }

    fn expect<E>(&mut self, want: u8, what: &str) -> Result<(), ReadError<E>> {
        match self.peek().map_err(ReadError::Io)? {
            Some(b) if b == want => {
                self.at += 1;
                Ok(())
            }
            Some(_) => Err(self.shape(&format!("expected {what}"))),
            None => Err(ReadError::Io(format!(
                "the file ends at byte {} where {what} should be",
                self.position()
            ))),
        }
    }

    fn position(&self) -> u64 {
        self.offset + self.at as u64
    }

    fn shape<E>(&self, why: &str) -> ReadError<E> {
        ReadError::Shape(format!("{why}, at byte {}", self.position()))
    }

    /// The next JSON value, read by serde_json from its gathered bytes.
    fn value<T: DeserializeOwned, E>(&mut self, what: &str) -> Result<T, ReadError<E>> {
        let at = self.position();
        let mut bytes = std::mem::take(&mut self.value);
        bytes.clear();
        let gathered = self.gather(Some(&mut bytes));
        let read = gathered.and_then(|()| {
            serde_json::from_slice(&bytes)
                .map_err(|e| ReadError::Shape(format!("{what} at byte {at} does not read: {e}")))
        });
        self.value = bytes;
        read
    }

    fn skip<E>(&mut self) -> Result<(), ReadError<E>> {
        self.gather(None)
    }

    /// Consumes one JSON value (object, list, string, number, literal), copying its
    /// bytes to `out` when given. Only its extent is found here: serde_json checks it.
    fn gather<E>(&mut self, mut out: Option<&mut Vec<u8>>) -> Result<(), ReadError<E>> {
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        let mut started = false;
        loop {
            let Some(_) = self.peek().map_err(ReadError::Io)? else {
                return Err(ReadError::Io(format!(
                    "the file ends inside a value, at byte {}",
                    self.position()
                )));
            };
            let chunk = &self.buf[self.at..self.len];
            let mut used = chunk.len();
            let mut done = false;
            let mut i = 0;
            while i < chunk.len() {
                if in_string {
                    // Most of a code is inside strings (the HTML): jump to the next
                    // quote or backslash.
                    if escaped {
                        escaped = false;
                        i += 1;
                        continue;
                    }
                    let Some(j) = memchr::memchr2(b'"', b'\\', &chunk[i..]) else {
                        break;
                    };
                    i += j;
                    if chunk[i] == b'\\' {
                        escaped = true;
                    } else {
                        in_string = false;
                        if depth == 0 {
                            used = i + 1;
                            done = true;
                            break;
                        }
                    }
                    i += 1;
                    continue;
                }
                match chunk[i] {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth == 0 => {
                        // The end of the enclosing value: a scalar ended before it.
                        used = i;
                        done = true;
                        break;
                    }
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            used = i + 1;
                            done = true;
                            break;
                        }
                    }
                    b',' if depth == 0 && started => {
                        used = i;
                        done = true;
                        break;
                    }
                    b if b.is_ascii_whitespace() && depth == 0 && started => {
                        used = i;
                        done = true;
                        break;
                    }
                    _ => {}
                }
                started = true;
                i += 1;
            }
            if let Some(out) = out.as_deref_mut() {
                out.extend_from_slice(&chunk[..used]);
            }
            self.at += used;
            if done {
                return Ok(());
            }
            if depth > MAX_DEPTH * 4 {
                return Err(self.shape("a value nested deeper than any code's"));
            }
        }
    }
}

/// A date as the data writes it: milliseconds since 1970 (articles) or `YYYY-MM-DD`
/// (sections, codes). 2999-01-01 means "no end" and reads as `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Date(pub Option<String>);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<De: Deserializer<'de>>(de: De) -> Result<Self, De::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date (milliseconds or YYYY-MM-DD) or null")
            }
            fn visit_i64<Er: de::Error>(self, v: i64) -> Result<Date, Er> {
                Ok(Date::of(crate::model::date::of_day(
                    v.div_euclid(86_400_000),
                )))
            }
            fn visit_u64<Er: de::Error>(self, v: u64) -> Result<Date, Er> {
                self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
            }
            fn visit_f64<Er: de::Error>(self, v: f64) -> Result<Date, Er> {
                // Whole milliseconds written with a fraction: the day is what counts.
                #[allow(clippy::cast_possible_truncation)]
                self.visit_i64(v as i64)
            }
            fn visit_str<Er: de::Error>(self, v: &str) -> Result<Date, Er> {
                Ok(Date::of(v.get(..10).unwrap_or(v).to_owned()))
            }
            fn visit_unit<Er: de::Error>(self) -> Result<Date, Er> {
                Ok(Date(None))
            }
            fn visit_none<Er: de::Error>(self) -> Result<Date, Er> {
                Ok(Date(None))
            }
        }
        de.deserialize_any(V)
    }
}

impl Date {
    fn of(day: String) -> Date {
        Date(Some(day).filter(|d| !d.starts_with("2999-")))
    }
}
