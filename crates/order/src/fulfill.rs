//! Fulfilling an order: fulfillments through the shipping methods' providers, their
//! cancellation, shipments with tracking links, and shipping methods added by the admin.

use medusa_core::{Error, Result};
use medusa_entity::includes_tax::{self, Table};
use medusa_entity::{
    fulfillment, fulfillment_item, line_item, shipping_method, shipping_method_tax_line,
    shipping_option, tracking_link,
};
use medusa_providers::{FulfillmentProvider, ProviderRegistry};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use serde_json::{json, Value};
use std::sync::Arc;

use crate::input::{AddShippingMethod, CreateFulfillment, CreateShipment};
use crate::lifecycle::{order_for_update, order_for_update_legacy, restock_in, save_order};
use crate::status::{self, LineProgress};

fn fulfillment_provider(
    providers: &ProviderRegistry,
    id: Option<&str>,
) -> Result<Arc<dyn FulfillmentProvider>> {
    let id = id.unwrap_or_default();
    providers.fulfillment(id).ok_or_else(|| {
        Error::not_found(format!(
            "Could not find a fulfillment provider with id: {id}"
        ))
    })
}

/// The order's line items, in insertion order.
async fn order_items<C: ConnectionTrait>(
    conn: &C,
    order_id: &str,
) -> Result<Vec<line_item::Model>> {
    Ok(line_item::Entity::find()
        .filter(line_item::Column::OrderId.eq(order_id))
        .order_by_asc(line_item::Column::CreatedAt)
        .order_by_asc(line_item::Column::Id)
        .all(conn)
        .await?)
}

/// The order's shipping methods with their options (a method whose option is gone has none).
async fn order_methods<C: ConnectionTrait>(
    conn: &C,
    order_id: &str,
) -> Result<Vec<(shipping_method::Model, Option<shipping_option::Model>)>> {
    let methods = shipping_method::Entity::find()
        .filter(shipping_method::Column::OrderId.eq(order_id))
        .order_by_asc(shipping_method::Column::Id)
        .all(conn)
        .await?;
    let option_ids: Vec<String> = methods
        .iter()
        .map(|m| m.shipping_option_id.clone())
        .collect();
    let options: std::collections::HashMap<String, shipping_option::Model> =
        shipping_option::Entity::find()
            .filter(shipping_option::Column::Id.is_in(option_ids))
            .all(conn)
            .await?
            .into_iter()
            .map(|option| (option.id.clone(), option))
            .collect();
    Ok(methods
        .into_iter()
        .map(|method| {
            let option = options.get(&method.shipping_option_id).cloned();
            (method, option)
        })
        .collect())
}

/// A shipping method, its option, and the requested lines it fulfills.
type Partition<'a> = (
    &'a shipping_method::Model,
    Option<&'a shipping_option::Model>,
    Vec<(&'a line_item::Model, i32)>,
);

