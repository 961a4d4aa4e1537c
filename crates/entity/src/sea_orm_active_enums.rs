//! Medusa's PostgreSQL enum types; on SQLite they are stored as text.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "PAYMENT_COLLECTION_STATUS_ENUM"
)]
pub enum PaymentCollectionStatusEnum {
    #[sea_orm(string_value = "not_paid")]
    #[serde(rename = "not_paid")]
    NotPaid,
    #[sea_orm(string_value = "awaiting")]
    #[serde(rename = "awaiting")]
    Awaiting,
    #[sea_orm(string_value = "authorized")]
    #[serde(rename = "authorized")]
    Authorized,
    #[sea_orm(string_value = "partially_authorized")]
    #[serde(rename = "partially_authorized")]
    PartiallyAuthorized,
    #[sea_orm(string_value = "canceled")]
    #[serde(rename = "canceled")]
    Canceled,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "PAYMENT_COLLECTION_TYPE_ENUM"
)]
pub enum PaymentCollectionTypeEnum {
    #[sea_orm(string_value = "order_edit")]
    #[serde(rename = "order_edit")]
    OrderEdit,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "cart_type_enum")]
pub enum CartTypeEnum {
    #[sea_orm(string_value = "default")]
    #[serde(rename = "default")]
    Default,
    #[sea_orm(string_value = "swap")]
    #[serde(rename = "swap")]
    Swap,
    #[sea_orm(string_value = "draft_order")]
    #[serde(rename = "draft_order")]
    DraftOrder,
    #[sea_orm(string_value = "payment_link")]
    #[serde(rename = "payment_link")]
    PaymentLink,
    #[sea_orm(string_value = "claim")]
    #[serde(rename = "claim")]
    Claim,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "claim_item_reason_enum"
)]
pub enum ClaimItemReasonEnum {
    #[sea_orm(string_value = "missing_item")]
    #[serde(rename = "missing_item")]
    MissingItem,
    #[sea_orm(string_value = "wrong_item")]
    #[serde(rename = "wrong_item")]
    WrongItem,
    #[sea_orm(string_value = "production_failure")]
    #[serde(rename = "production_failure")]
    ProductionFailure,
    #[sea_orm(string_value = "other")]
    #[serde(rename = "other")]
    Other,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "claim_order_fulfillment_status_enum"
)]
pub enum ClaimOrderFulfillmentStatusEnum {
    #[sea_orm(string_value = "not_fulfilled")]
    #[serde(rename = "not_fulfilled")]
    NotFulfilled,
    #[sea_orm(string_value = "partially_fulfilled")]
    #[serde(rename = "partially_fulfilled")]
    PartiallyFulfilled,
    #[sea_orm(string_value = "fulfilled")]
    #[serde(rename = "fulfilled")]
    Fulfilled,
    #[sea_orm(string_value = "partially_shipped")]
    #[serde(rename = "partially_shipped")]
    PartiallyShipped,
    #[sea_orm(string_value = "shipped")]
    #[serde(rename = "shipped")]
    Shipped,
    #[sea_orm(string_value = "partially_returned")]
    #[serde(rename = "partially_returned")]
    PartiallyReturned,
    #[sea_orm(string_value = "returned")]
    #[serde(rename = "returned")]
    Returned,
    #[sea_orm(string_value = "canceled")]
    #[serde(rename = "canceled")]
    Canceled,
    #[sea_orm(string_value = "requires_action")]
    #[serde(rename = "requires_action")]
    RequiresAction,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "claim_order_payment_status_enum"
)]
pub enum ClaimOrderPaymentStatusEnum {
    #[sea_orm(string_value = "na")]
    #[serde(rename = "na")]
    Na,
    #[sea_orm(string_value = "not_refunded")]
    #[serde(rename = "not_refunded")]
    NotRefunded,
    #[sea_orm(string_value = "refunded")]
    #[serde(rename = "refunded")]
    Refunded,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "claim_order_type_enum"
)]
pub enum ClaimOrderTypeEnum {
    #[sea_orm(string_value = "refund")]
    #[serde(rename = "refund")]
    Refund,
    #[sea_orm(string_value = "replace")]
    #[serde(rename = "replace")]
    Replace,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "discount_condition_operator_enum"
)]
pub enum DiscountConditionOperatorEnum {
    #[sea_orm(string_value = "in")]
    #[serde(rename = "in")]
    In,
    #[sea_orm(string_value = "not_in")]
    #[serde(rename = "not_in")]
    NotIn,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "discount_condition_type_enum"
)]
pub enum DiscountConditionTypeEnum {
    #[sea_orm(string_value = "products")]
    #[serde(rename = "products")]
    Products,
    #[sea_orm(string_value = "product_types")]
    #[serde(rename = "product_types")]
    ProductTypes,
    #[sea_orm(string_value = "product_collections")]
    #[serde(rename = "product_collections")]
    ProductCollections,
    #[sea_orm(string_value = "product_tags")]
    #[serde(rename = "product_tags")]
    ProductTags,
    #[sea_orm(string_value = "customer_groups")]
    #[serde(rename = "customer_groups")]
    CustomerGroups,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "discount_rule_allocation_enum"
)]
pub enum DiscountRuleAllocationEnum {
    #[sea_orm(string_value = "total")]
    #[serde(rename = "total")]
    Total,
    #[sea_orm(string_value = "item")]
    #[serde(rename = "item")]
    Item,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "discount_rule_type_enum"
)]
pub enum DiscountRuleTypeEnum {
    #[sea_orm(string_value = "fixed")]
    #[serde(rename = "fixed")]
    Fixed,
    #[sea_orm(string_value = "percentage")]
    #[serde(rename = "percentage")]
    Percentage,
    #[sea_orm(string_value = "free_shipping")]
    #[serde(rename = "free_shipping")]
    FreeShipping,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "draft_order_status_enum"
)]
pub enum DraftOrderStatusEnum {
    #[sea_orm(string_value = "open")]
    #[serde(rename = "open")]
    Open,
    #[sea_orm(string_value = "completed")]
    #[serde(rename = "completed")]
    Completed,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "invite_role_enum")]
