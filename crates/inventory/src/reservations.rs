//! Reservations: quantities of an item held at a location (for a line item, or by hand),
//! counted in the level's `reserved_quantity`.

use async_trait::async_trait;
use medusa_core::new_row::stamped;
use medusa_core::{generate_id, time, Error, ListPage, Result};
use medusa_entity::{
    inventory_item, line_item, order, product_variant_inventory_item, reservation_item,
};
use medusa_load::{by_key, find_live, live, Reader};
use medusa_query_dsl::ListPlan;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    IntoActiveModel, QueryFilter, Set, Statement, TransactionTrait,
};
use serde_json::Value;

use crate::events::{
    ReservationCreated, ReservationDeleted, ReservationUpdated, ReservationsOfLineItemsDeleted,
};
use crate::input::{CreateReservation, ReserveLineItem, UpdateReservation};
use crate::items::{adjust_reserved_in, find_level};
use crate::json;
use crate::modules::Modules;

const RESERVATION_ID_PREFIX: &str = "resitem";

/// Managing reservations. Every method answers that inventory is not enabled when the
/// database lacks the modules' tables.
#[async_trait]
pub trait ReservationService: Send + Sync {
    /// A page of reservations for a query string read as [`crate::plan_reservation_list`]
    /// reads it; `line_item` (with its order) and `inventory_item` as it expands them.
    async fn list(&self, query: &str) -> Result<ListPage<Value>>;
    async fn retrieve(&self, id: &str) -> Result<Value>;
    /// Creates a reservation by `user_id`; one for a line item may not hold more than the
    /// line's unfulfilled quantity.
    async fn create(&self, input: CreateReservation, user_id: &str) -> Result<Value>;
    async fn update(&self, id: &str, input: UpdateReservation) -> Result<Value>;
    /// Releases and soft-deletes a reservation; a missing one is no error.
    async fn delete(&self, id: &str) -> Result<()>;
    /// The reservations of an order's line items.
    async fn list_for_order(&self, order_id: &str, plan: &ListPlan) -> Result<ListPage<Value>>;
    /// Reserves a line item's variant at a location; answers the first reservation made.
    async fn reserve_line_item(
        &self,
        order_id: &str,
        line_item_id: &str,
        input: ReserveLineItem,
    ) -> Result<Value>;
}

/// [`ReservationService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaReservationService {
    modules: Modules,
}

impl SeaReservationService {
    pub fn new(modules: Modules) -> Self {
        Self { modules }
    }

    fn db(&self) -> &DatabaseConnection {
        self.modules.db()
    }
}

fn all(row: &reservation_item::Model) -> Result<Value> {
    json::all(row).map(Value::Object)
}

async fn live_reservation<C: ConnectionTrait>(
    conn: &C,
    id: &str,
) -> Result<Option<reservation_item::Model>> {
    find_live::<reservation_item::Entity, _>(conn, id).await
}

async fn live_line_item<C: ConnectionTrait>(conn: &C, id: &str) -> Result<line_item::Model> {
    line_item::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| Error::not_found(format!("Line item with {id} was not found")))
}

/// Medusa's `validateUpdateReservationQuantity`: the line's reservations, changed by `change`,
/// may not exceed what is left to fulfil.
async fn check_line_quantity<C: ConnectionTrait>(
    conn: &C,
    line_item_id: &str,
    change: i64,
) -> Result<()> {
    let reserved: i64 = live::<reservation_item::Entity>()
        .filter(reservation_item::Column::LineItemId.eq(line_item_id))
        .all(conn)
        .await?
        .iter()
        .map(|r| i64::from(r.quantity))
        .sum();
    let line = live_line_item(conn, line_item_id).await?;
    let unfulfilled = i64::from(line.quantity) - i64::from(line.fulfilled_quantity.unwrap_or(0));
    if reserved + change > unfulfilled {
        return Err(Error::invalid_data(
            "The reservation quantity cannot be greater than the unfulfilled line item quantity",
        ));
    }
    Ok(())
}

