//! Loading a page of orders with their relations, level by level through `medusa-load`: one
//! statement per relation for the whole page (the items' and the shipping methods' tax lines
//! joined into their parents' statements), so the number of statements depends on the
//! relations asked for, never on the page size.
//!
//! Line items, shipping methods, fulfillments and returns hang off orders, swaps, claims and
//! returns alike; each is loaded by one function taking the owning column, so an order's
//! items and a swap's additional items are read the same way (one statement each).

use std::collections::HashMap;

use medusa_core::Result;
use medusa_entity::includes_tax::{self, Table};
use medusa_entity::{
    discount, discount_rule, fulfillment, gift_card, gift_card_transaction, line_item,
    line_item_adjustment, line_item_tax_line, order, order_discounts, order_edit, order_gift_cards,
    payment, product, product_shipping_profile, product_variant, r#return, refund, shipping_method,
    shipping_profile,
};
use medusa_load::{
    by_key, children, children_with, find, fold_joined, join_many, join_one, joined_one, live,
    through, through_with, Children, Connection, Joined, Link, Positions, Reader,
};
use medusa_query_dsl::{in_insertion_order, in_insertion_order_of, Selection};
use sea_orm::sea_query::{Expr, SelectStatement};
use sea_orm::QueryResult;
use sea_orm::{EntityTrait, Select};
use serde_json::Value;

use crate::json::{to_map, to_value};
use crate::rows::{DiscountRows, GiftCardTransactionRows, ItemRows, OrderRows};
use crate::spec::TotalsRequest;

/// The alias of the rule joined into the discounts' statement.
const RULE: &str = "joined_rule";
/// The alias of the tax lines joined into their items' or shipping methods' statement.
pub(crate) const TAX_LINE: &str = "joined_tax_line";

/// Relations every order read loads because totals read them (Medusa's
/// `getTotalsRelations`, applied by its list and its retrieve alike).
const TOTALS_RELATIONS: &[&str] = &[
    "items",
    "items.tax_lines",
    "items.adjustments",
    "items.variant",
    "swaps",
    "swaps.additional_items",
    "swaps.additional_items.tax_lines",
    "swaps.additional_items.adjustments",
    "claims",
    "claims.additional_items",
    "claims.additional_items.tax_lines",
    "claims.additional_items.adjustments",
    "discounts",
    "discounts.rule",
    "gift_cards",
    "gift_card_transactions",
    "refunds",
    "shipping_methods",
    "shipping_methods.tax_lines",
    "region",
    "payments",
];

/// Relations added when `fields` names a totals field (Medusa's `transformQueryForTotals`).
const LEGACY_TOTALS_RELATIONS: &[&str] = &[
    "items.variant.product",
    "items.variant.product.profiles",
    "gift_card_transactions.gift_card",
];

/// Which relation paths a read loads: the selection's, and those totals need.
pub(crate) struct Needs<'a> {
    selection: &'a Selection,
    legacy: bool,
    /// `MEDUSA_FF_TAX_INCLUSIVE_PRICING`: rows carry their flag-only `includes_tax`.
    pub(crate) tax_inclusive: bool,
}

impl<'a> Needs<'a> {
    pub(crate) fn new(
        selection: &'a Selection,
        totals: &TotalsRequest,
        tax_inclusive: bool,
    ) -> Self {
        Self {
            selection,
            legacy: totals.any(),
            tax_inclusive,
        }
    }

    pub(crate) fn has(&self, path: &str) -> bool {
        TOTALS_RELATIONS.contains(&path)
            || (self.legacy && LEGACY_TOTALS_RELATIONS.contains(&path))
            || self.selection.has_relation(path)
    }
}

pub(crate) fn ordered<E: EntityTrait>(
    select: Select<E>,
    reader: &Reader<'_, impl Connection>,
) -> Select<E> {
    in_insertion_order(select, reader.backend())
}

/// `groups` of rows, flattened, with the keys of the flat rows.
pub(crate) fn flat_ids<M>(groups: &[Vec<M>], id: impl Fn(&M) -> &str) -> Vec<String> {
    groups.iter().flatten().map(|m| id(m).to_owned()).collect()
}

/// Walks `groups` in order, handing each row its position in the flat list.
pub(crate) fn regroup<M, T>(
    groups: Vec<Vec<M>>,
    mut f: impl FnMut(usize, M) -> Result<T>,
) -> Result<Vec<Vec<T>>> {
    let mut at = 0;
    groups
        .into_iter()
        .map(|group| {
            group
                .into_iter()
                .map(|row| {
                    let built = f(at, row);
                    at += 1;
                    built
                })
                .collect()
        })
        .collect()
}

