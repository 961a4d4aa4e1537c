//! The shared vocabulary every other crate speaks.
//!
//! `medusa-core` owns what is the same for every resource of the Medusa v1 admin API:
//! entity ids (`<prefix>_<ULID>`), the error model and its HTTP status mapping, the list
//! envelope, metadata update semantics and Medusa's timestamp format. It knows nothing of
//! HTTP frameworks or concrete tables.

pub mod body;
pub mod connect;
pub mod error;
pub mod flags;
pub mod handle;
pub mod id;
pub mod list;
pub mod metadata;
pub mod new_row;
pub mod number;
pub mod patch;
pub mod positional;
pub mod row_bytes;
pub mod subquery;
pub mod time;
pub mod transaction;

pub use error::{on_unique_violation, Error, ErrorBody, Result};
pub use flags::{FeatureFlags, Flag};
pub use id::generate_id;
pub use list::ListPage;
pub use transaction::in_transaction;
