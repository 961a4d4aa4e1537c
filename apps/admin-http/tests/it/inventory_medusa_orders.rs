//! Medusa 1.20.10's inventory tests of orders, ported to HTTP on both backends:
//! `integration-tests/plugins/__tests__/inventory/order/order.js` (14 cases). Medusa places
//! some of its orders through `/store/carts/{id}/complete`, which reserves each line at the
//! channel's location; here the order is built and its lines reserved through
//! `POST /admin/reservations`. `prodVarInventoryService.reserveQuantity` (which checks
//! nothing against the line) is the reservation row and the level's reserved quantity
//! written as the module writes them (`reserve_row`).
//!
//! Also `order/draft-order.js` (1 case).
//!
//! Not ported, and why: `inventory/cart/cart.js` (6) is the store API's cart (adding lines,
//! completing it); `service.js` (13) and `variant-inventory-service.js` (7) call the
//! inventory module and `ProductVariantInventoryService` in process, with no HTTP route.

use medusa_core::new_row::stamped;
use medusa_entity::sea_orm_active_enums::{OrderFulfillmentStatusEnum, OrderPaymentStatusEnum};
use medusa_entity::{inventory_level, reservation_item};
use medusa_test_support::builders::{
    CustomerBuilder, ItemBuilder, OrderBuilder, ProductBuilder, RegionBuilder,
    ShippingOptionBuilder, VariantBuilder,
};
use medusa_test_support::on_both_backends;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{json, Value};

use crate::inventory_medusa_items::{
    attach, channel_location, inventory_on, inventory_row, new_location,
};
use crate::support::*;

const CHANNEL: &str = crate::inventory::CHANNEL;

/// Medusa's `beforeEach`: product1 in the channel, a location the channel serves, its item
/// stocked 100 there, an order (captured, fulfilled) of 2 of the variant (`line`) shipped by a
/// `manual` option, and a return option.
struct Placed {
    variant: String,
    item: String,
    location: String,
    order: String,
    line: String,
    region: String,
}

async fn placed(app: &TestApp, quantity: i32) -> Placed {
    inventory_on(app).await;
    let placed = place(app, quantity).await;
    let svc = app.service().await;
    assert_eq!(
        level(&svc, &placed.item, &placed.location).await,
        (100, 0, 100)
    );
    placed
}

/// One such order, in a store with the inventory tables.
async fn place(app: &TestApp, quantity: i32) -> Placed {
    let product = ProductBuilder::new("product1")
        .variant(VariantBuilder::new("v1").inventory(100))
        .sales_channel(CHANNEL)
        .insert(&app.db)
        .await;
    let variant = product.variants[0].id.clone();
    let svc = app.service().await;
    let location = new_location(&svc, "test-location").await;
    channel_location(app, CHANNEL, &location).await;
    // No sku: several such items live in one database in the table test.
    let item = inventory_row(app, "", None, None).await;
    attach(app, &variant, &item, 1).await;
    set_stock(&svc, &item, &location, 100, true).await;
    let order = lone_order(app)
        .await
        .sales_channel(CHANNEL)
        .item(
            ItemBuilder::new("Line Item", 1000, quantity)
                .variant(&variant)
                .tax_line(0.0, "default", "default"),
        )
        .payment(4000, "manual", true)
        .statuses(
            OrderFulfillmentStatusEnum::Fulfilled,
            OrderPaymentStatusEnum::Captured,
        )
        .insert(&app.db)
        .await;
    let region = order.order.region_id.clone();
    let option = ShippingOptionBuilder::new("Standard", &region)
        .insert(&app.db)
        .await;
    shipping_method(app, &order.order.id, &option.id).await;
    Placed {
        variant,
        item,
        location,
        order: order.order.id.clone(),
        line: order.items[0].id.clone(),
        region,
    }
}

/// Another order of the same region and customer (`order_builder` creates them once).
pub(crate) fn order_like(order: &medusa_entity::order::Model) -> OrderBuilder {
    OrderBuilder::new(
        &order.region_id,
        &order.currency_code,
        &order.customer_id,
        &order.email,
    )
}

