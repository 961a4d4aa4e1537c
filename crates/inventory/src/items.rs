//! Inventory items, their variant links and their levels per stock location.

use async_trait::async_trait;
use medusa_core::new_row::stamped;
use medusa_core::{generate_id, on_unique_violation, time, Error, ListPage, Result};
use medusa_entity::{
    inventory_item, inventory_level, product_variant, product_variant_inventory_item,
    stock_location,
};
use medusa_load::{find_live, live, live_or, Reader};
use medusa_query_dsl::{in_insertion_order, ListPlan};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, PaginatorTrait, QueryFilter, Set, TransactionTrait,
};
use serde_json::Value;

use crate::events::{
    InventoryItemCreated, InventoryItemDeleted, InventoryItemUpdated, InventoryLevelCreated,
    InventoryLevelDeleted, InventoryLevelUpdated, InventoryLevelsOfItemDeleted,
};
use crate::input::{CreateInventoryItem, CreateLevel, UpdateInventoryItem, UpdateLevel};
use crate::item_reads::{levels_of, variants_of, with_levels};
use crate::json;
use crate::modules::Modules;
pub use crate::stock::{
    adjust_reserved_in, available_quantity_in, channels_with_locations, find_level,
    variant_quantity_in,
};

const ITEM_ID_PREFIX: &str = "iitem";
const LEVEL_ID_PREFIX: &str = "ilev";
const VARIANT_LINK_ID_PREFIX: &str = "pvitem";

/// Managing inventory items and their levels. Every method answers that inventory is not
/// enabled when the database lacks the modules' tables.
#[async_trait]
pub trait InventoryItemService: Send + Sync {
    /// A page of items with their variants (and products), their levels (only at
    /// `location_ids` when given) and the levels' sums.
    async fn list(&self, plan: &ListPlan, location_ids: &[String]) -> Result<ListPage<Value>>;
    /// An item with its levels and their sums.
    async fn retrieve(&self, id: &str) -> Result<Value>;
    /// Creates an item attached to its variant; answers the new row.
    async fn create(&self, input: CreateInventoryItem) -> Result<Value>;
    async fn update(&self, id: &str, input: UpdateInventoryItem) -> Result<Value>;
    /// Detaches the item from its variants and soft-deletes it with its levels; a missing item
    /// is no error.
    async fn delete(&self, id: &str) -> Result<()>;
    /// `{id, location_levels}`: the item's levels, only at `location_ids` when given.
    async fn list_levels(&self, id: &str, plan: &ListPlan) -> Result<Value>;
    async fn create_level(&self, id: &str, input: CreateLevel) -> Result<Value>;
    async fn update_level(&self, id: &str, location_id: &str, input: UpdateLevel) -> Result<Value>;
    /// Removes the item's level at a location, refused while it holds reservations.
    async fn delete_level(&self, id: &str, location_id: &str) -> Result<Value>;
    /// `GET /admin/variants/{id}/inventory`: the variant's items with their levels and what
    /// each sales channel can sell of it.
    async fn variant_inventory(&self, variant_id: &str) -> Result<Value>;
}

/// [`InventoryItemService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaInventoryItemService {
    modules: Modules,
}

impl SeaInventoryItemService {
    pub fn new(modules: Modules) -> Self {
        Self { modules }
    }

    fn db(&self) -> &DatabaseConnection {
        self.modules.db()
    }
}

fn item_not_found(id: &str) -> Error {
    Error::not_found(format!("InventoryItem with id {id} was not found"))
}

fn location_not_found(id: &str) -> Error {
    Error::not_found(format!("StockLocation with id {id} was not found"))
}

fn not_stocked(item_id: &str, location_id: &str) -> Error {
    Error::not_found(format!(
        "Item {item_id} is not stocked at location {location_id}"
    ))
}

/// The live item `id`, or Medusa's 404.
pub async fn live_item<C: ConnectionTrait>(conn: &C, id: &str) -> Result<inventory_item::Model> {
    live_or::<inventory_item::Entity, _>(conn, id, || item_not_found(id)).await
}

/// The live location `id`, or Medusa's 404.
pub async fn live_location<C: ConnectionTrait>(
    conn: &C,
    id: &str,
) -> Result<stock_location::Model> {
    live_or::<stock_location::Entity, _>(conn, id, || location_not_found(id)).await
}

async fn item_answer<C: ConnectionTrait>(conn: &C, id: &str) -> Result<Value> {
    Ok(Value::Object(json::item(&live_item(conn, id).await?)?))
}

