//! Live rows (`deleted_at IS NULL`), existence, and link tables: the small statements every
//! domain crate writes the same way.

use std::collections::HashSet;

use medusa_core::{Error, Result};
use medusa_query_dsl::in_insertion_order;
use sea_orm::sea_query::{Expr, OnConflict, Query, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, IdenStatic, Iterable, PaginatorTrait,
    PrimaryKeyTrait, QueryFilter, QuerySelect, Select, Value,
};

/// `E`'s `deleted_at` column, when its table soft-deletes.
fn deleted_at<E: EntityTrait>() -> Option<E::Column> {
    E::Column::iter().find(|column| column.as_str() == "deleted_at")
}

/// `select` without soft-deleted rows, as Medusa's reads leave them out. A table without
/// `deleted_at` has only live rows.
pub fn only_live<E: EntityTrait>(select: Select<E>) -> Select<E> {
    match deleted_at::<E>() {
        Some(column) => select.filter(column.is_null()),
        None => select,
    }
}

/// `E`'s live rows.
pub fn live<E: EntityTrait>() -> Select<E> {
    only_live(E::find())
}

/// The rows `select` reads, in physical (insertion) order: the order Medusa's reads without an
/// `ORDER BY` give.
pub async fn all_in_insertion_order<E, C>(conn: &C, select: Select<E>) -> Result<Vec<E::Model>>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    Ok(in_insertion_order(select, conn.get_database_backend())
        .all(conn)
        .await?)
}

/// The first row `select` reads in physical (insertion) order.
pub async fn first_in_insertion_order<E, C>(conn: &C, select: Select<E>) -> Result<Option<E::Model>>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    Ok(in_insertion_order(select, conn.get_database_backend())
        .one(conn)
        .await?)
}

/// The live row of `E` with primary key `id`, if any.
pub async fn find_live<E, C>(
    conn: &C,
    id: impl Into<<E::PrimaryKey as PrimaryKeyTrait>::ValueType>,
) -> Result<Option<E::Model>>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    Ok(only_live(E::find_by_id(id)).one(conn).await?)
}

/// The live row of `E` with primary key `id`, or the error `missing` gives (most often the
/// resource's "was not found").
pub async fn live_or<E, C>(
    conn: &C,
    id: impl Into<<E::PrimaryKey as PrimaryKeyTrait>::ValueType>,
    missing: impl FnOnce() -> Error,
) -> Result<E::Model>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    find_live::<E, C>(conn, id).await?.ok_or_else(missing)
}

/// Whether a live row of `E` other than `other_than` (by `id`) holds `value` in `column`: the
/// check before a write that keeps `column` unique among live rows.
pub async fn taken<E, C>(
    conn: &C,
    column: E::Column,
    value: &str,
    other_than: Option<&str>,
) -> Result<bool>
where
    E: EntityTrait,
    C: ConnectionTrait,
    E::Model: Sync,
{
    let mut select = live::<E>().filter(column.eq(value));
    if let Some(id) = other_than {
        select = select.filter(id_column::<E>()?.ne(id));
    }
    exists(conn, select).await
}

/// `E`'s `id` column.
fn id_column<E: EntityTrait>() -> Result<E::Column> {
    E::Column::iter()
        .find(|column| column.as_str() == "id")
        .ok_or_else(|| Error::UnexpectedState("a table without an id column".into()))
}

/// The `ids` (in their order, repeats kept) that name no row `select` selects (by `id`): the
/// existence check before a write that refers to rows. `select` carries the rows' own
/// conditions (`live::<E>()` for live rows only). No statement when there are no ids.
pub async fn missing<E, C>(conn: &C, select: Select<E>, ids: &[String]) -> Result<Vec<String>>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let id = id_column::<E>()?;
    let found: HashSet<String> = select
        .select_only()
        .column(id)
        .filter(id.is_in(ids.iter().map(String::as_str)))
        .into_tuple::<String>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    Ok(ids
        .iter()
        .filter(|id| !found.contains(*id))
        .cloned()
        .collect())
}

/// Whether `select` selects any row.
pub async fn exists<E, C>(conn: &C, select: Select<E>) -> Result<bool>
where
    E: EntityTrait,
    C: ConnectionTrait,
    E::Model: Sync,
{
    Ok(select.count(conn).await? > 0)
}

/// Links `owner` to each of `targets` in link table `L` (its columns `owner_column` and
/// `target_column`, its primary key), leaving links that exist as they are. Links are inserted
/// in the given order, so that physical order follows it; repeats are linked once.
pub async fn link<L, C>(
    conn: &C,
    owner_column: L::Column,
    target_column: L::Column,
    owner: &str,
    targets: &[String],
) -> Result<()>
where
    L: EntityTrait,
    C: ConnectionTrait,
{
    link_with::<L, C, _>(
        conn,
        owner_column,
        target_column,
        owner,
        targets,
        &[],
        Vec::new,
    )
    .await
}

