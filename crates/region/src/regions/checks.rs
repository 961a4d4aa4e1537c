//! Medusa's checks of a region's tax rate, countries, providers and currency, and the writes
//! of its countries and provider links.

use std::collections::BTreeSet;

use medusa_core::{Error, Result};
use medusa_entity::{
    country, currency, fulfillment_provider, payment_provider, region_fulfillment_providers,
    region_payment_providers, store, store_currencies,
};
use medusa_load::link;
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

/// Medusa checks the rate only when it is non-zero, and its message says 0 and 1 although
/// the bounds are 0 and 100.
pub(crate) fn validate_tax_rate(rate: f64) -> Result<()> {
    if rate != 0.0 && !(0.0..=100.0).contains(&rate) {
        return Err(Error::invalid_data("The tax_rate must be between 0 and 1"));
    }
    Ok(())
}

/// The country row for a code, checked as Medusa checks it: a known ISO code, and not in a
/// region other than `region_id` (none, for a new region). The `country` table holds every
/// ISO code Medusa knows, so a code missing from it gets Medusa's message for a non-ISO code.
pub(crate) async fn validate_country<C: ConnectionTrait>(
    conn: &C,
    code: &str,
    region_id: Option<&str>,
) -> Result<country::Model> {
    let row = country::Entity::find()
        .filter(country::Column::Iso2.eq(code.to_lowercase()))
        .one(conn)
        .await?
        .ok_or_else(|| Error::invalid_data("Invalid country code"))?;
    match &row.region_id {
        Some(owner) if Some(owner.as_str()) != region_id => Err(already_in_region(&row, owner)),
        _ => Ok(row),
    }
}

pub(crate) fn already_in_region(row: &country::Model, owner: &str) -> Error {
    Error::duplicate(format!(
        "{} already exists in region {owner}",
        row.display_name
    ))
}

pub(crate) async fn validate_countries<C: ConnectionTrait>(
    conn: &C,
    codes: &[String],
    region_id: Option<&str>,
) -> Result<Vec<country::Model>> {
    let mut rows: Vec<country::Model> = Vec::with_capacity(codes.len());
    for code in codes {
        let row = validate_country(conn, code, region_id).await?;
        if !rows.iter().any(|known| known.id == row.id) {
            rows.push(row);
        }
    }
    Ok(rows)
}

/// Provider ids without repeats, in the given order.
pub(crate) fn distinct(ids: &[String]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    ids.iter()
        .filter(|id| seen.insert(id.as_str()))
        .cloned()
        .collect()
}

pub(crate) async fn validate_payment_providers<C: ConnectionTrait>(
    conn: &C,
    ids: &[String],
) -> Result<Vec<String>> {
    let ids = distinct(ids);
    for id in &ids {
        if payment_provider::Entity::find_by_id(id.as_str())
            .one(conn)
            .await?
            .is_none()
        {
            return Err(Error::invalid_data("Payment provider not found"));
        }
    }
    Ok(ids)
}

pub(crate) async fn validate_fulfillment_providers<C: ConnectionTrait>(
    conn: &C,
    ids: &[String],
) -> Result<Vec<String>> {
    let ids = distinct(ids);
    for id in &ids {
        if fulfillment_provider::Entity::find_by_id(id.as_str())
            .one(conn)
            .await?
            .is_none()
        {
            return Err(Error::invalid_data("Fulfillment provider not found"));
        }
    }
    Ok(ids)
}

/// The lower-cased code when it is one of the store's currencies.
pub(crate) async fn validate_currency<C: ConnectionTrait>(conn: &C, code: &str) -> Result<String> {
    let lower = code.to_lowercase();
    let store_ids: Vec<String> = store::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let in_store = store_currencies::Entity::find()
        .filter(store_currencies::Column::StoreId.is_in(store_ids))
        .filter(store_currencies::Column::CurrencyCode.eq(lower.as_str()))
        .count(conn)
        .await?
        > 0;
    if !in_store {
        return Err(Error::invalid_data("Invalid currency code"));
    }
    if currency::Entity::find_by_id(lower.as_str())
        .one(conn)
        .await?
        .is_none()
    {
        return Err(Error::invalid_data(format!(
            "Could not find currency with code {code}"
        )));
    }
    Ok(lower)
}

/// Assigns countries to a region one by one in the given order (so that their physical order
/// is the given one, as after Medusa's save). The guard on `region_id` makes a concurrent
/// claim of the same country fail instead of silently moving it.
pub(crate) async fn claim_countries<C: ConnectionTrait>(
    conn: &C,
    region_id: &str,
    countries: &[country::Model],
) -> Result<()> {
    for row in countries {
        if row.region_id.as_deref() == Some(region_id) {
            continue;
        }
        let claimed = country::Entity::update_many()
            .col_expr(country::Column::RegionId, Expr::value(region_id))
            .filter(country::Column::Id.eq(row.id))
            .filter(
                Condition::any()
                    .add(country::Column::RegionId.is_null())
                    .add(country::Column::RegionId.eq(region_id)),
            )
            .exec(conn)
            .await?;
        if claimed.rows_affected == 0 {
            let owner = country::Entity::find_by_id(row.id)
                .one(conn)
                .await?
                .and_then(|c| c.region_id)
                .unwrap_or_default();
            return Err(already_in_region(row, &owner));
        }
    }
    Ok(())
}

pub(crate) async fn link_payment_providers<C: ConnectionTrait>(
    conn: &C,
    region_id: &str,
    ids: &[String],
) -> Result<()> {
    link::<region_payment_providers::Entity, _>(
        conn,
        region_payment_providers::Column::RegionId,
        region_payment_providers::Column::ProviderId,
        region_id,
        ids,
    )
    .await
}

pub(crate) async fn link_fulfillment_providers<C: ConnectionTrait>(
    conn: &C,
    region_id: &str,
    ids: &[String],
) -> Result<()> {
    link::<region_fulfillment_providers::Entity, _>(
        conn,
        region_fulfillment_providers::Column::RegionId,
        region_fulfillment_providers::Column::ProviderId,
        region_id,
        ids,
    )
    .await
}
