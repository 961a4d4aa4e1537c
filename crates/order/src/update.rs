//! `POST /admin/orders/{id}`: email, customer, addresses and `no_notification`.

use medusa_core::new_row::stamped;
use medusa_core::{Error, Result};
use medusa_entity::{address, country, line_item, order};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set,
};
use serde_json::{Map, Value};

use crate::input::{AddressInput, UpdateOrder};
use crate::lifecycle::{order_event, order_for_update, save_order};
use crate::status;

/// Which of the order's addresses a change is for: the billing address's metadata is merged
/// (`setMetadata`), the shipping address's replaced, as Medusa's two update paths differ.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Billing,
    Shipping,
}

async fn region_has_country<C: ConnectionTrait>(
    conn: &C,
    region_id: &str,
    code: Option<&str>,
) -> Result<bool> {
    let Some(code) = code else {
        return Ok(false);
    };
    Ok(country::Entity::find()
        .filter(country::Column::RegionId.eq(region_id))
        .filter(country::Column::Iso2.eq(code))
        .one(conn)
        .await?
        .is_some())
}

fn text(fields: &Map<String, Value>, name: &str) -> Option<Option<String>> {
    fields
        .get(name)
        .map(|value| value.as_str().map(str::to_owned))
}

/// Sets each given column of `active` from the body's address.
fn apply(active: &mut address::ActiveModel, input: &AddressInput, country_code: Option<String>) {
    let f = &input.fields;
    macro_rules! set {
        ($($column:ident),*) => {
            $(if let Some(value) = text(f, stringify!($column)) {
                active.$column = Set(value);
            })*
        };
    }
    set!(
        first_name,
        last_name,
        phone,
        company,
        address_1,
        address_2,
        city,
        province,
        postal_code
    );
    if f.contains_key("country_code") {
        active.country_code = Set(country_code);
    }
}

/// Updates the order's address in place, or creates it; gives the new address's id.
async fn write_address<C: ConnectionTrait>(
    conn: &C,
    existing: Option<&str>,
    input: &AddressInput,
    kind: Kind,
) -> Result<Option<String>> {
    let country_code = input.country_code();
    let now = medusa_core::time::now();
    let current = match existing {
        Some(id) => address::Entity::find_by_id(id).one(conn).await?,
        None => None,
    };
    if let Some(current) = current {
        let metadata = input.metadata.as_ref().map(|update| match kind {
            Kind::Billing => medusa_core::metadata::merge(current.metadata.as_ref(), update),
            Kind::Shipping => Value::Object(update.clone()),
        });
        let mut active = current.into_active_model();
        apply(&mut active, input, country_code);
        if let Some(metadata) = metadata {
            active.metadata = Set(Some(metadata));
        }
        active.updated_at = Set(now);
        active.update(conn).await?;
        return Ok(None);
    }
    let metadata = input.metadata.as_ref().map(|update| match kind {
        Kind::Billing => medusa_core::metadata::merge(None, update),
        Kind::Shipping => Value::Object(update.clone()),
    });
    let mut active = address::ActiveModel {
        id: Set(medusa_core::generate_id("addr")),
        customer_id: Set(None),
        company: Set(None),
        first_name: Set(None),
        last_name: Set(None),
        address_1: Set(None),
        address_2: Set(None),
        city: Set(None),
        country_code: Set(None),
        province: Set(None),
        postal_code: Set(None),
        phone: Set(None),
        metadata: Set(metadata),
        ..stamped(now)
    };
    apply(&mut active, input, country_code);
    Ok(Some(active.insert(conn).await?.id))
}

/// A new address of the given properties (Medusa's `addressRepository.create` + `save`, as
/// a claim's own shipping address is made); gives its id.
pub async fn create_address_in<C: ConnectionTrait>(
    conn: &C,
    input: &AddressInput,
) -> Result<String> {
    write_address(conn, None, input, Kind::Shipping)
        .await?
        .ok_or_else(|| Error::UnexpectedState("address not created".to_owned()))
}

