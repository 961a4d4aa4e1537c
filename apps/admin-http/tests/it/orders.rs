//! HTTP tests of the order reads (`GET /admin/orders`, `GET /admin/orders/{id}`).
//!
//! The reference seed's two orders are rebuilt with the builders over the reference catalog,
//! and the answers compared with the reference server's (`capture-orders.sh`) exactly,
//! totals included (`medusa_order::merge_totals`).

use medusa_entity::sea_orm_active_enums::{OrderFulfillmentStatusEnum, OrderPaymentStatusEnum};
use medusa_entity::{sales_channel, shipping_option};
use medusa_test_support::builders::{AddressFields, DiscountBuilder, ItemBuilder, OrderBuilder};
use medusa_test_support::on_both_backends;
use sea_orm::prelude::Decimal;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::{json, Value};

use crate::customers::seed_reference_customers;
use crate::products::CountedApp;
use crate::support::*;

/// A reference answer, redacted: totals included, compared exactly.
fn expected(name: &str) -> Value {
    redact(&reference(name))
}

async fn option_id(db: &DatabaseConnection, region_id: &str) -> String {
    shipping_option::Entity::find()
        .filter(shipping_option::Column::RegionId.eq(region_id))
        .filter(shipping_option::Column::Name.eq("PostFake Standard"))
        .one(db)
        .await
        .unwrap()
        .expect("PostFake Standard")
        .id
}

/// The reference seed's orders: Jane's (EU, fulfilled, captured) and John's (NA, with the
/// `WELCOME10` discount, awaiting payment), over the reference catalog. Returns their ids.
async fn seed_reference_orders(app: &TestApp) -> (String, String) {
    load_reference_catalog(&app.db).await;
    let customers = seed_reference_customers(app).await;
    let channel = sales_channel::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let thumb =
        |name: &str| format!("https://medusa-public-images.s3.eu-west-1.amazonaws.com/{name}");
    let vat = (0.0, "default", "default");
    let now = medusa_core::time::now();
    let later = now + chrono::Duration::seconds(1);

    let berlin = AddressFields::new("Jane", "Doe", "Hauptstrasse 1", "Berlin", "de")
        .postal_code("10115")
        .phone("+4912345678");
    let jane = OrderBuilder::new("reg_ref_eu", "eur", &customers.jane, "jane.doe@example.com")
        .display_id(1)
        .from_cart()
        .sales_channel(&channel)
        .created_at(now)
        .statuses(
            OrderFulfillmentStatusEnum::Fulfilled,
            OrderPaymentStatusEnum::Captured,
        )
        .billing_address(berlin.clone())
        .shipping_address(berlin)
        .item(
            ItemBuilder::new("Medusa T-Shirt", 1950, 2)
                .description("M / Black")
                .thumbnail(&thumb("tee-black-front.png"))
                .variant("variant_ref_tee_m_black")
                .tax_line(0.0, "default", "default")
                .fulfilled(2),
        )
        .item(
            ItemBuilder::new("Medusa Coffee Mug", 1000, 1)
                .description("One Size")
                .thumbnail(&thumb("coffee-mug.png"))
                .variant("variant_ref_mug")
                .tax_line(0.0, "default", "default")
                .fulfilled(1),
        )
        .shipping_method(&option_id(&app.db, "reg_ref_eu").await, 1000, vat)
        .payment(5900, "manual", true)
        .fulfillment("manual", &[(0, 2), (1, 1)])
        .insert(&app.db)
        .await;

    let (welcome, _) = DiscountBuilder::new("WELCOME10")
        .percentage(10)
        .description("10% off everything")
        .usage(Some(1000), 1)
        .metadata(json!({"ref": "seed"}))
        .insert_with_rule(&app.db)
        .await;
    let springfield = AddressFields::new("John", "Smith", "1 Main St", "Springfield", "us")
        .province("IL")
        .postal_code("62701");
    let john = OrderBuilder::new(
        "reg_ref_na",
        "usd",
        &customers.john,
        "john.smith@example.com",
    )
    .display_id(2)
    .from_cart()
    .sales_channel(&channel)
    .created_at(later)
    .billing_address(springfield.clone())
    .shipping_address(springfield)
    .item(
        ItemBuilder::new("Medusa Sweatshirt", 3350, 1)
            .description("L")
            .thumbnail(&thumb("sweatshirt-vintage-front.png"))
            .variant("variant_ref_sweat_l")
            .tax_line(0.0, "default", "default")
            .adjustment(Decimal::from(335), Some(&welcome.id)),
    )
    .item(
        ItemBuilder::new("Medusa Shorts", 2800, 1)
            .description("M")
            .thumbnail(&thumb("shorts-vintage-front.png"))
            .variant("variant_ref_shorts_m")
            .tax_line(0.0, "default", "default")
            .adjustment(Decimal::from(280), Some(&welcome.id)),
    )
    .shipping_method(&option_id(&app.db, "reg_ref_na").await, 800, vat)
    .discount(&welcome.id)
    .payment(6335, "manual", false)
    .insert(&app.db)
    .await;
    (jane.order.id, john.order.id)
}

