//! Creating a swap (`POST /admin/orders/{id}/swaps`), as Medusa's route runs
//! `SwapService.create` and `createCart`, inside the caller's transaction: the swap row with
//! its additional items (priced in the order's region), its return (with the provider's
//! shipping data), then the swap's cart: the order's discounts (not free shipping), custom
//! shipping prices, the additional items moved in with their adjustments, the return
//! shipping as a line and the returned lines as negative lines.

use medusa_cart::carts::{create_cart_in, AddressInput, NewCart};
use medusa_cart::discounts::refresh_cart_adjustments_in;
use medusa_cart::line_items::new_line_row;
use medusa_cart::shipping::create_custom_shipping_option_in;
use medusa_cart::{generate_line_items_in, insert_line_items_in, LineOwner, PricingContext};
use medusa_cart::{item_tax_line_row, Rate, TaxLines, VariantLine};
use medusa_core::new_row::stamped;
use medusa_core::{generate_id, time, Error, Result};
use medusa_entity::includes_tax::{self, Table};
use medusa_entity::sea_orm_active_enums::{
    CartTypeEnum, DiscountRuleTypeEnum, SwapFulfillmentStatusEnum, SwapPaymentStatusEnum,
};
use medusa_entity::{
    cart, cart_discounts, discount, discount_rule, line_item, line_item_adjustment,
    line_item_tax_line, order, order_discounts, r#return, return_item, shipping_method,
    shipping_method_tax_line, swap,
};
use medusa_events::record_event;
use medusa_load::{live_or, Connection};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::{Map, Value};

use super::rules;
use crate::events::SwapCreated;
use crate::input::{AdditionalItem, CreateSwap};
use crate::returns::request::{check_not_canceled, create_return_in, NewReturn};

pub(crate) fn swap_not_found() -> Error {
    Error::not_found("Swap was not found")
}

/// The live swap `id`, or Medusa's `retrieve` error.
pub(crate) async fn find_swap<C: Connection>(conn: &C, id: &str) -> Result<swap::Model> {
    live_or::<swap::Entity, _>(conn, id, swap_not_found).await
}

/// `SwapService.create`: the order's checks, the additional items generated, the swap row
/// and its lines, its return; event `swap.created`. Gives the swap.
pub async fn create_swap_in<C: Connection>(
    conn: &C,
    tax_inclusive: bool,
    order_id: &str,
    input: &CreateSwap,
) -> Result<swap::Model> {
    let order = order::Entity::find_by_id(order_id)
        .one(conn)
        .await?
        .ok_or_else(|| Error::not_found(format!("Order with id {order_id} was not found")))?;
    rules::check_swappable(&order.payment_status, &order.fulfillment_status)?;
    let returned: Vec<String> = input
        .return_items
        .iter()
        .map(|i| i.item_id.clone())
        .collect();
    check_not_canceled(
        conn,
        &returned,
        false,
        "Cannot create a swap on a canceled item.",
    )
    .await?;

    // Priced for the order's cart's customer, as Medusa passes the order's cart.
    let customer_id = match &order.cart_id {
        Some(id) => cart::Entity::find_by_id(id.clone())
            .one(conn)
            .await?
            .and_then(|c| c.customer_id),
        None => None,
    };
    let lines: Vec<VariantLine> = input
        .additional_items
        .as_deref()
        .unwrap_or_default()
        .iter()
        .map(AdditionalItem::variant_line)
        .collect();
    let generated = if lines.is_empty() {
        Vec::new()
    } else {
        let ctx = PricingContext {
            region_id: &order.region_id,
            customer_id: customer_id.as_deref(),
            tax_inclusive,
        };
        generate_line_items_in(conn, &ctx, &lines).await?
    };

    let no_notification = input.no_notification.or(order.no_notification);
    let now = time::now();
    let swap = swap::ActiveModel {
        id: Set(generate_id("swap")),
        fulfillment_status: Set(SwapFulfillmentStatusEnum::NotFulfilled),
        payment_status: Set(SwapPaymentStatusEnum::NotPaid),
        order_id: Set(order.id.clone()),
        difference_due: Set(None),
        shipping_address_id: Set(None),
        cart_id: Set(None),
        confirmed_at: Set(None),
        // The key Medusa's idempotency layer generates for a request without one.
        idempotency_key: Set(Some(uuid::Uuid::new_v4().to_string())),
        no_notification: Set(no_notification),
        canceled_at: Set(None),
        allow_backorder: Set(input.allow_backorder),
        ..stamped(now)
    }
    .insert(conn)
    .await?;
    if !generated.is_empty() {
        insert_line_items_in(
            conn,
            LineOwner::Swap(&swap.id),
            generated,
            TaxLines::None,
            tax_inclusive,
        )
        .await?;
    }
    create_return_in(
        conn,
        &NewReturn {
            order_id: &order.id,
            claim_order_id: None,
            swap_id: Some(&swap.id),
            items: &input.return_items,
            return_shipping: input.return_shipping.as_ref(),
            refund_amount: None,
            no_notification,
            location_id: input.return_location_id.clone(),
        },
    )
    .await?;
    record_event(
        conn,
        &SwapCreated {
            id: swap.id.clone(),
            no_notification,
        },
    )
    .await?;
    Ok(swap)
}