/// `POST /admin/orders/{id}/fulfillment`: one fulfillment per shipping method (with the
/// requested items when there is one method, empty when there are several, as Medusa 1.20
/// does), each created by the method's provider; items' `fulfilled_quantity` raised; the order `fulfilled` or
/// `partially_fulfilled`; one `order.fulfillment_created` per fulfillment.
pub async fn create_fulfillment_in<C: ConnectionTrait>(
    conn: &C,
    providers: &ProviderRegistry,
    order_id: &str,
    input: &CreateFulfillment,
) -> Result<Vec<String>> {
    let row = order_for_update_legacy(conn, order_id).await?;
    let methods = order_methods(conn, order_id).await?;
    status::may_fulfill(&row.status, methods.len())?;
    let items = order_items(conn, order_id).await?;
    // The requested lines, unknown items skipped, each checked against what is left.
    let mut lines: Vec<(&line_item::Model, i32)> = Vec::new();
    for (item_id, quantity) in &input.items {
        let Some(item) = items.iter().find(|i| &i.id == item_id) else {
            continue;
        };
        status::may_fulfill_quantity(item.quantity, item.fulfilled_quantity, *quantity)?;
        lines.push((item, *quantity));
    }
    // One method takes every line. With several, Medusa means to split the lines by their
    // product's shipping profile, but the profile it compares (`product.profile_id`, not a
    // column) is lost when it copies the items, so every method's fulfillment is empty.
    let partitions: Vec<Partition<'_>> = methods
        .iter()
        .map(|(method, option)| {
            let mine = if methods.len() == 1 {
                lines.clone()
            } else {
                Vec::new()
            };
            (method, option.as_ref(), mine)
        })
        .collect();

    let now = medusa_core::time::now();
    let mut created = Vec::new();
    let mut fulfilled: Vec<(String, i32)> = Vec::new();
    for (method, option, lines) in partitions {
        let provider_id = option.map(|o| o.provider_id.clone());
        let provider = fulfillment_provider(providers, provider_id.as_deref())?;
        let data = provider
            .create_fulfillment(&method.data)
            .map_err(Error::invalid_data)?;
        let ful = fulfillment::ActiveModel {
            id: Set(medusa_core::generate_id("ful")),
            swap_id: Set(None),
            order_id: Set(Some(order_id.to_owned())),
            tracking_numbers: Set(json!([])),
            data: Set(data),
            shipped_at: Set(None),
            canceled_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            metadata: Set(Some(Value::Object(
                input.metadata.clone().unwrap_or_default(),
            ))),
            idempotency_key: Set(None),
            provider_id: Set(provider_id),
            claim_order_id: Set(None),
            no_notification: Set(input.no_notification),
            location_id: Set(input.location_id.clone()),
        }
        .insert(conn)
        .await?;
        for (item, quantity) in lines {
            fulfillment_item::Entity::insert(fulfillment_item::ActiveModel {
                fulfillment_id: Set(ful.id.clone()),
                item_id: Set(item.id.clone()),
                quantity: Set(quantity),
            })
            .exec_without_returning(conn)
            .await?;
            fulfilled.push((item.id.clone(), quantity));
        }
        created.push(ful.id);
    }

    let mut progress = Vec::new();
    for item in &items {
        let added = fulfilled
            .iter()
            .find(|(id, _)| id == &item.id)
            .map(|(_, q)| *q);
        progress.push(LineProgress {
            quantity: item.quantity,
            before: item.fulfilled_quantity,
            added,
        });
        if let Some(added) = added {
            let mut active = item.clone().into_active_model();
            active.fulfilled_quantity = Set(Some(item.fulfilled_quantity.unwrap_or(0) + added));
            active.updated_at = Set(now);
            active.update(conn).await?;
        }
    }
    if input.location_id.is_some() {
        // Without an inventory module Medusa releases the reservation (stock up) and then
        // takes the stock at the location (stock down): no net change, two updates.
        for (item_id, quantity) in &fulfilled {
            let variant = items
                .iter()
                .find(|i| &i.id == item_id)
                .and_then(|i| i.variant_id.clone());
            if let Some(variant_id) = variant {
                restock_in(conn, &variant_id, *quantity).await?;
                restock_in(conn, &variant_id, -quantity).await?;
            }
        }
    }
    let no_notification = input.no_notification.or(row.no_notification);
    let mut active = row.into_active_model();
    active.fulfillment_status = Set(status::after_fulfillment(&progress));
    save_order(conn, active).await?;
    for id in &created {
        let payload =
            json!({"id": order_id, "fulfillment_id": id, "no_notification": no_notification});
        medusa_events::record(conn, "order.fulfillment_created", payload).await?;
    }
    Ok(created)
}

async fn find_fulfillment<C: ConnectionTrait>(conn: &C, id: &str) -> Result<fulfillment::Model> {
    fulfillment::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| Error::not_found(format!("Fulfillment with id: {id} was not found")))
}

async fn fulfillment_items<C: ConnectionTrait>(
    conn: &C,
    fulfillment_id: &str,
) -> Result<Vec<fulfillment_item::Model>> {
    Ok(fulfillment_item::Entity::find()
        .filter(fulfillment_item::Column::FulfillmentId.eq(fulfillment_id))
        .all(conn)
        .await?)
}

/// `POST /admin/orders/{id}/fulfillments/{fulfillment_id}/cancel`: the provider cancels it,
/// `canceled_at` now, its items' `fulfilled_quantity` lowered, the order's
/// `fulfillment_status` `canceled`; event `order.fulfillment_canceled`.
pub async fn cancel_fulfillment_in<C: ConnectionTrait>(
    conn: &C,
    providers: &ProviderRegistry,
    order_id: &str,
    fulfillment_id: &str,
) -> Result<()> {
    let ful = find_fulfillment(conn, fulfillment_id).await?;
    if ful.order_id.as_deref() != Some(order_id) {
        return Err(Error::not_found(format!(
            "no fulfillment was found with the id: {fulfillment_id} related to order: {order_id}"
        )));
    }
    let row = order_for_update(conn, order_id).await?;
    status::may_cancel_fulfillment(ful.shipped_at.is_some())?;
    fulfillment_provider(providers, ful.provider_id.as_deref())?
        .cancel_fulfillment(&ful.data)
        .map_err(Error::invalid_data)?;
    let now = medusa_core::time::now();
    for line in fulfillment_items(conn, fulfillment_id).await? {
        if let Some(item) = line_item::Entity::find_by_id(line.item_id)
            .one(conn)
            .await?
        {
            let lowered = item.fulfilled_quantity.unwrap_or(0) - line.quantity;
            let mut active = item.into_active_model();
            active.fulfilled_quantity = Set(Some(lowered));
            active.updated_at = Set(now);
            active.update(conn).await?;
        }
    }
    let no_notification = ful.no_notification;
    let mut active = ful.into_active_model();
    active.canceled_at = Set(Some(now));
    active.updated_at = Set(now);
    active.update(conn).await?;
    let mut order = row.into_active_model();
    order.fulfillment_status = Set(status::after_fulfillment_canceled());
    save_order(conn, order).await?;
    let payload = json!({"id": order_id, "fulfillment_id": fulfillment_id, "no_notification": no_notification});
    medusa_events::record(conn, "order.fulfillment_canceled", payload).await
}

