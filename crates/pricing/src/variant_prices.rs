//! Loading what price selection needs for a page of variants: their live prices with the price
//! lists those belong to, who each list is for, the region, and the tax rates. One statement
//! per relation for the whole page, never one per variant.
//!
//! Which prices are candidates is decided in Rust (`Admission::admits`) rather than in SQL, so
//! Medusa's query (`findManyForVariantsInRegion`) is one readable function with its quirks
//! named, and the same rows serve variants that no candidate is left for: Medusa answers those
//! with their plain `prices` relation.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, SubsecRound, Utc};
use medusa_core::{Error, Result};
use medusa_entity::sea_orm_active_enums::{PriceListStatusEnum, PriceListTypeEnum};
use medusa_entity::{
    customer_group, customer_group_customers, includes_tax, money_amount, price_list,
    price_list_customer_groups, product, product_tax_rate, product_type_tax_rate, product_variant,
    product_variant_money_amount, region, tax_rate,
};
use medusa_load::{by_key, live, live_or, through, Connection, Link, Reader};
use medusa_query_dsl::key_in;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::selection::{Candidate, ListTerms, PriceType};

/// What choosing among variants' prices reads: the prices, their tax inclusion (read only
/// with tax-inclusive pricing on), who their lists are for, and the customer's groups (read
/// only when some list has an audience).
pub struct PriceFacts {
    pub prices: Vec<LoadedPrice>,
    pub inclusion: TaxInclusion,
    pub audiences: HashMap<String, Audience>,
    pub customer_groups: HashSet<String>,
}

impl PriceFacts {
    pub async fn load<C: ConnectionTrait>(
        conn: &C,
        variant_ids: &[String],
        tax_inclusive: bool,
        customer_id: Option<&str>,
    ) -> Result<Self> {
        let prices = prices_of(conn, variant_ids).await?;
        let inclusion = if tax_inclusive {
            TaxInclusion::of(conn, &prices).await?
        } else {
            TaxInclusion::default()
        };
        let list_ids: Vec<String> = prices
            .iter()
            .filter_map(|p| p.list.as_ref().map(|l| l.id.clone()))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let audiences = audiences_of(conn, list_ids).await?;
        let customer_groups = match customer_id {
            Some(customer) if !audiences.is_empty() => groups_of_customer(conn, customer).await?,
            _ => HashSet::new(),
        };
        Ok(Self {
            prices,
            inclusion,
            audiences,
            customer_groups,
        })
    }
}

/// A live price of a page's variant, with its live price list (`None` also when the list it
/// names is soft-deleted).
#[derive(Debug, Clone)]
pub struct LoadedPrice {
    pub variant_id: String,
    pub price: money_amount::Model,
    pub list: Option<price_list::Model>,
}

/// Who a price list is for: its customer groups, live or soft-deleted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Audience {
    pub live_groups: HashSet<String>,
    /// A link to a soft-deleted group. Medusa's join finds no group behind such a link and so
    /// treats the list as one for everybody.
    pub dead_link: bool,
}

/// The request's side of Medusa's candidate query.
#[derive(Debug, Clone, Default)]
pub struct Admission<'a> {
    pub region_id: Option<&'a str>,
    pub currency_code: Option<&'a str>,
    pub customer_id: Option<&'a str>,
    /// The groups `customer_id` belongs to.
    pub customer_groups: HashSet<String>,
    /// Price-list prices without region or currency (the variant list asks for them, a single
    /// variant's read does not).
    pub include_discount_prices: bool,
    /// Medusa compares validity dates with `Date.toUTCString()`, whole seconds.
    pub now: DateTime<Utc>,
}

