//! Shipping profile and option request bodies, declared as Medusa's request classes declare
//! them (`AdminPostShippingOptionsReq`, ...) so a bad body gets Medusa's messages in Medusa's
//! order.

use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::{FeatureFlags, Flag, Result};
use medusa_entity::sea_orm_active_enums::{
    ShippingOptionPriceTypeEnum, ShippingOptionRequirementTypeEnum, ShippingProfileTypeEnum,
};
use serde_json::Value;

use crate::{
    CreateShippingOption, CreateShippingProfile, RequirementInput, UpdateRequirement,
    UpdateShippingOption, UpdateShippingProfile,
};

const PROFILE_TYPE: Rule = Rule::Message(
    &Rule::Enum(&["default", "gift_card", "custom"]),
    "type must be one of 'default', 'custom', 'gift_card'",
);

static CREATE_PROFILE: Class = Class::new(&[
    Field::required("name", &[Rule::String]),
    Field::required("type", &[PROFILE_TYPE]),
    Field::optional("metadata", &[Rule::Object]),
]);

impl CreateShippingProfile {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_PROFILE.read(body)?;
        Ok(Self {
            name: body.string("name").unwrap_or_default(),
            profile_type: profile_type(&body).unwrap_or(ShippingProfileTypeEnum::Default),
            metadata: body.object("metadata"),
        })
    }
}

