//! The store singleton: its settings, currencies, default sales channel and the providers
//! installed on this server.

use async_trait::async_trait;
use medusa_core::new_row::stamped;
use medusa_core::{generate_id, metadata, time, Error, FeatureFlags, Result};
use medusa_entity::{
    currency, fulfillment_provider, payment_provider, sales_channel, store, store_currencies,
    tax_provider,
};
use medusa_load::{all_in_insertion_order, find_live, first_in_insertion_order};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    IntoActiveModel, QueryFilter, QuerySelect, Set, TransactionTrait,
};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use medusa_query_dsl::in_insertion_order;

use crate::input::UpdateStore;

const REMOVE_DEFAULT_CURRENCY: &str = "You are not allowed to remove default currency from store currencies without replacing it as well";
const NULL_NAME: &str = "Can't insert null value in field name on insert in table store";

/// A loaded module as `GET /admin/store` lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LoadedModule {
    pub module: &'static str,
    /// The package it resolves to; `false` for the legacy inventory modules, which Medusa
    /// loads without a resolution.
    #[serde(serialize_with = "resolution_or_false")]
    pub resolution: Option<&'static str>,
}

fn resolution_or_false<S: serde::Serializer>(
    value: &Option<&'static str>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match value {
        Some(resolution) => s.serialize_str(resolution),
        None => s.serialize_bool(false),
    }
}

/// The modules a default Medusa 1.20 server reports. We have no module system; clients
/// (the admin dashboard) read this list to decide which screens to show, so it is kept
/// exactly as Medusa's defaults say.
pub const MODULES: &[LoadedModule] = &[
    module("cacheService", "@medusajs/cache-inmemory"),
    module("eventBus", "@medusajs/event-bus-local"),
    module("orderOrderSalesChannelSalesChannelLink", ""),
];

/// The modules Medusa 1.20 reports with `@medusajs/inventory` and `@medusajs/stock-location`
/// loaded (and the variant-item link module they bring): what this server reports on a
/// database that has the modules' tables, so the dashboard shows its inventory screens.
pub const MODULES_WITH_INVENTORY: &[LoadedModule] = &[
    module("cacheService", "@medusajs/cache-inmemory"),
    module("eventBus", "@medusajs/event-bus-local"),
    LoadedModule {
        module: "stockLocationService",
        resolution: None,
    },
    LoadedModule {
        module: "inventoryService",
        resolution: None,
    },
    module("2506752d5", ""),
    module("orderOrderSalesChannelSalesChannelLink", ""),
];

const fn module(module: &'static str, resolution: &'static str) -> LoadedModule {
    LoadedModule {
        module,
        resolution: Some(resolution),
    }
}

/// `GET /admin/store`: the store with its currencies, default currency and sales channel,
/// the feature flags, modules, and every payment and fulfillment provider.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreView {
    pub store: store::Model,
    pub currencies: Vec<currency::Model>,
    /// `None` only if the default currency row is missing (serialized as `null`).
    pub default_currency: Option<currency::Model>,
    /// `None` when no default channel is set or it was deleted (serialized as `null`).
    pub default_sales_channel: Option<sales_channel::Model>,
    /// The flags this server runs with (and honours).
    pub feature_flags: FeatureFlags,
    pub modules: &'static [LoadedModule],
    pub payment_providers: Vec<payment_provider::Model>,
    pub fulfillment_providers: Vec<fulfillment_provider::Model>,
}

/// What Medusa answers after a change to the store (`POST /admin/store`, adding or removing
/// a currency): the store columns, its currencies, and `default_currency` only when the
/// change set it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreWithCurrencies {
    pub store: store::Model,
    pub currencies: Vec<currency::Model>,
    pub default_currency: Option<currency::Model>,
}

impl Serialize for StoreView {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        serialize_store_columns(&mut map, &self.store)?;
        map.serialize_entry("currencies", &self.currencies)?;
        map.serialize_entry("default_currency", &self.default_currency)?;
        map.serialize_entry("default_sales_channel", &self.default_sales_channel)?;
        map.serialize_entry("feature_flags", &self.feature_flags)?;
        map.serialize_entry("modules", self.modules)?;
        map.serialize_entry("payment_providers", &self.payment_providers)?;
        map.serialize_entry("fulfillment_providers", &self.fulfillment_providers)?;
        map.end()
    }
}

