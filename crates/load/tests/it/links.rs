//! `link_with`, `relink_with` and `unlink` on a link table whose rows carry their own id and
//! timestamps (`publishable_api_key_sales_channel`, which has no foreign keys).

use medusa_entity::publishable_api_key_sales_channel::{Column, Entity};
use medusa_load::{all_in_insertion_order, link_with, relink_with, unlink};
use medusa_test_support::on_both_backends;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Value};

on_both_backends!(
    links_keep_the_given_order_and_existing_rows,
    relink_keeps_staying_links_and_unlink_removes,
);

const EXTRA: [Column; 3] = [Column::Id, Column::CreatedAt, Column::UpdatedAt];

fn targets(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| (*id).to_owned()).collect()
}

/// Each new row's id and timestamps; ids count up so a test can tell rows apart.
fn fresh_rows() -> impl Fn() -> Vec<Value> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let now = medusa_core::time::now();
    move || {
        let n = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        vec![format!("link_{n}").into(), now.into(), now.into()]
    }
}

/// `owner`'s links as (channel, row id), in physical order.
async fn links_of(db: &DatabaseConnection, owner: &str) -> Vec<(String, String)> {
    let select = Entity::find().filter(Column::PublishableKeyId.eq(owner));
    all_in_insertion_order(db, select)
        .await
        .unwrap()
        .into_iter()
        .map(|row| (row.sales_channel_id, row.id))
        .collect()
}

async fn link(db: &DatabaseConnection, owner: &str, ids: &[&str], rows: &impl Fn() -> Vec<Value>) {
    let (key, channel) = (Column::PublishableKeyId, Column::SalesChannelId);
    link_with::<Entity, _, _>(db, key, channel, owner, &targets(ids), &EXTRA, rows)
        .await
        .unwrap();
}

async fn links_keep_the_given_order_and_existing_rows(db: DatabaseConnection) {
    let rows = fresh_rows();
    link(&db, "pk_1", &["sc_b", "sc_a", "sc_b"], &rows).await;
    link(&db, "pk_2", &["sc_a"], &rows).await;
    // A link that exists keeps its row; a new one is added after it.
    link(&db, "pk_1", &["sc_a", "sc_c"], &rows).await;
    link(&db, "pk_1", &[], &rows).await;
    let pk_1 = links_of(&db, "pk_1").await;
    let channels: Vec<&str> = pk_1.iter().map(|(channel, _)| channel.as_str()).collect();
    assert_eq!(channels, ["sc_b", "sc_a", "sc_c"]);
    assert_eq!(pk_1[1].1, "link_1", "the existing link keeps its row");
    assert_eq!(links_of(&db, "pk_2").await.len(), 1);
}

async fn relink_keeps_staying_links_and_unlink_removes(db: DatabaseConnection) {
    let (key, channel) = (Column::PublishableKeyId, Column::SalesChannelId);
    let rows = fresh_rows();
    link(&db, "pk_1", &["sc_a", "sc_b", "sc_c"], &rows).await;
    link(&db, "pk_2", &["sc_a"], &rows).await;
    let wanted = targets(&["sc_d", "sc_b"]);
    relink_with::<Entity, _, _>(&db, key, channel, "pk_1", &wanted, &EXTRA, &rows)
        .await
        .unwrap();
    let pk_1 = links_of(&db, "pk_1").await;
    assert_eq!(
        pk_1,
        [
            ("sc_b".to_owned(), "link_1".to_owned()),
            ("sc_d".to_owned(), "link_4".to_owned())
        ],
        "the staying link keeps its row, the new one comes after it"
    );

    let gone = targets(&["sc_b", "sc_x"]);
    unlink::<Entity, _>(&db, key, channel, "pk_1", Some(&gone))
        .await
        .unwrap();
    unlink::<Entity, _>(&db, key, channel, "pk_1", Some(&[]))
        .await
        .unwrap();
    let channels: Vec<String> = links_of(&db, "pk_1")
        .await
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    assert_eq!(channels, ["sc_d"]);
    unlink::<Entity, _>(&db, key, channel, "pk_1", None)
        .await
        .unwrap();
    assert!(links_of(&db, "pk_1").await.is_empty());
    assert_eq!(
        links_of(&db, "pk_2").await.len(),
        1,
        "other owners' links stay"
    );
}
