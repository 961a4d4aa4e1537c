//! The events customers and customer groups record, as Medusa names them.

use medusa_entity::customer;
use serde::Serialize;

medusa_events::events! {
    GroupCreated = "customer_group.created" { id: String }
    GroupUpdated = "customer_group.updated" { id: String }
    GroupDeleted = "customer_group.deleted" { id: String }
}

/// `customer.created`: the row as the API shows it (never its password hash).
#[derive(Clone, Debug, Serialize)]
#[serde(transparent)]
pub struct CustomerCreated<'a>(pub &'a customer::Model);

/// `customer.updated`: the row after the change, as the API shows it.
#[derive(Clone, Debug, Serialize)]
#[serde(transparent)]
pub struct CustomerUpdated<'a>(pub &'a customer::Model);

impl medusa_events::Event for CustomerCreated<'_> {
    const NAME: &'static str = "customer.created";
}

impl medusa_events::Event for CustomerUpdated<'_> {
    const NAME: &'static str = "customer.updated";
}
