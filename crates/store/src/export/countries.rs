//! Country codes other formats need: GDELT's geography columns use FIPS 10-4, PLOVER's
//! locations a country name. From `data/gazetteer/country-codes.tsv` (GeoNames).

use std::collections::HashMap;
use std::sync::OnceLock;

const COUNTRY_CODES: &str = include_str!("../../../../data/gazetteer/country-codes.tsv");

/// ISO3 → (FIPS 10-4, name).
#[derive(Debug)]
pub struct CountryCodes {
    by_iso3: HashMap<&'static str, (&'static str, &'static str)>,
}

impl CountryCodes {
    /// The bundled table, parsed once.
    pub fn bundled() -> &'static CountryCodes {
        static CODES: OnceLock<CountryCodes> = OnceLock::new();
        CODES.get_or_init(|| CountryCodes::parse(COUNTRY_CODES))
    }

    fn parse(text: &'static str) -> CountryCodes {
        let by_iso3 = text
            .lines()
            .filter(|line| !line.starts_with('#') && !line.starts_with("iso3\t"))
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let iso3 = fields.next()?;
                let _iso2 = fields.next()?;
                let fips = fields.next()?;
                let name = fields.next()?;
                Some((iso3, (fips, name)))
            })
            .collect();
        CountryCodes { by_iso3 }
    }

    /// FIPS 10-4 code of an ISO3 country ("UKR" → "UP").
    pub fn fips(&self, iso3: &str) -> Option<&'static str> {
        self.by_iso3
            .get(iso3)
            .map(|(fips, _)| *fips)
            .filter(|f| !f.is_empty())
    }

    /// English name of an ISO3 country.
    pub fn name(&self, iso3: &str) -> Option<&'static str> {
        self.by_iso3.get(iso3).map(|(_, name)| *name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fips_differs_from_iso() {
        let codes = CountryCodes::bundled();
        assert_eq!(codes.fips("UKR"), Some("UP"));
        assert_eq!(codes.fips("DEU"), Some("GM"));
        assert_eq!(codes.name("CHE"), Some("Switzerland"));
        assert_eq!(codes.fips("XYZ"), None);
    }
}
