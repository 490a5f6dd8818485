//! A small JSON reader for forms. Numbers stay the exact text that was sent,
//! so an amount never passes through a float; object keys keep their order;
//! nesting is bounded. (serde_json can keep number text too, but only with a
//! feature that costs the wasm module 31 KB.)

use std::borrow::Cow;

/// A parsed JSON value, borrowing from the text wherever no escape had to be
/// decoded (most keys and values), so reading a form allocates little.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    /// The number exactly as written (`600000.10`, `1e400`).
    Number(Cow<'a, str>),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    /// Members in document order, repeats included; [`Json::get`] answers
    /// with the last one, as `JSON.parse` does.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Why and where the text is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// 1-based line of the offending character.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    pub kind: ErrorKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// What was expected, in English.
    Syntax(&'static str),
    /// Nesting deeper than the bound.
    TooDeep,
}

/// Parses one JSON document (surrounding whitespace allowed).
pub fn parse(text: &str, max_depth: usize) -> Result<Json<'_>, JsonError> {
    let mut p = Parser {
        text,
        b: text.as_bytes(),
        i: 0,
        depth: 0,
        max_depth,
    };
    let v = p.value()?;
    p.ws();
    if p.i < p.b.len() {
        return Err(p.error(ErrorKind::Syntax("end of input after the value")));
    }
    Ok(v)
}

struct Parser<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
    depth: usize,
    max_depth: usize,
}

type Result<T, E = JsonError> = std::result::Result<T, E>;