/// Creates reservations, each at a location where its item is stocked, counting them in the
/// levels; records `reservation-item.created`.
pub async fn create_reservations_in<C: ConnectionTrait>(
    conn: &C,
    inputs: Vec<(CreateReservation, Option<String>)>,
) -> Result<Vec<reservation_item::Model>> {
    let mut missing = Vec::new();
    for (input, _) in &inputs {
        if find_level(conn, &input.inventory_item_id, &input.location_id)
            .await?
            .is_none()
        {
            missing.push(format!(
                "Item {} is not stocked at location {}",
                input.inventory_item_id, input.location_id
            ));
        }
    }
    if !missing.is_empty() {
        return Err(Error::not_found(missing.join(", ")));
    }
    let now = time::now();
    let mut created = Vec::with_capacity(inputs.len());
    for (input, created_by) in inputs {
        let row = reservation_item::ActiveModel {
            id: Set(generate_id(RESERVATION_ID_PREFIX)),
            line_item_id: Set(input.line_item_id),
            inventory_item_id: Set(input.inventory_item_id.clone()),
            location_id: Set(input.location_id.clone()),
            quantity: Set(input.quantity),
            metadata: Set(input.metadata),
            external_id: Set(None),
            description: Set(input.description),
            created_by: Set(created_by),
            ..stamped(now)
        }
        .insert(conn)
        .await?;
        adjust_reserved_in(
            conn,
            &input.inventory_item_id,
            &input.location_id,
            input.quantity,
        )
        .await?;
        created.push(row);
    }
    medusa_events::record_event(
        conn,
        &ReservationCreated {
            ids: created.iter().map(|r| r.id.clone()).collect(),
        },
    )
    .await?;
    Ok(created)
}

/// Whether the database has the inventory modules' reservations table, read on `conn` (so
/// inside a caller's transaction).
pub(crate) async fn has_reservations_table<C: ConnectionTrait>(conn: &C) -> Result<bool> {
    let backend = conn.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'reservation_item'",
        _ => "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reservation_item'",
    };
    Ok(conn
        .query_one(Statement::from_string(backend, sql))
        .await?
        .is_some())
}

/// Releases the reservations of line items (an order canceled): each level's reserved
/// quantity goes down by what they held, and they are soft-deleted, as Medusa's
/// `deleteReservationsByLineItem` does with the inventory modules. Without them it does
/// nothing and answers `false`: the caller puts the lines back in their variants' stock, as
/// Medusa does then.
pub async fn release_line_items_in<C: ConnectionTrait>(
    conn: &C,
    line_item_ids: &[String],
) -> Result<bool> {
    if !has_reservations_table(conn).await? {
        return Ok(false);
    }
    if line_item_ids.is_empty() {
        return Ok(true);
    }
    let held = live::<reservation_item::Entity>()
        .filter(reservation_item::Column::LineItemId.is_in(line_item_ids.iter().cloned()))
        .all(conn)
        .await?;
    for reservation in &held {
        release_in(conn, reservation).await?;
    }
    medusa_events::record_event(
        conn,
        &ReservationsOfLineItemsDeleted {
            line_item_id: line_item_ids.to_vec(),
        },
    )
    .await?;
    Ok(true)
}

pub(crate) async fn release_in<C: ConnectionTrait>(
    conn: &C,
    reservation: &reservation_item::Model,
) -> Result<()> {
    adjust_reserved_in(
        conn,
        &reservation.inventory_item_id,
        &reservation.location_id,
        -reservation.quantity,
    )
    .await?;
    let now = time::now();
    let mut row = reservation.clone().into_active_model();
    row.deleted_at = Set(Some(now));
    row.updated_at = Set(now);
    row.update(conn).await?;
    Ok(())
}