impl Serialize for StoreWithCurrencies {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        serialize_store_columns(&mut map, &self.store)?;
        map.serialize_entry("currencies", &self.currencies)?;
        if let Some(default_currency) = &self.default_currency {
            map.serialize_entry("default_currency", default_currency)?;
        }
        map.end()
    }
}

/// The store's columns in the key order Medusa's JSON has them.
fn serialize_store_columns<M: SerializeMap>(
    map: &mut M,
    store: &store::Model,
) -> Result<(), M::Error> {
    map.serialize_entry("id", &store.id)?;
    map.serialize_entry("created_at", &time::format(&store.created_at))?;
    map.serialize_entry("updated_at", &time::format(&store.updated_at))?;
    map.serialize_entry("name", &store.name)?;
    map.serialize_entry("default_currency_code", &store.default_currency_code)?;
    map.serialize_entry("swap_link_template", &store.swap_link_template)?;
    map.serialize_entry("payment_link_template", &store.payment_link_template)?;
    map.serialize_entry("invite_link_template", &store.invite_link_template)?;
    map.serialize_entry("default_location_id", &store.default_location_id)?;
    map.serialize_entry("metadata", &store.metadata)?;
    map.serialize_entry("default_sales_channel_id", &store.default_sales_channel_id)
}

/// What [`StoreService::ensure_store`] found or created.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreSetup {
    pub store: store::Model,
    pub store_created: bool,
    pub sales_channel_created: bool,
}

/// The store singleton and the providers installed on this server.
#[async_trait]
pub trait StoreService: Send + Sync {
    /// `GET /admin/store`.
    async fn retrieve(&self) -> Result<StoreView>;

    /// `POST /admin/store`: changes settings, replaces currencies, sets the default
    /// currency, merges metadata.
    async fn update(&self, update: UpdateStore) -> Result<StoreWithCurrencies>;

    /// `POST /admin/store/currencies/{code}`.
    async fn add_currency(&self, code: &str) -> Result<StoreWithCurrencies>;

    /// `DELETE /admin/store/currencies/{code}`: a no-op when the store lacks the currency.
    /// The default currency may be removed, as in Medusa.
    async fn remove_currency(&self, code: &str) -> Result<StoreWithCurrencies>;

    /// `GET /admin/store/payment-providers`: every registered payment provider.
    async fn payment_providers(&self) -> Result<Vec<payment_provider::Model>>;

    /// `GET /admin/store/tax-providers`: every registered tax provider.
    async fn tax_providers(&self) -> Result<Vec<tax_provider::Model>>;

    /// Run at boot, as Medusa's boot does: creates the store when missing ("Medusa Store",
    /// default currency `usd`, currencies `[usd]`), and creates and links the default sales
    /// channel when the store has none. Changes nothing on a database that already has all
    /// of it. The currency and country rows are the migrations' (`medusa-migration`).
    async fn ensure_store(&self) -> Result<StoreSetup>;

    /// Run at boot: the listed providers are marked installed (inserted when new) and every
    /// other registered provider is marked not installed.
    async fn register_providers(&self, payment: &[&str], fulfillment: &[&str]) -> Result<()>;
}

/// [`StoreService`] on a sea-orm database.
#[derive(Debug, Clone)]
pub struct SeaStoreService {
    db: DatabaseConnection,
    flags: FeatureFlags,
}

impl SeaStoreService {
    /// The store of `db`, reporting `flags` as the server's feature flags.
    pub fn new(db: DatabaseConnection, flags: FeatureFlags) -> Self {
        Self { db, flags }
    }
}

#[async_trait]
impl StoreService for SeaStoreService {
    async fn retrieve(&self) -> Result<StoreView> {
        let db = &self.db;
        let store = load_store(db, false).await?;
        let currencies = currencies_of(db, &store.id).await?;
        let default_currency = currency::Entity::find_by_id(store.default_currency_code.clone())
            .one(db)
            .await?;
        let default_sales_channel = match &store.default_sales_channel_id {
            Some(id) => find_live::<sales_channel::Entity, _>(db, id.clone()).await?,
            None => None,
        };
        let payment_providers =
            all_in_insertion_order(db, payment_provider::Entity::find()).await?;
        let fulfillment_providers =
            all_in_insertion_order(db, fulfillment_provider::Entity::find()).await?;
        Ok(StoreView {
            store,
            currencies,
            default_currency,
            default_sales_channel,
            feature_flags: self.flags,
            modules: if medusa_migration::has_inventory_tables(db).await? {
                MODULES_WITH_INVENTORY
            } else {
                MODULES
            },
            payment_providers,
            fulfillment_providers,
        })
    }

