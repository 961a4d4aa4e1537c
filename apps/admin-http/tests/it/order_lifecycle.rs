//! HTTP tests of the order lifecycle writes: update, complete, archive, cancel, capture.

use medusa_entity::sea_orm_active_enums::{
    OrderFulfillmentStatusEnum as Fulfillment, OrderPaymentStatusEnum as Payment,
};
use medusa_entity::{event_outbox, payment, product_variant};
use medusa_test_support::builders::{
    AddressFields, BuiltOrder, CustomerBuilder, ItemBuilder, OrderBuilder, ProductBuilder,
    RegionBuilder, VariantBuilder,
};
use medusa_test_support::on_both_backends;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{json, Value};

use crate::support::*;

/// A region (countries `de`, `fr`), a customer and a builder for their order.
pub(crate) async fn order_builder(app: &TestApp) -> OrderBuilder {
    let region = RegionBuilder::new("Europe")
        .currency("eur")
        .countries(["de", "fr"])
        .insert(&app.db)
        .await;
    let customer = CustomerBuilder::new("jane@example.com")
        .insert(&app.db)
        .await;
    OrderBuilder::new(&region.id, "eur", &customer.id, "jane@example.com")
        .item(ItemBuilder::new("Tee", 1000, 2).tax_line(0.0, "default", "default"))
}

pub(crate) async fn order_events(app: &TestApp, order_id: &str) -> Vec<(String, Value)> {
    event_outbox::Entity::find()
        .filter(event_outbox::Column::ResourceId.eq(order_id))
        .order_by_asc(event_outbox::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.name, serde_json::from_str(&e.data).unwrap()))
        .collect()
}

fn statuses(order: &Value) -> (String, String, String) {
    let text = |key: &str| order[key].as_str().unwrap_or_default().to_owned();
    (
        text("status"),
        text("fulfillment_status"),
        text("payment_status"),
    )
}

fn owned(a: &str, b: &str, c: &str) -> (String, String, String) {
    (a.to_owned(), b.to_owned(), c.to_owned())
}

on_both_backends! {
    async fn complete_then_archive(app) {
        let built: BuiltOrder = order_builder(&app).await.insert(&app.db).await;
        let id = built.order.id;
        let svc = app.service().await;

        let early = send(&svc, admin(post(&format!("/admin/orders/{id}/archive"), json!({})))).await;
        assert_eq!(early.status, 400, "{}", early.text);
        assert_eq!(
            early.body,
            json!({"type": "not_allowed", "message": "Can't archive an unprocessed order"})
        );

        let done = send(&svc, admin(post(&format!("/admin/orders/{id}/complete"), json!({})))).await;
        assert_eq!(done.status, 200, "{}", done.text);
        assert_eq!(statuses(&done.body["order"]), owned("completed", "not_fulfilled", "awaiting"));
        // The answer is the order as GET shows it, with the entity's `object`.
        let shown = send(&svc, admin(get(&format!("/admin/orders/{id}")))).await;
        let mut answered = done.body.clone();
        assert_eq!(answered["order"]["object"], "order");
        answered["order"].as_object_mut().unwrap().remove("object");
        assert_eq!(answered, shown.body);

        let archived = send(&svc, admin(post(&format!("/admin/orders/{id}/archive"), json!({})))).await;
        assert_eq!(archived.status, 200, "{}", archived.text);
        assert_eq!(archived.body["order"]["status"], "archived");

        let events = order_events(&app, &id).await;
        assert_eq!(
            events,
            vec![("order.completed".to_owned(), json!({"id": id, "no_notification": null}))]
        );

        let missing = send(&svc, admin(post("/admin/orders/order_missing/complete", json!({})))).await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body["message"], "Order with id order_missing was not found");
    }
}

