//! The one select-in relation loader every domain crate shares, and the small database idioms
//! beside it.
//!
//! `medusa-load` owns how a page's relations are read: a [`Reader`] holds one connection for
//! the whole read; each relation is one statement for the whole page, its keys bound as one
//! set (`medusa_query_dsl::key_in`); its rows come back grouped per parent ([`Children`],
//! built on [`Groups`]) or by key, in an order decided once (by the statement, or per parent
//! with [`Children::sort_each`]). A domain crate declares each relation (the rows' table, the
//! column or link table naming the parent, its conditions and order) and never writes the
//! loading itself. Beside it: live rows (`deleted_at IS NULL`), existence checks, and adding
//! and removing links on join tables. To save statements, a to-one relation can be joined into
//! its parent's select ([`join_one`]), so can one child relation ([`join_many`], gathered
//! with [`fold_joined`]), and the parent's select can tell which child relations each parent
//! has at all ([`present_columns`]). A relation's select can start from
//! [`find`], built once per entity on PostgreSQL with its select list written once. An
//! unfiltered list of a large table reads its `count` from the counts PostgreSQL keeps
//! ([`row_count`], [`Reader::rows_in`]).

mod columns;
mod groups;
mod joined;
mod live;
mod reader;
mod relation;
pub mod row_count;

pub use columns::{find, own_columns};
pub use groups::{Children, Groups};
pub use joined::{
    fold_joined, join_many, join_one, joined_one, present_columns, present_in, Owned, Positions,
};
pub use live::{
    all_in_insertion_order, exists, find_live, first_in_insertion_order, link, link_pairs,
    link_with, live, live_or, missing, only_live, relink, relink_with, taken, unlink,
};
pub use reader::{pg_rows, query_failed, AsPgPool, Connection, Reader};
pub use relation::{
    by_key, children, children_with, references, text_of, through, through_with, Joined, Link,
    LINK_OWNER,
};
