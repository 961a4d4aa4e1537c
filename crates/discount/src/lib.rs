//! Discounts and gift cards.
//!
//! `medusa-discount` owns the admin side of discounts (a rule with its conditions, the regions
//! a discount applies in, dynamic codes derived from a parent discount) and gift cards (a code,
//! a value and a balance in a region). It knows no HTTP: the admin-http app maps requests onto
//! these services. Each service is a dyn-safe trait with one `Sea...` implementation over a
//! `sea_orm::DatabaseConnection`; every write runs in one transaction with the events Medusa
//! emits for it.

// Tests may unwrap: a panic there is the failure report.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod condition_service;
pub mod conditions;
pub mod discounts;
pub mod duration;
pub mod events;
pub mod gift_cards;
pub mod input;
pub mod specs;
pub mod view;

pub use condition_service::{DiscountConditionService, SeaDiscountConditionService};
pub use discounts::{DiscountService, SeaDiscountService};
pub use gift_cards::{GiftCardService, GiftCardView, SeaGiftCardService};
pub use input::{
    BatchResources, ConditionInput, CreateDiscount, CreateDynamicCode, CreateGiftCard, RuleInput,
    UpdateDiscount, UpdateGiftCard, UpdateRule,
};
pub use specs::{
    DiscountQuery, CONDITION_RETRIEVE, DISCOUNT_LIST, DISCOUNT_RETRIEVE, GIFT_CARD_LIST,
    GIFT_CARD_RETRIEVE,
};
pub use view::{ConditionView, DiscountView, RuleView};