#[async_trait]
impl InventoryItemService for SeaInventoryItemService {
    async fn list(&self, plan: &ListPlan, location_ids: &[String]) -> Result<ListPage<Value>> {
        self.modules.require_inventory().await?;
        let db = self.db();
        let mut query = inventory_item::Entity::find();
        if !location_ids.is_empty() {
            let stocked_there = Query::select()
                .column(inventory_level::Column::InventoryItemId)
                .from(inventory_level::Entity)
                .and_where(inventory_level::Column::DeletedAt.is_null())
                .and_where(inventory_level::Column::LocationId.is_in(location_ids.iter().cloned()))
                .to_owned();
            query = query.filter(inventory_item::Column::Id.in_subquery(stocked_there));
        }
        let (rows, count) = plan.rows_and_count(db, query).await?;
        let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        let mut reader = Reader::new(db).await?;
        let variants = variants_of(&mut reader, &ids).await?;
        let mut levels = levels_of(&mut reader, &ids, location_ids).await?;
        let items = rows
            .iter()
            .zip(variants)
            .enumerate()
            .map(|(index, (row, variants))| {
                let mut item = json::item(row)?;
                // `fields` trims the item's own columns, never what the route joins to it.
                item.retain(|key, _| key == "id" || plan.selection.has_field(key));
                item.insert("variants".into(), Value::Array(variants));
                Ok(Value::Object(with_levels(item, &levels.take(index))?))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(plan.page("inventory_items", items, count))
    }

    async fn retrieve(&self, id: &str) -> Result<Value> {
        self.modules.require_inventory().await?;
        let row = live_item(self.db(), id).await?;
        let mut reader = Reader::new(self.db()).await?;
        let mut levels = levels_of(&mut reader, std::slice::from_ref(&row.id), &[]).await?;
        Ok(Value::Object(with_levels(
            json::item(&row)?,
            &levels.take(0),
        )?))
    }

    async fn create(&self, input: CreateInventoryItem) -> Result<Value> {
        self.modules.require_inventory().await?;
        let Some(variant_id) = input.variant_id.clone() else {
            return Err(Error::not_allowed("variant_id is required"));
        };
        let txn = self.db().begin().await?;
        let attached = live::<product_variant_inventory_item::Entity>()
            .filter(product_variant_inventory_item::Column::VariantId.eq(&variant_id))
            .count(&txn)
            .await?;
        if attached > 0 {
            return Err(Error::not_allowed(
                "Inventory Item already exists for this variant",
            ));
        }
        if find_live::<product_variant::Entity, _>(&txn, &variant_id)
            .await?
            .is_none()
        {
            return Err(Error::not_found(format!(
                "Variants not found for the following ids: {variant_id}"
            )));
        }
        let item = create_item_in(&txn, input).await?;
        attach_variant_in(&txn, &variant_id, &item.id, 1).await?;
        txn.commit().await?;
        Ok(Value::Object(json::all(&item)?))
    }

    async fn update(&self, id: &str, input: UpdateInventoryItem) -> Result<Value> {
        self.modules.require_inventory().await?;
        let txn = self.db().begin().await?;
        let current = live_item(&txn, id).await?;
        let mut row = current.into_active_model();
        macro_rules! patch {
            ($($field:ident),*) => {$(
                if let Some(value) = input.$field.clone() {
                    if *row.$field.as_ref() != value {
                        row.$field = Set(value);
                    }
                }
            )*};
        }
        patch!(
            sku,
            origin_country,
            hs_code,
            mid_code,
            material,
            weight,
            height,
            length,
            width,
            title,
            description,
            thumbnail
        );
        match input.requires_shipping {
            Some(Some(value)) if *row.requires_shipping.as_ref() != value => {
                row.requires_shipping = Set(value)
            }
            Some(None) => {
                return Err(Error::invalid_data(
                    "Can't insert null value in field requires_shipping on insert in table inventory_item",
                ))
            }
            _ => {}
        }
        if row.is_changed() {
            let sku = input.sku.clone().flatten().unwrap_or_default();
            row.updated_at = Set(time::now());
            row.update(&txn)
                .await
                .map_err(on_unique_violation(|_| sku_taken(&sku)))?;
            medusa_events::record_event(&txn, &InventoryItemUpdated { id: id.to_owned() }).await?;
        }
        txn.commit().await?;
        item_answer(self.db(), id).await
    }

    async fn delete(&self, id: &str) -> Result<()> {
        self.modules.require_inventory().await?;
        let txn = self.db().begin().await?;
        product_variant_inventory_item::Entity::delete_many()
            .filter(product_variant_inventory_item::Column::InventoryItemId.eq(id))
            .exec(&txn)
            .await?;
        let now = time::now();
        inventory_level::Entity::update_many()
            .col_expr(inventory_level::Column::DeletedAt, Expr::value(now))
            .col_expr(inventory_level::Column::UpdatedAt, Expr::value(now))
            .filter(inventory_level::Column::InventoryItemId.eq(id))
            .filter(inventory_level::Column::DeletedAt.is_null())
            .exec(&txn)
            .await?;
        medusa_events::record_event(
            &txn,
            &InventoryLevelsOfItemDeleted {
                inventory_item_id: id.to_owned(),
            },
        )
        .await?;
        inventory_item::Entity::update_many()
            .col_expr(inventory_item::Column::DeletedAt, Expr::value(now))
            .col_expr(inventory_item::Column::UpdatedAt, Expr::value(now))
            .filter(inventory_item::Column::Id.eq(id))
            .filter(inventory_item::Column::DeletedAt.is_null())
            .exec(&txn)
            .await?;
        medusa_events::record_event(&txn, &InventoryItemDeleted { ids: id.to_owned() }).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn list_levels(&self, id: &str, plan: &ListPlan) -> Result<Value> {
        self.modules.require_inventory().await?;
        let rows = plan
            .apply(
                in_insertion_order(
                    live::<inventory_level::Entity>(),
                    self.db().get_database_backend(),
                )
                .filter(inventory_level::Column::InventoryItemId.eq(id)),
            )
            .all(self.db())
            .await?;
        let levels = rows
            .iter()
            .map(|row| json::pick(row, json::LEVEL_FIELDS).map(Value::Object))
            .collect::<Result<Vec<_>>>()?;
        Ok(serde_json::json!({ "id": id, "location_levels": levels }))
    }

    async fn create_level(&self, id: &str, input: CreateLevel) -> Result<Value> {
        self.modules.require_inventory().await?;
        let txn = self.db().begin().await?;
        live_location(&txn, &input.location_id).await?;
        // The unique index counts removed levels too (Medusa's scope-level migration, which
        // would limit it to live rows, never runs).
        let taken = inventory_level::Entity::find()
            .filter(inventory_level::Column::InventoryItemId.eq(id))
            .filter(inventory_level::Column::LocationId.eq(&input.location_id))
            .count(&txn)
            .await?;
        let duplicate = || {
            Error::duplicate(format!(
                "Inventory_level with inventory_item_id, location_id {id}, {} already exists.",
                input.location_id
            ))
        };
        if taken > 0 {
            return Err(duplicate());
        }
        live_item(&txn, id).await?;
        let now = time::now();
        let level = inventory_level::ActiveModel {
            id: Set(generate_id(LEVEL_ID_PREFIX)),
            inventory_item_id: Set(id.to_owned()),
            location_id: Set(input.location_id.clone()),
            stocked_quantity: Set(input.stocked_quantity),
            reserved_quantity: Set(0),
            incoming_quantity: Set(input.incoming_quantity.unwrap_or(0)),
            ..stamped(now)
        }
        .insert(&txn)
        .await
        .map_err(on_unique_violation(|_| duplicate()))?;
        medusa_events::record_event(
            &txn,
            &InventoryLevelCreated {
                ids: vec![level.id],
            },
        )
        .await?;
        txn.commit().await?;
        item_answer(self.db(), id).await
    }

    async fn update_level(&self, id: &str, location_id: &str, input: UpdateLevel) -> Result<Value> {
        self.modules.require_inventory().await?;
        let txn = self.db().begin().await?;
        let level = find_level(&txn, id, location_id)
            .await?
            .ok_or_else(|| not_stocked(id, location_id))?;
        let level_id = level.id.clone();
        let mut row = level.into_active_model();
        if let Some(stocked) = input.stocked_quantity {
            if *row.stocked_quantity.as_ref() != stocked {
                row.stocked_quantity = Set(stocked);
            }
        }
        if let Some(incoming) = input.incoming_quantity {
            if *row.incoming_quantity.as_ref() != incoming {
                row.incoming_quantity = Set(incoming);
            }
        }
        if row.is_changed() {
            row.updated_at = Set(time::now());
            row.update(&txn).await?;
            medusa_events::record_event(&txn, &InventoryLevelUpdated { id: level_id }).await?;
        }
        txn.commit().await?;
        item_answer(self.db(), id).await
    }

    async fn delete_level(&self, id: &str, location_id: &str) -> Result<Value> {
        self.modules.require_inventory().await?;
        let txn = self.db().begin().await?;
        live_item(&txn, id).await?;
        if let Some(level) = find_level(&txn, id, location_id).await? {
            if level.reserved_quantity > 0 {
                return Err(Error::not_allowed(format!(
                    "Cannot remove Inventory Level {id} at Location {location_id} because there are reserved items."
                )));
            }
            let now = time::now();
            let mut row = level.clone().into_active_model();
            row.deleted_at = Set(Some(now));
            row.updated_at = Set(now);
            row.update(&txn).await?;
            medusa_events::record_event(&txn, &InventoryLevelDeleted { ids: level.id }).await?;
        }
        txn.commit().await?;
        // This route reads the item back with every column.
        Ok(Value::Object(json::all(&live_item(self.db(), id).await?)?))
    }

    async fn variant_inventory(&self, variant_id: &str) -> Result<Value> {
        let db = self.db();
        let variant = live_or::<product_variant::Entity, _>(db, variant_id, || {
            Error::not_found(format!("Variant with id: {variant_id} was not found"))
        })
        .await?;
        if !self.modules.enabled().await? {
            // Without the modules a variant has no inventory items.
            return Ok(serde_json::json!({
                "id": variant.id, "inventory": [], "sales_channel_availability": [],
            }));
        }
        let links = in_insertion_order(
            live::<product_variant_inventory_item::Entity>(),
            db.get_database_backend(),
        )
        .filter(product_variant_inventory_item::Column::VariantId.eq(&variant.id))
        .all(db)
        .await?;
        // Medusa lists them with its module's default page of 10.
        let item_ids: Vec<String> = links.iter().map(|l| l.inventory_item_id.clone()).collect();
        let items = in_insertion_order(live::<inventory_item::Entity>(), db.get_database_backend())
            .filter(inventory_item::Column::Id.is_in(item_ids))
            .all(db)
            .await?;
        let ids: Vec<String> = items.iter().take(10).map(|i| i.id.clone()).collect();
        let mut reader = Reader::new(db).await?;
        let mut levels = levels_of(&mut reader, &ids, &[]).await?;
        let inventory = items
            .iter()
            .take(10)
            .enumerate()
            .map(|(index, item)| {
                Ok(Value::Object(with_levels(
                    json::all(item)?,
                    &levels.take(index),
                )?))
            })
            .collect::<Result<Vec<_>>>()?;
        let mut availability = Vec::new();
        if !inventory.is_empty() {
            for (channel, locations) in channels_with_locations(db).await? {
                let quantity = if locations.is_empty() {
                    Value::from(0)
                } else {
                    medusa_core::number::json_number(
                        variant_quantity_in(db, &links, &locations).await?,
                    )
                };
                availability.push(serde_json::json!({
                    "channel_name": channel.name,
                    "channel_id": channel.id,
                    "available_quantity": quantity,
                }));
            }
        }
        Ok(serde_json::json!({
            "id": variant.id,
            "inventory": inventory,
            "sales_channel_availability": availability,
        }))
    }
}

fn sku_taken(sku: &str) -> Error {
    Error::duplicate(format!("Inventory_item with sku {sku} already exists."))
}

/// Inserts an item with the fields Medusa's create workflow passes on; records
/// `inventory-item.created`.
pub async fn create_item_in<C: ConnectionTrait>(
    conn: &C,
    input: CreateInventoryItem,
) -> Result<inventory_item::Model> {
    let now = time::now();
    let sku = input.sku.clone().unwrap_or_default();
    let item = inventory_item::ActiveModel {
        id: Set(generate_id(ITEM_ID_PREFIX)),
        sku: Set(input.sku),
        origin_country: Set(input.origin_country),
        hs_code: Set(input.hs_code),
        mid_code: Set(input.mid_code),
        material: Set(input.material),
        weight: Set(input.weight),
        length: Set(input.length),
        height: Set(input.height),
        width: Set(input.width),
        requires_shipping: Set(true),
        title: Set(None),
        description: Set(None),
        thumbnail: Set(None),
        ..stamped(now)
    }
    .insert(conn)
    .await
    .map_err(on_unique_violation(|_| sku_taken(&sku)))?;
    medusa_events::record_event(
        conn,
        &InventoryItemCreated {
            ids: vec![item.id.clone()],
        },
    )
    .await?;
    Ok(item)
}

/// Attaches an item to a variant (`required_quantity` of the item per variant sold).
pub async fn attach_variant_in<C: ConnectionTrait>(
    conn: &C,
    variant_id: &str,
    item_id: &str,
    required_quantity: i32,
) -> Result<()> {
    let now = time::now();
    product_variant_inventory_item::ActiveModel {
        id: Set(generate_id(VARIANT_LINK_ID_PREFIX)),
        inventory_item_id: Set(item_id.to_owned()),
        variant_id: Set(variant_id.to_owned()),
        required_quantity: Set(required_quantity),
        deleted_at: Set(None),
        ..stamped(now)
    }
    .insert(conn)
    .await?;
    Ok(())
}
