//! Price lists (without prices: a test adds them through the service it tests).

use medusa_core::new_row::stamped;
use medusa_core::time::Timestamp;
use medusa_entity::price_list;
use medusa_entity::sea_orm_active_enums::{PriceListStatusEnum, PriceListTypeEnum};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

/// A price list; by default an active sale without dates.
#[must_use]
pub struct PriceListBuilder {
    id: String,
    name: String,
    created_at: Timestamp,
}

impl PriceListBuilder {
    common_overrides!(id, created_at);

    pub fn new(name: &str) -> Self {
        Self {
            id: medusa_core::generate_id("pl"),
            name: name.to_owned(),
            created_at: super::now(),
        }
    }

    pub async fn insert<C: ConnectionTrait>(self, db: &C) -> price_list::Model {
        price_list::ActiveModel {
            id: Set(self.id.clone()),
            name: Set(self.name.clone()),
            description: Set(self.name),
            r#type: Set(PriceListTypeEnum::Sale),
            status: Set(PriceListStatusEnum::Active),
            starts_at: Set(None),
            ends_at: Set(None),
            ..stamped(self.created_at)
        }
        .insert(db)
        .await
        .unwrap_or_else(|e| panic!("inserting price list {}: {e}", self.id))
    }
}
