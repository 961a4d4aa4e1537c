//! Reading drafts: one with its cart and the cart's totals (`GET /admin/draft-orders/{id}`
//! and every write's answer), a page with their carts' items and adjustments.

use medusa_cart::rows::{attach_includes_tax, items_of_carts};
use medusa_cart::view::cart_json;
use medusa_core::{Error, ListPage, Result};
use medusa_entity::{cart, draft_order, order};
use medusa_load::{by_key, Connection, Reader};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait,
};
use serde::Serialize;
use serde_json::{Map, Value};

/// The draft fields Medusa's routes select.
const FIELDS: &[&str] = &[
    "id",
    "created_at",
    "updated_at",
    "status",
    "display_id",
    "cart_id",
    "order_id",
    "canceled_at",
    "no_notification_order",
    "metadata",
];

fn selected<T: Serialize>(row: &T) -> Map<String, Value> {
    let mut all = match serde_json::to_value(row) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let mut out = Map::new();
    for name in FIELDS {
        if let Some(value) = all.remove(*name) {
            out.insert((*name).to_owned(), value);
        }
    }
    out
}

/// The draft's order row, with the `object` Medusa's order entity carries.
fn order_value(row: &order::Model) -> Value {
    let mut shown = Map::new();
    shown.insert("object".into(), Value::String("order".into()));
    if let Value::Object(map) = value(row) {
        shown.extend(map);
    }
    Value::Object(shown)
}

fn value<T: Serialize>(row: &T) -> Value {
    serde_json::to_value(row).unwrap_or(Value::Null)
}

/// The draft's row (locked for the transaction with `lock`, on PostgreSQL), or Medusa's 404.
pub async fn draft_row<C: ConnectionTrait>(
    conn: &C,
    id: &str,
    lock: bool,
) -> Result<draft_order::Model> {
    let mut select = draft_order::Entity::find_by_id(id);
    if lock && conn.get_database_backend() == sea_orm::DbBackend::Postgres {
        select = select.lock_exclusive();
    }
    select
        .one(conn)
        .await?
        .ok_or_else(|| Error::not_found(format!("Draft order with {id} was not found")))
}

/// One draft as its routes answer it: its fields, its order, its cart with totals.
pub async fn draft_json<C: Connection>(conn: &C, id: &str, tax_inclusive: bool) -> Result<Value> {
    let draft = draft_row(conn, id, false).await?;
    let mut json = selected(&draft);
    let cart = match &draft.cart_id {
        Some(cart_id) => cart_json(conn, cart_id, tax_inclusive).await?,
        None => Value::Null,
    };
    json.insert("cart".into(), cart);
    let order = match &draft.order_id {
        Some(order_id) => order::Entity::find_by_id(order_id.as_str())
            .one(conn)
            .await?
            .map(|o| order_value(&o))
            .unwrap_or(Value::Null),
        None => Value::Null,
    };
    json.insert("order".into(), order);
    Ok(Value::Object(json))
}

/// `GET /admin/draft-orders`: `q` (the cart's e-mail or the display id), `limit` (50),
/// `offset`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftListQuery {
    pub q: Option<String>,
    pub limit: u64,
    pub offset: u64,
}

impl DraftListQuery {
    pub fn parse(query_string: &str) -> Result<Self> {
        let raw = medusa_query_dsl::parse(query_string)?;
        let number = |name: &str, default: u64| -> Result<u64> {
            match raw.text(name) {
                None => Ok(default),
                Some(text) => text.parse::<u64>().map_err(|_| {
                    Error::invalid_data(format!(
                        "{name} must be a number conforming to the specified constraints"
                    ))
                }),
            }
        };
        Ok(Self {
            q: raw.text("q").map(str::to_owned).filter(|q| !q.is_empty()),
            limit: number("limit", 50)?,
            offset: number("offset", 0)?,
        })
    }
}

