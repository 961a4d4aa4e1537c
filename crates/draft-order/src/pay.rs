//! `POST /admin/draft-orders/{id}/pay`: Medusa's register-payment route as one composition
//! inside the caller's transaction. The draft row is locked first, so of concurrent calls one
//! creates the order and the others find it done ("Order from cart already exists").
//!
//! In order: a `system` payment session, selected; the cart's tax lines written; the payment
//! authorized (no payment when the cart costs nothing); the order created from the cart
//! (`OrderService.createFromCart`: discounts, gift cards debited, gift cards bought by its
//! gift-card lines created, items and methods moved,
//! `order.placed`); the cart completed; the draft completed; the payment captured.

use chrono::{DateTime, FixedOffset};
use medusa_cart::rows::load_cart;
use medusa_cart::tax_lines::{create_item_tax_lines_in, create_method_tax_lines_in, TaxRegion};
use medusa_cart::view::cart_totals_in;
use medusa_core::new_row::stamped;
use medusa_core::{generate_id, Error, Result};
use medusa_discount::gift_cards::{create_gift_card_in, NewGiftCard};
use medusa_entity::sea_orm_active_enums::{
    DraftOrderStatusEnum, OrderFulfillmentStatusEnum, OrderPaymentStatusEnum, OrderStatusEnum,
    PaymentSessionStatusEnum,
};
use medusa_entity::{
    cart, discount, gift_card, gift_card_transaction, line_item, line_item_tax_line, order,
    order_discounts, order_gift_cards, payment, payment_session, shipping_method,
    shipping_method_tax_line,
};
use medusa_events::record_event;
use medusa_order::lifecycle::capture_in;
use medusa_providers::ProviderRegistry;
use medusa_query_dsl::key_in;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait,
    IntoActiveModel, QueryFilter, Set,
};
use serde_json::json;

use crate::events::{record_cart_updated, OrderPlaced};
use crate::read::draft_row;

const ORDER_EXISTS: &str = "Order from cart already exists";

