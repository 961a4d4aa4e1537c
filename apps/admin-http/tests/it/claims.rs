//! HTTP tests of claims (`/admin/orders/{id}/claims...`).
//!
//! The reference seed's captured, fulfilled and shipped order (2 × 1950 tee, 1 × 1000 mug,
//! 1000 shipping, one captured 5900 payment) is rebuilt with the builders; the scenario and
//! its figures (refund amounts, statuses, the additional item's price and tax lines, the
//! messages) are those a private Medusa 1.20.10 gave for the same requests on the same order.

use medusa_entity::sea_orm_active_enums::{OrderFulfillmentStatusEnum, OrderPaymentStatusEnum};
use medusa_entity::{
    claim_item_tags, claim_order, claim_tag, event_outbox, product_variant, shipping_option,
};
use medusa_test_support::builders::{ClaimBuilder, ItemBuilder, OrderBuilder};
use medusa_test_support::on_both_backends;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::customers::seed_reference_customers;
use crate::support::*;

pub(crate) async fn option_named(db: &DatabaseConnection, name: &str) -> String {
    shipping_option::Entity::find()
        .filter(shipping_option::Column::RegionId.eq("reg_ref_eu"))
        .filter(shipping_option::Column::Name.eq(name))
        .one(db)
        .await
        .unwrap()
        .expect(name)
        .id
}

pub(crate) struct Seeded {
    pub(crate) order: String,
    pub(crate) tee: String,
    pub(crate) mug: String,
    pub(crate) standard: String,
}

/// Jane's order of the reference seed: fulfilled, shipped, captured.
pub(crate) async fn seed_order(app: &TestApp) -> Seeded {
    load_reference_catalog(&app.db).await;
    let customers = seed_reference_customers(app).await;
    let standard = option_named(&app.db, "PostFake Standard").await;
    let built = OrderBuilder::new("reg_ref_eu", "eur", &customers.jane, "jane.doe@example.com")
        .from_cart()
        .statuses(
            OrderFulfillmentStatusEnum::Shipped,
            OrderPaymentStatusEnum::Captured,
        )
        .item(
            ItemBuilder::new("Medusa T-Shirt", 1950, 2)
                .variant("variant_ref_tee_m_black")
                .tax_line(0.0, "default", "default")
                .fulfilled(2)
                .shipped(2),
        )
        .item(
            ItemBuilder::new("Medusa Coffee Mug", 1000, 1)
                .variant("variant_ref_mug")
                .tax_line(0.0, "default", "default")
                .fulfilled(1)
                .shipped(1),
        )
        .shipping_method(&standard, 1000, (0.0, "default", "default"))
        .payment(5900, "manual", true)
        .fulfillment("manual", &[(0, 2), (1, 1)])
        .insert(&app.db)
        .await;
    Seeded {
        order: built.order.id.clone(),
        tee: built.items[0].id.clone(),
        mug: built.items[1].id.clone(),
        standard,
    }
}

pub(crate) async fn events(db: &DatabaseConnection, name: &str) -> u64 {
    event_outbox::Entity::find()
        .filter(event_outbox::Column::Name.eq(name))
        .count(db)
        .await
        .unwrap()
}

async fn stock(db: &DatabaseConnection, variant: &str) -> i32 {
    product_variant::Entity::find_by_id(variant)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .inventory_quantity
}

fn claim_of<'a>(order: &'a Value, kind: &str) -> &'a Value {
    order["order"]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["type"] == kind)
        .expect(kind)
}