on_both_backends! {
    async fn reads_match_medusa(app) {
        let (jane, john) = seed_reference_orders(&app).await;
        let svc = app.service().await;
        let cases = [
            ("/admin/orders".to_owned(), "orders-list"),
            ("/admin/orders?fields=id,email&expand=customer".to_owned(), "orders-list-fields"),
            ("/admin/orders?q=doe&fields=id,display_id".to_owned(), "orders-list-q"),
            (
                "/admin/orders?fields=id,total,subtotal,tax_total,shipping_total,discount_total,gift_card_total,paid_total,refunded_total,refundable_amount,items.refundable&expand=items".to_owned(),
                "orders-list-totals",
            ),
            ("/admin/orders?fields=id,email&expand=items,shipping_methods".to_owned(), "orders-list-full"),
            (format!("/admin/orders/{jane}"), "orders-get-jane"),
            (format!("/admin/orders/{john}"), "orders-get-john"),
            (
                format!("/admin/orders/{john}?expand=items.variant,region,returnable_items"),
                "orders-get-john-expand",
            ),
        ];
        for (path, name) in cases {
            let answer = send(&svc, admin(get(&path))).await;
            assert_eq!(answer.status, 200, "{path}: {}", answer.text);
            assert_eq!(redact(&answer.body), expected(name), "{path}");
        }
        insta::assert_json_snapshot!("orders_get_jane", redact(&send(&svc, admin(get(&format!("/admin/orders/{jane}")))).await.body));
    }
}

on_both_backends! {
    async fn refusals_match_medusa(app) {
        let svc = app.service().await;
        for (path, name) in [
            ("/admin/orders/order_missing", "orders-get-missing"),
            ("/admin/orders?sales_channel_id=x&status=pending", "orders-list-not-arrays"),
            ("/admin/orders?expand=returnable_items", "orders-list-returnable-items"),
        ] {
            let answer = send(&svc, admin(get(path))).await;
            let status = if name == "orders-get-missing" { 404 } else { 400 };
            assert_eq!(answer.status, status, "{path}: {}", answer.text);
            assert_eq!(answer.body, reference(name), "{path}");
        }
    }
}

