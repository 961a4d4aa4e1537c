//! HTTP tests of fulfillments, shipments, shipping methods, refunds and the payment writes.

use medusa_entity::sea_orm_active_enums::{
    OrderFulfillmentStatusEnum as Fulfillment, OrderPaymentStatusEnum as Payment,
};
use medusa_entity::{fulfillment_item, line_item, payment, tracking_link};
use medusa_test_support::builders::{
    CustomerBuilder, ItemBuilder, OrderBuilder, RegionBuilder, ShippingOptionBuilder,
};
use medusa_test_support::on_both_backends;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;

use crate::order_lifecycle::order_events;
use crate::support::*;

const VAT: (f32, &str, &str) = (0.0, "default", "default");

/// An order of two items (2 x 1000, 1 x 500) shipped by one method of a `manual` option
/// (price 1000): total 3500. Also gives the option.
async fn shipped_order(app: &TestApp) -> (OrderBuilder, medusa_entity::shipping_option::Model) {
    let region = RegionBuilder::new("Europe")
        .currency("eur")
        .countries(["de"])
        .insert(&app.db)
        .await;
    let customer = CustomerBuilder::new("jane@example.com")
        .insert(&app.db)
        .await;
    let option = ShippingOptionBuilder::new("Standard", &region.id)
        .insert(&app.db)
        .await;
    let builder = OrderBuilder::new(&region.id, "eur", &customer.id, "jane@example.com")
        .item(ItemBuilder::new("Tee", 1000, 2).tax_line(0.0, "default", "default"))
        .item(ItemBuilder::new("Mug", 500, 1).tax_line(0.0, "default", "default"))
        .shipping_method(&option.id, 1000, VAT);
    (builder, option)
}

