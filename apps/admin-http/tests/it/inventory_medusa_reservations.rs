//! Medusa 1.20.10's reservation and stock-location tests, ported to HTTP on both backends:
//! `integration-tests/plugins/__tests__/inventory/reservation-items/index.js` (15 cases),
//! `stock-location/list-stock-locations.spec.ts` (5), and the admin-HTTP cases of
//! `stock-location/service/` (`delete-stock-location.js`, `delete-sales-channels.js`, the
//! "API" case of `sales-channels.js`). Medusa's service calls in their setup are replaced by
//! our admin API or by the rows those services write (see `inventory_medusa_items`).
//!
//! Not ported, and why: `stock-location/service/service.js` (4) and the "CORE" case of
//! `sales-channels.js` call the stock-location module in process; `integration-tests/api/
//! __tests__/admin/reservations` and `admin/stock-location` run with `MEDUSA_FF_MEDUSA_V2`
//! (Medusa 2's routes and module, fulfillment sets), not the 1.20 API served here.

use medusa_entity::{reservation_item, sales_channel_location};
use medusa_test_support::builders::{
    BuiltOrder, ItemBuilder, OrderBuilder, ProductBuilder, SalesChannelBuilder, VariantBuilder,
};
use medusa_test_support::on_both_backends;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use crate::inventory_medusa_items::{
    attach, channel_location, inventory_on, inventory_row, new_location,
};
use crate::inventory_medusa_orders::set_stock;
use crate::support::*;

/// An order in the channel of 2 of the variant (Medusa's `simpleOrderFactory` line).
async fn of_two(app: &TestApp, builder: OrderBuilder, variant: &str) -> BuiltOrder {
    builder
        .sales_channel(crate::inventory::CHANNEL)
        .item(
            ItemBuilder::new("v1", 1000, 2)
                .variant(variant)
                .tax_line(0.0, "default", "default"),
        )
        .insert(&app.db)
        .await
}

/// Medusa's `beforeEach`: a product in the default channel, a location it serves, an item of
/// the variant stocked 100 there, an order of 2 of the variant and a reservation of both.
struct Reserved {
    order: String,
    line: String,
    item: String,
    location: String,
    reservation: String,
}

