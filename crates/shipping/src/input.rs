//! Shipping profile and option request bodies, declared as Medusa's request classes declare
//! them (`AdminPostShippingOptionsReq`, ...) so a bad body gets Medusa's messages in Medusa's
//! order.

use medusa_core::body::{Body, Rule};
use medusa_core::Flag;
use medusa_entity::sea_orm_active_enums::{
    ShippingOptionPriceTypeEnum, ShippingOptionRequirementTypeEnum, ShippingProfileTypeEnum,
};
use serde_json::{Map, Value};

const PROFILE_TYPE: Rule = Rule::Message(
    &Rule::Enum(&["default", "gift_card", "custom"]),
    "type must be one of 'default', 'custom', 'gift_card'",
);

medusa_core::request! {
    /// A new profile.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateShippingProfile in CREATE_PROFILE {
        pub name: String = required[Rule::String],
        pub profile_type as "type": ShippingProfileTypeEnum = required[PROFILE_TYPE]
            => |body, name| profile_type(body, name).unwrap_or(ShippingProfileTypeEnum::Default),
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

medusa_core::request! {
    /// Changes to a profile. `products` are moved to it (off any other profile) and
    /// `shipping_options` re-assigned to it; ids of missing rows are ignored, as in Medusa.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateShippingProfile in UPDATE_PROFILE {
        pub name: Option<String> = optional[Rule::String],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
        pub profile_type as "type": Option<ShippingProfileTypeEnum> = optional[PROFILE_TYPE]
            => profile_type,
        pub products: Option<Vec<String>> = optional[Rule::Each(&Rule::String), Rule::Array],
        pub shipping_options: Option<Vec<String>> =
            optional[Rule::Each(&Rule::String), Rule::Array],
    }
}

fn profile_type(body: &Body, name: &str) -> Option<ShippingProfileTypeEnum> {
    match body.string(name)?.as_str() {
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

const REQUIREMENT_TYPE: Rule = Rule::Message(
    &Rule::Enum(&["min_subtotal", "max_subtotal"]),
    r#"Invalid option type, must be one of "min_subtotal" or "max_subtotal""#,
);

medusa_core::request! {
    /// A requirement of a new option.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct RequirementInput in CREATE_REQUIREMENT {
        pub requirement_type as "type": ShippingOptionRequirementTypeEnum =
            required[REQUIREMENT_TYPE] => requirement_type,
        pub amount: i32 = required[AMOUNT],
    }
}

medusa_core::request! {
    /// A new shipping option. `profile_id` `None`: the default profile.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateShippingOption in CREATE_OPTION {
        pub name: String = required[Rule::String],
        pub region_id: String = required[Rule::String],
        pub provider_id: String = required[Rule::String],
        pub profile_id: Option<String> = optional[Rule::String]
            => |body, name| body.string(name).filter(|id| !id.is_empty()),
        pub data: Map<String, Value> = required[Rule::Object],
        pub price_type: ShippingOptionPriceTypeEnum = required[PRICE_TYPE]
            => |body, name| price_type(body, name).unwrap_or(ShippingOptionPriceTypeEnum::FlatRate),
        pub amount: Option<i32> = optional[AMOUNT],
        pub requirements: Option<Vec<RequirementInput>> =
            optional[Rule::Array, Rule::EachNested(&CREATE_REQUIREMENT)]
            => |body, name| {
                let items = body.each(name)?;
                Some(items.iter().map(RequirementInput::from_accepted).collect())
            },
        // Medusa only transforms these (`@Type(() => Boolean)`); refusing a non-boolean is ours.
        pub admin_only: bool = optional[Rule::Boolean],
        pub is_return: bool = optional[Rule::Boolean],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
        /// Only with the tax-inclusive pricing flag on.
        pub includes_tax: Option<bool> = flagged(Flag::TaxInclusivePricing)[Rule::Boolean],
    }
}

medusa_core::request! {
    /// A requirement in an update: with an `id`, an existing requirement to change; without,
    /// a new one. `requirement_type` is checked by the service, as Medusa does.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct UpdateRequirement in UPDATE_REQUIREMENT {
        pub id: Option<String> = optional[Rule::String],
        pub requirement_type as "type": String = required[Rule::String],
        pub amount: i32 = required[AMOUNT],
    }
}

medusa_core::request! {
    /// Changes to an option. `requirements` replaces the live requirements (those not listed are
    /// soft-deleted). Region, provider, data and `is_return` never change.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateShippingOption in UPDATE_OPTION {
        pub name: Option<String> = optional[Rule::String],
        pub amount: Option<i32> = optional[AMOUNT],
        pub price_type: Option<ShippingOptionPriceTypeEnum> = optional[PRICE_TYPE] => price_type,
        pub requirements: Vec<UpdateRequirement> =
            required[Rule::Array, Rule::EachNested(&UPDATE_REQUIREMENT)]
            => |body, name| {
                let items = body.each(name).unwrap_or_default();
                items.iter().map(UpdateRequirement::from_accepted).collect()
            },
        pub admin_only: Option<bool> = optional[Rule::Boolean],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
        /// Only with the tax-inclusive pricing flag on.
        pub includes_tax: Option<bool> = flagged(Flag::TaxInclusivePricing)[Rule::Boolean],
    }
}

fn price_type(body: &Body, name: &str) -> Option<ShippingOptionPriceTypeEnum> {
    match body.string(name)?.as_str() {
        "flat_rate" => Some(ShippingOptionPriceTypeEnum::FlatRate),
        "calculated" => Some(ShippingOptionPriceTypeEnum::Calculated),
        _ => None,
    }
}

/// An accepted requirement's type, which is one of the two.
fn requirement_type(body: &Body, name: &str) -> ShippingOptionRequirementTypeEnum {
    match body.string(name).as_deref() {
        Some("max_subtotal") => ShippingOptionRequirementTypeEnum::MaxSubtotal,
        _ => ShippingOptionRequirementTypeEnum::MinSubtotal,
    }
}
