//! Reading in the parent's own statement what costs a statement of its own otherwise:
//! to-one relations left-joined into the parent's select ([`join_one`], read back with
//! [`joined_one`] at the [`Positions`] its columns begin), one child relation joined
//! one-to-many ([`join_many`], gathered with [`fold_joined`]), and which child relations each
//! parent has at all ([`present_columns`]), so a page skips the statements of relations none
//! of its parents has.

use medusa_core::positional::FromColumns;
use medusa_core::{Error, Result};
use medusa_query_dsl::insertion_key_of;
use sea_orm::sea_query::{
    Alias, Asterisk, Condition, DynIden, Expr, IntoIden, JoinType, Order, Query, SelectStatement,
    SimpleExpr,
};
use sea_orm::{ColumnTrait, DbBackend, EntityTrait, IdenStatic, Iterable, QueryResult};

use crate::columns::{joined_columns, select_written, written_columns};

/// What separates a joined relation's alias from its column names in the parent's row.
const SEPARATOR: &str = "__";

/// The prefix of a joined relation's columns in the parent's row.
fn prefix(alias: &str) -> String {
    format!("{alias}{SEPARATOR}")
}

/// Where the columns of each relation joined into a statement begin in its rows: found once
/// per statement, from the names of its first row's columns, so each row is then read by
/// position.
#[derive(Debug, Default)]
pub struct Positions {
    starts: Vec<(String, usize)>,
}

impl Positions {
    /// The positions in `results`' rows (none when there are no rows).
    pub fn of(results: &[QueryResult]) -> Self {
        let mut starts: Vec<(String, usize)> = Vec::new();
        let names = results.first().map(QueryResult::column_names);
        for (at, name) in names.iter().flatten().enumerate() {
            if let Some((alias, _)) = name.split_once(SEPARATOR) {
                if !starts.iter().any(|(known, _)| known == alias) {
                    starts.push((alias.to_owned(), at));
                }
            }
        }
        Self { starts }
    }

    fn start(&self, alias: &str) -> Result<usize> {
        self.starts
            .iter()
            .find(|(known, _)| known == alias)
            .map(|(_, at)| *at)
            .ok_or_else(|| {
                Error::UnexpectedState(format!("the statement joined no relation `{alias}`"))
            })
    }
}

/// Left-joins `E` under `alias` into `select`, on `E`'s column `id` equal to the parent's
/// foreign key `parent_key`, and selects its columns as `<alias>__<column>` (on PostgreSQL as
/// text written once, [`crate::columns`]). `live`: a soft-deleted row reads as none, as
/// [`crate::live`] leaves it out. `backend` is the one the statement runs on.
pub fn join_one<E: EntityTrait>(
    select: &mut SelectStatement,
    backend: DbBackend,
    alias: &str,
    id: E::Column,
    parent_key: SimpleExpr,
    live: bool,
) {
    let table = Alias::new(alias);
    let mut on = Condition::all().add(Expr::col((table.clone(), id)).eq(parent_key));
    if live {
        if let Some(deleted_at) = E::Column::iter().find(|c| c.as_str() == "deleted_at") {
            on = on.add(Expr::col((table.clone(), deleted_at)).is_null());
        }
    }
    select.join_as(JoinType::LeftJoin, E::default(), table, on);
    select_joined::<E>(select, backend, alias);
}

/// Selects the columns of `E` joined under `alias`, as `<alias>__<column>`.
fn select_joined<E: EntityTrait>(select: &mut SelectStatement, backend: DbBackend, alias: &str) {
    let add = |select: &mut SelectStatement| aliased_columns::<E>(select, alias);
    let written = joined_columns::<E>(backend, alias, add);
    select_written(select, written, add);
}

/// Left-joins under `alias` the rows of `E` whose column `owner` names the parent
/// (`parent_key`), one-to-many: the parent's row is read once per child (once, with none, when
/// it has none), its children in their physical order after whatever order `select` has.
/// Read each back with [`joined_one`] (keyed by `owner`) and gather them with
/// [`fold_joined`]. One such join per statement: two would read every pair.
pub fn join_many<E: EntityTrait>(
    select: &mut SelectStatement,
    backend: DbBackend,
    alias: &str,
    owner: E::Column,
    parent_key: SimpleExpr,
) {
    let table = Alias::new(alias);
    if backend == DbBackend::Postgres {
        // Joined laterally, behind an `OFFSET` the planner may not flatten: PostgreSQL's
        // generic plan of a plain join hashes the whole child table, where this one looks each
        // parent's children up through `owner`'s index.
        let children = Query::select()
            .column((E::default(), Asterisk))
            .expr_as(Expr::cust("ctid"), Alias::new(PHYSICAL))
            .from(E::default())
            .and_where(Expr::col((E::default(), owner)).eq(parent_key))
            .offset(0)
            .to_owned();
        select.join_lateral(JoinType::LeftJoin, children, table, Expr::cust("TRUE"));
        select_joined::<E>(select, backend, alias);
        let physical = format!("\"{alias}\".\"{PHYSICAL}\"");
        select.order_by_expr(Expr::cust(physical), Order::Asc);
        return;
    }
    let on = Expr::col((table.clone(), owner)).eq(parent_key);
    select.join_as(JoinType::LeftJoin, E::default(), table, on);
    select_joined::<E>(select, backend, alias);
    if let Some(key) = insertion_key_of(backend, alias) {
        select.order_by_expr(Expr::cust(key), Order::Asc);
    }
}

