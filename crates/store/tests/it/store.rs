use std::time::Duration;

use medusa_core::Error;
use medusa_entity::{country, currency, sales_channel, store};
use medusa_store::{SeaStoreService, StoreService, UpdateStore};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, IntoActiveModel, Set};
use serde_json::{json, Value};

use medusa_test_support::redact;

use crate::reference::{self, keys_at_depth};
use medusa_test_support::TestDb;

use crate::support::count;

fn update(body: Value) -> UpdateStore {
    serde_json::from_value(body).unwrap()
}

/// A store set up as the reference server's: boot defaults, `manual` providers, and the
/// reference seed's store section.
pub async fn reference_store(db: &DatabaseConnection) -> SeaStoreService {
    let service = SeaStoreService::new(db.clone(), Default::default());
    service.ensure_store().await.unwrap();
    service
        .register_providers(&["manual"], &["manual"])
        .await
        .unwrap();
    service
        .update(update(json!({"name": "Medusa Ref Store", "currencies": ["eur", "usd"], "default_currency_code": "eur"})))
        .await
        .unwrap();
    service
}

#[tokio::test]
async fn ensure_store_creates_medusas_boot_defaults_once() {
    for t in TestDb::both().await {
        // The migrations put the currency and country rows in; the store is left to boot.
        assert_eq!(count::<currency::Entity>(&t.db).await, 120, "{}", t.label());
        assert_eq!(count::<country::Entity>(&t.db).await, 250, "{}", t.label());
        assert_eq!(count::<store::Entity>(&t.db).await, 0, "{}", t.label());

        let service = SeaStoreService::new(t.db.clone(), Default::default());
        let setup = service.ensure_store().await.unwrap();
        assert!(
            setup.store_created && setup.sales_channel_created,
            "{}",
            t.label()
        );
        assert_eq!(count::<currency::Entity>(&t.db).await, 120);
        assert_eq!(count::<country::Entity>(&t.db).await, 250);

        let view = service.retrieve().await.unwrap();
        assert!(view.store.id.starts_with("store_"));
        assert_eq!(view.store.name, "Medusa Store");
        assert_eq!(view.store.default_currency_code, "usd");
        let codes: Vec<_> = view.currencies.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["usd"]);
        let channel = view.default_sales_channel.clone().unwrap();
        assert!(channel.id.starts_with("sc_"));
        assert_eq!(
            view.store.default_sales_channel_id.as_deref(),
            Some(channel.id.as_str())
        );
        assert_eq!(channel.name, "Default Sales Channel");
        assert_eq!(channel.description.as_deref(), Some("Created by Medusa"));
        assert!(!channel.is_disabled);

        let again = service.ensure_store().await.unwrap();
        assert!(!again.store_created && !again.sales_channel_created);
        assert_eq!(again.store, view.store);
        assert_eq!(service.retrieve().await.unwrap(), view);
        assert_eq!(count::<currency::Entity>(&t.db).await, 120);
        assert_eq!(count::<country::Entity>(&t.db).await, 250);
        assert_eq!(count::<store::Entity>(&t.db).await, 1);
        assert_eq!(count::<sales_channel::Entity>(&t.db).await, 1);
    }
}

#[tokio::test]
async fn ensure_store_gives_a_store_without_channel_a_new_one() {
    for t in TestDb::both().await {
        let service = SeaStoreService::new(t.db.clone(), Default::default());
        let first = service.ensure_store().await.unwrap().store;
        let mut unlinked = first.clone().into_active_model();
        unlinked.default_sales_channel_id = Set(None);
        unlinked.update(&t.db).await.unwrap();

        let setup = service.ensure_store().await.unwrap();
        assert!(!setup.store_created && setup.sales_channel_created);
        assert_eq!(setup.store.id, first.id);
        assert_ne!(
            setup.store.default_sales_channel_id,
            first.default_sales_channel_id
        );
        assert!(setup.store.default_sales_channel_id.is_some());
        assert_eq!(count::<sales_channel::Entity>(&t.db).await, 2);
    }
}

