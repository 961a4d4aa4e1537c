//! Customer and customer group request bodies, declared as Medusa's request classes declare
//! them (`AdminPostCustomersReq`, `AdminPostCustomerGroupsReq`, ...) so a bad body gets
//! Medusa's messages in Medusa's order.

use medusa_core::body::{Class, Field, Rule};
use medusa_core::patch::Patch;
use medusa_core::Result;
use serde_json::{Map, Value};

/// `{ id }`: a customer or a group named in a batch.
static ID_REF: Class = Class::new(&[Field::required("id", &[Rule::String])]);

medusa_core::request! {
    /// A new customer account (`POST /admin/customers`).
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateCustomer in CREATE_CUSTOMER {
        pub email: String = required[Rule::Email],
        pub first_name: String = required[Rule::String],
        pub last_name: String = required[Rule::String],
        pub password: String = required[Rule::String],
        pub phone: Option<String> = optional[Rule::String],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

medusa_core::request! {
    /// Changes to a customer. `None` leaves a field alone; `Some(None)` clears it. Metadata is
    /// merged; `groups` replaces the customer's memberships.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateCustomer in UPDATE_CUSTOMER {
        pub email: Option<String> = optional[Rule::Email],
        pub first_name: Patch<String> = optional[Rule::String],
        pub last_name: Patch<String> = optional[Rule::String],
        pub password: Option<String> = optional[Rule::String],
        pub phone: Patch<String> = optional[Rule::String],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
        pub groups: Option<Vec<String>> = optional[Rule::EachNested(&ID_REF), Rule::Array]
            => |body, name| body.ids(name),
    }
}

medusa_core::request! {
    /// A new customer group.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateCustomerGroup in CREATE_GROUP {
        pub name: String = required[Rule::String],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

medusa_core::request! {
    /// `None` leaves a field alone; metadata is merged.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateCustomerGroup in UPDATE_GROUP {
        pub name: Option<String> = optional[Rule::String],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

/// Medusa lets a missing list through (and then fails with a 500); refusing it is kinder.
const DEFINED_ARRAY: Rule = Rule::Custom {
    name: "defined",
    check: |value, _| value.is_some(),
    message: "$property must be an array",
};

static CUSTOMERS_BATCH: Class = Class::new(&[Field::required(
    "customer_ids",
    &[DEFINED_ARRAY, Rule::EachNested(&ID_REF)],
)]);

/// The customers a group batch call adds or removes (`customer_ids: [{id}]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerIds(pub Vec<String>);

impl CustomerIds {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CUSTOMERS_BATCH.read(body)?;
        Ok(Self(body.ids("customer_ids").unwrap_or_default()))
    }
}
