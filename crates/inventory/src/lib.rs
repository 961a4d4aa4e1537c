//! Multi-warehouse inventory, as Medusa 1.20 serves it with its `@medusajs/inventory` and
//! `@medusajs/stock-location` modules.
//!
//! `medusa-inventory` owns the modules' five tables (`inventory_item`, `inventory_level`,
//! `reservation_item`, `stock_location`, `stock_location_address`) and the two core link
//! tables the modules fill (`product_variant_inventory_item`, `sales_channel_location`, the
//! latter shared with `medusa-sales-channel`):
//! - [`InventoryItemService`]: items, their variant links and their levels per location
//!   (stocked, reserved, incoming, available), and a variant's inventory per sales channel;
//! - [`StockLocationService`]: locations with their addresses and sales channels;
//! - [`ReservationService`]: reservations, an order's reservations, reserving a line item;
//! - [`ProductsWithAvailability`], [`VariantsWithAvailability`]: the product and variant reads
//!   with each variant's `inventory_quantity` and `purchasable` from the levels, as Medusa's
//!   product routes decorate them with the modules on.
//!
//! Whether the modules are on is a fact of the database ([`Modules`]): one that has their
//! tables (`medusa-admin migrate --inventory`, or Medusa's own migrations with the modules) is
//! served with inventory on; on one without them every inventory route answers that inventory
//! is not enabled, as Medusa without the modules does (with a 404 instead of its 500).
//!
//! Writes are `*_in(conn, ...)` functions composing inside a caller's transaction
//! ([`release_line_items_in`] is the seam an order's cancel calls); each service method runs
//! one transaction with the events Medusa's modules emit.

// Tests may unwrap: a panic there is the failure report.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod availability;
pub mod events;
pub mod fulfillment;
pub mod input;
mod item_reads;
pub mod items;
pub mod json;
pub mod locations;
pub mod modules;
pub mod new_variants;
pub mod reservations;
pub mod specs;
pub mod stock;

pub use availability::{ProductsWithAvailability, VariantsWithAvailability};
pub use input::{
    AddressInput, CreateInventoryItem, CreateLevel, CreateReservation, CreateStockLocation,
    ReserveLineItem, UpdateInventoryItem, UpdateLevel, UpdateReservation, UpdateStockLocation,
};
pub use items::{InventoryItemService, SeaInventoryItemService};
pub use locations::{SeaStockLocationService, StockLocationService};
pub use modules::Modules;
pub use new_variants::InventoryItemsForNewVariants;
pub use reservations::{release_line_items_in, ReservationService, SeaReservationService};
pub use specs::{
    plan_reservation_list, INVENTORY_ITEM_LIST, INVENTORY_ITEM_RETRIEVE, LOCATION_LEVEL_LIST,
    ORDER_RESERVATION_LIST, RESERVATION_LIST, STOCK_LOCATION_LIST, STOCK_LOCATION_RETRIEVE,
};
