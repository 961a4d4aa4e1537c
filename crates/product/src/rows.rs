//! Reading a level of the product read model: rows of one entity, held as the JSON of their
//! fields ([`RowBytes`]).
//!
//! On PostgreSQL the rows are read with sqlx directly and each column is written as JSON
//! straight from the wire value, as the entity's `Model` would serialize it: no `Model`, no
//! `String` per field, no lookup of each column by name (sea-orm's row decoding was the
//! largest cost of a product page). Elsewhere (SQLite, or a connection inside a transaction)
//! the rows go through the entity's `Model`, read by position (`FromColumns`).
//! `tests::raw_rows_match_models` holds the two to the same bytes for every entity the read
//! model loads.

use medusa_core::positional::FromColumns;
use medusa_core::{Error, Result};
use medusa_load::{pg_rows, Connection, Reader};
use sea_orm::sea_query::SelectStatement;
use sea_orm::sqlx::postgres::{PgRow, PgValueFormat, PgValueRef, Postgres};
use sea_orm::sqlx::{Column, Decode, Row, TypeInfo, ValueRef};
use sea_orm::{ConnectionTrait, EntityTrait, IdenStatic, Iterable};
use serde::Serialize;

use crate::view::{write_key, RowBytes};

/// A level's rows, and for each row the JSON of its `owner` column when one was asked for.
pub(crate) struct Fetched {
    pub rows: RowBytes,
    pub count: usize,
    pub owners: Vec<Vec<u8>>,
}

/// Reading a level's rows as [`RowBytes`]: the product read model's own way of using the
/// shared [`Reader`], straight from the wire on a held PostgreSQL connection.
pub(crate) trait FetchRows {
    /// Reads the rows `select` selects from `E`'s table; `owner` names an extra selected
    /// column (a link's owner id) returned beside the rows instead of as one of their fields.
    async fn fetch<E>(&mut self, select: &SelectStatement, owner: Option<&str>) -> Result<Fetched>
    where
        E: EntityTrait,
        E::Model: Serialize + FromColumns;
}

impl<C: Connection> FetchRows for Reader<'_, C> {
    async fn fetch<E>(&mut self, select: &SelectStatement, owner: Option<&str>) -> Result<Fetched>
    where
        E: EntityTrait,
        E::Model: Serialize + FromColumns,
    {
        let conn = self.conn();
        match self.held() {
            Some(connection) => raw_rows::<E>(&pg_rows(connection, select).await?, owner),
            None => model_rows::<E, C>(conn, select, owner).await,
        }
    }
}

async fn model_rows<E, C>(
    conn: &C,
    select: &SelectStatement,
    owner: Option<&str>,
) -> Result<Fetched>
where
    E: EntityTrait,
    E::Model: Serialize + FromColumns,
    C: ConnectionTrait,
{
    let results = conn
        .query_all(conn.get_database_backend().build(select))
        .await?;
    let mut models = Vec::with_capacity(results.len());
    let mut owners = Vec::new();
    for result in &results {
        models.push(E::Model::from_columns(result, 0)?);
        if let Some(owner) = owner {
            let id: String = result.try_get("", owner)?;
            let mut json = Vec::with_capacity(id.len() + 2);
            write_key(&mut json, &id);
            owners.push(json);
        }
    }
    Ok(Fetched {
        rows: RowBytes::of(&models).map_err(unreadable)?,
        count: models.len(),
        owners,
    })
}

fn unreadable(err: impl std::fmt::Display) -> Error {
    Error::UnexpectedState(format!("a row could not be read: {err}"))
}

/// How one column is written.
#[derive(Clone, Copy)]
enum Encoding {
    Text,
    Int,
    Bool,
    Timestamp,
    Json,
    Real,
}

fn encoding_of(type_name: &str) -> Option<Encoding> {
    Some(match type_name {
        "TEXT" | "VARCHAR" | "BPCHAR" | "NAME" => Encoding::Text,
        "INT2" | "INT4" | "INT8" => Encoding::Int,
        "BOOL" => Encoding::Bool,
        "TIMESTAMPTZ" => Encoding::Timestamp,
        "JSON" | "JSONB" => Encoding::Json,
        "FLOAT4" => Encoding::Real,
        _ => return None,
    })
}

