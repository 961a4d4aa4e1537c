//! Orders: the admin read model.
//!
//! `medusa-order` answers `GET /admin/orders` and `GET /admin/orders/{id}` as Medusa 1.20
//! does: the query grammar of its `AdminGetOrdersParams` (through `medusa-query-dsl`), the
//! route's default fields and relations, relations loaded select-in level by level (through
//! `medusa-load`, a fixed number of statements per request), and the answer trimmed as
//! Medusa's `cleanResponseData` trims it. Totals are computed by `medusa-totals`: the typed
//! rows of an order ([`OrderRows`]) are mapped to its input by [`totals::order_input`] and the
//! figures merged by [`json::merge_totals`], the one place totals enter an answer. Beside it,
//! `GET /admin/payments/{id}` ([`payments`]) and the payment collections
//! ([`payment_collections`]). The lifecycle writes (update, complete, archive,
//! cancel, capture, ...) are [`writes::OrderWriteService`]: the rules are pure functions in
//! [`status`], each write an `*_in` function composing in a caller's transaction. It knows no
//! HTTP.

// Tests may unwrap: a panic there is the failure report.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod answer;
pub mod edit_rows;
pub mod events;
pub mod fulfill;
pub mod fulfillments;
pub mod input;
pub mod json;
pub mod lifecycle;
mod load;
mod load_more;
mod methods;
mod page;
pub mod payment_collections;
pub mod payments;
pub mod refund;
pub mod rows;
pub mod service;
pub mod shape;
pub mod spec;
pub mod status;
pub mod totals;
pub mod update;
pub mod writes;

pub use input::{
    AddShippingMethod, CreateFulfillment, CreateRefund, CreateShipment, PaymentRefund, UpdateOrder,
    UpdatePaymentCollection,
};
pub use json::merge_totals;
pub use payment_collections::{
    plan_payment_collection_retrieve, PaymentCollectionService, SeaPaymentCollectionService,
    PAYMENT_COLLECTION_RETRIEVE,
};
pub use payments::{plan_payment_retrieve, PaymentService, SeaPaymentService, PAYMENT_RETRIEVE};
pub use rows::{
    ClaimRows, DiscountRows, GiftCardTransactionRows, ItemRows, OrderRows, ShippingMethodRows,
    SwapRows,
};
pub use service::{OrderService, SeaOrderService};
pub use spec::{
    plan_order_list, plan_order_retrieve, plan_order_retrieve_shared, OrderListQuery, OrderQuery,
    TotalsRequest, ORDER_LIST, ORDER_LIST_SC, ORDER_RETRIEVE, ORDER_RETRIEVE_SC,
};
pub use writes::{OrderWriteService, SeaOrderWriteService};
