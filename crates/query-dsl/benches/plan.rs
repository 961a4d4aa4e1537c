//! Parse + plan of typical admin list queries (what every list request pays before SQL).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use medusa_query_dsl::{parse, plan};
use sea_orm::DbBackend;

#[path = "../tests/it/specs.rs"]
#[allow(dead_code)]
mod specs;

/// What the admin dashboard's product list sends, filters and selection included.
const PRODUCTS_QUERY: &str = "limit=20&offset=40&order=-created_at&q=shirt\
    &status%5B%5D=published&status%5B%5D=draft&created_at%5Bgte%5D=2024-01-01\
    &created_at%5B%24lt%5D=2024-06-01T00:00:00Z&fields=title,handle,status\
    &expand=variants,variants.prices,collection,tags";

const USERS_QUERY: &str = "limit=50&q=admin&role[]=admin,member&order=email";

fn bench(c: &mut Criterion) {
    c.bench_function("parse+plan products list", |b| {
        b.iter(|| {
            let raw = parse(black_box(PRODUCTS_QUERY)).ok();
            raw.and_then(|raw| plan(&specs::PRODUCTS, &raw, DbBackend::Postgres).ok())
        })
    });
    c.bench_function("parse+plan users list", |b| {
        b.iter(|| {
            let raw = parse(black_box(USERS_QUERY)).ok();
            raw.and_then(|raw| plan(&specs::USERS, &raw, DbBackend::Postgres).ok())
        })
    });
    c.bench_function("parse only products list", |b| {
        b.iter(|| parse(black_box(PRODUCTS_QUERY)).ok())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
