//! SQLite: the portable schema, its reference rows, and values written through sea-orm.

use std::collections::BTreeSet;
use std::time::Instant;

use chrono::{DateTime, Duration, FixedOffset, SecondsFormat};
use medusa_entity::sea_orm_active_enums::{DraftOrderStatusEnum, UserRoleEnum};
use medusa_entity::{draft_order, user};
use medusa_migration::{migrate, Migrator};
use medusa_test_support::{Backend, TestDb};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    IntoActiveModel, NotSet, QueryFilter, QueryOrder, QueryResult, Set, Statement,
};
use sea_orm_migration::MigratorTrait;

use crate::admin::round_trip_admin_entities;
use crate::support::{crate_file, medusa_table_names};

async fn query(db: &DatabaseConnection, sql: &str) -> Vec<QueryResult> {
    db.query_all(Statement::from_string(DbBackend::Sqlite, sql.to_owned()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn scalar_i64(db: &DatabaseConnection, sql: &str) -> i64 {
    query(db, sql).await[0].try_get_by_index(0).unwrap()
}

async fn scalar_text(db: &DatabaseConnection, sql: &str) -> String {
    query(db, sql).await[0].try_get_by_index(0).unwrap()
}

async fn table_names(db: &DatabaseConnection) -> BTreeSet<String> {
    query(
        db,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .await
    .iter()
    .map(|row| row.try_get_by_index(0).unwrap())
    .collect()
}

/// A migrated SQLite database on a fresh file, removed when the `TestDb` is dropped.
async fn migrated() -> (TestDb, DatabaseConnection) {
    let file = TestDb::empty(Backend::Sqlite).await;
    let db = file.db.clone();
    migrate(&db).await.unwrap();
    (file, db)
}

#[tokio::test]
async fn fresh_database_gets_every_table_and_the_reference_rows() {
    let file = TestDb::empty(Backend::Sqlite).await;
    let db = file.db.clone();
    let started = Instant::now();
    migrate(&db).await.unwrap();
    println!(
        "migrate on a fresh SQLite database: {:?}",
        started.elapsed()
    );

    let mut expected: BTreeSet<String> = medusa_table_names().into_iter().collect();
    expected.extend(
        [
            "admin_session",
            "secret_api_key",
            "event_outbox",
            "login_failure",
            "medusa_admin_migrations",
        ]
        .map(String::from),
    );
    assert_eq!(table_names(&db).await, expected);

    assert_eq!(scalar_i64(&db, "SELECT count(*) FROM currency").await, 120);
    assert_eq!(scalar_i64(&db, "SELECT count(*) FROM country").await, 250);
    assert_eq!(
        scalar_i64(
            &db,
            "SELECT count(*) FROM country WHERE region_id IS NOT NULL"
        )
        .await,
        0
    );
    assert_eq!(
        scalar_text(&db, "SELECT name FROM currency WHERE code = 'eur'").await,
        "Euro"
    );
    assert_eq!(
        scalar_text(&db, "SELECT display_name FROM country WHERE iso_2 = 'ci'").await,
        "Cote D'Ivoire"
    );
    // country.id keeps numbering after the reference rows, as its PostgreSQL sequence does.
    db.execute_unprepared(
        "INSERT INTO country (iso_2, iso_3, num_code, name, display_name) \
         VALUES ('xx', 'xxx', 999, 'TEST', 'Test')",
    )
    .await
    .unwrap();
    assert_eq!(
        scalar_i64(&db, "SELECT id FROM country WHERE iso_2 = 'xx'").await,
        251
    );

    // Every foreign key names a parent key SQLite can use (else this errors with
    // "foreign key mismatch") and the reference rows satisfy them.
    assert!(query(&db, "PRAGMA foreign_key_check").await.is_empty());

    db.close().await.unwrap();
    drop(file);
}

#[tokio::test]
async fn second_migrate_changes_nothing() {
    let (file, db) = migrated().await;
    let schema = "SELECT group_concat(type || ' ' || name || ' ' || coalesce(sql, ''), char(10)) \
                  FROM (SELECT * FROM sqlite_master ORDER BY name)";
    let before = scalar_text(&db, schema).await;
    migrate(&db).await.unwrap();
    assert_eq!(scalar_text(&db, schema).await, before);
    assert_eq!(
        scalar_i64(&db, "SELECT count(*) FROM medusa_admin_migrations").await,
        8
    );
    for name in medusa_migration::READ_INDEXES {
        let sql =
            format!("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '{name}'");
        assert_eq!(scalar_i64(&db, &sql).await, 1, "{name}");
    }
    assert_eq!(scalar_i64(&db, "SELECT count(*) FROM currency").await, 120);
    db.close().await.unwrap();
    drop(file);
}

#[tokio::test]
async fn foreign_keys_are_enforced_with_their_actions() {
    let (file, db) = migrated().await;
    assert_eq!(scalar_i64(&db, "PRAGMA foreign_keys").await, 1);

    let unknown_country = db
        .execute_unprepared("INSERT INTO address (id, country_code) VALUES ('addr_1', 'qq')")
        .await;
    assert!(
        unknown_country.is_err(),
        "address.country_code must reference country"
    );
    db.execute_unprepared("INSERT INTO address (id, country_code) VALUES ('addr_1', 'us')")
        .await
        .unwrap();

    // ON DELETE CASCADE: deleting a product deletes its tag links.
    db.execute_unprepared(
        "INSERT INTO product (id, title, handle) VALUES ('prod_1', 'Shirt', 'shirt');
         INSERT INTO product_tag (id, value) VALUES ('ptag_1', 'summer');
         INSERT INTO product_tags (product_id, product_tag_id) VALUES ('prod_1', 'ptag_1');",
    )
    .await
    .unwrap();
    let on_delete = scalar_text(
        &db,
        "SELECT on_delete FROM pragma_foreign_key_list('product_tags') WHERE \"table\" = 'product'",
    )
    .await;
    assert_eq!(on_delete, "CASCADE");
    db.execute_unprepared("DELETE FROM product WHERE id = 'prod_1'")
        .await
        .unwrap();
    assert_eq!(
        scalar_i64(&db, "SELECT count(*) FROM product_tags").await,
        0
    );
    assert_eq!(scalar_i64(&db, "SELECT count(*) FROM product_tag").await, 1);

    // Without an action the parent cannot go while children point at it.
    let referenced = db
        .execute_unprepared("DELETE FROM country WHERE iso_2 = 'us'")
        .await;
    assert!(
        referenced.is_err(),
        "a referenced country must not be deletable"
    );

    // Enum columns accept only their labels.
    let bad_role = db
        .execute_unprepared(
            "INSERT INTO \"user\" (id, email, role) VALUES ('usr_x', 'x@example.com', 'owner')",
        )
        .await;
    assert!(
        bad_role.is_err(),
        "user.role must be one of the enum labels"
    );

    db.close().await.unwrap();
    drop(file);
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn user_at(id: &str, created_at: DateTime<FixedOffset>) -> user::Model {
    user::Model {
        id: id.into(),
        email: format!("{id}@example.com"),
        first_name: Some("Ada".into()),
        last_name: None,
        password_hash: Some("hash".into()),
        api_token: None,
        created_at,
        updated_at: created_at,
        deleted_at: None,
        metadata: Some(serde_json::json!({"team": "ops", "level": 3})),
        role: Some(UserRoleEnum::Admin),
    }
}

#[tokio::test]
async fn user_round_trips_through_its_entity() {
    let (file, db) = migrated().await;
    let user = user_at("usr_1", medusa_core::time::now());
    let inserted = user.clone().into_active_model().insert(&db).await.unwrap();
    assert_eq!(inserted, user);
    let read = user::Entity::find_by_id("usr_1").one(&db).await.unwrap();
    assert_eq!(read, Some(user));
    assert_eq!(
        scalar_text(&db, "SELECT role FROM \"user\" WHERE id = 'usr_1'").await,
        "admin"
    );

    // A role left to its default reads back as the enum.
    db.execute_unprepared("INSERT INTO \"user\" (id, email) VALUES ('usr_2', 'b@example.com')")
        .await
        .unwrap();
    let defaulted = user::Entity::find_by_id("usr_2")
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(defaulted.role, Some(UserRoleEnum::Member));

    round_trip_admin_entities(&db).await;
    db.close().await.unwrap();
    drop(file);
}

#[tokio::test]
async fn timestamps_compare_as_instants() {
    let (file, db) = migrated().await;
    // Whole second, half second, next second: the fraction is written only when non-zero.
    let t0 = at("2024-03-01T10:00:00Z");
    for (id, created_at) in [
        ("usr_a", t0),
        ("usr_b", t0 + Duration::milliseconds(500)),
        ("usr_c", t0 + Duration::seconds(1)),
        ("usr_d", at("2024-03-01T09:59:59.999Z")),
    ] {
        user_at(id, created_at)
            .into_active_model()
            .insert(&db)
            .await
            .unwrap();
    }
    let after = |ts: DateTime<FixedOffset>| {
        let db = &db;
        async move {
            user::Entity::find()
                .filter(user::Column::CreatedAt.gt(ts))
                .order_by_asc(user::Column::Id)
                .all(db)
                .await
                .unwrap()
                .into_iter()
                .map(|u| u.id)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(after(t0).await, ["usr_b", "usr_c"]);
    assert_eq!(
        after(t0 - Duration::milliseconds(1)).await,
        ["usr_a", "usr_b", "usr_c"]
    );
    assert_eq!(after(t0 + Duration::milliseconds(500)).await, ["usr_c"]);

    // A timestamp from the column default has exactly the text sqlx writes for the same
    // instant, so it compares correctly with bound values.
    let before = medusa_core::time::now();
    db.execute_unprepared("INSERT INTO \"user\" (id, email) VALUES ('usr_now', 'now@example.com')")
        .await
        .unwrap();
    let raw = scalar_text(&db, "SELECT created_at FROM \"user\" WHERE id = 'usr_now'").await;
    let model = user::Entity::find_by_id("usr_now")
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        model
            .created_at
            .to_rfc3339_opts(SecondsFormat::AutoSi, false),
        raw
    );
    assert!(model.created_at >= before - Duration::milliseconds(1));
    let newer = user::Entity::find()
        .filter(user::Column::CreatedAt.gt(before - Duration::seconds(1)))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(newer.len(), 1);
    assert_eq!(newer[0].id, "usr_now");

    db.close().await.unwrap();
    drop(file);
}

#[tokio::test]
async fn display_ids_are_numbered_like_a_sequence() {
    let (file, db) = migrated().await;
    let draft = |id: &str| draft_order::ActiveModel {
        id: Set(id.into()),
        status: Set(DraftOrderStatusEnum::Open),
        display_id: NotSet,
        ..Default::default()
    };
    let first = draft("dorder_1").insert(&db).await.unwrap();
    let second = draft("dorder_2").insert(&db).await.unwrap();
    assert_eq!((first.display_id, second.display_id), (1, 2));

    // An explicit number is kept, and numbering continues after it.
    let mut explicit = draft("dorder_3");
    explicit.display_id = Set(10);
    assert_eq!(explicit.insert(&db).await.unwrap().display_id, 10);
    assert_eq!(draft("dorder_4").insert(&db).await.unwrap().display_id, 11);
    assert_eq!(first.status, DraftOrderStatusEnum::Open);

    db.close().await.unwrap();
    drop(file);
}

#[test]
fn generated_sqlite_files_are_up_to_date() {
    // The SQLite files are generated from the PostgreSQL ones; a hand edit or a forgotten
    // regeneration shows up here.
    let status = std::process::Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tools/pg-to-sqlite.py"
        ))
        .arg("--check")
        .status()
        .expect("python3 runs tools/pg-to-sqlite.py");
    assert!(status.success(), "run migrations/tools/pg-to-sqlite.py");
    assert!(crate_file("sql/sqlite/medusa-1.20.sql").contains("CREATE TABLE \"order\""));
}

#[tokio::test]
async fn rolling_back_drops_only_our_tables() {
    let (file, db) = migrated().await;
    Migrator::down(&db, Some(7)).await.unwrap();
    for name in medusa_migration::READ_INDEXES {
        let sql = format!("SELECT count(*) FROM sqlite_master WHERE name = '{name}'");
        assert_eq!(scalar_i64(&db, &sql).await, 0, "{name}");
    }
    let tables = table_names(&db).await;
    assert!(
        !tables.contains("admin_session")
            && !tables.contains("secret_api_key")
            && !tables.contains("event_outbox")
            && !tables.contains("login_failure")
    );
    assert!(tables.contains("order"));

    // Medusa's schema is never dropped by a rollback.
    let refused = Migrator::down(&db, None).await.unwrap_err().to_string();
    assert!(refused.contains("cannot be rolled back"), "{refused}");
    assert!(table_names(&db).await.contains("order"));
    assert_eq!(
        scalar_i64(&db, "SELECT count(*) FROM medusa_admin_migrations").await,
        1
    );

    migrate(&db).await.unwrap();
    assert!(table_names(&db).await.contains("admin_session"));
    db.close().await.unwrap();
    drop(file);
}

/// A database migrated when this server still recorded its migrations in sea-orm's shared
/// `seaql_migrations`: the next migrate moves its rows to `medusa_admin_migrations` and runs
/// nothing again; a host's own rows stay where they are, and the shared table goes only when
/// nothing is left in it.
#[tokio::test]
async fn records_in_the_shared_version_table_are_moved_to_our_own() {
    for host_rows in [false, true] {
        let (file, db) = migrated().await;
        let applied =
            "SELECT group_concat(version, ',') FROM (SELECT version FROM {t} ORDER BY version)";
        let ours = scalar_text(&db, &applied.replace("{t}", "medusa_admin_migrations")).await;
        query(&db, "CREATE TABLE seaql_migrations (version varchar NOT NULL PRIMARY KEY, applied_at bigint NOT NULL)").await;
        query(
            &db,
            "INSERT INTO seaql_migrations SELECT version, applied_at FROM medusa_admin_migrations",
        )
        .await;
        query(&db, "DROP TABLE medusa_admin_migrations").await;
        if host_rows {
            query(
                &db,
                "INSERT INTO seaql_migrations VALUES ('m20240101_000001_host_table', 1)",
            )
            .await;
        }
        let schema = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE name NOT LIKE '%seaql_migrations%' AND name NOT LIKE '%medusa_admin_migrations%' ORDER BY name)";
        let before = scalar_text(&db, schema).await;

        migrate(&db).await.unwrap();

        assert_eq!(
            scalar_text(&db, &applied.replace("{t}", "medusa_admin_migrations")).await,
            ours
        );
        assert_eq!(
            scalar_text(&db, schema).await,
            before,
            "a migration ran again"
        );
        let shared_left = table_names(&db).await.contains("seaql_migrations");
        assert_eq!(shared_left, host_rows);
        if host_rows {
            assert_eq!(
                scalar_text(&db, &applied.replace("{t}", "seaql_migrations")).await,
                "m20240101_000001_host_table"
            );
        }
        db.close().await.unwrap();
        drop(file);
    }
}
