//! HTTP tests of `/admin/shipping-profiles`. Reads are compared with the reference server's
//! answers; write answers were checked against a second reference server (:9101).

use medusa_entity::{product_shipping_profile, shipping_option, shipping_profile};
use medusa_test_support::on_both_backends;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

use crate::shipping_options::seed_shipping;
use crate::support::{admin, delete, get, post, redact, reference, send};
use crate::tax_rates::insert_product;

on_both_backends! {
    async fn boot_creates_the_default_profiles_once(app) {
        seed_shipping(&app).await;
        app.state.shipping_profiles.ensure_default_profiles().await.unwrap();
        let service = app.service().await;
        let list = send(&service, admin(get("/admin/shipping-profiles"))).await;
        assert_eq!(redact(&list.body), redact(&reference("shipping-profiles-list")));
        let missing = send(&service, admin(get("/admin/shipping-profiles/sp_missing"))).await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body, reference("shipping-profiles-get-missing"));
    }
}

on_both_backends! {
    async fn creates_updates_and_soft_deletes(app) {
        let options = seed_shipping(&app).await;
        insert_product(&app, "prod_ref_tshirt", "Medusa T-Shirt").await;
        let service = app.service().await;

        let created = send(
            &service,
            admin(post(
                "/admin/shipping-profiles",
                json!({"name": "c-prof", "type": "custom", "metadata": {"a": 1, "b": ""}}),
            )),
        )
        .await;
        assert_eq!(created.status, 200, "{}", created.text);
        // As the reference: "" keys dropped on creation, no relations in the answer.
        assert_eq!(created.body["shipping_profile"]["metadata"], json!({"a": 1}));
        insta::assert_json_snapshot!("shipping_profile_created", redact(&created.body));
        let id = created.body["shipping_profile"]["id"].as_str().unwrap().to_owned();
        let uri = format!("/admin/shipping-profiles/{id}");

        for (body, message) in [
            (json!({"name": "x", "type": "bogus"}), "type must be one of 'default', 'custom', 'gift_card'"),
            (json!({"type": "custom"}), "name must be a string"),
            (json!({"name": "x", "type": "custom", "products": []}), "property products should not exist"),
        ] {
            let answer = send(&service, admin(post("/admin/shipping-profiles", body.clone()))).await;
            assert_eq!((answer.status, answer.body["message"].as_str()), (400, Some(message)), "{body}");
        }

        let updated = send(
            &service,
            admin(post(
                &uri,
                json!({
                    "name": "c-prof 2",
                    "metadata": {"a": "", "c": 2},
                    "products": ["prod_ref_tshirt", "prod_missing"],
                    "shipping_options": [options[0]]
                }),
            )),
        )
        .await;
        assert_eq!(updated.status, 200, "{}", updated.text);
        let profile = &updated.body["shipping_profile"];
        assert_eq!(profile["metadata"], json!({"c": 2}));
        assert_eq!(profile["products"][0]["profile_id"], json!(id));
        assert_eq!(profile["shipping_options"][0]["id"], json!(options[0]));
        insta::assert_json_snapshot!("shipping_profile_updated", redact(&updated.body));
        // The product moved: one link, to the new profile.
        let links = product_shipping_profile::Entity::find()
            .filter(product_shipping_profile::Column::ProductId.eq("prod_ref_tshirt"))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].profile_id, id);
        let option = shipping_option::Entity::find_by_id(options[0].as_str()).one(&app.db).await.unwrap().unwrap();
        assert_eq!(option.profile_id, id);

        let missing = send(&service, admin(post("/admin/shipping-profiles/sp_nope", json!({"name": "x"})))).await;
        assert_eq!((missing.status, missing.body["message"].as_str()), (404, Some("Profile with id: sp_nope was not found")));

        let deleted = send(&service, admin(delete(&uri))).await;
        assert_eq!(deleted.body, json!({"id": id, "object": "shipping_profile", "deleted": true}));
        let again = send(&service, admin(delete("/admin/shipping-profiles/sp_nope"))).await;
        assert_eq!(again.body, json!({"id": "sp_nope", "object": "shipping_profile", "deleted": true}));
        let row = shipping_profile::Entity::find_by_id(id.as_str()).one(&app.db).await.unwrap().unwrap();
        assert!(row.deleted_at.is_some());
        assert_eq!(send(&service, admin(get(&uri))).await.status, 404);
    }
}

on_both_backends! {
    async fn shows_products_with_their_profiles(app) {
        seed_shipping(&app).await;
        insert_product(&app, "prod_ref_giftcard", "Gift Card").await;
        let gift = shipping_profile::Entity::find()
            .filter(shipping_profile::Column::Name.eq("Gift Card Profile"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        product_shipping_profile::ActiveModel {
            profile_id: Set(gift.id.clone()),
            product_id: Set("prod_ref_giftcard".into()),
        }
        .insert(&app.db)
        .await
        .unwrap();
        let service = app.service().await;
        let answer = send(&service, admin(get(&format!("/admin/shipping-profiles/{}", gift.id)))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let profile = &answer.body["shipping_profile"];
        // As the reference's gift card profile: its product, with `profiles`, `profile` and
        // `profile_id`, and its two gift card options.
        assert_eq!(profile["products"][0]["profiles"][0]["id"], json!(gift.id));
        assert_eq!(profile["products"][0]["profile"]["id"], json!(gift.id));
        assert_eq!(profile["shipping_options"].as_array().map(Vec::len), Some(2));
        insta::assert_json_snapshot!("shipping_profile_gift_card", redact(&answer.body));
    }
}
