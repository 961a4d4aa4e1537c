//! One integration-test binary for the query grammar: the data-driven tables, property tests
//! and runs of plans against SQLite and PostgreSQL.

// Test code: a failed setup step should stop the test right there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod db;
mod props;
mod specs;
mod table;

use medusa_query_dsl::{
    parse, plan, plan_retrieve, FieldSet, ListPlan, RelationNode, ResourceSpec, Selection,
};
use sea_orm::sea_query::{Alias, Asterisk, PostgresQueryBuilder, Query, SqliteQueryBuilder};
use sea_orm::DbBackend;

/// The SQL a plan stands for (values inlined for reading; execution binds them), followed by
/// the echoed limit and `with_deleted`.
pub fn render_plan(plan: &ListPlan, backend: DbBackend) -> String {
    let mut stmt = Query::select();
    stmt.column(Asterisk).from(Alias::new(plan.table));
    if !plan.condition.is_empty() {
        stmt.cond_where(plan.condition.clone());
    }
    for (column, order) in &plan.order {
        stmt.order_by((Alias::new(plan.table), Alias::new(*column)), order.clone());
    }
    if let Some(limit) = plan.limit {
        stmt.limit(limit);
    }
    if plan.offset > 0 {
        stmt.offset(plan.offset);
    }
    let sql = match backend {
        DbBackend::Postgres => stmt.to_string(PostgresQueryBuilder),
        _ => stmt.to_string(SqliteQueryBuilder),
    };
    let prefix = format!("SELECT * FROM \"{}\"", plan.table);
    let mut out = sql.strip_prefix(&prefix).unwrap_or(&sql).trim().to_owned();
    out.push_str(&format!(" | echo {}", plan.limit_echo));
    if plan.with_deleted {
        out.push_str(" | with_deleted");
    }
    out
}

fn render_fields(fields: &FieldSet) -> String {
    match fields {
        FieldSet::All => "*".to_owned(),
        FieldSet::Only(list) => list.join(","),
        FieldSet::AllExcept(list) => format!("*-{}", list.join(",-")),
    }
}

fn render_nodes(nodes: &[RelationNode]) -> String {
    nodes
        .iter()
        .map(|n| {
            let mut s = format!("{}{{{}}}", n.name, render_fields(&n.fields));
            if !n.children.is_empty() {
                s.push_str(&format!("({})", render_nodes(&n.children)));
            }
            s
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `fields: ... | relations: name{fields}(children) ...`
pub fn render_selection(selection: &Selection) -> String {
    format!(
        "{} | {}",
        render_fields(&selection.fields),
        render_nodes(&selection.relations)
    )
}

/// Plans a list query on PostgreSQL and renders it, or the error.
pub fn list(spec: &ResourceSpec, query: &str) -> String {
    list_on(spec, query, DbBackend::Postgres)
}

pub fn list_on(spec: &ResourceSpec, query: &str, backend: DbBackend) -> String {
    match parse(query).and_then(|raw| plan(spec, &raw, backend)) {
        Ok(plan) => render_plan(&plan, backend),
        Err(err) => format!("error: {err}"),
    }
}

/// The selection of a list query, or the error.
pub fn list_selection(spec: &ResourceSpec, query: &str) -> String {
    match parse(query).and_then(|raw| plan(spec, &raw, DbBackend::Postgres)) {
        Ok(plan) => render_selection(&plan.selection),
        Err(err) => format!("error: {err}"),
    }
}

/// The selection of a retrieve query, or the error.
pub fn retrieve_selection(spec: &ResourceSpec, query: &str) -> String {
    match parse(query).and_then(|raw| plan_retrieve(spec, &raw)) {
        Ok(selection) => render_selection(&selection),
        Err(err) => format!("error: {err}"),
    }
}
