//! Creating a claim (`POST /admin/orders/{id}/claims`), as Medusa's route and
//! `ClaimService.create` / `processRefund` do it, inside the caller's transaction: the claim
//! row, its additional items (priced and reserved), shipping methods, claimed lines with
//! tags and images, its return; then the refund of a refund claim.

use medusa_core::new_row::stamped;
use medusa_core::{generate_id, time, Error, Result};
use medusa_entity::sea_orm_active_enums::{
    ClaimOrderFulfillmentStatusEnum, ClaimOrderPaymentStatusEnum, ClaimOrderTypeEnum,
    RefundReasonEnum,
};
use medusa_entity::{
    claim_image, claim_item, claim_item_tags, claim_order, claim_tag, line_item, order,
    shipping_method,
};
use medusa_events::record_event;
use medusa_load::{live, live_or, Connection};
use medusa_order::fulfillments::{create_shipping_method_in, Owner};
use medusa_providers::ProviderRegistry;
use medusa_totals::legacy;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::Value;

use super::rules;
use crate::events::{ClaimCreated, ClaimItemCreated, ClaimRefundProcessed};
use crate::input::{ClaimItemInput, ClaimShippingMethod, CreateClaim, ReturnItemInput};
use crate::returns::facts::OrderFacts;
use crate::returns::request::{check_not_canceled, create_return_in, to_i32, NewReturn};

pub(crate) fn claim_not_found(id: &str) -> Error {
    Error::not_found(format!("Claim with {id} was not found"))
}

/// The live claim `id`, or Medusa's `retrieve` error.
pub(crate) async fn find_claim<C: Connection>(conn: &C, id: &str) -> Result<claim_order::Model> {
    live_or::<claim_order::Entity, _>(conn, id, || claim_not_found(id)).await
}

/// `getRefundTotalForClaimLinesOnOrder`: the legacy refund of the claimed lines that were
/// shipped (at least the claimed quantity), found among the order's items and its swaps'
/// and claims' additional items; rounded.
async fn claim_refund<C: Connection>(
    conn: &C,
    order_id: &str,
    claimed: &[ClaimItemInput],
) -> Result<i64> {
    let facts = OrderFacts::load(conn, order_id).await?;
    let lines: Vec<_> = claimed
        .iter()
        .filter_map(|c| {
            let line = facts.line(&c.item_id)?;
            rules::refunds_line(line.shipped_quantity, c.quantity)
                .then(|| facts.totals_line(line, c.quantity))
        })
        .collect();
    legacy::refund_total(&facts.totals_input(false), &lines)
        .map_err(|err| Error::invalid_data(err.to_string()))
}

/// Moves an existing shipping method to the claim, or creates one of an option.
pub(crate) async fn attach_shipping_method_in<C: Connection>(
    conn: &C,
    providers: &ProviderRegistry,
    tax_inclusive: bool,
    claim_id: &str,
    method: &ClaimShippingMethod,
) -> Result<()> {
    if let Some(id) = &method.id {
        // `updateShippingMethod` skips a method that does not exist.
        if let Some(found) = shipping_method::Entity::find_by_id(id.clone())
            .one(conn)
            .await?
        {
            let mut row = found.into_active_model();
            row.claim_order_id = Set(Some(claim_id.to_owned()));
            row.update(conn).await?;
        }
        return Ok(());
    }
    let price = method.price.map(to_i32).transpose()?;
    create_shipping_method_in(
        conn,
        providers,
        tax_inclusive,
        Owner::Claim(claim_id),
        method.option_id.as_deref().unwrap_or_default(),
        &method.data.clone().unwrap_or_default(),
        price,
    )
    .await?;
    Ok(())
}

