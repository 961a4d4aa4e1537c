//! Medusa 1.20.10's own inventory tests, ported to HTTP on both backends:
//! `integration-tests/plugins/__tests__/inventory/inventory-items/index.js` (its 11 admin-HTTP
//! cases) and the admin cases of `inventory/products/*.js`. Where Medusa's test calls its
//! services for setup (`inventoryService.createInventoryItem`, `attachInventoryItem`,
//! `createInventoryLevel`, `associateLocation`), rows are written as those services write them
//! (`inventory_row`, `attach`, `channel_location`) or through our admin API; the expected
//! figures are Medusa's.
//!
//! Not ported, and why:
//! - the 9 cases of `describe("inventory service")` (bulk removes/creates/updates of items,
//!   levels and reservations) call `inventoryService` in process: no HTTP route is involved;
//! - `inventory-items/ff-many-to-many.js` sets the `many_to_many_inventory` flag on Medusa's
//!   flag router in process: Medusa 1.20.10 loads no such flag from its configuration
//!   (`GET /admin/store` lists none), so no server is configured that way;
//! - `products/create-variant.js` "fails, it should revert all the transaction" mocks
//!   `attachInventoryItem` to throw: a fault injected into Medusa's process;
//! - `/store/...` cases of `products/get-product.js`, `get-variant.js`, `list-products.js`,
//!   `list-variants.js`: the store API is not served here.

use medusa_core::new_row::stamped;
use medusa_entity::{
    inventory_item, inventory_level, product_variant_inventory_item, reservation_item,
    sales_channel_location,
};
use medusa_test_support::builders::{ProductBuilder, SalesChannelBuilder, VariantBuilder};
use medusa_test_support::on_both_backends;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::{json, Value};

use crate::support::*;

/// The reference catalog (regions, currencies, a sales channel) with the inventory tables.
pub(crate) async fn inventory_on(app: &TestApp) {
    crate::inventory::inventory_store(app).await;
}

/// An item as `inventoryService.createInventoryItem` writes it.
pub(crate) async fn inventory_row(
    app: &TestApp,
    sku: &str,
    title: Option<&str>,
    description: Option<&str>,
) -> String {
    let now = medusa_core::time::now();
    let id = medusa_core::id::generate_id("iitem");
    inventory_item::ActiveModel {
        id: Set(id.clone()),
        sku: Set((!sku.is_empty()).then(|| sku.to_owned())),
        origin_country: Set(None),
        hs_code: Set(None),
        mid_code: Set(None),
        material: Set(None),
        weight: Set(None),
        length: Set(None),
        height: Set(None),
        width: Set(None),
        requires_shipping: Set(true),
        title: Set(title.map(str::to_owned)),
        description: Set(description.map(str::to_owned)),
        thumbnail: Set(None),
        ..stamped(now)
    }
    .insert(&app.db)
    .await
    .unwrap();
    id
}

/// `productVariantInventoryService.attachInventoryItem(variant, item, required_quantity)`.
pub(crate) async fn attach(app: &TestApp, variant_id: &str, item_id: &str, required_quantity: i32) {
    medusa_inventory::items::attach_variant_in(&app.db, variant_id, item_id, required_quantity)
        .await
        .unwrap();
}

/// `salesChannelLocationService.associateLocation(channel, location)`.
pub(crate) async fn channel_location(app: &TestApp, channel_id: &str, location_id: &str) {
    let now = medusa_core::time::now();
    sales_channel_location::ActiveModel {
        id: Set(medusa_core::id::generate_id("scloc")),
        sales_channel_id: Set(channel_id.to_owned()),
        location_id: Set(location_id.to_owned()),
        deleted_at: Set(None),
        ..stamped(now)
    }
    .insert(&app.db)
    .await
    .unwrap();
}

