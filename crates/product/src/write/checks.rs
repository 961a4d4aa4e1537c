//! The existence and uniqueness checks a product write makes before it writes.

use super::*;
use medusa_load::{live, missing};

pub(super) async fn live_product<C: ConnectionTrait>(conn: &C, id: &str) -> Result<product::Model> {
    live_or::<product::Entity, _>(conn, id, || product_not_found(id)).await
}

pub(super) async fn ensure_handle_free<C: ConnectionTrait>(
    conn: &C,
    handle: &str,
    other_than: Option<&str>,
) -> Result<()> {
    if taken::<product::Entity, _>(conn, product::Column::Handle, handle, other_than).await? {
        return Err(Error::duplicate(format!(
            "Product with handle {handle} already exists."
        )));
    }
    Ok(())
}

/// As PostgreSQL's foreign key check reports a missing collection through Medusa.
pub(super) async fn ensure_collection<C: ConnectionTrait>(conn: &C, id: &str) -> Result<()> {
    if product_collection::Entity::find_by_id(id)
        .one(conn)
        .await?
        .is_none()
    {
        return Err(Error::not_found(format!(
            "Product_collection with collection_id {id} does not exist."
        )));
    }
    Ok(())
}

/// Medusa's sales-channel existence check on product bodies, as a plain error for callers
/// that skip the HTTP layer's check ([`ProductWriteService::missing_sales_channels`]).
pub(super) async fn ensure_sales_channels<C: ConnectionTrait>(
    conn: &C,
    ids: &[String],
) -> Result<()> {
    let missing = missing_sales_channels(conn, ids).await?;
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Error::invalid_data(format!(
            "Sales Channels {} do not exist",
            missing.join(", ")
        )))
    }
}

pub(super) async fn missing_sales_channels<C: ConnectionTrait>(
    conn: &C,
    ids: &[String],
) -> Result<Vec<String>> {
    missing(conn, live::<sales_channel::Entity>(), ids).await
}

pub(super) async fn ensure_categories<C: ConnectionTrait>(conn: &C, ids: &[String]) -> Result<()> {
    match missing(conn, product_category::Entity::find(), ids)
        .await?
        .first()
    {
        Some(id) => Err(Error::not_found(format!(
            "Product_category with product_category_id {id} does not exist."
        ))),
        None => Ok(()),
    }
}

pub(super) fn unique<T: Clone + Eq + std::hash::Hash>(items: &[T]) -> Vec<T> {
    let mut seen = HashSet::new();
    items
        .iter()
        .filter(|item| seen.insert((*item).clone()))
        .cloned()
        .collect()
}
