//! The route table: every operation the server answers, its access rule and its handler.
//!
//! The table is data so that the server, the auth middleware and the tests read the same list:
//! a test walks it to prove that every protected route refuses strangers.

use std::sync::OnceLock;

use actix_web::{http::Method, web, HttpRequest, HttpResponse, Route};
use medusa_core::{FeatureFlags, Flag};

use crate::error::{body_for_status, error_response};
use crate::handlers::{analytics_configs, api_keys, auth, currencies, invites, store, users};

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Answers without credentials (login, invite acceptance, password reset).
    Public,
    /// Answers 401 without valid credentials.
    Authenticated,
}

/// One route of the table.
pub struct Endpoint {
    /// The HTTP method.
    pub method: Method,
    /// The full path pattern, as actix matches it (`/admin/users/{id}`).
    pub path: &'static str,
    /// Whether it needs a credential.
    pub access: Access,
    /// The feature flag without which the route does not exist (Medusa's
    /// `isFeatureFlagEnabled` router guard).
    pub flag: Option<Flag>,
    route: fn() -> Route,
}

macro_rules! endpoint {
    ($method:ident $path:literal $access:ident => $handler:path) => {
        endpoint!(@ $method $path $access None => $handler)
    };
    ($method:ident $path:literal $access:ident if $flag:ident => $handler:path) => {
        endpoint!(@ $method $path $access Some(Flag::$flag) => $handler)
    };
    (@ $method:ident $path:literal $access:ident $flag:expr => $handler:path) => {
        Endpoint {
            method: Method::$method,
            path: $path,
            access: Access::$access,
            flag: $flag,
            route: || web::route().method(Method::$method).to($handler),
        }
    };
}

