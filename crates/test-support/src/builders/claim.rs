//! Claims of an order as Medusa's claim service leaves them: the claim row, its claimed
//! lines, and optionally an additional item, a fulfillment of it (through a provider) and a
//! requested return of the claimed lines.

use medusa_core::new_row::stamped;
use medusa_core::time::Timestamp;
use medusa_entity::sea_orm_active_enums::{
    ClaimItemReasonEnum, ClaimOrderFulfillmentStatusEnum, ClaimOrderPaymentStatusEnum,
    ClaimOrderTypeEnum, ReturnStatusEnum,
};
use medusa_entity::{
    claim_item, claim_order, fulfillment, fulfillment_item, line_item, r#return, return_item,
};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use serde_json::json;

fn id(prefix: &str) -> String {
    medusa_core::generate_id(prefix)
}

/// A claim of `order_id`: by default a `replace` claim, `na` / `not_fulfilled`, no lines.
#[must_use]
pub struct ClaimBuilder {
    id: String,
    order_id: String,
    kind: ClaimOrderTypeEnum,
    payment_status: ClaimOrderPaymentStatusEnum,
    fulfillment_status: ClaimOrderFulfillmentStatusEnum,
    refund_amount: Option<i32>,
    shipping_address_id: Option<String>,
    metadata: Option<serde_json::Value>,
    created_at: Timestamp,
    /// Order line id, variant id, quantity.
    claimed: Vec<(String, String, i32)>,
    /// Title, variant id, unit price, quantity.
    additional: Vec<(String, Option<String>, i32, i32)>,
    /// A fulfillment of every additional item, by this provider.
    fulfilled_by: Option<String>,
    with_return: bool,
}

/// What a [`ClaimBuilder`] inserted.
pub struct BuiltClaim {
    pub claim: claim_order::Model,
    pub claim_items: Vec<claim_item::Model>,
    pub additional_items: Vec<line_item::Model>,
    pub fulfillment: Option<fulfillment::Model>,
    pub return_order: Option<r#return::Model>,
}

impl ClaimBuilder {
    pub fn new(order_id: &str) -> Self {
        Self {
            id: id("claim"),
            order_id: order_id.to_owned(),
            kind: ClaimOrderTypeEnum::Replace,
            payment_status: ClaimOrderPaymentStatusEnum::Na,
            fulfillment_status: ClaimOrderFulfillmentStatusEnum::NotFulfilled,
            refund_amount: None,
            shipping_address_id: None,
            metadata: None,
            created_at: super::now(),
            claimed: Vec::new(),
            additional: Vec::new(),
            fulfilled_by: None,
            with_return: false,
        }
    }

    common_overrides!(id, metadata, created_at);

    /// A refund claim of `amount`, already refunded.
    pub fn refunded(mut self, amount: i32) -> Self {
        self.kind = ClaimOrderTypeEnum::Refund;
        self.payment_status = ClaimOrderPaymentStatusEnum::Refunded;
        self.refund_amount = Some(amount);
        self
    }

    pub fn shipping_address(mut self, address_id: &str) -> Self {
        self.shipping_address_id = Some(address_id.to_owned());
        self
    }

    /// A claimed line (`missing_item`).
    pub fn claims(mut self, item_id: &str, variant_id: &str, quantity: i32) -> Self {
        self.claimed
            .push((item_id.to_owned(), variant_id.to_owned(), quantity));
        self
    }

    /// An additional item sent in replacement.
    pub fn additional_item(
        mut self,
        title: &str,
        variant_id: Option<&str>,
        unit_price: i32,
        quantity: i32,
    ) -> Self {
        self.additional.push((
            title.to_owned(),
            variant_id.map(str::to_owned),
            unit_price,
            quantity,
        ));
        self
    }

    /// Every additional item fulfilled by `provider_id` (the claim `fulfilled`).
    pub fn fulfilled(mut self, provider_id: &str) -> Self {
        self.fulfilled_by = Some(provider_id.to_owned());
        self.fulfillment_status = ClaimOrderFulfillmentStatusEnum::Fulfilled;
        self
    }

    /// A requested return of the claimed lines.
    pub fn with_return(mut self) -> Self {
        self.with_return = true;
        self
    }

