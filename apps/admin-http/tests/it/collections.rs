//! HTTP tests of `/admin/collections`.

use medusa_entity::{event_outbox, product, product_collection};
use medusa_test_support::on_both_backends;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;

use crate::support::*;

async fn event_names(app: &TestApp) -> Vec<String> {
    event_outbox::Entity::find()
        .filter(event_outbox::Column::Name.starts_with("product-collection."))
        .order_by_asc(event_outbox::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.name)
        .collect()
}

on_both_backends! {
    async fn reads_match_medusa(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        for (path, name) in [
            ("/admin/collections", "collections-list"),
            ("/admin/collections?q=SUM", "collections-list-q"),
            ("/admin/collections?limit=1&offset=1&order=title", "collections-list-page"),
            ("/admin/collections/pcol_ref_basics", "collections-get"),
        ] {
            let answer = send(&svc, admin(get(path))).await;
            assert_eq!(answer.status, 200, "{path}: {}", answer.text);
            assert_eq!(redact(&answer.body), redact(&reference(name)), "{path}");
        }
        insta::assert_json_snapshot!("collections_list", redact(&send(&svc, admin(get("/admin/collections"))).await.body));
        let missing = send(&svc, admin(get("/admin/collections/pcol_missing"))).await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body, reference("collections-get-missing"));
        let expand = send(&svc, admin(get("/admin/collections?expand=products"))).await;
        assert_eq!(expand.status, 400);
        assert_eq!(expand.body, reference("collections-list-expand"));
        let handle = send(&svc, admin(get("/admin/collections?handle=summer"))).await;
        assert_eq!(handle.body["count"], 1);
        // `q` drops the handle filter, as Medusa does.
        let q_and_handle = send(&svc, admin(get("/admin/collections?q=s&handle=nothing"))).await;
        assert_eq!(q_and_handle.body["count"], 2);
        let by_condition = send(&svc, admin(get("/admin/collections?discount_condition_id=discon_x"))).await;
        assert_eq!(by_condition.body["count"], 0);
    }
}