/// Every operation, static paths before the parameterised paths they would otherwise shadow.
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        // v1 authentication
        endpoint!(POST "/admin/auth" Public => auth::create_session),
        endpoint!(GET "/admin/auth" Authenticated => auth::get_session),
        endpoint!(DELETE "/admin/auth" Authenticated => auth::delete_session),
        endpoint!(POST "/admin/auth/token" Public => auth::create_token),
        // v2 authentication
        endpoint!(POST "/auth/user/emailpass" Public => auth::emailpass_token),
        endpoint!(POST "/auth/session" Authenticated => auth::session_from_token),
        endpoint!(DELETE "/auth/session" Public => auth::delete_v2_session),
        // users
        endpoint!(POST "/admin/users/password-token" Public => users::request_password_reset),
        endpoint!(POST "/admin/users/reset-password" Public => users::reset_password),
        endpoint!(GET "/admin/users" Authenticated => users::list_users),
        endpoint!(POST "/admin/users" Authenticated => users::create_user),
        endpoint!(GET "/admin/users/{id}" Authenticated => users::get_user),
        endpoint!(POST "/admin/users/{id}" Authenticated => users::update_user),
        endpoint!(DELETE "/admin/users/{id}" Authenticated => users::delete_user),
        // invites
        endpoint!(POST "/admin/invites/accept" Public => invites::accept_invite),
        endpoint!(GET "/admin/invites" Authenticated => invites::list_invites),
        endpoint!(POST "/admin/invites" Authenticated => invites::create_invite),
        endpoint!(DELETE "/admin/invites/{invite_id}" Authenticated => invites::delete_invite),
        endpoint!(POST "/admin/invites/{invite_id}/resend" Authenticated => invites::resend_invite),
        // analytics preferences of the calling admin (no OpenAPI entry; the dashboard's)
        endpoint!(GET "/admin/analytics-configs" Authenticated if Analytics => analytics_configs::get_analytics_config),
        endpoint!(POST "/admin/analytics-configs" Authenticated if Analytics => analytics_configs::create_analytics_config),
        endpoint!(POST "/admin/analytics-configs/update" Authenticated if Analytics => analytics_configs::update_analytics_config),
        endpoint!(DELETE "/admin/analytics-configs" Authenticated if Analytics => analytics_configs::delete_analytics_config),
        // secret API keys (v2)
        endpoint!(GET "/admin/api-keys" Authenticated => api_keys::list_api_keys),
        endpoint!(POST "/admin/api-keys" Authenticated => api_keys::create_api_key),
        endpoint!(GET "/admin/api-keys/{id}" Authenticated => api_keys::get_api_key),
        endpoint!(POST "/admin/api-keys/{id}" Authenticated => api_keys::update_api_key),
        endpoint!(DELETE "/admin/api-keys/{id}" Authenticated => api_keys::delete_api_key),
        endpoint!(POST "/admin/api-keys/{id}/revoke" Authenticated => api_keys::revoke_api_key),
        // store
        endpoint!(GET "/admin/store" Authenticated => store::get_store),
        endpoint!(POST "/admin/store" Authenticated => store::update_store),
        endpoint!(GET "/admin/store/payment-providers" Authenticated => store::list_payment_providers),
        endpoint!(GET "/admin/store/tax-providers" Authenticated => store::list_tax_providers),
        endpoint!(POST "/admin/store/currencies/{code}" Authenticated => store::add_store_currency),
        endpoint!(DELETE "/admin/store/currencies/{code}" Authenticated => store::remove_store_currency),
        // currencies
        endpoint!(GET "/admin/currencies" Authenticated => currencies::list_currencies),
        endpoint!(POST "/admin/currencies/{code}" Authenticated => currencies::update_currency),
        // products (reads: products list/get, tag-usage, types, product variants list)
        endpoint!(GET "/admin/products" Authenticated => crate::handlers::products::list_products),
        endpoint!(GET "/admin/products/tag-usage" Authenticated => crate::handlers::products::list_tag_usage),
        endpoint!(GET "/admin/products/types" Authenticated => crate::handlers::products::list_product_types),
        endpoint!(GET "/admin/products/{id}" Authenticated => crate::handlers::products::get_product),
        endpoint!(GET "/admin/products/{id}/variants" Authenticated => crate::handlers::products::list_product_variants),
        // products (writes: create/update/delete, metadata, options, variants)
        endpoint!(POST "/admin/products" Authenticated => crate::handlers::products::create_product),
        endpoint!(POST "/admin/products/{id}" Authenticated => crate::handlers::products::update_product),
        endpoint!(DELETE "/admin/products/{id}" Authenticated => crate::handlers::products::delete_product),
        endpoint!(POST "/admin/products/{id}/metadata" Authenticated => crate::handlers::products::set_product_metadata),
        endpoint!(POST "/admin/products/{id}/options" Authenticated => crate::handlers::products::add_product_option),
        endpoint!(POST "/admin/products/{id}/options/{option_id}" Authenticated => crate::handlers::products::update_product_option),
        endpoint!(DELETE "/admin/products/{id}/options/{option_id}" Authenticated => crate::handlers::products::delete_product_option),
        endpoint!(POST "/admin/products/{id}/variants" Authenticated => crate::handlers::products::create_product_variant),
        endpoint!(POST "/admin/products/{id}/variants/{variant_id}" Authenticated => crate::handlers::products::update_product_variant),
        endpoint!(DELETE "/admin/products/{id}/variants/{variant_id}" Authenticated => crate::handlers::products::delete_product_variant),
        // variants
        endpoint!(GET "/admin/variants" Authenticated => crate::handlers::variants::list_variants),
        endpoint!(GET "/admin/variants/{id}" Authenticated => crate::handlers::variants::get_variant),
        endpoint!(GET "/admin/variants/{id}/inventory" Authenticated => crate::handlers::inventory::get_variant_inventory),
        // product tags
        endpoint!(GET "/admin/product-tags" Authenticated => crate::handlers::product_tags::list_product_tags),
        // product types
        endpoint!(GET "/admin/product-types" Authenticated => crate::handlers::product_types::list_product_types),
        // collections
        endpoint!(GET "/admin/collections" Authenticated => crate::handlers::collections::list_collections),
        endpoint!(POST "/admin/collections" Authenticated => crate::handlers::collections::create_collection),
        endpoint!(GET "/admin/collections/{id}" Authenticated => crate::handlers::collections::get_collection),
        endpoint!(POST "/admin/collections/{id}" Authenticated => crate::handlers::collections::update_collection),
        endpoint!(DELETE "/admin/collections/{id}" Authenticated => crate::handlers::collections::delete_collection),
        endpoint!(POST "/admin/collections/{id}/products/batch" Authenticated => crate::handlers::collections::add_collection_products),
        endpoint!(DELETE "/admin/collections/{id}/products/batch" Authenticated => crate::handlers::collections::remove_collection_products),
        // product categories
        endpoint!(GET "/admin/product-categories" Authenticated if ProductCategories => crate::handlers::product_categories::list_product_categories),
        endpoint!(POST "/admin/product-categories" Authenticated if ProductCategories => crate::handlers::product_categories::create_product_category),
        endpoint!(GET "/admin/product-categories/{id}" Authenticated if ProductCategories => crate::handlers::product_categories::get_product_category),
        endpoint!(POST "/admin/product-categories/{id}" Authenticated if ProductCategories => crate::handlers::product_categories::update_product_category),
        endpoint!(DELETE "/admin/product-categories/{id}" Authenticated if ProductCategories => crate::handlers::product_categories::delete_product_category),
        endpoint!(POST "/admin/product-categories/{id}/products/batch" Authenticated if ProductCategories => crate::handlers::product_categories::add_product_category_products),
        endpoint!(DELETE "/admin/product-categories/{id}/products/batch" Authenticated if ProductCategories => crate::handlers::product_categories::remove_product_category_products),
        // sales channels
        endpoint!(GET "/admin/sales-channels" Authenticated => crate::handlers::sales_channels::list_sales_channels),
        endpoint!(POST "/admin/sales-channels" Authenticated => crate::handlers::sales_channels::create_sales_channel),
        endpoint!(GET "/admin/sales-channels/{id}" Authenticated => crate::handlers::sales_channels::get_sales_channel),
        endpoint!(POST "/admin/sales-channels/{id}" Authenticated => crate::handlers::sales_channels::update_sales_channel),
        endpoint!(DELETE "/admin/sales-channels/{id}" Authenticated => crate::handlers::sales_channels::delete_sales_channel),
        endpoint!(POST "/admin/sales-channels/{id}/products/batch" Authenticated => crate::handlers::sales_channels::add_sales_channel_products),
        endpoint!(DELETE "/admin/sales-channels/{id}/products/batch" Authenticated => crate::handlers::sales_channels::remove_sales_channel_products),
        endpoint!(POST "/admin/sales-channels/{id}/stock-locations" Authenticated => crate::handlers::sales_channels::add_sales_channel_stock_location),
        endpoint!(DELETE "/admin/sales-channels/{id}/stock-locations" Authenticated => crate::handlers::sales_channels::remove_sales_channel_stock_location),
        // price lists
        // discounts
        endpoint!(GET "/admin/discounts" Authenticated => crate::handlers::discounts::list_discounts),
        endpoint!(POST "/admin/discounts" Authenticated => crate::handlers::discounts::create_discount),
        endpoint!(GET "/admin/discounts/code/{code}" Authenticated => crate::handlers::discounts::get_discount_by_code),
        endpoint!(GET "/admin/discounts/{id}" Authenticated => crate::handlers::discounts::get_discount),
        endpoint!(POST "/admin/discounts/{id}" Authenticated => crate::handlers::discounts::update_discount),
        endpoint!(DELETE "/admin/discounts/{id}" Authenticated => crate::handlers::discounts::delete_discount),
        endpoint!(POST "/admin/discounts/{id}/dynamic-codes" Authenticated => crate::handlers::discounts::create_dynamic_code),
        endpoint!(DELETE "/admin/discounts/{id}/dynamic-codes/{code}" Authenticated => crate::handlers::discounts::delete_dynamic_code),
        endpoint!(POST "/admin/discounts/{id}/regions/{region_id}" Authenticated => crate::handlers::discounts::add_discount_region),
        endpoint!(DELETE "/admin/discounts/{id}/regions/{region_id}" Authenticated => crate::handlers::discounts::remove_discount_region),
        endpoint!(POST "/admin/discounts/{id}/conditions" Authenticated => crate::handlers::discounts::create_discount_condition),
        endpoint!(GET "/admin/discounts/{id}/conditions/{condition_id}" Authenticated => crate::handlers::discounts::get_discount_condition),
        endpoint!(POST "/admin/discounts/{id}/conditions/{condition_id}" Authenticated => crate::handlers::discounts::update_discount_condition),
        endpoint!(DELETE "/admin/discounts/{id}/conditions/{condition_id}" Authenticated => crate::handlers::discounts::delete_discount_condition),
        endpoint!(POST "/admin/discounts/{id}/conditions/{condition_id}/batch" Authenticated => crate::handlers::discounts::add_discount_condition_resources),
        endpoint!(DELETE "/admin/discounts/{id}/conditions/{condition_id}/batch" Authenticated => crate::handlers::discounts::remove_discount_condition_resources),
        // draft orders (issue 14)
        endpoint!(GET "/admin/draft-orders" Authenticated => crate::handlers::draft_orders::list_draft_orders),
        endpoint!(POST "/admin/draft-orders" Authenticated => crate::handlers::draft_orders::create_draft_order),
        endpoint!(GET "/admin/draft-orders/{id}" Authenticated => crate::handlers::draft_orders::get_draft_order),
        endpoint!(POST "/admin/draft-orders/{id}" Authenticated => crate::handlers::draft_orders::update_draft_order),
        endpoint!(DELETE "/admin/draft-orders/{id}" Authenticated => crate::handlers::draft_orders::delete_draft_order),
        endpoint!(POST "/admin/draft-orders/{id}/line-items" Authenticated => crate::handlers::draft_orders::add_draft_order_line_item),
        endpoint!(POST "/admin/draft-orders/{id}/line-items/{line_id}" Authenticated => crate::handlers::draft_orders::update_draft_order_line_item),
        endpoint!(DELETE "/admin/draft-orders/{id}/line-items/{line_id}" Authenticated => crate::handlers::draft_orders::delete_draft_order_line_item),
        endpoint!(POST "/admin/draft-orders/{id}/pay" Authenticated => crate::handlers::draft_orders::pay_draft_order),
        // gift cards
        endpoint!(GET "/admin/gift-cards" Authenticated => crate::handlers::gift_cards::list_gift_cards),
        endpoint!(POST "/admin/gift-cards" Authenticated => crate::handlers::gift_cards::create_gift_card),
        endpoint!(GET "/admin/gift-cards/{id}" Authenticated => crate::handlers::gift_cards::get_gift_card),
        endpoint!(POST "/admin/gift-cards/{id}" Authenticated => crate::handlers::gift_cards::update_gift_card),
        endpoint!(DELETE "/admin/gift-cards/{id}" Authenticated => crate::handlers::gift_cards::delete_gift_card),
        endpoint!(GET "/admin/price-lists" Authenticated => crate::handlers::price_lists::list_price_lists),
        endpoint!(POST "/admin/price-lists" Authenticated => crate::handlers::price_lists::create_price_list),
        endpoint!(GET "/admin/price-lists/{id}" Authenticated => crate::handlers::price_lists::get_price_list),
        endpoint!(POST "/admin/price-lists/{id}" Authenticated => crate::handlers::price_lists::update_price_list),
        endpoint!(DELETE "/admin/price-lists/{id}" Authenticated => crate::handlers::price_lists::delete_price_list),
        endpoint!(GET "/admin/price-lists/{id}/products" Authenticated => crate::handlers::price_lists::list_price_list_products),
        endpoint!(POST "/admin/price-lists/{id}/prices/batch" Authenticated => crate::handlers::price_lists::add_price_list_prices),
        endpoint!(DELETE "/admin/price-lists/{id}/prices/batch" Authenticated => crate::handlers::price_lists::delete_price_list_prices),
        endpoint!(DELETE "/admin/price-lists/{id}/products/prices/batch" Authenticated => crate::handlers::price_lists::delete_price_list_products_prices),
        endpoint!(DELETE "/admin/price-lists/{id}/products/{product_id}/prices" Authenticated => crate::handlers::price_lists::delete_price_list_product_prices),
        endpoint!(DELETE "/admin/price-lists/{id}/variants/{variant_id}/prices" Authenticated => crate::handlers::price_lists::delete_price_list_variant_prices),
        // uploads
        endpoint!(POST "/admin/uploads" Authenticated => crate::handlers::uploads::create_upload),
        endpoint!(DELETE "/admin/uploads" Authenticated => crate::handlers::uploads::delete_upload),
        endpoint!(POST "/admin/uploads/protected" Authenticated => crate::handlers::uploads::create_protected_upload),
        endpoint!(POST "/admin/uploads/download-url" Authenticated => crate::handlers::uploads::get_upload_download_url),
        // uploaded files: public ones by URL, protected ones through signed download links
        endpoint!(GET "/uploads/download/{key}" Public => crate::handlers::uploads::download_file),
        endpoint!(GET "/uploads/{key}" Public => crate::handlers::uploads::get_public_file),
        // regions
        endpoint!(GET "/admin/regions" Authenticated => crate::handlers::regions::list_regions),
        endpoint!(POST "/admin/regions" Authenticated => crate::handlers::regions::create_region),
        endpoint!(GET "/admin/regions/{id}" Authenticated => crate::handlers::regions::get_region),
        endpoint!(POST "/admin/regions/{id}" Authenticated => crate::handlers::regions::update_region),
        endpoint!(DELETE "/admin/regions/{id}" Authenticated => crate::handlers::regions::delete_region),
        endpoint!(GET "/admin/regions/{id}/fulfillment-options" Authenticated => crate::handlers::regions::list_region_fulfillment_options),
        endpoint!(POST "/admin/regions/{id}/countries" Authenticated => crate::handlers::regions::add_region_country),
        endpoint!(DELETE "/admin/regions/{id}/countries/{country_code}" Authenticated => crate::handlers::regions::remove_region_country),
        endpoint!(POST "/admin/regions/{id}/payment-providers" Authenticated => crate::handlers::regions::add_region_payment_provider),
        endpoint!(DELETE "/admin/regions/{id}/payment-providers/{provider_id}" Authenticated => crate::handlers::regions::remove_region_payment_provider),
        endpoint!(POST "/admin/regions/{id}/fulfillment-providers" Authenticated => crate::handlers::regions::add_region_fulfillment_provider),
        endpoint!(DELETE "/admin/regions/{id}/fulfillment-providers/{provider_id}" Authenticated => crate::handlers::regions::remove_region_fulfillment_provider),
        // return reasons
        endpoint!(GET "/admin/return-reasons" Authenticated => crate::handlers::return_reasons::list_return_reasons),
        endpoint!(POST "/admin/return-reasons" Authenticated => crate::handlers::return_reasons::create_return_reason),
        endpoint!(GET "/admin/return-reasons/{id}" Authenticated => crate::handlers::return_reasons::get_return_reason),
        endpoint!(POST "/admin/return-reasons/{id}" Authenticated => crate::handlers::return_reasons::update_return_reason),
        endpoint!(DELETE "/admin/return-reasons/{id}" Authenticated => crate::handlers::return_reasons::delete_return_reason),
        // tax rates
        endpoint!(GET "/admin/tax-rates" Authenticated => crate::handlers::tax_rates::list_tax_rates),
        endpoint!(POST "/admin/tax-rates" Authenticated => crate::handlers::tax_rates::create_tax_rate),
        endpoint!(GET "/admin/tax-rates/{id}" Authenticated => crate::handlers::tax_rates::get_tax_rate),
        endpoint!(POST "/admin/tax-rates/{id}" Authenticated => crate::handlers::tax_rates::update_tax_rate),
        endpoint!(DELETE "/admin/tax-rates/{id}" Authenticated => crate::handlers::tax_rates::delete_tax_rate),
        endpoint!(POST "/admin/tax-rates/{id}/products/batch" Authenticated => crate::handlers::tax_rates::add_tax_rate_products),
        endpoint!(DELETE "/admin/tax-rates/{id}/products/batch" Authenticated => crate::handlers::tax_rates::remove_tax_rate_products),
        endpoint!(POST "/admin/tax-rates/{id}/product-types/batch" Authenticated => crate::handlers::tax_rates::add_tax_rate_product_types),
        endpoint!(DELETE "/admin/tax-rates/{id}/product-types/batch" Authenticated => crate::handlers::tax_rates::remove_tax_rate_product_types),
        endpoint!(POST "/admin/tax-rates/{id}/shipping-options/batch" Authenticated => crate::handlers::tax_rates::add_tax_rate_shipping_options),
        endpoint!(DELETE "/admin/tax-rates/{id}/shipping-options/batch" Authenticated => crate::handlers::tax_rates::remove_tax_rate_shipping_options),
        // shipping profiles
        endpoint!(GET "/admin/shipping-profiles" Authenticated => crate::handlers::shipping_profiles::list_shipping_profiles),
        endpoint!(POST "/admin/shipping-profiles" Authenticated => crate::handlers::shipping_profiles::create_shipping_profile),
        endpoint!(GET "/admin/shipping-profiles/{id}" Authenticated => crate::handlers::shipping_profiles::get_shipping_profile),
        endpoint!(POST "/admin/shipping-profiles/{id}" Authenticated => crate::handlers::shipping_profiles::update_shipping_profile),
        endpoint!(DELETE "/admin/shipping-profiles/{id}" Authenticated => crate::handlers::shipping_profiles::delete_shipping_profile),
        // shipping options
        endpoint!(GET "/admin/shipping-options" Authenticated => crate::handlers::shipping_options::list_shipping_options),
        endpoint!(POST "/admin/shipping-options" Authenticated => crate::handlers::shipping_options::create_shipping_option),
        endpoint!(GET "/admin/shipping-options/{id}" Authenticated => crate::handlers::shipping_options::get_shipping_option),
        endpoint!(POST "/admin/shipping-options/{id}" Authenticated => crate::handlers::shipping_options::update_shipping_option),
        endpoint!(DELETE "/admin/shipping-options/{id}" Authenticated => crate::handlers::shipping_options::delete_shipping_option),
        // orders (reads)
        endpoint!(GET "/admin/orders" Authenticated => crate::handlers::orders::list_orders),
        endpoint!(GET "/admin/orders/{id}" Authenticated => crate::handlers::orders::get_order),
        // orders (lifecycle writes)
        endpoint!(POST "/admin/orders/{id}" Authenticated => crate::handlers::orders::update_order),
        endpoint!(POST "/admin/orders/{id}/complete" Authenticated => crate::handlers::orders::complete_order),
        endpoint!(POST "/admin/orders/{id}/archive" Authenticated => crate::handlers::orders::archive_order),
        endpoint!(POST "/admin/orders/{id}/cancel" Authenticated => crate::handlers::orders::cancel_order),
        endpoint!(POST "/admin/orders/{id}/capture" Authenticated => crate::handlers::orders::capture_order_payment),
        endpoint!(POST "/admin/orders/{id}/refund" Authenticated => crate::handlers::orders::refund_order),
        endpoint!(POST "/admin/orders/{id}/fulfillment" Authenticated => crate::handlers::orders::create_fulfillment),
        endpoint!(POST "/admin/orders/{id}/fulfillments/{fulfillment_id}/cancel" Authenticated => crate::handlers::orders::cancel_fulfillment),
        endpoint!(POST "/admin/orders/{id}/shipment" Authenticated => crate::handlers::orders::create_shipment),
        endpoint!(POST "/admin/orders/{id}/shipping-methods" Authenticated => crate::handlers::orders::add_shipping_method),
        endpoint!(GET "/admin/payments/{id}" Authenticated => crate::handlers::payments::get_payment),
        endpoint!(POST "/admin/payments/{id}/capture" Authenticated => crate::handlers::payments::capture_payment),
        endpoint!(POST "/admin/payments/{id}/refund" Authenticated => crate::handlers::payments::refund_payment),
        // inventory (Medusa's inventory and stock-location modules; on when the database has their tables)
        endpoint!(GET "/admin/inventory-items" Authenticated => crate::handlers::inventory::list_inventory_items),
        endpoint!(POST "/admin/inventory-items" Authenticated => crate::handlers::inventory::create_inventory_item),
        endpoint!(GET "/admin/inventory-items/{id}" Authenticated => crate::handlers::inventory::get_inventory_item),
        endpoint!(POST "/admin/inventory-items/{id}" Authenticated => crate::handlers::inventory::update_inventory_item),
        endpoint!(DELETE "/admin/inventory-items/{id}" Authenticated => crate::handlers::inventory::delete_inventory_item),
        endpoint!(GET "/admin/inventory-items/{id}/location-levels" Authenticated => crate::handlers::inventory::list_location_levels),
        endpoint!(POST "/admin/inventory-items/{id}/location-levels" Authenticated => crate::handlers::inventory::create_location_level),
        endpoint!(POST "/admin/inventory-items/{id}/location-levels/{location_id}" Authenticated => crate::handlers::inventory::update_location_level),
        endpoint!(DELETE "/admin/inventory-items/{id}/location-levels/{location_id}" Authenticated => crate::handlers::inventory::delete_location_level),
        endpoint!(GET "/admin/stock-locations" Authenticated => crate::handlers::inventory::list_stock_locations),
        endpoint!(POST "/admin/stock-locations" Authenticated => crate::handlers::inventory::create_stock_location),
        endpoint!(GET "/admin/stock-locations/{id}" Authenticated => crate::handlers::inventory::get_stock_location),
        endpoint!(POST "/admin/stock-locations/{id}" Authenticated => crate::handlers::inventory::update_stock_location),
        endpoint!(DELETE "/admin/stock-locations/{id}" Authenticated => crate::handlers::inventory::delete_stock_location),
        endpoint!(GET "/admin/reservations" Authenticated => crate::handlers::inventory::list_reservations),
        endpoint!(POST "/admin/reservations" Authenticated => crate::handlers::inventory::create_reservation),
        endpoint!(GET "/admin/reservations/{id}" Authenticated => crate::handlers::inventory::get_reservation),
        endpoint!(POST "/admin/reservations/{id}" Authenticated => crate::handlers::inventory::update_reservation),
        endpoint!(DELETE "/admin/reservations/{id}" Authenticated => crate::handlers::inventory::delete_reservation),
        endpoint!(GET "/admin/orders/{id}/reservations" Authenticated => crate::handlers::inventory::list_order_reservations),
        endpoint!(POST "/admin/orders/{id}/line-items/{line_item_id}/reserve" Authenticated => crate::handlers::inventory::reserve_line_item),
        // returns
        endpoint!(POST "/admin/orders/{id}/return" Authenticated => crate::handlers::returns::request_return),
        endpoint!(GET "/admin/returns" Authenticated => crate::handlers::returns::list_returns),
        endpoint!(POST "/admin/returns/{id}/receive" Authenticated => crate::handlers::returns::receive_return),
        endpoint!(POST "/admin/returns/{id}/cancel" Authenticated => crate::handlers::returns::cancel_return),
        // claims
        endpoint!(POST "/admin/orders/{id}/claims" Authenticated => crate::handlers::claims::create_claim),
        endpoint!(POST "/admin/orders/{id}/claims/{claim_id}" Authenticated => crate::handlers::claims::update_claim),
        endpoint!(POST "/admin/orders/{id}/claims/{claim_id}/cancel" Authenticated => crate::handlers::claims::cancel_claim),
        endpoint!(POST "/admin/orders/{id}/claims/{claim_id}/fulfillments" Authenticated => crate::handlers::claims::fulfill_claim),
        endpoint!(POST "/admin/orders/{id}/claims/{claim_id}/fulfillments/{fulfillment_id}/cancel" Authenticated => crate::handlers::claims::cancel_claim_fulfillment),
        endpoint!(POST "/admin/orders/{id}/claims/{claim_id}/shipments" Authenticated => crate::handlers::claims::ship_claim),
        // swaps
        endpoint!(POST "/admin/orders/{id}/swaps" Authenticated => crate::handlers::swaps::create_swap),
        endpoint!(POST "/admin/orders/{id}/swaps/{swap_id}/process-payment" Authenticated => crate::handlers::swaps::process_swap_payment),
        endpoint!(POST "/admin/orders/{id}/swaps/{swap_id}/cancel" Authenticated => crate::handlers::swaps::cancel_swap),
        endpoint!(POST "/admin/orders/{id}/swaps/{swap_id}/fulfillments" Authenticated => crate::handlers::swaps::fulfill_swap),
        endpoint!(POST "/admin/orders/{id}/swaps/{swap_id}/fulfillments/{fulfillment_id}/cancel" Authenticated => crate::handlers::swaps::cancel_swap_fulfillment),
        endpoint!(POST "/admin/orders/{id}/swaps/{swap_id}/shipments" Authenticated => crate::handlers::swaps::ship_swap),
        endpoint!(GET "/admin/swaps" Authenticated => crate::handlers::swaps::list_swaps),
        endpoint!(GET "/admin/swaps/{id}" Authenticated => crate::handlers::swaps::get_swap),
        // order edits
        endpoint!(GET "/admin/order-edits" Authenticated => crate::handlers::order_edits::list_order_edits),
        endpoint!(POST "/admin/order-edits" Authenticated => crate::handlers::order_edits::create_order_edit),
        endpoint!(GET "/admin/order-edits/{id}" Authenticated => crate::handlers::order_edits::get_order_edit),
        endpoint!(POST "/admin/order-edits/{id}" Authenticated => crate::handlers::order_edits::update_order_edit),
        endpoint!(DELETE "/admin/order-edits/{id}" Authenticated => crate::handlers::order_edits::delete_order_edit),
        endpoint!(POST "/admin/order-edits/{id}/cancel" Authenticated => crate::handlers::order_edits::cancel_order_edit),
        endpoint!(POST "/admin/order-edits/{id}/confirm" Authenticated => crate::handlers::order_edits::confirm_order_edit),
        endpoint!(POST "/admin/order-edits/{id}/request" Authenticated => crate::handlers::order_edits::request_order_edit),
        endpoint!(POST "/admin/order-edits/{id}/items" Authenticated => crate::handlers::order_edits::add_order_edit_item),
        endpoint!(POST "/admin/order-edits/{id}/items/{item_id}" Authenticated => crate::handlers::order_edits::update_order_edit_item),
        endpoint!(DELETE "/admin/order-edits/{id}/items/{item_id}" Authenticated => crate::handlers::order_edits::delete_order_edit_item),
        endpoint!(DELETE "/admin/order-edits/{id}/changes/{change_id}" Authenticated => crate::handlers::order_edits::delete_order_edit_change),
        // payment collections
        endpoint!(GET "/admin/payment-collections/{id}" Authenticated => crate::handlers::payment_collections::get_payment_collection),
        endpoint!(POST "/admin/payment-collections/{id}" Authenticated => crate::handlers::payment_collections::update_payment_collection),
        endpoint!(DELETE "/admin/payment-collections/{id}" Authenticated => crate::handlers::payment_collections::delete_payment_collection),
        endpoint!(POST "/admin/payment-collections/{id}/authorize" Authenticated => crate::handlers::payment_collections::authorize_payment_collection),
        // customers
        endpoint!(GET "/admin/customers" Authenticated => crate::handlers::customers::list_customers),
        endpoint!(POST "/admin/customers" Authenticated => crate::handlers::customers::create_customer),
        endpoint!(GET "/admin/customers/{id}" Authenticated => crate::handlers::customers::get_customer),
        endpoint!(POST "/admin/customers/{id}" Authenticated => crate::handlers::customers::update_customer),
        // customer groups
        endpoint!(GET "/admin/customer-groups" Authenticated => crate::handlers::customer_groups::list_customer_groups),
        endpoint!(POST "/admin/customer-groups" Authenticated => crate::handlers::customer_groups::create_customer_group),
        endpoint!(GET "/admin/customer-groups/{id}" Authenticated => crate::handlers::customer_groups::get_customer_group),
        endpoint!(POST "/admin/customer-groups/{id}" Authenticated => crate::handlers::customer_groups::update_customer_group),
        endpoint!(DELETE "/admin/customer-groups/{id}" Authenticated => crate::handlers::customer_groups::delete_customer_group),
        endpoint!(GET "/admin/customer-groups/{id}/customers" Authenticated => crate::handlers::customer_groups::list_customer_group_customers),
        endpoint!(POST "/admin/customer-groups/{id}/customers/batch" Authenticated => crate::handlers::customer_groups::add_customer_group_customers),
        endpoint!(DELETE "/admin/customer-groups/{id}/customers/batch" Authenticated => crate::handlers::customer_groups::remove_customer_group_customers),
        // apps (OAuth plugin glue)
        endpoint!(GET "/admin/apps" Authenticated => crate::handlers::apps::list_apps),
        endpoint!(POST "/admin/apps/authorizations" Authenticated => crate::handlers::apps::authorize_app),
        // batch jobs
        endpoint!(GET "/admin/batch-jobs" Authenticated => crate::handlers::batch_jobs::list_batch_jobs),
        endpoint!(POST "/admin/batch-jobs" Authenticated => crate::handlers::batch_jobs::create_batch_job),
        endpoint!(GET "/admin/batch-jobs/{id}" Authenticated => crate::handlers::batch_jobs::get_batch_job),
        endpoint!(POST "/admin/batch-jobs/{id}/confirm" Authenticated => crate::handlers::batch_jobs::confirm_batch_job),
        endpoint!(POST "/admin/batch-jobs/{id}/cancel" Authenticated => crate::handlers::batch_jobs::cancel_batch_job),
        // notes
        endpoint!(GET "/admin/notes" Authenticated => crate::handlers::notes::list_notes),
        endpoint!(POST "/admin/notes" Authenticated => crate::handlers::notes::create_note),
        endpoint!(GET "/admin/notes/{id}" Authenticated => crate::handlers::notes::get_note),
        endpoint!(POST "/admin/notes/{id}" Authenticated => crate::handlers::notes::update_note),
        endpoint!(DELETE "/admin/notes/{id}" Authenticated => crate::handlers::notes::delete_note),
        // notifications
        endpoint!(GET "/admin/notifications" Authenticated => crate::handlers::notifications::list_notifications),
        endpoint!(POST "/admin/notifications/{id}/resend" Authenticated => crate::handlers::notifications::resend_notification),
        // publishable api keys
        endpoint!(GET "/admin/publishable-api-keys" Authenticated => crate::handlers::publishable_api_keys::list_publishable_api_keys),
        endpoint!(POST "/admin/publishable-api-keys" Authenticated => crate::handlers::publishable_api_keys::create_publishable_api_key),
        endpoint!(GET "/admin/publishable-api-keys/{id}" Authenticated => crate::handlers::publishable_api_keys::get_publishable_api_key),
        endpoint!(POST "/admin/publishable-api-keys/{id}" Authenticated => crate::handlers::publishable_api_keys::update_publishable_api_key),
        endpoint!(DELETE "/admin/publishable-api-keys/{id}" Authenticated => crate::handlers::publishable_api_keys::delete_publishable_api_key),
        endpoint!(POST "/admin/publishable-api-keys/{id}/revoke" Authenticated => crate::handlers::publishable_api_keys::revoke_publishable_api_key),
        endpoint!(GET "/admin/publishable-api-keys/{id}/sales-channels" Authenticated => crate::handlers::publishable_api_keys::list_publishable_api_key_sales_channels),
        endpoint!(POST "/admin/publishable-api-keys/{id}/sales-channels/batch" Authenticated => crate::handlers::publishable_api_keys::add_publishable_api_key_sales_channels),
        endpoint!(DELETE "/admin/publishable-api-keys/{id}/sales-channels/batch" Authenticated => crate::handlers::publishable_api_keys::remove_publishable_api_key_sales_channels),
    ]
}

