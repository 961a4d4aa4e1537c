//! Payment collections (`/admin/payment-collections/{id}`): the amounts an order edit asks
//! the customer to pay, with the payment sessions and payments behind them. Read with
//! Medusa's default fields and relations (`region`, `payment_sessions`, `payments`),
//! updated (description, metadata), deleted while nothing was paid, and marked authorized,
//! as Medusa 1.20's `PaymentCollectionService` does; each write records its event.

use async_trait::async_trait;
use medusa_core::new_row::stamped;
use medusa_core::{Error, Result};
use medusa_entity::sea_orm_active_enums::PaymentCollectionStatusEnum as Status;
use medusa_entity::{
    currency, payment, payment_collection, payment_collection_payments,
    payment_collection_sessions, payment_session, region,
};
use medusa_load::{by_key, through, Link, Reader};
use medusa_query_dsl::{RelationSpec, ResourceSpec, Selection};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    Set, TransactionTrait,
};
use serde_json::Value;

use crate::events::{
    PaymentCollectionAuthorized, PaymentCollectionCreated, PaymentCollectionDeleted,
    PaymentCollectionUpdated,
};
use crate::input::UpdatePaymentCollection;
use crate::json::to_map;

const COLUMNS: &[&str] = &[
    "id",
    "created_at",
    "updated_at",
    "deleted_at",
    "type",
    "status",
    "description",
    "amount",
    "authorized_amount",
    "region_id",
    "currency_code",
    "metadata",
    "created_by",
];

/// `GET /admin/payment-collections/{id}`: Medusa's `defaultPaymentCollectionFields` and
/// `defaulPaymentCollectionRelations`.
pub static PAYMENT_COLLECTION_RETRIEVE: ResourceSpec = ResourceSpec {
    expandable: true,
    relations: &[
        RelationSpec::new("region"),
        RelationSpec::new("currency"),
        RelationSpec::new("payment_sessions"),
        RelationSpec::new("payments"),
    ],
    default_relations: &["region", "payment_sessions", "payments"],
    selectable: COLUMNS,
    default_fields: &[
        "id",
        "type",
        "status",
        "description",
        "amount",
        "authorized_amount",
        "currency_code",
        "metadata",
    ],
    ..ResourceSpec::new("payment_collection", "payment_collection")
};

/// Plans `GET /admin/payment-collections/{id}`.
pub fn plan_payment_collection_retrieve(query_string: &str) -> Result<Selection> {
    let raw = medusa_query_dsl::parse(query_string)?;
    Ok(medusa_query_dsl::plan_retrieve(
        &PAYMENT_COLLECTION_RETRIEVE,
        &raw,
    )?)
}

/// A new collection of `amount` asked of the customer (`PaymentCollectionService.create`, for
/// an order edit whose total grew): not paid yet, in the order's currency and region.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPaymentCollection<'a> {
    pub amount: i64,
    pub currency_code: &'a str,
    pub region_id: &'a str,
    pub description: Option<String>,
    pub created_by: &'a str,
}

/// Creates an order edit's collection and records `payment-collection.created`.
pub async fn create_in<C: sea_orm::ConnectionTrait>(
    conn: &C,
    new: NewPaymentCollection<'_>,
) -> Result<payment_collection::Model> {
    let now = medusa_core::time::now();
    let amount = i32::try_from(new.amount)
        .map_err(|_| Error::invalid_data(format!("{} is out of range", new.amount)))?;
    let row = payment_collection::ActiveModel {
        id: Set(medusa_core::generate_id("paycol")),
        r#type: Set(medusa_entity::sea_orm_active_enums::PaymentCollectionTypeEnum::OrderEdit),
        status: Set(Status::NotPaid),
        description: Set(new.description),
        amount: Set(amount),
        authorized_amount: Set(None),
        region_id: Set(new.region_id.to_owned()),
        currency_code: Set(new.currency_code.to_owned()),
        created_by: Set(new.created_by.to_owned()),
        ..stamped(now)
    }
    .insert(conn)
    .await?;
    medusa_events::record_event(conn, &PaymentCollectionCreated(&row)).await?;
    Ok(row)
}

/// The admin's payment collection routes.
#[async_trait]
pub trait PaymentCollectionService: Send + Sync {
    /// One collection, trimmed to `selection`, with its selected relations.
    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<Value>;
    /// Updates the description and metadata; answers the collection's row.
    async fn update(&self, id: &str, input: UpdatePaymentCollection) -> Result<Value>;
    /// Deletes an unpaid or canceled collection (a missing one is no error).
    async fn delete(&self, id: &str) -> Result<()>;
    /// Marks the collection authorized for its whole amount; answers its row.
    async fn authorize(&self, id: &str) -> Result<Value>;
}

/// [`PaymentCollectionService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaPaymentCollectionService {
    db: DatabaseConnection,
}

impl SeaPaymentCollectionService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

fn not_found(id: &str) -> Error {
    Error::not_found(format!("Payment collection with id {id} was not found"))
}

