//! Plans executed for real: the same queries on SQLite and on PostgreSQL, each in an empty
//! database of its own with this file's schema, and a count of statements showing relation
//! loading does not grow with the page size.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use medusa_query_dsl::{
    parse, plan, FieldKind, FilterSpec, Pagination, RelationSpec, ResourceSpec,
};
use medusa_test_support::{Backend, TestDb};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, LoaderTrait, PaginatorTrait,
    Statement,
};

use crate::specs::USERS;

mod user {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "user_role_enum")]
    pub enum Role {
        #[sea_orm(string_value = "member")]
        Member,
        #[sea_orm(string_value = "admin")]
        Admin,
        #[sea_orm(string_value = "developer")]
        Developer,
    }

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "user")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub email: String,
        pub first_name: Option<String>,
        pub last_name: Option<String>,
        pub role: Role,
        pub created_at: DateTimeWithTimeZone,
        pub deleted_at: Option<DateTimeWithTimeZone>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(has_many = "super::post::Entity")]
        Post,
    }

    impl Related<super::post::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::Post.def()
        }
    }

    impl ActiveModelBehavior for ActiveModel {}
}

mod post {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "post")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub user_id: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(
            belongs_to = "super::user::Entity",
            from = "Column::UserId",
            to = "super::user::Column::Id"
        )]
        User,
        #[sea_orm(has_many = "super::comment::Entity")]
        Comment,
    }

    impl Related<super::user::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::User.def()
        }
    }

    impl Related<super::comment::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::Comment.def()
        }
    }

    impl ActiveModelBehavior for ActiveModel {}
}

mod comment {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "comment")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub post_id: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(
            belongs_to = "super::post::Entity",
            from = "Column::PostId",
            to = "super::post::Column::Id"
        )]
        Post,
    }

    impl Related<super::post::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::Post.def()
        }
    }

    impl ActiveModelBehavior for ActiveModel {}
}

const SCHEMA_SQLITE: &[&str] = &[
    r#"CREATE TABLE "user" (id TEXT PRIMARY KEY, email TEXT NOT NULL, first_name TEXT, last_name TEXT, role TEXT NOT NULL, created_at TEXT NOT NULL, deleted_at TEXT)"#,
    r#"CREATE TABLE post (id TEXT PRIMARY KEY, user_id TEXT NOT NULL)"#,
    r#"CREATE TABLE comment (id TEXT PRIMARY KEY, post_id TEXT NOT NULL)"#,
];

const SCHEMA_POSTGRES: &[&str] = &[
    "CREATE TYPE user_role_enum AS ENUM ('member', 'admin', 'developer')",
    r#"CREATE TABLE "user" (id TEXT PRIMARY KEY, email TEXT NOT NULL, first_name TEXT, last_name TEXT, role user_role_enum NOT NULL, created_at TIMESTAMPTZ NOT NULL, deleted_at TIMESTAMPTZ)"#,
    "CREATE TABLE post (id TEXT PRIMARY KEY, user_id TEXT NOT NULL)",
    "CREATE TABLE comment (id TEXT PRIMARY KEY, post_id TEXT NOT NULL)",
];

/// id, email, first name, last name, role, created_at, deleted_at
type UserRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
);

const USERS_ROWS: &[UserRow] = &[
    (
        "u1",
        "admin@medusa-test.com",
        "Ref",
        "Admin",
        "admin",
        "2024-01-01T10:00:00Z",
        None,
    ),
    (
        "u2",
        "jane@example.com",
        "Jane",
        "Doe",
        "member",
        "2024-02-01T00:00:00Z",
        None,
    ),
    (
        "u3",
        "john@example.com",
        "John",
        "Smith",
        "developer",
        "2024-03-01T00:00:00Z",
        None,
    ),
    (
        "u4",
        "gone@example.com",
        "Del",
        "Eted",
        "member",
        "2024-04-01T00:00:00Z",
        Some("2024-05-01T00:00:00Z"),
    ),
    (
        "u5",
        "percent@example.com",
        "100% Pure",
        "O_Neil",
        "member",
        "2024-05-01T00:00:00Z",
        None,
    ),
];

async fn seed(db: &DatabaseConnection, schema: &[&str]) {
    for sql in schema {
        db.execute_unprepared(sql).await.unwrap();
    }
    use sea_orm::{ActiveModelTrait, Set};
    for (id, email, first, last, role, created, deleted) in USERS_ROWS {
        let role = match *role {
            "admin" => user::Role::Admin,
            "developer" => user::Role::Developer,
            _ => user::Role::Member,
        };
        let ts = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
        user::ActiveModel {
            id: Set((*id).to_owned()),
            email: Set((*email).to_owned()),
            first_name: Set(Some((*first).to_owned())),
            last_name: Set(Some((*last).to_owned())),
            role: Set(role),
            created_at: Set(ts(created)),
            deleted_at: Set(deleted.map(ts)),
        }
        .insert(db)
        .await
        .unwrap();
    }
}

/// Runs a list query the way a handler does and returns the page's ids and the count.
async fn run(db: &DatabaseConnection, query: &str) -> (Vec<String>, u64) {
    let raw = parse(query).unwrap();
    let plan = plan(&USERS, &raw, db.get_database_backend()).unwrap();
    let count = plan
        .apply_count(user::Entity::find())
        .count(db)
        .await
        .unwrap();
    let rows = plan.apply(user::Entity::find()).all(db).await.unwrap();
    (rows.into_iter().map(|u| u.id).collect(), count)
}

