//! The currency and country catalogue: the reference rows every Medusa database holds.
//!
//! Medusa does not put these rows in its migrations; it inserts them at boot when the tables
//! are empty. [`ensure_catalogue`] does the same, so a database we migrated ourselves holds
//! exactly what a Medusa-created one does, and an existing Medusa database is left alone.

mod data;

use medusa_core::Result;
use medusa_entity::{country, currency};
use sea_orm::{ActiveValue::NotSet, ConnectionTrait, EntityTrait, PaginatorTrait, Set};

/// One ISO 4217 currency as Medusa stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrencyEntry {
    /// Lower-case ISO code, e.g. `eur`.
    pub code: &'static str,
    pub symbol: &'static str,
    pub symbol_native: &'static str,
    pub name: &'static str,
}

/// One ISO 3166-1 country as Medusa stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountryEntry {
    /// Lower-case alpha-2 code, e.g. `de`.
    pub iso_2: &'static str,
    /// Lower-case alpha-3 code, e.g. `deu`.
    pub iso_3: &'static str,
    pub num_code: i32,
    /// Upper-case English name, e.g. `GERMANY`.
    pub name: &'static str,
    pub display_name: &'static str,
}

/// The 120 currencies, in the order Medusa inserts them.
pub fn currencies() -> &'static [CurrencyEntry] {
    data::CURRENCIES
}

/// The 250 countries, in the order Medusa inserts them (their serial ids follow it).
pub fn countries() -> &'static [CountryEntry] {
    data::COUNTRIES
}

/// Whether `code` is an ISO 3166-1 alpha-2 code, in any letter case.
pub fn is_iso_country(code: &str) -> bool {
    data::COUNTRIES
        .iter()
        .any(|c| c.iso_2.eq_ignore_ascii_case(code))
}

/// What [`ensure_catalogue`] inserted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CatalogueReport {
    pub currencies_inserted: usize,
    pub countries_inserted: usize,
}

/// Fills the `currency` and `country` tables when they are empty, as Medusa's boot does.
/// A table that already has rows is not touched, even if it lacks some entries.
pub async fn ensure_catalogue<C: ConnectionTrait>(conn: &C) -> Result<CatalogueReport> {
    let mut report = CatalogueReport::default();
    if currency::Entity::find().count(conn).await? == 0 {
        let rows = data::CURRENCIES.iter().map(|c| currency::ActiveModel {
            code: Set(c.code.to_owned()),
            symbol: Set(c.symbol.to_owned()),
            symbol_native: Set(c.symbol_native.to_owned()),
            name: Set(c.name.to_owned()),
        });
        currency::Entity::insert_many(rows).exec(conn).await?;
        report.currencies_inserted = data::CURRENCIES.len();
    }
    if country::Entity::find().count(conn).await? == 0 {
        // The id is a serial: leaving it unset keeps the sequence in step with the rows.
        let rows = data::COUNTRIES.iter().map(|c| country::ActiveModel {
            id: NotSet,
            iso_2: Set(c.iso_2.to_owned()),
            iso_3: Set(c.iso_3.to_owned()),
            num_code: Set(c.num_code),
            name: Set(c.name.to_owned()),
            display_name: Set(c.display_name.to_owned()),
            region_id: Set(None),
        });
        country::Entity::insert_many(rows).exec(conn).await?;
        report.countries_inserted = data::COUNTRIES.len();
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_lower_case_and_well_formed() {
        let codes: HashSet<_> = currencies().iter().map(|c| c.code).collect();
        assert_eq!(codes.len(), 120);
        assert!(currencies()
            .iter()
            .all(|c| c.code.len() == 3 && c.code.bytes().all(|b| b.is_ascii_lowercase())));
        let isos: HashSet<_> = countries().iter().map(|c| c.iso_2).collect();
        assert_eq!(isos.len(), 250);
        assert!(countries().iter().all(|c| c.iso_2.len() == 2
            && c.iso_3.len() == 3
            && c.iso_2.bytes().all(|b| b.is_ascii_lowercase())));
    }

    #[test]
    fn starts_like_medusa() {
        let first: Vec<_> = currencies().iter().take(3).map(|c| c.code).collect();
        assert_eq!(first, ["usd", "cad", "eur"]);
        assert_eq!(countries()[0].iso_2, "af");
        assert!(is_iso_country("DE") && is_iso_country("gb"));
        assert!(!is_iso_country("xx") && !is_iso_country("deu"));
    }
}