#[tokio::test]
async fn retrieve_answers_what_medusa_answers() {
    for t in TestDb::both().await {
        let service = reference_store(&t.db).await;
        let view = service.retrieve().await.unwrap();
        let text = serde_json::to_string(&view).unwrap();

        let ours = redact(&json!({ "store": serde_json::from_str::<Value>(&text).unwrap() }));
        let theirs = redact(&reference::json("get-store"));
        assert_eq!(ours, theirs, "{}", t.label());
        assert_eq!(
            keys_at_depth(&text, 1),
            keys_at_depth(&reference::raw("get-store"), 2)
        );
    }
}

#[tokio::test]
async fn a_deleted_default_channel_reads_as_null() {
    for t in TestDb::both().await {
        let service = SeaStoreService::new(t.db.clone(), Default::default());
        let store = service.ensure_store().await.unwrap().store;
        let channel_id = store.default_sales_channel_id.unwrap();
        let channel = sales_channel::Entity::find_by_id(channel_id)
            .one(&t.db)
            .await
            .unwrap()
            .unwrap();
        let mut deleted = channel.into_active_model();
        deleted.deleted_at = Set(Some(medusa_core::time::now()));
        deleted.update(&t.db).await.unwrap();

        let view = serde_json::to_value(service.retrieve().await.unwrap()).unwrap();
        assert_eq!(view["default_sales_channel"], Value::Null);
        assert!(view["default_sales_channel_id"].is_string());
    }
}

/// Replays the recorded writes against our service, in order, from the same starting
/// state, and compares every answer (status, body, and whether `updated_at` moved).
#[tokio::test]
async fn store_writes_answer_what_medusa_answers() {
    for t in TestDb::both().await {
        let service = reference_store(&t.db).await;
        let mut previous_ours: Option<Value> = None;
        let mut previous_theirs: Option<Value> = None;
        let mut replayed = 0;

        for exchange in reference::exchanges() {
            let is_store_call = exchange.path.starts_with("/store")
                && !exchange.path.starts_with("/store/payment")
                && !exchange.path.starts_with("/store/tax");
            if !is_store_call || (exchange.method == "GET" && exchange.name == "get-store") {
                continue;
            }
            // Timestamps have millisecond precision; keep consecutive writes apart.
            tokio::time::sleep(Duration::from_millis(3)).await;

            let code = exchange.path.rsplit('/').next().unwrap().to_owned();
            let outcome: Result<Value, Error> =
                match (exchange.method.as_str(), exchange.path.as_str()) {
                    ("POST", "/store") => {
                        let body = exchange.body.clone().unwrap();
                        match serde_json::from_value::<UpdateStore>(body) {
                            Ok(update) => service
                                .update(update)
                                .await
                                .map(|s| serde_json::to_value(s).unwrap()),
                            Err(_) => {
                                // Shape errors are the HTTP layer's (validation messages); the
                                // body type must refuse them too.
                                assert_eq!(exchange.status, 400, "{}", exchange.name);
                                continue;
                            }
                        }
                    }
                    ("POST", _) => service
                        .add_currency(&code)
                        .await
                        .map(|s| serde_json::to_value(s).unwrap()),
                    ("DELETE", _) => service
                        .remove_currency(&code)
                        .await
                        .map(|s| serde_json::to_value(s).unwrap()),
                    ("GET", "/store") => service
                        .retrieve()
                        .await
                        .map(|s| serde_json::to_value(s).unwrap()),
                    other => panic!("unexpected exchange {other:?}"),
                };
            replayed += 1;

            match outcome {
                Err(err) => {
                    assert_eq!(
                        err.status(),
                        exchange.status,
                        "{} on {}",
                        exchange.name,
                        t.label()
                    );
                    assert_eq!(
                        serde_json::to_value(err.body()).unwrap(),
                        exchange.response,
                        "{}",
                        exchange.name
                    );
                }
                Ok(ours) => {
                    assert_eq!(
                        exchange.status,
                        200,
                        "{} succeeded on {}",
                        exchange.name,
                        t.label()
                    );
                    let theirs = exchange.response["store"].clone();
                    let moved = |previous: &Option<Value>, now: &Value| {
                        previous
                            .as_ref()
                            .map(|p| p["updated_at"] != now["updated_at"])
                    };
                    assert_eq!(
                        moved(&previous_ours, &ours),
                        moved(&previous_theirs, &theirs),
                        "updated_at after {} on {}",
                        exchange.name,
                        t.label()
                    );
                    previous_ours = Some(ours.clone());
                    previous_theirs = Some(theirs.clone());

                    let mut expected = theirs;
                    if exchange.name == "post-store-currencies-duplicates" {
                        // Medusa echoes a repeated code twice; we answer each currency once.
                        dedup_currencies(&mut expected);
                    }
                    let actual = redact(&ours);
                    let expected = redact(&expected);
                    assert_eq!(actual, expected, "{} on {}", exchange.name, t.label());
                }
            }
        }
        assert_eq!(replayed, 26, "{}", t.label());
    }
}

