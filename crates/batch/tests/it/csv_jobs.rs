//! Product CSV import through a job: a file exported here imports again (creating new
//! products when ids are cleared), a bad line fails the job naming its line and column, and
//! a failed import leaves nothing written.

use medusa_batch::{BatchJobService, CreateBatchJob};
use medusa_entity::{product, product_variant};
use medusa_file::{Area, FileStorage, NewFile};
use medusa_test_support::builders::{ProductBuilder, RegionBuilder, UserBuilder, VariantBuilder};
use medusa_test_support::on_both_backends;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::{jobs, Jobs};

on_both_backends!(
    an_exported_file_imports_again,
    a_bad_line_names_its_row_and_column,
    a_failed_import_writes_nothing,
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

async fn an_exported_file_imports_again(db: DatabaseConnection) {
    let admin = UserBuilder::new("a@example.com").insert(&db).await;
    let eu = RegionBuilder::new("Europe").currency("eur").insert(&db).await;
    ProductBuilder::new("Shirt")
        .handle("shirt")
        .variant(VariantBuilder::new("S").sku("SHIRT-S").price("eur", 1250).region_price(&eu, 1100))
        .variant(VariantBuilder::new("M").sku("SHIRT-M").price("eur", 1300))
        .insert(&db)
        .await;
    let jobs = jobs(&db);
    let exported = jobs.dir.0.join("export.csv");
    let flags = medusa_core::FeatureFlags::default();
    medusa_batch::direct::export_products(
        &db,
        &exported,
        flags,
        medusa_product::ProductSpecs::for_flags(flags),
        |_, _| {},
    )
    .await
    .unwrap();
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
    medusa_batch::direct::export_products(
        &db,
        &exported,
        flags,
        medusa_product::ProductSpecs::for_flags(flags),
        |_, _| {},
    )
    .await
    .unwrap();
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
    assert!(error.starts_with("Error while processing row 2 (product handle: cup)"), "{error}");
    assert!(error.contains("Product with id: prod_missing was not found"), "{error}");
    assert!(handles(&db).await.is_empty());
    assert_eq!(product_variant::Entity::find().count(&db).await.unwrap(), 0);
}
