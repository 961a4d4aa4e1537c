//! Subqueries for `column IN (SELECT ...)` filters.

use sea_orm::sea_query::{Query, SelectStatement, SimpleExpr};
use sea_orm::ColumnTrait;

/// `SELECT column FROM <column's table> WHERE condition`, for `other.in_subquery(..)`: most
/// often the ids a join table links to an owner.
pub fn column_where<C: ColumnTrait>(column: C, condition: SimpleExpr) -> SelectStatement {
    Query::select()
        .column(column)
        .from(C::EntityName::default())
        .and_where(condition)
        .to_owned()
}