/// Turns the draft into a paid order; gives the order's id.
pub async fn pay_in(
    txn: &DatabaseTransaction,
    providers: &ProviderRegistry,
    tax_inclusive: bool,
    draft_id: &str,
) -> Result<String> {
    let draft = draft_row(txn, draft_id, true).await?;
    if draft.order_id.is_some() || draft.status == DraftOrderStatusEnum::Completed {
        return Err(Error::duplicate(ORDER_EXISTS));
    }
    let cart_id = draft.cart_id.clone().unwrap_or_default();
    if order::Entity::find()
        .filter(order::Column::CartId.eq(cart_id.as_str()))
        .one(txn)
        .await?
        .is_some()
    {
        return Err(Error::duplicate(ORDER_EXISTS));
    }
    let now = medusa_core::time::now();

    // The tax lines, written from the provider's rates.
    let rows = load_cart(txn, &cart_id, tax_inclusive).await?;
    clear_tax_lines(txn, &rows).await?;
    let region = TaxRegion::of(&rows.region);
    let items: Vec<(&line_item::Model, Option<&str>)> = rows
        .items
        .iter()
        .map(|i| (&i.item, i.product_id.as_deref()))
        .collect();
    let item_tax_lines = create_item_tax_lines_in(txn, &region, &items).await?;
    let methods: Vec<shipping_method::Model> = rows
        .shipping_methods
        .iter()
        .map(|m| m.method.clone())
        .collect();
    create_method_tax_lines_in(txn, &region, &methods).await?;

    let totals = cart_totals_in(txn, &rows, tax_inclusive).await?;
    #[allow(clippy::cast_possible_truncation)]
    let total = totals.total.round() as i64;
    let amount = i32::try_from(total).map_err(|_| Error::invalid_data("total out of range"))?;

    // The `system` session, selected and authorized.
    payment_session::Entity::update_many()
        .col_expr(
            payment_session::Column::IsSelected,
            sea_orm::sea_query::Expr::value(Option::<bool>::None),
        )
        .filter(payment_session::Column::CartId.eq(cart_id.as_str()))
        .exec(txn)
        .await?;
    payment_session::ActiveModel {
        id: Set(generate_id("ps")),
        cart_id: Set(Some(cart_id.clone())),
        provider_id: Set("system".into()),
        is_selected: Set(Some(true)),
        status: Set(PaymentSessionStatusEnum::Authorized),
        data: Set(json!({})),
        idempotency_key: Set(None),
        payment_authorized_at: Set(Some(now)),
        amount: Set(Some(amount)),
        is_initiated: Set(true),
        ..stamped(now)
    }
    .insert(txn)
    .await?;

    if rows.items.is_empty() {
        return Err(Error::invalid_data("Cannot create order from empty cart"));
    }
    let Some(customer_id) = rows.cart.customer_id.clone() else {
        return Err(Error::invalid_data(
            "Cannot create an order from the cart without a customer",
        ));
    };
    let payment_id = if total > 0 {
        let payment = payment::ActiveModel {
            id: Set(generate_id("pay")),
            swap_id: Set(None),
            cart_id: Set(Some(cart_id.clone())),
            order_id: Set(None),
            amount: Set(amount),
            currency_code: Set(rows.region.currency_code.clone()),
            amount_refunded: Set(0),
            provider_id: Set("system".into()),
            data: Set(json!({})),
            captured_at: Set(None),
            canceled_at: Set(None),
            idempotency_key: Set(None),
            ..stamped(now)
        }
        .insert(txn)
        .await?;
        Some(payment.id)
    } else {
        None
    };
    let mut cart_row = rows.cart.clone().into_active_model();
    cart_row.payment_id = Set(payment_id.clone());
    cart_row.payment_authorized_at = Set(Some(now));
    cart_row.updated_at = Set(now);
    cart_row.update(txn).await?;
    record_cart_updated(txn, &cart_id).await?;

    // The order.
    let order_id = generate_id("order");
    order::Entity::insert(order::ActiveModel {
        id: Set(order_id.clone()),
        status: Set(OrderStatusEnum::Pending),
        fulfillment_status: Set(OrderFulfillmentStatusEnum::NotFulfilled),
        payment_status: Set(OrderPaymentStatusEnum::Awaiting),
        cart_id: Set(Some(cart_id.clone())),
        customer_id: Set(customer_id),
        email: Set(rows.cart.email.clone().unwrap_or_default()),
        billing_address_id: Set(rows.cart.billing_address_id.clone()),
        shipping_address_id: Set(rows.cart.shipping_address_id.clone()),
        region_id: Set(rows.cart.region_id.clone()),
        currency_code: Set(rows.region.currency_code.clone()),
        tax_rate: Set(None),
        canceled_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        metadata: Set(Some(
            rows.cart.metadata.clone().unwrap_or_else(|| json!({})),
        )),
        idempotency_key: Set(None),
        draft_order_id: Set(Some(draft.id.clone())),
        no_notification: Set(draft.no_notification_order),
        external_id: Set(None),
        sales_channel_id: Set(rows.cart.sales_channel_id.clone()),
        ..Default::default()
    })
    .exec_without_returning(txn)
    .await?;
    if let Some(payment_id) = &payment_id {
        payment::Entity::update_many()
            .col_expr(
                payment::Column::OrderId,
                sea_orm::sea_query::Expr::value(order_id.clone()),
            )
            .filter(payment::Column::Id.eq(payment_id.as_str()))
            .exec(txn)
            .await?;
    }
    for d in &rows.discounts {
        order_discounts::ActiveModel {
            order_id: Set(order_id.clone()),
            discount_id: Set(d.discount.id.clone()),
        }
        .insert(txn)
        .await?;
    }
    // Medusa's `order.placed` subscriber counts a use of each of the order's discounts.
    let discount_ids: Vec<String> = rows
        .discounts
        .iter()
        .map(|d| d.discount.id.clone())
        .collect();
    if !discount_ids.is_empty() {
        discount::Entity::update_many()
            .col_expr(
                discount::Column::UsageCount,
                sea_orm::sea_query::Expr::col(discount::Column::UsageCount).add(1),
            )
            .col_expr(
                discount::Column::UpdatedAt,
                sea_orm::sea_query::Expr::value(now),
            )
            .filter(key_in(
                discount::Column::Id.into_expr(),
                discount_ids,
                txn.get_database_backend(),
            ))
            .exec(txn)
            .await?;
    }
    debit_gift_cards(
        txn,
        &rows.gift_cards,
        &order_id,
        totals.gift_card_total,
        now,
    )
    .await?;
    create_bought_gift_cards(txn, &rows, &order_id, &totals, &item_tax_lines).await?;
    let item_ids: Vec<String> = rows.items.iter().map(|i| i.item.id.clone()).collect();
    line_item::Entity::update_many()
        .col_expr(
            line_item::Column::OrderId,
            sea_orm::sea_query::Expr::value(order_id.clone()),
        )
        .filter(key_in(
            line_item::Column::Id.into_expr(),
            item_ids,
            txn.get_database_backend(),
        ))
        .exec(txn)
        .await?;
    shipping_method::Entity::update_many()
        .col_expr(
            shipping_method::Column::OrderId,
            sea_orm::sea_query::Expr::value(order_id.clone()),
        )
        .filter(shipping_method::Column::CartId.eq(cart_id.as_str()))
        .exec(txn)
        .await?;
    record_event(
        txn,
        &OrderPlaced {
            id: order_id.clone(),
            no_notification: draft.no_notification_order,
        },
    )
    .await?;
    cart::Entity::update_many()
        .col_expr(
            cart::Column::CompletedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(cart::Column::Id.eq(cart_id.as_str()))
        .exec(txn)
        .await?;
    record_cart_updated(txn, &cart_id).await?;

    // The draft completed, then the payment captured.
    let mut completed = draft.into_active_model();
    completed.status = Set(DraftOrderStatusEnum::Completed);
    completed.completed_at = Set(Some(now));
    completed.order_id = Set(Some(order_id.clone()));
    completed.updated_at = Set(now);
    completed.update(txn).await?;
    capture_in(txn, providers, &order_id).await?;
    Ok(order_id)
}

/// `createGiftCardsFromLineItem_`: a gift card per unit of each gift-card line, worth the
/// line's tax-exclusive unit price, taxed at the sum of the line's tax rates (as the region
/// resolves it), with the line's metadata.
async fn create_bought_gift_cards<C: ConnectionTrait>(
    conn: &C,
    rows: &medusa_cart::rows::CartRows,
    order_id: &str,
    totals: &medusa_totals::current::CartTotals,
    tax_lines: &[line_item_tax_line::Model],
) -> Result<()> {
    for item in rows.items.iter().filter(|i| i.item.is_giftcard) {
        let subtotal = totals
            .items
            .iter()
            .find(|t| t.id == item.item.id)
            .map_or(0, |t| t.subtotal);
        let quantity = i64::from(item.item.quantity);
        if subtotal == 0 || quantity == 0 {
            continue;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
        let value = (subtotal as f64 / quantity as f64).round() as i64;
        let value = i32::try_from(value).map_err(|_| Error::invalid_data("value out of range"))?;
        let rate: f32 = tax_lines
            .iter()
            .filter(|l| l.item_id == item.item.id)
            .map(|l| l.rate)
            .sum();
        let card = NewGiftCard {
            region_id: rows.cart.region_id.clone(),
            value,
            order_id: Some(order_id.to_owned()),
            is_disabled: false,
            ends_at: None,
            metadata: item.item.metadata.clone(),
            tax_rate: (rate != 0.0).then_some(rate),
        };
        for _ in 0..quantity {
            create_gift_card_in(conn, &card).await?;
        }
    }
    Ok(())
}

async fn clear_tax_lines<C: ConnectionTrait>(
    conn: &C,
    rows: &medusa_cart::rows::CartRows,
) -> Result<()> {
    let backend = conn.get_database_backend();
    let items: Vec<String> = rows.items.iter().map(|i| i.item.id.clone()).collect();
    if !items.is_empty() {
        line_item_tax_line::Entity::delete_many()
            .filter(key_in(
                line_item_tax_line::Column::ItemId.into_expr(),
                items,
                backend,
            ))
            .exec(conn)
            .await?;
    }
    let methods: Vec<String> = rows
        .shipping_methods
        .iter()
        .map(|m| m.method.id.clone())
        .collect();
    if !methods.is_empty() {
        shipping_method_tax_line::Entity::delete_many()
            .filter(key_in(
                shipping_method_tax_line::Column::ShippingMethodId.into_expr(),
                methods,
                backend,
            ))
            .exec(conn)
            .await?;
    }
    Ok(())
}

/// Debits the cart's gift cards by the cart's gift-card total: the cards ending first (then
/// the smaller balance) first; a card left at 0 is disabled; one transaction per card used.
async fn debit_gift_cards<C: ConnectionTrait>(
    conn: &C,
    cards: &[gift_card::Model],
    order_id: &str,
    gift_card_total: f64,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    for card in cards {
        order_gift_cards::ActiveModel {
            order_id: Set(order_id.to_owned()),
            gift_card_id: Set(card.id.clone()),
        }
        .insert(conn)
        .await?;
    }
    let mut remaining = gift_card_total;
    for card in cards_sorted(cards) {
        let balance = f64::from(card.balance);
        let new_balance = (balance - remaining).max(0.0);
        let used = balance - new_balance;
        #[allow(clippy::cast_possible_truncation)]
        let (new_balance_i, used_i) = (new_balance.round() as i32, used.round() as i32);
        let mut active = card.clone().into_active_model();
        active.balance = Set(new_balance_i);
        active.is_disabled = Set(new_balance_i == 0);
        active.updated_at = Set(now);
        active.update(conn).await?;
        // Medusa writes the first card's transaction even when nothing is left to pay.
        gift_card_transaction::ActiveModel {
            id: Set(generate_id("gct")),
            gift_card_id: Set(card.id.clone()),
            order_id: Set(order_id.to_owned()),
            amount: Set(used_i),
            created_at: Set(now),
            is_taxable: Set(Some(card.tax_rate.is_some_and(|r| r != 0.0))),
            tax_rate: Set(card.tax_rate),
        }
        .insert(conn)
        .await?;
        remaining -= used;
        if remaining == 0.0 {
            break;
        }
    }
    Ok(())
}

fn cards_sorted(cards: &[gift_card::Model]) -> Vec<&gift_card::Model> {
    let mut ordered: Vec<&gift_card::Model> = cards.iter().collect();
    ordered.sort_by(|a, b| {
        let end =
            |c: &gift_card::Model| c.ends_at.map(|e| e.timestamp_millis()).unwrap_or(i64::MAX);
        end(a).cmp(&end(b)).then(a.balance.cmp(&b.balance))
    });
    ordered
}
