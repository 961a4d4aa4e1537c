//! The edit's item changes (`item_add`, `item_update`, `item_remove`, recorded in
//! `order_item_change`), each followed by the refresh of the edit's discount adjustments
//! against the order's discounts, as `OrderEditService` does.

use medusa_cart::adjustments::{refresh_adjustments_in, DiscountableLine};
use medusa_cart::{
    generate_line_items_in, insert_line_items_in, LineOwner, PricingContext, TaxLines, VariantLine,
};
use medusa_core::new_row::stamped;
use medusa_core::{generate_id, Error, Result};
use medusa_entity::sea_orm_active_enums::{DiscountRuleTypeEnum, OrderItemChangeTypeEnum};
use medusa_entity::{
    discount, discount_rule, line_item, line_item_adjustment, order_discounts, order_edit,
    order_item_change, product_variant,
};
use medusa_events::record_event;
use medusa_query_dsl::{in_insertion_order, key_in};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QuerySelect, Set,
};

use crate::events::{ItemChangeCreated, ItemChangesDeleted};
use crate::input::{AddLineItem, UpdateLineItem};
use crate::rules::{self, Status};
use crate::write::{delete_lines_in, edit_for_update, edit_not_found, lines_where};

async fn record_change_in<C: ConnectionTrait>(
    conn: &C,
    edit_id: &str,
    kind: OrderItemChangeTypeEnum,
    original_line_item_id: Option<String>,
    line_item_id: Option<String>,
) -> Result<order_item_change::Model> {
    let now = medusa_core::time::now();
    let change = order_item_change::ActiveModel {
        id: Set(generate_id("oic")),
        r#type: Set(kind),
        order_edit_id: Set(edit_id.to_owned()),
        original_line_item_id: Set(original_line_item_id),
        line_item_id: Set(line_item_id),
        ..stamped(now)
    }
    .insert(conn)
    .await?;
    record_event(
        conn,
        &ItemChangeCreated {
            id: change.id.clone(),
        },
    )
    .await?;
    Ok(change)
}

/// The order's first discount that is not free shipping, with its rule.
async fn order_discount<C: ConnectionTrait>(
    conn: &C,
    order_id: &str,
) -> Result<Option<(discount::Model, discount_rule::Model)>> {
    let backend = conn.get_database_backend();
    let links = in_insertion_order(
        order_discounts::Entity::find().filter(order_discounts::Column::OrderId.eq(order_id)),
        backend,
    )
    .all(conn)
    .await?;
    for link in links {
        let Some(found) = discount::Entity::find_by_id(link.discount_id)
            .one(conn)
            .await?
        else {
            continue;
        };
        let Some(rule_id) = &found.rule_id else {
            continue;
        };
        let Some(rule) = discount_rule::Entity::find_by_id(rule_id.clone())
            .one(conn)
            .await?
        else {
            continue;
        };
        if rule.r#type != DiscountRuleTypeEnum::FreeShipping {
            return Ok(Some((found, rule)));
        }
    }
    Ok(None)
}

/// `refreshAdjustments`: the adjustments of the edit's lines are removed (only those of a
/// discount when `keep_custom`), then written again for the order's first discount that is
/// not free shipping.
pub async fn refresh_adjustments_for_edit_in<C: ConnectionTrait>(
    conn: &C,
    edit: &order_edit::Model,
    keep_custom: bool,
) -> Result<()> {
    let lines = lines_where(conn, line_item::Column::OrderEditId, &edit.id).await?;
    if !keep_custom && !lines.is_empty() {
        let ids: Vec<String> = lines.iter().map(|l| l.id.clone()).collect();
        line_item_adjustment::Entity::delete_many()
            .filter(key_in(
                line_item_adjustment::Column::ItemId.into_expr(),
                ids,
                conn.get_database_backend(),
            ))
            .exec(conn)
            .await?;
    }
    let variant_ids: Vec<String> = lines.iter().filter_map(|l| l.variant_id.clone()).collect();
    let variants: std::collections::HashMap<String, String> = if variant_ids.is_empty() {
        Default::default()
    } else {
        product_variant::Entity::find()
            .filter(key_in(
                product_variant::Column::Id.into_expr(),
                variant_ids,
                conn.get_database_backend(),
            ))
            .all(conn)
            .await?
            .into_iter()
            .map(|v| (v.id, v.product_id))
            .collect()
    };
    let discountable: Vec<DiscountableLine<'_>> = lines
        .iter()
        .map(|line| DiscountableLine {
            item: line,
            product_id: line
                .variant_id
                .as_ref()
                .and_then(|v| variants.get(v))
                .map(String::as_str),
            subtotal: f64::from(line.unit_price) * f64::from(line.quantity),
        })
        .collect();
    let found = order_discount(conn, &edit.order_id).await?;
    let discount = found.as_ref().map(|(d, rule)| (d.id.as_str(), rule));
    refresh_adjustments_in(conn, &discountable, discount).await
}