fn dedup_currencies(store: &mut Value) {
    let Some(Value::Array(currencies)) = store.get_mut("currencies") else {
        return;
    };
    let mut seen = Vec::new();
    currencies.retain(|c| {
        let fresh = !seen.contains(&c["code"]);
        seen.push(c["code"].clone());
        fresh
    });
}

#[tokio::test]
async fn failed_updates_change_nothing() {
    let cases = [
        (json!({"name": "x", "currencies": ["usd", "gbp"]}), "You are not allowed to remove default currency from store currencies without replacing it as well"),
        (json!({"metadata": {"a": 1}, "currencies": ["eur", "nope"]}), "Currency with code nope does not exist"),
        (json!({"name": "x", "default_currency_code": "gbp"}), "Store does not have currency: gbp"),
        (json!({"currencies": ["eur", "gbp", "usd"], "default_currency_code": "usd", "name": null}), "Can't insert null value in field name on insert in table store"),
    ];
    for t in TestDb::both().await {
        let service = reference_store(&t.db).await;
        let before = service.retrieve().await.unwrap();
        for (body, message) in &cases {
            let err = service.update(update(body.clone())).await.unwrap_err();
            assert_eq!(
                (err.status(), err.to_string().as_str()),
                (400, *message),
                "{body}"
            );
            assert_eq!(err.body().kind, "invalid_data");
            assert_eq!(
                service.retrieve().await.unwrap(),
                before,
                "{body} changed the store"
            );
        }
    }
}

#[tokio::test]
async fn replaced_currencies_keep_medusas_order() {
    for t in TestDb::both().await {
        let service = reference_store(&t.db).await;
        for code in ["aud", "chf", "jpy", "nok", "pln"] {
            service.add_currency(code).await.unwrap();
        }
        service.remove_currency("chf").await.unwrap();
        service.remove_currency("EUR").await.unwrap();
        let answer = service
            .update(update(
                json!({"currencies": ["pln", "czk", "usd", "aud", "eur"]}),
            ))
            .await
            .unwrap();
        let codes =
            |list: &[currency::Model]| list.iter().map(|c| c.code.clone()).collect::<Vec<_>>();
        // The answer lists the request's order; later reads list the links in creation
        // order (kept ones stay where they were), as the reference server does.
        assert_eq!(
            codes(&answer.currencies),
            ["pln", "czk", "usd", "aud", "eur"]
        );
        service.add_currency("chf").await.unwrap();
        let view = service.retrieve().await.unwrap();
        assert_eq!(
            codes(&view.currencies),
            ["usd", "aud", "pln", "czk", "eur", "chf"]
        );
    }
}

#[tokio::test]
async fn removing_is_case_insensitive_and_may_drop_the_default() {
    for t in TestDb::both().await {
        let service = reference_store(&t.db).await;
        // Medusa answers 200 to an upper-case code but removes nothing; we remove it.
        let answer = service.remove_currency("USD").await.unwrap();
        assert_eq!(
            answer
                .currencies
                .iter()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>(),
            ["eur"]
        );
        // Removing the default currency is allowed, as in Medusa.
        let answer = service.remove_currency("eur").await.unwrap();
        assert!(answer.currencies.is_empty());
        assert_eq!(answer.store.default_currency_code, "eur");
        let view = service.retrieve().await.unwrap();
        assert_eq!(
            view.default_currency.map(|c| c.code).as_deref(),
            Some("eur")
        );
    }
}

