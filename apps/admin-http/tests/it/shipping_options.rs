//! HTTP tests of `/admin/shipping-options`.
//!
//! `seed_shipping` sets up the reference store's regions, default profiles and shipping
//! options (`fixtures/reference/medusa-ref-seed.json`) so list and retrieve answers can be
//! compared with the reference server's after redaction. Write answers were checked against a
//! second reference server (:9101) and are recorded as snapshots.

use medusa_core::new_row::stamped;
use medusa_entity::sea_orm_active_enums::{ShippingOptionPriceTypeEnum, ShippingProfileTypeEnum};
use medusa_entity::{shipping_option, shipping_profile};
use medusa_test_support::builders::RegionBuilder;
use medusa_test_support::on_both_backends;
use sea_orm::prelude::DateTimeWithTimeZone;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{json, Value};

use crate::support::{admin, delete, get, post, redact, reference, send, TestApp};

pub(crate) fn at(text: &str) -> DateTimeWithTimeZone {
    DateTimeWithTimeZone::parse_from_rfc3339(text).unwrap()
}

/// The reference seed's shipping setup; returns the ids of the options by seed position.
pub(crate) async fn seed_shipping(app: &TestApp) -> Vec<String> {
    app.state
        .shipping_profiles
        .ensure_default_profiles()
        .await
        .unwrap();
    for (id, name, currency, created) in [
        ("reg_ref_eu", "EU", "eur", "2024-01-01T08:00:00.000Z"),
        ("reg_ref_na", "NA", "usd", "2024-01-01T08:01:00.000Z"),
    ] {
        RegionBuilder::new(name)
            .id(id)
            .currency(currency)
            .created_at(at(created))
            .fulfillment_provider("manual")
            .insert(&app.db)
            .await;
    }
    let profile = |kind: ShippingProfileTypeEnum| async move {
        shipping_profile::Entity::find()
            .filter(shipping_profile::Column::Type.eq(kind))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .id
    };
    let default_profile = profile(ShippingProfileTypeEnum::Default).await;
    let gift_profile = profile(ShippingProfileTypeEnum::GiftCard).await;
    let seed = [
        (
            "PostFake Standard",
            "reg_ref_eu",
            "manual-fulfillment",
            1000,
            false,
            false,
        ),
        (
            "PostFake Express",
            "reg_ref_eu",
            "manual-fulfillment",
            1500,
            false,
            false,
        ),
        (
            "PostFake Standard",
            "reg_ref_na",
            "manual-fulfillment",
            800,
            false,
            false,
        ),
        (
            "PostFake Express",
            "reg_ref_na",
            "manual-fulfillment",
            1200,
            false,
            false,
        ),
        (
            "PostFake Return",
            "reg_ref_eu",
            "manual-fulfillment-return",
            500,
            true,
            false,
        ),
        (
            "Gift Card Delivery",
            "reg_ref_eu",
            "manual-fulfillment",
            0,
            false,
            true,
        ),
        (
            "Gift Card Delivery",
            "reg_ref_na",
            "manual-fulfillment",
            0,
            false,
            true,
        ),
    ];
    let mut ids = Vec::new();
    for (minute, (name, region, data, amount, is_return, gift)) in seed.into_iter().enumerate() {
        let created = at(&format!("2024-01-01T09:0{minute}:00.000Z"));
        let id = medusa_core::generate_id("so");
        shipping_option::ActiveModel {
            id: Set(id.clone()),
            name: Set(name.into()),
            region_id: Set(region.into()),
            profile_id: Set(if gift {
                gift_profile.clone()
            } else {
                default_profile.clone()
            }),
            provider_id: Set("manual".into()),
            price_type: Set(ShippingOptionPriceTypeEnum::FlatRate),
            amount: Set(Some(amount)),
            is_return: Set(is_return),
            data: Set(json!({ "id": data })),
            admin_only: Set(false),
            ..stamped(created)
        }
        .insert(&app.db)
        .await
        .unwrap();
        ids.push(id);
    }
    ids
}

