//! The `includes_tax` column of `currency`, `region`, `shipping_option`, `price_list`,
//! `shipping_method` and `line_item`.
//!
//! Medusa adds it with a migration (`test1659501357661`) that runs only when
//! `MEDUSA_FF_TAX_INCLUSIVE_PRICING` is on, and its models map it only then. A database
//! migrated with the flag off lacks it, so the generated models above leave it out and the
//! domain crates read and write it here, only when the server runs with the flag on.

use std::collections::HashMap;

use sea_orm::sea_query::{Alias, Expr, Query, SelectStatement};
use sea_orm::{ConnectionTrait, DbErr, QueryResult};

/// The column's name.
pub const COLUMN: &str = "includes_tax";

/// A table that has the column, with the key its rows are read by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Currency,
    Region,
    ShippingOption,
    PriceList,
    ShippingMethod,
    LineItem,
}

impl Table {
    const fn name(self) -> &'static str {
        match self {
            Table::Currency => "currency",
            Table::Region => "region",
            Table::ShippingOption => "shipping_option",
            Table::PriceList => "price_list",
            Table::ShippingMethod => "shipping_method",
            Table::LineItem => "line_item",
        }
    }

    const fn key(self) -> &'static str {
        match self {
            Table::Currency => "code",
            _ => "id",
        }
    }
}

/// The statement [`read`] runs: each of `keys` with its value (for a caller that runs its
/// reads through a connection of its own, then [`from_rows`]).
pub fn select(table: Table, keys: &[String]) -> SelectStatement {
    Query::select()
        .column(Alias::new(table.key()))
        .column(Alias::new(COLUMN))
        .from(Alias::new(table.name()))
        .and_where(Expr::col(Alias::new(table.key())).is_in(keys.iter().cloned()))
        .to_owned()
}

/// The rows [`select`] selected, by key.
pub fn from_rows(table: Table, rows: &[QueryResult]) -> Result<HashMap<String, bool>, DbErr> {
    rows.iter()
        .map(|row| {
            Ok((
                row.try_get::<String>("", table.key())?,
                row.try_get::<bool>("", COLUMN)?,
            ))
        })
        .collect()
}

/// The column's value for each of `keys` found in `table` (one statement).
pub async fn read<C: ConnectionTrait>(
    conn: &C,
    table: Table,
    keys: &[String],
) -> Result<HashMap<String, bool>, DbErr> {
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let query = select(table, keys);
    let rows = conn
        .query_all(conn.get_database_backend().build(&query))
        .await?;
    from_rows(table, &rows)
}

/// Fills each row's `includes_tax` with its value in `table` (`false`, the column's default,
/// where the row is missing), read in one statement. `slot` gives a row's key in `table` and
/// the field the value goes to.
pub async fn fill<'r, C, R: 'r>(
    conn: &C,
    table: Table,
    rows: impl IntoIterator<Item = &'r mut R>,
    slot: impl Fn(&mut R) -> (&str, &mut Option<bool>),
) -> Result<(), DbErr>
where
    C: ConnectionTrait,
{
    let mut rows: Vec<&mut R> = rows.into_iter().collect();
    let keys: Vec<String> = rows.iter_mut().map(|row| slot(row).0.to_owned()).collect();
    let values = read(conn, table, &keys).await?;
    for row in rows {
        let (key, field) = slot(row);
        *field = Some(values.get(key).copied().unwrap_or(false));
    }
    Ok(())
}

/// The column's value for one row (`false`, the column's default, when the row is missing).
pub async fn read_one<C: ConnectionTrait>(
    conn: &C,
    table: Table,
    key: &str,
) -> Result<bool, DbErr> {
    let values = read(conn, table, &[key.to_owned()]).await?;
    Ok(values.get(key).copied().unwrap_or(false))
}

/// Sets the column of one row.
pub async fn write<C: ConnectionTrait>(
    conn: &C,
    table: Table,
    key: &str,
    value: bool,
) -> Result<(), DbErr> {
    let statement = Query::update()
        .table(Alias::new(table.name()))
        .value(Alias::new(COLUMN), value)
        .and_where(Expr::col(Alias::new(table.key())).eq(key))
        .to_owned();
    conn.execute(conn.get_database_backend().build(&statement))
        .await?;
    Ok(())
}

/// Sets the row's value when one is given and it differs; whether it changed (so the caller
/// moves `updated_at`, as TypeORM's save does for a changed column).
pub async fn write_if_changed<C: ConnectionTrait>(
    conn: &C,
    table: Table,
    key: &str,
    value: Option<bool>,
) -> Result<bool, DbErr> {
    let Some(value) = value else {
        return Ok(false);
    };
    if read_one(conn, table, key).await? == value {
        return Ok(false);
    }
    write(conn, table, key, value).await?;
    Ok(true)
}