impl Admission<'_> {
    /// Medusa's `findManyForVariantsInRegion` condition for one price.
    pub fn admits(&self, price: &LoadedPrice, audiences: &HashMap<String, Audience>) -> bool {
        let now = self.now.trunc_subsecs(0);
        if price.price.price_list_id.is_some() {
            let Some(list) = &price.list else {
                return false;
            };
            let open = list.status == PriceListStatusEnum::Active
                && list.starts_at.is_none_or(|at| at < now)
                && list.ends_at.is_none_or(|at| at > now);
            if !open {
                return false;
            }
        }
        let in_region = || Some(price.price.region_id.as_deref()) == Some(self.region_id);
        let in_currency = || Some(price.price.currency_code.as_str()) == self.currency_code;
        let placed = match (self.region_id, self.currency_code) {
            (Some(_), None) => in_region(),
            (None, Some(_)) => in_currency(),
            (Some(_), Some(_)) => in_region() || in_currency(),
            (None, None) => {
                self.customer_id.is_some() || self.include_discount_prices || price.list.is_none()
            }
        };
        if !placed {
            return false;
        }
        let Some(list) = &price.list else {
            return true;
        };
        let audience = audiences.get(&list.id).cloned().unwrap_or_default();
        audience.live_groups.is_empty()
            || audience.dead_link
            || (self.customer_id.is_some()
                && audience
                    .live_groups
                    .iter()
                    .any(|g| self.customer_groups.contains(g)))
    }
}

/// Which price lists, currencies and regions price tax-inclusively: the `includes_tax`
/// columns, read only with the tax-inclusive pricing flag on (without it they may not exist,
/// and every price is tax-exclusive).
#[derive(Debug, Clone, Default)]
pub struct TaxInclusion {
    lists: HashMap<String, bool>,
    currencies: HashMap<String, bool>,
    regions: HashMap<String, bool>,
}

impl TaxInclusion {
    /// The columns of the lists, currencies and regions `prices` name (three statements).
    pub async fn of<C: ConnectionTrait>(conn: &C, prices: &[LoadedPrice]) -> Result<Self> {
        let distinct = |keys: &mut dyn Iterator<Item = String>| -> Vec<String> {
            keys.collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect()
        };
        let lists = distinct(
            &mut prices
                .iter()
                .filter_map(|p| p.list.as_ref().map(|l| l.id.clone())),
        );
        let currencies = distinct(&mut prices.iter().map(|p| p.price.currency_code.clone()));
        let regions = distinct(&mut prices.iter().filter_map(|p| p.price.region_id.clone()));
        Ok(Self {
            lists: includes_tax::read(conn, includes_tax::Table::PriceList, &lists).await?,
            currencies: includes_tax::read(conn, includes_tax::Table::Currency, &currencies)
                .await?,
            regions: includes_tax::read(conn, includes_tax::Table::Region, &regions).await?,
        })
    }

    fn of_key(map: &HashMap<String, bool>, key: Option<&str>) -> bool {
        key.and_then(|key| map.get(key)).copied().unwrap_or(false)
    }
}

impl LoadedPrice {
    /// The price as selection sees it, tax-inclusive where `inclusion` says so.
    pub fn candidate(&self, inclusion: &TaxInclusion) -> Candidate {
        Candidate {
            amount: i64::from(self.price.amount),
            currency_code: Some(self.price.currency_code.clone()),
            region_id: self.price.region_id.clone(),
            min_quantity: self.price.min_quantity.map(i64::from),
            max_quantity: self.price.max_quantity.map(i64::from),
            price_list: self.list.as_ref().map(|list| ListTerms {
                kind: match list.r#type {
                    PriceListTypeEnum::Sale => PriceType::Sale,
                    PriceListTypeEnum::Override => PriceType::Override,
                },
                includes_tax: TaxInclusion::of_key(&inclusion.lists, Some(&list.id)),
            }),
            currency_includes_tax: TaxInclusion::of_key(
                &inclusion.currencies,
                Some(&self.price.currency_code),
            ),
            region_includes_tax: TaxInclusion::of_key(
                &inclusion.regions,
                self.price.region_id.as_deref(),
            ),
        }
    }
}