    pub async fn insert<C: ConnectionTrait>(self, db: &C) -> BuiltClaim {
        let at = self.created_at;
        let claim = claim_order::ActiveModel {
            id: Set(self.id.clone()),
            payment_status: Set(self.payment_status),
            fulfillment_status: Set(self.fulfillment_status),
            r#type: Set(self.kind),
            order_id: Set(self.order_id.clone()),
            shipping_address_id: Set(self.shipping_address_id),
            refund_amount: Set(self.refund_amount),
            canceled_at: Set(None),
            metadata: Set(self.metadata),
            idempotency_key: Set(None),
            no_notification: Set(None),
            ..stamped(at)
        }
        .insert(db)
        .await
        .expect("insert claim_order");
        let mut claim_items = Vec::new();
        for (item_id, variant_id, quantity) in &self.claimed {
            let row = claim_item::ActiveModel {
                id: Set(id("citm")),
                claim_order_id: Set(claim.id.clone()),
                item_id: Set(item_id.clone()),
                variant_id: Set(variant_id.clone()),
                reason: Set(ClaimItemReasonEnum::MissingItem),
                note: Set(None),
                quantity: Set(*quantity),
                ..stamped(at)
            }
            .insert(db)
            .await
            .expect("insert claim_item");
            claim_items.push(row);
        }
        let fulfilled = self.fulfilled_by.is_some();
        let mut additional_items = Vec::new();
        for (title, variant_id, unit_price, quantity) in &self.additional {
            let row = line_item::ActiveModel {
                id: Set(id("item")),
                cart_id: Set(None),
                order_id: Set(None),
                swap_id: Set(None),
                claim_order_id: Set(Some(claim.id.clone())),
                title: Set(title.clone()),
                description: Set(None),
                thumbnail: Set(None),
                is_giftcard: Set(false),
                should_merge: Set(true),
                allow_discounts: Set(true),
                has_shipping: Set(None),
                unit_price: Set(*unit_price),
                variant_id: Set(variant_id.clone()),
                quantity: Set(*quantity),
                fulfilled_quantity: Set(fulfilled.then_some(*quantity)),
                returned_quantity: Set(None),
                shipped_quantity: Set(None),
                metadata: Set(Some(json!({}))),
                is_return: Set(false),
                original_item_id: Set(None),
                order_edit_id: Set(None),
                ..stamped(at)
            }
            .insert(db)
            .await
            .expect("insert claim line_item");
            additional_items.push(row);
        }
        let fulfillment = match &self.fulfilled_by {
            Some(provider_id) => {
                let ful = fulfillment::ActiveModel {
                    id: Set(id("ful")),
                    swap_id: Set(None),
                    order_id: Set(None),
                    tracking_numbers: Set(json!([])),
                    data: Set(json!({})),
                    shipped_at: Set(None),
                    canceled_at: Set(None),
                    idempotency_key: Set(None),
                    provider_id: Set(Some(provider_id.clone())),
                    claim_order_id: Set(Some(claim.id.clone())),
                    no_notification: Set(None),
                    location_id: Set(None),
                    ..stamped(at)
                }
                .insert(db)
                .await
                .expect("insert claim fulfillment");
                for item in &additional_items {
                    fulfillment_item::Entity::insert(fulfillment_item::ActiveModel {
                        fulfillment_id: Set(ful.id.clone()),
                        item_id: Set(item.id.clone()),
                        quantity: Set(item.quantity),
                    })
                    .exec_without_returning(db)
                    .await
                    .expect("insert fulfillment_item");
                }
                Some(ful)
            }
            None => None,
        };
        let return_order = if self.with_return {
            let ret = r#return::ActiveModel {
                id: Set(id("ret")),
                status: Set(ReturnStatusEnum::Requested),
                swap_id: Set(None),
                order_id: Set(Some(self.order_id.clone())),
                shipping_data: Set(None),
                refund_amount: Set(0),
                received_at: Set(None),
                idempotency_key: Set(None),
                claim_order_id: Set(Some(claim.id.clone())),
                no_notification: Set(None),
                location_id: Set(None),
                ..stamped(at)
            }
            .insert(db)
            .await
            .expect("insert claim return");
            for (item_id, _, quantity) in &self.claimed {
                return_item::ActiveModel {
                    return_id: Set(ret.id.clone()),
                    item_id: Set(item_id.clone()),
                    quantity: Set(*quantity),
                    is_requested: Set(true),
                    requested_quantity: Set(Some(*quantity)),
                    received_quantity: Set(None),
                    metadata: Set(None),
                    reason_id: Set(None),
                    note: Set(None),
                }
                .insert(db)
                .await
                .expect("insert return_item");
            }
            Some(ret)
        } else {
            None
        };
        BuiltClaim {
            claim,
            claim_items,
            additional_items,
            fulfillment,
            return_order,
        }
    }
}
