//! Stock locations, their addresses and the sales channels they serve.

use async_trait::async_trait;
use medusa_core::new_row::stamped;
use medusa_core::{generate_id, time, Error, ListPage, Result};
use medusa_entity::{
    inventory_level, reservation_item, sales_channel, sales_channel_location, stock_location,
    stock_location_address,
};
use medusa_load::{by_key, find_live, live, Reader};
use medusa_query_dsl::{ListPlan, Selection};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, PaginatorTrait, QueryFilter, Set, TransactionTrait,
};
use serde_json::{Map, Value};

use crate::events::{
    InventoryLevelsAtLocationDeleted, ReservationsAtLocationDeleted, StockLocationCreated,
    StockLocationDeleted, StockLocationUpdated,
};
use crate::input::{AddressInput, CreateStockLocation, UpdateStockLocation};
use crate::items::live_location;
use crate::json;
use crate::modules::Modules;

const LOCATION_ID_PREFIX: &str = "sloc";
const ADDRESS_ID_PREFIX: &str = "laddr";

/// Managing stock locations. Every method answers that stock locations are not enabled when
/// the database lacks the modules' tables.
#[async_trait]
pub trait StockLocationService: Send + Sync {
    /// A page of locations, only those serving `sales_channel_ids` when given; `address` and
    /// `sales_channels` as the plan expands them.
    async fn list(
        &self,
        plan: &ListPlan,
        sales_channel_ids: Option<&[String]>,
    ) -> Result<ListPage<Value>>;
    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<Value>;
    async fn create(&self, input: CreateStockLocation, selection: &Selection) -> Result<Value>;
    async fn update(
        &self,
        id: &str,
        input: UpdateStockLocation,
        selection: &Selection,
    ) -> Result<Value>;
    /// Soft-deletes the location with its levels and reservations and unlinks its sales
    /// channels; a missing location is no error.
    async fn delete(&self, id: &str) -> Result<()>;
}

/// [`StockLocationService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaStockLocationService {
    modules: Modules,
}

impl SeaStockLocationService {
    pub fn new(modules: Modules) -> Self {
        Self { modules }
    }

    fn db(&self) -> &DatabaseConnection {
        self.modules.db()
    }
}

/// The locations as the selection shows them: their fields, and `address` and
/// `sales_channels` when expanded (one statement each for the page).
async fn views(
    db: &DatabaseConnection,
    rows: &[stock_location::Model],
    selection: &Selection,
) -> Result<Vec<Value>> {
    let mut reader = Reader::new(db).await?;
    let addresses = if selection.has_relation("address") {
        Some(
            by_key(
                &mut reader,
                live::<stock_location_address::Entity>(),
                stock_location_address::Column::Id,
                rows.iter().filter_map(|r| r.address_id.clone()),
            )
            .await?,
        )
    } else {
        None
    };
    let channels = if selection.has_relation("sales_channels") {
        let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        let links = sales_channel_location::Entity::find()
            .filter(sales_channel_location::Column::DeletedAt.is_null())
            .filter(sales_channel_location::Column::LocationId.is_in(ids))
            .all(db)
            .await?;
        let channels = by_key(
            &mut reader,
            live::<sales_channel::Entity>(),
            sales_channel::Column::Id,
            links.iter().map(|l| l.sales_channel_id.clone()),
        )
        .await?;
        Some((links, channels))
    } else {
        None
    };
    rows.iter()
        .map(|row| {
            let mut map = json::location(row)?;
            if let Some(addresses) = &addresses {
                let address = row
                    .address_id
                    .as_ref()
                    .and_then(|id| addresses.get(id))
                    .map(json::all)
                    .transpose()?
                    .map_or(Value::Null, Value::Object);
                map.insert("address".into(), address);
            }
            if let Some((links, channels)) = &channels {
                let mut seen = std::collections::HashSet::new();
                let list = links
                    .iter()
                    .filter(|l| l.location_id == row.id)
                    .filter_map(|l| channels.get(&l.sales_channel_id))
                    .filter(|c| seen.insert(c.id.clone()))
                    .map(|c| json::all(c).map(Value::Object))
                    .collect::<Result<Vec<_>>>()?;
                map.insert("sales_channels".into(), Value::Array(list));
            }
            Ok(Value::Object(map))
        })
        .collect()
}

