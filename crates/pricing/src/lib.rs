//! Price lists: sale and override prices per currency, region, quantity and customer group.
//!
//! `medusa-pricing` owns `/admin/price-lists`: the lists themselves (name, type, status,
//! validity dates, customer groups), their prices (money amounts with a `price_list_id`, linked
//! to a variant), the batch additions and deletions of prices, and the list's products read
//! through the product crate's read model. Request bodies are read here with Medusa's
//! validation messages, so the HTTP layer only routes.

pub mod input;
pub mod price_lists;
pub mod products;
mod tax_inclusive;
pub mod view;

pub use input::{ids_from_body, AddPrices, CreatePriceList, PriceInput, UpdatePriceList};
pub use price_lists::{PriceListQuery, PriceListService, SeaPriceListService, PRICE_LIST_LIST};
pub use products::{list_products, plan_products, PRICE_LIST_PRODUCTS};
pub use view::{PriceListView, PriceView, Relations};