on_both_backends! {
    async fn canceled_orders_refuse_writes(app) {
        let built = order_builder(&app)
            .await
            .payment(2000, "manual", false)
            .insert(&app.db)
            .await;
        let id = built.order.id;
        let svc = app.service().await;
        let canceled = send(&svc, admin(post(&format!("/admin/orders/{id}/cancel"), json!({})))).await;
        assert_eq!(canceled.status, 200, "{}", canceled.text);
        let order = &canceled.body["order"];
        assert_eq!(statuses(order), owned("canceled", "canceled", "canceled"));
        assert!(order["canceled_at"].is_string());
        let pay = payment::Entity::find_by_id(built.payments[0].id.clone())
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert!(pay.canceled_at.is_some());
        assert_eq!(pay.data, json!({"status": "canceled"}));

        for (path, body, message) in [
            ("complete", json!({}), "A canceled order cannot be completed"),
            ("capture", json!({}), "A canceled order cannot capture payment"),
            ("", json!({"email": "x@example.com"}), "A canceled order cannot be updated"),
        ] {
            let path = if path.is_empty() {
                format!("/admin/orders/{id}")
            } else {
                format!("/admin/orders/{id}/{path}")
            };
            let answer = send(&svc, admin(post(&path, body))).await;
            assert_eq!(answer.status, 400, "{path}");
            assert_eq!(answer.body, json!({"type": "not_allowed", "message": message}), "{path}");
        }
        let names: Vec<String> = order_events(&app, &id).await.into_iter().map(|e| e.0).collect();
        assert_eq!(names, vec!["order.canceled"]);
    }
}

on_both_backends! {
    async fn cancel_needs_fulfillments_canceled(app) {
        let built = order_builder(&app)
            .await
            .statuses(Fulfillment::Fulfilled, Payment::Captured)
            .fulfillment("manual", &[(0, 2)])
            .insert(&app.db)
            .await;
        let svc = app.service().await;
        let path = format!("/admin/orders/{}/cancel", built.order.id);
        let answer = send(&svc, admin(post(&path, json!({})))).await;
        assert_eq!(answer.status, 400);
        assert_eq!(
            answer.body["message"],
            "All fulfillments must be canceled before canceling an order"
        );
        let shown = send(&svc, admin(get(&format!("/admin/orders/{}", built.order.id)))).await;
        assert_eq!(shown.body["order"]["status"], "pending");
    }
}

on_both_backends! {
    async fn capture_captures_every_payment(app) {
        let built = order_builder(&app)
            .await
            .payment(1500, "manual", false)
            .payment(500, "manual", true)
            .insert(&app.db)
            .await;
        let id = built.order.id;
        let svc = app.service().await;
        let answer = send(&svc, admin(post(&format!("/admin/orders/{id}/capture"), json!({})))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        assert_eq!(answer.body["order"]["payment_status"], "captured");
        let payments = answer.body["order"]["payments"].as_array().unwrap();
        assert!(payments.iter().all(|p| p["captured_at"].is_string()), "{payments:?}");
        assert!(payments.iter().any(|p| p["data"] == json!({"status": "captured"})));
        let events = order_events(&app, &id).await;
        assert_eq!(
            events,
            vec![("order.payment_captured".to_owned(), json!({"id": id, "no_notification": null}))]
        );
    }
}

on_both_backends! {
    async fn a_payment_whose_provider_is_gone_leaves_the_order_requiring_action(app) {
        let built = order_builder(&app)
            .await
            .payment(2000, "stripe", false)
            .insert(&app.db)
            .await;
        let id = built.order.id;
        let svc = app.service().await;
        let answer = send(&svc, admin(post(&format!("/admin/orders/{id}/capture"), json!({})))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        assert_eq!(answer.body["order"]["payment_status"], "requires_action");
        assert!(answer.body["order"]["payments"][0]["captured_at"].is_null());
        let events = order_events(&app, &id).await;
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].0, "order.payment_capture_failed");
        assert_eq!(events[0].1["payment_id"], json!(built.payments[0].id));
    }
}

