//! HTTP tests of `/admin/products`.
//!
//! Reads run over the reference catalog fixture (`load_reference_catalog`) and are compared
//! with the reference server's recorded answers (`capture.sh`). Medusa loads nested relations
//! without an ORDER BY, so their order is whatever PostgreSQL's plan yields; comparisons sort
//! every nested array of objects by id (variants keep their `variant_rank` order).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use medusa_test_support::on_both_backends;
use serde_json::Value;

use crate::support::*;

/// Nested arrays of objects sorted by id, except `variants` (ranked) and top-level lists
/// (ordered by the query); then redacted.
/// `body` with the items of its list `key` sorted by their `field`, then [`canonical`]: for
/// lists whose rows tie on Medusa's default order (fixture rows share their `created_at`).
pub fn sorted_by(mut body: Value, key: &str, field: &str) -> Value {
    if let Some(Value::Array(items)) = body.get_mut(key) {
        items.sort_by_key(|item| item[field].as_str().unwrap_or_default().to_owned());
    }
    canonical(&body)
}

pub fn canonical(value: &Value) -> Value {
    fn sort(value: &mut Value, depth: usize) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map.iter_mut() {
                    if let Value::Array(items) = inner {
                        if depth > 0 && key != "variants" {
                            items.sort_by_key(|item| {
                                item["id"].as_str().unwrap_or_default().to_owned()
                            });
                        }
                    }
                    sort(inner, depth + 1);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|item| sort(item, depth)),
            _ => {}
        }
    }
    let mut copy = value.clone();
    sort(&mut copy, 0);
    redact(&copy)
}

/// Our answer to `path` on the fixture equals the recorded reference answer `name`.
pub async fn assert_matches_reference<S, B>(svc: &S, path: &str, name: &str)
where
    S: TestService<B>,
    B: actix_web::body::MessageBody,
{
    let res = send(svc, admin(get(path))).await;
    let expected = reference(name);
    let status = if expected.get("type").is_some() {
        404
    } else {
        200
    };
    assert_eq!(res.status, status, "{path}: {}", res.text);
    assert_eq!(
        canonical(&res.body),
        canonical(&expected),
        "{path} differs from {name}"
    );
}

on_both_backends! {
    async fn reads_match_medusa(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        for (path, name) in [
            ("/admin/products", "products-list"),
            ("/admin/products?limit=2&offset=1&order=title", "products-list-page"),
            ("/admin/products?q=shirt", "products-list-q"),
            ("/admin/products?q=REF-MUG", "products-list-q-sku"),
            ("/admin/products?status%5B%5D=published&is_giftcard=false&collection_id%5B%5D=pcol_ref_summer", "products-list-filters"),
            ("/admin/products?tags%5B%5D=ptag_01M807R3BA37VC8P4ZR5W3T848", "products-list-tags"),
            ("/admin/products?sales_channel_id%5B%5D=sc_01M807QXVVEW67CAJWWJGZ679C&limit=3", "products-list-sales-channel"),
            ("/admin/products?expand=variants,collection&fields=title,handle&order=created_at", "products-list-expand"),
            ("/admin/products?fields=title&limit=2", "products-list-fields"),
            ("/admin/products?fields=title,tags&expand=&order=title", "products-list-fields-relation"),
            ("/admin/products?q=mug&title=nothing", "products-list-title-with-q"),
            ("/admin/products/prod_ref_tshirt", "products-get"),
            ("/admin/products/prod_ref_mug?expand=tags,type&fields=title", "products-get-expand"),
            ("/admin/products/prod_missing", "products-get-missing"),
            ("/admin/products/prod_ref_tshirt/variants?limit=3&offset=2&order=title", "products-variants-page"),
            ("/admin/products/prod_ref_mug/variants?q=mug", "products-variants-q"),
            ("/admin/products/types", "products-types"),
        ] {
            assert_matches_reference(&svc, path, name).await;
        }
        // The product's variants share one `created_at`: Medusa's default order leaves ties to
        // PostgreSQL, so this page is compared by id.
        let res = send(&svc, admin(get("/admin/products/prod_ref_tshirt/variants"))).await;
        assert_eq!(res.status, 200, "{}", res.text);
        let by_id = |mut body: Value| {
            if let Some(Value::Array(items)) = body.get_mut("variants") {
                items.sort_by_key(|v| v["id"].as_str().unwrap_or_default().to_owned());
            }
            canonical(&body)
        };
        assert_eq!(by_id(res.body), by_id(reference("products-variants")));
        // Tags used equally often come in no defined order in Medusa.
        let res = send(&svc, admin(get("/admin/products/tag-usage"))).await;
        let usage = |body: &Value| {
            let mut tags: Vec<(i64, String, String)> = body["tags"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| {
                    let count: i64 = t["usage_count"].as_str().unwrap().parse().unwrap();
                    (-count, t["value"].as_str().unwrap().to_owned(), t["id"].as_str().unwrap().to_owned())
                })
                .collect();
            tags.sort();
            tags
        };
        assert_eq!(usage(&res.body), usage(&reference("products-tag-usage")));
        let res = send(&svc, admin(get("/admin/products/prod_ref_tshirt"))).await;
        insta::assert_json_snapshot!("products_get", canonical(&res.body));
    }
}

