//! Regions: listing, retrieving, creating, updating and soft-deleting them, their countries and
//! their payment and fulfillment providers, with Medusa 1.20's checks and messages.

use std::collections::{BTreeMap, BTreeSet};

use async_trait::async_trait;
use medusa_core::number::js_number;
use medusa_core::{generate_id, metadata, time, Error, FeatureFlags, ListPage, Result};
use medusa_entity::{
    country, currency, fulfillment_provider, payment_provider, region,
    region_fulfillment_providers, region_payment_providers, store, store_currencies, tax_provider,
};
use medusa_query_dsl::{
    Column, FieldKind, FilterSpec, ListPlan, Pagination, RelationSpec, ResourceSpec, Selection,
};
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    IntoActiveModel, Order, PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::providers::ProviderRegistry;

const REGION_ID_PREFIX: &str = "reg";

/// The region columns a client may select; also Medusa's default selection.
const REGION_FIELDS: &[&str] = &[
    "id",
    "name",
    "automatic_taxes",
    "gift_cards_taxable",
    "tax_provider_id",
    "currency_code",
    "tax_rate",
    "tax_code",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
];

const COUNTRY_FIELDS: &[&str] = &[
    "id",
    "iso_2",
    "iso_3",
    "num_code",
    "name",
    "display_name",
    "region_id",
];
const PROVIDER_FIELDS: &[&str] = &["id", "is_installed"];
const CURRENCY_FIELDS: &[&str] = &["code", "symbol", "symbol_native", "name"];

/// The only relations Medusa's region routes allow (`allowedRelations`); anything else is a 400.
const REGION_RELATIONS: &[RelationSpec] = &[
    RelationSpec::new("countries").fields(COUNTRY_FIELDS),
    RelationSpec::new("payment_providers").fields(PROVIDER_FIELDS),
    RelationSpec::new("fulfillment_providers").fields(PROVIDER_FIELDS),
    RelationSpec::new("currency").fields(CURRENCY_FIELDS),
];

const DEFAULT_RELATIONS: &[&str] = &[
    "countries",
    "payment_providers",
    "fulfillment_providers",
    "currency",
];

/// `GET /admin/regions`: Medusa's `AdminGetRegionsParams` (`q` on the name, date ranges,
/// limit 50, newest first).
pub static REGION_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination {
        default_limit: 50,
        max_limit: None,
    }),
    default_order: &[("created_at", Order::Desc)],
    sortable: &[
        "id",
        "name",
        "currency_code",
        "tax_rate",
        "tax_code",
        "gift_cards_taxable",
        "automatic_taxes",
        "tax_provider_id",
        "created_at",
        "updated_at",
        "deleted_at",
    ],
    filters: &[
        FilterSpec::range("created_at", FieldKind::Date),
        FilterSpec::range("updated_at", FieldKind::Date),
        FilterSpec::range("deleted_at", FieldKind::Date),
    ],
    searchable: &[Column::own("name")],
    expandable: true,
    relations: REGION_RELATIONS,
    default_relations: DEFAULT_RELATIONS,
    selectable: REGION_FIELDS,
    default_fields: REGION_FIELDS,
    list_fields: &["created_at"],
    soft_delete: true,
    ..ResourceSpec::new("regions", "region")
};

/// `GET /admin/regions/{id}`: `fields` and `expand` over the same relations.
pub static REGION_RETRIEVE: ResourceSpec = ResourceSpec {
    expandable: true,
    relations: REGION_RELATIONS,
    default_relations: DEFAULT_RELATIONS,
    selectable: REGION_FIELDS,
    default_fields: REGION_FIELDS,
    soft_delete: true,
    ..ResourceSpec::new("region", "region")
};

/// A region with the relations that were loaded (`None`: not loaded, so not serialized).
#[derive(Debug, Clone, PartialEq)]
pub struct RegionView {
    pub region: region::Model,
    pub countries: Option<Vec<country::Model>>,
    /// `Some(None)`: loaded, but the currency row is missing (serialized as `null`).
    pub currency: Option<Option<currency::Model>>,
    pub fulfillment_providers: Option<Vec<fulfillment_provider::Model>>,
    pub payment_providers: Option<Vec<payment_provider::Model>>,
    /// `None` with the tax-inclusive pricing flag off (not serialized); see [`crate::tax_inclusive`].
    pub includes_tax: Option<bool>,
}

