//! The import's bulk writes against its row-by-row writes: the same file written both ways
//! leaves the same catalog and events, across chunk boundaries; a chunk the bulk write would
//! refuse fails with the row-by-row error and leaves nothing.

use std::collections::BTreeMap;
use std::path::Path;

use medusa_batch::product_import::{apply_import_with, Writes};
use medusa_core::FeatureFlags;
use medusa_entity::{
    event_outbox, image, money_amount, product, product_images, product_option,
    product_option_value, product_sales_channel, product_tag, product_tags, product_type,
    product_variant, product_variant_money_amount, sales_channel,
};
use medusa_test_support::builders::{RegionBuilder, SalesChannelBuilder};
use medusa_test_support::on_both_backends;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Select, TransactionTrait,
};
use serde_json::{json, Value};

use crate::TempDir;

on_both_backends!(
    bulk_writes_equal_row_by_row_writes,
    a_refused_chunk_fails_as_row_by_row
);

/// 110 products of 5 variants (two chunks): prices by currency and region, two options,
/// shared tags, types and images, channels, external ids, unmanaged variants.
fn catalog_csv(prefix: &str, duplicate_sku_at: Option<usize>) -> String {
    let mut csv = String::from(
        "Product Handle;Product Title;Product Status;Product Tags;Product Type;Product External Id;\
         Variant Title;Variant SKU;Variant Inventory Quantity;Variant Manage Inventory;\
         Option 1 Name;Option 1 Value;Option 2 Name;Option 2 Value;Price EUR;Price Europe [EUR];\
         Image 1 Url;Image 2 Url;Sales Channel 1 Name\r\n",
    );
    for row in 0..550 {
        let (p, v) = (row / 5, row % 5);
        let sku = match duplicate_sku_at {
            Some(at) if at == row => format!("{prefix}-0-0"),
            _ => format!("{prefix}-{p}-{v}"),
        };
        let tags = if p % 7 == 0 {
            format!("a,a,{prefix}")
        } else {
            "a,b".to_owned()
        };
        let kind = if p % 3 == 0 {
            String::new()
        } else {
            format!("{prefix} type {}", p % 4)
        };
        let external = if p % 2 == 0 {
            format!("ext-{p}")
        } else {
            String::new()
        };
        let managed = if v == 4 { "false" } else { "true" };
        let channel = if p % 5 == 0 { "Web" } else { "" };
        csv.push_str(&format!(
            "{prefix}-{p};Product {p};published;{tags};{kind};{external};V{v};{sku};{v};{managed};\
             Size;S{v};Colour;{};{}.5{v};{}.25;https://img/{prefix}-{p}.png;https://img/shared.png;{channel}\r\n",
            v % 2,
            10 + v,
            8 + v,
        ));
    }
    csv
}

/// Imports `csv` written as `writes` says, in one transaction (rolled back on failure).
async fn import(
    db: &DatabaseConnection,
    dir: &Path,
    csv: &str,
    writes: Writes,
) -> Result<u64, String> {
    let path = dir.join(format!("{writes:?}.csv"));
    std::fs::write(&path, csv).unwrap();
    let txn = db.begin().await.unwrap();
    let flags = FeatureFlags::default();
    match apply_import_with(&txn, &path, flags, writes, |_| async { Ok(()) }).await {
        Ok(done) => {
            txn.commit().await.unwrap();
            Ok(done)
        }
        Err(err) => {
            txn.rollback().await.unwrap();
            Err(err.to_string())
        }
    }
}

/// Every row `select` reads, each through `map`.
async fn mapped<E: EntityTrait, T, C: FromIterator<T>>(
    db: &DatabaseConnection,
    select: Select<E>,
    map: impl FnMut(E::Model) -> T,
) -> C {
    select.all(db).await.unwrap().into_iter().map(map).collect()
}

