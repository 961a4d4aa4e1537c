//! Select-in loading of a page's relations: one statement per relation, whatever the page
//! size, rows grouped per parent ([`Children`]) or found by key ([`by_key`]).

use std::collections::HashMap;

use medusa_core::positional::FromColumns;
use medusa_core::Result;
use medusa_query_dsl::key_in;
use sea_orm::sea_query::{Alias, Expr, SelectStatement};
use sea_orm::{
    ColumnTrait, EntityTrait, ModelTrait, QueryFilter, QueryResult, QueryTrait, RelationDef,
    Select, Value,
};

use crate::columns::own_columns;
use crate::groups::Children;
use crate::joined::Positions;
use crate::reader::{Connection, Reader};

/// The column a joined link's owner is read under; no table has it.
pub const LINK_OWNER: &str = "link_owner__";

/// The text of a model's `column`, when it holds text.
pub fn text_of<M: ModelTrait>(
    model: &M,
    column: <M::Entity as EntityTrait>::Column,
) -> Option<String> {
    match model.get(column) {
        Value::String(Some(text)) => Some(*text),
        _ => None,
    }
}

/// The rows `select` selects whose `owner` column names one of `parents` (the parents'
/// keys, in page order), grouped per parent in the order `select` reads them. No statement
/// when there are no parents.
///
/// `select` carries the relation's own conditions and order: live rows ([`crate::live`]),
/// a sort, physical order ([`medusa_query_dsl::in_insertion_order`]).
pub async fn children<E, C>(
    reader: &mut Reader<'_, C>,
    select: Select<E>,
    owner: E::Column,
    parents: &[String],
) -> Result<Children<E::Model>>
where
    E: EntityTrait,
    E::Model: FromColumns,
    C: Connection,
{
    let found = children_with(reader, select, owner, parents, Joined::none()).await?;
    Ok(found.map(|(row, ())| row))
}

/// What a relation's statement reads beside its rows: to-one relations of each row joined
/// into it ([`crate::join_one`]) and read back from each result row ([`crate::joined_one`],
/// at the statement's [`Positions`]).
pub struct Joined<J, R> {
    join: J,
    read: R,
}

impl Joined<fn(&mut SelectStatement), fn(&QueryResult, &Positions) -> Result<()>> {
    /// Nothing beside the rows.
    pub fn none() -> Self {
        Self {
            join: |_| {},
            read: |_, _| Ok(()),
        }
    }
}

impl<J, R, X> Joined<J, R>
where
    J: FnOnce(&mut SelectStatement),
    R: Fn(&QueryResult, &Positions) -> Result<X>,
{
    /// `join` adds the joins and their columns to the statement; `read` reads them from one
    /// result row, given where they begin.
    pub fn new(join: J, read: R) -> Self {
        Self { join, read }
    }
}

/// As [`children`], each row with what `joined` reads beside it, in the same statement.
pub async fn children_with<E, C, J, R, X>(
    reader: &mut Reader<'_, C>,
    select: Select<E>,
    owner: E::Column,
    parents: &[String],
    joined: Joined<J, R>,
) -> Result<Children<(E::Model, X)>>
where
    E: EntityTrait,
    E::Model: FromColumns,
    C: Connection,
    J: FnOnce(&mut SelectStatement),
    R: Fn(&QueryResult, &Positions) -> Result<X>,
{
    if parents.is_empty() {
        return Ok(Children::none(0));
    }
    let mut select = select
        .filter(key_in(
            owner.into_expr(),
            parents.to_vec(),
            reader.backend(),
        ))
        .into_query();
    own_columns::<E>(&mut select, reader.backend());
    (joined.join)(&mut select);
    let results = reader.results(&select).await?;
    let positions = Positions::of(&results);
    let mut rows = Vec::with_capacity(results.len());
    let mut owners = Vec::with_capacity(results.len());
    for result in &results {
        let row = E::Model::from_columns(result, 0)?;
        owners.push(text_of(&row, owner));
        rows.push((row, (joined.read)(result, &positions)?));
    }
    Ok(Children::new(parents, rows, &owners))
}