/// The reservations with `line_item` and `inventory_item` attached as the plan expands them.
async fn expanded(
    db: &DatabaseConnection,
    rows: &[reservation_item::Model],
    plan: &ListPlan,
) -> Result<Vec<Value>> {
    let mut reader = Reader::new(db).await?;
    let items = if plan.selection.has_relation("inventory_item") {
        Some(
            by_key(
                &mut reader,
                live::<inventory_item::Entity>(),
                inventory_item::Column::Id,
                rows.iter().map(|r| r.inventory_item_id.clone()),
            )
            .await?,
        )
    } else {
        None
    };
    let lines = if plan.selection.has_relation("line_item") {
        let lines = by_key(
            &mut reader,
            line_item::Entity::find(),
            line_item::Column::Id,
            rows.iter().filter_map(|r| r.line_item_id.clone()),
        )
        .await?;
        let orders = by_key(
            &mut reader,
            order::Entity::find(),
            order::Column::Id,
            lines.values().filter_map(|l| l.order_id.clone()),
        )
        .await?;
        Some((lines, orders))
    } else {
        None
    };
    rows.iter()
        .map(|row| {
            let mut map = json::reservation(row)?;
            if let Some((lines, orders)) = &lines {
                if let Some(line) = row.line_item_id.as_ref().and_then(|id| lines.get(id)) {
                    let mut line_json = json::all(line)?;
                    let order = match line.order_id.as_ref().and_then(|id| orders.get(id)) {
                        Some(order) => {
                            let mut order_json = json::all(order)?;
                            order_json.insert("object".into(), Value::from("order"));
                            Value::Object(order_json)
                        }
                        None => Value::Null,
                    };
                    line_json.insert("order".into(), order);
                    map.insert("line_item".into(), Value::Object(line_json));
                }
            }
            if let Some(items) = &items {
                if let Some(item) = items.get(&row.inventory_item_id) {
                    map.insert("inventory_item".into(), Value::Object(json::all(item)?));
                }
            }
            Ok(Value::Object(map))
        })
        .collect()
}

#[async_trait]
impl ReservationService for SeaReservationService {
    async fn list(&self, query: &str) -> Result<ListPage<Value>> {
        self.modules.require_inventory().await?;
        let db = self.db();
        let plan = &crate::specs::plan_reservation_list(query, db.get_database_backend())?;
        let (rows, count) = plan
            .rows_and_count(db, reservation_item::Entity::find())
            .await?;
        let items = expanded(db, &rows, plan).await?;
        Ok(plan.page("reservations", items, count))
    }

    async fn retrieve(&self, id: &str) -> Result<Value> {
        self.modules.require_inventory().await?;
        let row = live_reservation(self.db(), id)
            .await?
            .ok_or_else(|| Error::not_found(format!("Reservation with id {id} not found")))?;
        all(&row)
    }

    async fn create(&self, input: CreateReservation, user_id: &str) -> Result<Value> {
        self.modules.require_inventory().await?;
        let txn = self.db().begin().await?;
        if let Some(line_item_id) = &input.line_item_id {
            check_line_quantity(&txn, line_item_id, i64::from(input.quantity)).await?;
        }
        let created = create_reservations_in(&txn, vec![(input, Some(user_id.to_owned()))]).await?;
        txn.commit().await?;
        created
            .first()
            .map(all)
            .unwrap_or_else(|| Err(Error::UnexpectedState("no reservation created".into())))
    }

