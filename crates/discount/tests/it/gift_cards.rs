//! Gift card rules: the tax rate taken from the region, the balance bounds, soft deletes.

use medusa_core::{Error, FeatureFlags};
use medusa_discount::{
    gift_cards::generate_code, CreateGiftCard, GiftCardService, SeaGiftCardService, UpdateGiftCard,
    GIFT_CARD_RETRIEVE,
};
use medusa_entity::{event_outbox, gift_card};
use medusa_test_support::builders::{GiftCardBuilder, RegionBuilder};
use medusa_test_support::on_both_backends;
use sea_orm::{DatabaseConnection, EntityTrait};
use serde_json::json;

use crate::defaults;

on_both_backends!(
    tax_rate_comes_from_the_region,
    balance_stays_within_the_value,
    search_reads_the_code,
);

fn create(region_id: &str) -> CreateGiftCard {
    CreateGiftCard::from_body(json!({ "region_id": region_id, "value": 2500 })).unwrap()
}

async fn tax_rate_comes_from_the_region(db: DatabaseConnection) {
    let taxed = RegionBuilder::new("Taxed")
        .tax_rate(12.5)
        .gift_cards_taxable(true)
        .insert(&db)
        .await;
    let untaxed = RegionBuilder::new("Untaxed")
        .tax_rate(20.0)
        .gift_cards_taxable(false)
        .insert(&db)
        .await;
    let zero = RegionBuilder::new("Zero")
        .tax_rate(0.0)
        .gift_cards_taxable(true)
        .insert(&db)
        .await;
    let service = SeaGiftCardService::new(db.clone(), FeatureFlags::default());
    let selection = defaults(&GIFT_CARD_RETRIEVE);
    let card = service.create(create(&taxed.id), &selection).await.unwrap();
    assert_eq!(card.gift_card.tax_rate, Some(12.5));
    assert_eq!((card.gift_card.value, card.gift_card.balance), (2500, 2500));
    assert_eq!(card.region.unwrap().unwrap().region.id, taxed.id);
    assert_eq!(card.order, Some(None));
    let card = service
        .create(create(&untaxed.id), &selection)
        .await
        .unwrap();
    assert_eq!(card.gift_card.tax_rate, None);
    let card = service.create(create(&zero.id), &selection).await.unwrap();
    assert_eq!(card.gift_card.tax_rate, None);
    let events = event_outbox::Entity::find().all(&db).await.unwrap();
    assert_eq!(
        events
            .iter()
            .filter(|e| e.name == "gift_card.created")
            .count(),
        3
    );
}

async fn balance_stays_within_the_value(db: DatabaseConnection) {
    let eu = RegionBuilder::new("EU").insert(&db).await;
    let card = GiftCardBuilder::new(&eu, &generate_code())
        .value(1000)
        .insert(&db)
        .await;
    let service = SeaGiftCardService::new(db.clone(), FeatureFlags::default());
    let selection = defaults(&GIFT_CARD_RETRIEVE);
    for balance in [-1, 1001] {
        let input = UpdateGiftCard {
            balance: Some(balance),
            ..UpdateGiftCard::default()
        };
        let err = service
            .update(&card.id, input, &selection)
            .await
            .unwrap_err();
        assert_eq!(err.status(), 500);
        assert_eq!(err.body().kind, "invalid_argument");
        assert_eq!(err.body().message, "new balance is invalid");
    }
    let input = UpdateGiftCard {
        balance: Some(0),
        ..UpdateGiftCard::default()
    };
    let updated = service.update(&card.id, input, &selection).await.unwrap();
    assert_eq!(updated.gift_card.balance, 0);

    service.delete(&card.id).await.unwrap();
    service.delete(&card.id).await.unwrap();
    let row = gift_card::Entity::find_by_id(card.id.as_str())
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert!(row.deleted_at.is_some());
    let gone = service.retrieve(&card.id, &selection).await.unwrap_err();
    assert!(
        matches!(&gone, Error::NotFound(m) if *m == format!("Gift card with id: {} was not found", card.id))
    );
}

#[test]
fn codes_have_medusas_shape() {
    for _ in 0..50 {
        let code = generate_code();
        let groups: Vec<&str> = code.split('-').collect();
        assert_eq!(groups.len(), 4, "{code}");
        assert!(groups.iter().all(|g| g.len() == 4
            && g.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())));
    }
}

async fn search_reads_the_code(db: DatabaseConnection) {
    let eu = RegionBuilder::new("EU").insert(&db).await;
    GiftCardBuilder::new(&eu, "ABCD-EFGH-IJKL-MNOP")
        .insert(&db)
        .await;
    GiftCardBuilder::new(&eu, "ZZZZ-YYYY-XXXX-WWWW")
        .insert(&db)
        .await;
    let service = SeaGiftCardService::new(db.clone(), FeatureFlags::default());
    let backend = sea_orm::ConnectionTrait::get_database_backend(&db);
    let codes = |query: &str| {
        let raw = medusa_query_dsl::parse(query).unwrap();
        let plan = medusa_query_dsl::plan(&medusa_discount::GIFT_CARD_LIST, &raw, backend).unwrap();
        let service = service.clone();
        async move {
            let page = service.list(&plan).await.unwrap();
            (
                page.count,
                page.items
                    .into_iter()
                    .map(|g| g.gift_card.code)
                    .collect::<Vec<_>>(),
            )
        }
    };
    // Case-insensitive on the code; the order's display id is searched through a join.
    assert_eq!(
        codes("q=efgh-ij").await,
        (1, vec!["ABCD-EFGH-IJKL-MNOP".to_owned()])
    );
    assert_eq!(codes("q=7").await, (0, vec![]));
    assert_eq!(
        codes("limit=1&order=code").await,
        (2, vec!["ABCD-EFGH-IJKL-MNOP".to_owned()])
    );
}
