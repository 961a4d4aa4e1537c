//! Return reason, return, claim and swap request bodies, declared as Medusa's request classes
//! declare them (`AdminPostReturnReasonsReq`, `AdminPostReturnReasonsReasonReq`, ...) so a bad
//! body gets Medusa's messages in Medusa's order.

use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::patch::Patch;
use serde_json::{Map, Value};

use medusa_entity::sea_orm_active_enums::ClaimOrderTypeEnum;
use medusa_order::input::AddressInput;

fn int_of(body: &Body, name: &str) -> Option<i64> {
    body.number(name).map(|n| n as i64)
}

fn int(body: &Body, name: &str) -> i64 {
    int_of(body, name).unwrap_or_default()
}

medusa_core::request! {
    /// A new return reason (`POST /admin/return-reasons`).
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateReturnReason in CREATE_REASON {
        pub value: String = required[Rule::String],
        pub label: String = required[Rule::String],
        pub parent_return_reason_id: Option<String> = optional[Rule::String],
        pub description: Option<String> = optional[Rule::String],
        /// Stored exactly as given (any JSON value: Medusa does not check its type).
        pub metadata: Option<Value> = optional[],
    }
}

medusa_core::request! {
    /// Changes to a return reason (`POST /admin/return-reasons/{id}`). `None` leaves a field
    /// alone, `Some(None)` (JSON `null`) clears it; `metadata` replaces the stored value whole.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateReturnReason in UPDATE_REASON {
        pub label: Patch<String> = optional[Rule::String],
        pub value: Patch<String> = optional[Rule::String],
        pub description: Patch<String> = optional[Rule::String],
        pub metadata: Patch<Value> = optional[],
    }
}

medusa_core::request! {
    /// One line of a requested return (`OrdersReturnItem`: `@IsString() @IsNotEmpty()`
    /// item_id, `@IsInt() @IsNotEmpty()` quantity).
    #[derive(Debug, Clone, PartialEq)]
    pub struct ReturnItemInput in RETURN_ITEM {
        pub item_id: String = required[Rule::NotEmpty, Rule::String],
        pub quantity: i64 = required[Rule::NotEmpty, Rule::Int] => int,
        pub reason_id: Option<String> = optional[Rule::String],
        pub note: Option<String> = optional[Rule::String],
    }
}

medusa_core::request! {
    /// `return_shipping`: the option and, optionally, the price (else the option's).
    #[derive(Debug, Clone, PartialEq)]
    pub struct ReturnShipping in RETURN_SHIPPING {
        pub option_id: Option<String> = optional[Rule::String],
        pub price: Option<i64> = optional[Rule::Int] => int_of,
    }
}

medusa_core::request! {
    /// `POST /admin/orders/{id}/return` (Medusa's `AdminPostOrdersOrderReturnsReq`; its `note`
    /// is read but not stored, as Medusa's route does).
    #[derive(Debug, Clone, PartialEq)]
    pub struct RequestReturn in REQUEST_RETURN {
        pub items: Vec<ReturnItemInput> = required[Rule::EachNested(&RETURN_ITEM), Rule::Array],
        pub return_shipping: Option<ReturnShipping> = optional[Rule::Nested(&RETURN_SHIPPING)],
        check "note" = optional[Rule::String],
        pub receive_now: bool = optional[Rule::Boolean],
        pub no_notification: Option<bool> = optional[Rule::Boolean],
        pub refund: Option<i64> = optional[Rule::Int] => int_of,
        /// Stored on the return only with the inventory modules, as Medusa's route does.
        pub location_id: Option<String> = optional[Rule::String],
    }
}

// `AdminPostReturnsReturnReceiveReq`'s `Item`.
static RECEIVE_ITEM: Class = Class::new(&[
    Field::required("item_id", &[Rule::String]),
    Field::required("quantity", &[Rule::Number]),
]);

fn received(item: &Body) -> (String, i64) {
    (
        item.string("item_id").unwrap_or_default(),
        int(item, "quantity"),
    )
}

medusa_core::request! {
    /// `POST /admin/returns/{id}/receive` (`AdminPostReturnsReturnReceiveReq`).
    #[derive(Debug, Clone, PartialEq)]
    pub struct ReceiveReturn in RECEIVE_RETURN {
        pub items: Vec<(String, i64)> = required[Rule::EachNested(&RECEIVE_ITEM), Rule::Array]
            => |body, name| body.each(name).unwrap_or_default().iter().map(received).collect(),
        pub refund: Option<i64> = optional[Rule::Number] => int_of,
        /// Stored on the return as given (Medusa's route passes it on without the inventory
        /// modules too).
        pub location_id: Option<String> = optional[Rule::String],
    }
}

