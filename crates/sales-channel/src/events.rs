//! The events sales channels and publishable API keys record, as Medusa names them.

medusa_events::events! {
    SalesChannelCreated = "sales_channel.created" { id: String }
    SalesChannelUpdated = "sales_channel.updated" { id: String }
    SalesChannelDeleted = "sales_channel.deleted" { id: String }
    PublishableKeyCreated = "publishable_api_key.created" { id: String }
    PublishableKeyRevoked = "publishable_api_key.revoked" { id: String }
}
