//! The relations of a page of orders only shown, never read by totals: fulfillments and
//! returns (of orders, swaps and claims), and swaps and claims with theirs: additional items
//! (typed, as totals read them), fulfillments, the return, shipping address and methods, and
//! a swap's payment or a claim's claimed items. One statement per relation for the whole page.

use medusa_core::Result;
use medusa_entity::{
    address, claim_image, claim_item, claim_order, fulfillment, fulfillment_item, line_item,
    payment, r#return, return_item, return_reason, shipping_method, swap,
};
use medusa_load::{by_key, children, find, live, Connection, Reader};
use medusa_query_dsl::in_insertion_order;
use sea_orm::EntityTrait;
use serde_json::{Map, Value};

use crate::json::{array, shown_one, to_map, to_value};
use crate::load::{flat_ids, items, ordered, pad, regroup, Needs};
use crate::methods::shipping_methods;
use crate::rows::{ClaimRows, ItemRows, SwapRows};

/// What swaps and claims share, loaded for the flat list of their ids.
struct Common {
    additional_items: Option<std::vec::IntoIter<Vec<ItemRows>>>,
    shown: Vec<Map<String, Value>>,
}

/// The relations swaps and claims share; `path` is `swaps` or `claims`; the owner columns
/// name the swap's or claim's id.
async fn common<C: Connection>(
    reader: &mut Reader<'_, C>,
    ids: &[String],
    shipping_address_ids: &[Option<String>],
    path: &str,
    owners: (
        line_item::Column,
        fulfillment::Column,
        r#return::Column,
        shipping_method::Column,
    ),
    needs: &Needs<'_>,
) -> Result<Common> {
    if ids.is_empty() {
        // Nothing owns a row: no relation to read, and no statement to build.
        return Ok(Common {
            additional_items: None,
            shown: Vec::new(),
        });
    }
    let mut shown: Vec<Map<String, Value>> = vec![Map::new(); ids.len()];
    let at = |rel: &str| format!("{path}.{rel}");
    let additional_items = if needs.has(&at("additional_items")) {
        let rel = at("additional_items");
        Some(items(reader, owners.0, ids, &rel, needs).await?.into_iter())
    } else {
        None
    };
    if needs.has(&at("fulfillments")) {
        let rel = at("fulfillments");
        let found = load_fulfillments(reader, owners.1, ids, &rel, needs).await?;
        for (map, rows) in shown.iter_mut().zip(found) {
            map.insert("fulfillments".into(), Value::Array(rows));
        }
    }
    if needs.has(&at("return_order")) {
        let rel = at("return_order");
        let found = load_returns(reader, owners.2, ids, &rel, needs).await?;
        for (map, rows) in shown.iter_mut().zip(found) {
            let first = rows.into_iter().next().unwrap_or(Value::Null);
            map.insert("return_order".into(), first);
        }
    }
    if needs.has(&at("shipping_address")) {
        let keys = shipping_address_ids.iter().flatten().cloned();
        let found = by_key(reader, live::<address::Entity>(), address::Column::Id, keys).await?;
        for (map, key) in shown.iter_mut().zip(shipping_address_ids) {
            map.insert("shipping_address".into(), shown_one(&found, key.as_ref())?);
        }
    }
    if needs.has(&at("shipping_methods")) {
        let rel = at("shipping_methods");
        let found = shipping_methods(reader, owners.3, ids, &rel, needs).await?;
        for (map, rows) in shown.iter_mut().zip(found) {
            let methods = rows
                .iter()
                .map(crate::json::shipping_method)
                .collect::<Result<_>>()?;
            map.insert("shipping_methods".into(), Value::Array(methods));
        }
    }
    Ok(Common {
        additional_items,
        shown,
    })
}