fn new_option(extra: Value) -> Value {
    let mut body = json!({
        "name": "c-test",
        "region_id": "reg_ref_eu",
        "provider_id": "manual",
        "data": {"id": "manual-fulfillment"},
        "price_type": "flat_rate",
        "amount": 100,
    });
    if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        for (key, value) in extra {
            body.insert(key.clone(), value.clone());
        }
    }
    body
}

on_both_backends! {
    async fn reads_answer_like_the_reference(app) {
        let ids = seed_shipping(&app).await;
        let service = app.service().await;
        for (name, uri) in [
            ("shipping-options-list", "/admin/shipping-options".to_owned()),
            (
                "shipping-options-eu-names",
                "/admin/shipping-options?region_id=reg_ref_eu&is_return=false&fields=name,amount&expand=region&order=amount".to_owned(),
            ),
            ("shipping-options-q", "/admin/shipping-options?q=express&expand=profile".to_owned()),
            ("shipping-options-return", format!("/admin/shipping-options/{}", ids[4])),
            ("shipping-options-get-missing", "/admin/shipping-options/so_missing".to_owned()),
        ] {
            let answer = send(&service, admin(get(&uri))).await;
            assert_eq!(redact(&answer.body), redact(&reference(name)), "{name}");
        }
        let list = send(&service, admin(get("/admin/shipping-options?admin_only=false&limit=2&offset=1"))).await;
        insta::assert_json_snapshot!("shipping_options_page", redact(&list.body));
    }
}

on_both_backends! {
    async fn creates_with_requirements_and_refuses_bad_options(app) {
        seed_shipping(&app).await;
        let service = app.service().await;
        let created = send(
            &service,
            admin(post(
                "/admin/shipping-options",
                new_option(json!({
                    "requirements": [
                        {"type": "max_subtotal", "amount": 50},
                        {"type": "min_subtotal", "amount": 10}
                    ],
                    "metadata": {"a": 1, "b": ""}
                })),
            )),
        )
        .await;
        assert_eq!(created.status, 200, "{}", created.text);
        // As the reference: metadata kept as given, requirements in the order sent, the
        // default profile assigned.
        assert_eq!(created.body["shipping_option"]["metadata"], json!({"a": 1, "b": ""}));
        assert_eq!(created.body["shipping_option"]["profile"]["name"], "Default Shipping Profile");
        insta::assert_json_snapshot!("shipping_option_created", redact(&created.body));

        let cases = [
            (json!({}), 400, "name must be a string, region_id must be a string, provider_id must be a string, data must be an object, Invalid price type, must be one of \"flat_rate\" or \"calculated\""),
            (new_option(json!({"profile_id": "sp_nope"})), 404, "Shipping_profile with profile_id sp_nope does not exist."),
            (new_option(json!({"price_type": "calculated", "amount": null})), 400, "The fulfillment provider cannot calculate prices for this option"),
            (new_option(json!({"provider_id": "nope"})), 400, "The fulfillment provider is not available in the provided region"),
            (new_option(json!({"amount": null})), 400, "Shipping options of type `flat_rate` must have an `amount`"),
            (new_option(json!({"region_id": "reg_nope"})), 404, "Region with reg_nope was not found"),
            (new_option(json!({"requirements": [{"type": "min_subtotal", "amount": 60}, {"type": "max_subtotal", "amount": 50}]})), 400, "Max. subtotal must be greater than Min. subtotal"),
            (new_option(json!({"requirements": [{"type": "min_subtotal", "amount": 6}, {"type": "min_subtotal", "amount": 5}]})), 400, "Only one requirement of each type is allowed"),
            (new_option(json!({"foo": 1})), 400, "property foo should not exist"),
        ];
        for (body, status, message) in cases {
            let answer = send(&service, admin(post("/admin/shipping-options", body.clone()))).await;
            assert_eq!((answer.status, answer.body["message"].as_str()), (status, Some(message)), "{body}");
        }
    }
}

