//! The admin API mounted inside a host's own actix app, under a prefix, beside the host's
//! routes: authentication, public routes and Medusa's error shapes stay inside what it mounts.

use actix_web::{test::TestRequest, web, App, HttpResponse};
use medusa_test_support::on_both_backends;
use serde_json::json;

use crate::support::*;

#[derive(serde::Deserialize)]
struct Echo {
    text: String,
}

async fn echo(body: web::Json<Echo>) -> HttpResponse {
    HttpResponse::Ok().body(body.into_inner().text)
}

async fn host_health() -> HttpResponse {
    HttpResponse::Ok().body("host is fine")
}

on_both_backends! {
    async fn mounted_under_a_prefix_the_api_keeps_to_itself(app) {
        let host = actix_web::test::init_service(
            App::new()
                .route("/echo", web::post().to(echo))
                .route("/health", web::get().to(host_health))
                .service(web::scope("/shop").configure(medusa_admin_http::configure(app.state.clone()))),
        )
        .await;

        // Logging in is public under the prefix; a protected route wants the credential.
        let login = send(&host, post("/shop/admin/auth/token", login_body())).await;
        assert_eq!(login.status, 200, "{}", login.text);
        let token = login.body["access_token"].as_str().unwrap().to_owned();
        let anonymous = send(&host, get("/shop/admin/products")).await;
        assert_eq!(anonymous.status, 401, "{}", anonymous.text);
        let unknown = send(&host, get("/shop/admin/nothing-here")).await;
        assert_eq!(unknown.status, 401, "{}", unknown.text);
        let bearer = |req: TestRequest| req.insert_header(("authorization", format!("Bearer {token}")));
        let products = send(&host, bearer(get("/shop/admin/products?limit=1"))).await;
        assert_eq!(products.status, 200, "{}", products.text);
        assert!(products.body["products"].is_array(), "{}", products.text);
        let created = send(&host, bearer(post("/shop/admin/products", json!({"title": "Embedded"})))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        assert_eq!(created.body["product"]["handle"], "embedded");
        let bad = send(&host, bearer(TestRequest::post().uri("/shop/admin/products")
            .insert_header(("content-type", "application/json")).set_payload("{"))).await;
        assert_eq!(bad.status, 400);
        assert_eq!(bad.body["type"], "invalid_data", "{}", bad.text);

        // The host's own routes keep the host's behaviour: actix's own JSON error (not
        // Medusa's envelope), and its own /health.
        let echo_bad = send(&host, TestRequest::post().uri("/echo")
            .insert_header(("content-type", "application/json")).set_payload("{")).await;
        assert_eq!(echo_bad.status, 400);
        assert!(echo_bad.body.get("type").is_none(), "{}", echo_bad.text);
        let health = send(&host, get("/health")).await;
        assert_eq!(health.text, "host is fine");
    }
}

on_both_backends! {
    /// A host runs the boot steps and the background work itself: events recorded by the
    /// mounted API are delivered, and stopping the host's handle stops the work.
    async fn a_host_runs_the_boot_steps_and_the_background_work(app) {
        use medusa_entity::event_outbox;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

        medusa_admin_http::bootstrap::prepare(&app.state).await.unwrap();
        let background = medusa_admin_http::background::start(&app.state, &app.db).await.unwrap();
        let host = actix_web::test::init_service(
            App::new().service(web::scope("/shop").configure(medusa_admin_http::configure(app.state.clone()))),
        )
        .await;
        let token = send(&host, post("/shop/admin/auth/token", login_body())).await.body["access_token"]
            .as_str()
            .unwrap()
            .to_owned();
        let created = send(&host, post("/shop/admin/products", json!({"title": "Delivered"}))
            .insert_header(("authorization", format!("Bearer {token}")))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        // The product got the default shipping profile the boot steps created.
        assert!(created.body["product"]["profile_id"].is_string(), "{}", created.text);

        let id = created.body["product"]["id"].as_str().unwrap().to_owned();
        let delivered = || async {
            event_outbox::Entity::find()
                .filter(event_outbox::Column::Name.eq("product.created"))
                .filter(event_outbox::Column::ResourceId.eq(id.as_str()))
                .one(&app.db)
                .await
                .unwrap()
                .and_then(|event| event.delivered_at)
                .is_some()
        };
        let mut waited = 0;
        while !delivered().await && waited < 100 {
            actix_web::rt::time::sleep(std::time::Duration::from_millis(100)).await;
            waited += 1;
        }
        assert!(delivered().await, "product.created was not delivered within 10 s");
        background.stop().await;
    }
}