async fn item(app: &TestApp, id: &str) -> line_item::Model {
    line_item::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

on_both_backends! {
    async fn fulfill_ship_and_cancel(app) {
        let (builder, _) = shipped_order(&app).await;
        let built = builder.insert(&app.db).await;
        let id = built.order.id.clone();
        let (tee, mug) = (built.items[0].id.clone(), built.items[1].id.clone());
        let svc = app.service().await;
        let path = format!("/admin/orders/{id}/fulfillment");

        let too_many = send(&svc, admin(post(&path, json!({"items": [{"item_id": tee, "quantity": 3}]})))).await;
        assert_eq!(too_many.status, 400);
        assert_eq!(too_many.body["message"], "Cannot fulfill more items than have been purchased");
        let bad = send(&svc, admin(post(&path, json!({"items": [{"item_id": 1}]})))).await;
        assert_eq!(bad.status, 400);

        let first = send(&svc, admin(post(&path, json!({
            "items": [{"item_id": tee, "quantity": 1}, {"item_id": "item_unknown", "quantity": 1}],
            "metadata": {"box": 1}
        })))).await;
        assert_eq!(first.status, 200, "{}", first.text);
        let order = &first.body["order"];
        assert_eq!(order["fulfillment_status"], "partially_fulfilled");
        let fulfillments = order["fulfillments"].as_array().unwrap();
        assert_eq!(fulfillments.len(), 1);
        assert_eq!(fulfillments[0]["provider_id"], "manual");
        assert_eq!(fulfillments[0]["metadata"], json!({"box": 1}));
        assert_eq!(fulfillments[0]["items"].as_array().unwrap().len(), 1);
        assert_eq!(item(&app, &tee).await.fulfilled_quantity, Some(1));
        let first_id = fulfillments[0]["id"].as_str().unwrap().to_owned();

        let second = send(&svc, admin(post(&path, json!({
            "items": [{"item_id": tee, "quantity": 1}, {"item_id": mug, "quantity": 1}]
        })))).await;
        assert_eq!(second.status, 200, "{}", second.text);
        assert_eq!(second.body["order"]["fulfillment_status"], "fulfilled");
        let second_id = second.body["order"]["fulfillments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["id"].as_str().unwrap().to_owned())
            .find(|f| *f != first_id)
            .unwrap();

        // Ship the first: one of three units shipped.
        let shipment = send(&svc, admin(post(&format!("/admin/orders/{id}/shipment"), json!({
            "fulfillment_id": first_id, "tracking_numbers": ["TRACK-1", "TRACK-2"]
        })))).await;
        assert_eq!(shipment.status, 200, "{}", shipment.text);
        assert_eq!(shipment.body["order"]["fulfillment_status"], "partially_shipped");
        assert_eq!(item(&app, &tee).await.shipped_quantity, Some(1));
        let links = tracking_link::Entity::find()
            .filter(tracking_link::Column::FulfillmentId.eq(first_id.as_str()))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(links.len(), 2);

        let cancel_shipped = send(&svc, admin(post(
            &format!("/admin/orders/{id}/fulfillments/{first_id}/cancel"), json!({})
        ))).await;
        assert_eq!(cancel_shipped.status, 400);
        assert_eq!(
            cancel_shipped.body["message"],
            "The fulfillment has already been shipped. Shipped fulfillments cannot be canceled"
        );

        let canceled = send(&svc, admin(post(
            &format!("/admin/orders/{id}/fulfillments/{second_id}/cancel"), json!({})
        ))).await;
        assert_eq!(canceled.status, 200, "{}", canceled.text);
        assert_eq!(canceled.body["order"]["fulfillment_status"], "canceled");
        assert_eq!(item(&app, &tee).await.fulfilled_quantity, Some(1));
        assert_eq!(item(&app, &mug).await.fulfilled_quantity, Some(0));

        let ship_canceled = send(&svc, admin(post(&format!("/admin/orders/{id}/shipment"), json!({
            "fulfillment_id": second_id
        })))).await;
        assert_eq!(ship_canceled.status, 400);
        assert_eq!(ship_canceled.body["message"], "Fulfillment has been canceled");

        let elsewhere = send(&svc, admin(post(
            &format!("/admin/orders/order_other/fulfillments/{second_id}/cancel"), json!({})
        ))).await;
        assert_eq!(elsewhere.status, 404);
        assert_eq!(
            elsewhere.body["message"],
            format!("no fulfillment was found with the id: {second_id} related to order: order_other")
        );

        let names: Vec<String> = order_events(&app, &id).await.into_iter().map(|e| e.0).collect();
        assert_eq!(names, vec![
            "order.fulfillment_created",
            "order.fulfillment_created",
            "order.shipment_created",
            "order.fulfillment_canceled",
        ]);
        let rows = fulfillment_item::Entity::find().all(&app.db).await.unwrap();
        assert_eq!(rows.len(), 3);
    }
}

on_both_backends! {
    async fn fulfillment_needs_a_shipping_method(app) {
        let region = RegionBuilder::new("Europe").currency("eur").insert(&app.db).await;
        let customer = CustomerBuilder::new("jane@example.com").insert(&app.db).await;
        let built = OrderBuilder::new(&region.id, "eur", &customer.id, "jane@example.com")
            .item(ItemBuilder::new("Tee", 1000, 1))
            .insert(&app.db)
            .await;
        let svc = app.service().await;
        let answer = send(&svc, admin(post(
            &format!("/admin/orders/{}/fulfillment", built.order.id),
            json!({"items": [{"item_id": built.items[0].id, "quantity": 1}]}),
        ))).await;
        assert_eq!(answer.status, 400);
        assert_eq!(answer.body["message"], "Cannot fulfill an order that lacks shipping methods");
        // Medusa reads the order with totals here, through its legacy retrieve.
        let missing = send(&svc, admin(post(
            "/admin/orders/order_missing/fulfillment",
            json!({"items": []}),
        ))).await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body["message"], "Order with id: order_missing was not found");
    }
}

on_both_backends! {
    async fn shipping_methods_of_a_profile_replace_each_other(app) {
        let (builder, option) = shipped_order(&app).await;
        let built = builder.insert(&app.db).await;
        let id = built.order.id;
        let express = ShippingOptionBuilder::new("Express", &option.region_id)
            .profile(&option.profile_id)
            .insert(&app.db)
            .await;
        let svc = app.service().await;
        let answer = send(&svc, admin(post(&format!("/admin/orders/{id}/shipping-methods"), json!({
            "option_id": express.id, "price": 250, "data": {"speed": "fast"}
        })))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let methods = answer.body["order"]["shipping_methods"].as_array().unwrap();
        assert_eq!(methods.len(), 1, "{methods:?}");
        assert_eq!(methods[0]["shipping_option_id"], json!(express.id));
        assert_eq!(methods[0]["price"], 250);
        assert_eq!(methods[0]["data"], json!({"speed": "fast"}));

        let missing = send(&svc, admin(post(&format!("/admin/orders/{id}/shipping-methods"), json!({
            "option_id": "so_missing", "price": 1
        })))).await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body["message"], "Shipping Option with so_missing was not found");
        let no_price = send(&svc, admin(post(&format!("/admin/orders/{id}/shipping-methods"), json!({
            "option_id": express.id
        })))).await;
        assert_eq!(no_price.status, 400);
        assert_eq!(no_price.body["message"], "price should not be empty, price must be an integer number");
        let events = order_events(&app, &id).await;
        assert_eq!(events, vec![("order.updated".to_owned(), json!({"id": id}))]);
    }
}

on_both_backends! {
    async fn refunds_follow_the_refundable_amount(app) {
        let (builder, _) = shipped_order(&app).await;
        let built = builder
            .statuses(Fulfillment::NotFulfilled, Payment::Captured)
            .payment(3500, "manual", true)
            .insert(&app.db)
            .await;
        let id = built.order.id.clone();
        let svc = app.service().await;
        let path = format!("/admin/orders/{id}/refund");

        let over = send(&svc, admin(post(&path, json!({"amount": 3501, "reason": "other"})))).await;
        assert_eq!(over.status, 400);
        assert_eq!(over.body["message"], "Cannot refund more than the original order amount");

        let part = send(&svc, admin(post(&path, json!({"amount": 1000, "reason": "discount", "note": "sorry"})))).await;
        assert_eq!(part.status, 200, "{}", part.text);
        let order = &part.body["order"];
        assert_eq!(order["payment_status"], "partially_refunded");
        assert_eq!(order["refunds"][0]["amount"], 1000);
        assert_eq!(order["refunds"][0]["note"], "sorry");
        assert_eq!(order["payments"][0]["amount_refunded"], 1000);

        let cancel = send(&svc, admin(post(&format!("/admin/orders/{id}/cancel"), json!({})))).await;
        assert_eq!(cancel.status, 400);
        assert_eq!(cancel.body["message"], "Order with refund(s) cannot be canceled");

        let rest = send(&svc, admin(post(&path, json!({"amount": 2500, "reason": "other", "no_notification": true})))).await;
        assert_eq!(rest.status, 200, "{}", rest.text);
        assert_eq!(rest.body["order"]["payment_status"], "refunded");

        let events = order_events(&app, &id).await;
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].0, "order.refund_created");
        assert_eq!(events[0].1["no_notification"], json!(null));
        assert_eq!(events[1].1["no_notification"], json!(true));
        assert_eq!(events[1].1["refund_id"], rest.body["order"]["refunds"][1]["id"]);
    }
}

