//! Return reason request bodies, declared as Medusa's request classes declare them
//! (`AdminPostReturnReasonsReq`, `AdminPostReturnReasonsReasonReq`) so a bad body gets Medusa's
//! messages in Medusa's order.

use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::Result;
use serde_json::Value;

use crate::{CreateReturnReason, UpdateReturnReason};

static CREATE_REASON: Class = Class::new(&[
    Field::required("value", &[Rule::String]),
    Field::required("label", &[Rule::String]),
    Field::optional("parent_return_reason_id", &[Rule::String]),
    Field::optional("description", &[Rule::String]),
    // Any JSON value: Medusa does not check its type.
    Field::optional("metadata", &[]),
]);

impl CreateReturnReason {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_REASON.read(body)?;
        Ok(Self {
            value: body.string("value").unwrap_or_default(),
            label: body.string("label").unwrap_or_default(),
            parent_return_reason_id: body.string("parent_return_reason_id"),
            description: body.string("description"),
            metadata: body.value("metadata").cloned(),
        })
    }
}

static UPDATE_REASON: Class = Class::new(&[
    Field::optional("label", &[Rule::String]),
    Field::optional("value", &[Rule::String]),
    Field::optional("description", &[Rule::String]),
    Field::optional("metadata", &[]),
]);

impl UpdateReturnReason {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_REASON.read(body)?;
        Ok(Self {
            label: body.patch("label", Body::string),
            value: body.patch("value", Body::string),
            description: body.patch("description", Body::string),
            metadata: body.patch("metadata", |body, name| body.value(name).cloned()),
        })
    }
}
