//! Price lists: sale and override prices per currency, region, quantity and customer group.
//!
//! `medusa-pricing` owns `/admin/price-lists`: the lists themselves (name, type, status,
//! validity dates, customer groups), their prices (money amounts with a `price_list_id`, linked
//! to a variant), the batch additions and deletions of prices, and the list's products read
//! through the product crate's read model. Request bodies are read here with Medusa's
//! validation messages, so the HTTP layer only routes.
//!
//! It also owns Medusa's price selection: the rules as plain functions (`selection`), what they
//! need loaded for a page of variants (`variant_prices`), and the admin variant reads priced
//! with them (`priced_variants`), and the price of a line item (`line_prices`, for the cart).

pub mod input;
pub mod line_prices;
pub mod price_lists;
pub mod priced_variants;
pub mod products;
pub mod selection;
mod tax_inclusive;
pub mod variant_prices;
pub mod view;

pub use input::{ids_from_body, AddPrices, CreatePriceList, PriceInput, UpdatePriceList};
pub use price_lists::{PriceListQuery, PriceListService, SeaPriceListService, PRICE_LIST_LIST};
pub use priced_variants::{PriceSelectionParams, PricedVariantService, SeaPricedVariantService};
pub use products::{list_products, plan_products, PRICE_LIST_PRODUCTS};
pub use view::{PriceListView, PriceView, Relations};