on_both_backends! {
    async fn refusals_match_medusa(app) {
        let s = seed_order(&app).await;
        let svc = app.service().await;
        let order = &s.order;
        let path = format!("/admin/orders/{order}/claims");
        let line = |reason: Option<&str>, quantity: i64| {
            let mut item = json!({"item_id": s.tee, "quantity": quantity});
            if let Some(reason) = reason {
                item["reason"] = json!(reason);
            }
            item
        };
        let mug = json!([{"variant_id": "variant_ref_mug", "quantity": 1}]);
        let cases = [
            (path.clone(), json!({"type": "replace", "claim_items": []}), 400,
             "Claims with type \"replace\" must have at least one additional item."),
            (path.clone(), json!({"type": "refund", "claim_items": []}), 400,
             "Claims must have at least one claim item."),
            (path.clone(), json!({"type": "replace", "claim_items": [line(Some("other"), 1)]}), 400,
             "Claims with type \"replace\" must have at least one additional item."),
            (path.clone(), json!({"type": "replace", "refund_amount": 5, "additional_items": mug, "claim_items": [line(Some("other"), 1)]}), 400,
             "Claim has type \"replace\" but must be type \"refund\" to have a refund_amount."),
            (path.clone(), json!({"type": "refund", "claim_items": [line(None, 1)]}), 400,
             "Claim Item reason must be one of \"missing_item\", \"wrong_item\", \"production_failure\" or \"other\"."),
            (path.clone(), json!({"type": "refund", "claim_items": [line(Some("other"), 5)]}), 400,
             "Cannot claim more of an item than has been fulfilled."),
            (path.clone(), json!({"type": "bogus", "claim_items": [line(Some("x"), 1)]}), 400,
             "type must be one of the following values: refund, replace, reason must be one of the following values: missing_item, wrong_item, production_failure, other"),
            ("/admin/orders/order_nope/claims".to_owned(), json!({"type": "refund", "claim_items": [line(Some("other"), 1)]}), 404,
             "Order with id order_nope was not found"),
            (format!("{path}/claim_nope/cancel"), json!({}), 404, "Claim with claim_nope was not found"),
            (format!("{path}/claim_nope"), json!({}), 404, "Claim with claim_nope was not found"),
            (format!("{path}/claim_nope/fulfillments"), json!({}), 404, "Claim with claim_nope was not found"),
            (format!("{path}/claim_nope/shipments"), json!({}), 400,
             "fulfillment_id should not be empty, fulfillment_id must be a string"),
            (format!("{path}/claim_nope/fulfillments/ful_x/cancel"), json!({}), 404,
             "Fulfillment with id: ful_x was not found"),
        ];
        for (path, body, status, message) in cases {
            let res = send(&svc, admin(post(&path, body.clone()))).await;
            assert_eq!(res.status, status, "{path} {body}: {}", res.body);
            assert_eq!(res.body["message"], message, "{path} {body}");
        }
        // Nothing was written by the refused requests.
        assert_eq!(claim_order::Entity::find().count(&app.db).await.unwrap(), 0);
        assert_eq!(events(&app.db, "claim.created").await, 0);
    }
}

