//! HTTP tests of the inventory routes (Medusa's inventory and stock-location modules): the
//! reference's recorded answers replayed on our store (`tests/reference/inventory-steps.json`,
//! captured by `capture-inventory.py`), the answers without the modules, and the switch.

use medusa_entity::{inventory_level, reservation_item, sales_channel, store};
use medusa_test_support::builders::ItemBuilder;
use medusa_test_support::on_both_backends;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};

use crate::support::*;

/// The reference catalog's only sales channel.
pub(crate) const CHANNEL: &str = "sc_01M807QXVVEW67CAJWWJGZ679C";

/// The reference catalog with its channel as the store's only one, and the inventory tables.
pub(crate) async fn inventory_store(app: &TestApp) {
    load_reference_catalog(&app.db).await;
    store::Entity::update_many()
        .col_expr(store::Column::DefaultSalesChannelId, Expr::value(CHANNEL))
        .exec(&app.db)
        .await
        .unwrap();
    sales_channel::Entity::delete_many()
        .filter(sales_channel::Column::Id.ne(CHANNEL))
        .exec(&app.db)
        .await
        .unwrap();
    medusa_migration::migrate_inventory(&app.db).await.unwrap();
}

fn with_body(req: actix_web::test::TestRequest, body: Value) -> actix_web::test::TestRequest {
    req.set_json(body)
}

/// `{L}`, `{I}`, `{R}` (and the reference's ids) read as ours.
fn fill(text: &str, ids: &[(String, String, String)]) -> String {
    let mut text = text.to_owned();
    for (key, ours, theirs) in ids {
        text = text.replace(&format!("{{{key}}}"), ours);
        if !theirs.is_empty() {
            text = text.replace(theirs, ours);
        }
    }
    text
}

on_both_backends! {
    async fn replays_the_reference(app) {
        inventory_store(&app).await;
        let svc = app.service().await;
        let recorded = reference("inventory-steps");
        // The reference's default channel serves its two seeded warehouses; so does ours.
        let unknown = send(&svc, admin(post(&format!("/admin/sales-channels/{CHANNEL}/stock-locations"), json!({"location_id": "sloc_missing"})))).await;
        assert_eq!((unknown.status, &unknown.body["message"]), (404, &json!("StockLocation with id sloc_missing was not found")));
        let modules = send(&svc, admin(get("/admin/store"))).await.body["store"]["modules"].clone();
        assert_eq!(modules[3], json!({"module": "inventoryService", "resolution": false}), "the dashboard reads this");
        for name in ["Berlin Warehouse", "Newark Warehouse"] {
            let created = send(&svc, admin(post("/admin/stock-locations", json!({"name": name})))).await;
            let id = created.body["stock_location"]["id"].as_str().unwrap().to_owned();
            let linked = send(&svc, admin(post(&format!("/admin/sales-channels/{CHANNEL}/stock-locations"), json!({"location_id": id})))).await;
            assert_eq!(linked.status, 200, "{}", linked.text);
        }
        let mut ids: Vec<(String, String, String)> = vec![(
            "channel".into(), CHANNEL.into(), recorded["channel"].as_str().unwrap().into(),
        )];
        for step in recorded["steps"].as_array().unwrap() {
            let name = step["name"].as_str().unwrap();
            let path = fill(step["path"].as_str().unwrap(), &ids);
            let body = (!step["body"].is_null())
                .then(|| serde_json::from_str::<Value>(&fill(&step["body"].to_string(), &ids)).unwrap());
            let request = match (step["method"].as_str().unwrap(), body) {
                ("GET", _) => get(&path),
                ("POST", body) => post(&path, body.unwrap_or(json!({}))),
                ("DELETE", Some(body)) => with_body(delete(&path), body),
                ("DELETE", None) => delete(&path),
                (method, _) => panic!("{method}"),
            };
            let answer = send(&svc, admin(request)).await;
            for (key, envelope) in [("L", "stock_location"), ("I", "inventory_item"), ("R", "reservation")] {
                if answer.status == 200 && !ids.iter().any(|(k, _, _)| k == key) {
                    if let Some(id) = answer.body[envelope]["id"].as_str() {
                        let theirs = recorded["ids"][key].as_str().unwrap().to_owned();
                        ids.push((key.into(), id.to_owned(), theirs));
                    }
                }
            }
            let expected: Value = serde_json::from_str(&fill(&step["answer"].to_string(), &ids)).unwrap();
            assert_eq!(answer.status, step["status"].as_u64().unwrap() as u16, "{name}: {}", answer.text);
            assert_eq!(redact(&answer.body), redact(&expected), "{name}");
        }
    }
}

