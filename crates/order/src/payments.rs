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

/// The payment's columns, Medusa's `defaultPaymentFields` first (every column but the
/// timestamps other than `captured_at`/`canceled_at`, and the idempotency key).
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
    "metadata",
    "created_at",
    "updated_at",
    "idempotency_key",
];

/// How many of [`PAYMENT_COLUMNS`] are default fields.
const PAYMENT_DEFAULT_FIELD_COUNT: usize = 12;

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
    default_fields: PAYMENT_COLUMNS.split_at(PAYMENT_DEFAULT_FIELD_COUNT).0,
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

/// The payment's `relation` row of key `key`, shown as Medusa shows it.
async fn related<C: medusa_load::Connection>(
    reader: &mut Reader<'_, C>,
    relation: &str,
    key: Option<&str>,
) -> Result<Option<Value>> {
    let Some(key) = key else {
        return Ok(None);
    };
    let keys = Some(key.to_owned());
    let row = match relation {
        "order" => by_key(reader, order::Entity::find(), order::Column::Id, keys)
            .await?
            .remove(key)
            .map(|row| to_map(&row)),
        "cart" => by_key(reader, cart::Entity::find(), cart::Column::Id, keys)
            .await?
            .remove(key)
            .map(|row| to_map(&row)),
        "swap" => by_key(reader, swap::Entity::find(), swap::Column::Id, keys)
            .await?
            .remove(key)
            .map(|row| to_map(&row)),
        "currency" => by_key(
            reader,
            currency::Entity::find(),
            currency::Column::Code,
            keys,
        )
        .await?
        .remove(key)
        .map(|row| to_map(&row)),
        _ => None,
    };
    // Orders and carts carry their `object`; swaps and currencies do not.
    let object = matches!(relation, "order" | "cart").then_some(relation);
    Ok(row.transpose()?.map(|row| with_object(object, row)))
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
        let relations = [
            ("order", row.order_id.as_deref()),
            ("cart", row.cart_id.as_deref()),
            ("swap", row.swap_id.as_deref()),
            ("currency", Some(row.currency_code.as_str())),
        ];
        for (relation, key) in relations {
            if selection.has_relation(relation) {
                let shown = related(&mut reader, relation, key).await?;
                json.insert(relation.into(), shown.unwrap_or(Value::Null));
            }
        }
        Ok(Value::Object(json))
    }
}
