//! Select lists written once per entity: on PostgreSQL, a relation statement's own columns and
//! a joined relation's aliased columns are the same text on every request, and writing them
//! (forty quoted, qualified names a statement, some cast) was most of building its SQL.
//!
//! A list is rendered by sea-query itself from the entity's default select, so the text is
//! exactly what the statement would have carried, in the entity's column order, which is the
//! order rows are read in ([`medusa_core::positional::FromColumns`]).

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use sea_orm::sea_query::{DynIden, Expr, PostgresQueryBuilder, SelectStatement};
use sea_orm::{DbBackend, EntityTrait, QuerySelect, QueryTrait, Select};

/// Rendered lists: per entity, its own (no alias) and those joined under an alias.
type Lists = HashMap<TypeId, Vec<(Option<String>, Arc<str>)>>;

fn lists() -> &'static RwLock<Lists> {
    static LISTS: OnceLock<RwLock<Lists>> = OnceLock::new();
    LISTS.get_or_init(|| RwLock::new(HashMap::new()))
}

/// The text between `SELECT ` and ` FROM ` of `select` rendered for PostgreSQL.
fn select_list(select: &SelectStatement) -> Arc<str> {
    let sql = select.to_string(PostgresQueryBuilder);
    let start = "SELECT ".len();
    let end = sql.rfind(" FROM ").unwrap_or(sql.len());
    Arc::from(sql.get(start..end).unwrap_or_default())
}

/// The list `render` writes for `E` (under `alias`, if any), rendered on first use.
fn list_of<E: EntityTrait>(
    alias: Option<&str>,
    render: impl FnOnce() -> SelectStatement,
) -> Arc<str> {
    let key = TypeId::of::<E>();
    let known = |lists: &Lists| {
        lists
            .get(&key)?
            .iter()
            .find(|(known, _)| known.as_deref() == alias)
            .map(|(_, text)| text.clone())
    };
    if let Some(text) = lists().read().ok().as_deref().and_then(known) {
        return text;
    }
    let text = select_list(&render());
    if let Ok(mut lists) = lists().write() {
        let entry = lists.entry(key).or_default();
        if !entry.iter().any(|(known, _)| known.as_deref() == alias) {
            entry.push((alias.map(str::to_owned), text.clone()));
        }
    }
    text
}

/// On PostgreSQL, replaces `select`'s columns, which must be `E`'s own in their order (as
/// `E::find()` selects them), with their text written once. Elsewhere `select` is left as is.
pub fn own_columns<E: EntityTrait>(select: &mut SelectStatement, backend: DbBackend) {
    if backend != DbBackend::Postgres {
        return;
    }
    let text = list_of::<E>(None, || E::find().into_query());
    // Debug builds (the tests) hold every replaced statement to the text it had.
    #[cfg(debug_assertions)]
    let before = select.to_string(PostgresQueryBuilder);
    select.clear_selects();
    select.expr(Expr::cust(text.to_string()));
    #[cfg(debug_assertions)]
    debug_assert_eq!(
        select.to_string(PostgresQueryBuilder),
        before,
        "a relation's statement must select its entity's columns, in their order"
    );
}

/// `E::find()` for `backend`. On PostgreSQL its select list is the text written once, and the
/// select itself is built once per entity and cloned: `E::find()` builds an expression per
/// column, which [`own_columns`] would replace at once. Elsewhere `E::find()` itself.
pub fn find<E: EntityTrait>(backend: DbBackend) -> Select<E> {
    type Selects = HashMap<TypeId, Box<dyn Any + Send + Sync>>;
    static SELECTS: OnceLock<RwLock<Selects>> = OnceLock::new();
    if backend != DbBackend::Postgres {
        return E::find();
    }
    let selects = SELECTS.get_or_init(|| RwLock::new(HashMap::new()));
    let key = TypeId::of::<E>();
    let known = |selects: &Selects| selects.get(&key)?.downcast_ref::<Select<E>>().cloned();
    if let Some(select) = selects.read().ok().as_deref().and_then(known) {
        return select;
    }
    let mut select = E::find();
    own_columns::<E>(QuerySelect::query(&mut select), backend);
    if let Ok(mut selects) = selects.write() {
        selects
            .entry(key)
            .or_insert_with(|| Box::new(select.clone()));
    }
    select
}