impl Serialize for RegionView {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let region = &self.region;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &region.id)?;
        map.serialize_entry("created_at", &time::format(&region.created_at))?;
        map.serialize_entry("updated_at", &time::format(&region.updated_at))?;
        map.serialize_entry("deleted_at", &region.deleted_at.as_ref().map(time::format))?;
        map.serialize_entry("name", &region.name)?;
        map.serialize_entry("currency_code", &region.currency_code)?;
        map.serialize_entry("tax_rate", &js_number(region.tax_rate))?;
        map.serialize_entry("tax_code", &region.tax_code)?;
        map.serialize_entry("gift_cards_taxable", &region.gift_cards_taxable)?;
        map.serialize_entry("automatic_taxes", &region.automatic_taxes)?;
        map.serialize_entry("tax_provider_id", &region.tax_provider_id)?;
        map.serialize_entry("metadata", &region.metadata)?;
        if let Some(includes_tax) = self.includes_tax {
            map.serialize_entry("includes_tax", &includes_tax)?;
        }
        if let Some(countries) = &self.countries {
            map.serialize_entry("countries", countries)?;
        }
        if let Some(currency) = &self.currency {
            map.serialize_entry("currency", currency)?;
        }
        if let Some(providers) = &self.fulfillment_providers {
            map.serialize_entry("fulfillment_providers", providers)?;
        }
        if let Some(providers) = &self.payment_providers {
            map.serialize_entry("payment_providers", providers)?;
        }
        map.end()
    }
}

/// `GET /admin/regions/{id}/fulfillment-options`: one entry per fulfillment provider of the
/// region.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FulfillmentOptions {
    pub provider_id: String,
    pub options: Vec<Value>,
}

/// A new region (`POST /admin/regions`).
#[derive(Debug, Clone, PartialEq)]
pub struct CreateRegion {
    pub name: String,
    pub currency_code: String,
    pub tax_code: Option<String>,
    /// A percentage; Medusa accepts 0 to 100.
    pub tax_rate: f64,
    pub payment_providers: Vec<String>,
    pub fulfillment_providers: Vec<String>,
    /// ISO 3166-1 alpha-2 codes, any case.
    pub countries: Vec<String>,
    /// Stored as given, minus keys whose value is the empty string.
    pub metadata: Option<Map<String, Value>>,
    /// Only with the tax-inclusive pricing flag on.
    pub includes_tax: Option<bool>,
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
    region::Entity::find_by_id(id)
        .filter(region::Column::DeletedAt.is_null())
        .one(conn)
        .await?
        .ok_or_else(|| region_not_found(id))
}

/// Which relations to load.
#[derive(Debug, Clone, Copy, Default)]
struct Loads {
    countries: bool,
    currency: bool,
    payment_providers: bool,
    fulfillment_providers: bool,
}

impl Loads {
    fn all() -> Self {
        Self {
            countries: true,
            currency: true,
            payment_providers: true,
            fulfillment_providers: true,
        }
    }

    fn of(selection: &Selection) -> Self {
        Self {
            countries: selection.has_relation("countries"),
            currency: selection.has_relation("currency"),
            payment_providers: selection.has_relation("payment_providers"),
            fulfillment_providers: selection.has_relation("fulfillment_providers"),
        }
    }
}

/// Rows in physical order, which Medusa's unordered relation reads return on a table rarely
/// rewritten: `ctid` on PostgreSQL, `rowid` on SQLite.
fn physical_order<Q: QueryOrder, C: ConnectionTrait>(query: Q, conn: &C, table: &str) -> Q {
    match conn.get_database_backend() {
        DbBackend::Postgres => query.order_by(Expr::cust(format!("{table}.ctid")), Order::Asc),
        DbBackend::Sqlite => query.order_by(Expr::cust(format!("{table}.rowid")), Order::Asc),
        DbBackend::MySql => query,
    }
}