/// The column [`join_many`]'s lateral rows carry their physical position (`ctid`) in.
const PHYSICAL: &str = "physical__";

/// The rows of a statement with a [`join_many`], each with its children: the repeats of a
/// row (`same`), which its order puts side by side, folded into one.
pub fn fold_joined<M, X>(
    rows: impl IntoIterator<Item = (M, Option<X>)>,
    same: impl Fn(&M, &M) -> bool,
) -> Vec<(M, Vec<X>)> {
    let mut folded: Vec<(M, Vec<X>)> = Vec::new();
    for (row, child) in rows {
        match folded.last_mut() {
            Some((last, children)) if same(last, &row) => children.extend(child),
            _ => folded.push((row, child.into_iter().collect())),
        }
    }
    folded
}

/// `E`'s columns, each as `<alias>__<column>`, read from the table joined under `alias`.
fn aliased_columns<E: EntityTrait>(select: &mut SelectStatement, alias: &str) {
    let table = Alias::new(alias);
    let prefix = prefix(alias);
    for column in E::Column::iter() {
        let value = column.select_as(Expr::col((table.clone(), column)));
        select.expr_as(value, Alias::new(format!("{prefix}{}", column.as_str())));
    }
}

/// The row [`join_one`] joined under `alias` (`id` its key column), or `None` when the join
/// found none; `positions` are those of the statement's rows.
pub fn joined_one<E>(
    row: &QueryResult,
    positions: &Positions,
    alias: &str,
    id: E::Column,
) -> Result<Option<E::Model>>
where
    E: EntityTrait,
    E::Model: FromColumns,
{
    let at = positions.start(alias)?;
    let key_at = E::Column::iter()
        .position(|column| column.as_str() == id.as_str())
        .unwrap_or_default();
    let key: Option<String> = row.try_get_by_index(at + key_at)?;
    match key {
        Some(_) => Ok(Some(E::Model::from_columns(row, at)?)),
        None => Ok(None),
    }
}

/// A child relation for [`present_columns`]: its table, and the column naming the parent.
pub struct Owned {
    table: DynIden,
    column: DynIden,
}

impl Owned {
    pub fn of<E: EntityTrait>(column: E::Column) -> Self {
        Self {
            table: E::default().into_iden(),
            column: column.into_iden(),
        }
    }
}

/// The alias [`present_columns`] gives its columns (`present__<n>`).
const PRESENT: &str = "present";

/// Selects in the parent's own statement, for each of `relations`, whether it holds a row
/// naming the parent (`P`'s column `parent_key`): no statement of its own. A relation no
/// parent of a page has is then loaded for none, and costs no statement either; one found
/// present is loaded as usual (with its own conditions: this counts soft-deleted rows too).
/// Read back with [`present_in`]. On PostgreSQL the columns are text written once per set of
/// relations. `backend` is the one the statement runs on.
pub fn present_columns<P: EntityTrait>(
    select: &mut SelectStatement,
    backend: DbBackend,
    parent_key: P::Column,
    relations: &[Owned],
) {
    let add = |select: &mut SelectStatement| {
        let parent: SimpleExpr = Expr::col((P::default(), parent_key)).into();
        for (at, relation) in relations.iter().enumerate() {
            let rows = Query::select()
                .expr(Expr::val(1))
                .from(relation.table.clone())
                .and_where(
                    Expr::col((relation.table.clone(), relation.column.clone())).eq(parent.clone()),
                )
                .to_owned();
            // A number on both backends (SQLite has no boolean; PostgreSQL casts a boolean
            // to `integer` only).
            let found = Expr::exists(rows)
                .cast_as(Alias::new("INTEGER"))
                .cast_as(Alias::new("BIGINT"));
            select.expr_as(found, Alias::new(format!("{}{at}", prefix(PRESENT))));
        }
    };
    let key = || {
        let mut key = format!("{}.{}", P::default().table_name(), parent_key.as_str());
        for relation in relations {
            key.push_str(&format!(
                " {}.{}",
                relation.table.to_string(),
                relation.column.to_string()
            ));
        }
        key
    };
    let written = written_columns(backend, key, P::default().into_iden(), add);
    select_written(select, written, add);
}

/// Which of the `count` relations [`present_columns`] selected `row`'s parent has.
pub fn present_in(row: &QueryResult, positions: &Positions, count: usize) -> Result<Vec<bool>> {
    if count == 0 {
        return Ok(Vec::new());
    }
    let start = positions.start(PRESENT)?;
    (start..start + count)
        .map(|at| Ok(row.try_get_by_index::<i64>(at)? != 0))
        .collect()
}
