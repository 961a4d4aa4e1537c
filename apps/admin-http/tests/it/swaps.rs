//! HTTP tests of swaps (`/admin/orders/{id}/swaps...`, `/admin/swaps`).
//!
//! The reference seed's captured, fulfilled and shipped order (2 × 1950 tee, 1 × 1000 mug,
//! 1000 shipping, one captured 5900 payment) is rebuilt with the claims tests' seed; the
//! figures (the return's refund, the swap cart's lines and totals, statuses, messages) are
//! those a private Medusa 1.20.10 gave for the same requests on the same order. Medusa
//! confirms a swap (its `difference_due`, its shipping methods) only when the store
//! completes the swap's cart; the tests write those columns as that completion leaves them.

use medusa_entity::{custom_shipping_option, event_outbox, shipping_method, swap};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, Set,
};
use serde_json::{json, Value};

use crate::claims::{option_named, seed_order, Seeded};
use crate::support::*;
use medusa_test_support::on_both_backends;

async fn events(db: &DatabaseConnection, name: &str) -> u64 {
    event_outbox::Entity::find()
        .filter(event_outbox::Column::Name.eq(name))
        .count(db)
        .await
        .unwrap()
}

/// The swap of the reference comparison: one tee back (return shipping 300), an L / White
/// tee sent, the standard option free.
async fn swap_body(app: &TestApp, s: &Seeded) -> Value {
    let ret = option_named(&app.db, "PostFake Return").await;
    json!({
        "return_items": [{"item_id": s.tee, "quantity": 1}],
        "additional_items": [{"variant_id": "variant_ref_tee_l_white", "quantity": 1}],
        "return_shipping": {"option_id": ret, "price": 300},
        "custom_shipping_options": [{"option_id": s.standard, "price": 0}],
    })
}

fn only_swap(order: &Value) -> &Value {
    let swaps = order["order"]["swaps"].as_array().unwrap();
    assert_eq!(swaps.len(), 1, "{order}");
    &swaps[0]
}

