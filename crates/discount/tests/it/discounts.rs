//! Discount service rules that the HTTP scenario does not reach: dynamic codes' expiry and
//! inherited limit, list filters on the rule, soft deletes, events.

use chrono::Duration;
use medusa_core::{Error, FeatureFlags};
use medusa_discount::{
    CreateDiscount, CreateDynamicCode, DiscountQuery, DiscountService, SeaDiscountService,
    DISCOUNT_RETRIEVE,
};
use medusa_entity::{discount, event_outbox};
use medusa_test_support::builders::{DiscountBuilder, RegionBuilder};
use medusa_test_support::on_both_backends;
use sea_orm::{DatabaseConnection, EntityTrait};
use serde_json::json;

use crate::defaults;

on_both_backends!(
    dynamic_codes_expire_and_inherit_the_limit,
    lists_filter_on_the_rule,
    deletes_are_soft_and_idempotent,
    create_records_its_event,
    only_real_changes_stamp_updated_at,
);

async fn dynamic_codes_expire_and_inherit_the_limit(db: DatabaseConnection) {
    let eu = RegionBuilder::new("EU").insert(&db).await;
    let parent = DiscountBuilder::new("SUMMER")
        .dynamic(Some("P1DT2H"))
        .usage_limit(3)
        .region(&eu)
        .insert(&db)
        .await;
    let service = SeaDiscountService::new(db.clone(), FeatureFlags::default());
    let before = medusa_core::time::now();
    let child = service
        .create_dynamic_code(
            &parent.id,
            CreateDynamicCode {
                code: " summer-ann ".into(),
                metadata: None,
            },
            &defaults(&DISCOUNT_RETRIEVE),
        )
        .await
        .unwrap();
    let code = &child.discount;
    assert_eq!(code.code, "SUMMER-ANN");
    assert_eq!(code.rule_id, parent.rule_id);
    assert_eq!(code.parent_discount_id.as_deref(), Some(parent.id.as_str()));
    assert_eq!(code.usage_limit, Some(3));
    assert!(code.is_dynamic && !code.is_disabled);
    assert_eq!(code.valid_duration, None);
    let ends = code.ends_at.unwrap();
    let expected = before + Duration::hours(26);
    assert!(
        ends >= expected && ends - expected < Duration::seconds(5),
        "{ends}"
    );
    // A child has no regions of its own: the parent's apply.
    assert_eq!(child.regions.as_deref().map(<[_]>::len), Some(0));
    assert_eq!(child.parent_discount.unwrap().unwrap().id, parent.id);

    let plain = DiscountBuilder::new("PLAIN").region(&eu).insert(&db).await;
    let refused = service
        .create_dynamic_code(
            &plain.id,
            CreateDynamicCode {
                code: "X".into(),
                metadata: None,
            },
            &defaults(&DISCOUNT_RETRIEVE),
        )
        .await
        .unwrap_err();
    assert!(matches!(&refused, Error::NotAllowed(m) if m == "Discount must be set to dynamic"));
}

async fn lists_filter_on_the_rule(db: DatabaseConnection) {
    let eu = RegionBuilder::new("EU").insert(&db).await;
    DiscountBuilder::new("PCT").region(&eu).insert(&db).await;
    DiscountBuilder::new("FIX")
        .fixed(500)
        .per_item()
        .region(&eu)
        .insert(&db)
        .await;
    DiscountBuilder::new("SHIP")
        .free_shipping()
        .disabled()
        .insert(&db)
        .await;
    let dynamic = DiscountBuilder::new("DYN").dynamic(None).insert(&db).await;
    DiscountBuilder::new("DYN-1")
        .child_of(&dynamic)
        .insert(&db)
        .await;
    let service = SeaDiscountService::new(db.clone(), FeatureFlags::default());
    let backend = db.get_database_backend();
    let codes = |query: &str| {
        let query = DiscountQuery::parse(query, backend).unwrap();
        let service = service.clone();
        async move {
            let mut codes: Vec<String> = service
                .list(&query)
                .await
                .unwrap()
                .items
                .into_iter()
                .map(|d| d.discount.code)
                .collect();
            codes.sort();
            codes
        }
    };
    assert_eq!(codes("rule[type]=fixed").await, ["FIX"]);
    assert_eq!(codes("rule[allocation]=item").await, ["FIX"]);
    assert_eq!(
        codes("rule[type]=percentage").await,
        ["DYN", "DYN-1", "PCT"]
    );
    assert_eq!(codes("is_disabled=true").await, ["SHIP"]);
    assert_eq!(codes("is_dynamic=true&q=dyn-").await, ["DYN-1"]);
    let bad = DiscountQuery::parse("rule[type]=bogus&rule[foo]=1", backend).unwrap_err();
    assert!(
        matches!(&bad, Error::InvalidData(m) if m.contains("property rule[foo] should not exist")),
        "{bad:?}"
    );
}