fn raw_rows<E>(rows: &[PgRow], owner: Option<&str>) -> Result<Fetched>
where
    E: EntityTrait,
{
    let mut bytes = RowBytes::with_capacity(rows.len());
    // Every row has every selected column.
    bytes.set_uniform();
    let mut owners = Vec::with_capacity(if owner.is_some() { rows.len() } else { 0 });
    let Some(first) = rows.first() else {
        return Ok(Fetched {
            rows: bytes,
            count: 0,
            owners,
        });
    };
    // Each selected column: its field name (the entity's own `'static` name) and encoding,
    // worked out once from the first row; `None` for the owner column.
    let mut columns: Vec<Option<(&'static str, Encoding)>> = Vec::new();
    let mut owner_at = None;
    for (index, column) in first.columns().iter().enumerate() {
        if owner == Some(column.name()) {
            owner_at = Some(index);
            columns.push(None);
            continue;
        }
        if !E::Column::iter().any(|c| c.as_str() == column.name()) {
            return Err(unreadable(format!(
                "column {} is not a field",
                column.name()
            )));
        }
        let name = field_name(column.name());
        let encoding = encoding_of(column.type_info().name()).ok_or_else(|| {
            unreadable(format!(
                "column {} has type {}",
                column.name(),
                column.type_info().name()
            ))
        })?;
        columns.push(Some((name, encoding)));
    }
    for row in rows {
        for (index, column) in columns.iter().enumerate() {
            let value = row.try_get_raw(index).map_err(unreadable)?;
            match column {
                Some((name, encoding)) => {
                    let start = bytes.start_field();
                    write_value(bytes.buf(), *encoding, value)?;
                    bytes.end_field(name, start);
                }
                None if owner_at == Some(index) => {
                    let mut json = Vec::new();
                    write_value(&mut json, Encoding::Text, value)?;
                    owners.push(json);
                }
                None => {}
            }
        }
        bytes.end_row();
    }
    Ok(Fetched {
        rows: bytes,
        count: rows.len(),
        owners,
    })
}

/// The field name of a column, as the `&'static str` [`RowBytes`] keys by: interned once per
/// distinct column name (a fixed set: the read model's tables' columns).
fn field_name(column: &str) -> &'static str {
    static NAMES: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut names = NAMES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(name) = names.iter().find(|name| **name == column) {
        return name;
    }
    let name: &'static str = Box::leak(column.to_owned().into_boxed_str());
    names.push(name);
    name
}

fn decode<'r, T: Decode<'r, Postgres>>(value: PgValueRef<'r>) -> Result<T> {
    T::decode(value).map_err(unreadable)
}

fn write_json<T: Serialize>(out: &mut Vec<u8>, value: &T) -> Result<()> {
    serde_json::to_writer(out, value).map_err(unreadable)
}

/// 2000-01-01T00:00:00Z in milliseconds since 1970-01-01.
const POSTGRES_EPOCH_MILLIS: i64 = 946_684_800_000;

/// A binary `timestamptz` value's microseconds; `None` for the text format or ±infinity.
fn binary_micros(value: &PgValueRef<'_>) -> Option<i64> {
    if value.format() != PgValueFormat::Binary {
        return None;
    }
    let bytes: [u8; 8] = value.as_bytes().ok()?.try_into().ok()?;
    Some(i64::from_be_bytes(bytes)).filter(|micros| *micros != i64::MAX && *micros != i64::MIN)
}

/// A timestamp as the entities serialize theirs.
struct Instant(medusa_core::time::Timestamp);

impl Serialize for Instant {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        medusa_core::time::serialize(&self.0, s)
    }
}