async fn view(db: &DatabaseConnection, id: &str, selection: &Selection) -> Result<Value> {
    let row = live_location(db, id).await?;
    views(db, &[row], selection)
        .await?
        .pop()
        .ok_or_else(|| Error::UnexpectedState("a location vanished".into()))
}

async fn insert_address<C: ConnectionTrait>(conn: &C, address: AddressInput) -> Result<String> {
    let now = time::now();
    let row = stock_location_address::ActiveModel {
        id: Set(generate_id(ADDRESS_ID_PREFIX)),
        address_1: Set(address.address_1),
        address_2: Set(address.address_2),
        company: Set(address.company),
        city: Set(address.city),
        country_code: Set(address.country_code),
        phone: Set(address.phone),
        province: Set(address.province),
        postal_code: Set(address.postal_code),
        ..stamped(now)
    }
    .insert(conn)
    .await?;
    Ok(row.id)
}

/// Merges the given address fields into an existing address (absent optional fields stay).
async fn update_address<C: ConnectionTrait>(
    conn: &C,
    id: &str,
    address: AddressInput,
) -> Result<()> {
    let current = stock_location_address::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| {
            Error::not_found(format!("StockLocation address with id {id} was not found"))
        })?;
    let mut row = current.into_active_model();
    row.address_1 = Set(address.address_1);
    row.country_code = Set(address.country_code);
    macro_rules! optional {
        ($($field:ident),*) => {$(
            if let Some(value) = address.$field {
                row.$field = Set(Some(value));
            }
        )*};
    }
    optional!(address_2, company, city, phone, postal_code, province);
    if row.is_changed() {
        row.updated_at = Set(time::now());
        row.update(conn).await?;
    }
    Ok(())
}

fn merged_metadata(current: Option<&Value>, update: &Map<String, Value>) -> Value {
    medusa_core::metadata::merge(current, update)
}

#[async_trait]
impl StockLocationService for SeaStockLocationService {
    async fn list(
        &self,
        plan: &ListPlan,
        sales_channel_ids: Option<&[String]>,
    ) -> Result<ListPage<Value>> {
        self.modules.require_stock_locations().await?;
        let db = self.db();
        let mut query = stock_location::Entity::find();
        if let Some(channel_ids) = sales_channel_ids {
            let found = live::<sales_channel::Entity>()
                .filter(sales_channel::Column::Id.is_in(channel_ids.iter().cloned()))
                .count(db)
                .await?;
            if found == 0 {
                return Err(Error::not_found(format!(
                    "Sales channel with id: {} was not found",
                    channel_ids.join(", ")
                )));
            }
            let location_ids: Vec<String> = sales_channel_location::Entity::find()
                .filter(sales_channel_location::Column::DeletedAt.is_null())
                .filter(
                    sales_channel_location::Column::SalesChannelId
                        .is_in(channel_ids.iter().cloned()),
                )
                .all(db)
                .await?
                .into_iter()
                .map(|l| l.location_id)
                .collect();
            query = query.filter(stock_location::Column::Id.is_in(location_ids));
        }
        let (rows, count) = plan.rows_and_count(db, query).await?;
        let items = views(db, &rows, &plan.selection).await?;
        Ok(plan.page("stock_locations", items, count))
    }

    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<Value> {
        self.modules.require_stock_locations().await?;
        view(self.db(), id, selection).await
    }

