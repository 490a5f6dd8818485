//! A set of characters as 1024 bits, built at compile time. The grammar asks
//! "could a word of this table begin here?" and "is this a traditional
//! character?" for nearly every character it reads, and the answer is nearly
//! always no: two bit tests say so. A character that shares both bits with
//! members (a few percent) just goes on to the exact check.

#[derive(Clone, Copy)]
pub struct CharSet([u64; 16]);

impl CharSet {
    pub const EMPTY: CharSet = CharSet([0; 16]);

    /// The set with `c` added.
    pub const fn with(self, c: u32) -> CharSet {
        let (h1, h2) = slots(c);
        let mut bits = self.0;
        let mut k = 0;
        while k < bits.len() {
            let (_, tail) = bits.split_at_mut(k);
            if let [word, ..] = tail {
                if k == (h1 >> 6) as usize {
                    *word |= 1u64.wrapping_shl(h1 & 63);
                }
                if k == (h2 >> 6) as usize {
                    *word |= 1u64.wrapping_shl(h2 & 63);
                }
            }
            k = k.saturating_add(1);
        }
        CharSet(bits)
    }

    /// The set with the first character of `word` added.
    pub const fn with_first_of(self, word: &str) -> CharSet {
        self.with(first_char(word.as_bytes()))
    }

    /// The set with the first character of each of `words` added.
    pub const fn with_first_of_each(self, words: &[&str]) -> CharSet {
        let mut set = self;
        let mut rest = words;
        while let [w, tail @ ..] = rest {
            set = set.with_first_of(w);
            rest = tail;
        }
        set
    }

    /// False only when `c` is certainly not in the set.
    pub fn may_contain(&self, c: char) -> bool {
        let (h1, h2) = slots(c as u32);
        let bit = |h: u32| {
            self.0
                .get((h >> 6) as usize)
                .is_some_and(|w| w.wrapping_shr(h & 63) & 1 == 1)
        };
        bit(h1) && bit(h2)
    }
}

/// A character's two bits: the top ten bits of two multiplicative hashes, so
/// that neighbouring code points (digits, common characters) spread out.
/// With two bits per member a non-member passes about one time in forty.
const fn slots(c: u32) -> (u32, u32) {
    (
        c.wrapping_mul(0x9E37_79B1) >> 22,
        c.wrapping_mul(0x85EB_CA6B) >> 22,
    )
}

/// The payload of a UTF-8 continuation byte.
const fn cont(b: u8) -> u32 {
    (b & 0x3F) as u32
}

/// The first character of UTF-8 `bytes` (0 when empty), decoded at compile time.
const fn first_char(bytes: &[u8]) -> u32 {
    match bytes {
        [b0, ..] if *b0 < 0x80 => *b0 as u32,
        [b0, b1, ..] if *b0 < 0xE0 => ((*b0 & 0x1F) as u32).wrapping_shl(6) | cont(*b1),
        [b0, b1, b2, ..] if *b0 < 0xF0 => {
            ((*b0 & 0x0F) as u32).wrapping_shl(12) | cont(*b1).wrapping_shl(6) | cont(*b2)
        }
        [b0, b1, b2, b3, ..] => {
            ((*b0 & 0x07) as u32).wrapping_shl(18)
                | cont(*b1).wrapping_shl(12)
                | cont(*b2).wrapping_shl(6)
                | cont(*b3)
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::{first_char, CharSet};

    #[test]
    fn members_are_found_and_first_characters_decode() {
        for w in ["%", "é", "个百分点", "𠀋年", ""] {
            assert_eq!(
                first_char(w.as_bytes()),
                w.chars().next().map_or(0, u32::from)
            );
        }
        let set = CharSet::EMPTY.with('數' as u32).with_first_of("个百分点");
        assert!(set.may_contain('數') && set.may_contain('个'));
        assert!(!CharSet::EMPTY.may_contain('个'));
    }
}
