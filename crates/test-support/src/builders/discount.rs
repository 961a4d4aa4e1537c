//! Discounts (with their rule and regions) and gift cards.

use medusa_core::new_row::stamped;
use medusa_core::time::Timestamp;
use medusa_entity::sea_orm_active_enums::{DiscountRuleAllocationEnum, DiscountRuleTypeEnum};
use medusa_entity::{discount, discount_regions, discount_rule, gift_card, region};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use serde_json::Value;

/// A discount with its own rule; by default a 10 % percentage discount on the total, enabled,
/// not dynamic, started at creation (`created_at` moves the start too), in no region.
#[must_use]
pub struct DiscountBuilder {
    id: String,
    code: String,
    kind: DiscountRuleTypeEnum,
    value: i32,
    allocation: DiscountRuleAllocationEnum,
    is_dynamic: bool,
    is_disabled: bool,
    valid_duration: Option<String>,
    usage_limit: Option<i32>,
    usage_count: i32,
    description: Option<String>,
    ends_at: Option<Timestamp>,
    parent: Option<(String, Option<String>)>,
    regions: Vec<String>,
    metadata: Option<Value>,
    created_at: Timestamp,
}

impl DiscountBuilder {
    pub fn new(code: &str) -> Self {
        Self {
            id: medusa_core::generate_id("disc"),
            code: code.to_owned(),
            kind: DiscountRuleTypeEnum::Percentage,
            value: 10,
            allocation: DiscountRuleAllocationEnum::Total,
            is_dynamic: false,
            is_disabled: false,
            valid_duration: None,
            usage_limit: None,
            usage_count: 0,
            description: None,
            ends_at: None,
            parent: None,
            regions: Vec::new(),
            metadata: None,
            created_at: super::now(),
        }
    }

    common_overrides!(id, metadata, created_at);

    /// A fixed amount off (`allocation` total unless changed).
    pub fn fixed(mut self, value: i32) -> Self {
        self.kind = DiscountRuleTypeEnum::Fixed;
        self.value = value;
        self
    }

    pub fn percentage(mut self, value: i32) -> Self {
        self.kind = DiscountRuleTypeEnum::Percentage;
        self.value = value;
        self
    }

    pub fn free_shipping(mut self) -> Self {
        self.kind = DiscountRuleTypeEnum::FreeShipping;
        self.value = 0;
        self
    }

    pub fn per_item(mut self) -> Self {
        self.allocation = DiscountRuleAllocationEnum::Item;
        self
    }

    /// A dynamic discount (one that hands out codes), valid for `duration` after each code is
    /// made when given.
    pub fn dynamic(mut self, duration: Option<&str>) -> Self {
        self.is_dynamic = true;
        self.valid_duration = duration.map(str::to_owned);
        self
    }

    pub fn disabled(mut self) -> Self {
        self.is_disabled = true;
        self
    }

    pub fn usage_limit(mut self, limit: i32) -> Self {
        self.usage_limit = Some(limit);
        self
    }

    /// Its usage limit and how often it was used already.
    pub fn usage(mut self, limit: Option<i32>, count: i32) -> Self {
        self.usage_limit = limit;
        self.usage_count = count;
        self
    }

    /// The rule's description.
    pub fn description(mut self, description: &str) -> Self {
        self.description = Some(description.to_owned());
        self
    }

    pub fn ends_at(mut self, at: Timestamp) -> Self {
        self.ends_at = Some(at);
        self
    }

    /// A code of a dynamic discount: shares the parent's rule.
    pub fn child_of(mut self, parent: &discount::Model) -> Self {
        self.parent = Some((parent.id.clone(), parent.rule_id.clone()));
        self.is_dynamic = true;
        self
    }

    pub fn region(mut self, region: &region::Model) -> Self {
        self.regions.push(region.id.clone());
        self
    }