/// Line items whose `owner` column names one of `parents`; `path` is where they hang in
/// the order (`items`, `swaps.additional_items`), deciding which of their relations load.
pub(crate) async fn items<C: Connection>(
    reader: &mut Reader<'_, C>,
    owner: line_item::Column,
    parents: &[String],
    path: &str,
    needs: &Needs<'_>,
) -> Result<Vec<Vec<ItemRows>>> {
    if parents.is_empty() {
        return Ok(Vec::new());
    }
    let want = |rel: &str| needs.has(&format!("{path}.{rel}"));
    // The tax lines, when asked for, are joined into the items' statement.
    let with_tax_lines = want("tax_lines");
    let line_owner = line_item_tax_line::Column::ItemId;
    let backend = reader.backend();
    let joined = Joined::new(
        |select: &mut SelectStatement| {
            if with_tax_lines {
                let key = Expr::col((line_item::Entity, line_item::Column::Id));
                join_many::<line_item_tax_line::Entity>(
                    select,
                    backend,
                    TAX_LINE,
                    line_owner,
                    key.into(),
                );
            }
        },
        |row: &QueryResult, at: &Positions| {
            with_tax_lines
                .then(|| joined_one::<line_item_tax_line::Entity>(row, at, TAX_LINE, line_owner))
                .transpose()
                .map(Option::flatten)
        },
    );
    let select = in_insertion_order_of(find::<line_item::Entity>(backend), backend, "line_item");
    let groups = children_with(reader, select, owner, parents, joined)
        .await?
        .into_groups()
        .into_iter()
        .map(|rows| fold_joined(rows, |a, b| a.id == b.id));
    let groups = pad(groups.collect(), parents.len());
    let ids = flat_ids(&groups, |(i, _): &(line_item::Model, _)| &i.id);

    let mut adjustments = if want("adjustments") {
        let select = ordered(
            find::<line_item_adjustment::Entity>(reader.backend()),
            reader,
        );
        Some(children(reader, select, line_item_adjustment::Column::ItemId, &ids).await?)
    } else {
        None
    };
    let variants = if want("variant") {
        let keys = groups
            .iter()
            .flatten()
            .filter_map(|(i, _)| i.variant_id.clone());
        let variants = by_key(
            reader,
            find::<product_variant::Entity>(reader.backend()),
            product_variant::Column::Id,
            keys,
        )
        .await?;
        let products = if want("variant.product") {
            Some(products(reader, &variants, want("variant.product.profiles")).await?)
        } else {
            None
        };
        let mut shown = HashMap::new();
        for (id, variant) in &variants {
            let mut json = to_map(variant)?;
            if let Some(products) = &products {
                let product = products.get(&variant.product_id).cloned();
                json.insert("product".into(), product.unwrap_or(Value::Null));
            }
            shown.insert(id.clone(), Value::Object(json));
        }
        Some(shown)
    } else {
        None
    };

    let includes_tax = includes_tax_of(reader, needs, Table::LineItem, &ids).await?;
    regroup(groups, |at, (item, tax_lines)| {
        let included = flagged(includes_tax.as_ref(), &item.id);
        let variant = variants.as_ref().map(|shown| {
            item.variant_id
                .as_ref()
                .and_then(|id| shown.get(id).cloned())
                .unwrap_or(Value::Null)
        });
        Ok(ItemRows {
            tax_lines,
            adjustments: adjustments.as_mut().map(|c| c.take(at)).unwrap_or_default(),
            variant,
            includes_tax: included,
            item,
        })
    })
}

/// The products of `variants`, shown with their shipping profiles when asked (Medusa's
/// `profiles`, and `profile`/`profile_id` naming the last of them).
async fn products<C: Connection>(
    reader: &mut Reader<'_, C>,
    variants: &HashMap<String, product_variant::Model>,
    with_profiles: bool,
) -> Result<HashMap<String, Value>> {
    let keys = variants.values().map(|v| v.product_id.clone());
    let select = find::<product::Entity>(reader.backend());
    let products = by_key(reader, select, product::Column::Id, keys).await?;
    let ids: Vec<String> = products.keys().cloned().collect();
    let mut profiles = if with_profiles {
        let link = Link::<product_shipping_profile::Entity> {
            owner: product_shipping_profile::Column::ProductId,
            target: product_shipping_profile::Column::ProfileId,
        };
        let select = in_insertion_order_of(
            live::<shipping_profile::Entity>(),
            reader.backend(),
            "product_shipping_profile",
        );
        Some(through(reader, select, shipping_profile::Column::Id, link, &ids).await?)
    } else {
        None
    };
    let mut shown = HashMap::new();
    for (row, id) in ids.iter().enumerate() {
        let Some(product) = products.get(id) else {
            continue;
        };
        let mut json = to_map(product)?;
        if let Some(profiles) = profiles.as_mut() {
            let rows = profiles.take(row);
            let last = rows.last().map(to_value).transpose()?;
            json.insert(
                "profile_id".into(),
                last.as_ref()
                    .and_then(|p| p.get("id").cloned())
                    .unwrap_or(Value::Null),
            );
            json.insert(
                "profiles".into(),
                Value::Array(rows.iter().map(to_value).collect::<Result<_>>()?),
            );
            json.insert("profile".into(), last.unwrap_or(Value::Null));
        }
        shown.insert(id.clone(), Value::Object(json));
    }
    Ok(shown)
}

