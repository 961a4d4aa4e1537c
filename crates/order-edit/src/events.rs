//! The events order edits record, as `OrderEditService` and `OrderEditItemChangeService` name
//! them.

medusa_events::events_with_fields! {
    { id: String } for
        /// An edit was created, its items cloned from the order.
        OrderEditCreated = "order-edit.created",
        /// An edit's note or payment collection changed.
        OrderEditUpdated = "order-edit.updated",
        /// The customer was asked to confirm the edit.
        OrderEditRequested = "order-edit.requested",
        /// The edit was canceled.
        OrderEditCanceled = "order-edit.canceled",
        /// The edit's items replaced the order's.
        OrderEditConfirmed = "order-edit.confirmed",
        /// An item change was recorded (Medusa's name, upper case included).
        ItemChangeCreated = "order-edit-item-change.CREATED";
}

medusa_events::events! {
    /// Item changes were deleted.
    ItemChangesDeleted = "order-edit-item-change.DELETED" { ids: Vec<String> }
}
