//! No query string makes parsing, planning or shaping panic, whatever its bytes.

use medusa_query_dsl::{parse, plan, plan_retrieve, ResourceSpec};
use proptest::prelude::*;
use sea_orm::DbBackend;

use crate::specs::{CURRENCIES, ORDERS, PRODUCTS, USERS};

const SPECS: [&ResourceSpec; 4] = [&USERS, &PRODUCTS, &CURRENCIES, &ORDERS];

fn exercise(query: &str) {
    let Ok(raw) = parse(query) else {
        return;
    };
    for spec in SPECS {
        for backend in [DbBackend::Postgres, DbBackend::Sqlite] {
            if let Ok(plan) = plan(spec, &raw, backend) {
                let mut row = serde_json::json!([{
                    "id": "x", "title": "t", "variants": [{"id": "v", "sku": "s", "prices": []}],
                    "collection": null, "email": "e", "created_at": "c"
                }]);
                plan.selection.shape(&mut row);
                let _ = plan.selection.relation_paths();
                let select = sea_orm::sea_query::Query::select()
                    .to_owned()
                    .into_select_like();
                let statement = plan.apply(select).0;
                // A plan is built for one backend (ILIKE exists only on PostgreSQL).
                match backend {
                    DbBackend::Postgres => {
                        let _ = statement.build(sea_orm::sea_query::PostgresQueryBuilder);
                    }
                    _ => {
                        let _ = statement.build(sea_orm::sea_query::SqliteQueryBuilder);
                    }
                }
            }
        }
        let _ = plan_retrieve(spec, &raw);
    }
}

/// Pieces the grammar cares about, so generated strings reach deep into it.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("limit".to_owned()),
        Just("offset".to_owned()),
        Just("order".to_owned()),
        Just("fields".to_owned()),
        Just("expand".to_owned()),
        Just("q".to_owned()),
        Just("id".to_owned()),
        Just("role".to_owned()),
        Just("status".to_owned()),
        Just("created_at".to_owned()),
        Just("deleted_at".to_owned()),
        Just("weight".to_owned()),
        Just("variants".to_owned()),
        Just("first_name".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just("[]".to_owned()),
        Just("%5B".to_owned()),
        Just("%5D".to_owned()),
        Just("[$lt]".to_owned()),
        Just("[gte]".to_owned()),
        Just("[$in]".to_owned()),
        Just("[$nin]".to_owned()),
        Just("[$ilike]".to_owned()),
        Just("[contains]".to_owned()),
        Just("[0]".to_owned()),
        Just("[1]".to_owned()),
        Just("[4294967296]".to_owned()),
        Just("=".to_owned()),
        Just("&".to_owned()),
        Just(",".to_owned()),
        Just(".".to_owned()),
        Just("+".to_owned()),
        Just("-".to_owned()),
        Just("*".to_owned()),
        Just("%".to_owned()),
        Just("%25".to_owned()),
        Just("%FF".to_owned()),
        Just("2024-01-01".to_owned()),
        Just("2024-01-01T10:00:00Z".to_owned()),
        Just("99999999999999999999".to_owned()),
        Just("-1".to_owned()),
        Just("admin".to_owned()),
        Just("true".to_owned()),
        "[a-z_$.*+,-]{0,6}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(query in any::<String>()) {
        exercise(&query);
    }

    #[test]
    fn grammar_shaped_text_never_panics(pieces in proptest::collection::vec(piece(), 0..24)) {
        exercise(&pieces.concat());
    }
}

/// Lets the property test call `apply` without an entity: a bare `SelectStatement` wrapped in
/// sea-orm's query traits.
trait IntoSelectLike {
    fn into_select_like(self) -> SelectLike;
}

impl IntoSelectLike for sea_orm::sea_query::SelectStatement {
    fn into_select_like(self) -> SelectLike {
        SelectLike(self)
    }
}

struct SelectLike(sea_orm::sea_query::SelectStatement);

impl sea_orm::QueryTrait for SelectLike {
    type QueryStatement = sea_orm::sea_query::SelectStatement;

    fn query(&mut self) -> &mut Self::QueryStatement {
        &mut self.0
    }

    fn as_query(&self) -> &Self::QueryStatement {
        &self.0
    }

    fn into_query(self) -> Self::QueryStatement {
        self.0
    }
}

impl sea_orm::QueryFilter for SelectLike {
    type QueryStatement = sea_orm::sea_query::SelectStatement;

    fn query(&mut self) -> &mut Self::QueryStatement {
        &mut self.0
    }
}

impl sea_orm::QuerySelect for SelectLike {
    type QueryStatement = sea_orm::sea_query::SelectStatement;

    fn query(&mut self) -> &mut Self::QueryStatement {
        &mut self.0
    }
}

impl sea_orm::QueryOrder for SelectLike {
    type QueryStatement = sea_orm::sea_query::SelectStatement;

    fn query(&mut self) -> &mut Self::QueryStatement {
        &mut self.0
    }
}
