//! The edit's own steps, each an `*_in` function composing in a caller's transaction:
//! create (the order's items cloned with their tax lines and adjustments), update, delete,
//! request (with its payment collection), cancel and confirm (the edit's items become the
//! order's). Item changes are in [`crate::items`].

use medusa_core::new_row::stamped;
use medusa_core::{generate_id, Error, Result};
use medusa_entity::includes_tax::{self, Table};
use medusa_entity::{
    line_item, line_item_adjustment, line_item_tax_line, order, order_edit, order_item_change,
};
use medusa_events::record_event;
use medusa_load::{all_in_insertion_order, Connection};
use medusa_order::payment_collections::{create_in as create_collection_in, NewPaymentCollection};
use medusa_query_dsl::{in_insertion_order, key_in};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use crate::events::{
    OrderEditCanceled, OrderEditConfirmed, OrderEditCreated, OrderEditRequested, OrderEditUpdated,
};
use crate::input::{CreateOrderEdit, RequestConfirmation, UpdateOrderEdit};
use crate::rules::{self, Status, Step};

pub(crate) fn edit_not_found(id: &str) -> Error {
    Error::not_found(format!("Order edit with id {id} was not found"))
}

/// The edit, locked for the rest of the transaction where the database can.
pub async fn edit_for_update<C: ConnectionTrait>(conn: &C, id: &str) -> Result<order_edit::Model> {
    order_edit::Entity::find_by_id(id)
        .lock_exclusive()
        .one(conn)
        .await?
        .ok_or_else(|| edit_not_found(id))
}

async fn save<C: ConnectionTrait>(
    conn: &C,
    mut row: order_edit::ActiveModel,
) -> Result<order_edit::Model> {
    row.updated_at = Set(medusa_core::time::now());
    Ok(row.update(conn).await?)
}

/// Line items of `column = value`, in insertion order.
pub(crate) async fn lines_where<C: ConnectionTrait>(
    conn: &C,
    column: line_item::Column,
    value: &str,
) -> Result<Vec<line_item::Model>> {
    let select = line_item::Entity::find().filter(column.eq(value));
    all_in_insertion_order(conn, select).await
}

/// `OrderEditService.create`: refused while the order has an active edit; the order's items
/// are cloned into the edit (`LineItemService.cloneTo`: every column kept, the clone naming
/// its original), each with copies of its tax lines and adjustments.
pub async fn create_in<C: ConnectionTrait>(
    conn: &C,
    input: &CreateOrderEdit,
    created_by: &str,
    tax_inclusive: bool,
) -> Result<order_edit::Model> {
    // Medusa inserts and lets the foreign key refuse a missing order; its error handler
    // words the violation so.
    let order = order::Entity::find_by_id(input.order_id.clone())
        .lock_exclusive()
        .one(conn)
        .await?;
    if order.is_none() {
        return Err(Error::not_found(format!(
            "Order with order_id {} does not exist.",
            input.order_id
        )));
    }
    let active = order_edit::Entity::find()
        .filter(order_edit::Column::OrderId.eq(&input.order_id))
        .filter(order_edit::Column::ConfirmedAt.is_null())
        .filter(order_edit::Column::CanceledAt.is_null())
        .filter(order_edit::Column::DeclinedAt.is_null())
        .one(conn)
        .await?;
    if active.is_some() {
        return Err(Error::invalid_data(format!(
            "An active order edit already exists for the order {}",
            input.order_id
        )));
    }
    let now = medusa_core::time::now();
    let edit = order_edit::ActiveModel {
        id: Set(generate_id("oe")),
        order_id: Set(input.order_id.clone()),
        internal_note: Set(input.internal_note.clone()),
        created_by: Set(created_by.to_owned()),
        requested_by: Set(None),
        requested_at: Set(None),
        confirmed_by: Set(None),
        confirmed_at: Set(None),
        declined_by: Set(None),
        declined_reason: Set(None),
        declined_at: Set(None),
        canceled_by: Set(None),
        canceled_at: Set(None),
        payment_collection_id: Set(None),
        ..stamped(now)
    }
    .insert(conn)
    .await?;
    // Medusa clones the lines in the order its unordered read gave; newest first is what
    // PostgreSQL's join gave on the reference server.
    let originals = line_item::Entity::find()
        .filter(line_item::Column::OrderId.eq(&input.order_id))
        .order_by_desc(line_item::Column::CreatedAt)
        .order_by_desc(line_item::Column::Id)
        .all(conn)
        .await?;
    clone_lines_in(conn, &originals, &edit.id, tax_inclusive).await?;
    record_event(
        conn,
        &OrderEditCreated {
            id: edit.id.clone(),
        },
    )
    .await?;
    Ok(edit)
}

