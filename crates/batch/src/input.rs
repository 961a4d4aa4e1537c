//! The body of `POST /admin/batch-jobs`, declared as Medusa's `AdminPostBatchesReq`.

use medusa_core::body::{Class, Field, Rule};
use medusa_core::Result;
use serde_json::{Map, Value};

static CREATE: Class = Class::new(&[
    Field::required("type", &[Rule::String]),
    Field::required("context", &[Rule::Object]),
    Field::optional("dry_run", &[Rule::Boolean]),
]);

/// A job to create: its type, the caller's context and whether it waits for a confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateBatchJob {
    pub job_type: String,
    pub context: Map<String, Value>,
    pub dry_run: bool,
}

impl CreateBatchJob {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE.read(body)?;
        let context = match body.value("context") {
            Some(Value::Object(context)) => context.clone(),
            _ => Map::new(),
        };
        Ok(Self {
            job_type: body.string("type").unwrap_or_default(),
            context,
            dry_run: body.boolean("dry_run").unwrap_or(false),
        })
    }
}
