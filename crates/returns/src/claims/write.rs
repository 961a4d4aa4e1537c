//! The writes on an existing claim: update (metadata, shipping methods, `no_notification`,
//! claimed lines' notes, reasons, tags and images), cancel, fulfillments (through
//! `medusa-order`'s fulfillments, the claim as their owner), their cancel, and shipments.

use medusa_core::{time, Error, Result};
use medusa_entity::sea_orm_active_enums::ClaimOrderFulfillmentStatusEnum;
use medusa_entity::{
    claim_image, claim_item, claim_item_tags, claim_order, fulfillment, r#return, shipping_method,
};
use medusa_events::record_event;
use medusa_load::{live_or, Connection};
use medusa_order::fulfillments::{
    cancel_fulfillment_row_in, find_fulfillment, fulfill_every_item_in, owner_methods,
    ship_owner_fulfillment_in, NewFulfillment, Owner,
};
use medusa_providers::ProviderRegistry;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use super::create::{add_image_in, attach_shipping_method_in, find_claim, tags_of};
use super::rules;
use crate::events::{
    ClaimCanceled, ClaimFulfillmentCreated, ClaimItemUpdated, ClaimShipmentCreated, ClaimUpdated,
};
use crate::input::{FulfillAdditionalItems, ShipClaim, UpdateClaim, UpdateClaimItem};

async fn save_claim<C: Connection>(
    conn: &C,
    mut row: claim_order::ActiveModel,
) -> Result<claim_order::Model> {
    row.updated_at = Set(time::now());
    Ok(row.update(conn).await?)
}