/// A page of drafts, newest first, each with its order and its cart's items and adjustments.
pub async fn list_drafts<C: Connection>(
    conn: &C,
    query: &DraftListQuery,
    tax_inclusive: bool,
) -> Result<ListPage<Value>> {
    let mut select = draft_order::Entity::find();
    if let Some(q) = &query.q {
        let pattern = format!("%{}%", q.to_lowercase());
        let carts = cart::Entity::find()
            .select_only()
            .column(cart::Column::Id)
            .filter(Expr::expr(Func::lower(Expr::col(cart::Column::Email))).like(pattern))
            .into_query();
        let mut matches = draft_order::Column::CartId.in_subquery(carts);
        if let Ok(display_id) = q.parse::<i32>() {
            matches = matches.or(draft_order::Column::DisplayId.eq(display_id));
        }
        select = select.filter(matches);
    }
    let count = select.clone().count(conn).await?;
    let drafts = select
        .order_by_desc(draft_order::Column::CreatedAt)
        .order_by_desc(draft_order::Column::Id)
        .offset(query.offset)
        .limit(query.limit)
        .all(conn)
        .await?;
    let cart_ids: Vec<String> = drafts.iter().filter_map(|d| d.cart_id.clone()).collect();
    let mut reader = Reader::new(conn).await?;
    let carts = by_key(
        &mut reader,
        cart::Entity::find(),
        cart::Column::Id,
        cart_ids.iter().cloned(),
    )
    .await?;
    let orders = by_key(
        &mut reader,
        order::Entity::find(),
        order::Column::Id,
        drafts.iter().filter_map(|d| d.order_id.clone()),
    )
    .await?;
    let mut items = items_of_carts(&mut reader, &cart_ids, tax_inclusive).await?;
    drop(reader);
    for group in &mut items {
        attach_includes_tax(conn, group).await?;
    }
    let items_by_cart: std::collections::HashMap<&str, &Vec<medusa_cart::rows::ItemRows>> =
        cart_ids
            .iter()
            .map(String::as_str)
            .zip(items.iter())
            .collect();
    let mut out = Vec::with_capacity(drafts.len());
    for draft in &drafts {
        let mut json = selected(draft);
        let cart = draft
            .cart_id
            .as_ref()
            .and_then(|id| carts.get(id))
            .map(|c| {
                let mut shown = Map::new();
                shown.insert("object".into(), Value::String("cart".into()));
                if let Value::Object(map) = value(c) {
                    shown.extend(map);
                }
                let lines = items_by_cart
                    .get(c.id.as_str())
                    .map(|rows| {
                        rows.iter()
                            .map(|row| {
                                let mut item = match value(&row.item) {
                                    Value::Object(map) => map,
                                    _ => Map::new(),
                                };
                                let adjustments = row
                                    .adjustments
                                    .iter()
                                    .map(|a| {
                                        let mut m = match value(a) {
                                            Value::Object(map) => map,
                                            _ => Map::new(),
                                        };
                                        let amount: f64 =
                                            a.amount.to_string().parse().unwrap_or(0.0);
                                        m.insert("amount".into(), js_number(amount));
                                        Value::Object(m)
                                    })
                                    .collect();
                                item.insert("adjustments".into(), Value::Array(adjustments));
                                Value::Object(item)
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                shown.insert("items".into(), Value::Array(lines));
                Value::Object(shown)
            });
        json.insert("cart".into(), cart.unwrap_or(Value::Null));
        json.insert(
            "order".into(),
            draft
                .order_id
                .as_ref()
                .and_then(|id| orders.get(id))
                .map(order_value)
                .unwrap_or(Value::Null),
        );
        out.push(Value::Object(json));
    }
    Ok(ListPage {
        key: "draft_orders",
        items: out,
        count,
        offset: query.offset,
        limit: query.limit,
    })
}

fn js_number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
        #[allow(clippy::cast_possible_truncation)]
        Value::from(value as i64)
    } else {
        serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number)
    }
}