on_both_backends! {
    async fn refund_and_replace_claims_as_medusa(app) {
        let s = seed_order(&app).await;
        let svc = app.service().await;
        let order = &s.order;
        let path = format!("/admin/orders/{order}/claims");

        // A refund claim: the shipped tee's legacy refund, refunded at once.
        let body = json!({"type": "refund", "claim_items": [{
            "item_id": s.tee, "quantity": 1, "reason": "production_failure",
            "tags": [" Fluff ", "fluff"], "images": ["https://img.test/1.png"], "note": "torn"}]});
        let res = send(&svc, admin(post(&path, body))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        assert_eq!(res.body["order"]["object"], "order");
        let refund = claim_of(&res.body, "refund");
        assert_eq!(refund["payment_status"], "refunded");
        assert_eq!(refund["fulfillment_status"], "not_fulfilled");
        assert_eq!(refund["refund_amount"], 1950);
        assert_eq!(refund["no_notification"], Value::Null);
        let item = &refund["claim_items"][0];
        assert_eq!(item["reason"], "production_failure");
        assert_eq!(item["note"], "torn");
        assert_eq!(item["item"]["id"], s.tee.as_str());
        assert_eq!(item["images"][0]["url"], "https://img.test/1.png");
        let refunds = res.body["order"]["refunds"].as_array().unwrap();
        assert_eq!(refunds.len(), 1);
        assert_eq!(refunds[0]["amount"], 1950);
        assert_eq!(refunds[0]["reason"], "claim");
        assert_eq!(res.body["order"]["refunded_total"], 1950);
        assert_eq!(res.body["order"]["refundable_amount"], 3950);
        assert_eq!(res.body["order"]["total"], 5900);
        // Two equal new tag values make two tags, as Medusa's parallel lookups do.
        assert_eq!(claim_item_tags::Entity::find().count(&app.db).await.unwrap(), 2);
        assert_eq!(
            claim_tag::Entity::find()
                .filter(claim_tag::Column::Value.eq("fluff"))
                .count(&app.db)
                .await
                .unwrap(),
            2
        );

        // A replace claim: the additional mug priced in the region, with its tax line,
        // reserved; a new shipping method of the option.
        let before = stock(&app.db, "variant_ref_mug").await;
        let body = json!({"type": "replace",
            "claim_items": [{"item_id": s.mug, "quantity": 1, "reason": "wrong_item"}],
            "additional_items": [{"variant_id": "variant_ref_mug", "quantity": 1}],
            "shipping_methods": [{"option_id": s.standard, "price": 500}]});
        let res = send(&svc, admin(post(&path, body))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let replace = claim_of(&res.body, "replace");
        let replace_id = replace["id"].as_str().unwrap().to_owned();
        assert_eq!(replace["payment_status"], "na");
        assert_eq!(replace["refund_amount"], Value::Null);
        let added = &replace["additional_items"][0];
        assert_eq!(added["unit_price"], 1000);
        assert_eq!(added["title"], "Medusa Coffee Mug");
        assert_eq!(added["description"], "One Size");
        assert_eq!(added["claim_order_id"], replace_id.as_str());
        assert_eq!(added["tax_lines"][0]["rate"], 0);
        assert_eq!(added["tax_lines"][0]["name"], "default");
        assert_eq!(replace["shipping_methods"][0]["price"], 500);
        assert_eq!(stock(&app.db, "variant_ref_mug").await, before - 1);
        assert_eq!(res.body["order"]["total"], 5900);
        assert_eq!(res.body["order"]["refunds"].as_array().unwrap().len(), 1);
        let refund_id = claim_of(&res.body, "refund")["id"].as_str().unwrap().to_owned();

        // The guards, with Medusa's messages.
        let refusals = [
            (format!("{path}/{refund_id}/cancel"), "Claim with a refund cannot be canceled"),
            (format!("{path}/{refund_id}/fulfillments"), "Claims with the type \"refund\" can not be fulfilled."),
        ];
        for (path, message) in refusals {
            let res = send(&svc, admin(post(&path, json!({})))).await;
            assert_eq!(res.status, 400, "{path}: {}", res.body);
            assert_eq!(res.body["message"], message);
        }

        // Fulfilled through the claim's method, then shipped.
        let res = send(&svc, admin(post(&format!("{path}/{replace_id}/fulfillments"), json!({})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let replace = claim_of(&res.body, "replace");
        assert_eq!(replace["fulfillment_status"], "fulfilled");
        let ful = replace["fulfillments"][0]["id"].as_str().unwrap().to_owned();
        assert_eq!(
            replace["fulfillments"][0]["items"],
            json!([{"fulfillment_id": ful, "item_id": added["id"], "quantity": 1}])
        );
        assert_eq!(replace["additional_items"][0]["fulfilled_quantity"], 1);
        let refusals = [
            (format!("{path}/{replace_id}/fulfillments"), "The claim has already been fulfilled."),
            (format!("{path}/{replace_id}/cancel"), "All fulfillments must be canceled before the claim can be canceled"),
        ];
        for (path, message) in refusals {
            let res = send(&svc, admin(post(&path, json!({})))).await;
            assert_eq!(res.status, 400, "{path}: {}", res.body);
            assert_eq!(res.body["message"], message);
        }
        let body = json!({"fulfillment_id": ful, "tracking_numbers": ["TRK1"]});
        let res = send(&svc, admin(post(&format!("{path}/{replace_id}/shipments"), body))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let replace = claim_of(&res.body, "replace");
        assert_eq!(replace["fulfillment_status"], "shipped");
        assert_eq!(replace["additional_items"][0]["shipped_quantity"], 1);
        assert_eq!(replace["fulfillments"][0]["tracking_links"][0]["tracking_number"], "TRK1");

        // Updated: metadata, no_notification, the claimed line's note, images and tags.
        let claim_item = replace["claim_items"][0]["id"].as_str().unwrap().to_owned();
        let body = json!({"metadata": {"a": 1}, "no_notification": true, "claim_items": [{
            "id": claim_item, "note": "new note", "images": [{"url": "https://img.test/2.png"}],
            "tags": [{"value": " Big "}]}]});
        let res = send(&svc, admin(post(&format!("{path}/{replace_id}"), body))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let replace = claim_of(&res.body, "replace");
        assert_eq!(replace["no_notification"], true);
        assert_eq!(replace["metadata"], json!({"a": 1}));
        assert_eq!(replace["claim_items"][0]["note"], "new note");
        let urls: Vec<&Value> = replace["claim_items"][0]["images"].as_array().unwrap().iter().map(|i| &i["url"]).collect();
        assert_eq!(urls, [&json!("https://img.test/2.png")]);
        assert_eq!(
            claim_tag::Entity::find().filter(claim_tag::Column::Value.eq("big")).count(&app.db).await.unwrap(),
            1
        );

        let res = send(&svc, admin(post(&format!("{path}/{replace_id}/fulfillments/{ful}/cancel"), json!({})))).await;
        assert_eq!(res.status, 400);
        assert_eq!(res.body["message"], "The fulfillment has already been shipped. Shipped fulfillments cannot be canceled");

        for (name, count) in [
            ("claim.created", 2),
            ("claim.refund_processed", 1),
            ("claim_item.created", 2),
            ("claim.fulfillment_created", 1),
            ("claim.shipment_created", 1),
            ("claim.updated", 1),
            ("claim_item.updated", 1),
        ] {
            assert_eq!(events(&app.db, name).await, count, "{name}");
        }
    }
}

on_both_backends! {
    async fn a_claim_cancels_once_its_fulfillments_and_return_are(app) {
        let s = seed_order(&app).await;
        let svc = app.service().await;
        let order = &s.order;
        let with_ful = ClaimBuilder::new(order)
            .claims(&s.tee, "variant_ref_tee_m_black", 1)
            .additional_item("Medusa T-Shirt", Some("variant_ref_tee_m_black"), 1950, 1)
            .fulfilled("manual")
            .insert(&app.db)
            .await;
        let with_ret = ClaimBuilder::new(order)
            .claims(&s.mug, "variant_ref_mug", 1)
            .with_return()
            .insert(&app.db)
            .await;
        let path = format!("/admin/orders/{order}/claims");
        let claim = &with_ful.claim.id;
        let ful = &with_ful.fulfillment.as_ref().unwrap().id;

        let res = send(&svc, admin(post(&format!("{path}/{claim}/cancel"), json!({})))).await;
        assert_eq!(res.status, 400);
        assert_eq!(res.body["message"], "All fulfillments must be canceled before the claim can be canceled");
        // A fulfillment of another claim is not this claim's.
        let other = &with_ret.claim.id;
        let res = send(&svc, admin(post(&format!("{path}/{other}/fulfillments/{ful}/cancel"), json!({})))).await;
        assert_eq!(res.status, 404);
        assert_eq!(
            res.body["message"],
            format!("no fulfillment was found with the id: {ful} related to claim: {other}")
        );
        let res = send(&svc, admin(post(&format!("{path}/{claim}/fulfillments/{ful}/cancel"), json!({})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let shown = res.body["order"]["claims"].as_array().unwrap().iter().find(|c| c["id"] == claim.as_str()).unwrap().clone();
        assert_eq!(shown["fulfillment_status"], "canceled");
        assert_eq!(shown["additional_items"][0]["fulfilled_quantity"], 0);
        let res = send(&svc, admin(post(&format!("/admin/orders/order_other/claims/{claim}/cancel"), json!({})))).await;
        assert_eq!(res.status, 404);
        assert_eq!(res.body["message"], format!("no claim was found with the id: {claim} related to order: order_other"));
        let res = send(&svc, admin(post(&format!("{path}/{claim}/cancel"), json!({})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let shown = res.body["order"]["claims"].as_array().unwrap().iter().find(|c| c["id"] == claim.as_str()).unwrap().clone();
        assert_eq!(shown["fulfillment_status"], "canceled");
        assert!(shown["canceled_at"].is_string());
        let res = send(&svc, admin(post(&format!("{path}/{claim}"), json!({"no_notification": true})))).await;
        assert_eq!(res.status, 400);
        assert_eq!(res.body["message"], "Canceled claim cannot be updated");

        let res = send(&svc, admin(post(&format!("{path}/{other}/cancel"), json!({})))).await;
        assert_eq!(res.status, 400);
        assert_eq!(res.body["message"], "Return must be canceled before the claim can be canceled");
        let ret = &with_ret.return_order.as_ref().unwrap().id;
        let res = send(&svc, admin(post(&format!("/admin/returns/{ret}/cancel"), json!({})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let res = send(&svc, admin(post(&format!("{path}/{other}/cancel"), json!({})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        assert_eq!(events(&app.db, "claim.canceled").await, 2);
    }
}

on_both_backends! {
    async fn a_refund_claim_with_its_return(app) {
        let s = seed_order(&app).await;
        let svc = app.service().await;
        let order = &s.order;
        let return_option = option_named(&app.db, "PostFake Return").await;
        let body = json!({"type": "refund", "refund_amount": 500,
            "claim_items": [{"item_id": s.tee, "quantity": 1, "reason": "missing_item"}],
            "return_shipping": {"option_id": return_option, "price": 0}});
        let res = send(&svc, admin(post(&format!("/admin/orders/{order}/claims"), body))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let claim = claim_of(&res.body, "refund");
        assert_eq!(claim["refund_amount"], 500);
        assert_eq!(claim["return_order"]["refund_amount"], 500);
        assert_eq!(claim["return_order"]["claim_order_id"], claim["id"]);
        assert_eq!(claim["return_order"]["shipping_method"]["price"], 0);
        assert_eq!(claim["return_order"]["shipping_method"]["shipping_option_id"], return_option.as_str());
        assert_eq!(res.body["order"]["refunds"][0]["amount"], 500);
        assert_eq!(res.body["order"]["returns"][0]["refund_amount"], 500);
    }
}