async fn order_of<C: ConnectionTrait>(
    conn: &C,
    edit: &order_edit::Model,
) -> Result<medusa_entity::order::Model> {
    medusa_entity::order::Entity::find_by_id(edit.order_id.clone())
        .one(conn)
        .await?
        .ok_or_else(|| Error::not_found(format!("Order with id {} was not found", edit.order_id)))
}

/// `OrderEditService.addLineItem`: a line generated for the variant in the order's region for
/// the order's customer, the adjustments refreshed, an `item_add` change, the line's tax lines.
pub async fn add_item_in<C: medusa_load::Connection>(
    conn: &C,
    edit_id: &str,
    input: &AddLineItem,
    tax_inclusive: bool,
) -> Result<()> {
    let edit = edit_for_update(conn, edit_id).await?;
    let order = order_of(conn, &edit).await?;
    rules::may_add_item(Status::of(&edit))?;
    let context = PricingContext {
        region_id: &order.region_id,
        customer_id: Some(&order.customer_id),
        tax_inclusive,
    };
    let line = VariantLine {
        variant_id: input.variant_id.clone(),
        quantity: input.quantity,
        unit_price: None,
        metadata: input.metadata.clone(),
    };
    let generated = generate_line_items_in(conn, &context, &[line]).await?;
    let written = insert_line_items_in(
        conn,
        LineOwner::OrderEdit(edit_id),
        generated,
        TaxLines::Create {
            region_id: &order.region_id,
        },
        tax_inclusive,
    )
    .await?;
    refresh_adjustments_for_edit_in(conn, &edit, false).await?;
    for item in written {
        record_change_in(
            conn,
            edit_id,
            OrderItemChangeTypeEnum::ItemAdd,
            None,
            Some(item.id),
        )
        .await?;
    }
    Ok(())
}

/// The edit's line `item_id`: Medusa's 404 when missing, its 400 when another edit's.
async fn edit_line<C: ConnectionTrait>(
    conn: &C,
    edit: &order_edit::Model,
    item_id: &str,
    named_order: bool,
) -> Result<Option<line_item::Model>> {
    let Some(line) = line_item::Entity::find_by_id(item_id).one(conn).await? else {
        return Ok(None);
    };
    if line.order_edit_id.as_deref() != Some(edit.id.as_str()) {
        return Err(not_of_edit(item_id, edit, named_order));
    }
    Ok(Some(line))
}

/// Medusa names the edit's order; its remove reads the edit without `order_id` and so
/// names `undefined` (`named_order` false).
fn not_of_edit(item_id: &str, edit: &order_edit::Model, named_order: bool) -> Error {
    let order = if named_order {
        edit.order_id.as_str()
    } else {
        "undefined"
    };
    Error::invalid_data(format!(
        "Invalid line item id {item_id} it does not belong to the same order edit {order}."
    ))
}

