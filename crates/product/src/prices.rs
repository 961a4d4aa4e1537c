//! Money amounts attached to variants: a `money_amount` row per price and a
//! `product_variant_money_amount` row linking it to its variant. Base prices have no price
//! list; price-list prices name theirs. The price-list service reuses [`insert_variant_prices`].

use medusa_core::new_row::stamped;
use std::collections::HashMap;

use medusa_core::time::Timestamp;
use medusa_core::{generate_id, Error, Result};
use medusa_entity::{money_amount, product_variant_money_amount, region};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};

/// A price as request bodies give it: exactly one of `region_id` and `currency_code`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceInput {
    /// An id the caller names; a price inserted anew keeps it (as Medusa's entity hook does).
    pub id: Option<String>,
    pub region_id: Option<String>,
    pub currency_code: Option<String>,
    pub amount: i64,
    pub min_quantity: Option<i64>,
    pub max_quantity: Option<i64>,
}

/// A price ready to insert: its currency resolved (from its region for region prices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPrice {
    pub id: Option<String>,
    pub currency_code: String,
    pub region_id: Option<String>,
    pub amount: i64,
    pub min_quantity: Option<i64>,
    pub max_quantity: Option<i64>,
}

const MONEY_AMOUNT_PREFIX: &str = "ma";
/// Medusa's prefix is `pvma_`, so ids come out as `pvma__<ULID>`.
const VARIANT_MONEY_AMOUNT_PREFIX: &str = "pvma_";

fn int(value: i64, column: &str) -> Result<i32> {
    i32::try_from(value).map_err(|_| {
        Error::Db(DbErr::Custom(format!(
            "value {value} is out of range for integer column {column}"
        )))
    })
}

fn opt_int(value: Option<i64>, column: &str) -> Result<Option<i32>> {
    value.map(|value| int(value, column)).transpose()
}

