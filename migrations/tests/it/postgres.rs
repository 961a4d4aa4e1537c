//! PostgreSQL: parity with Medusa's own schema, reference rows, adoption of a Medusa database.

use std::time::Instant;

use medusa_migration::{migrate, MEDUSA_LAST_MIGRATION};
use medusa_test_support::{Backend, TestDb};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

use crate::admin::round_trip_admin_entities;
use crate::catalog::{Snapshot, OUR_TABLES};
use crate::support::{connect, medusa_migration_rows, reference_dump, run_script};

async fn scalar_i64(db: &DatabaseConnection, sql: &str) -> i64 {
    let row = db
        .query_one(Statement::from_string(DbBackend::Postgres, sql.to_owned()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .unwrap_or_else(|| panic!("{sql}: no row"));
    row.try_get_by_index(0).unwrap()
}

async fn applied_versions(db: &DatabaseConnection) -> Vec<String> {
    db.query_all(Statement::from_string(
        DbBackend::Postgres,
        "SELECT version FROM medusa_admin_migrations ORDER BY version",
    ))
    .await
    .unwrap()
    .iter()
    .map(|row| row.try_get_by_index(0).unwrap())
    .collect()
}

/// The indexes `m0004_read_indexes` adds to Medusa's tables, as PostgreSQL defines them.
fn expected_read_indexes() -> Vec<String> {
    vec![
        r#"CREATE INDEX "IDX_product_option_product_id" ON public.product_option USING btree (product_id)"#.to_owned(),
        r#"CREATE INDEX "IDX_product_created_at_id" ON public.product USING btree (created_at, id) WHERE (deleted_at IS NULL)"#.to_owned(),
        r#"CREATE INDEX "IDX_order_created_at_id" ON public."order" USING btree (created_at, id)"#.to_owned(),
        r#"CREATE INDEX "IDX_image_url" ON public.image USING hash (url) WHERE (deleted_at IS NULL)"#.to_owned(),
    ]
}

#[tokio::test]
async fn migrated_schema_matches_medusa_reference_dump() {
    let dump = reference_dump();
    let reference = TestDb::empty(Backend::Postgres).await;
    run_script(reference.url(), &dump).await;
    let migrated = TestDb::empty(Backend::Postgres).await;
    let db = connect(migrated.url()).await;
    migrate(&db).await.unwrap();
    db.close().await.unwrap();

    let expected = Snapshot::read(reference.url(), &OUR_TABLES).await;
    let actual = Snapshot::read(migrated.url(), &OUR_TABLES).await;
    assert_eq!(actual.read_indexes(), expected_read_indexes());
    let actual = actual.without_read_indexes();
    let diff = expected.diff("medusa", &actual, "migrated");
    assert!(
        diff.is_empty(),
        "schema differs from Medusa 1.20's:\n{diff}"
    );

    // Guard against an empty comparison passing.
    assert_eq!(actual.count("table"), 100);
    assert_eq!(actual.count("enum"), 29);
    assert_eq!(actual.count("column"), 786);
    assert_eq!(actual.count("index"), 297);
    assert_eq!(actual.count("constraint"), 283);
    assert!(actual.0.contains_key("extension pg_trgm"));

    drop(reference);
    drop(migrated);
}

#[tokio::test]
async fn fresh_database_gets_reference_rows_and_a_second_migrate_changes_nothing() {
    let database = TestDb::empty(Backend::Postgres).await;
    let db = connect(database.url()).await;
    let started = Instant::now();
    migrate(&db).await.unwrap();
    println!(
        "migrate on a fresh PostgreSQL database: {:?}",
        started.elapsed()
    );

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
        scalar_i64(
            &db,
            "SELECT count(*) FROM country WHERE iso_2 = 'us' AND display_name = 'United States'"
        )
        .await,
        1
    );
    assert_eq!(scalar_i64(&db, "SELECT count(*) FROM migrations").await, 75);
    assert_eq!(
        scalar_i64(
            &db,
            &format!(
                "SELECT max(id)::bigint FROM migrations WHERE name = '{MEDUSA_LAST_MIGRATION}'"
            )
        )
        .await,
        75
    );
    // The serial sequences continue after the reference rows.
    assert_eq!(
        scalar_i64(&db, "SELECT nextval('country_id_seq')").await,
        251
    );
    assert_eq!(
        scalar_i64(&db, "SELECT nextval('migrations_id_seq')").await,
        76
    );
    assert_eq!(
        applied_versions(&db).await,
        [
            "m0001_medusa_schema",
            "m0002_admin_tables",
            "m0003_event_outbox",
            "m0004_read_indexes",
            "m0005_login_failures",
            "m0006_order_read_index",
            "m0007_image_url_index",
            "m0008_row_counts"
        ]
    );

    let before = Snapshot::read(database.url(), &[]).await;
    migrate(&db).await.unwrap();
    let after = Snapshot::read(database.url(), &[]).await;
    let diff = before.diff("first", &after, "second");
    assert!(
        diff.is_empty(),
        "a second migrate changed the schema:\n{diff}"
    );
    assert_eq!(scalar_i64(&db, "SELECT count(*) FROM currency").await, 120);
    assert_eq!(applied_versions(&db).await.len(), 8);

    db.close().await.unwrap();
    drop(database);
}

#[tokio::test]
async fn admin_tables_round_trip_their_entities() {
    let database = TestDb::empty(Backend::Postgres).await;
    let db = connect(database.url()).await;
    migrate(&db).await.unwrap();
    round_trip_admin_entities(&db).await;

    // The exact PostgreSQL definitions of our tables, as the entities expect them.
    let snapshot = Snapshot::read(database.url(), &[]).await;
    let ours: Vec<String> = snapshot
        .0
        .iter()
        .filter(|(key, _)| key.contains("admin_session") || key.contains("secret_api_key"))
        .map(|(key, definition)| format!("{key} => {definition}"))
        .collect();
    let expected = [
        "column admin_session.created_at => position=4 data_type=timestamp with time zone udt=timestamptz nullable=NO default=now() max_length=- precision=- scale=-",
        "column admin_session.data => position=2 data_type=text udt=text nullable=NO default=- max_length=- precision=- scale=-",
        "column admin_session.expires_at => position=3 data_type=timestamp with time zone udt=timestamptz nullable=NO default=- max_length=- precision=- scale=-",
        "column admin_session.id => position=1 data_type=character varying udt=varchar nullable=NO default=- max_length=- precision=- scale=-",
        "column admin_session.updated_at => position=5 data_type=timestamp with time zone udt=timestamptz nullable=NO default=now() max_length=- precision=- scale=-",
        "column secret_api_key.created_at => position=10 data_type=timestamp with time zone udt=timestamptz nullable=NO default=now() max_length=- precision=- scale=-",
        "column secret_api_key.created_by => position=6 data_type=character varying udt=varchar nullable=NO default=- max_length=- precision=- scale=-",
        "column secret_api_key.id => position=1 data_type=character varying udt=varchar nullable=NO default=- max_length=- precision=- scale=-",
        "column secret_api_key.key_type => position=5 data_type=character varying udt=varchar nullable=NO default='secret'::character varying max_length=- precision=- scale=-",
        "column secret_api_key.last_used_at => position=9 data_type=timestamp with time zone udt=timestamptz nullable=YES default=- max_length=- precision=- scale=-",
        "column secret_api_key.redacted => position=4 data_type=character varying udt=varchar nullable=NO default=- max_length=- precision=- scale=-",
        "column secret_api_key.revoked_at => position=8 data_type=timestamp with time zone udt=timestamptz nullable=YES default=- max_length=- precision=- scale=-",
        "column secret_api_key.revoked_by => position=7 data_type=character varying udt=varchar nullable=YES default=- max_length=- precision=- scale=-",
        "column secret_api_key.title => position=2 data_type=character varying udt=varchar nullable=NO default=- max_length=- precision=- scale=-",
        "column secret_api_key.token_hash => position=3 data_type=character varying udt=varchar nullable=NO default=- max_length=- precision=- scale=-",
        "column secret_api_key.updated_at => position=11 data_type=timestamp with time zone udt=timestamptz nullable=NO default=now() max_length=- precision=- scale=-",
        "constraint admin_session.admin_session_pkey => p PRIMARY KEY (id)",
        "constraint secret_api_key.secret_api_key_pkey => p PRIMARY KEY (id)",
        "constraint secret_api_key.secret_api_key_token_hash_key => u UNIQUE (token_hash)",
        r#"index IDX_admin_session_expires_at => CREATE INDEX "IDX_admin_session_expires_at" ON public.admin_session USING btree (expires_at)"#,
        "index admin_session_pkey => CREATE UNIQUE INDEX admin_session_pkey ON public.admin_session USING btree (id)",
        "index secret_api_key_pkey => CREATE UNIQUE INDEX secret_api_key_pkey ON public.secret_api_key USING btree (id)",
        "index secret_api_key_token_hash_key => CREATE UNIQUE INDEX secret_api_key_token_hash_key ON public.secret_api_key USING btree (token_hash)",
        "table admin_session => BASE TABLE",
        "table secret_api_key => BASE TABLE",
    ];
    assert_eq!(ours, expected);
    db.close().await.unwrap();
    drop(database);
}

/// A database as Medusa 1.20 leaves it: its schema and its 75 `migrations` rows.
async fn medusa_database(migration_rows: &[String]) -> TestDb {
    let database = TestDb::empty(Backend::Postgres).await;
    run_script(database.url(), &reference_dump()).await;
    run_script(database.url(), &migration_rows.join("\n")).await;
    database
}

#[tokio::test]
async fn existing_medusa_database_is_adopted_untouched() {
    let database = medusa_database(&medusa_migration_rows()).await;
    let before = Snapshot::read(database.url(), &OUR_TABLES).await;
    assert_eq!(before.count("table"), 100);

    let db = connect(database.url()).await;
    migrate(&db).await.unwrap();

    let after = Snapshot::read(database.url(), &OUR_TABLES).await;
    // Only the read-path indexes are added to Medusa's tables.
    assert_eq!(after.read_indexes(), expected_read_indexes());
    let diff = before.diff("before", &after.without_read_indexes(), "after");
    assert!(diff.is_empty(), "migrate altered Medusa's schema:\n{diff}");
    // No rows were added to Medusa's tables either.
    assert_eq!(scalar_i64(&db, "SELECT count(*) FROM currency").await, 0);
    assert_eq!(scalar_i64(&db, "SELECT count(*) FROM country").await, 0);
    assert_eq!(scalar_i64(&db, "SELECT count(*) FROM migrations").await, 75);
    // Our own tables now exist and work.
    round_trip_admin_entities(&db).await;
    assert_eq!(
        applied_versions(&db).await,
        [
            "m0001_medusa_schema",
            "m0002_admin_tables",
            "m0003_event_outbox",
            "m0004_read_indexes",
            "m0005_login_failures",
            "m0006_order_read_index",
            "m0007_image_url_index",
            "m0008_row_counts"
        ]
    );

    let everything = Snapshot::read(database.url(), &[]).await;
    migrate(&db).await.unwrap();
    let again = Snapshot::read(database.url(), &[]).await;
    let diff = everything.diff("first", &again, "second");
    assert!(
        diff.is_empty(),
        "a second migrate changed the schema:\n{diff}"
    );
    assert_eq!(applied_versions(&db).await.len(), 8);

    db.close().await.unwrap();
    drop(database);
}

#[tokio::test]
async fn order_rows_are_counted_from_the_first_migrate_on() {
    let database = medusa_database(&medusa_migration_rows()).await;
    let db = connect(database.url()).await;
    // Orders Medusa placed before this server first ran.
    let orders = |from: u32, to: u32| {
        let values: Vec<String> = (from..=to)
            .map(|n| format!("('order_{n}', {n}, 'cus_1', 'a@b.c', 'reg_1', 'eur')"))
            .collect();
        format!(
            r#"INSERT INTO "order" (id, display_id, customer_id, email, region_id, currency_code) VALUES {}"#,
            values.join(", ")
        )
    };
    run_script(
        database.url(),
        &format!(
            "INSERT INTO currency (code, symbol, symbol_native, name) VALUES ('eur', 'E', 'E', 'Euro');\n\
             INSERT INTO region (id, name, currency_code, tax_rate) VALUES ('reg_1', 'EU', 'eur', 0);\n\
             INSERT INTO customer (id, email) VALUES ('cus_1', 'a@b.c');\n{};",
            orders(1, 3)
        ),
    )
    .await;
    migrate(&db).await.unwrap();
    let kept = "SELECT sum(delta)::bigint FROM medusa_admin_row_count WHERE table_name = 'order'";
    assert_eq!(scalar_i64(&db, kept).await, 3);
    // One statement inserting two orders, another deleting one, as any writer would.
    run_script(database.url(), &format!("{};", orders(4, 5))).await;
    assert_eq!(scalar_i64(&db, kept).await, 5);
    run_script(
        database.url(),
        r#"DELETE FROM "order" WHERE id = 'order_2';"#,
    )
    .await;
    assert_eq!(scalar_i64(&db, kept).await, 4);
    assert_eq!(scalar_i64(&db, r#"SELECT count(*) FROM "order""#).await, 4);
    // A truncation starts the count again.
    run_script(
        database.url(),
        &format!(r#"TRUNCATE "order" CASCADE; {};"#, orders(6, 6)),
    )
    .await;
    assert_eq!(scalar_i64(&db, kept).await, 1);
    // Rolling the migration back removes the table, its triggers and functions.
    use sea_orm_migration::MigratorTrait;
    medusa_migration::Migrator::down(&db, Some(1))
        .await
        .unwrap();
    let left = "SELECT (SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'medusa_admin_count_%') \
         + (SELECT count(*) FROM pg_proc WHERE proname LIKE 'medusa_admin_count_%') \
         + (SELECT count(*) FROM pg_class WHERE relname = 'medusa_admin_row_count')";
    assert_eq!(scalar_i64(&db, left).await, 0);
    db.close().await.unwrap();
    drop(database);
}

#[tokio::test]
async fn incomplete_medusa_database_is_refused() {
    let mut rows = medusa_migration_rows();
    let last = rows.pop().unwrap();
    assert!(last.contains(MEDUSA_LAST_MIGRATION));
    let database = medusa_database(&rows).await;
    let before = Snapshot::read(database.url(), &OUR_TABLES).await;

    let db = connect(database.url()).await;
    let error = migrate(&db).await.unwrap_err().to_string();
    assert!(
        error.contains("Run Medusa 1.20's own migrations first")
            && error.contains(MEDUSA_LAST_MIGRATION),
        "unclear error: {error}"
    );
    assert!(error.contains("74 migrations"), "{error}");

    // Nothing was created: the failed migration's transaction was rolled back.
    let after = Snapshot::read(database.url(), &OUR_TABLES).await;
    assert!(before.diff("before", &after, "after").is_empty());
    assert_eq!(
        scalar_i64(
            &db,
            "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('admin_session', 'secret_api_key', 'event_outbox')"
        )
        .await,
        0
    );
    assert_eq!(applied_versions(&db).await.len(), 0);

    db.close().await.unwrap();
    drop(database);
}