on_both_backends! {
    async fn levels_count_reservations(app) {
        inventory_store(&app).await;
        let svc = app.service().await;
        let location = send(&svc, admin(post("/admin/stock-locations", json!({"name": "Depot"})))).await;
        let location = location.body["stock_location"]["id"].as_str().unwrap().to_owned();
        let item = send(&svc, admin(post("/admin/inventory-items", json!({"variant_id": "variant_ref_mug", "sku": "MUG"})))).await;
        let item = item.body["inventory_item"]["id"].as_str().unwrap().to_owned();
        // Medusa answers these two with a 500 (its workflow wraps the error); the messages are its own.
        let again = send(&svc, admin(post("/admin/inventory-items", json!({"variant_id": "variant_ref_mug"})))).await;
        assert_eq!((again.status, again.body["message"].as_str()), (400, Some("Inventory Item already exists for this variant")));
        let unknown = send(&svc, admin(post("/admin/inventory-items", json!({"variant_id": "variant_nope"})))).await;
        assert_eq!((unknown.status, unknown.body["message"].as_str()), (404, Some("Variants not found for the following ids: variant_nope")));
        let taken = send(&svc, admin(post("/admin/inventory-items", json!({"variant_id": "variant_ref_gc_25", "sku": "MUG"})))).await;
        assert_eq!((taken.status, taken.body["type"].as_str()), (422, Some("duplicate_error")));
        let items = send(&svc, admin(get("/admin/inventory-items"))).await;
        assert_eq!(items.body["count"], 1, "the refused creations left nothing behind");

        let levels = format!("/admin/inventory-items/{item}/location-levels");
        send(&svc, admin(post(&levels, json!({"location_id": location, "stocked_quantity": 5})))).await;
        let reserve = |quantity: i64| admin(post("/admin/reservations", json!({"inventory_item_id": item, "location_id": location, "quantity": quantity})));
        let first = send(&svc, reserve(2)).await;
        assert_eq!(first.body["reservation"]["created_by"], ADMIN_ID);
        let first = first.body["reservation"]["id"].as_str().unwrap().to_owned();
        send(&svc, reserve(1)).await;
        let level = |app: &TestApp| {
            let db = app.db.clone();
            let item = item.clone();
            async move {
                inventory_level::Entity::find()
                    .filter(inventory_level::Column::InventoryItemId.eq(item))
                    .one(&db).await.unwrap().unwrap()
            }
        };
        assert_eq!(level(&app).await.reserved_quantity, 3);
        let moved = send(&svc, admin(post(&format!("/admin/reservations/{first}"), json!({"quantity": 4})))).await;
        assert_eq!(moved.body["reservation"]["quantity"], 4, "{}", moved.text);
        assert_eq!(level(&app).await.reserved_quantity, 5);
        let fetched = send(&svc, admin(get(&format!("/admin/inventory-items/{item}")))).await;
        assert_eq!(fetched.body["inventory_item"]["location_levels"][0]["available_quantity"], 0);
        let single = send(&svc, admin(get("/admin/reservations?line_item_id=x"))).await;
        assert_eq!((single.status, &single.body["message"]), (400, &json!("line_item_id must be an array")));
        send(&svc, admin(delete(&format!("/admin/reservations/{first}")))).await;
        assert_eq!(level(&app).await.reserved_quantity, 1);
        let live = reservation_item::Entity::find()
            .filter(reservation_item::Column::DeletedAt.is_null())
            .all(&app.db).await.unwrap();
        assert_eq!(live.len(), 1);

        // Removing the location takes its levels and reservations with it.
        let removed = send(&svc, admin(delete(&format!("/admin/stock-locations/{location}")))).await;
        assert_eq!(removed.body, json!({"id": location, "object": "stock_location", "deleted": true}));
        assert!(level(&app).await.deleted_at.is_some());
        let fetched = send(&svc, admin(get(&format!("/admin/inventory-items/{item}")))).await;
        assert_eq!(fetched.body["inventory_item"]["location_levels"], json!([]));
    }
}