/// The currency of each live region among these; no statement for no ids.
pub async fn region_currencies<C: ConnectionTrait>(
    conn: &C,
    region_ids: &[String],
) -> Result<HashMap<String, String>> {
    if region_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(String, String)> = region::Entity::find()
        .select_only()
        .column(region::Column::Id)
        .column(region::Column::CurrencyCode)
        .filter(region::Column::Id.is_in(region_ids.iter().cloned()))
        .filter(region::Column::DeletedAt.is_null())
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

/// Inserts prices for one variant, each with its variant link, in two statements. A region
/// price must already carry its region's currency ([`region_currencies`]). Returns the rows,
/// in the order given.
pub async fn insert_prices<C: ConnectionTrait>(
    conn: &C,
    variant_id: &str,
    prices: &[NewPrice],
    price_list_id: Option<&str>,
    now: Timestamp,
) -> Result<Vec<money_amount::Model>> {
    let pairs: Vec<(&str, &NewPrice)> = prices.iter().map(|price| (variant_id, price)).collect();
    insert_variant_prices(conn, &pairs, price_list_id, now).await
}

/// [`insert_prices`] for several variants at once: `(variant_id, price)` pairs.
///
/// The ids generated for one batch are monotonic ULIDs, so reading the rows back by
/// `(created_at, id)` gives the order they were given in.
pub async fn insert_variant_prices<C: ConnectionTrait>(
    conn: &C,
    prices: &[(&str, &NewPrice)],
    price_list_id: Option<&str>,
    now: Timestamp,
) -> Result<Vec<money_amount::Model>> {
    if prices.is_empty() {
        return Ok(Vec::new());
    }
    let mut ids = ulid::Generator::new();
    let mut rows = Vec::with_capacity(prices.len());
    let mut links = Vec::with_capacity(prices.len());
    for (variant_id, price) in prices {
        let id = match &price.id {
            Some(id) => id.clone(),
            None => {
                let ulid = ids
                    .generate()
                    .map_err(|err| Error::UnexpectedState(format!("price id generation: {err}")))?;
                format!("{MONEY_AMOUNT_PREFIX}_{ulid}")
            }
        };
        let row = money_amount::Model {
            id,
            currency_code: price.currency_code.to_lowercase(),
            amount: int(price.amount, "amount")?,
            region_id: price.region_id.clone(),
            created_at: now,
            updated_at: now,
            deleted_at: None,
            min_quantity: opt_int(price.min_quantity, "min_quantity")?,
            max_quantity: opt_int(price.max_quantity, "max_quantity")?,
            price_list_id: price_list_id.map(str::to_owned),
        };
        links.push(product_variant_money_amount::ActiveModel {
            id: Set(generate_id(VARIANT_MONEY_AMOUNT_PREFIX)),
            money_amount_id: Set(row.id.clone()),
            variant_id: Set((*variant_id).to_owned()),
            deleted_at: Set(None),
            ..stamped(now)
        });
        rows.push(row);
    }
    let active: Vec<money_amount::ActiveModel> = rows
        .iter()
        .cloned()
        .map(sea_orm::IntoActiveModel::into_active_model)
        .collect();
    money_amount::Entity::insert_many(active)
        .exec_without_returning(conn)
        .await?;
    product_variant_money_amount::Entity::insert_many(links)
        .exec_without_returning(conn)
        .await?;
    Ok(rows)
}

/// The live base prices (no price list) of these variants, with their variant ids.
pub async fn base_prices<C: ConnectionTrait>(
    conn: &C,
    variant_ids: &[String],
) -> Result<Vec<(String, money_amount::Model)>> {
    if variant_ids.is_empty() {
        return Ok(Vec::new());
    }
    let links = product_variant_money_amount::Entity::find()
        .filter(product_variant_money_amount::Column::VariantId.is_in(variant_ids.iter().cloned()))
        .filter(product_variant_money_amount::Column::DeletedAt.is_null())
        .all(conn)
        .await?;
    let variant_of: HashMap<String, String> = links
        .into_iter()
        .map(|link| (link.money_amount_id, link.variant_id))
        .collect();
    let amounts = money_amount::Entity::find()
        .filter(money_amount::Column::Id.is_in(variant_of.keys().cloned()))
        .filter(money_amount::Column::PriceListId.is_null())
        .filter(money_amount::Column::DeletedAt.is_null())
        .all(conn)
        .await?;
    Ok(amounts
        .into_iter()
        .filter_map(|amount| {
            variant_of
                .get(&amount.id)
                .map(|variant| (variant.clone(), amount))
        })
        .collect())
}

/// Hard-deletes money amounts and their variant links.
pub async fn delete_prices<C: ConnectionTrait>(conn: &C, ids: &[String]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    product_variant_money_amount::Entity::delete_many()
        .filter(product_variant_money_amount::Column::MoneyAmountId.is_in(ids.iter().cloned()))
        .exec(conn)
        .await?;
    money_amount::Entity::delete_many()
        .filter(money_amount::Column::Id.is_in(ids.iter().cloned()))
        .exec(conn)
        .await?;
    Ok(())
}

/// Whether Medusa's "delete prices not in the list" removes this stored base price: any
/// listed currency price it differs from (by currency, or by having a region), or any listed
/// region price whose region it does not have; an empty list removes them all. With several listed prices nearly every stored
/// price matches one of these, so Medusa deletes and re-inserts them; that is kept here.
fn replaced_by(stored: &money_amount::Model, listed: &[PriceInput]) -> bool {
    // An empty list adds no condition, so every base price goes.
    listed.is_empty()
        || listed.iter().any(|price| {
            let by_currency = price.currency_code.as_ref().is_some_and(|code| {
                stored.currency_code != *code
                    || match &price.region_id {
                        Some(region) => stored.region_id.as_deref() != Some(region.as_str()),
                        None => stored.region_id.is_some(),
                    }
            });
            // `region_id != r` is not true for a NULL region in SQL.
            let by_region = price.region_id.as_ref().is_some_and(|region| {
                stored
                    .region_id
                    .as_ref()
                    .is_some_and(|stored_region| stored_region != region)
            });
            by_currency || by_region
        })
}

/// Replaces the base prices of variants as Medusa's `updateVariantPrices` does: stored base
/// prices "not in" the list are hard-deleted, then each listed region price updates the
/// variant's price for that region (or is inserted with the region's currency and no
/// quantities), and each listed currency price updates the variant's region-less price in
/// that currency (or is inserted, lower-cased). An update happens only when the amount
/// differs. Price-list prices are never touched.
pub async fn replace_base_prices<C: ConnectionTrait>(
    conn: &C,
    updates: &[(String, Vec<PriceInput>)],
    now: Timestamp,
) -> Result<()> {
    if updates.is_empty() {
        return Ok(());
    }
    let variant_ids: Vec<String> = updates.iter().map(|(id, _)| id.clone()).collect();
    let stored = base_prices(conn, &variant_ids).await?;
    let mut deleted = Vec::new();
    for (variant_id, listed) in updates {
        for (owner, price) in &stored {
            if owner == variant_id && replaced_by(price, listed) {
                deleted.push(price.id.clone());
            }
        }
    }
    delete_prices(conn, &deleted).await?;

    let region_ids: Vec<String> = updates
        .iter()
        .flat_map(|(_, prices)| prices.iter().filter_map(|price| price.region_id.clone()))
        .collect();
    let currencies = region_currencies(conn, &region_ids).await?;
    let remaining: Vec<&(String, money_amount::Model)> = stored
        .iter()
        .filter(|(_, price)| !deleted.contains(&price.id))
        .collect();

    let mut inserts: Vec<(String, NewPrice)> = Vec::new();
    for (variant_id, listed) in updates {
        for price in listed {
            let existing = remaining.iter().find(|(owner, stored)| {
                owner == variant_id
                    && match (&price.region_id, &price.currency_code) {
                        (Some(region), _) => stored.region_id.as_deref() == Some(region.as_str()),
                        (None, Some(code)) => {
                            stored.currency_code == *code && stored.region_id.is_none()
                        }
                        (None, None) => false,
                    }
            });
            if let Some((_, stored)) = existing {
                if i64::from(stored.amount) != price.amount {
                    update_amount(conn, stored, price, now).await?;
                }
                continue;
            }
            inserts.push((variant_id.clone(), new_base_price(price, &currencies)?));
        }
    }
    let pairs: Vec<(&str, &NewPrice)> = inserts
        .iter()
        .map(|(variant, price)| (variant.as_str(), price))
        .collect();
    insert_variant_prices(conn, &pairs, None, now).await?;
    Ok(())
}

/// A listed base price as inserted anew: a region price takes its region's currency (from
/// `currencies`, by region id) and no quantities.
pub fn new_base_price(
    price: &PriceInput,
    currencies: &HashMap<String, String>,
) -> Result<NewPrice> {
    Ok(match &price.region_id {
        Some(region) => {
            let currency = currencies.get(region).cloned().ok_or_else(|| {
                Error::invalid_data("Cannot read properties of undefined (reading 'currency_code')")
            })?;
            NewPrice {
                id: None,
                currency_code: currency,
                region_id: Some(region.clone()),
                amount: price.amount,
                min_quantity: None,
                max_quantity: None,
            }
        }
        None => NewPrice {
            id: price.id.clone(),
            currency_code: price.currency_code.clone().unwrap_or_default(),
            region_id: None,
            amount: price.amount,
            min_quantity: price.min_quantity,
            max_quantity: price.max_quantity,
        },
    })
}

/// A region price updates only its amount; a currency price also takes the given quantities.
async fn update_amount<C: ConnectionTrait>(
    conn: &C,
    stored: &money_amount::Model,
    price: &PriceInput,
    now: Timestamp,
) -> Result<()> {
    let mut update = money_amount::ActiveModel {
        id: sea_orm::Unchanged(stored.id.clone()),
        amount: Set(int(price.amount, "amount")?),
        updated_at: Set(now),
        ..Default::default()
    };
    if price.region_id.is_none() {
        if price.min_quantity.is_some() {
            update.min_quantity = Set(opt_int(price.min_quantity, "min_quantity")?);
        }
        if price.max_quantity.is_some() {
            update.max_quantity = Set(opt_int(price.max_quantity, "max_quantity")?);
        }
    }
    money_amount::Entity::update(update).exec(conn).await?;
    Ok(())
}