pub(crate) async fn new_location<B: actix_web::body::MessageBody>(
    svc: &impl TestService<B>,
    name: &str,
) -> String {
    let answer = send(
        svc,
        admin(post("/admin/stock-locations", json!({"name": name}))),
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    answer.body["stock_location"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Medusa's `beforeEach`: a product without variants (its option), a variant created through
/// the admin route with the physical attributes (it gets its item), three locations.
struct ItemsSetup {
    product: String,
    option: String,
    variant: String,
    item: String,
    locations: [String; 3],
}

impl ItemsSetup {
    /// The item's location levels route.
    fn levels_path(&self) -> String {
        format!("/admin/inventory-items/{}/location-levels", self.item)
    }

    /// Stocks the item at the setup's locations, `(location index, stocked quantity)` each.
    async fn stock_at<B: actix_web::body::MessageBody>(
        &self,
        svc: &impl TestService<B>,
        levels: &[(usize, i64)],
    ) {
        for &(index, stocked) in levels {
            let body = json!({"location_id": self.locations[index], "stocked_quantity": stocked});
            let level = send(svc, admin(post(&self.levels_path(), body))).await;
            assert_eq!(level.status, 200, "{}", level.text);
        }
    }
}

async fn items_setup<B: actix_web::body::MessageBody>(svc: &impl TestService<B>) -> ItemsSetup {
    let created = send(
        svc,
        admin(post(
            "/admin/products",
            json!({"title": "Test product", "options": [{"title": "Size"}]}),
        )),
    )
    .await;
    assert_eq!(created.status, 200, "{}", created.text);
    let product = created.body["product"]["id"].as_str().unwrap().to_owned();
    let option = created.body["product"]["options"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let variant = send(
        svc,
        admin(post(
            &format!("/admin/products/{product}/variants"),
            json!({
                "title": "Test Variant w. inventory", "sku": "MY_SKU", "material": "material",
                "origin_country": "UK", "hs_code": "hs001", "mid_code": "mids",
                "weight": 300, "length": 100, "height": 200, "width": 150, "manage_inventory": true,
                "options": [{"option_id": option, "value": "SS"}],
                "prices": [{"currency_code": "usd", "amount": 2300}],
            }),
        )),
    )
    .await;
    assert_eq!(variant.status, 200, "{}", variant.text);
    let variant = variant.body["product"]["variants"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let inventory = send(
        svc,
        admin(get(&format!("/admin/variants/{variant}/inventory"))),
    )
    .await;
    let item = inventory.body["variant"]["inventory"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let locations = [
        new_location(svc, "Fake Warehouse").await,
        new_location(svc, "Another random Warehouse").await,
        new_location(svc, "Another random Warehouse").await,
    ];
    ItemsSetup {
        product,
        option,
        variant,
        item,
        locations,
    }
}

fn level_of<'a>(levels: &'a Value, location: &str) -> Option<&'a Value> {
    levels
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["location_id"] == location)
}

on_both_backends! {
    async fn medusa_creates_updates_and_deletes_location_levels(app) {
        inventory_on(&app).await;
        let svc = app.service().await;
        let s = items_setup(&svc).await;
        let (item, location) = (&s.item, &s.locations[0]);
        let levels_path = format!("/admin/inventory-items/{item}/location-levels");
        let created = send(&svc, admin(post(&levels_path, json!({"location_id": location, "stocked_quantity": 17, "incoming_quantity": 2})))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        let levels = send(&svc, admin(get(&levels_path))).await.body["inventory_item"]["location_levels"].clone();
        let level = level_of(&levels, location).unwrap();
        assert_eq!((&level["inventory_item_id"], &level["stocked_quantity"], &level["incoming_quantity"]), (&json!(item), &json!(17), &json!(2)));
        let updated = send(&svc, admin(post(&format!("{levels_path}/{location}"), json!({"stocked_quantity": 21, "incoming_quantity": 0})))).await;
        assert_eq!(updated.status, 200, "{}", updated.text);
        let levels = send(&svc, admin(get(&levels_path))).await.body["inventory_item"]["location_levels"].clone();
        let level = level_of(&levels, location).unwrap();
        assert_eq!((&level["stocked_quantity"], &level["incoming_quantity"]), (&json!(21), &json!(0)));
        let deleted = send(&svc, admin(delete(&format!("{levels_path}/{location}")))).await;
        assert_eq!(deleted.status, 200, "{}", deleted.text);
        let levels = send(&svc, admin(get(&levels_path))).await.body["inventory_item"]["location_levels"].clone();
        assert!(level_of(&levels, location).is_none());
        // Medusa's retrieveInventoryLevel then fails; its update route answers (as the reference does):
        let again = send(&svc, admin(post(&format!("{levels_path}/{location}"), json!({"stocked_quantity": 1})))).await;
        assert_eq!((again.status, &again.body["message"]), (404, &json!(format!("Item {item} is not stocked at location {location}"))));
    }
}

on_both_backends! {
    async fn medusa_updates_the_inventory_item(app) {
        inventory_on(&app).await;
        let svc = app.service().await;
        let s = items_setup(&svc).await;
        let answer = send(&svc, admin(post(&format!("/admin/inventory-items/{}", s.item), json!({"mid_code": "updated mid_code", "weight": 120})))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let item = &answer.body["inventory_item"];
        for (key, value) in [("origin_country", json!("UK")), ("hs_code", json!("hs001")), ("mid_code", json!("updated mid_code")), ("weight", json!(120)), ("length", json!(100)), ("height", json!(200)), ("width", json!(150))] {
            assert_eq!(item[key], value, "{key}");
        }
    }
}

on_both_backends! {
    async fn medusa_refuses_a_negative_level(app) {
        inventory_on(&app).await;
        let svc = app.service().await;
        let s = items_setup(&svc).await;
        let levels_path = s.levels_path();
        send(&svc, admin(post(&levels_path, json!({"location_id": s.locations[0], "stocked_quantity": 17, "incoming_quantity": 2})))).await;
        let answer = send(&svc, admin(post(&format!("{levels_path}/{}", s.locations[0]), json!({"incoming_quantity": -1, "stocked_quantity": -1})))).await;
        assert_eq!((answer.status, &answer.body), (400, &json!({
            "type": "invalid_data",
            "message": "incoming_quantity must not be less than 0, stocked_quantity must not be less than 0",
        })));
    }
}

on_both_backends! {
    async fn medusa_retrieves_the_inventory_item(app) {
        inventory_on(&app).await;
        let svc = app.service().await;
        let s = items_setup(&svc).await;
        let levels_path = s.levels_path();
        send(&svc, admin(post(&levels_path, json!({"location_id": s.locations[0], "stocked_quantity": 15, "incoming_quantity": 5})))).await;
        send(&svc, admin(post(&levels_path, json!({"location_id": s.locations[1], "stocked_quantity": 7, "incoming_quantity": 0})))).await;
        let answer = send(&svc, admin(get(&format!("/admin/inventory-items/{}", s.item)))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let item = &answer.body["inventory_item"];
        for (key, value) in [("height", json!(200)), ("hs_code", json!("hs001")), ("id", json!(s.item)), ("length", json!(100)), ("material", json!("material")), ("metadata", Value::Null), ("mid_code", json!("mids")), ("origin_country", json!("UK")), ("requires_shipping", json!(true)), ("sku", json!("MY_SKU")), ("weight", json!(300)), ("width", json!(150))] {
            assert_eq!(item[key], value, "{key}");
        }
        let levels = item["location_levels"].as_array().unwrap();
        assert_eq!(levels.len(), 2);
        for (level, (location, stocked, incoming)) in levels.iter().zip([(&s.locations[0], 15, 5), (&s.locations[1], 7, 0)]) {
            assert!(level["id"].is_string());
            for (key, value) in [("available_quantity", json!(stocked)), ("deleted_at", Value::Null), ("incoming_quantity", json!(incoming)), ("inventory_item_id", json!(s.item)), ("location_id", json!(location)), ("metadata", Value::Null), ("reserved_quantity", json!(0)), ("stocked_quantity", json!(stocked))] {
                assert_eq!(level[key], value, "{key}");
            }
        }
    }
}

on_both_backends! {
    async fn medusa_creates_the_inventory_item_using_the_api(app) {
        inventory_on(&app).await;
        // simpleProductFactory: a variant written without the product routes, so without an item.
        ProductBuilder::new("Factory product").variant(VariantBuilder::new("Factory variant")).insert(&app.db).await;
        let svc = app.service().await;
        let products = send(&svc, admin(get("/admin/products?q=Factory"))).await;
        let variant = products.body["products"][0]["variants"][0]["id"].as_str().unwrap().to_owned();
        let path = format!("/admin/variants/{variant}/inventory");
        let before = send(&svc, admin(get(&path))).await;
        assert_eq!((before.status, &before.body), (200, &json!({"variant": {"id": variant, "inventory": [], "sales_channel_availability": []}})));
        let created = send(&svc, admin(post("/admin/inventory-items", json!({"variant_id": variant, "sku": "attach_this_to_variant"})))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        let after = send(&svc, admin(get(&path))).await;
        assert_eq!(after.status, 200);
        assert_eq!(after.body["variant"]["id"], json!(variant));
        let inventory = after.body["variant"]["inventory"].as_array().unwrap();
        assert_eq!(inventory.len(), 1);
        for (key, value) in created.body["inventory_item"].as_object().unwrap() {
            assert_eq!(&inventory[0][key], value, "{key}");
        }
    }
}

on_both_backends! {
    async fn medusa_lists_location_levels_by_location_id(app) {
        inventory_on(&app).await;
        let svc = app.service().await;
        let s = items_setup(&svc).await;
        let levels_path = s.levels_path();
        s.stock_at(&svc, &[(1, 10), (2, 5)]).await;
        let answer = send(&svc, admin(get(&format!("{levels_path}?location_id[]={}", s.locations[1])))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let levels = answer.body["inventory_item"]["location_levels"].as_array().unwrap();
        assert_eq!(levels.len(), 1);
        assert_eq!(levels[0]["stocked_quantity"], 10);
    }
}

on_both_backends! {
    async fn medusa_lists_inventory_items_with_location(app) {
        inventory_on(&app).await;
        let svc = app.service().await;
        let s = items_setup(&svc).await;
        let second = send(&svc, admin(post(&format!("/admin/products/{}/variants", s.product), json!({
            "title": "Test Variant w. inventory 2", "sku": "MY_SKU1", "material": "material", "origin_country": "UK",
            "manage_inventory": true, "options": [{"option_id": s.option, "value": "M"}],
            "prices": [{"currency_code": "usd", "amount": 200}],
        })))).await;
        assert_eq!(second.status, 200, "{}", second.text);
        send(&svc, admin(post(&format!("/admin/inventory-items/{}/location-levels", s.item), json!({"location_id": s.locations[2], "stocked_quantity": 5})))).await;
        let all = send(&svc, admin(get("/admin/inventory-items"))).await;
        assert_eq!(all.body["inventory_items"].as_array().unwrap().len(), 2);
        let at = send(&svc, admin(get(&format!("/admin/inventory-items?location_id={}", s.locations[2])))).await;
        let items = at.body["inventory_items"].as_array().unwrap();
        assert_eq!(items.len(), 1, "{}", at.text);
        assert_eq!((&items[0]["id"], &items[0]["sku"]), (&json!(s.item), &json!("MY_SKU")));
    }
}

on_both_backends! {
    async fn medusa_lists_the_inventory_items(app) {
        inventory_on(&app).await;
        let svc = app.service().await;
        let s = items_setup(&svc).await;
        s.stock_at(&svc, &[(1, 10), (2, 5)]).await;
        let answer = send(&svc, admin(get("/admin/inventory-items"))).await;
        let items = answer.body["inventory_items"].as_array().unwrap();
        assert_eq!(items.len(), 1, "{}", answer.text);
        let item = &items[0];
        for (key, value) in [("id", json!(s.item)), ("sku", json!("MY_SKU")), ("origin_country", json!("UK")), ("hs_code", json!("hs001")), ("mid_code", json!("mids")), ("material", json!("material")), ("weight", json!(300)), ("length", json!(100)), ("height", json!(200)), ("width", json!(150)), ("requires_shipping", json!(true)), ("metadata", Value::Null), ("reserved_quantity", json!(0)), ("stocked_quantity", json!(15))] {
            assert_eq!(item[key], value, "{key}");
        }
        let variant = item["variants"].as_array().unwrap().iter().find(|v| v["id"] == json!(s.variant)).unwrap();
        for (key, value) in [("title", json!("Test Variant w. inventory")), ("product_id", json!(s.product)), ("sku", json!("MY_SKU")), ("manage_inventory", json!(true)), ("hs_code", json!("hs001")), ("origin_country", json!("UK")), ("mid_code", json!("mids")), ("material", json!("material")), ("weight", json!(300)), ("length", json!(100)), ("height", json!(200)), ("width", json!(150)), ("metadata", Value::Null)] {
            assert_eq!(variant[key], value, "variant {key}");
        }
        assert_eq!(variant["product"]["id"], json!(s.product));
        for (location, stocked) in [(&s.locations[1], 10), (&s.locations[2], 5)] {
            let level = level_of(&item["location_levels"], location).unwrap();
            assert!(level["id"].is_string());
            for (key, value) in [("inventory_item_id", json!(s.item)), ("stocked_quantity", json!(stocked)), ("reserved_quantity", json!(0)), ("incoming_quantity", json!(0)), ("metadata", Value::Null), ("available_quantity", json!(stocked))] {
                assert_eq!(level[key], value, "level {key}");
            }
        }
    }
}

on_both_backends! {
    async fn medusa_searches_items_by_title_description_and_sku(app) {
        inventory_on(&app).await;
        let svc = app.service().await;
        items_setup(&svc).await;
        inventory_row(&app, "", Some("Test Item"), None).await;
        inventory_row(&app, "", None, Some("Test Desc")).await;
        inventory_row(&app, "Test Sku", None, None).await;
        let answer = send(&svc, admin(get("/admin/inventory-items?q=test"))).await;
        let items = answer.body["inventory_items"].as_array().unwrap();
        assert_eq!(items.len(), 3, "{}", answer.text);
        assert!(!items.iter().any(|i| i["sku"] == "MY_SKU"));
        for (key, value) in [("sku", "Test Sku"), ("description", "Test Desc"), ("title", "Test Item")] {
            assert!(items.iter().any(|i| i[key] == value), "{key}");
        }
    }
}

on_both_backends! {
    async fn medusa_removes_levels_and_reservations_with_the_location(app) {
        inventory_on(&app).await;
        let svc = app.service().await;
        items_setup(&svc).await;
        let item = inventory_row(&app, "1234567", None, None).await;
        let location = new_location(&svc, "Fake Warehouse 1").await;
        let level = send(&svc, admin(post(&format!("/admin/inventory-items/{item}/location-levels"), json!({"location_id": location, "stocked_quantity": 10})))).await;
        assert_eq!(level.status, 200, "{}", level.text);
        let reserved = send(&svc, admin(post("/admin/reservations", json!({"inventory_item_id": item, "location_id": location, "quantity": 5})))).await;
        assert_eq!(reserved.status, 200, "{}", reserved.text);
        let counts = |app: &TestApp| {
            let (db, location) = (app.db.clone(), location.clone());
            async move {
                let reservations = reservation_item::Entity::find()
                    .filter(reservation_item::Column::LocationId.eq(&location))
                    .filter(reservation_item::Column::DeletedAt.is_null())
                    .count(&db).await.unwrap();
                let levels = inventory_level::Entity::find()
                    .filter(inventory_level::Column::LocationId.eq(&location))
                    .filter(inventory_level::Column::DeletedAt.is_null())
                    .count(&db).await.unwrap();
                (reservations, levels)
            }
        };
        assert_eq!(counts(&app).await, (1, 1));
        let removed = send(&svc, admin(delete(&format!("/admin/stock-locations/{location}")))).await;
        assert_eq!(removed.status, 200, "{}", removed.text);
        assert_eq!(counts(&app).await, (0, 0));
    }
}

on_both_backends! {
    async fn medusa_removes_variant_links_with_the_item(app) {
        inventory_on(&app).await;
        let svc = app.service().await;
        let s = items_setup(&svc).await;
        let other = send(&svc, admin(post("/admin/products", json!({"title": "Test product new", "options": [{"title": "Color"}]})))).await;
        let (other_product, other_option) = (other.body["product"]["id"].as_str().unwrap().to_owned(), other.body["product"]["options"][0]["id"].as_str().unwrap().to_owned());
        let second = send(&svc, admin(post(&format!("/admin/products/{other_product}/variants"), json!({
            "title": "Test2", "sku": "MY_SKU2", "manage_inventory": true,
            "options": [{"option_id": other_option, "value": "Blue"}], "prices": [{"currency_code": "usd", "amount": 100}],
        })))).await;
        assert_eq!(second.status, 200, "{}", second.text);
        let second = second.body["product"]["variants"].as_array().unwrap().iter().find(|v| v["sku"] == "MY_SKU2").unwrap()["id"].as_str().unwrap().to_owned();
        let shared = inventory_row(&app, "123456", None, None).await;
        attach(&app, &s.variant, &shared, 2).await;
        attach(&app, &second, &shared, 2).await;
        let inventory_len = |variant: String| {
            let svc = &svc;
            async move {
                let answer = send(svc, admin(get(&format!("/admin/variants/{variant}/inventory")))).await;
                answer.body["variant"]["inventory"].as_array().unwrap().len()
            }
        };
        assert_eq!((inventory_len(s.variant.clone()).await, inventory_len(second.clone()).await), (2, 2));
        let deleted = send(&svc, admin(delete(&format!("/admin/inventory-items/{shared}")))).await;
        assert_eq!(deleted.status, 200, "{}", deleted.text);
        assert_eq!((inventory_len(s.variant.clone()).await, inventory_len(second.clone()).await), (1, 1));
    }
}

on_both_backends! {
    async fn medusa_creates_an_item_for_a_new_variant(app) {
        inventory_on(&app).await;
        let svc = app.service().await;
        let s = items_setup(&svc).await;
        let inventory = send(&svc, admin(get(&format!("/admin/variants/{}/inventory", s.variant)))).await;
        let items = inventory.body["variant"]["inventory"].as_array().unwrap();
        assert_eq!(items.len(), 1);
        for (key, value) in [("origin_country", json!("UK")), ("hs_code", json!("hs001")), ("mid_code", json!("mids")), ("weight", json!(300)), ("length", json!(100)), ("height", json!(200)), ("width", json!(150))] {
            assert_eq!(items[0][key], value, "{key}");
        }
    }
}

on_both_backends! {
    async fn medusa_deleting_a_variant_removes_its_item_links(app) {
        inventory_on(&app).await;
        let svc = app.service().await;
        let s = items_setup(&svc).await;
        let extra = inventory_row(&app, "123456", None, None).await;
        attach(&app, &s.variant, &extra, 2).await;
        let inventory = send(&svc, admin(get(&format!("/admin/variants/{}/inventory", s.variant)))).await;
        assert_eq!(inventory.body["variant"]["inventory"].as_array().unwrap().len(), 2);
        let deleted = send(&svc, admin(delete(&format!("/admin/products/{}/variants/{}", s.product, s.variant)))).await;
        assert_eq!(deleted.status, 200, "{}", deleted.text);
        let gone = send(&svc, admin(get(&format!("/admin/variants/{}", s.variant)))).await;
        assert_eq!(gone.status, 404);
        let links = product_variant_inventory_item::Entity::find()
            .filter(product_variant_inventory_item::Column::VariantId.eq(&s.variant))
            .filter(product_variant_inventory_item::Column::DeletedAt.is_null())
            .count(&app.db).await.unwrap();
        assert_eq!(links, 0);
    }
}

/// Medusa's product-read setup: a published product in a channel whose location stocks the
/// variant's item.
async fn stocked_product(app: &TestApp, stocked: &[i32]) -> (String, String, Vec<String>) {
    let channel = SalesChannelBuilder::new("Availability channel")
        .insert(&app.db)
        .await;
    let product = ProductBuilder::new("Stocked product")
        .published()
        .variant(VariantBuilder::new("Stocked variant").inventory(100))
        .sales_channel(&channel.id)
        .insert(&app.db)
        .await;
    let variant = product.variants[0].id.clone();
    let item = inventory_row(app, "test-sku", None, None).await;
    attach(app, &variant, &item, 1).await;
    let svc = app.service().await;
    let mut locations = Vec::new();
    for (n, quantity) in stocked.iter().enumerate() {
        let location = new_location(&svc, &format!("sl{n}")).await;
        channel_location(app, &channel.id, &location).await;
        let level = send(
            &svc,
            admin(post(
                &format!("/admin/inventory-items/{item}/location-levels"),
                json!({"location_id": location, "stocked_quantity": quantity}),
            )),
        )
        .await;
        assert_eq!(level.status, 200, "{}", level.text);
        locations.push(location);
    }
    (product.product.id, variant, locations)
}

on_both_backends! {
    async fn medusa_shows_inventory_quantity_on_admin_products(app) {
        inventory_on(&app).await;
        let (product, variant, _) = stocked_product(&app, &[100]).await;
        let svc = app.service().await;
        let answer = send(&svc, admin(get(&format!("/admin/products/{product}")))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let variants = answer.body["product"]["variants"].as_array().unwrap();
        assert_eq!(variants.len(), 1);
        assert_eq!((&variants[0]["id"], &variants[0]["inventory_quantity"]), (&json!(variant), &json!(100)));
        // get-product.js's store case, asked of the admin route (the reference expands it
        // there too): the variant's item links.
        let expanded = send(&svc, admin(get(&format!("/admin/products/{product}?expand=variants,variants.inventory_items")))).await;
        assert_eq!(expanded.status, 200, "{}", expanded.text);
        let links = expanded.body["product"]["variants"][0]["inventory_items"].as_array().unwrap();
        assert_eq!(links.len(), 1, "{}", expanded.text);
        assert_eq!((&links[0]["variant_id"], &links[0]["required_quantity"]), (&json!(variant), &json!(1)));
    }
}

on_both_backends! {
    async fn medusa_lists_location_availability_on_admin_products(app) {
        inventory_on(&app).await;
        // list-products.js: the product in no channel, its levels (3 and 1) at locations the
        // channels serve: the admin list sums over every channel's locations.
        let channel = SalesChannelBuilder::new("sc1").insert(&app.db).await;
        let other = SalesChannelBuilder::new("sc2").insert(&app.db).await;
        let product = ProductBuilder::new("Channelless product").published().variant(VariantBuilder::new("v").inventory(100)).insert(&app.db).await;
        let variant = product.variants[0].id.clone();
        let item = inventory_row(&app, "test-sku", None, None).await;
        attach(&app, &variant, &item, 1).await;
        let svc = app.service().await;
        let (first, second) = (new_location(&svc, "sl1").await, new_location(&svc, "sl2").await);
        channel_location(&app, &channel.id, &first).await;
        channel_location(&app, &other.id, &first).await;
        channel_location(&app, &other.id, &second).await;
        for (location, quantity) in [(&first, 3), (&second, 1)] {
            send(&svc, admin(post(&format!("/admin/inventory-items/{item}/location-levels"), json!({"location_id": location, "stocked_quantity": quantity})))).await;
        }
        let answer = send(&svc, admin(get(&format!("/admin/products?id={}", product.product.id)))).await;
        let products = answer.body["products"].as_array().unwrap();
        assert_eq!(products.len(), 1, "{}", answer.text);
        assert_eq!(products[0]["variants"][0]["inventory_quantity"], 4);
    }
}

on_both_backends! {
    async fn medusa_decorates_and_expands_admin_variants(app) {
        inventory_on(&app).await;
        let (_, variant, _) = stocked_product(&app, &[10]).await;
        let svc = app.service().await;
        let listed = send(&svc, admin(get(&format!("/admin/variants?id={variant}")))).await;
        let variants = listed.body["variants"].as_array().unwrap();
        assert_eq!(variants.len(), 1, "{}", listed.text);
        assert_eq!((&variants[0]["id"], &variants[0]["inventory_quantity"]), (&json!(variant), &json!(10)));
        let expanded = send(&svc, admin(get(&format!("/admin/variants?id={variant}&expand=inventory_items")))).await;
        assert_eq!(expanded.status, 200, "{}", expanded.text);
        let links = expanded.body["variants"][0]["inventory_items"].as_array().unwrap();
        assert_eq!(links.len(), 1, "{}", expanded.text);
        assert_eq!(links[0]["variant_id"], json!(variant));
        assert!(links[0]["inventory_item_id"].as_str().unwrap().starts_with("iitem_"));
    }
}
