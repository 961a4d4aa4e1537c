//! HTTP tests of `/admin/product-categories` and of products' categories. The reference server
//! runs with Medusa's `product_categories` flag off (it answers 404 there, as we do), so these
//! check Medusa's flag-on behaviour as its source and integration tests describe it.

use medusa_entity::{event_outbox, product_category, product_category_product};
use medusa_test_support::on_both_backends;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::{json, Value};

use crate::support::*;

async fn create<S, B>(svc: &S, body: Value) -> Value
where
    S: TestService<B>,
    B: actix_web::body::MessageBody,
{
    let answer = send(svc, admin(post("/admin/product-categories", body))).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    answer.body["product_category"].clone()
}

fn ids_and_ranks(children: &Value) -> Vec<(String, i64)> {
    children
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_owned(),
                c["rank"].as_i64().unwrap(),
            )
        })
        .collect()
}

async fn rows(app: &TestApp) -> Vec<product_category::Model> {
    product_category::Entity::find()
        .order_by_asc(product_category::Column::Handle)
        .all(&app.db)
        .await
        .unwrap()
}

/// Medusa's default flags with `MEDUSA_FF_PRODUCT_CATEGORIES=true`, without which these routes
/// do not exist.
fn categories_on() -> medusa_core::FeatureFlags {
    medusa_core::FeatureFlags::default().with(medusa_core::Flag::ProductCategories, true)
}