on_both_backends! {
    async fn order_reservations(app) {
        inventory_store(&app).await;
        let svc = app.service().await;
        let location = send(&svc, admin(post("/admin/stock-locations", json!({"name": "Depot"})))).await;
        let location = location.body["stock_location"]["id"].as_str().unwrap().to_owned();
        let item = send(&svc, admin(post("/admin/inventory-items", json!({"variant_id": "variant_ref_mug"})))).await;
        let item = item.body["inventory_item"]["id"].as_str().unwrap().to_owned();
        send(&svc, admin(post(&format!("/admin/inventory-items/{item}/location-levels"), json!({"location_id": location, "stocked_quantity": 10})))).await;
        let built = crate::order_lifecycle::order_builder(&app).await
            .item(ItemBuilder::new("Mug", 1200, 3).variant("variant_ref_mug").tax_line(0.0, "default", "default"))
            .insert(&app.db).await;
        let order = built.order.id.clone();
        let line = built.items[1].id.clone();

        let none = send(&svc, admin(get(&format!("/admin/orders/{order}/reservations")))).await;
        assert_eq!(none.body, json!({"reservations": [], "count": 0, "limit": 20, "offset": 0}));
        let missing = send(&svc, admin(get("/admin/orders/order_missing/reservations"))).await;
        assert_eq!((missing.status, &missing.body["message"]), (404, &json!("Order with id order_missing was not found")));

        let reserve = format!("/admin/orders/{order}/line-items/{line}/reserve");
        let not_stocked = send(&svc, admin(post(&reserve, json!({"location_id": "sloc_missing"})))).await;
        assert_eq!((not_stocked.status, &not_stocked.body["message"]), (404, &json!(format!("Item {item} is not stocked at location sloc_missing"))));
        let reserved = send(&svc, admin(post(&reserve, json!({"location_id": location})))).await;
        assert_eq!(reserved.status, 200, "{}", reserved.text);
        assert_eq!((&reserved.body["reservation"]["quantity"], &reserved.body["reservation"]["line_item_id"]), (&json!(3), &json!(line)));
        let too_many = send(&svc, admin(post("/admin/reservations", json!({"line_item_id": line, "inventory_item_id": item, "location_id": location, "quantity": 1})))).await;
        assert_eq!((too_many.status, &too_many.body["message"]), (400, &json!("The reservation quantity cannot be greater than the unfulfilled line item quantity")));
        let listed = send(&svc, admin(get(&format!("/admin/orders/{order}/reservations")))).await;
        assert_eq!(listed.body["count"], 1);
        assert_eq!(listed.body["reservations"][0]["id"], reserved.body["reservation"]["id"]);

        // Canceling the order releases its reservations instead of restocking the variants.
        let stock = |app: &TestApp| {
            let db = app.db.clone();
            async move {
                medusa_entity::product_variant::Entity::find_by_id("variant_ref_mug")
                    .one(&db).await.unwrap().unwrap().inventory_quantity
            }
        };
        let before = stock(&app).await;
        let canceled = send(&svc, admin(post(&format!("/admin/orders/{order}/cancel"), json!({})))).await;
        assert_eq!(canceled.status, 200, "{}", canceled.text);
        let levels = send(&svc, admin(get(&format!("/admin/inventory-items/{item}/location-levels")))).await;
        assert_eq!(levels.body["inventory_item"]["location_levels"][0]["reserved_quantity"], 0);
        let listed = send(&svc, admin(get(&format!("/admin/orders/{order}/reservations")))).await;
        assert_eq!(listed.body["count"], 0);
        assert_eq!(stock(&app).await, before);
    }
}

on_both_backends! {
    async fn without_the_modules(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        let inventory = "Inventory is not enabled. Please add an Inventory module to enable this functionality.";
        let locations = "Stock Locations are not enabled. Please add a Stock Location module to enable this functionality.";
        for (path, message) in [
            ("/admin/inventory-items", inventory),
            ("/admin/inventory-items/iitem_1", inventory),
            ("/admin/reservations", inventory),
            ("/admin/orders/order_1/reservations", inventory),
            ("/admin/stock-locations", locations),
        ] {
            let answer = send(&svc, admin(get(path))).await;
            assert_eq!((answer.status, &answer.body), (404, &json!({"type": "not_found", "message": message})), "{path}");
        }
        let written = send(&svc, admin(post("/admin/stock-locations", json!({"name": "x"})))).await;
        assert_eq!(written.status, 404);
        let modules = send(&svc, admin(get("/admin/store"))).await.body["store"]["modules"].clone();
        assert!(!modules.to_string().contains("inventoryService"));
        let as_array = send(&svc, admin(get("/admin/reservations?line_item_id=x"))).await;
        assert_eq!(as_array.status, 404, "the module check comes first");
        let variant = send(&svc, admin(get("/admin/variants/variant_ref_mug/inventory"))).await;
        assert_eq!(variant.body, json!({"variant": {"id": "variant_ref_mug", "inventory": [], "sales_channel_availability": []}}));
        let missing = send(&svc, admin(get("/admin/variants/variant_nope/inventory"))).await;
        assert_eq!(missing.status, 404);
    }
}

