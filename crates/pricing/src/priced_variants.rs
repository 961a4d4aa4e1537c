//! `GET /admin/variants` and `GET /admin/variants/{id}` with Medusa's pricing decoration.
//!
//! The product crate reads the variants; this service puts on each the prices Medusa selects
//! for the request's region, currency and customer (`setAdminVariantPricing`): the candidate
//! prices replace `prices`, and `original_price`, `calculated_price`, their type, taxes and
//! tax rates are added. A variant left without a candidate keeps its plain `prices` and gets
//! none of those keys, as in Medusa.

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;
use chrono::Utc;
use medusa_core::{FeatureFlags, Flag, Result};
use medusa_entity::tax_rate;
use medusa_product::{ProductService, VariantPage, VariantView, PRICE_DECORATION_KEYS};
use medusa_query_dsl::{ListPlan, Selection};
use sea_orm::DatabaseConnection;
use serde_json::{json, Map, Value};

use crate::selection::{combined_rate, select, taxes, Context, Selected, Taxed};
use crate::variant_prices::{
    product_rates, region, taxed_product, Admission, LoadedPrice, PriceFacts,
};

/// The pricing context of `GET /admin/variants` (`AdminPriceSelectionParams`). `cart_id` is
/// accepted by the route and not used: there are no carts here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PriceSelectionParams {
    pub region_id: Option<String>,
    pub currency_code: Option<String>,
    pub customer_id: Option<String>,
}

/// Reading variants priced as Medusa's admin variant routes price them.
#[async_trait]
pub trait PricedVariantService: Send + Sync {
    /// `GET /admin/variants`, planned from `medusa_product::VARIANT_LIST`; 404 for an unknown
    /// `region_id`.
    async fn list_variants(
        &self,
        plan: &ListPlan,
        params: &PriceSelectionParams,
    ) -> Result<VariantPage>;
    /// `GET /admin/variants/{id}`: priced without a context, so with base prices only.
    async fn retrieve_variant(&self, id: &str, selection: &Selection) -> Result<VariantView>;
}

/// [`PricedVariantService`] over the database and the product crate's variant reads.
#[derive(Clone)]
pub struct SeaPricedVariantService {
    db: DatabaseConnection,
    products: Arc<dyn ProductService>,
    flags: FeatureFlags,
}

impl SeaPricedVariantService {
    pub fn new(
        db: DatabaseConnection,
        products: Arc<dyn ProductService>,
        flags: FeatureFlags,
    ) -> Self {
        Self {
            db,
            products,
            flags,
        }
    }
}

#[async_trait]
impl PricedVariantService for SeaPricedVariantService {
    async fn list_variants(
        &self,
        plan: &ListPlan,
        params: &PriceSelectionParams,
    ) -> Result<VariantPage> {
        let mut page = self.products.list_variants(plan).await?;
        let request = Request {
            params,
            include_discount_prices: true,
            keeps_prices: plan.selection.relations.iter().any(|n| n.name == "prices"),
            tax_inclusive: self.flags.is_enabled(Flag::TaxInclusivePricing),
        };
        decorate(&self.db, &mut page.variants, &request).await?;
        Ok(page)
    }

    async fn retrieve_variant(&self, id: &str, selection: &Selection) -> Result<VariantView> {
        let variant = self.products.retrieve_variant(id, selection).await?;
        let request = Request {
            params: &PriceSelectionParams::default(),
            include_discount_prices: false,
            keeps_prices: selection.relations.iter().any(|n| n.name == "prices"),
            tax_inclusive: self.flags.is_enabled(Flag::TaxInclusivePricing),
        };
        let mut variants = vec![variant];
        decorate(&self.db, &mut variants, &request).await?;
        Ok(variants.remove(0))
    }
}

struct Request<'a> {
    params: &'a PriceSelectionParams,
    include_discount_prices: bool,
    /// The read selected `prices`, so a variant without candidates shows its plain prices.
    keeps_prices: bool,
    tax_inclusive: bool,
}

/// The region's part of the context: its currency replaces the requested one, and its rates
/// (the page's one product's overrides, else the region's default) tax the prices.
struct RegionTerms {
    id: String,
    currency_code: String,
    automatic_taxes: bool,
    rates: Value,
    rate: f64,
}

async fn region_terms<C: medusa_load::Connection>(
    conn: &C,
    region_id: &str,
    variant_ids: &[String],
) -> Result<RegionTerms> {
    let region = region(conn, region_id).await?;
    let overrides = match taxed_product(conn, variant_ids).await? {
        Some(product_id) => product_rates(conn, &product_id, &region.id).await?,
        None => Vec::new(),
    };
    let (rates, rate) = if overrides.is_empty() {
        let percent = medusa_core::number::js_number(region.tax_rate);
        let rate = combined_rate([percent.as_f64()]);
        (
            json!([{"rate": percent, "name": "default", "code": "default"}]),
            rate,
        )
    } else {
        let rate = combined_rate(overrides.iter().map(rate_percent));
        (
            serde_json::to_value(&overrides).unwrap_or(Value::Null),
            rate,
        )
    };
    Ok(RegionTerms {
        id: region.id,
        currency_code: region.currency_code,
        automatic_taxes: region.automatic_taxes,
        rates,
        rate,
    })
}

