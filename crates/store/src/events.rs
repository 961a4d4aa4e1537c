//! The events the store records, as Medusa names them.

medusa_events::events! {
    /// A currency's `includes_tax` changed; the payload names it by code.
    CurrencyUpdated = "currency.updated" { code: String }
}
