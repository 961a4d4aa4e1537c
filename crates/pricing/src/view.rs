//! A price list as the admin API returns it, and the loading of its relations: one query per
//! relation for a whole page of lists, never one per list.

use std::collections::HashMap;

use medusa_core::Result;
use medusa_entity::{
    customer_group, money_amount, price_list, price_list_customer_groups, product_variant,
    product_variant_money_amount,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, JoinType, Order, QueryFilter, QueryOrder,
    QuerySelect, RelationDef,
};
use serde::Serialize;

/// A price list with the relations that were loaded (absent keys were not).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriceListView {
    #[serde(flatten)]
    pub price_list: price_list::Model,
    /// `None` with the tax-inclusive pricing flag off (not serialized); see
    /// [`crate::tax_inclusive`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub includes_tax: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_groups: Option<Vec<customer_group::Model>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prices: Option<Vec<PriceView>>,
}

/// A price of a list. With its variants loaded it also carries `variant` and `variant_id`, the
/// first variant, as Medusa's `MoneyAmount.afterLoad` adds them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriceView {
    #[serde(flatten)]
    pub price: money_amount::Model,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variants: Option<Vec<product_variant::Model>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variant: Option<product_variant::Model>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variant_id: Option<String>,
}

/// Which relations to load with a page of price lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Relations {
    pub customer_groups: bool,
    pub prices: bool,
    /// `prices.variants` (implies `prices`).
    pub price_variants: bool,
    /// Give each price `variant` and `variant_id` from its variants. Medusa's single-list reads
    /// do; its list endpoint loads relations after `afterLoad` ran, so there they are absent.
    pub variant_shortcut: bool,
}

impl Relations {
    /// `GET /admin/price-lists/{id}` and every write's answer: prices, their variants and the
    /// customer groups.
    pub const DEFAULT: Relations = Relations {
        customer_groups: true,
        prices: true,
        price_variants: true,
        variant_shortcut: true,
    };
}

/// Loads the relations of a page of price lists, keeping the page's order.
pub async fn load<C: ConnectionTrait>(
    conn: &C,
    lists: Vec<price_list::Model>,
    relations: Relations,
) -> Result<Vec<PriceListView>> {
    let ids: Vec<String> = lists.iter().map(|l| l.id.clone()).collect();
    let mut groups = if relations.customer_groups && !ids.is_empty() {
        customer_groups_of(conn, &ids).await?
    } else {
        HashMap::new()
    };
    let mut prices = if (relations.prices || relations.price_variants) && !ids.is_empty() {
        prices_of(conn, &ids, relations).await?
    } else {
        HashMap::new()
    };
    Ok(lists
        .into_iter()
        .map(|list| PriceListView {
            customer_groups: relations
                .customer_groups
                .then(|| groups.remove(&list.id).unwrap_or_default()),
            prices: (relations.prices || relations.price_variants)
                .then(|| prices.remove(&list.id).unwrap_or_default()),
            price_list: list,
            includes_tax: None,
        })
        .collect())
}

/// The live customer groups of each list, in link order.
async fn customer_groups_of<C: ConnectionTrait>(
    conn: &C,
    list_ids: &[String],
) -> Result<HashMap<String, Vec<customer_group::Model>>> {
    let rows = price_list_customer_groups::Entity::find()
        .filter(price_list_customer_groups::Column::PriceListId.is_in(list_ids.iter().cloned()))
        .find_also_related(customer_group::Entity)
        .filter(customer_group::Column::DeletedAt.is_null())
        .all(conn)
        .await?;
    let mut by_list: HashMap<String, Vec<customer_group::Model>> = HashMap::new();
    for (link, group) in rows {
        if let Some(group) = group {
            by_list.entry(link.price_list_id).or_default().push(group);
        }
    }
    Ok(by_list)
}

/// The live prices of each list in creation order, with their live variants when asked.
async fn prices_of<C: ConnectionTrait>(
    conn: &C,
    list_ids: &[String],
    relations: Relations,
) -> Result<HashMap<String, Vec<PriceView>>> {
    let with_variants = relations.price_variants;
    let prices = money_amount::Entity::find()
        .filter(money_amount::Column::PriceListId.is_in(list_ids.iter().cloned()))
        .filter(money_amount::Column::DeletedAt.is_null())
        .order_by(money_amount::Column::CreatedAt, Order::Asc)
        .order_by(money_amount::Column::Id, Order::Asc)
        .all(conn)
        .await?;
    let mut variants = if with_variants && !prices.is_empty() {
        let price_ids: Vec<String> = prices.iter().map(|p| p.id.clone()).collect();
        variants_of_prices(conn, &price_ids).await?
    } else {
        HashMap::new()
    };
    let mut by_list: HashMap<String, Vec<PriceView>> = HashMap::new();
    for price in prices {
        let Some(list_id) = price.price_list_id.clone() else {
            continue;
        };
        let view = if with_variants {
            let linked = variants.remove(&price.id).unwrap_or_default();
            let first = linked
                .first()
                .filter(|_| relations.variant_shortcut)
                .cloned();
            PriceView {
                variant_id: first.as_ref().map(|v| v.id.clone()),
                variant: first,
                variants: Some(linked),
                price,
            }
        } else {
            PriceView {
                price,
                variants: None,
                variant: None,
                variant_id: None,
            }
        };
        by_list.entry(list_id).or_default().push(view);
    }
    Ok(by_list)
}

/// The join from a price's variant link to the variant.
pub(crate) fn link_to_variant() -> RelationDef {
    product_variant_money_amount::Entity::belongs_to(product_variant::Entity)
        .from(product_variant_money_amount::Column::VariantId)
        .to(product_variant::Column::Id)
        .into()
}

/// The live variants linked to each price (one query).
async fn variants_of_prices<C: ConnectionTrait>(
    conn: &C,
    price_ids: &[String],
) -> Result<HashMap<String, Vec<product_variant::Model>>> {
    let rows = product_variant_money_amount::Entity::find()
        .join(JoinType::InnerJoin, link_to_variant())
        .filter(
            product_variant_money_amount::Column::MoneyAmountId.is_in(price_ids.iter().cloned()),
        )
        .filter(Expr::col((product_variant::Entity, product_variant::Column::DeletedAt)).is_null())
        .select_also(product_variant::Entity)
        .all(conn)
        .await?;
    let mut by_price: HashMap<String, Vec<product_variant::Model>> = HashMap::new();
    for (link, variant) in rows {
        if let Some(variant) = variant {
            by_price
                .entry(link.money_amount_id)
                .or_default()
                .push(variant);
        }
    }
    Ok(by_price)
}