on_both_backends! {
    async fn the_switch_is_idempotent(app) {
        assert!(!medusa_migration::has_inventory_tables(&app.db).await.unwrap());
        medusa_migration::migrate_inventory(&app.db).await.unwrap();
        medusa_migration::migrate_inventory(&app.db).await.unwrap();
        assert!(medusa_migration::has_inventory_tables(&app.db).await.unwrap());
        if app.db.get_database_backend() == sea_orm::DbBackend::Postgres {
            // Medusa with the modules sees its migrations as run.
            let row = app.db.query_one(sea_orm::Statement::from_string(
                sea_orm::DbBackend::Postgres,
                "SELECT count(*) AS n FROM migrations WHERE name IN ('inventorySetup1665748086258', 'setup1665749860179', 'addReservationType1675761451145', 'itemDescriptionsAndThumbnail1682927363119')",
            )).await.unwrap().unwrap();
            assert_eq!(row.try_get::<i64>("", "n").unwrap(), 4);
        }
    }
}

on_both_backends! {
    async fn availability_on_product_reads(app) {
        inventory_store(&app).await;
        let svc = app.service().await;
        let location = send(&svc, admin(post("/admin/stock-locations", json!({"name": "Depot"})))).await;
        let location = location.body["stock_location"]["id"].as_str().unwrap().to_owned();
        let item = send(&svc, admin(post("/admin/inventory-items", json!({"variant_id": "variant_ref_mug"})))).await;
        let item = item.body["inventory_item"]["id"].as_str().unwrap().to_owned();
        send(&svc, admin(post(&format!("/admin/inventory-items/{item}/location-levels"), json!({"location_id": location, "stocked_quantity": 7})))).await;
        send(&svc, admin(post("/admin/reservations", json!({"inventory_item_id": item, "location_id": location, "quantity": 2})))).await;
        let mug = |body: &Value, path: &str| -> (Value, Value) {
            let variants = match path {
                "product" => body["product"]["variants"].clone(),
                "products" => body["products"][0]["variants"].clone(),
                _ => body["variants"].clone(),
            };
            let variant = variants.as_array().unwrap().iter().find(|v| v["id"] == "variant_ref_mug").unwrap().clone();
            (variant["inventory_quantity"].clone(), variant["purchasable"].clone())
        };
        // No sales channel serves the location yet: nothing to sell.
        let product = send(&svc, admin(get("/admin/products/prod_ref_mug"))).await;
        assert_eq!(mug(&product.body, "product"), (json!(0), json!(false)));
        send(&svc, admin(post(&format!("/admin/sales-channels/{CHANNEL}/stock-locations"), json!({"location_id": location})))).await;
        let product = send(&svc, admin(get("/admin/products/prod_ref_mug"))).await;
        assert_eq!(mug(&product.body, "product"), (json!(5), json!(true)));
        let products = send(&svc, admin(get("/admin/products?id=prod_ref_mug"))).await;
        assert_eq!(mug(&products.body, "products"), (json!(5), json!(true)));
        let variants = send(&svc, admin(get("/admin/variants?id=variant_ref_mug"))).await;
        assert_eq!(mug(&variants.body, "variants"), (json!(5), json!(true)));
        // A variant that manages its inventory without items has no quantity to show.
        let tee = send(&svc, admin(get("/admin/variants?id=variant_ref_tee_s_black"))).await;
        let tee = &tee.body["variants"][0];
        assert_eq!((tee.get("inventory_quantity"), &tee["purchasable"]), (None, &json!(true)));
        // The gift cards manage none: purchasable, their stored quantity kept.
        let card = send(&svc, admin(get("/admin/variants?id=variant_ref_gc_25"))).await;
        assert_eq!((&card.body["variants"][0]["inventory_quantity"], &card.body["variants"][0]["purchasable"]), (&json!(0), &json!(true)));
    }
}