async fn clone_lines_in<C: ConnectionTrait>(
    conn: &C,
    originals: &[line_item::Model],
    edit_id: &str,
    tax_inclusive: bool,
) -> Result<()> {
    if originals.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = originals.iter().map(|l| l.id.clone()).collect();
    let backend = conn.get_database_backend();
    let tax_lines = in_insertion_order(
        line_item_tax_line::Entity::find().filter(key_in(
            line_item_tax_line::Column::ItemId.into_expr(),
            ids.clone(),
            backend,
        )),
        backend,
    )
    .all(conn)
    .await?;
    let adjustments = in_insertion_order(
        line_item_adjustment::Entity::find().filter(key_in(
            line_item_adjustment::Column::ItemId.into_expr(),
            ids.clone(),
            backend,
        )),
        backend,
    )
    .all(conn)
    .await?;
    let flagged = if tax_inclusive {
        includes_tax::read(conn, Table::LineItem, &ids).await?
    } else {
        Default::default()
    };
    for original in originals {
        let mut clone = original.clone();
        clone.id = generate_id("item");
        clone.order_id = None;
        clone.swap_id = None;
        clone.claim_order_id = None;
        clone.cart_id = None;
        clone.order_edit_id = Some(edit_id.to_owned());
        clone.original_item_id = Some(original.id.clone());
        let clone = line_item::ActiveModel::from(clone).insert(conn).await?;
        if tax_inclusive {
            let value = flagged.get(&original.id).copied().unwrap_or(false);
            includes_tax::write(conn, Table::LineItem, &clone.id, value).await?;
        }
        for line in tax_lines.iter().filter(|t| t.item_id == original.id) {
            let mut copy = line.clone();
            copy.id = generate_id("litl");
            copy.item_id = clone.id.clone();
            line_item_tax_line::ActiveModel::from(copy)
                .insert(conn)
                .await?;
        }
        for adjustment in adjustments.iter().filter(|a| a.item_id == original.id) {
            let mut copy = adjustment.clone();
            copy.id = generate_id("lia");
            copy.item_id = clone.id.clone();
            line_item_adjustment::ActiveModel::from(copy)
                .insert(conn)
                .await?;
        }
    }
    Ok(())
}

/// `OrderEditService.update`: the note when given; `order-edit.updated`.
pub async fn update_in<C: ConnectionTrait>(
    conn: &C,
    id: &str,
    input: &UpdateOrderEdit,
) -> Result<order_edit::Model> {
    let edit = edit_for_update(conn, id).await?;
    let mut active = edit.into_active_model();
    if let Some(note) = &input.internal_note {
        active.internal_note = Set(Some(note.clone()));
    }
    let saved = save(conn, active).await?;
    record_event(
        conn,
        &OrderEditUpdated {
            id: saved.id.clone(),
        },
    )
    .await?;
    Ok(saved)
}

/// Removes line items with their tax lines and adjustments.
pub(crate) async fn delete_lines_in<C: ConnectionTrait>(conn: &C, ids: &[String]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let backend = conn.get_database_backend();
    line_item_tax_line::Entity::delete_many()
        .filter(key_in(
            line_item_tax_line::Column::ItemId.into_expr(),
            ids.to_vec(),
            backend,
        ))
        .exec(conn)
        .await?;
    line_item_adjustment::Entity::delete_many()
        .filter(key_in(
            line_item_adjustment::Column::ItemId.into_expr(),
            ids.to_vec(),
            backend,
        ))
        .exec(conn)
        .await?;
    line_item::Entity::delete_many()
        .filter(key_in(
            line_item::Column::Id.into_expr(),
            ids.to_vec(),
            backend,
        ))
        .exec(conn)
        .await?;
    Ok(())
}

/// `OrderEditService.delete`: a missing edit is no error; only a created one goes, with its
/// changes and its cloned items.
pub async fn delete_in<C: ConnectionTrait>(conn: &C, id: &str) -> Result<()> {
    let Some(edit) = order_edit::Entity::find_by_id(id)
        .lock_exclusive()
        .one(conn)
        .await?
    else {
        return Ok(());
    };
    rules::may_delete(Status::of(&edit))?;
    let changes: Vec<String> = order_item_change::Entity::find()
        .filter(order_item_change::Column::OrderEditId.eq(id))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    crate::items::delete_changes_in(conn, &changes).await?;
    let cloned: Vec<String> = lines_where(conn, line_item::Column::OrderEditId, id)
        .await?
        .into_iter()
        .map(|l| l.id)
        .collect();
    delete_lines_in(conn, &cloned).await?;
    order_edit::Entity::delete_by_id(id).exec(conn).await?;
    Ok(())
}