/// Writes one value as serde_json writes the `Model` field holding it.
fn write_value(out: &mut Vec<u8>, encoding: Encoding, value: PgValueRef<'_>) -> Result<()> {
    if value.is_null() {
        out.extend_from_slice(b"null");
        return Ok(());
    }
    match encoding {
        Encoding::Text => write_key(out, decode::<&str>(value)?),
        Encoding::Int => {
            let number: i64 = match value.type_info().name() {
                "INT2" => decode::<i16>(value)?.into(),
                "INT4" => decode::<i32>(value)?.into(),
                _ => decode::<i64>(value)?,
            };
            write_json(out, &number)?;
        }
        Encoding::Bool => out.extend_from_slice(if decode::<bool>(value)? {
            b"true"
        } else {
            b"false"
        }),
        Encoding::Timestamp => match binary_micros(&value) {
            // PostgreSQL's binary timestamp: microseconds since 2000-01-01 UTC.
            Some(micros) => medusa_core::time::write_json_millis(
                micros.div_euclid(1_000) + POSTGRES_EPOCH_MILLIS,
                out,
            ),
            None => {
                let instant = decode::<chrono::DateTime<chrono::Utc>>(value)?;
                write_json(out, &Instant(instant.fixed_offset()))?;
            }
        },
        Encoding::Json => {
            let document = decode::<sea_orm::sqlx::types::Json<serde_json::Value>>(value)?;
            write_json(out, &document.0)?;
        }
        Encoding::Real => write_json(out, &medusa_core::number::js_number(decode::<f32>(value)?))?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use medusa_entity::{
        image, money_amount, product, product_category, product_collection, product_images,
        product_option, product_option_value, product_tag, product_type, product_variant,
        sales_channel, shipping_profile,
    };
    use medusa_load::AsPgPool;
    use sea_orm::sea_query::{Alias, Expr};
    use sea_orm::{ConnectionTrait, DatabaseConnection, QueryTrait};

    /// Every field of every row, as (name, JSON) pairs.
    fn fields(fetched: &Fetched) -> Vec<Vec<(&'static str, String)>> {
        (0..fetched.count)
            .map(|row| {
                fetched
                    .rows
                    .row(row)
                    .map(|(key, json)| (key, String::from_utf8_lossy(json).into_owned()))
                    .collect()
            })
            .collect()
    }

    async fn same_both_ways<E>(
        db: &DatabaseConnection,
        select: &SelectStatement,
        owner: Option<&str>,
    ) where
        E: EntityTrait,
        E::Model: Serialize + FromColumns,
    {
        let raw = Reader::new(db)
            .await
            .unwrap()
            .fetch::<E>(select, owner)
            .await
            .unwrap();
        let models = model_rows::<E, _>(db, select, owner).await.unwrap();
        assert!(
            raw.count > 0,
            "{}: no rows to compare",
            E::default().table_name()
        );
        assert_eq!(
            fields(&raw),
            fields(&models),
            "{}",
            E::default().table_name()
        );
        assert_eq!(raw.owners, models.owners, "{}", E::default().table_name());
    }

    const ROWS: &str = r#"
        INSERT INTO product_type (id, value, metadata) VALUES ('ptyp_1', 'Type "one"', '{"b": [1, 2.5, null], "a": {"z": true}}');
        INSERT INTO product_collection (id, title, handle, deleted_at) VALUES ('pcol_1', 'Ünïcode ✓', NULL, '2024-02-29 23:59:59.9999+05:45');
        INSERT INTO product (id, title, subtitle, description, handle, is_giftcard, weight, status, type_id, collection_id, metadata, created_at)
            VALUES ('prod_1', E'Tab\there\nnew "line" \\ back', NULL, E'\u0001 control', 'prod-1', true, 300, 'published', 'ptyp_1', 'pcol_1', '{"k": "v"}', '1999-12-31 23:59:59.123456+00');
        INSERT INTO product (id, title, status) VALUES ('prod_2', '', 'draft');
        INSERT INTO product_variant (id, title, product_id, sku, inventory_quantity, allow_backorder, weight, variant_rank, metadata)
            VALUES ('variant_1', 'S', 'prod_1', 'SKU-1', -5, false, NULL, 0, 'null'), ('variant_2', 'M', 'prod_1', NULL, 2147483647, true, 12, NULL, NULL);
        INSERT INTO product_option (id, title, product_id) VALUES ('opt_1', 'Size', 'prod_1');
        INSERT INTO product_option_value (id, value, option_id, variant_id, metadata) VALUES ('optval_1', 'S', 'opt_1', 'variant_1', '[]'), ('optval_2', 'M', 'opt_1', 'variant_2', '{}');
        INSERT INTO money_amount (id, currency_code, amount, region_id, min_quantity, max_quantity) VALUES ('ma_1', 'usd', 1000, NULL, 5, NULL), ('ma_2', 'eur', -1, NULL, NULL, 10);
        INSERT INTO image (id, url) VALUES ('img_1', 'https://x.test/a.png?b=1&c="d"');
        INSERT INTO product_images (product_id, image_id) VALUES ('prod_1', 'img_1');
        INSERT INTO product_tag (id, value) VALUES ('ptag_1', 'tag');
        INSERT INTO shipping_profile (id, name, type) VALUES ('sp_1', 'Default', 'default');
        INSERT INTO sales_channel (id, name, description, is_disabled) VALUES ('sc_1', 'Web', NULL, false);
        INSERT INTO product_category (id, name, handle, mpath, is_active, is_internal, rank, metadata) VALUES ('pcat_1', 'Cat', 'cat', 'pcat_1', true, false, 3, '{"n": 1e3}');
    "#;

    /// The raw reader writes every field exactly as the entity's `Model` serializes it: the
    /// same keys, in the same order, with the same bytes, for every table the product read
    /// model loads, nulls, escapes, JSON documents and timestamps included.
    #[tokio::test]
    async fn raw_rows_match_models() {
        // PostgreSQL only: the raw reader is PostgreSQL's (elsewhere reads go through models).
        let test = medusa_test_support::TestDb::postgres().await;
        let db = &test.db;
        db.execute_unprepared(ROWS).await.unwrap();
        assert!(db.pg_pool().is_some());

        macro_rules! same {
            ($($entity:ident),* $(,)?) => {
                $(same_both_ways::<$entity::Entity>(db, &$entity::Entity::find().into_query(), None).await;)*
            };
        }
        same!(
            product,
            product_variant,
            product_option,
            product_option_value,
            money_amount,
            image,
            product_tag,
            product_type,
            product_collection,
            shipping_profile,
            sales_channel,
            product_category,
        );
        // With a link's owner selected beside the fields.
        let mut joined = image::Entity::find().into_query();
        joined
            .expr_as(
                Expr::col((product_images::Entity, product_images::Column::ProductId)),
                Alias::new("owner__"),
            )
            .inner_join(
                product_images::Entity,
                Expr::col((product_images::Entity, product_images::Column::ImageId))
                    .equals((image::Entity, image::Column::Id)),
            );
        same_both_ways::<image::Entity>(db, &joined, Some("owner__")).await;
    }
}
