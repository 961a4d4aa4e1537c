//! Fulfilling an order: fulfillments through the shipping methods' providers, their
//! cancellation, shipments with tracking links, and shipping methods added by the admin.

use medusa_core::{Error, Result};
use medusa_entity::{line_item, shipping_method, shipping_method_tax_line};
use medusa_providers::ProviderRegistry;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::json;

use crate::fulfillments::{
    cancel_fulfillment_row_in, create_shipping_method_in, find_fulfillment, fulfill_lines_in,
    owner_items, owner_methods, raise_shipped_in, restock_canceled_at_location_in,
    ship_fulfillment_in, NewFulfillment, Owner,
};
use crate::input::{AddShippingMethod, CreateFulfillment, CreateShipment};
use crate::lifecycle::{order_for_update, order_for_update_legacy, save_order};
use crate::status;

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
    let owner = Owner::Order(order_id);
    let methods = owner_methods(conn, owner).await?;
    status::may_fulfill(&row.status, methods.len())?;
    let items = owner_items(conn, owner).await?;
    // The requested lines, unknown items skipped, each checked against what is left.
    let mut lines: Vec<(&line_item::Model, i32)> = Vec::new();
    for (item_id, quantity) in &input.items {
        let Some(item) = items.iter().find(|i| &i.id == item_id) else {
            continue;
        };
        status::may_fulfill_quantity(item.quantity, item.fulfilled_quantity, *quantity)?;
        lines.push((item, *quantity));
    }
    let new = NewFulfillment {
        metadata: Some(input.metadata.clone().unwrap_or_default()),
        no_notification: input.no_notification,
        location_id: input.location_id.clone(),
    };
    let created = fulfill_lines_in(conn, providers, owner, &methods, &lines, &new).await?;
    let progress = crate::fulfillments::progress_after(&items, &created);
    let no_notification = input.no_notification.or(row.no_notification);
    let mut active = row.into_active_model();
    active.fulfillment_status = Set(status::after_fulfillment(&progress));
    save_order(conn, active).await?;
    for ful in &created {
        let payload =
            json!({"id": order_id, "fulfillment_id": ful.id, "no_notification": no_notification});
        medusa_events::record(conn, "order.fulfillment_created", payload).await?;
    }
    Ok(created.into_iter().map(|c| c.id).collect())
}

/// `POST /admin/orders/{id}/fulfillments/{fulfillment_id}/cancel`: the provider cancels it,
/// `canceled_at` now, its items' `fulfilled_quantity` lowered (and the stock given back at
/// its location), the order's
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
    let no_notification = ful.no_notification;
    let canceled = cancel_fulfillment_row_in(conn, providers, ful).await?;
    restock_canceled_at_location_in(conn, &canceled).await?;
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
    let no_notification = input.no_notification.or(ful.no_notification);
    let shipped =
        ship_fulfillment_in(conn, ful, &input.tracking_numbers, input.no_notification).await?;
    let progress = raise_shipped_in(
        conn,
        owner_items(conn, Owner::Order(order_id)).await?,
        &shipped,
    )
    .await?;
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
    let existing = owner_methods(conn, Owner::Order(order_id)).await?;
    let (_, option) = create_shipping_method_in(
        conn,
        providers,
        tax_inclusive,
        Owner::Order(order_id),
        &input.option_id,
        &input.data,
        Some(input.price),
    )
    .await?;
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