on_both_backends! {
    async fn writes_and_events(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;

        let invalid = send(&svc, admin(post("/admin/collections", json!({})))).await;
        assert_eq!(invalid.status, 400);
        assert_eq!(invalid.body["message"], "title should not be empty, title must be a string");
        let wrong_types = send(&svc, admin(post("/admin/collections", json!({"title": 5, "handle": 3, "metadata": "x", "foo": 1})))).await;
        assert_eq!(wrong_types.body["message"], "property foo should not exist, title must be a string, handle must be a string, metadata must be an object");
        let duplicate = send(&svc, admin(post("/admin/collections", json!({"title": "Basics"})))).await;
        assert_eq!(duplicate.status, 422);
        assert_eq!(duplicate.body, json!({"code": "invalid_request_error", "type": "duplicate_error", "message": "Product_collection with handle basics already exists."}));

        let created = send(&svc, admin(post("/admin/collections", json!({"title": "P2 Order Probe", "metadata": {"a": 1}})))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        insta::assert_json_snapshot!("collections_create", redact(&created.body));
        assert_eq!(created.body["collection"]["handle"], "p-2-order-probe");
        let id = created.body["collection"]["id"].as_str().unwrap().to_owned();

        let updated = send(&svc, admin(post(&format!("/admin/collections/{id}"), json!({"title": "Probe", "metadata": {"a": "", "b": 2}})))).await;
        assert_eq!(updated.status, 200, "{}", updated.text);
        assert_eq!(updated.body["collection"]["metadata"], json!({"b": 2}));
        assert_eq!(updated.body["collection"]["title"], "Probe");
        let taken = send(&svc, admin(post(&format!("/admin/collections/{id}"), json!({"handle": "summer"})))).await;
        assert_eq!(taken.status, 422);
        let null_title = send(&svc, admin(post(&format!("/admin/collections/{id}"), json!({"title": null})))).await;
        assert_eq!(null_title.status, 400);
        let missing = send(&svc, admin(post("/admin/collections/nope", json!({"title": "x"})))).await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body["message"], "Product collection with id: nope was not found");

        let empty = send(&svc, admin(post(&format!("/admin/collections/{id}/products/batch"), json!({"product_ids": []})))).await;
        assert_eq!(empty.body["message"], "product_ids should not be empty");
        let none = send(&svc, admin(post(&format!("/admin/collections/{id}/products/batch"), json!({})))).await;
        assert_eq!(none.body["message"], "each value in product_ids must be a string, product_ids should not be empty");
        let added = send(&svc, admin(post(&format!("/admin/collections/{id}/products/batch"), json!({"product_ids": ["prod_ref_mug", "prod_ref_giftcard", "prod_unknown"]})))).await;
        assert_eq!(added.status, 200, "{}", added.text);
        insta::assert_json_snapshot!("collections_add_products", redact(&added.body));
        let products: Vec<&str> = added.body["collection"]["products"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
        assert_eq!(products, ["prod_ref_giftcard", "prod_ref_mug"]);

        let removed = send(&svc, admin(delete(&format!("/admin/collections/{id}/products/batch")).set_json(json!({"product_ids": ["prod_ref_mug", "nope"]})))).await;
        assert_eq!(removed.status, 200, "{}", removed.text);
        assert_eq!(removed.body, json!({"id": id, "object": "product-collection", "removed_products": ["prod_ref_mug", "nope"]}));
        let mug = product::Entity::find_by_id("prod_ref_mug").one(&app.db).await.unwrap().unwrap();
        assert_eq!(mug.collection_id, None);
        // Removing from another collection leaves the product where it is.
        send(&svc, admin(delete(&format!("/admin/collections/{id}/products/batch")).set_json(json!({"product_ids": ["prod_ref_tshirt"]})))).await;
        let tshirt = product::Entity::find_by_id("prod_ref_tshirt").one(&app.db).await.unwrap().unwrap();
        assert_eq!(tshirt.collection_id.as_deref(), Some("pcol_ref_summer"));

        let deleted = send(&svc, admin(delete(&format!("/admin/collections/{id}")))).await;
        assert_eq!(deleted.body, json!({"id": id, "object": "product-collection", "deleted": true}));
        let row = product_collection::Entity::find_by_id(id.clone()).one(&app.db).await.unwrap().unwrap();
        assert!(row.deleted_at.is_some(), "soft deleted");
        let again = send(&svc, admin(delete(&format!("/admin/collections/{id}")))).await;
        assert_eq!(again.status, 404);
        let gone = send(&svc, admin(get(&format!("/admin/collections/{id}")))).await;
        assert_eq!(gone.status, 404);
        // The handle is free again once its collection is deleted.
        let reused = send(&svc, admin(post("/admin/collections", json!({"title": "P2 Order Probe"})))).await;
        assert_eq!(reused.status, 200, "{}", reused.text);
        let with_deleted = send(&svc, admin(get("/admin/collections?deleted_at[gt]=2000-01-01"))).await;
        assert_eq!(with_deleted.body["count"], 1);

        assert_eq!(event_names(&app).await, [
            "product-collection.created",
            "product-collection.updated",
            "product-collection.products_added",
            "product-collection.products_removed",
            "product-collection.products_removed",
            "product-collection.deleted",
            "product-collection.created",
        ]);
    }
}

on_both_backends! {
    async fn failed_write_leaves_nothing(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        let before = product_collection::Entity::find().all(&app.db).await.unwrap().len();
        let duplicate = send(&svc, admin(post("/admin/collections", json!({"title": "Other", "handle": "summer"})))).await;
        assert_eq!(duplicate.status, 422);
        assert_eq!(product_collection::Entity::find().all(&app.db).await.unwrap().len(), before);
        assert!(event_names(&app).await.is_empty());
    }
}

on_both_backends! {
    /// Writes at the same time all land: SQLite used to refuse most of them with
    /// "database is locked" (a 500) when two write transactions met on two connections.
    async fn concurrent_creates_all_land(app) {
        let svc = app.service().await;
        let creates = (0..20).map(|i| {
            send(&svc, admin(post("/admin/collections", json!({"title": format!("Concurrent {i}")}))))
        });
        let answers = futures_util::future::join_all(creates).await;
        for answer in &answers {
            assert_eq!(answer.status, 200, "{}", answer.text);
        }
        let stored = product_collection::Entity::find()
            .filter(product_collection::Column::Title.starts_with("Concurrent "))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(stored.len(), 20);
    }
}