/// `groups` with one (possibly empty) group per parent.
pub(crate) fn pad<M>(mut groups: Vec<Vec<M>>, parents: usize) -> Vec<Vec<M>> {
    groups.resize_with(parents, Vec::new);
    groups
}

/// The flag-only `includes_tax` of `keys` in `table` (one statement), when the read serves
/// the tax-inclusive-pricing flag.
pub(crate) async fn includes_tax_of<C: Connection>(
    reader: &mut Reader<'_, C>,
    needs: &Needs<'_>,
    table: Table,
    keys: &[String],
) -> Result<Option<HashMap<String, bool>>> {
    if !needs.tax_inclusive {
        return Ok(None);
    }
    if keys.is_empty() {
        return Ok(Some(HashMap::new()));
    }
    let rows = reader.results(&includes_tax::select(table, keys)).await?;
    Ok(Some(includes_tax::from_rows(table, &rows)?))
}

/// One row's value from [`includes_tax_of`]'s answer (Medusa's column default, `false`, for
/// a row it did not find).
pub(crate) fn flagged(values: Option<&HashMap<String, bool>>, key: &str) -> Option<bool> {
    values.map(|found| found.get(key).copied().unwrap_or(false))
}

/// An order edit as Medusa loads one: its columns and the `status` its timestamps give.
fn shown_edit(edit: &order_edit::Model) -> Result<Value> {
    let mut json = to_map(edit)?;
    let status = crate::status::order_edit_status(
        edit.requested_at.is_some(),
        edit.declined_at.is_some(),
        edit.confirmed_at.is_some(),
        edit.canceled_at.is_some(),
    );
    json.insert("status".into(), Value::String(status.into()));
    Ok(Value::Object(json))
}