/// The products whose handles start with `prefix`, as values with the prefix taken out.
async fn catalog(db: &DatabaseConnection, prefix: &str) -> Value {
    let strip = |text: &str| text.replacen(prefix, "P", 1);
    let types: BTreeMap<String, String> =
        mapped(db, product_type::Entity::find(), |t| (t.id, t.value)).await;
    let tags: BTreeMap<String, String> =
        mapped(db, product_tag::Entity::find(), |t| (t.id, t.value)).await;
    let images: BTreeMap<String, String> =
        mapped(db, image::Entity::find(), |i| (i.id, i.url)).await;
    let channels: BTreeMap<String, String> =
        mapped(db, sales_channel::Entity::find(), |c| (c.id, c.name)).await;
    let mut out = Vec::new();
    let products = product::Entity::find()
        .filter(product::Column::Handle.starts_with(prefix))
        .order_by_asc(product::Column::Handle)
        .all(db)
        .await
        .unwrap();
    for p in products {
        let mut tag_values: Vec<String> = mapped(
            db,
            product_tags::Entity::find().filter(product_tags::Column::ProductId.eq(&p.id)),
            |l| strip(&tags[&l.product_tag_id]),
        )
        .await;
        tag_values.sort();
        let mut urls: Vec<String> = mapped(
            db,
            product_images::Entity::find().filter(product_images::Column::ProductId.eq(&p.id)),
            |l| strip(&images[&l.image_id]),
        )
        .await;
        urls.sort();
        let channel_names: Vec<String> = mapped(
            db,
            product_sales_channel::Entity::find()
                .filter(product_sales_channel::Column::ProductId.eq(&p.id)),
            |l| channels[&l.sales_channel_id].clone(),
        )
        .await;
        let options: BTreeMap<String, String> = mapped(
            db,
            product_option::Entity::find().filter(product_option::Column::ProductId.eq(&p.id)),
            |o| (o.id, o.title),
        )
        .await;
        let mut variants = Vec::new();
        for v in product_variant::Entity::find()
            .filter(product_variant::Column::ProductId.eq(&p.id))
            .order_by_asc(product_variant::Column::VariantRank)
            .all(db)
            .await
            .unwrap()
        {
            let mut values: Vec<(String, String)> = mapped(
                db,
                product_option_value::Entity::find()
                    .filter(product_option_value::Column::VariantId.eq(&v.id)),
                |o| (options[&o.option_id].clone(), o.value),
            )
            .await;
            values.sort();
            let price_ids: Vec<String> = mapped(
                db,
                product_variant_money_amount::Entity::find()
                    .filter(product_variant_money_amount::Column::VariantId.eq(&v.id)),
                |l| l.money_amount_id,
            )
            .await;
            let mut prices: Vec<(String, Option<String>, i32)> = mapped(
                db,
                money_amount::Entity::find().filter(money_amount::Column::Id.is_in(price_ids)),
                |m| (m.currency_code, m.region_id, m.amount),
            )
            .await;
            prices.sort();
            variants.push(json!({
                "title": v.title, "sku": v.sku.as_deref().map(strip), "quantity": v.inventory_quantity,
                "managed": v.manage_inventory, "backorder": v.allow_backorder, "rank": v.variant_rank,
                "values": values, "prices": prices, "deleted": v.deleted_at.is_some(),
            }));
        }
        let mut titles: Vec<&String> = options.values().collect();
        titles.sort();
        out.push(json!({
            "handle": p.handle.as_deref().map(strip), "title": p.title, "status": format!("{:?}", p.status),
            "thumbnail": p.thumbnail.as_deref().map(strip), "discountable": p.discountable, "external_id": p.external_id,
            "type": p.type_id.map(|id| strip(&types[&id])), "tags": tag_values, "images": urls,
            "channels": channel_names, "options": titles, "variants": variants,
            "timestamps_agree": p.created_at <= p.updated_at,
        }));
    }
    Value::Array(out)
}

async fn event_counts(db: &DatabaseConnection) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for event in event_outbox::Entity::find().all(db).await.unwrap() {
        *counts.entry(event.name).or_insert(0) += 1;
    }
    counts
}

async fn bulk_writes_equal_row_by_row_writes(db: DatabaseConnection) {
    RegionBuilder::new("Europe")
        .currency("eur")
        .insert(&db)
        .await;
    SalesChannelBuilder::new("Web").insert(&db).await;
    let dir = TempDir::new("bulk");
    let before = event_counts(&db).await;
    let done = import(&db, &dir.0, &catalog_csv("row", None), Writes::RowByRow)
        .await
        .unwrap();
    let after_rows = event_counts(&db).await;
    assert_eq!(
        import(&db, &dir.0, &catalog_csv("bulk", None), Writes::Bulk).await,
        Ok(done)
    );
    let after_bulk = event_counts(&db).await;
    assert_eq!(done, 110 + 550);
    let rows = catalog(&db, "row").await;
    assert_eq!(rows.as_array().unwrap().len(), 110);
    let bulk = catalog(&db, "bulk").await;
    for (by_rows, in_bulk) in rows
        .as_array()
        .unwrap()
        .iter()
        .zip(bulk.as_array().unwrap())
    {
        assert_eq!(in_bulk, by_rows);
    }
    assert_eq!(bulk, rows);
    for (name, count) in &after_bulk {
        let by_rows = after_rows.get(name).unwrap_or(&0) - before.get(name).unwrap_or(&0);
        assert_eq!(
            count - after_rows.get(name).unwrap_or(&0),
            by_rows,
            "{name}"
        );
    }
    assert_eq!(
        after_bulk["product-variant.created"] - after_rows["product-variant.created"],
        550
    );
}

async fn a_refused_chunk_fails_as_row_by_row(db: DatabaseConnection) {
    RegionBuilder::new("Europe")
        .currency("eur")
        .insert(&db)
        .await;
    let dir = TempDir::new("refused");
    // Row 521 (in the second chunk) repeats the first row's sku.
    let csv = catalog_csv("dup", Some(520));
    let by_rows = import(&db, &dir.0, &csv, Writes::RowByRow)
        .await
        .unwrap_err();
    assert!(
        by_rows.starts_with(
            "Error while processing row 521 (product handle: dup-104, variant sku: dup-0-0)"
        ),
        "{by_rows}"
    );
    assert_eq!(import(&db, &dir.0, &csv, Writes::Bulk).await, Err(by_rows));
    assert_eq!(product::Entity::find().all(&db).await.unwrap().len(), 0);
}