    pub async fn insert<C: ConnectionTrait>(self, db: &C) -> discount::Model {
        let (parent_id, rule_id) = match self.parent {
            Some((parent, rule)) => (Some(parent), rule),
            None => {
                let rule = discount_rule::ActiveModel {
                    id: Set(medusa_core::generate_id("dru")),
                    description: Set(self.description.clone()),
                    r#type: Set(self.kind),
                    value: Set(self.value),
                    allocation: Set(Some(self.allocation)),
                    ..stamped(self.created_at)
                }
                .insert(db)
                .await
                .unwrap_or_else(|e| panic!("inserting the rule of discount {}: {e}", self.code));
                (None, Some(rule.id))
            }
        };
        let row = discount::ActiveModel {
            id: Set(self.id.clone()),
            code: Set(self.code.to_uppercase()),
            is_dynamic: Set(self.is_dynamic),
            rule_id: Set(rule_id),
            is_disabled: Set(self.is_disabled),
            parent_discount_id: Set(parent_id),
            starts_at: Set(self.created_at),
            ends_at: Set(self.ends_at),
            metadata: Set(self.metadata),
            usage_limit: Set(self.usage_limit),
            usage_count: Set(self.usage_count),
            valid_duration: Set(self.valid_duration),
            ..stamped(self.created_at)
        }
        .insert(db)
        .await
        .unwrap_or_else(|e| panic!("inserting discount {}: {e}", self.id));
        for region_id in &self.regions {
            discount_regions::Entity::insert(discount_regions::ActiveModel {
                discount_id: Set(row.id.clone()),
                region_id: Set(region_id.clone()),
            })
            .exec_without_returning(db)
            .await
            .unwrap_or_else(|e| panic!("adding region {region_id} to {}: {e}", row.id));
        }
        row
    }
}

impl DiscountBuilder {
    /// Inserts the discount and gives its rule too.
    pub async fn insert_with_rule<C: ConnectionTrait>(
        self,
        db: &C,
    ) -> (discount::Model, discount_rule::Model) {
        let row = self.insert(db).await;
        let rule = discount_rule::Entity::find_by_id(row.rule_id.clone().unwrap_or_default())
            .one(db)
            .await
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("discount {} has no rule", row.id));
        (row, rule)
    }
}

/// A gift card in a region; by default worth 1000 with all of it left, enabled, untaxed.
#[must_use]
pub struct GiftCardBuilder {
    id: String,
    code: String,
    region_id: String,
    value: i32,
    balance: i32,
    is_disabled: bool,
    metadata: Option<Value>,
    created_at: Timestamp,
    tax_rate: Option<f32>,
}

impl GiftCardBuilder {
    common_overrides!(metadata, created_at);

    pub fn new(region: &region::Model, code: &str) -> Self {
        Self {
            id: medusa_core::generate_id("gift"),
            code: code.to_owned(),
            region_id: region.id.clone(),
            value: 1000,
            balance: 1000,
            is_disabled: false,
            metadata: None,
            created_at: super::now(),
            tax_rate: None,
        }
    }

    /// The card's tax rate (percent), as a taxable region gives it.
    pub fn tax_rate(mut self, rate: f32) -> Self {
        self.tax_rate = Some(rate);
        self
    }

    /// Value and balance.
    pub fn value(mut self, value: i32) -> Self {
        self.value = value;
        self.balance = value;
        self
    }

    pub fn balance(mut self, balance: i32) -> Self {
        self.balance = balance;
        self
    }

    pub fn disabled(mut self) -> Self {
        self.is_disabled = true;
        self
    }

    pub async fn insert<C: ConnectionTrait>(self, db: &C) -> gift_card::Model {
        gift_card::ActiveModel {
            id: Set(self.id.clone()),
            code: Set(self.code),
            value: Set(self.value),
            balance: Set(self.balance),
            region_id: Set(self.region_id),
            order_id: Set(None),
            is_disabled: Set(self.is_disabled),
            ends_at: Set(None),
            metadata: Set(self.metadata),
            tax_rate: Set(self.tax_rate),
            ..stamped(self.created_at)
        }
        .insert(db)
        .await
        .unwrap_or_else(|e| panic!("inserting gift card {}: {e}", self.id))
    }
}
