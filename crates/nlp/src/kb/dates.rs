//! Dates of office terms, known to the day, the month or only the year.

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Compared as ordinal days `year * 10000 + month * 100 + day`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    /// Year.
    pub year: u16,
    /// Month 1–12, if known.
    pub month: Option<u8>,
    /// Day 1–31, if known.
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a date prefix such as `2025-08-19T10:00` too).
    pub fn parse(text: &str) -> Option<PartialDate> {
        let text = match text.split_once('T') {
            Some((date, _)) if date.len() == 10 => date,
            _ => text,
        };
        let mut parts = text.split('-');
        let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
        let month: Option<u8> = match parts.next() {
            Some(m) => Some(m.parse().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day: Option<u8> = match parts.next() {
            Some(d) if month.is_some() => Some(d.parse().ok().filter(|d| (1..=31).contains(d))?),
            Some(_) => return None,
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate { year, month, day })
    }

    /// The earliest day the date can mean, as an ordinal.
    pub fn first_day(&self) -> u32 {
        ordinal(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The latest day the date can mean, as an ordinal.
    pub fn last_day(&self) -> u32 {
        ordinal(self.year, self.month.unwrap_or(12), self.day.unwrap_or(31))
    }
}

/// A day as a comparable number.
pub fn ordinal(year: u16, month: u8, day: u8) -> u32 {
    u32::from(year) * 10_000 + u32::from(month) * 100 + u32::from(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_all_precisions() {
        let d = PartialDate::parse("2022-05").unwrap();
        assert_eq!((d.first_day(), d.last_day()), (20_220_501, 20_220_531));
        assert_eq!(
            PartialDate::parse("2025-08-19T10:00").unwrap().first_day(),
            20_250_819
        );
        assert!(PartialDate::parse("2022-13").is_none());
        assert!(PartialDate::parse("22-01-01").is_none());
        assert!(PartialDate::parse("2022-01-01-01").is_none());
    }

    proptest! {
        #[test]
        fn never_panics_and_first_is_not_after_last(text in "\\PC{0,14}") {
            if let Some(date) = PartialDate::parse(&text) {
                prop_assert!(date.first_day() <= date.last_day());
            }
        }
    }
}
