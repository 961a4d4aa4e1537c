//! Select-in loading by a set of keys.

use sea_orm::sea_query::extension::postgres::PgFunc;
use sea_orm::sea_query::{ArrayType, Expr, SimpleExpr};
use sea_orm::{DbBackend, Value};

/// `column` is one of `keys`.
///
/// PostgreSQL gets `column = ANY($1)` with the keys as one array parameter: the statement's
/// text, and so the plan PostgreSQL caches for the prepared statement, stay the same whatever
/// the number of keys, and no per-key parameter is bound or planned. SQLite, which has no
/// arrays, gets `column IN ($1, …)`.
///
/// The array goes in byte order without repeats: PostgreSQL sorts an index scan's array keys
/// before it descends, and keys that arrive sorted cost that sort one pass (under a bytewise
/// collation such as `C.UTF-8`; under another the sort is only as costly as before).
pub fn key_in(column: impl Into<SimpleExpr>, keys: Vec<String>, backend: DbBackend) -> SimpleExpr {
    let column = Expr::expr(column.into());
    match backend {
        DbBackend::Postgres => {
            let mut keys = keys;
            keys.sort_unstable();
            keys.dedup();
            let keys = keys.into_iter().map(Value::from).collect();
            column.eq(PgFunc::any(Expr::val(Value::Array(
                ArrayType::String,
                Some(Box::new(keys)),
            ))))
        }
        DbBackend::Sqlite | DbBackend::MySql => column.is_in(keys),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::sea_query::{Alias, PostgresQueryBuilder, Query, SqliteQueryBuilder};

    fn select(backend: DbBackend) -> (String, sea_orm::sea_query::Values) {
        let condition = key_in(
            Expr::col((Alias::new("t"), Alias::new("id"))),
            vec!["a".to_owned(), "b".to_owned()],
            backend,
        );
        let mut query = Query::select();
        query
            .column(Alias::new("id"))
            .from(Alias::new("t"))
            .and_where(condition);
        match backend {
            DbBackend::Postgres => query.build(PostgresQueryBuilder),
            DbBackend::Sqlite | DbBackend::MySql => query.build(SqliteQueryBuilder),
        }
    }

    #[test]
    fn postgres_binds_one_array() {
        let (sql, values) = select(DbBackend::Postgres);
        assert_eq!(sql, r#"SELECT "id" FROM "t" WHERE "t"."id" = ANY($1)"#);
        assert_eq!(values.0.len(), 1);
    }

    #[test]
    fn postgres_array_is_sorted_without_repeats() {
        let condition = key_in(
            Expr::col(Alias::new("id")),
            ["b", "a", "B", "b"].map(str::to_owned).to_vec(),
            DbBackend::Postgres,
        );
        let (_, values) = Query::select()
            .column(Alias::new("id"))
            .from(Alias::new("t"))
            .and_where(condition)
            .build(PostgresQueryBuilder);
        let expected: Vec<Value> = ["B", "a", "b"].map(Value::from).to_vec();
        assert_eq!(
            values.0,
            vec![Value::Array(ArrayType::String, Some(Box::new(expected)))]
        );
    }

    #[test]
    fn sqlite_binds_each_key() {
        let (sql, values) = select(DbBackend::Sqlite);
        assert_eq!(sql, r#"SELECT "id" FROM "t" WHERE "t"."id" IN (?, ?)"#);
        assert_eq!(values.0.len(), 2);
    }
}
