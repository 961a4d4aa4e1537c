//! The cart engine: what a cart is made of and what it costs, shared by draft orders now and
//! by claims, swaps and order edits next.
//!
//! `medusa-cart` owns line items (generated from variants and priced by the pricing crate's
//! selection, or custom), shipping methods on carts (option price types, requirements, custom
//! prices, one method per shipping profile), tax lines through Medusa's system tax provider,
//! discount adjustments (the first non-free-shipping discount, Medusa's per-line formulas and
//! caps), gift cards on carts, and the cart totals of `medusa-totals`. Every write is a
//! `*_in(conn, ...)` function composing inside a caller's transaction; the crate has no
//! service of its own and records no event (its callers' services do).

pub mod line_items;
pub mod tax_lines;

pub use line_items::{
    add_variant_lines_in, custom_line_item, generate_line_items_in, insert_line_items_in,
    item_tax_lines_of, LineOwner, NewLineItem, PricingContext, TaxLines, VariantLine,
};
pub use tax_lines::{
    create_item_tax_lines_in, create_method_tax_lines_in, item_tax_line_row, method_tax_line_row,
    rates_for_option, rates_for_products, Rate, TaxRegion,
};

pub mod adjustments;
pub mod carts;
pub mod discounts;
pub mod region_change;
pub mod rows;
pub mod shipping;
pub mod view;