/// Loads the relations of a page of regions: one query per relation, whatever the page size.
async fn load_views<C: ConnectionTrait>(
    conn: &C,
    regions: Vec<region::Model>,
    loads: &Loads,
) -> Result<Vec<RegionView>> {
    let ids: Vec<String> = regions.iter().map(|r| r.id.clone()).collect();

    let mut countries: BTreeMap<String, Vec<country::Model>> = BTreeMap::new();
    if loads.countries && !ids.is_empty() {
        let rows = physical_order(
            country::Entity::find().filter(country::Column::RegionId.is_in(ids.clone())),
            conn,
            "country",
        )
        .all(conn)
        .await?;
        for row in rows {
            if let Some(region_id) = row.region_id.clone() {
                countries.entry(region_id).or_default().push(row);
            }
        }
    }

    let mut currencies: BTreeMap<String, currency::Model> = BTreeMap::new();
    if loads.currency && !ids.is_empty() {
        let codes: BTreeSet<String> = regions.iter().map(|r| r.currency_code.clone()).collect();
        for row in currency::Entity::find()
            .filter(currency::Column::Code.is_in(codes))
            .all(conn)
            .await?
        {
            currencies.insert(row.code.clone(), row);
        }
    }

    let mut payment: BTreeMap<String, Vec<payment_provider::Model>> = BTreeMap::new();
    if loads.payment_providers && !ids.is_empty() {
        let links = physical_order(
            region_payment_providers::Entity::find()
                .filter(region_payment_providers::Column::RegionId.is_in(ids.clone())),
            conn,
            "region_payment_providers",
        )
        .all(conn)
        .await?;
        let providers: BTreeMap<String, payment_provider::Model> = payment_provider::Entity::find()
            .filter(
                payment_provider::Column::Id.is_in(
                    links
                        .iter()
                        .map(|l| l.provider_id.clone())
                        .collect::<Vec<_>>(),
                ),
            )
            .all(conn)
            .await?
            .into_iter()
            .map(|p| (p.id.clone(), p))
            .collect();
        for link in links {
            if let Some(provider) = providers.get(&link.provider_id) {
                payment
                    .entry(link.region_id)
                    .or_default()
                    .push(provider.clone());
            }
        }
    }

    let mut fulfillment: BTreeMap<String, Vec<fulfillment_provider::Model>> = BTreeMap::new();
    if loads.fulfillment_providers && !ids.is_empty() {
        let links = physical_order(
            region_fulfillment_providers::Entity::find()
                .filter(region_fulfillment_providers::Column::RegionId.is_in(ids.clone())),
            conn,
            "region_fulfillment_providers",
        )
        .all(conn)
        .await?;
        let providers: BTreeMap<String, fulfillment_provider::Model> =
            fulfillment_provider::Entity::find()
                .filter(
                    fulfillment_provider::Column::Id.is_in(
                        links
                            .iter()
                            .map(|l| l.provider_id.clone())
                            .collect::<Vec<_>>(),
                    ),
                )
                .all(conn)
                .await?
                .into_iter()
                .map(|p| (p.id.clone(), p))
                .collect();
        for link in links {
            if let Some(provider) = providers.get(&link.provider_id) {
                fulfillment
                    .entry(link.region_id)
                    .or_default()
                    .push(provider.clone());
            }
        }
    }

    Ok(regions
        .into_iter()
        .map(|region| RegionView {
            countries: loads
                .countries
                .then(|| countries.remove(&region.id).unwrap_or_default()),
            currency: loads
                .currency
                .then(|| currencies.get(&region.currency_code).cloned()),
            fulfillment_providers: loads
                .fulfillment_providers
                .then(|| fulfillment.remove(&region.id).unwrap_or_default()),
            payment_providers: loads
                .payment_providers
                .then(|| payment.remove(&region.id).unwrap_or_default()),
            includes_tax: None,
            region,
        })
        .collect())
}

/// Medusa checks the rate only when it is non-zero, and its message says 0 and 1 although
/// the bounds are 0 and 100.
fn validate_tax_rate(rate: f64) -> Result<()> {
    if rate != 0.0 && !(0.0..=100.0).contains(&rate) {
        return Err(Error::invalid_data("The tax_rate must be between 0 and 1"));
    }
    Ok(())
}

