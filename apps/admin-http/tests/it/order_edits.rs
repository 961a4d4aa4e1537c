//! HTTP tests of `/admin/order-edits`.
//!
//! The reference seed's first order (2 × 1950 tee, 1 × 1000 mug, 1000 shipping, a captured
//! 5900 payment) is rebuilt with the builders and edited as it was edited on a private
//! Medusa 1.20.10: every figure, status and message below is what that server answered to the
//! same requests on the same order. The second order (North America, a 10 % discount) is
//! the reference seed's second, edited the same way there.

use medusa_entity::{line_item, order_edit, order_item_change, payment_collection};
use medusa_test_support::builders::{DiscountBuilder, ItemBuilder, OrderBuilder, OrderEditBuilder};
use medusa_test_support::on_both_backends;
use sea_orm::prelude::Decimal;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::claims::{events, seed_order};
use crate::support::*;

/// The edit-level figures of an answer.
fn figures(edit: &Value) -> Value {
    let pick = |k: &str| edit[k].clone();
    json!({
        "status": pick("status"), "subtotal": pick("subtotal"), "discount_total": pick("discount_total"),
        "shipping_total": pick("shipping_total"), "gift_card_total": pick("gift_card_total"),
        "gift_card_tax_total": pick("gift_card_tax_total"), "tax_total": pick("tax_total"),
        "total": pick("total"), "difference_due": pick("difference_due"),
    })
}

fn totals(status: &str, subtotal: i64, total: i64, due: i64) -> Value {
    json!({
        "status": status, "subtotal": subtotal, "discount_total": 0, "shipping_total": 1000,
        "gift_card_total": 0, "gift_card_tax_total": 0, "tax_total": 0, "total": total,
        "difference_due": due,
    })
}

/// Each item as `(title, quantity, total)`, sorted (PostgreSQL moves an updated row to the
/// end of its physical order, SQLite does not).
fn lines(edit: &Value) -> Vec<(String, i64, i64)> {
    let mut shown: Vec<(String, i64, i64)> = edit["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["title"].as_str().unwrap().to_owned(),
                i["quantity"].as_i64().unwrap(),
                i["total"].as_i64().unwrap(),
            )
        })
        .collect();
    shown.sort();
    shown
}

fn change_types(edit: &Value) -> Vec<String> {
    let mut types: Vec<String> = edit["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["type"].as_str().unwrap().to_owned())
        .collect();
    types.sort();
    types
}

fn item_titled<'a>(edit: &'a Value, title: &str) -> &'a Value {
    edit["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == title)
        .expect(title)
}

