//! A price list as the admin API returns it, and the loading of its relations: one query per
//! relation for a whole page of lists, never one per list.

use medusa_core::Result;
use medusa_entity::{
    customer_group, money_amount, price_list, price_list_customer_groups, product_variant,
    product_variant_money_amount,
};
use medusa_load::{children, live, through, Children, Connection, Link, Reader};
use medusa_query_dsl::in_insertion_order_of;
use sea_orm::{EntityTrait, Order, QueryOrder, RelationDef};
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

/// Loads the relations of a page of price lists, keeping the page's order: one statement
/// per relation for the whole page.
pub async fn load<C: Connection>(
    conn: &C,
    lists: Vec<price_list::Model>,
    relations: Relations,
) -> Result<Vec<PriceListView>> {
    let ids: Vec<String> = lists.iter().map(|l| l.id.clone()).collect();
    let mut reader = Reader::new(conn).await?;
    let mut groups = match relations.customer_groups {
        true => Some(customer_groups_of(&mut reader, &ids).await?),
        false => None,
    };
    let mut prices = match relations.prices || relations.price_variants {
        true => Some(prices_of(&mut reader, &ids, relations).await?),
        false => None,
    };
    Ok(lists
        .into_iter()
        .enumerate()
        .map(|(row, list)| PriceListView {
            customer_groups: groups.as_mut().map(|loaded| loaded.take(row)),
            prices: prices.as_mut().map(|loaded| loaded.take(row)),
            price_list: list,
            includes_tax: None,
        })
        .collect())
}

/// The live customer groups of each list, in link order.
async fn customer_groups_of<C: Connection>(
    reader: &mut Reader<'_, C>,
    list_ids: &[String],
) -> Result<Children<customer_group::Model>> {
    let select = in_insertion_order_of(
        live::<customer_group::Entity>(),
        reader.backend(),
        "price_list_customer_groups",
    );
    let link = Link::<price_list_customer_groups::Entity> {
        owner: price_list_customer_groups::Column::PriceListId,
        target: price_list_customer_groups::Column::CustomerGroupId,
    };
    through(reader, select, customer_group::Column::Id, link, list_ids).await
}

/// The live prices of each list in creation order, with their live variants when asked.
async fn prices_of<C: Connection>(
    reader: &mut Reader<'_, C>,
    list_ids: &[String],
    relations: Relations,
) -> Result<Children<PriceView>> {
    let with_variants = relations.price_variants;
    let select = live::<money_amount::Entity>()
        .order_by(money_amount::Column::CreatedAt, Order::Asc)
        .order_by(money_amount::Column::Id, Order::Asc);
    let owner = money_amount::Column::PriceListId;
    let prices = children(reader, select, owner, list_ids)
        .await?
        .into_groups();
    let price_ids: Vec<String> = prices.iter().flatten().map(|p| p.id.clone()).collect();
    let mut variants = match with_variants {
        true => Some(variants_of_prices(reader, &price_ids).await?),
        false => None,
    };
    let mut views = Vec::with_capacity(price_ids.len());
    let mut owners = Vec::with_capacity(price_ids.len());
    let mut row = 0;
    for (list_id, prices) in list_ids.iter().zip(prices) {
        for price in prices {
            let view = match variants.as_mut() {
                Some(variants) => {
                    let linked = variants.take(row);
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
                }
                None => PriceView {
                    price,
                    variants: None,
                    variant: None,
                    variant_id: None,
                },
            };
            row += 1;
            views.push(view);
            owners.push(Some(list_id.as_str()));
        }
    }
    Ok(Children::new(list_ids, views, &owners))
}

/// The join from a price to its variant links (`product_variant_money_amount`).
pub(crate) fn price_to_variant_link() -> RelationDef {
    money_amount::Entity::belongs_to(product_variant_money_amount::Entity)
        .from(money_amount::Column::Id)
        .to(product_variant_money_amount::Column::MoneyAmountId)
        .into()
}

/// The join from a price's variant link to the variant.
pub(crate) fn link_to_variant() -> RelationDef {
    medusa_load::references::<product_variant_money_amount::Entity, product_variant::Entity>(
        product_variant_money_amount::Column::VariantId,
        product_variant::Column::Id,
    )
}

/// The live variants linked to each of `price_ids` (one statement).
async fn variants_of_prices<C: Connection>(
    reader: &mut Reader<'_, C>,
    price_ids: &[String],
) -> Result<Children<product_variant::Model>> {
    let link = Link::<product_variant_money_amount::Entity> {
        owner: product_variant_money_amount::Column::MoneyAmountId,
        target: product_variant_money_amount::Column::VariantId,
    };
    let select = live::<product_variant::Entity>();
    through(reader, select, product_variant::Column::Id, link, price_ids).await
}