/// The country row for a code, checked as Medusa checks it: a known ISO code, and not in a
/// region other than `region_id` (none, for a new region). The `country` table holds every
/// ISO code Medusa knows, so a code missing from it gets Medusa's message for a non-ISO code.
async fn validate_country<C: ConnectionTrait>(
    conn: &C,
    code: &str,
    region_id: Option<&str>,
) -> Result<country::Model> {
    let row = country::Entity::find()
        .filter(country::Column::Iso2.eq(code.to_lowercase()))
        .one(conn)
        .await?
        .ok_or_else(|| Error::invalid_data("Invalid country code"))?;
    match &row.region_id {
        Some(owner) if Some(owner.as_str()) != region_id => Err(already_in_region(&row, owner)),
        _ => Ok(row),
    }
}

fn already_in_region(row: &country::Model, owner: &str) -> Error {
    Error::duplicate(format!(
        "{} already exists in region {owner}",
        row.display_name
    ))
}

async fn validate_countries<C: ConnectionTrait>(
    conn: &C,
    codes: &[String],
    region_id: Option<&str>,
) -> Result<Vec<country::Model>> {
    let mut rows: Vec<country::Model> = Vec::with_capacity(codes.len());
    for code in codes {
        let row = validate_country(conn, code, region_id).await?;
        if !rows.iter().any(|known| known.id == row.id) {
            rows.push(row);
        }
    }
    Ok(rows)
}

/// Provider ids without repeats, in the given order.
fn distinct(ids: &[String]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    ids.iter()
        .filter(|id| seen.insert(id.as_str()))
        .cloned()
        .collect()
}

async fn validate_payment_providers<C: ConnectionTrait>(
    conn: &C,
    ids: &[String],
) -> Result<Vec<String>> {
    let ids = distinct(ids);
    for id in &ids {
        if payment_provider::Entity::find_by_id(id.as_str())
            .one(conn)
            .await?
            .is_none()
        {
            return Err(Error::invalid_data("Payment provider not found"));
        }
    }
    Ok(ids)
}

async fn validate_fulfillment_providers<C: ConnectionTrait>(
    conn: &C,
    ids: &[String],
) -> Result<Vec<String>> {
    let ids = distinct(ids);
    for id in &ids {
        if fulfillment_provider::Entity::find_by_id(id.as_str())
            .one(conn)
            .await?
            .is_none()
        {
            return Err(Error::invalid_data("Fulfillment provider not found"));
        }
    }
    Ok(ids)
}

/// The lower-cased code when it is one of the store's currencies.
async fn validate_currency<C: ConnectionTrait>(conn: &C, code: &str) -> Result<String> {
    let lower = code.to_lowercase();
    let store_ids: Vec<String> = store::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let in_store = store_currencies::Entity::find()
        .filter(store_currencies::Column::StoreId.is_in(store_ids))
        .filter(store_currencies::Column::CurrencyCode.eq(lower.as_str()))
        .count(conn)
        .await?
        > 0;
    if !in_store {
        return Err(Error::invalid_data("Invalid currency code"));
    }
    if currency::Entity::find_by_id(lower.as_str())
        .one(conn)
        .await?
        .is_none()
    {
        return Err(Error::invalid_data(format!(
            "Could not find currency with code {code}"
        )));
    }
    Ok(lower)
}

/// Assigns countries to a region one by one in the given order (so that their physical order
/// is the given one, as after Medusa's save). The guard on `region_id` makes a concurrent
/// claim of the same country fail instead of silently moving it.
async fn claim_countries<C: ConnectionTrait>(
    conn: &C,
    region_id: &str,
    countries: &[country::Model],
) -> Result<()> {
    for row in countries {
        if row.region_id.as_deref() == Some(region_id) {
            continue;
        }
        let claimed = country::Entity::update_many()
            .col_expr(country::Column::RegionId, Expr::value(region_id))
            .filter(country::Column::Id.eq(row.id))
            .filter(
                Condition::any()
                    .add(country::Column::RegionId.is_null())
                    .add(country::Column::RegionId.eq(region_id)),
            )
            .exec(conn)
            .await?;
        if claimed.rows_affected == 0 {
            let owner = country::Entity::find_by_id(row.id)
                .one(conn)
                .await?
                .and_then(|c| c.region_id)
                .unwrap_or_default();
            return Err(already_in_region(row, &owner));
        }
    }
    Ok(())
}