on_both_backends! {
    async fn an_edit_from_creation_to_confirmation_as_medusa(app) {
        let s = seed_order(&app).await;
        let svc = app.service().await;
        let order = &s.order;

        let res = send(&svc, admin(post("/admin/order-edits", json!({"order_id": order, "internal_note": "note one"})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let edit = &res.body["order_edit"];
        let id = edit["id"].as_str().unwrap().to_owned();
        assert_eq!(figures(edit), totals("created", 4900, 5900, 0));
        assert_eq!(edit["created_by"], "usr_ref_admin");
        assert_eq!(edit["internal_note"], "note one");
        assert_eq!(edit["changes"], json!([]));
        assert_eq!(edit["payment_collection"], Value::Null);
        assert!(edit.get("updated_at").is_none(), "Medusa's default fields leave it out");
        // The clones, newest original first, each naming its original, with copied tax lines.
        let titles: Vec<&str> = edit["items"].as_array().unwrap().iter().map(|i| i["title"].as_str().unwrap()).collect();
        assert_eq!(titles, ["Medusa Coffee Mug", "Medusa T-Shirt"]);
        let tee = item_titled(edit, "Medusa T-Shirt");
        assert_eq!(tee["original_item_id"], s.tee.as_str());
        assert_eq!(tee["order_id"], Value::Null);
        assert_eq!(tee["order_edit_id"], id.as_str());
        assert_eq!(tee["fulfilled_quantity"], 2);
        assert_eq!((tee["subtotal"].clone(), tee["total"].clone(), tee["refundable"].clone()), (json!(3900), json!(3900), json!(3900)));
        assert_eq!(tee["tax_lines"][0]["rate"], 0);
        assert_eq!(tee["tax_lines"][0]["item_id"], tee["id"]);
        assert_eq!(tee["variant"]["id"], "variant_ref_tee_m_black");
        let tee_clone = tee["id"].as_str().unwrap().to_owned();
        let mug_clone = item_titled(edit, "Medusa Coffee Mug")["id"].as_str().unwrap().to_owned();

        let res = send(&svc, admin(post("/admin/order-edits", json!({"order_id": order})))).await;
        assert_eq!(res.status, 400);
        assert_eq!(res.body["message"], format!("An active order edit already exists for the order {order}"));

        let path = format!("/admin/order-edits/{id}");
        let res = send(&svc, admin(post(&format!("{path}/items"), json!({"variant_id": "variant_ref_sweat_l", "quantity": 2})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let edit = &res.body["order_edit"];
        assert_eq!(figures(edit), totals("created", 10800, 11800, 5900));
        let added = item_titled(edit, "Medusa Sweatshirt");
        assert_eq!((added["unit_price"].clone(), added["original_item_id"].clone()), (json!(2950), Value::Null));
        assert_eq!(added["tax_lines"][0]["rate"], 0);
        assert_eq!(edit["changes"][0]["type"], "item_add");
        assert_eq!(edit["changes"][0]["line_item"]["id"], added["id"]);
        assert_eq!(edit["changes"][0]["line_item"]["variant"]["id"], "variant_ref_sweat_l");
        assert_eq!(edit["changes"][0]["original_line_item"], Value::Null);

        let res = send(&svc, admin(post(&format!("{path}/items/{tee_clone}"), json!({"quantity": 3})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let edit = &res.body["order_edit"];
        assert_eq!(figures(edit), totals("created", 12750, 13750, 7850));
        assert_eq!(change_types(edit), ["item_add", "item_update"]);

        let res = send(&svc, admin(delete(&format!("{path}/items/{mug_clone}")))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let edit = &res.body["order_edit"];
        assert_eq!(figures(edit), totals("created", 11750, 12750, 6850));
        assert_eq!(change_types(edit), ["item_add", "item_remove", "item_update"]);
        assert_eq!(lines(edit), [("Medusa Sweatshirt".to_owned(), 2, 5900), ("Medusa T-Shirt".to_owned(), 3, 5850)]);
        let removal = edit["changes"].as_array().unwrap().iter().find(|c| c["type"] == "item_remove").unwrap();
        assert_eq!(removal["original_line_item"]["id"], s.mug.as_str());
        assert_eq!(removal["line_item"], Value::Null);

        // A missing line is no error; the order's own line is not the edit's.
        let res = send(&svc, admin(delete(&format!("{path}/items/item_nope")))).await;
        assert_eq!(res.status, 200);
        let cases = [
            (delete(&format!("{path}/items/{}", s.mug)), 400, format!("Invalid line item id {} it does not belong to the same order edit undefined.", s.mug)),
            (post(&format!("{path}/items/{}", s.mug), json!({"quantity": 1})), 400, format!("Invalid line item id {} it does not belong to the same order edit {order}.", s.mug)),
            (post(&format!("{path}/items/item_nope"), json!({"quantity": 1})), 404, "Line item with item_nope was not found".to_owned()),
            (post("/admin/order-edits", json!({"order_id": "order_nope"})), 404, "Order with order_id order_nope does not exist.".to_owned()),
            (get("/admin/order-edits/oe_nope"), 404, "Order edit with id oe_nope was not found".to_owned()),
            (post(&format!("{path}/items"), json!({"variant_id": "variant_ref_mug", "quantity": 1.5})), 400, "quantity must be an integer number".to_owned()),
        ];
        for (req, status, message) in cases {
            let res = send(&svc, admin(req)).await;
            assert_eq!((res.status, res.body["message"].as_str().unwrap()), (status, message.as_str()));
        }

        let res = send(&svc, admin(post(&format!("{path}/request"), json!({"payment_collection_description": "pay more"})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let edit = &res.body["order_edit"];
        assert_eq!(figures(edit), totals("requested", 11750, 12750, 6850));
        assert_eq!(edit["requested_by"], "usr_ref_admin");
        let collection = &edit["payment_collection"];
        assert_eq!(edit["payment_collection_id"], collection["id"]);
        assert_eq!(
            json!([collection["type"], collection["status"], collection["amount"], collection["description"], collection["currency_code"], collection["region_id"], collection["created_by"]]),
            json!(["order_edit", "not_paid", 6850, "pay more", "eur", "reg_ref_eu", "usr_ref_admin"])
        );

        let res = send(&svc, admin(post(&format!("{path}/confirm"), json!({})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let edit = &res.body["order_edit"];
        assert_eq!(figures(edit), totals("confirmed", 11750, 12750, 0));
        assert_eq!(edit["confirmed_by"], "usr_ref_admin");
        for item in edit["items"].as_array().unwrap() {
            assert_eq!(item["order_id"], order.as_str());
        }

        // The order now reads with the edit's lines.
        let res = send(&svc, admin(get(&format!("/admin/orders/{order}")))).await;
        let shown = &res.body["order"];
        assert_eq!((shown["subtotal"].clone(), shown["total"].clone(), shown["paid_total"].clone()), (json!(11750), json!(12750), json!(5900)));
        assert_eq!(lines(shown), [("Medusa Sweatshirt".to_owned(), 2, 5900), ("Medusa T-Shirt".to_owned(), 3, 5850)]);
        let detached = line_item::Entity::find_by_id(s.mug.clone()).one(&app.db).await.unwrap().unwrap();
        assert_eq!(detached.order_id, None);

        let refused = [
            (post(&format!("{path}/cancel"), json!({})), 400, "Cannot cancel order edit with status confirmed".to_owned()),
            (delete(&path), 400, "Cannot delete order edit with status confirmed".to_owned()),
            (delete(&format!("{path}/changes/oic_nope")), 404, "Order edit item change oic_nope was not found".to_owned()),
            (post(&format!("{path}/items"), json!({"variant_id": "variant_ref_mug", "quantity": 1})), 400, "Can not add an item to the edit with status confirmed".to_owned()),
            (post(&format!("{path}/items/{tee_clone}"), json!({"quantity": 1})), 400, format!("Can not update an item on the order edit {id} with the status confirmed")),
        ];
        for (req, status, message) in refused {
            let res = send(&svc, admin(req)).await;
            assert_eq!((res.status, res.body["message"].as_str().unwrap()), (status, message.as_str()));
        }
        // Confirming again answers the edit unchanged.
        let res = send(&svc, admin(post(&format!("{path}/confirm"), json!({})))).await;
        assert_eq!(res.status, 200);
        assert_eq!(res.body["order_edit"]["status"], "confirmed");

        for (name, count) in [
            ("order-edit.created", 1), ("order-edit-item-change.CREATED", 3), ("order-edit.requested", 1),
            ("order-edit.updated", 1), ("payment-collection.created", 1), ("order-edit.confirmed", 1),
        ] {
            assert_eq!(events(&app.db, name).await, count, "{name}");
        }
    }
}

on_both_backends! {
    async fn lists_deletes_cancels_and_removes_changes(app) {
        let s = seed_order(&app).await;
        let svc = app.service().await;
        let canceled = OrderEditBuilder::new(&s.order).canceled().insert(&app.db).await;
        let res = send(&svc, admin(post("/admin/order-edits", json!({"order_id": s.order, "internal_note": "second"})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let id = res.body["order_edit"]["id"].as_str().unwrap().to_owned();
        let path = format!("/admin/order-edits/{id}");

        // Newest first, 20 a page; `q` searches the note, `fields` keeps created_at.
        let res = send(&svc, admin(get("/admin/order-edits"))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        assert_eq!((res.body["count"].clone(), res.body["limit"].clone(), res.body["offset"].clone()), (json!(2), json!(20), json!(0)));
        let ids: Vec<&str> = res.body["order_edits"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
        assert_eq!(ids, [id.as_str(), canceled.id.as_str()]);
        assert_eq!(res.body["order_edits"][1]["status"], "canceled");
        let res = send(&svc, admin(get("/admin/order-edits?q=sec&limit=1"))).await;
        assert_eq!((res.body["count"].clone(), res.body["limit"].clone()), (json!(1), json!(1)));
        assert_eq!(res.body["order_edits"][0]["internal_note"], "second");
        let res = send(&svc, admin(get(&format!("/admin/order-edits?order_id={}&fields=id", s.order)))).await;
        let mut keys: Vec<String> = res.body["order_edits"][0].as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(keys, ["changes", "created_at", "difference_due", "discount_total", "gift_card_tax_total", "gift_card_total", "id", "items", "payment_collection", "shipping_total", "status", "subtotal", "tax_total", "total"]);
        let res = send(&svc, admin(get("/admin/order-edits?foo=1"))).await;
        assert_eq!((res.status, res.body["message"].clone()), (400, json!("property foo should not exist")));
        let res = send(&svc, admin(get(&format!("{path}?fields=id,internal_note&expand=changes")))).await;
        let edit = &res.body["order_edit"];
        assert_eq!((edit["internal_note"].clone(), edit["changes"].clone(), edit["total"].clone()), (json!("second"), json!([]), json!(5900)));
        assert!(edit.get("payment_collection").is_none() && edit.get("order_id").is_none());

        let res = send(&svc, admin(post(&format!("{path}/request"), json!({})))).await;
        assert_eq!((res.status, res.body["message"].clone()), (400, json!("Cannot request a confirmation on an edit with no changes")));
        let res = send(&svc, admin(post(&path, json!({"internal_note": "changed"})))).await;
        assert_eq!(res.body["order_edit"]["internal_note"], "changed");

        // Deleting the added line's change removes the line; another edit's change is refused.
        let res = send(&svc, admin(post(&format!("{path}/items"), json!({"variant_id": "variant_ref_mug", "quantity": 1})))).await;
        let change = res.body["order_edit"]["changes"][0].clone();
        let other = OrderEditBuilder::new(&s.order).canceled().insert(&app.db).await;
        let res = send(&svc, admin(delete(&format!("/admin/order-edits/{}/changes/{}", other.id, change["id"].as_str().unwrap())))).await;
        assert_eq!(res.status, 400);
        assert_eq!(res.body["message"], format!("The item change you are trying to delete doesn't belong to the OrderEdit with id: {}.", other.id));
        let res = send(&svc, admin(delete(&format!("{path}/changes/{}", change["id"].as_str().unwrap())))).await;
        assert_eq!(res.body, json!({"id": change["id"], "object": "item_change", "deleted": true}));
        assert!(line_item::Entity::find_by_id(change["line_item_id"].as_str().unwrap()).one(&app.db).await.unwrap().is_none());

        // A created edit goes with its clones; deleting it again is no error.
        let res = send(&svc, admin(delete(&path))).await;
        assert_eq!(res.body, json!({"id": id, "object": "order_edit", "deleted": true}));
        let res = send(&svc, admin(delete(&path))).await;
        assert_eq!(res.status, 200);
        assert_eq!(line_item::Entity::find().filter(line_item::Column::OrderEditId.eq(id.as_str())).count(&app.db).await.unwrap(), 0);
        assert_eq!(order_item_change::Entity::find().count(&app.db).await.unwrap(), 0);
        assert_eq!(order_edit::Entity::find().count(&app.db).await.unwrap(), 2);

        // Cancel, twice; then confirming is refused.
        let res = send(&svc, admin(post("/admin/order-edits", json!({"order_id": s.order})))).await;
        let id = res.body["order_edit"]["id"].as_str().unwrap().to_owned();
        for _ in 0..2 {
            let res = send(&svc, admin(post(&format!("/admin/order-edits/{id}/cancel"), json!({})))).await;
            assert_eq!(res.status, 200, "{}", res.body);
            assert_eq!((res.body["order_edit"]["status"].clone(), res.body["order_edit"]["canceled_by"].clone()), (json!("canceled"), json!("usr_ref_admin")));
        }
        let res = send(&svc, admin(post(&format!("/admin/order-edits/{id}/confirm"), json!({})))).await;
        assert_eq!((res.status, res.body["message"].clone()), (400, json!("Cannot confirm an order edit with status canceled")));
        assert_eq!(events(&app.db, "order-edit.canceled").await, 1);
        assert_eq!(events(&app.db, "order-edit-item-change.DELETED").await, 2);
        assert_eq!(payment_collection::Entity::find().count(&app.db).await.unwrap(), 0);
    }
}

on_both_backends! {
    async fn adjustments_follow_the_orders_discount(app) {
        // The reference seed's second order: John's, in North America, WELCOME10 (10 %).
        load_reference_catalog(&app.db).await;
        let customers = crate::customers::seed_reference_customers(&app).await;
        let welcome = DiscountBuilder::new("WELCOME10").percentage(10).insert(&app.db).await;
        let built = OrderBuilder::new("reg_ref_na", "usd", &customers.john, "john.smith@example.com")
            .from_cart()
            .item(ItemBuilder::new("Medusa Sweatshirt", 3350, 1).variant("variant_ref_sweat_l")
                .tax_line(0.0, "default", "default").adjustment(Decimal::from(335), Some(&welcome.id)))
            .item(ItemBuilder::new("Medusa Shorts", 2800, 1).variant("variant_ref_shorts_m")
                .tax_line(0.0, "default", "default").adjustment(Decimal::from(280), Some(&welcome.id)))
            .shipping_method("so_01M807R2Y6TNYD6CENTGXAWS5R", 800, (0.0, "default", "default"))
            .discount(&welcome.id)
            .insert(&app.db)
            .await;
        let svc = app.service().await;
        let figures_of = |edit: &Value| {
            json!([edit["discount_total"], edit["subtotal"], edit["shipping_total"], edit["total"], edit["difference_due"]])
        };
        let res = send(&svc, admin(post("/admin/order-edits", json!({"order_id": built.order.id})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let edit = &res.body["order_edit"];
        assert_eq!(figures_of(edit), json!([615, 6150, 800, 6335, 0]));
        let path = format!("/admin/order-edits/{}", edit["id"].as_str().unwrap());
        let sweat = item_titled(edit, "Medusa Sweatshirt")["id"].as_str().unwrap().to_owned();
        let shorts = item_titled(edit, "Medusa Shorts")["id"].as_str().unwrap().to_owned();
        assert_eq!(item_titled(edit, "Medusa Shorts")["adjustments"][0]["amount"], 280);

        let body = json!({"variant_id": "variant_ref_mug", "quantity": 3, "metadata": {"gift": true}});
        let res = send(&svc, admin(post(&format!("{path}/items"), body))).await;
        let edit = &res.body["order_edit"];
        assert_eq!(figures_of(edit), json!([975, 9750, 800, 9575, 3240]));
        let mug = item_titled(edit, "Medusa Coffee Mug");
        assert_eq!(json!([mug["unit_price"], mug["metadata"], mug["adjustments"][0]["amount"], mug["adjustments"][0]["description"], mug["adjustments"][0]["discount_id"]]),
                   json!([1200, {"gift": true}, 360, "discount", welcome.id]));

        let res = send(&svc, admin(post(&format!("{path}/items/{sweat}"), json!({"quantity": 2})))).await;
        let edit = &res.body["order_edit"];
        assert_eq!(figures_of(edit), json!([1310, 13100, 800, 12590, 6255]));
        assert_eq!(item_titled(edit, "Medusa Sweatshirt")["adjustments"][0]["amount"], 670);

        let res = send(&svc, admin(delete(&format!("{path}/items/{shorts}")))).await;
        let edit = &res.body["order_edit"];
        assert_eq!(figures_of(edit), json!([1030, 10300, 800, 10070, 3735]));
        assert_eq!(edit["items"].as_array().unwrap().len(), 2);
    }
}