/// `OrderEditService.updateLineItem`: the line's quantity, recorded as an `item_update` unless
/// the line already has a change (its `item_add` or an earlier update); the adjustments of
/// discounts refreshed, custom ones kept.
pub async fn update_item_in<C: ConnectionTrait>(
    conn: &C,
    edit_id: &str,
    item_id: &str,
    input: &UpdateLineItem,
) -> Result<()> {
    let edit = edit_for_update(conn, edit_id).await?;
    rules::may_change_item(Status::of(&edit), edit_id)?;
    let line = edit_line(conn, &edit, item_id, true)
        .await?
        .ok_or_else(|| Error::not_found(format!("Line item with {item_id} was not found")))?;
    let existing = order_item_change::Entity::find()
        .filter(order_item_change::Column::LineItemId.eq(item_id))
        .filter(order_item_change::Column::DeletedAt.is_null())
        .one(conn)
        .await?;
    if existing.is_none() {
        record_change_in(
            conn,
            edit_id,
            OrderItemChangeTypeEnum::ItemUpdate,
            line.original_item_id.clone(),
            Some(item_id.to_owned()),
        )
        .await?;
    }
    let quantity = i32::try_from(input.quantity)
        .map_err(|_| Error::invalid_data(format!("{} is out of range", input.quantity)))?;
    let mut active = line.into_active_model();
    active.quantity = Set(quantity);
    active.updated_at = Set(medusa_core::time::now());
    active.update(conn).await?;
    refresh_adjustments_for_edit_in(conn, &edit, true).await
}

/// `OrderEditService.removeLineItem`: a missing line is no error; a line of the edit that
/// clones one of the order's goes (with its tax lines), the adjustments are refreshed and an
/// `item_remove` change names the original.
pub async fn remove_item_in<C: ConnectionTrait>(
    conn: &C,
    edit_id: &str,
    item_id: &str,
) -> Result<()> {
    let edit = edit_for_update(conn, edit_id).await?;
    rules::may_change_item(Status::of(&edit), edit_id)?;
    let Some(line) = edit_line(conn, &edit, item_id, false).await? else {
        return Ok(());
    };
    let Some(original) = line.original_item_id.clone() else {
        return Err(not_of_edit(item_id, &edit, false));
    };
    delete_lines_in(conn, std::slice::from_ref(&line.id)).await?;
    refresh_adjustments_for_edit_in(conn, &edit, false).await?;
    record_change_in(
        conn,
        edit_id,
        OrderItemChangeTypeEnum::ItemRemove,
        Some(original),
        None,
    )
    .await?;
    Ok(())
}

/// `OrderEditItemChangeService.delete`: the changes go, and with them the lines they made
/// (an added line, or the clone an update changed); `order-edit-item-change.DELETED`.
pub async fn delete_changes_in<C: ConnectionTrait>(conn: &C, ids: &[String]) -> Result<()> {
    let backend = conn.get_database_backend();
    let changes = if ids.is_empty() {
        Vec::new()
    } else {
        order_item_change::Entity::find()
            .filter(key_in(
                order_item_change::Column::Id.into_expr(),
                ids.to_vec(),
                backend,
            ))
            .all(conn)
            .await?
    };
    let lines: Vec<String> = changes
        .iter()
        .filter_map(|c| c.line_item_id.clone())
        .collect();
    if !ids.is_empty() {
        order_item_change::Entity::delete_many()
            .filter(key_in(
                order_item_change::Column::Id.into_expr(),
                ids.to_vec(),
                backend,
            ))
            .exec(conn)
            .await?;
    }
    delete_lines_in(conn, &lines).await?;
    record_event(conn, &ItemChangesDeleted { ids: ids.to_vec() }).await?;
    Ok(())
}

/// `OrderEditService.deleteItemChange`: the change must be the edit's, and the edit neither
/// confirmed nor canceled.
pub async fn delete_change_in<C: ConnectionTrait>(
    conn: &C,
    edit_id: &str,
    change_id: &str,
) -> Result<()> {
    let change = order_item_change::Entity::find_by_id(change_id)
        .filter(order_item_change::Column::DeletedAt.is_null())
        .one(conn)
        .await?
        .ok_or_else(|| {
            Error::not_found(format!("Order edit item change {change_id} was not found"))
        })?;
    let edit = order_edit::Entity::find_by_id(edit_id)
        .lock_exclusive()
        .one(conn)
        .await?
        .ok_or_else(|| edit_not_found(edit_id))?;
    if change.order_edit_id != edit.id {
        return Err(Error::invalid_data(format!(
            "The item change you are trying to delete doesn't belong to the OrderEdit with id: {edit_id}."
        )));
    }
    rules::may_delete_change(&edit)?;
    delete_changes_in(conn, &[change.id]).await
}