async fn link_payment_providers<C: ConnectionTrait>(
    conn: &C,
    region_id: &str,
    ids: &[String],
) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    region_payment_providers::Entity::insert_many(ids.iter().map(|provider| {
        region_payment_providers::ActiveModel {
            region_id: Set(region_id.to_owned()),
            provider_id: Set(provider.clone()),
        }
    }))
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

async fn link_fulfillment_providers<C: ConnectionTrait>(
    conn: &C,
    region_id: &str,
    ids: &[String],
) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    region_fulfillment_providers::Entity::insert_many(ids.iter().map(|provider| {
        region_fulfillment_providers::ActiveModel {
            region_id: Set(region_id.to_owned()),
            provider_id: Set(provider.clone()),
        }
    }))
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

/// What a store description may pin on a region it creates (Medusa's seed passes both on).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pinned {
    pub id: Option<String>,
    pub created_at: Option<time::Timestamp>,
}

/// Creates a region on `conn` (a transaction the caller commits) with Medusa's checks, in
/// Medusa's order: tax rate, countries, payment then fulfillment providers, currency. Records
/// `region.created`.
pub async fn create_region_in<C: ConnectionTrait>(
    conn: &C,
    input: &CreateRegion,
    pinned: Pinned,
) -> Result<region::Model> {
    validate_tax_rate(input.tax_rate)?;
    let countries = validate_countries(conn, &input.countries, None).await?;
    let payment_providers = validate_payment_providers(conn, &input.payment_providers).await?;
    let fulfillment_providers =
        validate_fulfillment_providers(conn, &input.fulfillment_providers).await?;
    let currency_code = validate_currency(conn, &input.currency_code).await?;

    let now = time::now();
    let created = region::ActiveModel {
        id: Set(pinned.id.unwrap_or_else(|| generate_id(REGION_ID_PREFIX))),
        name: Set(input.name.clone()),
        currency_code: Set(currency_code),
        // The column is `real`, as in Medusa.
        tax_rate: Set(input.tax_rate as f32),
        tax_code: Set(input.tax_code.clone()),
        created_at: Set(pinned.created_at.unwrap_or(now)),
        updated_at: Set(now),
        deleted_at: Set(None),
        metadata: Set(input.metadata.as_ref().map(metadata::initial)),
        gift_cards_taxable: Set(true),
        automatic_taxes: Set(true),
        tax_provider_id: Set(None),
    }
    .insert(conn)
    .await?;

    claim_countries(conn, &created.id, &countries).await?;
    link_payment_providers(conn, &created.id, &payment_providers).await?;
    link_fulfillment_providers(conn, &created.id, &fulfillment_providers).await?;
    crate::tax_inclusive::write_created(conn, &created.id, input.includes_tax).await?;
    medusa_events::record(conn, "region.created", json!({"id": created.id})).await?;
    Ok(created)
}

fn null_column(column: &str) -> Error {
    Error::invalid_data(format!(
        "Can't insert null value in field {column} on insert in table region"
    ))
}

async fn record_updated<C: ConnectionTrait>(conn: &C, id: &str, fields: &[&str]) -> Result<()> {
    medusa_events::record(conn, "region.updated", json!({"id": id, "fields": fields})).await
}

