//! HTTP tests of `/admin/customer-groups`.

use medusa_entity::{customer_group, customer_group_customers};
use medusa_test_support::on_both_backends;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use crate::customers::seed_reference_customers;
use crate::support::*;

on_both_backends! {
    async fn reads_match_medusa(app) {
        let ids = seed_reference_customers(&app).await;
        let svc = app.service().await;
        let list = send(&svc, admin(get("/admin/customer-groups"))).await;
        assert_eq!(list.status, 200, "{}", list.text);
        assert_eq!(redact(&list.body), redact(&reference("customer-groups-list")));
        insta::assert_json_snapshot!("customer_groups_list", redact(&list.body));
        let expanded = send(&svc, admin(get(&format!("/admin/customer-groups/{}?expand=customers", ids.vip)))).await;
        assert_eq!(redact(&expanded.body), redact(&reference("customer-groups-get-customers")));
        let members = send(&svc, admin(get(&format!("/admin/customer-groups/{}/customers", ids.vip)))).await;
        assert_eq!(redact(&members.body), redact(&reference("customer-groups-customers")));
        assert_eq!(members.body["customers"][0]["id"], json!(ids.jane));
        let missing = send(&svc, admin(get("/admin/customer-groups/cgrp_missing"))).await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body, reference("customer-groups-get-missing"));

        let q = send(&svc, admin(get("/admin/customer-groups?q=vi&fields=name"))).await;
        assert_eq!(redact(&q.body["customer_groups"]), json!([{"id": "[id]", "name": "VIP", "created_at": "[datetime]"}]));
        let by_name = send(&svc, admin(get("/admin/customer-groups?name[]=Other"))).await;
        assert_eq!(by_name.body["count"], 0);
        let by_condition = send(&svc, admin(get("/admin/customer-groups?discount_condition_id=discon_x"))).await;
        assert_eq!(by_condition.body["count"], 0);
    }
}

on_both_backends! {
    async fn writes(app) {
        let ids = seed_reference_customers(&app).await;
        let svc = app.service().await;
        let created = send(&svc, admin(post("/admin/customer-groups", json!({"name": "Wholesale", "metadata": {"a": 1}})))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        insta::assert_json_snapshot!("customer_groups_create", redact(&created.body));
        let id = created.body["customer_group"]["id"].as_str().unwrap().to_owned();
        let duplicate = send(&svc, admin(post("/admin/customer-groups", json!({"name": "VIP"})))).await;
        assert_eq!(duplicate.status, 422);
        assert_eq!(duplicate.body, json!({"code": "invalid_request_error", "type": "duplicate_error", "message": "Key (name)=(VIP) already exists."}));
        let invalid = send(&svc, admin(post("/admin/customer-groups", json!({})))).await;
        assert_eq!(invalid.body["message"], "name must be a string");

        let renamed_taken = send(&svc, admin(post(&format!("/admin/customer-groups/{id}"), json!({"name": "VIP"})))).await;
        assert_eq!(renamed_taken.status, 422);
        assert_eq!(renamed_taken.body["message"], "Customer_group with name VIP already exists.");
        let updated = send(&svc, admin(post(&format!("/admin/customer-groups/{id}"), json!({"name": "Wholesale 2", "metadata": {"a": "", "b": 2}})))).await;
        assert_eq!(updated.status, 200, "{}", updated.text);
        insta::assert_json_snapshot!("customer_groups_update", redact(&updated.body));
        assert_eq!(updated.body["customer_group"]["metadata"], json!({"b": 2}));
        let missing = send(&svc, admin(post("/admin/customer-groups/cgrp_missing", json!({"name": "x"})))).await;
        assert_eq!(missing.status, 404);

        let added = send(&svc, admin(post(&format!("/admin/customer-groups/{id}/customers/batch"), json!({"customer_ids": [{"id": ids.max}, {"id": ids.john}]})))).await;
        assert_eq!(added.status, 200, "{}", added.text);
        assert!(added.body["customer_group"].get("customers").is_none());
        let twice = send(&svc, admin(post(&format!("/admin/customer-groups/{id}/customers/batch"), json!({"customer_ids": [{"id": ids.max}]})))).await;
        assert_eq!(twice.status, 200);
        let members = send(&svc, admin(get(&format!("/admin/customer-groups/{id}/customers?order=email")))).await;
        assert_eq!(members.body["count"], 2);
        assert_eq!(members.body["customers"][1]["groups"][0]["name"], "Wholesale 2");
        let unknown = send(&svc, admin(post(&format!("/admin/customer-groups/{id}/customers/batch"), json!({"customer_ids": [{"id": "cus_nope"}]})))).await;
        assert_eq!(unknown.status, 404);
        assert_eq!(unknown.body["message"], "The following customer ids do not exist: \"cus_nope\"");
        let no_group = send(&svc, admin(post("/admin/customer-groups/cgrp_missing/customers/batch", json!({"customer_ids": [{"id": ids.max}]})))).await;
        assert_eq!(no_group.body["message"], "CustomerGroup with id cgrp_missing was not found");

        let removed = send(&svc, admin(delete(&format!("/admin/customer-groups/{id}/customers/batch")).set_json(json!({"customer_ids": [{"id": ids.max}]})))).await;
        assert_eq!(removed.status, 200, "{}", removed.text);
        let members = send(&svc, admin(get(&format!("/admin/customer-groups/{id}/customers")))).await;
        assert_eq!(members.body["count"], 1);

        let deleted = send(&svc, admin(delete(&format!("/admin/customer-groups/{id}")))).await;
        assert_eq!(deleted.body, json!({"id": id, "object": "customer_group", "deleted": true}));
        let again = send(&svc, admin(delete(&format!("/admin/customer-groups/{id}")))).await;
        assert_eq!(again.status, 200);
        // Medusa 1.20 removes the row and its memberships outright.
        assert!(customer_group::Entity::find_by_id(id.as_str()).one(&app.db).await.unwrap().is_none());
        let memberships = customer_group_customers::Entity::find()
            .filter(customer_group_customers::Column::CustomerGroupId.eq(id.as_str()))
            .count(&app.db).await.unwrap();
        assert_eq!(memberships, 0);
    }
}
