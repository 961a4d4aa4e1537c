//! The events the inventory and stock-location modules emit, as Medusa names them.

medusa_events::events! {
    InventoryItemCreated = "inventory-item.created" { ids: Vec<String> }
    InventoryItemUpdated = "inventory-item.updated" { id: String }
    InventoryItemDeleted = "inventory-item.deleted" { ids: String }
    InventoryLevelCreated = "inventory-level.created" { ids: Vec<String> }
    InventoryLevelUpdated = "inventory-level.updated" { id: String }
    /// A level removed by id.
    InventoryLevelDeleted = "inventory-level.deleted" { ids: String }
    /// The levels of a removed item.
    InventoryLevelsOfItemDeleted = "inventory-level.deleted" { inventory_item_id: String }
    /// The levels at a removed location.
    InventoryLevelsAtLocationDeleted = "inventory-level.deleted" { location_ids: Vec<String> }
    ReservationCreated = "reservation-item.created" { ids: Vec<String> }
    ReservationUpdated = "reservation-item.updated" { id: String }
    /// A reservation removed by id.
    ReservationDeleted = "reservation-item.deleted" { ids: String }
    /// The reservations of removed or canceled line items.
    ReservationsOfLineItemsDeleted = "reservation-item.deleted" { line_item_id: Vec<String> }
    /// The reservations at a removed location.
    ReservationsAtLocationDeleted = "reservation-item.deleted" { location_id: String }
    StockLocationCreated = "stock-location.created" { id: String }
    StockLocationUpdated = "stock-location.updated" { id: String }
    StockLocationDeleted = "stock-location.deleted" { id: String }
}