/// A rate's percentage as JavaScript reads the `real` column.
fn rate_percent(rate: &tax_rate::Model) -> Option<f64> {
    rate.rate
        .and_then(|r| medusa_core::number::js_number(r).as_f64())
}

async fn decorate<C: medusa_load::Connection>(
    conn: &C,
    variants: &mut [VariantView],
    request: &Request<'_>,
) -> Result<()> {
    let ids: Vec<String> = variants.iter().map(|v| v.id().to_owned()).collect();
    let params = request.params;
    // Medusa reads the region before any price, so an unknown one is a 404 even for no variants.
    let region = match &params.region_id {
        Some(region_id) => Some(region_terms(conn, region_id, &ids).await?),
        None => None,
    };
    if variants.is_empty() {
        return Ok(());
    }
    let PriceFacts {
        prices,
        inclusion,
        audiences,
        customer_groups,
    } = PriceFacts::load(
        conn,
        &ids,
        request.tax_inclusive,
        params.customer_id.as_deref(),
    )
    .await?;
    let admission = Admission {
        region_id: region.as_ref().map(|r| r.id.as_str()),
        currency_code: region
            .as_ref()
            .map(|r| r.currency_code.as_str())
            .or(params.currency_code.as_deref()),
        customer_id: params.customer_id.as_deref(),
        customer_groups,
        include_discount_prices: request.include_discount_prices,
        now: Utc::now(),
    };
    let context = Context {
        region_id: admission.region_id,
        currency_code: admission.currency_code,
        quantity: None,
        tax_rate: region.as_ref().map(|r| r.rate),
        tax_inclusive: request.tax_inclusive,
    };
    let mut by_variant: HashMap<&str, Vec<&LoadedPrice>> = HashMap::new();
    for price in &prices {
        by_variant.entry(&price.variant_id).or_default().push(price);
    }
    for variant in variants.iter_mut() {
        let own = by_variant.remove(variant.id()).unwrap_or_default();
        let admitted: Vec<&LoadedPrice> = own
            .iter()
            .copied()
            .filter(|p| admission.admits(p, &audiences))
            .collect();
        let json = variant.as_json_mut();
        if admitted.is_empty() {
            undecorated(json, &own, request.keeps_prices);
            continue;
        }
        let candidates: Vec<_> = admitted.iter().map(|p| p.candidate(&inclusion)).collect();
        let selected = select(&candidates, &context);
        let taxed = region
            .as_ref()
            .filter(|r| r.automatic_taxes)
            .map(|r| (taxes(&selected, r.rate), r.rates.clone()));
        json.insert(
            "prices".into(),
            Value::Array(admitted.iter().map(|p| price_json(p)).collect()),
        );
        write_selection(json, &selected, taxed, request.tax_inclusive);
    }
    Ok(())
}

/// A candidate price as Medusa's selection returns it: with its price list and variant.
fn price_json(price: &LoadedPrice) -> Value {
    let mut json = match serde_json::to_value(&price.price) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let list = price
        .list
        .as_ref()
        .and_then(|l| serde_json::to_value(l).ok())
        .unwrap_or(Value::Null);
    json.insert("price_list".into(), list);
    json.insert("variant_id".into(), Value::String(price.variant_id.clone()));
    Value::Object(json)
}

/// A variant no candidate is left for: Medusa assigns it nothing, so it keeps the prices its
/// read loaded (every live price, price lists' too) and has no pricing keys.
fn undecorated(json: &mut Map<String, Value>, own: &[&LoadedPrice], keeps_prices: bool) {
    for key in PRICE_DECORATION_KEYS {
        json.remove(*key);
    }
    if keeps_prices {
        let prices = own
            .iter()
            .filter_map(|p| serde_json::to_value(&p.price).ok())
            .collect();
        json.insert("prices".into(), Value::Array(prices));
    } else {
        json.remove("prices");
    }
}

fn write_selection(
    json: &mut Map<String, Value>,
    selected: &Selected,
    taxed: Option<(Taxed, Value)>,
    tax_inclusive: bool,
) {
    let number = |n: Option<i64>| n.map_or(Value::Null, Value::from);
    json.insert("original_price".into(), number(selected.original_price));
    json.insert("calculated_price".into(), number(selected.calculated_price));
    match selected.calculated_price_type {
        Some(kind) => json.insert("calculated_price_type".into(), json!(kind)),
        None => json.remove("calculated_price_type"),
    };
    if tax_inclusive {
        let flag = |b: Option<bool>| b.map_or(Value::Null, Value::Bool);
        json.insert(
            "original_price_includes_tax".into(),
            flag(selected.original_price_includes_tax),
        );
        json.insert(
            "calculated_price_includes_tax".into(),
            flag(selected.calculated_price_includes_tax),
        );
    }
    let (taxed, rates) = taxed.unwrap_or((Taxed::default(), Value::Null));
    json.insert(
        "original_price_incl_tax".into(),
        number(taxed.original_price_incl_tax),
    );
    json.insert(
        "calculated_price_incl_tax".into(),
        number(taxed.calculated_price_incl_tax),
    );
    json.insert("original_tax".into(), number(taxed.original_tax));
    json.insert("calculated_tax".into(), number(taxed.calculated_tax));
    json.insert("tax_rates".into(), rates);
}
