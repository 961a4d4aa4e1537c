//! Tax rates and their product, product type and shipping option overrides.
//!
//! Owns the `tax_rate` table and its link tables `product_tax_rate`, `product_type_tax_rate`
//! and `shipping_tax_rate`, plus the query grammar particular to `/admin/tax-rates`: unlike
//! the other routes it takes `fields[]` and `expand[]` as arrays and answers with only the
//! selected columns, including the virtual link counts.

pub mod input;
pub mod query;
pub mod tax_rates;

pub use input::{CreateTaxRate, LinkIds, UpdateTaxRate};
pub use query::{plan_list, TaxRateField, TaxRateRelation, TaxRateSelection, TAX_RATE_LIST};
pub use tax_rates::{LinkKind, SeaTaxRateService, TaxRateService, TaxRateView};
