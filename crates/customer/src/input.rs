//! Customer and customer group request bodies, declared as Medusa's request classes declare
//! them (`AdminPostCustomersReq`, `AdminPostCustomerGroupsReq`, ...) so a bad body gets
//! Medusa's messages in Medusa's order.

use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::Result;
use serde_json::Value;

use crate::{CreateCustomer, CreateCustomerGroup, UpdateCustomer, UpdateCustomerGroup};

static CREATE_CUSTOMER: Class = Class::new(&[
    Field::required("email", &[Rule::Email]),
    Field::required("first_name", &[Rule::String]),
    Field::required("last_name", &[Rule::String]),
    Field::required("password", &[Rule::String]),
    Field::optional("phone", &[Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
]);

impl CreateCustomer {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_CUSTOMER.read(body)?;
        Ok(Self {
            email: body.string("email").unwrap_or_default(),
            first_name: body.string("first_name").unwrap_or_default(),
            last_name: body.string("last_name").unwrap_or_default(),
            password: body.string("password").unwrap_or_default(),
            phone: body.string("phone"),
            metadata: body.object("metadata"),
        })
    }
}

/// `{ id }`: a customer or a group named in a batch.
static ID_REF: Class = Class::new(&[Field::required("id", &[Rule::String])]);

static UPDATE_CUSTOMER: Class = Class::new(&[
    Field::optional("email", &[Rule::Email]),
    Field::optional("first_name", &[Rule::String]),
    Field::optional("last_name", &[Rule::String]),
    Field::optional("password", &[Rule::String]),
    Field::optional("phone", &[Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
    Field::optional("groups", &[Rule::EachNested(&ID_REF), Rule::Array]),
]);

impl UpdateCustomer {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_CUSTOMER.read(body)?;
        Ok(Self {
            email: body.string("email"),
            first_name: body.patch("first_name", Body::string),
            last_name: body.patch("last_name", Body::string),
            phone: body.patch("phone", Body::string),
            password: body.string("password"),
            metadata: body.object("metadata"),
            groups: body.each("groups").map(ids),
        })
    }
}

static CREATE_GROUP: Class = Class::new(&[
    Field::required("name", &[Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
]);

impl CreateCustomerGroup {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_GROUP.read(body)?;
        Ok(Self {
            name: body.string("name").unwrap_or_default(),
            metadata: body.object("metadata"),
        })
    }
}

static UPDATE_GROUP: Class = Class::new(&[
    Field::optional("name", &[Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
]);

impl UpdateCustomerGroup {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_GROUP.read(body)?;
        Ok(Self {
            name: body.string("name"),
            metadata: body.object("metadata"),
        })
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
        Ok(Self(body.each("customer_ids").map(ids).unwrap_or_default()))
    }
}

fn ids(items: Vec<Body>) -> Vec<String> {
    items.iter().filter_map(|item| item.string("id")).collect()
}