use sea_orm::ConnectionTrait;

async fn deletes_are_soft_and_idempotent(db: DatabaseConnection) {
    let made = DiscountBuilder::new("GONE").insert(&db).await;
    let service = SeaDiscountService::new(db.clone(), FeatureFlags::default());
    service.delete(&made.id).await.unwrap();
    service.delete(&made.id).await.unwrap();
    service.delete("disc_missing").await.unwrap();
    let row = discount::Entity::find_by_id(made.id.as_str())
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert!(row.deleted_at.is_some());
    let missing = service
        .retrieve_by_code(" gone", &defaults(&DISCOUNT_RETRIEVE))
        .await
        .unwrap_err();
    assert!(
        matches!(&missing, Error::NotFound(m) if m == "Discounts with code  gone was not found")
    );
}

async fn create_records_its_event(db: DatabaseConnection) {
    let eu = RegionBuilder::new("EU").insert(&db).await;
    let service = SeaDiscountService::new(db.clone(), FeatureFlags::default());
    let input = CreateDiscount::from_body(json!({
        "code": "new", "rule": {"type": "fixed", "value": 100, "allocation": "total"},
        "regions": [eu.id],
    }))
    .unwrap();
    let created = service
        .create(input, &defaults(&DISCOUNT_RETRIEVE))
        .await
        .unwrap();
    let events = event_outbox::Entity::find().all(&db).await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].name, "discount.created");
    let data: serde_json::Value = serde_json::from_str(&events[0].data).unwrap();
    assert_eq!(data, json!({ "id": created.discount.id }));
    // A failed create leaves neither rows nor events.
    let input = CreateDiscount::from_body(json!({
        "code": "other", "rule": {"type": "fixed", "value": 100, "allocation": "total",
        "conditions": [{"operator": "in", "products": ["prod_missing"]}]},
        "regions": [eu.id],
    }))
    .unwrap();
    let failed = service
        .create(input, &defaults(&DISCOUNT_RETRIEVE))
        .await
        .unwrap_err();
    assert!(
        matches!(&failed, Error::NotFound(m) if m == "Product with product_id prod_missing does not exist.")
    );
    assert_eq!(discount::Entity::find().all(&db).await.unwrap().len(), 1);
    assert_eq!(
        event_outbox::Entity::find().all(&db).await.unwrap().len(),
        1
    );
}

async fn only_real_changes_stamp_updated_at(db: DatabaseConnection) {
    let eu = RegionBuilder::new("EU").insert(&db).await;
    let na = RegionBuilder::new("NA").insert(&db).await;
    let at = medusa_core::time::now() - Duration::days(1);
    let made = DiscountBuilder::new("SAME")
        .region(&eu)
        .created_at(at)
        .insert(&db)
        .await;
    let service = SeaDiscountService::new(db.clone(), FeatureFlags::default());
    let selection = defaults(&DISCOUNT_RETRIEVE);
    // Region links and an unchanged code leave the row as it was (Medusa saves nothing then).
    let added = service
        .add_region(&made.id, &na.id, &selection)
        .await
        .unwrap();
    assert_eq!(added.discount.updated_at, at);
    assert_eq!(added.regions.unwrap().len(), 2);
    let input =
        medusa_discount::UpdateDiscount::from_body(json!({"code": "same", "regions": [eu.id]}))
            .unwrap();
    let same = service.update(&made.id, input, &selection).await.unwrap();
    assert_eq!(same.discount.updated_at, at);
    assert_eq!(same.rule.unwrap().unwrap().rule.updated_at, at);
    let input = medusa_discount::UpdateDiscount::from_body(json!({"is_disabled": true})).unwrap();
    let changed = service.update(&made.id, input, &selection).await.unwrap();
    assert!(changed.discount.updated_at > at);
}
