//! The query grammar over HTTP: statement counts that do not grow with the page, and the v2
//! spellings answering what their v1 equivalents answer.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use medusa_test_support::on_both_backends;
use serde_json::json;

use crate::support::*;

/// Adds users until there are `total` (the seeded admin included).
async fn add_users(
    svc: &impl actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
        Error = actix_web::Error,
    >,
    total: usize,
) {
    for i in 1..total {
        let res = send(svc, admin(post("/admin/users", json!({
            "email": format!("user{i:03}@example.com"), "password": "pw", "first_name": format!("U{i:03}"),
            "role": if i % 2 == 0 { "member" } else { "developer" }
        })))).await;
        assert_eq!(res.status, 200, "{}", res.text);
    }
}

on_both_backends! {
    async fn statements_per_list_do_not_grow_with_the_page(app) {
        let seeding = app.service().await;
        add_users(&seeding, 30).await;

        let statements = Arc::new(AtomicUsize::new(0));
        let mut db = app.db.clone();
        let counter = statements.clone();
        db.set_metric_callback(move |_| {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        let counted = medusa_admin_http::AppState::new(db, secrets(), tuning());
        let svc = actix_web::test::init_service(medusa_admin_http::app(counted)).await;

        let mut per_page = Vec::new();
        for limit in [1, 10, 30] {
            statements.store(0, Ordering::SeqCst);
            let res = send(&svc, admin(get(&format!("/admin/users?limit={limit}")))).await;
            assert_eq!(res.status, 200, "{}", res.text);
            assert_eq!(res.body["users"].as_array().unwrap().len(), limit);
            per_page.push(statements.load(Ordering::SeqCst));
        }
        assert!(per_page.iter().all(|n| *n == per_page[0]), "statements per page size 1/10/30: {per_page:?}");
        // The API-token lookup, the count and the page.
        assert_eq!(per_page[0], 3, "{per_page:?}");
    }
}

on_both_backends! {
    async fn v2_spellings_answer_like_v1(app) {
        let svc = app.service().await;
        add_users(&svc, 6).await;
        let pairs = [
            ("/admin/users?created_at[gt]=2020-01-01&order=email", "/admin/users?created_at[$gt]=2020-01-01&order=email"),
            ("/admin/users?created_at[lt]=2020-01-01", "/admin/users?created_at%5B%24lt%5D=2020-01-01"),
            ("/admin/users?role[]=member&role[]=admin&order=email", "/admin/users?role[]=member,admin&order=email"),
            ("/admin/users?role[]=member&role[]=admin&order=email", "/admin/users?role[$in]=member,admin&order=email"),
            ("/admin/users?role[0]=developer&order=-email", "/admin/users?role%5B%5D=developer&order=-email"),
            ("/admin/users?email=user001@example.com", "/admin/users?email[$eq]=user001@example.com"),
            ("/admin/users?limit=2&offset=1&order=email", "/admin/users?order=email&offset=1&limit=2"),
            ("/admin/users?q=USER00&order=email", "/admin/users?q=user00&order=+email"),
        ];
        for (v1, v2) in pairs {
            let a = send(&svc, admin(get(v1))).await;
            let b = send(&svc, admin(get(v2))).await;
            assert_eq!(a.status, 200, "{v1}: {}", a.text);
            assert_eq!(a.body, b.body, "{v1} vs {v2}");
        }
        let ranged = send(&svc, admin(get("/admin/users?created_at[$gte]=2000-01-01&created_at[$lt]=2100-01-01T00:00:00Z"))).await;
        assert_eq!(ranged.body["count"], 6);
        let excluded = send(&svc, admin(get("/admin/users?role[$nin]=member&order=email"))).await;
        assert_eq!(excluded.body["count"], 4);
        let not_admin = send(&svc, admin(get("/admin/users?role[$ne]=admin"))).await;
        assert_eq!(not_admin.body["count"], 5);

        // v1 fields replace the defaults (id and created_at always come); v2 `+f`/`-f` adjust them.
        let v1 = send(&svc, admin(get("/admin/users?fields=email&limit=1&order=email"))).await;
        let keys: Vec<_> = v1.body["users"][0].as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["created_at", "email", "id"]);
        let v2 = send(&svc, admin(get("/admin/users?fields=-metadata,-deleted_at&limit=1&order=email"))).await;
        let user = v2.body["users"][0].as_object().unwrap();
        assert!(!user.contains_key("metadata") && !user.contains_key("deleted_at") && user.contains_key("role"));
    }
}

on_both_backends! {
    async fn malformed_queries_name_the_parameter(app) {
        let svc = app.service().await;
        for (uri, needle) in [
            ("/admin/users?order=password_hash", "password_hash"),
            ("/admin/users?limit=-1", "limit"),
            ("/admin/users?created_at[gt]=yesterday", "created_at"),
            ("/admin/users?role[$regex]=a", "role"),
            ("/admin/users?expand=orders", "orders"),
            ("/admin/users?fields=password_hash", "password_hash"),
            ("/admin/users?nope=1", "nope"),
        ] {
            let res = send(&svc, admin(get(uri))).await;
            assert_eq!(res.status, 400, "{uri}: {}", res.text);
            assert_eq!(res.body["type"], "invalid_data", "{uri}");
            assert!(res.body["message"].as_str().unwrap().contains(needle), "{uri}: {}", res.text);
        }
    }
}