/// On PostgreSQL, the text of the columns `add` adds to a statement selecting nothing else,
/// written once for `E` joined under `alias`; `None` elsewhere, where the caller adds them.
pub(crate) fn joined_columns<E: EntityTrait>(
    backend: DbBackend,
    alias: &str,
    add: impl FnOnce(&mut SelectStatement),
) -> Option<Arc<str>> {
    if backend != DbBackend::Postgres {
        return None;
    }
    Some(list_of::<E>(Some(alias), || {
        let mut select = SelectStatement::new();
        add(&mut select);
        select.from(E::default()).to_owned()
    }))
}

/// On PostgreSQL, the text of the columns `add` adds to a statement reading `table`, written
/// once per `key` (which names everything the text depends on); `None` elsewhere, where the
/// caller adds them.
pub(crate) fn written_columns(
    backend: DbBackend,
    key: impl FnOnce() -> String,
    table: DynIden,
    add: impl FnOnce(&mut SelectStatement),
) -> Option<Arc<str>> {
    static WRITTEN: OnceLock<RwLock<HashMap<String, Arc<str>>>> = OnceLock::new();
    if backend != DbBackend::Postgres {
        return None;
    }
    let written = WRITTEN.get_or_init(|| RwLock::new(HashMap::new()));
    let key = key();
    if let Some(text) = written.read().ok().and_then(|w| w.get(&key).cloned()) {
        return Some(text);
    }
    let mut select = SelectStatement::new();
    add(&mut select);
    let text = select_list(&select.from(table).to_owned());
    if let Ok(mut written) = written.write() {
        written.entry(key).or_insert_with(|| text.clone());
    }
    Some(text)
}

/// Adds the columns `add` adds to `select`: as their `written` text where there is one.
pub(crate) fn select_written(
    select: &mut SelectStatement,
    written: Option<Arc<str>>,
    add: impl Fn(&mut SelectStatement),
) {
    match written {
        Some(text) => {
            // Debug builds (the tests) hold the written list to the one it stands for.
            #[cfg(debug_assertions)]
            let plain = {
                let mut plain = select.clone();
                add(&mut plain);
                plain.to_string(PostgresQueryBuilder)
            };
            select.expr(Expr::cust(text.to_string()));
            #[cfg(debug_assertions)]
            debug_assert_eq!(select.to_string(PostgresQueryBuilder), plain);
        }
        None => add(select),
    }
}

#[cfg(test)]
mod tests {
    use medusa_entity::{line_item, order, shipping_method};
    use sea_orm::sea_query::PostgresQueryBuilder;
    use sea_orm::{ColumnTrait, DbBackend, EntityTrait, QueryFilter, QueryTrait};

    use super::own_columns;

    /// The statement with the written list is the statement sea-orm builds, enum casts
    /// (`order.status`) and JSON columns included, on first use and from the cache.
    #[test]
    fn the_written_list_is_the_one_sea_orm_writes() {
        fn check<E: EntityTrait>(select: sea_orm::Select<E>) {
            let expected = select.clone().into_query().to_string(PostgresQueryBuilder);
            for _ in 0..2 {
                let mut written = select.clone().into_query();
                own_columns::<E>(&mut written, DbBackend::Postgres);
                assert_eq!(written.to_string(PostgresQueryBuilder), expected);
            }
        }
        check(order::Entity::find().filter(order::Column::Id.eq("order_1")));
        check(line_item::Entity::find().filter(line_item::Column::OrderId.is_in(["a", "b"])));
        check(shipping_method::Entity::find());
    }

    /// `find` selects what `E::find()` selects, on first use and from the cache.
    #[test]
    fn find_is_the_default_select() {
        for _ in 0..2 {
            let found = super::find::<order::Entity>(DbBackend::Postgres)
                .filter(order::Column::Id.eq("order_1"))
                .into_query();
            let expected = order::Entity::find().filter(order::Column::Id.eq("order_1"));
            let expected = expected.into_query().to_string(PostgresQueryBuilder);
            assert_eq!(found.to_string(PostgresQueryBuilder), expected);
        }
        let sqlite = super::find::<order::Entity>(DbBackend::Sqlite).into_query();
        assert_eq!(sqlite, order::Entity::find().into_query());
    }

    /// SQLite statements are left as built.
    #[test]
    fn other_backends_are_left_alone() {
        let select = order::Entity::find().into_query();
        let mut left = select.clone();
        own_columns::<order::Entity>(&mut left, DbBackend::Sqlite);
        assert_eq!(left, select);
    }
}