on_both_backends! {
    async fn bad_queries_are_400s(app) {
        let svc = app.service().await;
        let res = send(&svc, admin(get("/admin/products?status%5B%5D=gone"))).await;
        assert_eq!(res.status, 400, "{}", res.text);
        let res = send(&svc, admin(get("/admin/products?expand=nope"))).await;
        assert_eq!(res.status, 400, "{}", res.text);
        assert_eq!(res.body["message"], "Requested fields [nope] are not valid");
        let res = send(&svc, admin(get("/admin/products?include_category_children=maybe"))).await;
        assert_eq!(res.status, 400, "{}", res.text);
    }
}

thread_local! {
    /// The `sqlx::query` events logged on this thread (one per statement sqlx executes).
    pub(crate) static SQLX_STATEMENTS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts, per thread, the statements sqlx logs: PostgreSQL's run on the calling thread,
/// whether sea-orm sent them or the product read model's raw reader did. Installed once as the
/// process's global subscriber (a thread-local one can miss events: tracing caches callsite
/// interest across threads).
struct StatementCounter;

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for StatementCounter {
    fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        if event.metadata().target() == "sqlx::query" {
            SQLX_STATEMENTS.with(|count| count.set(count.get() + 1));
        }
    }
}

pub(crate) fn count_sqlx_statements() {
    use tracing_subscriber::layer::SubscriberExt;
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        tracing::subscriber::set_global_default(
            tracing_subscriber::registry().with(StatementCounter),
        )
        .expect("no other global subscriber in this test binary");
    });
}

/// An app over `db` whose statements are counted: SQLite's through sea-orm's metric callback
/// (sqlx runs them on a worker thread, out of the thread's log), PostgreSQL's from sqlx's log
/// (which also sees the raw reader's held connection).
pub(crate) struct CountedApp {
    pub state: medusa_admin_http::AppState,
    sqlite: bool,
    statements: Arc<AtomicUsize>,
}

impl CountedApp {
    pub(crate) fn new(db: &sea_orm::DatabaseConnection) -> Self {
        count_sqlx_statements();
        let statements = Arc::new(AtomicUsize::new(0));
        let mut db = db.clone();
        let sqlite =
            sea_orm::ConnectionTrait::get_database_backend(&db) == sea_orm::DbBackend::Sqlite;
        if sqlite {
            let counter = statements.clone();
            db.set_metric_callback(move |_| {
                counter.fetch_add(1, Ordering::SeqCst);
            });
        }
        let state = medusa_admin_http::AppState::new(db, secrets(), tuning());
        Self {
            state,
            sqlite,
            statements,
        }
    }

    /// Starts counting from 0.
    pub(crate) fn reset(&self) {
        self.statements.store(0, Ordering::SeqCst);
        SQLX_STATEMENTS.with(|count| count.set(0));
    }

    /// The statements since the last [`CountedApp::reset`].
    pub(crate) fn count(&self) -> usize {
        if self.sqlite {
            self.statements.load(Ordering::SeqCst)
        } else {
            SQLX_STATEMENTS.with(std::cell::Cell::get)
        }
    }
}

on_both_backends! {
    async fn statements_per_product_page_do_not_grow(app) {
        count_sqlx_statements();
        load_reference_catalog(&app.db).await;
        let statements = Arc::new(AtomicUsize::new(0));
        // SQLite is always read through sea-orm, whose metric callback sees every statement
        // (sqlx runs SQLite's on a worker thread, out of the thread's log); PostgreSQL's are
        // counted from sqlx's log, which also sees the raw reader's.
        let mut db = app.db.clone();
        if sea_orm::ConnectionTrait::get_database_backend(&db) == sea_orm::DbBackend::Sqlite {
            let counter = statements.clone();
            db.set_metric_callback(move |_| {
                counter.fetch_add(1, Ordering::SeqCst);
            });
        }
        let counted = medusa_admin_http::AppState::new(db, secrets(), tuning());
        let svc = actix_web::test::init_service(medusa_admin_http::app(counted)).await;
        let mut per_page = Vec::new();
        let sqlite = sea_orm::ConnectionTrait::get_database_backend(&app.db) == sea_orm::DbBackend::Sqlite;
        // Once per server, the first product read asks whether the inventory modules' tables
        // exist (`medusa_inventory::Modules`); pages are counted after it.
        send(&svc, admin(get("/admin/products?limit=1"))).await;
        for limit in [1, 7] {
            statements.store(0, Ordering::SeqCst);
            SQLX_STATEMENTS.with(|count| count.set(0));
            let res = send(&svc, admin(get(&format!("/admin/products?limit={limit}")))).await;
            assert_eq!(res.status, 200, "{}", res.text);
            assert_eq!(res.body["products"].as_array().unwrap().len(), limit);
            per_page.push(if sqlite {
                statements.load(Ordering::SeqCst)
            } else {
                SQLX_STATEMENTS.with(std::cell::Cell::get)
            });
        }
        assert_eq!(per_page[0], per_page[1], "statements for limit 1 and 7: {per_page:?}");
        // API token, count, page, and 10 for the default relations: one statement per
        // relation level, a link table read joined with its targets, and the option values
        // read once for `variants.options` and `options.values`.
        assert_eq!(per_page[0], 13, "{per_page:?}");
    }
}