/// An order without lines yet, of a new region and customer (Medusa's orders of one line).
async fn lone_order(app: &TestApp) -> OrderBuilder {
    let region = RegionBuilder::new("Europe")
        .currency("eur")
        .insert(&app.db)
        .await;
    let email = format!("{}@example.com", medusa_core::id::generate_id("cus"));
    let customer = CustomerBuilder::new(&email).insert(&app.db).await;
    OrderBuilder::new(&region.id, "eur", &customer.id, &email)
}

async fn shipping_method(app: &TestApp, order_id: &str, option_id: &str) {
    medusa_entity::shipping_method::ActiveModel {
        id: Set(medusa_core::id::generate_id("sm")),
        shipping_option_id: Set(option_id.to_owned()),
        order_id: Set(Some(order_id.to_owned())),
        price: Set(0),
        data: Set(json!({})),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
}

pub(crate) async fn set_stock<B: actix_web::body::MessageBody>(
    svc: &impl TestService<B>,
    item: &str,
    location: &str,
    stocked: i32,
    create: bool,
) {
    let answer = if create {
        send(
            svc,
            admin(post(
                &format!("/admin/inventory-items/{item}/location-levels"),
                json!({"location_id": location, "stocked_quantity": stocked}),
            )),
        )
        .await
    } else {
        send(
            svc,
            admin(post(
                &format!("/admin/inventory-items/{item}/location-levels/{location}"),
                json!({"stocked_quantity": stocked}),
            )),
        )
        .await
    };
    assert_eq!(answer.status, 200, "{}", answer.text);
}

/// `(stocked, reserved, available)` of the item's level at the location, as the item's read shows it.
async fn level<B: actix_web::body::MessageBody>(
    svc: &impl TestService<B>,
    item: &str,
    location: &str,
) -> (i64, i64, i64) {
    let answer = send(svc, admin(get(&format!("/admin/inventory-items/{item}")))).await;
    let level = answer.body["inventory_item"]["location_levels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["location_id"] == location)
        .unwrap()
        .clone();
    let n = |key: &str| level[key].as_i64().unwrap();
    (
        n("stocked_quantity"),
        n("reserved_quantity"),
        n("available_quantity"),
    )
}

async fn reservations<B: actix_web::body::MessageBody>(
    svc: &impl TestService<B>,
    item: &str,
) -> Vec<Value> {
    let answer = send(
        svc,
        admin(get(&format!(
            "/admin/reservations?inventory_item_id[]={item}"
        ))),
    )
    .await;
    answer.body["reservations"].as_array().unwrap().clone()
}

/// `prodVarInventoryService.reserveQuantity(variant, quantity, {locationId, lineItemId})`.
async fn reserve_row(app: &TestApp, line: &str, item: &str, location: &str, quantity: i32) {
    let now = medusa_core::time::now();
    reservation_item::ActiveModel {
        id: Set(medusa_core::id::generate_id("resitem")),
        line_item_id: Set(Some(line.to_owned())),
        inventory_item_id: Set(item.to_owned()),
        location_id: Set(location.to_owned()),
        quantity: Set(quantity),
        external_id: Set(None),
        description: Set(None),
        created_by: Set(None),
        ..stamped(now)
    }
    .insert(&app.db)
    .await
    .unwrap();
    inventory_level::Entity::update_many()
        .col_expr(
            inventory_level::Column::ReservedQuantity,
            Expr::col(inventory_level::Column::ReservedQuantity).add(quantity),
        )
        .filter(inventory_level::Column::InventoryItemId.eq(item))
        .filter(inventory_level::Column::LocationId.eq(location))
        .exec(&app.db)
        .await
        .unwrap();
}

fn fulfill(p: &Placed, quantity: i32, location: &str) -> actix_web::test::TestRequest {
    admin(post(
        &format!("/admin/orders/{}/fulfillment", p.order),
        json!({"items": [{"item_id": p.line, "quantity": quantity}], "location_id": location}),
    ))
}

on_both_backends! {
    async fn medusa_cancels_an_order_with_many_items(app) {
        let p = placed(&app, 2).await;
        let svc = app.service().await;
        let location = new_location(&svc, "test-location").await;
        channel_location(&app, CHANNEL, &location).await;
        let item = inventory_row(&app, "cancel-me", None, None).await;
        set_stock(&svc, &item, &location, 100, true).await;
        let first = medusa_entity::order::Entity::find_by_id(&p.order).one(&app.db).await.unwrap().unwrap();
        let mut builder = order_like(&first).sales_channel(CHANNEL);
        for n in 0..13 {
            let product = ProductBuilder::new(&format!("p{n}")).variant(VariantBuilder::new("v")).insert(&app.db).await;
            attach(&app, &product.variants[0].id, &item, 1).await;
            builder = builder.item(ItemBuilder::new("Line Item", 8000, 1).variant(&product.variants[0].id).tax_line(0.0, "default", "default"));
        }
        let order = builder.insert(&app.db).await;
        for line in &order.items {
            let reserved = send(&svc, admin(post("/admin/reservations", json!({"line_item_id": line.id, "inventory_item_id": item, "location_id": location, "quantity": 1})))).await;
            assert_eq!(reserved.status, 200, "{}", reserved.text);
        }
        assert_eq!(level(&svc, &item, &location).await, (100, 13, 87));
        let canceled = send(&svc, admin(post(&format!("/admin/orders/{}/cancel", order.order.id), json!({})))).await;
        assert_eq!(canceled.status, 200, "{}", canceled.text);
        assert_eq!(level(&svc, &item, &location).await, (100, 0, 100));
        assert_eq!(level(&svc, &p.item, &p.location).await, (100, 0, 100));
    }
}

on_both_backends! {
    async fn medusa_swap_returns_to_a_location(app) {
        let p = placed(&app, 2).await;
        let svc = app.service().await;
        medusa_entity::line_item::Entity::update_many()
            .col_expr(medusa_entity::line_item::Column::FulfilledQuantity, Expr::value(2))
            .filter(medusa_entity::line_item::Column::Id.eq(&p.line))
            .exec(&app.db).await.unwrap();
        let answer = send(&svc, admin(post(&format!("/admin/orders/{}/swaps", p.order), json!({
            "return_items": [{"item_id": p.line, "quantity": 1}], "return_location_id": p.location,
        })))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        assert_eq!(answer.body["order"]["swaps"][0]["return_order"]["location_id"], json!(p.location));
    }
}

on_both_backends! {
    async fn medusa_claim_returns_to_a_location(app) {
        let p = placed(&app, 2).await;
        let svc = app.service().await;
        medusa_entity::line_item::Entity::update_many()
            .col_expr(medusa_entity::line_item::Column::FulfilledQuantity, Expr::value(1))
            .filter(medusa_entity::line_item::Column::Id.eq(&p.line))
            .exec(&app.db).await.unwrap();
        let returns = ShippingOptionBuilder::new("Return", &p.region).insert(&app.db).await;
        medusa_entity::shipping_option::Entity::update_many()
            .col_expr(medusa_entity::shipping_option::Column::IsReturn, Expr::value(true))
            .filter(medusa_entity::shipping_option::Column::Id.eq(&returns.id))
            .exec(&app.db).await.unwrap();
        let answer = send(&svc, admin(post(&format!("/admin/orders/{}/claims", p.order), json!({
            "type": "refund",
            "claim_items": [{"item_id": p.line, "quantity": 1, "reason": "production_failure"}],
            "return_shipping": {"option_id": returns.id, "price": 0},
            "return_location_id": p.location,
        })))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        assert_eq!(answer.body["order"]["claims"][0]["return_order"]["location_id"], json!(p.location));
    }
}

on_both_backends! {
    async fn medusa_fulfills_a_moved_reservation(app) {
        let p = placed(&app, 1).await;
        let svc = app.service().await;
        let other = new_location(&svc, "test-location").await;
        let reserved = send(&svc, admin(post("/admin/reservations", json!({"line_item_id": p.line, "inventory_item_id": p.item, "location_id": p.location, "quantity": 1})))).await;
        assert_eq!(reserved.status, 200, "{}", reserved.text);
        set_stock(&svc, &p.item, &other, 1, true).await;
        assert_eq!((level(&svc, &p.item, &p.location).await, level(&svc, &p.item, &other).await), ((100, 1, 99), (1, 0, 1)));
        let listed = send(&svc, admin(get(&format!("/admin/reservations?line_item_id[]={}", p.line)))).await;
        let reservation = listed.body["reservations"][0]["id"].as_str().unwrap().to_owned();
        let moved = send(&svc, admin(post(&format!("/admin/reservations/{reservation}"), json!({"location_id": other})))).await;
        assert_eq!(moved.status, 200, "{}", moved.text);
        let fulfilled = send(&svc, fulfill(&p, 1, &p.location)).await;
        assert_eq!(fulfilled.status, 200, "{}", fulfilled.text);
        assert!(fulfilled.body["order"]["fulfillments"][0]["location_id"].is_string());
        assert_eq!(reservations(&svc, &p.item).await.len(), 0);
        assert_eq!((level(&svc, &p.item, &p.location).await, level(&svc, &p.item, &other).await), ((99, 0, 99), (1, 0, 1)));
    }
}

on_both_backends! {
    async fn medusa_fulfills_again_after_a_cancel(app) {
        let p = placed(&app, 3).await;
        let svc = app.service().await;
        send(&svc, admin(post("/admin/reservations", json!({"line_item_id": p.line, "inventory_item_id": p.item, "location_id": p.location, "quantity": 3})))).await;
        let first = send(&svc, fulfill(&p, 2, &p.location)).await;
        assert_eq!(first.status, 200, "{}", first.text);
        assert_eq!(first.body["order"]["fulfillment_status"], "partially_fulfilled");
        let fulfillment = first.body["order"]["fulfillments"][0]["id"].as_str().unwrap().to_owned();
        let canceled = send(&svc, admin(post(&format!("/admin/orders/{}/fulfillments/{fulfillment}/cancel", p.order), json!({})))).await;
        assert_eq!(canceled.status, 200, "{}", canceled.text);
        let second = send(&svc, fulfill(&p, 2, &p.location)).await;
        assert_eq!(second.status, 200, "{}", second.text);
        assert_eq!(second.body["order"]["fulfillment_status"], "partially_fulfilled");
        assert_eq!(reservations(&svc, &p.item).await.len(), 0);
        assert_eq!(level(&svc, &p.item, &p.location).await, (98, 0, 98));
        let order = send(&svc, admin(get(&format!("/admin/orders/{}", p.order)))).await;
        let line = order.body["order"]["items"].as_array().unwrap().iter().find(|i| i["id"] == p.line.as_str()).unwrap().clone();
        assert_eq!((&line["fulfilled_quantity"], &line["quantity"]), (&json!(2), &json!(3)));
    }
}

/// The fulfillment cases that start from the module's own reservations: `(stocked before,
/// reservations (location index, quantity), fulfilled quantity, status, reservations left
/// (location index, quantity), (stocked, reserved, available) at the first location after)`.
type Case = (
    i32,
    &'static [(usize, i32)],
    i32,
    &'static str,
    &'static [(usize, i32)],
    (i64, i64, i64),
);

const FULFILLMENTS: &[(&str, Case)] = &[
    (
        "with reservation",
        (100, &[(0, 1)], 1, "partially_fulfilled", &[], (99, 0, 99)),
    ),
    (
        "deletes multiple reservations",
        (2, &[(0, 1), (0, 1)], 2, "fulfilled", &[], (0, 0, 0)),
    ),
    (
        "partial reservation",
        (2, &[(0, 1)], 2, "fulfilled", &[], (0, 0, 0)),
    ),
    (
        "over-reserved line",
        (3, &[(0, 3)], 2, "fulfilled", &[(0, 1)], (1, 1, 0)),
    ),
    (
        "the chosen location first",
        (3, &[(0, 1), (1, 2)], 2, "fulfilled", &[(1, 1)], (1, 0, 1)),
    ),
    (
        "without reservation",
        (100, &[], 1, "partially_fulfilled", &[], (99, 0, 99)),
    ),
];

on_both_backends! {
    async fn medusa_fulfillments_adjust_reservations(app) {
        inventory_on(&app).await;
        for (name, (stocked, reserved, quantity, status, left, after)) in FULFILLMENTS {
            let p = place(&app, 2).await;
            let svc = app.service().await;
            let second = new_location(&svc, "test-location 1").await;
            set_stock(&svc, &p.item, &second, 3, true).await;
            set_stock(&svc, &p.item, &p.location, *stocked, false).await;
            let locations = [p.location.clone(), second.clone()];
            for (at, n) in reserved.iter() {
                reserve_row(&app, &p.line, &p.item, &locations[*at], *n).await;
            }
            let answer = send(&svc, fulfill(&p, *quantity, &p.location)).await;
            assert_eq!(answer.status, 200, "{name}: {}", answer.text);
            assert_eq!(answer.body["order"]["fulfillment_status"], *status, "{name}");
            let mut held: Vec<(String, i64)> = reservations(&svc, &p.item).await.iter().map(|r| (r["location_id"].as_str().unwrap().to_owned(), r["quantity"].as_i64().unwrap())).collect();
            held.sort();
            let expected: Vec<(String, i64)> = left.iter().map(|(at, n)| (locations[*at].clone(), i64::from(*n))).collect();
            assert_eq!(held, expected, "{name}");
            assert_eq!(level(&svc, &p.item, &p.location).await, *after, "{name}");
        }
    }
}

on_both_backends! {
    async fn medusa_return_received_at_a_location_restocks_it(app) {
        let p = placed(&app, 2).await;
        let svc = app.service().await;
        let fulfilled = send(&svc, fulfill(&p, 1, &p.location)).await;
        assert_eq!(fulfilled.status, 200, "{}", fulfilled.text);
        let shipped = send(&svc, admin(post(&format!("/admin/orders/{}/shipment", p.order), json!({"fulfillment_id": fulfilled.body["order"]["fulfillments"][0]["id"]})))).await;
        assert_eq!(shipped.status, 200, "{}", shipped.text);
        assert_eq!(level(&svc, &p.item, &p.location).await, (99, 0, 99));
        let returned = send(&svc, admin(post(&format!("/admin/orders/{}/return", p.order), json!({"receive_now": true, "location_id": p.location, "items": [{"item_id": p.line, "quantity": 1}]})))).await;
        assert_eq!(returned.status, 200, "{}", returned.text);
        assert_eq!(level(&svc, &p.item, &p.location).await, (100, 0, 100));
    }
}

on_both_backends! {
    async fn medusa_refuses_a_fulfillment_beyond_the_stock(app) {
        let p = placed(&app, 2).await;
        let svc = app.service().await;
        set_stock(&svc, &p.item, &p.location, 1, false).await;
        let inventory = send(&svc, admin(get(&format!("/admin/variants/{}/inventory", p.variant)))).await;
        let at = &inventory.body["variant"]["inventory"][0]["location_levels"][0];
        assert_eq!((&at["stocked_quantity"], &at["reserved_quantity"], &at["available_quantity"]), (&json!(1), &json!(0), &json!(1)));
        let refused = send(&svc, fulfill(&p, 2, &p.location)).await;
        assert_eq!((refused.status, &refused.body), (400, &json!({"type": "not_allowed", "message": "Insufficient stock for item: Line Item"})));
        assert_eq!(level(&svc, &p.item, &p.location).await, (1, 0, 1));
    }
}

on_both_backends! {
    async fn medusa_confirmed_order_edit_deletes_reservations(app) {
        let p = placed(&app, 3).await;
        let svc = app.service().await;
        send(&svc, admin(post("/admin/reservations", json!({"line_item_id": p.line, "inventory_item_id": p.item, "location_id": p.location, "quantity": 3})))).await;
        let order = send(&svc, admin(get(&format!("/admin/orders/{}", p.order)))).await;
        let lines: Vec<String> = order.body["order"]["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_owned()).collect();
        let count = |app: &TestApp| {
            let (db, lines) = (app.db.clone(), lines.clone());
            async move {
                reservation_item::Entity::find()
                    .filter(reservation_item::Column::LineItemId.is_in(lines))
                    .filter(reservation_item::Column::DeletedAt.is_null())
                    .all(&db).await.unwrap().len()
            }
        };
        assert_eq!(count(&app).await, 1);
        let created = send(&svc, admin(post("/admin/order-edits", json!({"order_id": p.order, "internal_note": "This is an internal note"})))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        let edit = created.body["order_edit"]["id"].as_str().unwrap().to_owned();
        let clone = created.body["order_edit"]["items"].as_array().unwrap().iter().find(|i| i["original_item_id"] == p.line.as_str()).unwrap()["id"].as_str().unwrap().to_owned();
        let changed = send(&svc, admin(post(&format!("/admin/order-edits/{edit}/items/{clone}"), json!({"quantity": 2})))).await;
        assert_eq!(changed.status, 200, "{}", changed.text);
        let confirmed = send(&svc, admin(post(&format!("/admin/order-edits/{edit}/confirm"), json!({})))).await;
        assert_eq!(confirmed.status, 200, "{}", confirmed.text);
        let edit_body = &confirmed.body["order_edit"];
        assert_eq!((&edit_body["id"], &edit_body["created_by"], &edit_body["confirmed_by"], &edit_body["status"]), (&json!(edit), &json!(ADMIN_ID), &json!(ADMIN_ID), &json!("confirmed")));
        assert!(edit_body["confirmed_at"].is_string());
        assert_eq!(count(&app).await, 0);
    }
}

on_both_backends! {
    async fn medusa_paid_draft_order_leaves_reservations(app) {
        // order/draft-order.js: a variant stocked 10 at the channel's location; a draft order
        // of 2 paid; the level is as it was (no reservation, nothing taken).
        inventory_on(&app).await;
        let svc = app.service().await;
        let location = new_location(&svc, "test-location").await;
        channel_location(&app, CHANNEL, &location).await;
        let item = send(&svc, admin(post("/admin/inventory-items", json!({"variant_id": "variant_ref_tee_s_white"})))).await;
        let item = item.body["inventory_item"]["id"].as_str().unwrap().to_owned();
        set_stock(&svc, &item, &location, 10, true).await;
        assert_eq!(level(&svc, &item, &location).await, (10, 0, 10));
        let option = medusa_entity::shipping_option::Entity::find()
            .filter(medusa_entity::shipping_option::Column::RegionId.eq("reg_ref_eu"))
            .filter(medusa_entity::shipping_option::Column::IsReturn.eq(false))
            .one(&app.db).await.unwrap().unwrap().id;
        let payload = json!({
            "email": "test@test.dk", "region_id": "reg_ref_eu", "discounts": [],
            "items": [{"variant_id": "variant_ref_tee_s_white", "quantity": 2, "metadata": {}}],
            "shipping_methods": [{"option_id": option}],
            "shipping_address": {"first_name": "A", "country_code": "de"},
        });
        let created = send(&svc, admin(post("/admin/draft-orders", payload.clone()))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        let draft = created.body["draft_order"]["id"].as_str().unwrap().to_owned();
        let paid = send(&svc, admin(post(&format!("/admin/draft-orders/{draft}/pay"), payload))).await;
        assert_eq!(paid.status, 200, "{}", paid.text);
        let levels = send(&svc, admin(get(&format!("/admin/inventory-items/{item}")))).await;
        assert_eq!(levels.body["inventory_item"]["location_levels"].as_array().unwrap().len(), 1);
        assert_eq!(level(&svc, &item, &location).await, (10, 0, 10));
    }
}
