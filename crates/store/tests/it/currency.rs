use medusa_core::Error;
use medusa_store::{CurrencyService, SeaCurrencyService, CURRENCY_LIST};
use sea_orm::ConnectionTrait;
use serde_json::Value;

use crate::reference;
use medusa_test_support::TestDb;

/// Where we knowingly answer differently from Medusa: its 500 for an unknown `order`
/// becomes a 400, and its `includes_tax` message gains the usual "property" prefix.
const DEVIATIONS: &[(&str, u16, &str)] = &[
    (
        "get-currencies-unknown-order",
        400,
        "Order field foo is not valid",
    ),
    (
        "get-currencies-includes-tax",
        400,
        "property includes_tax should not exist",
    ),
];

async fn list(
    service: &SeaCurrencyService,
    backend: sea_orm::DbBackend,
    query: &str,
) -> Result<Value, Error> {
    let raw = medusa_query_dsl::parse(query)?;
    let plan = medusa_query_dsl::plan(&CURRENCY_LIST, &raw, backend)?;
    Ok(serde_json::to_value(service.list(&plan).await?).unwrap())
}

/// Every recorded `GET /admin/currencies`, answered from the migrated currency rows.
#[tokio::test]
async fn lists_answer_what_medusa_answers() {
    for t in TestDb::both().await {
        let service = SeaCurrencyService::new(t.db.clone(), medusa_core::FeatureFlags::default());
        let backend = t.db.get_database_backend();
        let mut checked = 0;
        for exchange in reference::exchanges() {
            let Some(query) = exchange.path.strip_prefix("/currencies") else {
                continue;
            };
            if exchange.method != "GET" {
                continue;
            }
            let query = query.strip_prefix('?').unwrap_or(query);
            let (status, body) = match list(&service, backend, query).await {
                Ok(page) => (200, page),
                Err(err) => (err.status(), serde_json::to_value(err.body()).unwrap()),
            };
            let expected = match DEVIATIONS.iter().find(|(name, ..)| *name == exchange.name) {
                Some((_, status, message)) => (
                    *status,
                    serde_json::json!({"type": "invalid_data", "message": message}),
                ),
                None => (exchange.status, exchange.response.clone()),
            };
            assert_eq!(
                (status, body),
                expected,
                "{} on {}",
                exchange.name,
                t.label()
            );
            checked += 1;
        }
        assert_eq!(checked, 16, "{}", t.label());
    }
}

#[tokio::test]
async fn search_escapes_like_wildcards() {
    for t in TestDb::both().await {
        let service = SeaCurrencyService::new(t.db.clone(), medusa_core::FeatureFlags::default());
        let backend = t.db.get_database_backend();
        // Medusa passes `%` and `_` into ILIKE unescaped and so matches everything.
        for query in ["q=%25", "q=_"] {
            let page = list(&service, backend, query).await.unwrap();
            assert_eq!(page["count"], 0, "{query} on {}", t.label());
        }
        let page = list(&service, backend, "q=DOLLAR&order=code&limit=2")
            .await
            .unwrap();
        assert_eq!(page["count"], 13);
        assert_eq!(page["currencies"][0]["code"], "aud");
    }
}