/// `POST /admin/orders/{id}/shipment`: the fulfillment shipped now with a tracking link per
/// number, its items' `shipped_quantity` raised, the order `shipped` or `partially_shipped`;
/// event `order.shipment_created`.
pub async fn create_shipment_in<C: ConnectionTrait>(
    conn: &C,
    order_id: &str,
    input: &CreateShipment,
) -> Result<()> {
    let row = order_for_update(conn, order_id).await?;
    let ful = find_fulfillment(conn, &input.fulfillment_id).await?;
    status::may_ship(&row.status)?;
    if ful.order_id.as_deref() != Some(order_id) {
        return Err(Error::not_found("Could not find fulfillment"));
    }
    status::may_ship_fulfillment(ful.canceled_at.is_some())?;
    let no_notification = input.no_notification.or(ful.no_notification);
    let now = medusa_core::time::now();
    for number in &input.tracking_numbers {
        tracking_link::ActiveModel {
            id: Set(medusa_core::generate_id("tlink")),
            url: Set(None),
            tracking_number: Set(number.clone()),
            fulfillment_id: Set(ful.id.clone()),
            created_at: Set(now),
            updated_at: Set(now),
            deleted_at: Set(None),
            metadata: Set(None),
            idempotency_key: Set(None),
        }
        .insert(conn)
        .await?;
    }
    let shipped = fulfillment_items(conn, &ful.id).await?;
    let metadata = ful.metadata.clone().unwrap_or_else(|| json!({}));
    let mut active = ful.into_active_model();
    active.shipped_at = Set(Some(now));
    active.no_notification = Set(no_notification);
    active.metadata = Set(Some(metadata));
    active.updated_at = Set(now);
    active.update(conn).await?;

    let mut progress = Vec::new();
    for item in order_items(conn, order_id).await? {
        let added = shipped
            .iter()
            .find(|s| s.item_id == item.id)
            .map(|s| s.quantity);
        progress.push(LineProgress {
            quantity: item.quantity,
            before: item.shipped_quantity,
            added,
        });
        if let Some(added) = added {
            let total = item.shipped_quantity.unwrap_or(0) + added;
            let mut active = item.into_active_model();
            active.shipped_quantity = Set(Some(total));
            active.updated_at = Set(now);
            active.update(conn).await?;
        }
    }
    let mut order = row.into_active_model();
    order.fulfillment_status = Set(status::after_shipment(&progress));
    save_order(conn, order).await?;
    let payload = json!({"id": order_id, "fulfillment_id": input.fulfillment_id, "no_notification": no_notification});
    medusa_events::record(conn, "order.shipment_created", payload).await
}

/// `POST /admin/orders/{id}/shipping-methods`: a method of the option at the given price
/// (its data as the provider validates it); the order's methods of the same shipping
/// profile are removed; event `order.updated` (`{id}` only). With tax-inclusive pricing on
/// (`tax_inclusive`), the method takes its option's `includes_tax`.
pub async fn add_shipping_method_in<C: ConnectionTrait>(
    conn: &C,
    providers: &ProviderRegistry,
    tax_inclusive: bool,
    order_id: &str,
    input: &AddShippingMethod,
) -> Result<()> {
    let row = order_for_update(conn, order_id).await?;
    status::may_add_shipping_method(&row.status)?;
    let option = shipping_option::Entity::find_by_id(input.option_id.as_str())
        .filter(shipping_option::Column::DeletedAt.is_null())
        .one(conn)
        .await?
        .ok_or_else(|| {
            Error::not_found(format!(
                "Shipping Option with {} was not found",
                input.option_id
            ))
        })?;
    let provider = fulfillment_provider(providers, Some(&option.provider_id))?;
    let data = provider.validate_fulfillment_data(&option.data, &Value::Object(input.data.clone()));
    let existing = order_methods(conn, order_id).await?;
    let method = shipping_method::ActiveModel {
        id: Set(medusa_core::generate_id("sm")),
        shipping_option_id: Set(option.id.clone()),
        order_id: Set(Some(order_id.to_owned())),
        cart_id: Set(None),
        swap_id: Set(None),
        return_id: Set(None),
        price: Set(input.price),
        data: Set(data),
        claim_order_id: Set(None),
    }
    .insert(conn)
    .await?;
    if tax_inclusive {
        // The method takes its option's `includes_tax` (flag-only columns).
        let includes_tax = includes_tax::read_one(conn, Table::ShippingOption, &option.id).await?;
        includes_tax::write(conn, Table::ShippingMethod, &method.id, includes_tax).await?;
    }
    for (method, method_option) in existing {
        if method_option.is_some_and(|o| o.profile_id == option.profile_id) {
            shipping_method_tax_line::Entity::delete_many()
                .filter(shipping_method_tax_line::Column::ShippingMethodId.eq(method.id.as_str()))
                .exec(conn)
                .await?;
            shipping_method::Entity::delete_by_id(method.id)
                .exec(conn)
                .await?;
        }
    }
    // Medusa saves nothing of the order itself here.
    drop(row);
    medusa_events::record(conn, "order.updated", json!({ "id": order_id })).await
}
