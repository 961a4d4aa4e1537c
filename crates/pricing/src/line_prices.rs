//! The price Medusa puts on a line item: `PricingService.getProductVariantsPricing` as
//! `LineItemService.generate` calls it (the region's currency, the customer's groups, price-list
//! prices included, each variant at its own quantity).
//!
//! The same loaders and the same pure `selection` as the admin variant reads; only the context
//! differs (a quantity per variant, a region always given).

use std::collections::HashMap;

use chrono::Utc;
use medusa_core::Result;
use medusa_entity::region;

use crate::selection::{combined_rate, select, Context, Selected};
use crate::variant_prices::{product_rates, taxed_product, Admission, LoadedPrice, PriceFacts};

/// One variant to price, at the quantity its line will have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariantQuantity {
    pub variant_id: String,
    pub quantity: i64,
}

/// The selected prices of these variants in `region` for `customer_id` (a variant without any
/// admitted price gets `Selected::default()`: no calculated price).
pub async fn select_line_prices<C: medusa_load::Connection>(
    conn: &C,
    region: &region::Model,
    customer_id: Option<&str>,
    variants: &[VariantQuantity],
    tax_inclusive: bool,
) -> Result<HashMap<String, Selected>> {
    let ids: Vec<String> = variants.iter().map(|v| v.variant_id.clone()).collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    // Medusa takes the tax rates of one product for the whole call (the first variant's).
    let overrides = match taxed_product(conn, &ids).await? {
        Some(product_id) => product_rates(conn, &product_id, &region.id).await?,
        None => Vec::new(),
    };
    let rate = if overrides.is_empty() {
        combined_rate([medusa_core::number::js_number(region.tax_rate).as_f64()])
    } else {
        combined_rate(overrides.iter().map(|r| {
            r.rate
                .and_then(|r| medusa_core::number::js_number(r).as_f64())
        }))
    };
    let PriceFacts {
        prices,
        inclusion,
        audiences,
        customer_groups,
    } = PriceFacts::load(conn, &ids, tax_inclusive, customer_id).await?;
    let admission = Admission {
        region_id: Some(region.id.as_str()),
        currency_code: Some(region.currency_code.as_str()),
        customer_id,
        customer_groups,
        include_discount_prices: true,
        now: Utc::now(),
    };
    let mut by_variant: HashMap<&str, Vec<&LoadedPrice>> = HashMap::new();
    for price in &prices {
        by_variant.entry(&price.variant_id).or_default().push(price);
    }
    let mut out = HashMap::new();
    for wanted in variants {
        let candidates: Vec<_> = by_variant
            .get(wanted.variant_id.as_str())
            .map(|own| {
                own.iter()
                    .filter(|p| admission.admits(p, &audiences))
                    .map(|p| p.candidate(&inclusion))
                    .collect()
            })
            .unwrap_or_default();
        let context = Context {
            region_id: admission.region_id,
            currency_code: admission.currency_code,
            quantity: Some(wanted.quantity),
            tax_rate: Some(rate),
            tax_inclusive,
        };
        out.insert(wanted.variant_id.clone(), select(&candidates, &context));
    }
    Ok(out)
}