/// `(sku, hs_code, weight, required_quantity, link live)` of each item attached to the
/// product's variants, by sku.
async fn items_of(
    app: &TestApp,
    product_id: &str,
) -> Vec<(Option<String>, Option<String>, Option<i32>, i32, bool)> {
    use medusa_entity::{inventory_item, product_variant, product_variant_inventory_item as link};
    let variants: Vec<String> = product_variant::Entity::find()
        .filter(product_variant::Column::ProductId.eq(product_id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|v| v.id)
        .collect();
    let links = link::Entity::find()
        .filter(link::Column::VariantId.is_in(variants))
        .all(&app.db)
        .await
        .unwrap();
    let mut rows = Vec::new();
    for link in links {
        let item = inventory_item::Entity::find_by_id(link.inventory_item_id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (item.requires_shipping, item.title, item.deleted_at),
            (true, None, None)
        );
        let levels = inventory_level::Entity::find()
            .filter(inventory_level::Column::InventoryItemId.eq(&item.id))
            .all(&app.db)
            .await
            .unwrap();
        assert!(levels.is_empty(), "no level is created with the item");
        rows.push((
            item.sku,
            item.hs_code,
            item.weight,
            link.required_quantity,
            link.deleted_at.is_none(),
        ));
    }
    rows.sort();
    rows
}

on_both_backends! {
    async fn new_variants_get_inventory_items(app) {
        inventory_store(&app).await;
        let svc = app.service().await;
        // As the reference does: an item per variant that manages its inventory, with the
        // variant's sku and physical attributes, attached at one unit; none for the others.
        let created = send(&svc, admin(post("/admin/products", json!({
            "title": "Inv Mug", "options": [{"title": "Size"}],
            "variants": [
                {"title": "S", "sku": "INV-S", "hs_code": "hs1", "weight": 12, "prices": [{"currency_code": "usd", "amount": 100}], "options": [{"value": "S"}]},
                {"title": "M", "sku": "INV-M", "manage_inventory": false, "prices": [], "options": [{"value": "M"}]},
                {"title": "L", "prices": [], "options": [{"value": "L"}]},
            ],
        })))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        let product = created.body["product"]["id"].as_str().unwrap().to_owned();
        let option = created.body["product"]["options"][0]["id"].as_str().unwrap().to_owned();
        assert_eq!(items_of(&app, &product).await, vec![
            (None, None, None, 1, true),
            (Some("INV-S".into()), Some("hs1".into()), Some(12), 1, true),
        ]);
        let small = created.body["product"]["variants"].as_array().unwrap().iter().find(|v| v["sku"] == "INV-S").unwrap()["id"].as_str().unwrap().to_owned();
        let inventory = send(&svc, admin(get(&format!("/admin/variants/{small}/inventory")))).await;
        assert_eq!(inventory.body["variant"]["inventory"][0]["sku"], "INV-S");
        // A variant added alone, and one added by a product update, get theirs too.
        let added = send(&svc, admin(post(&format!("/admin/products/{product}/variants"), json!({
            "title": "XL", "sku": "INV-XL", "inventory_quantity": 5, "prices": [], "options": [{"option_id": option, "value": "XL"}],
        })))).await;
        assert_eq!(added.status, 200, "{}", added.text);
        let mut variants: Vec<Value> = added.body["product"]["variants"].as_array().unwrap().iter().map(|v| json!({"id": v["id"]})).collect();
        variants.push(json!({"title": "XXL", "sku": "INV-XXL", "inventory_quantity": 0, "prices": [], "options": [{"option_id": option, "value": "XXL"}]}));
        let updated = send(&svc, admin(post(&format!("/admin/products/{product}"), json!({"variants": variants})))).await;
        assert_eq!(updated.status, 200, "{}", updated.text);
        // Deleting a variant detaches its item and keeps it.
        let deleted = send(&svc, admin(delete(&format!("/admin/products/{product}/variants/{small}")))).await;
        assert_eq!(deleted.status, 200, "{}", deleted.text);
        assert_eq!(items_of(&app, &product).await, vec![
            (None, None, None, 1, true),
            (Some("INV-S".into()), Some("hs1".into()), Some(12), 1, false),
            (Some("INV-XL".into()), None, None, 1, true),
            (Some("INV-XXL".into()), None, None, 1, true),
        ]);
    }
}
