//! The events regions record, as Medusa names them.

medusa_events::events! {
    RegionCreated = "region.created" { id: String }
    /// `fields`: the columns and relations the update was asked to change.
    RegionUpdated = "region.updated" { id: String, fields: Vec<String> }
    RegionDeleted = "region.deleted" { id: String }
}
