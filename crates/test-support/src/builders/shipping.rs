//! Shipping profiles and options, for orders' shipping methods and fulfillments.

use medusa_core::new_row::stamped;
use medusa_entity::sea_orm_active_enums::{ShippingOptionPriceTypeEnum, ShippingProfileTypeEnum};
use medusa_entity::{shipping_option, shipping_profile};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde_json::{json, Value};

/// A shipping option of a region: by default a `flat_rate` option at 1000 of the `manual`
/// provider, data `{}`, in a new `custom` profile of its own.
#[must_use]
pub struct ShippingOptionBuilder {
    name: String,
    region_id: String,
    profile_id: Option<String>,
    provider_id: String,
    amount: i32,
    data: Value,
}

impl ShippingOptionBuilder {
    pub fn new(name: &str, region_id: &str) -> Self {
        Self {
            name: name.to_owned(),
            region_id: region_id.to_owned(),
            profile_id: None,
            provider_id: "manual".to_owned(),
            amount: 1000,
            data: json!({}),
        }
    }

    /// In this profile instead of a new one.
    pub fn profile(mut self, profile_id: &str) -> Self {
        self.profile_id = Some(profile_id.to_owned());
        self
    }

    pub fn provider(mut self, provider_id: &str) -> Self {
        self.provider_id = provider_id.to_owned();
        self
    }

    pub fn amount(mut self, amount: i32) -> Self {
        self.amount = amount;
        self
    }

    pub fn data(mut self, data: Value) -> Self {
        self.data = data;
        self
    }

    pub async fn insert<C: ConnectionTrait>(self, db: &C) -> shipping_option::Model {
        let at = super::now();
        let profile_id = match self.profile_id {
            Some(id) => id,
            None => {
                shipping_profile::ActiveModel {
                    id: Set(medusa_core::generate_id("sp")),
                    name: Set(format!("{} profile", self.name)),
                    r#type: Set(ShippingProfileTypeEnum::Custom),
                    ..stamped(at)
                }
                .insert(db)
                .await
                .expect("insert shipping profile")
                .id
            }
        };
        shipping_option::ActiveModel {
            id: Set(medusa_core::generate_id("so")),
            name: Set(self.name),
            region_id: Set(self.region_id),
            profile_id: Set(profile_id),
            provider_id: Set(self.provider_id),
            price_type: Set(ShippingOptionPriceTypeEnum::FlatRate),
            amount: Set(Some(self.amount)),
            is_return: Set(false),
            data: Set(self.data),
            admin_only: Set(false),
            ..stamped(at)
        }
        .insert(db)
        .await
        .expect("insert shipping option")
    }
}
