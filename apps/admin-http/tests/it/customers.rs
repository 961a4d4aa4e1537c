//! HTTP tests of `/admin/customers`.

use medusa_entity::customer;
use medusa_test_support::builders::{CustomerBuilder, CustomerGroupBuilder};
use medusa_test_support::on_both_backends;
use sea_orm::EntityTrait;
use serde_json::json;

use crate::support::*;

/// Ids of the reference seed's customers and group, as inserted by [`seed_reference_customers`].
pub struct ReferenceCustomers {
    pub jane: String,
    pub john: String,
    pub max: String,
    pub vip: String,
}

/// The reference seed's customers (Jane and Max registered, John a guest) and its `VIP` group
/// holding Jane, inserted as rows so answers compare with the reference server's.
pub async fn seed_reference_customers(app: &TestApp) -> ReferenceCustomers {
    let now = medusa_core::time::now();
    let vip = CustomerGroupBuilder::new("VIP")
        .metadata(json!({"ref": "seed"}))
        .created_at(now)
        .insert(&app.db)
        .await;
    let jane = CustomerBuilder::new("jane.doe@example.com")
        .name("Jane", "Doe")
        .phone("+4912345678")
        .account("x")
        .metadata(json!({"ref": "seed"}))
        .group(&vip.id)
        .created_at(now)
        .insert(&app.db)
        .await;
    let max = CustomerBuilder::new("max.mustermann@example.com")
        .name("Max", "Mustermann")
        .account("x")
        .created_at(now)
        .insert(&app.db)
        .await;
    let john = CustomerBuilder::new("john.smith@example.com")
        .created_at(now)
        .insert(&app.db)
        .await;
    ReferenceCustomers {
        jane: jane.id,
        john: john.id,
        max: max.id,
        vip: vip.id,
    }
}

on_both_backends! {
    async fn reads_match_medusa(app) {
        let ids = seed_reference_customers(&app).await;
        let svc = app.service().await;
        let by_email = send(&svc, admin(get("/admin/customers?order=email"))).await;
        assert_eq!(by_email.status, 200, "{}", by_email.text);
        assert_eq!(redact(&by_email.body), redact(&reference("customers-list-by-email")));
        insta::assert_json_snapshot!("customers_list_by_email", redact(&by_email.body));

        let q = send(&svc, admin(get("/admin/customers?q=DOE&has_account=true"))).await;
        assert_eq!(redact(&q.body), redact(&reference("customers-list-q")));
        let grouped = send(&svc, admin(get(&format!("/admin/customers?groups%5B%5D={}", ids.vip)))).await;
        assert_eq!(redact(&grouped.body), redact(&reference("customers-list-groups")));
        let guests = send(&svc, admin(get("/admin/customers?has_account=false"))).await;
        assert_eq!(guests.body["count"], 1);
        assert_eq!(guests.body["customers"][0]["id"], json!(ids.john));
        let page = send(&svc, admin(get("/admin/customers?order=-email&limit=1&offset=2&expand=groups"))).await;
        assert_eq!(page.body["customers"][0]["email"], "jane.doe@example.com");
        assert_eq!(page.body["customers"][0]["groups"][0]["name"], "VIP");
        assert_eq!((page.body["count"].clone(), page.body["limit"].clone(), page.body["offset"].clone()), (json!(3), json!(1), json!(2)));

        let max = send(&svc, admin(get(&format!("/admin/customers/{}", ids.max)))).await;
        assert_eq!(redact(&max.body), redact(&reference("customers-get-max")));
        let max_groups = send(&svc, admin(get(&format!("/admin/customers/{}?expand=groups", ids.max)))).await;
        assert_eq!(redact(&max_groups.body), redact(&reference("customers-get-max-groups")));
        let empty_expand = send(&svc, admin(get(&format!("/admin/customers/{}?expand=&fields=email", ids.max)))).await;
        assert_eq!(redact(&empty_expand.body), redact(&reference("customers-get-max")));
        let missing = send(&svc, admin(get("/admin/customers/cus_missing"))).await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body, reference("customers-get-missing"));

        let bad = send(&svc, admin(get("/admin/customers?expand=nope"))).await;
        assert_eq!(bad.status, 400);
        let unknown = send(&svc, admin(get("/admin/customers?foo=1"))).await;
        assert_eq!(unknown.body["message"], "property foo should not exist");
    }
}

