//! Return reason, return and claim request bodies, declared as Medusa's request classes declare them
//! (`AdminPostReturnReasonsReq`, `AdminPostReturnReasonsReasonReq`) so a bad body gets Medusa's
//! messages in Medusa's order.

use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::Result;
use serde_json::Value;

use medusa_entity::sea_orm_active_enums::ClaimOrderTypeEnum;
use medusa_order::input::AddressInput;

use crate::{
    AdditionalItem, ClaimItemInput, ClaimShippingMethod, CreateClaim, CreateReturnReason,
    FulfillAdditionalItems, ImageRef, ReceiveReturn, RequestReturn, ReturnItemInput,
    ReturnShipping, ShipClaim, TagRef, UpdateClaim, UpdateClaimItem, UpdateReturnReason,
};
use crate::{CreateSwap, CustomShippingOption, ShipSwap};

static CREATE_REASON: Class = Class::new(&[
    Field::required("value", &[Rule::String]),
    Field::required("label", &[Rule::String]),
    Field::optional("parent_return_reason_id", &[Rule::String]),
    Field::optional("description", &[Rule::String]),
    // Any JSON value: Medusa does not check its type.
    Field::optional("metadata", &[]),
]);

impl CreateReturnReason {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_REASON.read(body)?;
        Ok(Self {
            value: body.string("value").unwrap_or_default(),
            label: body.string("label").unwrap_or_default(),
            parent_return_reason_id: body.string("parent_return_reason_id"),
            description: body.string("description"),
            metadata: body.value("metadata").cloned(),
        })
    }
}

static UPDATE_REASON: Class = Class::new(&[
    Field::optional("label", &[Rule::String]),
    Field::optional("value", &[Rule::String]),
    Field::optional("description", &[Rule::String]),
    Field::optional("metadata", &[]),
]);

impl UpdateReturnReason {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_REASON.read(body)?;
        Ok(Self {
            label: body.patch("label", Body::string),
            value: body.patch("value", Body::string),
            description: body.patch("description", Body::string),
            metadata: body.patch("metadata", |body, name| body.value(name).cloned()),
        })
    }
}

// `OrdersReturnItem`: `@IsString() @IsNotEmpty()` item_id, `@IsInt() @IsNotEmpty()` quantity.
static RETURN_ITEM: Class = Class::new(&[
    Field::required("item_id", &[Rule::NotEmpty, Rule::String]),
    Field::required("quantity", &[Rule::NotEmpty, Rule::Int]),
    Field::optional("reason_id", &[Rule::String]),
    Field::optional("note", &[Rule::String]),
]);

static RETURN_SHIPPING: Class = Class::new(&[
    Field::optional("option_id", &[Rule::String]),
    Field::optional("price", &[Rule::Int]),
]);

// `AdminPostOrdersOrderReturnsReq`.
static REQUEST_RETURN: Class = Class::new(&[
    Field::required("items", &[Rule::EachNested(&RETURN_ITEM), Rule::Array]),
    Field::optional("return_shipping", &[Rule::Nested(&RETURN_SHIPPING)]),
    Field::optional("note", &[Rule::String]),
    Field::optional("receive_now", &[Rule::Boolean]),
    Field::optional("no_notification", &[Rule::Boolean]),
    Field::optional("refund", &[Rule::Int]),
    Field::optional("location_id", &[Rule::String]),
]);

fn int_of(body: &Body, name: &str) -> Option<i64> {
    body.number(name).map(|n| n as i64)
}

/// The returned lines of a return or a swap (`OrdersReturnItem`).
fn return_items(body: &Body, name: &str) -> Vec<ReturnItemInput> {
    body.each(name)
        .unwrap_or_default()
        .iter()
        .map(|item| ReturnItemInput {
            item_id: item.string("item_id").unwrap_or_default(),
            quantity: int_of(item, "quantity").unwrap_or_default(),
            reason_id: item.string("reason_id"),
            note: item.string("note"),
        })
        .collect()
}