on_both_backends! {
    flags = categories_on();
    async fn tree_reads_and_ranks(app) {
        let svc = app.service().await;
        let mens = create(&svc, json!({"name": "Mens", "parent_category_id": null})).await;
        let mens_id = mens["id"].as_str().unwrap().to_owned();
        insta::assert_json_snapshot!("product_categories_create", redact(&mens));
        assert_eq!(mens["handle"], "mens");
        assert_eq!(mens["is_active"], false);
        assert_eq!(mens["parent_category"], Value::Null);
        assert_eq!(mens["category_children"], json!([]));
        assert!(mens.get("mpath").is_none());

        let sweater = create(&svc, json!({"name": "Sweater", "parent_category_id": mens_id, "is_internal": true})).await;
        let sweater_id = sweater["id"].as_str().unwrap().to_owned();
        assert_eq!(sweater["rank"], 0);
        assert_eq!(sweater["parent_category"]["id"], json!(mens_id));
        let shirts = create(&svc, json!({"name": "Shirts", "parent_category_id": mens_id, "description": "d"})).await;
        assert_eq!(shirts["rank"], 1);
        let cashmere = create(&svc, json!({"name": "Cashmere", "parent_category_id": sweater_id})).await;
        // Without a parent in the body, Medusa counts every category as a sibling.
        let womens = create(&svc, json!({"name": "Womens"})).await;
        assert_eq!(womens["rank"], 4);

        let stored = rows(&app).await;
        let path = |handle: &str| stored.iter().find(|r| r.handle == handle).unwrap().mpath.clone().unwrap();
        assert_eq!(path("cashmere"), format!("{mens_id}.{sweater_id}.{}.", cashmere["id"].as_str().unwrap()));

        let got = send(&svc, admin(get(&format!("/admin/product-categories/{mens_id}?expand=parent_category")))).await;
        assert_eq!(got.status, 200, "{}", got.text);
        insta::assert_json_snapshot!("product_categories_get", redact(&got.body));
        assert_eq!(ids_and_ranks(&got.body["product_category"]["category_children"]), [("Sweater".to_owned(), 0), ("Shirts".to_owned(), 1)]);
        assert_eq!(got.body["product_category"]["category_children"][0]["category_children"][0]["name"], "Cashmere");
        let bad_expand = send(&svc, admin(get(&format!("/admin/product-categories/{mens_id}?expand=products")))).await;
        assert_eq!(bad_expand.status, 400);
        assert_eq!(bad_expand.body["message"], "Requested fields [products] are not valid");
        let missing = send(&svc, admin(get("/admin/product-categories/pcat_missing"))).await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body["message"], "ProductCategory with id: pcat_missing was not found");

        let list = send(&svc, admin(get("/admin/product-categories"))).await;
        assert_eq!(list.status, 200, "{}", list.text);
        insta::assert_json_snapshot!("product_categories_list", redact(&list.body));
        assert_eq!(list.body["count"], 5);
        assert_eq!(list.body["limit"], 100);
        let roots = send(&svc, admin(get("/admin/product-categories?parent_category_id=null&include_descendants_tree=true"))).await;
        assert_eq!(roots.body["count"], 2);
        assert_eq!(roots.body["product_categories"][0]["category_children"][0]["category_children"][0]["name"], "Cashmere");
        let internal = send(&svc, admin(get("/admin/product-categories?is_internal=true"))).await;
        assert_eq!(internal.body["count"], 1);
        let q = send(&svc, admin(get("/admin/product-categories?q=MEN&handle=nothing"))).await;
        assert_eq!(q.body["count"], 2);
        let children_of = send(&svc, admin(get(&format!("/admin/product-categories?parent_category_id={mens_id}&fields=name")))).await;
        let first = children_of.body["product_categories"][0].as_object().unwrap();
        let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["category_children", "created_at", "id", "name", "parent_category"]);
        assert_eq!(first["id"], json!(sweater_id));
        assert_eq!(first["category_children"][0]["name"], "Cashmere");

        // Moving within the same parent shifts the siblings in between.
        let moved = send(&svc, admin(post(&format!("/admin/product-categories/{}", shirts["id"].as_str().unwrap()), json!({"rank": 0})))).await;
        assert_eq!(moved.status, 200, "{}", moved.text);
        assert_eq!(moved.body["product_category"]["rank"], 0);
        let parent = send(&svc, admin(get(&format!("/admin/product-categories/{mens_id}")))).await;
        assert_eq!(ids_and_ranks(&parent.body["product_category"]["category_children"]), [("Shirts".to_owned(), 0), ("Sweater".to_owned(), 1)]);
        // A rank past the end is the last place.
        let last = send(&svc, admin(post(&format!("/admin/product-categories/{}", shirts["id"].as_str().unwrap()), json!({"rank": 99})))).await;
        assert_eq!(last.body["product_category"]["rank"], 1);
        // Moving under another parent closes the gap and appends, and the subtree moves along.
        let reparented = send(&svc, admin(post(&format!("/admin/product-categories/{sweater_id}"), json!({"parent_category_id": womens["id"]})))).await;
        assert_eq!(reparented.status, 200, "{}", reparented.text);
        assert_eq!(reparented.body["product_category"]["rank"], 0);
        assert_eq!(reparented.body["product_category"]["parent_category"]["name"], "Womens");
        let stored = rows(&app).await;
        let path = |handle: &str| stored.iter().find(|r| r.handle == handle).unwrap().mpath.clone().unwrap();
        assert!(path("cashmere").starts_with(&format!("{}.{sweater_id}.", womens["id"].as_str().unwrap())));
        assert_eq!(stored.iter().find(|r| r.handle == "shirts").unwrap().rank, 0);

        let invalid = send(&svc, admin(post(&format!("/admin/product-categories/{sweater_id}"), json!({"rank": -1, "handle": "", "foo": 1})))).await;
        assert_eq!(invalid.body["message"], "property foo should not exist, handle should not be empty, rank must not be less than 0");
        let no_name = send(&svc, admin(post("/admin/product-categories", json!({"rank": 1})))).await;
        assert_eq!(no_name.body["message"], "property rank should not exist, name should not be empty, name must be a string");
        let null_description = send(&svc, admin(post("/admin/product-categories", json!({"name": "x", "description": null})))).await;
        assert_eq!(null_description.status, 400);
        let taken = send(&svc, admin(post("/admin/product-categories", json!({"name": "Mens"})))).await;
        assert_eq!(taken.status, 422);
        assert_eq!(taken.body["message"], "Product_category with handle mens already exists.");
        let update_missing = send(&svc, admin(post("/admin/product-categories/nope", json!({"name": "x"})))).await;
        assert_eq!(update_missing.status, 404);

        // Deleting: refused with children, idempotent when missing, siblings re-ranked.
        let refused = send(&svc, admin(delete(&format!("/admin/product-categories/{mens_id}")))).await;
        assert_eq!(refused.status, 400);
        assert_eq!(refused.body, json!({"type": "not_allowed", "message": format!("Deleting ProductCategory ({mens_id}) with category children is not allowed")}));
        let extra = create(&svc, json!({"name": "Extra", "parent_category_id": mens_id})).await;
        assert_eq!(extra["rank"], 1);
        let shirts_id = shirts["id"].as_str().unwrap();
        let removed = send(&svc, admin(delete(&format!("/admin/product-categories/{shirts_id}")))).await;
        assert_eq!(removed.body, json!({"id": shirts_id, "object": "product-category", "deleted": true}));
        let extra_row = product_category::Entity::find_by_id(extra["id"].as_str().unwrap()).one(&app.db).await.unwrap().unwrap();
        assert_eq!(extra_row.rank, 0);
        let again = send(&svc, admin(delete(&format!("/admin/product-categories/{shirts_id}")))).await;
        assert_eq!(again.status, 200);

        let events = event_outbox::Entity::find()
            .filter(event_outbox::Column::Name.starts_with("product-category."))
            .count(&app.db)
            .await
            .unwrap();
        // 6 created, 3 updated, 1 deleted.
        assert_eq!(events, 10);
    }
}