on_both_backends! {
    async fn create_and_update(app) {
        let ids = seed_reference_customers(&app).await;
        let svc = app.service().await;
        let created = send(&svc, admin(post("/admin/customers", json!({
            "email": "New.Customer@Example.com", "first_name": "New", "last_name": "Customer",
            "password": "secret", "metadata": {"x": 1}
        })))).await;
        assert_eq!(created.status, 201, "{}", created.text);
        insta::assert_json_snapshot!("customers_create", redact(&created.body));
        assert!(created.body["customer"].get("password_hash").is_none());
        let id = created.body["customer"]["id"].as_str().unwrap().to_owned();
        let stored = customer::Entity::find_by_id(id.as_str()).one(&app.db).await.unwrap().unwrap();
        let hash = stored.password_hash.unwrap();
        assert!(medusa_auth::verify_password("secret", &hash).is_valid());

        let again = send(&svc, admin(post("/admin/customers", json!({
            "email": "new.customer@example.com", "first_name": "A", "last_name": "B", "password": "x"
        })))).await;
        assert_eq!(again.status, 422);
        insta::assert_json_snapshot!("customers_create_duplicate", again.body);
        // A guest may share the e-mail of a new account.
        let over_guest = send(&svc, admin(post("/admin/customers", json!({
            "email": "john.smith@example.com", "first_name": "John", "last_name": "Smith", "password": "x"
        })))).await;
        assert_eq!(over_guest.status, 201, "{}", over_guest.text);
        let invalid = send(&svc, admin(post("/admin/customers", json!({})))).await;
        assert_eq!(invalid.body["message"], "email must be an email, first_name must be a string, last_name must be a string, password must be a string");
        let unknown = send(&svc, admin(post("/admin/customers", json!({"email": "a@b.co", "first_name": "a", "last_name": "b", "password": "x", "foo": 1})))).await;
        assert_eq!(unknown.body["message"], "property foo should not exist");

        let locked = send(&svc, admin(post(&format!("/admin/customers/{id}"), json!({"email": "z@z.com"})))).await;
        assert_eq!(locked.status, 400);
        assert_eq!(locked.body["message"], "Email cannot be changed when the user has registered their account");

        let updated = send(&svc, admin(post(&format!("/admin/customers/{id}"), json!({
            "first_name": "N", "phone": "123", "metadata": {"x": "", "y": 2}, "groups": [{"id": ids.vip}], "password": "changed"
        })))).await;
        assert_eq!(updated.status, 200, "{}", updated.text);
        insta::assert_json_snapshot!("customers_update", redact(&updated.body));
        assert_eq!(updated.body["customer"]["metadata"], json!({"y": 2}));
        let stored = customer::Entity::find_by_id(id.as_str()).one(&app.db).await.unwrap().unwrap();
        assert!(medusa_auth::verify_password("changed", &stored.password_hash.unwrap()).is_valid());

        let with_groups = send(&svc, admin(get(&format!("/admin/customers/{id}?expand=groups")))).await;
        assert_eq!(with_groups.body["customer"]["groups"][0]["id"], json!(ids.vip));
        let cleared = send(&svc, admin(post(&format!("/admin/customers/{id}?expand=groups"), json!({"groups": []})))).await;
        assert_eq!(cleared.body["customer"]["groups"], json!([]));
        let unknown_group = send(&svc, admin(post(&format!("/admin/customers/{id}"), json!({"groups": [{"id": "cgrp_nope"}]})))).await;
        assert_eq!(unknown_group.status, 404);
        assert_eq!(unknown_group.body["message"], "Customer_group with customer_group_id cgrp_nope does not exist.");
        let no_id = send(&svc, admin(post(&format!("/admin/customers/{id}"), json!({"groups": [{}]})))).await;
        assert_eq!(no_id.body["message"], "id must be a string");
        let missing = send(&svc, admin(post("/admin/customers/cus_missing", json!({"first_name": "x"})))).await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body["message"], "Customer with id: cus_missing was not found");

        // The guest's e-mail may change.
        let guest = send(&svc, admin(post(&format!("/admin/customers/{}", ids.john), json!({"email": "john@example.com"})))).await;
        assert_eq!(guest.body["customer"]["email"], "john@example.com");
    }
}