/// A return's shipping, as returns, claims and swaps take it.
fn return_shipping(body: &Body) -> Option<ReturnShipping> {
    body.nested("return_shipping")
        .map(|shipping| ReturnShipping {
            option_id: shipping.string("option_id"),
            price: int_of(&shipping, "price"),
        })
}

/// The variants a claim or a swap sends out.
fn additional_items(body: &Body) -> Option<Vec<AdditionalItem>> {
    body.each("additional_items").map(|items| {
        items
            .iter()
            .map(|item| AdditionalItem {
                variant_id: item.string("variant_id").unwrap_or_default(),
                quantity: int_of(item, "quantity").unwrap_or_default(),
            })
            .collect()
    })
}

impl RequestReturn {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = REQUEST_RETURN.read(body)?;
        Ok(Self {
            items: return_items(&body, "items"),
            return_shipping: return_shipping(&body),
            receive_now: body.boolean("receive_now").unwrap_or(false),
            no_notification: body.boolean("no_notification"),
            refund: int_of(&body, "refund"),
            location_id: body.string("location_id"),
        })
    }
}

// `AdminPostReturnsReturnReceiveReq`'s `Item`.
static RECEIVE_ITEM: Class = Class::new(&[
    Field::required("item_id", &[Rule::String]),
    Field::required("quantity", &[Rule::Number]),
]);

// `AdminPostReturnsReturnReceiveReq`.
static RECEIVE_RETURN: Class = Class::new(&[
    Field::required("items", &[Rule::EachNested(&RECEIVE_ITEM), Rule::Array]),
    Field::optional("refund", &[Rule::Number]),
    Field::optional("location_id", &[Rule::String]),
]);

impl ReceiveReturn {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = RECEIVE_RETURN.read(body)?;
        let items = body
            .each("items")
            .unwrap_or_default()
            .iter()
            .map(|item| {
                (
                    item.string("item_id").unwrap_or_default(),
                    int_of(item, "quantity").unwrap_or_default(),
                )
            })
            .collect();
        Ok(Self {
            items,
            refund: int_of(&body, "refund"),
            location_id: body.string("location_id"),
        })
    }
}

// Claims: Medusa's `AdminPostOrdersOrderClaimsReq` and its siblings.

const CLAIM_TYPES: &[&str] = &["refund", "replace"];
const CLAIM_REASONS: &[&str] = &["missing_item", "wrong_item", "production_failure", "other"];

static CLAIM_ITEM: Class = Class::new(&[
    Field::required("item_id", &[Rule::NotEmpty, Rule::String]),
    Field::required("quantity", &[Rule::NotEmpty, Rule::Int]),
    Field::optional("note", &[Rule::String]),
    Field::optional("reason", &[Rule::Enum(CLAIM_REASONS)]),
    Field::optional("tags", &[Rule::Each(&Rule::String), Rule::Array]),
    Field::optional("images", &[Rule::Each(&Rule::String), Rule::Array]),
]);

static ADDITIONAL_ITEM: Class = Class::new(&[
    Field::required("variant_id", &[Rule::NotEmpty, Rule::String]),
    Field::required("quantity", &[Rule::NotEmpty, Rule::Int]),
]);

static CLAIM_SHIPPING_METHOD: Class = Class::new(&[
    Field::optional("id", &[Rule::String]),
    Field::optional("option_id", &[Rule::String]),
    Field::optional("price", &[Rule::Int]),
    Field::optional("data", &[Rule::Object]),
]);