on_both_backends! {
    async fn filters_pages_and_trims(app) {
        let (jane, john) = seed_reference_orders(&app).await;
        let svc = app.service().await;
        let ids = |body: &Value| -> Vec<String> {
            body["orders"].as_array().unwrap().iter().map(|o| o["id"].as_str().unwrap().to_owned()).collect()
        };
        for (query, want) in [
            ("status[]=pending&payment_status[]=captured", vec![jane.clone()]),
            ("region_id=reg_ref_na", vec![john.clone()]),
            ("region_id[]=reg_ref_na&region_id[]=reg_ref_eu", vec![john.clone(), jane.clone()]),
            ("display_id=1", vec![jane.clone()]),
            // Jane's phone (+4912345678) has a 2 too.
            ("q=2", vec![john.clone(), jane.clone()]),
            ("q=smith", vec![john.clone()]),
            ("email=jane.doe@example.com", vec![jane.clone()]),
            ("fulfillment_status[]=not_fulfilled", vec![john.clone()]),
            ("tax_rate=0", vec![]),
            ("order=display_id", vec![jane.clone(), john.clone()]),
            ("created_at[gt]=2020-01-01", vec![john.clone(), jane.clone()]),
        ] {
            let answer = send(&svc, admin(get(&format!("/admin/orders?fields=id&{query}")))).await;
            assert_eq!(answer.status, 200, "{query}: {}", answer.text);
            assert_eq!(ids(&answer.body), want, "{query}");
        }
        let page = send(&svc, admin(get("/admin/orders?limit=1&offset=1&fields=id&expand="))).await;
        // `fields` names no total: the newer engine decorates the order, and its order-level
        // totals are kept whatever `fields` says (as the reference answers).
        assert_eq!(page.body, json!({"orders": [{
            "id": jane, "created_at": page.body["orders"][0]["created_at"],
            "subtotal": 4900, "discount_total": 0, "shipping_total": 1000, "refunded_total": 0,
            "paid_total": 5900, "refundable_amount": 5900, "item_tax_total": 0,
            "shipping_tax_total": 0, "tax_total": 0, "gift_card_total": 0,
            "gift_card_tax_total": 0, "total": 5900,
        }], "count": 2, "offset": 1, "limit": 1}));

        // `expand=` shows no relation; the items' `refundable` (a default field) stays, alone.
        let bare = send(&svc, admin(get(&format!("/admin/orders/{jane}?expand=")))).await;
        let items = bare.body["order"]["items"].as_array().unwrap();
        assert!(items.iter().all(|item| item.as_object().unwrap().keys().all(|k| k == "refundable")));
        assert_eq!(bare.body["order"]["swaps"], json!([]));
        assert!(bare.body["order"].get("customer").is_none());
    }
}

on_both_backends! {
    async fn the_unfiltered_count_follows_every_insert_and_delete(app) {
        let (_, john) = seed_reference_orders(&app).await;
        let svc = app.service().await;
        let all = "/admin/orders?limit=1&fields=id";
        let in_eu = "/admin/orders?limit=1&fields=id&region_id=reg_ref_eu";
        assert_eq!(order_count(&svc, all).await, 2);
        let customer = medusa_entity::customer::Entity::find().one(&app.db).await.unwrap().unwrap();
        let added = OrderBuilder::new("reg_ref_eu", "eur", &customer.id, &customer.email)
            .insert(&app.db)
            .await;
        assert_eq!(order_count(&svc, all).await, 3);
        assert_eq!(order_count(&svc, in_eu).await, 2);
        // Folding the kept counts changes no count.
        medusa_load::row_count::maintain(&app.db).await.unwrap();
        assert_eq!(order_count(&svc, all).await, 3);
        medusa_entity::order::Entity::delete_by_id(added.order.id).exec(&app.db).await.unwrap();
        assert_eq!(order_count(&svc, all).await, 2);
        assert_eq!(order_count(&svc, in_eu).await, 1);
        if app.backend == Backend::Postgres {
            // The unfiltered count is the kept one (a row added by hand shows in it); a
            // filtered one is counted.
            app.db
                .execute_unprepared("INSERT INTO medusa_admin_row_count VALUES ('order', 40)")
                .await
                .unwrap();
            assert_eq!(order_count(&svc, all).await, 42);
            assert_eq!(order_count(&svc, &format!("/admin/orders?fields=id&id={john}")).await, 1);
            // The folded row, the deletion's and the one above fold into one, and the count
            // the hand-added row put wrong is set right.
            let done = medusa_load::row_count::maintain(&app.db).await.unwrap();
            assert_eq!(done.folded, 2);
            assert_eq!(done.corrected, ["order"]);
            assert_eq!(order_count(&svc, all).await, 2);
            let again = medusa_load::row_count::maintain(&app.db).await.unwrap();
            let settled = medusa_load::row_count::Maintained { folded: 1, corrected: vec![] };
            assert_eq!(again, settled);
            // An order written with the triggers off (as a replica applies rows) is counted
            // at the next maintenance.
            let triggers = |on: &str| format!("ALTER TABLE \"order\" {on} TRIGGER USER");
            app.db.execute_unprepared(&triggers("DISABLE")).await.unwrap();
            OrderBuilder::new("reg_ref_eu", "eur", &customer.id, &customer.email)
                .insert(&app.db)
                .await;
            app.db.execute_unprepared(&triggers("ENABLE")).await.unwrap();
            assert_eq!(order_count(&svc, all).await, 2);
            let done = medusa_load::row_count::maintain(&app.db).await.unwrap();
            assert_eq!(done.corrected, ["order"]);
            assert_eq!(order_count(&svc, all).await, 3);
        }
    }
}

