//! HTTP tests of `/admin/discounts` and `/admin/gift-cards`: a scenario recorded against the
//! reference Medusa (`tests/reference/discounts-scenario.json`, answers captured by
//! `capture-discounts.py`) replayed step by step on the reference catalog.

use medusa_entity::event_outbox;
use medusa_test_support::on_both_backends;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{json, Value};

use crate::support::*;

/// Fills each `{name}` in a step's path or body with the id an earlier step saved as `name`.
fn fill(value: &Value, saved: &[(String, String)]) -> Value {
    match value {
        Value::String(text) => {
            let mut text = text.clone();
            for (name, id) in saved {
                text = text.replace(&format!("{{{name}}}"), id);
            }
            Value::String(text)
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| fill(v, saved)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), fill(v, saved)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The capture's normal form: saved ids back to `{name}`, gift card codes to `[code]`.
fn unfill(value: &Value, saved: &[(String, String)], key: Option<&str>) -> Value {
    match value {
        Value::String(text) => {
            if key == Some("code") && is_gift_card_code(text) {
                return json!("[code]");
            }
            let mut text = text.clone();
            for (name, id) in saved {
                text = text.replace(id.as_str(), &format!("{{{name}}}"));
            }
            Value::String(text)
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| unfill(v, saved, key)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), unfill(v, saved, Some(k))))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Medusa's gift card code: four groups of four of `[A-Z0-9]` joined by `-`.
fn is_gift_card_code(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 4
        && groups.iter().all(|g| {
            g.len() == 4
                && g.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        })
}

on_both_backends! {
    async fn scenario_matches_medusa(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        let steps = reference("discounts-scenario");
        let mut saved: Vec<(String, String)> = Vec::new();
        for step in steps.as_array().unwrap() {
            let name = step["name"].as_str().unwrap();
            let path = fill(&step["path"], &saved);
            let path = path.as_str().unwrap();
            let body = step.get("body").map(|b| fill(b, &saved));
            let req = match (step["method"].as_str().unwrap(), body) {
                ("GET", _) => get(path),
                ("POST", body) => post(path, body.unwrap_or(json!({}))),
                (_, Some(body)) => delete(path).set_json(body),
                (_, None) => delete(path),
            };
            let answer = send(&svc, admin(req)).await;
            if let Some(save) = step.get("save").and_then(Value::as_object) {
                for (var, pointer) in save {
                    let id = answer.body.pointer(pointer.as_str().unwrap());
                    let id = id.and_then(Value::as_str).unwrap_or_else(|| panic!("{name}: no {pointer} in {}", answer.text));
                    saved.push((var.clone(), id.to_owned()));
                }
            }
            let expected = reference(&format!("discounts-{name}"));
            assert_eq!(json!(answer.status), expected["status"], "{name}: {}", answer.text);
            assert_eq!(
                redact(&unfill(&answer.body, &saved, None)),
                redact(&expected["body"]),
                "{name}"
            );
        }

        // Medusa emits one event per discount and gift card created, and none for the rest.
        let events: Vec<String> = event_outbox::Entity::find()
            .filter(
                event_outbox::Column::Name
                    .starts_with("discount")
                    .or(event_outbox::Column::Name.starts_with("gift_card")),
            )
            .order_by_asc(event_outbox::Column::Id)
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(events, ["discount.created", "discount.created", "gift_card.created"]);
    }
}

on_both_backends! {
    flags = tax_inclusive();
    async fn regions_show_includes_tax_with_the_flag_on(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        let taxed = send(&svc, admin(post("/admin/regions/reg_ref_na", json!({"includes_tax": true})))).await;
        assert_eq!(taxed.status, 200, "{}", taxed.text);
        let created = send(&svc, admin(post("/admin/discounts", json!({
            "code": "TAXED", "rule": {"type": "percentage", "value": 5, "allocation": "total"},
            "regions": ["reg_ref_eu", "reg_ref_na"],
        })))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        let regions = &created.body["discount"]["regions"];
        assert_eq!(regions[0]["includes_tax"], false);
        assert_eq!(regions[1]["includes_tax"], true);
        let card = send(&svc, admin(post("/admin/gift-cards", json!({"region_id": "reg_ref_na", "value": 10})))).await;
        assert_eq!(card.status, 200, "{}", card.text);
        assert_eq!(card.body["gift_card"]["region"]["includes_tax"], true);
        let list = send(&svc, admin(get("/admin/gift-cards"))).await;
        assert_eq!(list.body["gift_cards"][0]["region"]["includes_tax"], true);
    }
}

on_both_backends! {
    async fn regions_lack_includes_tax_with_the_flag_off(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        let created = send(&svc, admin(post("/admin/discounts", json!({
            "code": "PLAIN", "rule": {"type": "percentage", "value": 5, "allocation": "total"},
            "regions": ["reg_ref_eu"],
        })))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        assert!(created.body["discount"]["regions"][0].get("includes_tax").is_none());
    }
}
