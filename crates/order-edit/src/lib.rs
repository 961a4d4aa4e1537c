//! Order edits (`/admin/order-edits`), as Medusa 1.20's `OrderEditService` and
//! `OrderEditItemChangeService` keep them.
//!
//! An edit clones its order's line items (with their tax lines and adjustments) when it is
//! created; item changes (`item_add`, `item_update`, `item_remove`) change the clones and are
//! recorded in `order_item_change`, each followed by a refresh of the clones' discount
//! adjustments (`medusa-cart`'s engine). The edit's totals are the order's totals computed
//! again with the clones in place of the order's items (`medusa-order`'s loader and totals
//! mapping, `medusa-totals`), and `difference_due` is what that adds to the order. A request
//! asks the customer to confirm (with a payment collection when the edit costs more); a
//! confirmation moves the clones into the order and detaches the originals. The status
//! comes from the timestamps ([`rules`], pure and tested by tables); every step is an
//! `*_in` function ([`write`], [`items`]) run by [`SeaOrderEditService`] in one transaction,
//! with Medusa's events ([`events`]).

// Tests may unwrap: a panic there is the failure report.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod events;
pub mod input;
pub mod items;
pub mod read;
pub mod rules;
pub mod service;
pub mod spec;
pub mod write;

pub use input::{
    AddLineItem, CreateOrderEdit, RequestConfirmation, UpdateLineItem, UpdateOrderEdit,
};
pub use service::{OrderEditService, SeaOrderEditService};
pub use spec::{plan_order_edit_retrieve, ORDER_EDIT_LIST, ORDER_EDIT_RETRIEVE};