/// The swaps of `orders` (their ids), per order.
pub(crate) async fn swaps<C: Connection>(
    reader: &mut Reader<'_, C>,
    orders: &[String],
    needs: &Needs<'_>,
) -> Result<Vec<Vec<SwapRows>>> {
    if orders.is_empty() {
        return Ok(Vec::new());
    }
    let select = in_insertion_order(live::<swap::Entity>(), reader.backend());
    let mut found = children(reader, select, swap::Column::OrderId, orders).await?;
    let groups: Vec<Vec<swap::Model>> = (0..orders.len()).map(|row| found.take(row)).collect();
    let flat: Vec<&swap::Model> = groups.iter().flatten().collect();
    let ids: Vec<String> = flat.iter().map(|s| s.id.clone()).collect();
    let addresses: Vec<Option<String>> =
        flat.iter().map(|s| s.shipping_address_id.clone()).collect();
    let owners = (
        line_item::Column::SwapId,
        fulfillment::Column::SwapId,
        r#return::Column::SwapId,
        shipping_method::Column::SwapId,
    );
    let mut common = common(reader, &ids, &addresses, "swaps", owners, needs).await?;
    if needs.has("swaps.payment") {
        let select =
            in_insertion_order(find::<payment::Entity>(reader.backend()), reader.backend());
        let mut payments = children(reader, select, payment::Column::SwapId, &ids).await?;
        for (row, map) in common.shown.iter_mut().enumerate() {
            let first = payments.take(row).into_iter().next();
            let value = first.map(|p| to_map(&p)).transpose()?.map(Value::Object);
            map.insert("payment".into(), value.unwrap_or(Value::Null));
        }
    }
    let mut shown = common.shown.into_iter();
    Ok(groups
        .into_iter()
        .map(|group| {
            group
                .into_iter()
                .map(|swap| SwapRows {
                    swap,
                    additional_items: common.additional_items.as_mut().and_then(Iterator::next),
                    shown: shown.next().unwrap_or_default(),
                })
                .collect()
        })
        .collect())
}

/// The claims of `orders` (their ids), per order.
pub(crate) async fn claims<C: Connection>(
    reader: &mut Reader<'_, C>,
    orders: &[String],
    needs: &Needs<'_>,
) -> Result<Vec<Vec<ClaimRows>>> {
    if orders.is_empty() {
        return Ok(Vec::new());
    }
    let select = in_insertion_order(live::<claim_order::Entity>(), reader.backend());
    let mut found = children(reader, select, claim_order::Column::OrderId, orders).await?;
    let groups: Vec<Vec<claim_order::Model>> =
        (0..orders.len()).map(|row| found.take(row)).collect();
    let flat: Vec<&claim_order::Model> = groups.iter().flatten().collect();
    let ids: Vec<String> = flat.iter().map(|c| c.id.clone()).collect();
    let addresses: Vec<Option<String>> =
        flat.iter().map(|c| c.shipping_address_id.clone()).collect();
    let owners = (
        line_item::Column::ClaimOrderId,
        fulfillment::Column::ClaimOrderId,
        r#return::Column::ClaimOrderId,
        shipping_method::Column::ClaimOrderId,
    );
    let mut common = common(reader, &ids, &addresses, "claims", owners, needs).await?;
    if needs.has("claims.claim_items") {
        let select = in_insertion_order(live::<claim_item::Entity>(), reader.backend());
        let column = claim_item::Column::ClaimOrderId;
        let mut claimed = children(reader, select, column, &ids).await?;
        let per_claim: Vec<Vec<claim_item::Model>> =
            (0..ids.len()).map(|row| claimed.take(row)).collect();
        let item_ids: Vec<String> = per_claim.iter().flatten().map(|c| c.id.clone()).collect();
        let mut images = if needs.has("claims.claim_items.images") {
            let select = in_insertion_order(live::<claim_image::Entity>(), reader.backend());
            let column = claim_image::Column::ClaimItemId;
            Some(children(reader, select, column, &item_ids).await?)
        } else {
            None
        };
        let lines = if needs.has("claims.claim_items.item") {
            let keys = per_claim.iter().flatten().map(|c| c.item_id.clone());
            let select = line_item::Entity::find();
            Some(by_key(reader, select, line_item::Column::Id, keys).await?)
        } else {
            None
        };
        let mut at = 0;
        for (map, group) in common.shown.iter_mut().zip(per_claim) {
            let mut shown_items = Vec::new();
            for claimed_item in group {
                let mut json = to_map(&claimed_item)?;
                if let Some(images) = images.as_mut() {
                    json.insert("images".into(), array(&images.take(at))?);
                }
                if let Some(lines) = &lines {
                    json.insert(
                        "item".into(),
                        shown_one(lines, Some(&claimed_item.item_id))?,
                    );
                }
                at += 1;
                shown_items.push(Value::Object(json));
            }
            map.insert("claim_items".into(), Value::Array(shown_items));
        }
    }
    let mut shown = common.shown.into_iter();
    Ok(groups
        .into_iter()
        .map(|group| {
            group
                .into_iter()
                .map(|claim| ClaimRows {
                    claim,
                    additional_items: common.additional_items.as_mut().and_then(Iterator::next),
                    shown: shown.next().unwrap_or_default(),
                })
                .collect()
        })
        .collect())
}

