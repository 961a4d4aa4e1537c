//! Regions: listing, retrieving, creating, updating and soft-deleting them, their countries and
//! their payment and fulfillment providers, with Medusa 1.20's checks and messages.

use crate::events;
use crate::input::CreateRegion;
use async_trait::async_trait;
use medusa_core::{time, Error, FeatureFlags, ListPage, Result};
use medusa_entity::{
    country, fulfillment_provider, payment_provider, region, region_fulfillment_providers,
    region_payment_providers,
};
use medusa_load::live_or;
use medusa_query_dsl::{ListPlan, Selection};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, Set, TransactionTrait,
};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::providers::ProviderRegistry;

mod checks;
mod spec;
mod view;
mod write;

pub(crate) use spec::REGION_FIELDS_TAX_INCLUSIVE;
pub use spec::{REGION_LIST, REGION_RETRIEVE};
pub use view::RegionView;
pub use write::{create_region_in, Pinned};

use checks::*;
use view::{load_views, Loads};
use write::*;

const REGION_ID_PREFIX: &str = "reg";

/// `GET /admin/regions/{id}/fulfillment-options`: one entry per fulfillment provider of the
/// region.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FulfillmentOptions {
    pub provider_id: String,
    pub options: Vec<Value>,
}

/// Changes to a region (`POST /admin/regions/{id}`). `None` leaves a field alone; for the
/// nullable columns `Some(None)` clears it. Lists replace the region's set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UpdateRegion {
    /// `Some(None)` (JSON `null`) is refused: the column is not nullable.
    pub name: Option<Option<String>>,
    pub currency_code: Option<String>,
    pub tax_code: Option<Option<String>>,
    pub tax_rate: Option<Option<f64>>,
    pub gift_cards_taxable: Option<Option<bool>>,
    pub automatic_taxes: Option<Option<bool>>,
    pub tax_provider_id: Option<Option<String>>,
    pub payment_providers: Option<Vec<String>>,
    pub fulfillment_providers: Option<Vec<String>>,
    pub countries: Option<Vec<String>>,
    /// Merged into the stored metadata.
    pub metadata: Option<Map<String, Value>>,
    /// Only with the tax-inclusive pricing flag on.
    pub includes_tax: Option<bool>,
    /// The body's property names (in declaration order): the `fields` of `region.updated`.
    pub fields: Vec<String>,
}

/// Managing regions. Soft-deleted regions are invisible (404) except to a list with a
/// `deleted_at` filter. Every write records Medusa's `region.*` event in its transaction.
#[async_trait]
pub trait RegionService: Send + Sync {
    /// A page of regions as planned from [`REGION_LIST`], with the selected relations.
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<RegionView>>;
    /// One region with the relations of `selection` (planned from [`REGION_RETRIEVE`]).
    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<RegionView>;
    /// Creates a region; answers it with the default relations.
    async fn create(&self, input: CreateRegion) -> Result<RegionView>;
    async fn update(&self, id: &str, input: UpdateRegion) -> Result<RegionView>;
    /// Soft-deletes a region and releases its countries; 404 when missing.
    async fn delete(&self, id: &str) -> Result<()>;
    async fn add_country(&self, id: &str, country_code: &str) -> Result<RegionView>;
    /// A no-op when the region lacks the country (matched exactly on the lower-case code).
    async fn remove_country(&self, id: &str, country_code: &str) -> Result<RegionView>;
    async fn add_payment_provider(&self, id: &str, provider_id: &str) -> Result<RegionView>;
    async fn remove_payment_provider(&self, id: &str, provider_id: &str) -> Result<RegionView>;
    async fn add_fulfillment_provider(&self, id: &str, provider_id: &str) -> Result<RegionView>;
    async fn remove_fulfillment_provider(&self, id: &str, provider_id: &str) -> Result<RegionView>;
    async fn fulfillment_options(&self, id: &str) -> Result<Vec<FulfillmentOptions>>;
}