const CASES: &[(&str, &[&str], u64)] = &[
    ("", &["u5", "u3", "u2", "u1"], 4),
    ("q=ADMIN", &["u1"], 1),
    ("q=jOhN", &["u3"], 1),
    ("q=%25", &["u5"], 1),
    ("q=_", &["u5"], 1),
    ("role=member", &["u5", "u2"], 2),
    ("role[]=admin,developer", &["u3", "u1"], 2),
    ("role[$nin][]=member", &["u3", "u1"], 2),
    (
        "created_at[gte]=2024-02-01&created_at[lt]=2024-05-01",
        &["u3", "u2"],
        2,
    ),
    ("created_at[$gt]=2024-02-01T00:00:00Z", &["u5", "u3"], 2),
    // A number that is no date string is epoch seconds, as in Medusa.
    ("created_at[lte]=1704103200", &["u1"], 1),
    ("created_at[lte]=01-01-2024 10:00", &["u1"], 1),
    ("deleted_at[gt]=2000-01-01", &["u4"], 1),
    ("order=email&limit=2&offset=1", &["u2", "u3"], 4),
    ("order=-first_name&limit=2", &["u1", "u3"], 4),
    ("limit=0", &["u5", "u3", "u2", "u1"], 4),
    ("limit=1&offset=10", &[], 4),
    ("id[$nin]=u1,u2", &["u5", "u3"], 2),
    ("id[0]=u1&id[1]=u3", &["u3", "u1"], 2),
    ("first_name[contains]=%25", &["u5"], 1),
    ("first_name[starts_with]=jo", &["u3"], 1),
    ("first_name[$ilike]=j%25", &["u3", "u2"], 2),
    ("email=ADMIN@medusa-test.com", &[], 0),
    ("email=admin@medusa-test.com", &["u1"], 1),
];

async fn check_cases(db: &DatabaseConnection) {
    let mut failures = Vec::new();
    for (query, ids, count) in CASES {
        let (actual_ids, actual_count) = run(db, query).await;
        if actual_ids != *ids || actual_count != *count {
            failures.push(format!(
                "{query}: expected {ids:?} / {count}, got {actual_ids:?} / {actual_count}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{:?}:\n{}",
        db.get_database_backend(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn plans_run_on_sqlite() {
    let test = TestDb::empty(Backend::Sqlite).await;
    seed(&test.db, SCHEMA_SQLITE).await;
    check_cases(&test.db).await;
}

#[tokio::test]
async fn plans_run_on_postgres() {
    let test = TestDb::empty(Backend::Postgres).await;
    seed(&test.db, SCHEMA_POSTGRES).await;
    check_cases(&test.db).await;
}

/// A resource with two relation levels, loaded level by level with one select-in query per
/// relation as `Selection::levels` lays out.
const AUTHORS: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination::uncapped(50)),
    default_order: &[("id", sea_orm::Order::Asc)],
    sortable: &["id"],
    filters: &[FilterSpec::value("id", FieldKind::Text).list()],
    expandable: true,
    relations: &[RelationSpec::new("posts").children(&[RelationSpec::new("comments")])],
    ..ResourceSpec::new("authors", "user")
};

async fn statements_for_page(db: &mut DatabaseConnection, limit: usize) -> (usize, usize) {
    let counter = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&counter);
    db.set_metric_callback(move |_info| {
        seen.fetch_add(1, Ordering::SeqCst);
    });
    let raw = parse(&format!("limit={limit}&expand=posts.comments")).unwrap();
    let plan = plan(&AUTHORS, &raw, db.get_database_backend()).unwrap();
    let _count = plan
        .apply_count(user::Entity::find())
        .count(&*db)
        .await
        .unwrap();
    let users = plan.apply(user::Entity::find()).all(&*db).await.unwrap();
    let mut loaded = 0;
    let levels = plan.selection.levels();
    assert_eq!(
        levels
            .iter()
            .map(|l| l.iter().map(|n| n.path.as_str()).collect::<Vec<_>>())
            .collect::<Vec<_>>(),
        vec![vec!["posts"], vec!["posts.comments"]]
    );
    let posts = users.load_many(post::Entity, &*db).await.unwrap();
    let posts: Vec<post::Model> = posts.into_iter().flatten().collect();
    let comments = posts.load_many(comment::Entity, &*db).await.unwrap();
    loaded += users.len() + posts.len() + comments.into_iter().flatten().count();
    (counter.load(Ordering::SeqCst), loaded)
}

#[tokio::test]
async fn relation_loading_does_not_grow_with_page_size() {
    let test = TestDb::empty(Backend::Sqlite).await;
    let mut db = test.db.clone();
    for sql in SCHEMA_SQLITE {
        db.execute_unprepared(sql).await.unwrap();
    }
    let mut inserts = Vec::new();
    for u in 0..50 {
        inserts.push(format!(
            "INSERT INTO \"user\" VALUES ('a{u:02}', 'a{u}@x.io', NULL, NULL, 'member', '2024-01-01T00:00:00+00:00', NULL)"
        ));
        for p in 0..2 {
            inserts.push(format!("INSERT INTO post VALUES ('p{u:02}{p}', 'a{u:02}')"));
            inserts.push(format!(
                "INSERT INTO comment VALUES ('c{u:02}{p}', 'p{u:02}{p}')"
            ));
        }
    }
    for sql in inserts {
        db.execute(Statement::from_string(DbBackend::Sqlite, sql))
            .await
            .unwrap();
    }
    let (one_page, one_rows) = statements_for_page(&mut db, 1).await;
    let (fifty_page, fifty_rows) = statements_for_page(&mut db, 50).await;
    assert_eq!((one_rows, fifty_rows), (1 + 2 + 2, 50 + 100 + 100));
    // count + page + one query per relation level.
    assert_eq!(one_page, 4);
    assert_eq!(fifty_page, one_page);
}
