//! The events the draft-order writes record, with Medusa's names and payloads. The cart's,
//! the customer's and the order's are declared here too: Medusa's cart, customer and order
//! services emit them inside the draft-order operations.

use medusa_entity::customer;
use medusa_events::{events, Event};
use serde::Serialize;

events! {
    DraftOrderCreated = "draft_order.created" { id: String }
    DraftOrderUpdated = "draft_order.updated" { id: String }
    CartCreated = "cart.created" { id: String }
    CartUpdated = "cart.updated" { id: String }
    CartCustomerUpdated = "cart.customer_updated" { id: String }
    OrderPlaced = "order.placed" { id: String, no_notification: Option<bool> }
}

/// `customer.created`, whose payload is the customer (a guest created for a draft's email).
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct CustomerCreated<'a>(pub &'a customer::Model);

impl Event for CustomerCreated<'_> {
    const NAME: &'static str = "customer.created";
}

/// Records `cart.updated` for the draft's cart, as each cart change of a draft does.
pub(crate) async fn record_cart_updated<C: sea_orm::ConnectionTrait>(
    conn: &C,
    cart_id: &str,
) -> medusa_core::Result<()> {
    medusa_events::record_event(
        conn,
        &CartUpdated {
            id: cart_id.to_owned(),
        },
    )
    .await
}