    async fn create(&self, input: CreateStockLocation, selection: &Selection) -> Result<Value> {
        self.modules.require_stock_locations().await?;
        let txn = self.db().begin().await?;
        let address_id = match (input.address, input.address_id) {
            (Some(address), _) => Some(insert_address(&txn, address).await?),
            (None, address_id) => address_id,
        };
        let now = time::now();
        let location = stock_location::ActiveModel {
            id: Set(generate_id(LOCATION_ID_PREFIX)),
            name: Set(input.name),
            address_id: Set(address_id),
            metadata: Set(input.metadata.map(|m| merged_metadata(None, &m))),
            ..stamped(now)
        }
        .insert(&txn)
        .await?;
        medusa_events::record_event(
            &txn,
            &StockLocationCreated {
                id: location.id.clone(),
            },
        )
        .await?;
        txn.commit().await?;
        view(self.db(), &location.id, selection).await
    }

    async fn update(
        &self,
        id: &str,
        input: UpdateStockLocation,
        selection: &Selection,
    ) -> Result<Value> {
        self.modules.require_stock_locations().await?;
        let txn = self.db().begin().await?;
        let current = live_location(&txn, id).await?;
        let mut row = current.clone().into_active_model();
        if let Some(address) = input.address {
            match &current.address_id {
                Some(address_id) => update_address(&txn, address_id, address).await?,
                None => row.address_id = Set(Some(insert_address(&txn, address).await?)),
            }
        }
        if let Some(name) = input.name {
            row.name = Set(name);
        }
        if let Some(address_id) = input.address_id {
            row.address_id = Set(Some(address_id));
        }
        if let Some(metadata) = input.metadata {
            row.metadata = Set(Some(merged_metadata(current.metadata.as_ref(), &metadata)));
        }
        // Medusa saves the location whatever changed, and says so.
        row.updated_at = Set(time::now());
        row.update(&txn).await?;
        medusa_events::record_event(&txn, &StockLocationUpdated { id: id.to_owned() }).await?;
        txn.commit().await?;
        view(self.db(), id, selection).await
    }

    async fn delete(&self, id: &str) -> Result<()> {
        self.modules.require_stock_locations().await?;
        let txn = self.db().begin().await?;
        delete_location_in(&txn, id).await?;
        txn.commit().await?;
        Ok(())
    }
}

/// Removes a location as Medusa's delete route does: its sales-channel links go for good; the
/// location, its levels and its reservations are soft-deleted.
pub async fn delete_location_in<C: ConnectionTrait>(conn: &C, id: &str) -> Result<()> {
    sales_channel_location::Entity::delete_many()
        .filter(sales_channel_location::Column::LocationId.eq(id))
        .exec(conn)
        .await?;
    let now = time::now();
    if find_live::<stock_location::Entity, _>(conn, id)
        .await?
        .is_some()
    {
        stock_location::Entity::update_many()
            .col_expr(stock_location::Column::DeletedAt, Expr::value(now))
            .col_expr(stock_location::Column::UpdatedAt, Expr::value(now))
            .filter(stock_location::Column::Id.eq(id))
            .exec(conn)
            .await?;
    }
    medusa_events::record_event(conn, &StockLocationDeleted { id: id.to_owned() }).await?;
    inventory_level::Entity::update_many()
        .col_expr(inventory_level::Column::DeletedAt, Expr::value(now))
        .col_expr(inventory_level::Column::UpdatedAt, Expr::value(now))
        .filter(inventory_level::Column::LocationId.eq(id))
        .filter(inventory_level::Column::DeletedAt.is_null())
        .exec(conn)
        .await?;
    medusa_events::record_event(
        conn,
        &InventoryLevelsAtLocationDeleted {
            location_ids: vec![id.to_owned()],
        },
    )
    .await?;
    reservation_item::Entity::update_many()
        .col_expr(reservation_item::Column::DeletedAt, Expr::value(now))
        .col_expr(reservation_item::Column::UpdatedAt, Expr::value(now))
        .filter(reservation_item::Column::LocationId.eq(id))
        .filter(reservation_item::Column::DeletedAt.is_null())
        .exec(conn)
        .await?;
    medusa_events::record_event(
        conn,
        &ReservationsAtLocationDeleted {
            location_id: id.to_owned(),
        },
    )
    .await?;
    Ok(())
}
