//! Product CSV import through a job: a file exported here imports again (creating new
//! products when ids are cleared), a bad line fails the job naming its line and column, and
//! a failed import leaves nothing written.

use medusa_batch::{BatchJobService, CreateBatchJob};
use medusa_entity::{money_amount, product, product_variant};
use medusa_file::{Area, FileStorage, NewFile};
use medusa_test_support::builders::{
    PriceListBuilder, ProductBuilder, RegionBuilder, UserBuilder, VariantBuilder,
};
use medusa_test_support::on_both_backends;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::{jobs, Jobs};

on_both_backends!(
    an_exported_file_imports_again,
    a_bad_line_names_its_row_and_column,
    a_failed_import_writes_nothing,
    a_price_list_import_replaces_the_lists_prices,
);

/// Uploads `csv`, creates an import job for it and runs the worker; answers the job.
async fn import(jobs: &Jobs, user: &str, csv: &str) -> Value {
    let stored = jobs
        .files
        .put(
            Area::Protected,
            NewFile {
                name: "import.csv".into(),
                bytes: csv.as_bytes().to_vec(),
            },
        )
        .await
        .unwrap();
    let input = CreateBatchJob::from_body(json!({
        "type": "product-import",
        "context": {"fileKey": stored.key},
    }))
    .unwrap();
    let job = serde_json::to_value(jobs.service.create(user, input).await.unwrap()).unwrap();
    let id = job["id"].as_str().unwrap().to_owned();
    jobs.worker.run_once().await.unwrap();
    serde_json::to_value(jobs.service.retrieve(user, &id).await.unwrap()).unwrap()
}

async fn handles(db: &DatabaseConnection) -> Vec<String> {
    let mut handles: Vec<String> = product::Entity::find()
        .filter(product::Column::DeletedAt.is_null())
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|p| p.handle)
        .collect();
    handles.sort();
    handles
}

/// Exports every product to `path`, with the default flags.
async fn export_to(db: &DatabaseConnection, path: &std::path::Path) {
    let flags = medusa_core::FeatureFlags::default();
    let specs = medusa_product::ProductSpecs::for_flags(flags);
    medusa_batch::direct::export_products(db, path, flags, specs, |_, _| {})
        .await
        .unwrap();
}

async fn an_exported_file_imports_again(db: DatabaseConnection) {
    let admin = crate::shirt_in_europe(&db, &[("SHIRT-M", 1300)]).await;
    let jobs = jobs(&db);
    let exported = jobs.dir.0.join("export.csv");
    export_to(&db, &exported).await;
    let csv = std::fs::read_to_string(&exported).unwrap();

    // The same lines as a new product: ids cleared, another handle and skus.
    let mut lines = csv.split("\r\n").filter(|l| !l.is_empty());
    let header = lines.next().unwrap();
    let columns: Vec<&str> = header.split(';').collect();
    let at = |name: &str| columns.iter().position(|c| *c == name).unwrap();
    // The builder's product has no options; the copy gets one.
    let mut copy = vec![format!("{header};Option 1 Name;Option 1 Value")];
    for line in lines {
        let mut cells: Vec<String> = line.split(';').map(str::to_owned).collect();
        cells[at("Product Id")] = String::new();
        cells[at("Variant Id")] = String::new();
        cells[at("Product Handle")] = "shirt-copy".into();
        cells[at("Variant SKU")] = format!("{}-COPY", cells[at("Variant SKU")]);
        let size = cells[at("Variant Title")].clone();
        cells.push("Size".into());
        cells.push(size);
        copy.push(cells.join(";"));
    }
    let job = import(&jobs, &admin.id, &(copy.join("\r\n") + "\r\n")).await;
    assert_eq!(job["status"], "completed", "{job}");
    assert_eq!(job["result"]["count"], 3);
    assert_eq!(job["result"]["advancement_count"], 3);
    assert_eq!(
        job["result"]["operations"],
        json!({"PRODUCT_CREATE": 1, "VARIANT_CREATE": 2, "PRODUCT_UPDATE": 0, "VARIANT_UPDATE": 0})
    );
    assert_eq!(handles(&db).await, ["shirt", "shirt-copy"]);
    let copy = product::Entity::find()
        .filter(product::Column::Handle.eq("shirt-copy"))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let skus: Vec<Option<String>> = product_variant::Entity::find()
        .filter(product_variant::Column::ProductId.eq(copy.id.as_str()))
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|v| v.sku)
        .collect();
    assert_eq!(skus.len(), 2);
    assert!(skus.contains(&Some("SHIRT-S-COPY".into())));

    // Exported again, the copy has the original's prices, and its option.
    export_to(&db, &exported).await;
    let again = std::fs::read_to_string(&exported).unwrap();
    let header: Vec<&str> = again.split("\r\n").next().unwrap().split(';').collect();
    let at = |name: &str| header.iter().position(|c| *c == name).unwrap();
    let cells_of = |sku: &str| -> Vec<String> {
        again
            .split("\r\n")
            .find(|l| l.contains(&format!(";{sku};")))
            .unwrap()
            .split(';')
            .map(str::to_owned)
            .collect()
    };
    let (original, copied) = (cells_of("SHIRT-S"), cells_of("SHIRT-S-COPY"));
    for column in ["Price EUR", "Price Europe [EUR]", "Variant Title"] {
        assert_eq!(copied[at(column)], original[at(column)], "{column}");
    }
    assert_eq!(copied[at("Price EUR")], "12.5");
    assert_eq!(copied[at("Option 1 Name")], "Size");
    assert_eq!(copied[at("Option 1 Value")], "S");
}