async fn find<C: sea_orm::ConnectionTrait>(
    conn: &C,
    id: &str,
) -> Result<Option<payment_collection::Model>> {
    Ok(payment_collection::Entity::find_by_id(id)
        .filter(payment_collection::Column::DeletedAt.is_null())
        .one(conn)
        .await?)
}

/// Whether a collection in `status` may be deleted (Medusa: only `not_paid` and `canceled`).
pub fn may_delete(status: &Status) -> Result<()> {
    if matches!(status, Status::NotPaid | Status::Canceled) {
        return Ok(());
    }
    let shown = serde_json::to_value(status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    Err(Error::not_allowed(format!(
        "Cannot delete payment collection with status {shown}"
    )))
}

fn shown(row: &payment_collection::Model) -> Result<Value> {
    Ok(Value::Object(to_map(row)?))
}

#[async_trait]
impl PaymentCollectionService for SeaPaymentCollectionService {
    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<Value> {
        let row = find(&self.db, id).await?.ok_or_else(|| not_found(id))?;
        let mut json = to_map(&row)?;
        json.retain(|key, _| selection.has_field(key));
        let mut reader = Reader::new(&self.db).await?;
        let key = [row.id.clone()];
        if selection.has_relation("payment_sessions") {
            let link = Link::<payment_collection_sessions::Entity> {
                owner: payment_collection_sessions::Column::PaymentCollectionId,
                target: payment_collection_sessions::Column::PaymentSessionId,
            };
            let select = payment_session::Entity::find();
            let mut sessions =
                through(&mut reader, select, payment_session::Column::Id, link, &key).await?;
            let rows = sessions
                .take(0)
                .iter()
                .map(|s| to_map(s).map(Value::Object))
                .collect::<Result<Vec<_>>>()?;
            json.insert("payment_sessions".into(), Value::Array(rows));
        }
        if selection.has_relation("payments") {
            let link = Link::<payment_collection_payments::Entity> {
                owner: payment_collection_payments::Column::PaymentCollectionId,
                target: payment_collection_payments::Column::PaymentId,
            };
            let select = payment::Entity::find();
            let mut payments =
                through(&mut reader, select, payment::Column::Id, link, &key).await?;
            let rows = payments
                .take(0)
                .iter()
                .map(|p| to_map(p).map(Value::Object))
                .collect::<Result<Vec<_>>>()?;
            json.insert("payments".into(), Value::Array(rows));
        }
        if selection.has_relation("region") {
            let found = by_key(
                &mut reader,
                region::Entity::find(),
                region::Column::Id,
                Some(row.region_id.clone()),
            )
            .await?;
            let value = found.get(&row.region_id).map(to_map).transpose()?;
            json.insert("region".into(), value.map_or(Value::Null, Value::Object));
        }
        if selection.has_relation("currency") {
            let found = by_key(
                &mut reader,
                currency::Entity::find(),
                currency::Column::Code,
                Some(row.currency_code.clone()),
            )
            .await?;
            let value = found.get(&row.currency_code).map(to_map).transpose()?;
            json.insert("currency".into(), value.map_or(Value::Null, Value::Object));
        }
        Ok(Value::Object(json))
    }

    async fn update(&self, id: &str, input: UpdatePaymentCollection) -> Result<Value> {
        let txn = self.db.begin().await?;
        let row = find(&txn, id).await?.ok_or_else(|| not_found(id))?;
        let mut active = row.clone().into_active_model();
        if let Some(description) = input.description {
            active.description = Set(Some(description));
        }
        if let Some(metadata) = &input.metadata {
            active.metadata = Set(Some(medusa_core::metadata::merge(
                row.metadata.as_ref(),
                metadata,
            )));
        }
        active.updated_at = Set(medusa_core::time::now());
        let saved = active.update(&txn).await?;
        medusa_events::record_event(&txn, &PaymentCollectionUpdated(&saved)).await?;
        txn.commit().await?;
        shown(&saved)
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let txn = self.db.begin().await?;
        let Some(row) = find(&txn, id).await? else {
            return Ok(());
        };
        may_delete(&row.status)?;
        payment_collection_sessions::Entity::delete_many()
            .filter(payment_collection_sessions::Column::PaymentCollectionId.eq(id))
            .exec(&txn)
            .await?;
        payment_collection_payments::Entity::delete_many()
            .filter(payment_collection_payments::Column::PaymentCollectionId.eq(id))
            .exec(&txn)
            .await?;
        payment_collection::Entity::delete_by_id(id)
            .exec(&txn)
            .await?;
        medusa_events::record_event(&txn, &PaymentCollectionDeleted(&row)).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn authorize(&self, id: &str) -> Result<Value> {
        let txn = self.db.begin().await?;
        let row = find(&txn, id).await?.ok_or_else(|| not_found(id))?;
        let amount = row.amount;
        let mut active = row.into_active_model();
        active.status = Set(Status::Authorized);
        active.authorized_amount = Set(Some(amount));
        active.updated_at = Set(medusa_core::time::now());
        let saved = active.update(&txn).await?;
        medusa_events::record_event(&txn, &PaymentCollectionAuthorized(&saved)).await?;
        txn.commit().await?;
        shown(&saved)
    }
}