/// The live prices of these variants, each variant's in creation order (Medusa reads them
/// unordered, which PostgreSQL answers in about that order).
pub async fn prices_of<C: ConnectionTrait>(
    conn: &C,
    variant_ids: &[String],
) -> Result<Vec<LoadedPrice>> {
    if variant_ids.is_empty() {
        return Ok(Vec::new());
    }
    let backend = conn.get_database_backend();
    let links = product_variant_money_amount::Entity::find()
        .filter(key_in(
            product_variant_money_amount::Column::VariantId.into_expr(),
            variant_ids.to_vec(),
            backend,
        ))
        .filter(product_variant_money_amount::Column::DeletedAt.is_null())
        .all(conn)
        .await?;
    if links.is_empty() {
        return Ok(Vec::new());
    }
    let owner: HashMap<String, String> = links
        .into_iter()
        .map(|l| (l.money_amount_id, l.variant_id))
        .collect();
    let prices = money_amount::Entity::find()
        .filter(key_in(
            money_amount::Column::Id.into_expr(),
            owner.keys().cloned().collect(),
            backend,
        ))
        .filter(money_amount::Column::DeletedAt.is_null())
        .order_by_asc(money_amount::Column::CreatedAt)
        .order_by_asc(money_amount::Column::Id)
        .all(conn)
        .await?;
    let list_ids = distinct(prices.iter().filter_map(|p| p.price_list_id.clone()));
    let lists: HashMap<String, price_list::Model> = if list_ids.is_empty() {
        HashMap::new()
    } else {
        price_list::Entity::find()
            .filter(key_in(
                price_list::Column::Id.into_expr(),
                list_ids,
                backend,
            ))
            .filter(price_list::Column::DeletedAt.is_null())
            .all(conn)
            .await?
            .into_iter()
            .map(|l| (l.id.clone(), l))
            .collect()
    };
    Ok(prices
        .into_iter()
        .filter_map(|price| {
            let variant_id = owner.get(&price.id)?.clone();
            let list = price
                .price_list_id
                .as_ref()
                .and_then(|id| lists.get(id))
                .cloned();
            Some(LoadedPrice {
                variant_id,
                price,
                list,
            })
        })
        .collect())
}

/// Who each of these price lists is for.
pub async fn audiences_of<C: ConnectionTrait>(
    conn: &C,
    list_ids: Vec<String>,
) -> Result<HashMap<String, Audience>> {
    if list_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let backend = conn.get_database_backend();
    let links = price_list_customer_groups::Entity::find()
        .filter(key_in(
            price_list_customer_groups::Column::PriceListId.into_expr(),
            list_ids,
            backend,
        ))
        .all(conn)
        .await?;
    if links.is_empty() {
        return Ok(HashMap::new());
    }
    let live: HashSet<String> = customer_group::Entity::find()
        .select_only()
        .column(customer_group::Column::Id)
        .filter(key_in(
            customer_group::Column::Id.into_expr(),
            distinct(links.iter().map(|l| l.customer_group_id.clone())),
            backend,
        ))
        .filter(customer_group::Column::DeletedAt.is_null())
        .into_tuple::<String>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let mut audiences: HashMap<String, Audience> = HashMap::new();
    for link in links {
        let audience = audiences.entry(link.price_list_id).or_default();
        if live.contains(&link.customer_group_id) {
            audience.live_groups.insert(link.customer_group_id);
        } else {
            audience.dead_link = true;
        }
    }
    Ok(audiences)
}