/// A link table's columns: `owner` names the parent, `target` the related row.
pub struct Link<L: EntityTrait> {
    pub owner: L::Column,
    pub target: L::Column,
}

/// The rows `select` selects that a link of `link` ties to one of `parents`, read joined with
/// their links in one statement and grouped per parent in the order `select` reads them (a
/// row linked to two parents is read, and shown, under each). `id` is the target's column
/// the link's `target` names. No statement when there are no parents.
pub async fn through<L, T, C>(
    reader: &mut Reader<'_, C>,
    select: Select<T>,
    id: T::Column,
    link: Link<L>,
    parents: &[String],
) -> Result<Children<T::Model>>
where
    L: EntityTrait,
    T: EntityTrait,
    T::Model: FromColumns,
    C: Connection,
{
    let found = through_with(reader, select, id, link, parents, Joined::none()).await?;
    Ok(found.map(|(row, ())| row))
}

/// As [`through`], each row with what `joined` reads beside it, in the same statement.
pub async fn through_with<L, T, C, J, R, X>(
    reader: &mut Reader<'_, C>,
    select: Select<T>,
    id: T::Column,
    link: Link<L>,
    parents: &[String],
    joined: Joined<J, R>,
) -> Result<Children<(T::Model, X)>>
where
    L: EntityTrait,
    T: EntityTrait,
    T::Model: FromColumns,
    C: Connection,
    J: FnOnce(&mut SelectStatement),
    R: Fn(&QueryResult, &Positions) -> Result<X>,
{
    if parents.is_empty() {
        return Ok(Children::none(0));
    }
    let table = L::default();
    let mut select = select.into_query();
    own_columns::<T>(&mut select, reader.backend());
    select
        .expr_as(Expr::col((table, link.owner)), Alias::new(LINK_OWNER))
        .inner_join(
            table,
            Expr::col((table, link.target)).equals((T::default(), id)),
        )
        .and_where(key_in(
            Expr::col((table, link.owner)),
            parents.to_vec(),
            reader.backend(),
        ));
    (joined.join)(&mut select);
    let results = reader.results(&select).await?;
    let positions = Positions::of(&results);
    let mut rows = Vec::with_capacity(results.len());
    let mut owners = Vec::with_capacity(results.len());
    for result in &results {
        let row = T::Model::from_columns(result, 0)?;
        // The link's owner is selected right after the row's own columns.
        owners.push(Some(result.try_get_by_index::<String>(T::Model::COLUMNS)?));
        rows.push((row, (joined.read)(result, &positions)?));
    }
    Ok(Children::new(parents, rows, &owners))
}

/// The rows `select` selects whose `key` column is one of `keys` (repeats allowed), by that
/// key: the rows a page's foreign keys name. No statement when there are no keys.
pub async fn by_key<E, C>(
    reader: &mut Reader<'_, C>,
    select: Select<E>,
    key: E::Column,
    keys: impl IntoIterator<Item = String>,
) -> Result<HashMap<String, E::Model>>
where
    E: EntityTrait,
    E::Model: FromColumns,
    C: Connection,
{
    let mut keys: Vec<String> = keys.into_iter().collect();
    keys.sort_unstable();
    keys.dedup();
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let mut select = select
        .filter(key_in(key.into_expr(), keys, reader.backend()))
        .into_query();
    own_columns::<E>(&mut select, reader.backend());
    Ok(reader
        .models::<E>(&select)
        .await?
        .into_iter()
        .filter_map(|row| text_of(&row, key).map(|key| (key, row)))
        .collect())
}

/// The join from `A` to `B` where `A`'s column `from` holds `B`'s column `to` (a foreign key),
/// for the few list queries that join instead of loading. The entities declare no sea-orm
/// relations: relations are loaded here, select-in, so a join names its key.
pub fn references<A: EntityTrait, B: EntityTrait>(from: A::Column, to: B::Column) -> RelationDef {
    A::belongs_to(B::default()).from(from).to(to).into()
}