pub enum InviteRoleEnum {
    #[sea_orm(string_value = "admin")]
    #[serde(rename = "admin")]
    Admin,
    #[sea_orm(string_value = "member")]
    #[serde(rename = "member")]
    Member,
    #[sea_orm(string_value = "developer")]
    #[serde(rename = "developer")]
    Developer,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "order_fulfillment_status_enum"
)]
pub enum OrderFulfillmentStatusEnum {
    #[sea_orm(string_value = "not_fulfilled")]
    #[serde(rename = "not_fulfilled")]
    NotFulfilled,
    #[sea_orm(string_value = "partially_fulfilled")]
    #[serde(rename = "partially_fulfilled")]
    PartiallyFulfilled,
    #[sea_orm(string_value = "fulfilled")]
    #[serde(rename = "fulfilled")]
    Fulfilled,
    #[sea_orm(string_value = "partially_shipped")]
    #[serde(rename = "partially_shipped")]
    PartiallyShipped,
    #[sea_orm(string_value = "shipped")]
    #[serde(rename = "shipped")]
    Shipped,
    #[sea_orm(string_value = "partially_returned")]
    #[serde(rename = "partially_returned")]
    PartiallyReturned,
    #[sea_orm(string_value = "returned")]
    #[serde(rename = "returned")]
    Returned,
    #[sea_orm(string_value = "canceled")]
    #[serde(rename = "canceled")]
    Canceled,
    #[sea_orm(string_value = "requires_action")]
    #[serde(rename = "requires_action")]
    RequiresAction,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "order_item_change_type_enum"
)]
pub enum OrderItemChangeTypeEnum {
    #[sea_orm(string_value = "item_add")]
    #[serde(rename = "item_add")]
    ItemAdd,
    #[sea_orm(string_value = "item_remove")]
    #[serde(rename = "item_remove")]
    ItemRemove,
    #[sea_orm(string_value = "item_update")]
    #[serde(rename = "item_update")]
    ItemUpdate,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "order_payment_status_enum"
)]
pub enum OrderPaymentStatusEnum {
    #[sea_orm(string_value = "not_paid")]
    #[serde(rename = "not_paid")]
    NotPaid,
    #[sea_orm(string_value = "awaiting")]
    #[serde(rename = "awaiting")]
    Awaiting,
    #[sea_orm(string_value = "captured")]
    #[serde(rename = "captured")]
    Captured,
    #[sea_orm(string_value = "partially_refunded")]
    #[serde(rename = "partially_refunded")]
    PartiallyRefunded,
    #[sea_orm(string_value = "refunded")]
    #[serde(rename = "refunded")]
    Refunded,
    #[sea_orm(string_value = "canceled")]
    #[serde(rename = "canceled")]
    Canceled,
    #[sea_orm(string_value = "requires_action")]
    #[serde(rename = "requires_action")]
    RequiresAction,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "order_status_enum")]