static CREATE_CLAIM: Class = Class::new(&[
    Field::required("type", &[Rule::NotEmpty, Rule::Enum(CLAIM_TYPES)]),
    Field::required(
        "claim_items",
        &[Rule::EachNested(&CLAIM_ITEM), Rule::NotEmpty, Rule::Array],
    ),
    Field::optional("return_shipping", &[Rule::Nested(&RETURN_SHIPPING)]),
    Field::optional(
        "additional_items",
        &[Rule::EachNested(&ADDITIONAL_ITEM), Rule::Array],
    ),
    Field::optional(
        "shipping_methods",
        &[Rule::EachNested(&CLAIM_SHIPPING_METHOD), Rule::Array],
    ),
    Field::optional("refund_amount", &[Rule::Int]),
    Field::optional(
        "shipping_address",
        &[Rule::Nested(&medusa_order::input::ADDRESS), Rule::Object],
    ),
    Field::optional("no_notification", &[Rule::Boolean]),
    Field::optional("return_location_id", &[Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
]);

fn claim_shipping_methods(body: &Body) -> Option<Vec<ClaimShippingMethod>> {
    body.each("shipping_methods").map(|methods| {
        methods
            .iter()
            .map(|m| ClaimShippingMethod {
                id: m.string("id"),
                option_id: m.string("option_id"),
                price: int_of(m, "price"),
                data: m.object("data"),
            })
            .collect()
    })
}

impl CreateClaim {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_CLAIM.read(body)?;
        let kind = match body.string("type").as_deref() {
            Some("refund") => ClaimOrderTypeEnum::Refund,
            _ => ClaimOrderTypeEnum::Replace,
        };
        let claim_items = body
            .each("claim_items")
            .unwrap_or_default()
            .iter()
            .map(|item| ClaimItemInput {
                item_id: item.string("item_id").unwrap_or_default(),
                quantity: int_of(item, "quantity").unwrap_or_default(),
                note: item.string("note"),
                reason: item.string("reason"),
                tags: item.strings("tags").unwrap_or_default(),
                images: item.strings("images").unwrap_or_default(),
            })
            .collect();
        Ok(Self {
            kind,
            claim_items,
            return_shipping: return_shipping(&body),
            additional_items: additional_items(&body),
            shipping_methods: claim_shipping_methods(&body),
            refund_amount: int_of(&body, "refund_amount"),
            shipping_address: body.nested("shipping_address").map(AddressInput::from),
            no_notification: body.boolean("no_notification"),
            return_location_id: body.string("return_location_id"),
            metadata: body.object("metadata"),
        })
    }
}

static CLAIM_IMAGE: Class = Class::new(&[
    Field::optional("id", &[Rule::String]),
    Field::optional("url", &[Rule::String]),
]);

static CLAIM_TAG: Class = Class::new(&[
    Field::optional("id", &[Rule::String]),
    Field::optional("value", &[Rule::String]),
]);

static UPDATE_CLAIM_ITEM: Class = Class::new(&[
    Field::required("id", &[Rule::NotEmpty, Rule::String]),
    Field::optional("note", &[Rule::String]),
    Field::optional("reason", &[Rule::String]),
    Field::required("images", &[Rule::EachNested(&CLAIM_IMAGE), Rule::Array]),
    Field::required("tags", &[Rule::EachNested(&CLAIM_TAG), Rule::Array]),
    Field::optional("metadata", &[Rule::Object]),
]);

static UPDATE_CLAIM: Class = Class::new(&[
    Field::optional(
        "claim_items",
        &[Rule::EachNested(&UPDATE_CLAIM_ITEM), Rule::Array],
    ),
    Field::optional(
        "shipping_methods",
        &[Rule::EachNested(&CLAIM_SHIPPING_METHOD), Rule::Array],
    ),
    Field::optional("no_notification", &[Rule::Boolean]),
    Field::optional("metadata", &[Rule::Object]),
]);

impl UpdateClaim {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_CLAIM.read(body)?;
        let claim_items = body.each("claim_items").map(|items| {
            items
                .iter()
                .map(|item| UpdateClaimItem {
                    id: item.string("id").unwrap_or_default(),
                    note: item.string("note"),
                    reason: item.string("reason"),
                    images: item.each("images").map(|images| {
                        images
                            .iter()
                            .map(|i| ImageRef {
                                id: i.string("id"),
                                url: i.string("url"),
                            })
                            .collect()
                    }),
                    tags: item.each("tags").map(|tags| {
                        tags.iter()
                            .map(|t| TagRef {
                                id: t.string("id"),
                                value: t.string("value"),
                            })
                            .collect()
                    }),
                    metadata: item.object("metadata"),
                })
                .collect()
        });
        Ok(Self {
            claim_items,
            shipping_methods: claim_shipping_methods(&body),
            no_notification: body.boolean("no_notification"),
            metadata: body.object("metadata"),
        })
    }
}