/// `requestConfirmation` and what the request route adds: with a positive difference due, a
/// payment collection of that amount in the order's currency and region, named on the edit
/// (an `order-edit.updated`). A request repeated on a requested edit changes no timestamp
/// but, as in Medusa, asks for a collection again.
pub async fn request_in<C: Connection>(
    conn: &C,
    id: &str,
    requested_by: &str,
    input: &RequestConfirmation,
    tax_inclusive: bool,
) -> Result<()> {
    let edit = edit_for_update(conn, id).await?;
    let changes = order_item_change::Entity::find()
        .filter(order_item_change::Column::OrderEditId.eq(id))
        .filter(order_item_change::Column::DeletedAt.is_null())
        .all(conn)
        .await?
        .len();
    let edit = match rules::request(changes, edit.requested_at.is_some())? {
        Step::AlreadyTaken => edit,
        Step::Take => {
            let mut active = edit.into_active_model();
            active.requested_at = Set(Some(medusa_core::time::now()));
            active.requested_by = Set(Some(requested_by.to_owned()));
            let saved = save(conn, active).await?;
            record_event(conn, &OrderEditRequested { id: id.to_owned() }).await?;
            saved
        }
    };
    let shown = crate::read::show_edits(
        conn,
        std::slice::from_ref(&edit),
        &crate::spec::default_selection()?,
        tax_inclusive,
    )
    .await?;
    let due = shown
        .first()
        .and_then(|e| e.get("difference_due"))
        .and_then(serde_json::Value::as_f64)
        .unwrap_or(0.0);
    if !rules::needs_payment_collection(due) {
        return Ok(());
    }
    let order = medusa_order::lifecycle::order_for_update(conn, &edit.order_id).await?;
    #[allow(clippy::cast_possible_truncation)]
    let amount = due.round() as i64;
    let collection = create_collection_in(
        conn,
        NewPaymentCollection {
            amount,
            currency_code: &order.currency_code,
            region_id: &order.region_id,
            description: input.payment_collection_description.clone(),
            created_by: requested_by,
        },
    )
    .await?;
    let mut active = edit.into_active_model();
    active.payment_collection_id = Set(Some(collection.id));
    save(conn, active).await?;
    record_event(conn, &OrderEditUpdated { id: id.to_owned() }).await?;
    Ok(())
}

/// `OrderEditService.cancel`.
pub async fn cancel_in<C: ConnectionTrait>(conn: &C, id: &str, canceled_by: &str) -> Result<()> {
    let edit = edit_for_update(conn, id).await?;
    if rules::cancel(Status::of(&edit))? == Step::AlreadyTaken {
        return Ok(());
    }
    let mut active = edit.into_active_model();
    active.canceled_at = Set(Some(medusa_core::time::now()));
    active.canceled_by = Set(Some(canceled_by.to_owned()));
    save(conn, active).await?;
    record_event(conn, &OrderEditCanceled { id: id.to_owned() }).await?;
    Ok(())
}

/// `OrderEditService.confirm`: the order's lines (but the edit's) leave the order, the
/// edit's lines join it, and the reservations of the lines that left are released when the
/// inventory modules are on.
pub async fn confirm_in<C: ConnectionTrait>(conn: &C, id: &str, confirmed_by: &str) -> Result<()> {
    let edit = edit_for_update(conn, id).await?;
    if rules::confirm(Status::of(&edit))? == Step::AlreadyTaken {
        return Ok(());
    }
    let detached: Vec<String> = line_item::Entity::find()
        .filter(line_item::Column::OrderId.eq(&edit.order_id))
        .filter(
            line_item::Column::OrderEditId
                .is_null()
                .or(line_item::Column::OrderEditId.ne(id)),
        )
        .all(conn)
        .await?
        .into_iter()
        .map(|l| l.id)
        .collect();
    let backend = conn.get_database_backend();
    let now = medusa_core::time::now();
    if !detached.is_empty() {
        line_item::Entity::update_many()
            .col_expr(
                line_item::Column::OrderId,
                Expr::value(Option::<String>::None),
            )
            .col_expr(line_item::Column::UpdatedAt, Expr::value(now))
            .filter(key_in(
                line_item::Column::Id.into_expr(),
                detached.clone(),
                backend,
            ))
            .exec(conn)
            .await?;
    }
    line_item::Entity::update_many()
        .col_expr(
            line_item::Column::OrderId,
            Expr::value(edit.order_id.clone()),
        )
        .col_expr(line_item::Column::UpdatedAt, Expr::value(now))
        .filter(line_item::Column::OrderEditId.eq(id))
        .exec(conn)
        .await?;
    let mut active = edit.into_active_model();
    active.confirmed_at = Set(Some(now));
    active.confirmed_by = Set(Some(confirmed_by.to_owned()));
    save(conn, active).await?;
    medusa_inventory::reservations::release_line_items_in(conn, &detached).await?;
    record_event(conn, &OrderEditConfirmed { id: id.to_owned() }).await?;
    Ok(())
}