pub enum OrderStatusEnum {
    #[sea_orm(string_value = "pending")]
    #[serde(rename = "pending")]
    Pending,
    #[sea_orm(string_value = "completed")]
    #[serde(rename = "completed")]
    Completed,
    #[sea_orm(string_value = "archived")]
    #[serde(rename = "archived")]
    Archived,
    #[sea_orm(string_value = "canceled")]
    #[serde(rename = "canceled")]
    Canceled,
    #[sea_orm(string_value = "requires_action")]
    #[serde(rename = "requires_action")]
    RequiresAction,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "payment_session_status_enum"
)]
pub enum PaymentSessionStatusEnum {
    #[sea_orm(string_value = "authorized")]
    #[serde(rename = "authorized")]
    Authorized,
    #[sea_orm(string_value = "pending")]
    #[serde(rename = "pending")]
    Pending,
    #[sea_orm(string_value = "requires_more")]
    #[serde(rename = "requires_more")]
    RequiresMore,
    #[sea_orm(string_value = "error")]
    #[serde(rename = "error")]
    Error,
    #[sea_orm(string_value = "canceled")]
    #[serde(rename = "canceled")]
    Canceled,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "price_list_status_enum"
)]
pub enum PriceListStatusEnum {
    #[sea_orm(string_value = "active")]
    #[serde(rename = "active")]
    Active,
    #[sea_orm(string_value = "draft")]
    #[serde(rename = "draft")]
    Draft,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "price_list_type_enum"
)]
pub enum PriceListTypeEnum {
    #[sea_orm(string_value = "sale")]
    #[serde(rename = "sale")]
    Sale,
    #[sea_orm(string_value = "override")]
    #[serde(rename = "override")]
    Override,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "product_status_enum"
)]
pub enum ProductStatusEnum {
    #[sea_orm(string_value = "draft")]
    #[serde(rename = "draft")]
    Draft,
    #[sea_orm(string_value = "proposed")]
    #[serde(rename = "proposed")]
    Proposed,
    #[sea_orm(string_value = "published")]
    #[serde(rename = "published")]
    Published,
    #[sea_orm(string_value = "rejected")]
    #[serde(rename = "rejected")]
    Rejected,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "refund_reason_enum")]
pub enum RefundReasonEnum {
    #[sea_orm(string_value = "discount")]
    #[serde(rename = "discount")]
    Discount,
    #[sea_orm(string_value = "return")]
    #[serde(rename = "return")]
    Return,
    #[sea_orm(string_value = "swap")]
    #[serde(rename = "swap")]
    Swap,
    #[sea_orm(string_value = "claim")]
    #[serde(rename = "claim")]
    Claim,
    #[sea_orm(string_value = "other")]
    #[serde(rename = "other")]
    Other,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "return_status_enum")]