/// [`RegionService`] over the database, with the server's providers.
#[derive(Clone)]
pub struct SeaRegionService {
    db: DatabaseConnection,
    providers: ProviderRegistry,
    flags: FeatureFlags,
}

impl SeaRegionService {
    /// The regions of `db`; `includes_tax` is read and written only when `flags` have
    /// tax-inclusive pricing on.
    pub fn new(db: DatabaseConnection, providers: ProviderRegistry, flags: FeatureFlags) -> Self {
        Self {
            db,
            providers,
            flags,
        }
    }

    async fn default_view(&self, id: &str) -> Result<RegionView> {
        let region = live_region(&self.db, id).await?;
        let mut views = load_views(&self.db, vec![region], &Loads::all()).await?;
        crate::tax_inclusive::attach(&self.db, self.flags, &mut views).await?;
        views
            .pop()
            .ok_or_else(|| Error::UnexpectedState("a loaded region vanished".into()))
    }
}

pub(crate) fn region_not_found(id: &str) -> Error {
    Error::not_found(format!("Region with {id} was not found"))
}

async fn live_region<C: ConnectionTrait>(conn: &C, id: &str) -> Result<region::Model> {
    live_or::<region::Entity, _>(conn, id, || region_not_found(id)).await
}

#[async_trait]
impl RegionService for SeaRegionService {
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<RegionView>> {
        let db = &self.db;
        let (rows, count) = plan.rows_and_count(db, region::Entity::find()).await?;
        let mut items = load_views(db, rows, &Loads::of(&plan.selection)).await?;
        crate::tax_inclusive::attach(db, self.flags, &mut items).await?;
        Ok(plan.page("regions", items, count))
    }

    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<RegionView> {
        let region = live_region(&self.db, id).await?;
        let mut views = load_views(&self.db, vec![region], &Loads::of(selection)).await?;
        crate::tax_inclusive::attach(&self.db, self.flags, &mut views).await?;
        views
            .pop()
            .ok_or_else(|| Error::UnexpectedState("a loaded region vanished".into()))
    }

    async fn create(&self, input: CreateRegion) -> Result<RegionView> {
        let txn = self.db.begin().await?;
        let created = create_region_in(&txn, &input, Pinned::default()).await?;
        txn.commit().await?;
        self.default_view(&created.id).await
    }