/// Fulfillments whose `owner` names one of `parents`, shown with their items (always, as
/// Medusa loads them eagerly) and tracking links when asked.
pub(crate) async fn load_fulfillments<C: Connection>(
    reader: &mut Reader<'_, C>,
    owner: fulfillment::Column,
    parents: &[String],
    path: &str,
    needs: &Needs<'_>,
) -> Result<Vec<Vec<Value>>> {
    if parents.is_empty() {
        return Ok(Vec::new());
    }
    let select = ordered(find::<fulfillment::Entity>(reader.backend()), reader);
    let groups = pad(
        children(reader, select, owner, parents)
            .await?
            .into_groups(),
        parents.len(),
    );
    let ids = flat_ids(&groups, |f: &fulfillment::Model| &f.id);
    let select = ordered(find::<fulfillment_item::Entity>(reader.backend()), reader);
    let mut items = children(
        reader,
        select,
        fulfillment_item::Column::FulfillmentId,
        &ids,
    )
    .await?;
    let mut links = if needs.has(&format!("{path}.tracking_links")) {
        let select = ordered(live::<medusa_entity::tracking_link::Entity>(), reader);
        let column = medusa_entity::tracking_link::Column::FulfillmentId;
        Some(children(reader, select, column, &ids).await?)
    } else {
        None
    };
    regroup(groups, |at, row| {
        let mut json = to_map(&row)?;
        json.insert("items".into(), array(&items.take(at))?);
        if let Some(links) = links.as_mut() {
            json.insert("tracking_links".into(), array(&links.take(at))?);
        }
        Ok(Value::Object(json))
    })
}

/// Returns whose `owner` names one of `parents`, shown with their items (eager in Medusa),
/// the items' reasons and the shipping method when asked.
pub(crate) async fn load_returns<C: Connection>(
    reader: &mut Reader<'_, C>,
    owner: r#return::Column,
    parents: &[String],
    path: &str,
    needs: &Needs<'_>,
) -> Result<Vec<Vec<Value>>> {
    if parents.is_empty() {
        return Ok(Vec::new());
    }
    let select = ordered(find::<r#return::Entity>(reader.backend()), reader);
    let groups = pad(
        children(reader, select, owner, parents)
            .await?
            .into_groups(),
        parents.len(),
    );
    let ids = flat_ids(&groups, |r: &r#return::Model| &r.id);
    let select = ordered(find::<return_item::Entity>(reader.backend()), reader);
    let mut items = children(reader, select, return_item::Column::ReturnId, &ids).await?;
    let reasons = if needs.has(&format!("{path}.items.reason")) {
        let items_flat = (0..ids.len()).flat_map(|at| items.of(at).cloned().collect::<Vec<_>>());
        let keys: Vec<String> = items_flat.filter_map(|i| i.reason_id).collect();
        Some(
            by_key(
                reader,
                live::<return_reason::Entity>(),
                return_reason::Column::Id,
                keys,
            )
            .await?,
        )
    } else {
        None
    };
    let sm_path = format!("{path}.shipping_method");
    let mut methods = if needs.has(&sm_path) {
        let column = shipping_method::Column::ReturnId;
        Some(
            shipping_methods(reader, column, &ids, &sm_path, needs)
                .await?
                .into_iter(),
        )
    } else {
        None
    };
    regroup(groups, |at, row| {
        let mut json = to_map(&row)?;
        let mut shown = Vec::new();
        for item in items.take(at) {
            let mut item_json = to_map(&item)?;
            if let Some(reasons) = &reasons {
                let reason = item.reason_id.as_ref().and_then(|id| reasons.get(id));
                item_json.insert(
                    "reason".into(),
                    reason.map(to_value).transpose()?.unwrap_or(Value::Null),
                );
            }
            shown.push(Value::Object(item_json));
        }
        json.insert("items".into(), Value::Array(shown));
        if let Some(methods) = methods.as_mut() {
            let method = methods.next().unwrap_or_default().into_iter().next();
            let value = method
                .map(|m| crate::json::shipping_method(&m))
                .transpose()?;
            json.insert("shipping_method".into(), value.unwrap_or(Value::Null));
        }
        Ok(Value::Object(json))
    })
}