    async fn update(&self, id: &str, input: UpdateReservation) -> Result<Value> {
        self.modules.require_inventory().await?;
        let txn = self.db().begin().await?;
        let current = live_reservation(&txn, id).await?.ok_or_else(|| {
            Error::not_found(format!("ReservationItem with id {id} was not found"))
        })?;
        if let (Some(line_item_id), Some(quantity)) = (&current.line_item_id, input.quantity) {
            check_line_quantity(&txn, line_item_id, i64::from(quantity - current.quantity)).await?;
        }
        let item_id = current.inventory_item_id.clone();
        let moved = input
            .location_id
            .as_ref()
            .filter(|location| **location != current.location_id);
        if let Some(location) = moved {
            adjust_reserved_in(&txn, &item_id, &current.location_id, -current.quantity).await?;
            let quantity = input
                .quantity
                .filter(|q| *q != 0)
                .unwrap_or(current.quantity);
            adjust_reserved_in(&txn, &item_id, location, quantity).await?;
        } else if let Some(quantity) = input.quantity.filter(|q| *q != current.quantity) {
            adjust_reserved_in(
                &txn,
                &item_id,
                &current.location_id,
                quantity - current.quantity,
            )
            .await?;
        }
        let mut row = current.into_active_model();
        if let Some(quantity) = input.quantity {
            row.quantity = Set(quantity);
        }
        if let Some(location) = input.location_id {
            row.location_id = Set(location);
        }
        if let Some(description) = input.description {
            row.description = Set(description);
        }
        if let Some(metadata) = input.metadata {
            row.metadata = Set(Some(metadata));
        }
        row.updated_at = Set(time::now());
        let updated = row.update(&txn).await?;
        medusa_events::record_event(&txn, &ReservationUpdated { id: id.to_owned() }).await?;
        txn.commit().await?;
        all(&updated)
    }

    async fn delete(&self, id: &str) -> Result<()> {
        self.modules.require_inventory().await?;
        let txn = self.db().begin().await?;
        if let Some(reservation) = live_reservation(&txn, id).await? {
            release_in(&txn, &reservation).await?;
        }
        medusa_events::record_event(&txn, &ReservationDeleted { ids: id.to_owned() }).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn list_for_order(&self, order_id: &str, plan: &ListPlan) -> Result<ListPage<Value>> {
        self.modules.require_inventory().await?;
        let db = self.db();
        if order::Entity::find_by_id(order_id).one(db).await?.is_none() {
            return Err(Error::not_found(format!(
                "Order with id {order_id} was not found"
            )));
        }
        let line_ids: Vec<String> = line_item::Entity::find()
            .filter(line_item::Column::OrderId.eq(order_id))
            .all(db)
            .await?
            .into_iter()
            .map(|l| l.id)
            .collect();
        let query = reservation_item::Entity::find()
            .filter(reservation_item::Column::LineItemId.is_in(line_ids));
        let (rows, count) = plan.rows_and_count(db, query).await?;
        let items = rows.iter().map(all).collect::<Result<Vec<_>>>()?;
        Ok(plan.page("reservations", items, count))
    }

    async fn reserve_line_item(
        &self,
        order_id: &str,
        line_item_id: &str,
        input: ReserveLineItem,
    ) -> Result<Value> {
        self.modules.require_inventory().await?;
        let txn = self.db().begin().await?;
        let line = live_line_item(&txn, line_item_id).await?;
        if line.order_id.as_deref() != Some(order_id) {
            return Err(Error::not_found(format!(
                "Line item with {line_item_id} was not found"
            )));
        }
        let Some(variant_id) = line.variant_id.clone() else {
            return Err(Error::not_found(
                "Can't create a reservation for a Line Item wihtout a variant",
            ));
        };
        let quantity = input.quantity.filter(|q| *q != 0).unwrap_or(line.quantity);
        let links = live::<product_variant_inventory_item::Entity>()
            .filter(product_variant_inventory_item::Column::VariantId.eq(&variant_id))
            .all(&txn)
            .await?;
        if links.is_empty() {
            return Err(Error::not_allowed(format!(
                "Variant {variant_id} has no inventory item to reserve"
            )));
        }
        let inputs = links
            .iter()
            .map(|link| {
                (
                    CreateReservation {
                        line_item_id: Some(line.id.clone()),
                        location_id: input.location_id.clone(),
                        inventory_item_id: link.inventory_item_id.clone(),
                        quantity: link.required_quantity * quantity,
                        description: None,
                        metadata: None,
                    },
                    None,
                )
            })
            .collect();
        let created = create_reservations_in(&txn, inputs).await?;
        txn.commit().await?;
        created
            .first()
            .map(all)
            .unwrap_or_else(|| Err(Error::UnexpectedState("no reservation created".into())))
    }
}
