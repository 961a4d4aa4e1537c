//! HTTP tests of `/admin/payment-collections/{id}`: the answers a private Medusa 1.20.10 gave
//! for a collection of 10000 in the reference seed's EU region (ids and times redacted).

use medusa_entity::sea_orm_active_enums::PaymentCollectionStatusEnum;
use medusa_entity::{event_outbox, payment_collection};
use medusa_test_support::builders::PaymentCollectionBuilder;
use medusa_test_support::{on_both_backends, redact};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use crate::support::*;

on_both_backends! {
    async fn a_payment_collection_as_medusa_shows_and_changes_it(app) {
        load_reference_catalog(&app.db).await;
        let col = PaymentCollectionBuilder::new("reg_ref_eu", "eur", 10000)
            .description("paycol description")
            .insert(&app.db)
            .await;
        let svc = app.service().await;
        let path = format!("/admin/payment-collections/{}", col.id);

        let res = send(&svc, admin(get(&path))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let region = &res.body["payment_collection"]["region"];
        assert_eq!(region["id"], "reg_ref_eu");
        let expected = json!({"payment_collection": {
            "id": col.id, "type": "order_edit", "status": "not_paid",
            "description": "paycol description", "amount": 10000, "authorized_amount": null,
            "currency_code": "eur", "metadata": null, "payment_sessions": [], "payments": [],
            "region": region.clone()}});
        assert_eq!(res.body, expected);

        let res = send(&svc, admin(get(&format!("{path}?expand=currency&fields=id,amount")))).await;
        assert_eq!(res.body, json!({"payment_collection": {"id": col.id, "amount": 10000,
            "currency": {"code": "eur", "symbol": "€", "symbol_native": "€", "name": "Euro"}}}));

        let res = send(&svc, admin(post(&path, json!({"description": 3, "x": 1})))).await;
        assert_eq!(res.status, 400);
        assert_eq!(res.body["message"], "property x should not exist, description must be a string");

        let res = send(&svc, admin(post(&path, json!({"description": "new", "metadata": {"a": 1}})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        let updated = json!({"payment_collection": {
            "id": "[id]", "created_at": "[datetime]", "updated_at": "[datetime]", "deleted_at": null,
            "type": "order_edit", "status": "not_paid", "description": "new", "amount": 10000,
            "authorized_amount": null, "region_id": "reg_ref_eu", "currency_code": "eur",
            "metadata": {"a": 1}, "created_by": "admin_user"}});
        assert_eq!(redact(&res.body), redact(&updated));

        let res = send(&svc, admin(post(&format!("{path}/authorize"), json!({})))).await;
        assert_eq!(res.status, 200, "{}", res.body);
        assert_eq!(res.body["payment_collection"]["status"], "authorized");
        assert_eq!(res.body["payment_collection"]["authorized_amount"], 10000);

        let res = send(&svc, admin(delete(&path))).await;
        assert_eq!(res.status, 400);
        assert_eq!(res.body["message"], "Cannot delete payment collection with status authorized");

        for name in ["payment-collection.updated", "payment-collection.payment_authorized"] {
            let count = event_outbox::Entity::find()
                .filter(event_outbox::Column::Name.eq(name))
                .count(&app.db)
                .await
                .unwrap();
            assert_eq!(count, 1, "{name}");
        }
    }
}

on_both_backends! {
    async fn deleting_and_missing_collections(app) {
        load_reference_catalog(&app.db).await;
        let col = PaymentCollectionBuilder::new("reg_ref_eu", "eur", 500)
            .status(PaymentCollectionStatusEnum::Canceled)
            .insert(&app.db)
            .await;
        let svc = app.service().await;
        let res = send(&svc, admin(delete(&format!("/admin/payment-collections/{}", col.id)))).await;
        assert_eq!(res.status, 200);
        assert_eq!(res.body, json!({"id": col.id, "deleted": true, "object": "payment_collection"}));
        assert_eq!(payment_collection::Entity::find().count(&app.db).await.unwrap(), 0);

        // A missing collection deletes without an error, and is otherwise not found.
        let res = send(&svc, admin(delete("/admin/payment-collections/paycol_nope"))).await;
        assert_eq!(res.body, json!({"id": "paycol_nope", "deleted": true, "object": "payment_collection"}));
        for req in [get("/admin/payment-collections/paycol_nope"), post("/admin/payment-collections/paycol_nope/authorize", json!({}))] {
            let res = send(&svc, admin(req)).await;
            assert_eq!(res.status, 404);
            assert_eq!(res.body["message"], "Payment collection with id paycol_nope was not found");
        }
    }
}