/// The groups a customer belongs to.
pub async fn groups_of_customer<C: ConnectionTrait>(
    conn: &C,
    customer_id: &str,
) -> Result<HashSet<String>> {
    Ok(customer_group_customers::Entity::find()
        .filter(customer_group_customers::Column::CustomerId.eq(customer_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| m.customer_group_id)
        .collect())
}

/// The live region, or Medusa's 404.
pub async fn region<C: ConnectionTrait>(conn: &C, id: &str) -> Result<region::Model> {
    live_or::<region::Entity, _>(conn, id, || {
        Error::not_found(format!("Region with {id} was not found"))
    })
    .await
}

/// The product whose tax rates Medusa applies to a whole page: that of the variant its
/// unordered read of the page's variants yields first, the earliest created.
pub async fn taxed_product<C: ConnectionTrait>(
    conn: &C,
    variant_ids: &[String],
) -> Result<Option<String>> {
    if variant_ids.is_empty() {
        return Ok(None);
    }
    let first = product_variant::Entity::find()
        .select_only()
        .column(product_variant::Column::ProductId)
        .filter(key_in(
            product_variant::Column::Id.into_expr(),
            variant_ids.to_vec(),
            conn.get_database_backend(),
        ))
        .order_by_asc(product_variant::Column::CreatedAt)
        .order_by_asc(product_variant::Column::Id)
        .into_tuple::<String>()
        .one(conn)
        .await?;
    Ok(first)
}

/// A product's tax rates in the region ([`rates_of_products`] for one product).
pub async fn product_rates<C: Connection>(
    conn: &C,
    product_id: &str,
    region_id: &str,
) -> Result<Vec<tax_rate::Model>> {
    let ids = [product_id.to_owned()];
    Ok(rates_of_products(conn, &ids, region_id)
        .await?
        .remove(product_id)
        .unwrap_or_default())
}

/// Each product's tax rates in the region: its own, then its type's, each group oldest first,
/// a rate once (a product without any is absent). Three statements whatever the number of
/// products: the products' own rates, the products' types, the types' rates.
pub async fn rates_of_products<C: Connection>(
    conn: &C,
    product_ids: &[String],
    region_id: &str,
) -> Result<HashMap<String, Vec<tax_rate::Model>>> {
    let products = distinct(product_ids.iter().cloned());
    if products.is_empty() {
        return Ok(HashMap::new());
    }
    let in_region = || {
        tax_rate::Entity::find()
            .filter(tax_rate::Column::RegionId.eq(region_id))
            .order_by_asc(tax_rate::Column::CreatedAt)
            .order_by_asc(tax_rate::Column::Id)
    };
    let mut reader = Reader::new(conn).await?;
    let own = through(
        &mut reader,
        in_region(),
        tax_rate::Column::Id,
        Link::<product_tax_rate::Entity> {
            owner: product_tax_rate::Column::ProductId,
            target: product_tax_rate::Column::RateId,
        },
        &products,
    )
    .await?
    .into_groups();
    let rows = by_key(
        &mut reader,
        live::<product::Entity>(),
        product::Column::Id,
        products.iter().cloned(),
    )
    .await?;
    let type_of = |id: &str| rows.get(id).and_then(|p| p.type_id.clone());
    let types = distinct(products.iter().filter_map(|p| type_of(p)));
    let of_types = through(
        &mut reader,
        in_region(),
        tax_rate::Column::Id,
        Link::<product_type_tax_rate::Entity> {
            owner: product_type_tax_rate::Column::ProductTypeId,
            target: product_type_tax_rate::Column::RateId,
        },
        &types,
    )
    .await?;
    let mut out = HashMap::new();
    for (product_id, own) in products.iter().zip(own) {
        let of_type = type_of(product_id)
            .and_then(|t| types.iter().position(|x| *x == t))
            .map(|i| of_types.of(i).cloned().collect::<Vec<_>>())
            .unwrap_or_default();
        let mut seen = HashSet::new();
        let rates: Vec<tax_rate::Model> = own
            .into_iter()
            .chain(of_type)
            .filter(|r| seen.insert(r.id.clone()))
            .collect();
        if !rates.is_empty() {
            out.insert(product_id.clone(), rates);
        }
    }
    Ok(out)
}

fn distinct(ids: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut ids: Vec<String> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}