async fn reserved(
    app: &TestApp,
    with_second: bool,
) -> (Reserved, Option<(String, String, String)>) {
    inventory_on(app).await;
    let channel = crate::inventory::CHANNEL;
    let product = ProductBuilder::new("product1")
        .variant(VariantBuilder::new("v1").inventory(100))
        .sales_channel(channel)
        .insert(&app.db)
        .await;
    let variant = product.variants[0].id.clone();
    let svc = app.service().await;
    let location = new_location(&svc, "Fake Warehouse").await;
    channel_location(app, channel, &location).await;
    let item = inventory_row(app, "1234", None, None).await;
    attach(app, &variant, &item, 1).await;
    set_stock(&svc, &item, &location, 100, true).await;
    let order = of_two(
        app,
        crate::order_lifecycle::order_builder(app).await,
        &variant,
    )
    .await;
    let line = order.items[1].id.clone();
    let created = send(&svc, admin(post("/admin/reservations", json!({"line_item_id": line, "inventory_item_id": item, "location_id": location, "quantity": 2})))).await;
    assert_eq!(created.status, 200, "{}", created.text);
    let reservation = created.body["reservation"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let first = Reserved {
        order: order.order.id.clone(),
        line,
        item,
        location,
        reservation,
    };
    if !with_second {
        return (first, None);
    }
    // The first reservation a minute older, so the date filter parts them whatever the clock.
    reservation_item::Entity::update_many()
        .col_expr(
            reservation_item::Column::CreatedAt,
            Expr::value(medusa_core::time::now() - chrono::Duration::minutes(1)),
        )
        .filter(reservation_item::Column::Id.eq(&first.reservation))
        .exec(&app.db)
        .await
        .unwrap();
    let location2 = new_location(&svc, "Fake Warehouse 1").await;
    channel_location(app, channel, &location2).await;
    let item2 = inventory_row(app, "12345", None, None).await;
    set_stock(&svc, &item2, &location2, 100, true).await;
    let order2 = of_two(
        app,
        crate::inventory_medusa_orders::order_like(&order.order),
        &variant,
    )
    .await;
    let second = send(&svc, admin(post("/admin/reservations", json!({
        "line_item_id": order2.items[0].id, "inventory_item_id": item2, "location_id": location2,
        "description": "test description", "quantity": 1,
    })))).await;
    assert_eq!(second.status, 200, "{}", second.text);
    let reservation2 = second.body["reservation"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    (first, Some((item2, location2, reservation2)))
}

on_both_backends! {
    async fn medusa_refuses_a_reservation_beyond_the_line(app) {
        let (r, _) = reserved(&app, false).await;
        let svc = app.service().await;
        let order = send(&svc, admin(get(&format!("/admin/orders/{}", r.order)))).await;
        let line = order.body["order"]["items"].as_array().unwrap().iter().find(|i| i["id"] == r.line.as_str()).unwrap().clone();
        assert_eq!(line["quantity"], 2);
        assert!(line["fulfilled_quantity"].is_null() || line["fulfilled_quantity"] == 0);
        let refused = "The reservation quantity cannot be greater than the unfulfilled line item quantity";
        let created = send(&svc, admin(post("/admin/reservations", json!({"quantity": 1, "inventory_item_id": r.item, "line_item_id": r.line, "location_id": r.location})))).await;
        assert_eq!((created.status, &created.body), (400, &json!({"type": "invalid_data", "message": refused})));
        let updated = send(&svc, admin(post(&format!("/admin/reservations/{}", r.reservation), json!({"quantity": 3})))).await;
        assert_eq!((updated.status, &updated.body), (400, &json!({"type": "invalid_data", "message": refused})));
    }
}

on_both_backends! {
    async fn medusa_lists_and_filters_reservations(app) {
        let (r, second) = reserved(&app, true).await;
        let (item2, _location2, reservation2) = second.unwrap();
        let svc = app.service().await;
        let ids = |query: String| {
            let svc = &svc;
            async move {
                let answer = send(svc, admin(get(&format!("/admin/reservations{query}")))).await;
                assert_eq!(answer.status, 200, "{query}: {}", answer.text);
                let mut ids: Vec<String> = answer.body["reservations"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect();
                ids.sort();
                ids
            }
        };
        let mut both = vec![r.reservation.clone(), reservation2.clone()];
        both.sort();
        let first = vec![r.reservation.clone()];
        let only_second = vec![reservation2.clone()];
        let none: Vec<String> = vec![];
        let created_at = reservation_item::Entity::find_by_id(&reservation2).one(&app.db).await.unwrap().unwrap().created_at;
        let since = created_at.with_timezone(&chrono::Utc).format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
        for (query, expected) in [
            (String::new(), &both),
            (format!("?location_id[]={}", r.location), &first),
            (format!("?inventory_item_id[]={item2}"), &only_second),
            ("?quantity[gt]=1".to_owned(), &first),
            (format!("?created_at[gte]={since}"), &only_second),
            ("?description=test%20description".to_owned(), &only_second),
            ("?description=description".to_owned(), &none),
            ("?description[contains]=descri".to_owned(), &only_second),
            ("?description[starts_with]=test".to_owned(), &only_second),
            ("?description[starts_with]=description".to_owned(), &none),
            ("?description[ends_with]=test".to_owned(), &none),
            ("?description[ends_with]=description".to_owned(), &only_second),
        ] {
            assert_eq!(&ids(query.clone()).await, expected, "{query}");
        }
    }
}

on_both_backends! {
    async fn medusa_lists_reservations_with_items_and_line_items(app) {
        reserved(&app, false).await;
        let svc = app.service().await;
        let answer = send(&svc, admin(get("/admin/reservations?expand=line_item,inventory_item"))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let reservations = answer.body["reservations"].as_array().unwrap();
        assert_eq!(reservations.len(), 1);
        assert!(reservations[0]["inventory_item"].is_object(), "{}", answer.text);
        assert!(reservations[0]["line_item"]["order"].is_object(), "{}", answer.text);
    }
}

/// `list-stock-locations.spec.ts`'s setup: Copenhagen (with an address), Berlin (served by a
/// new channel), Paris.
async fn three_locations(app: &TestApp) -> (String, String) {
    inventory_on(app).await;
    let channel = SalesChannelBuilder::new("test").insert(&app.db).await;
    let svc = app.service().await;
    let copenhagen = send(&svc, admin(post("/admin/stock-locations", json!({"name": "Copenhagen", "address": {"address_1": "test street 1", "country_code": "DK"}})))).await;
    assert_eq!(copenhagen.status, 200, "{}", copenhagen.text);
    let address = copenhagen.body["stock_location"]["address_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let berlin = new_location(&svc, "Berlin").await;
    new_location(&svc, "Paris").await;
    channel_location(app, &channel.id, &berlin).await;
    (address, channel.id)
}

fn names(body: &serde_json::Value) -> Vec<String> {
    body["stock_locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap().to_owned())
        .collect()
}

on_both_backends! {
    async fn medusa_lists_and_filters_stock_locations(app) {
        let (address, channel) = three_locations(&app).await;
        let svc = app.service().await;
        let all = send(&svc, admin(get("/admin/stock-locations"))).await;
        let mut listed = names(&all.body);
        listed.sort();
        assert_eq!(listed, ["Berlin", "Copenhagen", "Paris"]);
        for (query, expected) in [
            ("?q=open".to_owned(), vec!["Copenhagen"]),
            (format!("?address_id={address}"), vec!["Copenhagen"]),
            (format!("?sales_channel_id={channel}"), vec!["Berlin"]),
        ] {
            let answer = send(&svc, admin(get(&format!("/admin/stock-locations{query}")))).await;
            assert_eq!((answer.status, &answer.body["count"]), (200, &json!(1)), "{query}: {}", answer.text);
            assert_eq!(names(&answer.body), expected, "{query}");
        }
        let ordered = send(&svc, admin(get("/admin/stock-locations?order=name"))).await;
        assert_eq!(names(&ordered.body), ["Berlin", "Copenhagen", "Paris"]);
        let reversed = send(&svc, admin(get("/admin/stock-locations?order=-name"))).await;
        assert_eq!(names(&reversed.body), ["Paris", "Copenhagen", "Berlin"]);
    }
}

async fn live_links(app: &TestApp, column: sales_channel_location::Column, id: &str) -> u64 {
    sales_channel_location::Entity::find()
        .filter(column.eq(id))
        .filter(sales_channel_location::Column::DeletedAt.is_null())
        .count(&app.db)
        .await
        .unwrap()
}

on_both_backends! {
    async fn medusa_deleting_a_location_unlinks_its_channels(app) {
        inventory_on(&app).await;
        let svc = app.service().await;
        let location = new_location(&svc, "warehouse").await;
        let channel = SalesChannelBuilder::new("channel test").insert(&app.db).await;
        let other = SalesChannelBuilder::new("yet another channel").insert(&app.db).await;
        channel_location(&app, &channel.id, &location).await;
        channel_location(&app, &other.id, &location).await;
        use sales_channel_location::Column::SalesChannelId;
        assert_eq!((live_links(&app, SalesChannelId, &channel.id).await, live_links(&app, SalesChannelId, &other.id).await), (1, 1));
        let deleted = send(&svc, admin(delete(&format!("/admin/stock-locations/{location}")))).await;
        assert_eq!(deleted.status, 200, "{}", deleted.text);
        assert_eq!((live_links(&app, SalesChannelId, &channel.id).await, live_links(&app, SalesChannelId, &other.id).await), (0, 0));
    }
}

on_both_backends! {
    async fn medusa_deleting_a_channel_unlinks_its_locations(app) {
        inventory_on(&app).await;
        let svc = app.service().await;
        let (location, location2) = (new_location(&svc, "warehouse").await, new_location(&svc, "other place").await);
        let channel = SalesChannelBuilder::new("channel test").insert(&app.db).await;
        channel_location(&app, &channel.id, &location).await;
        channel_location(&app, &channel.id, &location2).await;
        let fetched = send(&svc, admin(get(&format!("/admin/sales-channels/{}", channel.id)))).await;
        assert_eq!(fetched.body["sales_channel"]["name"], "channel test");
        assert_eq!(live_links(&app, sales_channel_location::Column::SalesChannelId, &channel.id).await, 2);
        let deleted = send(&svc, admin(delete(&format!("/admin/sales-channels/{}", channel.id)))).await;
        assert_eq!(deleted.status, 200, "{}", deleted.text);
        let gone = send(&svc, admin(get(&format!("/admin/sales-channels/{}", channel.id)))).await;
        assert_eq!(gone.status, 404);
        assert_eq!(live_links(&app, sales_channel_location::Column::SalesChannelId, &channel.id).await, 0);
    }
}

on_both_backends! {
    async fn medusa_filters_stock_locations_by_sales_channel(app) {
        inventory_on(&app).await;
        let svc = app.service().await;
        let (warehouse, other_place) = (new_location(&svc, "warehouse").await, new_location(&svc, "other place").await);
        let channel = SalesChannelBuilder::new("Default Channel").insert(&app.db).await;
        let store = SalesChannelBuilder::new("Physical store").insert(&app.db).await;
        channel_location(&app, &channel.id, &warehouse).await;
        channel_location(&app, &channel.id, &other_place).await;
        channel_location(&app, &store.id, &other_place).await;
        let first = send(&svc, admin(get(&format!("/admin/stock-locations?sales_channel_id={}", channel.id)))).await;
        let mut listed = names(&first.body);
        listed.sort();
        assert_eq!(listed, ["other place", "warehouse"]);
        let second = send(&svc, admin(get(&format!("/admin/stock-locations?sales_channel_id={}", store.id)))).await;
        assert_eq!(names(&second.body), ["other place"]);
    }
}