pub enum ReturnStatusEnum {
    #[sea_orm(string_value = "requested")]
    #[serde(rename = "requested")]
    Requested,
    #[sea_orm(string_value = "received")]
    #[serde(rename = "received")]
    Received,
    #[sea_orm(string_value = "requires_action")]
    #[serde(rename = "requires_action")]
    RequiresAction,
    #[sea_orm(string_value = "canceled")]
    #[serde(rename = "canceled")]
    Canceled,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "shipping_option_price_type_enum"
)]
pub enum ShippingOptionPriceTypeEnum {
    #[sea_orm(string_value = "flat_rate")]
    #[serde(rename = "flat_rate")]
    FlatRate,
    #[sea_orm(string_value = "calculated")]
    #[serde(rename = "calculated")]
    Calculated,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "shipping_option_requirement_type_enum"
)]
pub enum ShippingOptionRequirementTypeEnum {
    #[sea_orm(string_value = "min_subtotal")]
    #[serde(rename = "min_subtotal")]
    MinSubtotal,
    #[sea_orm(string_value = "max_subtotal")]
    #[serde(rename = "max_subtotal")]
    MaxSubtotal,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "shipping_profile_type_enum"
)]
pub enum ShippingProfileTypeEnum {
    #[sea_orm(string_value = "default")]
    #[serde(rename = "default")]
    Default,
    #[sea_orm(string_value = "gift_card")]
    #[serde(rename = "gift_card")]
    GiftCard,
    #[sea_orm(string_value = "custom")]
    #[serde(rename = "custom")]
    Custom,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "swap_fulfillment_status_enum"
)]
pub enum SwapFulfillmentStatusEnum {
    #[sea_orm(string_value = "not_fulfilled")]
    #[serde(rename = "not_fulfilled")]
    NotFulfilled,
    #[sea_orm(string_value = "fulfilled")]
    #[serde(rename = "fulfilled")]
    Fulfilled,
    #[sea_orm(string_value = "shipped")]
    #[serde(rename = "shipped")]
    Shipped,
    #[sea_orm(string_value = "partially_shipped")]
    #[serde(rename = "partially_shipped")]
    PartiallyShipped,
    #[sea_orm(string_value = "canceled")]
    #[serde(rename = "canceled")]
    Canceled,
    #[sea_orm(string_value = "requires_action")]
    #[serde(rename = "requires_action")]
    RequiresAction,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "swap_payment_status_enum"
)]
pub enum SwapPaymentStatusEnum {
    #[sea_orm(string_value = "not_paid")]
    #[serde(rename = "not_paid")]
    NotPaid,
    #[sea_orm(string_value = "awaiting")]
    #[serde(rename = "awaiting")]
    Awaiting,
    #[sea_orm(string_value = "captured")]
    #[serde(rename = "captured")]
    Captured,
    #[sea_orm(string_value = "confirmed")]
    #[serde(rename = "confirmed")]
    Confirmed,
    #[sea_orm(string_value = "canceled")]
    #[serde(rename = "canceled")]
    Canceled,
    #[sea_orm(string_value = "difference_refunded")]
    #[serde(rename = "difference_refunded")]
    DifferenceRefunded,
    #[sea_orm(string_value = "partially_refunded")]
    #[serde(rename = "partially_refunded")]
    PartiallyRefunded,
    #[sea_orm(string_value = "refunded")]
    #[serde(rename = "refunded")]
    Refunded,
    #[sea_orm(string_value = "requires_action")]
    #[serde(rename = "requires_action")]
    RequiresAction,
}
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "user_role_enum")]
pub enum UserRoleEnum {
    #[sea_orm(string_value = "admin")]
    #[serde(rename = "admin")]
    Admin,
    #[sea_orm(string_value = "member")]
    #[serde(rename = "member")]
    Member,
    #[sea_orm(string_value = "developer")]
    #[serde(rename = "developer")]
    Developer,
}