    async fn update(&self, id: &str, input: UpdateRegion) -> Result<RegionView> {
        let txn = self.db.begin().await?;
        update_region_in(&txn, id, input).await?;
        txn.commit().await?;
        self.default_view(id).await
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let txn = self.db.begin().await?;
        let current = live_region(&txn, id).await?;
        let now = time::now();
        let mut row = current.into_active_model();
        row.deleted_at = Set(Some(now));
        row.updated_at = Set(now);
        row.update(&txn).await?;
        country::Entity::update_many()
            .col_expr(
                country::Column::RegionId,
                Expr::value(Option::<String>::None),
            )
            .filter(country::Column::RegionId.eq(id))
            .exec(&txn)
            .await?;
        medusa_events::record_event(&txn, &events::RegionDeleted { id: id.to_owned() }).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn add_country(&self, id: &str, country_code: &str) -> Result<RegionView> {
        let txn = self.db.begin().await?;
        // Medusa checks the country before it looks the region up.
        let row = validate_country(&txn, country_code, Some(id)).await?;
        live_region(&txn, id).await?;
        if row.region_id.as_deref() != Some(id) {
            claim_countries(&txn, id, std::slice::from_ref(&row)).await?;
            record_updated(&txn, id, &["countries"]).await?;
        }
        txn.commit().await?;
        self.default_view(id).await
    }

    async fn remove_country(&self, id: &str, country_code: &str) -> Result<RegionView> {
        let txn = self.db.begin().await?;
        live_region(&txn, id).await?;
        let released = country::Entity::update_many()
            .col_expr(
                country::Column::RegionId,
                Expr::value(Option::<String>::None),
            )
            .filter(country::Column::RegionId.eq(id))
            .filter(country::Column::Iso2.eq(country_code))
            .exec(&txn)
            .await?;
        if released.rows_affected > 0 {
            record_updated(&txn, id, &["countries"]).await?;
        }
        txn.commit().await?;
        self.default_view(id).await
    }

    async fn add_payment_provider(&self, id: &str, provider_id: &str) -> Result<RegionView> {
        let txn = self.db.begin().await?;
        live_region(&txn, id).await?;
        let linked =
            region_payment_providers::Entity::find_by_id((id.to_owned(), provider_id.to_owned()))
                .one(&txn)
                .await?
                .is_some();
        if !linked {
            if payment_provider::Entity::find_by_id(provider_id)
                .one(&txn)
                .await?
                .is_none()
            {
                return Err(Error::not_found(format!(
                    "Payment provider {provider_id} was not found"
                )));
            }
            link_payment_providers(&txn, id, &[provider_id.to_owned()]).await?;
            record_updated(&txn, id, &["payment_providers"]).await?;
        }
        txn.commit().await?;
        self.default_view(id).await
    }

    async fn remove_payment_provider(&self, id: &str, provider_id: &str) -> Result<RegionView> {
        let txn = self.db.begin().await?;
        live_region(&txn, id).await?;
        let removed = region_payment_providers::Entity::delete_many()
            .filter(region_payment_providers::Column::RegionId.eq(id))
            .filter(region_payment_providers::Column::ProviderId.eq(provider_id))
            .exec(&txn)
            .await?;
        if removed.rows_affected > 0 {
            record_updated(&txn, id, &["payment_providers"]).await?;
        }
        txn.commit().await?;
        self.default_view(id).await
    }

    async fn add_fulfillment_provider(&self, id: &str, provider_id: &str) -> Result<RegionView> {
        let txn = self.db.begin().await?;
        live_region(&txn, id).await?;
        let linked = region_fulfillment_providers::Entity::find_by_id((
            id.to_owned(),
            provider_id.to_owned(),
        ))
        .one(&txn)
        .await?
        .is_some();
        if !linked {
            if fulfillment_provider::Entity::find_by_id(provider_id)
                .one(&txn)
                .await?
                .is_none()
            {
                return Err(Error::not_found(format!(
                    "Fulfillment provider {provider_id} was not found"
                )));
            }
            link_fulfillment_providers(&txn, id, &[provider_id.to_owned()]).await?;
            record_updated(&txn, id, &["fulfillment_providers"]).await?;
        }
        txn.commit().await?;
        self.default_view(id).await
    }

    async fn remove_fulfillment_provider(&self, id: &str, provider_id: &str) -> Result<RegionView> {
        let txn = self.db.begin().await?;
        live_region(&txn, id).await?;
        let removed = region_fulfillment_providers::Entity::delete_many()
            .filter(region_fulfillment_providers::Column::RegionId.eq(id))
            .filter(region_fulfillment_providers::Column::ProviderId.eq(provider_id))
            .exec(&txn)
            .await?;
        if removed.rows_affected > 0 {
            record_updated(&txn, id, &["fulfillment_providers"]).await?;
        }
        txn.commit().await?;
        self.default_view(id).await
    }

    async fn fulfillment_options(&self, id: &str) -> Result<Vec<FulfillmentOptions>> {
        let region = live_region(&self.db, id).await?;
        let loads = Loads {
            fulfillment_providers: true,
            ..Loads::default()
        };
        let views = load_views(&self.db, vec![region], &loads).await?;
        let providers = views
            .into_iter()
            .flat_map(|view| view.fulfillment_providers.unwrap_or_default());
        let mut options = Vec::new();
        for provider in providers {
            // Medusa fails the whole answer for a provider recorded in the database but not
            // loaded in the server.
            let loaded = self.providers.fulfillment(&provider.id).ok_or_else(|| {
                Error::not_found(format!(
                    "Could not find a fulfillment provider with id: {}",
                    provider.id
                ))
            })?;
            options.push(FulfillmentOptions {
                provider_id: provider.id,
                options: loaded.fulfillment_options(),
            });
        }
        Ok(options)
    }
}