on_both_backends! {
    async fn create_and_read_as_medusa(app) {
        let s = seed_order(&app).await;
        let svc = app.service().await;
        let order = &s.order;
        let body = swap_body(&app, &s).await;
        let res = send(&svc, admin(post(&format!("/admin/orders/{order}/swaps"), body))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        assert_eq!(res.body["order"]["object"], "order");
        let sw = only_swap(&res.body);
        let id = sw["id"].as_str().unwrap().to_owned();
        assert_eq!(sw["fulfillment_status"], "not_fulfilled");
        assert_eq!(sw["payment_status"], "not_paid");
        assert_eq!(sw["difference_due"], Value::Null);
        assert_eq!(sw["allow_backorder"], true);
        assert_eq!(sw["no_notification"], Value::Null);
        assert_eq!(sw["shipping_address_id"], Value::Null);
        let cart_id = sw["cart_id"].as_str().unwrap().to_owned();
        let added = &sw["additional_items"][0];
        assert_eq!(added["unit_price"], 1950);
        assert_eq!(added["description"], "L / White");
        assert_eq!(added["cart_id"], cart_id.as_str());
        assert_eq!(added["swap_id"], id.as_str());
        assert_eq!(added["tax_lines"], json!([]));
        assert_eq!(added["refundable"], 1950);
        let ret = &sw["return_order"];
        assert_eq!(ret["status"], "requested");
        assert_eq!(ret["refund_amount"], 1650);
        assert_eq!(ret["order_id"], Value::Null);
        assert_eq!(ret["swap_id"], id.as_str());
        assert_eq!(ret["idempotency_key"], Value::Null);
        assert_eq!(ret["shipping_data"], json!({}));
        assert_eq!(ret["shipping_method"]["price"], 300);
        assert_eq!(ret["items"][0]["item_id"], s.tee.as_str());
        assert_eq!(res.body["order"]["total"], 5900);
        assert_eq!(events(&app.db, "swap.created").await, 1);
        assert_eq!(
            custom_shipping_option::Entity::find()
                .filter(custom_shipping_option::Column::CartId.eq(cart_id.clone()))
                .count(&app.db)
                .await
                .unwrap(),
            1
        );

        // The swap with its cart: the additional tee, the return shipping, the returned tee
        // negative; totals 300.
        let res = send(&svc, admin(get(&format!("/admin/swaps/{id}")))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let sw = &res.body["swap"];
        let keys: Vec<&str> = sw.as_object().unwrap().keys().map(String::as_str).collect();
        for key in ["id", "order_id", "cart_id", "difference_due", "additional_items", "fulfillments",
                    "order", "payment", "return_order", "shipping_address", "shipping_methods", "cart"] {
            assert!(keys.contains(&key), "{key}: {keys:?}");
        }
        assert!(!keys.contains(&"allow_backorder"));
        assert_eq!(sw["order"]["object"], "order");
        assert_eq!(sw["return_order"]["items"][0]["quantity"], 1);
        let cart = &sw["cart"];
        assert_eq!(cart["object"], "cart");
        assert_eq!(cart["type"], "swap");
        assert_eq!(cart["metadata"], json!({"swap_id": id, "parent_order_id": order}));
        assert_eq!(cart["email"], "jane.doe@example.com");
        let items = cart["items"].as_array().unwrap();
        let lines: Vec<(Value, Value, Value, Value)> = items
            .iter()
            .map(|i| (i["title"].clone(), i["unit_price"].clone(), i["is_return"].clone(), i["has_shipping"].clone()))
            .collect();
        assert_eq!(lines, vec![
            (json!("Medusa T-Shirt"), json!(1950), json!(false), Value::Null),
            (json!("Return shipping"), json!(300), json!(true), json!(true)),
            (json!("Medusa T-Shirt"), json!(-1950), json!(true), Value::Null),
        ]);
        assert_eq!(items[1]["allow_discounts"], false);
        assert_eq!(items[1]["tax_lines"][0]["name"], "default");
        assert_eq!(items[2]["variant_id"], "variant_ref_tee_m_black");
        assert_eq!(items[2]["description"], Value::Null);
        assert_eq!(items[2]["tax_lines"][0]["rate"], 0);
        for (key, figure) in [("subtotal", 300), ("tax_total", 0), ("shipping_total", 0),
                              ("discount_total", 0), ("gift_card_total", 0), ("total", 300)] {
            assert_eq!(cart[key], figure, "{key}");
        }

        let res = send(&svc, admin(get("/admin/swaps"))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        assert_eq!(res.body["count"], 1);
        assert_eq!(res.body["limit"], 50);
        assert_eq!(res.body["swaps"][0]["id"], id.as_str());
        assert_eq!(res.body["swaps"][0]["allow_backorder"], true);
        assert!(res.body["swaps"][0].get("cart").is_none());
    }
}

on_both_backends! {
    async fn refusals_match_medusa(app) {
        let s = seed_order(&app).await;
        let svc = app.service().await;
        let order = &s.order;
        let path = format!("/admin/orders/{order}/swaps");
        let res = send(&svc, admin(post(&path, swap_body(&app, &s).await))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let id = only_swap(&res.body)["id"].as_str().unwrap().to_owned();
        let cases = [
            (format!("{path}/{id}/process-payment"), json!({}), 400,
             "Cannot process a swap that hasn't been confirmed by the customer"),
            (format!("{path}/{id}/cancel"), json!({}), 400,
             "Return must be canceled before the swap can be canceled"),
            (format!("{path}/{id}/fulfillments"), json!({}), 400,
             "Cannot fulfill an swap that doesn't have shipping methods"),
            (format!("{path}/swap_nope/cancel"), json!({}), 404, "Swap was not found"),
            (format!("{path}/swap_nope/process-payment"), json!({}), 404, "Swap was not found"),
            (path.clone(), json!({"return_items": [{"item_id": "x", "quantity": 0}]}), 400,
             "quantity must not be less than 1"),
            (path.clone(), json!({"return_items": [{"item_id": s.mug, "quantity": 1}],
                                  "additional_items": [{"variant_id": "nope", "quantity": 1}]}), 400,
             "Unable to generate the line items, some variant has not been found: nope"),
            (path.clone(), json!({"return_items": [{"item_id": s.mug, "quantity": 5}]}), 400,
             "Cannot return more items than have been purchased"),
            ("/admin/orders/order_nope/swaps".to_owned(), json!({"return_items": [{"item_id": s.mug, "quantity": 1}]}), 404,
             "Order with id order_nope was not found"),
        ];
        for (path, body, status, message) in cases {
            let res = send(&svc, admin(post(&path, body.clone()))).await;
            assert_eq!(res.status, status, "{path} {body}: {}", res.body);
            assert_eq!(res.body["message"], message, "{path} {body}");
        }
        let res = send(&svc, admin(post(&format!("/admin/orders/order_other/swaps/{id}/cancel"), json!({})))).await;
        assert_eq!(res.status, 404);
        assert_eq!(
            res.body["message"],
            format!("no swap was found with the id: {id} related to order: order_other")
        );
        let res = send(&svc, admin(get("/admin/swaps/swap_nope"))).await;
        assert_eq!(res.status, 404);
        assert_eq!(res.body["message"], "Swap was not found");
        // Nothing was written by the refused requests.
        assert_eq!(swap::Entity::find().count(&app.db).await.unwrap(), 1);
        assert_eq!(events(&app.db, "swap.created").await, 1);
    }
}

/// What the store's completion of the swap's cart leaves: confirmed, a difference, and (for
/// a swap with items) a shipping method of the standard option.
async fn confirm(db: &DatabaseConnection, id: &str, difference: i32, standard: Option<&str>) {
    let row = swap::Entity::find_by_id(id).one(db).await.unwrap().unwrap();
    let mut row = row.into_active_model();
    row.confirmed_at = Set(Some(medusa_core::time::now()));
    row.difference_due = Set(Some(difference));
    row.update(db).await.unwrap();
    if let Some(option) = standard {
        shipping_method::ActiveModel {
            id: Set(format!("sm_swap_{id}")),
            shipping_option_id: Set(option.to_owned()),
            swap_id: Set(Some(id.to_owned())),
            price: Set(0),
            data: Set(json!({})),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
}

on_both_backends! {
    async fn fulfill_ship_pay_and_cancel_as_medusa(app) {
        let s = seed_order(&app).await;
        let svc = app.service().await;
        let order = &s.order;
        let path = format!("/admin/orders/{order}/swaps");
        let res = send(&svc, admin(post(&path, swap_body(&app, &s).await))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let a = only_swap(&res.body)["id"].as_str().unwrap().to_owned();
        confirm(&app.db, &a, 0, Some(&s.standard)).await;

        // Fulfilled, the fulfillment canceled, fulfilled again: Medusa keeps only the new
        // fulfillment on the swap.
        let res = send(&svc, admin(post(&format!("{path}/{a}/fulfillments"), json!({})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let sw = only_swap(&res.body);
        assert_eq!(sw["fulfillment_status"], "fulfilled");
        assert_eq!(sw["additional_items"][0]["fulfilled_quantity"], 1);
        let first = sw["fulfillments"][0]["id"].as_str().unwrap().to_owned();
        let res = send(&svc, admin(post(&format!("{path}/{a}/fulfillments"), json!({})))).await;
        assert_eq!(res.status, 400);
        assert_eq!(res.body["message"], "The swap was already fulfilled");
        let res = send(&svc, admin(post(&format!("{path}/{a}/cancel"), json!({})))).await;
        assert_eq!(res.body["message"], "All fulfillments must be canceled before the swap can be canceled");
        let res = send(&svc, admin(post(&format!("{path}/{a}/fulfillments/{first}/cancel"), json!({})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        assert_eq!(only_swap(&res.body)["fulfillment_status"], "canceled");
        let res = send(&svc, admin(post(&format!("{path}/{a}/fulfillments"), json!({})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let sw = only_swap(&res.body);
        let fulfillments = sw["fulfillments"].as_array().unwrap();
        assert_eq!(fulfillments.len(), 1);
        let second = fulfillments[0]["id"].as_str().unwrap().to_owned();
        assert_ne!(first, second);

        let body = json!({"fulfillment_id": second, "tracking_numbers": ["T1"]});
        let res = send(&svc, admin(post(&format!("{path}/{a}/shipments"), body))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let sw = only_swap(&res.body);
        assert_eq!(sw["fulfillment_status"], "shipped");
        assert_eq!(sw["additional_items"][0]["shipped_quantity"], 1);
        assert_eq!(sw["fulfillments"][0]["tracking_links"][0]["tracking_number"], "T1");
        assert_eq!(events(&app.db, "swap.shipment_created").await, 1);
        let res = send(&svc, admin(get(&format!("/admin/swaps/{a}")))).await;
        assert_eq!(res.body["swap"]["fulfillments"][0]["items"][0]["quantity"], 1);

        // A difference of 0: nothing moves, `difference_refunded`; then it cannot be canceled.
        let res = send(&svc, admin(post(&format!("{path}/{a}/process-payment"), json!({})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        assert_eq!(only_swap(&res.body)["payment_status"], "difference_refunded");
        assert_eq!(res.body["order"]["refunds"], json!([]));
        let res = send(&svc, admin(post(&format!("{path}/{a}/cancel"), json!({})))).await;
        assert_eq!(res.body["message"], "Swap with a refund cannot be canceled");
        assert_eq!(events(&app.db, "swap.refund_processed").await, 1);
    }
}

on_both_backends! {
    async fn refund_of_a_negative_difference_and_cancel(app) {
        let s = seed_order(&app).await;
        let svc = app.service().await;
        let order = &s.order;
        let path = format!("/admin/orders/{order}/swaps");
        let body = json!({"return_items": [{"item_id": s.mug, "quantity": 1}]});
        let res = send(&svc, admin(post(&path, body))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let b = only_swap(&res.body)["id"].as_str().unwrap().to_owned();
        confirm(&app.db, &b, -500, None).await;
        let res = send(&svc, admin(post(&format!("{path}/{b}/process-payment"), json!({})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        assert_eq!(only_swap(&res.body)["payment_status"], "difference_refunded");
        let refunds = res.body["order"]["refunds"].as_array().unwrap();
        assert_eq!(refunds.len(), 1);
        assert_eq!(refunds[0]["amount"], 500);
        assert_eq!(refunds[0]["reason"], "swap");
        assert_eq!(res.body["order"]["payments"][0]["amount_refunded"], 500);
        // Processed twice: nothing more.
        let res = send(&svc, admin(post(&format!("{path}/{b}/process-payment"), json!({})))).await;
        assert_eq!(res.body["order"]["refunds"].as_array().unwrap().len(), 1);

        // Another swap, its return canceled first, is canceled.
        let body = json!({"return_items": [{"item_id": s.tee, "quantity": 1}]});
        let res = send(&svc, admin(post(&path, body))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let c = res.body["order"]["swaps"].as_array().unwrap().iter()
            .find(|sw| sw["id"] != b.as_str()).unwrap().clone();
        let c_id = c["id"].as_str().unwrap().to_owned();
        let ret = c["return_order"]["id"].as_str().unwrap().to_owned();
        let res = send(&svc, admin(post(&format!("/admin/returns/{ret}/cancel"), json!({})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let res = send(&svc, admin(post(&format!("{path}/{c_id}/cancel"), json!({})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let c = res.body["order"]["swaps"].as_array().unwrap().iter()
            .find(|sw| sw["id"] == c_id.as_str()).unwrap().clone();
        assert_eq!(c["payment_status"], "canceled");
        assert_eq!(c["fulfillment_status"], "canceled");
        assert!(c["canceled_at"].is_string());
        let res = send(&svc, admin(post(&format!("{path}/{c_id}/process-payment"), json!({})))).await;
        assert_eq!(res.body["message"], "Canceled swap cannot be processed");
    }
}
