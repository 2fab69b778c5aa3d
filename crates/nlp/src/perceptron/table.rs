//! The feature-key index of a model: keys sorted, plus a directory on their high bits.
//!
//! Loading sorted keys is one sequential pass (no hashing, no random writes), which keeps model
//! load time low; a lookup reads one directory slot and scans the keys it points at (about one
//! on average).

/// Sorted feature keys with the entry range of each.
#[derive(Debug, Clone)]
pub(crate) struct RowTable {
    /// (key, first entry) per row, then a sentinel (u32::MAX, entry count): row `i`'s entries
    /// are `rows[i].1..rows[i + 1].1`. Key and range sit in one cache line.
    rows: Vec<(u32, u32)>,
    /// `directory[b]..directory[b + 1]` are the rows whose key's top bits equal `b`.
    directory: Vec<u32>,
    shift: u32,
}

impl RowTable {
    /// Builds the table from keys in strictly increasing order and their entry starts (one more
    /// than keys).
    pub fn from_sorted(keys: Vec<u32>, starts: Vec<u32>) -> RowTable {
        debug_assert!(keys.windows(2).all(|w| w[0] < w[1]));
        debug_assert_eq!(starts.len(), keys.len() + 1);
        // About one key per directory slot.
        let bits = (usize::BITS - keys.len().max(1).leading_zeros()).clamp(1, 24);
        let shift = 32 - bits;
        let slots = 1usize << bits;
        let mut directory = Vec::with_capacity(slots + 1);
        let mut row = 0usize;
        for slot in 0..slots {
            while row < keys.len() && ((keys[row] >> shift) as usize) < slot {
                row += 1;
            }
            directory.push(row as u32);
        }
        directory.push(keys.len() as u32);
        let mut rows: Vec<(u32, u32)> = keys.iter().copied().zip(starts.iter().copied()).collect();
        rows.push((u32::MAX, starts.last().copied().unwrap_or(0)));
        RowTable {
            rows,
            directory,
            shift,
        }
    }

    /// The entry range of `key`, if it has a row.
    #[inline]
    pub fn get(&self, key: u32) -> Option<(usize, usize)> {
        let slot = (key >> self.shift) as usize;
        let (low, high) = (
            *self.directory.get(slot)? as usize,
            *self.directory.get(slot + 1)? as usize,
        );
        let row = low + self.rows[low..high].iter().position(|&(k, _)| k == key)?;
        Some((self.rows[row].1 as usize, self.rows[row + 1].1 as usize))
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len().saturating_sub(1)
    }

    /// Rows in key order: (key, entry range).
    pub fn rows(&self) -> impl Iterator<Item = (u32, std::ops::Range<usize>)> + '_ {
        self.rows
            .windows(2)
            .map(|pair| (pair[0].0, pair[0].1 as usize..pair[1].1 as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_nothing_else() {
        let keys: Vec<u32> = (0..1000u32)
            .map(|i| i.wrapping_mul(2_654_435_761) | 1)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let starts: Vec<u32> = (0..=keys.len() as u32).map(|i| i * 2).collect();
        let table = RowTable::from_sorted(keys.clone(), starts);
        for (row, &key) in keys.iter().enumerate() {
            assert_eq!(table.get(key), Some((row * 2, row * 2 + 2)));
        }
        assert_eq!(table.get(0), None);
        assert_eq!(table.get(u32::MAX - 1), None);
        let empty = RowTable::from_sorted(Vec::new(), vec![0]);
        assert_eq!(empty.get(7), None);
    }
}