static FULFILL_ADDITIONAL_ITEMS: Class = Class::new(&[
    Field::optional("metadata", &[Rule::Object]),
    Field::optional("no_notification", &[Rule::Boolean]),
    Field::optional("location_id", &[Rule::String]),
]);

impl FulfillAdditionalItems {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = FULFILL_ADDITIONAL_ITEMS.read(body)?;
        Ok(Self {
            metadata: body.object("metadata"),
            no_notification: body.boolean("no_notification"),
            location_id: body.string("location_id"),
        })
    }
}

static SHIP_CLAIM: Class = Class::new(&[
    Field::required("fulfillment_id", &[Rule::NotEmpty, Rule::String]),
    Field::optional(
        "tracking_numbers",
        &[Rule::Each(&Rule::String), Rule::Array],
    ),
]);

impl ShipClaim {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = SHIP_CLAIM.read(body)?;
        Ok(Self {
            fulfillment_id: body.string("fulfillment_id").unwrap_or_default(),
            tracking_numbers: body.strings("tracking_numbers").unwrap_or_default(),
        })
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

static CUSTOM_SHIPPING_OPTION: Class = Class::new(&[
    Field::required("option_id", &[Rule::NotEmpty, Rule::String]),
    Field::required("price", &[Rule::NotEmpty, Rule::Int]),
]);

static CREATE_SWAP: Class = Class::new(&[
    Field::required(
        "return_items",
        &[
            Rule::EachNested(&SWAP_RETURN_ITEM),
            Rule::NotEmpty,
            Rule::Array,
        ],
    ),
    Field::optional(
        "return_shipping",
        &[Rule::Nested(&SWAP_RETURN_SHIPPING), Rule::Object],
    ),
    Field::optional("sales_channel_id", &[Rule::String]),
    Field::optional(
        "additional_items",
        &[Rule::EachNested(&SWAP_ADDITIONAL_ITEM), Rule::Array],
    ),
    Field::optional(
        "custom_shipping_options",
        &[Rule::EachNested(&CUSTOM_SHIPPING_OPTION), Rule::Array],
    ),
    Field::optional("no_notification", &[Rule::Boolean]),
    Field::optional("return_location_id", &[Rule::String]),
    Field::optional("allow_backorder", &[Rule::Boolean]),
]);

impl CreateSwap {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_SWAP.read(body)?;
        let custom_shipping_options = body
            .each("custom_shipping_options")
            .unwrap_or_default()
            .iter()
            .map(|o| CustomShippingOption {
                option_id: o.string("option_id").unwrap_or_default(),
                price: int_of(o, "price").unwrap_or_default(),
            })
            .collect();
        Ok(Self {
            return_items: return_items(&body, "return_items"),
            return_shipping: return_shipping(&body),
            sales_channel_id: body.string("sales_channel_id"),
            additional_items: additional_items(&body),
            custom_shipping_options,
            no_notification: body.boolean("no_notification"),
            return_location_id: body.string("return_location_id"),
            allow_backorder: body.boolean("allow_backorder").unwrap_or(true),
        })
    }
}

static SHIP_SWAP: Class = Class::new(&[
    Field::required("fulfillment_id", &[Rule::NotEmpty, Rule::String]),
    Field::optional(
        "tracking_numbers",
        &[Rule::Each(&Rule::String), Rule::Array],
    ),
    Field::optional("no_notification", &[Rule::Boolean]),
]);

impl ShipSwap {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = SHIP_SWAP.read(body)?;
        Ok(Self {
            fulfillment_id: body.string("fulfillment_id").unwrap_or_default(),
            tracking_numbers: body.strings("tracking_numbers").unwrap_or_default(),
            no_notification: body.boolean("no_notification"),
        })
    }
}
