//! Reading a model from a result row by the position of its columns, not by their names.
//!
//! sea-orm's derived `FromQueryResult` finds every column by name: it formats the name
//! (`prefix + column`), looks it up in the row's name table, and formats the name once more
//! for every `NULL` it turns into `None`. On a page of orders that was over a third of the
//! read. A select built from an entity lists the entity's columns in their declared order,
//! so a model can be read from consecutive positions instead: the entity's own columns from
//! 0, a joined relation's from where its columns begin.

use sea_orm::{DbErr, QueryResult};

/// A model read from `COLUMNS` consecutive columns of a row, in its entity's column order.
pub trait FromColumns: Sized {
    /// How many columns the model reads.
    const COLUMNS: usize;

    /// The model whose first column is the row's column `at`.
    fn from_columns(row: &QueryResult, at: usize) -> Result<Self, DbErr>;
}
