//! How results cross to JS: any `Serialize` value flattened into one array of
//! tokens and one array of UTF-16 text, which the module snippet `unflatten`
//! turns back into plain objects. The text crosses in one decode and every
//! string is a slice of it. Node decodes UTF-8 Chinese at about 3 ns a byte,
//! and serde-wasm-bindgen paid that plus a boundary call for every string:
//! a fifth of `validateForm` on the largest seed form.
//!
//! A token is `tag | n << 3`, where `n` counts the UTF-16 units of a string
//! or the members of an array or object (an object's keys are strings). The
//! shapes are serde_json's, so `JSON.stringify` of the rebuilt value is
//! byte-for-byte the native JSON (the parity tests check every fixture).
//!
//! Struct field names cross once: the first time as text, which the JS side
//! keeps in its key table, afterwards as their number in that table. Making
//! a property key of a fresh string costs V8 a string-table lookup each time.

use serde::ser::{self, Serialize};
use std::cell::RefCell;
use std::fmt;

/// `n` = 0 null, 1 false, 2 true.
const CONST: u32 = 0;
/// A field name the JS key table already holds at index `n`.
const KEY: u32 = 1;
/// A field name of `n` units, appended to the JS key table.
const NEW_KEY: u32 = 2;
const STR: u32 = 3;
/// An integer in 0..2³², in the next token.
const U32: u32 = 4;
const ARRAY: u32 = 5;
const OBJECT: u32 = 6;
/// Any other number: the next two tokens are its f64 bits, low half first.
const F64: u32 = 7;

thread_local! {
    /// The field names the JS key table holds, in its order (address and
    /// length of each `&'static str`: the same literal is the same place).
    static KEYS: RefCell<Vec<(usize, usize)>> = const { RefCell::new(Vec::new()) };
}

/// How many field names the JS key table holds.
pub fn known_keys() -> usize {
    KEYS.with(|k| k.borrow().len())
}

pub struct Flat {
    pub tokens: Vec<u32>,
    pub text: Vec<u16>,
    /// Field names sent as text, to enter the key table once JS has them.
    new_keys: Vec<(usize, usize)>,
    /// Where in the key table the last field name was found.
    last_key: usize,
}

/// A string or collection too long for a token (bounded input never is).
#[derive(Debug)]
pub struct TooLarge;

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("value too large to flatten")
    }
}

impl std::error::Error for TooLarge {}

impl ser::Error for TooLarge {
    fn custom<T: fmt::Display>(_: T) -> TooLarge {
        TooLarge
    }
}

fn token(tag: u32, n: usize) -> Result<u32, TooLarge> {
    u32::try_from(n)
        .ok()
        .filter(|&n| n < 1 << 29)
        .map(|n| tag | n << 3)
        .ok_or(TooLarge)
}

impl Flat {
    /// Room for a report with a dozen findings, so the buffers rarely grow.
    pub fn with_capacity() -> Flat {
        Flat {
            tokens: Vec::with_capacity(512),
            text: Vec::with_capacity(4096),
            new_keys: Vec::new(),
            last_key: 0,
        }
    }

    /// Records that JS has rebuilt the value: its new field names are known.
    pub fn delivered(self) {
        KEYS.with(|k| k.borrow_mut().extend(self.new_keys));
    }

    fn text_token(&mut self, tag: u32, s: &str) -> Result<(), TooLarge> {
        let start = self.text.len();
        self.text.extend(s.encode_utf16());
        let t = token(tag, self.text.len().saturating_sub(start))?;
        self.tokens.push(t);
        Ok(())
    }

    fn string(&mut self, s: &str) -> Result<(), TooLarge> {
        self.text_token(STR, s)
    }

    fn key(&mut self, name: &'static str) -> Result<(), TooLarge> {
        let id = (name.as_ptr() as usize, name.len());
        // A struct's fields entered the table in order, so the next field is
        // usually the entry after the last one found.
        let next = self.last_key.saturating_add(1);
        let known = KEYS.with(|k| {
            let k = k.borrow();
            match k.get(next) {
                Some(&x) if x == id => Some(next),
                _ => k.iter().position(|&x| x == id),
            }
        });
        if let Some(index) = known {
            self.last_key = index;
        }
        let pending = || self.new_keys.iter().position(|&x| x == id);
        match known.or_else(|| pending().map(|p| p.saturating_add(KEYS.with(|k| k.borrow().len()))))
        {
            Some(index) => {
                let t = token(KEY, index)?;
                self.tokens.push(t);
                Ok(())
            }
            None => {
                self.new_keys.push(id);
                self.text_token(NEW_KEY, name)
            }
        }
    }

