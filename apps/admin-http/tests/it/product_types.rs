//! HTTP tests of `/admin/product-types`.

use medusa_test_support::on_both_backends;
use serde_json::Value;

use crate::products::sorted_by;
use crate::support::*;

/// Every fixture row has the same `created_at`, so Medusa's default order leaves them in
/// whatever order PostgreSQL yields: compare the rows by value unless an order is given.
fn sorted(body: Value) -> Value {
    sorted_by(body, "product_types", "value")
}

on_both_backends! {
    async fn reads_match_medusa(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        for (path, name) in [
            ("/admin/product-types", "product-types-list"),
            ("/admin/product-types?q=an&order=value", "product-types-list-q"),
        ] {
            let res = send(&svc, admin(get(path))).await;
            assert_eq!(res.status, 200, "{path}: {}", res.text);
            assert_eq!(sorted(res.body), sorted(reference(name)), "{path}");
        }
    }
}