static UPDATE_PROFILE: Class = Class::new(&[
    Field::optional("name", &[Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
    Field::optional("type", &[PROFILE_TYPE]),
    Field::optional("products", &[Rule::Each(&Rule::String), Rule::Array]),
    Field::optional(
        "shipping_options",
        &[Rule::Each(&Rule::String), Rule::Array],
    ),
]);

impl UpdateShippingProfile {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_PROFILE.read(body)?;
        Ok(Self {
            name: body.string("name"),
            profile_type: profile_type(&body),
            metadata: body.object("metadata"),
            products: body.strings("products"),
            shipping_options: body.strings("shipping_options"),
        })
    }
}

fn profile_type(body: &Body) -> Option<ShippingProfileTypeEnum> {
    match body.string("type")?.as_str() {
        "default" => Some(ShippingProfileTypeEnum::Default),
        "gift_card" => Some(ShippingProfileTypeEnum::GiftCard),
        "custom" => Some(ShippingProfileTypeEnum::Custom),
        _ => None,
    }
}

/// Amounts are `@IsNumber()` in Medusa but integer columns here: anything else gets the
/// number message.
const AMOUNT: Rule = Rule::Custom {
    name: "int32",
    check: |value, _| {
        value
            .and_then(Value::as_i64)
            .is_some_and(|n| i32::try_from(n).is_ok())
    },
    message: "$property must be a number conforming to the specified constraints",
};

const PRICE_TYPE: Rule = Rule::Message(
    &Rule::Enum(&["flat_rate", "calculated"]),
    r#"Invalid price type, must be one of "flat_rate" or "calculated""#,
);

static CREATE_REQUIREMENT: Class = Class::new(&[
    Field::required(
        "type",
        &[Rule::Message(
            &Rule::Enum(&["min_subtotal", "max_subtotal"]),
            r#"Invalid option type, must be one of "min_subtotal" or "max_subtotal""#,
        )],
    ),
    Field::required("amount", &[AMOUNT]),
]);

static CREATE_OPTION: Class = Class::new(&[
    Field::required("name", &[Rule::String]),
    Field::required("region_id", &[Rule::String]),
    Field::required("provider_id", &[Rule::String]),
    Field::optional("profile_id", &[Rule::String]),
    Field::required("data", &[Rule::Object]),
    Field::required("price_type", &[PRICE_TYPE]),
    Field::optional("amount", &[AMOUNT]),
    Field::optional(
        "requirements",
        &[Rule::Array, Rule::EachNested(&CREATE_REQUIREMENT)],
    ),
    // Medusa only transforms these (`@Type(() => Boolean)`); refusing a non-boolean is ours.
    Field::optional("admin_only", &[Rule::Boolean]),
    Field::optional("is_return", &[Rule::Boolean]),
    Field::optional("metadata", &[Rule::Object]),
    Field::flagged("includes_tax", Flag::TaxInclusivePricing, &[Rule::Boolean]),
]);

impl CreateShippingOption {
    pub fn from_body(body: Value, flags: FeatureFlags) -> Result<Self> {
        let body = CREATE_OPTION.read_with(body, flags)?;
        let requirements = body.each("requirements").map(|items| {
            items
                .iter()
                .filter_map(|item| {
                    Some(RequirementInput {
                        requirement_type: requirement_type(item.string("type")?.as_str())?,
                        amount: item.int("amount")?,
                    })
                })
                .collect()
        });
        Ok(Self {
            name: body.string("name").unwrap_or_default(),
            region_id: body.string("region_id").unwrap_or_default(),
            provider_id: body.string("provider_id").unwrap_or_default(),
            profile_id: body.string("profile_id").filter(|id| !id.is_empty()),
            data: body.object("data").unwrap_or_default(),
            price_type: price_type(&body).unwrap_or(ShippingOptionPriceTypeEnum::FlatRate),
            amount: body.int("amount"),
            requirements,
            admin_only: body.boolean("admin_only").unwrap_or(false),
            is_return: body.boolean("is_return").unwrap_or(false),
            metadata: body.object("metadata"),
            includes_tax: body.boolean("includes_tax"),
        })
    }
}

static UPDATE_REQUIREMENT: Class = Class::new(&[
    Field::optional("id", &[Rule::String]),
    Field::required("type", &[Rule::String]),
    Field::required("amount", &[AMOUNT]),
]);

static UPDATE_OPTION: Class = Class::new(&[
    Field::optional("name", &[Rule::String]),
    Field::optional("amount", &[AMOUNT]),
    Field::optional("price_type", &[PRICE_TYPE]),
    Field::required(
        "requirements",
        &[Rule::Array, Rule::EachNested(&UPDATE_REQUIREMENT)],
    ),
    Field::optional("admin_only", &[Rule::Boolean]),
    Field::optional("metadata", &[Rule::Object]),
    Field::flagged("includes_tax", Flag::TaxInclusivePricing, &[Rule::Boolean]),
]);

impl UpdateShippingOption {
    pub fn from_body(body: Value, flags: FeatureFlags) -> Result<Self> {
        let body = UPDATE_OPTION.read_with(body, flags)?;
        let requirements = body
            .each("requirements")
            .unwrap_or_default()
            .iter()
            .filter_map(|item| {
                Some(UpdateRequirement {
                    id: item.string("id"),
                    requirement_type: item.string("type")?,
                    amount: item.int("amount")?,
                })
            })
            .collect();
        Ok(Self {
            name: body.string("name"),
            amount: body.int("amount"),
            price_type: price_type(&body),
            requirements,
            admin_only: body.boolean("admin_only"),
            metadata: body.object("metadata"),
            includes_tax: body.boolean("includes_tax"),
        })
    }
}

fn price_type(body: &Body) -> Option<ShippingOptionPriceTypeEnum> {
    match body.string("price_type")?.as_str() {
        "flat_rate" => Some(ShippingOptionPriceTypeEnum::FlatRate),
        "calculated" => Some(ShippingOptionPriceTypeEnum::Calculated),
        _ => None,
    }
}

fn requirement_type(text: &str) -> Option<ShippingOptionRequirementTypeEnum> {
    match text {
        "min_subtotal" => Some(ShippingOptionRequirementTypeEnum::MinSubtotal),
        "max_subtotal" => Some(ShippingOptionRequirementTypeEnum::MaxSubtotal),
        _ => None,
    }
}