/// `ClaimItemService.update`: the note and reason when given (truthy), metadata merged, the
/// tags replaced, the images kept by id (the others removed) plus new ones by URL; event
/// `claim_item.updated`.
async fn update_claim_item_in<C: Connection>(conn: &C, input: &UpdateClaimItem) -> Result<()> {
    let item = live_or::<claim_item::Entity, _>(conn, input.id.clone(), || {
        Error::not_found(format!("Claim item with id: {} was not found.", input.id))
    })
    .await?;
    let mut row = item.clone().into_active_model();
    if let Some(note) = input.note.as_ref().filter(|n| !n.is_empty()) {
        row.note = Set(Some(note.clone()));
    }
    if let Some(reason) = input.reason.as_ref().filter(|r| !r.is_empty()) {
        row.reason = Set(rules::claim_reason(Some(reason))?);
    }
    if let Some(metadata) = &input.metadata {
        row.metadata = Set(Some(medusa_core::metadata::merge(
            item.metadata.as_ref(),
            metadata,
        )));
    }
    row.updated_at = Set(time::now());
    row.update(conn).await?;
    if let Some(tags) = &input.tags {
        let values: Vec<String> = tags
            .iter()
            .filter(|t| t.id.is_none())
            .map(|t| t.value.clone().unwrap_or_default())
            .collect();
        let mut ids: Vec<String> = tags.iter().filter_map(|t| t.id.clone()).collect();
        for id in tags_of(conn, &values).await? {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        medusa_load::relink::<claim_item_tags::Entity, _>(
            conn,
            claim_item_tags::Column::ItemId,
            claim_item_tags::Column::TagId,
            &item.id,
            &ids,
        )
        .await?;
    }
    if let Some(images) = &input.images {
        let kept: Vec<String> = images.iter().filter_map(|i| i.id.clone()).collect();
        claim_image::Entity::delete_many()
            .filter(claim_image::Column::ClaimItemId.eq(item.id.clone()))
            .filter(claim_image::Column::Id.is_not_in(kept))
            .exec(conn)
            .await?;
        for image in images.iter().filter(|i| i.id.is_none()) {
            add_image_in(conn, &item.id, image.url.as_deref().unwrap_or_default()).await?;
        }
    }
    record_event(conn, &ClaimItemUpdated { id: item.id }).await
}

/// `ClaimService.update`; event `claim.updated`.
pub async fn update_claim_in<C: Connection>(
    conn: &C,
    providers: &ProviderRegistry,
    tax_inclusive: bool,
    claim_id: &str,
    input: &UpdateClaim,
) -> Result<()> {
    let claim = find_claim(conn, claim_id).await?;
    rules::check_updatable(claim.canceled_at.is_some())?;
    let mut row = claim.clone().into_active_model();
    if let Some(metadata) = &input.metadata {
        row.metadata = Set(Some(medusa_core::metadata::merge(
            claim.metadata.as_ref(),
            metadata,
        )));
    }
    if let Some(methods) = &input.shipping_methods {
        for (method, _) in owner_methods(conn, Owner::Claim(claim_id)).await? {
            let mut detached: shipping_method::ActiveModel = method.into_active_model();
            detached.claim_order_id = Set(None);
            detached.update(conn).await?;
        }
        for method in methods {
            attach_shipping_method_in(conn, providers, tax_inclusive, claim_id, method).await?;
        }
    }
    if let Some(no_notification) = input.no_notification {
        row.no_notification = Set(Some(no_notification));
    }
    let claim = save_claim(conn, row).await?;
    for item in input.claim_items.as_deref().unwrap_or_default() {
        update_claim_item_in(conn, item).await?;
    }
    record_event(
        conn,
        &ClaimUpdated {
            id: claim.id,
            no_notification: claim.no_notification,
        },
    )
    .await
}

/// The claim of the route's order, or Medusa's 404s (the claim first, then its order).
async fn claim_of_order<C: Connection>(
    conn: &C,
    order_id: &str,
    claim_id: &str,
) -> Result<claim_order::Model> {
    let claim = find_claim(conn, claim_id).await?;
    if claim.order_id != order_id {
        return Err(Error::not_found(format!(
            "no claim was found with the id: {claim_id} related to order: {order_id}"
        )));
    }
    Ok(claim)
}

/// `POST .../claims/{claim_id}/cancel` (`ClaimService.cancel`): its guards, then
/// `canceled` and `canceled_at`; event `claim.canceled`.
pub async fn cancel_claim_in<C: Connection>(
    conn: &C,
    order_id: &str,
    claim_id: &str,
) -> Result<()> {
    let claim = claim_of_order(conn, order_id, claim_id).await?;
    let open_fulfillments = fulfillment::Entity::find()
        .filter(fulfillment::Column::ClaimOrderId.eq(claim_id))
        .filter(fulfillment::Column::CanceledAt.is_null())
        .all(conn)
        .await?
        .len();
    let ret = r#return::Entity::find()
        .filter(r#return::Column::ClaimOrderId.eq(claim_id))
        .one(conn)
        .await?;
    rules::check_cancelable(
        claim.refund_amount,
        open_fulfillments,
        ret.as_ref().map(|r| &r.status),
    )?;
    let now = time::now();
    let mut row = claim.into_active_model();
    row.fulfillment_status = Set(ClaimOrderFulfillmentStatusEnum::Canceled);
    row.canceled_at = Set(Some(now));
    let claim = save_claim(conn, row).await?;
    record_event(
        conn,
        &ClaimCanceled {
            id: claim.id,
            no_notification: claim.no_notification,
        },
    )
    .await
}

/// `POST .../claims/{claim_id}/fulfillments` (`ClaimService.createFulfillment`): every
/// additional item, through the claim's shipping methods; `fulfilled` or
/// `requires_action`; one `claim.fulfillment_created` per fulfillment.
pub async fn fulfill_claim_in<C: Connection>(
    conn: &C,
    providers: &ProviderRegistry,
    claim_id: &str,
    input: &FulfillAdditionalItems,
) -> Result<()> {
    let claim = find_claim(conn, claim_id).await?;
    let owner = Owner::Claim(claim_id);
    let methods = owner_methods(conn, owner).await?;
    rules::check_fulfillable(
        claim.canceled_at.is_some(),
        &claim.fulfillment_status,
        &claim.r#type,
        methods.len(),
    )?;
    let new = NewFulfillment {
        metadata: input.metadata.clone(),
        no_notification: None,
        location_id: input.location_id.clone(),
    };
    let (created, progress) = fulfill_every_item_in(conn, providers, owner, &methods, &new).await?;
    let no_notification = claim.no_notification;
    let mut row = claim.into_active_model();
    row.fulfillment_status = Set(rules::after_fulfillment(&progress));
    save_claim(conn, row).await?;
    for ful in created {
        record_event(
            conn,
            &ClaimFulfillmentCreated {
                id: claim_id.to_owned(),
                fulfillment_id: ful.id,
                no_notification,
            },
        )
        .await?;
    }
    Ok(())
}

/// `POST .../claims/{claim_id}/fulfillments/{fulfillment_id}/cancel`: the fulfillment must
/// be the claim's and the claim the order's; canceled as any fulfillment is, the claim
/// `canceled`. Medusa records no event here.
pub async fn cancel_claim_fulfillment_in<C: Connection>(
    conn: &C,
    providers: &ProviderRegistry,
    order_id: &str,
    claim_id: &str,
    fulfillment_id: &str,
) -> Result<()> {
    let ful = find_fulfillment(conn, fulfillment_id).await?;
    if ful.claim_order_id.as_deref() != Some(claim_id) {
        return Err(Error::not_found(format!(
            "no fulfillment was found with the id: {fulfillment_id} related to claim: {claim_id}"
        )));
    }
    let claim = claim_of_order(conn, order_id, claim_id).await?;
    cancel_fulfillment_row_in(conn, providers, ful).await?;
    let mut row = claim.into_active_model();
    row.fulfillment_status = Set(ClaimOrderFulfillmentStatusEnum::Canceled);
    save_claim(conn, row).await?;
    Ok(())
}

/// `POST .../claims/{claim_id}/shipments` (`ClaimService.createShipment`): the fulfillment
/// shipped, the additional items' `shipped_quantity` raised, `shipped` or
/// `partially_shipped`; event `claim.shipment_created`.
pub async fn ship_claim_in<C: Connection>(
    conn: &C,
    claim_id: &str,
    input: &ShipClaim,
) -> Result<()> {
    let claim = find_claim(conn, claim_id).await?;
    rules::check_shippable(claim.canceled_at.is_some())?;
    let no_notification = claim.no_notification;
    let progress = ship_owner_fulfillment_in(
        conn,
        Owner::Claim(claim_id),
        &input.fulfillment_id,
        &input.tracking_numbers,
        no_notification,
    )
    .await?;
    let mut row = claim.into_active_model();
    row.fulfillment_status = Set(rules::after_shipment(&progress));
    save_claim(conn, row).await?;
    record_event(
        conn,
        &ClaimShipmentCreated {
            id: claim_id.to_owned(),
            fulfillment_id: input.fulfillment_id.clone(),
            no_notification,
        },
    )
    .await
}