/// A line item of the order made of the given object's columns, as Medusa's line item
/// `create` takes it. Medusa's database refuses an item without a title, a unit price or a
/// quantity; so does this one (a 500 without detail).
async fn add_item<C: ConnectionTrait>(conn: &C, order_id: &str, item: &Value) -> Result<()> {
    let text = |name: &str| item.get(name).and_then(Value::as_str).map(str::to_owned);
    let int = |name: &str| {
        item.get(name)
            .and_then(Value::as_i64)
            .and_then(|n| i32::try_from(n).ok())
    };
    let flag =
        |name: &str, default: bool| item.get(name).and_then(Value::as_bool).unwrap_or(default);
    let (Some(title), Some(unit_price), Some(quantity)) =
        (text("title"), int("unit_price"), int("quantity"))
    else {
        return Err(Error::Db(sea_orm::DbErr::Custom(
            "a line item needs a title, a unit price and a quantity".to_owned(),
        )));
    };
    let now = medusa_core::time::now();
    line_item::ActiveModel {
        id: Set(medusa_core::generate_id("item")),
        cart_id: Set(None),
        order_id: Set(Some(order_id.to_owned())),
        swap_id: Set(None),
        title: Set(title),
        description: Set(text("description")),
        thumbnail: Set(text("thumbnail")),
        is_giftcard: Set(flag("is_giftcard", false)),
        should_merge: Set(flag("should_merge", true)),
        allow_discounts: Set(flag("allow_discounts", true)),
        has_shipping: Set(item.get("has_shipping").and_then(Value::as_bool)),
        unit_price: Set(unit_price),
        variant_id: Set(text("variant_id")),
        quantity: Set(quantity),
        fulfilled_quantity: Set(int("fulfilled_quantity")),
        returned_quantity: Set(int("returned_quantity")),
        shipped_quantity: Set(int("shipped_quantity")),
        metadata: Set(item.get("metadata").filter(|m| m.is_object()).cloned()),
        claim_order_id: Set(None),
        is_return: Set(flag("is_return", false)),
        original_item_id: Set(None),
        order_edit_id: Set(None),
        ..stamped(now)
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Medusa's order update: the canceled-order and processed-order checks, each address
/// checked against the order's region and written, `no_notification` set only to `true`,
/// items added, `email` and `customer_id` assigned; event `order.updated`.
pub async fn update_in<C: ConnectionTrait>(conn: &C, id: &str, input: &UpdateOrder) -> Result<()> {
    let row = order_for_update(conn, id).await?;
    status::may_update(&row.status)?;
    if input.items.is_some() {
        status::may_update_items(&row.status, &row.fulfillment_status, &row.payment_status)?;
    }
    let mut shipping_id = None;
    let mut billing_id = None;
    for (kind, given, existing, slot) in [
        (
            Kind::Shipping,
            &input.shipping_address,
            row.shipping_address_id.as_deref(),
            &mut shipping_id,
        ),
        (
            Kind::Billing,
            &input.billing_address,
            row.billing_address_id.as_deref(),
            &mut billing_id,
        ),
    ] {
        let Some(address) = given else { continue };
        let code = address.country_code();
        if !region_has_country(conn, &row.region_id, code.as_deref()).await? {
            return Err(Error::invalid_data(
                "Shipping country must be in the order region",
            ));
        }
        *slot = write_address(conn, existing, address, kind).await?;
    }
    for item in input.items.iter().flatten() {
        add_item(conn, id, item).await?;
    }
    let mut active: order::ActiveModel = row.into_active_model();
    if let Some(id) = shipping_id {
        active.shipping_address_id = Set(Some(id));
    }
    if let Some(id) = billing_id {
        active.billing_address_id = Set(Some(id));
    }
    if input.no_notification == Some(true) {
        active.no_notification = Set(Some(true));
    }
    if let Some(email) = &input.email {
        active.email = Set(email.clone());
    }
    if let Some(customer_id) = &input.customer_id {
        active.customer_id = Set(customer_id.clone());
    }
    let saved = save_order(conn, active).await?;
    medusa_events::record(conn, "order.updated", order_event(&saved)).await?;
    Ok(())
}
