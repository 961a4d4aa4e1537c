//! `GET /admin/payments/{id}`: one payment, Medusa's default fields, its `order`, `cart`,
//! `swap` or `currency` when `expand` names them.

use async_trait::async_trait;
use medusa_core::{Error, Result};
use medusa_entity::{cart, currency, order, payment, swap};
use medusa_load::{by_key, Reader};
use medusa_query_dsl::{RelationSpec, ResourceSpec, Selection};
use sea_orm::{DatabaseConnection, EntityTrait};
use serde_json::{Map, Value};

use crate::json::to_map;

const PAYMENT_COLUMNS: &[&str] = &[
    "id",
    "swap_id",
    "cart_id",
    "order_id",
    "amount",
    "currency_code",
    "amount_refunded",
    "provider_id",
    "data",
    "captured_at",
    "canceled_at",
    "created_at",
    "updated_at",
    "metadata",
    "idempotency_key",
];

/// `GET /admin/payments/{id}`: Medusa's `defaultPaymentFields` (no timestamps but
/// `captured_at`/`canceled_at`), no default relation.
pub static PAYMENT_RETRIEVE: ResourceSpec = ResourceSpec {
    expandable: true,
    relations: &[
        RelationSpec::new("order"),
        RelationSpec::new("cart"),
        RelationSpec::new("swap"),
        RelationSpec::new("currency"),
    ],
    selectable: PAYMENT_COLUMNS,
    default_fields: &[
        "id",
        "swap_id",
        "cart_id",
        "order_id",
        "amount",
        "currency_code",
        "amount_refunded",
        "provider_id",
        "data",
        "captured_at",
        "canceled_at",
        "metadata",
    ],
    ..ResourceSpec::new("payment", "payment")
};

/// Plans `GET /admin/payments/{id}`.
pub fn plan_payment_retrieve(query_string: &str) -> Result<Selection> {
    let raw = medusa_query_dsl::parse(query_string)?;
    Ok(medusa_query_dsl::plan_retrieve(&PAYMENT_RETRIEVE, &raw)?)
}

/// Reading payments.
#[async_trait]
pub trait PaymentService: Send + Sync {
    /// One payment, trimmed to `selection`, with its selected relations.
    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<Value>;
}

/// [`PaymentService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaPaymentService {
    db: DatabaseConnection,
}

impl SeaPaymentService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

/// A row shown with Medusa's `object` first (orders and carts carry one).
fn with_object(object: Option<&str>, row: Map<String, Value>) -> Value {
    let mut json = Map::new();
    if let Some(object) = object {
        json.insert("object".into(), Value::String(object.into()));
    }
    json.extend(row);
    Value::Object(json)
}

#[async_trait]
impl PaymentService for SeaPaymentService {
    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<Value> {
        let row = payment::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or_else(|| Error::not_found(format!("Payment with id {id} was not found")))?;
        let mut json = to_map(&row)?;
        json.retain(|key, _| selection.has_field(key));
        let mut reader = Reader::new(&self.db).await?;
        if selection.has_relation("order") {
            let keys = row.order_id.clone();
            let found = by_key(&mut reader, order::Entity::find(), order::Column::Id, keys).await?;
            let shown = row.order_id.as_ref().and_then(|k| found.get(k));
            let value = shown.map(|o| to_map(o).map(|m| with_object(Some("order"), m)));
            json.insert("order".into(), value.transpose()?.unwrap_or(Value::Null));
        }
        if selection.has_relation("cart") {
            let keys = row.cart_id.clone();
            let found = by_key(&mut reader, cart::Entity::find(), cart::Column::Id, keys).await?;
            let shown = row.cart_id.as_ref().and_then(|k| found.get(k));
            let value = shown.map(|c| to_map(c).map(|m| with_object(Some("cart"), m)));
            json.insert("cart".into(), value.transpose()?.unwrap_or(Value::Null));
        }
        if selection.has_relation("swap") {
            let keys = row.swap_id.clone();
            let found = by_key(&mut reader, swap::Entity::find(), swap::Column::Id, keys).await?;
            let shown = row.swap_id.as_ref().and_then(|k| found.get(k));
            let value = shown.map(|s| to_map(s).map(|m| with_object(None, m)));
            json.insert("swap".into(), value.transpose()?.unwrap_or(Value::Null));
        }
        if selection.has_relation("currency") {
            let keys = Some(row.currency_code.clone());
            let select = currency::Entity::find();
            let found = by_key(&mut reader, select, currency::Column::Code, keys).await?;
            let shown = found.get(&row.currency_code);
            let value = shown.map(|c| to_map(c).map(|m| with_object(None, m)));
            json.insert("currency".into(), value.transpose()?.unwrap_or(Value::Null));
        }
        Ok(Value::Object(json))
    }
}