async fn update_region_in<C: ConnectionTrait>(
    conn: &C,
    id: &str,
    input: UpdateRegion,
) -> Result<()> {
    let current = live_region(conn, id).await?;

    if let Some(Some(rate)) = input.tax_rate {
        validate_tax_rate(rate)?;
    }
    let countries = match &input.countries {
        Some(codes) => Some(validate_countries(conn, codes, Some(id)).await?),
        None => None,
    };
    if let Some(Some(provider)) = &input.tax_provider_id {
        if !provider.is_empty()
            && tax_provider::Entity::find_by_id(provider.as_str())
                .one(conn)
                .await?
                .is_none()
        {
            return Err(Error::invalid_data("Tax provider not found"));
        }
    }
    let payment_providers = match &input.payment_providers {
        Some(ids) => Some(validate_payment_providers(conn, ids).await?),
        None => None,
    };
    let fulfillment_providers = match &input.fulfillment_providers {
        Some(ids) => Some(validate_fulfillment_providers(conn, ids).await?),
        None => None,
    };
    let currency_code = match input.currency_code.as_deref() {
        Some(code) if !code.is_empty() => Some(validate_currency(conn, code).await?),
        _ => None,
    };

    let mut row = current.clone().into_active_model();
    match input.name {
        Some(Some(name)) => row.name = Set(name),
        Some(None) => return Err(null_column("name")),
        None => {}
    }
    if let Some(code) = currency_code {
        row.currency_code = Set(code);
    }
    if let Some(tax_code) = input.tax_code {
        row.tax_code = Set(tax_code);
    }
    match input.tax_rate {
        Some(Some(rate)) => row.tax_rate = Set(rate as f32),
        Some(None) => return Err(null_column("tax_rate")),
        None => {}
    }
    match input.gift_cards_taxable {
        Some(Some(flag)) => row.gift_cards_taxable = Set(flag),
        Some(None) => return Err(null_column("gift_cards_taxable")),
        None => {}
    }
    match input.automatic_taxes {
        Some(Some(flag)) => row.automatic_taxes = Set(flag),
        Some(None) => return Err(null_column("automatic_taxes")),
        None => {}
    }
    if let Some(provider) = input.tax_provider_id {
        row.tax_provider_id = Set(provider.filter(|p| !p.is_empty()));
    }
    if let Some(update) = &input.metadata {
        row.metadata = Set(Some(metadata::merge(current.metadata.as_ref(), update)));
    }
    let includes_tax_changed =
        crate::tax_inclusive::write_updated(conn, id, input.includes_tax).await?;
    // Like TypeORM's save, `updated_at` moves only when a column of the region changes.
    if row.is_changed() || includes_tax_changed {
        row.updated_at = Set(time::now());
        row.update(conn).await?;
    }

    if let Some(countries) = countries {
        let keep: Vec<i32> = countries.iter().map(|c| c.id).collect();
        country::Entity::update_many()
            .col_expr(
                country::Column::RegionId,
                Expr::value(Option::<String>::None),
            )
            .filter(country::Column::RegionId.eq(id))
            .filter(country::Column::Id.is_not_in(keep))
            .exec(conn)
            .await?;
        claim_countries(conn, id, &countries).await?;
    }
    if let Some(ids) = payment_providers {
        region_payment_providers::Entity::delete_many()
            .filter(region_payment_providers::Column::RegionId.eq(id))
            .filter(region_payment_providers::Column::ProviderId.is_not_in(ids.clone()))
            .exec(conn)
            .await?;
        let linked: BTreeSet<String> = region_payment_providers::Entity::find()
            .filter(region_payment_providers::Column::RegionId.eq(id))
            .all(conn)
            .await?
            .into_iter()
            .map(|l| l.provider_id)
            .collect();
        let missing: Vec<String> = ids.into_iter().filter(|p| !linked.contains(p)).collect();
        link_payment_providers(conn, id, &missing).await?;
    }
    if let Some(ids) = fulfillment_providers {
        region_fulfillment_providers::Entity::delete_many()
            .filter(region_fulfillment_providers::Column::RegionId.eq(id))
            .filter(region_fulfillment_providers::Column::ProviderId.is_not_in(ids.clone()))
            .exec(conn)
            .await?;
        let linked: BTreeSet<String> = region_fulfillment_providers::Entity::find()
            .filter(region_fulfillment_providers::Column::RegionId.eq(id))
            .all(conn)
            .await?
            .into_iter()
            .map(|l| l.provider_id)
            .collect();
        let missing: Vec<String> = ids.into_iter().filter(|p| !linked.contains(p)).collect();
        link_fulfillment_providers(conn, id, &missing).await?;
    }

    let fields: Vec<&str> = input.fields.iter().map(String::as_str).collect();
    record_updated(conn, id, &fields).await
}

#[async_trait]
impl RegionService for SeaRegionService {
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<RegionView>> {
        let db = &self.db;
        let count = plan.apply_count(region::Entity::find()).count(db).await?;
        let rows = plan.apply(region::Entity::find()).all(db).await?;
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
        medusa_events::record(&txn, "region.deleted", json!({"id": id})).await?;
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