// Claims: Medusa's `AdminPostOrdersOrderClaimsReq` and its siblings.

const CLAIM_TYPES: &[&str] = &["refund", "replace"];
const CLAIM_REASONS: &[&str] = &["missing_item", "wrong_item", "production_failure", "other"];

medusa_core::request! {
    /// One claimed line of a new claim.
    #[derive(Debug, Clone, PartialEq)]
    pub struct ClaimItemInput in CLAIM_ITEM {
        pub item_id: String = required[Rule::NotEmpty, Rule::String],
        pub quantity: i64 = required[Rule::NotEmpty, Rule::Int] => int,
        pub note: Option<String> = optional[Rule::String],
        pub reason: Option<String> = optional[Rule::Enum(CLAIM_REASONS)],
        pub tags: Vec<String> = optional[Rule::Each(&Rule::String), Rule::Array],
        pub images: Vec<String> = optional[Rule::Each(&Rule::String), Rule::Array],
    }
}

medusa_core::request! {
    /// A variant sent in replacement.
    #[derive(Debug, Clone, PartialEq)]
    pub struct AdditionalItem in ADDITIONAL_ITEM {
        pub variant_id: String = required[Rule::NotEmpty, Rule::String],
        pub quantity: i64 = required[Rule::NotEmpty, Rule::Int] => int,
    }
}

