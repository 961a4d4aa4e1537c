//! Fulfillments whoever owns them. Medusa has one fulfillment service for an order, a swap
//! and a claim: the lines it fulfills and the methods it ships them with are the owner's,
//! the fulfillment row names the owner, and everything else (the provider's call, the
//! fulfilled and shipped quantities, a cancel, a shipment's tracking links) is the same.
//! Each owner's route applies its own status rules and records its own events around these
//! `*_in` functions.

use medusa_core::new_row::stamped;
use std::collections::HashMap;
use std::sync::Arc;

use medusa_core::{Error, Result};
use medusa_entity::{
    fulfillment, fulfillment_item, line_item, shipping_method, shipping_option, tracking_link,
};
use medusa_providers::{FulfillmentProvider, ProviderRegistry};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use serde_json::{json, Map, Value};

use crate::lifecycle::restock_in;
use medusa_inventory::fulfillment::FulfilledLine;

/// Who a fulfillment (and the lines and shipping methods it reads) belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner<'a> {
    Order(&'a str),
    Claim(&'a str),
    Swap(&'a str),
}

pub(crate) fn fulfillment_provider(
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

/// The owner's line items (an order's items, a claim's or swap's additional items), in
/// insertion order.
pub async fn owner_items<C: ConnectionTrait>(
    conn: &C,
    owner: Owner<'_>,
) -> Result<Vec<line_item::Model>> {
    let select = match owner {
        Owner::Order(id) => line_item::Entity::find().filter(line_item::Column::OrderId.eq(id)),
        Owner::Claim(id) => {
            line_item::Entity::find().filter(line_item::Column::ClaimOrderId.eq(id))
        }
        Owner::Swap(id) => line_item::Entity::find().filter(line_item::Column::SwapId.eq(id)),
    };
    Ok(select
        .order_by_asc(line_item::Column::CreatedAt)
        .order_by_asc(line_item::Column::Id)
        .all(conn)
        .await?)
}

/// The owner's shipping methods with their options (a method whose option is gone has none).
pub async fn owner_methods<C: ConnectionTrait>(
    conn: &C,
    owner: Owner<'_>,
) -> Result<Vec<(shipping_method::Model, Option<shipping_option::Model>)>> {
    let select = match owner {
        Owner::Order(id) => {
            shipping_method::Entity::find().filter(shipping_method::Column::OrderId.eq(id))
        }
        Owner::Claim(id) => {
            shipping_method::Entity::find().filter(shipping_method::Column::ClaimOrderId.eq(id))
        }
        Owner::Swap(id) => {
            shipping_method::Entity::find().filter(shipping_method::Column::SwapId.eq(id))
        }
    };
    let methods = select
        .order_by_asc(shipping_method::Column::Id)
        .all(conn)
        .await?;
    let option_ids: Vec<String> = methods
        .iter()
        .map(|m| m.shipping_option_id.clone())
        .collect();
    let options: HashMap<String, shipping_option::Model> = shipping_option::Entity::find()
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

/// What the route gives a new fulfillment beyond its lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewFulfillment {
    pub metadata: Option<Map<String, Value>>,
    pub no_notification: Option<bool>,
    pub location_id: Option<String>,
}

/// One fulfillment created, with the lines it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub id: String,
    pub lines: Vec<(String, i32)>,
}

/// Each of `items` with what `created` fulfilled of it: the input of the status rules that
/// follow a fulfillment (orders, claims and swaps alike).
pub fn progress_after(
    items: &[line_item::Model],
    created: &[Created],
) -> Vec<crate::status::LineProgress> {
    items
        .iter()
        .map(|item| crate::status::LineProgress {
            quantity: item.quantity,
            before: item.fulfilled_quantity,
            added: created
                .iter()
                .flat_map(|c| &c.lines)
                .find(|(id, _)| id == &item.id)
                .map(|(_, q)| *q),
        })
        .collect()
}

/// Medusa's `createFulfillment`: one fulfillment per shipping method of the owner, created
/// by the method's provider. One method takes every line; with several, Medusa means to
/// split the lines by their product's shipping profile, but the profile it compares
/// (`product.profile_id`, not a column) is lost when it copies the items, so every method's
/// fulfillment is empty. The lines' `fulfilled_quantity` is raised; with a location, the
/// stock there is taken (`ship_from_location_in`).
pub async fn fulfill_lines_in<C: ConnectionTrait>(
    conn: &C,
    providers: &ProviderRegistry,
    owner: Owner<'_>,
    methods: &[(shipping_method::Model, Option<shipping_option::Model>)],
    lines: &[(&line_item::Model, i32)],
    new: &NewFulfillment,
) -> Result<Vec<Created>> {
    let now = medusa_core::time::now();
    let (order_id, claim_id, swap_id) = match owner {
        Owner::Order(id) => (Some(id.to_owned()), None, None),
        Owner::Claim(id) => (None, Some(id.to_owned()), None),
        Owner::Swap(id) => (None, None, Some(id.to_owned())),
    };
    let mut created = Vec::new();
    for (method, option) in methods {
        let mine: Vec<(&line_item::Model, i32)> = if methods.len() == 1 {
            lines.to_vec()
        } else {
            Vec::new()
        };
        let provider_id = option.as_ref().map(|o| o.provider_id.clone());
        let provider = fulfillment_provider(providers, provider_id.as_deref())?;
        let data = provider
            .create_fulfillment(&method.data)
            .map_err(Error::invalid_data)?;
        let ful = fulfillment::ActiveModel {
            id: Set(medusa_core::generate_id("ful")),
            swap_id: Set(swap_id.clone()),
            order_id: Set(order_id.clone()),
            tracking_numbers: Set(json!([])),
            data: Set(data),
            shipped_at: Set(None),
            canceled_at: Set(None),
            metadata: Set(new.metadata.clone().map(Value::Object)),
            idempotency_key: Set(None),
            provider_id: Set(provider_id),
            claim_order_id: Set(claim_id.clone()),
            no_notification: Set(new.no_notification),
            location_id: Set(new.location_id.clone()),
            ..stamped(now)
        }
        .insert(conn)
        .await?;
        let mut taken = Vec::new();
        for &(item, quantity) in &mine {
            fulfillment_item::Entity::insert(fulfillment_item::ActiveModel {
                fulfillment_id: Set(ful.id.clone()),
                item_id: Set(item.id.clone()),
                quantity: Set(quantity),
            })
            .exec_without_returning(conn)
            .await?;
            let mut active = item.clone().into_active_model();
            active.fulfilled_quantity = Set(Some(item.fulfilled_quantity.unwrap_or(0) + quantity));
            active.updated_at = Set(now);
            active.update(conn).await?;
            taken.push((item.id.clone(), quantity));
        }
        if let Some(location_id) = &new.location_id {
            ship_from_location_in(conn, location_id, &mine).await?;
        }
        created.push(Created {
            id: ful.id,
            lines: taken,
        });
    }
    Ok(created)
}

/// The stock a fulfillment from a location takes: with the inventory modules, the items'
/// levels there and the lines' reservations (`medusa_inventory::fulfillment`); without
/// them, each variant's stock is released and taken again, as Medusa's service does then.
async fn ship_from_location_in<C: ConnectionTrait>(
    conn: &C,
    location_id: &str,
    lines: &[(&line_item::Model, i32)],
) -> Result<()> {
    let shipped: Vec<FulfilledLine> = lines
        .iter()
        .filter_map(|(item, quantity)| {
            item.variant_id.as_ref().map(|variant_id| FulfilledLine {
                line_item_id: item.id.clone(),
                variant_id: variant_id.clone(),
                title: item.title.clone(),
                quantity: *quantity,
            })
        })
        .collect();
    if !medusa_inventory::fulfillment::fulfill_at_location_in(conn, location_id, &shipped).await? {
        for line in &shipped {
            restock_in(conn, &line.variant_id, line.quantity).await?;
            restock_in(conn, &line.variant_id, -line.quantity).await?;
        }
    }
    Ok(())
}

/// An order's canceled fulfillment from a location gives the stock back there (with the
/// inventory modules; Medusa's route does nothing more without them).
pub async fn restock_canceled_at_location_in<C: ConnectionTrait>(
    conn: &C,
    ful: &fulfillment::Model,
) -> Result<()> {
    let Some(location_id) = &ful.location_id else {
        return Ok(());
    };
    for line in fulfillment_items(conn, &ful.id).await? {
        let Some(item) = line_item::Entity::find_by_id(line.item_id)
            .one(conn)
            .await?
        else {
            continue;
        };
        if let Some(variant_id) = &item.variant_id {
            medusa_inventory::fulfillment::restock_at_location_in(
                conn,
                variant_id,
                Some(location_id),
                line.quantity,
            )
            .await?;
        }
    }
    Ok(())
}

/// A claim's or a swap's `createFulfillment`: every additional item fulfilled in full
/// through the owner's shipping `methods`. The new fulfillments, and each item's progress
/// after them (the input of the owner's status rule).
pub async fn fulfill_every_item_in<C: ConnectionTrait>(
    conn: &C,
    providers: &ProviderRegistry,
    owner: Owner<'_>,
    methods: &[(shipping_method::Model, Option<shipping_option::Model>)],
    new: &NewFulfillment,
) -> Result<(Vec<Created>, Vec<crate::status::LineProgress>)> {
    let items = owner_items(conn, owner).await?;
    let mut lines = Vec::new();
    for item in &items {
        crate::status::may_fulfill_quantity(item.quantity, item.fulfilled_quantity, item.quantity)?;
        lines.push((item, item.quantity));
    }
    let created = fulfill_lines_in(conn, providers, owner, methods, &lines, new).await?;
    let progress = progress_after(&items, &created);
    Ok((created, progress))
}

/// A claim's or a swap's `createShipment`: the fulfillment shipped with its tracking numbers,
/// the owner's items' `shipped_quantity` raised; each item's progress after it.
pub async fn ship_owner_fulfillment_in<C: ConnectionTrait>(
    conn: &C,
    owner: Owner<'_>,
    fulfillment_id: &str,
    tracking_numbers: &[String],
    no_notification: Option<bool>,
) -> Result<Vec<crate::status::LineProgress>> {
    let ful = find_fulfillment(conn, fulfillment_id).await?;
    let shipped = ship_fulfillment_in(conn, ful, tracking_numbers, no_notification).await?;
    let items = owner_items(conn, owner).await?;
    raise_shipped_in(conn, items, &shipped).await
}

/// A fulfillment by id, or Medusa's `retrieve` error.
pub async fn find_fulfillment<C: ConnectionTrait>(
    conn: &C,
    id: &str,
) -> Result<fulfillment::Model> {
    fulfillment::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| Error::not_found(format!("Fulfillment with id: {id} was not found")))
}

pub(crate) async fn fulfillment_items<C: ConnectionTrait>(
    conn: &C,
    fulfillment_id: &str,
) -> Result<Vec<fulfillment_item::Model>> {
    Ok(fulfillment_item::Entity::find()
        .filter(fulfillment_item::Column::FulfillmentId.eq(fulfillment_id))
        .all(conn)
        .await?)
}

/// Medusa's `cancelFulfillment`: refused once shipped; the provider cancels it, its lines'
/// `fulfilled_quantity` is lowered, `canceled_at` now. Gives the canceled row.
pub async fn cancel_fulfillment_row_in<C: ConnectionTrait>(
    conn: &C,
    providers: &ProviderRegistry,
    ful: fulfillment::Model,
) -> Result<fulfillment::Model> {
    crate::status::may_cancel_fulfillment(ful.shipped_at.is_some())?;
    fulfillment_provider(providers, ful.provider_id.as_deref())?
        .cancel_fulfillment(&ful.data)
        .map_err(Error::invalid_data)?;
    let now = medusa_core::time::now();
    for line in fulfillment_items(conn, &ful.id).await? {
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
    let mut active = ful.into_active_model();
    active.canceled_at = Set(Some(now));
    active.updated_at = Set(now);
    Ok(active.update(conn).await?)
}

/// Medusa's `createShipment` of a fulfillment: refused once canceled; shipped now, a
/// tracking link per number, `no_notification` when given, its metadata kept. Gives the
/// fulfillment's lines.
pub async fn ship_fulfillment_in<C: ConnectionTrait>(
    conn: &C,
    ful: fulfillment::Model,
    tracking_numbers: &[String],
    no_notification: Option<bool>,
) -> Result<Vec<fulfillment_item::Model>> {
    crate::status::may_ship_fulfillment(ful.canceled_at.is_some())?;
    let now = medusa_core::time::now();
    for number in tracking_numbers {
        tracking_link::ActiveModel {
            id: Set(medusa_core::generate_id("tlink")),
            url: Set(None),
            tracking_number: Set(number.clone()),
            fulfillment_id: Set(ful.id.clone()),
            idempotency_key: Set(None),
            ..stamped(now)
        }
        .insert(conn)
        .await?;
    }
    let shipped = fulfillment_items(conn, &ful.id).await?;
    let metadata = ful.metadata.clone().unwrap_or_else(|| json!({}));
    let keep = ful.no_notification;
    let mut active = ful.into_active_model();
    active.shipped_at = Set(Some(now));
    active.no_notification = Set(no_notification.or(keep));
    active.metadata = Set(Some(metadata));
    active.updated_at = Set(now);
    active.update(conn).await?;
    Ok(shipped)
}

/// Raises the `shipped_quantity` of the owner's lines a shipment carried; gives each line's
/// progress for the owner's status rule.
pub async fn raise_shipped_in<C: ConnectionTrait>(
    conn: &C,
    items: Vec<line_item::Model>,
    shipped: &[fulfillment_item::Model],
) -> Result<Vec<crate::status::LineProgress>> {
    let now = medusa_core::time::now();
    let mut progress = Vec::new();
    for item in items {
        let added = shipped
            .iter()
            .find(|s| s.item_id == item.id)
            .map(|s| s.quantity);
        progress.push(crate::status::LineProgress {
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
    Ok(progress)
}

/// Medusa's `createShippingMethod` for an owner other than a cart: the option (live), its
/// provider's validated data, the given price or the option's amount. With tax-inclusive
/// pricing on, the method takes its option's `includes_tax`.
pub async fn create_shipping_method_in<C: ConnectionTrait>(
    conn: &C,
    providers: &ProviderRegistry,
    tax_inclusive: bool,
    owner: Owner<'_>,
    option_id: &str,
    data: &Map<String, Value>,
    price: Option<i32>,
) -> Result<(shipping_method::Model, shipping_option::Model)> {
    use medusa_entity::includes_tax::{self, Table};
    let option = shipping_option::Entity::find_by_id(option_id)
        .filter(shipping_option::Column::DeletedAt.is_null())
        .one(conn)
        .await?
        .ok_or_else(|| {
            Error::not_found(format!("Shipping Option with {option_id} was not found"))
        })?;
    let provider = fulfillment_provider(providers, Some(&option.provider_id))?;
    let data = provider.validate_fulfillment_data(&option.data, &Value::Object(data.clone()));
    let (order_id, claim_id, swap_id) = match owner {
        Owner::Order(id) => (Some(id.to_owned()), None, None),
        Owner::Claim(id) => (None, Some(id.to_owned()), None),
        Owner::Swap(id) => (None, None, Some(id.to_owned())),
    };
    let method = shipping_method::ActiveModel {
        id: Set(medusa_core::generate_id("sm")),
        shipping_option_id: Set(option.id.clone()),
        order_id: Set(order_id),
        cart_id: Set(None),
        swap_id: Set(swap_id),
        return_id: Set(None),
        price: Set(price.unwrap_or(option.amount.unwrap_or(0))),
        data: Set(data),
        claim_order_id: Set(claim_id),
    }
    .insert(conn)
    .await?;
    if tax_inclusive {
        let includes_tax = includes_tax::read_one(conn, Table::ShippingOption, &option.id).await?;
        includes_tax::write(conn, Table::ShippingMethod, &method.id, includes_tax).await?;
    }
    Ok((method, option))
}
