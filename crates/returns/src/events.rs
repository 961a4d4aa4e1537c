//! The events returns record, as Medusa names them.

medusa_events::events_with_fields! {
    { id: String, return_id: String, no_notification: Option<bool> } for
        /// `OrderService.Events.RETURN_REQUESTED`, emitted by the request route.
        ReturnRequested = "order.return_requested",
        /// A received return registered on its order.
        ItemsReturned = "order.items_returned",
        /// A received return whose refund is more than the order can refund.
        ReturnActionRequired = "order.return_action_required";

    { id: String, no_notification: Option<bool> } for
        /// `ClaimService.Events.CREATED`.
        ClaimCreated = "claim.created",
        /// `ClaimService.Events.UPDATED`.
        ClaimUpdated = "claim.updated",
        /// `ClaimService.Events.CANCELED`.
        ClaimCanceled = "claim.canceled",
        /// `ClaimService.Events.REFUND_PROCESSED`.
        ClaimRefundProcessed = "claim.refund_processed",
        /// `SwapService.Events.CREATED`.
        SwapCreated = "swap.created",
        /// `SwapService.Events.REFUND_PROCESSED`: a difference refunded or nothing to refund.
        SwapRefundProcessed = "swap.refund_processed",
        /// `SwapService.Events.PAYMENT_CAPTURED`.
        SwapPaymentCaptured = "swap.payment_captured",
        /// `SwapService.Events.PAYMENT_CAPTURE_FAILED`.
        SwapPaymentCaptureFailed = "swap.payment_capture_failed";

    { id: String, fulfillment_id: String, no_notification: Option<bool> } for
        /// `ClaimService.Events.FULFILLMENT_CREATED`, one per fulfillment.
        ClaimFulfillmentCreated = "claim.fulfillment_created",
        /// `ClaimService.Events.SHIPMENT_CREATED`.
        ClaimShipmentCreated = "claim.shipment_created",
        /// `SwapService.Events.FULFILLMENT_CREATED`.
        SwapFulfillmentCreated = "swap.fulfillment_created",
        /// `SwapService.Events.SHIPMENT_CREATED`.
        SwapShipmentCreated = "swap.shipment_created";

    { id: String } for
        /// `ClaimItemService.Events.CREATED`.
        ClaimItemCreated = "claim_item.created",
        /// `ClaimItemService.Events.UPDATED`.
        ClaimItemUpdated = "claim_item.updated";
}

medusa_events::events! {
    /// Owned by products; recorded here when a received line restocks its variant.
    VariantUpdated = "product-variant.updated" {
        id: String,
        product_id: String,
        fields: Vec<String>
    }
}