on_both_backends! {
    async fn updates_replace_requirements_and_delete_is_soft(app) {
        seed_shipping(&app).await;
        let service = app.service().await;
        let created = send(
            &service,
            admin(post(
                "/admin/shipping-options",
                new_option(json!({"requirements": [{"type": "min_subtotal", "amount": 10}], "metadata": {"a": 1, "b": ""}})),
            )),
        )
        .await;
        let id = created.body["shipping_option"]["id"].as_str().unwrap().to_owned();
        let uri = format!("/admin/shipping-options/{id}");

        let missing_requirements = send(&service, admin(post(&uri, json!({"name": "c2"})))).await;
        assert_eq!(missing_requirements.body["message"], "requirements must be an array");

        let updated = send(
            &service,
            admin(post(
                &uri,
                json!({"requirements": [{"type": "max_subtotal", "amount": 500}], "amount": 200, "metadata": {"a": "", "c": 2}}),
            )),
        )
        .await;
        assert_eq!(updated.status, 200, "{}", updated.text);
        // The reference answered: amount 200, metadata {"b": "", "c": 2}, only the new requirement.
        assert_eq!(updated.body["shipping_option"]["metadata"], json!({"b": "", "c": 2}));
        insta::assert_json_snapshot!("shipping_option_updated", redact(&updated.body));
        let requirements = medusa_entity::shipping_option_requirement::Entity::find()
            .filter(medusa_entity::shipping_option_requirement::Column::ShippingOptionId.eq(id.as_str()))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(requirements.len(), 2);
        assert_eq!(requirements.iter().filter(|r| r.deleted_at.is_some()).count(), 1);

        for (body, status, message) in [
            (json!({"requirements": [{"id": "sor_nope", "type": "min_subtotal", "amount": 5}]}), 400, "Shipping option requirement with id sor_nope does not exist"),
            (json!({"requirements": [{"type": "foo", "amount": 5}]}), 400, "Requirement type must be one of min_subtotal, max_subtotal"),
            (json!({"requirements": [], "region_id": "x"}), 400, "property region_id should not exist"),
            (json!({"requirements": [], "price_type": "calculated"}), 400, "The fulfillment provider cannot calculate prices for this option"),
        ] {
            let answer = send(&service, admin(post(&uri, body.clone()))).await;
            assert_eq!((answer.status, answer.body["message"].as_str()), (status, Some(message)), "{body}");
        }
        let missing = send(&service, admin(post("/admin/shipping-options/so_nope", json!({"requirements": []})))).await;
        assert_eq!((missing.status, missing.body["message"].as_str()), (404, Some("Shipping Option with so_nope was not found")));

        let deleted = send(&service, admin(delete(&uri))).await;
        assert_eq!(deleted.body, json!({"id": id, "object": "shipping-option", "deleted": true}));
        let again = send(&service, admin(delete("/admin/shipping-options/so_nope"))).await;
        assert_eq!(again.body, json!({"id": "so_nope", "object": "shipping-option", "deleted": true}));
        assert_eq!(send(&service, admin(get(&uri))).await.status, 404);
        let row = shipping_option::Entity::find_by_id(id.as_str()).one(&app.db).await.unwrap().unwrap();
        assert!(row.deleted_at.is_some());
        let with_deleted = send(&service, admin(get("/admin/shipping-options?deleted_at[gt]=2020-01-01"))).await;
        assert_eq!(with_deleted.body["count"], 1);
    }
}