#[tokio::test]
async fn metadata_merges_and_templates_clear() {
    for t in TestDb::both().await {
        let service = reference_store(&t.db).await;
        service
            .update(update(
                json!({"metadata": {"a": 1, "b": {"x": 1}}, "invite_link_template": "i"}),
            ))
            .await
            .unwrap();
        let answer = service
            .update(update(json!({"metadata": {"a": "", "b": {"y": 2}, "c": null}, "invite_link_template": null})))
            .await
            .unwrap();
        assert_eq!(
            answer.store.metadata,
            Some(json!({"b": {"y": 2}, "c": null}))
        );
        assert_eq!(answer.store.invite_link_template, None);
        assert_eq!(service.retrieve().await.unwrap().store, answer.store);
    }
}

#[test]
fn update_body_refuses_unknown_and_mistyped_fields() {
    assert!(serde_json::from_value::<UpdateStore>(json!({"foo": 1})).is_err());
    assert!(serde_json::from_value::<UpdateStore>(json!({"metadata": "x"})).is_err());
    assert!(serde_json::from_value::<UpdateStore>(json!({"currencies": "eur"})).is_err());
    let parsed =
        update(json!({"name": null, "swap_link_template": null, "default_currency_code": null}));
    assert_eq!(parsed.name, Some(None));
    assert_eq!(parsed.swap_link_template, Some(None));
    assert_eq!(parsed.payment_link_template, None);
    assert_eq!(parsed.default_currency_code, None);
}

#[tokio::test]
async fn providers_are_registered_as_medusa_boots() {
    for t in TestDb::both().await {
        let service = reference_store(&t.db).await;
        let payment = serde_json::to_value(service.payment_providers().await.unwrap()).unwrap();
        assert_eq!(
            json!({"payment_providers": payment}),
            reference::json("get-store-payment-providers")
        );
        let tax = serde_json::to_value(service.tax_providers().await.unwrap()).unwrap();
        assert_eq!(
            json!({"tax_providers": tax}),
            reference::json("get-store-tax-providers")
        );

        service
            .register_providers(&["manual", "stripe"], &["manual"])
            .await
            .unwrap();
        service
            .register_providers(&["stripe"], &["webshipper"])
            .await
            .unwrap();
        let installed = |list: Value| {
            list.as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    (
                        p["id"].as_str().unwrap().to_owned(),
                        p["is_installed"].as_bool().unwrap(),
                    )
                })
                .collect::<Vec<_>>()
        };
        let payment =
            installed(serde_json::to_value(service.payment_providers().await.unwrap()).unwrap());
        assert_eq!(
            payment,
            [("manual".to_owned(), false), ("stripe".to_owned(), true)]
        );
        let view = serde_json::to_value(service.retrieve().await.unwrap()).unwrap();
        assert_eq!(
            installed(view["fulfillment_providers"].clone()),
            [
                ("manual".to_owned(), false),
                ("webshipper".to_owned(), true)
            ]
        );
    }
}

#[tokio::test]
async fn a_database_without_store_says_so() {
    for t in TestDb::both().await {
        let service = SeaStoreService::new(t.db.clone(), Default::default());
        let err = service.retrieve().await.unwrap_err();
        assert_eq!(
            (err.status(), err.to_string()),
            (404, "Store does not exist".to_owned())
        );
        // The currency is looked up first, so an unknown one is named even without a store.
        let err = service.add_currency("xyz").await.unwrap_err();
        assert_eq!(
            (err.status(), err.to_string()),
            (400, "Currency xyz not found".to_owned())
        );
        let err = service.add_currency("usd").await.unwrap_err();
        assert_eq!(
            (err.status(), err.to_string()),
            (404, "Store does not exist".to_owned())
        );
    }
}