/// Reads the orders `select` selects with the relations `needs` names, through `reader`.
pub(crate) async fn orders<C: Connection>(
    reader: &mut Reader<'_, C>,
    select: Select<order::Entity>,
    needs: &Needs<'_>,
) -> Result<Vec<OrderRows>> {
    let crate::page::OrderPage { mut orders, absent } =
        crate::page::read_orders(reader, select, needs).await?;
    if orders.is_empty() {
        return Ok(orders);
    }
    let ids: Vec<String> = orders.iter().map(|o| o.order.id.clone()).collect();
    // A relation no order of the page has is loaded for no order: no statement.
    let keys = |path: &str| -> &[String] {
        if absent.contains(&path) {
            &[]
        } else {
            &ids
        }
    };

    if needs.has("discounts") {
        load_discounts(reader, &ids, &mut orders, needs.has("discounts.rule")).await?;
    }
    if needs.has("gift_cards") {
        let link = Link::<order_gift_cards::Entity> {
            owner: order_gift_cards::Column::OrderId,
            target: order_gift_cards::Column::GiftCardId,
        };
        let parents = keys("gift_cards");
        let mut cards = if parents.is_empty() {
            Children::none(0)
        } else {
            let select = in_insertion_order_of(
                live::<gift_card::Entity>(),
                reader.backend(),
                "order_gift_cards",
            );
            through(reader, select, gift_card::Column::Id, link, parents).await?
        };
        for (row, o) in orders.iter_mut().enumerate() {
            o.gift_cards = Some(cards.take(row));
        }
    }
    if needs.has("gift_card_transactions") {
        let select = ordered(
            find::<gift_card_transaction::Entity>(reader.backend()),
            reader,
        );
        let column = gift_card_transaction::Column::OrderId;
        let parents = keys("gift_card_transactions");
        let mut transactions = children(reader, select, column, parents).await?;
        let cards = if needs.has("gift_card_transactions.gift_card") {
            let keys: Vec<String> = (0..ids.len())
                .flat_map(|row| {
                    transactions
                        .of(row)
                        .map(|t| t.gift_card_id.clone())
                        .collect::<Vec<_>>()
                })
                .collect();
            Some(
                by_key(
                    reader,
                    find::<gift_card::Entity>(reader.backend()),
                    gift_card::Column::Id,
                    keys,
                )
                .await?,
            )
        } else {
            None
        };
        for (row, o) in orders.iter_mut().enumerate() {
            let rows =
                transactions
                    .take(row)
                    .into_iter()
                    .map(|transaction| GiftCardTransactionRows {
                        gift_card: cards
                            .as_ref()
                            .and_then(|c| c.get(&transaction.gift_card_id).cloned()),
                        transaction,
                    });
            o.gift_card_transactions = Some(rows.collect());
        }
    }
    if needs.has("payments") {
        let select = ordered(find::<payment::Entity>(reader.backend()), reader);
        let mut found = children(reader, select, payment::Column::OrderId, &ids).await?;
        for (row, o) in orders.iter_mut().enumerate() {
            o.payments = Some(found.take(row));
        }
    }
    if needs.has("refunds") {
        let select = ordered(find::<refund::Entity>(reader.backend()), reader);
        let parents = keys("refunds");
        let mut found = children(reader, select, refund::Column::OrderId, parents).await?;
        for (row, o) in orders.iter_mut().enumerate() {
            o.refunds = Some(found.take(row));
        }
    }
    if needs.has("edits") {
        let select = ordered(find::<order_edit::Entity>(reader.backend()), reader);
        let parents = keys("edits");
        let mut found = children(reader, select, order_edit::Column::OrderId, parents).await?;
        for (row, o) in orders.iter_mut().enumerate() {
            let edits = found
                .take(row)
                .iter()
                .map(shown_edit)
                .collect::<Result<_>>()?;
            o.shown.insert("edits".into(), Value::Array(edits));
        }
    }
    if needs.has("items") {
        let found = items(reader, line_item::Column::OrderId, &ids, "items", needs).await?;
        for (o, rows) in orders.iter_mut().zip(found) {
            o.items = Some(rows);
        }
    }
    if needs.has("shipping_methods") {
        let column = shipping_method::Column::OrderId;
        let found =
            crate::methods::shipping_methods(reader, column, &ids, "shipping_methods", needs)
                .await?;
        for (o, rows) in orders.iter_mut().zip(found) {
            o.shipping_methods = Some(rows);
        }
    }
    if needs.has("fulfillments") {
        let column = fulfillment::Column::OrderId;
        let parents = keys("fulfillments");
        let found =
            crate::load_more::load_fulfillments(reader, column, parents, "fulfillments", needs)
                .await?;
        let found = pad(found, ids.len());
        for (o, rows) in orders.iter_mut().zip(found) {
            o.shown.insert("fulfillments".into(), Value::Array(rows));
        }
    }
    if needs.has("returns") {
        let found = crate::load_more::load_returns(
            reader,
            r#return::Column::OrderId,
            keys("returns"),
            "returns",
            needs,
        )
        .await?;
        let found = pad(found, ids.len());
        for (o, rows) in orders.iter_mut().zip(found) {
            o.shown.insert("returns".into(), Value::Array(rows));
        }
    }
    if needs.has("swaps") {
        let found = crate::load_more::swaps(reader, keys("swaps"), needs).await?;
        let found = pad(found, ids.len());
        for (o, rows) in orders.iter_mut().zip(found) {
            o.swaps = Some(rows);
        }
    }
    if needs.has("claims") {
        let found = crate::load_more::claims(reader, keys("claims"), needs).await?;
        let found = pad(found, ids.len());
        for (o, rows) in orders.iter_mut().zip(found) {
            o.claims = Some(rows);
        }
    }
    Ok(orders)
}

async fn load_discounts<C: Connection>(
    reader: &mut Reader<'_, C>,
    ids: &[String],
    orders: &mut [OrderRows],
    with_rule: bool,
) -> Result<()> {
    // Medusa reads an order's discounts with deleted ones.
    let link = Link::<order_discounts::Entity> {
        owner: order_discounts::Column::OrderId,
        target: order_discounts::Column::DiscountId,
    };
    let select = in_insertion_order_of(
        find::<discount::Entity>(reader.backend()),
        reader.backend(),
        "order_discounts",
    );
    // The rule is joined into the discounts' statement (with deleted ones, as the discount).
    let rule = discount_rule::Column::Id;
    let backend = reader.backend();
    let joined = Joined::new(
        |select: &mut SelectStatement| {
            if with_rule {
                let key = Expr::col((discount::Entity, discount::Column::RuleId));
                join_one::<discount_rule::Entity>(select, backend, RULE, rule, key.into(), false);
            }
        },
        |row: &QueryResult, at: &Positions| {
            if with_rule {
                joined_one::<discount_rule::Entity>(row, at, RULE, rule)
            } else {
                Ok(None)
            }
        },
    );
    let mut found = through_with(reader, select, discount::Column::Id, link, ids, joined).await?;
    for (row, o) in orders.iter_mut().enumerate() {
        let rows = found
            .take(row)
            .into_iter()
            .map(|(discount, rule)| DiscountRows { rule, discount });
        o.discounts = Some(rows.collect());
    }
    Ok(())
}
