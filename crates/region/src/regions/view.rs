//! A region as the API shows it, and the select-in loading of its relations.

use medusa_core::number::js_number;
use medusa_core::positional::FromColumns;
use medusa_core::{time, Result};
use medusa_entity::{
    country, currency, fulfillment_provider, payment_provider, region,
    region_fulfillment_providers, region_payment_providers,
};
use medusa_load::{by_key, children, through, Children, Connection, Link, Reader};
use medusa_query_dsl::{in_insertion_order, in_insertion_order_of, Selection};
use sea_orm::EntityTrait;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// A region with the relations that were loaded (`None`: not loaded, so not serialized).
#[derive(Debug, Clone, PartialEq)]
pub struct RegionView {
    pub region: region::Model,
    pub countries: Option<Vec<country::Model>>,
    /// `Some(None)`: loaded, but the currency row is missing (serialized as `null`).
    pub currency: Option<Option<currency::Model>>,
    pub fulfillment_providers: Option<Vec<fulfillment_provider::Model>>,
    pub payment_providers: Option<Vec<payment_provider::Model>>,
    /// `None` with the tax-inclusive pricing flag off (not serialized); see [`crate::tax_inclusive`].
    pub includes_tax: Option<bool>,
}

impl Serialize for RegionView {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let region = &self.region;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &region.id)?;
        map.serialize_entry("created_at", &time::format(&region.created_at))?;
        map.serialize_entry("updated_at", &time::format(&region.updated_at))?;
        map.serialize_entry("deleted_at", &region.deleted_at.as_ref().map(time::format))?;
        map.serialize_entry("name", &region.name)?;
        map.serialize_entry("currency_code", &region.currency_code)?;
        map.serialize_entry("tax_rate", &js_number(region.tax_rate))?;
        map.serialize_entry("tax_code", &region.tax_code)?;
        map.serialize_entry("gift_cards_taxable", &region.gift_cards_taxable)?;
        map.serialize_entry("automatic_taxes", &region.automatic_taxes)?;
        map.serialize_entry("tax_provider_id", &region.tax_provider_id)?;
        map.serialize_entry("metadata", &region.metadata)?;
        if let Some(includes_tax) = self.includes_tax {
            map.serialize_entry("includes_tax", &includes_tax)?;
        }
        if let Some(countries) = &self.countries {
            map.serialize_entry("countries", countries)?;
        }
        if let Some(currency) = &self.currency {
            map.serialize_entry("currency", currency)?;
        }
        if let Some(providers) = &self.fulfillment_providers {
            map.serialize_entry("fulfillment_providers", providers)?;
        }
        if let Some(providers) = &self.payment_providers {
            map.serialize_entry("payment_providers", providers)?;
        }
        map.end()
    }
}

/// Which relations to load.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Loads {
    pub(crate) countries: bool,
    pub(crate) currency: bool,
    pub(crate) payment_providers: bool,
    pub(crate) fulfillment_providers: bool,
}

impl Loads {
    pub(crate) fn all() -> Self {
        Self {
            countries: true,
            currency: true,
            payment_providers: true,
            fulfillment_providers: true,
        }
    }

    pub(crate) fn of(selection: &Selection) -> Self {
        Self {
            countries: selection.has_relation("countries"),
            currency: selection.has_relation("currency"),
            payment_providers: selection.has_relation("payment_providers"),
            fulfillment_providers: selection.has_relation("fulfillment_providers"),
        }
    }
}

/// A kind of region provider: the provider table's key and the link table naming it.
struct ProviderLinks<P: EntityTrait, L: EntityTrait> {
    id: P::Column,
    link: Link<L>,
}

const PAYMENT: ProviderLinks<payment_provider::Entity, region_payment_providers::Entity> =
    ProviderLinks {
        id: payment_provider::Column::Id,
        link: Link {
            owner: region_payment_providers::Column::RegionId,
            target: region_payment_providers::Column::ProviderId,
        },
    };

const FULFILLMENT: ProviderLinks<
    fulfillment_provider::Entity,
    region_fulfillment_providers::Entity,
> = ProviderLinks {
    id: fulfillment_provider::Column::Id,
    link: Link {
        owner: region_fulfillment_providers::Column::RegionId,
        target: region_fulfillment_providers::Column::ProviderId,
    },
};

/// The providers of one kind of a page of regions, in link order, when `wanted`.
async fn providers<P: EntityTrait, L: EntityTrait, C: Connection>(
    reader: &mut Reader<'_, C>,
    wanted: bool,
    kind: ProviderLinks<P, L>,
    ids: &[String],
) -> Result<Option<Children<P::Model>>>
where
    P::Model: FromColumns,
{
    if !wanted {
        return Ok(None);
    }
    let links = L::default();
    let select = in_insertion_order_of(P::find(), reader.backend(), links.table_name());
    Ok(Some(
        through(reader, select, kind.id, kind.link, ids).await?,
    ))
}

/// Loads the relations of a page of regions: one statement per relation, whatever the page
/// size. Countries and providers come in physical order (of the countries, of the links),
/// which Medusa's unordered relation reads return on tables rarely rewritten.
pub(crate) async fn load_views<C: Connection>(
    conn: &C,
    regions: Vec<region::Model>,
    loads: &Loads,
) -> Result<Vec<RegionView>> {
    let ids: Vec<String> = regions.iter().map(|r| r.id.clone()).collect();
    let mut reader = Reader::new(conn).await?;
    let backend = reader.backend();
    let mut countries = match loads.countries {
        true => Some(
            children(
                &mut reader,
                in_insertion_order(country::Entity::find(), backend),
                country::Column::RegionId,
                &ids,
            )
            .await?,
        ),
        false => None,
    };
    let currencies = match loads.currency {
        true => Some(
            by_key(
                &mut reader,
                currency::Entity::find(),
                currency::Column::Code,
                regions.iter().map(|r| r.currency_code.clone()),
            )
            .await?,
        ),
        false => None,
    };
    let mut payment = providers(&mut reader, loads.payment_providers, PAYMENT, &ids).await?;
    let mut fulfillment =
        providers(&mut reader, loads.fulfillment_providers, FULFILLMENT, &ids).await?;
    Ok(regions
        .into_iter()
        .enumerate()
        .map(|(row, region)| RegionView {
            countries: countries.as_mut().map(|loaded| loaded.take(row)),
            currency: currencies
                .as_ref()
                .map(|loaded| loaded.get(&region.currency_code).cloned()),
            fulfillment_providers: fulfillment.as_mut().map(|loaded| loaded.take(row)),
            payment_providers: payment.as_mut().map(|loaded| loaded.take(row)),
            includes_tax: None,
            region,
        })
        .collect())
}