/// The `count` of the order list at `path`.
async fn order_count<S, B>(svc: &S, path: &str) -> u64
where
    S: TestService<B>,
    B: actix_web::body::MessageBody,
{
    let page = send(svc, admin(get(path))).await;
    assert_eq!(page.status, 200, "{path}: {}", page.text);
    page.body["count"].as_u64().unwrap()
}

on_both_backends! {
    async fn statements_per_order_page_do_not_grow(app) {
        let (jane, _) = seed_reference_orders(&app).await;
        // An order with every kind of relation the seed's two have between them (a discount,
        // a fulfillment), so that a page of it alone runs every statement a page of all runs
        // (a relation without keys costs no statement).
        let welcome = medusa_entity::discount::Entity::find().one(&app.db).await.unwrap().unwrap();
        let customer = medusa_entity::customer::Entity::find().one(&app.db).await.unwrap().unwrap();
        OrderBuilder::new("reg_ref_eu", "eur", &customer.id, &customer.email)
            .created_at(medusa_core::time::now() + chrono::Duration::seconds(5))
            .sales_channel(&sales_channel::Entity::find().one(&app.db).await.unwrap().unwrap().id)
            .billing_address(AddressFields::new("A", "B", "C", "D", "de"))
            .shipping_address(AddressFields::new("A", "B", "C", "D", "de"))
            .item(ItemBuilder::new("Mug", 1000, 1).variant("variant_ref_mug").tax_line(0.0, "default", "default").adjustment(Decimal::from(100), Some(&welcome.id)).fulfilled(1))
            .shipping_method(&option_id(&app.db, "reg_ref_eu").await, 1000, (0.0, "default", "default"))
            .discount(&welcome.id)
            .payment(1000, "manual", true)
            .fulfillment("manual", &[(0, 1)])
            .insert(&app.db)
            .await;
        let counted = CountedApp::new(&app.db);
        let svc = actix_web::test::init_service(medusa_admin_http::app(counted.state.clone())).await;
        let mut counts = Vec::new();
        for path in ["/admin/orders?limit=1".to_owned(), "/admin/orders?limit=3".to_owned(), format!("/admin/orders/{jane}")] {
            counted.reset();
            let res = send(&svc, admin(get(&path))).await;
            assert_eq!(res.status, 200, "{}", res.text);
            counts.push(counted.count());
        }
        assert_eq!(counts[0], counts[1], "statements for limit 1 and 3: {counts:?}");
        // API token, count, the page (its addresses, customer, sales channel and region
        // joined in, and which seldom relations each order has), and one statement per relation
        // present (discounts with their rules, shipping methods with their options, link
        // tables read joined with their targets; the items' and the shipping methods' tax
        // lines joined into their statements) of the default relations and of those totals
        // read; gift cards, their transactions, refunds, returns, swaps and claims are absent
        // here and cost none.
        assert_eq!(counts[0], 14, "{counts:?}");
    }
}

on_both_backends! {
    async fn payment_reads_match_medusa(app) {
        let (_, john) = seed_reference_orders(&app).await;
        let svc = app.service().await;
        let order = send(&svc, admin(get(&format!("/admin/orders/{john}?fields=id&expand=payments")))).await;
        let payment = order.body["order"]["payments"][0]["id"].as_str().unwrap().to_owned();
        for (path, name) in [
            (format!("/admin/payments/{payment}"), "payments-get"),
            (format!("/admin/payments/{payment}?expand=order,currency&fields=id,amount"), "payments-get-expand"),
        ] {
            let answer = send(&svc, admin(get(&path))).await;
            assert_eq!(answer.status, 200, "{path}: {}", answer.text);
            assert_eq!(redact(&answer.body), redact(&reference(name)), "{path}");
        }
        let missing = send(&svc, admin(get("/admin/payments/pay_missing"))).await;
        assert_eq!((missing.status, missing.body), (404, reference("payments-get-missing")));
    }
}
