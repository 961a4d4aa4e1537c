//! Creating and updating a region inside a caller's transaction, with Medusa's checks.

use crate::events;
use medusa_core::{generate_id, metadata, time, Error, Result};
use medusa_entity::{
    country, region, region_fulfillment_providers, region_payment_providers, tax_provider,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set,
};

use super::checks::*;
use super::{live_region, CreateRegion, UpdateRegion, REGION_ID_PREFIX};
use medusa_load::relink;

/// What a store description may pin on a region it creates (Medusa's seed passes both on).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pinned {
    pub id: Option<String>,
    pub created_at: Option<time::Timestamp>,
}

/// Creates a region on `conn` (a transaction the caller commits) with Medusa's checks, in
/// Medusa's order: tax rate, countries, payment then fulfillment providers, currency. Records
/// `region.created`.
pub async fn create_region_in<C: ConnectionTrait>(
    conn: &C,
    input: &CreateRegion,
    pinned: Pinned,
) -> Result<region::Model> {
    validate_tax_rate(input.tax_rate)?;
    let countries = validate_countries(conn, &input.countries, None).await?;
    let payment_providers = validate_payment_providers(conn, &input.payment_providers).await?;
    let fulfillment_providers =
        validate_fulfillment_providers(conn, &input.fulfillment_providers).await?;
    let currency_code = validate_currency(conn, &input.currency_code).await?;

    let now = time::now();
    let created = region::ActiveModel {
        id: Set(pinned.id.unwrap_or_else(|| generate_id(REGION_ID_PREFIX))),
        name: Set(input.name.clone()),
        currency_code: Set(currency_code),
        // The column is `real`, as in Medusa.
        tax_rate: Set(input.tax_rate as f32),
        tax_code: Set(input.tax_code.clone()),
        created_at: Set(pinned.created_at.unwrap_or(now)),
        updated_at: Set(now),
        deleted_at: Set(None),
        metadata: Set(input.metadata.as_ref().map(metadata::initial)),
        gift_cards_taxable: Set(true),
        automatic_taxes: Set(true),
        tax_provider_id: Set(None),
    }
    .insert(conn)
    .await?;

    claim_countries(conn, &created.id, &countries).await?;
    link_payment_providers(conn, &created.id, &payment_providers).await?;
    link_fulfillment_providers(conn, &created.id, &fulfillment_providers).await?;
    crate::tax_inclusive::write_created(conn, &created.id, input.includes_tax).await?;
    medusa_events::record_event(
        conn,
        &events::RegionCreated {
            id: created.id.clone(),
        },
    )
    .await?;
    Ok(created)
}

pub(crate) fn null_column(column: &str) -> Error {
    Error::invalid_data(format!(
        "Can't insert null value in field {column} on insert in table region"
    ))
}

pub(crate) async fn record_updated<C: ConnectionTrait>(
    conn: &C,
    id: &str,
    fields: &[&str],
) -> Result<()> {
    let event = events::RegionUpdated {
        id: id.to_owned(),
        fields: fields.iter().map(|field| (*field).to_owned()).collect(),
    };
    medusa_events::record_event(conn, &event).await
}

pub(crate) async fn update_region_in<C: ConnectionTrait>(
    conn: &C,
    id: &str,
    input: UpdateRegion,
) -> Result<()> {
    let current = live_region(conn, id).await?;

    if let Some(Some(rate)) = input.tax_rate {
        validate_tax_rate(rate)?;
    }
    let countries = match &input.countries {
        Some(codes) => Some(validate_countries(conn, codes, Some(id)).await?),
        None => None,
    };
    if let Some(Some(provider)) = &input.tax_provider_id {
        if !provider.is_empty()
            && tax_provider::Entity::find_by_id(provider.as_str())
                .one(conn)
                .await?
                .is_none()
        {
            return Err(Error::invalid_data("Tax provider not found"));
        }
    }
    let payment_providers = match &input.payment_providers {
        Some(ids) => Some(validate_payment_providers(conn, ids).await?),
        None => None,
    };
    let fulfillment_providers = match &input.fulfillment_providers {
        Some(ids) => Some(validate_fulfillment_providers(conn, ids).await?),
        None => None,
    };
    let currency_code = match input.currency_code.as_deref() {
        Some(code) if !code.is_empty() => Some(validate_currency(conn, code).await?),
        _ => None,
    };

    let mut row = current.clone().into_active_model();
    match input.name {
        Some(Some(name)) => row.name = Set(name),
        Some(None) => return Err(null_column("name")),
        None => {}
    }
    if let Some(code) = currency_code {
        row.currency_code = Set(code);
    }
    if let Some(tax_code) = input.tax_code {
        row.tax_code = Set(tax_code);
    }
    match input.tax_rate {
        Some(Some(rate)) => row.tax_rate = Set(rate as f32),
        Some(None) => return Err(null_column("tax_rate")),
        None => {}
    }
    match input.gift_cards_taxable {
        Some(Some(flag)) => row.gift_cards_taxable = Set(flag),
        Some(None) => return Err(null_column("gift_cards_taxable")),
        None => {}
    }
    match input.automatic_taxes {
        Some(Some(flag)) => row.automatic_taxes = Set(flag),
        Some(None) => return Err(null_column("automatic_taxes")),
        None => {}
    }
    if let Some(provider) = input.tax_provider_id {
        row.tax_provider_id = Set(provider.filter(|p| !p.is_empty()));
    }
    if let Some(update) = &input.metadata {
        row.metadata = Set(Some(metadata::merge(current.metadata.as_ref(), update)));
    }
    let includes_tax_changed =
        crate::tax_inclusive::write_updated(conn, id, input.includes_tax).await?;
    // Like TypeORM's save, `updated_at` moves only when a column of the region changes.
    if row.is_changed() || includes_tax_changed {
        row.updated_at = Set(time::now());
        row.update(conn).await?;
    }

    if let Some(countries) = countries {
        let keep: Vec<i32> = countries.iter().map(|c| c.id).collect();
        country::Entity::update_many()
            .col_expr(
                country::Column::RegionId,
                Expr::value(Option::<String>::None),
            )
            .filter(country::Column::RegionId.eq(id))
            .filter(country::Column::Id.is_not_in(keep))
            .exec(conn)
            .await?;
        claim_countries(conn, id, &countries).await?;
    }
    if let Some(ids) = payment_providers {
        relink::<region_payment_providers::Entity, _>(
            conn,
            region_payment_providers::Column::RegionId,
            region_payment_providers::Column::ProviderId,
            id,
            &ids,
        )
        .await?;
    }
    if let Some(ids) = fulfillment_providers {
        relink::<region_fulfillment_providers::Entity, _>(
            conn,
            region_fulfillment_providers::Column::RegionId,
            region_fulfillment_providers::Column::ProviderId,
            id,
            &ids,
        )
        .await?;
    }

    let fields: Vec<&str> = input.fields.iter().map(String::as_str).collect();
    record_updated(conn, id, &fields).await
}
