//! The events order edits record, as `OrderEditService` and `OrderEditItemChangeService` name
//! them.

medusa_events::events! {
    /// An edit was created, its items cloned from the order.
    OrderEditCreated = "order-edit.created" { id: String }
    /// An edit's note or payment collection changed.
    OrderEditUpdated = "order-edit.updated" { id: String }
    /// The customer was asked to confirm the edit.
    OrderEditRequested = "order-edit.requested" { id: String }
    /// The edit was canceled.
    OrderEditCanceled = "order-edit.canceled" { id: String }
    /// The edit's items replaced the order's.
    OrderEditConfirmed = "order-edit.confirmed" { id: String }
    /// An item change was recorded (Medusa's name, upper case included).
    ItemChangeCreated = "order-edit-item-change.CREATED" { id: String }
    /// Item changes were deleted.
    ItemChangesDeleted = "order-edit-item-change.DELETED" { ids: Vec<String> }
}