/// The tags of one write, by value: each value (normalized) takes the live tag that
/// existed before the write, or a new tag of its own. Medusa looks every value up before it
/// saves any, so two equal new values make two tags.
pub(crate) async fn tags_of<C: Connection>(conn: &C, values: &[String]) -> Result<Vec<String>> {
    let normalized: Vec<String> = values.iter().map(|v| rules::normalize_tag(v)).collect();
    let mut existing = Vec::new();
    for value in &normalized {
        existing.push(
            live::<claim_tag::Entity>()
                .filter(claim_tag::Column::Value.eq(value.clone()))
                .one(conn)
                .await?
                .map(|tag| tag.id),
        );
    }
    let now = time::now();
    let mut ids = Vec::new();
    for (value, found) in normalized.into_iter().zip(existing) {
        let id = match found {
            Some(id) => id,
            None => {
                claim_tag::ActiveModel {
                    id: Set(generate_id("ctag")),
                    value: Set(value),
                    ..stamped(now)
                }
                .insert(conn)
                .await?
                .id
            }
        };
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

pub(crate) async fn add_image_in<C: Connection>(conn: &C, item_id: &str, url: &str) -> Result<()> {
    let now = time::now();
    claim_image::ActiveModel {
        id: Set(generate_id("cimg")),
        claim_item_id: Set(item_id.to_owned()),
        url: Set(url.to_owned()),
        ..stamped(now)
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// `ClaimItemService.create`: the reason, the line's checks, tags (reused by value) and
/// images; event `claim_item.created`.
async fn create_claim_item_in<C: Connection>(
    conn: &C,
    claim_id: &str,
    input: &ClaimItemInput,
) -> Result<()> {
    let reason = rules::claim_reason(input.reason.as_deref())?;
    let line = line_item::Entity::find_by_id(input.item_id.clone())
        .one(conn)
        .await?
        .ok_or_else(|| {
            Error::not_found(format!("Line item with {} was not found", input.item_id))
        })?;
    rules::check_claimable(
        line.variant_id.is_some(),
        line.fulfilled_quantity,
        input.quantity,
    )?;
    let tags = tags_of(conn, &input.tags).await?;
    let now = time::now();
    let item = claim_item::ActiveModel {
        id: Set(generate_id("citm")),
        claim_order_id: Set(claim_id.to_owned()),
        item_id: Set(line.id.clone()),
        variant_id: Set(line.variant_id.clone().unwrap_or_default()),
        reason: Set(reason),
        note: Set(input.note.clone()),
        quantity: Set(to_i32(input.quantity)?),
        ..stamped(now)
    }
    .insert(conn)
    .await?;
    for url in &input.images {
        add_image_in(conn, &item.id, url).await?;
    }
    medusa_load::link::<claim_item_tags::Entity, _>(
        conn,
        claim_item_tags::Column::ItemId,
        claim_item_tags::Column::TagId,
        &item.id,
        &tags,
    )
    .await?;
    record_event(conn, &ClaimItemCreated { id: item.id }).await
}

/// Everything `ClaimService.create` writes, in Medusa's order; gives the claim.
pub async fn create_claim_in<C: Connection>(
    conn: &C,
    providers: &ProviderRegistry,
    tax_inclusive: bool,
    order_id: &str,
    input: &CreateClaim,
) -> Result<claim_order::Model> {
    let order = order::Entity::find_by_id(order_id)
        .one(conn)
        .await?
        .ok_or_else(|| Error::not_found(format!("Order with id {order_id} was not found")))?;
    let additional = input.additional_items.as_deref().unwrap_or_default();
    rules::check_new_claim(
        &input.kind,
        additional.len(),
        input.claim_items.len(),
        input.refund_amount,
    )?;
    let claimed: Vec<String> = input
        .claim_items
        .iter()
        .map(|c| c.item_id.clone())
        .collect();
    check_not_canceled(
        conn,
        &claimed,
        false,
        "Cannot create a claim on a canceled item.",
    )
    .await?;

    let address_id = match &input.shipping_address {
        Some(address) => Some(medusa_order::update::create_address_in(conn, address).await?),
        None => order.shipping_address_id.clone(),
    };
    let refund = match (&input.kind, input.refund_amount) {
        (ClaimOrderTypeEnum::Refund, None) => {
            Some(claim_refund(conn, order_id, &input.claim_items).await?)
        }
        (_, given) => given,
    };
    let no_notification = input.no_notification.or(order.no_notification);

    let now = time::now();
    let claim = claim_order::ActiveModel {
        id: Set(generate_id("claim")),
        payment_status: Set(rules::initial_payment_status(&input.kind)),
        fulfillment_status: Set(ClaimOrderFulfillmentStatusEnum::NotFulfilled),
        r#type: Set(input.kind.clone()),
        order_id: Set(order_id.to_owned()),
        shipping_address_id: Set(address_id),
        refund_amount: Set(refund.map(to_i32).transpose()?),
        canceled_at: Set(None),
        metadata: Set(input.metadata.clone().map(Value::Object)),
        // The key Medusa's idempotency layer generates for a request without one.
        idempotency_key: Set(Some(uuid::Uuid::new_v4().to_string())),
        no_notification: Set(no_notification),
        ..stamped(now)
    }
    .insert(conn)
    .await?;

    super::additional::add_items_in(conn, &order, &claim.id, additional, tax_inclusive).await?;

    for method in input.shipping_methods.as_deref().unwrap_or_default() {
        attach_shipping_method_in(conn, providers, tax_inclusive, &claim.id, method).await?;
    }
    for item in &input.claim_items {
        create_claim_item_in(conn, &claim.id, item).await?;
    }
    if let Some(shipping) = &input.return_shipping {
        let items: Vec<ReturnItemInput> = input
            .claim_items
            .iter()
            .map(|c| ReturnItemInput {
                item_id: c.item_id.clone(),
                quantity: c.quantity,
                reason_id: None,
                note: None,
            })
            .collect();
        create_return_in(
            conn,
            &NewReturn {
                order_id,
                claim_order_id: Some(&claim.id),
                swap_id: None,
                items: &items,
                return_shipping: Some(shipping),
                refund_amount: refund,
                no_notification,
                location_id: input.return_location_id.clone(),
            },
        )
        .await?;
    }
    record_event(
        conn,
        &ClaimCreated {
            id: claim.id.clone(),
            no_notification,
        },
    )
    .await?;
    Ok(claim)
}

/// The route's second step: a refund claim refunds its amount from the order's payments
/// (reason `claim`) and is `refunded`; event `claim.refund_processed`.
pub async fn settle_new_claim_in<C: Connection>(
    conn: &C,
    providers: &ProviderRegistry,
    claim: &claim_order::Model,
) -> Result<()> {
    if claim.r#type != ClaimOrderTypeEnum::Refund {
        return Ok(());
    }
    rules::check_refundable(claim.canceled_at.is_some(), &claim.r#type)?;
    if let Some(amount) = claim.refund_amount.filter(|a| *a != 0) {
        medusa_order::refund::refund_payments_in(
            conn,
            providers,
            &claim.order_id,
            i64::from(amount),
            RefundReasonEnum::Claim,
            None,
        )
        .await?;
    }
    let mut row = claim.clone().into_active_model();
    row.payment_status = Set(ClaimOrderPaymentStatusEnum::Refunded);
    row.updated_at = Set(time::now());
    row.update(conn).await?;
    record_event(
        conn,
        &ClaimRefundProcessed {
            id: claim.id.clone(),
            no_notification: claim.no_notification,
        },
    )
    .await
}