on_both_backends! {
    flags = categories_on();
    async fn product_batches(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        let category = create(&svc, json!({"name": "Tops"})).await;
        let id = category["id"].as_str().unwrap().to_owned();
        let path = format!("/admin/product-categories/{id}/products/batch");

        let unknown = send(&svc, admin(post(&path, json!({"product_ids": [{"id": "prod_ref_tshirt"}, {"id": "product-id-invalid"}]})))).await;
        assert_eq!(unknown.status, 400);
        assert_eq!(unknown.body, json!({
            "errors": ["Products product-id-invalid do not exist"],
            "message": "Provided request body contains errors. Please check the data and retry the request",
        }));
        let malformed = send(&svc, admin(post(&path, json!({"product_ids": [{}]})))).await;
        assert_eq!(malformed.body["message"], "id must be a string");
        let missing_category = send(&svc, admin(post("/admin/product-categories/invalid-category-id/products/batch", json!({"product_ids": []})))).await;
        assert_eq!(missing_category.status, 404);
        assert_eq!(missing_category.body, json!({"type": "not_found", "message": "ProductCategory with id: invalid-category-id was not found"}));
        let bad_expand = send(&svc, admin(post(&format!("{path}?expand=products"), json!({"product_ids": []})))).await;
        assert_eq!(bad_expand.body, json!({"type": "invalid_data", "message": "Requested fields [products] are not valid"}));

        let added = send(&svc, admin(post(&path, json!({"product_ids": [{"id": "prod_ref_tshirt"}, {"id": "prod_ref_shorts"}]})))).await;
        assert_eq!(added.status, 200, "{}", added.text);
        insta::assert_json_snapshot!("product_categories_add_products", redact(&added.body));
        // Adding again is harmless.
        let again = send(&svc, admin(post(&path, json!({"product_ids": [{"id": "prod_ref_tshirt"}]})))).await;
        assert_eq!(again.status, 200, "{}", again.text);
        let links = || product_category_product::Entity::find().filter(product_category_product::Column::ProductCategoryId.eq(id.clone())).count(&app.db);
        assert_eq!(links().await.unwrap(), 2);
        let removed = send(&svc, admin(delete(&path).set_json(json!({"product_ids": [{"id": "prod_ref_shorts"}]})))).await;
        assert_eq!(removed.status, 200, "{}", removed.text);
        assert_eq!(removed.body["product_category"]["id"], json!(id));
        assert_eq!(links().await.unwrap(), 1);
        // Deleting the category takes its product links with it.
        send(&svc, admin(delete(&format!("/admin/product-categories/{id}")))).await;
        assert_eq!(links().await.unwrap(), 0);
    }
}

on_both_backends! {
    flags = categories_on();
    async fn products_carry_their_categories_with_the_flag(app) {
        let svc = app.service().await;
        let shoes = create(&svc, json!({"name": "Shoes"})).await;
        let boots = create(&svc, json!({"name": "Boots"})).await;
        let created = send(&svc, admin(post("/admin/products", json!({
            "title": "Hiking boot",
            "categories": [{"id": shoes["id"]}, {"id": boots["id"]}],
        })))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        let ids = |product: &Value| -> Vec<String> {
            let mut ids: Vec<String> = product["categories"].as_array().unwrap().iter()
                .map(|c| c["id"].as_str().unwrap().to_owned()).collect();
            ids.sort();
            ids
        };
        let mut both = vec![shoes["id"].as_str().unwrap().to_owned(), boots["id"].as_str().unwrap().to_owned()];
        both.sort();
        assert_eq!(ids(&created.body["product"]), both);
        let id = created.body["product"]["id"].as_str().unwrap().to_owned();

        // Default relations of every product answer include them.
        let read = send(&svc, admin(get(&format!("/admin/products/{id}")))).await;
        assert_eq!(ids(&read.body["product"]), both);
        let listed = send(&svc, admin(get("/admin/products"))).await;
        assert_eq!(ids(&listed.body["products"][0]), both);

        let cleared = send(&svc, admin(post(&format!("/admin/products/{id}"), json!({"categories": []})))).await;
        assert_eq!(cleared.body["product"]["categories"], json!([]));
        let missing = send(&svc, admin(post("/admin/products", json!({
            "title": "Lost", "categories": [{"id": "pcat_missing"}],
        })))).await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body["message"], "Product_category with product_category_id pcat_missing does not exist.");
    }
}

on_both_backends! {
    async fn without_the_flag_categories_are_not_served(app) {
        let svc = app.service().await;
        let listed = send(&svc, admin(get("/admin/product-categories"))).await;
        assert_eq!(listed.status, 404, "{}", listed.text);
        let product = send(&svc, admin(post("/admin/products", json!({"title": "Plain"})))).await;
        assert_eq!(product.status, 200, "{}", product.text);
        assert!(product.body["product"].get("categories").is_none(), "{}", product.text);
    }
}