    async fn update(&self, update: UpdateStore) -> Result<StoreWithCurrencies> {
        let txn = self.db.begin().await?;
        let updated = update_store(&txn, update).await?;
        txn.commit().await?;
        Ok(updated)
    }

    async fn add_currency(&self, code: &str) -> Result<StoreWithCurrencies> {
        let txn = self.db.begin().await?;
        let lower = code.to_lowercase();
        let added = currency::Entity::find_by_id(lower)
            .one(&txn)
            .await?
            .ok_or_else(|| Error::invalid_data(format!("Currency {code} not found")))?;
        let store = load_store(&txn, true).await?;
        let mut currencies = currencies_of(&txn, &store.id).await?;
        if currencies
            .iter()
            .any(|c| c.code.eq_ignore_ascii_case(&added.code))
        {
            return Err(Error::duplicate("Currency already added"));
        }
        link_currency(&txn, &store.id, &added.code).await?;
        currencies.push(added);
        txn.commit().await?;
        Ok(StoreWithCurrencies {
            store,
            currencies,
            default_currency: None,
        })
    }

    async fn remove_currency(&self, code: &str) -> Result<StoreWithCurrencies> {
        let txn = self.db.begin().await?;
        let store = load_store(&txn, true).await?;
        let mut currencies = currencies_of(&txn, &store.id).await?;
        // Medusa lower-cases the code to find the currency but not to remove it, so an
        // upper-case code answers 200 and removes nothing; we remove it.
        let lower = code.to_lowercase();
        if let Some(position) = currencies.iter().position(|c| c.code == lower) {
            store_currencies::Entity::delete_many()
                .filter(store_currencies::Column::StoreId.eq(store.id.as_str()))
                .filter(store_currencies::Column::CurrencyCode.eq(lower.as_str()))
                .exec(&txn)
                .await?;
            currencies.remove(position);
        }
        txn.commit().await?;
        Ok(StoreWithCurrencies {
            store,
            currencies,
            default_currency: None,
        })
    }

    async fn payment_providers(&self) -> Result<Vec<payment_provider::Model>> {
        let db = &self.db;
        Ok(all_in_insertion_order(db, payment_provider::Entity::find()).await?)
    }

    async fn tax_providers(&self) -> Result<Vec<tax_provider::Model>> {
        let db = &self.db;
        Ok(all_in_insertion_order(db, tax_provider::Entity::find()).await?)
    }

    async fn ensure_store(&self) -> Result<StoreSetup> {
        let txn = self.db.begin().await?;
        let setup = ensure_store(&txn).await?;
        txn.commit().await?;
        Ok(setup)
    }

