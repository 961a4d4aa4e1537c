//! Regions with their countries, currency and providers.

use medusa_core::new_row::stamped;
use medusa_core::time::Timestamp;
use medusa_entity::{country, region, region_fulfillment_providers, region_payment_providers};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::Value;

/// A region; by default in `usd`, tax rate 0, automatic taxes, taxable gift cards, no
/// countries and no providers.
///
/// Countries and currencies are reference rows the migrations insert: `countries` assigns
/// existing countries (by ISO 3166-1 alpha-2 code) to the region. Providers must exist
/// (registered by the store) before a region names them.
#[must_use]
pub struct RegionBuilder {
    id: String,
    name: String,
    currency_code: String,
    tax_rate: f32,
    tax_code: Option<String>,
    automatic_taxes: bool,
    gift_cards_taxable: bool,
    tax_provider_id: Option<String>,
    metadata: Option<Value>,
    created_at: Timestamp,
    countries: Vec<String>,
    payment_providers: Vec<String>,
    fulfillment_providers: Vec<String>,
}

impl RegionBuilder {
    common_overrides!(id, metadata, created_at);

    pub fn new(name: &str) -> Self {
        Self {
            id: medusa_core::generate_id("reg"),
            name: name.to_owned(),
            currency_code: "usd".into(),
            tax_rate: 0.0,
            tax_code: None,
            automatic_taxes: true,
            gift_cards_taxable: true,
            tax_provider_id: None,
            metadata: None,
            created_at: super::now(),
            countries: Vec::new(),
            payment_providers: Vec::new(),
            fulfillment_providers: Vec::new(),
        }
    }

    pub fn currency(mut self, code: &str) -> Self {
        self.currency_code = code.to_owned();
        self
    }

    pub fn tax_rate(mut self, rate: f32) -> Self {
        self.tax_rate = rate;
        self
    }

    pub fn tax_code(mut self, code: &str) -> Self {
        self.tax_code = Some(code.to_owned());
        self
    }

    pub fn automatic_taxes(mut self, on: bool) -> Self {
        self.automatic_taxes = on;
        self
    }

    pub fn gift_cards_taxable(mut self, on: bool) -> Self {
        self.gift_cards_taxable = on;
        self
    }

    pub fn tax_provider(mut self, provider_id: &str) -> Self {
        self.tax_provider_id = Some(provider_id.to_owned());
        self
    }

    /// Assigns these countries (ISO 2 codes, lower case) to the region.
    pub fn countries<S: AsRef<str>>(mut self, iso_2: impl IntoIterator<Item = S>) -> Self {
        self.countries
            .extend(iso_2.into_iter().map(|c| c.as_ref().to_owned()));
        self
    }

    pub fn payment_provider(mut self, provider_id: &str) -> Self {
        self.payment_providers.push(provider_id.to_owned());
        self
    }

    pub fn fulfillment_provider(mut self, provider_id: &str) -> Self {
        self.fulfillment_providers.push(provider_id.to_owned());
        self
    }

    pub async fn insert<C: ConnectionTrait>(self, db: &C) -> region::Model {
        let row = region::ActiveModel {
            id: Set(self.id.clone()),
            name: Set(self.name),
            currency_code: Set(self.currency_code),
            tax_rate: Set(self.tax_rate),
            tax_code: Set(self.tax_code),
            metadata: Set(self.metadata),
            gift_cards_taxable: Set(self.gift_cards_taxable),
            automatic_taxes: Set(self.automatic_taxes),
            tax_provider_id: Set(self.tax_provider_id),
            ..stamped(self.created_at)
        }
        .insert(db)
        .await
        .unwrap_or_else(|e| panic!("inserting region {}: {e}", self.id));
        for provider_id in self.payment_providers {
            region_payment_providers::ActiveModel {
                region_id: Set(row.id.clone()),
                provider_id: Set(provider_id.clone()),
            }
            .insert(db)
            .await
            .unwrap_or_else(|e| panic!("payment provider {provider_id} of {}: {e}", row.id));
        }
        for provider_id in self.fulfillment_providers {
            region_fulfillment_providers::ActiveModel {
                region_id: Set(row.id.clone()),
                provider_id: Set(provider_id.clone()),
            }
            .insert(db)
            .await
            .unwrap_or_else(|e| panic!("fulfillment provider {provider_id} of {}: {e}", row.id));
        }
        if !self.countries.is_empty() {
            let assigned = country::Entity::update_many()
                .col_expr(country::Column::RegionId, Expr::value(row.id.clone()))
                .filter(country::Column::Iso2.is_in(self.countries.clone()))
                .exec(db)
                .await
                .unwrap_or_else(|e| panic!("assigning countries to {}: {e}", row.id));
            assert_eq!(
                assigned.rows_affected,
                self.countries.len() as u64,
                "unknown country among {:?}",
                self.countries
            );
        }
        row
    }
}
