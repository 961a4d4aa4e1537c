//! Medusa's PostgreSQL enum types; on SQLite they are stored as text.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Declares Medusa's enum types: each variant with its database string, which is also its
/// JSON string.
macro_rules! active_enums {
    ($($name:ident = $enum_name:literal { $($variant:ident = $value:literal,)+ })+) => {$(
        #[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
        #[sea_orm(rs_type = "String", db_type = "Enum", enum_name = $enum_name)]
        pub enum $name {
            $(
                #[sea_orm(string_value = $value)]
                #[serde(rename = $value)]
                $variant,
            )+
        }
    )+};
}

active_enums! {
    PaymentCollectionStatusEnum = "PAYMENT_COLLECTION_STATUS_ENUM" {
        NotPaid = "not_paid",
        Awaiting = "awaiting",
        Authorized = "authorized",
        PartiallyAuthorized = "partially_authorized",
        Canceled = "canceled",
    }

    PaymentCollectionTypeEnum = "PAYMENT_COLLECTION_TYPE_ENUM" {
        OrderEdit = "order_edit",
    }

    CartTypeEnum = "cart_type_enum" {
        Default = "default",
        Swap = "swap",
        DraftOrder = "draft_order",
        PaymentLink = "payment_link",
        Claim = "claim",
    }

    ClaimItemReasonEnum = "claim_item_reason_enum" {
        MissingItem = "missing_item",
        WrongItem = "wrong_item",
        ProductionFailure = "production_failure",
        Other = "other",
    }

    ClaimOrderFulfillmentStatusEnum = "claim_order_fulfillment_status_enum" {
        NotFulfilled = "not_fulfilled",
        PartiallyFulfilled = "partially_fulfilled",
        Fulfilled = "fulfilled",
        PartiallyShipped = "partially_shipped",
        Shipped = "shipped",
        PartiallyReturned = "partially_returned",
        Returned = "returned",
        Canceled = "canceled",
        RequiresAction = "requires_action",
    }

    ClaimOrderPaymentStatusEnum = "claim_order_payment_status_enum" {
        Na = "na",
        NotRefunded = "not_refunded",
        Refunded = "refunded",
    }

    ClaimOrderTypeEnum = "claim_order_type_enum" {
        Refund = "refund",
        Replace = "replace",
    }

    DiscountConditionOperatorEnum = "discount_condition_operator_enum" {
        In = "in",
        NotIn = "not_in",
    }

    DiscountConditionTypeEnum = "discount_condition_type_enum" {
        Products = "products",
        ProductTypes = "product_types",
        ProductCollections = "product_collections",
        ProductTags = "product_tags",
        CustomerGroups = "customer_groups",
    }

    DiscountRuleAllocationEnum = "discount_rule_allocation_enum" {
        Total = "total",
        Item = "item",
    }

    DiscountRuleTypeEnum = "discount_rule_type_enum" {
        Fixed = "fixed",
        Percentage = "percentage",
        FreeShipping = "free_shipping",
    }

    DraftOrderStatusEnum = "draft_order_status_enum" {
        Open = "open",
        Completed = "completed",
    }

    InviteRoleEnum = "invite_role_enum" {
        Admin = "admin",
        Member = "member",
        Developer = "developer",
    }

    OrderFulfillmentStatusEnum = "order_fulfillment_status_enum" {
        NotFulfilled = "not_fulfilled",
        PartiallyFulfilled = "partially_fulfilled",
        Fulfilled = "fulfilled",
        PartiallyShipped = "partially_shipped",
        Shipped = "shipped",
        PartiallyReturned = "partially_returned",
        Returned = "returned",
        Canceled = "canceled",
        RequiresAction = "requires_action",
    }

    OrderItemChangeTypeEnum = "order_item_change_type_enum" {
        ItemAdd = "item_add",
        ItemRemove = "item_remove",
        ItemUpdate = "item_update",
    }

    OrderPaymentStatusEnum = "order_payment_status_enum" {
        NotPaid = "not_paid",
        Awaiting = "awaiting",
        Captured = "captured",
        PartiallyRefunded = "partially_refunded",
        Refunded = "refunded",
        Canceled = "canceled",
        RequiresAction = "requires_action",
    }

    OrderStatusEnum = "order_status_enum" {
        Pending = "pending",
        Completed = "completed",
        Archived = "archived",
        Canceled = "canceled",
        RequiresAction = "requires_action",
    }

    PaymentSessionStatusEnum = "payment_session_status_enum" {
        Authorized = "authorized",
        Pending = "pending",
        RequiresMore = "requires_more",
        Error = "error",
        Canceled = "canceled",
    }

    PriceListStatusEnum = "price_list_status_enum" {
        Active = "active",
        Draft = "draft",
    }

    PriceListTypeEnum = "price_list_type_enum" {
        Sale = "sale",
        Override = "override",
    }

    ProductStatusEnum = "product_status_enum" {
        Draft = "draft",
        Proposed = "proposed",
        Published = "published",
        Rejected = "rejected",
    }

    RefundReasonEnum = "refund_reason_enum" {
        Discount = "discount",
        Return = "return",
        Swap = "swap",
        Claim = "claim",
        Other = "other",
    }

    ReturnStatusEnum = "return_status_enum" {
        Requested = "requested",
        Received = "received",
        RequiresAction = "requires_action",
        Canceled = "canceled",
    }

    ShippingOptionPriceTypeEnum = "shipping_option_price_type_enum" {
        FlatRate = "flat_rate",
        Calculated = "calculated",
    }

    ShippingOptionRequirementTypeEnum = "shipping_option_requirement_type_enum" {
        MinSubtotal = "min_subtotal",
        MaxSubtotal = "max_subtotal",
    }

    ShippingProfileTypeEnum = "shipping_profile_type_enum" {
        Default = "default",
        GiftCard = "gift_card",
        Custom = "custom",
    }

    SwapFulfillmentStatusEnum = "swap_fulfillment_status_enum" {
        NotFulfilled = "not_fulfilled",
        Fulfilled = "fulfilled",
        Shipped = "shipped",
        PartiallyShipped = "partially_shipped",
        Canceled = "canceled",
        RequiresAction = "requires_action",
    }

    SwapPaymentStatusEnum = "swap_payment_status_enum" {
        NotPaid = "not_paid",
        Awaiting = "awaiting",
        Captured = "captured",
        Confirmed = "confirmed",
        Canceled = "canceled",
        DifferenceRefunded = "difference_refunded",
        PartiallyRefunded = "partially_refunded",
        Refunded = "refunded",
        RequiresAction = "requires_action",
    }

    UserRoleEnum = "user_role_enum" {
        Admin = "admin",
        Member = "member",
        Developer = "developer",
    }
}