on_both_backends! {
    async fn lists_prices_with_the_options_tax_rates(app) {
        let ids = seed_shipping(&app).await;
        let service = app.service().await;
        let rate = send(
            &service,
            admin(post(
                "/admin/tax-rates",
                json!({"code": "ship", "name": "Shipping VAT", "region_id": "reg_ref_eu", "rate": 12.5, "shipping_options": [ids[0]]}),
            )),
        )
        .await;
        assert_eq!(rate.status, 200, "{}", rate.text);
        let listed = send(&service, admin(get(&format!("/admin/shipping-options?id={}", ids[0])))).await;
        let option = &listed.body["shipping_options"][0];
        // 1000 * 12.5% = 125, as Medusa's pricing rounds it.
        assert_eq!(option["tax_rates"], json!([{"rate": 12.5, "name": "Shipping VAT", "code": "ship"}]));
        assert_eq!((option["tax_amount"].clone(), option["price_incl_tax"].clone()), (json!(125), json!(1125)));
    }
}

on_both_backends! {
    async fn includes_tax_is_unknown_with_the_flag_off(app) {
        let ids = seed_shipping(&app).await;
        let service = app.service().await;
        // Medusa's answers with the flag off.
        let create = send(&service, admin(post("/admin/shipping-options", json!({"includes_tax": true})))).await;
        assert_eq!(create.status, 400, "{}", create.text);
        assert_eq!(create.body["message"], "name must be a string, region_id must be a string, provider_id must be a string, data must be an object, Invalid price type, must be one of \"flat_rate\" or \"calculated\", includes_tax should not exist");
        let update = send(&service, admin(post(&format!("/admin/shipping-options/{}", ids[0]), json!({"requirements": [], "includes_tax": null})))).await;
        assert_eq!(update.status, 400, "{}", update.text);
        assert_eq!(update.body["message"], "includes_tax should not exist");
        let read = send(&service, admin(get(&format!("/admin/shipping-options/{}", ids[0])))).await;
        assert_eq!(read.body["shipping_option"].get("includes_tax"), None, "{}", read.text);
        assert_eq!(read.body["shipping_option"]["region"].get("includes_tax"), None);
        let list = send(&service, admin(get("/admin/shipping-options"))).await;
        assert_eq!(list.body["shipping_options"][0].get("includes_tax"), None);
    }
}

on_both_backends! {
    flags = crate::support::tax_inclusive();
    async fn includes_tax_is_read_and_written_with_the_flag_on(app) {
        let ids = seed_shipping(&app).await;
        let service = app.service().await;
        let created = send(&service, admin(post("/admin/shipping-options", new_option(json!({"includes_tax": true}))))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        assert_eq!(created.body["shipping_option"]["includes_tax"], true);
        assert_eq!(created.body["shipping_option"]["region"]["includes_tax"], false);

        let path = format!("/admin/shipping-options/{}", ids[0]);
        let read = send(&service, admin(get(&path))).await;
        assert_eq!(read.body["shipping_option"]["includes_tax"], false, "{}", read.text);
        let updated = send(&service, admin(post(&path, json!({
            "requirements": [{"type": "min_subtotal", "amount": 1}, {"type": "max_subtotal", "amount": 2}],
            "includes_tax": true
        })))).await;
        assert_eq!(updated.status, 200, "{}", updated.text);
        assert_eq!(updated.body["shipping_option"]["includes_tax"], true);
        assert_ne!(updated.body["shipping_option"]["updated_at"], read.body["shipping_option"]["updated_at"]);

        let list = send(&service, admin(get(&format!("/admin/shipping-options?id={}", ids[0])))).await;
        assert_eq!(list.status, 200, "{}", list.text);
        assert_eq!(list.body["shipping_options"][0]["includes_tax"], true, "{}", list.text);
        assert_eq!(list.body["shipping_options"][0]["region"]["includes_tax"], false);

        let bad = send(&service, admin(post(&path, json!({"requirements": [], "includes_tax": "x"})))).await;
        assert_eq!(bad.status, 400, "{}", bad.text);
        assert_eq!(bad.body["message"], "includes_tax must be a boolean value");
    }
}