async fn a_bad_line_names_its_row_and_column(db: DatabaseConnection) {
    let admin = UserBuilder::new("a@example.com").insert(&db).await;
    let jobs = jobs(&db);
    let csv = "Product Handle;Product Title;Variant Title;Price Nowhere [EUR]\r\n\
               mug;Mug;One;10\r\n\
               cup;Cup;One;\r\n";
    // Line 1 names an unknown region.
    let job = import(&jobs, &admin.id, csv).await;
    assert_eq!(job["status"], "failed");
    assert_eq!(
        job["result"]["errors"],
        json!(["Error while processing row 1 (product handle: mug), column \"Price Nowhere [EUR]\": Trying to set a price for a region Nowhere that doesn't exist"])
    );
    let csv = "Product Handle;Product Title;Variant Title;Variant Inventory Quantity\r\n\
               mug;Mug;One;10\r\n\
               cup;Cup;One;many\r\n";
    let job = import(&jobs, &admin.id, csv).await;
    assert_eq!(
        job["result"]["errors"],
        json!(["Error while processing row 2 (product handle: cup), column \"Variant Inventory Quantity\": many is not a number"])
    );
    let csv = "Product Handle;Product Colour\r\nmug;blue\r\n";
    let job = import(&jobs, &admin.id, csv).await;
    assert_eq!(
        job["result"]["errors"],
        json!(["The csv file parsing failed due to: Unable to treat column Product Colour from the csv file. No target column found in the provided schema"])
    );
    assert!(handles(&db).await.is_empty());
}

async fn a_failed_import_writes_nothing(db: DatabaseConnection) {
    let admin = UserBuilder::new("a@example.com").insert(&db).await;
    let jobs = jobs(&db);
    // The first product is created before the second line's update finds no product: the
    // whole import is rolled back.
    let csv = "Product Id;Product Handle;Product Title;Variant Title;Price EUR\r\n\
               ;mug;Mug;One;10\r\n\
               prod_missing;cup;Cup;One;12\r\n";
    let job = import(&jobs, &admin.id, csv).await;
    assert_eq!(job["status"], "failed", "{job}");
    let error = job["result"]["errors"][0].as_str().unwrap();
    assert!(
        error.starts_with("Error while processing row 2 (product handle: cup)"),
        "{error}"
    );
    assert!(
        error.contains("Product with id: prod_missing was not found"),
        "{error}"
    );
    assert!(handles(&db).await.is_empty());
    assert_eq!(product_variant::Entity::find().count(&db).await.unwrap(), 0);
}

async fn a_price_list_import_replaces_the_lists_prices(db: DatabaseConnection) {
    let admin = UserBuilder::new("a@example.com").insert(&db).await;
    let eu = RegionBuilder::new("Europe")
        .currency("eur")
        .insert(&db)
        .await;
    let shirt = ProductBuilder::new("Shirt")
        .variant(VariantBuilder::new("S").sku("SHIRT-S").price("eur", 1250))
        .insert(&db)
        .await;
    let list = PriceListBuilder::new("Summer").insert(&db).await;
    let variant = &shirt.variants[0];
    let old = medusa_product::prices::NewPrice {
        id: None,
        currency_code: "usd".into(),
        region_id: None,
        amount: 999,
        min_quantity: None,
        max_quantity: None,
    };
    medusa_product::prices::insert_prices(
        &db,
        &variant.id,
        &[old],
        Some(&list.id),
        medusa_core::time::now(),
    )
    .await
    .unwrap();
    let jobs = jobs(&db);

    let missing = CreateBatchJob::from_body(
        json!({"type": "price-list-import", "context": {"fileKey": "x"}}),
    )
    .unwrap();
    let err = jobs.service.create(&admin.id, missing).await.unwrap_err();
    assert_eq!(err.to_string(), "Price list id is required");

    let upload = |csv: &'static str| {
        let files = jobs.files.clone();
        async move {
            files
                .put(
                    Area::Protected,
                    NewFile {
                        name: "prices.csv".into(),
                        bytes: csv.as_bytes().to_vec(),
                    },
                )
                .await
                .unwrap()
                .key
        }
    };
    let run = |key: String| {
        let input = CreateBatchJob::from_body(json!({
            "type": "price-list-import",
            "context": {"fileKey": key, "price_list_id": list.id},
        }))
        .unwrap();
        let jobs = &jobs;
        let admin = &admin;
        async move {
            let job =
                serde_json::to_value(jobs.service.create(&admin.id, input).await.unwrap()).unwrap();
            jobs.worker.run_once().await.unwrap();
            let id = job["id"].as_str().unwrap().to_owned();
            serde_json::to_value(jobs.service.retrieve(&admin.id, &id).await.unwrap()).unwrap()
        }
    };

    let bad = run(upload("Product Variant ID;SKU;Price EUR\r\n;NOPE;10\r\n").await).await;
    assert_eq!(bad["status"], "failed");
    assert_eq!(
        bad["result"]["errors"],
        json!(["Error while processing row 1: Variant with sku: NOPE was not found"])
    );

    let done = run(upload(
        "Product Variant ID;SKU;Price EUR;Price Europe [EUR]\r\n;SHIRT-S;10;9.5\r\n",
    )
    .await)
    .await;
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!(
        done["result"]["stat_descriptors"][0]["message"],
        "1 prices will be added"
    );
    let mut prices: Vec<(String, Option<String>, i32)> = money_amount::Entity::find()
        .filter(money_amount::Column::PriceListId.eq(list.id.as_str()))
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|p| (p.currency_code, p.region_id, p.amount))
        .collect();
    prices.sort();
    assert_eq!(
        prices,
        [
            ("eur".to_owned(), None, 1000),
            ("eur".to_owned(), Some(eu.id.clone()), 950)
        ]
    );
}
