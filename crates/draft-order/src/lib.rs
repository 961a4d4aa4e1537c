//! Draft orders: orders an admin builds by hand (phone orders, replacements), each a cart of
//! type `draft_order` built with the cart engine (`medusa-cart`) and turned into a paid order
//! by `pay`.
//!
//! `medusa-draft-order` owns `/admin/draft-orders`: the request classes (`input`), the reads
//! (`read`: one draft with its cart and the cart's totals, a page of drafts), the writes
//! (`service`: create, update, line items, delete) and `pay` (the `system` payment, tax lines,
//! the order, the capture, in one transaction, the draft row locked first). Events as Medusa's
//! draft-order, cart, customer and order services emit them (`events`).

pub mod events;
pub mod input;
pub mod pay;
pub mod read;
pub mod service;

pub use input::{AddLineItem, CreateDraftOrder, UpdateDraftOrder, UpdateLineItem};
pub use read::DraftListQuery;
pub use service::{DraftOrderService, SeaDraftOrderService};