impl<'a> Parser<'a> {
    fn error(&self, kind: ErrorKind) -> JsonError {
        let before = self.text.get(..self.i).unwrap_or(self.text);
        let line = before.matches('\n').count().saturating_add(1);
        let column = before
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.chars().count())
            .saturating_add(1);
        JsonError { line, column, kind }
    }

    fn syntax<T>(&self, expected: &'static str) -> Result<T> {
        Err(self.error(ErrorKind::Syntax(expected)))
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn bump(&mut self) {
        self.i = self.i.saturating_add(1);
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.bump();
        }
    }

    fn value(&mut self) -> Result<Json<'a>> {
        self.ws();
        match self.peek() {
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            None => self.syntax("a value"),
            Some(_) => self.syntax("a value (object, array, string, number, true, false or null)"),
        }
    }

    fn nested(&mut self, f: fn(&mut Self) -> Result<Json<'a>>) -> Result<Json<'a>> {
        if self.depth >= self.max_depth {
            return Err(self.error(ErrorKind::TooDeep));
        }
        self.depth = self.depth.saturating_add(1);
        let v = f(self);
        self.depth = self.depth.saturating_sub(1);
        v
    }

    fn literal(&mut self, word: &'static str, v: Json<'a>) -> Result<Json<'a>> {
        if self.b.get(self.i..self.i.saturating_add(word.len())) == Some(word.as_bytes()) {
            self.i = self.i.saturating_add(word.len());
            Ok(v)
        } else {
            self.syntax(word)
        }
    }

    fn object(&mut self) -> Result<Json<'a>> {
        self.bump(); // {
        let mut members: Vec<(Cow<'a, str>, Json<'a>)> = Vec::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.bump();
            return Ok(Json::Object(members));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return self.syntax("a member name in double quotes");
            }
            let key = self.string()?;
            self.ws();
            if self.peek() != Some(b':') {
                return self.syntax("':' after the member name");
            }
            self.bump();
            let v = self.value()?;
            members.push((key, v));
            self.ws();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b'}') => {
                    self.bump();
                    return Ok(Json::Object(members));
                }
                _ => return self.syntax("',' or '}' in the object"),
            }
        }
    }

    fn array(&mut self) -> Result<Json<'a>> {
        self.bump(); // [
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.bump();
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.ws();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b']') => {
                    self.bump();
                    return Ok(Json::Array(items));
                }
                _ => return self.syntax("',' or ']' in the array"),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.bump();
        }
        self.i.saturating_sub(start)
    }

    fn number(&mut self) -> Result<Json<'a>> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.bump();
        }
        match self.peek() {
            Some(b'0') => self.bump(),
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return self.syntax("a digit"),
        }
        if self.peek() == Some(b'.') {
            self.bump();
            if self.digits() == 0 {
                return self.syntax("a digit after the decimal point");
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.bump();
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.bump();
            }
            if self.digits() == 0 {
                return self.syntax("a digit in the exponent");
            }
        }
        Ok(Json::Number(Cow::Borrowed(
            self.text.get(start..self.i).unwrap_or_default(),
        )))
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self
            .text
            .get(self.i..self.i.saturating_add(4))
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        match digits.and_then(|h| u32::from_str_radix(h, 16).ok()) {
            Some(v) => {
                self.i = self.i.saturating_add(4);
                Ok(v)
            }
            None => self.syntax("four hex digits after \\u"),
        }
    }

    fn string(&mut self) -> Result<Cow<'a, str>> {
        self.bump(); // "
        let start = self.i;
        // Escapes force a copy; without them the string is a slice of the text.
        let mut out: Option<String> = None;
        let mut run = self.i;
        loop {
            match self.peek() {
                None => return self.syntax("the closing '\"' of the string"),
                Some(b'"') => {
                    let tail = self.text.get(run..self.i).unwrap_or_default();
                    let whole = self.text.get(start..self.i).unwrap_or_default();
                    self.bump();
                    return Ok(match out {
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                        None => Cow::Borrowed(whole),
                    });
                }
                Some(b'\\') => {
                    let buf = out.get_or_insert_with(String::new);
                    buf.push_str(self.text.get(run..self.i).unwrap_or_default());
                    self.bump();
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.bump();
                            let c = self.unicode_escape()?;
                            out.get_or_insert_with(String::new).push(c);
                            run = self.i;
                            continue;
                        }
                        _ => {
                            return self
                                .syntax("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)")
                        }
                    };
                    buf.push(c);
                    self.bump();
                    run = self.i;
                }
                Some(0..=0x1f) => return self.syntax("no raw control character inside a string"),
                // Plain text: jump to the next quote, backslash or control byte.
                Some(_) => {
                    let n = plain_run(self.b.get(self.i..).unwrap_or_default());
                    self.i = self.i.saturating_add(n.max(1));
                }
            }
        }
    }

    /// `\uXXXX`, joining surrogate pairs; a lone surrogate becomes U+FFFD.
    fn unicode_escape(&mut self) -> Result<char> {
        let hi = self.hex4()?;
        if (0xD800..0xDC00).contains(&hi)
            && self.b.get(self.i..self.i.saturating_add(2)) == Some(b"\\u")
        {
            let save = self.i;
            self.i = self.i.saturating_add(2);
            let lo = self.hex4()?;
            if (0xDC00..0xE000).contains(&lo) {
                let c = 0x10000u32
                    .saturating_add((hi.saturating_sub(0xD800) << 10) | lo.saturating_sub(0xDC00));
                return Ok(char::from_u32(c).unwrap_or('\u{FFFD}'));
            }
            self.i = save;
        }
        Ok(char::from_u32(hi).unwrap_or('\u{FFFD}'))
    }
}

/// Length of the leading run of bytes that need no attention inside a string
/// (no `"`, backslash or control byte), eight bytes at a time: form texts are long.
fn plain_run(b: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // High bit set in each byte of `v` that is zero (and possibly in later
    // bytes); it only stops the fast loop, the byte loop decides.
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let mut i = 0usize;
    while let Some(word) = b
        .get(i..i.saturating_add(8))
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        let x = u64::from_le_bytes(word);
        // Eight bytes of multi-byte UTF-8 (Chinese text): none needs a look.
        if x & HIGH == HIGH {
            i = i.saturating_add(8);
            continue;
        }
        let quote = zero_byte(x ^ 0x2222_2222_2222_2222);
        let backslash = zero_byte(x ^ 0x5C5C_5C5C_5C5C_5C5C);
        let control = x.wrapping_sub(0x2020_2020_2020_2020) & !x & HIGH;
        if quote | backslash | control != 0 {
            break;
        }
        i = i.saturating_add(8);
    }
    while let Some(&c) = b.get(i) {
        if c == b'"' || c == b'\\' || c < 0x20 {
            break;
        }
        i = i.saturating_add(1);
    }
    i
}