/// A return line of the swap's cart, as Medusa's repository creates one.
fn cart_line(cart_id: &str, title: &str, unit_price: i32, quantity: i32) -> line_item::Model {
    line_item::Model {
        cart_id: Some(cart_id.to_owned()),
        is_return: true,
        ..new_line_row(title.to_owned(), unit_price, quantity)
    }
}

async fn add_tax_line_in<C: Connection>(
    conn: &C,
    item_id: &str,
    rate: f32,
    name: &str,
    code: Option<String>,
    metadata: Option<Value>,
) -> Result<()> {
    let rate = Rate {
        rate,
        name: name.to_owned(),
        code,
    };
    // The copy keeps the original line's metadata.
    line_item_tax_line::ActiveModel {
        metadata: Set(metadata),
        ..item_tax_line_row(item_id, rate, time::now())
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// `createReturnLines`: each returned line again in the cart, negative (price and
/// adjustments), with copies of its tax lines.
async fn add_return_lines_in<C: Connection>(
    conn: &C,
    tax_inclusive: bool,
    return_id: &str,
    cart_id: &str,
) -> Result<()> {
    let returned = return_item::Entity::find()
        .filter(return_item::Column::ReturnId.eq(return_id))
        .all(conn)
        .await?;
    for ri in returned {
        let Some(line) = line_item::Entity::find_by_id(ri.item_id.clone())
            .one(conn)
            .await?
        else {
            continue;
        };
        let mut row = cart_line(cart_id, &line.title, -line.unit_price, ri.quantity);
        row.thumbnail = line.thumbnail.clone();
        row.variant_id = line.variant_id.clone();
        row.allow_discounts = line.allow_discounts;
        row.metadata = line.metadata.clone();
        let row = row.into_active_model().insert(conn).await?;
        if tax_inclusive {
            let flag = includes_tax::read_one(conn, Table::LineItem, &line.id).await?;
            includes_tax::write(conn, Table::LineItem, &row.id, flag).await?;
        }
        let taxes = line_item_tax_line::Entity::find()
            .filter(line_item_tax_line::Column::ItemId.eq(line.id.clone()))
            .all(conn)
            .await?;
        for t in taxes {
            add_tax_line_in(conn, &row.id, t.rate, &t.name, t.code, t.metadata).await?;
        }
        let adjustments = line_item_adjustment::Entity::find()
            .filter(line_item_adjustment::Column::ItemId.eq(line.id.clone()))
            .all(conn)
            .await?;
        for a in adjustments {
            line_item_adjustment::ActiveModel {
                id: Set(generate_id("lia")),
                item_id: Set(row.id.clone()),
                description: Set(a.description),
                discount_id: Set(a.discount_id),
                amount: Set(-a.amount),
                metadata: Set(a.metadata),
            }
            .insert(conn)
            .await?;
        }
    }
    Ok(())
}

/// `SwapService.createCart` as the create route calls it.
pub async fn create_swap_cart_in<C: Connection>(
    conn: &C,
    tax_inclusive: bool,
    swap: &swap::Model,
    input: &CreateSwap,
) -> Result<()> {
    if swap.canceled_at.is_some() {
        return Err(Error::not_allowed(
            "Canceled swap cannot be used to create a cart",
        ));
    }
    if swap.cart_id.is_some() {
        return Err(Error::Duplicate(
            "A cart has already been created for the swap".into(),
        ));
    }
    let order = order::Entity::find_by_id(swap.order_id.clone())
        .one(conn)
        .await?
        .ok_or_else(|| {
            Error::not_found(format!("Order with id {} was not found", swap.order_id))
        })?;
    let mut metadata = Map::new();
    metadata.insert("swap_id".into(), Value::String(swap.id.clone()));
    metadata.insert("parent_order_id".into(), Value::String(order.id.clone()));
    let (cart, _) = create_cart_in(
        conn,
        &NewCart {
            kind: CartTypeEnum::Swap,
            region_id: order.region_id.clone(),
            customer_id: Some(order.customer_id.clone()),
            email: Some(order.email.clone()),
            shipping_address: order.shipping_address_id.clone().map(AddressInput::Id),
            billing_address: order.billing_address_id.clone().map(AddressInput::Id),
            sales_channel_id: input
                .sales_channel_id
                .clone()
                .or_else(|| order.sales_channel_id.clone()),
            metadata,
        },
    )
    .await?;

    // The order's discounts, free shipping left out.
    let links = order_discounts::Entity::find()
        .filter(order_discounts::Column::OrderId.eq(order.id.clone()))
        .all(conn)
        .await?;
    for link in links {
        let Some(found) = discount::Entity::find_by_id(link.discount_id.clone())
            .one(conn)
            .await?
        else {
            continue;
        };
        let free_shipping = match &found.rule_id {
            Some(rule_id) => discount_rule::Entity::find_by_id(rule_id.clone())
                .one(conn)
                .await?
                .is_some_and(|r| r.r#type == DiscountRuleTypeEnum::FreeShipping),
            None => false,
        };
        if !free_shipping {
            cart_discounts::ActiveModel {
                cart_id: Set(cart.id.clone()),
                discount_id: Set(found.id),
            }
            .insert(conn)
            .await?;
        }
    }
    for custom in &input.custom_shipping_options {
        create_custom_shipping_option_in(conn, &cart.id, &custom.option_id, custom.price).await?;
    }
    let additional = line_item::Entity::find()
        .filter(line_item::Column::SwapId.eq(swap.id.clone()))
        .all(conn)
        .await?;
    for item in additional {
        let mut row = item.into_active_model();
        row.cart_id = Set(Some(cart.id.clone()));
        row.updated_at = Set(time::now());
        row.update(conn).await?;
    }
    refresh_cart_adjustments_in(conn, &cart.id, tax_inclusive).await?;

    let ret = r#return::Entity::find()
        .filter(r#return::Column::SwapId.eq(swap.id.clone()))
        .one(conn)
        .await?
        .ok_or_else(|| Error::UnexpectedState(format!("The swap {} has no return", swap.id)))?;
    let method = shipping_method::Entity::find()
        .filter(shipping_method::Column::ReturnId.eq(ret.id.clone()))
        .one(conn)
        .await?;
    if let Some(method) = method {
        let mut row = cart_line(&cart.id, "Return shipping", method.price, 1);
        row.has_shipping = Some(true);
        row.allow_discounts = false;
        let row = row.into_active_model().insert(conn).await?;
        let taxes = shipping_method_tax_line::Entity::find()
            .filter(shipping_method_tax_line::Column::ShippingMethodId.eq(method.id.clone()))
            .all(conn)
            .await?;
        for t in taxes {
            add_tax_line_in(conn, &row.id, t.rate, &t.name, t.code, t.metadata).await?;
        }
    }
    add_return_lines_in(conn, tax_inclusive, &ret.id, &cart.id).await?;

    let mut row = swap.clone().into_active_model();
    row.cart_id = Set(Some(cart.id));
    row.updated_at = Set(time::now());
    row.update(conn).await?;
    Ok(())
}