on_both_backends! {
    async fn update_sets_email_addresses_and_no_notification(app) {
        let berlin = AddressFields::new("Jane", "Doe", "Hauptstrasse 1", "Berlin", "de");
        let built = order_builder(&app)
            .await
            .shipping_address(berlin)
            .insert(&app.db)
            .await;
        let id = built.order.id;
        let svc = app.service().await;
        let path = format!("/admin/orders/{id}");

        let outside = send(&svc, admin(post(&path, json!({
            "shipping_address": {"country_code": "US", "city": "Springfield"}
        })))).await;
        assert_eq!(outside.status, 400);
        assert_eq!(
            outside.body,
            json!({"type": "invalid_data", "message": "Shipping country must be in the order region"})
        );

        let answer = send(&svc, admin(post(&path, json!({
            "email": "jane.doe@example.com",
            "no_notification": true,
            "shipping_address": {"country_code": "FR", "city": "Paris"},
            "billing_address": {"country_code": "de", "first_name": "Jane", "metadata": {"a": 1}}
        })))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let order = &answer.body["order"];
        assert_eq!(order["email"], "jane.doe@example.com");
        assert_eq!(order["no_notification"], true);
        // Updated in place: the other fields stay.
        assert_eq!(order["shipping_address"]["country_code"], "fr");
        assert_eq!(order["shipping_address"]["city"], "Paris");
        assert_eq!(order["shipping_address"]["address_1"], "Hauptstrasse 1");
        // Created: the order had none.
        assert_eq!(order["billing_address"]["first_name"], "Jane");
        assert_eq!(order["billing_address"]["metadata"], json!({"a": 1}));

        // `no_notification: false` is not applied (Medusa sets it only when true).
        let again = send(&svc, admin(post(&path, json!({"no_notification": false})))).await;
        assert_eq!(again.body["order"]["no_notification"], true);

        let bad = send(&svc, admin(post(&path, json!({"email": "nope", "metadata": {}})))).await;
        assert_eq!(bad.status, 400);
        assert_eq!(
            bad.body["message"],
            "property metadata should not exist, email must be an email"
        );
        let events = order_events(&app, &id).await;
        assert_eq!(
            events,
            vec![
                ("order.updated".to_owned(), json!({"id": id, "no_notification": true})),
                ("order.updated".to_owned(), json!({"id": id, "no_notification": true})),
            ]
        );
    }
}

on_both_backends! {
    async fn cancel_puts_managed_items_back_in_stock(app) {
        let product = ProductBuilder::new("Tee")
            .variant(VariantBuilder::new("S").inventory(1))
            .variant(VariantBuilder::new("M").inventory(5).manage_inventory(false))
            .insert(&app.db)
            .await;
        let (small, medium) = (product.variants[0].id.clone(), product.variants[1].id.clone());
        let built = order_builder(&app)
            .await
            .item(ItemBuilder::new("Tee S", 1000, 2).variant(&small))
            .item(ItemBuilder::new("Tee M", 1000, 3).variant(&medium))
            .insert(&app.db)
            .await;
        let svc = app.service().await;
        let answer = send(&svc, admin(post(&format!("/admin/orders/{}/cancel", built.order.id), json!({})))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let stock = |id: String| async {
            product_variant::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap().inventory_quantity
        };
        assert_eq!(stock(small.clone()).await, 3);
        assert_eq!(stock(medium).await, 5);
        let updated = event_outbox::Entity::find()
            .filter(event_outbox::Column::Name.eq("product-variant.updated"))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(updated.len(), 1);
        assert_eq!(updated[0].resource_id.as_deref(), Some(small.as_str()));
    }
}

on_both_backends! {
    async fn update_adds_items_only_to_untouched_orders(app) {
        let built = order_builder(&app).await.insert(&app.db).await;
        let svc = app.service().await;
        let path = format!("/admin/orders/{}", built.order.id);
        let answer = send(&svc, admin(post(&path, json!({
            "items": [{"title": "Gift wrap", "unit_price": 300, "quantity": 1}]
        })))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let items = answer.body["order"]["items"].as_array().unwrap();
        assert_eq!(items.len(), 2);
        assert!(items.iter().any(|i| i["title"] == "Gift wrap" && i["unit_price"] == 300));

        let incomplete = send(&svc, admin(post(&path, json!({"items": [{"title": "x"}]})))).await;
        assert_eq!(incomplete.status, 500);

        let o = &built.order;
        let captured = OrderBuilder::new(&o.region_id, "eur", &o.customer_id, &o.email)
            .statuses(Fulfillment::NotFulfilled, Payment::Captured)
            .insert(&app.db)
            .await;
        let refused = send(&svc, admin(post(
            &format!("/admin/orders/{}", captured.order.id),
            json!({"items": []}),
        ))).await;
        assert_eq!(refused.status, 400);
        assert_eq!(
            refused.body["message"],
            "Can't update shipping, billing, items and payment method when order is processed"
        );
    }
}