on_both_backends! {
    async fn payments_are_captured_and_refunded_one_by_one(app) {
        let (builder, _) = shipped_order(&app).await;
        let built = builder.payment(3500, "manual", false).insert(&app.db).await;
        let pay = built.payments[0].id.clone();
        let svc = app.service().await;

        let early = send(&svc, admin(post(&format!("/admin/payments/{pay}/refund"), json!({"amount": 100, "reason": "other"})))).await;
        assert_eq!(early.status, 400);
        assert_eq!(early.body["message"], format!("Payment {pay} is not captured"));

        let captured = send(&svc, admin(post(&format!("/admin/payments/{pay}/capture"), json!({})))).await;
        assert_eq!(captured.status, 200, "{}", captured.text);
        assert_eq!(captured.body["payment"]["id"], json!(pay));
        assert!(captured.body["payment"]["captured_at"].is_string());
        assert_eq!(captured.body["payment"]["data"], json!({"status": "captured"}));

        let bad_reason = send(&svc, admin(post(&format!("/admin/payments/{pay}/refund"), json!({"amount": 100, "reason": "oops"})))).await;
        assert_eq!(bad_reason.status, 400);
        assert_eq!(
            bad_reason.body["message"],
            "reason must be one of the following values: discount, return, swap, claim, other"
        );
        let over = send(&svc, admin(post(&format!("/admin/payments/{pay}/refund"), json!({"amount": 3501, "reason": "other"})))).await;
        assert_eq!(over.status, 400);
        assert_eq!(over.body["message"], format!("Only 3500 can be refunded from Payment {pay}"));

        let refund = send(&svc, admin(post(&format!("/admin/payments/{pay}/refund"), json!({"amount": 500, "reason": "return"})))).await;
        assert_eq!(refund.status, 200, "{}", refund.text);
        assert_eq!(refund.body["refund"]["amount"], 500);
        assert_eq!(refund.body["refund"]["payment_id"], json!(pay));
        assert_eq!(refund.body["refund"]["order_id"], json!(built.order.id));
        let row = payment::Entity::find_by_id(pay.clone()).one(&app.db).await.unwrap().unwrap();
        assert_eq!(row.amount_refunded, 500);

        let missing = send(&svc, admin(post("/admin/payments/pay_missing/capture", json!({})))).await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body["message"], "Payment with id pay_missing was not found");
    }
}