/// [`link`] for a link table whose rows carry more than their two keys: each new row also
/// sets `extra_columns` to `extra_values()` (called once per row: a fresh id, timestamps).
pub async fn link_with<L, C, F>(
    conn: &C,
    owner_column: L::Column,
    target_column: L::Column,
    owner: &str,
    targets: &[String],
    extra_columns: &[L::Column],
    extra_values: F,
) -> Result<()>
where
    L: EntityTrait,
    C: ConnectionTrait,
    F: Fn() -> Vec<Value>,
{
    let pairs: Vec<(&str, &str)> = targets.iter().map(|t| (owner, t.as_str())).collect();
    insert_links::<L, C, F>(
        conn,
        owner_column,
        target_column,
        &pairs,
        extra_columns,
        extra_values,
    )
    .await
}

/// Links per insert statement: well under both backends' bound-parameter limits.
const LINKS_PER_INSERT: usize = 5000;

/// [`link`] for many owners at once: `(owner, target)` pairs, inserted in the given order
/// (one statement per few thousand), existing links left as they are.
pub async fn link_pairs<L, C>(
    conn: &C,
    owner_column: L::Column,
    target_column: L::Column,
    pairs: &[(&str, &str)],
) -> Result<()>
where
    L: EntityTrait,
    C: ConnectionTrait,
{
    for batch in pairs.chunks(LINKS_PER_INSERT) {
        insert_links::<L, C, _>(conn, owner_column, target_column, batch, &[], Vec::new).await?;
    }
    Ok(())
}

async fn insert_links<L, C, F>(
    conn: &C,
    owner_column: L::Column,
    target_column: L::Column,
    pairs: &[(&str, &str)],
    extra_columns: &[L::Column],
    extra_values: F,
) -> Result<()>
where
    L: EntityTrait,
    C: ConnectionTrait,
    F: Fn() -> Vec<Value>,
{
    if pairs.is_empty() {
        return Ok(());
    }
    let mut insert = Query::insert();
    let mut columns = vec![owner_column, target_column];
    columns.extend_from_slice(extra_columns);
    insert.into_table(L::default()).columns(columns);
    for (owner, target) in pairs {
        let mut values: Vec<SimpleExpr> = vec![(*owner).into(), (*target).into()];
        values.extend(extra_values().into_iter().map(SimpleExpr::from));
        insert
            .values(values)
            .map_err(|err| Error::UnexpectedState(format!("a link could not be built: {err}")))?;
    }
    insert.on_conflict(
        OnConflict::columns([owner_column, target_column])
            .do_nothing()
            .to_owned(),
    );
    conn.execute(conn.get_database_backend().build(&insert))
        .await?;
    Ok(())
}

/// Removes the links of `owner` in link table `L`: those to `targets`, or all when `None`.
pub async fn unlink<L, C>(
    conn: &C,
    owner_column: L::Column,
    target_column: L::Column,
    owner: &str,
    targets: Option<&[String]>,
) -> Result<()>
where
    L: EntityTrait,
    C: ConnectionTrait,
{
    let mut delete = Query::delete();
    delete
        .from_table(L::default())
        .and_where(Expr::col((L::default(), owner_column)).eq(owner));
    if let Some(targets) = targets {
        if targets.is_empty() {
            return Ok(());
        }
        delete.and_where(
            Expr::col((L::default(), target_column)).is_in(targets.iter().map(String::as_str)),
        );
    }
    conn.execute(conn.get_database_backend().build(&delete))
        .await?;
    Ok(())
}

/// Makes `targets` exactly the links of `owner` in link table `L`: links to others are
/// removed, missing ones are added in the given order, and links that stay are left alone.
pub async fn relink<L, C>(
    conn: &C,
    owner_column: L::Column,
    target_column: L::Column,
    owner: &str,
    targets: &[String],
) -> Result<()>
where
    L: EntityTrait,
    C: ConnectionTrait,
{
    relink_with::<L, C, _>(
        conn,
        owner_column,
        target_column,
        owner,
        targets,
        &[],
        Vec::new,
    )
    .await
}

/// [`relink`] with [`link_with`]'s extra columns on the links it adds.
pub async fn relink_with<L, C, F>(
    conn: &C,
    owner_column: L::Column,
    target_column: L::Column,
    owner: &str,
    targets: &[String],
    extra_columns: &[L::Column],
    extra_values: F,
) -> Result<()>
where
    L: EntityTrait,
    C: ConnectionTrait,
    F: Fn() -> Vec<Value>,
{
    let mut delete = Query::delete();
    delete
        .from_table(L::default())
        .and_where(Expr::col((L::default(), owner_column)).eq(owner));
    if !targets.is_empty() {
        delete.and_where(
            Expr::col((L::default(), target_column)).is_not_in(targets.iter().map(String::as_str)),
        );
    }
    conn.execute(conn.get_database_backend().build(&delete))
        .await?;
    link_with::<L, C, F>(
        conn,
        owner_column,
        target_column,
        owner,
        targets,
        extra_columns,
        extra_values,
    )
    .await
}