medusa_core::request! {
    /// A shipping method of a claim: an existing method (`id`) moved to the claim, or a new one
    /// of an option.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct ClaimShippingMethod in CLAIM_SHIPPING_METHOD {
        pub id: Option<String> = optional[Rule::String],
        pub option_id: Option<String> = optional[Rule::String],
        pub price: Option<i64> = optional[Rule::Int] => int_of,
        pub data: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

fn claim_type(body: &Body, name: &str) -> ClaimOrderTypeEnum {
    match body.string(name).as_deref() {
        Some("refund") => ClaimOrderTypeEnum::Refund,
        _ => ClaimOrderTypeEnum::Replace,
    }
}

medusa_core::request! {
    /// `POST /admin/orders/{id}/claims` (Medusa's `AdminPostOrdersOrderClaimsReq`).
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateClaim in CREATE_CLAIM {
        pub kind as "type": ClaimOrderTypeEnum = required[Rule::NotEmpty, Rule::Enum(CLAIM_TYPES)]
            => claim_type,
        pub claim_items: Vec<ClaimItemInput> =
            required[Rule::EachNested(&CLAIM_ITEM), Rule::NotEmpty, Rule::Array],
        pub return_shipping: Option<ReturnShipping> = optional[Rule::Nested(&RETURN_SHIPPING)],
        pub additional_items: Option<Vec<AdditionalItem>> =
            optional[Rule::EachNested(&ADDITIONAL_ITEM), Rule::Array],
        pub shipping_methods: Option<Vec<ClaimShippingMethod>> =
            optional[Rule::EachNested(&CLAIM_SHIPPING_METHOD), Rule::Array],
        pub refund_amount: Option<i64> = optional[Rule::Int] => int_of,
        pub shipping_address: Option<AddressInput> =
            optional[Rule::Nested(&medusa_order::input::ADDRESS), Rule::Object]
            => |body, name| body.nested(name).map(AddressInput::from),
        pub no_notification: Option<bool> = optional[Rule::Boolean],
        pub return_location_id: Option<String> = optional[Rule::String],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

medusa_core::request! {
    /// An image of a claimed line in an update: kept (`id`) or added (`url`).
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct ImageRef in CLAIM_IMAGE {
        pub id: Option<String> = optional[Rule::String],
        pub url: Option<String> = optional[Rule::String],
    }
}

medusa_core::request! {
    /// A tag of a claimed line in an update: an existing tag (`id`) or a value.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct TagRef in CLAIM_TAG {
        pub id: Option<String> = optional[Rule::String],
        pub value: Option<String> = optional[Rule::String],
    }
}

medusa_core::request! {
    /// A claimed line's update.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct UpdateClaimItem in UPDATE_CLAIM_ITEM {
        pub id: String = required[Rule::NotEmpty, Rule::String],
        pub note: Option<String> = optional[Rule::String],
        pub reason: Option<String> = optional[Rule::String],
        pub images: Option<Vec<ImageRef>> = required[Rule::EachNested(&CLAIM_IMAGE), Rule::Array],
        pub tags: Option<Vec<TagRef>> = required[Rule::EachNested(&CLAIM_TAG), Rule::Array],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

medusa_core::request! {
    /// `POST /admin/orders/{id}/claims/{claim_id}`.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct UpdateClaim in UPDATE_CLAIM {
        pub claim_items: Option<Vec<UpdateClaimItem>> =
            optional[Rule::EachNested(&UPDATE_CLAIM_ITEM), Rule::Array],
        pub shipping_methods: Option<Vec<ClaimShippingMethod>> =
            optional[Rule::EachNested(&CLAIM_SHIPPING_METHOD), Rule::Array],
        pub no_notification: Option<bool> = optional[Rule::Boolean],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

medusa_core::request! {
    /// `POST /admin/orders/{id}/claims/{claim_id}/fulfillments` and
    /// `.../swaps/{swap_id}/fulfillments`: the same request class, every additional item fulfilled.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct FulfillAdditionalItems in FULFILL_ADDITIONAL_ITEMS {
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
        /// Read for swaps; a claim's fulfillment keeps the claim's own.
        pub no_notification: Option<bool> = optional[Rule::Boolean],
        pub location_id: Option<String> = optional[Rule::String],
    }
}

medusa_core::request! {
    /// `POST /admin/orders/{id}/claims/{claim_id}/shipments`.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct ShipClaim in SHIP_CLAIM {
        pub fulfillment_id: String = required[Rule::NotEmpty, Rule::String],
        pub tracking_numbers: Vec<String> = optional[Rule::Each(&Rule::String), Rule::Array],
    }
}

// Swaps: Medusa's `AdminPostOrdersOrderSwapsReq` and its siblings.

// The swap's `ReturnItem`: `@IsNumber() @IsNotEmpty() @Min(1)` quantity.
static SWAP_RETURN_ITEM: Class = Class::new(&[
    Field::required("item_id", &[Rule::NotEmpty, Rule::String]),
    Field::required("quantity", &[Rule::Min(1.0), Rule::NotEmpty, Rule::Number]),
    Field::optional("reason_id", &[Rule::String]),
    Field::optional("note", &[Rule::String]),
]);

static SWAP_RETURN_SHIPPING: Class = Class::new(&[
    Field::required("option_id", &[Rule::NotEmpty, Rule::String]),
    Field::optional("price", &[Rule::Int]),
]);

static SWAP_ADDITIONAL_ITEM: Class = Class::new(&[
    Field::required("variant_id", &[Rule::NotEmpty, Rule::String]),
    Field::required("quantity", &[Rule::NotEmpty, Rule::Number]),
]);

medusa_core::request! {
    /// A custom price of a shipping option for the swap's cart.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CustomShippingOption in CUSTOM_SHIPPING_OPTION {
        pub option_id: String = required[Rule::NotEmpty, Rule::String],
        pub price: i64 = required[Rule::NotEmpty, Rule::Int] => int,
    }
}

medusa_core::request! {
    /// `POST /admin/orders/{id}/swaps` (Medusa's `AdminPostOrdersOrderSwapsReq`).
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateSwap in CREATE_SWAP {
        pub return_items: Vec<ReturnItemInput> =
            required[Rule::EachNested(&SWAP_RETURN_ITEM), Rule::NotEmpty, Rule::Array],
        pub return_shipping: Option<ReturnShipping> =
            optional[Rule::Nested(&SWAP_RETURN_SHIPPING), Rule::Object],
        pub sales_channel_id: Option<String> = optional[Rule::String],
        pub additional_items: Option<Vec<AdditionalItem>> =
            optional[Rule::EachNested(&SWAP_ADDITIONAL_ITEM), Rule::Array],
        pub custom_shipping_options: Vec<CustomShippingOption> =
            optional[Rule::EachNested(&CUSTOM_SHIPPING_OPTION), Rule::Array],
        pub no_notification: Option<bool> = optional[Rule::Boolean],
        pub return_location_id: Option<String> = optional[Rule::String],
        /// `true` unless the body says otherwise.
        pub allow_backorder: bool = optional[Rule::Boolean]
            => |body, name| body.boolean(name).unwrap_or(true),
    }
}

medusa_core::request! {
    /// `POST /admin/orders/{id}/swaps/{swap_id}/shipments`.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct ShipSwap in SHIP_SWAP {
        pub fulfillment_id: String = required[Rule::NotEmpty, Rule::String],
        pub tracking_numbers: Vec<String> = optional[Rule::Each(&Rule::String), Rule::Array],
        pub no_notification: Option<bool> = optional[Rule::Boolean],
    }
}
