//! The body of `POST /admin/batch-jobs`, declared as Medusa's `AdminPostBatchesReq`.

use medusa_core::body::Rule;
use serde_json::{Map, Value};

medusa_core::request! {
    /// A job to create: its type, the caller's context and whether it waits for a confirmation.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateBatchJob in CREATE {
        pub job_type as "type": String = required[Rule::String],
        pub context: Map<String, Value> = required[Rule::Object],
        pub dry_run: bool = optional[Rule::Boolean],
    }
}
