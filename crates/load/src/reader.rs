//! Where the statements of one read run: [`Reader`].

use medusa_core::positional::FromColumns;
use medusa_core::{Error, Result};
use sea_orm::sea_query::{Alias, Expr, PostgresQueryBuilder, Query, SelectStatement};
use sea_orm::sqlx::pool::PoolConnection;
use sea_orm::sqlx::postgres::{PgRow, Postgres};
use sea_orm::sqlx::Row;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, EntityTrait, QueryResult,
};
use sea_query_binder::SqlxBinder;

/// Where the statements of one read (a page and its relations) run. On PostgreSQL: one
/// pooled connection, held until the read is done, because sqlx tests every connection
/// returned to its pool with a round trip; lending one per statement doubled the round trips
/// of a page. Elsewhere (SQLite, or a connection inside a transaction): the sea-orm
/// connection itself.
///
/// While a reader is alive, every statement of the read goes through it: a statement sent to
/// the connection beside it would wait for a second pooled connection.
pub struct Reader<'c, C> {
    conn: &'c C,
    held: Option<PoolConnection<Postgres>>,
}

impl<'c, C: Connection> Reader<'c, C> {
    pub async fn new(conn: &'c C) -> Result<Self> {
        let held = match conn.pg_pool() {
            Some(pool) => Some(pool.acquire().await.map_err(query_failed)?),
            None => None,
        };
        Ok(Self { conn, held })
    }

    /// The connection the reader was made from (to build statements for its backend).
    pub fn conn(&self) -> &'c C {
        self.conn
    }

    pub fn backend(&self) -> DbBackend {
        self.conn.get_database_backend()
    }

    /// The held PostgreSQL connection, for a caller that reads the wire rows itself.
    pub fn held(&mut self) -> Option<&mut PoolConnection<Postgres>> {
        self.held.as_mut()
    }

    /// The rows `select` selects, as sea-orm query results.
    pub async fn results(&mut self, select: &SelectStatement) -> Result<Vec<QueryResult>> {
        match self.held.as_mut() {
            Some(connection) => Ok(pg_rows(connection, select)
                .await?
                .into_iter()
                .map(QueryResult::from)
                .collect()),
            None => {
                let backend = self.conn.get_database_backend();
                Ok(self.conn.query_all(backend.build(select)).await?)
            }
        }
    }

    /// The rows `select` selects from `E`'s table (its columns first, in their order), as
    /// models.
    pub async fn models<E>(&mut self, select: &SelectStatement) -> Result<Vec<E::Model>>
    where
        E: EntityTrait,
        E::Model: FromColumns,
    {
        let results = self.results(select).await?;
        let mut models = Vec::with_capacity(results.len());
        for result in &results {
            models.push(E::Model::from_columns(result, 0)?);
        }
        Ok(models)
    }

    /// How many rows `table` holds, when `every` selects all of them: the count PostgreSQL
    /// keeps for a counted table ([`crate::row_count`]), else `every`'s rows counted.
    pub async fn rows_in(&mut self, table: &str, every: SelectStatement) -> Result<u64> {
        if let Some(connection) = self.held.as_mut() {
            if let Some(count) = crate::row_count::kept(connection, table).await? {
                return Ok(count);
            }
        }
        self.count(every).await
    }

    /// How many rows `select` selects.
    pub async fn count(&mut self, select: SelectStatement) -> Result<u64> {
        let count = Query::select()
            .expr_as(Expr::cust("COUNT(*)"), Alias::new("num_items"))
            .from_subquery(select, Alias::new("sub"))
            .to_owned();
        let number: i64 = match self.held.as_mut() {
            Some(connection) => match pg_rows(connection, &count).await?.first() {
                Some(row) => row.try_get(0).map_err(query_failed)?,
                None => 0,
            },
            None => {
                let backend = self.conn.get_database_backend();
                let row = self.conn.query_one(backend.build(&count)).await?;
                match row {
                    Some(row) => row.try_get("", "num_items")?,
                    None => 0,
                }
            }
        };
        u64::try_from(number)
            .map_err(|err| Error::UnexpectedState(format!("a row could not be read: {err}")))
    }
}

/// Runs `select` on a held PostgreSQL connection.
pub async fn pg_rows(
    connection: &mut PoolConnection<Postgres>,
    select: &SelectStatement,
) -> Result<Vec<PgRow>> {
    let (sql, values) = select.build_sqlx(PostgresQueryBuilder);
    sea_orm::sqlx::query_with(&sql, values)
        .fetch_all(&mut **connection)
        .await
        .map_err(query_failed)
}

/// A sqlx error as the database error sea-orm would have reported.
pub fn query_failed(err: sea_orm::sqlx::Error) -> Error {
    Error::from(sea_orm::DbErr::Query(sea_orm::RuntimeErr::SqlxError(err)))
}

/// Connections whose PostgreSQL pool can be read without sea-orm, so that a [`Reader`] can
/// hold one of its connections: a `DatabaseConnection` on PostgreSQL; a transaction is read
/// through sea-orm.
pub trait AsPgPool {
    fn pg_pool(&self) -> Option<&sea_orm::sqlx::PgPool>;
}

impl AsPgPool for DatabaseConnection {
    fn pg_pool(&self) -> Option<&sea_orm::sqlx::PgPool> {
        match self {
            DatabaseConnection::SqlxPostgresPoolConnection(_) => {
                Some(self.get_postgres_connection_pool())
            }
            _ => None,
        }
    }
}

impl AsPgPool for DatabaseTransaction {
    fn pg_pool(&self) -> Option<&sea_orm::sqlx::PgPool> {
        None
    }
}

/// A connection relations can be loaded from: the database, or a transaction.
pub trait Connection: ConnectionTrait + AsPgPool {}

impl<C: ConnectionTrait + AsPgPool> Connection for C {}
