//! The admin API's query-string grammar, both dialects, turned into sea-orm conditions.
//!
//! `medusa-query-dsl` owns how every list and retrieve endpoint reads its query string:
//! parsing (`qs`-style brackets, percent-decoding, `+`), `limit`/`offset`/`order`, typed
//! filters with v1 (`[lt]`) and v2 (`[$lt]`, `[$in]`, …) operators, `q` search, and the
//! `fields`/`expand` selection with its relation-loading plan. Domain crates declare a
//! [`ResourceSpec`] per endpoint; this crate knows no concrete entity, no HTTP framework and
//! never touches the database. Identifiers in SQL come only from specs; request values are
//! always bound parameters. The grammar and the Medusa quirks kept are in `GRAMMAR.md`.

mod error;
mod filter;
pub mod js_date;
mod keys;
mod params;
mod physical;
mod plan;
mod raw;
mod selection;
mod spec;
mod value;

pub use error::QueryError;
pub use keys::key_in;
pub use params::{ListParams, Range};
pub use physical::{in_insertion_order, in_insertion_order_of, insertion_key_of};
pub use plan::{passthrough_list, passthrough_text, plan, plan_retrieve, ListPlan};
pub use raw::{parse, RawQuery, RawValue, MAX_PARAMETERS};
pub use selection::{FieldSet, RelationNode, Selection};
pub use spec::{
    Column, FieldKind, FilterSpec, Forms, Pagination, RelationSpec, ResourceSpec, NEWEST_FIRST,
};
pub use value::parse_date;
