//! Feeds arbitrary bytes to the query-string parser and planner: neither may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medusa_query_dsl::{parse, plan, plan_retrieve};
use sea_orm::DbBackend;

#[path = "../../tests/it/specs.rs"]
#[allow(dead_code)]
mod specs;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let Ok(raw) = parse(&query) else {
        return;
    };
    for spec in [&specs::USERS, &specs::PRODUCTS, &specs::CURRENCIES, &specs::ORDERS] {
        for backend in [DbBackend::Postgres, DbBackend::Sqlite] {
            if let Ok(plan) = plan(spec, &raw, backend) {
                let mut row = serde_json::json!({"id": "x", "variants": [{"id": "v"}]});
                plan.selection.shape(&mut row);
            }
        }
        let _ = plan_retrieve(spec, &raw);
    }
});