    async fn register_providers(&self, payment: &[&str], fulfillment: &[&str]) -> Result<()> {
        let txn = self.db.begin().await?;
        payment_provider::Entity::update_many()
            .col_expr(payment_provider::Column::IsInstalled, Expr::value(false))
            .exec(&txn)
            .await?;
        for id in payment {
            payment_provider::Entity::insert(payment_provider::ActiveModel {
                id: Set((*id).to_owned()),
                is_installed: Set(true),
            })
            .on_conflict(
                OnConflict::column(payment_provider::Column::Id)
                    .update_column(payment_provider::Column::IsInstalled)
                    .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
        }
        fulfillment_provider::Entity::update_many()
            .col_expr(
                fulfillment_provider::Column::IsInstalled,
                Expr::value(false),
            )
            .exec(&txn)
            .await?;
        for id in fulfillment {
            fulfillment_provider::Entity::insert(fulfillment_provider::ActiveModel {
                id: Set((*id).to_owned()),
                is_installed: Set(true),
            })
            .on_conflict(
                OnConflict::column(fulfillment_provider::Column::Id)
                    .update_column(fulfillment_provider::Column::IsInstalled)
                    .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
        }
        txn.commit().await?;
        Ok(())
    }
}

/// The store row. There is one; should there be more, the first inserted wins, as in
/// Medusa. `for_update` locks it so concurrent changes to the store queue up (PostgreSQL).
pub(crate) async fn load_store<C: ConnectionTrait>(
    conn: &C,
    for_update: bool,
) -> Result<store::Model> {
    let query = in_insertion_order(store::Entity::find(), conn.get_database_backend());
    let query = if for_update {
        query.lock_exclusive()
    } else {
        query
    };
    query
        .one(conn)
        .await?
        .ok_or_else(|| Error::not_found("Store does not exist"))
}

/// The store's currencies in the order their links were made (Medusa's order).
pub(crate) async fn currencies_of<C: ConnectionTrait>(
    conn: &C,
    store_id: &str,
) -> Result<Vec<currency::Model>> {
    let links = all_in_insertion_order(
        conn,
        store_currencies::Entity::find().filter(store_currencies::Column::StoreId.eq(store_id)),
    )
    .await?;
    let codes: Vec<String> = links.into_iter().map(|link| link.currency_code).collect();
    let mut rows = currency::Entity::find()
        .filter(currency::Column::Code.is_in(codes.clone()))
        .all(conn)
        .await?;
    let mut ordered = Vec::with_capacity(rows.len());
    for code in codes {
        if let Some(position) = rows.iter().position(|row| row.code == code) {
            ordered.push(rows.swap_remove(position));
        }
    }
    Ok(ordered)
}

async fn link_currency<C: ConnectionTrait>(conn: &C, store_id: &str, code: &str) -> Result<()> {
    store_currencies::Entity::insert(store_currencies::ActiveModel {
        store_id: Set(store_id.to_owned()),
        currency_code: Set(code.to_owned()),
    })
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

/// `POST /admin/store` inside the caller's transaction. Checks run in Medusa's order, so a
/// request breaking two rules gets the message Medusa gives.
pub(crate) async fn update_store<C: ConnectionTrait>(
    conn: &C,
    update: UpdateStore,
) -> Result<StoreWithCurrencies> {
    let current = load_store(conn, true).await?;
    let mut currencies = currencies_of(conn, &current.id).await?;
    let mut next = current.clone();

    if let Some(changes) = &update.metadata {
        next.metadata = Some(metadata::merge(current.metadata.as_ref(), changes));
    }

    let replacement = match &update.currencies {
        Some(codes) => {
            let default_code = update
                .default_currency_code
                .as_deref()
                .unwrap_or(&current.default_currency_code);
            if !codes
                .iter()
                .any(|code| code.eq_ignore_ascii_case(default_code))
            {
                return Err(Error::invalid_data(REMOVE_DEFAULT_CURRENCY));
            }
            Some(find_currencies(conn, codes).await?)
        }
        None => None,
    };

    let mut default_currency = None;
    if let Some(code) = update
        .default_currency_code
        .as_deref()
        .filter(|c| !c.is_empty())
    {
        let available = replacement.as_ref().unwrap_or(&currencies);
        let found = available
            .iter()
            .find(|c| c.code.eq_ignore_ascii_case(code))
            .cloned()
            .ok_or_else(|| Error::invalid_data(format!("Store does not have currency: {code}")))?;
        next.default_currency_code = found.code.clone();
        default_currency = Some(found);
    }

    match update.name {
        Some(Some(name)) => next.name = name,
        Some(None) => return Err(Error::invalid_data(NULL_NAME)),
        None => {}
    }
    if let Some(template) = update.swap_link_template {
        next.swap_link_template = template;
    }
    if let Some(template) = update.payment_link_template {
        next.payment_link_template = template;
    }
    if let Some(template) = update.invite_link_template {
        next.invite_link_template = template;
    }

    // Like Medusa, the row (and its updated_at) is written only when a column changes;
    // replacing the currencies alone leaves updated_at as it was.
    if next != current {
        next.updated_at = time::now();
        next = next.into_active_model().reset_all().update(conn).await?;
    }

    if let Some(wanted) = replacement {
        replace_currencies(conn, &next.id, &currencies, &wanted).await?;
        currencies = wanted;
    }

    Ok(StoreWithCurrencies {
        store: next,
        currencies,
        default_currency,
    })
}

/// The currency rows for `codes` (any letter case), without repeats, in the given order.
async fn find_currencies<C: ConnectionTrait>(
    conn: &C,
    codes: &[String],
) -> Result<Vec<currency::Model>> {
    let lower: Vec<String> = codes.iter().map(|code| code.to_lowercase()).collect();
    let rows = currency::Entity::find()
        .filter(currency::Column::Code.is_in(lower.clone()))
        .all(conn)
        .await?;
    let mut found: Vec<currency::Model> = Vec::with_capacity(rows.len());
    for (given, code) in codes.iter().zip(&lower) {
        if found.iter().any(|c| &c.code == code) {
            continue;
        }
        let row = rows
            .iter()
            .find(|row| &row.code == code)
            .cloned()
            .ok_or_else(|| {
                Error::invalid_data(format!("Currency with code {given} does not exist"))
            })?;
        found.push(row);
    }
    Ok(found)
}

/// Removes the links not wanted and adds the missing ones in the wanted order, leaving the
/// kept links in place, so later reads list currencies as Medusa would.
async fn replace_currencies<C: ConnectionTrait>(
    conn: &C,
    store_id: &str,
    current: &[currency::Model],
    wanted: &[currency::Model],
) -> Result<()> {
    let dropped: Vec<&str> = current
        .iter()
        .filter(|c| !wanted.iter().any(|w| w.code == c.code))
        .map(|c| c.code.as_str())
        .collect();
    if !dropped.is_empty() {
        store_currencies::Entity::delete_many()
            .filter(store_currencies::Column::StoreId.eq(store_id))
            .filter(store_currencies::Column::CurrencyCode.is_in(dropped))
            .exec(conn)
            .await?;
    }
    for added in wanted
        .iter()
        .filter(|w| !current.iter().any(|c| c.code == w.code))
    {
        link_currency(conn, store_id, &added.code).await?;
    }
    Ok(())
}

/// Medusa's boot defaults for the store, inside the caller's transaction.
pub(crate) async fn ensure_store<C: ConnectionTrait>(conn: &C) -> Result<StoreSetup> {
    serialize_setup(conn).await?;
    let now = time::now();

    let (mut store, store_created) =
        match first_in_insertion_order(conn, store::Entity::find()).await? {
            Some(store) => (store, false),
            None => (create_store(conn, now).await?, true),
        };

    let sales_channel_created = store.default_sales_channel_id.is_none();
    if sales_channel_created {
        let channel = sales_channel::ActiveModel {
            id: Set(generate_id("sc")),
            name: Set("Default Sales Channel".to_owned()),
            description: Set(Some("Created by Medusa".to_owned())),
            is_disabled: Set(false),
            ..stamped(now)
        }
        .insert(conn)
        .await?;
        let mut linked = store.into_active_model();
        linked.default_sales_channel_id = Set(Some(channel.id));
        linked.updated_at = Set(now);
        store = linked.update(conn).await?;
    }

    Ok(StoreSetup {
        store,
        store_created,
        sales_channel_created,
    })
}

async fn create_store<C: ConnectionTrait>(conn: &C, now: time::Timestamp) -> Result<store::Model> {
    let store = store::ActiveModel {
        id: Set(generate_id("store")),
        name: Set("Medusa Store".to_owned()),
        default_currency_code: Set("usd".to_owned()),
        swap_link_template: Set(None),
        payment_link_template: Set(None),
        invite_link_template: Set(None),
        default_sales_channel_id: Set(None),
        default_location_id: Set(None),
        ..stamped(now)
    }
    .insert(conn)
    .await?;
    if currency::Entity::find_by_id("usd".to_owned())
        .one(conn)
        .await?
        .is_some()
    {
        link_currency(conn, &store.id, "usd").await?;
    }
    Ok(store)
}

/// Several servers booting at once on one PostgreSQL database would each see no store and
/// create one; a transaction-scoped advisory lock makes them take turns. SQLite already
/// lets one writer at a time through.
pub(crate) async fn serialize_setup<C: ConnectionTrait>(conn: &C) -> Result<()> {
    if conn.get_database_backend() == DbBackend::Postgres {
        // The key is an arbitrary constant that names "store setup" for this server.
        conn.execute_unprepared("SELECT pg_advisory_xact_lock(7318004417)")
            .await?;
    }
    Ok(())
}