/// Whether `method` on the route pattern `pattern` answers without credentials.
/// Whether the route a request matched is public. The matched pattern carries whatever prefix
/// a host app mounted the API under (`/shop/admin/auth`), so it is compared by its end.
pub fn is_public(method: &Method, pattern: &str) -> bool {
    static PUBLIC: OnceLock<Vec<(Method, &'static str)>> = OnceLock::new();
    PUBLIC
        .get_or_init(|| {
            endpoints()
                .into_iter()
                .filter(|e| e.access == Access::Public)
                .map(|e| (e.method, e.path))
                .collect()
        })
        .iter()
        .any(|(m, p)| m == method && pattern.ends_with(p))
}

/// Registers the endpoints whose path starts with `prefix`, relative to a scope mounted there,
/// leaving out those whose feature flag is off. Each path becomes one resource holding its
/// methods, reached with or without a trailing slash; any other method answers 405.
///
/// Resources are grouped in a scope per first segment (`/orders`, `/products`, ...): actix
/// tries a scope's resources one after another, so a request is matched against the handful
/// of its resource's patterns rather than against every pattern of the API.
pub fn register(cfg: &mut web::ServiceConfig, prefix: &str, flags: FeatureFlags) {
    // Per first segment, in the table's order: each path with its endpoints.
    type Paths = Vec<(&'static str, Vec<Endpoint>)>;
    let mut groups: Vec<(&'static str, Paths)> = Vec::new();
    for endpoint in endpoints()
        .into_iter()
        .filter(|e| e.path.starts_with(prefix) && e.flag.is_none_or(|flag| flags.is_enabled(flag)))
    {
        let relative = &endpoint.path[prefix.len()..];
        let group = first_segment(relative);
        let at = match groups.iter().position(|(known, _)| *known == group) {
            Some(at) => at,
            None => {
                groups.push((group, Vec::new()));
                groups.len() - 1
            }
        };
        let paths = &mut groups[at].1;
        match paths.iter_mut().find(|(path, _)| *path == relative) {
            Some((_, endpoints)) => endpoints.push(endpoint),
            None => paths.push((relative, vec![endpoint])),
        }
    }
    for (group, paths) in groups {
        if group.is_empty() {
            for (path, endpoints) in paths {
                cfg.service(resource(path, endpoints));
            }
            continue;
        }
        let mut scope = web::scope(group).default_service(web::to(not_found));
        for (path, endpoints) in paths {
            scope = scope.service(resource(&path[group.len()..], endpoints));
        }
        cfg.service(scope);
    }
}

/// The static first segment of `relative` (`/orders` of `/orders/{id}`), or `""` when it has
/// none to group by (the scope's own path, or a parameter).
fn first_segment(relative: &'static str) -> &'static str {
    let end = relative[1.min(relative.len())..]
        .find('/')
        .map_or(relative.len(), |at| at + 1);
    let segment = &relative[..end];
    if segment.contains('{') {
        ""
    } else {
        segment
    }
}

/// The resource answering `endpoints` at `path` (relative to its scope).
fn resource(path: &str, endpoints: Vec<Endpoint>) -> actix_web::Resource {
    let mut resource = web::resource(patterns(path)).default_service(web::to(method_not_allowed));
    for endpoint in endpoints {
        resource = resource.route((endpoint.route)());
    }
    resource
}

/// A path and the same path with a trailing slash: Medusa's router (Express, not strict)
/// answers both, and its own clients send the slash on some calls (`GET /admin/store/`). The
/// plain path comes first, so it is the pattern the auth middleware sees for either.
fn patterns(relative: &str) -> Vec<String> {
    if relative.is_empty() {
        return vec![String::new(), "/".to_owned()];
    }
    vec![relative.to_owned(), format!("{relative}/")]
}

async fn method_not_allowed(req: HttpRequest) -> HttpResponse {
    let status = actix_web::http::StatusCode::METHOD_NOT_ALLOWED;
    error_response(
        status,
        body_for_status(
            status,
            format!("Method {} is not allowed on {}", req.method(), req.path()),
        ),
    )
}

/// The answer for a path no route matches.
pub async fn not_found(req: HttpRequest) -> HttpResponse {
    let status = actix_web::http::StatusCode::NOT_FOUND;
    error_response(
        status,
        body_for_status(
            status,
            format!("Route {} {} not found", req.method(), req.path()),
        ),
    )
}