on_both_backends! {
    async fn several_shipping_methods_give_empty_fulfillments_as_medusa_does(app) {
        let (builder, option) = shipped_order(&app).await;
        let gift = ShippingOptionBuilder::new("Gift cards", &option.region_id)
            .insert(&app.db)
            .await;
        let built = builder.shipping_method(&gift.id, 0, VAT).insert(&app.db).await;
        let svc = app.service().await;
        let answer = send(&svc, admin(post(
            &format!("/admin/orders/{}/fulfillment", built.order.id),
            json!({"items": [{"item_id": built.items[0].id, "quantity": 2}]}),
        ))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let order = &answer.body["order"];
        assert_eq!(order["fulfillment_status"], "partially_fulfilled");
        let fulfillments = order["fulfillments"].as_array().unwrap();
        assert_eq!(fulfillments.len(), 2);
        assert!(fulfillments.iter().all(|f| f["items"] == json!([])), "{fulfillments:?}");
        assert_eq!(item(&app, &built.items[0].id).await.fulfilled_quantity, None);
        let names: Vec<String> =
            order_events(&app, &built.order.id).await.into_iter().map(|e| e.0).collect();
        assert_eq!(names, vec!["order.fulfillment_created", "order.fulfillment_created"]);
    }
}

on_both_backends! {
    flags = tax_inclusive();
    async fn with_tax_inclusive_pricing_a_method_takes_its_options_includes_tax(app) {
        use medusa_entity::includes_tax::{self, Table};
        let (builder, option) = shipped_order(&app).await;
        let built = builder.insert(&app.db).await;
        let inclusive = ShippingOptionBuilder::new("Inclusive", &option.region_id)
            .insert(&app.db)
            .await;
        includes_tax::write(&app.db, Table::ShippingOption, &inclusive.id, true).await.unwrap();
        let svc = app.service().await;
        let answer = send(&svc, admin(post(
            &format!("/admin/orders/{}/shipping-methods", built.order.id),
            json!({"option_id": inclusive.id, "price": 10}),
        ))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let methods = answer.body["order"]["shipping_methods"].as_array().unwrap();
        let added = methods.iter().find(|m| m["shipping_option_id"] == json!(inclusive.id)).unwrap();
        let id = added["id"].as_str().unwrap();
        assert!(includes_tax::read_one(&app.db, Table::ShippingMethod, id).await.unwrap());
    }
}

on_both_backends! {
    flags = tax_inclusive();
    async fn with_tax_inclusive_pricing_reads_show_includes_tax_and_totals_read_it(app) {
        use medusa_entity::includes_tax::{self, Table};
        let region = RegionBuilder::new("Europe").currency("eur").countries(["de"]).insert(&app.db).await;
        let customer = CustomerBuilder::new("jane@example.com").insert(&app.db).await;
        let option = ShippingOptionBuilder::new("Standard", &region.id).insert(&app.db).await;
        let built = OrderBuilder::new(&region.id, "eur", &customer.id, "jane@example.com")
            .item(ItemBuilder::new("Tee", 1000, 2).tax_line(19.0, "VAT", "vat"))
            .shipping_method(&option.id, 1190, (19.0, "VAT", "vat"))
            .insert(&app.db)
            .await;
        let method = &built.shipping_methods[0];
        includes_tax::write(&app.db, Table::ShippingMethod, &method.id, true).await.unwrap();
        let svc = app.service().await;
        let answer = send(&svc, admin(get(&format!("/admin/orders/{}", built.order.id)))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let order = &answer.body["order"];
        let shown = &order["shipping_methods"][0];
        assert_eq!(shown["includes_tax"], json!(true));
        assert_eq!(shown["shipping_option"]["id"], json!(option.id));
        assert_eq!(shown["shipping_option"]["includes_tax"], json!(false));
        // A 19% tax included in the price of 1190: the method's total stays 1190.
        assert_eq!(shown["total"], json!(1190), "{shown}");
        assert_eq!(shown["tax_total"], json!(190), "{shown}");
        // The item's price excludes its tax: 2000 plus 19%.
        assert_eq!(order["items"][0]["total"], json!(2380));
        let items = order["items"].as_array().unwrap();
        assert!(items.iter().all(|i| i["includes_tax"] == json!(false)), "{items:?}");
        assert_eq!(order["region"]["includes_tax"], json!(false));
    }
}

on_both_backends! {
    async fn without_tax_inclusive_pricing_reads_show_no_includes_tax(app) {
        let (builder, _) = shipped_order(&app).await;
        let built = builder.insert(&app.db).await;
        let svc = app.service().await;
        let answer = send(&svc, admin(get(&format!("/admin/orders/{}", built.order.id)))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let order = &answer.body["order"];
        assert!(order["shipping_methods"][0].get("includes_tax").is_none());
        assert!(order["items"][0].get("includes_tax").is_none());
        assert!(order["region"].get("includes_tax").is_none());
    }
}

on_both_backends! {
    /// The dashboard's order page asks for `edits` with everything else; each edit shows the
    /// status its timestamps give, as Medusa derives it when it loads one.
    async fn an_order_shows_its_edits_with_their_status(app) {
        use medusa_test_support::builders::OrderEditBuilder;
        let (builder, _) = shipped_order(&app).await;
        let built = builder.insert(&app.db).await;
        let confirmed = OrderEditBuilder::new(&built.order.id).requested().confirmed().insert(&app.db).await;
        let created = OrderEditBuilder::new(&built.order.id).insert(&app.db).await;
        let svc = app.service().await;
        let expand = "customer,billing_address,shipping_address,discounts,discounts.rule,\
            shipping_methods,shipping_methods.shipping_option,payments,items,fulfillments,\
            fulfillments.tracking_links,returns,returns.shipping_method,\
            returns.shipping_method.shipping_option,returns.shipping_method.tax_lines,refunds,\
            claims.claim_items.item,claims.fulfillments,claims.return_order,\
            claims.additional_items.variant.product.profiles,swaps.return_order,\
            swaps.additional_items.variant.product.profiles,swaps.fulfillments,returnable_items,edits";
        let path = format!("/admin/orders/{}?expand={expand}", built.order.id);
        let answer = send(&svc, admin(get(&path))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let edits = answer.body["order"]["edits"].as_array().unwrap();
        let status_of = |id: &str| {
            edits.iter().find(|e| e["id"] == json!(id)).map(|e| e["status"].clone())
        };
        assert_eq!(edits.len(), 2);
        assert_eq!(status_of(&confirmed.id), Some(json!("confirmed")));
        assert_eq!(status_of(&created.id), Some(json!("created")));
        assert_eq!(edits[0]["order_id"], json!(built.order.id));
    }
}