    fn float(&mut self, v: f64) {
        let bits = v.to_bits();
        // The casts keep the low and the high half of the bits.
        self.tokens.extend([F64, bits as u32, (bits >> 32) as u32]);
    }

    fn integer(&mut self, v: i128) {
        match u32::try_from(v) {
            Ok(n) => self.tokens.extend([U32, n]),
            // Beyond 2⁵³ JS numbers are inexact anyway; no result carries such.
            Err(_) => self.float(v as f64),
        }
    }

    /// Opens an array or object; its count is filled in when it closes.
    fn open(&mut self, tag: u32) -> Compound<'_> {
        let at = self.tokens.len();
        self.tokens.push(tag);
        Compound {
            flat: self,
            at,
            tag,
            count: 0,
        }
    }

    /// `{ variant: … }`, serde_json's shape for data-carrying enum variants.
    fn variant(&mut self, name: &str) -> Result<(), TooLarge> {
        self.tokens.push(token(OBJECT, 1)?);
        self.string(name)
    }
}

pub struct Compound<'a> {
    flat: &'a mut Flat,
    at: usize,
    tag: u32,
    count: usize,
}

impl Compound<'_> {
    fn member<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TooLarge> {
        self.count = self.count.saturating_add(1);
        value.serialize(&mut *self.flat)
    }

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), TooLarge> {
        self.flat.key(key)?;
        self.member(value)
    }

    fn close(self) -> Result<(), TooLarge> {
        let t = token(self.tag, self.count)?;
        if let Some(slot) = self.flat.tokens.get_mut(self.at) {
            *slot = t;
        }
        Ok(())
    }
}

/// `serialize_i8` … `serialize_u64`: every integer type goes through `integer`.
macro_rules! integers {
    ($($method:ident : $ty:ty),*) => {$(
        fn $method(self, v: $ty) -> Result<(), TooLarge> {
            self.integer(v.into());
            Ok(())
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Flat {
    type Ok = ();
    type Error = TooLarge;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), TooLarge> {
        self.tokens
            .push(if v { CONST | 2 << 3 } else { CONST | 1 << 3 });
        Ok(())
    }
    integers!(
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64
    );
    fn serialize_f32(self, v: f32) -> Result<(), TooLarge> {
        self.float(v.into());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), TooLarge> {
        self.float(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), TooLarge> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), TooLarge> {
        self.string(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), TooLarge> {
        let mut seq = self.open(ARRAY);
        for b in v {
            seq.member(b)?;
        }
        seq.close()
    }
    fn serialize_none(self) -> Result<(), TooLarge> {
        self.tokens.push(CONST);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), TooLarge> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), TooLarge> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), TooLarge> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), TooLarge> {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), TooLarge> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), TooLarge> {
        self.variant(variant)?;
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, TooLarge> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, TooLarge> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, TooLarge> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, TooLarge> {
        self.variant(variant)?;
        Ok(self.open(ARRAY))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, TooLarge> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, TooLarge> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, TooLarge> {
        self.variant(variant)?;
        Ok(self.open(OBJECT))
    }
}

/// The serde traits for arrays (`$add` adds an element) and for objects
/// (`$add` adds a named field) all come down to `member` and `close`.
macro_rules! array_like {
    ($($trait:ident :: $add:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = TooLarge;
            fn $add<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TooLarge> {
                self.member(value)
            }
            fn end(self) -> Result<(), TooLarge> {
                self.close()
            }
        }
    )*};
}

macro_rules! struct_like {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = TooLarge;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), TooLarge> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), TooLarge> {
                self.close()
            }
        }
    )*};
}

array_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);
struct_like!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = TooLarge;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), TooLarge> {
        key.serialize(&mut *self.flat)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TooLarge> {
        self.member(value)
    }
    fn end(self) -> Result<(), TooLarge> {
        self.close()
    }
}
