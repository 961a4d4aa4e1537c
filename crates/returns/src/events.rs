//! The events returns record, as Medusa names them.

medusa_events::events! {
    /// `OrderService.Events.RETURN_REQUESTED`, emitted by the request route.
    ReturnRequested = "order.return_requested" {
        id: String,
        return_id: String,
        no_notification: Option<bool>
    }
    /// A received return registered on its order.
    ItemsReturned = "order.items_returned" {
        id: String,
        return_id: String,
        no_notification: Option<bool>
    }
    /// A received return whose refund is more than the order can refund.
    ReturnActionRequired = "order.return_action_required" {
        id: String,
        return_id: String,
        no_notification: Option<bool>
    }
    /// Owned by products; recorded here when a received line restocks its variant.
    VariantUpdated = "product-variant.updated" {
        id: String,
        product_id: String,
        fields: Vec<String>
    }
    /// `ClaimService.Events.CREATED`.
    ClaimCreated = "claim.created" {
        id: String,
        no_notification: Option<bool>
    }
    /// `ClaimService.Events.UPDATED`.
    ClaimUpdated = "claim.updated" {
        id: String,
        no_notification: Option<bool>
    }
    /// `ClaimService.Events.CANCELED`.
    ClaimCanceled = "claim.canceled" {
        id: String,
        no_notification: Option<bool>
    }
    /// `ClaimService.Events.FULFILLMENT_CREATED`, one per fulfillment.
    ClaimFulfillmentCreated = "claim.fulfillment_created" {
        id: String,
        fulfillment_id: String,
        no_notification: Option<bool>
    }
    /// `ClaimService.Events.SHIPMENT_CREATED`.
    ClaimShipmentCreated = "claim.shipment_created" {
        id: String,
        fulfillment_id: String,
        no_notification: Option<bool>
    }
    /// `ClaimService.Events.REFUND_PROCESSED`.
    ClaimRefundProcessed = "claim.refund_processed" {
        id: String,
        no_notification: Option<bool>
    }
    /// `ClaimItemService.Events.CREATED`.
    ClaimItemCreated = "claim_item.created" {
        id: String
    }
    /// `ClaimItemService.Events.UPDATED`.
    ClaimItemUpdated = "claim_item.updated" {
        id: String
    }
    /// `SwapService.Events.CREATED`.
    SwapCreated = "swap.created" {
        id: String,
        no_notification: Option<bool>
    }
    /// `SwapService.Events.REFUND_PROCESSED`: a difference refunded or nothing to refund.
    SwapRefundProcessed = "swap.refund_processed" {
        id: String,
        no_notification: Option<bool>
    }
    /// `SwapService.Events.PAYMENT_CAPTURED`.
    SwapPaymentCaptured = "swap.payment_captured" {
        id: String,
        no_notification: Option<bool>
    }
    /// `SwapService.Events.PAYMENT_CAPTURE_FAILED`.
    SwapPaymentCaptureFailed = "swap.payment_capture_failed" {
        id: String,
        no_notification: Option<bool>
    }
    /// `SwapService.Events.FULFILLMENT_CREATED`.
    SwapFulfillmentCreated = "swap.fulfillment_created" {
        id: String,
        fulfillment_id: String,
        no_notification: Option<bool>
    }
    /// `SwapService.Events.SHIPMENT_CREATED`.
    SwapShipmentCreated = "swap.shipment_created" {
        id: String,
        fulfillment_id: String,
        no_notification: Option<bool>
    }
}
